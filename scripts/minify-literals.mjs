// A rollup plugin for the browser bundle that shrinks the text inside our
// own `css` and `html` tagged templates, which terser leaves as written.
//
// - CSS: comments go, and so does white space CSS never needs: runs become
//   one space, and none is left around `{`, `}`, `;`, `,` or after `:`.
//   Quoted strings (`content: ' · '`) are copied unchanged. Line breaks
//   stay (one for each), so the source map still points at the right line.
// - HTML: only the indentation after a line break goes. A line break is
//   white space in HTML just as the indentation was, so text reads the same
//   (our templates have no <pre>, and no text inside <textarea>).
//
// `${…}` interpolations are copied as written, apart from the templates
// nested in them, and a template the scanner cannot read to its end is left
// as it was. test/minify-literals.test.ts checks in Chromium that every
// stylesheet of the elements parses to the same rules before and after.
//
// Why not a published minifier: the ones for Lit literals
// (minify-html-literals) pull in html-minifier and clean-css, are no longer
// maintained, and rewrite HTML more boldly than white space allows here.

/** `source` with the text of every `css` and `html` template minified. */
export function minifyTemplateLiterals(source) {
  let out = '';
  let index = 0;
  // TypeScript writes `css `…`` with a space before the template.
  const pattern = /\b(css|html)\s*`/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const start = match.index + match[0].length;
    const end = templateEnd(source, start);
    if (end < 0) continue;
    const body = source.slice(start, end);
    out += source.slice(index, start) + minifyTemplateBody(body, match[1] === 'css' ? minifyCss : dropIndentation);
    index = end;
    pattern.lastIndex = end;
  }
  return out + source.slice(index);
}

// The index of the backtick that closes the template whose text starts at
// `start`, skipping `${…}` (with nested braces and strings); -1 if none.
function templateEnd(source, start) {
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '`') return i;
    else if (c === '$' && source[i + 1] === '{') {
      i = interpolationEnd(source, i + 2);
      if (i < 0) return -1;
    }
  }
  return -1;
}

function interpolationEnd(source, start) {
  let depth = 1;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"') {
      i = stringEnd(source, i);
      if (i < 0) return -1;
    } else if (c === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) return -1;
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      if (i <= 0) return -1;
    } else if (c === '`') {
      i = templateEnd(source, i + 1);
      if (i < 0) return -1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

// In HTML a line break followed by indentation is white space like a single
// line break (our templates have no <pre>, and no text inside <textarea>).
function dropIndentation(body) {
  return body.replace(/\n[ \t]+/g, '\n');
}

// The index of the quote that closes the string opened at `start`; -1 if none.
function stringEnd(source, start) {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i;
    else if (source[i] === '\n') return -1;
  }
  return -1;
}

// Minifies the text between interpolations with `minifyText`; inside an
// interpolation only the templates nested there are minified, the code
// itself stays as written.
function minifyTemplateBody(body, minifyText) {
  const parts = [];
  let text = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '$' && body[i + 1] === '{') {
      const end = interpolationEnd(body, i + 2);
      parts.push(minifyText(text), '${' + minifyTemplateLiterals(body.slice(i + 2, end)) + '}');
      text = '';
      i = end;
    } else text += body[i];
  }
  parts.push(minifyText(text));
  return parts.join('');
}

/**
 * Plain CSS text minified (see the file's head for what is removed). Line
 * breaks are kept, one for each in the input, so every line of the module
 * stays where it was and the bundle's source map still points at the right
 * line: it is the indentation that costs bytes, and a line break is white
 * space to CSS just as a space is.
 */
export function minifyCss(css) {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === "'" || c === '"') {
      // A quoted string, escapes included, copied as it is.
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c) || (c === '/' && css[i + 1] === '*')) {
      // White space and comments, as one run.
      let j = i;
      let breaks = 0;
      for (;;) {
        if (/\s/.test(css[j] ?? '')) {
          if (css[j] === '\n') breaks++;
          j++;
        } else if (css[j] === '/' && css[j + 1] === '*') {
          const end = css.indexOf('*/', j + 2);
          const stop = end < 0 ? css.length : end + 2;
          breaks += (css.slice(j, stop).match(/\n/g) ?? []).length;
          j = stop;
        } else break;
      }
      const previous = out.at(-1);
      const next = css[j];
      if (breaks > 0) out += '\n'.repeat(breaks);
      else if (previous !== undefined && next !== undefined && !'{};,:\n'.includes(previous) && !'{};,'.includes(next)) out += ' ';
      i = j;
    } else if ('{};,'.includes(c)) {
      out = out.replace(/ +$/, '') + c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  // The last declaration of a block needs no semicolon.
  return out.replace(/;(\n*)}/g, '$1}');
}

/** The rollup plugin: minifies `css` and `html` literals in the project's own modules. */
export function minifyLiterals() {
  return {
    name: 'samverkan-minify-literals',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.[cm]?[jt]s$/.test(id) || !/\b(css|html)\s*`/.test(code)) return null;
      const minified = minifyTemplateLiterals(code);
      try {
        this.parse(minified);
      } catch (error) {
        // Something the scanner misread: better the module as it was than a broken bundle.
        this.warn(`left as it was, the minified module does not parse: ${error.message}`);
        return null;
      }
      // map: null keeps the existing source map: lines do not move (see above).
      return { code: minified, map: null };
    },
  };
}
