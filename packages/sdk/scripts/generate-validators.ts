// Writes packages/sdk/src/validators/generated.ts: for every zod schema the
// SDK exports (and the entity schemas of a dataset's default language), a
// plain function that does what the schema does to a valid value and returns
// FAIL at the first doubt. zod stays the single source of truth: this reads
// the schemas' definitions here, at build time, and the generated code runs
// without zod; parseDataset hands each value the generated code rejects to zod,
// for zod's verdict and its issues. `test/generated-validators.test.ts` checks
// with fast-check that whatever the generated code accepts, zod accepts with
// the same output, and that the committed file is what this writes.
//
// What it cannot write exactly (a kind of schema or check it does not know, a
// refinement that is not one of `rules`), it writes as "always FAIL": slow,
// never wrong. Each such place is listed in `fallbacks`, and printed.
//
// Run: node --conditions=samverkan-source --import tsx packages/sdk/scripts/generate-validators.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as sdk from '../src/index.js';
import { buildEntitySchemas } from '../src/schemas/entities.js';
import { DatasetHeaderSchema } from '../src/schemas/dataset.js';
import { rules, RULE, type RuleMark } from '../src/validators/rules.js';

export const OUTPUT = fileURLToPath(new URL('../src/validators/generated.ts', import.meta.url));
/** Stands for the dataset's default language while the factory's schemas are read. */
const SENTINEL = '\u0000default-language\u0000';
/**
 * Stands for the parameter `L` (the default language) in a function's body
 * while it is written: the body is read once with `L` and once with
 * `undefined` in its place (see `emit`). A control character, so never part
 * of a key or a string the code quotes (JSON.stringify escapes it).
 */
const LANG = '\u0001L\u0001';

interface Def {
  type: string;
  checks?: ZodNode[];
  [key: string]: any;
}
interface ZodNode {
  _zod: { def: Def; traits: Set<string>; check?: (payload: unknown) => void };
}
const isSchema = (value: unknown): value is ZodNode =>
  typeof value === 'object' && value !== null && '_zod' in value && typeof (value as ZodNode)._zod?.def?.type === 'string';

/**
 * zod's own patterns of z.httpUrl (z.regexes.domain and /^https?$/), as zod
 * 4.1 and 4.6 write them. Each accepts every host that the canonical-address
 * test in validators/runtime.ts lets through (lower-case labels of letters,
 * digits and inner hyphens, a letter-only last label) when no label is longer
 * than 63 and the host not longer than 253, so `url()` may leave them out for
 * such an address. Another pattern (a later zod's, or a schema's own) is
 * simply run: it is compared as text, never assumed. Property-tested at both
 * versions with labels of 63 and 64 characters and hosts past 253.
 */
const WEB_HOST_PATTERNS = {
  hostname: new Set([
    String(/^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/),
    String(/^([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/),
  ]),
  protocol: new Set([String(/^https?$/)]),
};

/**
 * Patterns with a check written out by hand (validators/patterns.ts), by their
 * text: zod's e-mail pattern (as zod 4.6 and 4.1 write it), date and
 * date-time-with-offset patterns, and the SDK's id and language-tag patterns.
 * A pattern is replaced only when it is one of these, as text; each check is
 * property-tested against every pattern it stands for
 * (test/validator-patterns.test.ts). Another pattern is run as it is.
 */
export const PATTERN_CHECKS: Record<string, string> = {
  [String(/^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/)]: 'isEmail',
  [String(/^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/)]: 'isEmail',
  [String(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/)]: 'isId',
  [String(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/)]: 'isLanguageTag',
  [String(/^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/)]: 'isIsoDate',
  [String(/^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/)]: 'isIsoDateTimeWithOffset',
};

const PATTERN_FORMATS = new Set(['regex', 'email', 'date', 'datetime', 'time', 'uuid', 'guid', 'e164', 'lowercase', 'uppercase', 'ulid', 'cuid', 'cuid2', 'nanoid', 'xid', 'ksuid', 'duration']);
/** The export name of an entity's validator: `Organisation` → `organisationValidator`. */
export const entityValidatorName = (entity: string) => `${entity[0]!.toLowerCase()}${entity.slice(1)}Validator`;
const ruleNames = new Map<unknown, string>(Object.entries(rules).map(([name, fn]) => [fn, name]));

/** Options for tests: other schemas than the SDK's exports, and no entity factory. */
export interface GenerateOptions {
  schemas?: Record<string, unknown>;
  entities?: boolean;
}

export function generateValidators(options: GenerateOptions = {}): { code: string; files: Record<string, string>; fallbacks: string[] } {
  const fallbacks: string[] = [];
  /**
   * A generated function: its name, and whether it takes the default language
   * as `L`; `noLanguage`: the schema is that function's with no default
   * language required (it is called with `undefined` for `L`).
   */
  interface Fn {
    name: string;
    lang: boolean;
    noLanguage?: boolean;
  }
  const constants = new Map<string, string>();
  /** The checks of validators/patterns.ts the code calls. */
  const patternChecks = new Set<string>();
  const constantLines: string[] = [];
  const functions: string[] = [];
  // Equal bodies are written once (many schemas share `typeof v === 'string'` and the like).
  const bodies = new Map<string, string>();
  // The schemas of an entity with and without a default language (OrganisationSchema and the dataset's
  // Organisation) differ only in the check that a text has one: each function that takes `L`, by the text
  // it has with `undefined` for `L` (that check then drops out), so that a schema whose code is that text
  // calls it with `undefined` instead of being written a second time (and drifting from it).
  const withoutLanguage = new Map<string, string>();
  const made = new Map<ZodNode, Fn>();
  const inProgress = new Set<ZodNode>();
  // What each function and constant refers to (by name), for the module layout: while a function is
  // written, the names it calls and the constants it reads are collected on top of this stack.
  const referring: Set<string>[] = [];
  const refersTo = new Map<string, Set<string>>();
  const texts = new Map<string, string>();

  const constant = (expression: string) => {
    let name = constants.get(expression);
    if (name) {
      referring.at(-1)?.add(name);
      return name;
    }
    name = `c${constants.size}`;
    constants.set(expression, name);
    referring.at(-1)?.add(name);
    // The annotation only where Rollup can use it (a `new` or a call); before a regular
    // expression or an object literal it is an error Rollup warns about, once per line.
    const pure = /^(?:new\s|[\w$.]+\()/.test(expression) ? '/* @__PURE__ */ ' : '';
    constantLines.push(`const ${name} = ${pure}${expression};`);
    texts.set(name, constantLines.at(-1)!);
    refersTo.set(name, new Set());
    return name;
  };
  const literal = (value: unknown): string | undefined => {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  };
  /** `o.key` or `o["odd key"]`. */
  const member = (object: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`);

  /** The validator of `node`, writing it first if needed. */
  function emit(node: ZodNode, path: string): Fn {
    const known = made.get(node);
    if (known) return known;
    const ctx = { lang: false };
    let body: string[];
    let uses = new Set<string>();
    if (inProgress.has(node)) {
      // z.lazy and getters in a shape can make a schema that contains itself; zod handles it.
      fallbacks.push(`${path}: a recursive schema`);
      body = ['return F;'];
    } else {
      inProgress.add(node);
      referring.push(new Set());
      const fail = (why: string) => {
        fallbacks.push(`${path}: ${why}`);
        return ['return F;'];
      };
      const head = typeTest(node, path, fail, ctx);
      body = head.includes('return F;') && head.length === 1 ? head : [...head, ...checks(node, path, fail, ctx)];
      inProgress.delete(node);
      uses = referring.pop()!;
    }
    // A check handed to zod every time reads nothing: `_v` keeps noUnusedParameters quiet.
    const textOf = (lines: string[], lang: boolean) => `(${lines.some((line) => /\bv\b/.test(line)) ? 'v' : '_v'}: any${lang ? ', L?: string' : ''}): any {\n  ${lines.join('\n  ')}\n}`;
    const text = textOf(body, ctx.lang).replaceAll(LANG, 'L');
    let name = bodies.get(text);
    // The same code with no default language: this function is called with `undefined` for `L`.
    const twin = !ctx.lang && !name ? withoutLanguage.get(text) : undefined;
    if (twin) {
      const fn = { name: twin, lang: true, noLanguage: true };
      made.set(node, fn);
      return fn;
    }
    if (ctx.lang) {
      // Its text with `undefined` for `L`: the guarded checks on the language drop out, each call passes `undefined` on.
      const without = textOf(body.filter((line) => !line.startsWith(`if (${LANG} !== undefined && `)), false).replaceAll(LANG, 'undefined');
      if (!withoutLanguage.has(without)) withoutLanguage.set(without, bodies.get(text) ?? `v${bodies.size}`);
    }
    if (!name) {
      name = `v${bodies.size}`;
      bodies.set(text, name);
      functions.push(`function ${name}${text}`);
      texts.set(name, functions.at(-1)!);
      refersTo.set(name, uses);
    }
    const fn = { name, lang: ctx.lang };
    made.set(node, fn);
    return fn;
  }

  /** The call of `fn` on `argument`, passing the default language on when `fn` needs it (`undefined` for a schema without one). */
  const call = (fn: Fn, argument: string, ctx: { lang: boolean }) => {
    if (fn.lang && !fn.noLanguage) ctx.lang = true;
    referring.at(-1)?.add(fn.name);
    return `${fn.name}(${argument}${fn.noLanguage ? ', undefined' : fn.lang ? `, ${LANG}` : ''})`;
  };

  function typeTest(node: ZodNode, path: string, fail: (why: string) => string[], ctx: { lang: boolean }): string[] {
    const def = node._zod.def;
    if (def.coerce) return fail('coerce');
    switch (def.type) {
      case 'string':
        return ["if (typeof v !== 'string') return F;"];
      case 'number':
        return ["if (typeof v !== 'number' || !Number.isFinite(v)) return F;"];
      case 'boolean':
        return ["if (typeof v !== 'boolean') return F;"];
      case 'unknown':
      case 'any':
        return [];
      case 'null':
        return ['if (v !== null) return F;'];
      case 'literal': {
        const values = (def.values as unknown[]).map(literal);
        if (values.some((v) => v === undefined)) return fail('a literal that is not a JSON value');
        return [`if (${values.map((v) => `v !== ${v}`).join(' && ')}) return F;`];
      }
      case 'enum': {
        const values = Object.values(def.entries as Record<string, unknown>).map(literal);
        if (values.some((v) => v === undefined)) return fail('an enum value that is not a JSON value');
        if (values.length <= 8) return [`if (${values.map((v) => `v !== ${v}`).join(' && ')}) return F;`];
        return [`if (!${constant(`new Set<unknown>([${values.join(', ')}])`)}.has(v)) return F;`];
      }
      case 'optional': {
        const inner = def.innerType as ZodNode;
        // zod runs an inner default (or the like) on a missing value; what it then gives is not `undefined`.
        if (['default', 'prefault', 'catch', 'optional'].includes(inner._zod.def.type)) return fail(`an optional around a ${inner._zod.def.type}`);
        return [`if (v === undefined) return undefined;`, `v = ${call(emit(inner, path), 'v', ctx)};`, 'if (v === F) return F;'];
      }
      case 'nullable':
        return [`if (v === null) return null;`, `v = ${call(emit(def.innerType, path), 'v', ctx)};`, 'if (v === F) return F;'];
      case 'default': {
        const once = defaultLiteral(def);
        if (once === undefined) return fail('a default that is not one JSON value');
        return [`if (v === undefined) return ${once};`, `v = ${call(emit(def.innerType, path), 'v', ctx)};`, 'if (v === F) return F;'];
      }
      case 'pipe':
        return [`v = ${call(emit(def.in, `${path}(in)`), 'v', ctx)};`, 'if (v === F) return F;', `v = ${call(emit(def.out, `${path}(out)`), 'v', ctx)};`, 'if (v === F) return F;'];
      case 'transform': {
        const mark = (def.transform as Record<symbol, RuleMark | undefined>)[RULE];
        if (!mark) return fail('a transform that is not one of the rules in validators/rules.ts');
        return [`v = rules.${mark.name}(v);`, 'if (v === undefined) return F;'];
      }
      case 'array': {
        // An array of anything (the dataset header's lists): every item passes as it is, so no loop
        // (it read each of the dataset's thousands of entries once more, for nothing).
        if (acceptsAnything(def.element as ZodNode)) return ['if (!Array.isArray(v)) return F;'];
        const item = call(emit(def.element, `${path}[]`), 'r', ctx);
        return [
          'if (!Array.isArray(v)) return F;',
          // A copy is begun only at the first item that changed.
          'let out: unknown[] | undefined;',
          'for (let i = 0; i < v.length; i++) {',
          '  const r = v[i];',
          `  const x = ${item};`,
          '  if (x === F) return F;',
          '  if (out !== undefined) out.push(x);',
          '  else if (x !== r) {',
          '    out = v.slice(0, i);',
          '    out.push(x);',
          '  }',
          '}',
          'if (out !== undefined) v = out;',
        ];
      }
      case 'union': {
        // zod takes the first option that accepts the value.
        const options = (def.options as ZodNode[]).map((option, i) => call(emit(option, `${path}|${i}`), 'v', ctx));
        return ['{', `  let x: any = ${options[0]};`, ...options.slice(1).map((option) => `  if (x === F) x = ${option};`), '  if (x === F) return F;', '  v = x;', '}'];
      }
      case 'record': {
        const keyDef = (def.keyType as ZodNode)._zod.def;
        // A record with enum (or literal) keys must have every key in zod 4, a partial one need not: zod decides.
        if (keyDef.type !== 'string') return fail(`a record whose keys are ${keyDef.type}, not strings`);
        if (def.mode && def.mode !== 'strict') return fail(`a record of mode ${def.mode}`);
        const key = call(emit(def.keyType, `${path}{key}`), 'k', ctx);
        const value = call(emit(def.valueType, `${path}{}`), 'r', ctx);
        return [
          "if (typeof v !== 'object' || v === null || Array.isArray(v)) return F;",
          // zod takes a record only from a plain object, and its test for one reads `constructor` (zod 4.1
          // refuses {constructor: []}, 4.6 takes it): anything but a plain JSON object without that key, zod decides.
          "if (Object.getPrototypeOf(v) !== Object.prototype || own.call(v, 'constructor')) return F;",
          // A copy is begun at the first key or value that changed; zod leaves out a `__proto__` key (it would set the result's prototype).
          'let out: any;',
          // The keys the result has: rules.hasAnyKey on a record is this count (see checks), not a second loop.
          'let count = 0;',
          'for (const k in v) {',
          '  if (!own.call(v, k)) continue;',
          "  if (k === '__proto__') {",
          '    if (out === undefined) out = copyBefore(v, k);',
          '    continue;',
          '  }',
          `  const pk = ${key};`,
          "  if (pk === F || pk === '__proto__') return F;",
          '  const r = v[k];',
          `  const x = ${value};`,
          '  if (x === F) return F;',
          '  count++;',
          '  if (out === undefined) {',
          '    if (pk === k && x === r) continue;',
          '    out = copyBefore(v, k);',
          '  }',
          '  out[pk] = x;',
          '}',
          'if (out !== undefined) v = out;',
        ];
      }
      case 'object':
        return objectTest(def, path, fail, ctx);
      default:
        return fail(`a ${def.type} schema`);
    }
  }

  /**
   * Whether the validator written for `node` returns FAIL for undefined and
   * never returns undefined: a type test that undefined fails, first thing
   * (and no transform after it that could give undefined: pipes are not
   * looked into).
   */
  function refusesUndefined(node: ZodNode): boolean {
    const def = node._zod.def;
    if (def.coerce) return false;
    switch (def.type) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'enum':
      case 'array':
      case 'record':
      case 'object':
        return true;
      case 'literal':
        return !(def.values as unknown[]).includes(undefined);
      case 'nullable':
        return refusesUndefined(def.innerType as ZodNode);
      case 'union':
        return (def.options as ZodNode[]).every(refusesUndefined);
      default:
        return false;
    }
  }

  /** Whether the validator written for `node` is `return v;`: z.unknown() or z.any() without checks. */
  function acceptsAnything(node: ZodNode): boolean {
    const def = node._zod.def;
    return (def.type === 'unknown' || def.type === 'any') && !node._zod.traits.has('$ZodCheck') && (def.checks?.length ?? 0) === 0;
  }

  /** The default as a JSON literal (a fresh value at every use), or undefined when it is not one JSON value. */
  function defaultLiteral(def: Def): string | undefined {
    const once = JSON.stringify(def.defaultValue);
    return once !== undefined && once === JSON.stringify(def.defaultValue) ? once : undefined;
  }

  /**
   * An object, as straight-line code: each key read and checked in turn by its
   * own validator (direct calls the JIT can inline), the own keys counted to
   * find unknown ones, and the input itself returned when nothing changed.
   * `strip` (zod's default) leaves unknown keys out, `strict` (catchall never)
   * fails on one, `loose` (catchall unknown) keeps them, any other catchall
   * checks each.
   */
  function objectTest(def: Def, path: string, fail: (why: string) => string[], ctx: { lang: boolean }): string[] {
    const shape = def.shape as Record<string, ZodNode>;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) return fail('a key named __proto__');
    // zod reads such a key through the prototype (`{}.constructor` is a function): zod decides.
    const inherited = keys.filter((key) => key in Object.prototype);
    if (inherited.length > 0) return fail(`a key that objects inherit (${inherited.join(', ')})`);
    const catchall = def.catchall as ZodNode | undefined;
    const catchallType = catchall?._zod.def.type;
    const mode = catchall === undefined ? 'strip' : catchallType === 'never' ? 'strict' : catchallType === 'unknown' || catchallType === 'any' ? 'loose' : 'catchall';
    const lines = ["if (typeof v !== 'object' || v === null || Array.isArray(v)) return F;", 'let n = 0;'];
    // Keys whose value must be present: counted once here, not tested one by one.
    let present = 0;
    const same: string[] = [];
    const put: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const schema = shape[key]!;
      const type = schema._zod.def.type;
      const r = `r${i}`;
      const p = `p${i}`;
      lines.push(`const ${r} = ${member('v', key)};`);
      const inner = schema._zod.def.innerType as ZodNode | undefined;
      const once = type === 'default' ? defaultLiteral(schema._zod.def) : undefined;
      if (type === 'optional' && !['default', 'prefault', 'catch', 'optional'].includes(inner!._zod.def.type)) {
        // zod leaves out an optional key that is missing.
        lines.push(`let ${p}: any;`, `if (${r} !== undefined) {`, `  ${p} = ${call(emit(inner!, `${path}.${key}`), r, ctx)};`, `  if (${p} === F) return F;`, '  n++;', '}');
        // (zod keeps an optional key that is there with the value undefined.)
        put.push(`if (${r} !== undefined || ${JSON.stringify(key)} in v) ${member('o', key)} = ${p};`);
      } else if (type === 'default' && once !== undefined) {
        lines.push(`let ${p}: any;`, `if (${r} === undefined) ${p} = ${once};`, 'else {', `  ${p} = ${call(emit(inner!, `${path}.${key}`), r, ctx)};`, `  if (${p} === F) return F;`, '  n++;', '}');
        put.push(`if (${p} !== undefined || ${r} !== undefined) ${member('o', key)} = ${p};`);
      } else if (refusesUndefined(schema)) {
        // Past its validator the key is there, and its value is not undefined.
        lines.push(`const ${p} = ${call(emit(schema, `${path}.${key}`), r, ctx)};`, `if (${p} === F) return F;`);
        present++;
        put.push(`${member('o', key)} = ${p};`);
      } else {
        // A key that must be there but whose schema takes undefined (z.unknown()): when it is missing, zod 4.1
        // takes the object and zod 4.6 does not, so zod decides.
        lines.push(`const ${p} = ${call(emit(schema, `${path}.${key}`), r, ctx)};`, `if (${p} === F) return F;`, `if (${r} !== undefined) n++;`, `else if (!(${JSON.stringify(key)} in v)) return F;`);
        put.push(`if (${p} !== undefined || ${r} !== undefined || ${JSON.stringify(key)} in v) ${member('o', key)} = ${p};`);
      }
      same.push(`${p} === ${r}`);
    }
    if (present > 0) lines[1] = `let n = ${present};`;
    const unchanged = same.length ? same.join(' && ') : 'true';
    const names = constant(JSON.stringify(keys));
    // The own keys counted: a strict object fails on a key not in the schema, a loose one on a `__proto__`
    // key. (A stripped object's keys are read by inOrder, only when its values are unchanged.)
    // zod looks for the keys not in the schema with for-in, inherited ones too: an object on another prototype, zod decides.
    if (mode !== 'strip') lines.push('if (Object.getPrototypeOf(v) !== Object.prototype) return F;', 'let k = 0;', 'for (const key in v) if (own.call(v, key)) k++;');
    const known = mode === 'loose' || mode === 'catchall' ? constant(`new Set<string>(${JSON.stringify(keys)})`) : '';
    if (mode === 'strict') lines.push('if (k !== n) return F;');
    if (mode === 'loose' || mode === 'catchall') {
      // An unknown key `__proto__` would set the prototype of zod's result: zod decides.
      lines.push(`if (k !== n && own.call(v, '__proto__')) return F;`);
    }
    let extrasSame = '';
    if (mode === 'catchall') {
      const each = call(emit(catchall!, `${path}{catchall}`), 'v[key]', ctx);
      lines.push(
        'let extrasSame = true;',
        'if (k !== n) {',
        '  for (const key in v) {',
        `    if (!own.call(v, key) || ${known}.has(key)) continue;`,
        `    const x = ${each};`,
        '    if (x === F) return F;',
        '    if (x !== v[key]) extrasSame = false;',
        '  }',
        '}',
      );
      extrasSame = 'extrasSame && ';
    }
    // The input itself is zod's output only when every value is unchanged and zod's copy would have the
    // same keys in the same order (inOrder: no key left out, none that is there with the value undefined,
    // the schema's order, a plain object).
    const condition = `!(${extrasSame}${unchanged}) || !inOrder(v, ${names}, n${known ? `, ${known}` : ''})`;
    if (mode === 'strip' || mode === 'strict') {
      // The copy (rare on a dataset as the server publishes it) by one shared function: less code per object.
      // (Written key by key instead, the copy alone was faster, but parse.bench.ts's raw ratio went from
      // 1.91× to 2.44× at load 15: see the commit that brought this back.)
      // Only the parsed values: whether a key is there is `key in v` (a value read that is not undefined has
      // its key in v), so the values read, passed too until December 2026, decided nothing and cost an array.
      lines.push(`if (${condition}) v = copyObject(${names}, [${keys.map((_, i) => `p${i}`).join(', ')}], v);`);
      return lines;
    }
    lines.push(`if (${condition}) {`, '  const o: any = {};', ...put.map((line) => `  ${line}`));
    if (mode === 'loose') lines.push(`  for (const key in v) if (own.call(v, key) && !${known}.has(key)) o[key] = v[key];`);
    if (mode === 'catchall') lines.push(`  for (const key in v) if (own.call(v, key) && !${known}.has(key)) o[key] = ${call(emit(catchall!, `${path}{catchall}`), 'v[key]', ctx)};`);
    lines.push('  v = o;', '}');
    return lines;
  }

  function checks(node: ZodNode, _path: string, fail: (why: string) => string[], ctx: { lang: boolean }): string[] {
    const def = node._zod.def;
    const list = [...(node._zod.traits.has('$ZodCheck') ? [node] : []), ...(def.checks ?? [])];
    const onString = def.type === 'string';
    const out: string[] = [];
    for (const check of list) {
      const c = check._zod.def as Def & Record<string, any>;
      switch (c.check) {
        case 'overwrite': {
          const source = String(c.tx).replace(/\s+/g, '');
          if (onString && /^\(?(\w+)\)?=>\1\.trim\(\)$/.test(source)) out.push('v = trim(v);');
          else return fail(`an overwrite ${c.tx}`);
          break;
        }
        case 'string_format': {
          if (c.format === 'url' && onString) {
            if (!(c.hostname instanceof RegExp) || !(c.protocol instanceof RegExp)) return fail('a url without hostname and protocol patterns');
            const webHost = WEB_HOST_PATTERNS.hostname.has(String(c.hostname)) && WEB_HOST_PATTERNS.protocol.has(String(c.protocol));
            out.push(`v = url(v, ${constant(String(c.hostname))}, ${constant(String(c.protocol))}, ${Boolean(c.normalize)}${webHost ? ', true' : ''});`, 'if (v === F) return F;');
          } else if (PATTERN_FORMATS.has(c.format) && c.pattern instanceof RegExp && onString && PATTERN_CHECKS[String(c.pattern)]) {
            const check = PATTERN_CHECKS[String(c.pattern)]!;
            patternChecks.add(check);
            out.push(`if (!${check}(v)) return F;`);
          } else if (PATTERN_FORMATS.has(c.format) && c.pattern instanceof RegExp && onString) {
            const re = constant(String(c.pattern));
            if (c.pattern.global || c.pattern.sticky) out.push(`${re}.lastIndex = 0;`);
            out.push(`if (!${re}.test(v)) return F;`);
          } else return fail(`a ${c.format} format`);
          break;
        }
        case 'min_length':
          out.push(onString ? `if (!minLength(v, ${c.minimum})) return F;` : `if (v.length < ${c.minimum}) return F;`);
          break;
        case 'max_length':
          // Code points ≤ UTF-16 units: within the units it fits either way (and by zod versions that count units).
          out.push(`if (v.length > ${c.maximum}) return F;`);
          break;
        case 'greater_than':
          if (typeof c.value !== 'number') return fail('a bound that is not a number');
          out.push(`if (!(v ${c.inclusive ? '>=' : '>'} ${c.value})) return F;`);
          break;
        case 'less_than':
          if (typeof c.value !== 'number') return fail('a bound that is not a number');
          out.push(`if (!(v ${c.inclusive ? '<=' : '<'} ${c.value})) return F;`);
          break;
        case 'number_format':
          if (c.format === 'safeint') out.push('if (!Number.isSafeInteger(v)) return F;');
          else return fail(`a ${c.format} number format`);
          break;
        case 'custom': {
          // `when` is not looked at: running a refinement zod would have skipped can only turn a pass into FAIL, which zod then decides.
          if (typeof c.fn !== 'function') return fail('a custom check without a function');
          const direct = ruleNames.get(c.fn);
          const mark = (c.fn as Record<symbol, RuleMark | undefined>)[RULE];
          // On a record, whether it has a key is the count its loop kept (every key but `__proto__`, which zod leaves out).
          if (direct === 'hasAnyKey' && def.type === 'record') out.push('if (count === 0) return F;');
          else if (direct) out.push(`if (!rules.${direct}(v)) return F;`);
          else if (mark?.argument === SENTINEL) {
            // Guarded, so that the same function serves the schema without a default language (called with `undefined`).
            ctx.lang = true;
            out.push(`if (${LANG} !== undefined && !rules.${mark.name}(v, ${LANG})) return F;`);
          } else if (mark) out.push(`if (!rules.${mark.name}(v, ${JSON.stringify(mark.argument)})) return F;`); else return fail(`a refinement that is not one of the rules in validators/rules.ts: ${String(c.fn).slice(0, 80)}`);
          break;
        }
        default:
          return fail(`a ${c.check} check`);
      }
    }
    out.push('return v;');
    return out;
  }

  // The entity schemas, one export each (so that a page bundles only those it reads), with the
  // dataset's default language as a second argument where a text must include it. Written first, so
  // that the exported schemas without a default language (OrganisationSchema …) find their functions.
  const entities = (options.entities === false ? {} : buildEntitySchemas(SENTINEL)) as unknown as Record<string, ZodNode>;
  const entityFns = Object.entries(entities).map(([name, schema]): [string, string] => [name, emit(schema, `entities(lang).${name}`).name]);

  // Every zod schema the SDK exports, by its export name, plus the header parseDataset reads first.
  const exported = Object.entries(options.schemas ?? { ...sdk, DatasetHeaderSchema }).filter((entry): entry is [string, ZodNode] => isSchema(entry[1])).sort(([a], [b]) => a.localeCompare(b));
  const schemaFns = exported.map(([name, schema]): [string, string, boolean] => {
    const fn = emit(schema, name);
    if (fn.lang && !fn.noLanguage) throw new Error(`${name} depends on the default language`);
    return [name, fn.name, Boolean(fn.noLanguage)];
  });
  if (functions.some((fn) => fn.includes(SENTINEL) || fn.includes(LANG))) throw new Error('the default language leaked into the generated code');

  return { ...layOut(schemaFns, entityFns, { constantLines, functions, texts, refersTo, patternChecks }), fallbacks };
}

/**
 * The modules a dataset check loads on their own (issue 18: a page checks
 * only the lists it shows): the header's and each of the agreement's and the
 * seven lists' entity validators, each in `generated/<module>.ts`.
 */
export const SPLIT_MODULES: Record<string, string> = {
  DatasetHeaderSchema: 'header',
  Agreement: 'agreement',
  Principle: 'principle',
  DevelopmentArea: 'development-area',
  Organisation: 'organisation',
  Contact: 'contact',
  Meeting: 'meeting',
  FollowUp: 'follow-up',
  Opportunity: 'opportunity',
};

/** The folder of the split modules, beside {@link OUTPUT}. */
export const SPLIT_DIR = fileURLToPath(new URL('../src/validators/generated/', import.meta.url));

const HEADER = [
  '// Generated by packages/sdk/scripts/generate-validators.ts from the zod schemas: do not edit.',
  '// Each function returns the value as zod would (trimmed, normalised, defaults filled, unknown keys',
  '// left out; unchanged objects are the input itself) or FAIL, and then zod decides.',
  '/* eslint-disable */',
];
const RUNTIME = ['copyBefore', 'copyObject', 'inOrder', 'url', 'minLength', 'trim'];

/**
 * Places every function and constant: in the one split module
 * ({@link SPLIT_MODULES}) whose validator reaches it, in `generated/shared.ts`
 * when two or more reach it, else in generated.ts, which exports every
 * validator (as before the split) and holds what only the other exported
 * schemas use. A split module imports only from shared.ts, so a bundler can
 * put each in its own chunk. Returns generated.ts as `code` and every file by
 * its path relative to src/validators/.
 */
function layOut(
  schemaFns: [string, string, boolean][],
  entityFns: [string, string][],
  parts: { constantLines: string[]; functions: string[]; texts: Map<string, string>; refersTo: Map<string, Set<string>>; patternChecks: Set<string> },
): { code: string; files: Record<string, string> } {
  const { texts, refersTo } = parts;
  const roots = new Map<string, string>();
  for (const [name, fn] of schemaFns) if (SPLIT_MODULES[name] && name === 'DatasetHeaderSchema') roots.set(fn, SPLIT_MODULES[name]!);
  for (const [name, fn] of entityFns) if (SPLIT_MODULES[name]) roots.set(fn, SPLIT_MODULES[name]!);
  // Which split modules reach each name.
  const owners = new Map<string, Set<string>>();
  for (const [fn, module] of roots) {
    const stack = [fn];
    while (stack.length) {
      const name = stack.pop()!;
      let set = owners.get(name);
      if (!set) owners.set(name, (set = new Set()));
      if (set.has(module)) continue;
      set.add(module);
      stack.push(...refersTo.get(name)!);
    }
  }
  const home = (name: string): string => {
    const set = owners.get(name);
    return !set ? 'main' : set.size === 1 ? [...set][0]! : 'shared';
  };
  // In the order they were written (constants first): each module keeps that order.
  const byModule = new Map<string, string[]>();
  for (const name of [...texts.keys()].sort((a, b) => (a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a[0] === 'c' ? -1 : 1))) {
    const module = home(name);
    if (!byModule.has(module)) byModule.set(module, []);
    byModule.get(module)!.push(name);
  }

  const render = (module: string, exports: string[]): string => {
    const names = byModule.get(module) ?? [];
    const split = module !== 'main';
    const here = (path: string) => (split ? `../${path}` : `./${path}`);
    const body = names.map((name) => (split ? `export ${texts.get(name)!}` : texts.get(name)!));
    const text = [...body, ...exports].join('\n');
    const lines = [...HEADER];
    if (/\brules\./.test(text)) lines.push(`import { rules } from '${here('rules.js')}';`);
    const runtime = RUNTIME.filter((fn) => new RegExp(`\\b${fn}\\(`).test(text));
    const types = /: GeneratedValidator\b/.test(text) ? ['type GeneratedValidator'] : [];
    lines.push(`import { FAIL as F, ${[...runtime, ...types].join(', ')} } from '${here('runtime.js')}';`.replace(', }', ' }'));
    const patterns = [...parts.patternChecks].sort().filter((fn) => new RegExp(`\\b${fn}\\(`).test(text));
    if (patterns.length) lines.push(`import { ${patterns.join(', ')} } from '${here('patterns.js')}';`);
    // Names from other modules: a split module's from shared.ts, generated.ts's from each.
    const local = new Set(names);
    const from = new Map<string, Set<string>>();
    for (const name of names) {
      for (const used of refersTo.get(name)!) if (!local.has(used)) (from.get(home(used)) ?? from.set(home(used), new Set()).get(home(used))!).add(used);
    }
    // (The split entities are re-exported from their modules.)
    if (!split) for (const [, fn] of [...schemaFns, ...entityFns.filter(([entity]) => !SPLIT_MODULES[entity])]) if (!local.has(fn)) (from.get(home(fn)) ?? from.set(home(fn), new Set()).get(home(fn))!).add(fn);
    for (const [other, used] of [...from].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...used].sort((a, b) => (a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a.localeCompare(b)));
      lines.push(`import { ${sorted.join(', ')} } from '${split ? `./${other}.js` : `./generated/${other}.js`}';`);
    }
    lines.push('');
    // A binding of this module: the JIT turns `own.call(v, key)` in a for-in into a map check; called
    // through an imported binding it did not (ten times slower: a tenth of checking an organisation).
    if (/\bown\./.test(text)) lines.push('const own = Object.prototype.hasOwnProperty;');
    lines.push(...body, '');
    if (exports.length) lines.push(...exports, '');
    return lines.join('\n');
  };

  const entityExport = (name: string, fn: string) => [
    `/** ${name} of a dataset whose default language is \`defaultLanguage\` (see buildEntitySchemas), as zod would return it, or FAIL. */`,
    `export const ${entityValidatorName(name)}: GeneratedValidator = ${fn};`,
  ].join('\n');
  const files: Record<string, string> = {};
  const splitExports = new Map<string, string[]>();
  for (const [name, fn] of entityFns) if (SPLIT_MODULES[name]) splitExports.set(SPLIT_MODULES[name]!, [entityExport(name, fn)]);
  for (const module of [...byModule.keys()].filter((m) => m !== 'main').sort()) files[`generated/${module}.ts`] = render(module, splitExports.get(module) ?? []);
  const code = render('main', [
    // A schema without a default language whose code is an entity's: that function, with `undefined` for it.
    ...schemaFns.map(([name, fn, noLanguage]) => (noLanguage ? `export const ${name} = (v: any): any => ${fn}(v, undefined);` : `export const ${name} = ${fn};`)),
    '',
    ...entityFns.map(([name, fn]) => (SPLIT_MODULES[name] ? `export { ${entityValidatorName(name)} } from './generated/${SPLIT_MODULES[name]}.js';` : entityExport(name, fn))),
  ]);
  files['generated.ts'] = code;
  return { code, files };
}

/** Whether the committed files are what `files` says: the names of those that differ, and of old split modules. */
export function staleFiles(files: Record<string, string>): string[] {
  const stale = Object.entries(files).filter(([path, code]) => {
    try {
      return readFileSync(fileURLToPath(new URL(path, new URL('.', pathToFileURL(OUTPUT)))), 'utf8') !== code;
    } catch {
      return true;
    }
  }).map(([path]) => path);
  const old = existsSync(SPLIT_DIR) ? readdirSync(SPLIT_DIR).map((name) => `generated/${name}`).filter((path) => !(path in files)) : [];
  return [...stale, ...old];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, fallbacks } = generateValidators();
  const stale = staleFiles(files);
  const base = new URL('.', pathToFileURL(OUTPUT));
  mkdirSync(SPLIT_DIR, { recursive: true });
  for (const path of stale) {
    const file = fileURLToPath(new URL(path, base));
    if (path in files) writeFileSync(file, files[path]!);
    else rmSync(file);
  }
  console.log(`${stale.length === 0 ? 'unchanged' : `wrote ${stale.join(', ')} in`} ${dirname(OUTPUT).replace(process.cwd() + '/', '')}`);
  for (const place of fallbacks) console.warn(`  handed to zod every time: ${place}`);
}
