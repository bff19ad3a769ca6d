import { expect } from '@open-wc/testing';
import { mailtoUrl, safeHttpUrl, telUrl } from './safe-url.js';

describe('safeHttpUrl', () => {
  it('keeps http and https URLs, normalised by the browser', () => {
    expect(safeHttpUrl('https://Example.ORG/a b')).to.equal('https://example.org/a%20b');
    expect(safeHttpUrl(' http://example.org ')).to.equal('http://example.org/');
  });

  it('refuses every other scheme, relative URLs and non-strings', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '//evil.example', 'mailto:a@example.org', '', 42, null, undefined]) {
      expect(safeHttpUrl(bad), String(bad)).to.equal(undefined);
    }
  });
});

describe('mailtoUrl and telUrl', () => {
  it('build links only from plausible addresses and numbers', () => {
    expect(mailtoUrl('anna@example.org')).to.equal('mailto:anna@example.org');
    expect(mailtoUrl('x@example.org?subject=hi')).to.equal(undefined);
    expect(mailtoUrl('javascript:alert(1)//@example.org')).to.equal(undefined);
    expect(telUrl('08-123 456 78')).to.equal('tel:0812345678');
    expect(telUrl('+46 8 123 456 78')).to.equal('tel:+46812345678');
    expect(telUrl('call me')).to.equal(undefined);
  });
});
