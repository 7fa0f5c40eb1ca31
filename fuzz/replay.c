/* Replays files through a fuzz target without libFuzzer (any compiler, valgrind, gcov):
   `make fuzz-replay` runs the committed corpora this way. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    static uint8_t buf[1 << 20];
    int i, n = 0;
    for (i = 1; i < argc; ++i) {
        FILE *f = fopen(argv[i], "rb");
        size_t size;
        if (!f) { perror(argv[i]); return 1; }
        size = fread(buf, 1, sizeof buf, f);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, size);
        ++n;
    }
    printf("replayed %d inputs\n", n);
    return 0;
}
