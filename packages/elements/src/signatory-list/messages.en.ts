import type { SignatoryListMessages } from './messages.js';

/** English strings of `signatoryListMessages`, loaded when an element is first shown in English. */
const en: SignatoryListMessages = {
  label: 'Organisations that have signed the agreement',
  searchLabel: 'Search organisations',
  searchHint: 'Name, activity or district. Case and accents do not matter.',
  formLabel: 'Type of organisation',
  districtLabel: 'District',
  activityLabel: 'Activity',
  count: { one: '{n} organisation of {total}', other: '{n} organisations of {total}' },
  countAll: { one: '{n} organisation', other: '{n} organisations' },
  empty: 'No organisation matches the search.',
  clear: 'Clear search and filters',
  form: 'Type',
  districts: 'Districts',
  website: 'Website',
  signed: 'Signed {date} {via}',
  notSigned: 'Has not signed the agreement',
  via: {
    adoption: 'when the agreement was adopted',
    'dialogue-forum': 'at a dialogue forum',
    'written-application': 'by written application',
  },
};

export default en;
