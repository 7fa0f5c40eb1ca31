// The web page in headless Chromium (make web-test): load web/index.html from file://, drive
// it as a person would (type a model, choose an accelerator, change the context), check every
// figure it shows against the native CLI for the same question, audit labels, roles and
// contrast, check a phone-width layout, and save screenshots. Prints the page's load-to-
// first-answer time (a figure, not an assertion).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'llmsize');
const OUT = path.resolve(ROOT, process.env.OUT || 'build/web');
const PAGE = 'file://' + path.join(ROOT, 'web', 'index.html');
let checks = 0;
const ok = (cond, what) => { assert.ok(cond, what); checks++; };
const eq = (a, b, what) => { assert.equal(a, b, what); checks++; };

// What `llmsize fit ...` prints: the bar's cells per part, the breakdown lines, max context.
function cli(args) {
  let out;
  try { out = execFileSync(CLI, ['fit'].concat(args), { encoding: 'utf8' }); } catch (e) { out = e.stdout; }
  const bar = out.match(/\[([#=+.]{50})\]/)[1];
  const count = (c) => bar.split('').filter((x) => x === c).length;
  return {
    cells: [count('#'), count('='), count('+'), count('.')].join(','),
    lines: out.split('\n').map((l) => l.trim()).filter((l) => /^(weights|total|host memory|KV pool) /.test(l)),
    maxContext: Number(out.match(/max context (\d+) tokens/)[1]),
    decode: (out.match(/decode ~([\d.]+) tok\/s/) || [])[1],
    verdict: out.split('\n').find((l) => / on \d+ x /.test(l)).match(/: ([A-Z ,]+?)( \(tight\))?$/)[1],
  };
}

async function shown(page) {
  return page.evaluate(() => ({
    cells: document.getElementById('bar').dataset.cells,
    lines: document.getElementById('breakdown').textContent.split('\n').filter((l) => /^(weights|total|host memory|KV pool) /.test(l)),
    maxContext: Number(document.getElementById('max-context').textContent.replace(/[^\d]/g, '')),
    decode: (document.getElementById('decode').textContent.match(/~([\d.]+) tok\/s/) || [])[1],
    verdict: document.getElementById('verdict').textContent,
    error: document.getElementById('error').hidden ? '' : document.getElementById('error').textContent,
  }));
}
function same(page, c, what) {
  eq(page.error, '', `${what}: no error`);
  eq(page.cells, c.cells, `${what}: the bar`);
  assert.deepEqual(page.lines, c.lines, `${what}: the breakdown`); checks++;
  eq(page.maxContext, c.maxContext, `${what}: max context`);
  eq(page.decode, c.decode, `${what}: decode tok/s`);
  ok(page.verdict.endsWith(c.verdict) || page.verdict.endsWith(c.verdict + ' (tight)'), `${what}: verdict ${page.verdict} vs ${c.verdict}`);
}
// Wait until the page has answered the latest input (answers are debounced while typing).
async function settled(page) {
  await page.waitForTimeout(250);
  await page.waitForFunction(() => document.getElementById('answer').getAttribute('aria-busy') === 'false');
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(PAGE);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    const firstMs = await page.evaluate(() => Number(document.body.dataset.firstAnswerMs));

    // 1. the question the page opens with
    same(await shown(page), cli(['meta-llama/Llama-3.1-8B-Instruct', '--gpu', 'rtx-4090', '--gpus', '1', '--ctx', '8192', '--seqs', '1']), 'default');

    // 2. type a quantized repo, choose a Mac by its memory, pick llama.cpp, change the context
    await page.fill('#model', 'bartowski/Qwen2.5-32B-Instruct-GGUF');
    await page.fill('#gpu', 'M3 Max 36GB');
    await page.selectOption('#engine', 'llamacpp');
    await page.fill('#context', '16384');
    await settled(page);
    same(await shown(page), cli(['bartowski/Qwen2.5-32B-Instruct-GGUF', '--gpu', 'M3 Max 36GB', '--engine', 'llamacpp', '--ctx', '16384', '--seqs', '1']), 'Mac');
    ok(/qwen2\.5-32b/.test(await page.textContent('#model-read')), 'the page says how it read the repo name');

    // 3. vLLM on two H100s, more users, an engine release by name; then the address holds it all
    await page.fill('#model', 'llama-3.1-70b');
    await page.fill('#gpu', 'NVIDIA H100 80GB HBM3');
    await page.fill('#gpus', '2');
    await page.selectOption('#engine', 'vllm');
    await page.selectOption('#version', '0.8.0');
    await page.fill('#context', '32768');
    await page.fill('#seqs', '8');
    await settled(page);
    const vllm = cli(['llama-3.1-70b', '--gpu', 'NVIDIA H100 80GB HBM3', '--gpus', '2', '--engine', 'vllm@0.8.0', '--ctx', '32768', '--seqs', '8']);
    same(await shown(page), vllm, 'vLLM 0.8 on 2 x H100');
    const url = page.url();
    ok(/engine=vllm/.test(url) && /version=0\.8\.0/.test(url) && /gpus=2/.test(url), `the address holds the question: ${url}`);
    const shared = await browser.newPage();
    await shared.goto(url);
    await shared.waitForFunction(() => document.body.dataset.ready === '1');
    same(await shown(shared), vllm, 'the shared link');
    await shared.close();

    // 4. a name it does not know: an error with close matches, one click away
    await page.fill('#model', 'llama-3.1-9b');
    await settled(page);
    const err = await shown(page);
    ok(/unknown model/.test(err.error) && /llama-3\.1-8b/.test(err.error), `unknown model: ${err.error}`);
    await page.click('.did-you-mean button:has-text("llama-3.1-8b")');
    await settled(page);
    eq((await shown(page)).error, '', 'a suggestion answers');
    eq(await page.inputValue('#model'), 'llama-3.1-8b', 'the suggestion fills the field');

    // 5. licence verdict for a use: Llama 3.1 above 700 M monthly users needs Meta's grant
    await page.fill('#mau', '800000000');
    await settled(page);
    eq(await page.textContent('#license'), 'not allowed', 'licence above the user threshold');
    const lic = spawnSync(CLI, ['license', 'llama-3.1-8b', '--commercial', '--mau', '800000000'], { encoding: 'utf8' });
    ok(lic.status === 1 && /: not allowed/.test(lic.stdout.split('\n')[0]), `the CLI agrees: ${lic.stdout.split('\n')[0]}`);
    await page.fill('#mau', '0');

    // 6. keyboard: every control is reached by Tab, in order, and answers without a mouse
    await page.focus('#model');
    const order = [];
    for (let i = 0; i < 14; i++) { order.push(await page.evaluate(() => document.activeElement.id)); await page.keyboard.press('Tab'); }
    for (const id of ['model', 'gpu', 'gpus', 'engine', 'version', 'format', 'context', 'seqs', 'commercial', 'offered', 'mau'])
      ok(order.includes(id), `Tab reaches #${id} (${order.join(' ')})`);
    await page.focus('#seqs');
    await page.keyboard.press('ArrowUp');
    await settled(page);
    ok(/ x 9\)/.test((await shown(page)).lines[0]), 'the keyboard changes the users and the answer follows');

    // 7. accessibility: labels, roles, language, live region, contrast (WCAG AA 4.5:1)
    const audit = await page.evaluate(() => {
      const problems = [];
      for (const el of document.querySelectorAll('input, select, button, textarea')) {
        const name = (el.labels && el.labels.length) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim());
        if (!name) problems.push(`no label: ${el.outerHTML.slice(0, 80)}`);
      }
      for (const el of document.querySelectorAll('[role=img]')) if (!el.getAttribute('aria-label')) problems.push(`role=img without a name: #${el.id}`);
      if (!document.documentElement.lang) problems.push('no lang on <html>');
      if (!document.querySelector('main')) problems.push('no <main> landmark');
      if (!document.querySelector('[aria-live]')) problems.push('no live region for the answer');
      if (!document.querySelector('h1')) problems.push('no heading');
      const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
      const bg = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
      let texts = 0;
      for (const el of document.querySelectorAll('body *')) {
        if (!el.offsetParent && el.tagName !== 'BODY') continue;
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!own) continue;
        texts++;
        const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)} < 4.5: ${el.tagName}#${el.id} "${el.textContent.trim().slice(0, 40)}"`);
      }
      return { problems, texts };
    });
    eq(audit.problems.join('\n'), '', 'accessibility audit');
    ok(audit.texts > 20, `contrast checked on ${audit.texts} text elements`);
    await page.screenshot({ path: path.join(OUT, 'page.png'), fullPage: true });

    // 8. a phone: one column, nothing wider than the screen
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    await phone.goto(PAGE);
    await phone.waitForFunction(() => document.body.dataset.ready === '1');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    ok(width <= 390, `no sideways scrolling on a phone (${width} px)`);
    await phone.screenshot({ path: path.join(OUT, 'phone.png'), fullPage: true });
    await phone.close();

    eq(errors.join('\n'), '', 'no script errors');
    console.log(`web-test: ${checks} checks passed; page load to first answer ${firstMs.toFixed(1)} ms (headless Chromium, file://); ` +
      `screenshots ${path.relative(ROOT, OUT)}/page.png, phone.png`);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
