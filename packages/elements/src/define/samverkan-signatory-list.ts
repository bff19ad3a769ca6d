import { defineElement } from '../internal/define-element.js';
import { SamverkanSignatoryList } from '../signatory-list/signatory-list.js';

defineElement('samverkan-signatory-list', SamverkanSignatoryList);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-signatory-list': SamverkanSignatoryList;
  }
}
