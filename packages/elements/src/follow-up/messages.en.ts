import type { FollowUpMessages } from './messages.js';

/** English strings of `followUpMessages`, loaded when an element is first shown in English. */
const en: FollowUpMessages = {
  label: 'Follow-up of the agreement',
  heading: 'Follow-up {year}',
  yearLabel: 'Year',
  published: 'Published on {date}.',
  document: 'Read the whole follow-up report',
  overviewHeading: 'Overview',
  chartCaption: 'Status of the commitments by party, {year}',
  tableCaption: 'Number of commitments by party and status, {year}',
  partyHeader: 'Party',
  totalHeader: 'Total',
  parties: { municipality: 'Municipality', 'civil-society': 'Civil society', both: 'Joint' },
  partyCommitments: { municipality: 'The municipality commits', 'civil-society': 'Civil society commits', both: 'Together we commit' },
  statuses: { done: 'Done', 'in-progress': 'In progress', 'not-started': 'Not started', 'not-done': 'Will not be done', unreported: 'No information' },
  statusPrefix: 'Status:',
  changeHeading: 'Change since {year}',
  changeHint: 'The number of commitments this year, and in brackets the difference from {year}.',
  commitmentsHeading: 'The commitments, principle by principle',
  evidence: 'Evidence',
  empty: 'There is no follow-up of the agreement yet.',
  noReport: 'There is no follow-up for {year}. Choose another year.',
  commitments: { one: '{n} commitment', other: '{n} commitments' },
};

export default en;
