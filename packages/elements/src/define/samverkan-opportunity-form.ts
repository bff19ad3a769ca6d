import { defineElement } from '../internal/define-element.js';
import { SamverkanOpportunityForm } from '../opportunity-form/opportunity-form.js';

defineElement('samverkan-opportunity-form', SamverkanOpportunityForm);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-opportunity-form': SamverkanOpportunityForm;
  }
}
