// The one rule for the language of the server's answers (src/http/language.ts): Accept-Language with its weights,
// regional tags, `*`, nothing, garbage; the body's own language first. The routes' answers are checked in
// refusal-language.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerLanguage, answerLanguageOfTag, preferredAnswerLanguage, say } from '../src/http/language.js';

const cases: [header: string | string[] | undefined, expected: 'sv' | 'en', why: string][] = [
  [undefined, 'sv', 'no header: the default'],
  ['', 'sv', 'an empty header'],
  ['sv', 'sv', 'Swedish'],
  ['en', 'en', 'English'],
  ['sv-SE', 'sv', 'a regional Swedish tag'],
  ['sv-FI', 'sv', 'Swedish as spoken in Finland'],
  ['en-GB', 'en', 'a regional English tag'],
  ['EN-us', 'en', 'tags are case-insensitive'],
  ['en-GB,en;q=0.9,sv;q=0.5', 'en', 'English first'],
  ['sv-SE,sv;q=0.9,en;q=0.5', 'sv', 'Swedish first'],
  ['en;q=0.5, sv;q=0.9', 'sv', 'weights, not the order, decide'],
  ['sv;q=0.4, en;q=0.6', 'en', 'weights, not the order, decide (English)'],
  ['en, sv', 'en', 'a tie goes to the one named first'],
  ['sv, en', 'sv', 'a tie goes to the one named first (Swedish)'],
  ['en;q=0.8, sv;q=0.8', 'en', 'a tie of weights goes to the one named first'],
  ['fi, en;q=0.8', 'en', 'Finnish first, which the server does not speak: English is the best it can do'],
  ['fi', 'sv', 'only languages the server does not speak: the default'],
  ['ar, fi;q=0.9', 'sv', 'only other languages: the default'],
  ['*', 'sv', 'any language: the default'],
  ['en;q=0.5, *;q=0.9', 'sv', '`*` stands for the language no range names (Swedish here), and outweighs English'],
  ['sv;q=0.5, *;q=0.9', 'en', '`*` stands for English when only Swedish is named'],
  ['en;q=0, *', 'sv', 'English refused, anything else welcome'],
  ['sv;q=0', 'sv', 'Swedish refused and nothing else usable: the default all the same (the server must answer)'],
  ['sv;q=0, en;q=0.1', 'en', 'Swedish refused, English accepted'],
  ['sv-SE;q=0.2, sv;q=0.9, en;q=0.5', 'sv', 'the best weight of the ranges naming a language counts'],
  ['de-DE, de;q=0.9, en-US;q=0.8, en;q=0.7', 'en', "a German browser's usual header"],
  ['garbage', 'sv', 'not a language range'],
  ['en;q=banana, sv;q=0.1', 'sv', 'an entry with an unreadable weight is skipped'],
  // Weights no browser sends: negotiator reads them as the numbers they are (the RFC allows at most 1 and three
  // decimals); what matters is that the answer is one of the two languages, never an error.
  ['en;q=2, sv;q=0.1', 'en', 'a weight above 1 counts as the number it is'],
  ['en;q=0.1234, sv;q=0.1', 'en', 'a weight with four decimals counts as the number it is'],
  ['sv_SE', 'sv', 'an underscore is not a tag (the default, not Swedish by accident)'],
  ['en-GB;level=1;q=0.9, sv;q=0.8', 'en', 'other parameters are ignored'],
  [';;;,,,', 'sv', 'only separators'],
  ['<script>, en', 'en', 'garbage beside a real range'],
  ['x'.repeat(5000), 'sv', 'a very long garbage header'],
  [['sv;q=0.2', 'en;q=0.3'], 'en', 'the header given twice (joined as one list)'],
];

describe('the language of an answer (Accept-Language)', () => {
  for (const [header, expected, why] of cases) {
    test(`${JSON.stringify(header)} → ${expected}: ${why}`, () => {
      assert.equal(preferredAnswerLanguage(header), expected);
    });
  }
});

describe('the body names its language', () => {
  const request = (header?: string) => ({ headers: header === undefined ? {} : { 'accept-language': header } });

  test('a Swedish or English body language outranks the header', () => {
    assert.equal(answerLanguage(request('en-GB'), 'sv'), 'sv');
    assert.equal(answerLanguage(request('sv-SE'), 'en-GB'), 'en');
  });

  test('a body language the server does not speak (or not a tag) leaves it to the header', () => {
    assert.equal(answerLanguage(request('en-GB'), 'fi'), 'en');
    assert.equal(answerLanguage(request('en'), 42), 'en');
    assert.equal(answerLanguage(request('en'), ''), 'en');
    assert.equal(answerLanguage(request(), 'ar'), 'sv');
  });

  test('tags', () => {
    assert.equal(answerLanguageOfTag('sv-SE'), 'sv');
    assert.equal(answerLanguageOfTag(' EN '), 'en');
    assert.equal(answerLanguageOfTag('svenska'), undefined);
    assert.equal(answerLanguageOfTag('en_GB'), undefined);
    assert.equal(answerLanguageOfTag(undefined), undefined);
  });
});

describe('say', () => {
  test('a message in both languages is said in one; a plain one as it is', () => {
    assert.equal(say({ sv: 'Hej', en: 'Hello' }, 'en'), 'Hello');
    assert.equal(say({ sv: 'Hej', en: 'Hello' }, 'sv'), 'Hej');
    assert.equal(say('Not found.', 'sv'), 'Not found.');
  });
});
