import type { VolunteerBoardMessages } from './messages.js';

/** Arabic strings of `volunteerBoardMessages`, loaded when an element is first shown in Arabic. */
const ar: VolunteerBoardMessages = {
  label: 'فرص التطوع في المنظمات الموقّعة على الاتفاقية',
  searchLabel: 'البحث عن فرصة تطوع',
  searchHint: 'ما تودّ القيام به أو المنظمة أو الحي. لا أهمية لحالة الأحرف أو علامات التشكيل.',
  districtLabel: 'الحي',
  activityLabel: 'النشاط',
  languageLabel: 'اللغة',
  count: {
    zero: 'لا فرص من أصل {total}',
    one: 'فرصة واحدة من أصل {total}',
    two: 'فرصتان من أصل {total}',
    few: '{n} فرص من أصل {total}',
    other: '{n} فرصة من أصل {total}',
  },
  countAll: { zero: 'لا فرص', one: 'فرصة واحدة', two: 'فرصتان', few: '{n} فرص', other: '{n} فرصة' },
  empty: 'لا توجد فرصة تطابق البحث.',
  none: 'لا توجد فرص تطوع في الوقت الحالي.',
  clear: 'مسح البحث وعوامل التصفية',
  organisation: 'المنظمة',
  where: 'المكان',
  when: 'الموعد',
  time: 'الوقت المطلوب',
  languages: 'اللغات',
  validThrough: 'معروضة حتى {date}',
  ongoing: 'مستمرة',
  from: 'ابتداءً من {date}',
  until: 'حتى {date}',
  range: '{start} – {end}',
  contact: 'التواصل',
  email: 'البريد الإلكتروني',
  phone: 'الهاتف',
  website: 'الموقع الإلكتروني',
};

export default ar;
