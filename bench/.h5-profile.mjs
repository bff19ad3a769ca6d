// Profiles one first render of a bench page (ad hoc, not committed).
import puppeteer from 'puppeteer-core';
import { spawn } from 'node:child_process';
const which = process.argv[2] ?? 'ours-list';
const data = process.argv[3] ?? '/organisations.json';
// Reuse the bench's server by importing its module is heavy; start the bench in a mode? Simpler: tiny server here.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { parseDataset } from '@samverkan/sdk';
import { generateDataset } from '/work/wt/h5-perf/bench/generate-dataset.mjs';
const DIST = '/work/wt/h5-perf/packages/elements/dist';
const text = which.includes('cal') ? (() => { const r = generateDataset({ organisations: 20, meetings: 4400, contacts: 5, seed: 5 }); const y = r.meetings.filter((m) => m.start.startsWith('2026-')); r.meetings = Array.from({ length: 2000 }, (_, i) => y[Math.floor((i * y.length) / 2000)]); return JSON.stringify(parseDataset(r).dataset); })() : JSON.stringify(parseDataset(generateDataset({ organisations: 10_000, meetings: 0, contacts: 5, seed: 3 })).dataset);
const tag = which.includes('cal') ? 'samverkan-meeting-calendar' : 'samverkan-signatory-list';
const html = `<!doctype html><html lang="sv"><body><div id="host"></div><script type="module" src="/dist/samverkan.min.js"></script></body></html>`;
const server = createServer((req, res) => {
  const p = new URL(req.url, 'http://x').pathname;
  if (p === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  if (p === '/data.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  const f = normalize(join(DIST, p.slice(6)));
  if (p.startsWith('/dist/') && existsSync(f)) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(f));
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const tab = await browser.newPage();
await tab.setViewport({ width: 1200, height: 1000 });
await tab.goto(`http://127.0.0.1:${server.address().port}/`);
await tab.waitForFunction(() => window.samverkan);
await tab.evaluate(async (tag) => { await window.samverkan.load(tag); window.text = await (await fetch('/data.json')).text(); }, tag);
const cdp = await tab.createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const ms = await tab.evaluate(async (tag, cal) => {
  const el = document.createElement(tag);
  if (cal) { el.setAttribute('view', 'month'); el.setAttribute('month', '2026-03'); }
  document.getElementById('host').append(el);
  await el.updateComplete;
  const start = performance.now();
  el.data = window.text;
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}, tag, which.includes('cal'));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
let total = 0;
for (const [id, us] of counts) {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
console.log(`first render ${ms.toFixed(1)} ms; profile ${(total / 1000).toFixed(1)} ms`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((us / 1000).toFixed(1).padStart(7), k);
await browser.close();
server.close();
