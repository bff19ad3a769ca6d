import { defineElement } from '../internal/define-element.js';
import { SamverkanSignupForm } from '../signup-form/signup-form.js';

defineElement('samverkan-signup-form', SamverkanSignupForm);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-signup-form': SamverkanSignupForm;
  }
}
