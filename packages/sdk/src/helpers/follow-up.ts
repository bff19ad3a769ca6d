/**
 * Reading the yearly follow-ups: the report of a year, the figures per party
 * and status, the change from the year before, and the latest status of
 * each commitment. DOM-free, for the elements and for reports in scripts.
 */
import type { CommitmentParty, Dataset, FollowUp, FollowUpStatus } from '../schemas/dataset.js';
import { COMMITMENT_PARTIES } from '../schemas/values.js';
import { FOLLOW_UP_STATUSES } from '../schemas/values.js';

/** How many commitments have each status (`unreported`: the report gives none). */
export type StatusCounts = Record<FollowUpStatus | 'unreported', number>;

/** One party's figures in a report. */
export interface PartyFigures {
  party: CommitmentParty;
  counts: StatusCounts;
  /** How many commitments the party has in the agreement. */
  total: number;
}

/** The reports, the latest year first. */
export function followUpsByYear(dataset: Pick<Dataset, 'followUps'>): FollowUp[] {
  return [...dataset.followUps].sort((a, b) => b.year - a.year);
}

/** The report of `year`, or the latest when `year` is not given; `undefined` when there is none. */
export function followUpForYear(dataset: Pick<Dataset, 'followUps'>, year?: number): FollowUp | undefined {
  if (year === undefined) return followUpsByYear(dataset)[0];
  return dataset.followUps.find((report) => report.year === year);
}

/** The report of the latest year before `year`, if any. */
export function previousFollowUp(dataset: Pick<Dataset, 'followUps'>, year: number): FollowUp | undefined {
  return followUpsByYear(dataset).find((report) => report.year < year);
}

function emptyCounts(): StatusCounts {
  return { done: 0, 'in-progress': 0, 'not-started': 0, 'not-done': 0, unreported: 0 };
}

/**
 * The figures of a report per party, in the data model's order
 * (municipality, civil society, both): every commitment of the agreement is
 * counted once, under its status in the report or as `unreported`. Parties
 * without commitments are left out.
 */
export function followUpFigures(dataset: Pick<Dataset, 'principles'>, report: FollowUp): PartyFigures[] {
  const status = new Map(report.commitments.map((entry) => [entry.commitmentId, entry.status]));
  const byParty = new Map<CommitmentParty, PartyFigures>();
  for (const principle of dataset.principles) {
    for (const commitment of principle.commitments) {
      let figures = byParty.get(commitment.party);
      if (!figures) {
        figures = { party: commitment.party, counts: emptyCounts(), total: 0 };
        byParty.set(commitment.party, figures);
      }
      figures.counts[status.get(commitment.id) ?? 'unreported']++;
      figures.total++;
    }
  }
  return COMMITMENT_PARTIES.flatMap((party) => byParty.get(party) ?? []);
}

/** The statuses in the order the follow-up shows them: done first. */
export const FOLLOW_UP_STATUS_ORDER: readonly FollowUpStatus[] = ['done', 'in-progress', 'not-started', 'not-done'];

/** `counts` minus `before`, status by status (the change from one year to the next). */
export function statusChange(counts: StatusCounts, before: StatusCounts): StatusCounts {
  const change = emptyCounts();
  for (const key of [...FOLLOW_UP_STATUSES, 'unreported'] as const) change[key] = counts[key] - before[key];
  return change;
}

/** A commitment's status in the latest report that gives one. */
export interface LatestStatus {
  status: FollowUpStatus;
  year: number;
}

/** Each commitment's latest reported status, by commitment id (a commitment no report mentions is absent). */
export function latestCommitmentStatuses(dataset: Pick<Dataset, 'followUps'>): Map<string, LatestStatus> {
  const latest = new Map<string, LatestStatus>();
  for (const report of followUpsByYear(dataset)) {
    for (const entry of report.commitments) {
      if (!latest.has(entry.commitmentId)) latest.set(entry.commitmentId, { status: entry.status, year: report.year });
    }
  }
  return latest;
}
