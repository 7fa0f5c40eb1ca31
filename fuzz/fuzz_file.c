/* The GGUF and safetensors header readers on any bytes: never a crash, a read past the
   buffer (ASan), UB or a hang; an answer's parts always add up; a prefix of an input is
   either enough or asks for more than it has. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    llmsize_file_info fi, half;
    llmsize_status st = llmsize_read_file(data, size, &fi), sh;
    (void)llmsize_read_gguf(data, size, &half);
    (void)llmsize_read_safetensors(data, size, &half);
    if (st == LLMSIZE_OK) {
        const uint64_t *b = fi.bytes.by_component;
        uint64_t sum = fi.other_bytes;
        int k;
        for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k) sum += b[k];
        FUZZ_CHECK(sum == fi.bytes.total);
        FUZZ_CHECK(fi.params.text <= fi.params.total);
        if (fi.has_model) FUZZ_CHECK(llmsize_model_validate(&fi.model) == LLMSIZE_OK);
    }
    if (st == LLMSIZE_ERR_TRUNCATED) FUZZ_CHECK(fi.needed > size);
    sh = llmsize_read_file(data, size / 2, &half);
    if (sh == LLMSIZE_ERR_TRUNCATED) FUZZ_CHECK(half.needed > size / 2);
    return 0;
}
