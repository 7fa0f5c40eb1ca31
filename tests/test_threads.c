/* Many threads calling the library at once (make test-tsan builds this with ThreadSanitizer).
   The library keeps no mutable state, so every thread must get exactly the answers a single
   thread got first, and TSan must see no race. */
#include "llmsize.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 8
#define MAX_ROWS 4096

typedef struct answer { uint64_t params, weights, kv, total; int status, fits; double tps; } answer;
static answer expected[MAX_ROWS];
static size_t n_rows;
static const char *const formats[] = { "bf16", "fp8", "Q4_K_M", "awq", "IQ2_XXS" };
static const char *const engines[] = { "none", "vllm", "sglang", "llamacpp", "ollama" };

static answer compute(size_t row) {
    answer a;
    const llmsize_model *m = llmsize_model_at(row / 5);
    const llmsize_format *f = NULL;
    const llmsize_gpu *acc = NULL;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    llmsize_params p;
    llmsize_weights w;
    llmsize_plan plan;
    llmsize_plan_result r;
    memset(&a, 0, sizeof a);
    llmsize_find_format(formats[row % 5], &f);
    llmsize_find_engine(engines[row % 5], &e);
    llmsize_find_gpu(row % 2 ? "h100-sxm" : "rtx-4090", &acc);
    if (!llmsize_params_of(m, &p)) a.params = p.total;
    if (!llmsize_weight_bytes(m, f, &w)) a.weights = w.total;
    if (llmsize_kv_bytes(m, 32768, 4, LLMSIZE_KV_F16, &a.kv)) a.kv = 0;
    memset(&plan, 0, sizeof plan);
    plan.model = m; plan.format = f; plan.gpu = acc; plan.engine = e; plan.context = 16384; plan.seqs = 2;
    a.status = (int)llmsize_plan_fit(&plan, &r);
    if (!a.status) { a.total = r.total_bytes; a.fits = r.fits; a.tps = r.decode_tps; }
    return a;
}

static void *worker(void *arg) {
    size_t id = (size_t)arg, i, bad = 0;
    for (i = 0; i < n_rows; ++i) {
        size_t row = (i + id * 97) % n_rows; /* threads walk the table from different places */
        answer a = compute(row);
        if (memcmp(&a, &expected[row], sizeof a) != 0) ++bad;
    }
    return (void *)bad;
}

int main(void) {
    pthread_t t[THREADS];
    size_t i, bad = 0;
    n_rows = llmsize_model_count() * 5;
    if (n_rows > MAX_ROWS) n_rows = MAX_ROWS;
    for (i = 0; i < n_rows; ++i) expected[i] = compute(i);
    for (i = 0; i < THREADS; ++i)
        if (pthread_create(&t[i], NULL, worker, (void *)i)) { fprintf(stderr, "pthread_create failed\n"); return 1; }
    for (i = 0; i < THREADS; ++i) {
        void *r;
        pthread_join(t[i], &r);
        bad += (size_t)r;
    }
    printf("threads: %d threads x %zu plans each, %zu answers differed from the single-threaded ones\n",
           THREADS, n_rows, bad);
    return bad != 0;
}
