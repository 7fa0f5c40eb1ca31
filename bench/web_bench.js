// Page load to first answer (make web-bench): web/index.html from file:// in headless
// Chromium, each load in a fresh page, N times; the median and spread of the marks the page
// sets, beside an empty page's time to its first script (the browser's own floor here).
// Figures, not assertions.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { chromium } = require(path.join(__dirname, '..', 'bindings', 'js', 'node_modules', 'playwright-core'));

const N = Number(process.env.N || 15);
const ROOT = path.resolve(__dirname, '..');
const median = (a) => { const s = a.slice().sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const fmt = (a) => `median ${median(a).toFixed(1)} ms (${Math.min(...a).toFixed(1)}-${Math.max(...a).toFixed(1)})`;

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const blank = path.join(ROOT, 'build', 'web', 'blank.html');
  fs.mkdirSync(path.dirname(blank), { recursive: true });
  fs.writeFileSync(blank, '<!doctype html><title>-</title><script>document.title = performance.now()</script>');
  const marks = { script: [], compiled: [], first: [], floor: [] };
  for (let i = 0; i < N; i++) {
    const p = await browser.newPage();
    await p.goto('file://' + blank);
    marks.floor.push(Number(await p.title()));
    await p.goto('file://' + path.join(ROOT, 'web', 'index.html'));
    await p.waitForFunction(() => document.body.dataset.ready === '1');
    const m = await p.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0].startTime;
      return { script: at('llmsize:script'), compiled: at('llmsize:compiled'), first: Number(document.body.dataset.firstAnswerMs) };
    });
    for (const k of ['script', 'compiled', 'first']) marks[k].push(m[k]);
    await p.close();
  }
  await browser.close();
  console.log(`web: page load to first answer, ${N} loads of web/index.html (file://, headless Chromium):`);
  console.log(`  first answer shown        ${fmt(marks.first)}`);
  console.log(`  the page's script starts  ${fmt(marks.script)}`);
  console.log(`  module compiled           ${fmt(marks.compiled)}`);
  console.log(`  an empty page's first script (the browser's floor) ${fmt(marks.floor)}`);
})().catch((e) => { console.error(e); process.exit(1); });
