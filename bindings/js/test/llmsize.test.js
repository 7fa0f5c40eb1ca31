// The npm package's tests (node --test): the shared vectors every binding answers alike
// (tests/data/vectors.tsv, written by tests/gen_vectors.c from the C library), names as
// people write them, errors as Error subclasses, and bad input refused rather than rounded.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const llmsize = require('..');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ls = llmsize.loadSync();
const rows = (name) => fs.readFileSync(path.join(ROOT, 'tests', 'data', name), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

test('the shared vectors: the same numbers as C, for every model under three engines', () => {
  const vs = rows('vectors.tsv');
  assert.equal(vs.length, 3 * ls.models().length);
  for (const v of vs) {
    const [id, fmt, engine] = v;
    const m = ls.model(id);
    assert.equal(m.params.total, Number(v[3]), id);
    assert.equal(m.params.active, Number(v[4]), id);
    assert.equal(ls.weights(m, fmt).total, Number(v[5]), `${id} ${fmt}`);
    if (Number(v[6])) assert.equal(ls.kvBytes(m, { context: 8192, seqs: 2 }), Number(v[6]), id);
    const req = { model: m, gpu: 'h100-sxm', format: fmt, engine, context: 8192, seqs: 2 };
    if (Number(v[7]) === 0) {
      const f = ls.fit(req);
      assert.equal(f.fits, v[8] === '1', `${id} ${fmt} ${engine}`);
      assert.equal(f.totalBytes, Number(v[9]));
      assert.equal(f.usableBytes, Number(v[10]));
      assert.equal(f.headroomBytes, Number(v[11]));
      assert.equal(f.maxContext, Number(v[12]));
      assert.ok(Math.abs(f.decodeTps - Number(v[13])) <= 1e-6, `${id}: ${f.decodeTps} vs ${v[13]}`);
    } else {
      assert.throws(() => ls.fit(req), llmsize.LlmsizeError);
    }
  }
});

// The CLI is the C library compiled natively: its --json figures, printed with %.4f, are
// the same doubles the module computes (IEEE-754 binary64 on both, no fused multiply-add).
const cli = path.join(ROOT, 'llmsize');
test('fit, plan and speed agree with the native CLI bit for bit', { skip: !fs.existsSync(cli) && 'build ./llmsize first' }, () => {
  const cases = [
    [['fit', 'llama-3.1-8b', '--gpu', 'rtx-4090', '--ctx', '32768', '--engine', 'vllm'],
      { model: 'llama-3.1-8b', gpu: 'rtx-4090', context: 32768, engine: 'vllm' }],
    [['fit', 'bartowski/Qwen2.5-32B-Instruct-GGUF', '--gpu', 'M3 Max 36GB', '--engine', 'llama.cpp@b6000', '--ctx', '16384'],
      { model: 'bartowski/Qwen2.5-32B-Instruct-GGUF', gpu: 'M3 Max 36GB', engine: 'llama.cpp@b6000', context: 16384 }],
    [['fit', 'gpt-oss-120b', '--gpu', 'h100', '--gpus', '2', '--engine', 'sglang', '--seqs', '8'],
      { model: 'gpt-oss-120b', gpu: 'h100', gpus: 2, engine: 'sglang', seqs: 8 }],
    [['fit', 'llama3.1:70b', '--gpu', 'rtx-4090', '--engine', 'ollama'],
      { model: 'llama3.1:70b', gpu: 'rtx-4090', engine: 'ollama' }],
    // llama.cpp splits the layers over 3 GPUs (64 heads do not split 3 ways: no tensor parallelism)
    [['fit', 'llama-3.1-70b', '--gpu', 'rtx-3090', '--gpus', '3', '--engine', 'llamacpp', '--quant', 'Q4_K_M', '--ctx', '8192', '--seqs', '1'],
      { model: 'llama-3.1-70b', gpu: 'rtx-3090', gpus: 3, engine: 'llamacpp', format: 'Q4_K_M', context: 8192, seqs: 1 }],
  ];
  for (const [argv, req] of cases) {
    let out;
    try { out = execFileSync(cli, argv.concat(['--json']), { encoding: 'utf8' }); } catch (e) { out = e.stdout; }
    const c = JSON.parse(out), f = ls.fit(req);
    for (const k of ['weight_bytes', 'kv_bytes', 'activation_bytes', 'overhead_bytes', 'total_bytes', 'usable_bytes',
      'headroom_bytes', 'context', 'seqs', 'kv_pool_bytes', 'max_context', 'gpu_layers', 'max_seqs'])
      assert.equal(f[k.replace(/_([a-z])/g, (_, x) => x.toUpperCase())], c[k], `${argv.join(' ')}: ${k}`);
    assert.equal(f.fits, c.fits);
    assert.equal(f.outcome, c.outcome);
    assert.equal(f.decodeTps.toFixed(4), c.decode_tps.toFixed(4));
    assert.equal(f.format, c.format);
    assert.equal(f.engineVersion, c.engine_version);
  }
  const s = JSON.parse(execFileSync(cli, ['speed', 'qwen3-30b-a3b', '--gpu', 'rtx-3090', '--quant', 'Q4_K_M', '--json'], { encoding: 'utf8' }));
  const j = ls.speed({ model: 'qwen3-30b-a3b', gpu: 'rtx-3090', format: 'Q4_K_M' });
  assert.equal(j.decodeTps.toFixed(2), s.decode_tps.toFixed(2));
  assert.equal(j.bytesPerStep, s.bytes_per_step);
  const p = JSON.parse(execFileSync(cli, ['plan', '--gpu', 'a100-80gb', '--json', '--', 'vllm', 'serve', 'Qwen/Qwen2.5-7B-Instruct',
    '--max-model-len', '16384', '--gpu-memory-utilization', '0.85'], { encoding: 'utf8' }));
  const q = ls.planFromArgs('vllm serve Qwen/Qwen2.5-7B-Instruct --max-model-len 16384 --gpu-memory-utilization 0.85', { gpu: 'a100-80gb' });
  assert.equal(q.kvPoolBytes, p.kv_pool_bytes);
  assert.equal(q.kvBlocks, p.kv_blocks);
});

test('engine command lines as operators write them', () => {
  // vLLM's log for this command (tests/data/vllm_logs.tsv keeps the published lines): the
  // plan's pool is what C predicts; here: the engine, the version and the ignored flag.
  const f = ls.planFromArgs(['vllm', 'serve', 'meta-llama/Llama-3.1-8B-Instruct', '--max-model-len', '8192', '--served-model-name', 'x'],
    { gpu: 'NVIDIA A100-SXM4-80GB' });
  assert.equal(f.engine, 'vllm');
  assert.equal(f.context, 8192);
  assert.ok(f.fits);
  assert.deepEqual([...f.ignoredFlags], ['--served-model-name']);
  const o = ls.planFromArgs('ollama run llama3.1:70b', { gpu: 'rtx 4090', env: { OLLAMA_NUM_PARALLEL: '1', OLLAMA_CONTEXT_LENGTH: '8192' } });
  assert.equal(o.engine, 'ollama');
  assert.equal(o.outcome, 'offloads');   // 70B Q4_K_M (~40 GiB) does not fit 24 GiB: layers on the CPU
  assert.throws(() => ls.planFromArgs('vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len lots', { gpu: 'h100' }),
    (e) => e instanceof llmsize.ParseError && e.flag === '--max-model-len');
  assert.throws(() => ls.planFromArgs('vllm serve meta-llama/Llama-3.1-8B-Instruct -tp 4', { gpu: 'h100', gpus: 2 }), llmsize.InvalidArgumentError);
  assert.throws(() => ls.planFromArgs('vllm serve "unclosed', { gpu: 'h100' }), llmsize.ParseError);
  // llama.cpp spreads over the node's GPUs, splitting the layers (6 GPUs for 64 heads; XiongjieDai
  // measured LLaMA 3 70B Q4_K_M tg512 at 17.09 tok/s on 6 x RTX 3090)
  const s = ls.planFromArgs('llama-server -hf bartowski/Meta-Llama-3-70B-Instruct-GGUF:Q4_K_M -c 512 -np 1', { gpu: 'rtx-3090', gpus: 6 });
  assert.ok(s.fits && s.gpus === 6 && s.decodeTpsLow <= 17.09 && 17.09 <= s.decodeTpsHigh, `${s.decodeTps}`);
  assert.deepEqual(ls.engines().filter((e) => e.splitsLayers).map((e) => e.id), ['llamacpp', 'ollama']);
});

test('names as people write them', () => {
  assert.equal(ls.model('meta-llama/Llama-3.1-8B-Instruct').id, 'llama-3.1-8b');
  assert.equal(ls.model('LLAMA-3.1-8B').id, 'llama-3.1-8b');
  const r = ls.resolve('bartowski/Meta-Llama-3.1-8B-Instruct-GGUF');
  assert.equal(r.model.id, 'llama-3.1-8b');
  assert.equal(r.format, 'Q4_K_M');
  assert.equal(r.how, 'quantized');
  assert.equal(ls.resolve('qwen2.5:7b').how, 'ollama');
  assert.equal(ls.resolve('Qwen/Qwen2.5-7B-Instruct-AWQ').format, 'awq');
  assert.equal(ls.gpu('NVIDIA H100 80GB HBM3').id, 'h100-sxm');
  assert.equal(ls.gpu('M3 Max 36GB').memGiB, 36);
  assert.equal(ls.format('q4_k_m').id, 'Q4_K_M');
  // Llama 3.1 8B's published count (model.safetensors.index.json total_size / 2)
  assert.equal(ls.model('llama-3.1-8b').params.total, 8030261248);
  assert.equal(ls.version, JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version);
});

test('unknown and ambiguous names fail with close matches, as Error subclasses', () => {
  assert.throws(() => ls.model('llama-3.1-9b'), (e) => e instanceof llmsize.UnknownModelError && e instanceof llmsize.LlmsizeError &&
    e instanceof Error && e.suggestions.includes('llama-3.1-8b') && /did you mean/.test(e.message));
  assert.throws(() => ls.gpu('M3 Max'), llmsize.AmbiguousGPUError);
  assert.throws(() => ls.gpu('h1000'), llmsize.UnknownGPUError);
  assert.throws(() => ls.format('Q4_K_X'), llmsize.UnknownFormatError);
  assert.throws(() => ls.fit({ model: 'llama-3.1-8b', gpu: 'h100', engine: 'tgi' }), llmsize.UnknownEngineError);
  assert.throws(() => ls.fit({ model: 'llama-3.1-8b', gpu: 'h100', engine: 'vllm@0.1' }), llmsize.UnknownEngineVersionError);
  assert.throws(() => ls.kvBytes('llama-3.1-8b', { context: 1024, kvDtype: 'q3_k' }), llmsize.UnknownKVDtypeError);
});

test('bad input never crashes and never lies', () => {
  const bad = [8192.5, -1, NaN, Infinity, '8192', 2 ** 64, -1n, 1n << 64n];
  for (const context of bad)
    assert.throws(() => ls.kvBytes('llama-3.1-8b', { context }), llmsize.InvalidArgumentError, String(context));
  assert.throws(() => ls.fit({ model: 'llama-3.1-8b', gpu: 'h100', seqs: 1.5 }), llmsize.InvalidArgumentError);
  assert.throws(() => ls.fit({ model: 'llama-3.1-8b', gpu: 'h100', contxt: 8192 }), llmsize.InvalidArgumentError);
  assert.throws(() => ls.model('llama-3.1-8b\0junk'), llmsize.InvalidArgumentError);
  assert.throws(() => ls.planFromArgs(['vllm', 'serve', 'x\0y'], { gpu: 'h100' }), llmsize.InvalidArgumentError);
  assert.throws(() => ls.model(undefined), llmsize.InvalidArgumentError);
  // a KV cache beyond 2^53 bytes is an error, not a rounded number; beyond 2^64 the C status
  assert.throws(() => ls.kvBytes('llama-3.1-405b', { context: 2n ** 40n, seqs: 4096 }), llmsize.LlmsizeOverflowError);
  assert.equal(ls.kvBytes('llama-3.1-8b', { context: 8192n }), 1073741824);   // 32 layers x 8 KV heads x 128 x 2 x 2 B x 8192
  assert.throws(() => ls.license('llama-3.1-8b', 'commercial,mau=-5'), llmsize.ParseError);
});

test('licence and quality read from the tables with their sources', () => {
  // Llama 3.1 licence, section 2: 700 M monthly active users at release need Meta's grant
  assert.equal(ls.license('llama-3.1-8b', 'commercial,mau=800000000').verdict, 'not_allowed');
  // Gemma terms: the use must follow the prohibited-use policy the licence incorporates
  const g = ls.license('gemma-3-27b', { commercial: true, offered: true });
  assert.equal(g.verdict, 'allowed_with_obligations');
  assert.ok(g.obligations.some((o) => /acceptable-use/.test(o.text)));
  assert.equal(ls.license('qwen2.5-7b', 'commercial,offered').verdict, 'allowed');   // Apache-2.0
  const q = ls.quality('llama-3.1-8b', 'Q4_K_M');
  assert.equal(q.metric, 'ppl');
  assert.match(q.source, /llama\.cpp/);
});

test('loads asynchronously, as browsers do', async () => {
  const a = await llmsize.load();
  assert.equal(a.fit({ model: 'qwen3-8b', gpu: 'rtx-4090' }).fits, true);
  const b = await llmsize.load(fs.readFileSync(path.join(__dirname, '..', 'llmsize.wasm')));
  assert.equal(b.models().length, a.models().length);
});
