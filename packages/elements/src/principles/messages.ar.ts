import type { PrinciplesMessages } from './messages.js';

/** Arabic strings of `principlesMessages`, loaded when an element is first shown in Arabic. */
const ar: PrinciplesMessages = {
  adopted: 'اعتمدتها {municipality} في {date}.',
  revision: {
    one: 'تُراجَع الاتفاقية كل سنة.',
    two: 'تُراجَع الاتفاقية كل سنتين.',
    few: 'تُراجَع الاتفاقية كل {n} سنوات.',
    other: 'تُراجَع الاتفاقية كل {n} سنة.',
  },
  developmentPlan: {
    one: 'تُعدّ خطة تطوير كل سنة.',
    two: 'تُعدّ خطة تطوير كل سنتين.',
    few: 'تُعدّ خطة تطوير كل {n} سنوات.',
    other: 'تُعدّ خطة تطوير كل {n} سنة.',
  },
  document: 'اقرأ الاتفاقية كاملة',
  principlesHeading: 'المبادئ',
  parties: { municipality: 'تلتزم البلدية', 'civil-society': 'يلتزم المجتمع المدني', both: 'نلتزم معًا' },
  link: 'رابط مباشر إلى هذا المبدأ',
  noPrinciples: 'لا تحتوي المعلومات على مبادئ.',
  areasHeading: 'مجالات التطوير',
  goal: 'الهدف',
  actions: 'الإجراءات',
};

export default ar;
