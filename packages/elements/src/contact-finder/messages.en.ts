import type { ContactFinderMessages } from './messages.js';

/** English strings of `contactFinderMessages`, loaded when an element is first shown in English. */
const en: ContactFinderMessages = {
  label: 'Find the right contact person at the municipality',
  searchLabel: 'What do you need help with?',
  searchHint: 'Search by topic (for example grants, premises or volunteers), name, department or language.',
  countAll: { one: '{n} contact person', other: '{n} contact people' },
  countFound: { one: '{n} contact person found', other: '{n} contact people found' },
  empty: 'No contact person matches “{query}”.',
  emptyGeneral: 'Please contact {name}, who will help you further:',
  emptyNoGeneral: 'Try other words, for example a topic or a department.',
  unit: 'Unit',
  topics: 'Topics',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  languages: 'Speaks',
};

export default en;
