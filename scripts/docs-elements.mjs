// Writes docs/elements-api.md from packages/elements/custom-elements.json (made
// by the build from the JSDoc above each element class), so the reference
// cannot drift from the code; test/docs.test.ts checks it is up to date.
// Run after `npm run build`: `node scripts/docs-elements.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MANIFEST = new URL('../packages/elements/custom-elements.json', import.meta.url);
export const OUTPUT = new URL('../docs/elements-api.md', import.meta.url);
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

/** The Markdown reference for a custom elements manifest. */
export function renderElementsApi(manifest) {
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

  const lines = [
    '# Elements: API reference',
    '',
    'Generated from `packages/elements/custom-elements.json` by `node scripts/docs-elements.mjs`; do not edit by hand.',
    'Every element also follows `lang` (its own, else the nearest ancestor\'s, else `sv`) and takes a `data` property',
    '(a dataset object or JSON string) instead of `src`. See [the guide](elements.md) for examples.',
    '',
  ];
  for (const el of elements) {
    lines.push(`## \`<${el.tagName}>\``, '');
    if (el.summary) lines.push(cell(el.summary), '');
    if (el.description) lines.push(el.description.trim(), '');
    const attributes = el.attributes ?? [];
    if (attributes.length) {
      lines.push('| attribute | property | type | default | description |', '|---|---|---|---|---|');
      for (const a of attributes) lines.push(`| ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${code(a.default)} | ${cell(a.description)} |`);
      lines.push('');
    }
    const events = (el.events ?? []).filter((e) => e.name && e.name.startsWith('samverkan-'));
    if (events.length) {
      lines.push('| event | description |', '|---|---|');
      for (const e of events) lines.push(`| ${code(e.name)} | ${cell(e.description)} |`);
      lines.push('');
    }
    if (el.cssParts?.length) {
      lines.push('| part | description |', '|---|---|');
      for (const p of el.cssParts) lines.push(`| ${code(p.name)} | ${cell(p.description)} |`);
      lines.push('');
    }
    if (el.cssProperties?.length) {
      lines.push('| custom property | description |', '|---|---|');
      for (const p of el.cssProperties) lines.push(`| ${code(p.name)} | ${cell(p.description)}${p.default ? ` (default ${code(p.default)})` : ''} |`);
      lines.push('');
    }
    if (el.slots?.length) {
      lines.push('| slot | description |', '|---|---|');
      for (const s of el.slots) lines.push(`| ${code(s.name || '(default)')} | ${cell(s.description)} |`);
      lines.push('');
    }
}
return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, renderElementsApi(JSON.parse(readFileSync(MANIFEST, 'utf8'))));
  console.log('wrote docs/elements-api.md');
}
