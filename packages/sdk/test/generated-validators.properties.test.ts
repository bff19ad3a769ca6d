// The generated validators (src/validators/generated.ts) against zod, the
// source of truth: whatever the generated code accepts, zod accepts with the
// same output (the same trims, normalised addresses, defaults, keys left
// out). FAIL only means "ask zod", so a false FAIL costs time and a false
// success would be a bug.
//
// Every exported schema and every entity schema is checked on values made
// from the schema itself (test/helpers/zod-arbitrary.ts), so a schema added
// later is covered once the build has regenerated the file. This file runs
// twice: with the workspace's zod, and (generated-validators.lowest-zod.test.ts)
// with the lowest zod the SDK's peer range allows, because the generated code
// is written from one zod version and must agree with every version a user
// may have installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as z from 'zod/mini';
import * as sdk from '@samverkan/sdk';
import { DatasetHeaderSchema, entitySchemas } from '../src/schemas/index.js';
import * as generated from '../src/validators/generated.js';
import { FAIL } from '../src/validators/runtime.js';
import { validatorsFor } from '../src/validators/index.js';
import { rules } from '../src/validators/rules.js';
import { generateValidators } from '../scripts/generate-validators.js';
import { arbitraryFor, odd } from './helpers/zod-arbitrary.js';

type Fast = (value: unknown) => unknown;
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const exported = Object.entries({ ...sdk, DatasetHeaderSchema }).filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value) as [string, z.ZodMiniType][];
const entities = Object.entries(entitySchemas('sv')) as [string, z.ZodMiniType][];
const entityFast = validatorsFor('sv') as Record<string, Fast>;

/**
 * Whether the generated code accepted the value (and then agreed with zod).
 * Values are plain JSON-like objects: an unchanged object comes back as the
 * input itself, so one made with a null prototype would stay so (zod's copy
 * would not).
 */
function agree(name: string, fast: Fast, schema: z.ZodMiniType, value: unknown): boolean {
  const before = JSON.stringify(value);
  const out = fast(value);
  assert.equal(JSON.stringify(value), before, `${name}: the generated code changed its input`);
  if (out === FAIL) return false;
  const slow = schema.safeParse(value);
  assert.ok(slow.success, `${name}: zod rejects what the generated code accepts: ${JSON.stringify(value)}\n${slow.success ? '' : JSON.stringify(slow.error.issues)}`);
  assert.deepEqual(out, slow.data, `${name}: another output than zod's for ${JSON.stringify(value)}`);
  assert.deepEqual(keyOrder(out), keyOrder(slow.data), `${name}: zod's output has its keys in another order, for ${JSON.stringify(value)}`);
  return true;
}

/**
 * The keys of every object in `value`, in their order, as one nested value
 * (deepEqual does not look at the order of keys, and JSON.stringify leaves
 * out a key whose value is undefined, which zod keeps).
 */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value !== 'object' || value === null) return null;
  return Object.keys(value).map((key) => [key, keyOrder((value as Record<string, unknown>)[key])]);
}

/**
 * The schemas on the dataset's and the public forms' path: the generated code
 * must accept some of the values made for them. (A whole DatasetSchema value
 * made at random is almost never valid everywhere; the demo dataset below is.)
 */
const ZOD_FREE = /^(entity |DatasetHeaderSchema|SignupApplicationSchema|OpportunityOfferSchema|OrganisationSchema|ContactSchema|MeetingSchema|PrincipleSchema|DevelopmentAreaSchema|FollowUpSchema|OpportunitySchema|AgreementSchema|HttpUrl|Email|Id|Text|DateOnly|DateTime|LanguageTag|Phone|OrganisationNumber|TimeZone)$/;

test(`runs against zod ${process.env.SAMVERKAN_EXPECT_ZOD ?? 'as installed'}`, () => {
  const { major, minor, patch } = (z as unknown as { core: { version: { major: number; minor: number; patch: number } } }).core.version;
  const installed = JSON.parse(readFileSync(new URL('../../../node_modules/zod/package.json', import.meta.url), 'utf8')).version;
  assert.equal(`${major}.${minor}.${patch}`, process.env.SAMVERKAN_EXPECT_ZOD ?? installed);
});

const all: [string, Fast, z.ZodMiniType][] = [
  ...exported.map(([name, schema]): [string, Fast, z.ZodMiniType] => [name, (generated as Record<string, unknown>)[name] as Fast, schema]),
  ...entities.map(([name, schema]): [string, Fast, z.ZodMiniType] => [`entity ${name}`, entityFast[name]!, schema]),
];

test('every exported schema and every entity schema has a generated validator', () => {
  assert.ok(exported.length >= 60, exported.map(([n]) => n).join(', '));
  assert.ok(entities.length >= 17, entities.map(([n]) => n).join(', '));
  for (const [name, fast] of all) assert.equal(typeof fast, 'function', name);
});

for (const [name, fast, schema] of all) {
  test(`${name}: the generated code agrees with zod on values made from the schema`, () => {
    const values = arbitraryFor(schema, rules);
    let accepted = 0;
    const property = fc.property(values, (value) => {
      if (agree(name, fast, schema, value)) accepted++;
    });
    fc.assert(property, { numRuns: /Dataset/.test(name) ? 60 : 250 });
    // Not vacuous: where the generated code is meant to decide, it did decide some.
    // Few random meetings are valid at zod 4.1 (about 1–4 in 250 were accepted, so
    // none in about one run in fifteen): such a schema gets more values, not a
    // weaker assertion.
    if (ZOD_FREE.test(name) && accepted === 0) fc.assert(property, { numRuns: 4000 });
    if (ZOD_FREE.test(name)) assert.ok(accepted > 0, `${name}: the generated code accepted none of the values`);
  });
}

test('on the demo dataset, the generated code accepts every valid entry (the fast path is taken) with zod\'s output', () => {
  const LISTS = { organisations: 'Organisation', contacts: 'Contact', meetings: 'Meeting', principles: 'Principle', developmentAreas: 'DevelopmentArea', followUps: 'FollowUp', opportunities: 'Opportunity' } as const;
  const schemas = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
  for (const [list, name] of Object.entries(LISTS)) {
    for (const entry of demo[list] ?? []) {
      assert.notEqual(entityFast[name]!(entry), FAIL, `${name} ${entry.id} took the slow path`);
      agree(name, entityFast[name]!, schemas[name]!, entry);
    }
  }
  assert.notEqual(entityFast.Agreement!(demo.agreement), FAIL);
  assert.notEqual(generated.DatasetHeaderSchema(demo), FAIL);
  assert.ok(agree('DatasetSchema', generated.DatasetSchema, sdk.DatasetSchema as unknown as z.ZodMiniType, demo));
});

test('a schema without a default language (OrganisationSchema …) runs its entity\'s function with none: a text in any one language takes the fast path, with zod\'s output, where the entity of "sv" refuses it', () => {
  // The generator writes such a schema as the entity's function called with `undefined` for the language
  // (one function, so the two cannot drift); its check of the default language must then drop out.
  const englishOnly = { en: 'In English only' };
  const cases: [string, Fast, z.ZodMiniType, Fast, unknown][] = [
    ['LocalizedTextSchema', generated.LocalizedTextSchema, sdk.LocalizedTextSchema as unknown as z.ZodMiniType, entityFast.LocalizedText!, englishOnly],
    ['OrganisationSchema', generated.OrganisationSchema, sdk.OrganisationSchema as unknown as z.ZodMiniType, entityFast.Organisation!, { ...demo.organisations[0], description: englishOnly }],
    ['MeetingSchema', generated.MeetingSchema, sdk.MeetingSchema as unknown as z.ZodMiniType, entityFast.Meeting!, { ...demo.meetings[0], title: englishOnly }],
    ['AgreementSchema', generated.AgreementSchema, sdk.AgreementSchema as unknown as z.ZodMiniType, entityFast.Agreement!, { ...demo.agreement, title: englishOnly }],
  ];
  for (const [name, fast, schema, entity, value] of cases) {
    assert.equal(entity(value), FAIL, `entity ${name}: a text without "sv" must be refused (or this case tests nothing)`);
    assert.ok(agree(name, fast, schema, value), `${name}: a text in English only took the slow path`);
  }
});

test('mutated demo entries: the generated code and zod agree for every entity schema', () => {
  const LISTS = { organisations: 'Organisation', contacts: 'Contact', meetings: 'Meeting', principles: 'Principle', developmentAreas: 'DevelopmentArea' } as const;
  const schemas = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
  const field = fc.constantFrom(
    'id', 'name', 'title', 'form', 'website', 'email', 'phone', 'organisationNumber', 'districts', 'languages', 'signature', 'start', 'end', 'kind',
    'status', 'location', 'topics', 'unit', 'principles', 'commitments', 'actions', 'description', 'sequence', 'updatedAt', 'registrationUrl',
    'collaborationContact', 'goal', 'other', 'constructor',
  );
  fc.assert(
    fc.property(fc.constantFrom(...Object.entries(LISTS)), fc.nat(), field, fc.oneof({ weight: 12, arbitrary: odd }, { weight: 1, arbitrary: fc.constant(undefined) }), ([list, name], index, key, value) => {
      const entries = demo[list] as Record<string, unknown>[];
      const entry = structuredClone(entries[index % entries.length]!);
      entry[key] = value;
      agree(name, entityFast[name]!, schemas[name]!, entry);
    }),
    { numRuns: 3000 },
  );
});

test('an entry passed in directly (not read from JSON) with a key whose value is undefined: zod keeps an optional key so, and the generated code gives the same', () => {
  const LISTS = { organisations: 'Organisation', contacts: 'Contact', meetings: 'Meeting', principles: 'Principle', developmentAreas: 'DevelopmentArea', followUps: 'FollowUp', opportunities: 'Opportunity' } as const;
  const schemas = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
  let kept = 0;
  for (const [list, name] of Object.entries(LISTS)) {
    for (const entry of (demo[list] ?? []).slice(0, 5) as Record<string, unknown>[]) {
      for (const key of Object.keys(entry)) {
        const value = { ...entry, [key]: undefined };
        if (!agree(name, entityFast[name]!, schemas[name]!, value)) continue;
        // Accepted: the key is there, undefined, where zod has it (agree compares the keys in order).
        assert.ok(key in (entityFast[name]!(value) as object) || !(key in (schemas[name]!.parse(value) as object)), `${name}.${key}`);
        kept++;
      }
    }
  }
  // Not vacuous: the optional keys of the demo entries were taken on the fast path.
  assert.ok(kept >= 20, `only ${kept} entries with an undefined key were accepted`);
  // The organisation of the issue: an optional e-mail address passed as undefined.
  const organisation = { ...demo.organisations[0], email: undefined };
  const out = entityFast.Organisation!(organisation) as Record<string, unknown>;
  assert.ok('email' in out && out.email === undefined);
  assert.deepEqual(Object.keys(out), Object.keys(schemas.Organisation!.parse(organisation) as object));
});

test('an entry whose keys are in another order than the schema\'s: the generated code gives zod\'s order (a copy, not the input itself)', () => {
  const schemas = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
  for (const entry of demo.organisations.slice(0, 5) as Record<string, unknown>[]) {
    const reversed = Object.fromEntries(Object.entries(entry).reverse());
    assert.ok(agree('Organisation', entityFast.Organisation!, schemas.Organisation!, reversed), 'taken on the fast path');
    assert.notEqual(entityFast.Organisation!(reversed), reversed);
    // In the schema's order already: the input itself (nothing to copy).
    const parsed = schemas.Organisation!.parse(entry);
    assert.equal(entityFast.Organisation!(parsed), parsed);
  }
});

test('web addresses: where the generated code skips the URL parser (an address already as the parser writes it, or one without its path), the parser and zod agree', () => {
  const edges = ['https://example.org/', 'https://example.org', 'https://example.org?a', 'https://example.org#a', 'https://example.org?a/./b', 'https://Example.org/', 'https://example.org/a/./b', 'https://example.org/a/%2E%2E/b', 'https://example.org:443/',
    'https://xn--nxasmq6b.example/', 'https://xn--bad.example/', 'http://1.2.3.4/', 'http://0x7f.1/', "https://example.org/?q='x'", "https://example.org?q='x'", 'https://example.org/#a b', 'https://exa_mple.org/',
    'https://example.org/%7e', 'https://example.org/a?b#c', 'https://a.b.c.example.museum/x(y)', 'https://example.org/\\x', 'https://-x.example/', `https://${'a'.repeat(64)}.example.org/`, `https://${'a'.repeat(63)}.example.org/`, `https://${'a'.repeat(63)}.example.org`,
    `https://${'a.'.repeat(127)}org/`, `https://${'a.'.repeat(125)}org/`, `https://${'a.'.repeat(125)}orgx/`, `https://${'a.'.repeat(125)}org`, `https://${'a.'.repeat(125)}orgx`,
    `https://example.${'o'.repeat(63)}/`, `https://example.${'o'.repeat(64)}/`, 'ftp://example.org/', 'HTTP://example.org/', 'https://example.org/x', 'http://example.org'];
  const urls = fc.oneof(fc.constantFrom(...edges), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.toLowerCase()));
  fc.assert(
    fc.property(urls, (value) => {
      agree('HttpUrl', generated.HttpUrl, sdk.HttpUrl as unknown as z.ZodMiniType, value);
      const out = generated.HttpUrl(value);
      if (out !== FAIL) assert.equal(out, new URL(value).href);
    }),
    { numRuns: 5000 },
  );
});

test('strings at the edges of length checks, with surrogate pairs', () => {
  const organisation = demo.organisations[0];
  const schemas = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
  const edges = ['', ' ', 'a', '😀', '\uD800', 'a'.repeat(128), 'a'.repeat(129), '😀'.repeat(64), '😀'.repeat(65), `a${'😀'.repeat(64)}`];
  for (const value of edges) {
    for (const key of ['id', 'name', 'districts']) {
      agree('Organisation', entityFast.Organisation!, schemas.Organisation!, { ...organisation, [key]: key === 'districts' ? [value] : value });
    }
  }
});

test('shapes the generator must handle exactly or hand to zod: strictObject, catchall, record with enum keys, looseObject and others', async () => {
  const schemas = {
    Strict: z.strictObject({ a: z.string() }),
    CatchallNumber: z.catchall(z.object({ a: z.string() }), z.number()),
    CatchallTrim: z.catchall(z.object({ a: z.optional(z.string()) }), z.string().check(z.trim())),
    CatchallOptional: z.catchall(z.object({ a: z.string() }), z.optional(z.string())),
    EnumRecord: z.record(z.enum(['sv', 'en']), z.string()),
    PartialEnumRecord: z.partialRecord(z.enum(['sv', 'en']), z.string()),
    // zod 4.1 takes a record only from a plain object, which it tells by reading `constructor`.
    StringRecord: z.record(z.string(), z.unknown()),
    Loose: z.looseObject({ a: z.string().check(z.trim()) }),
    LooseInStrip: z.object({ inner: z.looseObject({ a: z.string() }), b: z.optional(z.number()) }),
    PrototypeKeys: z.object({ constructor: z.optional(z.string()), toString: z.string() }),
    Defaults: z.object({ list: z._default(z.array(z.string()), () => []), status: z._default(z.enum(['a', 'b']), 'a') }),
    OptionalDefault: z.object({ a: z.optional(z._default(z.string(), 'x')) }),
    Nullable: z.object({ a: z.nullable(z.string().check(z.trim())) }),
    Literals: z.literal(['a', 1, true, null]),
    BigEnum: z.enum(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']),
    Union: z.union([z.object({ kind: z.literal('a'), x: z.string() }), z.strictObject({ kind: z.literal('b') })]),
    Tuple: z.tuple([z.string()]),
    // rules.hasAnyKey on a record is the count of the keys its loop kept (the generator's shortcut): an empty
    // object, and one whose only key is `__proto__` (which zod leaves out), have none.
    NonEmptyRecord: z.record(z.string(), z.string().check(z.trim())).check(z.refine(rules.hasAnyKey)),
    // A copy (a trimmed value, an unknown key) written key by key: optional keys missing or there, a nullable one, a default.
    StripCopy: z.object({ a: z.string().check(z.trim()), b: z.optional(z.string().check(z.trim())), c: z.optional(z.nullable(z.string())), d: z._default(z.string(), 'd') }),
    // A key that must be there but whose schema takes undefined: zod 4.1 takes an object without it, zod 4.6 does not.
    RequiredUnknown: z.object({ a: z.unknown(), b: z.optional(z.string()) }),
    LooseOrder: z.looseObject({ a: z.string(), b: z.optional(z.string()) }),
  };
  const { code, fallbacks } = generateValidators({ schemas, entities: false });
  // Refused shapes are named, never guessed at.
  for (const name of ['EnumRecord', 'PartialEnumRecord', 'OptionalDefault.a', 'Tuple']) assert.ok(fallbacks.some((place) => place.startsWith(name)), `${name} is not refused: ${fallbacks.join('; ')}`);
  // Beside the real module, so its imports of ./rules.js and ./runtime.js resolve.
  const file = fileURLToPath(new URL(`../src/validators/.shapes-${process.pid}.ts`, import.meta.url));
  writeFileSync(file, code);
  try {
    const fast = (await import(file)) as Record<keyof typeof schemas, Fast>;
    const values: unknown[] = [{ a: 'x' }, { a: 'x', b: 1 }, { a: 'x', b: 'y' }, { a: ' x ', b: 1 }, { a: 'x', b: ' y ' }, { sv: 'x' }, { sv: 'x', en: 'y' }, { sv: 'x', fi: 'y' }, {}, { a: 1 },
      JSON.parse('{"a": "x", "__proto__": {"b": 1}}'), { constructor: [] }, { constructor: 'x', sv: 'y' }, { toString: 'x' }, { constructor: 'y', toString: 'x' }, { inner: { a: 'x', c: 2 } }, { inner: { a: 'x' }, b: 1, c: 3 }, { a: null }, { a: ' n ' },
      JSON.parse('{"__proto__": "x"}'), JSON.parse('{"__proto__": "x", "sv": " y "}'), JSON.parse('{"sv": "y", "__proto__": "x"}'), { a: 'x', b: ' y ', c: null }, { a: 'x', c: 'z', d: ' e ' },
      // Passed in directly: keys whose value is undefined, keys in another order, other prototypes.
      { a: 'x', b: undefined }, { a: undefined }, { a: 'x', c: undefined, d: undefined }, { b: 'y', a: 'x' }, { x: 1, a: 'x' }, { a: 'x', x: 1, b: 'y' },
      Object.assign(Object.create(null), { a: 'x' }), Object.assign(Object.create({ b: 'y' }), { a: 'x' }), new (class { a = 'x'; })()];
    for (const [name, schema] of Object.entries(schemas)) for (const value of values) agree(name, fast[name as keyof typeof schemas], schema as z.ZodMiniType, value);
    // The strict object refuses an unknown key; the loose one keeps it; a catchall checks it.
    assert.equal(fast.Strict({ a: 'x', b: 1 }), FAIL);
    assert.deepEqual(fast.Loose({ a: ' x ', b: 1 }), { a: 'x', b: 1 });
    assert.deepEqual(fast.CatchallTrim({ a: 'x', b: ' y ' }), { a: 'x', b: 'y' });
    assert.equal(fast.CatchallNumber({ a: 'x', b: 'y' }), FAIL);
    assert.equal(fast.NonEmptyRecord({}), FAIL);
    assert.equal(fast.NonEmptyRecord(JSON.parse('{"__proto__": "x"}')), FAIL);
    assert.deepEqual(fast.NonEmptyRecord(JSON.parse('{"__proto__": "x", "sv": " y "}')), { sv: 'y' });
    assert.deepEqual(Object.keys(fast.StripCopy({ d: 'e', x: 1, a: ' x ' }) as object), ['a', 'd'], 'the copy has the schema\'s keys in its order');
    // An optional key there with the value undefined stays, as zod keeps it; a missing one stays out.
    assert.deepEqual(Object.entries(fast.StripCopy({ a: 'x', b: undefined }) as object), [['a', 'x'], ['b', undefined], ['d', 'd']]);
    assert.deepEqual(Object.entries(fast.StripCopy({ a: 'x', d: 'd' }) as object), [['a', 'x'], ['d', 'd']]);
    // Unchanged values in another order than the schema's, or on another prototype: a copy, as zod's.
    const reordered = { d: 'd', a: 'x' };
    assert.deepEqual(Object.keys(fast.StripCopy(reordered) as object), ['a', 'd']);
    const inOrder = { a: 'x', d: 'd' };
    assert.equal(fast.StripCopy(inOrder), inOrder, 'the input itself when zod\'s copy would be the same');
    assert.equal(Object.getPrototypeOf(fast.StripCopy(Object.assign(Object.create(null), inOrder))), Object.prototype);
    assert.equal(fast.RequiredUnknown({}), FAIL);
    assert.deepEqual(Object.entries(fast.RequiredUnknown({ a: undefined }) as object), [['a', undefined]]);
    assert.deepEqual(Object.keys(fast.LooseOrder({ x: 1, a: 'x' }) as object), ['a', 'x']);
    const accepted = new Set<string>();
    for (const [name, schema] of Object.entries(schemas)) {
      fc.assert(
        fc.property(fc.oneof(arbitraryFor(schema, rules), fc.dictionary(fc.constantFrom('a', 'b', 'sv', 'en', 'fi', 'kind', 'x', 'inner', 'constructor'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(' t '))).map((d) => ({ ...d }))), (value) => {
          if (agree(name, fast[name as keyof typeof schemas], schema as z.ZodMiniType, value)) accepted.add(name);
        }),
        { numRuns: 400 },
      );
    }
    for (const name of Object.keys(schemas)) if (!fallbacks.some((place) => place.startsWith(name))) assert.ok(accepted.has(name), `${name}: the generated code accepted nothing`);
  } finally {
    rmSync(file, { force: true });
  }
});
