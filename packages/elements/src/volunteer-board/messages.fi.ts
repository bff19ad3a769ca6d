import type { VolunteerBoardMessages } from './messages.js';

/** Finnish strings of `volunteerBoardMessages`, loaded when an element is first shown in Finnish. */
const fi: VolunteerBoardMessages = {
  label: 'Vapaaehtoistehtävät sopimuksen allekirjoittaneissa järjestöissä',
  searchLabel: 'Hae tehtäviä',
  searchHint: 'Mitä haluaisit tehdä, järjestö tai kaupunginosa. Isoilla ja pienillä kirjaimilla tai tarkkeilla ei ole väliä.',
  districtLabel: 'Kaupunginosa',
  activityLabel: 'Toiminta',
  languageLabel: 'Kieli',
  count: { one: '{n} tehtävä / {total}', other: '{n} tehtävää / {total}' },
  countAll: { one: '{n} tehtävä', other: '{n} tehtävää' },
  empty: 'Mikään tehtävä ei vastaa hakua.',
  none: 'Vapaaehtoistehtäviä ei ole juuri nyt.',
  clear: 'Tyhjennä haku ja suodattimet',
  organisation: 'Järjestö',
  where: 'Missä',
  when: 'Milloin',
  time: 'Aika',
  languages: 'Kielet',
  validThrough: 'Näkyvissä {date} asti',
  ongoing: 'Jatkuva',
  from: 'Alkaen {date}',
  until: '{date} asti',
  range: '{start} – {end}',
  contact: 'Yhteystiedot',
  email: 'Sähköposti',
  phone: 'Puhelin',
  website: 'Verkkosivu',
};

export default fi;
