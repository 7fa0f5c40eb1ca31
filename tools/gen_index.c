/* tools/gen_index.c: the name index llmsize_data.h carries so that lookups are a hash and a
   probe or two instead of a scan of every alias, with what the close-name search and the
   resolver read first to skip most names (sketches, first-token bits), and the quality
   trend the quality estimate derives from the quality rows as a whole. `make index`
   rewrites the block between the NAME INDEX markers in llmsize_data.h with what this
   prints; `gen_index --check` (run by `make test`) fails when the committed block differs
   from the rows. */
#define LLMSIZE_IMPLEMENTATION
#define LLMSIZE_STATIC
#define LLMSIZE__GEN_INDEX   /* builds from a stale index too: it is what replaces it */
#include "llmsize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t hash; uint16_t row, at, len; uint8_t field; } key;

static int cmp_key(const void *a, const void *b) {
    const key *x = (const key *)a, *y = (const key *)b;
    if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
    if (x->row != y->row) return (int)x->row - (int)y->row;
    if (x->field != y->field) return (int)x->field - (int)y->field;
    return (int)x->at - (int)y->at;
}

/* Every name of a table in table order, empty ones too, with its row, field and byte offset:
   fn(ctx, row, field, name, at, length). */
typedef void (*name_fn)(void *ctx, size_t row, int field, const char *name, size_t at, size_t len);
static void each_name(llmsize_table t, name_fn fn, void *ctx) {
    const char *names[3];
    size_t i;
    int k;
    for (i = 0; llmsize__row_names(t, i, names); ++i)
        for (k = 0; k < 3; ++k) {
            const char *p = names[k];
            while (p && *p) {
                const size_t len = strcspn(p, "|"), at = (size_t)(p - names[k]);
                if (i > 65535u || at > 65535u || len > 65535u) {
                    fprintf(stderr, "gen_index: a row past 65535, or a name past byte 65535 of its field\n");
                    exit(1);
                }
                fn(ctx, i, k, p, at, len);
                p += len + (p[len] == '|');
            }
        }
}

typedef struct { key *out; size_t n, cap; } keys;
static void add_key(void *ctx, size_t row, int field, const char *name, size_t at, size_t len) {
    keys *k = (keys *)ctx;
    if (!len) return;   /* an empty name answers to nothing */
    if (k->n == k->cap) { fprintf(stderr, "gen_index: more than %zu names\n", k->cap); exit(1); }
    k->out[k->n].hash = llmsize__name_hash_bar(name, len, NULL); k->out[k->n].row = (uint16_t)row;
    k->out[k->n].field = (uint8_t)field; k->out[k->n].at = (uint16_t)at; k->out[k->n].len = (uint16_t)len;
    ++k->n;
}

/* Every (name, row) of a table with where the name sits (field, byte offset), hashed and
   sorted; returns how many. A row answering to the same name twice keeps both entries
   (the lookup stops at the first). */
static size_t collect(llmsize_table t, key *out, size_t cap) {
    keys k;
    k.out = out; k.n = 0; k.cap = cap;
    each_name(t, add_key, &k);
    qsort(out, k.n, sizeof *out, cmp_key);
    return k.n;
}

/* The open-addressed table the lookup probes: the smallest power of two at least twice the
   names (so probes stay short), each name at its hash's slot or the next free one, inserted
   in sorted order so the output is the same on every run. Returns the slots. */
static size_t build(const key *k, size_t n, key *slots, size_t cap) {
    size_t size = 64, i;
    while (size < 2 * n) size *= 2;
    if (size > cap) { fprintf(stderr, "gen_index: more than %zu slots\n", cap); exit(1); }
    for (i = 0; i < size; ++i) { memset(&slots[i], 0, sizeof slots[i]); slots[i].row = LLMSIZE__NO_ROW; }
    for (i = 0; i < n; ++i) {
        size_t at = k[i].hash & (size - 1);
        while (slots[at].row != LLMSIZE__NO_ROW) at = (at + 1) & (size - 1);
        slots[at] = k[i];
    }
    return size;
}

static void print(const char *name, const key *k, size_t n) {
    size_t i;
    printf("static const llmsize__name_key %s[%zu] = {", name, n);
    for (i = 0; i < n; ++i)
        printf("%s{0x%08xu,%u,%u,%u,%u},", i % 5 ? " " : "\n    ", (unsigned)k[i].hash, (unsigned)k[i].row, (unsigned)k[i].at,
               (unsigned)k[i].len, (unsigned)k[i].field);
    printf("\n};\n");
}

static int same(const key *k, size_t n, const llmsize__name_key *ix, size_t m) {
    size_t i;
    if (n != m) return 0;
    for (i = 0; i < n; ++i)
        if (k[i].hash != ix[i].hash || k[i].row != ix[i].row || k[i].at != ix[i].at || k[i].len != ix[i].len ||
            k[i].field != ix[i].field) return 0;
    return 1;
}

/* The bit of a name's first token (llmsize__token_bin; 64: it has none). */
static unsigned first_bin(const char *s, size_t n) {
    size_t first;
    const size_t e = llmsize__first_token(s, n, &first);
    return e == first ? 64u : llmsize__token_bin(e - first, (unsigned char)s[first]);
}

typedef struct { llmsize__name_sketch *out; size_t n, cap; } sketches;
static void add_sketch(void *ctx, size_t row, int field, const char *name, size_t at, size_t len) {
    sketches *s = (sketches *)ctx;
    const char *b = llmsize__tail(name, len);
    if (s->n == s->cap) { fprintf(stderr, "gen_index: more than %zu names\n", s->cap); exit(1); }
    s->out[s->n].letters = llmsize__letters(name, len);
    s->out[s->n].row = (uint16_t)row; s->out[s->n].at = (uint16_t)at; s->out[s->n].len = (uint16_t)len;
    s->out[s->n].field = (uint8_t)field;
    s->out[s->n].first = (uint8_t)first_bin(b, (size_t)(name + len - b));
    ++s->n;
}

/* Every name of a table, empty ones too, in table order, as the close-name search sketches
   it (llmsize__name_sketch). Returns how many. */
static size_t sketch(llmsize_table t, llmsize__name_sketch *out, size_t cap) {
    sketches s;
    s.out = out; s.n = 0; s.cap = cap;
    each_name(t, add_sketch, &s);
    return s.n;
}

static void print_sketch(const char *name, const llmsize__name_sketch *s, size_t n) {
    size_t i;
    printf("static const llmsize__name_sketch %s[%zu] = {", name, n);
    for (i = 0; i < n; ++i)
        printf("%s{0x%016llxu,%u,%u,%u,%u,%u},", i % 3 ? " " : "\n    ", (unsigned long long)s[i].letters, (unsigned)s[i].row,
               (unsigned)s[i].at, (unsigned)s[i].len, (unsigned)s[i].field, (unsigned)s[i].first);
    printf("\n};\n");
}

static int same_sketch(const llmsize__name_sketch *a, size_t n, const llmsize__name_sketch *b, size_t m) {
    size_t i;
    if (n != m) return 0;
    for (i = 0; i < n; ++i)
        if (a[i].letters != b[i].letters || a[i].row != b[i].row || a[i].at != b[i].at || a[i].len != b[i].len ||
            a[i].field != b[i].field || a[i].first != b[i].first) return 0;
    return 1;
}

/* The bits of every token of a name (llmsize__next_token, llmsize__token_bit). */
static uint64_t all_tokens(const char *s, size_t n) {
    uint64_t bits = 0;
    size_t i = 0, at, len;
    while ((len = llmsize__next_token(s, n, &i, &at)) != 0) bits |= llmsize__token_bit(len, (unsigned char)s[at]);
    return bits;
}

/* The token bits of every name the resolver tries for a model row (llmsize__row_name_next),
   in table order, and of each release repo's last part: a query lacking one of a name's
   bits cannot match it, and a row none of whose names it can match is skipped. Returns how
   many row names. */
static size_t row_tokens(llmsize__row_tokens *rows, size_t cap, uint64_t *releases) {
    size_t i, n = 0;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__models); ++i) {
        llmsize__row_names_it it;
        const char *nm, *entry;
        size_t len, entry_len;
        memset(&it, 0, sizeof it);
        it.m = &llmsize__models[i];
        while (llmsize__row_name_next(&it, &nm, &len, &entry, &entry_len)) {
            if (n == cap || i > 65535u) { fprintf(stderr, "gen_index: too many row names\n"); exit(1); }
            rows[n].tokens = all_tokens(nm, len);
            rows[n].row = (uint16_t)i;
            ++n;
        }
    }
    for (i = 0; i < LLMSIZE__COUNT(llmsize__releases); ++i) {
        const char *r = llmsize__releases[i].repo, *b = strrchr(r, '/');
        b = b ? b + 1 : r;
        releases[i] = all_tokens(b, strlen(b));
    }
    return n;
}

static void print_row_tokens(const char *name, const llmsize__row_tokens *v, size_t n) {
    size_t i;
    printf("static const llmsize__row_tokens %s[%zu] = {", name, n);
    for (i = 0; i < n; ++i) printf("%s{0x%016llxu,%u},", i % 4 ? " " : "\n    ", (unsigned long long)v[i].tokens, (unsigned)v[i].row);
    printf("\n};\n");
}

static int same_row_tokens(const llmsize__row_tokens *a, size_t n, const llmsize__row_tokens *b, size_t m) {
    size_t i;
    if (n != m) return 0;
    for (i = 0; i < n; ++i) if (a[i].tokens != b[i].tokens || a[i].row != b[i].row) return 0;
    return 1;
}

static void print_bits(const char *name, const uint64_t *v, size_t n) {
    size_t i;
    printf("static const uint64_t %s[%zu] = {", name, n);
    for (i = 0; i < n; ++i) printf("%s0x%016llxu,", i % 4 ? " " : "\n    ", (unsigned long long)v[i]);
    printf("\n};\n");
}

/* Was the committed index made from tables of these sizes? */
static int index_rows_match(void) {
#if defined(LLMSIZE__MODEL_INDEX_ROWS) && defined(LLMSIZE__GPU_INDEX_ROWS) && defined(LLMSIZE__RELEASE_INDEX_ROWS) && \
    defined(LLMSIZE__QUALITY_INDEX_ROWS) && defined(LLMSIZE__FORMAT_INDEX_ROWS)
    const llmsize__quality_trend t = llmsize__quality_trend_of();
    size_t i, at = 0, n;
    uint16_t rows[LLMSIZE__COUNT(llmsize__quality)];
    if (LLMSIZE__FORMAT_INDEX_ROWS != LLMSIZE__COUNT(llmsize__formats)) return 0;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__formats); ++i, at += n) {   /* each format's quality rows */
        n = llmsize__quality_rows(&llmsize__formats[i], rows);
        if (llmsize__format_quality_first[i] != at || at + n > LLMSIZE__COUNT(llmsize__format_quality_rows) ||
            (n && memcmp(rows, &llmsize__format_quality_rows[at], n * sizeof *rows)))
            return 0;
    }
    return LLMSIZE__MODEL_INDEX_ROWS == LLMSIZE__COUNT(llmsize__models) && LLMSIZE__GPU_INDEX_ROWS == LLMSIZE__COUNT(llmsize__gpus) &&
           LLMSIZE__RELEASE_INDEX_ROWS == LLMSIZE__COUNT(llmsize__releases) &&
           LLMSIZE__QUALITY_INDEX_ROWS == LLMSIZE__COUNT(llmsize__quality) && llmsize__format_quality_first[i] == at &&
           !memcmp(&t, &llmsize__quality_trend_index, sizeof t);   /* bit for bit */
#else
    return 0;
#endif
}

int main(int argc, char **argv) {
    static key models[8192], gpus[4096], model_slots[32768], gpu_slots[16384];
    const size_t nm = collect(LLMSIZE_TABLE_MODELS, models, 8192), na = collect(LLMSIZE_TABLE_GPUS, gpus, 4096);
    const size_t sm = build(models, nm, model_slots, 32768), sa = build(gpus, na, gpu_slots, 16384);
    static llmsize__name_sketch model_sk[8192], gpu_sk[4096];
    static llmsize__row_tokens row_names[8192];
    static uint64_t release_bits[LLMSIZE__COUNT(llmsize__releases)];
    const size_t skm = sketch(LLMSIZE_TABLE_MODELS, model_sk, 8192), ska = sketch(LLMSIZE_TABLE_GPUS, gpu_sk, 4096);
    const size_t nrn = row_tokens(row_names, 8192, release_bits);
    if (argc > 1 && !strcmp(argv[1], "--check")) {
        const int ok = index_rows_match() &&
                       same(model_slots, sm, llmsize__model_index, LLMSIZE__COUNT(llmsize__model_index)) &&
                       same(gpu_slots, sa, llmsize__gpu_index, LLMSIZE__COUNT(llmsize__gpu_index)) &&
                       same_sketch(model_sk, skm, llmsize__model_sketch, LLMSIZE__COUNT(llmsize__model_sketch)) &&
                       same_sketch(gpu_sk, ska, llmsize__gpu_sketch, LLMSIZE__COUNT(llmsize__gpu_sketch)) &&
                       same_row_tokens(row_names, nrn, llmsize__row_name_tokens, LLMSIZE__COUNT(llmsize__row_name_tokens)) &&
                       !memcmp(release_bits, llmsize__release_tokens, sizeof release_bits);
        printf("name index: %zu model names, %zu accelerator names: %s\n", nm, na, ok ? "fresh" : "STALE (run make index)");
        return ok ? 0 : 1;
    }
    printf("/* NAME INDEX: generated by `make index` (tools/gen_index.c) from the rows above: an open-addressed\n"
           "   table of every name's case-blind hash with its row and where it sits in the row (byte, field;\n"
           "   row 65535: an empty slot). Lookups hash, probe and compare once; `make test` checks freshness. */\n");
    print("llmsize__model_index", model_slots, sm);
    print("llmsize__gpu_index", gpu_slots, sa);
    printf("/* Every name of the two tables in table order, sketched for the close-name search\n"
           "   (llmsize__name_sketch: letters, row, byte, length, field, first token's bit). */\n");
    print_sketch("llmsize__model_sketch", model_sk, skm);
    print_sketch("llmsize__gpu_sketch", gpu_sk, ska);
    printf("/* The token bits of each name the resolver tries for a model row, in table order, and of\n"
           "   each release repo: a query lacking one of a name's bits cannot match it. */\n");
    print_row_tokens("llmsize__row_name_tokens", row_names, nrn);
    print_bits("llmsize__release_tokens", release_bits, LLMSIZE__COUNT(llmsize__releases));
    {   /* %.17g reads back as the same double, so the library answers as if it refitted them */
        const llmsize__quality_trend t = llmsize__quality_trend_of();
        printf("/* The quality trend of the quality rows (llmsize__quality_trend_of): size exponent, the sizes\n"
               "   it was fitted on, family floor. */\n");
        printf("static const llmsize__quality_trend llmsize__quality_trend_index = { %.17g, %.17g, %.17g, %.17g };\n",
               t.a, t.lo, t.hi, t.floor);
    }
    {   /* each format's primary quality rows, as llmsize__quality_rows scans for them */
        size_t i, k, n, at = 0;
        uint16_t rows[LLMSIZE__COUNT(llmsize__quality)];
        printf("/* The primary quality rows of each format's ids, by format row (llmsize__quality_rows):\n"
               "   llmsize__format_quality_rows[llmsize__format_quality_first[i] .. first[i + 1]). */\n");
        printf("static const uint16_t llmsize__format_quality_first[%zu] = {", LLMSIZE__COUNT(llmsize__formats) + 1);
        for (i = 0; i <= LLMSIZE__COUNT(llmsize__formats); ++i) {
            printf("%s%zu,", i % 16 ? " " : "\n    ", at);
            if (i < LLMSIZE__COUNT(llmsize__formats)) at += llmsize__quality_rows(&llmsize__formats[i], rows);
        }
        printf("\n};\nstatic const uint16_t llmsize__format_quality_rows[%zu] = {", at ? at : 1u);
        for (i = 0, at = 0; i < LLMSIZE__COUNT(llmsize__formats); ++i)
            for (k = 0, n = llmsize__quality_rows(&llmsize__formats[i], rows); k < n; ++k, ++at)
                printf("%s%u,", at % 16 ? " " : "\n    ", (unsigned)rows[k]);
        printf("%s\n};\n", at ? "" : " 0");
    }
    /* the rows it was made from: llmsize.h refuses to compile with an index of other tables */
    printf("#define LLMSIZE__MODEL_INDEX_ROWS %zuu\n#define LLMSIZE__GPU_INDEX_ROWS %zuu\n#define LLMSIZE__RELEASE_INDEX_ROWS %zuu\n"
           "#define LLMSIZE__QUALITY_INDEX_ROWS %zuu\n#define LLMSIZE__FORMAT_INDEX_ROWS %zuu\n",
           LLMSIZE__COUNT(llmsize__models), LLMSIZE__COUNT(llmsize__gpus), LLMSIZE__COUNT(llmsize__releases),
           LLMSIZE__COUNT(llmsize__quality), LLMSIZE__COUNT(llmsize__formats));
    printf("/* END NAME INDEX */\n");
    return 0;
}
