// What the meeting calendar needs only once it has data (issue 18: its page
// ≤ 25 KB before it renders): the month grid's date maths and model, the names
// of months, days and zones, the meetings by day, its whole render with data
// (calendar-view.ts: the controls, the list, the grid, the meeting cards with
// their .ics links, the feed links), and the SDK's meeting and time helpers
// they use. Imported when the calendar is defined (and joined when it
// connects), beside its dataset's request (SamverkanElement.datasetParts).
export { nextBackgroundTask, upcomingMeetings } from '@samverkan/sdk';
export { addMonths, dateKey, monthKey, moveByKey, parseDateKey, sameMonth } from './utils/calendar-grid.js';
export { IcsUrls } from './utils/ics-links.js';
export { meetingsByDay, readerDate, touchesRange, zonedDate } from './utils/meeting-days.js';
export { setScriptText } from '../internal/trusted-types.js';
export { monthModel } from './month-model.js';
export { renderCalendar } from './calendar-view.js';
// The calendar's own styles: they style only what its data shows (SamverkanElement adds them then).
export { meetingCalendarStyles as dataStyles } from './meeting-calendar.styles.js';
