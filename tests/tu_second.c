/* A second translation unit: a private (LLMSIZE_STATIC) copy of the implementation next
   to the shared one in llmsize.c, plus the public declarations. Links without clashes. */
#define LLMSIZE_STATIC
#define LLMSIZE_IMPLEMENTATION
#include "llmsize.h"

int llmsize_test_second_tu(void);
int llmsize_test_second_tu(void) {
    const llmsize_model *m = 0;
    return llmsize_find_model("llama-3.1-8b", &m) == LLMSIZE_OK && m != 0;
}
