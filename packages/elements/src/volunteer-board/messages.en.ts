import type { VolunteerBoardMessages } from './messages.js';

/** English strings of `volunteerBoardMessages`, loaded when an element is first shown in English. */
const en: VolunteerBoardMessages = {
  label: 'Volunteer opportunities in organisations that have signed the agreement',
  searchLabel: 'Search opportunities',
  searchHint: 'What you would like to do, an organisation or a district. Case and accents do not matter.',
  districtLabel: 'District',
  activityLabel: 'Activity',
  languageLabel: 'Language',
  count: { one: '{n} opportunity of {total}', other: '{n} opportunities of {total}' },
  countAll: { one: '{n} opportunity', other: '{n} opportunities' },
  empty: 'No opportunity matches the search.',
  none: 'There are no volunteer opportunities at the moment.',
  clear: 'Clear search and filters',
  organisation: 'Organisation',
  where: 'Where',
  when: 'When',
  time: 'Time',
  languages: 'Languages',
  validThrough: 'Shown until {date}',
  ongoing: 'Ongoing',
  from: 'From {date}',
  until: 'Until {date}',
  range: '{start} – {end}',
  contact: 'Contact',
  email: 'E-mail',
  phone: 'Phone',
  website: 'Website',
};

export default en;
