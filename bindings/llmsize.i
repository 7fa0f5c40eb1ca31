/* llmsize.i: the one SWIG interface for every binding (Python, Go). It wraps llmsize.h
   compiled as a private static copy, plus a few helpers that turn out-parameters and
   fixed arrays into values each language can hold. No sizing math lives here: every
   helper calls the library. Regenerate with `make bindings` (SWIG 4.1.0). */
%module(package="llmsize") core

%{
#define LLMSIZE_STATIC
#define LLMSIZE_IMPLEMENTATION
#include "llmsize.h"
#include <stdlib.h>
#include <string.h>
%}

%include <stdint.i>

/* the library's own declarations */
/* Prepared plans are the C caller's fast path (schedulers, sweeps); the bindings' sweep
   (llmsize_sweep_run below) folds the weights once per model x format itself. */
%ignore llmsize_prepared;
%ignore llmsize__host_table;   /* a prepared plan's working state, and its sizes */
%ignore LLMSIZE__MAX_GROUPS;
%ignore LLMSIZE__HOST_LAYERS;
%ignore llmsize_prepare;
%ignore llmsize_prepared_fit;
%ignore llmsize_prepared_grid;
%ignore llmsize_grid_columns;
%ignore LLMSIZE_COLUMN_MAX_CONTEXT;
%ignore LLMSIZE_COLUMN_DECODE;
%ignore LLMSIZE_COLUMN_ALL;
%ignore llmsize_find_model;
%ignore llmsize_resolve;
%ignore llmsize_resolve_gpu;
%ignore llmsize_describe_gpu;
%ignore llmsize_resolve_for;
%ignore llmsize_format_for;
%ignore llmsize_find_gpu;
%ignore llmsize_find_format;
%ignore llmsize_find_kv_dtype;
%ignore llmsize_find_license;
%ignore llmsize_find_engine;
%ignore llmsize_find_engine_release;
%ignore llmsize_find_engine_version;
%ignore llmsize_suggest;
%ignore llmsize_select;
%ignore llmsize_parse_command;
%ignore llmsize_model_from_hf_config;
%ignore llmsize_license_result::reasons;
%ignore llmsize_license_result::obligations;
%ignore llmsize_parsed;
/* Every struct reads-only from the bindings: table rows are const memory, and inputs are
   built by the *_make helpers below (no setters, so no string-copying member setters). */
%immutable;
%include "llmsize.h"

/* llmsize_select_run and llmsize_sweep_run return memory the binding frees with
   llmsize_selection_free / llmsize_sweep_free (not %newobject: the rows are separate). */

#ifdef SWIGPYTHON
%typemap(out) llmsize_blob { $result = PyBytes_FromStringAndSize($1.data ? $1.data : "", (Py_ssize_t)$1.size); }
#endif

%inline %{
/* ---- results with their status: a binding raises on status, never reads a zeroed value ---- */
typedef struct llmsize_params_out { int status; llmsize_params value; } llmsize_params_out;
typedef struct llmsize_weights_out { int status; llmsize_weights value; } llmsize_weights_out;
typedef struct llmsize_u64_out { int status; uint64_t value; } llmsize_u64_out;
typedef struct llmsize_speed_out { int status; llmsize_speed_result value; } llmsize_speed_out;
typedef struct llmsize_plan_out { int status; llmsize_plan_result value; } llmsize_plan_out;
typedef struct llmsize_suggestion_out { int status; llmsize_suggestion value; } llmsize_suggestion_out;
typedef struct llmsize_quality_out { int status; llmsize_quality value; } llmsize_quality_out;
typedef struct llmsize_license_out { int status; llmsize_license_result value; } llmsize_license_out;
typedef struct llmsize_claim_out { int status; llmsize_claim_check value; } llmsize_claim_out;
typedef struct llmsize_format_out { int status; const llmsize_format *format; llmsize_quality quality; } llmsize_format_out;

llmsize_params_out llmsize_params_get(const llmsize_model *m) { llmsize_params_out r; r.status = llmsize_params_of(m, &r.value); return r; }
llmsize_weights_out llmsize_weights_get(const llmsize_model *m, const llmsize_format *f) {
    llmsize_weights_out r; r.status = llmsize_weight_bytes(m, f, &r.value); return r;
}
typedef struct llmsize_mix_out { int status; llmsize_gguf_mix value; } llmsize_mix_out;
llmsize_mix_out llmsize_gguf_mix_get(const llmsize_model *m, const llmsize_format *f) {
    llmsize_mix_out r; r.status = llmsize_gguf_mix_of(m, f, &r.value); return r;
}
/* Which field a malformed plan or model broke, and how ("" when it is fine). */
const char *llmsize_plan_why(const llmsize_plan *p) { const char *w = NULL; (void)llmsize_plan_check(p, &w); return w ? w : ""; }
const char *llmsize_model_why(const llmsize_model *m) { const char *w = NULL; (void)llmsize_model_check(m, &w); return w ? w : ""; }
/* arrays do not cross SWIG well: one entry at a time (0 past the end) */
uint64_t llmsize_params_component(const llmsize_params *p, uint32_t c) {
    return p && c < LLMSIZE_COMPONENT_COUNT ? p->by_component[c] : 0;
}
uint64_t llmsize_weights_component(const llmsize_weights *w, uint32_t c) {
    return w && c < LLMSIZE_COMPONENT_COUNT ? w->by_component[c] : 0;
}
uint32_t llmsize_mix_tensors(const llmsize_gguf_mix *x, uint32_t type) { return x && type < LLMSIZE_GGML_TYPE_COUNT ? x->tensors[type] : 0; }
uint64_t llmsize_mix_bytes(const llmsize_gguf_mix *x, uint32_t type) { return x && type < LLMSIZE_GGML_TYPE_COUNT ? x->bytes[type] : 0; }
llmsize_u64_out llmsize_activation_get(const llmsize_model *m, uint64_t batch, uint64_t seq, int eager) {
    llmsize_u64_out r; r.status = llmsize_activation_bytes(m, batch, seq, eager, &r.value); return r;
}
llmsize_u64_out llmsize_kv_get(const llmsize_model *m, uint64_t context, uint32_t seqs, int dtype) {
    llmsize_u64_out r; r.status = llmsize_kv_bytes(m, context, seqs, (llmsize_kv_dtype)dtype, &r.value); return r;
}
llmsize_speed_out llmsize_speed_get(const llmsize_model *m, const llmsize_format *f, const llmsize_gpu *a, uint32_t gpus,
                                    int kv_dtype, uint64_t context, uint64_t prompt, uint64_t gen, uint32_t seqs) {
    llmsize_speed_out r;
    llmsize_speed_request q;
    memset(&q, 0, sizeof q);
    q.model = m; q.format = f; q.gpu = a; q.gpus = gpus; q.kv_dtype = (uint32_t)kv_dtype; q.context = context;
    q.prompt = prompt; q.gen = gen; q.seqs = seqs;
    r.status = llmsize_speed(&q, &r.value);
    return r;
}
llmsize_plan llmsize_plan_make(const llmsize_model *m, const llmsize_format *f, const llmsize_gpu *a, int engine,
                               uint32_t tp, uint32_t pp, uint32_t dp, uint32_t gpus, uint64_t context, uint32_t seqs, int kv_dtype,
                               double mem_fraction, uint64_t batched_tokens, uint32_t ubatch, uint32_t block_size,
                               int32_t gpu_layers, uint32_t cpu_moe_layers, uint32_t cpu_moe_first, double host_bw_gbs, uint32_t flags,
                               uint32_t tight_pct, uint64_t kv_pool_bytes, const llmsize_engine_release *release,
                               uint32_t max_seqs) {
    llmsize_plan p;
    memset(&p, 0, sizeof p);
    p.model = m; p.format = f; p.gpu = a; p.engine = (uint32_t)engine; p.tp = tp; p.pp = pp; p.dp = dp; p.gpus = gpus;
    p.context = context; p.seqs = seqs; p.kv_dtype = (uint32_t)kv_dtype; p.mem_fraction = mem_fraction;
    p.batched_tokens = batched_tokens; p.ubatch = ubatch; p.block_size = block_size; p.gpu_layers = gpu_layers;
    p.cpu_moe_layers = cpu_moe_layers; p.cpu_moe_first = cpu_moe_first; p.host_bw_gbs = host_bw_gbs; p.flags = flags; p.tight_pct = tight_pct;
    p.kv_pool_bytes = kv_pool_bytes; p.release = release; p.max_seqs = max_seqs;
    return p;
}
llmsize_plan_out llmsize_plan_get(const llmsize_plan *p) { llmsize_plan_out r; r.status = llmsize_plan_fit(p, &r.value); return r; }
llmsize_u64_out llmsize_plan_max_context_get(const llmsize_plan *p) {
    llmsize_u64_out r; r.status = llmsize_plan_max_context(p, &r.value); return r;
}
llmsize_u64_out llmsize_plan_most_seqs_get(const llmsize_plan *p) {
    llmsize_u64_out r; uint32_t n = 0; r.status = llmsize_plan_max_seqs(p, &n); r.value = n; return r;
}
llmsize_u64_out llmsize_plan_min_gpus_get(const llmsize_plan *p, uint32_t max_gpus) {
    llmsize_u64_out r; uint32_t n = 0; r.status = llmsize_plan_min_gpus(p, max_gpus, &n); r.value = n; return r;
}
llmsize_suggestion_out llmsize_plan_suggest_get(const llmsize_plan *p) {
    llmsize_suggestion_out r; r.status = llmsize_plan_suggest(p, &r.value); return r;
}
llmsize_format_out llmsize_plan_best_format_get(const llmsize_plan *p, double min_tps) {
    llmsize_format_out r; r.format = NULL; r.status = llmsize_plan_best_format(p, min_tps, NULL, 0, &r.format, &r.quality); return r;
}
llmsize_quality_out llmsize_quality_get(const llmsize_model *m, const llmsize_format *f) {
    llmsize_quality_out r; r.status = llmsize_quality_of(m, f, &r.value); return r;
}
llmsize_format_out llmsize_best_format_get(const llmsize_model *m, uint64_t budget) {
    llmsize_format_out r; r.format = NULL; r.status = llmsize_best_format(m, budget, NULL, 0, &r.format, &r.quality); return r;
}
llmsize_use llmsize_use_make(int commercial, uint64_t mau, uint64_t mau_at_release, double revenue_usd, int eu,
                             int multimodal, int redistribute, int train_on_outputs, int offered) {
    llmsize_use u;
    memset(&u, 0, sizeof u);
    u.commercial = commercial; u.mau = mau; u.mau_at_release = mau_at_release; u.revenue_usd = revenue_usd; u.eu = eu;
    u.multimodal = multimodal; u.redistribute = redistribute; u.train_on_outputs = train_on_outputs; u.offered = offered;
    return u;
}
llmsize_license_out llmsize_license_get(const llmsize_model *m, const llmsize_use *u) {
    llmsize_license_out r; r.status = llmsize_license_check(m, u, &r.value); return r;
}
llmsize_claim_out llmsize_claim_get(const llmsize_model *m, const llmsize_format *f, const llmsize_gpu *a, uint64_t bytes,
                                    double tps) {
    llmsize_claim_out r;
    llmsize_claim c;
    memset(&c, 0, sizeof c);
    c.model = m; c.format = f; c.gpu = a; c.bytes = bytes; c.tps = tps;
    r.status = llmsize_check_claim(&c, &r.value);
    return r;
}

/* Lookups: NULL / -1 when the name is unknown (the wrapper then asks for close names). */
const llmsize_model *llmsize_model_named(const char *name) { const llmsize_model *m = NULL; llmsize_find_model(name, &m); return m; }
const llmsize_gpu *llmsize_gpu_named(const char *name) { const llmsize_gpu *a = NULL; llmsize_find_gpu(name, &a); return a; }
const llmsize_format *llmsize_format_named(const char *name) { const llmsize_format *f = NULL; llmsize_find_format(name, &f); return f; }
const llmsize_license *llmsize_license_named(const char *name) { const llmsize_license *l = NULL; llmsize_find_license(name, &l); return l; }
int llmsize_engine_named(const char *name) { llmsize_engine e; return llmsize_find_engine(name, &e) == LLMSIZE_OK ? (int)e : -1; }
/* An engine with its version ("vllm@0.6"; version may also come apart, "" = none): the
   engine and the release whose rules apply (status first). */
typedef struct llmsize_release_out { int status; int engine; const llmsize_engine_release *release; } llmsize_release_out;
llmsize_release_out llmsize_engine_release_get(const char *spec, const char *version) {
    llmsize_release_out r;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    memset(&r, 0, sizeof r);
    r.status = llmsize_find_engine_release(spec, &e, &r.release);
    if (r.status == LLMSIZE_OK && version && *version)
        r.status = strchr(spec, '@') ? LLMSIZE_ERR_INVALID_ARG : llmsize_find_engine_version((uint32_t)e, version, &r.release);
    r.engine = (int)e;
    return r;
}
int llmsize_kv_dtype_named(const char *name) { llmsize_kv_dtype d; return llmsize_find_kv_dtype(name, &d) == LLMSIZE_OK ? (int)d : -1; }

/* The one resolver: a model name as people write it -> row, format, how (status first). */
typedef struct llmsize_resolution_out {
    int status;
    const llmsize_model *model;
    const llmsize_format *format;       /* NULL: the name names a format the table lacks */
    int how, format_from;
    char matched[256];
} llmsize_resolution_out;
llmsize_resolution_out llmsize_resolve_get(const char *name, int engine) {
    llmsize_resolution_out r;
    llmsize_resolution res;
    size_t n;
    memset(&r, 0, sizeof r);
    r.status = llmsize_resolve_for(name, engine < 0 ? 0u : (uint32_t)engine, &res);
    if (r.status != LLMSIZE_OK) return r;
    r.model = res.model; r.format = res.format; r.how = (int)res.how; r.format_from = (int)res.format_from;
    n = res.matched_len < sizeof r.matched - 1 ? res.matched_len : sizeof r.matched - 1;
    memcpy(r.matched, res.matched, n);
    return r;
}
/* The format a deployment of `name` on `engine` loads when nobody names one (NULL: the name
   names a format the table lacks); with name NULL or "", of model m as its checkpoint ships. */
const llmsize_format *llmsize_default_format(const char *name, const llmsize_model *m, int engine) {
    llmsize_resolution res;
    const llmsize_format *f = NULL;
    if (engine < 0) engine = 0;
    if (name && *name) {
        if (llmsize_resolve_for(name, (uint32_t)engine, &res) != LLMSIZE_OK) return NULL;
    } else {
        memset(&res, 0, sizeof res);
        res.model = m; res.format = llmsize_checkpoint_format(m); res.format_from = LLMSIZE_FROM_CHECKPOINT;
    }
    llmsize_format_for(&res, (uint32_t)engine, &f);
    return f;
}

/* An accelerator by any name (chip + memory size too), or one described by its figures. */
typedef struct llmsize_gpu_out { int status; llmsize_gpu_resolution value; } llmsize_gpu_out;
llmsize_gpu_out llmsize_resolve_gpu_get(const char *name) {
    llmsize_gpu_out r; r.status = llmsize_resolve_gpu(name, &r.value); return r;
}
llmsize_gpu_out llmsize_describe_gpu_get(double mem_gib, double bw_gbs, double bf16_tflops, int hw_class) {
    llmsize_gpu_out r;
    memset(&r, 0, sizeof r);
    r.status = hw_class < 0 ? LLMSIZE_ERR_INVALID_ARG
                            : llmsize_describe_gpu(mem_gib, bw_gbs, bf16_tflops, (uint32_t)hw_class, &r.value.gpu);
    r.value.memory_from = LLMSIZE_MEMORY_DESCRIBED;
    return r;
}

/* Up to three close names, '|'-separated. */
typedef struct llmsize_names { char text[512]; } llmsize_names;
llmsize_names llmsize_close_names(int table, const char *query) {
    llmsize_names r;
    const char *s[3];
    size_t n = llmsize_suggest((llmsize_table)table, query, s, 3), i, at = 0;
    memset(&r, 0, sizeof r);
    for (i = 0; i < n; ++i) {
        size_t len = strcspn(s[i], "|");
        if (at + len + 2 >= sizeof r.text) break;
        if (i) r.text[at++] = '|';
        memcpy(r.text + at, s[i], len);
        at += len;
    }
    return r;
}

/* A model described by a config.json; status LLMSIZE_OK when `model` is usable. */
typedef struct llmsize_model_result { int status; llmsize_model model; } llmsize_model_result;
llmsize_model_result llmsize_model_from_json(const char *json) {
    llmsize_model_result r;
    r.status = llmsize_model_from_hf_config(json, json ? strlen(json) : 0, &r.model);
    return r;
}

llmsize_finding llmsize_license_reason(const llmsize_license_result *r, int i) {
    llmsize_finding f;
    memset(&f, 0, sizeof f);
    if (r && i >= 0 && (uint32_t)i < r->n_reasons && i < LLMSIZE_MAX_FINDINGS) f = r->reasons[i];
    return f;
}
llmsize_finding llmsize_license_obligation(const llmsize_license_result *r, int i) {
    llmsize_finding f;
    memset(&f, 0, sizeof f);
    if (r && i >= 0 && (uint32_t)i < r->n_obligations && i < LLMSIZE_MAX_FINDINGS) f = r->obligations[i];
    return f;
}

/* A command line split on '\x1f' (and KEY=VALUE environment entries likewise), parsed;
   strings copied so the result outlives the arguments. */
typedef struct llmsize_parse_result {
    int status;
    llmsize_plan plan;
    char model_arg[256], quant_arg[64], error_flag[128];
    unsigned unknown_flags;
    char unknown_names[512];   /* the first LLMSIZE_MAX_UNKNOWN_FLAGS unknown flags, space-separated */
} llmsize_parse_result;
static size_t llmsize__split(char *s, const char **out, size_t cap) {
    size_t n = 0;
    char *p = s;
    if (!*s) return 0;
    while (n < cap) {
        out[n++] = p;
        p = strchr(p, '\x1f');
        if (!p) break;
        *p++ = '\0';
    }
    return n;
}
static void llmsize__copy(char *dst, size_t cap, const char *src, size_t len) {
    if (!src) { dst[0] = '\0'; return; }
    if (len >= cap) len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}
llmsize_parse_result llmsize_parse_args(const char *args, const char *env) {
    llmsize_parse_result r;
    llmsize_parsed ps;
    const char *argv[256], *envv[256];
    char *a = NULL, *e = NULL;
    size_t argc, envc;
    memset(&r, 0, sizeof r);
    a = (char *)malloc(strlen(args ? args : "") + 1);
    e = (char *)malloc(strlen(env ? env : "") + 1);
    if (!a || !e) { free(a); free(e); r.status = LLMSIZE_ERR_INVALID_ARG; return r; }
    strcpy(a, args ? args : "");
    strcpy(e, env ? env : "");
    argc = llmsize__split(a, argv, 256);
    envc = llmsize__split(e, envv, 256);
    r.status = llmsize_parse_command(argc, argv, envc, envv, &ps);
    r.plan = ps.plan;
    llmsize__copy(r.model_arg, sizeof r.model_arg, ps.model_arg, ps.model_arg_len);
    llmsize__copy(r.quant_arg, sizeof r.quant_arg, ps.quant_arg, ps.quant_arg_len);
    llmsize__copy(r.error_flag, sizeof r.error_flag, ps.error_flag, ps.error_flag ? strlen(ps.error_flag) : 0);
    r.unknown_flags = ps.unknown_flags;
    {
        uint32_t k;
        size_t used = 0;
        for (k = 0; k < ps.unknown_flags && k < LLMSIZE_MAX_UNKNOWN_FLAGS; ++k) {
            const size_t n = ps.unknown_flag_len[k];
            if (used + n + 2 > sizeof r.unknown_names) break;
            if (used) r.unknown_names[used++] = ' ';
            memcpy(r.unknown_names + used, ps.unknown_flag[k], n);
            used += n;
        }
        r.unknown_names[used] = '\0';
    }
    free(a);
    free(e);
    return r;
}

/* The models a selection ranks: rows of the table or models read from a config.json,
   resolved by the binding (llmsize_select_request.models). */
typedef struct llmsize_model_list {
    size_t n;
    const llmsize_model **items;
} llmsize_model_list;
llmsize_model_list *llmsize_model_list_new(int n) {
    llmsize_model_list *l;
    if (n < 1 || n > 65536) return NULL;
    if (!(l = (llmsize_model_list *)calloc(1, sizeof *l))) return NULL;
    if (!(l->items = (const llmsize_model **)calloc((size_t)n, sizeof *l->items))) { free(l); return NULL; }
    l->n = (size_t)n;
    return l;
}
int llmsize_model_list_set(llmsize_model_list *l, int i, const llmsize_model *m) {
    if (!l || !m) return LLMSIZE_ERR_NULL;
    if (i < 0 || (size_t)i >= l->n) return LLMSIZE_ERR_INVALID_ARG;
    l->items[i] = m;
    return LLMSIZE_OK;
}
void llmsize_model_list_free(llmsize_model_list *l) { if (l) free(l->items); free(l); }

/* Selection over the table (models NULL) or a list, held by the binding. */
#define LLMSIZE_SELECTION_CAP 1024
typedef struct llmsize_selection {
    int status;
    size_t n, candidates;
    llmsize_candidate items[LLMSIZE_SELECTION_CAP];
} llmsize_selection;
llmsize_selection *llmsize_select_run(const llmsize_gpu *gpu, uint32_t gpus, int engine, uint32_t seqs,
                                      uint64_t context, int kv_dtype, double min_tps, int quality_metric,
                                      double max_loss_pct, const llmsize_format *min_format, const llmsize_use *use,
                                      int strict_license, const char *origin_exclude, const char *origin_require,
                                      uint32_t tasks, const llmsize_model_list *models) {
    llmsize_select_request q;
    llmsize_selection *s = (llmsize_selection *)calloc(1, sizeof *s);
    if (!s) return NULL;
    memset(&q, 0, sizeof q);
    q.gpu = gpu; q.gpus = gpus; q.engine = (uint32_t)engine; q.seqs = seqs; q.context = context;
    q.kv_dtype = (uint32_t)kv_dtype; q.min_tps = min_tps; q.quality_metric = (uint32_t)quality_metric;
    q.max_loss_pct = max_loss_pct; q.min_format = min_format; q.use = use; q.strict_license = strict_license;
    q.origin_exclude = origin_exclude && *origin_exclude ? origin_exclude : NULL;
    q.origin_require = origin_require && *origin_require ? origin_require : NULL;
    q.tasks = tasks;
    if (models) {   /* more than the selection holds would be cut short: refused */
        if (models->n > LLMSIZE_SELECTION_CAP) { s->status = LLMSIZE_ERR_INVALID_ARG; return s; }
        q.models = models->items; q.n_models = models->n;
    }
    s->status = llmsize_select(&q, s->items, LLMSIZE_SELECTION_CAP, &s->n, &s->candidates);
    return s;
}
llmsize_candidate llmsize_selection_at(const llmsize_selection *s, int i) {
    llmsize_candidate c;
    memset(&c, 0, sizeof c);
    if (s && i >= 0 && (size_t)i < s->n) c = s->items[i];
    return c;
}
void llmsize_selection_free(llmsize_selection *s) { free(s); }

/* One call, many plans: every model x format x accelerator x context ('|'-separated
   names; contexts as decimal numbers), packed rows a binding unpacks into columns. */
typedef struct llmsize_sweep_row {
    int32_t model, format, gpu, status;   /* indices into the lists given; status      */
    uint64_t context, weight_bytes, kv_bytes, activation_bytes, overhead_bytes, total_bytes, usable_bytes;
    int64_t headroom_bytes;
    uint64_t max_context;
    double decode_tps;
    int32_t fits, tight;
} llmsize_sweep_row;
typedef struct llmsize_sweep {
    int status;            /* LLMSIZE_OK, or the first unknown name's table error     */
    char bad_name[128];    /* that name                                               */
    size_t n;              /* rows                                                    */
    llmsize_sweep_row *rows;
} llmsize_sweep;
static size_t llmsize__count(const char *s) { size_t n = *s ? 1 : 0; for (; *s; ++s) n += *s == '|'; return n; }
static void llmsize__nth(const char *s, size_t i, char *out, size_t cap) {
    while (i && *s) { if (*s++ == '|') --i; }
    llmsize__copy(out, cap, s, strcspn(s, "|"));
}
llmsize_sweep *llmsize_sweep_run(const char *models, const char *formats, const char *gpus, const char *contexts,
                                 int engine, int seqs, int kv_dtype) {
    llmsize_sweep *w = (llmsize_sweep *)calloc(1, sizeof *w);
    size_t nm, nf, na, nc, i, j, k, c, at = 0;
    const llmsize_model **m = NULL;
    const llmsize_format **f = NULL;
    const llmsize_gpu **a = NULL;
    uint64_t *ctx = NULL;
    char name[128];
    if (!w) return NULL;
    if (!models || !formats || !gpus || !contexts) { w->status = LLMSIZE_ERR_NULL; return w; }   /* core.llmsize_sweep_run(None, ...) */
    nm = llmsize__count(models); nf = llmsize__count(formats); na = llmsize__count(gpus); nc = llmsize__count(contexts);
    m = (const llmsize_model **)calloc(nm + 1, sizeof *m); f = (const llmsize_format **)calloc(nf + 1, sizeof *f);
    a = (const llmsize_gpu **)calloc(na + 1, sizeof *a); ctx = (uint64_t *)calloc(nc + 1, sizeof *ctx);
    w->rows = (llmsize_sweep_row *)calloc(nm * nf * na * nc + 1, sizeof *w->rows);
    if (!m || !f || !a || !ctx || !w->rows) { w->status = LLMSIZE_ERR_INVALID_ARG; goto done; }
    for (i = 0; i < nm && !w->status; ++i) { llmsize__nth(models, i, name, sizeof name); if (llmsize_find_model(name, &m[i])) { w->status = LLMSIZE_ERR_UNKNOWN_MODEL; llmsize__copy(w->bad_name, sizeof w->bad_name, name, strlen(name)); } }
    for (i = 0; i < nf && !w->status; ++i) { llmsize__nth(formats, i, name, sizeof name); if (llmsize_find_format(name, &f[i])) { w->status = LLMSIZE_ERR_UNKNOWN_FORMAT; llmsize__copy(w->bad_name, sizeof w->bad_name, name, strlen(name)); } }
    for (i = 0; i < na && !w->status; ++i) { llmsize__nth(gpus, i, name, sizeof name); if (llmsize_find_gpu(name, &a[i])) { w->status = LLMSIZE_ERR_UNKNOWN_GPU; llmsize__copy(w->bad_name, sizeof w->bad_name, name, strlen(name)); } }
    for (i = 0; i < nc && !w->status; ++i) {
        char *end;
        llmsize__nth(contexts, i, name, sizeof name);
        ctx[i] = strtoull(name, &end, 10);
        if (*end || !ctx[i]) { w->status = LLMSIZE_ERR_INVALID_ARG; llmsize__copy(w->bad_name, sizeof w->bad_name, name, strlen(name)); }
    }
    if (w->status) goto done;
    for (i = 0; i < nm; ++i) {
        llmsize_params pr;
        int have_params = llmsize_params_of(m[i], &pr) == LLMSIZE_OK;
        for (j = 0; j < nf; ++j) {
            llmsize_weights wt;   /* one weight fold per model x format, reused for every GPU and context */
            int have_weights = llmsize_weight_bytes(m[i], f[j], &wt) == LLMSIZE_OK;
            for (k = 0; k < na; ++k) for (c = 0; c < nc; ++c) {
        llmsize_plan p;
        llmsize_plan_result r;
        llmsize_sweep_row *row = &w->rows[at++];
        memset(&p, 0, sizeof p);
        p.model = m[i]; p.format = f[j]; p.gpu = a[k]; p.engine = (uint32_t)engine; p.context = ctx[c];
        p.seqs = (uint32_t)seqs; p.kv_dtype = (uint32_t)kv_dtype;
        p.weights = have_weights ? &wt : NULL;
        p.params = have_params ? &pr : NULL;
        row->model = (int32_t)i; row->format = (int32_t)j; row->gpu = (int32_t)k; row->context = ctx[c];
        row->status = (int32_t)llmsize_plan_fit(&p, &r);
        if (row->status) continue;
        row->weight_bytes = r.weight_bytes; row->kv_bytes = r.kv_bytes; row->activation_bytes = r.activation_bytes;
        row->overhead_bytes = r.overhead_bytes; row->total_bytes = r.total_bytes; row->usable_bytes = r.usable_bytes;
        row->headroom_bytes = r.headroom_bytes; row->max_context = r.max_context; row->decode_tps = r.decode_tps;
        row->fits = r.fits; row->tight = r.tight;
            }
        }
    }
    w->n = at;
done:
    free(m); free(f); free(a); free(ctx);
    return w;
}
size_t llmsize_sweep_row_size(void) { return sizeof(llmsize_sweep_row); }
/* the rows as one byte string (Python: bytes; Go: []byte) */
typedef struct llmsize_blob { const char *data; size_t size; } llmsize_blob;
llmsize_blob llmsize_sweep_bytes(const llmsize_sweep *w) {
    llmsize_blob b;
    b.data = w ? (const char *)w->rows : NULL;
    b.size = w ? w->n * sizeof(llmsize_sweep_row) : 0;
    return b;
}
void *llmsize_sweep_data(const llmsize_sweep *w) { return w ? (void *)w->rows : NULL; }
void llmsize_sweep_free(llmsize_sweep *w) { if (w) { free(w->rows); free(w); } }
%}

#ifdef SWIGGO
/* ---- Go: one cgo call per fit. Reading a result struct field by field costs a cgo call per
   field (~25 calls), so Go gets the plan result as a flat []uint64 in one call instead. ---- */
%typemap(gotype) (uint64_t *flat, int n_flat) "[]uint64"
%typemap(in) (uint64_t *flat, int n_flat) %{ $1 = (uint64_t *)$input.array; $2 = (int)$input.len; %}
%inline %{
static uint64_t llmsize__bits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
/* Fits *p (with context and seqs replacing the plan's when override is set) into flat[]:
   one entry per llmsize_plan_result_field, in order; doubles as their IEEE-754 bits. */
int llmsize_plan_fit_flat(const llmsize_plan *p, int override, uint64_t context, uint32_t seqs,
                          uint64_t *flat, int n_flat) {
    llmsize_plan q;
    llmsize_plan_result r;
    size_t i, n = llmsize_plan_result_field_count();
    int st;
    if (!p || !flat) return LLMSIZE_ERR_NULL;
    if (n_flat < 0 || (size_t)n_flat < n) return LLMSIZE_ERR_CAPACITY;
    q = *p;
    if (override) { q.context = context; q.seqs = seqs; }
    st = (int)llmsize_plan_fit(&q, &r);
    if (st) return st;
    for (i = 0; i < n; ++i) {
        const llmsize_field *f = llmsize_plan_result_field(i);
        flat[i] = f->kind == LLMSIZE_FIELD_F64 ? llmsize__bits(llmsize_field_f64(&r, f)) : llmsize_field_u64(&r, f);
    }
    return 0;
}

/* A plan whose weight and parameter folds are done once, for callers that fit one model,
   format and accelerator many times (Go's Prepare), on the heap for the binding's garbage collector. Free with
   llmsize_held_plan_free. (C callers have llmsize_prepare, which also fixes the defaults.) */
typedef struct llmsize_held_plan { llmsize_plan plan; llmsize_weights weights; llmsize_params params; } llmsize_held_plan;
llmsize_held_plan *llmsize_hold_plan(const llmsize_plan *p) { /* NULL: bad plan (fit it to see why) or no memory */
    llmsize_held_plan *d;
    if (!p || (d = (llmsize_held_plan *)malloc(sizeof *d)) == NULL) return NULL;
    d->plan = *p;
    if (llmsize_weight_bytes(p->model, p->format, &d->weights) || llmsize_params_of(p->model, &d->params)) {
        free(d);
        return NULL;
    }
    d->plan.weights = &d->weights;
    d->plan.params = &d->params;
    return d;
}
const llmsize_plan *llmsize_held_plan_plan(const llmsize_held_plan *d) { return d ? &d->plan : NULL; }
void llmsize_held_plan_free(llmsize_held_plan *d) { free(d); }
/* A copy of *p at context x seqs (the binding frees it). */
llmsize_plan llmsize_plan_with(const llmsize_plan *p, uint64_t context, uint32_t seqs) {
    llmsize_plan q;
    memset(&q, 0, sizeof q);
    if (p) { q = *p; q.context = context; q.seqs = seqs; }
    return q;
}
%}
#endif

/* ---- exact mode: a file header from bytes (Python: any buffer, no copy; Go: a string copy) ---- */
#ifdef SWIGPYTHON
%typemap(in) (const char *data, size_t len) (Py_buffer view, int have_view = 0) {
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) != 0) SWIG_fail;
    have_view = 1;
    $1 = (const char *)view.buf;
    $2 = (size_t)view.len;
}
%typemap(freearg) (const char *data, size_t len) { if (have_view$argnum) PyBuffer_Release(&view$argnum); }
#else
%apply (char *STRING, size_t LENGTH) { (const char *data, size_t len) };
#endif
%inline %{
typedef struct llmsize_file_out { int status; llmsize_file_info value; const llmsize_model *match; } llmsize_file_out;
llmsize_file_out llmsize_inspect_bytes(const char *data, size_t len) {
    llmsize_file_out r;
    memset(&r, 0, sizeof r);
    r.status = (int)llmsize_read_file(data, len, &r.value);
    if (!r.status) (void)llmsize_file_match(&r.value, &r.match);
    return r;
}
%}

%inline %{
/* ---- a use from its text form (llmsize_parse_use) ---- */
typedef struct llmsize_use_out { int status; llmsize_use value; } llmsize_use_out;
llmsize_use_out llmsize_use_parse(const char *spec) {
    llmsize_use_out r;
    r.status = (int)llmsize_parse_use(spec, &r.value);
    return r;
}
%}
