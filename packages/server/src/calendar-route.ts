import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsPolicy } from './cors.js';
import type { PublishedDataset } from './published-dataset.js';
import { sendErrors } from './respond.js';

/**
 * `GET`/`HEAD /api/v1/meetings.ics`. Waits for the SDK's `toICalendar`
 * (the server must not grow an iCalendar writer of its own): until then it
 * answers 501 and says so.
 */
export function createCalendarRoute(_published: PublishedDataset, cors: CorsPolicy) {
  return function calendarRoute(req: IncomingMessage, res: ServerResponse): void {
    sendErrors(res, 501, 'The iCalendar feed is not available yet: it needs toICalendar from @samverkan/sdk.', cors.headers(req.headers.origin));
  };
}
