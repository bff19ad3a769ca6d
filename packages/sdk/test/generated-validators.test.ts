// The generated validators (src/validators/generated.ts) against zod, the
// source of truth: whatever the generated code accepts, zod accepts with the
// same output (the same trims, normalised addresses, defaults, keys left
// out). FAIL only means "ask zod", so a false FAIL costs time and a false
// success would be a bug. Every exported schema is checked, so a schema added
// later is covered once the build has regenerated the file (which the first
// test demands).
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
import { generateValidators, OUTPUT } from '../scripts/generate-validators.js';

type Fast = (value: unknown) => unknown;
const demo = JSON.parse(readFileSync(new URL('../../../examples/data/sodertalje.json', import.meta.url), 'utf8'));
const exported = Object.entries({ ...sdk, DatasetHeaderSchema }).filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value) as [string, z.ZodMiniType][];

function agree(name: string, fast: Fast, schema: z.ZodMiniType, value: unknown) {
  const before = JSON.stringify(value);
  const out = fast(value);
  assert.equal(JSON.stringify(value), before, `${name}: the generated code changed its input`);
  if (out === FAIL) return;
  const slow = schema.safeParse(value);
  assert.ok(slow.success, `${name}: zod rejects what the generated code accepts: ${JSON.stringify(value)}\n${slow.success ? '' : JSON.stringify(slow.error.issues)}`);
  assert.deepEqual(out, slow.data, `${name}: another output than zod's for ${JSON.stringify(value)}`);
}

/**
 * Schemas read where zod may not be loaded: the dataset (header, agreement,
 * every entity) and what the public forms send. The admin API's wire
 * schemas are checked by the server, which always has zod, so a refinement
 * there may stay zod's own.
 */
const ZOD_FREE = /^(entities\(lang\)\.|DatasetHeaderSchema|DatasetSchema|SignupApplicationSchema|OpportunityOfferSchema|OrganisationSchema|ContactSchema|MeetingSchema|PrincipleSchema|DevelopmentAreaSchema|FollowUpSchema|OpportunitySchema|AgreementSchema)/;

test('the generated file is what the generator writes from today\'s schemas, and every check on the dataset\'s and the public forms\' path is native (nothing handed to zod every time)', () => {
  const { code, fallbacks } = generateValidators();
  assert.equal(readFileSync(OUTPUT, 'utf8'), code, 'src/validators/generated.ts is stale: run npm run build (or the generator in packages/sdk/scripts)');
  assert.deepEqual(
    fallbacks.filter((place) => ZOD_FREE.test(place)),
    [],
    'wrap these refinements/transforms as rules (src/validators/rules.ts) so that valid data needs no zod',
  );
});

test('every exported zod schema has a generated validator', () => {
  assert.ok(exported.length >= 20, exported.map(([n]) => n).join(', '));
  for (const [name] of exported) assert.equal(typeof (generated as Record<string, unknown>)[name], 'function', name);
});

const entities = entitySchemas('sv') as unknown as Record<string, z.ZodMiniType>;
const entityFast = validatorsFor('sv') as Record<string, Fast>;
const LISTS = { organisations: 'Organisation', contacts: 'Contact', meetings: 'Meeting', principles: 'Principle', developmentAreas: 'DevelopmentArea' } as const;

test('on the demo dataset, the generated code accepts every valid entry (the fast path is taken) with zod\'s output', () => {
  for (const [list, name] of Object.entries(LISTS)) {
    for (const entry of demo[list]) {
      assert.notEqual(entityFast[name]!(entry), FAIL, `${name} ${entry.id} took the slow path`);
      agree(name, entityFast[name]!, entities[name]!, entry);
      const generic = (generated as Record<string, unknown>)[`${name}Schema`] as Fast;
      agree(`${name}Schema`, generic, (sdk as Record<string, unknown>)[`${name}Schema`] as z.ZodMiniType, entry);
    }
  }
  assert.notEqual(entityFast.Agreement!(demo.agreement), FAIL);
  assert.notEqual(generated.DatasetHeaderSchema(demo), FAIL);
  agree('DatasetSchema', generated.DatasetSchema, sdk.DatasetSchema as unknown as z.ZodMiniType, demo);
  assert.notEqual(generated.DatasetSchema(demo), FAIL);
});

const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true, validSchemes: ['http', 'https', 'ftp'] }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.toLowerCase().replace(/:\/\/([^/?#]*)$/, '://$1/')),
  fc.constantFrom(
    '', ' ', ' x ', 'javascript:alert(1)', 'https://x.example.org', 'HTTPS://Example.ORG/a b', 'http://a', ' https://example.org ', 'https://例え.jp',
    'a@b.se', '2026-03-29T02:30:00+02:00', '2026-02-30', '802480-1238', '8024801238', '16802480-1238', '802480-1239', '+46 8 123 456 78', '08-12',
    'Europe/Stockholm', 'Mars/Olympus', 'sv', 'zh-Hant', 'not a tag', '😀'.repeat(65), 'a'.repeat(129), '\uD800',
    { en: 'x' }, { sv: '' }, { sv: ' ok ' }, { sv: 'ok', 'not a tag': 'x' }, JSON.parse('{"__proto__": {"sv": "x"}, "sv": "y"}'), [], [''], null, -1, 0, 1.5, 2 ** 53, true,
  ),
);

test('mutated demo entries: the generated code and zod agree for every entity schema', () => {
  const field = fc.constantFrom(
    'id', 'name', 'title', 'form', 'website', 'email', 'phone', 'organisationNumber', 'districts', 'languages', 'signature', 'start', 'end', 'kind',
    'status', 'location', 'topics', 'unit', 'principles', 'commitments', 'actions', 'description', 'sequence', 'updatedAt', 'registrationUrl',
    'collaborationContact', 'goal', 'other',
  );
  fc.assert(
    fc.property(fc.constantFrom(...Object.entries(LISTS)), fc.nat(), field, odd, ([list, name], index, key, value) => {
      const entries = demo[list] as Record<string, unknown>[];
      const entry = structuredClone(entries[index % entries.length]!);
      entry[key] = value;
      agree(name, entityFast[name]!, entities[name]!, entry);
    }),
    { numRuns: 4000 },
  );
});

test('every exported schema agrees with zod on arbitrary JSON and on odd values', () => {
  fc.assert(
    fc.property(fc.constantFrom(...exported), odd, ([name, schema], value) => {
      agree(name, (generated as Record<string, unknown>)[name] as Fast, schema, value);
    }),
    { numRuns: 6000 },
  );
});

test('the signup application schema agrees with zod on mutated applications', () => {
  const application = {
    organisation: { name: 'Föreningen Exempel', organisationNumber: '802480-1238', form: 'non-profit-association', website: 'https://example.org', email: 'info@example.org', districts: ['Järna'] },
    contact: { name: 'Ada Exempel', email: 'ada@example.org' },
    acceptsPrinciples: true,
    consent: true,
    language: 'sv',
  };
  assert.notEqual(generated.SignupApplicationSchema(application), FAIL);
  const where = fc.constantFrom('organisation', 'contact', 'message', 'language', 'consent', 'privacyNotice');
  const inner = fc.constantFrom('name', 'email', 'phone', 'website', 'districts', 'description', 'organisationNumber', 'form', 'url', 'version', 'shownAt');
  fc.assert(
    fc.property(where, inner, odd, fc.boolean(), (outer, key, value, deep) => {
      const copy = structuredClone(application) as Record<string, any>;
      if (deep && typeof copy[outer] === 'object') copy[outer][key] = value;
      else if (deep && copy[outer] === undefined) copy[outer] = { [key]: value };
      else copy[outer] = value;
      agree('SignupApplicationSchema', generated.SignupApplicationSchema, sdk.SignupApplicationSchema as unknown as z.ZodMiniType, copy);
    }),
    { numRuns: 3000 },
  );
});

test('web addresses: where the generated code skips the URL parser (an address already as the parser writes it), the parser and zod agree', () => {
  const edges = ['https://example.org/', 'https://example.org', 'https://Example.org/', 'https://example.org/a/./b', 'https://example.org/a/%2E%2E/b', 'https://example.org:443/',
    'https://xn--nxasmq6b.example/', 'https://xn--bad.example/', 'http://1.2.3.4/', 'http://0x7f.1/', "https://example.org/?q='x'", 'https://example.org/#a b', 'https://exa_mple.org/',
    'https://example.org/%7e', 'https://example.org/a?b#c', 'https://a.b.c.example.museum/x(y)', 'https://example.org/\\x', 'https://-x.example/'];
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
  const edges = ['', ' ', 'a', '😀', '\uD800', 'a'.repeat(128), 'a'.repeat(129), '😀'.repeat(64), '😀'.repeat(65), `a${'😀'.repeat(64)}`];
  for (const value of edges) {
    for (const key of ['id', 'name', 'districts']) {
      agree('Organisation', entityFast.Organisation!, entities.Organisation!, { ...organisation, [key]: key === 'districts' ? [value] : value });
    }
  }
});

test('the four shapes an outside review found the old fast path wrong on: strictObject, catchall, record with enum keys, looseObject', async () => {
  const schemas = {
    Strict: z.strictObject({ a: z.string() }),
    Catchall: z.catchall(z.object({ a: z.string() }), z.number()),
    EnumRecord: z.record(z.enum(['sv', 'en']), z.string()),
    Loose: z.looseObject({ a: z.string().check(z.trim()) }),
  };
  const { code } = generateValidators({ schemas, entities: false });
  // Beside the real module, so its imports of ./rules.js and ./runtime.js resolve.
  const file = fileURLToPath(new URL(`../src/validators/.shapes-${process.pid}.ts`, import.meta.url));
  writeFileSync(file, code);
  try {
    const fast = (await import(file)) as Record<keyof typeof schemas, Fast>;
    const values: unknown[] = [{ a: 'x' }, { a: 'x', b: 1 }, { a: 'x', b: 'y' }, { a: ' x ', b: 1 }, { sv: 'x' }, { sv: 'x', en: 'y' }, { sv: 'x', fi: 'y' }, {}, { a: 1 }];
    for (const [name, schema] of Object.entries(schemas)) for (const value of values) agree(name, fast[name as keyof typeof schemas], schema as z.ZodMiniType, value);
    // The strict object refuses an unknown key; the loose one keeps it.
    assert.equal(fast.Strict({ a: 'x', b: 1 }), FAIL);
    assert.deepEqual(fast.Loose({ a: ' x ', b: 1 }), { a: 'x', b: 1 });
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(schemas) as (keyof typeof schemas)[])), fc.dictionary(fc.constantFrom('a', 'b', 'sv', 'en', 'fi'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())).map((d) => ({ ...d })), (name, value) => {
        agree(name, fast[name], schemas[name] as z.ZodMiniType, value);
      }),
      { numRuns: 2000 },
    );
  } finally {
    rmSync(file, { force: true });
  }
});
