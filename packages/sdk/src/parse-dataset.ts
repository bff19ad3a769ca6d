import { ValidationError, type Issue } from './errors.js';
import { FAIL } from './validators/runtime.js';
import { validatorsFor, headerValidator } from './validators/index.js';
import { pathToString, toIssues } from './issues.js';
import { meetingOffsetIssues } from './rules/meeting-offset.js';
import { checkFollowUpReferences } from './follow-up-references.js';
import type { Dataset } from './schemas/dataset.js';
import { SCHEMA_VERSION } from './schemas/version.js';
import type { Explainer } from './explain-with-zod.js';

/** The dataset's top level with its lists not yet checked (what DatasetHeaderSchema gives). */
type DatasetHeader = Omit<Dataset, 'agreement' | ListName> & { agreement: unknown } & { [K in ListName]: unknown[] };

/** Options of {@link parseDataset}. */
export interface ParseDatasetOptions {
  /** Throw one {@link ValidationError} listing every problem instead of dropping invalid entries. */
  strict?: boolean;
}

/** What {@link parseDataset} returns. */
export interface ParseDatasetResult {
  /** The valid part of the dataset. */
  dataset: Dataset;
  /** Every problem found; each dropped entry or reference is reported here. */
  issues: Issue[];
}

const LISTS = ['principles', 'developmentAreas', 'organisations', 'contacts', 'meetings', 'followUps', 'opportunities'] as const;
type ListName = (typeof LISTS)[number];
const SCHEMA_OF = {
  principles: 'Principle',
  developmentAreas: 'DevelopmentArea',
  organisations: 'Organisation',
  contacts: 'Contact',
  meetings: 'Meeting',
  followUps: 'FollowUp',
  opportunities: 'Opportunity',
} as const;

/**
 * {@link parseDataset} of a parsed JSON value (the callers read the text:
 * dataset-json.ts names where a broken one breaks), with zod behind `explain`: the generated validators
 * decide every value they accept; `explain` (zod) decides, and names the
 * problems of, the rest. `parseDataset` (parse-dataset-sync.ts) passes zod
 * itself; `read-dataset.ts` one that loads zod only when needed. This module
 * imports no zod, so that a browser page reading a valid dataset never does.
 * @internal
 */
export function parseDatasetWith(input: unknown, options: ParseDatasetOptions, explain: Explainer): ParseDatasetResult {

  // The header's lists are arrays of unknown values: zod would copy each list
  // item by item before any entry is looked at; the fast path keeps them.
  const fastHead = headerValidator(input);
  const header = fastHead !== FAIL ? { success: true as const, data: fastHead as DatasetHeader } : explain.header(input);
  if (!header.success) {
    const issues = toIssues(header.error.issues);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      issues.splice(0, issues.length, { path: '', segments: [], code: 'invalid_type', message: 'must be a JSON object (the dataset document)' });
    }
    throw new ValidationError(`The dataset cannot be read (schemaVersion "${SCHEMA_VERSION}" expected):`, issues);
  }
  const head = header.data;
  // Generated from these schemas at build time (validators/generated.ts): zod itself only for what they reject.
  const validators = validatorsFor(head.defaultLanguage);
  const issues: Issue[] = [];

  const fastAgreement = validators.Agreement(head.agreement);
  const agreement = fastAgreement !== FAIL ? { success: true as const, data: fastAgreement as Dataset['agreement'] } : explain.entity('Agreement', head.defaultLanguage, head.agreement);
  if (!agreement.success) {
    throw new ValidationError('The dataset cannot be read: its agreement is missing or invalid.', toIssues(agreement.error.issues, ['agreement']));
  }

  const lists = {} as { [K in ListName]: Dataset[K] };
  // Where each kept entry stood in the input, so later issues name the right index.
  const origins = {} as Record<ListName, number[]>;
  for (const name of LISTS) {
    const fast = validators[SCHEMA_OF[name]] as (value: unknown) => unknown;
    const entries = head[name];
    const kept: unknown[] = [];
    const at: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < entries.length; i++) {
      // Valid entries take the fast path; only a failing one is parsed by
      // zod itself, for its issues (and zod's answer wins if they disagree).
      let parsed = fast(entries[i]);
      if (parsed === FAIL) {
        const result = explain.entity(SCHEMA_OF[name], head.defaultLanguage, entries[i]);
        if (!result.success) {
          issues.push(...toIssues(result.error.issues, [name, i]));
          continue;
        }
        parsed = result.data;
      }
      const entry = parsed as { id: string };
      // A meeting whose offset is not the zone's would be shown an hour off: dropped like an invalid entry.
      const offsets = name === 'meetings' ? meetingOffsetIssues(entry as { start?: unknown }, head.timeZone, { path: [name, i] }) : [];
      if (offsets.length > 0) {
        issues.push(...offsets);
        continue;
      }
      if (seen.has(entry.id)) {
        issues.push(issue([name, i, 'id'], 'duplicate-id', `"${entry.id}" is already used by another entry in ${name}; this entry was left out`, { id: entry.id, list: name }));
        continue;
      }
      seen.add(entry.id);
      kept.push(entry);
      at.push(i);
    }
    (lists as Record<string, unknown[]>)[name] = kept;
    origins[name] = at;
  }

  const principleIds = new Set(lists.principles.map((p) => p.id));
  lists.contacts.forEach((contact, kept) => {
    const index = origins.contacts[kept]!;
    const unknown = contact.principles.filter((id) => !principleIds.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) {
      const at = contact.principles.indexOf(id);
      issues.push(issue(['contacts', index, 'principles', at], 'unknown-reference', `refers to principle "${id}", which the dataset does not have; the reference was left out`, { id }));
    }
    // A copy: the fast path may have returned the caller's own object.
    lists.contacts[kept] = { ...contact, principles: contact.principles.filter((id) => principleIds.has(id)) };
  });

  Object.assign(lists, checkFollowUpReferences(lists, origins, issues));

  if (options.strict && issues.length > 0) {
    throw new ValidationError(`The dataset has ${issues.length} problem${issues.length === 1 ? '' : 's'}:`, issues);
  }

  const dataset: Dataset = {
    schemaVersion: head.schemaVersion,
    updatedAt: head.updatedAt,
    defaultLanguage: head.defaultLanguage,
    languages: head.languages,
    timeZone: head.timeZone,
    agreement: agreement.data,
    ...lists,
  };
  return { dataset, issues };
}

function issue(segments: (string | number)[], code: string, message: string, params: Record<string, string>): Issue {
  return { path: pathToString(segments), segments, code, message, params };
}
