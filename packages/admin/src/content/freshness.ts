/**
 * Which entries have not been confirmed as current lately. DOM-free.
 */
import { isoToZonedParts } from '@samverkan/sdk';

/** How long a confirmation holds: twelve months. */
export const FRESH_MONTHS = 12;

/** Today's date (`YYYY-MM-DD`) in the dataset's zone: what "confirmed today" writes. */
export function today(timeZone: string, now: Date = new Date()): string {
  return isoToZonedParts(now.toISOString(), timeZone).date;
}

/** The date twelve months before `date` (`2026-12-06` → `2025-12-06`). */
export function monthsBefore(date: string, months = FRESH_MONTHS): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1 - months, d));
  return back.toISOString().slice(0, 10);
}

/** Whether an entry confirmed on `confirmedOn` (or never) needs confirming again on `todayDate`. */
export function isStale(confirmedOn: unknown, todayDate: string): boolean {
  return typeof confirmedOn !== 'string' || confirmedOn <= monthsBefore(todayDate);
}
