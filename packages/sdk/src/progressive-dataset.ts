// A dataset checked progressively (issue 18, "validation off the hot path"):
// the header and agreement at once, each list when first asked for, and
// within a list the entries a view asks for first (the first page in its
// order, the meetings of one month); the rest in later tasks, a slice at a
// time. Once finished, the result is exactly what parseDataset gives — it is
// the same code: parseDataset runs this check to the end in one go.
//
// Nothing is skipped: an entry shown early has passed every rule that can
// drop it (its schema, its meeting offsets, a duplicate id — an earlier entry
// with the same raw id is checked first, which is cheap — and its
// references). zod is needed only for a value the generated validators do
// not accept; until it is loaded such an entry is UNDECIDED, and so is
// anything that depends on it.
//
// Each list's validator and rules (the meetings' offset rule, the follow-ups'
// and opportunities' references) come with the list (validators/lists/), not
// imported here: a page hands in those of the lists it shows, and the check
// loads the others itself when it finishes them (issue 18). Until a list's
// validators are there, its entries are UNDECIDED too.
import { nextBackgroundTask } from './background-task.js';
import { ValidationError, type Issue } from './errors.js';
import type { Explainer } from './explain-with-zod.js';
import type { checkFollowUps, opportunityReferenceHolds } from './follow-up-references.js';
import { pathToString, toIssues } from './issues.js';
import { parseJson } from './json-parse.js';
import type { meetingOffsetIssues, meetingOffsetsHold } from './rules/meeting-offset.js';
import type { Dataset } from './schemas/dataset.js';
import { SCHEMA_VERSION } from './schemas/version.js';
import { UNDECIDED } from './undecided.js';
import { loadListValidator } from './validators/lists/load.js';
import { FAIL } from './validators/runtime.js';

/** The lists of a dataset, in the order parseDataset checks (and reports) them. */
export const DATASET_LISTS = ['principles', 'developmentAreas', 'organisations', 'contacts', 'meetings', 'followUps', 'opportunities'] as const;
/** One of {@link DATASET_LISTS}. */
export type DatasetListName = (typeof DATASET_LISTS)[number];

/** The entity each list holds (the name of its schema and of its generated validator). */
export const ENTITY_OF_LIST = {
  principles: 'Principle',
  developmentAreas: 'DevelopmentArea',
  organisations: 'Organisation',
  contacts: 'Contact',
  meetings: 'Meeting',
  followUps: 'FollowUp',
  opportunities: 'Opportunity',
} as const;

/** The entities a dataset check validates one by one. */
export type DatasetEntityName = 'Agreement' | (typeof ENTITY_OF_LIST)[DatasetListName];

/** A generated validator: the parsed value, or `FAIL` (validators/runtime.ts) when it does not accept the value (zod then decides). */
export type EntityValidator = (value: unknown) => unknown;
/** A generated entity validator taking the dataset's default language as its second argument (validators/runtime.ts's GeneratedValidator). */
export type LanguageValidator = (value: unknown, defaultLanguage: string) => unknown;

/** The rules of a list beside its entity's schema, by list (see {@link ListValidator}). */
export interface ListRules {
  principles: {};
  developmentAreas: {};
  organisations: {};
  contacts: {};
  /** A meeting whose offset is not its zone's is left out (rules/meeting-offset.ts). */
  meetings: { offsetsHold: typeof meetingOffsetsHold; offsetIssues: typeof meetingOffsetIssues };
  /** What the follow-ups refer to, checked for the whole list (follow-up-references.ts). */
  followUps: { checkFollowUps: typeof checkFollowUps };
  /** An opportunity of an organisation the dataset does not have is left out (follow-up-references.ts). */
  opportunities: { referenceHolds: typeof opportunityReferenceHolds };
}

/**
 * What a check needs to decide the entries of list `K` without zod: the
 * generated validator of its entity and the list's own rules. The SDK has one
 * per list, each in its own module (`organisationsListValidator`,
 * `meetingsListValidator`, …): a page imports those of the lists it shows
 * first, and the check loads the others when it finishes.
 */
export type ListValidator<K extends DatasetListName = DatasetListName> = { validate: LanguageValidator } & ListRules[K];

/** List validators by list name (any of them may be left out). */
export type ListValidators = { [K in DatasetListName]?: ListValidator<K> };

/**
 * The generated validators a check uses. An element hands in only those of
 * the lists it shows first (so that its page bundles only those); the check
 * loads the validators of every other list it needs when it finishes
 * ({@link DatasetCheck.finish}), and zod decides what they do not accept.
 */
export interface DatasetValidators {
  /** The dataset's top level, lists left unchecked. */
  header: EntityValidator;
  /** The agreement's generated validator (value, defaultLanguage); else the one `entities` or `generated` gives, else zod. */
  agreement?: LanguageValidator;
  /** The validators of the lists to check first, by list (see {@link ListValidator}). */
  lists?: ListValidators;
  /**
   * The entity validators of a dataset whose default language is
   * `defaultLanguage`. A list with a validator here but no rules of its own
   * (principles, development areas, organisations, contacts) needs nothing
   * loaded; the others' rules are loaded with their list.
   */
  entities?(defaultLanguage: string): Partial<Record<DatasetEntityName, EntityValidator>>;
  /**
   * The same entity validators unbound, each called with the default
   * language as its second argument: when given, the check uses these (no
   * wrapper call per entry) and `entities` is not called.
   */
  generated?: Partial<Record<DatasetEntityName, LanguageValidator>>;
}

/** What {@link DatasetCheck.finish} and parseDataset give. */
export interface ParseDatasetResult {
  /** The valid part of the dataset. */
  dataset: Dataset;
  /** Every problem found; each dropped entry or reference is reported here. */
  issues: Issue[];
}

/** The dataset's top level: everything but the lists, with the agreement checked. */
export type DatasetHeader = Omit<Dataset, DatasetListName>;

/** Options of {@link startDatasetCheck}. */
export interface DatasetCheckOptions {
  /** The generated validators to use (see {@link DatasetValidators}). */
  validators: DatasetValidators;
  /**
   * zod, to decide and name what the validators do not accept: an explainer
   * (then nothing is ever undecided), or a function that loads one (called
   * once, when first needed). Default: the SDK's, imported when needed.
   */
  explain?: Explainer | (() => Promise<Explainer>);
  /**
   * The lists to check (and the lists they refer to: contacts and follow-ups
   * need the principles, opportunities the organisations); the others come
   * out empty and unreported. Default: every list, as parseDataset.
   */
  lists?: readonly DatasetListName[];
}

export { UNDECIDED };
const DROPPED: unique symbol = Symbol('samverkan: left out');

/** An entry of the list `K` as the dataset has it once checked. */
export type Entry<K extends DatasetListName> = Dataset[K][number];
type Verdict<T> = T | typeof DROPPED | typeof UNDECIDED | undefined;
type Explained = ReturnType<Explainer['entity']>;

const loadZodExplainer = () => import('./explain-with-zod.js').then((module) => module.zodExplainer);

function isExplainer(value: DatasetCheckOptions['explain']): value is Explainer {
  return typeof value === 'object' && value !== null;
}

/**
 * A list's generated validator on each of its entries, in a loop of its own
 * (FAIL where it does not accept one): what the run in input order
 * ({@link ListCheck}'s straight, parseDataset's way) reads instead of calling
 * the validator entry by entry. Its own function because this code reads no
 * property of an entry, so it stays optimised from one dataset to the next;
 * the check's methods, which read the entries' ids, are recompiled for each
 * new dataset's object shapes, and the validator calls were recompiled and
 * run unoptimised with them.
 */
function validateEach(raw: readonly unknown[], validate: LanguageValidator, language: string): unknown[] {
  const out = new Array<unknown>(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = validate(raw[i], language);
  return out;
}

/**
 * How many times over a list's raw ids are read one by one (rawIdsOf) before
 * they are indexed: an index of 10,000 ids cost as much as reading them some
 * ten times (Node, a page's first, unoptimised run).
 */
const SCAN_LISTS = 8;

/** The longest raw id {@link ListCheck.announce} looks for in its one pass (longer ones are found as they are asked for). */
const MAX_EXPECTED_ID = 256;

/** The indexes before `before` of the raw entries whose id is `id`, in order. */
function rawIndexesOf(raw: readonly unknown[], id: string, before: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < before; j++) {
    const entry = raw[j];
    if (typeof entry === 'object' && entry !== null && (entry as { id?: unknown }).id === id) out.push(j);
  }
  return out;
}

/**
 * For each of `ids`, the indexes of the raw entries whose id it is, in one
 * pass over the list ({@link ListCheck.announce}). The ids sought are grouped
 * by length, so that most raw ids are turned away by their length alone: a
 * Map of the ids sought, asked for each raw id, hashed every raw id, and that
 * cost more than reading them.
 */
function rawIndexesOfEach(raw: readonly unknown[], ids: readonly string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const byLength = new Map<number, { id: string; at: number[] }[]>();
  for (const id of ids) {
    if (found.has(id)) continue;
    const at: number[] = [];
    found.set(id, at);
    const same = byLength.get(id.length);
    if (same) same.push({ id, at });
    else byLength.set(id.length, [{ id, at }]);
  }
  // One small array per length, indexed by it (a length no id sought has is a hole): no hashing per raw id.
  const longest = Math.max(...byLength.keys());
  const sought = new Array<{ id: string; at: number[] }[] | undefined>(longest + 1);
  for (const [length, same] of byLength) sought[length] = same;
  for (let j = 0; j < raw.length; j++) {
    const entry = raw[j];
    if (typeof entry !== 'object' || entry === null) continue;
    const rawId = (entry as { id?: unknown }).id;
    if (typeof rawId !== 'string' || rawId.length > longest) continue;
    const same = sought[rawId.length];
    if (same === undefined) continue;
    for (let k = 0; k < same.length; k++) if (same[k]!.id === rawId) same[k]!.at.push(j);
  }
  return found;
}

/**
 * The common case of the run in input order, from `from` on, for a list
 * whose entries refer to nothing: an entry the generated validator accepted
 * (`parsed[i]`, see {@link validateEach}), with its raw id, past the
 * meetings' offset rule when given, and with an id not seen before, is kept
 * as it is. Returns the index of the first entry that is anything else (or
 * was already looked at), which {@link ListCheck}'s straight then decides
 * the long way; `raw.length` when there is none. A function of its own, like
 * validateEach: it reads nothing of the check object, whose hidden class a
 * new dataset's check does not share with the last one's.
 */
function keepInOrder(
  raw: readonly unknown[],
  from: number,
  parsed: readonly unknown[],
  valid: unknown[],
  kept: unknown[],
  ids: Set<string>,
  entries: unknown[],
  offsetsHold: ((meeting: { start?: unknown }, timeZone: string) => boolean) | undefined,
  timeZone: string,
): number {
  const n = raw.length;
  for (let i = from; i < n; i++) {
    const entry = parsed[i];
    if (entry === FAIL || valid[i] !== undefined) return i;
    const id = (entry as { id: string }).id;
    if (entry !== raw[i] && id !== (raw[i] as { id?: unknown }).id) return i;
    if (offsetsHold !== undefined && !offsetsHold(entry as { start?: unknown }, timeZone)) return i;
    // One look-up, not two (has, then add). A duplicate is left in the set: the long way finds it there.
    const seen = ids.size;
    if (ids.add(id).size === seen) return i;
    valid[i] = entry;
    kept[i] = entry;
    entries.push(entry);
  }
  return n;
}

/** A valid entry whose id an earlier valid entry of the list has. */
function duplicateId(list: DatasetListName, index: number, id: string): Issue {
  return issue([list, index, 'id'], 'duplicate-id', `"${id}" is already used by another entry in ${list}; this entry was left out`, { id, list });
}

function issue(segments: (string | number)[], code: string, message: string, params?: Record<string, string>): Issue {
  return params ? { path: pathToString(segments), segments, code, message, params } : { path: pathToString(segments), segments, code, message };
}

// The answer of hasKept, as opportunityReferenceHolds asks for it: no closure per opportunity.
const KNOWN = (): boolean => true;
const UNKNOWN = (): boolean => false;

/** Marks a text that JSON.parse refused. */
const NOT_JSON: unique symbol = Symbol('not JSON');

/** The JSON text read (an object given is taken as it is); {@link NOT_JSON} when it is not JSON. */
function readJson(json: unknown): unknown {
  if (typeof json !== 'string') return json;
  try {
    return parseJson(json);
  } catch {
    return NOT_JSON;
  }
}

/** The entity validators to call with (value, defaultLanguage): the unbound ones when given, else those bound to the language (which ignore the second argument). */
function entityValidators(validators: DatasetValidators, defaultLanguage: string): Partial<Record<DatasetEntityName, LanguageValidator>> {
  return validators.generated ?? validators.entities?.(defaultLanguage) ?? {};
}

/** The lists whose validator is the entity's alone: an entity validator given the old way (`entities`, `generated`) is all they need. */
const WITHOUT_RULES: ReadonlySet<DatasetListName> = new Set(['principles', 'developmentAreas', 'organisations', 'contacts']);

/** The header and agreement, checked; `undefined` when zod is needed to decide and `explainer` is not there. */
function readHeader(input: unknown, validators: DatasetValidators, explainer: Explainer | undefined): { header: DatasetHeader; raw: Record<string, unknown> } | undefined {
  // The header's lists are arrays of unknown values: zod would copy each list
  // item by item before any entry is looked at; the fast path keeps them.
  const fastHead = validators.header(input);
  let head: Record<string, unknown>;
  if (fastHead !== FAIL) head = fastHead as Record<string, unknown>;
  else {
    if (!explainer) return undefined;
    const header = explainer.header(input);
    if (!header.success) {
      const issues = toIssues(header.error.issues);
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        issues.splice(0, issues.length, { path: '', segments: [], code: 'invalid_type', message: 'must be a JSON object (the dataset document)' });
      }
      throw new ValidationError(`The dataset cannot be read (schemaVersion "${SCHEMA_VERSION}" expected):`, issues);
    }
    head = header.data as Record<string, unknown>;
  }
  const defaultLanguage = head.defaultLanguage as string;
  const fast = validators.agreement ?? entityValidators(validators, defaultLanguage).Agreement;
  const fastAgreement = fast ? fast(head.agreement, defaultLanguage) : FAIL;
  let agreement: unknown;
  if (fastAgreement !== FAIL) agreement = fastAgreement;
  else {
    if (!explainer) return undefined;
    const result = explainer.entity('Agreement', defaultLanguage, head.agreement);
    if (!result.success) throw new ValidationError('The dataset cannot be read: its agreement is missing or invalid.', toIssues(result.error.issues, ['agreement']));
    agreement = result.data;
  }
  const header = {
    schemaVersion: head.schemaVersion,
    updatedAt: head.updatedAt,
    defaultLanguage,
    languages: head.languages,
    timeZone: head.timeZone,
    agreement,
  } as DatasetHeader;
  return { header, raw: head };
}

/**
 * Starts checking a dataset (a JSON string or an already parsed value): the
 * header and agreement are checked now, and a broken top level throws the
 * {@link ValidationError} parseDataset throws. Returns a promise only when
 * the top level needs zod (a value the generated validators do not accept)
 * and `options.explain` is a loader.
 */
export function startDatasetCheck(json: unknown, options: DatasetCheckOptions): DatasetCheck | Promise<DatasetCheck> {
  const input = readJson(json);
  // Where the text breaks, by line and column: that scanner is loaded only now (it throws the ValidationError).
  if (input === NOT_JSON) return import('./dataset-json.js').then(({ datasetFromJsonText }) => startDatasetCheck(datasetFromJsonText(json as string), options));
  if (isExplainer(options.explain)) return startCheckOfValue(input, options as DatasetCheckOptions & { explain: Explainer });
  const read = readHeader(input, options.validators, undefined);
  if (read) return new DatasetCheck(read.header, read.raw, options, undefined);
  const load = (options.explain as (() => Promise<Explainer>) | undefined) ?? loadZodExplainer;
  return load().then((explainer) => startCheckOfValue(input, { ...options, explain: explainer }));
}

/**
 * {@link startDatasetCheck} for a value already read from JSON (a string is
 * a string value here, never a text to read) with zod at hand: nothing to
 * wait for, so it returns the check at once (or throws the ValidationError
 * of a broken top level). parseDataset runs this.
 * @internal
 */
export function startCheckOfValue(input: unknown, options: DatasetCheckOptions & { explain: Explainer }): DatasetCheck {
  // With an explainer, readHeader decides (or throws): it never waits.
  const read = readHeader(input, options.validators, options.explain)!;
  return new DatasetCheck(read.header, read.raw, options, options.explain);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Options of {@link DatasetCheck.finish}. */
export interface FinishOptions {
  /** Stops the work between slices (the promise rejects with the signal's reason); a later call goes on from there. */
  signal?: AbortSignal;
  /** How long one slice may work before the page gets a turn (ms); default 8. */
  sliceMs?: number;
}

/**
 * A dataset being checked: the {@link header} at once, each list's entries
 * when asked for ({@link list}), the rest by {@link finish} (in slices) or
 * {@link finishNow}. See {@link startDatasetCheck}.
 */
export class DatasetCheck {
  /** The top level, checked: everything but the lists. */
  readonly header: DatasetHeader;
  /** The lists checked (those asked for in the options, and those they refer to). */
  readonly lists: readonly DatasetListName[];
  /** @internal */
  explainer: Explainer | undefined;
  private readonly loadExplainer: () => Promise<Explainer>;
  /** @internal Entity validators given the old way (`entities`, `generated`), each called with the value and the default language. */
  readonly validators: Partial<Record<DatasetEntityName, LanguageValidator>>;
  /** List validators given (options, {@link useListValidators}) or loaded. */
  private readonly listValidators: ListValidators;
  /** Lists whose validators are being loaded. */
  private readonly loading = new Map<DatasetListName, Promise<void>>();
  private readonly raw: Record<string, unknown>;
  private readonly checks = new Map<DatasetListName, ListCheck<Entry<DatasetListName>>>();
  /** Lists in the order they were first asked for: finish() does those first. */
  private readonly asked: DatasetListName[] = [];
  private result?: ParseDatasetResult;
  private running?: Promise<ParseDatasetResult>;

  /** @internal Use {@link startDatasetCheck}. */
  constructor(header: DatasetHeader, raw: Record<string, unknown>, options: DatasetCheckOptions, explainer: Explainer | undefined) {
    this.header = header;
    this.raw = raw;
    this.explainer = explainer;
    this.loadExplainer = isExplainer(options.explain) ? async () => options.explain as Explainer : (options.explain ?? loadZodExplainer);
    this.validators = entityValidators(options.validators, header.defaultLanguage);
    this.listValidators = { ...options.validators.lists };
    const wanted = new Set<DatasetListName>(options.lists ?? DATASET_LISTS);
    if (wanted.has('contacts') || wanted.has('followUps')) wanted.add('principles');
    if (wanted.has('opportunities')) wanted.add('organisations');
    this.lists = DATASET_LISTS.filter((name) => wanted.has(name));
  }

  /**
   * The check of one list (the same object each time). Its entries are
   * checked as they are asked for; asking makes the list first in line for
   * {@link finish}. Throws for a list not among {@link lists}.
   */
  list<K extends DatasetListName>(name: K): ListCheck<Entry<K>> {
    let check = this.checks.get(name);
    if (!check) {
      if (!this.lists.includes(name)) throw new Error(`The list "${name}" is not among the lists this check was started for (${this.lists.join(', ')}).`);
      check = new ListCheck(this, name, this.raw[name] as unknown[]);
      this.checks.set(name, check);
    }
    if (!this.asked.includes(name)) this.asked.push(name);
    return check as unknown as ListCheck<Entry<K>>;
  }

  /**
   * Adds the validators of some lists (an element that shares this check and
   * shows other lists than the one that started it): their entries can be
   * decided now, without waiting for {@link finish} to load them.
   */
  useListValidators(lists: ListValidators): void {
    let added = false;
    for (const name of DATASET_LISTS) {
      const given = lists[name];
      if (given && !this.listValidators[name]) {
        (this.listValidators as Record<string, unknown>)[name] = given;
        added = true;
      }
    }
    if (added) for (const check of this.checks.values()) check.forgetUndecided();
  }

  /** The validators of list `name`, if they are here (given, loaded, or an entity validator given the old way for a list without rules). @internal */
  validatorOf<K extends DatasetListName>(name: K): ListValidator<K> | undefined {
    const known = this.listValidators[name];
    if (known) return known as ListValidator<K>;
    const entity = this.validators[ENTITY_OF_LIST[name]];
    if (!entity || !WITHOUT_RULES.has(name)) return undefined;
    const made = { validate: entity } as ListValidator<K>;
    (this.listValidators as Record<string, unknown>)[name] = made;
    return made;
  }

  /**
   * Loads the validators of the lists among `names` (default: every list
   * checked) that have none, by the SDK's own import of each list's module;
   * then {@link finishNow} can finish the check in one go (unless zod is
   * needed). {@link finish} does this itself.
   */
  async loadListValidators(names: readonly DatasetListName[] = this.lists): Promise<void> {
    const waits = names.filter((name) => !this.validatorOf(name)).map((name) => {
      let wait = this.loading.get(name);
      if (!wait) {
        wait = loadListValidator(name).then((loaded) => this.useListValidators({ [name]: loaded }));
        this.loading.set(name, wait);
        // A failed load may be tried again by a later finish().
        wait.catch(() => this.loading.delete(name));
      }
      return wait;
    });
    await Promise.all(waits);
  }

  /** The result, once {@link finish} or {@link finishNow} has finished it. */
  get finished(): ParseDatasetResult | undefined {
    return this.result;
  }

  /**
   * Finishes the check now, in this task, and returns what parseDataset
   * returns; `undefined` when some entry needs zod and it is not loaded
   * (then {@link finish}).
   */
  finishNow(): ParseDatasetResult | undefined {
    if (this.result) return this.result;
    for (const name of this.lists) if (!this.list(name).finishNow()) return undefined;
    return this.assemble();
  }

  /**
   * Finishes the check in slices (lists asked for first), giving the page a
   * turn between them, loading zod if an entry needs it, and resolves with
   * what parseDataset returns for the same input.
   */
  finish(options: FinishOptions = {}): Promise<ParseDatasetResult> {
    if (this.result) return Promise.resolve(this.result);
    this.running ??= this.run(options).finally(() => (this.running = undefined));
    return this.running;
  }

  private async run({ signal, sliceMs = 8 }: FinishOptions): Promise<ParseDatasetResult> {
    // Not in the caller's task: that one is showing what it asked for first.
    await nextBackgroundTask();
    for (;;) {
      signal?.throwIfAborted();
      const order = [...this.asked, ...this.lists.filter((name) => !this.asked.includes(name))];
      const until = now() + sliceMs;
      let stuck = false;
      let done = true;
      for (const name of order) {
        const state = this.list(name).advance(until);
        if (state === 'more') {
          done = false;
          break;
        }
        if (state === 'undecided') {
          stuck = true;
          done = false;
        }
      }
      if (done) return this.assemble();
      // First the validators of lists that have none (asked-for lists come first in `order`, and were
      // given theirs), then zod for what they do not accept.
      const missing = stuck ? order.filter((name) => !this.validatorOf(name)) : [];
      if (missing.length > 0) await this.loadListValidators(missing);
      else if (stuck && !this.explainer) this.useExplainer(await this.loadExplainer());
      else await nextBackgroundTask();
    }
  }

  /** zod has come: what waited for it can be decided. @internal */
  useExplainer(explainer: Explainer): void {
    this.explainer = explainer;
    for (const check of this.checks.values()) check.forgetUndecided();
  }

  private assemble(): ParseDatasetResult {
    if (this.result) return this.result;
    const issues: Issue[] = [];
    const lists = {} as { [K in DatasetListName]: Dataset[K] };
    for (const name of DATASET_LISTS) {
      const check = this.checks.get(name);
      (lists as Record<string, unknown[]>)[name] = check ? check.finishNow()! : [];
      if (check) check.collectEntryIssues(issues);
    }
    // In parseDataset's order: the references after every list's own issues.
    for (const name of ['contacts', 'followUps', 'opportunities'] as const) this.checks.get(name)?.collectReferenceIssues(issues);
    this.result = { dataset: { ...this.header, ...lists }, issues };
    return this.result;
  }
}

/**
 * One list of a {@link DatasetCheck}: its input entries ({@link raw}) and,
 * for each, whether the dataset keeps it and as what, decided when first
 * asked for (and for what it depends on: earlier entries with the same id,
 * the principles a contact refers to, the organisation of an opportunity).
 */
export class ListCheck<T> {
  // Every field is set in the constructor (those made later start as undefined), so that all lists'
  // checks share one hidden class: a field added later would change it in the middle of a run and
  // throw the JIT's code for the per-entry loop away (measured: it deoptimized on every parse).
  /** The list's name in the dataset. */
  readonly name: DatasetListName;
  /** The list's entries as they came (untrusted: anything at all). */
  readonly raw: readonly unknown[];
  private readonly owner: DatasetCheck;
  /** The list's validators, once the check has them. */
  private validators: ListValidator | undefined = undefined;
  private readonly language: string;
  /** The dataset's time zone, read once: read from the header object per meeting it deoptimised the per-entry loop on every parse. */
  private readonly timeZone: string;
  /** Per entry: parsed and past its own rules (schema, meeting offsets), or not. */
  private readonly valid: Verdict<T>[];
  /** Per entry: what the dataset keeps, after duplicate ids and references. */
  private readonly kept: Verdict<T>[];
  /** By entry index: its own issues (schema, offsets, duplicate id), in parseDataset's order. Few entries have any. */
  private readonly entryIssues = new Map<number, Issue[]>();
  /** By entry index: the issues of its references (contacts, opportunities). */
  private readonly referenceIssues = new Map<number, Issue[]>();
  /** The follow-ups' reference issues (their rules look at the whole list). */
  private followUpIssues: Issue[] | undefined = undefined;
  /** Input indexes by raw id (a string `id`), made when first needed. */
  private rawIds: { first: Map<string, number>; repeated: Map<string, number[]> } | undefined = undefined;
  /** How many raw ids rawIdsOf has read one by one (before it made `rawIds`). */
  private scanned = 0;
  /** Every input index by raw id, for the ids of the entries named to {@link expect} (each found in one pass over the list). */
  private expected: Map<string, readonly number[]> | undefined = undefined;
  /** False once a parsed id differs from the raw one: then duplicates are found in input order only. */
  private rawIdsHold = true;
  /** Entries before this index are all validated (none undecided); `prefixIds` are their valid ids. */
  private prefix = 0;
  private readonly prefixIds = new Set<string>();
  /** Entries before this index are all decided (kept or dropped). */
  private next = 0;
  /** No entry has been decided yet (none asked for): finishing may take {@link straight}. */
  private untouched = true;
  private entries: T[] | undefined = undefined;
  /** What the generated validator gave each entry, when the run in input order began with {@link validateEach}. */
  private preParsed: unknown[] | undefined = undefined;

  /** @internal */
  constructor(owner: DatasetCheck, name: DatasetListName, raw: unknown[]) {
    this.owner = owner;
    this.name = name;
    this.raw = raw;
    this.language = owner.header.defaultLanguage;
    this.timeZone = owner.header.timeZone;
    // Holes read as undefined: nothing decided yet.
    this.valid = new Array(raw.length);
    this.kept = new Array(raw.length);
  }

  /** Every entry is decided. */
  get done(): boolean {
    return this.entries !== undefined;
  }

  /**
   * What the dataset keeps of entry `index` (as parseDataset gives it),
   * `undefined` when it is left out, or {@link UNDECIDED} while zod, needed
   * to decide it (or an entry it depends on), is not loaded.
   */
  entry(index: number): T | undefined | typeof UNDECIDED {
    const verdict = this.decide(index);
    return verdict === DROPPED ? undefined : verdict;
  }

  /**
   * The kept entries among the input indexes `indexes`, in that order, up to
   * `limit` of them, and their indexes. Each is one the dataset keeps. An
   * undecided entry (zod not loaded) is passed over, and then `complete` is
   * false: zod may yet keep it (in practice it does not: the generated
   * validators and zod agree), so ask again after {@link DatasetCheck.finish}.
   */
  keptAt(indexes: Iterable<number>, limit = Infinity): { entries: T[]; indexes: number[]; complete: boolean } {
    const entries: T[] = [];
    const at: number[] = [];
    let complete = true;
    if (limit <= 0) return { entries, indexes: at, complete };
    for (const index of indexes) {
      const verdict = this.decide(index);
      if (verdict === UNDECIDED) {
        complete = false;
        continue;
      }
      if (verdict === DROPPED) continue;
      entries.push(verdict as T);
      at.push(index);
      if (entries.length >= limit) break;
    }
    return { entries, indexes: at, complete };
  }

  /** The kept entries in order, once the list is done; else `undefined`. */
  get keptEntries(): readonly T[] | undefined {
    return this.entries;
  }

  /** Decides every entry now; the kept entries, or `undefined` if one is undecided (zod not loaded). */
  finishNow(): T[] | undefined {
    return this.advance(Infinity) === 'done' ? this.entries : undefined;
  }

  /**
   * Says that the entries at `indexes` are about to be asked for out of
   * input order (a view's first page, in its own order): the earlier entries
   * with the same raw ids, which decide whether each is a duplicate, are then
   * found for all of them in one pass over the list, instead of one pass per
   * entry when it is asked for (a first page of a dozen entries spread over
   * 10,000 read some 60,000 ids). Nothing changes but when the ids are read.
   */
  announce(indexes: Iterable<number>): void {
    if (this.entries || this.rawIds || !this.rawIdsHold) return;
    const ids: string[] = [];
    for (const index of indexes) {
      if (this.kept[index] !== undefined) continue;
      const entry = this.raw[index];
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      // (A hostile id thousands of characters long is left to rawIdsOf: the pass groups the ids by length, in an array.)
      if (typeof id === 'string' && id.length <= MAX_EXPECTED_ID && !this.expected?.has(id)) ids.push(id);
    }
    if (ids.length === 0) return;
    this.scanned += this.raw.length;
    const found = rawIndexesOfEach(this.raw, ids);
    if (!this.expected) this.expected = found;
    else for (const [id, at] of found) this.expected.set(id, at);
  }

  /** Whether the dataset keeps an entry of this list with id `id` (for references to it). @internal */
  hasKept(id: string): boolean | typeof UNDECIDED {
    if (this.entries) return this.keptIds().has(id);
    if (!this.rawIdsHold) {
      if (!this.finishNow()) return UNDECIDED;
      return this.keptIds().has(id);
    }
    // The first valid entry with the id is the kept one.
    for (const index of this.rawIdsOf(id)) {
      const verdict = this.validate(index);
      if (verdict === UNDECIDED) return UNDECIDED;
      if (verdict !== DROPPED && (verdict as { id: string }).id === id) return true;
    }
    if (!this.rawIdsHold) return this.hasKept(id);
    return false;
  }

  /** The ids of the kept entries, once every entry is decided (finished now if it can be). @internal */
  keptIdsIfDone(): Set<string> | undefined {
    return this.finishNow() ? this.keptIds() : undefined;
  }

  private keptIdSet: Set<string> | undefined = undefined;
  private keptIds(): Set<string> {
    this.keptIdSet ??= new Set(this.entries!.map((entry) => (entry as { id: string }).id));
    return this.keptIdSet;
  }

  /** Decides entries in input order until `until` (a `now()` time): 'more' if time ran out, 'undecided' if one needs zod. @internal */
  advance(until: number): 'done' | 'more' | 'undecided' {
    if (this.entries) return 'done';
    // Run to the end with nothing asked for first (parseDataset): input order from the start, no bookkeeping for out-of-order asks.
    if (until === Infinity && this.untouched && this.prefix === 0 && this.name !== 'followUps') return this.straight();
    const n = this.raw.length;
    let counter = 0;
    while (this.next < n) {
      const verdict = this.decide(this.next);
      if (verdict === UNDECIDED) return 'undecided';
      this.next++;
      // An entry decided before, out of input order (a view's first page), did not move the ids seen in input order
      // on: they catch up now (its verdict is known), so that each next entry's duplicate check is a look-up in them,
      // not a search of the raw ids (which, once finishing began after a first page, it was for every entry).
      if (this.prefix < this.next) this.extendPrefix(this.next);
      // The clock is read every 64 entries: reading it costs more than checking one.
      if (until !== Infinity && ++counter % 64 === 0 && now() >= until && this.next < n) return 'more';
    }
    const entries: T[] = [];
    for (let i = 0; i < n; i++) {
      const verdict = this.kept[i];
      if (verdict !== DROPPED) entries.push(verdict as T);
    }
    this.entries = entries;
    return 'done';
  }

  /**
   * {@link decide} for every entry in input order, when none has been decided
   * yet: the same per-entry rules ({@link validate}, {@link withReferences}),
   * and a duplicate id is one the ids seen so far have (usedBefore's answer in
   * input order). Leaves the state decide would (for {@link entry} and, if an
   * entry is undecided, for going on later).
   */
  private straight(): 'done' | 'undecided' {
    this.untouched = false;
    const raw = this.raw;
    const n = raw.length;
    const kept = this.kept;
    const ids = this.prefixIds;
    const entries: T[] = [];
    const validators = (this.validators ??= this.owner.validatorOf(this.name));
    const pre = validators ? validateEach(raw, validators.validate, this.language) : undefined;
    this.preParsed = pre;
    // Contacts and opportunities refer to other lists: every entry of theirs takes the long way.
    const simple = pre !== undefined && this.name !== 'contacts' && this.name !== 'opportunities';
    const offsetsHold = this.name === 'meetings' ? (validators as ListValidator<'meetings'> | undefined)?.offsetsHold : undefined;
    for (let i = 0; i < n; i++) {
      if (simple) {
        i = keepInOrder(raw, i, pre, this.valid, kept, ids, entries, offsetsHold, this.timeZone);
        this.prefix = i;
        if (i === n) break;
      }
      const verdict = this.validate(i);
      if (verdict === UNDECIDED) return this.stopAt(i);
      this.prefix = i + 1;
      if (verdict === DROPPED) {
        kept[i] = verdict;
        continue;
      }
      const id = (verdict as { id: string }).id;
      // One look-up, not two (has, then add): an id seen before leaves the set as it was.
      const seen = ids.size;
      if (ids.add(id).size === seen) {
        this.entryIssues.set(i, [duplicateId(this.name, i, id)]);
        kept[i] = DROPPED;
        continue;
      }
      const entry = this.withReferences(i, verdict as T);
      if (entry === UNDECIDED) return this.stopAt(i);
      kept[i] = entry;
      if (entry !== DROPPED) entries.push(entry as T);
    }
    this.next = n;
    this.entries = entries;
    this.preParsed = undefined;
    return 'done';
  }

  /** The straight run stops at an undecided entry: the rest is decided later, by decide. */
  private stopAt(index: number): 'undecided' {
    this.kept[index] = UNDECIDED;
    this.next = index;
    return 'undecided';
  }

  /** zod has come: entries that waited for it are decided again when asked. @internal */
  forgetUndecided(): void {
    for (let i = 0; i < this.raw.length; i++) {
      if (this.valid[i] === UNDECIDED) this.valid[i] = undefined;
      if (this.kept[i] === UNDECIDED) this.kept[i] = undefined;
    }
    if (this.followUpIssues === undefined && this.name === 'followUps') this.kept.fill(undefined);
  }

  /** Pushes each entry's own issues, in input order. @internal */
  collectEntryIssues(issues: Issue[]): void {
    for (const index of [...this.entryIssues.keys()].sort((a, b) => a - b)) issues.push(...this.entryIssues.get(index)!);
  }

  /** Pushes the issues of the entries' references, in input order. @internal */
  collectReferenceIssues(issues: Issue[]): void {
    if (this.followUpIssues) issues.push(...this.followUpIssues);
    for (const index of [...this.referenceIssues.keys()].sort((a, b) => a - b)) issues.push(...this.referenceIssues.get(index)!);
  }

  /**
   * The input indexes whose raw id is `id`, at least those before `before`.
   * The first asks read the raw ids before `before` one by one; once they have
   * read some raw.length × {@link SCAN_LISTS} ids, an index of every raw id is
   * made (it costs about that many reads: a page's first screenful of a large
   * list then needs none).
   */
  private rawIdsOf(id: string, before = this.raw.length): readonly number[] {
    const expected = this.expected?.get(id);
    if (expected) return expected;
    if (!this.rawIds && this.scanned + before <= this.raw.length * SCAN_LISTS) {
      this.scanned += before;
      return rawIndexesOf(this.raw, id, before);
    }
    if (!this.rawIds) {
      // The first index of each id, and the indexes of an id met more than once (few): no array per
      // entry (a page's first render asks for this over 10,000 organisations).
      const first = new Map<string, number>();
      const repeated = new Map<string, number[]>();
      const raw = this.raw;
      for (let index = 0; index < raw.length; index++) {
        const entry = raw[index];
        const rawId = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
        if (typeof rawId !== 'string') continue;
        const known = first.get(rawId);
        if (known === undefined) {
          first.set(rawId, index);
          continue;
        }
        const list = repeated.get(rawId);
        if (list) list.push(index);
        else repeated.set(rawId, [known, index]);
      }
      this.rawIds = { first, repeated };
    }
    const repeated = this.rawIds.repeated.get(id);
    if (repeated) return repeated;
    const index = this.rawIds.first.get(id);
    return index === undefined ? [] : [index];
  }

  /** The entry parsed and past its own rules (schema, meeting offsets), DROPPED (with its issues) or UNDECIDED. */
  private validate(index: number): Verdict<T> {
    const known = this.valid[index];
    if (known !== undefined) return known;
    const name = this.name;
    const raw = this.raw[index];
    const validators = (this.validators ??= this.owner.validatorOf(name));
    // Not given and not loaded yet: finish() loads them.
    if (!validators) return (this.valid[index] = UNDECIDED);
    const pre = this.preParsed;
    let parsed = pre !== undefined ? pre[index] : validators.validate(raw, this.language);
    if (parsed === FAIL) {
      // Only a failing entry is parsed by zod itself, for its issues (and zod's answer wins if they disagree).
      const explainer = this.owner.explainer;
      if (!explainer) return (this.valid[index] = UNDECIDED);
      const result: Explained = explainer.entity(ENTITY_OF_LIST[name], this.language, raw);
      if (!result.success) {
        this.entryIssues.set(index, toIssues(result.error.issues, [name, index]));
        return (this.valid[index] = DROPPED);
      }
      parsed = result.data;
    }
    // A meeting whose offset is not the zone's would be shown an hour off: dropped like an invalid entry.
    const offsets = name === 'meetings' ? (validators as ListValidator<'meetings'>) : undefined;
    if (offsets && !offsets.offsetsHold(parsed as { start?: unknown }, this.timeZone)) {
      this.entryIssues.set(index, offsets.offsetIssues(parsed as { start?: unknown }, this.timeZone, { path: [name, index] }));
      return (this.valid[index] = DROPPED);
    }
    const id = (parsed as { id: string }).id;
    if (parsed !== raw && id !== (raw as { id?: unknown }).id) this.rawIdsHold = false;
    return (this.valid[index] = parsed as T);
  }

  /** Validates entries in input order up to `end` (exclusive), as far as none is undecided. */
  private extendPrefix(end: number): void {
    while (this.prefix < end) {
      const verdict = this.validate(this.prefix);
      if (verdict === UNDECIDED) return;
      if (verdict !== DROPPED) this.prefixIds.add((verdict as { id: string }).id);
      this.prefix++;
    }
  }

  /**
   * Whether a valid entry before `index` has `id`: true, false or UNDECIDED.
   * In input order (finishing, parseDataset) the ids seen so far answer it;
   * out of order, the earlier entries with the same raw id are checked (ids
   * are not changed by parsing; if one ever is, in input order again).
   */
  private usedBefore(index: number, id: string): boolean | typeof UNDECIDED {
    if (this.prefix === index) return this.prefixIds.has(id);
    if (this.prefix > index) {
      // prefixIds also holds ids from index on: only a hit needs a closer look.
      if (!this.prefixIds.has(id)) return false;
      for (let j = 0; j < index; j++) {
        const verdict = this.valid[j];
        if (verdict !== DROPPED && (verdict as { id: string }).id === id) return true;
      }
      return false;
    }
    if (this.rawIdsHold) {
      let undecided = false;
      for (const j of this.rawIdsOf(id, index)) {
        if (j >= index) break;
        const verdict = this.validate(j);
        if (verdict === UNDECIDED) undecided = true;
        else if (verdict !== DROPPED && (verdict as { id: string }).id === id) return true;
      }
      if (this.rawIdsHold) return undecided ? UNDECIDED : false;
    }
    this.extendPrefix(index);
    return this.prefix < index ? UNDECIDED : this.prefixIds.has(id);
  }

  /** Whether the dataset keeps entry `index`, and as what. */
  private decide(index: number): Verdict<T> {
    const known = this.kept[index];
    if (known !== undefined) return known;
    this.untouched = false;
    if (this.name === 'followUps') return this.decideFollowUps(index);
    const verdict = this.validate(index);
    if (verdict === UNDECIDED) return (this.kept[index] = verdict);
    if (verdict === DROPPED) {
      if (this.prefix === index) this.prefix++;
      return (this.kept[index] = verdict);
    }
    const id = (verdict as { id: string }).id;
    const used = this.usedBefore(index, id);
    // In input order: this entry joins the ids seen.
    if (this.prefix === index) {
      this.prefixIds.add(id);
      this.prefix++;
    }
    if (used === UNDECIDED) return (this.kept[index] = UNDECIDED);
    if (used) {
      this.entryIssues.set(index, [duplicateId(this.name, index, id)]);
      return (this.kept[index] = DROPPED);
    }
    return (this.kept[index] = this.withReferences(index, verdict as T));
  }

  /** The principles' kept ids, once known (contacts refer to them). */
  private principleIds: Set<string> | undefined = undefined;
  /** The organisations' check (opportunities refer to them). */
  private organisations: ListCheck<Entry<'organisations'>> | undefined = undefined;

  /** A kept entry with its references checked (contacts, opportunities); others as they are. */
  private withReferences(index: number, entry: T): Verdict<T> {
    if (this.name === 'contacts') {
      const known = (this.principleIds ??= this.owner.list('principles').keptIdsIfDone());
      if (!known) return UNDECIDED;
      const contact = entry as unknown as Entry<'contacts'>;
      // Nothing allocated for a contact whose references all hold (nearly all of them).
      let unknown: string[] | undefined;
      for (const id of contact.principles) if (!known.has(id)) (unknown ??= []).push(id);
      if (!unknown) return entry;
      this.referenceIssues.set(index, unknown.map((id) =>
        issue(['contacts', index, 'principles', contact.principles.indexOf(id)], 'unknown-reference', `refers to principle "${id}", which the dataset does not have; the reference was left out`, { id }),
      ));
      // A copy: the fast path may have returned the caller's own object.
      return { ...contact, principles: contact.principles.filter((id) => known.has(id)) } as unknown as T;
    }
    if (this.name === 'opportunities') {
      const opportunity = entry as unknown as Entry<'opportunities'>;
      const has = (this.organisations ??= this.owner.list('organisations')).hasKept(opportunity.organisationId);
      if (has === UNDECIDED) return UNDECIDED;
      const issues: Issue[] = [];
      // Past validate(): this list's validators are here.
      if ((this.validators as ListValidator<'opportunities'>).referenceHolds(opportunity, index, has ? KNOWN : UNKNOWN, issues)) return entry;
      this.referenceIssues.set(index, issues);
      return DROPPED;
    }
    return entry;
  }

  /** The follow-ups are decided together (one report per year): a short list. */
  private decideFollowUps(index: number): Verdict<T> {
    const validators = (this.validators ??= this.owner.validatorOf('followUps')) as ListValidator<'followUps'> | undefined;
    if (!validators) return UNDECIDED;
    const principles = this.owner.list('principles').finishNow();
    const n = this.raw.length;
    const valid: T[] = [];
    const origins: number[] = [];
    let undecided = !principles;
    for (let i = 0; i < n && !undecided; i++) {
      const verdict = this.validate(i);
      if (verdict === UNDECIDED) undecided = true;
      else if (verdict !== DROPPED) {
        const used = this.usedBefore(i, (verdict as { id: string }).id);
        if (used === UNDECIDED) undecided = true;
        else if (used) {
          this.entryIssues.set(i, [duplicateId(this.name, i, (verdict as { id: string }).id)]);
          this.kept[i] = DROPPED;
        } else {
          valid.push(verdict as T);
          origins.push(i);
        }
      } else this.kept[i] = DROPPED;
    }
    if (undecided) return UNDECIDED;
    const issues: Issue[] = [];
    const reports = validators.checkFollowUps(principles!, valid as unknown as Entry<'followUps'>[], origins, issues);
    reports.forEach((report, k) => (this.kept[origins[k]!] = report === undefined ? DROPPED : (report as unknown as T)));
    this.followUpIssues = issues;
    return this.kept[index]!;
  }
}
