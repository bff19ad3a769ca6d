import { expect } from '@open-wc/testing';
import { $, text } from './shadow.js';

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

/**
 * Asserts that `el` shows the "could not be fetched" state in `lang`: an
 * alert with that title and message, the retry button's text, not busy, and
 * the language's direction.
 */
export function expectNotLoadedSaid(el: Element, lang: keyof typeof NOT_LOADED_SAID): void {
  const [title, message, retry] = NOT_LOADED_SAID[lang];
  const alert = $(el, '[part~="error"]')!;
  expect(alert.getAttribute('role')).to.equal('alert');
  expect(text(alert.querySelector('h2'))).to.equal(title);
  expect(text(alert.querySelector('p'))).to.equal(message);
  expect(text($(el, '[part~="retry-button"]'))).to.equal(retry);
  expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
  expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
}
