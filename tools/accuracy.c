/* The side-by-side accuracy report (make accuracy -> docs/accuracy.md): llmsize and the
   published formulas of other tools, on the same rows of published measurements
   (the TSV files in tests/data, each row sourced there). Prints Markdown; with a second argument
   writes predicted-vs-measured CSV files there for tools/accuracy_plots.py.

   The other tools' formulas, as research/peers.md documents them from their source:
   - llmfit weights: params x bytes-per-param {Q8_0 1.05, Q6_K 0.80, Q5_K_M 0.68, Q4_K_M 0.58,
     Q3_K_M 0.48, Q2_K 0.37, else 0.58} (AlexsJones/llmfit:llmfit-core/src/models.rs quant_bpp);
     decode: bandwidth / (params x {Q4_K_M 0.5, Q8_0 1.0}) x 0.55 (fit.rs estimate_tps,
     models.rs quant_bytes_per_param); KV: 2 x layers x kv_heads x head_dim x ctx x 2 bytes,
     no sliding window or MLA (models.rs kv_cache_gb).
   - gollama: params x bpw / 8 with bpw {Q4_K_M 4.85, Q8_0 8.5, IQ1_S 1.56}
     (sammcj/gollama:vramestimator/vramestimator.go).
   - gpu_poor (GGML): KV = 2 x ctx x 2 x hidden x layers bytes, no GQA (RahulSChand/gpu_poor:src/App.js).
   - KAITO: weights = safetensors bytes x 1.02 (kaito-project/kaito:pkg/workspace/estimator/
     nodesestimator/estimator.go); the BF16 checkpoint's bytes are 2 x its published parameter count.
   - accelerate estimate-memory: fp16 load size = 2 bytes x parameters (huggingface/accelerate:
     src/accelerate/commands/estimate.py).
   Rows where a tool's table has no entry for the format are left out of that tool's column
   (never filled with a guess); n says how many rows each figure covers. */
#include "llmsize.h"
#include "tools/speed_fit.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXROWS 2048
#define FIELDS 24
#define MAX_FIELDS FIELDS
#define TOOLS 4

typedef struct series {
    const char *tool;
    double err[MAXROWS]; /* signed relative error, predicted / measured - 1 */
    int n;
    FILE *csv;
} series;

typedef struct category {
    const char *key, *name, *file;
    series s[TOOLS];
    int rows;
} category;

static const char *data_dir = "tests/data";
static const char *csv_dir;

static int split(char *line, char **f) {
    int n = 0;
    char *p = line;
    f[n++] = p;
    while (*p && n < FIELDS) {
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
        else if (*p == '\n' || *p == '\r') *p = '\0';
        ++p;
    }
    return n;
}

typedef void (*row_fn)(category *c, char **f, int n);

static void each_row(category *c, row_fn fn) {
    char path[512], line[4096];
    char *f[FIELDS];
    FILE *in;
    snprintf(path, sizeof path, "%s/%s", data_dir, c->file);
    if (!(in = fopen(path, "r"))) { perror(path); exit(1); }
    while (fgets(line, sizeof line, in)) {
        int n;
        if (line[0] == '#' || line[0] == '\n') continue;
        n = split(line, f);
        fn(c, f, n);
    }
    fclose(in);
}

static void add(category *c, int tool, const char *tool_name, const char *row, double predicted, double measured) {
    series *s = &c->s[tool];
    if (!(predicted > 0) || !(measured > 0)) return;
    if (s->n >= MAXROWS) { fprintf(stderr, "accuracy: more than %d rows in %s: raise MAXROWS\n", MAXROWS, c->key); exit(1); }
    s->tool = tool_name;
    s->err[s->n++] = predicted / measured - 1.0;
    if (csv_dir && !s->csv) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s__%s.csv", csv_dir, c->key, tool_name);
        s->csv = fopen(path, "w");
        if (s->csv) fprintf(s->csv, "row,measured,predicted\n");
    }
    if (s->csv) fprintf(s->csv, "\"%s\",%.6g,%.6g\n", row, measured, predicted);
}

static const llmsize_model *model(const char *id) { const llmsize_model *m = NULL; llmsize_find_model(id, &m); return m; }
static const llmsize_format *format(const char *id) { const llmsize_format *f = NULL; llmsize_find_format(id, &f); return f; }
static const llmsize_gpu *gpu(const char *id) { const llmsize_gpu *a = NULL; llmsize_find_gpu(id, &a); return a; }

static double lookup(const char *const *names, const double *values, const char *key, double fallback) {
    size_t i;
    for (i = 0; names[i]; ++i) if (!strcmp(names[i], key)) return values[i];
    return fallback;
}
static const char *const llmfit_q[] = { "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K", NULL };
static const double llmfit_bpp[] = { 1.05, 0.80, 0.68, 0.58, 0.48, 0.37 };
static const char *const llmfit_speed_q[] = { "Q4_K_M", "Q8_0", NULL };
static const double llmfit_speed_bpp[] = { 0.5, 1.0 };
static const char *const gollama_q[] = { "Q4_K_M", "Q8_0", "IQ1_S", NULL };
static const double gollama_bpw[] = { 4.85, 8.5, 1.56 };

static double params_of(const llmsize_model *m) {
    llmsize_params p;
    if (m->published_params) return (double)m->published_params;
    return llmsize_params_of(m, &p) == LLMSIZE_OK ? (double)p.total : 0;
}

/* 0. Parameter counts from the architecture. llmfit, for a model whose Hugging Face listing has
   no safetensors total, estimates L*h*h*(4 + 2*I/h) + V*h (AlexsJones/llmfit
   scripts/scrape_hf_models.py); llmsize counts every tensor. Published counts (+ the documented
   adjustments) from tests/data/params.tsv. */
static void params_row(category *c, char **f, int n) {
    const llmsize_model *m = model(f[0]);
    llmsize_params p;
    double want, L, h, I, V;
    if (n < 3 || !m || llmsize_params_of(m, &p)) return;
    want = atof(f[1]) + atof(f[2]);
    L = m->dims.layers; h = m->dims.hidden; V = m->dims.vocab;
    I = m->dims.ffn ? m->dims.ffn : (double)m->moe.expert_ffn;
    ++c->rows;
    add(c, 0, "llmsize", f[0], (double)p.total, want);
    add(c, 1, "llmfit", f[0], L * h * h * (4.0 + 2.0 * I / h) + V * h, want);
}

/* A. GGUF sizes */
static void gguf_row(category *c, char **f, int n) {
    const llmsize_model *m = model(f[0]);
    const llmsize_format *fmt = format(f[1]);
    llmsize_weights w;
    double want, scale = 1, ours, params;
    char row[128];
    if (n < 4 || !m || !fmt || llmsize_weight_bytes(m, fmt, &w)) return;
    want = atof(f[3]);
    if (!strcmp(f[2], "tensor_gib")) scale = 1073741824.0;
    else if (!strcmp(f[2], "tensor_mib")) scale = 1048576.0;
    else if (!strcmp(f[2], "file_gb")) scale = 1e9; /* Hugging Face file lists: decimal GB */
    else if (strcmp(f[2], "tensor_bytes") && strcmp(f[2], "file_bytes")) return; /* a kind this report does not know */
    want *= scale; /* bytes */
    ours = !strncmp(f[2], "file_", 5) ? (double)w.file_bytes : (double)w.total;
    params = params_of(m);
    snprintf(row, sizeof row, "%s %s", f[0], f[1]);
    ++c->rows;
    add(c, 0, "llmsize", row, ours, want);
    add(c, 1, "llmfit", row, params * lookup(llmfit_q, llmfit_bpp, f[1], 0.58), want);
    if (lookup(gollama_q, gollama_bpw, f[1], 0) > 0)
        add(c, 2, "gollama", row, params * lookup(gollama_q, gollama_bpw, f[1], 0) / 8.0, want);
}

/* B. decode tok/s (tests/data/speed.tsv, the tg rows: at the test's depth plus half its tokens;
   llama.cpp's layer split gives one sequence one GPU's bandwidth) */
static void decode_row(category *c, char **f, int n) {
    const llmsize_gpu *a;
    const llmsize_model *m;
    const llmsize_format *fmt;
    llmsize_speed_request q;
    llmsize_speed_result s;
    double want, bpp;
    char row[160];
    if (n < 8 || strcmp(f[4], "tg")) return;
    a = gpu(f[0]); m = model(f[2]); fmt = format(f[3]);
    if (!a || !m || !fmt) return;
    want = atof(f[7]);
    memset(&q, 0, sizeof q);
    q.model = m; q.format = fmt; q.gpu = a; q.seqs = 1;
    q.context = strtoull(f[6], NULL, 10) + (atoi(f[5]) ? (uint64_t)atoi(f[5]) : 128u) / 2u;
    if (llmsize_speed(&q, &s)) return;
    snprintf(row, sizeof row, "%s %s %s %s%s@d%s", f[0], f[2], f[3], f[4], f[5], f[6]);
    ++c->rows;
    add(c, 0, "llmsize", row, s.decode_tps, want);
    bpp = lookup(llmfit_speed_q, llmfit_speed_bpp, f[3], 0);
    if (bpp > 0) add(c, 1, "llmfit", row, a->bw_gbs / (params_of(m) * bpp / 1e9) * 0.55, want);
}

/* C. llama.cpp KV buffers */
static void kv_row(category *c, char **f, int n) {
    const llmsize_model *m = model(f[0]);
    llmsize_kv_dtype d;
    uint64_t bytes = 0;
    double cells, want, elem;
    char row[128];
    if (n < 4 || !m || llmsize_find_kv_dtype(f[2], &d) || strcmp(f[2], "f16")) return; /* the peers model f16 only */
    cells = atof(f[1]);
    want = atof(f[3]) * 1048576.0;
    if (llmsize_kv_bytes(m, (uint64_t)cells, 1, d, &bytes)) return;
    elem = 2.0;
    snprintf(row, sizeof row, "%s %s cells", f[0], f[1]);
    ++c->rows;
    add(c, 0, "llmsize", row, (double)bytes, want);
    add(c, 1, "llmfit", row, 2.0 * m->dims.layers * m->dims.kv_heads * m->dims.head_dim * cells * elem, want);
    add(c, 2, "gpu_poor", row, 2.0 * cells * 2.0 * m->dims.hidden * m->dims.layers, want);
}

/* D. vLLM "Loading weights took X GiB", BF16/FP16 checkpoints */
static void vllm_weights_row(category *c, char **f, int n) {
    const llmsize_model *m = model(f[1]);
    const llmsize_format *fmt = format(f[2]);
    const llmsize_gpu *a = gpu(f[3]);
    llmsize_plan p;
    llmsize_plan_result r;
    double want, tp;
    char row[160];
    if (n < 12 || !m || !fmt || !a || (strcmp(f[2], "bf16") && strcmp(f[2], "f16")) || !strcmp(f[11], "-")) return;
    want = atof(f[11]) * 1073741824.0;
    tp = atof(f[4]) * atof(f[5]);
    memset(&p, 0, sizeof p);
    p.model = m; p.format = fmt; p.gpu = a; p.engine = LLMSIZE_ENGINE_VLLM; p.tp = (uint32_t)atoi(f[4]);
    p.pp = (uint32_t)atoi(f[5]); p.context = 2048; p.seqs = 1;
    if (llmsize_plan_fit(&p, &r)) return;
    snprintf(row, sizeof row, "%s %s %s tp%s", f[1], f[2], f[3], f[4]);
    ++c->rows;
    add(c, 0, "llmsize", row, (double)r.weight_bytes, want);
    if (m->published_params) {
        add(c, 1, "KAITO", row, 2.0 * (double)m->published_params * 1.02 / tp, want);
        add(c, 2, "accelerate", row, 2.0 * (double)m->published_params / tp, want);
    }
}

/* E. vLLM KV capacity (tokens) from the pool it logged */
static void vllm_kv_row(category *c, char **f, int n) {
    const llmsize_model *m = model(f[1]);
    const llmsize_format *fmt = format(f[2]);
    const llmsize_gpu *a = gpu(f[3]);
    llmsize_kv_dtype d;
    llmsize_plan p;
    llmsize_plan_result r;
    double want, pool, per_token;
    char row[160];
    if (n < 18 || !m || !fmt || !a || !strcmp(f[14], "-") || llmsize_find_kv_dtype(f[9], &d)) return;
    want = strcmp(f[16], "-") ? atof(f[16]) : (strcmp(f[15], "-") ? atof(f[15]) * 16.0 : 0);
    if (!(want > 0)) return;
    pool = atof(f[14]) * 1073741824.0;
    memset(&p, 0, sizeof p);
    p.model = m; p.format = fmt; p.gpu = a; p.engine = LLMSIZE_ENGINE_VLLM; p.tp = (uint32_t)atoi(f[4]);
    p.pp = (uint32_t)atoi(f[5]); p.context = (uint64_t)atof(f[7]); p.seqs = 1; p.kv_dtype = d;
    p.kv_pool_bytes = (uint64_t)pool;
    if (!strcmp(f[0], "V0")) p.flags |= LLMSIZE_PLAN_VLLM_V0;
    if (n > 21 && llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, f[21], &p.release) != LLMSIZE_OK) return;
    if (llmsize_plan_fit(&p, &r)) return;
    snprintf(row, sizeof row, "%s %s %s", f[1], f[2], f[3]);
    ++c->rows;
    add(c, 0, "llmsize", row, (double)r.kv_capacity_tokens, want);
    per_token = 2.0 * m->dims.layers * m->dims.kv_heads * m->dims.head_dim * (d == LLMSIZE_KV_F16 ? 2.0 : 1.0) /
                (atof(f[4]) > 1 ? atof(f[4]) : 1.0);
    add(c, 1, "llmfit", row, pool / per_token, want);
}

/* F. vLLM V1 starts (tests/data/vllm_starts.tsv): a command line, its release and GPU -> what
   vLLM logged. The llm-d capacity planner's formula (llm-d/llm-d-benchmark:config_explorer/
   src/config_explorer/capacity_planner.py, research/peers.md): total x utilization - weights -
   an activation constant measured on H100 (Llama 4.8 GiB, Qwen 5.6, other dense 5.5, MoE 8.0)
   - non-torch 0.15 GiB (TP1) or 0.6 (TP >= 2). Rows split by source: the two whose logs set
   llmsize's sampler constants (llm-d's H100 table, dennislee22's A100 logs) are in-sample;
   every other source is held out. */
#include "starts.h"
static int start_fitted(const char *source) {
    return strstr(source, "llm-d/llm-d-benchmark") != NULL || strstr(source, "dennislee22/") != NULL;
}
static void start_avail_row(category *c, char **f, int n, int held_out) {
    start_fit s;
    const char *why;
    char row[200];
    double lld, act;
    const llmsize_model *m;
    if (start_run(f, n, &s, &why) != LLMSIZE_OK || !s.on_gpu || !(s.avail > 0) || start_fitted(s.source) == held_out) return;
    m = s.ps.plan.model;
    snprintf(row, sizeof row, "%s %s %s", f[START_ENGINE], m->id, f[START_GPU]);
    ++c->rows;
    add(c, 0, "llmsize", row, s.e2e.kv_pool_bytes / STARTS_GIB, s.avail);
    act = m->moe.experts ? 8.0 : strstr(m->id, "llama") ? 4.8 : strstr(m->id, "qwen") ? 5.6 : 5.5;
    lld = s.e2e.usable_bytes / STARTS_GIB - s.e2e.weight_bytes / STARTS_GIB - act - (s.e2e.gpus > 1 ? 0.6 : 0.15);
    add(c, 1, "llm-d planner", row, lld, s.avail);
}
static int starts_said, starts_agree;
static void start_outcome_row(category *c, char **f, int n) {
    start_fit s;
    const char *why, *did;
    (void)c;
    if (start_run(f, n, &s, &why) != LLMSIZE_OK || !(did = start_outcome(&s))) return;
    ++starts_said;
    starts_agree += !strcmp(did, s.outcome);
}
static void start_avail_fitted(category *c, char **f, int n) { start_avail_row(c, f, n, 0); }
static void start_avail_held(category *c, char **f, int n) { start_avail_row(c, f, n, 1); }
static void start_tokens_row(category *c, char **f, int n) {
    start_fit s;
    const char *why;
    char row[200];
    if (start_run(f, n, &s, &why) != LLMSIZE_OK || !s.on_gpu || !(s.tokens > 0) || s.e2e.refused) return;
    snprintf(row, sizeof row, "%s %s %s", f[START_ENGINE], s.ps.plan.model->id, f[START_GPU]);
    ++c->rows;
    add(c, 0, "llmsize", row, (double)s.e2e.kv_capacity_tokens, s.tokens);
}
static void start_weights_row(category *c, char **f, int n) {
    start_fit s;
    const char *why;
    char row[200];
    if (start_run(f, n, &s, &why) != LLMSIZE_OK || !(s.weights > 0)) return;
    snprintf(row, sizeof row, "%s %s", f[START_ENGINE], s.ps.plan.model->id);
    ++c->rows;
    add(c, 0, "llmsize", row, s.e2e.weight_bytes / STARTS_GIB, s.weights);
}

static int cmp_abs(const void *x, const void *y) {
    double a = fabs(*(const double *)x), b = fabs(*(const double *)y);
    return (a > b) - (a < b);
}

static double median_abs(const series *s) {
    double sorted[MAXROWS];
    memcpy(sorted, s->err, sizeof(double) * (size_t)s->n);
    qsort(sorted, (size_t)s->n, sizeof(double), cmp_abs);
    return fabs(sorted[s->n / 2]);
}

static void print_category(category *c) {
    int t;
    double ours = c->s[0].n ? median_abs(&c->s[0]) : 0;
    printf("\n### %s (%d rows, `tests/data/%s`)\n\n", c->name, c->rows, c->file);
    printf("| tool | n | median abs error | p90 | max | median signed (bias) |\n|---|---|---|---|---|---|\n");
    for (t = 0; t < TOOLS; ++t) {
        series *s = &c->s[t];
        double sorted[MAXROWS], signed_sorted[MAXROWS];
        int i;
        if (!s->n) continue;
        memcpy(sorted, s->err, sizeof(double) * (size_t)s->n);
        qsort(sorted, (size_t)s->n, sizeof(double), cmp_abs);
        for (i = 0; i < s->n; ++i) signed_sorted[i] = s->err[i];
        /* signed median */
        {
            int a, b;
            for (a = 0; a < s->n; ++a)
                for (b = a + 1; b < s->n; ++b)
                    if (signed_sorted[b] < signed_sorted[a]) { double x = signed_sorted[a]; signed_sorted[a] = signed_sorted[b]; signed_sorted[b] = x; }
        }
        printf("| %s | %d | %.1f %% | %.1f %% | %.1f %% | %+.1f %% |\n", s->tool, s->n, 100 * fabs(sorted[s->n / 2]),
               100 * fabs(sorted[(s->n * 9) / 10 < s->n ? (s->n * 9) / 10 : s->n - 1]), 100 * fabs(sorted[s->n - 1]),
               100 * signed_sorted[s->n / 2]);
        if (s->csv) fclose(s->csv);
    }
    for (t = 1; t < TOOLS; ++t)
        if (c->s[t].n && median_abs(&c->s[t]) <= ours + 0.0005)
            printf("\nNot better here: %s's median error (%.1f %%, n=%d) is as low as llmsize's (%.1f %%) on the rows its "
                   "formula covers; compare p90 and max.\n", c->s[t].tool, 100 * median_abs(&c->s[t]), c->s[t].n, 100 * ours);
}

int main(int argc, char **argv) {
    static category cats[] = {
        { "params", "Parameter counts from the architecture (published exact counts)", "params.tsv", {{0}}, 0 },
        { "gguf", "GGUF file and tensor sizes (llama.cpp logs, llama-bench, file bytes)", "gguf_sizes.tsv", {{0}}, 0 },
        { "decode", "Decode tok/s, batch 1 (published llama.cpp-family benchmarks; in-sample: the constants are fitted on these rows, held out below)", "speed.tsv", {{0}}, 0 },
        { "kv", "llama.cpp KV buffer (f16 log lines)", "kv_logs.tsv", {{0}}, 0 },
        { "vllm_weights", "vLLM weights loaded, BF16/FP16 checkpoints (startup logs)", "vllm_logs.tsv", {{0}}, 0 },
        { "vllm_kv", "vLLM KV capacity in tokens, given the pool it logged", "vllm_logs.tsv", {{0}}, 0 },
        { "starts_weights", "vLLM V1 starts: weights loaded, from the command line", "vllm_starts.tsv", {{0}}, 0 },
        { "starts_avail_in", "vLLM V1 starts: available KV memory, end to end (in-sample: the logs the sampler constants were read from)",
          "vllm_starts.tsv", {{0}}, 0 },
        { "starts_avail_out", "vLLM V1 starts: available KV memory, end to end (held out: every other source)", "vllm_starts.tsv", {{0}}, 0 },
        { "starts_tokens", "vLLM V1 starts: GPU KV cache size in tokens, end to end", "vllm_starts.tsv", {{0}}, 0 },
    };
    static const row_fn fns[] = { params_row, gguf_row, decode_row, kv_row, vllm_weights_row, vllm_kv_row, start_weights_row,
                                  start_avail_fitted, start_avail_held, start_tokens_row };
    size_t i;
    if (argc > 1) data_dir = argv[1];
    if (argc > 2) csv_dir = argv[2];
    printf("# Accuracy: llmsize beside other tools' formulas\n\n"
           "Generated by `make accuracy` (tools/accuracy.c) from llmsize %s, data %s. Every row is a published\n"
           "measurement with its source in `tests/data/`; each tool's formula is applied to the same rows as\n"
           "that tool's source code defines it (see the header of tools/accuracy.c and `research/peers.md`).\n"
           "Where a tool's table has no entry for a row's format the row is left out of its column (n).\n"
           "Errors are predicted/measured - 1. Plots: `docs/accuracy-*.png` (log-log, predicted vs measured).\n",
           llmsize_version(), llmsize_data_version());
    for (i = 0; i < sizeof cats / sizeof cats[0]; ++i) {
        each_row(&cats[i], fns[i]);
        print_category(&cats[i]);
    }
    {   /* decode and prefill speed on rows the constants were not fitted to */
        static speed_obs rows[SPEED_MAX];
        static double held[SPEED_MAX], ins[SPEED_MAX];
        char path[512];
        int unresolved = 0, unpriced = 0, n;
        size_t k;
        snprintf(path, sizeof path, "%s/speed.tsv", data_dir);
        n = speed_read(path, rows, SPEED_MAX, &unresolved, &unpriced);
        {
            int a, b;
            if (speed_duplicate(rows, n, &a, &b)) {
                fprintf(stderr, "%s repeats a measurement: %s and %s\n", path, rows[a].row, rows[b].row);
                return 1;
            }
        }
        printf("\n### Decode and prefill speed, held out (`tests/data/speed.tsv`)\n\n"
               "The speed constants (bandwidth share and per-layer cost per hardware class, the cost of a KV-cache byte,\n"
               "prefill MFU) are fitted on these rows (`make calibrate`, `tools/speed_fit.h`). Held out: each row is scored\n"
               "by a fit that left out every row of its source. %d rows scored; %d prefill rows are on accelerators with\n"
               "no published tensor throughput (no TTFT to score). Where one source holds most of a regime's rows, its\n"
               "held-out error is that of a fit on the few rows of the others.\n\n"
               "| regime | rows | sources (rows of the largest) | held out: median | p90 | in-sample: median | p90 |\n|---|---|---|---|---|---|---|\n",
               n, unpriced);
        speed_score(rows, n, held, ins, NULL, NULL, NULL);
        for (k = 0; k < sizeof speed_regimes / sizeof speed_regimes[0]; ++k) {
            double hm, hp, im, ip;
            int hn, in_;
            speed_summary(rows, held, n, speed_regimes[k].pick, &hm, &hp, &hn);
            speed_summary(rows, ins, n, speed_regimes[k].pick, &im, &ip, &in_);
            int largest, sources = speed_sources(rows, n, speed_regimes[k].pick, &largest);
            if (!in_) { printf("| %s | 0 | | no rows | | | |\n", speed_regimes[k].name); continue; }
            printf("| %s | %d | %d (%d) | %.1f %% | %.1f %% | %.1f %% | %.1f %% |\n", speed_regimes[k].name, hn, sources, largest,
                   100 * hm, 100 * hp, 100 * im, 100 * ip);
        }
        {   /* partial offload: the plan's decode with the host's part at the CPU class's share */
            offload_score o;
            snprintf(path, sizeof path, "%s/offload.tsv", data_dir);
            o = offload_score_of(path);
            printf("| llama.cpp partial offload, host RAM (`tests/data/offload.tsv`; no constant fitted on these rows) | %d | %d | %.1f %% | %.1f %% | | |\n",
                   o.rows > 0 ? o.rows : 0, o.sources, 100 * o.median, 100 * o.p90);
        }
        {   /* the measurements' own spread */
            const speed_rep r = speed_replicate_summary(rows, n, held);
            printf("\nThe measurements disagree among themselves: %d configurations (accelerators, model, format, depth) have\n"
                   "decode rows from two sources or more. Their %d pairs of rows from different sources differ by a median of\n"
                   "%.1f %% and a p90 of %.1f %% (larger / smaller - 1; backends, builds, drivers, power limits and the\n"
                   "machines themselves). No one prediction can come within half of that of both rows of a pair. Held out,\n"
                   "llmsize's error on those %d rows is a median of %.1f %% and a p90 of %.1f %%.\n",
                   r.configs, r.pairs, 100 * r.med, 100 * r.p90, r.rows, 100 * r.held_med, 100 * r.held_p90);
        }
        {   /* the held-out tail, by whether its parts are predicted elsewhere */
            const speed_tail t = speed_tail_of(rows, n, held, 0.25, 0.15);
            printf("\nOf the %d decode rows held out above 25 %%, %d are on an accelerator (and count) that another source\n"
                   "measures within 15 %% of its held-out prediction: the part is predicted, and what sets those rows apart is\n"
                   "their source's machine, build or settings, which a prediction from the part, model and format cannot see.\n"
                   "The other %d are on setups no other source measures that closely (one source's part, GPU count or backend).\n", t.over, t.elsewhere, t.over - t.elsewhere);
        }
        printf("\nThe constants, per hardware class and vendor (the vendor's llama.cpp backends; a class's row for every\n"
               "vendor answers for parts of vendors without their own and for described accelerators):\n\n"
               "| class / vendor | bandwidth share | per layer | KV byte cost | range | prefill MFU |\n|---|---|---|---|---|---|\n");
        {
            int g;
            for (g = 0; g < speed_groups(); ++g) {
                const llmsize_efficiency *t = llmsize_efficiency_at((size_t)g);
                char name[64];
                printf("| %s | %.3f | %.0f us | %.2f | %.2f-%.2f | %.3f |\n", speed_group_name(g, name, sizeof name), t->expected,
                       t->layer_us, t->kv_cost, t->low, t->high, t->prefill_mfu);
            }
        }
    }
    {
        category verdicts = { "starts_outcome", "", "vllm_starts.tsv", {{0}}, 0 };
        each_row(&verdicts, start_outcome_row);
        printf("\n### vLLM V1 starts: what vLLM did (starts, refuses, runs out of memory)\n\n"
               "llmsize's plan agrees with the log on %d of the %d starts whose log says (`tests/data/vllm_starts.tsv`).\n",
               starts_agree, starts_said);
    }
    return 0;
}
