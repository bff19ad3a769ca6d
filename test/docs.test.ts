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
