/* The resolver of "Sized as released": names as people write them (repos of quantized and
   fine-tuned models, Ollama tags, GGUF file names, repo:QUANT) -> a table model and the
   format it was released in. Input: one name (any bytes; NUL ends it early). What must
   hold for every name:
   - an answer is a row of the table, with the table name it matched and a format unless
     the name states one the table lacks (LLMSIZE_FROM_NONE);
   - a refusal (unknown, ambiguous, malformed) leaves nothing behind: never a neighbour;
   - the same name gives the same answer (no hidden state); engines other than Ollama read
     a name as llmsize_resolve does; Ollama's own library answers with a row too. */
#include "fuzz_common.h"

static void check_answer(llmsize_status st, const llmsize_resolution *r) {
    if (st == LLMSIZE_OK) {
        size_t k, n = llmsize_model_count();
        int row = 0;
        for (k = 0; k < n && !row; ++k) row = r->model == llmsize_model_at(k);
        FUZZ_CHECK(row);
        FUZZ_CHECK(llmsize_how_name(r->how) != NULL);
        FUZZ_CHECK(llmsize_format_from_name(r->format_from) != NULL);
        FUZZ_CHECK((r->format == NULL) == (r->format_from == LLMSIZE_FROM_NONE));
        FUZZ_CHECK(r->matched != NULL && r->matched_len > 0 && r->matched_len <= strlen(r->matched));
    } else {
        static const llmsize_resolution zero;
        FUZZ_CHECK(st == LLMSIZE_ERR_UNKNOWN_MODEL || st == LLMSIZE_ERR_AMBIGUOUS || st == LLMSIZE_ERR_PARSE ||
                   st == LLMSIZE_ERR_INVALID_ARG);
        FUZZ_CHECK(memcmp(r, &zero, sizeof zero) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char name[512];
    llmsize_resolution a, b;
    llmsize_status st, st2;
    uint32_t e;
    size_t n = size < sizeof name - 1 ? size : sizeof name - 1;
    memcpy(name, data, n);
    name[n] = '\0';
    st = llmsize_resolve(name, &a);
    check_answer(st, &a);
    st2 = llmsize_resolve(name, &b);   /* deterministic, byte for byte */
    FUZZ_CHECK(st2 == st && memcmp(&a, &b, sizeof a) == 0);
    for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
        st2 = llmsize_resolve_for(name, e, &b);
        check_answer(st2, &b);
        if (e != LLMSIZE_ENGINE_OLLAMA) FUZZ_CHECK(st2 == st && memcmp(&a, &b, sizeof a) == 0);
        else if (st == LLMSIZE_OK) FUZZ_CHECK(st2 == LLMSIZE_OK);   /* its library first, then the same reading */
        if (st2 == LLMSIZE_OK) {   /* the format the engine loads: one the name states, or a default */
            const llmsize_format *f = NULL;
            if (llmsize_format_for(&b, e, &f) == LLMSIZE_OK) FUZZ_CHECK(f != NULL);
            else FUZZ_CHECK(f == NULL);
        }
    }
    FUZZ_CHECK(llmsize_resolve_for(name, LLMSIZE_ENGINE_COUNT, &b) == LLMSIZE_ERR_INVALID_ARG);
    return 0;
}
