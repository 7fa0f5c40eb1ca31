/* The config.json reader (bounded, allocation-free), then every calculation on the model
   it describes. Input: the JSON text (not NUL-terminated: the reader takes a length). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    llmsize_model m;
    fuzz_in in;
    if (llmsize_model_from_hf_config((const char *)data, size, &m) != LLMSIZE_OK) return 0;
    FUZZ_CHECK(llmsize_model_validate(&m) == LLMSIZE_OK);
    in.p = data; in.n = size; /* reuse the text as the source of the other arguments */
    fuzz_everything(&m, &in);
    return 0;
}
