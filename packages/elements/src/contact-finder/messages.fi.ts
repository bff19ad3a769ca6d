import type { ContactFinderMessages } from './messages.js';

/** Finnish strings of `contactFinderMessages`, loaded when an element is first shown in Finnish. */
const fi: ContactFinderMessages = {
  label: 'Löydä oikea yhteyshenkilö kunnasta',
  searchLabel: 'Missä tarvitset apua?',
  searchHint: 'Hae aiheella (esimerkiksi avustukset, tilat tai vapaaehtoiset), nimellä, hallinnolla tai kielellä.',
  countAll: { one: '{n} yhteyshenkilö', other: '{n} yhteyshenkilöä' },
  countFound: { one: '{n} yhteyshenkilö löytyi', other: '{n} yhteyshenkilöä löytyi' },
  empty: 'Mikään yhteyshenkilö ei vastaa hakua ”{query}”.',
  emptyGeneral: 'Ota yhteyttä: {name}. Sieltä autetaan eteenpäin:',
  emptyNoGeneral: 'Kokeile muita sanoja, esimerkiksi aihetta tai hallintoa.',
  unit: 'Yksikkö',
  topics: 'Aiheet',
  email: 'Sähköposti',
  phone: 'Puhelin',
  website: 'Verkkosivusto',
  languages: 'Puhuu',
};

export default fi;
