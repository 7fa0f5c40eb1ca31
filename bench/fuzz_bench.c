/* What one input of a fuzz target costs the library (make bench): the target's committed
   corpus run in a loop, built like the library (-O2, no sanitizer, no coverage counters), so
   the figure is the library's and the target's own checks, not the instrumentation's. The
   fuzzing campaign runs the same inputs under ASan, UBSan and libFuzzer's coverage counters,
   several times slower (README, "How it is tested"). Median of 5 passes over the corpus. */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    static uint8_t *in[8192];
    static size_t size[8192];
    double t[5], x;
    int i, n = argc - 2, pass, a, b;
    if (argc < 3 || n > 8192) { fprintf(stderr, "usage: fuzz_bench TARGET FILE...\n"); return 2; }
    for (i = 0; i < n; ++i) {
        FILE *f = fopen(argv[i + 2], "rb");
        if (!f || !(in[i] = (uint8_t *)malloc(1 << 16))) { perror(argv[i + 2]); return 1; }
        size[i] = fread(in[i], 1, 1 << 16, f);
        fclose(f);
    }
    for (i = 0; i < n; ++i) LLVMFuzzerTestOneInput(in[i], size[i]);   /* warm */
    for (pass = 0; pass < 5; ++pass) {
        const double t0 = now_s();
        for (i = 0; i < n; ++i) LLVMFuzzerTestOneInput(in[i], size[i]);
        t[pass] = (now_s() - t0) / n;
    }
    for (a = 0; a < 5; ++a) for (b = a + 1; b < 5; ++b) if (t[b] < t[a]) { x = t[a]; t[a] = t[b]; t[b] = x; }
    printf("| %-9s | %6d | %8.1f | %7.1f - %-7.1f | %9.0f |\n", argv[1], n, t[2] * 1e6, t[0] * 1e6, t[4] * 1e6, 1.0 / t[2]);
    for (i = 0; i < n; ++i) free(in[i]);
    return 0;
}
