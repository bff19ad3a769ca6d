// Values for a zod schema, made from the schema itself (its definition, read
// the way scripts/generate-validators.ts reads it): mostly values of the
// right shape, built from strings that match the schema's own patterns, with
// an odd value (arbitrary JSON, white space to trim, lookalikes) now and then
// at any depth, and unknown keys in objects. So a property test over every
// exported schema reaches the generated code's fast path, and its edges,
// without a hand-written generator per schema that could fall behind.
import fc from 'fast-check';
import { RULE, type RuleMark } from '../../src/validators/rules.js';

interface Node {
  _zod: { def: Record<string, any>; traits: Set<string> };
}

/** Lookalikes per rule of validators/rules.ts: right, almost right and wrong. */
const RULE_VALUES: Record<string, string[]> = {
  phone: ['+46 8 123 456 78', '070-174 06 05', '08-465 004 00', '08-12', '+46 (0)8 123', '12345678901234567', 'tel:0812345', ' 08-123 45 '],
  timeZone: ['Europe/Stockholm', 'Europe/Helsinki', 'UTC', 'America/New_York', 'Asia/Baghdad', 'Mars/Olympus', 'europe/stockholm', ''],
  organisationNumber: ['802480-1238', '8024801238', '16802480-1238', '212000-0142', '2120000142', '556036-0793', ' 802480-1238 ', '802480\u20131238', '802480-1239', '801480-1238', '80248O-1238'],
};

/** Odd values: what breaks types, trims, lengths and formats. */
export const odd: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '', ' ', ' x ', '\u00a0x', 'x\u2028', 'javascript:alert(1)', 'https://x.example.org', 'HTTPS://Example.ORG/a b', 'http://a', ' https://example.org ',
    'https://例え.jp', 'a@b.se', 'a..b@example.org', '.a@example.org', '2026-03-29T02:30:00+02:00', '2026-03-29T02:30+02:00', '2026-02-30', '2024-02-29',
    '802480-1238', '+46 8 123 456 78', 'Europe/Stockholm', 'sv', 'zh-Hant', 'not a tag', '😀'.repeat(65), 'a'.repeat(129), '\uD800', 'constructor', '__proto__',
    { en: 'x' }, { sv: '' }, { sv: ' ok ' }, { sv: 'ok', 'not a tag': 'x' }, JSON.parse('{"__proto__": {"sv": "x"}, "sv": "y"}'), [], [''], null, -1, 0, 1.5, 2 ** 53, true,
  ),
);

const webUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.toLowerCase()),
  fc.webUrl().map((u) => u.toLowerCase().replace(/^(\w+:\/\/[^/?#]*).*$/, '$1')),
  fc.constantFrom('https://forening.example.org', 'https://forening.example.org/', 'http://Example.org', 'https://example.org?a=1', 'https://example.org/a/./b', 'ftp://example.org/'),
);

/** The rule a refinement or transform stands for, if it is one of validators/rules.ts. */
function ruleOf(fn: unknown, rules: Record<string, unknown>): string | undefined {
  if (typeof fn !== 'function') return undefined;
  const mark = (fn as unknown as Record<symbol, RuleMark | undefined>)[RULE];
  if (mark) return mark.name;
  return Object.entries(rules).find(([, rule]) => rule === fn)?.[0];
}

/**
 * An arbitrary for `schema`. `rules` is validators/rules.ts's `rules`, to
 * recognise refinements; `languages` are keys that records of language tags
 * get more often (a dataset's default language).
 */
export function arbitraryFor(schema: unknown, rules: Record<string, unknown>, languages: string[] = ['sv', 'en']): fc.Arbitrary<unknown> {
  const made = new Map<Node, fc.Arbitrary<unknown>>();

  function of(node: Node, depth: number): fc.Arbitrary<unknown> {
    const known = made.get(node);
    if (known) return known;
    // A self-containing schema is cut off with odd values.
    made.set(node, odd);
    const arbitrary = fc.oneof({ weight: 40, arbitrary: good(node, depth) }, { weight: 1, arbitrary: odd });
    made.set(node, arbitrary);
    return arbitrary;
  }

  function stringOf(node: Node): fc.Arbitrary<unknown> {
    const def = node._zod.def;
    // What the schema's own checks describe, mostly; any text now and then.
    const specific: fc.Arbitrary<unknown>[] = [];
    for (const check of [...(def.checks ?? []), ...(node._zod.traits.has('$ZodCheck') ? [node] : [])] as Node[]) {
      const c = check._zod.def;
      if (c.check === 'string_format' && c.format === 'url') specific.push(webUrl);
      else if (c.check === 'string_format' && c.format === 'email') specific.push(fc.constantFrom('info@example.org', 'a.b@forening.example.org', 'X_Y+z@Example.ORG'), fc.emailAddress());
      else if (c.check === 'string_format' && c.pattern instanceof RegExp) specific.push(fc.stringMatching(c.pattern));
      else if (c.check === 'custom') {
        const rule = ruleOf(c.fn, rules);
        if (rule && RULE_VALUES[rule]) specific.push(fc.constantFrom(...RULE_VALUES[rule]!));
      }
    }
    const limit = [...(def.checks ?? [])].find((check: Node) => check._zod.def.check === 'max_length')?._zod.def.maximum as number | undefined;
    const any = fc.oneof(
      // At the length limit, counted in code points and in UTF-16 units.
      ...(limit ? [{ weight: 1, arbitrary: fc.string({ minLength: Math.max(1, limit - 2), maxLength: limit + 2, unit: fc.constantFrom('a', '😀', ' ') }) }] : []),
      { weight: 4, arbitrary: fc.constantFrom('Föreningen Måsen', 'Järna', 'سلام', 'x', 'Lärkan i Hölö', 'ok') },
      { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((s) => ` ${s} `) },
    );
    return specific.length ? fc.oneof({ weight: 20, arbitrary: fc.oneof(...specific) }, { weight: 1, arbitrary: any }) : any;
  }

  function good(node: Node, depth: number): fc.Arbitrary<unknown> {
    const def = node._zod.def;
    const deeper = depth + 1;
    if (depth > 6) return odd;
    switch (def.type) {
      case 'string':
        return stringOf(node);
      case 'number': {
        // Within the schema's bounds mostly, and at and past them.
        const bounds = ((def.checks ?? []) as Node[]).map((check) => check._zod.def).filter((c) => typeof c.value === 'number');
        const min = Math.max(-1e6, ...bounds.filter((c) => c.check === 'greater_than').map((c) => c.value as number));
        const max = Math.min(1e6, ...bounds.filter((c) => c.check === 'less_than').map((c) => c.value as number));
        return fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
          { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1, 0, -1, 1.5, 2 ** 53) },
          { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true })) },
        );
      }
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'unknown':
      case 'any':
        return fc.jsonValue({ maxDepth: 2 });
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
      case 'optional':
        return fc.option(of(def.innerType, deeper), { nil: undefined, freq: 3 });
      case 'default':
      case 'prefault':
        return fc.option(of(def.innerType, deeper), { nil: undefined, freq: 4 });
      case 'nullable':
        return fc.option(of(def.innerType, deeper), { nil: null, freq: 4 });
      case 'pipe': {
        // A string piped into a rule (the organisation number): the rule's lookalikes too.
        const out = def.out as Node;
        const rule = out._zod.def.type === 'transform' ? ruleOf(out._zod.def.transform, rules) : undefined;
        return rule && RULE_VALUES[rule] ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...RULE_VALUES[rule]!) }, { weight: 1, arbitrary: of(def.in, deeper) }) : of(def.in, deeper);
      }
      case 'transform':
        return fc.jsonValue({ maxDepth: 1 });
      case 'array':
        return fc.array(of(def.element, deeper), { maxLength: depth < 2 ? 4 : 2 });
      case 'record':
        return fc
          .array(fc.tuple(fc.oneof(of(def.keyType, deeper), fc.constantFrom(...languages), fc.constant('constructor')), of(def.valueType, deeper)), { maxLength: 3 })
          // A key type the generator reads as a transform gives any JSON value, and fast-check's objects have no
          // prototype: Object.fromEntries cannot make a key of one ("Cannot convert object to primitive value", a
          // one-seed failure in CI). A JSON text's keys are strings: such a key is written as its JSON.
          .map((pairs) => Object.fromEntries(pairs.map(([key, value]) => [typeof key === 'string' ? key : JSON.stringify(key), value])));
      case 'union':
        return fc.oneof(...(def.options as Node[]).map((option) => of(option, deeper)));
      case 'object': {
        const shape = def.shape as Record<string, Node>;
        const keys = Object.keys(shape);
        const extra = fc.array(fc.tuple(fc.constantFrom('other', 'note', 'constructor', 'toString', ...keys.map((k) => `${k}X`)), fc.jsonValue({ maxDepth: 1 })), { maxLength: 2 });
        // Mostly as JSON has it (a missing key left out, the keys in the schema's order); now and then as
        // an object passed in directly may be: a key there with the value undefined (zod keeps it), or
        // the keys in another order (zod's output has the schema's).
        const form = fc.oneof({ weight: 8, arbitrary: fc.constant('json') }, { weight: 1, arbitrary: fc.constant('undefined kept') }, { weight: 1, arbitrary: fc.constant('reversed') });
        return fc
          .tuple(fc.tuple(...keys.map((key) => of(shape[key]!, deeper))), fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: extra }), form)
          .map(([values, extras, how]) => {
            const object: Record<string, unknown> = {};
            const order = keys.map((key, i) => [key, values[i]] as const);
            if (how === 'reversed') order.reverse();
            for (const [key, value] of order) if (value !== undefined || how === 'undefined kept') object[key] = value;
            for (const [key, value] of extras as [string, unknown][]) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
            return object;
          });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  return of(schema as Node, 0);
}
