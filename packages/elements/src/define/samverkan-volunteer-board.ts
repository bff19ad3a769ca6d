import { defineElement } from '../internal/define-element.js';
import { SamverkanVolunteerBoard } from '../volunteer-board/volunteer-board.js';

defineElement('samverkan-volunteer-board', SamverkanVolunteerBoard);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-volunteer-board': SamverkanVolunteerBoard;
  }
}
