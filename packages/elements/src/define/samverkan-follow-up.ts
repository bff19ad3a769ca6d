import { defineElement } from '../internal/define-element.js';
import { SamverkanFollowUp } from '../follow-up/follow-up.js';

defineElement('samverkan-follow-up', SamverkanFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-follow-up': SamverkanFollowUp;
  }
}
