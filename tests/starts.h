/* Engine starts (tests/data/vllm_starts.tsv): a command line, the engine version and GPU it
   ran on, and what the engine logged. One reader for the test suite (tests/test_plans.c) and
   the accuracy report (tools/accuracy.c): parse the command as a user would hand it to
   llmsize_parse_command, pin the release, then fit twice -- end to end on the GPU (when the
   log names it), and with the KV memory the engine logged (the figures that follow from it:
   tokens, concurrency, the refusal). Header-only, static; include after llmsize.h. */
#ifndef LLMSIZE_TESTS_STARTS_H
#define LLMSIZE_TESTS_STARTS_H
#include <stdlib.h>
#include <string.h>

#define STARTS_GIB 1073741824.0

enum { START_ENGINE, START_GPU, START_GPU_GIB, START_COMMAND, START_ENV, START_WEIGHTS, START_AVAIL, START_TOKENS,
       START_CONCURRENCY, START_NEEDED, START_OUTCOME, START_SOURCE, START_FIELDS };

typedef struct start_fit {
    llmsize_parsed ps;              /* the command as parsed, release and GPU set        */
    llmsize_gpu gpu;                /* the GPU (a table row, or its logged total)        */
    int on_gpu;                     /* the log says which GPU: `e2e` is predicted         */
    llmsize_plan_result e2e;        /* end to end, from the GPU                           */
    int pooled;                     /* the log printed its KV memory: `given` is set     */
    llmsize_plan_result given;      /* with the KV memory the engine logged              */
    double weights, avail, tokens, concurrency, needed;   /* the log's figures (< 0: none) */
    const char *outcome, *source;
    char argbuf[2048];
    const char *argv[96];
    const char *envv[4];
} start_fit;

static double start_num(const char *s) { return strcmp(s, "-") ? atof(s) : -1.0; }

/* 0 and a status (why says more) when the row cannot be planned. */
static llmsize_status start_run(char *const *f, int n, start_fit *s, const char **why) {
    llmsize_engine e;
    const llmsize_gpu *g = NULL;
    size_t argc = 0, envc = 0;
    char *tok;
    llmsize_status st;
    *why = "";
    memset(s, 0, sizeof *s);
    if (n < START_FIELDS) { *why = "short row"; return LLMSIZE_ERR_PARSE; }
    s->weights = start_num(f[START_WEIGHTS]); s->avail = start_num(f[START_AVAIL]); s->tokens = start_num(f[START_TOKENS]);
    s->concurrency = start_num(f[START_CONCURRENCY]); s->needed = start_num(f[START_NEEDED]);
    s->outcome = f[START_OUTCOME]; s->source = f[START_SOURCE];
    strncpy(s->argbuf, f[START_COMMAND], sizeof s->argbuf - 1);
    for (tok = strtok(s->argbuf, " "); tok && argc < 96; tok = strtok(NULL, " ")) s->argv[argc++] = tok;
    if (strcmp(f[START_ENV], "-")) s->envv[envc++] = f[START_ENV];
    if ((st = llmsize_parse_command(argc, s->argv, envc, s->envv, &s->ps)) != LLMSIZE_OK) { *why = "command"; return st; }
    if (!s->ps.plan.model || !s->ps.plan.format) { *why = "model or format not resolved"; return LLMSIZE_ERR_UNKNOWN_MODEL; }
    if ((st = llmsize_find_engine_release(f[START_ENGINE], &e, &s->ps.plan.release)) != LLMSIZE_OK) { *why = "engine version"; return st; }
    if ((uint32_t)e != s->ps.plan.engine) { *why = "engine"; return LLMSIZE_ERR_UNKNOWN_ENGINE; }
    /* gpu_gib '?': the GPU is known (its defaults apply) but not the total CUDA gives the
       engine (unified memory): no end-to-end figures */
    s->on_gpu = (strcmp(f[START_GPU], "-") != 0 || strcmp(f[START_GPU_GIB], "-") != 0) && strcmp(f[START_GPU_GIB], "?") != 0;
    if (llmsize_find_gpu(strcmp(f[START_GPU], "-") ? f[START_GPU] : "h100-sxm", &g) != LLMSIZE_OK) { *why = "gpu"; return LLMSIZE_ERR_UNKNOWN_GPU; }
    s->gpu = *g;
    if (strcmp(f[START_GPU_GIB], "-") && strcmp(f[START_GPU_GIB], "?"))   /* the device total the engine printed */
        s->gpu.mem_bytes = (uint64_t)(atof(f[START_GPU_GIB]) * STARTS_GIB) + llmsize_engine_at(e)->device_reserved;
    s->ps.plan.gpu = &s->gpu;
    if ((st = llmsize_plan_fit(&s->ps.plan, &s->e2e)) != LLMSIZE_OK) { (void)llmsize_plan_check(&s->ps.plan, why); return st; }
    if (s->avail > 0) {
        llmsize_plan p = s->ps.plan;
        p.kv_pool_bytes = (uint64_t)(s->avail * STARTS_GIB);
        if ((st = llmsize_plan_fit(&p, &s->given)) != LLMSIZE_OK) { *why = "fit with the logged pool"; return st; }
        s->pooled = 1;
    }
    return LLMSIZE_OK;
}

/* What the engine did by our plan: end to end when the GPU is known, else from its pool. */
static const char *start_outcome(const start_fit *s) {
    if (s->on_gpu) return llmsize_outcome_name(s->e2e.outcome);
    return s->pooled ? llmsize_outcome_name(s->given.outcome) : NULL;
}

#endif
