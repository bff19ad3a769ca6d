import type { CommonMessages } from './common.js';

/** Finnish strings of `commonMessages`, loaded when an element is first shown in Finnish. */
const fi: CommonMessages = {
  loading: 'Haetaan tietoja …',
  forms: {
    'non-profit-association': 'Aatteellinen yhdistys',
    foundation: 'Säätiö',
    'faith-community': 'Uskonnollinen yhdyskunta',
    'study-association': 'Opintokeskus',
    cooperative: 'Osuuskunta',
    'popular-movement': 'Kansanliike',
    other: 'Muu',
  },
  loaded: 'Tiedot on haettu.',
  errorTitle: 'Tietoja ei voitu näyttää',
  errorNetwork: 'Palvelimeen ei saatu yhteyttä. Tarkista internetyhteys ja yritä uudelleen.',
  errorHttp: 'Palvelin vastasi virheellä (HTTP {status}). Yritä myöhemmin uudelleen.',
  errorTimeout: 'Palvelin ei vastannut ajoissa. Yritä myöhemmin uudelleen.',
  errorInvalid: 'Tietoja ei voitu lukea. Kunnan on korjattava tiedosto.',
  errorPartNotLoaded: 'Sivun osaa, joka lukee tiedot, ei saatu haettua. Tarkista internetyhteys ja valitse Yritä uudelleen.',
  errorUnknown: 'Jokin meni vikaan. Yritä myöhemmin uudelleen.',
  retry: 'Yritä uudelleen',
  stale: 'Näytetään tallennetut tiedot, haettu {age}. Uusimpia ei voitu hakea.',
  partlyInvalid: {
    one: '{n} tietue oli virheellinen, eikä sitä näytetä.',
    other: '{n} tietuetta oli virheellisiä, eikä niitä näytetä.',
  },
  showMore: { one: 'Näytä {n} lisää', other: 'Näytä {n} lisää' },
  all: 'Kaikki',
  search: 'Hae',
  languageNames: { syc: 'syyria' },
};

export default fi;
