import { defineElement } from '../internal/define-element.js';
import { SamverkanContactFinder } from '../contact-finder/contact-finder.js';

defineElement('samverkan-contact-finder', SamverkanContactFinder);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-contact-finder': SamverkanContactFinder;
  }
}
