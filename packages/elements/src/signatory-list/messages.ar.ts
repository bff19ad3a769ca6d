import type { SignatoryListMessages } from './messages.js';

/** Arabic strings of `signatoryListMessages`, loaded when an element is first shown in Arabic. */
const ar: SignatoryListMessages = {
  label: 'المنظمات الموقّعة على الاتفاقية',
  searchLabel: 'البحث عن منظمة',
  searchHint: 'الاسم أو النشاط أو الحي. لا أهمية لحالة الأحرف أو علامات التشكيل.',
  formLabel: 'نوع المنظمة',
  districtLabel: 'الحي',
  activityLabel: 'النشاط',
  count: {
    zero: 'لا منظمات من أصل {total}',
    one: 'منظمة واحدة من أصل {total}',
    two: 'منظمتان من أصل {total}',
    few: '{n} منظمات من أصل {total}',
    other: '{n} منظمة من أصل {total}',
  },
  countAll: { zero: 'لا منظمات', one: 'منظمة واحدة', two: 'منظمتان', few: '{n} منظمات', other: '{n} منظمة' },
  empty: 'لا توجد منظمة تطابق البحث.',
  clear: 'مسح البحث وعوامل التصفية',
  form: 'النوع',
  districts: 'الأحياء',
  website: 'الموقع الإلكتروني',
  signed: 'وقّعت في {date} {via}',
  notSigned: 'لم توقّع على الاتفاقية',
  via: {
    adoption: 'عند اعتماد الاتفاقية',
    'dialogue-forum': 'في منتدى حوار',
    'written-application': 'بطلب كتابي',
  },
};

export default ar;
