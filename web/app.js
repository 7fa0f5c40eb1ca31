/* The calculator page: read the form, ask the library (llmsize.js over llmsize.wasm), print
   what the CLI prints (`llmsize fit ...`: the verdict, the 50-cell bar, the breakdown lines)
   and the rest of the answer. No sizing here: every figure is the library's. */
'use strict';
(function () {
  const GIB = 1073741824;
  const $ = (id) => document.getElementById(id);
  const fields = ['model', 'gpu', 'gpus', 'engine', 'version', 'format', 'context', 'seqs', 'commercial', 'offered', 'redistribute', 'eu', 'mau'];
  const defaults = {};
  let ls = null;

  const gib = (b) => (b / GIB).toFixed(2);
  const num = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');   // 1,234,567 (Intl costs ~20 ms to load)
  const text = (id, s) => { $(id).textContent = s; };

  /* ---- the state lives in the address (#model=...&gpu=...) ---- */
  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    for (const k of fields) {
      if (!h.has(k)) continue;
      const el = $(k);
      if (el.type === 'checkbox') el.checked = h.get(k) === '1';
      else el.value = h.get(k);
    }
  }
  function writeHash() {
    const h = new URLSearchParams();
    for (const k of fields) {
      const el = $(k), v = el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value;
      if (v !== defaults[k]) h.set(k, v);
    }
    const url = `${location.pathname}${location.search}${h.toString() ? '#' + h.toString() : ''}`;
    history.replaceState(null, '', url);
    $('share').href = url;
  }

  /* ---- form choices from the library's tables ---- */
  function option(parent, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    parent.appendChild(o);
    return o;
  }
  /* The name lists only help typing: filled after the first answer. */
  function fillNames() {
    const ml = $('model-list');
    for (const m of ls.models()) { option(ml, m.id, m.name); for (const r of m.hfRepos) option(ml, r, m.name); }
    const gl = $('gpu-list');
    for (const g of ls.gpus()) option(gl, g.id, `${g.name} — ${gib(g.memBytes)} GiB, ${g.bwGbs} GB/s`);
  }
  function fillChoices() {
    const eng = $('engine');
    for (const e of ls.engines()) option(eng, e.id === 'none' ? '' : e.id, e.id === 'none' ? 'none (weights + KV against memory)' : e.name);
    const fm = $('format');
    option(fm, '', 'as released (as the engine loads it)');
    for (const f of ls.formats()) option(fm, f.id.split('|')[0], `${f.id.split('|')[0]} — ${f.name}`);
  }
  function fillVersions() {
    const v = $('version'), keep = v.value, e = ls.engines().find((x) => x.id === $('engine').value);
    v.textContent = '';
    option(v, '', e ? `current (${e.releases[e.releases.length - 1].version})` : '—');
    if (e) for (const r of e.releases.slice().reverse()) option(v, r.version, `${r.version} (${r.date})`);
    v.disabled = !e;
    v.value = Array.from(v.options).some((o) => o.value === keep) ? keep : '';
  }

  /* ---- the answer ---- */
  /* One GPU's budget as the CLI draws it: 50 cells of weights, KV, activations + overhead, free. */
  function bar(r) {
    const width = 50, u = r.usableBytes > 0 ? r.usableBytes : 1;
    const parts = [r.weightBytes, r.kvBytes, r.activationBytes + r.overheadBytes], cls = ['w', 'kv', 'o'];
    const el = $('bar');
    el.textContent = '';
    let used = 0;
    const cells = [];
    parts.forEach((p, i) => {
      let n = Math.floor(p / u * width + 0.5);
      if (used + n > width) n = width - used;
      cells.push(n);
      used += n;
      if (n > 0) { const s = document.createElement('span'); s.className = cls[i]; s.style.flexGrow = n; el.appendChild(s); }
    });
    cells.push(width - used);
    if (width - used > 0) { const s = document.createElement('span'); s.className = 'f'; s.style.flexGrow = width - used; el.appendChild(s); }
    el.dataset.cells = cells.join(',');
    el.classList.toggle('over', r.totalBytes > r.usableBytes);
    el.setAttribute('aria-label', `Memory per accelerator: weights ${gib(r.weightBytes)} GiB, KV cache ${gib(r.kvBytes)} GiB, ` +
      `activations and overhead ${gib(r.activationBytes + r.overheadBytes)} GiB, of ${gib(r.usableBytes)} GiB usable` +
      (r.totalBytes > r.usableBytes ? ' (over)' : ''));
    text('per-gpu', `(per GPU, of ${gib(r.usableBytes)} GiB usable)`);
  }

  function verdictText(r) {
    if (r.fits) return r.tight ? 'FITS (tight)' : 'FITS';
    return r.outcome === 'offloads' ? 'RUNS, PARTLY ON THE CPU' : 'DOES NOT FIT';
  }

  function request() {
    const v = (id) => $(id).value.trim();
    const int = (id) => { const s = v(id); return s === '' ? undefined : Number(s); };
    const q = { model: v('model'), gpu: v('gpu'), gpus: int('gpus'), context: int('context'), seqs: int('seqs') };
    if (v('engine')) q.engine = v('engine');
    if (v('engine') && v('version')) q.engineVersion = v('version');
    if (v('format')) q.format = v('format');
    return q;
  }
  function use() {
    return { commercial: $('commercial').checked, offered: $('offered').checked, redistribute: $('redistribute').checked,
      eu: $('eu').checked, mau: Number($('mau').value || 0) };
  }

  function showError(e) {
    const el = $('error');
    el.hidden = false;
    el.textContent = e.message;
    if (e.suggestions && e.suggestions.length) {
      const field = e instanceof llmsize.UnknownGPUError ? 'gpu' : e instanceof llmsize.UnknownFormatError ? 'format' : 'model';
      const box = document.createElement('span');
      box.className = 'did-you-mean';
      for (const s of e.suggestions) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = s;
        b.addEventListener('click', () => { $(field).value = s; answer(); $(field).focus(); });
        box.appendChild(b);
      }
      el.appendChild(box);
    }
    text('verdict', e instanceof llmsize.UnknownNameError ? 'Which one?' : 'Cannot answer');
    $('answer').classList.add('failed');
  }

  function answer() {
    const t0 = performance.now();
    const err = $('error');
    err.hidden = true;
    err.textContent = '';
    $('answer').classList.remove('failed');
    writeHash();
    text('model-read', '');
    text('gpu-read', '');
    try {
      const q = request();
      const res = ls.resolve(q.model, { engine: q.engine });
      if (res.how !== 'id') text('model-read', `read as ${res.model.id} (${res.how.replace('_', ' ')})${res.format ? `, ${res.format}` : ''}`);
      const g = ls.gpu(q.gpu);
      if (g.id !== q.gpu) text('gpu-read', `${g.name}, ${gib(g.memBytes)} GiB, ${g.bwGbs} GB/s`);
      const r = ls.fit(q);
      text('verdict', `${r.model} ${r.format} on ${r.gpus} × ${g.name}: ${verdictText(r)}`);
      $('verdict').className = r.fits ? 'yes' : r.outcome === 'offloads' ? 'partly' : 'no';
      text('rules', r.engine === 'none' ? 'No engine: weights + KV cache against the usable memory.'
        : `${ls.engines().find((e) => e.id === r.engine).name} ${r.engineVersion} rules` + (q.engineVersion ? '' : ' (its current release)'));
      bar(r);
      const lines = [
        `weights ${gib(r.weightBytes)} GiB, KV ${gib(r.kvBytes)} GiB (${r.context} tokens x ${r.seqs}), activations ${gib(r.activationBytes)} GiB, overhead ${gib(r.overheadBytes)} GiB`,
        `total ${gib(r.totalBytes)} GiB of ${gib(r.usableBytes)} GiB usable: headroom ${gib(r.headroomBytes)} GiB`,
      ];
      if (r.hostWeightBytes || r.hostKvBytes) lines.push(`host memory: weights ${gib(r.hostWeightBytes)} GiB, KV ${gib(r.hostKvBytes)} GiB`);
      if (r.kvPoolBytes || r.kvCapacityTokens)
        lines.push(`KV pool ${gib(r.kvPoolBytes)} GiB: ${r.kvCapacityTokens} tokens (${r.kvBlocks} blocks), max concurrency ${r.maxConcurrency.toFixed(2)}x at ${r.context} tokens`);
      if (r.outcome === 'offloads') lines.push(`the engine starts with ${r.gpuLayers} of ${res.model.layers} layers on the GPU, the rest on the CPU (slower)`);
      else if (r.outcome === 'out_of_memory') lines.push('the engine runs out of memory allocating its weights and buffers');
      if (r.refused) lines.push('the engine would refuse to start: one request at this context needs more KV cache than it has');
      text('breakdown', lines.join('\n'));
      text('max-context', `${num(r.maxContext)} tokens per user`);
      text('max-seqs', r.maxSeqs ? `${num(r.maxSeqs)} at ${num(r.context)} tokens` : `none at ${num(r.context)} tokens`);
      if (r.decodeTps > 0) {
        /* the prompt's time: layers split over the GPUs pass a 512-token prompt one GPU at a time */
        const split = ls.engines().find((e) => e.id === r.engine).splitsLayers;
        const s = ls.speed({ model: q.model, gpu: g, gpus: split ? 1 : r.gpus, format: r.format, context: r.context, seqs: r.seqs });
        text('decode', `~${r.decodeTps.toFixed(1)} tok/s with ${r.seqs} decoding and the cache full (measurements fall ${r.decodeTpsLow.toFixed(1)}–${r.decodeTpsHigh.toFixed(1)})` +
          (s.ttftS > 0 ? `; first token after a 512-token prompt in ${s.ttftS.toFixed(3)} s` : ''));
      } else text('decode', 'unknown for this accelerator');
      try {
        const ql = ls.quality(res.model, r.format);
        text('quality', ql.metric === 'native' || ql.confidence === 'reference' ? 'none: the reference or native format'
          : `${ql.lossPct.toFixed(2)} % ${ql.metric === 'ppl' ? 'perplexity' : 'accuracy'} (range ${ql.lossLowPct.toFixed(2)}–${ql.lossHighPct.toFixed(2)} %, ${ql.confidence})`);
      } catch (e) {
        if (!(e instanceof llmsize.UnsupportedError)) throw e;
        text('quality', 'not published for this format');
      }
      const lic = ls.license(res.model, use());
      text('license', lic.verdict.replace(/_/g, ' '));
      $('license').className = lic.verdict;
      const list = $('license-list');
      list.textContent = '';
      for (const f of lic.reasons.concat(lic.obligations)) {
        const li = document.createElement('li');
        li.textContent = `[${f.license}] ${f.text}`;
        if (f.clause) { const c = document.createElement('q'); c.textContent = f.clause; li.appendChild(c); }
        list.appendChild(li);
      }
      const sg = $('suggestion');
      sg.textContent = '';
      if (r.suggestion) {
        const parts = [];
        if (r.suggestion.format) parts.push(`format ${r.suggestion.format}`);
        if (r.suggestion.gpus) parts.push(`${r.suggestion.gpus} accelerators`);
        if (r.suggestion.context) parts.push(`context ${num(r.suggestion.context)}`);
        if (r.suggestion.seqs) parts.push(`${r.suggestion.seqs} users`);
        sg.textContent = parts.length ? `Would fit with any one of: ${parts.join('; ')}.` : 'Nothing on this accelerator makes it fit.';
      }
    } catch (e) {
      if (!(e instanceof llmsize.LlmsizeError)) throw e;
      showError(e);
    }
    $('answer').setAttribute('aria-busy', 'false');
    document.body.dataset.answerMs = (performance.now() - t0).toFixed(2);
  }

  let timer = 0;
  function later() { clearTimeout(timer); timer = setTimeout(answer, 120); }

  performance.mark('llmsize:script');
  llmsize.load().then((lib) => {
    ls = lib;
    performance.mark('llmsize:compiled');
    text('lib-version', ls.version);
    text('data-version', ls.dataVersion);
    fillChoices();
    performance.mark('llmsize:choices');
    for (const k of fields) { const el = $(k); defaults[k] = el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value; }
    readHash();
    fillVersions();
    readHash();   // the release list depends on the engine
    $('engine').addEventListener('change', () => { fillVersions(); answer(); });
    for (const k of fields) if (k !== 'engine') {
      const el = $(k);
      el.addEventListener(el.tagName === 'SELECT' || el.type === 'checkbox' ? 'change' : 'input', el.type === 'text' || el.list ? later : answer);
    }
    $('form').addEventListener('submit', (e) => { e.preventDefault(); answer(); });
    window.addEventListener('hashchange', () => { readHash(); fillVersions(); readHash(); answer(); });
    answer();
    // page load to first answer, for the benchmark (make web-bench)
    document.body.dataset.firstAnswerMs = performance.now().toFixed(1);
    setTimeout(() => { fillNames(); document.body.dataset.ready = '1'; }, 0);
  }, (e) => { text('verdict', `The library did not load: ${e.message}`); });
}());
