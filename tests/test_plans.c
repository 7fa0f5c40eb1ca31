/* Serving plans against engine load logs (tests/data/llamacpp_logs.tsv, vllm_logs.tsv,
   sglang_logs.tsv). Each row carries its source. */
#include "testing.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIB 1048576.0
#define GIB 1073741824.0

static int within(double got, double want, double rel) { return fabs(got - want) <= rel * fabs(want) + 0.006; }

/* ---- llama.cpp / Ollama: model buffer 1 %, KV buffer 1 %, compute buffer 10 % ---- */
static int n_llamacpp;
static double worst_model, worst_kv, worst_compute;
static void track(double *worst, double got, double want) {
    double e = want > 0 ? fabs(got - want) / want : 0.0;
    if (e > *worst) *worst = e;
}
static void llamacpp_row(const row_t *r) {
    llmsize_plan p;
    llmsize_plan_result res;
    llmsize_kv_dtype d;
    llmsize_status st;
    memset(&p, 0, sizeof p);
    p.model = model(r->f[1]);
    p.format = format(r->f[2]);
    p.accel = accel("rtx-4090");   /* buffers do not depend on the card */
    if (!p.model || !p.format || !p.accel) return;
    CHECK(llmsize_find_engine(r->f[0], (llmsize_engine *)&p.engine) == LLMSIZE_OK, "engine %s", r->f[0]);
    p.context = strtoull(r->f[3], NULL, 10);
    p.seqs = (uint32_t)atoi(r->f[4]);
    p.ubatch = (uint32_t)atoi(r->f[5]);
    if (strstr(r->f[6], "fa")) p.flags |= LLMSIZE_PLAN_FLASH_ATTN;
    if (strcmp(r->f[7], "all")) { p.flags |= LLMSIZE_PLAN_GPU_LAYERS; p.gpu_layers = atoi(r->f[7]); }
    CHECK(llmsize_find_kv_dtype(r->f[8], &d) == LLMSIZE_OK, "kv dtype %s", r->f[8]);
    p.kv_dtype = d;
    st = llmsize_plan_fit(&p, &res);
    CHECK(st == LLMSIZE_OK, "plan %s %s: %s", r->f[0], r->f[1], llmsize_strerror(st));
    if (st != LLMSIZE_OK) return;
    if (strcmp(r->f[9], "-")) {
        const double want_gpu = atof(r->f[9]), want_host = atof(r->f[10]);
        const double host_model = (double)res.host_weight_bytes;
        CHECK(within(res.weight_bytes / MIB, want_gpu, 0.01), "%s %s %s: GPU model buffer %.2f MiB, log %.2f MiB (%s)",
              r->f[0], r->f[1], r->f[2], res.weight_bytes / MIB, want_gpu, r->f[14]);
        CHECK(within(host_model / MIB, want_host, 0.01), "%s %s %s: host model buffer %.2f MiB, log %.2f MiB",
              r->f[0], r->f[1], r->f[2], host_model / MIB, want_host);
        track(&worst_model, res.weight_bytes / MIB, want_gpu);
        track(&worst_model, host_model / MIB, want_host);
    }
    {
        const double want_kv = atof(r->f[11]);
        CHECK(within(res.kv_bytes / MIB, want_kv, 0.01), "%s %s ctx %s x %s: KV %.2f MiB, log %.2f MiB (%s)", r->f[0],
              r->f[1], r->f[3], r->f[4], res.kv_bytes / MIB, want_kv, r->f[14]);
        track(&worst_kv, res.kv_bytes / MIB, want_kv);
    }
    if (strcmp(r->f[12], "-")) {
        CHECK(within(res.host_kv_bytes / MIB, atof(r->f[12]), 0.01), "%s %s: host KV %.2f MiB, log %s MiB", r->f[0],
              r->f[1], res.host_kv_bytes / MIB, r->f[12]);
    }
    if (strcmp(r->f[13], "-")) {
        const double want = atof(r->f[13]);
        CHECK(within(res.activation_bytes / MIB, want, 0.10), "%s %s: compute buffer %.2f MiB, log %.2f MiB", r->f[0],
              r->f[1], res.activation_bytes / MIB, want);
        track(&worst_compute, res.activation_bytes / MIB, want);
    }
    ++n_llamacpp;
}

void test_plans(void) {
    each_row("llamacpp_logs.tsv", llamacpp_row);
    printf("llama.cpp/Ollama: %d load logs; worst error model buffer %.2f %%, KV %.2f %%, compute %.1f %%\n", n_llamacpp,
           100 * worst_model, 100 * worst_kv, 100 * worst_compute);
    CHECK(n_llamacpp >= 10, "llama.cpp rows %d", n_llamacpp);
}
