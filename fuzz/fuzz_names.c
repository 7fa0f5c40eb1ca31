/* Every entry point that takes a name: models, accelerators, formats, KV dtypes, engines,
   licences, close-name suggestions. Input: one name (any bytes; NUL ends it early). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char name[512];
    const char *sug[8];
    const llmsize_model *m = NULL;
    const llmsize_gpu *a = NULL;
    const llmsize_format *f = NULL;
    const llmsize_license *l = NULL;
    llmsize_kv_dtype d;
    llmsize_engine e;
    size_t n = size < sizeof name - 1 ? size : sizeof name - 1, k, t;
    memcpy(name, data, n);
    name[n] = '\0';
    if (llmsize_find_model(name, &m) == LLMSIZE_OK) FUZZ_CHECK(m != NULL);
    else FUZZ_CHECK(m == NULL);
    if (llmsize_find_gpu(name, &a) == LLMSIZE_OK) FUZZ_CHECK(a != NULL);
    if (llmsize_find_format(name, &f) == LLMSIZE_OK) FUZZ_CHECK(f != NULL);
    (void)llmsize_find_kv_dtype(name, &d);
    (void)llmsize_find_engine(name, &e);
    (void)llmsize_find_license(name, &l);
    t = size ? data[0] % 7u : 0; /* one table per input (6 = none): suggestions are the slow path */
    if (t < 6) {
        size_t got = llmsize_suggest((llmsize_table)t, name, sug, 8);
        FUZZ_CHECK(got <= 8);
        for (k = 0; k < got; ++k) FUZZ_CHECK(sug[k] != NULL && strlen(sug[k]) < 256);
    }
    return 0;
}
