import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickText } from '@samverkan/sdk';

test('picks the requested language, then the same primary language, then the default, then any', () => {
  const text = { sv: 'Öppenhet', en: 'Openness', 'fi-FI': 'Avoimuus' };
  assert.deepEqual(pickText(text, 'en', 'sv'), { text: 'Openness', lang: 'en', fallback: false });
  assert.deepEqual(pickText(text, 'fi', 'sv'), { text: 'Avoimuus', lang: 'fi-FI', fallback: false });
  assert.deepEqual(pickText(text, 'ar', 'sv'), { text: 'Öppenhet', lang: 'sv', fallback: true });
  assert.deepEqual(pickText({ en: 'Only English' }, 'ar', 'sv'), { text: 'Only English', lang: 'en', fallback: true });
});

test('a plain string is in the default language', () => {
  assert.deepEqual(pickText('Mångfald', 'sv-SE', 'sv'), { text: 'Mångfald', lang: 'sv', fallback: false });
  assert.deepEqual(pickText('Mångfald', 'en', 'sv'), { text: 'Mångfald', lang: 'sv', fallback: true });
});
