// The documented theming: without custom properties an element takes the
// page's font and text colour; the `--samverkan-*` properties (see
// src/styles/tokens.ts) change the rendered parts to exactly the values set;
// and page styles do not reach the parts inside the shadow root.
//
// Every theme value differs from the element's default, and every test checks
// the unthemed element too, so each assertion would fail if the property it
// names were ignored. Theme rules are classes in a <style>, never inline
// `style` attributes (a site with a strict CSP may not allow those).
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define/samverkan-signatory-list.js';
import '../src/define/samverkan-contact-finder.js';
import '../src/define/samverkan-principles.js';
import { demoJson, UNREACHABLE_URL } from './helpers/datasets.js';
import { mount, unmountAll, waitFor } from './helpers/expect-event.js';
import { $, $$, one, shadow } from './helpers/shadow.js';

const css = (el: Element, selector: string) => getComputedStyle(one(el, selector));

/** The page around the elements: a font and colour of its own, set by a class. */
const PAGE = { fontFamily: 'serif', color: 'rgb(1, 2, 3)' };
/** What the theme class sets; each value differs from the page's and from the element's default. */
const THEME = {
  fontFamily: '"Theme Test Face", cursive',
  color: 'rgb(20, 110, 60)',
  accent: 'rgb(170, 20, 90)',
  radius: 11,
  spacing: 30,
};
/** The documented defaults (tokens.ts): accent #0b5cad, radius 0.375rem, spacing 1rem (16px at the default font size). */
const DEFAULT = { accent: 'rgb(11, 92, 173)', radius: 6, spacing: 16 };

const pageStyles = html`<style>
  .theming-page {
    font-family: serif;
    color: rgb(1, 2, 3);
  }
  .theming-theme {
    --samverkan-font-family: "Theme Test Face", cursive;
    --samverkan-color-text: rgb(20, 110, 60);
    --samverkan-color-accent: rgb(170, 20, 90);
    --samverkan-radius: 11px;
    --samverkan-spacing: 30px;
  }
</style>`;

interface Case {
  tag: 'samverkan-signatory-list' | 'samverkan-contact-finder' | 'samverkan-principles';
  /** Parts whose text takes the page's (or the theme's) font and colour. */
  text: string[];
  /** [part, computed property] pairs drawn in the accent colour. */
  accent: [string, 'color' | 'borderTopColor' | 'backgroundColor'][];
  /** [part, computed property] pairs that are the radius. */
  radius: [string, 'borderTopLeftRadius' | 'borderBottomRightRadius'][];
  /** [part, computed property, factor] triples that are the spacing times factor. */
  spacing: [string, 'rowGap' | 'paddingLeft' | 'paddingTop', number][];
}

const CASES: Case[] = [
  {
    tag: 'samverkan-signatory-list',
    text: ['[part~="item-name"]', '[part~="count"]', '[part~="search-input"]', '[part~="filter"]'],
    accent: [
      ['[part~="website"]', 'color'],
      ['[part~="more-button"]', 'color'],
      ['[part~="more-button"]', 'borderTopColor'],
    ],
    radius: [
      ['[part~="item"]', 'borderTopLeftRadius'],
      ['[part~="search-input"]', 'borderBottomRightRadius'],
      ['[part~="more-button"]', 'borderTopLeftRadius'],
    ],
    spacing: [
      ['[part~="base"]', 'rowGap', 1],
      ['[part~="controls"]', 'rowGap', 0.75],
      ['[part~="list"]', 'rowGap', 0.75],
      ['[part~="item"]', 'paddingLeft', 1],
      ['[part~="item"]', 'paddingTop', 0.75],
      ['[part~="search-input"]', 'paddingLeft', 0.5],
      ['[part~="more-button"]', 'paddingLeft', 0.9],
    ],
  },
  {
    tag: 'samverkan-contact-finder',
    text: ['[part~="card-name"]', '[part~="count"]', '[part~="search-input"]'],
    accent: [
      ['[part~="email"]', 'color'],
      ['[part~="phone"]', 'color'],
      ['[part~="more-button"]', 'color'],
      ['[part~="more-button"]', 'borderTopColor'],
    ],
    radius: [
      ['[part~="card"]', 'borderTopLeftRadius'],
      ['[part~="search-input"]', 'borderTopLeftRadius'],
      ['[part~="more-button"]', 'borderBottomRightRadius'],
    ],
    spacing: [
      ['[part~="base"]', 'rowGap', 1],
      ['[part~="list"]', 'rowGap', 0.75],
      ['[part~="card"]', 'paddingLeft', 1],
      ['[part~="card"]', 'paddingTop', 0.75],
      ['[part~="more-button"]', 'paddingTop', 0.4],
    ],
  },
  {
    tag: 'samverkan-principles',
    text: ['[part~="title"]', '[part~="facts"]', '[part~="principle-toggle"]'],
    accent: [['[part~="document-link"]', 'color']],
    radius: [
      ['[part~="principle"]', 'borderTopLeftRadius'],
      ['[part~="principle-toggle"]', 'borderBottomRightRadius'],
    ],
    spacing: [
      ['[part~="base"]', 'rowGap', 1],
      ['[part~="principles"]', 'rowGap', 0.5],
      ['[part~="principle-toggle"]', 'paddingLeft', 1],
      ['[part~="principle-toggle"]', 'paddingTop', 0.6],
    ],
  },
];

function element(tag: Case['tag'], data: unknown, themed: boolean): TemplateResult {
  const cls = themed ? 'theming-theme' : '';
  switch (tag) {
    case 'samverkan-signatory-list':
      return html`<samverkan-signatory-list lang="sv" class=${cls} .data=${data}></samverkan-signatory-list>`;
    case 'samverkan-contact-finder':
      // The demo has 20 contacts, one default page: a smaller page shows the "show more" button.
      return html`<samverkan-contact-finder lang="sv" page-size="5" class=${cls} .data=${data}></samverkan-contact-finder>`;
    case 'samverkan-principles':
      return html`<samverkan-principles lang="sv" class=${cls} .data=${data}></samverkan-principles>`;
  }
}

/** An unthemed and a themed copy of the element, side by side in the page. */
async function pair(tag: Case['tag']): Promise<{ plain: HTMLElement; themed: HTMLElement }> {
  const data = await demoJson();
  const wrapper = await mount(html`${pageStyles}
    <div class="theming-page">${element(tag, data, false)}${element(tag, data, true)}</div>`);
  const [plain, themed] = [...wrapper.querySelectorAll<HTMLElement>(tag)];
  return { plain: plain!, themed: themed! };
}

const px = (n: number) => `${n}px`;

afterEach(unmountAll);

describe('theming: the page\'s font and colour without custom properties', () => {
  it('the test page really differs from the browser\'s defaults', async () => {
    const wrapper = await mount(html`${pageStyles}<div class="theming-page"><p>x</p></div><p>y</p>`);
    const [inside, outside] = [...wrapper.querySelectorAll('p')].map((p) => getComputedStyle(p));
    expect(inside!.fontFamily).to.equal(PAGE.fontFamily);
    expect(inside!.color).to.equal(PAGE.color);
    expect(outside!.fontFamily).to.not.equal(PAGE.fontFamily);
    expect(outside!.color).to.not.equal(PAGE.color);
  });

  for (const c of CASES) {
    it(`<${c.tag}> renders its text in the page's font and colour`, async () => {
      const { plain } = await pair(c.tag);
      for (const selector of c.text) {
        expect(css(plain, selector).fontFamily, `${selector} font-family`).to.equal(PAGE.fontFamily);
        expect(css(plain, selector).color, `${selector} color`).to.equal(PAGE.color);
      }
      // Buttons take the page's font too (not the browser's button font).
      for (const button of $$(plain, 'button')) {
        expect(getComputedStyle(button).fontFamily, `button ${button.getAttribute('part')} font-family`).to.equal(PAGE.fontFamily);
      }
    });
  }
});

describe('theming: the --samverkan-* custom properties', () => {
  for (const c of CASES) {
    it(`<${c.tag}> takes --samverkan-font-family and --samverkan-color-text`, async () => {
      const { plain, themed } = await pair(c.tag);
      for (const selector of c.text) {
        expect(css(plain, selector).fontFamily, `unthemed ${selector}`).to.equal(PAGE.fontFamily);
        expect(css(themed, selector).fontFamily, `themed ${selector} font-family`).to.equal(THEME.fontFamily);
        expect(css(plain, selector).color, `unthemed ${selector}`).to.equal(PAGE.color);
        expect(css(themed, selector).color, `themed ${selector} color`).to.equal(THEME.color);
      }
      for (const button of $$(themed, 'button')) {
        expect(getComputedStyle(button).fontFamily, `themed button ${button.getAttribute('part')}`).to.equal(THEME.fontFamily);
      }
    });

    it(`<${c.tag}> takes --samverkan-color-accent`, async () => {
      const { plain, themed } = await pair(c.tag);
      for (const [selector, property] of c.accent) {
        expect(css(plain, selector)[property], `unthemed ${selector} ${property}`).to.equal(DEFAULT.accent);
        expect(css(themed, selector)[property], `themed ${selector} ${property}`).to.equal(THEME.accent);
      }
    });

    it(`<${c.tag}> takes --samverkan-radius`, async () => {
      const { plain, themed } = await pair(c.tag);
      for (const [selector, property] of c.radius) {
        expect(css(plain, selector)[property], `unthemed ${selector} ${property}`).to.equal(px(DEFAULT.radius));
        expect(css(themed, selector)[property], `themed ${selector} ${property}`).to.equal(px(THEME.radius));
      }
    });

    it(`<${c.tag}> takes --samverkan-spacing`, async () => {
      const { plain, themed } = await pair(c.tag);
      for (const [selector, property, factor] of c.spacing) {
        expect(css(plain, selector)[property], `unthemed ${selector} ${property}`).to.equal(px(DEFAULT.spacing * factor));
        expect(css(themed, selector)[property], `themed ${selector} ${property}`).to.equal(px(THEME.spacing * factor));
      }
    });
  }

  it('colours a filled button (the error view\'s retry button) and the error box with the accent, radius and spacing', async () => {
    const wrapper = await mount(html`${pageStyles}
      <div class="theming-page">
        <samverkan-signatory-list lang="sv" src=${UNREACHABLE_URL}></samverkan-signatory-list>
        <samverkan-signatory-list lang="sv" class="theming-theme" src=${UNREACHABLE_URL}></samverkan-signatory-list>
      </div>`);
    const [plain, themed] = [...wrapper.querySelectorAll('samverkan-signatory-list')];
    await waitFor(() => $(plain!, '[part~="retry-button"]') && $(themed!, '[part~="retry-button"]'), 'no error view');
    for (const [el, accent, radius, spacing] of [
      [plain!, DEFAULT.accent, DEFAULT.radius, DEFAULT.spacing],
      [themed!, THEME.accent, THEME.radius, THEME.spacing],
    ] as const) {
      const retry = css(el, '[part~="retry-button"]');
      expect(retry.backgroundColor).to.equal(accent);
      expect(retry.borderTopColor).to.equal(accent);
      expect(retry.color).to.equal('rgb(255, 255, 255)');
      expect(retry.borderTopLeftRadius).to.equal(px(radius));
      expect(retry.paddingLeft).to.equal(px(spacing * 0.9));
      const box = css(el, '[part~="error"]');
      expect(box.borderTopLeftRadius).to.equal(px(radius));
      expect(box.paddingTop).to.equal(px(spacing * 0.75));
      expect(box.rowGap).to.equal(px(spacing * 0.5));
    }
  });
});

describe('theming: page styles do not leak into the shadow root', () => {
  const leaky = html`<style>
    p,
    h2,
    h3 {
      color: rgb(255, 0, 0) !important;
      font-size: 40px !important;
      margin: 17px !important;
    }
    button,
    input,
    select {
      font-size: 40px;
      border: 7px dotted rgb(0, 255, 0) !important;
      border-radius: 0 !important;
      padding: 0 !important;
    }
    a {
      color: rgb(255, 0, 0) !important;
    }
    li {
      padding: 44px !important;
      border-radius: 0 !important;
    }
    [part] {
      outline: 9px solid rgb(0, 0, 255) !important;
    }
  </style>`;

  it('the leaking rules do apply to the page\'s own elements', async () => {
    const wrapper = await mount(html`${leaky}
      <div class="theming-page"><p>p</p><button type="button">b</button><a href="#x">a</a><ul><li>li</li></ul><span part="x">s</span></div>`);
    const $ = (s: string) => getComputedStyle(wrapper.querySelector(s)!);
    expect($('p').color).to.equal('rgb(255, 0, 0)');
    expect($('p').fontSize).to.equal('40px');
    expect($('button').fontSize).to.equal('40px');
    expect($('button').borderTopWidth).to.equal('7px');
    expect($('a').color).to.equal('rgb(255, 0, 0)');
    expect($('li').paddingLeft).to.equal('44px');
    expect($('span').outlineWidth).to.equal('9px');
  });

  for (const c of CASES) {
    it(`<${c.tag}> keeps its own styles under hostile page rules`, async () => {
      const data = await demoJson();
      const wrapper = await mount(html`${pageStyles}${leaky}<div class="theming-page">${element(c.tag, data, false)}</div>`);
      const el = wrapper.querySelector<HTMLElement>(c.tag)!;
      const hostFontSize = getComputedStyle(el).fontSize;
      expect(hostFontSize).to.equal('16px');
      const root = shadow(el);
      // Paragraphs and headings: the colour is still inherited, never the page's `p { color }`.
      for (const node of root.querySelectorAll('p, h2, h3')) {
        const style = getComputedStyle(node);
        expect(style.color, `${node.localName}.${node.className} color`).to.equal(PAGE.color);
        expect(style.fontSize, `${node.localName} font-size`).to.not.equal('40px');
        expect(style.marginTop, `${node.localName} margin`).to.not.equal('17px');
      }
      for (const node of root.querySelectorAll('button, input, select')) {
        const style = getComputedStyle(node);
        const name = `${node.localName}[part=${node.getAttribute('part')}]`;
        expect(style.fontSize, `${name} font-size`).to.equal(hostFontSize);
        expect(style.borderTopStyle, `${name} border-style`).to.not.equal('dotted');
        expect(style.borderTopWidth, `${name} border-width`).to.not.equal('7px');
      }
      for (const node of root.querySelectorAll('a')) {
        expect(getComputedStyle(node).color, `a[part=${node.getAttribute('part')}] color`).to.equal(DEFAULT.accent);
      }
      for (const node of root.querySelectorAll('li')) {
        expect(getComputedStyle(node).paddingLeft, `li.${node.className} padding`).to.not.equal('44px');
      }
      for (const node of root.querySelectorAll('[part]')) {
        expect(getComputedStyle(node).outlineWidth, `[part=${node.getAttribute('part')}] outline`).to.not.equal('9px');
      }
      // The parts the theme tests measure keep their element's values.
      for (const [selector, property] of c.radius) {
        expect(css(el, selector)[property], `${selector} ${property}`).to.equal(px(DEFAULT.radius));
      }
      for (const [selector, property, factor] of c.spacing) {
        expect(css(el, selector)[property], `${selector} ${property}`).to.equal(px(DEFAULT.spacing * factor));
      }
    });
  }
});
