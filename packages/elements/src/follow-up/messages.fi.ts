import type { FollowUpMessages } from './messages.js';

/** Finnish strings of `followUpMessages`, loaded when an element is first shown in Finnish. */
const fi: FollowUpMessages = {
  label: 'Sopimuksen seuranta',
  heading: 'Seuranta {year}',
  yearLabel: 'Vuosi',
  published: 'Julkaistu {date}.',
  document: 'Lue koko seurantaraportti',
  overviewHeading: 'Yleiskatsaus',
  chartCaption: 'Sitoumusten tila osapuolittain {year}',
  tableCaption: 'Sitoumusten määrä osapuolittain ja tiloittain {year}',
  partyHeader: 'Osapuoli',
  totalHeader: 'Yhteensä',
  parties: { municipality: 'Kunta', 'civil-society': 'Järjestöt', both: 'Yhteiset' },
  partyCommitments: { municipality: 'Kunta sitoutuu', 'civil-society': 'Järjestöt sitoutuvat', both: 'Yhdessä sitoudumme' },
  statuses: { done: 'Valmis', 'in-progress': 'Käynnissä', 'not-started': 'Ei aloitettu', 'not-done': 'Ei toteuteta', unreported: 'Ei tietoa' },
  statusPrefix: 'Tila:',
  changeHeading: 'Muutos vuodesta {year}',
  changeHint: 'Sitoumusten määrä tänä vuonna ja suluissa ero vuoteen {year}.',
  commitmentsHeading: 'Sitoumukset periaatteittain',
  evidence: 'Aineisto',
  empty: 'Sopimuksesta ei ole vielä seurantaa.',
  noReport: 'Vuodelta {year} ei ole seurantaa. Valitse toinen vuosi.',
  commitments: { one: '{n} sitoumus', other: '{n} sitoumusta' },
};

export default fi;
