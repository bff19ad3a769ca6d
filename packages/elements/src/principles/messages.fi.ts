import type { PrinciplesMessages } from './messages.js';

/** Finnish strings of `principlesMessages`, loaded when an element is first shown in Finnish. */
const fi: PrinciplesMessages = {
  adopted: 'Hyväksytty {date}, {municipality}.',
  revision: { one: 'Sopimus tarkistetaan joka vuosi.', other: 'Sopimus tarkistetaan {n} vuoden välein.' },
  developmentPlan: { one: 'Kehittämissuunnitelma laaditaan joka vuosi.', other: 'Kehittämissuunnitelma laaditaan {n} vuoden välein.' },
  document: 'Lue koko sopimus',
  principlesHeading: 'Periaatteet',
  parties: { municipality: 'Kunta sitoutuu', 'civil-society': 'Järjestösektori sitoutuu', both: 'Yhdessä sitoudumme' },
  link: 'Suora linkki periaatteeseen',
  noPrinciples: 'Tiedoissa ei ole periaatteita.',
  areasHeading: 'Kehittämisalueet',
  goal: 'Tavoite',
  actions: 'Toimenpiteet',
};

export default fi;
