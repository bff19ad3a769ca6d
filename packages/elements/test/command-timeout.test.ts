// With SAMVERKAN_TEST_CPU_SLOWDOWN=N, a command to the runner (sendKeys …) may take N times as long before the
// page gives up on its answer (web-test-runner.config.mjs scales the 20 s written into the page's web socket
// script): the script this page runs says so.
import { expect } from '@open-wc/testing';
import { CPU_SLOWDOWN } from './helpers/test-time.js';

describe("the runner's command limit", () => {
  it('is 20 s times the page\'s CPU slowdown', async () => {
    const script = await (await fetch('/__web-dev-server__web-socket.js')).text();
    // The timer that rejects a command's wait, as served (esbuild writes 20000 as 2e4).
    const limit = /\}, ([\d.e]+)\);\s*sendMessage\(/.exec(script)?.[1];
    expect(limit, 'no timer before sendMessage( in the web socket script').to.be.a('string');
    expect(Number(limit)).to.equal(20000 * CPU_SLOWDOWN);
  });
});
