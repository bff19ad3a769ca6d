// The checks written out by hand in place of regular expressions
// (src/validators/patterns.ts, the canonical-address reader in
// src/validators/runtime.ts, rules.phone) accept exactly what the
// expressions they stand for accept: compared on strings made of the
// characters that matter, on valid values with one character changed,
// and at the edges. That the generated validators then agree with zod is
// the property tests' (generated-validators.properties.test.ts, at both
// zod versions); this is the proof that replacing each expression changes
// no answer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { regexes as zod46 } from 'zod/v4/core';
import { regexes as zod41 } from 'zod-lowest/v4/core';
import { PATTERN_CHECKS } from '../scripts/generate-validators.js';
import * as patterns from '../src/validators/patterns.js';
import { canonicalUrl, hasDotSegment, url, trim, FAIL } from '../src/validators/runtime.js';
import { rules } from '../src/validators/rules.js';

/** A regular expression from its text (`/…/flags`). */
function fromText(text: string): RegExp {
  const slash = text.lastIndexOf('/');
  return new RegExp(text.slice(1, slash), text.slice(slash + 1));
}

/** Strings of the characters that matter to a pattern, and valid values with one character inserted, changed or removed. */
function near(alphabet: string, valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const character = fc.constantFrom(...alphabet);
  const edit = fc.tuple(valid, fc.nat(), character, fc.constantFrom('insert', 'replace', 'remove', 'keep')).map(([value, at, c, how]) => {
    const i = value.length === 0 ? 0 : at % (value.length + (how === 'insert' ? 1 : 0));
    if (how === 'insert') return value.slice(0, i) + c + value.slice(i);
    if (how === 'replace') return value.slice(0, i) + c + value.slice(i + 1);
    if (how === 'remove') return value.slice(0, i) + value.slice(i + 1);
    return value;
  });
  return fc.oneof(fc.string({ unit: character, maxLength: 40 }), edit, edit.chain((value) => fc.tuple(fc.constant(value), fc.nat(), character).map(([v, at, c]) => v.slice(0, at % (v.length + 1)) + c + v.slice(at % (v.length + 1)))));
}

const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
const day = fc.tuple(digits(4), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const time = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', '.5', '.123456', '.'), fc.oneof(fc.constantFrom('Z', 'z', '', '+01:00', '-00:30', '+2:00', '+0100'), fc.tuple(fc.constantFrom('+', '-'), digits(2), digits(2)).map(([s, h, m]) => `${s}${h}:${m}`)))
  .map(([h, m, s, fraction, offset]) => `T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${fraction}${offset}`);

/** Valid instants as toISOString writes them (`…T…:…:….sssZ`), years 0000–9999. */
const instant = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()).filter((iso) => iso.length === 24);

/** Per check: the characters that matter and valid-looking values to change. */
const INPUTS: Record<string, fc.Arbitrary<string>> = {
  // Each alphabet has characters from 128 on, among them Ł (U+0141) and ş (U+015F), whose low seven bits are
  // "A" and "_": a class table (patterns.ts) read without its bounds check would take them for those.
  isEmail: near("aZ09_'+-.@xŁşå", fc.oneof(fc.emailAddress(), fc.constantFrom('anna.lindqvist@example.org', "o'brien@example.org", 'a+b@sub.example.org', 'a-@x-y.se', 'a@b.co'))),
  isId: near('aZ09._:-/ Łşå', fc.constantFrom('org-1', 'a', 'Org.2:x_y', '9-z')),
  isLanguageTag: near('aZ09-_Łşå', fc.constantFrom('sv', 'en', 'syc', 'sr-Latn', 'zh-Hant-TW', 'en-12345678', 'en-123456789')),
  isIsoDate: near('0123456789-T', fc.oneof(day, instant.map((iso) => iso.slice(0, 10)))),
  isIsoDateTimeWithOffset: near('0123456789-T:.Z+', fc.oneof(fc.tuple(day, time).map(([d, t]) => d + t), instant, instant.map((iso) => iso.replace(/\.\d+Z$/, '+01:00')), instant.map((iso) => iso.replace(/Z$/, '-11:30')))),
};

describe('the hand-written pattern checks accept exactly what their expressions accept', () => {
  test('each pattern replaced is one zod (4.6 or 4.1) or the SDK\'s schemas write today, and each check is in patterns.ts', () => {
    const written = new Set([zod46.email, zod41.email, zod46.date, zod41.date, zod46.datetime({ offset: true }), /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/].map(String));
    for (const [text, check] of Object.entries(PATTERN_CHECKS)) {
      assert.ok(written.has(text), `${text} is written by no schema: drop it`);
      assert.equal(typeof (patterns as Record<string, unknown>)[check], 'function', check);
      assert.ok(INPUTS[check], `no inputs for ${check}`);
    }
  });

  for (const [text, check] of Object.entries(PATTERN_CHECKS)) {
    test(`${check} is ${text.length > 70 ? `${text.slice(0, 70)}…` : text}`, () => {
      const pattern = fromText(text);
      const fn = (patterns as unknown as Record<string, (v: string) => boolean>)[check]!;
      let accepted = 0;
      fc.assert(
        fc.property(INPUTS[check]!, (value) => {
          const expected = pattern.test(value);
          assert.equal(fn(value), expected, JSON.stringify(value));
          if (expected) accepted++;
        }),
        { numRuns: 20_000 },
      );
      assert.ok(accepted > 500, `only ${accepted} values were accepted: the inputs do not reach the pattern`);
    });
  }

  test('edges', () => {
    const edges: [string, string[]][] = [
      ['isEmail', ['', '@', 'a@b', 'a@b.c', 'a@b.cd', '.a@b.cd', 'a.@b.cd', 'a..b@b.cd', "a'@b.cd", "'a@b.cd", 'a@-b.cd', 'a@b-.cd', 'a@b..cd', 'a@.b.cd', 'a@b.c1', 'a@b.cd.', 'a@@b.cd', 'a@b@c.de', 'a@b.cd\n', 'å@b.cd', 'a@b.çd', 'a b@c.de', '-@1.xx']],
      ['isId', ['', '-a', '.a', 'a', 'a-', 'a b', 'a\n', 'Å', '0']],
      ['isLanguageTag', ['', 's', 'sv', 'swe', 'swed', 'sv-', 'sv--a', 'sv-a', 'sv-123456789', 'sv-12345678', 's1', 'sv_SE', 'sv-SE-']],
      ['isIsoDate', ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2026-04-31', '2026-12-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', '02026-01-01', '2026-01-01T']],
      ['isIsoDateTimeWithOffset', ['2026-06-10T18:00:00+02:00', '2026-06-10T18:00:00Z', '2026-06-10T18:00:00.5Z', '2026-06-10T18:00:00.Z', '2026-06-10T18:00Z', '2026-06-10T24:00:00Z', '2026-06-10T18:60:00Z', '2026-06-10T18:00:60Z', '2026-06-10T18:00:00+24:00', '2026-06-10T18:00:00+23:59', '2026-06-10T18:00:00-00:60', '2026-06-10T18:00:00', '2026-06-10T18:00:00z', '2026-06-10 18:00:00Z', '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2026-06-10T18:00:00+02:00 ', '2026-06-10T18:00:00.123456789+02:00']],
    ];
    for (const [check, values] of edges) {
      const fn = (patterns as unknown as Record<string, (v: string) => boolean>)[check]!;
      for (const [text, name] of Object.entries(PATTERN_CHECKS)) {
        if (name !== check) continue;
        for (const value of values) assert.equal(fn(value), fromText(text).test(value), `${check} ${JSON.stringify(value)} (${text.slice(0, 40)})`);
      }
    }
  });
});

test('trim gives what String.prototype.trim gives, whatever white space is at either end', () => {
  const space = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085', '~', '!', 'a', 'å', '😀', '\u007f', '\u001f');
  fc.assert(
    fc.property(fc.string({ unit: space, maxLength: 4 }), fc.string({ maxLength: 6 }), fc.string({ unit: space, maxLength: 4 }), (before, middle, after) => {
      const value = before + middle + after;
      assert.equal(trim(value), value.trim(), JSON.stringify(value));
    }),
    { numRuns: 20_000 },
  );
  for (const value of ['', ' ', 'a', ' a', 'a ', '\u00a0a', 'a\u3000', '!', '~x~']) assert.equal(trim(value), value.trim(), JSON.stringify(value));
});

describe('rules.phone', () => {
  // The rule as it was written before it became one pass: the expression, then the digits counted.
  const before = (value: string) => /^\+?[0-9][0-9 ()\-\u2013]{4,24}$/.test(value) && (value.match(/[0-9]/g)?.length ?? 0) >= 6 && (value.match(/[0-9]/g)?.length ?? 0) <= 15;
  test('accepts exactly what the expression and the digit count accept', () => {
    let accepted = 0;
    fc.assert(
      fc.property(near('0123456789+ ()-\u2013a', fc.constantFrom('+46 8 123 456 78', '08-123 45 67', '(08) 123 45 67', '070\u2013123 45 67', '123456', '1234567890123456')), (value) => {
        assert.equal(rules.phone(value), before(value), JSON.stringify(value));
        if (before(value)) accepted++;
      }),
      { numRuns: 20_000 },
    );
    assert.ok(accepted > 500, `only ${accepted}`);
    for (const value of ['', '+', '12345', '123456', '+123456', '1234 ', ' 123456', '1'.repeat(25), '1'.repeat(26), `+${'1'.repeat(15)}`, `+1${' '.repeat(24)}`, `+1${' '.repeat(25)}`, '1-2-3-4-5-6']) {
      assert.equal(rules.phone(value), before(value), JSON.stringify(value));
    }
  });
});

describe('the canonical web address reader', () => {
  // The reader as it was, with its two expressions (and the unchanged hasDotSegment): the new one must take the same addresses, with the same answer.
  const CANONICAL_URL =
    /^[a-z][a-z0-9+.-]*:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63}\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
  const CANONICAL_BUT_PATH =
    /^https?:\/\/(?:(?!xn--)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!xn--)[a-z]{2,63}(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
  function before(v: string, hostname: RegExp, protocol: RegExp, normalize: boolean, webHost: boolean): unknown {
    const canonical = CANONICAL_URL.test(v);
    if (!canonical && !CANONICAL_BUT_PATH.test(v)) return undefined;
    const colon = v.indexOf(':');
    const start = colon + 3;
    let end = start;
    let label = 0;
    let longest = 0;
    for (; end < v.length; end++) {
      const code = v.charCodeAt(end);
      if (code === 47 || code === 63 || code === 35) break;
      if (code === 46) label = 0;
      else if (++label > longest) longest = label;
    }
    if (hasDotSegment(v, end)) return undefined;
    const result = canonical || !normalize ? v : `${v.slice(0, end)}/${v.slice(end)}`;
    const web = colon === 5 ? v.startsWith('https') : colon === 4 && v.startsWith('http');
    if (webHost && web && longest <= 63 && end - start <= 253) return result;
    hostname.lastIndex = 0;
    protocol.lastIndex = 0;
    return hostname.test(v.slice(start, end)) && protocol.test(v.slice(0, colon)) ? result : FAIL;
  }
  const hostname = zod46.domain;
  const protocol = /^https?$/;
  const addresses = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => u.toLowerCase()),
    fc.webUrl().map((u) => u.toLowerCase().replace(/\/$/, '')),
  );
  const near_ = near("az09-.:/?#'%~!$&()*+,;=@_ XÅ", fc.oneof(addresses, fc.constantFrom('https://example.org/', 'https://a.example.org', 'ftp://x.example.org/a?b#c', 'https://xn--a.example/', 'https://a-.b.org/', 'https://a.b.c/', 'http://a.bc?x#y', 'https://a.b.org/./x', 'https://a.b.org/%2e/x')));

  test('takes the same addresses as the two expressions did, with the same answer, for every way url() calls it', () => {
    let taken = 0;
    fc.assert(
      fc.property(near_, fc.boolean(), fc.boolean(), (value, normalize, webHost) => {
        const expected = before(value, hostname, protocol, normalize, webHost);
        assert.equal(canonicalUrl(value, hostname, protocol, normalize, webHost), expected, `${JSON.stringify(value)} normalize ${normalize} webHost ${webHost}`);
        if (expected !== undefined && expected !== FAIL) taken++;
      }),
      { numRuns: 30_000 },
    );
    assert.ok(taken > 1000, `only ${taken} taken`);
  });

  test('edges: label and host lengths, xn--, hyphens, schemes, and what follows the host', () => {
    const edges = ['https://example.org', 'https://example.org/', 'https://example.org?a', 'https://example.org#a', 'https://example.org?a#b?c', 'https://example.org/#a#b', "https://example.org/?q='x'", "https://example.org/#'x'", "https://example.org?q='x'",
      `https://${'a'.repeat(63)}.example.org/`, `https://${'a'.repeat(64)}.example.org/`, `https://example.${'o'.repeat(63)}/`, `https://example.${'o'.repeat(64)}/`, `https://${'a.'.repeat(125)}org/`, `https://${'a.'.repeat(126)}org/`,
      'https://xn--a.example.org/', 'https://a.xn--p1ai/', 'https://axn--b.example.org/', 'https://-a.example.org/', 'https://a-.example.org/', 'https://a--b.example.org/', 'https://1.2.3.4/', 'https://a.b1/', 'https://.example.org/', 'https://example..org/',
      'h://a.bc/', 'a+b.c-d://a.bc/', '1http://a.bc/', 'http:/a.bc/', 'http://a.bc', 'ftp://a.bc', 'HTTP://a.bc/', 'https://A.bc/', 'https://a.bc/\u00e5', 'https://a.bc/ ', 'https://a.bc:80/', 'https://a.bc/a/../b', 'https://a.bc/%2E', 'https://a.bc?/.x', '',
      'https://a.bc/%2e', 'https://a.bc/%2f', 'https://a.bc/%2', 'https://a.bc/%', 'https://a.bc/x?%2e#/%2E', 'https://a.bc#/.', 'https://a.bc/?', 'https://a.bc/#', 'https://a.bc/?#', "https://a.bc/'?'", 'https://a.bc/x?y?z#w?#', 'https://a.bc/\u007f', 'https://a.bc/\u0080', 'https://a.bc/a"b', 'https://a.bc/a<b', 'https://a.bc/a`b'];
    for (const value of edges) for (const normalize of [true, false]) for (const webHost of [true, false]) {
      assert.equal(canonicalUrl(value, hostname, protocol, normalize, webHost), before(value, hostname, protocol, normalize, webHost), `${value} ${normalize} ${webHost}`);
    }
    assert.equal(url('https://example.org', hostname, protocol, true, true), 'https://example.org/');
  });
});
