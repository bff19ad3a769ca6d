import { defineElement } from '../internal/define-element.js';
import { SamverkanPrinciples } from '../principles/principles.js';

defineElement('samverkan-principles', SamverkanPrinciples);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-principles': SamverkanPrinciples;
  }
}
