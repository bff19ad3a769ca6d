// Generated documentation stays in step with the code it documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
// @ts-expect-error: a plain .mjs script without types
import { MANIFEST, OUTPUT, renderElementsApi } from '../scripts/docs-elements.mjs';

test('docs/elements-api.md matches custom-elements.json (run node scripts/docs-elements.mjs after changing an element)', () => {
  assert.ok(existsSync(MANIFEST), 'packages/elements/custom-elements.json is missing: run npm run build first');
  const expected = renderElementsApi(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  assert.equal(readFileSync(OUTPUT, 'utf8'), expected);
});

test('every element of the contract is documented with its attributes and events', () => {
  const api = readFileSync(OUTPUT, 'utf8');
  const contract: Record<string, string[]> = {
    'samverkan-signatory-list': ['src', 'query', 'form', 'district'],
    'samverkan-meeting-calendar': ['src', 'view', 'show-past', 'api'],
    'samverkan-contact-finder': ['src', 'query'],
    'samverkan-signup-form': ['api', 'src'],
    'samverkan-principles': ['src'],
    'samverkan-follow-up': ['src', 'year'],
    'samverkan-volunteer-board': ['src', 'query', 'district'],
    'samverkan-opportunity-form': ['api', 'src'],
  };
  for (const [tag, attributes] of Object.entries(contract)) {
    const section = api.split(`## \`<${tag}>\``)[1]?.split('\n## ')[0];
    assert.ok(section, `${tag} is missing from docs/elements-api.md`);
    for (const attribute of attributes) assert.match(section, new RegExp(`\\| \`${attribute}\` \\|`), `${tag} ${attribute}`);
    assert.match(section, /`samverkan-(load|signup-submitted)`/, `${tag} documents its events`);
  }
});

test('the slots where a page puts its own heading and empty-state text are in the manifest and the reference', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { modules: { declarations?: { tagName?: string; slots?: { name: string }[] }[] }[] };
  const slotsOf = (tag: string) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)?.slots?.map((s) => s.name) ?? [];
  const expected: Record<string, string[]> = {
    'samverkan-signatory-list': ['heading', 'empty'],
    'samverkan-meeting-calendar': ['heading', 'empty'],
    'samverkan-contact-finder': ['heading', 'empty'],
    'samverkan-volunteer-board': ['heading', 'empty', 'none'],
    'samverkan-principles': ['heading', 'empty'],
    'samverkan-follow-up': ['heading', 'empty'],
  };
  const api = readFileSync(OUTPUT, 'utf8');
  for (const [tag, slots] of Object.entries(expected)) {
    assert.deepEqual(slotsOf(tag).sort(), [...slots].sort(), tag);
    const section = api.split(`## \`<${tag}>\``)[1]?.split('\n## ')[0] ?? '';
    for (const slot of slots) assert.match(section, new RegExp(`\\| \`${slot}\` \\|`), `${tag} slot ${slot} in docs/elements-api.md`);
  }
});
