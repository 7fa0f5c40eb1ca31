/* Exact mode against files written by the formats' own writers (tests/gen_files.py, with
   the gguf and safetensors packages): totals, parameters, data offsets and component sums
   must equal what the writers report; every prefix of a file either parses or says how many
   bytes it needs; corrupt and hostile headers return their documented status.
   usage: test_files DIR   (DIR holds expected.tsv and the files) */
#include "llmsize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) ++passed; else { ++failed; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); printf("\n"); } } while (0)

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *b;
    long n;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b = (unsigned char *)malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) { free(b); b = NULL; }
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Fetch the way a caller with HTTP range requests would: 16 bytes, then what `needed` says. */
static llmsize_status by_prefixes(const unsigned char *buf, size_t len, llmsize_file_info *fi, int *rounds) {
    size_t have = 16;
    llmsize_status st;
    *rounds = 0;
    for (;;) {
        ++*rounds;
        st = llmsize_read_file(buf, have < len ? have : len, fi);
        if (st != LLMSIZE_ERR_TRUNCATED || have >= len || *rounds > 10000) return st;
        if (fi->needed <= have) return LLMSIZE_ERR_INVALID_ARG;   /* must always ask for more */
        have = (size_t)fi->needed;
    }
}


static void check_file(const char *dir, char **f) {
    char path[512];
    size_t len;
    unsigned char *buf;
    llmsize_file_info fi, pre;
    uint64_t got[8];
    int k, rounds;
    snprintf(path, sizeof path, "%s/%s", dir, f[0]);
    if (!(buf = slurp(path, &len))) { CHECK(0, "cannot read %s", path); return; }
    CHECK(llmsize_read_file(buf, len, &fi) == LLMSIZE_OK, "%s: read", f[0]);
    CHECK(fi.kind == (strcmp(f[1], "gguf") ? (uint32_t)LLMSIZE_FILE_SAFETENSORS : (uint32_t)LLMSIZE_FILE_GGUF), "%s kind", f[0]);
    CHECK(fi.n_tensors == strtoull(f[2], NULL, 10), "%s: %llu tensors, writer wrote %s", f[0], (unsigned long long)fi.n_tensors, f[2]);
    CHECK(fi.bytes.total == strtoull(f[3], NULL, 10), "%s: %llu tensor bytes, writer says %s", f[0],
          (unsigned long long)fi.bytes.total, f[3]);
    CHECK(fi.params.total == strtoull(f[4], NULL, 10), "%s: %llu parameters, writer says %s", f[0],
          (unsigned long long)fi.params.total, f[4]);
    CHECK(fi.header_bytes == strtoull(f[5], NULL, 10), "%s: data at %llu, writer put it at %s", f[0],
          (unsigned long long)fi.header_bytes, f[5]);
    for (k = 0; k < 8; ++k) got[k] = fi.bytes.by_component[k];   /* the writer's eight groups, in llmsize_component order */
    for (k = 0; k < 8; ++k)
        CHECK(got[k] == strtoull(f[6 + k], NULL, 10), "%s: %s %llu bytes, built with %s", f[0], llmsize_component_name((uint32_t)k),
              (unsigned long long)got[k], f[6 + k]);
    /* prefixes converge on the same answer, having fetched no more than the header */
    CHECK(by_prefixes(buf, len, &pre, &rounds) == LLMSIZE_OK && pre.bytes.total == fi.bytes.total && rounds < 64,
          "%s: prefix fetches (%d rounds)", f[0], rounds);
    CHECK(llmsize_read_file(buf, fi.header_bytes < len ? (size_t)fi.header_bytes : len, &pre) == LLMSIZE_OK,
          "%s: the header alone is enough", f[0]);
    if (fi.header_bytes > 80)   /* past any alignment padding: inside the header */
        CHECK(llmsize_read_file(buf, (size_t)fi.header_bytes - 80, &pre) == LLMSIZE_ERR_TRUNCATED && pre.needed > fi.header_bytes - 80,
              "%s: 80 bytes short says truncated", f[0]);
    if (strcmp(f[14], "-")) {   /* a file shaped like a table model: its metadata describes the same model */
        const llmsize_model *m = NULL;
        llmsize_params a, b;
        llmsize_weights w;
        llmsize_find_model(f[14], &m);
        CHECK(m && fi.has_model && llmsize_params_of(&fi.model, &a) == LLMSIZE_OK && llmsize_params_of(m, &b) == LLMSIZE_OK &&
              a.total == b.total && fi.model.dims.kv_heads == m->dims.kv_heads && fi.model.dims.max_ctx == m->dims.max_ctx,
              "%s: metadata describes %s", f[0], f[14]);
        {   /* elements of the model's components (not rope tables or other buffers) */
            uint64_t comp = 0;
            for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k) comp += fi.params.by_component[k];
            CHECK(comp == b.total, "%s: component elements %llu = the table's count %llu", f[0],
                  (unsigned long long)comp, (unsigned long long)b.total);
        }
        if (m && llmsize_weight_bytes(m, NULL, &w) == LLMSIZE_ERR_NULL) ++passed;
        /* the prediction for the file's own type, group by group (a real Q4_K_M layout:
           llama.cpp's rules, histogram equal to a published loader log) */
        if (m && fi.format && llmsize_weight_bytes(m, fi.format, &w) == LLMSIZE_OK) {
            const uint64_t *pred = w.by_component;
            for (k = 0; k < 8; ++k) {
                CHECK(pred[k] == got[k], "%s: %s predicted %llu bytes, the header has %llu", f[0], llmsize_component_name((uint32_t)k),
                      (unsigned long long)pred[k], (unsigned long long)got[k]);
                if (got[k]) printf("  %s %-14s predicted %12llu B, header %12llu B (%+.3f %%)\n", f[0], llmsize_component_name((uint32_t)k),
                                   (unsigned long long)pred[k], (unsigned long long)got[k],
                                   100.0 * ((double)pred[k] / (double)got[k] - 1.0));
            }
        }
    }
    if (strcmp(f[1], "gguf") == 0) {   /* tensors per ggml type, as the writer was told */
        char hist[512] = "";
        unsigned t;
        for (t = 0; t < LLMSIZE_GGML_TYPE_COUNT; ++t)
            if (fi.mix.tensors[t]) {
                char one[48];
                snprintf(one, sizeof one, "%s%s=%u", hist[0] ? "," : "", llmsize_ggml_type_name(t), fi.mix.tensors[t]);
                strncat(hist, one, sizeof hist - strlen(hist) - 1);
            }
        CHECK(!strcmp(hist, f[15]), "%s: types %s, writer wrote %s", f[0], hist, f[15]);
    }
    free(buf);
}

/* ---- hand-built hostile headers ---- */
typedef struct { unsigned char b[4096]; size_t n; } buf_t;
static void u32(buf_t *x, uint32_t v) { int i; for (i = 0; i < 4; ++i) x->b[x->n++] = (unsigned char)(v >> (8 * i)); }
static void u64(buf_t *x, uint64_t v) { int i; for (i = 0; i < 8; ++i) x->b[x->n++] = (unsigned char)(v >> (8 * i)); }
static void str(buf_t *x, const char *s) { size_t n = strlen(s); u64(x, n); memcpy(x->b + x->n, s, n); x->n += n; }

/* A valid two-tensor GGUF v3; the caller mutates one thing. */
static void gguf_two(buf_t *x, uint32_t type1, uint64_t off1, const char *key) {
    x->n = 0;
    memcpy(x->b, "GGUF", 4); x->n = 4;
    u32(x, 3); u64(x, 2); u64(x, 2);
    str(x, "general.architecture"); u32(x, 8); str(x, "llama");
    str(x, key); u32(x, 4); u32(x, 2);
    str(x, "token_embd.weight"); u32(x, 2); u64(x, 64); u64(x, 10); u32(x, 0); u64(x, 0);   /* F32 2560 B */
    str(x, "output.weight"); u32(x, 2); u64(x, 64); u64(x, 10); u32(x, type1); u64(x, off1);
}

static void test_hostile(void) {
    buf_t x;
    llmsize_file_info fi;
    char st[512];
    gguf_two(&x, 1, 2560, "llama.block_count");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_OK && fi.bytes.total == 2560 + 1280 && fi.n_tensors == 2,
          "hand-built GGUF reads (%llu bytes)", (unsigned long long)fi.bytes.total);
    {   /* a block count past 32 bits (2^32 + 32): the header reads, but it describes no model (never a truncated one) */
        buf_t y;
        y.n = 0;
        memcpy(y.b, "GGUF", 4); y.n = 4;
        u32(&y, 3); u64(&y, 0); u64(&y, 6);
        str(&y, "general.architecture"); u32(&y, 8); str(&y, "llama");
        str(&y, "llama.block_count"); u32(&y, 10); u64(&y, ((uint64_t)1 << 32) + 32); /* truncates to 32 */
        str(&y, "llama.embedding_length"); u32(&y, 4); u32(&y, 4096);
        str(&y, "llama.attention.head_count"); u32(&y, 4); u32(&y, 32);
        str(&y, "llama.feed_forward_length"); u32(&y, 4); u32(&y, 14336);
        str(&y, "llama.vocab_size"); u32(&y, 4); u32(&y, 128256);
        CHECK(llmsize_read_file(y.b, y.n, &fi) == LLMSIZE_OK && !fi.has_model, "2^32 + 32 layers is no model");
        y.n = 0;
        memcpy(y.b, "GGUF", 4); y.n = 4;
        u32(&y, 3); u64(&y, 0); u64(&y, 6);
        str(&y, "general.architecture"); u32(&y, 8); str(&y, "llama");
        str(&y, "llama.block_count"); u32(&y, 10); u64(&y, 32);
        str(&y, "llama.embedding_length"); u32(&y, 4); u32(&y, 4096);
        str(&y, "llama.attention.head_count"); u32(&y, 4); u32(&y, 32);
        str(&y, "llama.feed_forward_length"); u32(&y, 4); u32(&y, 14336);
        str(&y, "llama.vocab_size"); u32(&y, 4); u32(&y, 128256);
        CHECK(llmsize_read_file(y.b, y.n, &fi) == LLMSIZE_OK && fi.has_model && fi.model.dims.layers == 32 &&
              (fi.model.flags & LLMSIZE_F_TIED_EMBED), "the same header with 32 layers is a (tied: no output tensor) model");
    }
    gguf_two(&x, 99, 2560, "llama.block_count");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_UNSUPPORTED, "unknown tensor type 99");
    gguf_two(&x, 4, 2560, "llama.block_count");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_UNSUPPORTED, "removed type id 4 (Q4_2)");
    gguf_two(&x, 1, 0, "llama.block_count");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "overlapping tensor offsets");
    gguf_two(&x, 1, 2561, "llama.block_count");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "misaligned tensor offset");
    gguf_two(&x, 1, 2560, "llama.\xff\xfe");
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "non-UTF-8 key");
    gguf_two(&x, 1, 2560, "llama.block_count");
    x.b[0] = 'X';
    CHECK(llmsize_read_gguf(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "bad magic");
    gguf_two(&x, 1, 2560, "llama.block_count");
    x.b[4] = 1;
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_UNSUPPORTED, "GGUF v1 (32-bit counts)");
    gguf_two(&x, 1, 2560, "llama.block_count");
    memset(x.b + 8, 0xff, 8);
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "2^64-1 tensors");
    gguf_two(&x, 1, 2560, "llama.block_count");
    memset(x.b + 24, 0xff, 8);       /* the first key's length */
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_PARSE, "a key longer than 4 GiB");
    gguf_two(&x, 1, 2560, "llama.block_count");
    x.b[24] = 200;                   /* a key running past the buffer: fetch more */
    CHECK(llmsize_read_file(x.b, x.n, &fi) == LLMSIZE_ERR_TRUNCATED && fi.needed > x.n, "key past the buffer");
    CHECK(llmsize_read_file(NULL, 10, &fi) == LLMSIZE_ERR_NULL && llmsize_read_file(x.b, 10, NULL) == LLMSIZE_ERR_NULL, "NULLs");
    CHECK(llmsize_read_file(x.b, 3, &fi) == LLMSIZE_ERR_TRUNCATED && fi.needed == 8, "3 bytes");

    /* safetensors */
#define ST(json) do { size_t n_ = strlen(json); memset(st, 0, 8); st[0] = (char)n_; memcpy(st + 8, json, n_); } while (0)
    ST("{\"a.weight\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_OK && fi.bytes.total == 12, "minimal safetensors");
    ST("{\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]},\"b\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[8,12]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_PARSE, "overlapping offsets");
    ST("{\"a\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,10]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_PARSE, "offsets disagree with the shape");
    ST("{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,2]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_UNSUPPORTED, "unknown dtype");
    ST("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,16],\"data_offsets\":[0,4]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_OVERFLOW, "a shape past 2^64");
    ST("{\"\xc3\x28\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]}}");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_PARSE, "non-UTF-8 tensor name");
    ST("{\"a\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]");
    CHECK(llmsize_read_safetensors(st, 8 + strlen(st + 8), &fi) == LLMSIZE_ERR_PARSE, "unterminated JSON");
    memset(st, 0xff, 8);
    CHECK(llmsize_read_safetensors(st, 64, &fi) == LLMSIZE_ERR_PARSE, "an 18-EB header length");
    ST("{}");
    CHECK(llmsize_read_safetensors(st, 9, &fi) == LLMSIZE_ERR_TRUNCATED && fi.needed == 10, "short JSON says how much");
    CHECK(llmsize_read_safetensors(st, 5, &fi) == LLMSIZE_ERR_TRUNCATED && fi.needed == 8, "short length says 8");
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "build/files";
    char path[512], line[2048];
    char *f[17];
    FILE *in;
    int files = 0;
    snprintf(path, sizeof path, "%s/expected.tsv", dir);
    if (!(in = fopen(path, "r"))) { printf("FAIL: %s missing (run tests/gen_files.py)\n", path); return 1; }
    while (fgets(line, sizeof line, in)) {
        int n = 0;
        char *p = line;
        if (line[0] == '#') continue;
        f[n++] = p;
        for (; *p && n < 17; ++p) {
            if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
            else if (*p == '\n') *p = '\0';
        }
        if (n < 16) continue;
        check_file(dir, f);
        ++files;
    }
    fclose(in);
    CHECK(files >= 5, "%d generated files", files);
    test_hostile();
    printf("files: %d writer-made files and hostile headers: %d passed, %d failed\n", files, passed, failed);
    return failed ? 1 : 0;
}
