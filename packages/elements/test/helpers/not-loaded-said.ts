// What an element says, in each UI language, when a part of the page's script
// it needs to show its data could not be fetched (the dataset's checks,
// CheckerNotLoadedError, or the element's own parts, PartNotLoadedError): its
// title, message and retry button.
export const NOT_LOADED_SAID = {
  sv: ['Uppgifterna kunde inte visas', 'Den del av sidan som läser uppgifterna kunde inte hämtas. Kontrollera internetanslutningen och välj Försök igen.', 'Försök igen'],
  en: ['The information could not be shown', 'The part of the page that reads the information could not be fetched. Check your internet connection and choose Try again.', 'Try again'],
  fi: ['Tietoja ei voitu näyttää', 'Sivun osaa, joka lukee tiedot, ei saatu haettua. Tarkista internetyhteys ja valitse Yritä uudelleen.', 'Yritä uudelleen'],
  ar: ['تعذّر عرض المعلومات', 'تعذّر جلب جزء الصفحة الذي يقرأ المعلومات. تحقّق من اتصالك بالإنترنت ثم اختر حاول مرة أخرى.', 'حاول مرة أخرى'],
} as const;
