import { defineElement } from '../internal/define-element.js';
import { SamverkanMeetingCalendar } from '../meeting-calendar/meeting-calendar.js';

defineElement('samverkan-meeting-calendar', SamverkanMeetingCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'samverkan-meeting-calendar': SamverkanMeetingCalendar;
  }
}
