/* Shared by the test files: one pass/fail count, the CHECK macro, TSV reading, lookups. */
#ifndef LLMSIZE_TESTING_H
#define LLMSIZE_TESTING_H
#include "llmsize.h"
#include <stdio.h>

extern int passed, failed;
extern const char *data_dir;

#define CHECK(cond, ...) do { if (cond) { ++passed; } else { ++failed; \
    printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

/* TSV rows: '#' lines are headers; fields split on tabs in place */
#define ROW_FIELDS 24
typedef struct { char *f[ROW_FIELDS]; int n; } row_t;
typedef void (*row_fn)(const row_t *r);
void each_row(const char *name, row_fn fn);

const llmsize_model *model(const char *id);
const llmsize_format *format(const char *id);
const llmsize_gpu *gpu(const char *id);

void test_choose(void);
void test_hardening(void); /* tests/test_hardening.c: adversarial inputs, properties */
void test_names(void);    /* tests/test_names.c: names as people write them, checkpoints as released */
void test_plans(void);    /* tests/test_plans.c: serving plans against engine logs */   /* tests/test_choose.c: licences, quality, selection, scenarios */
void test_coverage_paths(void); /* tests/test_coverage_paths.c: the branches the others leave, by documented status */
#endif
