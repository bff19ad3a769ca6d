import type { FollowUpMessages } from './messages.js';

/** Arabic strings of `followUpMessages`, loaded when an element is first shown in Arabic. */
const ar: FollowUpMessages = {
  label: 'متابعة الاتفاقية',
  heading: 'متابعة عام {year}',
  yearLabel: 'السنة',
  published: 'نُشرت في {date}.',
  document: 'اقرأ تقرير المتابعة كاملًا',
  overviewHeading: 'نظرة عامة',
  chartCaption: 'حالة الالتزامات حسب الطرف، {year}',
  tableCaption: 'عدد الالتزامات حسب الطرف والحالة، {year}',
  partyHeader: 'الطرف',
  totalHeader: 'المجموع',
  parties: { municipality: 'البلدية', 'civil-society': 'المجتمع المدني', both: 'مشتركة' },
  partyCommitments: { municipality: 'تلتزم البلدية', 'civil-society': 'يلتزم المجتمع المدني', both: 'نلتزم معًا' },
  statuses: { done: 'مُنجز', 'in-progress': 'قيد التنفيذ', 'not-started': 'لم يبدأ', 'not-done': 'لن يُنفَّذ', unreported: 'لا توجد معلومات' },
  statusPrefix: 'الحالة:',
  changeHeading: 'التغيّر منذ {year}',
  changeHint: 'عدد الالتزامات هذا العام، وبين القوسين الفرق عن عام {year}.',
  commitmentsHeading: 'الالتزامات، مبدأً مبدأً',
  evidence: 'المستندات',
  empty: 'لا توجد متابعة للاتفاقية بعد.',
  noReport: 'لا توجد متابعة لعام {year}. اختر سنة أخرى.',
  commitments: { zero: 'لا التزامات', one: 'التزام واحد', two: 'التزامان', few: '{n} التزامات', other: '{n} التزامًا' },
};

export default ar;
