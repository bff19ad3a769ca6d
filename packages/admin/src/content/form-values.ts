/**
 * Between an entity and a form's values, and from the SDK's issues back to
 * the form's fields. DOM-free, so it is tested on its own.
 *
 * The values are flat strings keyed by control: `name`, `title@en` (one per
 * language of a LocalizedText), `start#date` and `start#time` (a meeting
 * time), `commitments[0].text@sv` (a repeated group). Building an entity
 * starts from the original, so a field the form does not show (a meeting's
 * `sequence`, a translation in a language the dataset no longer lists) is
 * kept, never lost.
 */
import { entitySchemas, isLocalTimeError, isoToZonedParts, todayIn, zonedDateTimeToIso, type LocalizedText } from '@samverkan/sdk';
import type { DatasetInfo } from '../api.js';
import type { Messages } from '../i18n/messages.js';
import { FORMS, SCHEMA_NAMES, type FieldSpec, type FormName } from './fields.js';

/** The form's values: one string per control. */
export type FormValues = Record<string, string>;

/** A problem with one control (`control` is a key of the values; `''` for the entity as a whole). */
export interface FormProblem {
  control: string;
  text: string;
}

type Json = Record<string, unknown>;

/** The id of the control with key `control` (also the anchor of the error summary's link). */
export function controlId(control: string): string {
  return `f-${control.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function get(object: unknown, path: string): unknown {
  let at: unknown = object;
  for (const part of path.split('.')) at = at && typeof at === 'object' ? (at as Json)[part] : undefined;
  return at;
}

function set(object: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = object;
  for (const part of parts.slice(0, -1)) {
    if (!at[part] || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Json;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** The language versions of a LocalizedText (a plain string is the default language's). */
function texts(value: unknown, info: DatasetInfo): Record<string, string> {
  if (typeof value === 'string') return { [info.defaultLanguage]: value };
  if (value && typeof value === 'object') return value as Record<string, string>;
  return {};
}

/** The languages a form shows for a LocalizedText: the dataset's, default first. */
export function formLanguages(info: DatasetInfo): string[] {
  return [info.defaultLanguage, ...info.languages.filter((l) => l !== info.defaultLanguage)];
}

function fillField(values: FormValues, spec: FieldSpec, entity: unknown, prefix: string, info: DatasetInfo): void {
  const key = prefix + spec.key;
  const value = get(entity, spec.key);
  switch (spec.kind) {
    case 'localized':
    case 'localized-textarea': {
      const t = texts(value, info);
      for (const lang of formLanguages(info)) values[`${key}@${lang}`] = t[lang] ?? '';
      break;
    }
    case 'list':
      values[key] = Array.isArray(value) ? value.join(', ') : '';
      break;
    case 'localized-list': {
      const items = Array.isArray(value) ? value : [];
      for (const lang of formLanguages(info)) values[`${key}@${lang}`] = items.map((item) => texts(item, info)[lang] ?? '').join('\n');
      break;
    }
    case 'zoned-datetime': {
      let parts = { date: '', time: '' };
      if (typeof value === 'string') {
        try {
          parts = isoToZonedParts(value, info.timeZone);
        } catch {
          // Not a date-time: the fields stay empty and the schema says why on save.
        }
      }
      values[`${key}#date`] = parts.date;
      values[`${key}#time`] = parts.time;
      break;
    }
    case 'group': {
      const items = Array.isArray(value) ? value : [];
      values[`${key}#count`] = String(items.length);
      items.forEach((item, i) => {
        for (const sub of spec.item ?? []) fillField(values, sub, item, `${key}[${i}].`, info);
      });
      break;
    }
    default:
      values[key] = value === undefined || value === null ? '' : String(value);
  }
}

/** The form's values for `entity` (or an empty form for a new one). */
export function valuesFromEntity(collection: FormName, entity: unknown, info: DatasetInfo): FormValues {
  const values: FormValues = {};
  for (const spec of FORMS[collection]) fillField(values, spec, entity ?? {}, '', info);
  if (collection === 'meetings' && !entity) values['status'] = 'scheduled';
  if (collection === 'opportunities' && !entity) values['publishedOn'] = todayIn(info.timeZone);
  return values;
}

function localizedFrom(values: FormValues, key: string, info: DatasetInfo, original: unknown): LocalizedText | undefined {
  const out: Record<string, string> = {};
  // Translations in languages the form does not show are kept as they were.
  for (const [lang, text] of Object.entries(texts(original, info))) if (!formLanguages(info).includes(lang)) out[lang] = text;
  for (const lang of formLanguages(info)) {
    const text = (values[`${key}@${lang}`] ?? '').trim();
    if (text) out[lang] = text;
  }
  const langs = Object.keys(out);
  if (langs.length === 0) return undefined;
  return langs.length === 1 && langs[0] === info.defaultLanguage ? out[info.defaultLanguage] : out;
}

const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function buildField(values: FormValues, spec: FieldSpec, target: Json, original: unknown, prefix: string, info: DatasetInfo, problems: FormProblem[], m: Messages): void {
  const key = prefix + spec.key;
  const raw = (values[key] ?? '').trim();
  switch (spec.kind) {
    case 'localized':
    case 'localized-textarea':
      set(target, spec.key, localizedFrom(values, key, info, get(original, spec.key)));
      break;
    case 'list':
      set(target, spec.key, splitList(values[key] ?? ''));
      break;
    case 'localized-list': {
      const perLanguage = formLanguages(info).map((lang) => [lang, (values[`${key}@${lang}`] ?? '').split('\n').map((s) => s.trim())] as const);
      const count = Math.max(0, ...perLanguage.map(([, lines]) => lines.length));
      const items: LocalizedText[] = [];
      for (let i = 0; i < count; i++) {
        const item: Record<string, string> = {};
        for (const [lang, lines] of perLanguage) if (lines[i]) item[lang] = lines[i]!;
        const langs = Object.keys(item);
        if (langs.length === 0) continue;
        items.push(langs.length === 1 && langs[0] === info.defaultLanguage ? item[info.defaultLanguage]! : item);
      }
      set(target, spec.key, items);
      break;
    }
    case 'zoned-datetime': {
      const date = (values[`${key}#date`] ?? '').trim();
      const time = (values[`${key}#time`] ?? '').trim();
      if (!date || !time) {
        set(target, spec.key, undefined);
        break;
      }
      try {
        set(target, spec.key, zonedDateTimeToIso(date, time, info.timeZone));
      } catch (error) {
        set(target, spec.key, undefined);
        if (isLocalTimeError(error)) problems.push({ control: `${key}#${error.problem === 'invalid-date' ? 'date' : 'time'}`, text: m.lang === 'sv' ? error.messages.sv : error.messages.en });
        else throw error;
      }
      break;
    }
    case 'group': {
      const count = Number(values[`${key}#count`] ?? 0);
      const before = get(original, spec.key);
      const itemKey = spec.itemKey ?? 'id';
      const items: Json[] = [];
      for (let i = 0; i < count; i++) {
        // The item as it was (so what the form does not show is kept), found by its key; items without one start afresh.
        const wanted = itemKey ? values[`${key}[${i}].${itemKey}`] : undefined;
        const originalItem = Array.isArray(before) && wanted ? before.find((b: Json) => b && b[itemKey] === wanted) : undefined;
        const item: Json = structuredClone((originalItem as Json | undefined) ?? {});
        for (const sub of spec.item ?? []) buildField(values, sub, item, originalItem, `${key}[${i}].`, info, problems, m);
        items.push(item);
      }
      set(target, spec.key, items);
      break;
    }
    default:
      // A whole number is stored as one; anything else stays text for the schema to name.
      set(target, spec.key, raw === '' ? undefined : (spec.format === 'positiveInteger' || spec.format === 'year') && /^\d+$/.test(raw) ? Number(raw) : raw);
  }
}

/** Drops objects the form emptied (`signature` with neither date nor way, an empty `location`). */
function pruneEmpty(target: Json, specs: FieldSpec[]): void {
  const parents = new Set(specs.filter((s) => s.key.includes('.')).map((s) => s.key.split('.')[0]!));
  for (const parent of parents) {
    const value = target[parent];
    if (value && typeof value === 'object' && Object.values(value).every((v) => v === undefined)) delete target[parent];
  }
}

/** The entity the values make, starting from `original` (so what the form does not show is kept), and the problems found on the way (times that do not exist). */
export function entityFromValues(collection: FormName, values: FormValues, info: DatasetInfo, original: unknown, m: Messages): { entity: Json; problems: FormProblem[] } {
  const entity: Json = structuredClone((original as Json | undefined) ?? {});
  const problems: FormProblem[] = [];
  for (const spec of FORMS[collection]) buildField(values, spec, entity, original, '', info, problems, m);
  pruneEmpty(entity, FORMS[collection]);
  // New repeated items get an id here: the server makes one only for the entity itself.
  for (const spec of FORMS[collection]) {
    if (spec.kind !== 'group' || (spec.itemKey ?? 'id') !== 'id' || !Array.isArray(entity[spec.key])) continue;
    (entity[spec.key] as Json[]).forEach((item, i) => {
      if (!item['id']) item['id'] = `${String(entity['id'] ?? spec.key).slice(0, 40)}-${spec.key.slice(0, 1)}${i + 1}-${Math.random().toString(36).slice(2, 6)}`;
    });
  }
  return { entity, problems };
}

/** The control of a spec that a problem on the whole field points at (the default language's input, the date of a time). */
function firstControl(spec: FieldSpec, key: string, info: DatasetInfo): string {
  switch (spec.kind) {
    case 'localized':
    case 'localized-textarea':
    case 'localized-list':
      return `${key}@${info.defaultLanguage}`;
    case 'zoned-datetime':
      return `${key}#date`;
    default:
      return key;
  }
}

/** The control an issue's path (`['commitments', 0, 'text', 'en']`) points at, with its spec. */
export function controlForPath(collection: FormName, path: readonly PropertyKey[], info: DatasetInfo): { control: string; spec?: FieldSpec } {
  return controlIn(FORMS[collection], path.map(String), '', info);
}

/** {@link controlForPath} among `specs`, under `prefix`; into repeated groups as deep as they go (a report's evidence links). */
function controlIn(specs: FieldSpec[], parts: string[], prefix: string, info: DatasetInfo): { control: string; spec?: FieldSpec } {
  const group = specs.find((s) => s.kind === 'group' && s.key === parts[0]);
  if (group && /^\d+$/.test(parts[1] ?? '')) return controlIn(group.item ?? [], parts.slice(2), `${prefix}${group.key}[${parts[1]}].`, info);
  const rest = parts;
  for (let n = rest.length; n > 0; n--) {
    const key = rest.slice(0, n).join('.');
    const spec = specs.find((s) => s.key === key);
    if (!spec) continue;
    const lang = rest[n];
    if ((spec.kind === 'localized' || spec.kind === 'localized-textarea') && lang && formLanguages(info).includes(lang)) return { control: `${prefix}${key}@${lang}`, spec };
    return { control: firstControl(spec, prefix + key, info), spec };
  }
  const joined = rest.join('.');
  const child = specs.find((s) => joined && s.key.startsWith(`${joined}.`));
  if (child) return { control: firstControl(child, prefix + child.key, info), spec: child };
  return { control: '' };
}

/** Whether the values leave a control empty. */
function isEmpty(values: FormValues, control: string, spec: FieldSpec | undefined): boolean {
  if (spec?.kind === 'zoned-datetime') {
    const base = control.replace(/#(date|time)$/, '');
    return !(values[`${base}#date`] ?? '').trim() || !(values[`${base}#time`] ?? '').trim();
  }
  return !(values[control] ?? '').trim();
}

/**
 * Checks the entity with the SDK's schema for this collection (the one the
 * server uses), and says each problem at its control in the reader's
 * language: "fill in" for an empty field, the field's own sentence for a
 * known format, the SDK's words otherwise.
 */
export function validateValues(collection: FormName, values: FormValues, info: DatasetInfo, original: unknown, m: Messages): { entity: Json; problems: FormProblem[] } {
  const { entity, problems } = entityFromValues(collection, values, info, original, m);
  const schema = entitySchemas(info.defaultLanguage)[SCHEMA_NAMES[collection]] as unknown as {
    safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  };
  // A new entity may leave the id to the server; check the rest with a stand-in.
  const checked = entity['id'] || collection === 'agreement' ? entity : { ...entity, id: 'new' };
  const result = schema.safeParse(checked);
  const seen = new Set(problems.map((p) => p.control));
  for (const issue of result.error?.issues ?? []) {
    const { control, spec } = controlForPath(collection, issue.path, info);
    if (seen.has(control)) continue;
    seen.add(control);
    problems.push({ control, text: problemText(m, spec, issue.message, isEmpty(values, control, spec)) });
  }
  return { entity, problems: orderProblems(collection, problems, info) };
}

/** The words of a problem for a person. */
export function problemText(m: Messages, spec: FieldSpec | undefined, sdkMessage: string, empty: boolean): string {
  const label = spec ? (m.fields as Record<string, string>)[spec.label] ?? spec.label : '';
  if (!spec) return sdkMessage;
  if (empty) return m.problems.required(label);
  if (spec.kind === 'zoned-datetime' && /after the start/.test(sdkMessage)) return m.invalid.endAfterStart;
  if (spec.format) return `${label}: ${m.invalid[spec.format]}`;
  return m.problems.invalid(label, sdkMessage);
}

/** Problems in the order of the form's fields (the error summary reads top to bottom). */
function orderProblems(collection: FormName, problems: FormProblem[], info: DatasetInfo): FormProblem[] {
  const order: string[] = [];
  const walk = (specs: FieldSpec[], prefix: string) => {
    for (const spec of specs) {
      if (spec.kind === 'group') {
        order.push(prefix + spec.key);
        continue;
      }
      order.push(firstControl(spec, prefix + spec.key, info));
    }
  };
  walk(FORMS[collection], '');
  const rank = (control: string) => {
    const i = order.findIndex((o) => control === o || control.startsWith(o.replace(/[@#].*$/, '')));
    return i === -1 ? order.length : i;
  };
  return [...problems].sort((a, b) => rank(a.control) - rank(b.control));
}
