import type { ContactFinderMessages } from './messages.js';

/** Arabic strings of `contactFinderMessages`, loaded when an element is first shown in Arabic. */
const ar: ContactFinderMessages = {
  label: 'اعثر على الشخص المناسب للتواصل في البلدية',
  searchLabel: 'بماذا تحتاج المساعدة؟',
  searchHint: 'ابحث حسب الموضوع (مثل المنح أو المقرات أو المتطوعين) أو الاسم أو الإدارة أو اللغة.',
  countAll: { zero: 'لا أشخاص للتواصل', one: 'شخص واحد للتواصل', two: 'شخصان للتواصل', few: '{n} أشخاص للتواصل', other: '{n} شخصًا للتواصل' },
  countFound: {
    zero: 'لم يُعثر على أي شخص للتواصل',
    one: 'عُثر على شخص واحد للتواصل',
    two: 'عُثر على شخصين للتواصل',
    few: 'عُثر على {n} أشخاص للتواصل',
    other: 'عُثر على {n} شخصًا للتواصل',
  },
  empty: 'لا يوجد شخص للتواصل يطابق «{query}».',
  emptyGeneral: 'يُرجى التواصل مع {name} للمساعدة:',
  emptyNoGeneral: 'جرّب كلمات أخرى، مثل موضوع أو إدارة.',
  unit: 'الوحدة',
  topics: 'المواضيع',
  email: 'البريد الإلكتروني',
  phone: 'الهاتف',
  website: 'الموقع الإلكتروني',
  languages: 'يتحدث',
};

export default ar;
