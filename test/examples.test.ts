// The examples newcomers copy keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

test('examples/sdk-node/report.mjs prints upcoming meetings and one district\'s signatories', () => {
  const result = spawnSync(
    process.execPath,
    ['--conditions=samverkan-source', '--import', 'tsx', 'examples/sdk-node/report.mjs', 'examples/data/sodertalje.json', '--district=Järna', '--now=2026-09-01'],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /Upcoming meetings \(Europe\/Stockholm\) after 2026-09-01: \d+/);
  assert.match(result.stdout, /sön 25 oktober 2026 11:00–15:00 +Föreningsmässa i Järna/);
  assert.match(result.stdout, /\[cancelled\]/);
  assert.match(result.stdout, /Signatories in Järna: \d+\n {2}Hundra Händer Volontärnätverk/);
});

test('every example page loads the one bundle and uses only elements of the contract', () => {
  const tags = new Set([
    'samverkan-signatory-list',
    'samverkan-meeting-calendar',
    'samverkan-contact-finder',
    'samverkan-signup-form',
    'samverkan-principles',
    // The contract's additions (December 2026).
    'samverkan-follow-up',
    'samverkan-volunteer-board',
    'samverkan-opportunity-form',
  ]);
  for (const page of ['municipality', 'association', 'languages']) {
    const file = `${root}examples/${page}/index.html`;
    assert.ok(existsSync(file), file);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /<script type="module" src="\/samverkan\.min\.js"><\/script>/, page);
    const used = [...html.matchAll(/<(samverkan-[a-z-]+)/g)].map((m) => m[1]!);
    assert.ok(used.length > 0, page);
    for (const tag of used) assert.ok(tags.has(tag), `${page} uses ${tag}`);
    // Strict-CSP friendly: no inline scripts, no inline event handlers.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${page} has an inline script`);
    assert.doesNotMatch(html, /\son[a-z]+=/, `${page} has an inline event handler`);
  }
});
