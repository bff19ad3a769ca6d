// The bundle's literal minifier (scripts/minify-literals.mjs): what it keeps,
// what it drops, and, in Chromium, that every stylesheet of the elements
// parses to exactly the same rules before and after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { minifyCss, minifyTemplateLiterals } from '../scripts/minify-literals.mjs';
import { launchChromium } from '../scripts/bench/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const lines = (text: string) => text.split('\n').length;

test('CSS: comments and needless white space go; strings, descendant combinators and line breaks stay', () => {
  const css = `
  :host {
    display: block; /* why
       it is a block */
    font: 1em/1.5 a, b;
  }
  .card dt::after {
    content: ' · ';
  }
  .a :is(.b) > c { margin: 0 auto }
  @media (forced-colors: active) and (min-width: 3em) { a { color: red !important; } }`;
  const out = minifyCss(css) as string;
  assert.equal(
    out,
    "\n:host{\ndisplay:block;\n\nfont:1em/1.5 a,b\n}\n.card dt::after{\ncontent:' · '\n}\n.a :is(.b) > c{margin:0 auto}\n@media (forced-colors:active) and (min-width:3em){a{color:red !important}}",
  );
  assert.equal(lines(out), lines(css));
});

test('templates: css and html are minified, interpolations kept as written with their nested templates minified', () => {
  const source = [
    'const styles = css`',
    '  a {',
    "    color: ${unsafeCSS('x {y}')};",
    '  }',
    '`;',
    "const view = html`<p>",
    "    ${cond ? html`<b>",
    "        x</b>` : 'a  b'}",
    '  </p>`;',
    "const text = `not   a template  ${'we touch'}`;",
  ].join('\n');
  const out = minifyTemplateLiterals(source) as string;
  assert.equal(
    out,
    [
      'const styles = css`',
      'a{',
      "color:${unsafeCSS('x {y}')}",
      '}',
      '`;',
      'const view = html`<p>',
      "${cond ? html`<b>",
      "x</b>` : 'a  b'}",
      '</p>`;',
      "const text = `not   a template  ${'we touch'}`;",
    ].join('\n'),
  );
  assert.equal(lines(out), lines(source));
});

test('a template it cannot read to its end is left as it was', () => {
  const source = "const broken = css`\n  a { color: red; }\n  ${'unclosed";
  assert.equal(minifyTemplateLiterals(source), source);
});

test("every stylesheet of the elements parses in Chromium to the same rules before and after", async () => {
  const sheets: Array<{ file: string; before: string; after: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
        const source = readFileSync(path, 'utf8');
        const before = [...source.matchAll(/\bcss`([^`$]*)`/g)].map((m) => m[1]!);
        const after = [...(minifyTemplateLiterals(source) as string).matchAll(/\bcss`([^`$]*)`/g)].map((m) => m[1]!);
        assert.equal(after.length, before.length, path);
        before.forEach((css, i) => sheets.push({ file: path.slice(root.length), before: css, after: after[i]! }));
      }
    }
  };
  walk(join(root, 'packages/elements/src'));
  assert.ok(sheets.length >= 8, `found only ${sheets.length} stylesheets`);
  assert.ok(sheets.some((sheet) => sheet.after.length < sheet.before.length * 0.8), 'nothing was minified');

  const { browser, close } = await launchChromium('samverkan-minify-chromium');
  try {
    const page = await browser.newPage();
    // (No named functions inside: tsx would wrap them in a helper the page lacks.)
    const parsed = await page.evaluate(
      (sheets: Array<{ before: string; after: string }>) =>
        sheets.map(({ before, after }) =>
          [before, after].map((css) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(css);
            return [...sheet.cssRules].map((rule) => rule.cssText);
          }),
        ),
      sheets,
    );
    parsed.forEach(([before, after], i) => {
      assert.ok(before.length > 0, `${sheets[i]!.file}: no rules parsed`);
      // Chromium serialises a value with var() as it was written, so a
      // space after a comma there is the one difference allowed.
      const same = (rule: string) => rule.replace(/,\s+/g, ',');
      after.forEach((rule, j) => assert.equal(same(rule), same(before[j] ?? ''), sheets[i]!.file));
      assert.equal(after.length, before.length, sheets[i]!.file);
    });
  } finally {
    await close();
  }
});
