import type { PrinciplesMessages } from './messages.js';

/** English strings of `principlesMessages`, loaded when an element is first shown in English. */
const en: PrinciplesMessages = {
  adopted: 'Adopted on {date} by {municipality}.',
  revision: { one: 'The agreement is revised every year.', other: 'The agreement is revised every {n} years.' },
  developmentPlan: { one: 'A development plan is drawn up every year.', other: 'A development plan is drawn up every {n} years.' },
  document: 'Read the whole agreement',
  principlesHeading: 'Principles',
  parties: { municipality: 'The municipality commits', 'civil-society': 'Civil society commits', both: 'Together we commit' },
  link: 'Direct link to this principle',
  noPrinciples: 'The information contains no principles.',
  areasHeading: 'Development areas',
  goal: 'Goal',
  actions: 'Actions',
};

export default en;
