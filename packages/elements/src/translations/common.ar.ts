import type { CommonMessages } from './common.js';

/** Arabic strings of `commonMessages`, loaded when an element is first shown in Arabic. */
const ar: CommonMessages = {
  loading: 'جارٍ تحميل المعلومات …',
  forms: {
    'non-profit-association': 'جمعية غير ربحية',
    foundation: 'مؤسسة',
    'faith-community': 'جماعة دينية',
    'study-association': 'رابطة تعليمية',
    cooperative: 'تعاونية',
    'popular-movement': 'حركة شعبية',
    other: 'أخرى',
  },
  loaded: 'تم تحميل المعلومات.',
  errorTitle: 'تعذّر عرض المعلومات',
  errorNetwork: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.',
  errorHttp: 'ردّ الخادم بخطأ (HTTP {status}). يُرجى المحاولة لاحقًا.',
  errorTimeout: 'لم يردّ الخادم في الوقت المحدد. يُرجى المحاولة لاحقًا.',
  errorInvalid: 'تعذّرت قراءة المعلومات. يجب على البلدية تصحيح الملف.',
  errorPartNotLoaded: 'تعذّر جلب جزء الصفحة الذي يقرأ المعلومات. تحقّق من اتصالك بالإنترنت ثم اختر حاول مرة أخرى.',
  errorUnknown: 'حدث خطأ ما. يُرجى المحاولة لاحقًا.',
  retry: 'حاول مرة أخرى',
  stale: 'تُعرض معلومات محفوظة جُلبت {age}. تعذّر تحميل أحدث المعلومات.',
  partlyInvalid: {
    zero: 'لا توجد إدخالات غير صالحة.',
    one: 'إدخال واحد في المعلومات غير صالح ولا يُعرض.',
    two: 'إدخالان في المعلومات غير صالحين ولا يُعرضان.',
    few: '{n} إدخالات في المعلومات غير صالحة ولا تُعرض.',
    other: '{n} إدخالًا في المعلومات غير صالح ولا يُعرض.',
  },
  showMore: { other: 'عرض {n} إضافية' },
  all: 'الكل',
  search: 'بحث',
  languageNames: { syc: 'السريانية' },
};

export default ar;
