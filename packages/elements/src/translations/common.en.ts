import type { CommonMessages } from './common.js';

/** English strings of `commonMessages`, loaded when an element is first shown in English. */
const en: CommonMessages = {
  loading: 'Loading …',
  forms: {
    'non-profit-association': 'Non-profit association',
    foundation: 'Foundation',
    'faith-community': 'Faith community',
    'study-association': 'Study association',
    cooperative: 'Cooperative',
    'popular-movement': 'Popular movement',
    other: 'Other',
  },
  loaded: 'The information has been loaded.',
  errorTitle: 'The information could not be shown',
  errorNetwork: 'The server could not be reached. Check your internet connection and try again.',
  errorHttp: 'The server answered with an error (HTTP {status}). Please try again later.',
  errorTimeout: 'The server did not answer in time. Please try again later.',
  errorInvalid: 'The information could not be read. The municipality needs to correct the file.',
  errorPartNotLoaded: 'The part of the page that reads the information could not be fetched. Check your internet connection and choose Try again.',
  errorUnknown: 'Something went wrong. Please try again later.',
  retry: 'Try again',
  stale: 'Showing saved information, fetched {age}. The latest could not be loaded.',
  partlyInvalid: {
    one: '{n} entry in the information was invalid and is not shown.',
    other: '{n} entries in the information were invalid and are not shown.',
  },
  showMore: { one: 'Show {n} more', other: 'Show {n} more' },
  all: 'All',
  search: 'Search',
  languageNames: { syc: 'Syriac' },
};

export default en;
