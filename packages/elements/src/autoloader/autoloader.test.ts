// The autoloader registers an element when its tag first appears: in the
// document at start, added later, or inside a shadow root the page hands it.
// Test tags of its own (x-… elements made here), so that each load is seen.
import { expect } from '@open-wc/testing';
import { createAutoloader, type ElementLoader } from './autoloader.js';
import { within } from '../../test/helpers/expect-event.js';

let counter = 0;
/** A fresh tag and a loader for it that defines it and counts its calls. */
function fakeElement(fail = false) {
  const tag = `samverkan-autoload-test-${++counter}`;
  const calls = { count: 0 };
  const loader: ElementLoader = async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (fail) throw new TypeError(`Failed to fetch dynamically imported module: ${tag}.min.js`);
    customElements.define(tag, class extends HTMLElement {});
  };
  return { tag, calls, loader };
}

/**
 * Resolves when `tag` is defined: the page's own signal (customElements.whenDefined), not a poll with
 * a time limit of 2 s (what a busy machine can need); if it never comes, it fails the test naming the element.
 */
function defined(tag: string): Promise<void> {
  return within(customElements.whenDefined(tag).then(() => undefined), `<${tag}> was not defined`);
}

describe('autoloader', () => {
  const added: Element[] = [];
  afterEach(() => added.splice(0).forEach((el) => el.remove()));
  const add = (el: Element) => (added.push(el), document.body.append(el), el);

  it('registers only the elements on the page, each once, however often it appears', async () => {
    const shown = fakeElement();
    const absent = fakeElement();
    add(document.createElement(shown.tag));
    add(document.createElement('div')).append(document.createElement(shown.tag));
    const loader = createAutoloader({ [shown.tag]: shown.loader, [absent.tag]: absent.loader });
    await loader.discover(document);
    expect(customElements.get(shown.tag)).to.be.a('function');
    expect(shown.calls.count).to.equal(1);
    expect(absent.calls.count).to.equal(0);
    expect(customElements.get(absent.tag)).to.equal(undefined);
    expect(document.querySelector(shown.tag)!.matches(':defined')).to.equal(true);
  });

  it('registers an element added to the document later, also deep inside added markup', async () => {
    const later = fakeElement();
    const loader = createAutoloader({ [later.tag]: later.loader });
    await loader.discover(document);
    expect(later.calls.count).to.equal(0);
    const wrapper = document.createElement('section');
    wrapper.innerHTML = `<div><p><${later.tag}></${later.tag}></p></div>`;
    add(wrapper);
    await defined(later.tag);
    expect(wrapper.querySelector(later.tag)!.matches(':defined')).to.equal(true);
    expect(later.calls.count).to.equal(1);
  });

  it('registers elements in an open shadow root handed to discover(), now and added later', async () => {
    const inside = fakeElement();
    const laterInside = fakeElement();
    const loader = createAutoloader({ [inside.tag]: inside.loader, [laterInside.tag]: laterInside.loader });
    await loader.discover(document);
    const host = add(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<${inside.tag}></${inside.tag}>`;
    // The document's observer cannot see into the shadow root.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(inside.calls.count).to.equal(0);
    await loader.discover(root);
    expect(customElements.get(inside.tag)).to.be.a('function');
    root.append(document.createElement(laterInside.tag));
    await defined(laterInside.tag);
    expect(laterInside.calls.count).to.equal(1);
  });

  it('says in the console which element could not be loaded, loads the others, and tries again on the next discover', async () => {
    const broken = fakeElement(true);
    const fine = fakeElement();
    add(document.createElement(broken.tag));
    add(document.createElement(fine.tag));
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const loader = createAutoloader({ [broken.tag]: broken.loader, [fine.tag]: fine.loader });
      await loader.discover(document);
      expect(customElements.get(fine.tag)).to.be.a('function');
      expect(errors.some((e) => e.includes(`<${broken.tag}> could not be loaded`))).to.equal(true, errors.join('\n'));
      await loader.discover(document);
      expect(broken.calls.count).to.equal(2);
    } finally {
      console.error = original;
    }
  });

  it('loads one element by tag, rejects a tag it does not know, and lists its tags', async () => {
    const one = fakeElement();
    const loader = createAutoloader({ [one.tag]: one.loader });
    expect(loader.tags).to.deep.equal([one.tag]);
    await loader.load(one.tag.toUpperCase());
    expect(customElements.get(one.tag)).to.be.a('function');
    let error: Error | undefined;
    await loader.load('samverkan-no-such-thing').catch((e: Error) => (error = e));
    expect(error?.message).to.match(/samverkan-no-such-thing/);
  });
});
