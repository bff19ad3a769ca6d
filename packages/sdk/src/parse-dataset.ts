import type * as z from 'zod/mini';
import { ValidationError, type Issue } from './errors.js';
import { compile, FAIL } from './fast-parse.js';
import { errorMap, pathToString, toIssues } from './issues.js';
import { isJsonSyntaxError, parseJsonText } from './json-text.js';
import { DatasetHeaderSchema, SCHEMA_VERSION, type Dataset } from './schemas/dataset.js';
import { entitySchemas } from './schemas/entities.js';
import { meetingOffsetIssues } from './rules/meeting-offset.js';
import { checkFollowUpReferences } from './follow-up-references.js';

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

const parseOptions = { error: errorMap } as const;

let header: ((value: unknown) => unknown) | undefined;
function compileHeader() {
  header ??= compile(DatasetHeaderSchema);
  return header;
}

/**
 * Reads a dataset (a JSON string or an already parsed value) and checks it
 * against the data model.
 *
 * Lenient by default: an invalid principle, development area, organisation,
 * contact or meeting is dropped and reported in `issues` with its path
 * (`organisations[3].website`), the rest is kept. A second entry with an id
 * already used is dropped; a contact's reference to a principle that does not
 * exist is removed. A meeting whose `start` or `end` offset is not the
 * dataset `timeZone`'s offset at that instant (a June meeting written with
 * `+01:00` in Europe/Stockholm) is dropped. The same goes for follow-ups (a
 * status for a commitment that does not exist, a second report for a year)
 * and opportunities (of an organisation that does not exist). All are
 * reported.
 *
 * A broken top level (not an object, not JSON, a wrong `schemaVersion`, a
 * missing or invalid `agreement`) throws a {@link ValidationError} naming the
 * path. With `strict: true`, any problem throws one error listing them all.
 *
 * The input is never changed. The result may share objects that needed no
 * change with it, so treat both as read-only (or pass a JSON string).
 */
export function parseDataset(json: unknown, options: ParseDatasetOptions = {}): ParseDatasetResult {
  let input = json;
  if (typeof input === 'string') {
    try {
      input = parseJsonText(input);
    } catch (error) {
      if (!isJsonSyntaxError(error)) throw error;
      throw new ValidationError('The dataset is not valid JSON.', [{ path: '', segments: [], code: 'invalid-json', message: `is not valid JSON: ${error.message}` }]);
    }
  }

  // The header's lists are arrays of unknown values: zod would copy each list
  // item by item before any entry is looked at; the fast path keeps them.
  const fastHead = compileHeader()(input);
  const header = fastHead !== FAIL ? { success: true as const, data: fastHead as z.output<typeof DatasetHeaderSchema> } : DatasetHeaderSchema.safeParse(input, parseOptions);
  if (!header.success) {
    const issues = toIssues(header.error.issues);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      issues.splice(0, issues.length, { path: '', segments: [], code: 'invalid_type', message: 'must be a JSON object (the dataset document)' });
    }
    throw new ValidationError(`The dataset cannot be read (schemaVersion "${SCHEMA_VERSION}" expected):`, issues);
  }
  const head = header.data;
  const schemas = entitySchemas(head.defaultLanguage);
  const issues: Issue[] = [];

  const agreement = schemas.Agreement.safeParse(head.agreement, parseOptions);
  if (!agreement.success) {
    throw new ValidationError('The dataset cannot be read: its agreement is missing or invalid.', toIssues(agreement.error.issues, ['agreement']));
  }

  const lists = {} as { [K in ListName]: Dataset[K] };
  // Where each kept entry stood in the input, so later issues name the right index.
  const origins = {} as Record<ListName, number[]>;
  for (const name of LISTS) {
    const schema = schemas[SCHEMA_OF[name]] as z.ZodMiniType;
    const fast = compile(schema);
    const entries = head[name];
    const kept: unknown[] = [];
    const at: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < entries.length; i++) {
      // Valid entries take the fast path; only a failing one is parsed by
      // zod itself, for its issues (and zod's answer wins if they disagree).
      let parsed = fast(entries[i]);
      if (parsed === FAIL) {
        const result = schema.safeParse(entries[i], parseOptions);
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
