/* scheduler: place LLM deployments on a cluster with first-fit-decreasing over
   llmsize_plan_fit. Each deployment (model, format, engine settings, replicas) needs a
   group of identical accelerators on one node; biggest first, each replica on the first
   node with enough free accelerators of a kind that fits it. No sizing math here: every
   number comes from the library. */
#include "llmsize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct node { const char *name, *gpu; unsigned count, free; } node;
typedef struct deployment {
    const char *name, *model, *format, *engine;
    unsigned long long context;
    unsigned seqs, replicas;
    unsigned gpus_each;        /* set by plan(): accelerators one replica needs          */
    unsigned long long bytes;  /* per-accelerator need, for ordering                     */
} deployment;

static node cluster[] = {
    { "node-a", "h100-sxm", 8, 8 },
    { "node-b", "h100-sxm", 4, 4 },
    { "node-c", "l40s", 4, 4 },
    { "node-d", "rtx-4090", 2, 2 },
};

static deployment jobs[] = {
    { "chat-70b",     "llama-3.3-70b",        "fp8",    "vllm",     32768, 16, 2, 0, 0 },
    { "coder-32b",    "qwen3-32b",            "fp8",    "vllm",     32768,  4, 1, 0, 0 },
    { "moe-235b",     "qwen3-235b-a22b",      "fp8",    "vllm",     16384,  8, 1, 0, 0 },
    { "helpdesk-8b",  "llama-3.1-8b",         "Q4_K_M", "llamacpp",  8192,  4, 3, 0, 0 },
    { "reasoner-671b","deepseek-r1",          "fp8-block", "sglang", 32768, 8, 1, 0, 0 },
    { "tiny-edge",    "qwen3-4b",             "Q8_0",   "ollama",    8192,  2, 2, 0, 0 },
};

/* Fewest accelerators of `gpu` that hold one replica (0: none up to 8). */
static unsigned gpus_needed(const deployment *d, const char *gpu, unsigned long long *bytes) {
    llmsize_plan p;
    llmsize_engine e;
    uint32_t n = 0;
    llmsize_plan_result r;
    memset(&p, 0, sizeof p);
    if (llmsize_find_model(d->model, &p.model) != LLMSIZE_OK || llmsize_find_format(d->format, &p.format) != LLMSIZE_OK ||
        llmsize_find_gpu(gpu, &p.gpu) != LLMSIZE_OK || llmsize_find_engine(d->engine, &e) != LLMSIZE_OK)
        return 0;
    p.engine = e;
    p.context = d->context;
    p.seqs = d->seqs;
    if (llmsize_plan_min_gpus(&p, 8u, &n) != LLMSIZE_OK) return 0;
    p.gpus = n;   /* the engine lays them out: tensor parallel, or layers split (llama.cpp, Ollama) */
    if (llmsize_plan_fit(&p, &r) == LLMSIZE_OK) *bytes = r.total_bytes;
    return n;
}

static int by_need_desc(const void *a, const void *b) {
    const deployment *x = (const deployment *)a, *y = (const deployment *)b;
    unsigned long long nx = (unsigned long long)x->gpus_each * x->bytes, ny = (unsigned long long)y->gpus_each * y->bytes;
    if (nx != ny) return nx < ny ? 1 : -1;
    return strcmp(x->name, y->name);
}

int main(void) {
    const size_t n_nodes = sizeof cluster / sizeof cluster[0], n_jobs = sizeof jobs / sizeof jobs[0];
    size_t i, k;
    unsigned placed = 0, failed = 0;
    /* size each job on the largest accelerator kind in the cluster, to order them */
    for (i = 0; i < n_jobs; ++i) jobs[i].gpus_each = gpus_needed(&jobs[i], "h100-sxm", &jobs[i].bytes);
    qsort(jobs, n_jobs, sizeof jobs[0], by_need_desc);
    printf("%-14s %-22s %-9s %-9s %-8s %s\n", "deployment", "model", "format", "engine", "replica", "placement");
    for (i = 0; i < n_jobs; ++i) {
        unsigned r;
        for (r = 0; r < jobs[i].replicas; ++r) {
            int done = 0;
            for (k = 0; k < n_nodes && !done; ++k) {
                unsigned long long bytes = 0;
                const unsigned need = gpus_needed(&jobs[i], cluster[k].gpu, &bytes);
                if (!need || need > cluster[k].free) continue;
                cluster[k].free -= need;
                printf("%-14s %-22s %-9s %-9s %u/%-6u %s: %u x %s (%.1f GiB each)\n", jobs[i].name, jobs[i].model, jobs[i].format,
                       jobs[i].engine, r + 1, jobs[i].replicas, cluster[k].name, need, cluster[k].gpu, bytes / 1073741824.0);
                done = 1;
                ++placed;
            }
            if (!done) {
                printf("%-14s %-22s %-9s %-9s %u/%-6u NOT PLACED: %s\n", jobs[i].name, jobs[i].model, jobs[i].format, jobs[i].engine,
                       r + 1, jobs[i].replicas,
                       jobs[i].gpus_each ? "no node has enough free accelerators of a kind it fits on"
                                         : "does not fit on up to 8 accelerators of any kind here");
                ++failed;
            }
        }
    }
    printf("\n%u replicas placed, %u not placed. Free accelerators left:", placed, failed);
    for (k = 0; k < n_nodes; ++k) printf(" %s %u/%u", cluster[k].name, cluster[k].free, cluster[k].count);
    printf("\n");
    return 0;
}
