// web-test-runner runs two test pages at once in one headless Chromium, and only the front tab of a window
// is visible there; the config's createPage turns on focus emulation so that every test page, front or not,
// is 'visible', gets animation frames and has focus (web-test-runner.config.mjs says why). These fail when a
// page is a background tab without it: no frame arrives, and the document is hidden and unfocused.
import { expect } from '@open-wc/testing';

describe('a test page, whichever tab is in front', () => {
  it('is visible, focused and gets animation frames', async () => {
    expect(document.visibilityState).to.equal('visible');
    expect(document.hasFocus()).to.equal(true);
    const frame = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('no frame within 2 s'), 2000);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve('frame');
      });
    });
    expect(frame).to.equal('frame');
  });
});
