import type * as z from 'zod/mini';

/**
 * A fast path for the common case of parsing valid data with our zod schemas.
 *
 * zod's general machinery (a payload and context per node, issue bookkeeping)
 * costs several times JSON.parse on a large dataset. `compile` walks a
 * schema's definition once and returns a plain function that does the same
 * work on valid input — the same type tests, and zod's own check functions
 * (formats, refinements, trims) called directly — and gives up with `FAIL` at
 * the first problem. The caller then parses that one value with zod to get its
 * issues, so zod stays the single source of truth for what is valid and what
 * the messages say; `fast-parse.test.ts` checks that both agree.
 *
 * Schema kinds this does not know are run through zod itself.
 *
 * Unlike zod, the result shares every object and array that needed no change
 * with the input (no unknown keys, no defaults filled, no value normalised).
 * Callers must not mutate the input afterwards, and must not mutate the result
 * in place; parseDataset copies what it changes.
 */
export const FAIL: unique symbol = Symbol('fast-parse failed');
export type Fast = (value: unknown) => unknown;

type Check = { _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown } };
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Def {
  type: string;
  checks?: Check[];
  [key: string]: any;
}
type Node = { _zod: { def: Def; traits: Set<string>; run: (payload: Payload, ctx: object) => Payload } };

const cache = new WeakMap<object, Fast>();

function ownKeyCount(value: object): number {
  let n = 0;
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) n++;
  return n;
}

/** The fast function for `schema`, built once per schema object. */
export function compile(schema: z.ZodMiniType): Fast {
  const node = schema as unknown as Node;
  let fast = cache.get(node);
  if (!fast) {
    fast = withChecks(node, parserOf(node));
    cache.set(node, fast);
  }
  return fast;
}

function hasChecks(node: Node): boolean {
  return node._zod.traits.has('$ZodCheck') || (node._zod.def.checks?.length ?? 0) > 0;
}

// How a check runs on the fast path. Most of our checks are zod's simplest
// ones on strings; their passing case is done here as zod's own check
// function does it (the same test on the same definition), anything else
// (and every doubtful case) by calling zod's check function.
const GENERIC = 0;
/** `pattern.test(value)`, as $ZodCheckRegex and the plain regex formats (email, ISO date, date-time) do. */
const PATTERN = 1;
/** `value.length` ≥ 2 × minimum passes (code points ≥ units / 2); nearer the floor zod counts code points. */
const MIN_LENGTH = 2;
/** `value.length` ≤ maximum passes (code points ≤ units); above it zod counts code points. */
const MAX_LENGTH = 3;
/** `value = def.tx(value)`, as $ZodCheckOverwrite (trim) does. */
const OVERWRITE = 4;
const REGEX_FORMATS = ['$ZodCheckRegex', '$ZodEmail', '$ZodISODate', '$ZodISODateTime'];

function kindOf(check: Check & { _zod: { traits: Set<string>; def: Record<string, any> } }, onStrings: boolean): number {
  const { traits, def } = check._zod;
  if (traits.has('$ZodCheckOverwrite')) return OVERWRITE;
  if (!onStrings) return GENERIC;
  if (REGEX_FORMATS.some((trait) => traits.has(trait)) && def.pattern instanceof RegExp) return PATTERN;
  if (traits.has('$ZodCheckMinLength') && typeof def.minimum === 'number') return MIN_LENGTH;
  if (traits.has('$ZodCheckMaxLength') && typeof def.maximum === 'number') return MAX_LENGTH;
  return GENERIC;
}

// A schema's checks: the schema itself when it is a check (string formats),
// then those in its definition — in zod's order.
function withChecks(node: Node, parse: Fast): Fast {
  const checks = [
    ...(node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : []),
    ...(node._zod.def.checks ?? []),
  ] as (Check & { _zod: { traits: Set<string>; def: Record<string, any> } })[];
  if (checks.length === 0) return parse;
  // After a string schema's type test the value is a string, until a generic check or overwrite may change it.
  const onStrings = node._zod.def.type === 'string';
  const kinds: number[] = [];
  let stillString = onStrings;
  for (const check of checks) {
    const kind = kindOf(check, stillString);
    kinds.push(kind);
    if (kind === GENERIC || kind === OVERWRITE) stillString = false;
  }
  const run = checks.map((check) => check._zod.check.bind(check._zod));
  const when = checks.map((check) => check._zod.def.when);
  const pattern = checks.map((check) => check._zod.def.pattern as RegExp);
  const minimum = checks.map((check) => check._zod.def.minimum as number);
  const maximum = checks.map((check) => check._zod.def.maximum as number);
  const tx = checks.map((check) => check._zod.def.tx as (value: unknown) => unknown);
  const count = checks.length;
  const payload: Payload = { value: undefined, issues: [] };
  return (input) => {
    // A string schema's own type test, here rather than one call more.
    let value = onStrings ? (typeof input === 'string' ? input : FAIL) : parse(input);
    if (value === FAIL) return FAIL;
    // Left over from a value that failed (a `when` may look at them).
    if (payload.issues.length > 0) payload.issues = [];
    for (let i = 0; i < count; i++) {
      const onlyWhen = when[i];
      if (onlyWhen !== undefined) {
        payload.value = value;
        if (!onlyWhen(payload)) continue;
      }
      switch (kinds[i]) {
        case PATTERN: {
          const regex = pattern[i]!;
          regex.lastIndex = 0;
          if (!regex.test(value as string)) return FAIL;
          continue;
        }
        case MIN_LENGTH:
          if ((value as string).length >= 2 * minimum[i]!) continue;
          break;
        case MAX_LENGTH:
          if ((value as string).length <= maximum[i]!) continue;
          break;
        case OVERWRITE:
          value = tx[i]!(value);
          continue;
      }
      payload.value = value;
      if (run[i]!(payload) instanceof Promise) throw new Error('fast-parse: async checks are not supported');
      if (payload.issues.length > 0) return FAIL;
      value = payload.value;
    }
    return value;
  };
}

function parserOf(node: Node): Fast {
  const def = node._zod.def;
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? v : FAIL);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'unknown':
    case 'any':
      return (v) => v;
    case 'literal': {
      const values: unknown[] = def.values;
      return (v) => (values.includes(v) ? v : FAIL);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'optional': {
      const inner = compile(def.innerType);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'default': {
      const inner = compile(def.innerType);
      return (v) => (v === undefined ? def.defaultValue : inner(v));
    }
    case 'array': {
      const element = compile(def.element);
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === FAIL) return FAIL;
          if (item !== v[i] && !out) out = v.slice(0, i);
          if (out) out.push(item);
        }
        // Like objects: an array whose items all came back unchanged is kept.
        return out ?? v;
      };
    }
    case 'object': {
      // Parallel arrays and an index loop: this is the hot loop of a large dataset.
      const shape = def.shape as Record<string, z.ZodMiniType>;
      const keys = Object.keys(shape);
      const optional = keys.map((key) => (shape[key] as unknown as Node)._zod.def.type === 'optional');
      // A missing optional key is skipped below, so a present one goes straight
      // to the inner schema (one call less per value), unless the optional
      // itself has checks.
      const parsers = keys.map((key, i) => {
        const node = shape[key] as unknown as Node;
        return compile(optional[i] && !hasChecks(node) ? (node._zod.def.innerType as z.ZodMiniType) : shape[key]!);
      });
      // A key that Object.prototype also has must be read as an own property only.
      const inherited = keys.map((key) => key in Object.prototype);
      const count = keys.length;
      /** The result when every value came back unchanged but `input` has keys the shape does not (zod leaves them out). */
      const withoutUnknownKeys = (input: Record<string, unknown>) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) {
          const key = keys[i]!;
          const raw = inherited[i] && !Object.prototype.hasOwnProperty.call(input, key) ? undefined : input[key];
          if (raw === undefined && optional[i]) continue;
          out[key] = raw;
        }
        return out;
      };
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
        const input = v as Record<string, unknown>;
        // Most entries come back exactly as they went in: then the input object
        // itself is the result, which spares the garbage collector a copy of
        // the whole dataset. The copy is only begun at the first value that
        // changed (any unknown key, default or change means a copy).
        let out: Record<string, unknown> | undefined;
        let present = 0;
        for (let i = 0; i < count; i++) {
          const key = keys[i]!;
          const raw = inherited[i] && !Object.prototype.hasOwnProperty.call(input, key) ? undefined : input[key];
          // zod leaves out an optional key that is missing.
          if (raw === undefined && optional[i]) continue;
          const value = parsers[i]!(raw);
          if (value === FAIL) return FAIL;
          if (raw !== undefined) present++;
          if (out === undefined) {
            if (value === raw) continue;
            // The keys before this one all came back unchanged.
            out = {};
            for (let j = 0; j < i; j++) {
              const earlier = keys[j]!;
              const rawEarlier = inherited[j] && !Object.prototype.hasOwnProperty.call(input, earlier) ? undefined : input[earlier];
              if (rawEarlier === undefined && optional[j]) continue;
              out[earlier] = rawEarlier;
            }
          }
          out[key] = value;
        }
        if (out !== undefined) return out;
        return ownKeyCount(input) !== present ? withoutUnknownKeys(input) : input;
      };
    }
    case 'union': {
      const options = (def.options as z.ZodMiniType[]).map(compile);
      return (v) => {
        for (const option of options) {
          const result = option(v);
          if (result !== FAIL) return result;
        }
        return FAIL;
      };
    }
    case 'record': {
      const key = compile(def.keyType);
      const value = compile(def.valueType);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return FAIL;
        const input = v as Record<string, unknown>;
        // As for objects, the copy is begun only at the first change. for…in
        // with an own-property test visits what Object.keys would list,
        // without making that array for every record.
        let out: Record<string, unknown> | undefined;
        for (const k in input) {
          if (!Object.prototype.hasOwnProperty.call(input, k)) continue;
          // zod leaves out a "__proto__" key (it would set the result's prototype).
          const skip = k === '__proto__';
          const parsedKey = skip ? k : key(k);
          if (parsedKey === FAIL) return FAIL;
          if (parsedKey === '__proto__' && !skip) return FAIL;
          const raw = input[k];
          const parsed = skip ? raw : value(raw);
          if (parsed === FAIL) return FAIL;
          if (out === undefined) {
            if (!skip && parsedKey === k && parsed === raw) continue;
            out = {};
            for (const earlier in input) {
              if (earlier === k) break;
              if (Object.prototype.hasOwnProperty.call(input, earlier)) out[earlier] = input[earlier];
            }
          }
          if (!skip) out[parsedKey as string] = parsed;
        }
        return out ?? input;
      };
    }
    case 'pipe': {
      const first = compile(def.in);
      const second = compile(def.out);
      return (v) => {
        const mid = first(v);
        return mid === FAIL ? FAIL : second(mid);
      };
    }
    case 'transform': {
      const payload: Payload & { addIssue: () => void } = { value: undefined, issues: [], addIssue() { payload.issues.push(1); } };
      return (v) => {
        payload.value = v;
        if (payload.issues.length > 0) payload.issues = [];
        const out = def.transform(v, payload);
        if (out instanceof Promise) throw new Error('fast-parse: async transforms are not supported');
        return payload.issues.length > 0 ? FAIL : out;
      };
    }
    default: {
      // Anything else: zod itself, on this one node.
      return (v) => {
        const result = node._zod.run({ value: v, issues: [] }, { async: false });
        return result.issues.length > 0 ? FAIL : result.value;
      };
    }
  }
}
