// The refusal codes are one list, the SDK's REFUSAL_CODES: the server's refusals are typed by it
// (`satisfies RefusalCode`), and this checks that the docs and the admin page's words name every
// code in it, so a code added there cannot go undocumented or fall back to the server's English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { REFUSAL_CODES } from '@samverkan/sdk';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

test('docs/server.md and the admin page’s refusal-text.ts name every code of REFUSAL_CODES, and the docs name the list', () => {
  const docs = read('docs/server.md');
  const page = read('packages/admin/src/views/refusal-text.ts');
  assert.match(docs, /REFUSAL_CODES/);
  for (const code of REFUSAL_CODES) {
    assert.ok(docs.includes(`\`${code}\``) || docs.includes(` ${code}\``), `docs/server.md does not name ${code}`);
    assert.ok(page.includes(`case '${code}':`), `refusal-text.ts has no words for ${code}`);
  }
});
