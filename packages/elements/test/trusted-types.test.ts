// Issue 17.7: the elements under a Content-Security-Policy that requires
// Trusted Types. The page is a real one served with the header (see
// trusted-types-page in helpers/test-data-middleware.mjs), in a frame.
import { expect } from '@open-wc/testing';
import { testTime } from './helpers/test-time.js';

interface PageResult {
  meetings: number;
  jsonLd: string | null;
  violations: string[];
  errors: string[];
  warnings: string[];
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

/** Opens the calendar page under `trusted-types <policies>` and returns what happened there. */
async function underPolicy(policies: string, jsonLd: boolean): Promise<PageResult> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  const url = new URL('/__samverkan-test/trusted-types-page/x', location.origin);
  url.searchParams.set('policies', policies);
  if (jsonLd) url.searchParams.set('json-ld', '1');
  frame.src = url.href;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & { __result?: Promise<PageResult> };
  for (let i = 0; i < 200 && !win.__result; i++) await new Promise((r) => setTimeout(r, 25));
  return win.__result!;
}

describe('Trusted Types (require-trusted-types-for \'script\')', function () {
  this.timeout(testTime(30000));

  it('with the documented policy names (trusted-types samverkan lit-html), the calendar renders and writes its JSON-LD, with no violation', async () => {
    const result = await underPolicy('samverkan lit-html', true);
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.meetings).to.be.greaterThan(0);
    expect(result.jsonLd, 'the JSON-LD script').to.be.a('string');
    const data = JSON.parse(result.jsonLd!) as { '@graph'?: { '@type': string }[] } | { '@type': string }[];
    expect(JSON.stringify(data)).to.contain('"Event"');
  });

  it('without json-ld, the elements need only lit-html: no samverkan policy is made, nothing is reported', async () => {
    const result = await underPolicy('lit-html', false);
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.meetings).to.be.greaterThan(0);
  });

  it('with json-ld but samverkan missing from trusted-types, the calendar still shows its meetings and the console says what to add', async () => {
    const result = await underPolicy('lit-html', true);
    expect(result.errors).to.deep.equal([]);
    expect(result.meetings).to.be.greaterThan(0);
    expect(result.jsonLd ?? '').to.equal('');
    expect(result.warnings.join('\n')).to.contain('trusted-types');
    expect(result.warnings.join('\n')).to.contain('samverkan');
  });
});
