import type { SignatoryListMessages } from './messages.js';

/** Finnish strings of `signatoryListMessages`, loaded when an element is first shown in Finnish. */
const fi: SignatoryListMessages = {
  label: 'Sopimuksen allekirjoittaneet järjestöt',
  searchLabel: 'Hae järjestöä',
  searchHint: 'Nimi, toiminta tai kaupunginosa. Isoilla ja pienillä kirjaimilla tai tarkkeilla ei ole väliä.',
  formLabel: 'Järjestömuoto',
  districtLabel: 'Kaupunginosa',
  activityLabel: 'Toiminta',
  count: { one: '{n} järjestö / {total}', other: '{n} järjestöä / {total}' },
  countAll: { one: '{n} järjestö', other: '{n} järjestöä' },
  empty: 'Yksikään järjestö ei vastaa hakua.',
  clear: 'Tyhjennä haku ja suodattimet',
  form: 'Muoto',
  districts: 'Kaupunginosat',
  website: 'Verkkosivusto',
  signed: 'Allekirjoitettu {date} {via}',
  notSigned: 'Ei ole allekirjoittanut sopimusta',
  via: {
    adoption: 'sopimuksen hyväksymisen yhteydessä',
    'dialogue-forum': 'dialogifoorumissa',
    'written-application': 'kirjallisella hakemuksella',
  },
};

export default fi;
