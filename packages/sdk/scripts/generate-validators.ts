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
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '../src/index.js';
import { buildEntitySchemas } from '../src/schemas/entities.js';
import { DatasetHeaderSchema } from '../src/schemas/dataset.js';
import { rules, RULE, type RuleMark } from '../src/validators/rules.js';

export const OUTPUT = fileURLToPath(new URL('../src/validators/generated.ts', import.meta.url));
/** Stands for the dataset's default language while the factory's schemas are read. */
const SENTINEL = '\u0000default-language\u0000';

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

const PATTERN_FORMATS = new Set(['regex', 'email', 'date', 'datetime', 'time', 'uuid', 'guid', 'e164', 'lowercase', 'uppercase', 'ulid', 'cuid', 'cuid2', 'nanoid', 'xid', 'ksuid', 'duration']);
const ruleNames = new Map<unknown, string>(Object.entries(rules).map(([name, fn]) => [fn, name]));

/** Options for tests: other schemas than the SDK's exports, and no entity factory. */
export interface GenerateOptions {
  schemas?: Record<string, unknown>;
  entities?: boolean;
}

export function generateValidators(options: GenerateOptions = {}): { code: string; fallbacks: string[] } {
  const fallbacks: string[] = [];
  let counter = 0;
  let constantCounter = 0;
  const moduleNames = new Map<ZodNode, string>();
  const moduleFunctions: string[] = [];
  const moduleConstants: string[] = [];
  let scope: { names: Map<ZodNode, string>; functions: string[]; constants: string[] } = { names: moduleNames, functions: moduleFunctions, constants: moduleConstants };

  const constant = (expression: string) => {
    const name = `c${constantCounter++}`;
    // The annotation only where Rollup can use it (a `new` or a call); before a regular
    // expression or an object literal it is an error Rollup warns about, once per line.
    const pure = /^(?:new\s|[\w$.]+\()/.test(expression) ? '/* @__PURE__ */ ' : '';
    scope.constants.push(`const ${name} = ${pure}${expression};`);
    return name;
  };
  const literal = (value: unknown): string | undefined => {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return undefined;
  };
  const argument = (value: string) => (value === SENTINEL ? 'defaultLanguage' : JSON.stringify(value));

  /** The name of the function that validates `node`, writing it first if needed. */
  function emit(node: ZodNode, path: string): string {
    const known = moduleNames.get(node) ?? scope.names.get(node);
    if (known) return known;
    const name = `v${counter++}`;
    scope.names.set(node, name);
    const fail = (why: string) => {
      fallbacks.push(`${path}: ${why}`);
      return ['return F;'];
    };
    const body = [...typeTest(node, path, fail), ...checks(node, path, fail)];
    // A check handed to zod every time reads nothing: `_v` keeps noUnusedParameters quiet.
    const param = body.some((line) => /\bv\b/.test(line)) ? 'v' : '_v';
    scope.functions.push(`function ${name}(${param}: any): any {\n  ${body.join('\n  ')}\n}`);
    return name;
  }

  function typeTest(node: ZodNode, path: string, fail: (why: string) => string[]): string[] {
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
        return [`if (!${constant(`new Set<unknown>([${values.join(', ')}])`)}.has(v)) return F;`];
      }
      case 'optional':
        return [`if (v === undefined) return undefined;`, `v = ${emit(def.innerType, path)}(v);`, 'if (v === F) return F;'];
      case 'nullable':
        return [`if (v === null) return null;`, `v = ${emit(def.innerType, path)}(v);`, 'if (v === F) return F;'];
      case 'default': {
        const once = JSON.stringify(def.defaultValue);
        if (once === undefined || once !== JSON.stringify(def.defaultValue)) return fail('a default that is not one JSON value');
        return [`if (v === undefined) return ${once};`, `v = ${emit(def.innerType, path)}(v);`, 'if (v === F) return F;'];
      }
      case 'pipe':
        return [`v = ${emit(def.in, `${path}(in)`)}(v);`, 'if (v === F) return F;', `v = ${emit(def.out, `${path}(out)`)}(v);`, 'if (v === F) return F;'];
      case 'transform': {
        const mark = (def.transform as Record<symbol, RuleMark | undefined>)[RULE];
        if (!mark) return fail('a transform that is not one of the rules in validators/rules.ts');
        return [`v = rules.${mark.name}(v);`, 'if (v === undefined) return F;'];
      }
      case 'array': {
        const item = emit(def.element, `${path}[]`);
        return [
          'if (!Array.isArray(v)) return F;',
          'let out: unknown[] | undefined;',
          'for (let i = 0; i < v.length; i++) {',
          `  const x = ${item}(v[i]);`,
          '  if (x === F) return F;',
          '  if (x !== v[i] && !out) out = v.slice(0, i);',
          '  if (out) out.push(x);',
          '}',
          'if (out) v = out;',
        ];
      }
      case 'union': {
        // zod takes the first option that accepts the value.
        const options = (def.options as ZodNode[]).map((option, i) => emit(option, `${path}|${i}`));
        return ['{', '  let x: any = F;', ...options.map((option) => `  if (x === F) x = ${option}(v);`), '  if (x === F) return F;', '  v = x;', '}'];
      }
      case 'record': {
        const keyDef = (def.keyType as ZodNode)._zod.def;
        if (keyDef.type !== 'string') return fail(`a record whose keys are ${keyDef.type}, not strings`);
        if (def.mode && def.mode !== 'strict') return fail(`a record of mode ${def.mode}`);
        const key = emit(def.keyType, `${path}{key}`);
        const value = emit(def.valueType, `${path}{}`);
        return [
          "if (typeof v !== 'object' || v === null || Array.isArray(v)) return F;",
          `v = record(v, ${key}, ${value});`,
          'if (v === F) return F;',
        ];
      }
      case 'object': {
        const shape = def.shape as Record<string, ZodNode>;
        const keys = Object.keys(shape);
        const optional = keys.map((key) => shape[key]!._zod.def.type === 'optional');
        const parsers = keys.map((key) => emit(shape[key]!, `${path}.${key}`));
        const catchall = def.catchall as ZodNode | undefined;
        const mode = catchall === undefined ? 'strip' : catchall._zod.def.type === 'never' ? 'strict' : ['unknown', 'any'].includes(catchall._zod.def.type) ? 'loose' : undefined;
        if (mode === undefined) return fail(`an object with a catchall of ${catchall!._zod.def.type}`);
        const shapeName = constant(`{ keys: ${JSON.stringify(keys)}, optional: ${JSON.stringify(optional)}, parsers: [${parsers.join(', ')}], inherited: ${JSON.stringify(keys.map((k) => k in Object.prototype))} }`);
        return [`v = object(v, ${shapeName}, ${JSON.stringify(mode)});`, 'if (v === F) return F;'];
      }
      default:
        return fail(`a ${def.type} schema`);
    }
  }

  function checks(node: ZodNode, _path: string, fail: (why: string) => string[]): string[] {
    const def = node._zod.def;
    const list = [...(node._zod.traits.has('$ZodCheck') ? [node] : []), ...(def.checks ?? [])];
    const onString = def.type === 'string';
    const out: string[] = [];
    for (const check of list) {
      const c = check._zod.def as Def & Record<string, any>;
      switch (c.check) {
        case 'overwrite': {
          const source = String(c.tx).replace(/\s+/g, '');
          if (onString && /^\(?(\w+)\)?=>\1\.trim\(\)$/.test(source)) out.push('v = v.trim();');
          else return fail(`an overwrite ${c.tx}`);
          break;
        }
        case 'string_format': {
          if (c.format === 'url' && onString) {
            if (!(c.hostname instanceof RegExp) || !(c.protocol instanceof RegExp)) return fail('a url without hostname and protocol patterns');
            out.push(`v = url(v, ${constant(String(c.hostname))}, ${constant(String(c.protocol))}, ${Boolean(c.normalize)});`, 'if (v === F) return F;');
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
          if (direct) out.push(`if (!rules.${direct}(v)) return F;`);
          else if (mark) out.push(`if (!rules.${mark.name}(v, ${argument(mark.argument)})) return F;`);
          else return fail(`a refinement that is not one of the rules in validators/rules.ts: ${String(c.fn).slice(0, 80)}`);
          break;
        }
        default:
          return fail(`a ${c.check} check`);
      }
    }
    out.push('return v;');
    return out;
  }

  // Every zod schema the SDK exports, by its export name, plus the header parseDataset reads first.
  const exported = Object.entries(options.schemas ?? { ...sdk, DatasetHeaderSchema }).filter((entry): entry is [string, ZodNode] => isSchema(entry[1])).sort(([a], [b]) => a.localeCompare(b));
  const exports = exported.map(([name, schema]) => `export const ${name} = ${emit(schema, name)};`);

  // The entity schemas of one default language, as parseDataset builds them.
  const entities = (options.entities === false ? {} : buildEntitySchemas(SENTINEL)) as unknown as Record<string, ZodNode>;
  scope = { names: new Map(), functions: [], constants: [] };
  const factoryEntries = Object.entries(entities).map(([name, schema]) => `    ${name}: ${emit(schema, `entities(lang).${name}`)},`);
  const factory = [
    '/** The validators of every entity schema for a dataset whose default language is `defaultLanguage` (see buildEntitySchemas). */',
    'export function entityValidators(defaultLanguage: string) {',
    ...scope.constants.map((line) => `  ${line}`),
    ...scope.functions.map((fn) => fn.replace(/^/gm, '  ')),
    '  return {',
    ...factoryEntries,
    '  };',
    '}',
  ];
  if (scope.functions.some((fn) => fn.includes(SENTINEL))) throw new Error('the default language leaked into the generated code');

  const code = [
    '// Generated by packages/sdk/scripts/generate-validators.ts from the zod schemas: do not edit.',
    '// Each function returns the value as zod would (trimmed, normalised, defaults filled, unknown keys',
    '// left out; unchanged objects are the input itself) or FAIL, and then zod decides.',
    '/* eslint-disable */',
    "import { rules } from './rules.js';",
    "import { FAIL as F, object, record, url, minLength } from './runtime.js';",
    '',
    ...moduleConstants,
    '',
    ...moduleFunctions,
    '',
    ...exports,
    '',
    ...factory,
    '',
  ].join('\n');
  return { code, fallbacks };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { code, fallbacks } = generateValidators();
  let old = '';
  try {
    old = readFileSync(OUTPUT, 'utf8');
  } catch {}
  if (old !== code) writeFileSync(OUTPUT, code);
  console.log(`${old === code ? 'unchanged' : 'wrote'} ${OUTPUT.replace(process.cwd() + '/', '')}`);
  for (const place of fallbacks) console.warn(`  handed to zod every time: ${place}`);
}
