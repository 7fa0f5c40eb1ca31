/* Rows are records (llmsize_data.h): every value is written F_(field, value). The library
   reads the rows in order (C99 and C++11 have no designated initializers in common); this
   program compiles the same rows a second time as C99 designated initializers
   (.field = value) and checks that each table is identical, byte for byte, to the one the
   library uses. A value written in the wrong place, or a field added to a struct but not in
   the same place in the rows, fails here instead of silently shifting a column.
   Part of `make check` and `make test`. */
#define LLMSIZE_IMPLEMENTATION
#define LLMSIZE_STATIC
#include "llmsize.h"   /* the positional tables */

#include <stdio.h>

/* the same rows, by name */
#undef LLMSIZE_DATA_H
#define LLMSIZE_ROWS_NAMED
#define llmsize__formats named_formats
#define llmsize__gpus named_gpus
#define llmsize__efficiencies named_efficiencies
#define llmsize__models named_models
#define llmsize__releases named_releases
#define llmsize__ollama_tags named_ollama_tags
#define llmsize__licenses named_licenses
#define llmsize__quality named_quality
#define llmsize__engines named_engines
#define llmsize__engine_releases named_engine_releases
#define llmsize__hf_families named_hf_families
#define llmsize__model_index named_model_index
#define llmsize__gpu_index named_gpu_index
#define llmsize__model_sketch named_model_sketch
#define llmsize__gpu_sketch named_gpu_sketch
#define llmsize__row_name_tokens named_row_name_tokens
#define llmsize__release_tokens named_release_tokens
#define llmsize__quality_trend_index named_quality_trend_index
#define llmsize__format_quality_first named_format_quality_first
#define llmsize__format_quality_rows named_format_quality_rows
#include "llmsize_data.h"
#undef llmsize__formats
#undef llmsize__gpus
#undef llmsize__efficiencies
#undef llmsize__models
#undef llmsize__releases
#undef llmsize__ollama_tags
#undef llmsize__licenses
#undef llmsize__quality
#undef llmsize__engines
#undef llmsize__engine_releases
#undef llmsize__hf_families
#undef llmsize__model_index
#undef llmsize__gpu_index
#undef llmsize__model_sketch
#undef llmsize__gpu_sketch
#undef llmsize__row_name_tokens
#undef llmsize__release_tokens
#undef llmsize__quality_trend_index
#undef llmsize__format_quality_first
#undef llmsize__format_quality_rows

static int failed, tables;

/* Rows compare byte for byte: the same string literal is one object in a translation unit
   (both tables are in this one) and static storage zeroes the padding. */
static void same(const char *table, const void *a, const void *b, size_t row_size, size_t rows_a, size_t rows_b) {
    size_t i;
    ++tables;
    if (rows_a != rows_b) { printf("check_rows: %s: %zu rows in order, %zu by name\n", table, rows_a, rows_b); ++failed; return; }
    for (i = 0; i < rows_a; ++i)
        if (memcmp((const char *)a + i * row_size, (const char *)b + i * row_size, row_size)) {
            printf("check_rows: %s row %zu: a value is not in its field's place\n", table, i);
            ++failed;
        }
}
#define SAME(table, named) \
    same(#table, table, named, sizeof table[0], sizeof table / sizeof table[0], sizeof named / sizeof named[0])

int main(void) {
    SAME(llmsize__formats, named_formats);
    SAME(llmsize__gpus, named_gpus);
    SAME(llmsize__efficiencies, named_efficiencies);
    SAME(llmsize__models, named_models);
    SAME(llmsize__releases, named_releases);
    SAME(llmsize__ollama_tags, named_ollama_tags);
    SAME(llmsize__licenses, named_licenses);
    SAME(llmsize__quality, named_quality);
    SAME(llmsize__engines, named_engines);
    SAME(llmsize__engine_releases, named_engine_releases);
    SAME(llmsize__hf_families, named_hf_families);
    SAME(llmsize__model_index, named_model_index);
    SAME(llmsize__gpu_index, named_gpu_index);
    SAME(llmsize__model_sketch, named_model_sketch);
    SAME(llmsize__gpu_sketch, named_gpu_sketch);
    SAME(llmsize__row_name_tokens, named_row_name_tokens);
    SAME(llmsize__release_tokens, named_release_tokens);
    ++tables;
    if (memcmp(&llmsize__quality_trend_index, &named_quality_trend_index, sizeof named_quality_trend_index)) {
        printf("check_rows: llmsize__quality_trend_index: a value is not in its field's place\n");
        ++failed;
    }
    {   /* llmsize__tensor_class folds a tensor's name to lower case and looks for each
           needle as written: a needle with a capital letter would never match */
        size_t i;
        const char *c;
        for (i = 0; i < sizeof llmsize__tensor_classes / sizeof llmsize__tensor_classes[0]; ++i)
            for (c = llmsize__tensor_classes[i].needle; *c; ++c)
                if (*c >= 'A' && *c <= 'Z') { printf("check_rows: tensor class needle \"%s\" is not lower case\n", llmsize__tensor_classes[i].needle); ++failed; break; }
    }
    if (!failed) printf("check_rows: %d tables, every value in its field's place; tensor class needles lower case\n", tables);
    return failed != 0;
}
