/* Per-call cost of the library (make bench). Each figure is the median of REPEATS timed runs
   over the whole table, with the spread (min-max); ns per call. Numbers, not assertions. */
#define _POSIX_C_SOURCE 199309L
#include "llmsize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REPEATS 11

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static volatile uint64_t sink; /* keeps results alive */

typedef size_t (*bench_fn)(void); /* runs one pass, returns calls made */

static void report(const char *what, bench_fn fn, const char *goal) {
    double t[REPEATS];
    size_t calls = 0;
    int i;
    fn(); /* warm */
    for (i = 0; i < REPEATS; ++i) {
        double t0 = now_ns();
        calls = fn();
        t[i] = (now_ns() - t0) / (double)calls;
    }
    qsort(t, REPEATS, sizeof t[0], cmp_double);
    printf("| %-46s | %9.1f | %7.1f - %-7.1f | %8zu | %s |\n", what, t[REPEATS / 2], t[0], t[REPEATS - 1], calls, goal);
}

static const char *const gpu_names[] = { "h100-sxm", "NVIDIA GeForce RTX 4090", "NVIDIA-L4", "dgx-spark" };

static size_t lookup_ids(void) {
    size_t i, n = llmsize_model_count();
    const llmsize_model *m;
    for (i = 0; i < n; ++i) { llmsize_find_model(llmsize_model_at(i)->id, &m); sink += (uintptr_t)m; }
    return n;
}
/* each model's first Hugging Face repo, copied out once (the timing is the lookup's) */
static char (*repos)[160];
static size_t n_repos;
static void prepare_repos(void) {
    size_t i, n = llmsize_model_count();
    repos = (char (*)[160])calloc(n, sizeof *repos);
    for (i = 0; repos && i < n; ++i) {
        const char *r = llmsize_model_at(i)->hf_repos;
        size_t k = strcspn(r, "|");
        if (!k || k >= sizeof repos[0]) continue;
        memcpy(repos[n_repos], r, k); repos[n_repos][k] = '\0';
        ++n_repos;
    }
}
static size_t lookup_repos(void) {
    size_t i;
    const llmsize_model *m;
    for (i = 0; i < n_repos; ++i) { llmsize_find_model(repos[i], &m); sink += (uintptr_t)m; }
    return n_repos;
}
static size_t lookup_gpus(void) {
    size_t i;
    const llmsize_gpu *a;
    for (i = 0; i < 4; ++i) { llmsize_find_gpu(gpu_names[i], &a); sink += (uintptr_t)a; }
    return 4;
}
/* names as people write them: a quantizer's repo, a fine-tune, an Ollama tag, a GGUF file, a
   chip with its memory (the resolver's slow paths: token matching over the table) */
static const char *const user_names[] = {
    "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q5_K_M", "NousResearch/Hermes-3-Llama-3.1-70B", "deepseek-r1:671b",
    "qwen2.5-7b-instruct-q4_k_m-00001-of-00002.gguf", "unsloth/Llama-3.2-3B-Instruct-bnb-4bit", "allenai/Llama-3.1-Tulu-3-8B"
};
static size_t resolve_names(void) {
    size_t i;
    llmsize_resolution r;
    for (i = 0; i < 6; ++i) { llmsize_resolve(user_names[i], &r); sink += (uintptr_t)r.model; }
    return 6;
}
static size_t resolve_apple(void) {
    llmsize_gpu_resolution r;
    llmsize_resolve_gpu("M3 Max 36GB", &r);
    sink += (uintptr_t)r.row;
    return 1;
}
/* close names for what no row answers to: typos, a tag, a name too long (llmsize_suggest, the
   CLI's "did you mean": models, then accelerators) */
static const char *const typos[] = {
    "llama-3.1-9b", "qwen2.5-7b-instrct", "deepseek-r1-distil-qwen-32b", "Meta-Llama-3.1-8B-Instruct-abliterated-v2",
    "rtx 4900", "h100-sxm-80g", "M3 Max", "mi300"
};
static size_t suggest_typos(void) {
    size_t i;
    const char *out[8];
    for (i = 0; i < 8; ++i) sink += llmsize_suggest(i < 4 ? LLMSIZE_TABLE_MODELS : LLMSIZE_TABLE_GPUS, typos[i], out, 8);
    return 8;
}
static size_t weights_gguf(void) {
    size_t i, n = llmsize_model_count();
    const llmsize_format *f;
    llmsize_weights w;
    llmsize_find_format("Q4_K_M", &f);
    for (i = 0; i < n; ++i) { llmsize_weight_bytes(llmsize_model_at(i), f, &w); sink += w.total; }
    return n;
}
static size_t weights_all(void) {
    size_t i, k, n = llmsize_model_count(), nf = llmsize_format_count();
    llmsize_weights w;
    for (i = 0; i < n; ++i)
        for (k = 0; k < nf; ++k) { llmsize_weight_bytes(llmsize_model_at(i), llmsize_format_at(k), &w); sink += w.total; }
    return n * nf;
}
static size_t params_all(void) {
    size_t i, n = llmsize_model_count();
    llmsize_params p;
    for (i = 0; i < n; ++i) { llmsize_params_of(llmsize_model_at(i), &p); sink += p.total; }
    return n;
}
static size_t kv_all(void) {
    size_t i, n = llmsize_model_count();
    uint64_t kv;
    for (i = 0; i < n; ++i) { llmsize_kv_bytes(llmsize_model_at(i), 32768, 4, LLMSIZE_KV_F16, &kv); sink += kv; }
    return n;
}
static size_t speed_all(void) {
    size_t i, n = llmsize_model_count();
    llmsize_speed_request q;
    llmsize_speed_result r;
    memset(&q, 0, sizeof q);
    llmsize_find_format("Q4_K_M", &q.format);
    llmsize_find_gpu("h100-sxm", &q.gpu);
    q.gpus = 1; q.context = 4096;
    for (i = 0; i < n; ++i) { q.model = llmsize_model_at(i); llmsize_speed(&q, &r); sink += (uint64_t)r.decode_tps; }
    return n;
}

/* Plans: the per-model folds (weights, params) cached as a sweep or a scheduler would. */
static llmsize_weights *cached_w;
static llmsize_params *cached_p;
static void prepare_caches(const char *fmt) {
    size_t i, n = llmsize_model_count();
    const llmsize_format *f;
    llmsize_find_format(fmt, &f);
    for (i = 0; i < n; ++i) {
        llmsize_weight_bytes(llmsize_model_at(i), f, &cached_w[i]);
        llmsize_params_of(llmsize_model_at(i), &cached_p[i]);
    }
}
static size_t plan_pass_on(int engine, const char *fmt, int cached, const char *gpu) {
    size_t i, n = llmsize_model_count();
    llmsize_plan p;
    llmsize_plan_result r;
    memset(&p, 0, sizeof p);
    llmsize_find_format(fmt, &p.format);
    llmsize_find_gpu(gpu, &p.gpu);
    p.engine = (uint32_t)engine; p.context = 8192; p.seqs = 4;
    for (i = 0; i < n; ++i) {
        p.model = llmsize_model_at(i);
        p.weights = cached ? &cached_w[i] : NULL;
        p.params = cached ? &cached_p[i] : NULL;
        llmsize_plan_fit(&p, &r);
        sink += (uint64_t)r.fits;
    }
    return n;
}
static size_t plan_pass(int engine, const char *fmt, int cached) { return plan_pass_on(engine, fmt, cached, "h100-sxm"); }
static size_t fit_none(void) { return plan_pass(LLMSIZE_ENGINE_NONE, "bf16", 0); }
/* Prepared plans (llmsize_prepare once per model): the verdict columns for one accelerator,
   context and sequence count, as a scheduler or a sweep asks them. */
static llmsize_prepared *prepared;
static size_t prepared_pass(void) {
    size_t i, n = llmsize_model_count();
    const llmsize_gpu *g;
    llmsize_plan_result r;
    llmsize_find_gpu("h100-sxm", &g);
    for (i = 0; i < n; ++i) { llmsize_prepared_fit(&prepared[i], g, 8192, 4, 0, &r); sink += (uint64_t)r.fits; }
    return n;
}
static size_t prepared_all_columns(void) {
    size_t i, n = llmsize_model_count();
    const llmsize_gpu *g;
    llmsize_plan_result r;
    llmsize_find_gpu("h100-sxm", &g);
    for (i = 0; i < n; ++i) { llmsize_prepared_fit(&prepared[i], g, 8192, 4, LLMSIZE_COLUMN_ALL, &r); sink += (uint64_t)r.fits; }
    return n;
}
static size_t fit_vllm(void) { return plan_pass(LLMSIZE_ENGINE_VLLM, "bf16", 0); }
static size_t fit_vllm_cached(void) { return plan_pass(LLMSIZE_ENGINE_VLLM, "bf16", 1); }
static size_t fit_none_cached(void) { return plan_pass(LLMSIZE_ENGINE_NONE, "bf16", 1); }
static size_t fit_llamacpp(void) { return plan_pass(LLMSIZE_ENGINE_LLAMACPP, "Q4_K_M", 0); }
/* on a 24 GB card most models do not fit whole: llama.cpp's --fit searches the GPU layers,
   each probe placing every tensor */
static size_t fit_llamacpp_offload(void) { return plan_pass_on(LLMSIZE_ENGINE_LLAMACPP, "Q4_K_M", 0, "rtx-4090"); }

/* What a CLI `plan` or an installer asks after a fit: the least-loss format that fits, the
   fewest GPUs, the longest context and the most sequences (llmsize_plan_suggest: four
   searches, each plan of which asks only whether it fits). */
static size_t suggest_llamacpp(void) {
    size_t i, n = llmsize_model_count();
    llmsize_plan p;
    llmsize_suggestion s;
    memset(&p, 0, sizeof p);
    llmsize_find_format("Q4_K_M", &p.format);
    llmsize_find_gpu("rtx-4090", &p.gpu);
    p.engine = LLMSIZE_ENGINE_LLAMACPP; p.context = 8192;
    for (i = 0; i < n; ++i) { p.model = llmsize_model_at(i); llmsize_plan_suggest(&p, &s); sink += s.seqs; }
    return n;
}
/* A ranking of the whole table (llmsize_select) in three formats on one RTX 4090. */
static size_t select_table(void) {
    static llmsize_candidate out[1024];
    const llmsize_format *f[3];
    llmsize_select_request q;
    size_t n = 0, good = 0;
    memset(&q, 0, sizeof q);
    llmsize_find_gpu("rtx-4090", &q.gpu);
    llmsize_find_format("Q4_K_M", &f[0]); llmsize_find_format("Q8_0", &f[1]); llmsize_find_format("awq", &f[2]);
    q.formats = f; q.n_formats = 3; q.engine = LLMSIZE_ENGINE_LLAMACPP;
    llmsize_select(&q, out, 1024, &n, &good);
    sink += good;
    return 1;
}

static size_t parse_commands(void) {
    static const char *const a1[] = { "vllm", "serve", "meta-llama/Llama-3.1-70B-Instruct", "-tp", "2", "--max-model-len", "32768" };
    static const char *const a2[] = { "llama-server", "-m", "models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "-c", "16384", "-ngl", "99" };
    static const char *const a3[] = { "ollama", "run", "qwen2.5:7b-instruct-q8_0" };
    static const char *const env[] = { "OLLAMA_NUM_PARALLEL=4" };
    llmsize_parsed out;
    llmsize_parse_command(7, a1, 0, NULL, &out); sink += out.plan.tp;
    llmsize_parse_command(7, a2, 0, NULL, &out); sink += out.plan.context;
    llmsize_parse_command(3, a3, 1, env, &out); sink += out.plan.seqs;
    return 3;
}

/* The full sweep: every model x format x accelerator x {4k, 8k, 32k, 128k} contexts: each
   model x format prepared once (llmsize_prepare: weights, parameters, KV layout), then the
   verdict (status, headroom, fits) of every format, accelerator and context of a model in
   one llmsize_prepared_grid call, which computes only the columns asked for. */
static void sweep(void) {
    static const uint64_t ctx[] = { 4096, 8192, 32768, 131072 };
    const size_t nm = llmsize_model_count(), nf = llmsize_format_count(), na = llmsize_gpu_count(), cells = nf * 4 * na;
    const llmsize_gpu **gpus = (const llmsize_gpu **)calloc(na, sizeof *gpus);
    llmsize_prepared *pp = (llmsize_prepared *)calloc(nf, sizeof *pp);
    const llmsize_prepared **plans = (const llmsize_prepared **)calloc(nf, sizeof *plans);
    int32_t *status = (int32_t *)calloc(cells, sizeof *status);
    int64_t *headroom = (int64_t *)calloc(cells, sizeof *headroom);
    uint8_t *fit = (uint8_t *)calloc(cells, 1);
    llmsize_grid_columns cols;
    size_t i, k, j, plans_n = 0, fits = 0;
    double t[5];
    int rep;
    if (!gpus || !pp || !plans || !status || !headroom || !fit) return;
    memset(&cols, 0, sizeof cols);
    cols.status = status; cols.headroom_bytes = headroom; cols.fits = fit;
    for (j = 0; j < na; ++j) gpus[j] = llmsize_gpu_at(j);
    for (k = 0; k < nf; ++k) plans[k] = &pp[k];
    for (rep = 0; rep < 6; ++rep) {   /* the first (which counts what fits) untimed */
        double t0 = now_ns();
        plans_n = 0;
        for (i = 0; i < nm; ++i) {
            const llmsize_model *m = llmsize_model_at(i);
            llmsize_params pr;
            if (llmsize_params_of(m, &pr)) continue;
            for (k = 0; k < nf; ++k) {
                llmsize_plan p;
                memset(&p, 0, sizeof p);
                p.model = m; p.format = llmsize_format_at(k); p.params = &pr; p.seqs = 1; p.gpu = gpus[0];
                (void)llmsize_prepare(&p, &pp[k]);   /* a failure leaves LLMSIZE_ERR_NULL in its cells */
            }
            if (llmsize_prepared_grid(plans, nf, gpus, na, ctx, 4, 1, &cols)) continue;
            plans_n += cells;
            if (rep == 0) for (j = 0; j < cells; ++j) fits += fit[j];   /* a check, not timed */
        }
        if (rep) t[rep - 1] = (now_ns() - t0) / 1e6;
    }
    qsort(t, 5, sizeof t[0], cmp_double);
    printf("\nfull sweep (prepare + grid: status, headroom, fits): %zu models x %zu formats x %zu accelerators x 4 contexts = %zu plans (%zu fit): "
           "median %.1f ms (%.1f - %.1f), %.1f ns per plan; goal <= 20 ms\n",
           nm, nf, na, plans_n, fits, t[2], t[0], t[4], t[2] * 1e6 / (double)plans_n);
    free(fit);
    free(headroom);
    free(status);
    free(plans);
    free(pp);
    free(gpus);
}

int main(void) {
    size_t n = llmsize_model_count();
    cached_w = (llmsize_weights *)calloc(n, sizeof *cached_w);
    cached_p = (llmsize_params *)calloc(n, sizeof *cached_p);
    if (!cached_w || !cached_p) return 1;
    printf("llmsize %s, data %s: %zu models, %zu formats, %zu accelerators\n\n", llmsize_version(),
           llmsize_data_version(), n, llmsize_format_count(), llmsize_gpu_count());
    printf("| %-46s | %9s | %-17s | %8s | %s |\n", "call", "ns (med)", "spread (min-max)", "calls", "goal");
    printf("|%s|%s|%s|%s|%s|\n", "------------------------------------------------", "-----------", "-------------------",
           "----------", "------");
    prepare_repos();
    if (!repos) return 1;
    report("lookup: model by id (every model)", lookup_ids, "<= 50 ns");
    report("lookup: model by HF repo (every model)", lookup_repos, "<= 50 ns");
    report("lookup: accelerator (id, nvidia-smi, GFD)", lookup_gpus, "<= 50 ns");
    report("resolve: quantized repo, fine-tune, Ollama tag, GGUF file", resolve_names, "");
    report("resolve: accelerator with a memory size (M3 Max 36GB)", resolve_apple, "");
    report("suggest: close names for a typo (models, accelerators)", suggest_typos, "");
    report("params: every model", params_all, "");
    report("weight bytes: Q4_K_M, every model", weights_gguf, "");
    report("weight bytes: every model x every format", weights_all, "");
    report("KV bytes: 32k x 4, every model", kv_all, "");
    report("decode speed: Q4_K_M on H100, every model", speed_all, "");
    report("fit (no engine, bf16), every model", fit_none, "<= 50 ns");
    prepare_caches("bf16");
    report("fit (no engine, bf16), weights cached", fit_none_cached, "<= 50 ns");
    {
        size_t i;
        prepared = (llmsize_prepared *)calloc(n, sizeof *prepared);
        if (!prepared) return 1;
        for (i = 0; i < n; ++i) {
            llmsize_plan p;
            memset(&p, 0, sizeof p);
            p.model = llmsize_model_at(i);
            llmsize_find_format("bf16", &p.format);
            llmsize_find_gpu("h100-sxm", &p.gpu);
            llmsize_prepare(&p, &prepared[i]);
        }
    }
    report("fit, prepared (no engine, bf16): verdict columns", prepared_pass, "<= 50 ns");
    report("fit, prepared: all columns (max context, decode)", prepared_all_columns, "");
    report("fit under vLLM rules (bf16), every model", fit_vllm, "");
    report("fit under vLLM rules, weights cached", fit_vllm_cached, "");
    report("fit under llama.cpp rules (Q4_K_M)", fit_llamacpp, "");
    report("fit under llama.cpp rules, RTX 4090 (-ngl search)", fit_llamacpp_offload, "");
    report("plan_suggest, llama.cpp on an RTX 4090, every model", suggest_llamacpp, "");
    report("select: the table in 3 formats, RTX 4090 (one ranking)", select_table, "");
    report("engine command line -> plan", parse_commands, "");
    sweep();
    free(prepared);
    free(repos);
    free(cached_w);
    free(cached_p);
    return (int)(sink & 0); /* sink is read so the work is kept */
}
