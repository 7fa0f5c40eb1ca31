/* llmsize for JavaScript: the C library (llmsize.h) compiled to WebAssembly (make web), with
   an idiomatic API over it. Node >= 18 (CommonJS; index.mjs for ES modules) and browsers (a
   classic script: window.llmsize). No math here: every figure is the C library's. Struct
   layouts come from the module itself (ls_member_at, bindings/js/csrc/wasm.c), result field
   names from llmsize_plan_result_field, every other name from the library's name functions.

     const llmsize = require('llmsize');
     const ls = await llmsize.load();                 // or llmsize.loadSync() in Node
     const fit = ls.fit({ model: 'meta-llama/Llama-3.1-8B-Instruct', gpu: 'rtx 4090',
                          engine: 'vllm', context: 32768 });
     fit.fits, fit.kvPoolBytes, fit.maxContext, fit.decodeTps

   Byte counts and token counts are Numbers (exact: an answer above 2^53 raises
   LlmsizeOverflowError rather than rounding); inputs may be Numbers or BigInts, and a
   fraction, a negative, NaN or a value beyond the C field's range raises InvalidArgumentError. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.llmsize = factory();
}(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  /* ---- errors: one class per status, all LlmsizeError ---- */
  class LlmsizeError extends Error {
    constructor(message, status) {
      super(message);
      this.name = new.target.name;
      this.status = status === undefined ? '' : status;   // 'ERR_UNKNOWN_MODEL', ...
    }
  }
  class UnknownNameError extends LlmsizeError {
    constructor(message, status, kind, query, suggestions) {
      super(message, status);
      this.kind = kind;
      this.query = query;
      this.suggestions = suggestions || [];
    }
  }
  class UnknownModelError extends UnknownNameError {}
  class AmbiguousModelError extends UnknownModelError {}
  class UnknownGPUError extends UnknownNameError {}
  class AmbiguousGPUError extends UnknownGPUError {}
  class UnknownFormatError extends UnknownNameError {}
  class UnknownKVDtypeError extends UnknownNameError {}
  class UnknownEngineError extends UnknownNameError {}
  class UnknownEngineVersionError extends UnknownNameError {}
  class UnknownLicenseError extends UnknownNameError {}
  class InvalidArgumentError extends LlmsizeError {}
  class InvalidModelError extends LlmsizeError {}
  class ParseError extends LlmsizeError {
    constructor(message, status, flag) { super(message, status); this.flag = flag || ''; }
  }
  class UnsupportedError extends LlmsizeError {}
  class LlmsizeOverflowError extends LlmsizeError {}
  const STATUS_ERRORS = {
    ERR_NULL: InvalidArgumentError, ERR_INVALID_ARG: InvalidArgumentError, ERR_INVALID_MODEL: InvalidModelError,
    ERR_OVERFLOW: LlmsizeOverflowError, ERR_UNSUPPORTED: UnsupportedError, ERR_PARSE: ParseError,
    ERR_UNKNOWN_MODEL: UnknownModelError, ERR_UNKNOWN_GPU: UnknownGPUError, ERR_UNKNOWN_FORMAT: UnknownFormatError,
    ERR_UNKNOWN_KV_DTYPE: UnknownKVDtypeError, ERR_UNKNOWN_ENGINE: UnknownEngineError,
    ERR_UNKNOWN_VERSION: UnknownEngineVersionError, ERR_UNKNOWN_LICENSE: UnknownLicenseError,
  };

  const GIB = 1073741824;
  const U32_MAX = 0xFFFFFFFF;
  const U64_MAX = (1n << 64n) - 1n;
  const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  const first = (ids) => (ids || '').split('|')[0];

  /* A request's integer: a Number or BigInt, whole, >= 0 and within the C field. */
  function integer(name, value, max, dflt) {
    if (value === undefined || value === null) return dflt;
    if (typeof value === 'bigint') {
      if (value < 0n || value > max) throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}, got ${value}`, 'ERR_INVALID_ARG');
      return value;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || BigInt(value) > max)
      throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}, got ${String(value)}`, 'ERR_INVALID_ARG');
    return BigInt(value);
  }
  function real(name, value, dflt) {
    if (value === undefined || value === null) return dflt;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new InvalidArgumentError(`${name} must be a finite number >= 0, got ${String(value)}`, 'ERR_INVALID_ARG');
    return value;
  }
  function text(name, value) {
    if (typeof value !== 'string') throw new InvalidArgumentError(`${name} must be a string, got ${typeof value}`, 'ERR_INVALID_ARG');
    if (value.indexOf('\0') >= 0)   // a C string ends there: the rest would vanish silently
      throw new InvalidArgumentError(`${name} may not contain \\0`, 'ERR_INVALID_ARG');
    return value;
  }

  /* POSIX-shell splitting of a command line ("vllm serve M --max-model-len 8192"). */
  function splitCommand(line) {
    const out = [];
    let cur = '', has = false, i = 0;
    while (i < line.length) {
      const c = line[i];
      if (c === '\\' && i + 1 < line.length) { cur += line[i + 1]; has = true; i += 2; continue; }
      if (c === "'" || c === '"') {
        const end = line.indexOf(c, i + 1);
        if (end < 0) throw new ParseError(`cannot split the command line: no closing ${c}`, 'ERR_PARSE', '');
        cur += line.slice(i + 1, end); has = true; i = end + 1; continue;
      }
      if (/\s/.test(c)) { if (has) { out.push(cur); cur = ''; has = false; } i++; continue; }
      cur += c; has = true; i++;
    }
    if (has) out.push(cur);
    return out;
  }

  /* ---- the loaded module ---- */
  class Llmsize {
    constructor(instance) {
      const x = instance.exports;
      this._x = x;
      this._enc = new TextEncoder();
      this._dec = new TextDecoder('utf-8');
      this._base = x.ls_scratch();
      this._end = this._base + x.ls_scratch_size();
      this._top = this._base;
      this._layout = this._readLayout();
      this._size = (t) => this._layout[t].size;
      this._statusNames = [];
      for (let s = 0; ; s++) { const n = x.llmsize_status_name(s); if (!n) break; this._statusNames.push(this._str(n)); }
      this._fields = [];   // llmsize_plan_result, named and typed by the library
      for (let i = 0; i < x.llmsize_plan_result_field_count(); i++) {
        const p = x.llmsize_plan_result_field(i);
        this._fields.push({ name: this._str(this._get('llmsize_field', p, 'name')), kind: this._get('llmsize_field', p, 'kind'),
          offset: this._get('llmsize_field', p, 'offset'), meaning: this._str(this._get('llmsize_field', p, 'meaning')) });
      }
      const names = (fn) => { const out = []; for (let i = 0; ; i++) { const p = fn(i); if (!p) break; out.push(this._str(p)); } return out; };
      this.outcomes = names(x.llmsize_outcome_name);
      this.verdicts = names(x.llmsize_verdict_name);
      this.metrics = names(x.llmsize_metric_name);
      this.confidences = names(x.llmsize_confidence_name);
      this.hwClasses = names(x.llmsize_hw_class_name);
      this.components = names(x.llmsize_component_name);
      this.kvDtypes = names(x.llmsize_kv_dtype_name);
      this.engineIds = names(x.llmsize_engine_name);
      this.version = this._str(x.llmsize_version());
      this.dataVersion = this._str(x.llmsize_data_version());
      this._rows = new Map();
    }

    /* memory: views made again only if the memory is replaced (it does not grow: no malloc) */
    _views() {
      const b = this._x.memory.buffer;
      if (this._buf !== b) { this._buf = b; this._u8v = new Uint8Array(b); this._dvv = new DataView(b); }
    }
    get _u8() { this._views(); return this._u8v; }
    get _dv() { this._views(); return this._dvv; }
    _str(p) {
      if (!p) return null;
      const m = this._u8;
      let e = p;
      while (m[e]) e++;
      return this._dec.decode(m.subarray(p, e));
    }
    _strn(p, n) { return p ? this._dec.decode(this._u8.subarray(p, p + n)) : null; }
    _alloc(n, align) {
      const a = align || 8;
      const p = Math.ceil(this._top / a) * a;
      if (p + n > this._end) throw new InvalidArgumentError('the request does not fit the module\'s scratch memory', 'ERR_INVALID_ARG');
      this._u8.fill(0, p, p + n);
      this._top = p + n;
      return p;
    }
    _cstr(name, s) {
      const b = this._enc.encode(text(name, s));
      const p = this._alloc(b.length + 1, 1);
      this._u8.set(b, p);
      return p;
    }
    _call(fn) {   // every call starts with an empty scratch area
      this._top = this._base;
      try { return fn(); } finally { this._top = this._base; }
    }
    _readLayout() {
      const x = this._x, layout = {}, dv = new DataView(x.memory.buffer);
      const kinds = ['str', 'ptr', 'u32', 'i32', 'u64', 'f64', 'size', 'struct'];
      for (let i = 0; i < x.ls_member_count(); i++) {
        const p = x.ls_member_at(i);
        const type = this._str(dv.getUint32(p, true)), member = this._str(dv.getUint32(p + 4, true));
        const kind = kinds[dv.getUint32(p + 8, true)], offset = dv.getUint32(p + 12, true), count = dv.getUint32(p + 16, true);
        if (!layout[type]) layout[type] = { size: 0, members: {} };
        if (member === null) layout[type].size = offset;
        else layout[type].members[member] = { kind, offset, count };
      }
      return layout;
    }
    _member(type, path) {
      const m = this._layout[type] && this._layout[type].members[path];
      if (!m) throw new Error(`llmsize: no member ${type}.${path} in the module's layout`);
      return m;
    }
    _readAt(kind, at, what) {
      const dv = this._dv;
      switch (kind) {
        case 'str': case 'ptr': case 'u32': case 'size': return dv.getUint32(at, true);
        case 'i32': return dv.getInt32(at, true);
        case 'f64': return dv.getFloat64(at, true);
        case 'u64': return this._exact(dv.getBigUint64(at, true), what);
        case 'i64': return this._exact(dv.getBigInt64(at, true), what);
        default: return at;   // struct: its address
      }
    }
    _exact(v, what) {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
        throw new LlmsizeOverflowError(`${what || 'a result'} is ${v}, beyond what a JavaScript number holds exactly`, 'ERR_OVERFLOW');
      return Number(v);
    }
    _get(type, p, path, index) {
      const m = this._member(type, path);
      const width = m.kind === 'u64' || m.kind === 'f64' ? 8 : 4;
      return this._readAt(m.kind, p + m.offset + (index || 0) * width, `${type}.${path}`);
    }
    _set(type, p, path, value) {
      const m = this._member(type, path), at = p + m.offset, dv = this._dv;
      switch (m.kind) {
        case 'u64': dv.setBigUint64(at, BigInt(value), true); break;
        case 'f64': dv.setFloat64(at, value, true); break;
        case 'i32': dv.setInt32(at, Number(value), true); break;
        default: dv.setUint32(at, Number(value), true);
      }
    }
    _status(st) { return this._statusNames[st] || `status ${st}`; }
    _check(st, context) {
      if (st === 0) return;
      const name = this._status(st).replace(/^LLMSIZE_/, '');
      const E = STATUS_ERRORS[name] || LlmsizeError;
      throw new E(this._str(this._x.llmsize_strerror(st)) + (context ? `: ${context}` : ''), name);
    }
    _suggest(table, query) {
      const x = this._x;
      return this._call(() => {
        const q = this._cstr('name', query), out = this._alloc(4 * 5, 4);
        const n = x.llmsize_suggest(table, q, out, 5), res = [];
        for (let i = 0; i < n; i++) res.push(first(this._str(this._dv.getUint32(out + 4 * i, true))));
        return res;
      });
    }
    _unknown(E, kind, table, query, status, extra) {
      const s = table === null ? [] : this._suggest(table, query);
      return new E(`unknown ${kind} '${query}'${extra || ''}${s.length ? `; did you mean: ${s.join(', ')}?` : ''}`,
        status || 'ERR_UNKNOWN', kind, query, s);
    }

    /* ---- table rows as plain, frozen objects ---- */
    _row(type, p) {
      if (!p) return null;
      const key = type + p;
      if (this._rows.has(key)) return this._rows.get(key);
      const o = { }, L = this._layout[type].members;
      for (const path of Object.keys(L)) {
        const m = L[path];
        if (m.kind === 'ptr' || m.kind === 'struct') continue;
        const v = this._get(type, p, path);
        const k = camel(path.replace(/^dims\.|^attn\.|^mla\.|^moe\./, (s) => (s === 'dims.' ? '' : s.replace('.', '_'))));
        o[k] = m.kind === 'str' ? this._str(v) : v;
      }
      Object.defineProperty(o, '_p', { value: p });
      if (type === 'llmsize_model') this._modelRow(o, p);
      if (type === 'llmsize_gpu') { o.memGiB = o.memBytes / GIB; o.hwClass = this.hwClasses[o.hwClass]; }
      const row = Object.freeze(o);
      this._rows.set(key, row);
      return row;
    }
    _modelRow(o, p) {
      o.id = first(o.id);
      o.hfRepos = o.hfRepos ? o.hfRepos.split('|') : [];
      o.contextWindow = o.maxCtx;
      o.checkpointFormat = first(this._str(this._get('llmsize_format', this._x.llmsize_checkpoint_format(p), 'id')));
      let params = null;   // counted on first use: listing the table stays cheap
      Object.defineProperty(o, 'params', { enumerable: true, get: () => params || (params = Object.freeze(this._params(p))) });
    }
    _params(p) {
      return this._call(() => {
        const out = this._alloc(this._size('llmsize_params'));
        this._check(this._x.llmsize_params_of(p, out));
        return this._components('llmsize_params', out);
      });
    }
    _components(type, out) {
      const by = {};
      this.components.forEach((c, i) => { by[c] = this._get(type, out, 'by_component', i); });
      const r = { byComponent: by, total: this._get(type, out, 'total'), active: this._get(type, out, 'active') };
      if (type === 'llmsize_params') r.text = this._get(type, out, 'text');
      else r.fileBytes = this._get(type, out, 'file_bytes');
      return r;
    }

    /* ---- tables ---- */
    models() { const out = []; for (let i = 0; i < this._x.llmsize_model_count(); i++) out.push(this._row('llmsize_model', this._x.llmsize_model_at(i))); return out; }
    gpus() { const out = []; for (let i = 0; i < this._x.llmsize_gpu_count(); i++) out.push(this._row('llmsize_gpu', this._x.llmsize_gpu_at(i))); return out; }
    formats() { const out = []; for (let i = 0; i < this._x.llmsize_format_count(); i++) out.push(this._row('llmsize_format', this._x.llmsize_format_at(i))); return out; }
    engines() {
      if (this._engines) return this._engines.slice();
      const x = this._x, out = [];
      for (let i = 0; i < x.llmsize_engine_count(); i++) {
        const p = x.llmsize_engine_at(i);
        const e = { id: this._str(this._get('llmsize_engine_info', p, 'id')), name: this._str(this._get('llmsize_engine_info', p, 'name')),
          splitsLayers: x.llmsize_engine_splits_layers(i) !== 0, releases: [] };
        for (let k = 0; k < x.llmsize_engine_release_count(); k++) {
          const r = x.llmsize_engine_release_at(k);
          if (this._get('llmsize_engine_release', r, 'engine') === i)
            e.releases.push({ version: this._str(this._get('llmsize_engine_release', r, 'version')), date: this._str(this._get('llmsize_engine_release', r, 'date')) });
        }
        Object.freeze(e.releases);
        out.push(Object.freeze(e));
      }
      this._engines = out;
      return out.slice();
    }

    /* ---- names ---- */
    resolve(name, options) {
      const engine = this._engine(options && options.engine).engine;
      return this._call(() => {
        const q = this._cstr('model name', name), out = this._alloc(this._size('llmsize_resolution'));
        const st = this._x.llmsize_resolve_for(q, engine, out);
        if (st !== 0) {
          const s = this._status(st).replace(/^LLMSIZE_/, '');
          if (s === 'ERR_AMBIGUOUS') throw this._unknown(AmbiguousModelError, 'model', 0, name, s, ' (it fits more than one row: name the size or the repo)');
          if (s === 'ERR_UNKNOWN_MODEL') throw this._unknown(UnknownModelError, 'model', 0, name, s);
          this._check(st, name);
        }
        const g = (f) => this._get('llmsize_resolution', out, f);
        const model = this._row('llmsize_model', g('model')), format = this._row('llmsize_format', g('format'));
        const formatFor = this._alloc(4, 4);
        const ok = this._x.llmsize_format_for(out, engine, formatFor) === 0;
        return Object.freeze({
          model, format: format ? first(format.id) : null,
          deployedFormat: ok ? first(this._str(this._get('llmsize_format', this._dv.getUint32(formatFor, true), 'id'))) : null,
          how: this._str(this._x.llmsize_how_name(g('how'))), formatFrom: this._str(this._x.llmsize_format_from_name(g('format_from'))),
          matched: this._strn(g('matched'), g('matched_len')), source: this._str(g('source')),
        });
      });
    }
    model(name, options) {
      if (name && name._p && name.params) return name;
      return this.resolve(name, options).model;
    }
    gpu(name) {
      if (name && name._p && name.bwGbs !== undefined) return name;
      return this._call(() => {
        const q = this._cstr('accelerator name', name), out = this._alloc(this._size('llmsize_gpu_resolution'));
        const st = this._x.llmsize_resolve_gpu(q, out);
        if (st !== 0) {
          const s = this._status(st).replace(/^LLMSIZE_/, '');
          if (s === 'ERR_AMBIGUOUS') throw this._unknown(AmbiguousGPUError, 'accelerator', 1, name, s, ' (it fits more than one row: name the memory or the GPU-core variant)');
          if (s === 'ERR_UNKNOWN_GPU') throw this._unknown(UnknownGPUError, 'accelerator', 1, name, s);
          this._check(st, name);
        }
        const row = this._get('llmsize_gpu_resolution', out, 'row');
        const memFrom = this._get('llmsize_gpu_resolution', out, 'memory_from');
        if (memFrom === 0) return this._row('llmsize_gpu', row);
        // a size the name states: the row with that memory, kept in a slot of its own
        const gp = this._get('llmsize_gpu_resolution', out, 'gpu');
        const o = Object.assign({}, this._row('llmsize_gpu', row));
        o.memBytes = this._get('llmsize_gpu', gp, 'mem_bytes'); o.memGiB = o.memBytes / GIB;
        o.bwGbs = this._get('llmsize_gpu', gp, 'bw_gbs'); o.id = this._str(this._get('llmsize_gpu', gp, 'id'));
        o.name = this._str(this._get('llmsize_gpu', gp, 'name'));
        Object.defineProperty(o, '_p', { value: row });
        Object.defineProperty(o, '_named', { value: name });
        return Object.freeze(o);
      });
    }
    format(name) {
      if (name && name._p && name.kind !== undefined) return name;
      return this._call(() => {
        const q = this._cstr('format', name), out = this._alloc(4, 4);
        const st = this._x.llmsize_find_format(q, out);
        if (st !== 0) throw this._unknown(UnknownFormatError, 'format', 2, name, this._status(st).replace(/^LLMSIZE_/, ''));
        return this._row('llmsize_format', this._dv.getUint32(out, true));
      });
    }
    _kv(name) {
      if (name === undefined || name === null) return 0;
      return this._call(() => {
        const q = this._cstr('KV dtype', name), out = this._alloc(4, 4);
        const st = this._x.llmsize_find_kv_dtype(q, out);
        if (st !== 0) throw this._unknown(UnknownKVDtypeError, 'KV dtype', 3, name, 'ERR_UNKNOWN_KV_DTYPE');
        return this._dv.getUint32(out, true);
      });
    }
    /* "vllm", "vllm@0.8", "llama.cpp@b6000" (+ version) -> engine code and release row. */
    _engine(spec, version) {
      if (spec === undefined || spec === null || spec === '') {
        if (version) throw new InvalidArgumentError('engineVersion needs an engine', 'ERR_INVALID_ARG');
        return { engine: 0, release: 0 };
      }
      const full = text('engine', spec) + (version ? `@${text('engineVersion', version)}` : '');
      if (version && String(spec).indexOf('@') >= 0)
        throw new InvalidArgumentError(`${spec}: give the version once, in the name or as engineVersion`, 'ERR_INVALID_ARG');
      return this._call(() => {
        const q = this._cstr('engine', full), e = this._alloc(4, 4), r = this._alloc(4, 4);
        const st = this._x.llmsize_find_engine_release(q, e, r);
        const s = this._status(st).replace(/^LLMSIZE_/, '');
        if (s === 'ERR_UNKNOWN_ENGINE') throw this._unknown(UnknownEngineError, 'engine', 5, full.split('@')[0], s);
        if (s === 'ERR_UNKNOWN_VERSION') {
          const known = [];
          for (const en of this.engines()) for (const rel of en.releases) known.push(`${en.id}@${rel.version}`);
          throw new UnknownEngineVersionError(`unknown engine version '${full}'; llmsize models: ${known.join(', ')}`, s, 'engine version', full, known);
        }
        this._check(st, full);
        return { engine: this._dv.getUint32(e, true), release: this._dv.getUint32(r, true) };
      });
    }

    /* ---- sizing ---- */
    params(model) { return this.model(model).params; }
    weights(model, format) {
      const m = this.model(model), f = this.format(format === undefined ? m.checkpointFormat : format);
      return this._call(() => {
        const out = this._alloc(this._size('llmsize_weights'));
        this._check(this._x.llmsize_weight_bytes(m._p, f._p, out), `${m.id} ${first(f.id)}`);
        return this._components('llmsize_weights', out);
      });
    }
    kvBytes(model, options) {
      const o = options || {}, m = this.model(model), d = this._kv(o.kvDtype);
      const ctx = integer('context', o.context, U64_MAX, undefined);
      if (ctx === undefined) throw new InvalidArgumentError('kvBytes needs a context', 'ERR_INVALID_ARG');
      const seqs = integer('seqs', o.seqs, BigInt(U32_MAX), 1n);
      return this._call(() => {
        const out = this._alloc(8);
        this._check(this._x.llmsize_kv_bytes(m._p, ctx, Number(seqs), d, out), m.id);
        return this._exact(this._dv.getBigUint64(out, true), 'KV bytes');
      });
    }
    quality(model, format) {
      const m = this.model(model), f = this.format(format);
      return this._call(() => {
        const out = this._alloc(this._size('llmsize_quality'));
        this._check(this._x.llmsize_quality_of(m._p, f._p, out), `${m.id} ${first(f.id)}`);
        const g = (k) => this._get('llmsize_quality', out, k), ref = g('ref');
        return Object.freeze({
          metric: this.metrics[g('metric')], confidence: this.confidences[g('confidence')], lossPct: g('loss_pct'),
          lossLowPct: g('loss_low_pct'), lossHighPct: g('loss_high_pct'), kld: g('kld'), note: this._str(g('note')),
          source: ref ? this._str(this._get('llmsize_quality_row', ref, 'source')) : null,
        });
      });
    }
    /* use: a string as the CLI and annotations write it ("commercial,mau=1e6,eu") or an object
       { commercial, mau, mauAtRelease, revenueUsd, eu, multimodal, redistribute, offered, trainOnOutputs }. */
    license(model, use) {
      const m = this.model(model);
      return this._call(() => {
        const u = this._alloc(this._size('llmsize_use'));
        if (typeof use === 'string' || use === undefined) {
          const st = this._x.llmsize_parse_use(this._cstr('use', use || ''), u);
          if (st !== 0) this._check(st, `use '${use}'`);
        } else {
          const known = ['commercial', 'mau', 'mauAtRelease', 'revenueUsd', 'eu', 'multimodal', 'redistribute', 'offered', 'trainOnOutputs'];
          for (const k of Object.keys(use)) if (known.indexOf(k) < 0) throw new InvalidArgumentError(`unknown use field '${k}'`, 'ERR_INVALID_ARG');
          for (const k of ['commercial', 'eu', 'multimodal', 'redistribute', 'offered', 'trainOnOutputs'])
            this._set('llmsize_use', u, k === 'trainOnOutputs' ? 'train_on_outputs' : k, use[k] ? 1 : 0);
          this._set('llmsize_use', u, 'mau', integer('mau', use.mau, U64_MAX, 0n));
          this._set('llmsize_use', u, 'mau_at_release', integer('mauAtRelease', use.mauAtRelease, U64_MAX, 0n));
          this._set('llmsize_use', u, 'revenue_usd', real('revenueUsd', use.revenueUsd, 0));
        }
        const out = this._alloc(this._size('llmsize_license_result'));
        this._check(this._x.llmsize_license_check(m._p, u, out), m.id);
        const g = (k) => this._get('llmsize_license_result', out, k);
        const findings = (k, n) => {
          const list = [], base = g(k), size = this._size('llmsize_finding');
          for (let i = 0; i < n; i++) {
            const f = base + i * size, h = (x) => this._get('llmsize_finding', f, x);
            list.push(Object.freeze({ verdict: this.verdicts[h('verdict')], license: this._str(h('license')), text: this._str(h('text')), clause: this._str(h('clause')) }));
          }
          return list;
        };
        return Object.freeze({ verdict: this.verdicts[g('verdict')], reasons: findings('reasons', g('n_reasons')), obligations: findings('obligations', g('n_obligations')) });
      });
    }
    speed(request) {
      const q = request || {};
      const m = this.model(q.model), g = this.gpu(q.gpu);
      const f = this.format(q.format === undefined || q.format === null ? this._formatFor(q.model, 0) : q.format);
      const kv = this._kv(q.kvDtype);
      return this._call(() => {
        const r = this._alloc(this._size('llmsize_speed_request')), out = this._alloc(this._size('llmsize_speed_result'));
        const gp = this._gpuPtr(g);
        const set = (k, v) => this._set('llmsize_speed_request', r, k, v);
        set('model', m._p); set('format', f._p); set('gpu', gp); set('kv_dtype', kv);
        set('gpus', integer('gpus', q.gpus, BigInt(U32_MAX), 0n)); set('seqs', integer('seqs', q.seqs, BigInt(U32_MAX), 0n));
        set('context', integer('context', q.context, U64_MAX, 0n)); set('prompt', integer('prompt', q.prompt, U64_MAX, 0n));
        set('gen', integer('gen', q.gen, U64_MAX, 0n));
        this._check(this._x.llmsize_speed(r, out), m.id);
        const h = (k) => this._get('llmsize_speed_result', out, k);
        return Object.freeze({ model: m.id, format: first(f.id), gpu: g.id, decodeTps: h('decode_tps'), decodeTpsLow: h('decode_tps_low'),
          decodeTpsHigh: h('decode_tps_high'), decodeTpsTotal: h('decode_tps_total'), ttftS: h('ttft_s'), e2eS: h('e2e_s'),
          bytesPerStep: h('bytes_per_step'), computeBound: h('compute_bound') });
      });
    }
    /* An accelerator with a stated memory size lives in the scratch area for one call. */
    _gpuPtr(g) {
      if (!g._named) return g._p;
      const out = this._alloc(this._size('llmsize_gpu_resolution'));
      this._check(this._x.llmsize_resolve_gpu(this._cstr('accelerator name', g._named), out));
      return this._get('llmsize_gpu_resolution', out, 'gpu');
    }
    _formatFor(name, engine) {
      if (name && name._p) return name.checkpointFormat;
      const r = this.resolve(name, { engine: this.engineIds[engine] === 'none' ? undefined : this.engineIds[engine] });
      if (!r.deployedFormat) throw new UnsupportedError(`'${name}' names a format llmsize does not know; give format`, 'ERR_UNSUPPORTED');
      return r.deployedFormat;
    }

    /* ---- serving plans ---- */
    _plan(q) {
      const known = ['model', 'gpu', 'gpus', 'format', 'context', 'seqs', 'maxSeqs', 'engine', 'engineVersion', 'kvDtype', 'memFraction', 'tightPct'];
      for (const k of Object.keys(q)) if (known.indexOf(k) < 0) throw new InvalidArgumentError(`unknown request field '${k}'`, 'ERR_INVALID_ARG');
      const e = this._engine(q.engine, q.engineVersion);
      const m = this.model(q.model, { engine: this.engineIds[e.engine] });
      const g = this.gpu(q.gpu);
      const f = this.format(q.format === undefined || q.format === null ? this._formatFor(q.model, e.engine) : q.format);
      return { m, g, f, e, kv: this._kv(q.kvDtype), q };
    }
    _writePlan(P, at) {
      const p = at || this._alloc(this._size('llmsize_plan')), q = P.q;
      const set = (k, v) => this._set('llmsize_plan', p, k, v);
      set('model', P.m._p); set('format', P.f._p); set('gpu', this._gpuPtr(P.g)); set('engine', P.e.engine); set('release', P.e.release);
      set('gpus', integer('gpus', q.gpus, 4096n, 0n)); set('context', integer('context', q.context, U64_MAX, 0n));
      set('seqs', integer('seqs', q.seqs, 1000000n, 0n)); set('max_seqs', integer('maxSeqs', q.maxSeqs, BigInt(U32_MAX), 0n));
      set('kv_dtype', P.kv); set('mem_fraction', real('memFraction', q.memFraction, 0));
      set('tight_pct', integer('tightPct', q.tightPct, 100n, 0n));
      return p;
    }
    _result(p, r, extra) {
      const x = this._x, dv = this._dv, o = {};
      const defaults = this._alloc(this._size('llmsize_plan'));
      const release = x.llmsize_plan_defaults(p, defaults) === 0 ? this._get('llmsize_plan', defaults, 'release') : 0;
      const gp = this._get('llmsize_plan', p, 'gpu');
      o.model = first(this._str(this._get('llmsize_model', this._get('llmsize_plan', p, 'model'), 'id')));
      o.format = first(this._str(this._get('llmsize_format', this._get('llmsize_plan', p, 'format'), 'id')));
      o.gpu = this._str(this._get('llmsize_gpu', gp, 'id'));
      o.engine = this.engineIds[this._get('llmsize_plan', p, 'engine')];
      o.engineVersion = release ? this._str(this._get('llmsize_engine_release', release, 'version')) : '';
      for (const f of this._fields) {
        const at = r + f.offset, k = camel(f.name);
        if (f.kind === 0) o[k] = dv.getInt32(at, true) !== 0;
        else if (f.kind === 1) o[k] = dv.getUint32(at, true);
        else if (f.kind === 2) o[k] = this._exact(dv.getBigUint64(at, true), f.name);
        else if (f.kind === 3) o[k] = this._exact(dv.getBigInt64(at, true), f.name);
        else o[k] = dv.getFloat64(at, true);
      }
      o.outcome = this.outcomes[o.outcome];
      const ms = this._alloc(4, 4);
      o.maxSeqs = x.llmsize_plan_max_seqs(p, ms) === 0 ? dv.getUint32(ms, true) : 0;
      o.suggestion = null;
      if (!o.fits) {
        const s = this._alloc(this._size('llmsize_suggestion'));
        if (x.llmsize_plan_suggest(p, s) === 0) {
          const fp = this._get('llmsize_suggestion', s, 'format');
          o.suggestion = Object.freeze({ format: fp ? first(this._str(this._get('llmsize_format', fp, 'id'))) : null,
            gpus: this._get('llmsize_suggestion', s, 'gpus'), context: this._get('llmsize_suggestion', s, 'context'),
            seqs: this._get('llmsize_suggestion', s, 'seqs') });
        }
      }
      Object.assign(o, extra || {});
      return Object.freeze(o);
    }
    _fitPlan(p) {
      const r = this._alloc(this._size('llmsize_plan_result'));
      const st = this._x.llmsize_plan_fit(p, r);
      if (st !== 0) {
        const why = this._alloc(4, 4);
        this._x.llmsize_plan_check(p, why);
        const w = this._str(this._dv.getUint32(why, true));
        this._check(st, w || undefined);
      }
      return r;
    }
    /* One deployment under an engine's rules: { model, gpu, gpus, format, context, seqs,
       maxSeqs, engine ('vllm', 'vllm@0.8', ...), engineVersion, kvDtype, memFraction }. Zero
       or absent means the engine's default; the model is sized as released. */
    fit(request) {
      const P = this._plan(request || {});
      return this._call(() => { const p = this._writePlan(P); return this._result(p, this._fitPlan(p)); });
    }
    maxContext(request) {
      const P = this._plan(request || {});
      return this._call(() => {
        const p = this._writePlan(P), out = this._alloc(8);
        this._check(this._x.llmsize_plan_max_context(p, out));
        return this._exact(this._dv.getBigUint64(out, true), 'max context');
      });
    }
    maxSeqs(request) {
      const P = this._plan(request || {});
      return this._call(() => {
        const p = this._writePlan(P), out = this._alloc(4, 4);
        this._check(this._x.llmsize_plan_max_seqs(p, out));
        return this._dv.getUint32(out, true);
      });
    }
    minGpus(request, maxGpus) {
      const P = this._plan(Object.assign({}, request || {}, { gpus: undefined }));
      const cap = Number(integer('maxGpus', maxGpus, 4096n, 64n));
      return this._call(() => {
        const p = this._writePlan(P), out = this._alloc(4, 4);
        this._check(this._x.llmsize_plan_min_gpus(p, cap, out));
        return this._dv.getUint32(out, true);
      });
    }
    /* An engine's command line ("vllm serve M --max-model-len 8192 -tp 2", or its argv) on
       `gpu`: what the engine does. options: { gpu, gpus (the node's), env ({OLLAMA_*, VLLM_*}),
       engineVersion }. ParseError names a malformed flag; ignoredFlags lists flags llmsize
       does not model. */
    planFromArgs(args, options) {
      const o = options || {};
      const argv = typeof args === 'string' ? splitCommand(args) : Array.from(args || []);
      if (!argv.length) throw new InvalidArgumentError('planFromArgs needs a command line', 'ERR_INVALID_ARG');
      const env = Object.entries(o.env || {}).map(([k, v]) => `${text('env name', k)}=${text('env value', String(v))}`);
      const g = this.gpu(o.gpu);
      const gpus = integer('gpus', o.gpus, 4096n, 0n);
      return this._call(() => {
        const av = this._alloc(4 * argv.length, 4), ev = this._alloc(4 * env.length + 4, 4), dv0 = () => this._dv;
        argv.forEach((a, i) => dv0().setUint32(av + 4 * i, this._cstr('argument', a), true));
        env.forEach((a, i) => dv0().setUint32(ev + 4 * i, this._cstr('environment', a), true));
        const parsed = this._alloc(this._size('llmsize_parsed'));
        const st = this._x.llmsize_parse_command(argv.length, av, env.length, ev, parsed);
        const h = (k, i) => this._get('llmsize_parsed', parsed, k, i);
        const s = this._status(st).replace(/^LLMSIZE_/, '');
        if (s === 'ERR_PARSE') { const fl = this._str(h('error_flag')) || ''; throw new ParseError(`cannot parse the value of ${fl}`, s, fl); }
        if (s === 'ERR_UNKNOWN_ENGINE') throw this._unknown(UnknownEngineError, 'engine', 5, argv[0], s);
        this._check(st);
        const p = h('plan');
        const modelArg = this._strn(h('model_arg'), h('model_arg_len'));
        if (!this._get('llmsize_plan', p, 'model')) {
          const rs = this._status(h('resolve_status')).replace(/^LLMSIZE_/, '');
          throw this._unknown(rs === 'ERR_AMBIGUOUS' ? AmbiguousModelError : UnknownModelError, 'model', 0, modelArg || '', rs);
        }
        if (!this._get('llmsize_plan', p, 'format'))
          throw new UnsupportedError('the command line does not say the weight format; name it with the engine\'s flag', 'ERR_UNSUPPORTED');
        if (o.engineVersion) {
          const e = this._get('llmsize_plan', p, 'engine');
          const P = this._engine(this.engineIds[e], o.engineVersion);
          this._set('llmsize_plan', p, 'release', P.release);
        }
        const tp = this._get('llmsize_plan', p, 'tp'), pp = Math.max(this._get('llmsize_plan', p, 'pp'), 1), dpar = Math.max(this._get('llmsize_plan', p, 'dp'), 1);
        if (tp && gpus && BigInt(tp * pp * dpar) > gpus)
          throw new InvalidArgumentError(`the command runs on ${tp * pp * dpar} GPUs (tp ${tp} x pp ${pp} x dp ${dpar}); the node has ${gpus}`, 'ERR_INVALID_ARG');
        if (!tp) this._set('llmsize_plan', p, 'gpus', gpus);   // the engine lays them out (llama.cpp: layers split)
        this._set('llmsize_plan', p, 'gpu', this._gpuPtr(g));
        const ignored = [];
        for (let i = 0; i < Math.min(h('unknown_flags'), this._member('llmsize_parsed', 'unknown_flag').count); i++)
          ignored.push(this._strn(h('unknown_flag', i), h('unknown_flag_len', i)));
        return this._result(p, this._fitPlan(p), { ignoredFlags: Object.freeze(ignored) });
      });
    }
    /* Close matches from a table: 'models', 'gpus', 'formats', 'kvDtypes', 'licenses', 'engines'. */
    suggest(table, query) {
      const t = ['models', 'gpus', 'formats', 'kvDtypes', 'licenses', 'engines'].indexOf(table);
      if (t < 0) throw new InvalidArgumentError(`unknown table '${table}'`, 'ERR_INVALID_ARG');
      return this._suggest(t, query);
    }
  }

  function instantiate(module) {
    return new Llmsize(new WebAssembly.Instance(module, {}));
  }
  const isNode = typeof process === 'object' && process.versions && process.versions.node && typeof require === 'function';
  function nodeBytes() {
    const fs = require('fs'), path = require('path');
    return fs.readFileSync(path.join(__dirname, 'llmsize.wasm'));
  }
  /* web/llmsize-wasm.js (make web) holds the module gzip-compressed, in base64: a script
     loads from file:// where fetch cannot, and a third of the bytes parse faster. Resolves
     to the module's bytes, or null when the page embeds none. */
  function embedded() {
    const b64 = typeof globalThis !== 'undefined' && globalThis.LLMSIZE_WASM_GZIP;
    if (!b64) return null;
    let gz;
    if (typeof Uint8Array.fromBase64 === 'function') gz = Uint8Array.fromBase64(b64);
    else {
      const bin = atob(b64);
      gz = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
    }
    return new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  /* A page that embeds the module (web/llmsize-wasm.js before this script) starts compiling
     it now, while the rest of the page loads; load() then takes the compiled module. */
  let early = null;
  if (!isNode && typeof WebAssembly === 'object' && typeof DecompressionStream === 'function' && globalThis.LLMSIZE_WASM_GZIP) {
    try { early = embedded().then((b) => WebAssembly.compile(b)); early.catch(() => {}); } catch (e) { early = null; }
  }
  /* The library, ready: load() resolves to it. source: the module's bytes, a Response or a
     URL; by default the llmsize.wasm beside this file (Node), or in browsers the embedded
     copy or a fetch of llmsize.wasm. */
  async function load(source) {
    if (source === undefined && early) {
      try { return instantiate(await early); } catch (e) { /* compile again below, and report that error */ }
    }
    let bytes = source;
    if (bytes === undefined) bytes = isNode ? nodeBytes() : (embedded() || fetch('llmsize.wasm'));
    if (typeof bytes === 'string' || (typeof URL !== 'undefined' && bytes instanceof URL)) bytes = fetch(bytes);
    bytes = await bytes;
    if (typeof Response !== 'undefined' && bytes instanceof Response) {
      if (!bytes.ok) throw new LlmsizeError(`cannot load llmsize.wasm: HTTP ${bytes.status}`);
      bytes = await bytes.arrayBuffer();
    }
    return instantiate(await WebAssembly.compile(bytes));
  }
  /* Node, or any runtime given the module's bytes (browsers compile large modules only
     asynchronously on the main thread: use load() there). */
  function loadSync(bytes) {
    const b = bytes || (isNode ? nodeBytes() : null);
    if (!b) throw new LlmsizeError('loadSync needs the module\'s bytes outside Node; use load()');
    return instantiate(new WebAssembly.Module(b));
  }

  return {
    load, loadSync, splitCommand, GIB,
    LlmsizeError, UnknownNameError, UnknownModelError, AmbiguousModelError, UnknownGPUError, AmbiguousGPUError,
    UnknownFormatError, UnknownKVDtypeError, UnknownEngineError, UnknownEngineVersionError, UnknownLicenseError,
    InvalidArgumentError, InvalidModelError, ParseError, UnsupportedError, LlmsizeOverflowError,
  };
}));
