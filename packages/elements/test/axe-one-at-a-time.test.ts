// helpers/axe-one-at-a-time.ts, loaded on every test page (web-test-runner.config.mjs): axe checks started
// while another runs wait for it instead of failing as 'Axe is already running' (what followed a slow check
// that outlived its test at SAMVERKAN_TEST_CPU_SLOWDOWN=8).
import { expect, fixture, html } from '@open-wc/testing';
import { testTime } from './helpers/test-time.js';

describe('axe checks on a test page', () => {
  it('three started at once all run, one after another, and each still finds what it should', async function () {
    // Three whole axe runs one after another (and axe's first load): more than mocha's 10 s on a busy CI machine (it timed out
    // once there), as other tests with several axe checks allow.
    this.timeout(testTime(30000));
    const fine = await fixture(html`<div><button type="button">Sök</button></div>`);
    const unnamed = await fixture(html`<div><button type="button"></button></div>`);
    const [first, second, third] = await Promise.allSettled([expect(fine).to.be.accessible(), expect(unnamed).to.be.accessible(), expect(fine).to.be.accessible()]);
    expect(first.status, String((first as PromiseRejectedResult).reason)).to.equal('fulfilled');
    expect(third.status, String((third as PromiseRejectedResult).reason)).to.equal('fulfilled');
    // The unnamed button fails on its own finding (button-name), not on axe being busy.
    expect(second.status).to.equal('rejected');
    expect(String((second as PromiseRejectedResult).reason)).to.contain('button-name').and.not.contain('already running');
  });
});
