/* tools/calibrate_decode.c — the decode-efficiency rows of llmsize_data.h, recomputed.

   For every row of tests/data/decode.tsv (accelerator, model, format, measured tok/s): the
   fraction of the accelerator's peak bandwidth the measurement achieved, i.e. measured tok/s x
   bytes read per decode step (llmsize_speed at batch 1, 128 tokens of context, as the C suite
   asks) / bw_gbs. Per hardware class it prints the median (expected; the mean of the two
   middle ratios when the count is even) and the 10th/90th percentiles (low/high: the ratios at
   0-based ranks floor(0.1 n) and floor(0.9 n) of the sorted list), rounded to two places, beside
   the values llmsize_data.h holds. This is the rule that reproduces the table's first
   calibration (commit 0429bb5) from that commit's own data in three of its four classes; the
   unified class came out 0.85/0.69/0.95 there against the 0.86/0.71/0.99 committed.

   build/calibrate_decode [tests/data/decode.tsv]   (make calibrate) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "llmsize.h"

#define MAX_ROWS 1024

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* the value at 0-based rank floor(f n) of n sorted values */
static double at_fraction(const double *v, int n, double f) {
    int k = (int)floor(f * n);
    return v[k < n ? k : n - 1];
}
static double median(const double *v, int n) { return (v[(n - 1) / 2] + v[n / 2]) / 2.0; }

int main(int argc, char **argv) {
    static const struct { uint32_t cls; const char *name; } classes[] = {
        { LLMSIZE_HW_DATACENTER, "datacenter" }, { LLMSIZE_HW_CONSUMER, "consumer" },
        { LLMSIZE_HW_APPLE, "apple" }, { LLMSIZE_HW_UNIFIED, "unified" }, { LLMSIZE_HW_CPU, "cpu" } };
    static double ratio[5][MAX_ROWS];
    int count[5] = { 0 }, c, bad = 0;
    const char *path = argc > 1 ? argv[1] : "tests/data/decode.tsv";
    char line[4096];
    FILE *fp = fopen(path, "r");
    if (!fp) { perror(path); return 1; }
    while (fgets(line, sizeof line, fp)) {
        char *f[4], *s = line;
        int n = 0;
        const llmsize_gpu *a = NULL;
        const llmsize_model *m = NULL;
        const llmsize_format *fmt = NULL;
        llmsize_speed_request q;
        llmsize_speed_result r;
        if (line[0] == '#' || line[0] == '\n') continue;
        while (n < 4 && s) { f[n++] = s; s = strchr(s, '\t'); if (s) *s++ = '\0'; }
        if (n < 4 || llmsize_find_gpu(f[0], &a) || llmsize_find_model(f[1], &m) || llmsize_find_format(f[2], &fmt)) {
            fprintf(stderr, "%s: unresolved row %s %s %s\n", path, f[0], n > 1 ? f[1] : "", n > 2 ? f[2] : "");
            ++bad;
            continue;
        }
        memset(&q, 0, sizeof q);
        q.model = m; q.format = fmt; q.gpu = a; q.context = 128; q.seqs = 1;
        if (llmsize_speed(&q, &r) != LLMSIZE_OK) { ++bad; continue; }
        for (c = 0; c < 5; ++c)
            if (classes[c].cls == a->hw_class && count[c] < MAX_ROWS)
                ratio[c][count[c]++] = atof(f[3]) * (double)r.bytes_per_step / (a->bw_gbs * 1e9);
    }
    fclose(fp);
    for (c = 0; c < 5; ++c) {
        const llmsize_efficiency *e = llmsize_efficiency_of(classes[c].cls);
        if (!count[c]) { printf("%-10s no rows\n", classes[c].name); continue; }
        qsort(ratio[c], (size_t)count[c], sizeof ratio[c][0], cmp_double);
        printf("%-10s %3d rows: expected %.2f low %.2f high %.2f   (table: %.2f %.2f %.2f)\n", classes[c].name,
               count[c], median(ratio[c], count[c]), at_fraction(ratio[c], count[c], 0.1), at_fraction(ratio[c], count[c], 0.9),
               e ? e->expected : 0, e ? e->low : 0, e ? e->high : 0);
    }
    return bad ? 1 : 0;
}
