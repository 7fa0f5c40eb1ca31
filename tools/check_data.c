/* The data checker (make test runs it): every row of llmsize_data.h, through the public API.
   Models: a source and a published-count source, a valid description, computed parameters
   within 3 % of the published count (the exact comparisons, with documented adjustments, are
   in tests/data/params.tsv), a plausible head_dim, licences that exist, a release date and a
   country code, ids and Hugging Face aliases unique. Accelerators: memory, bandwidth, a
   source, unique ids and aliases. Formats, licences and quality rows: sources, unique ids,
   formats that exist. Names: checkpoint formats (and their published bytes within 1 %),
   release repos and Ollama tags name rows that exist, with sources, each name in one home.
   Prints one line per problem; exit status 1 when there is any. */
#include "llmsize.h"
#include <stdio.h>
#include <string.h>

static int problems, undated, unlicensed;

#define PROBLEM(...) do { ++problems; printf("check_data: "); printf(__VA_ARGS__); printf("\n"); } while (0)

static int empty(const char *s) { return !s || !*s; }

/* Is token (len n) of a '|'-list also a token of another row's list? Case-insensitive. */
static int same_token(const char *a, size_t an, const char *b, size_t bn) {
    size_t i;
    if (an != bn) return 0;
    for (i = 0; i < an; ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (char)(y + 32);
        if (x != y) return 0;
    }
    return 1;
}

typedef const char *(*names_fn)(size_t row, int which); /* which 0 = id, 1 = alias list */
typedef int (*shared_ok_fn)(size_t first, size_t second);  /* may two rows share a name? */

static int notes;

/* nvidia-smi and GPU Feature Discovery name both RTX 4060 Ti variants the same: the shared
   name may resolve to the first row only when that row is the smaller card (a conservative
   answer); deployments pin the bigger one by id or by nvidia.com/gpu.memory. */
static int gpu_shared_ok(size_t i, size_t j) {
    if (llmsize_gpu_at(i)->mem_bytes < llmsize_gpu_at(j)->mem_bytes) { ++notes; return 1; }
    return 0;
}

static void unique_names(const char *table, size_t n, names_fn names, shared_ok_fn shared_ok) {
    size_t i, j;
    int a, b;
    for (i = 0; i < n; ++i)
        for (a = 0; a < 2; ++a) {
            const char *p = names(i, a);
            while (p && *p) {
                const char *e = strchr(p, '|');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                for (j = i; j < n; ++j)
                    for (b = 0; b < 2; ++b) {
                        const char *q = names(j, b);
                        if (j == i) break; /* a row may repeat its id among its aliases */
                        while (q && *q) {
                            const char *f = strchr(q, '|');
                            size_t qlen = f ? (size_t)(f - q) : strlen(q);
                            if (len && same_token(p, len, q, qlen) && !(shared_ok && shared_ok(i, j)))
                                PROBLEM("%s: name '%.*s' is used twice (%s / %s)", table, (int)len, p, names(i, 0), names(j, 0));
                            q = f ? f + 1 : NULL;
                        }
                    }
                p = e ? e + 1 : NULL;
            }
        }
}

static const char *model_names(size_t i, int w) { return w ? llmsize_model_at(i)->hf_repos : llmsize_model_at(i)->id; }
static const char *gpu_names(size_t i, int w) { return w ? llmsize_gpu_at(i)->aliases : llmsize_gpu_at(i)->id; }
static const char *format_names(size_t i, int w) { return w ? NULL : llmsize_format_at(i)->id; }
static const char *license_names(size_t i, int w) { return w ? NULL : llmsize_license_at(i)->id; }

static void check_models(void) {
    size_t i, n = llmsize_model_count();
    for (i = 0; i < n; ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        llmsize_params p;
        char lic[128];
        const char *s;
        size_t k;
        double ratio;
        if (empty(m->id) || empty(m->name) || empty(m->developer)) PROBLEM("model %zu: id, name or developer missing", i);
        if (empty(m->source)) PROBLEM("%s: no architecture source", m->id);
        if (m->published_params && empty(m->published_source)) PROBLEM("%s: published count without a source", m->id);
        if (llmsize_model_validate(m) != LLMSIZE_OK) { PROBLEM("%s: %s", m->id, llmsize_strerror(llmsize_model_validate(m))); continue; }
        if (llmsize_params_of(m, &p) != LLMSIZE_OK) PROBLEM("%s: parameters cannot be computed", m->id);
        else if (m->published_params && m->published_params == p.total + (uint64_t)m->dims.vocab * m->dims.hidden &&
                 (m->flags & LLMSIZE_F_TIED_EMBED))
            ++notes; /* a tied model whose checkpoint also stores lm_head (tests/data/params.tsv documents each) */
        else if (m->published_params && (p.total > m->published_params * 1.03 || p.total < m->published_params * 0.97))
            PROBLEM("%s: computed %llu parameters, published %llu (off by more than 3 %%)", m->id,
                    (unsigned long long)p.total, (unsigned long long)m->published_params);
        ratio = (double)m->dims.heads * m->dims.head_dim / (double)m->dims.hidden;
        if (!m->mla.kv_lora_rank && (m->dims.head_dim % 8 || ratio < 0.25 || ratio > 4.0))
            PROBLEM("%s: head_dim %u x %u heads is implausible for hidden %u", m->id, m->dims.head_dim, m->dims.heads,
                    m->dims.hidden);
        if (empty(m->released)) ++undated; /* unknown is allowed (never guessed); counted below */
        else if (strlen(m->released) < 7 || m->released[4] != '-')
            PROBLEM("%s: release date '%s' is not YYYY-MM[-DD]", m->id, m->released ? m->released : "");
        if (empty(m->country) || strlen(m->country) != 2) PROBLEM("%s: country '%s' is not ISO 3166 alpha-2", m->id, m->country ? m->country : "");
        /* '+'-joined licences (a checkpoint under several) must each exist */
        /* a licence whose terms are not in the table is left empty (checks answer "unknown");
           the row's source must then say which licence the card names */
        if (empty(m->license)) {
            ++unlicensed;
            if (!strstr(m->source, "licence:")) PROBLEM("%s: no licence, and the source does not say why", m->id);
            continue;
        }
        for (s = m->license; *s;) {
            const llmsize_license *l;
            for (k = 0; s[k] && s[k] != '+' && k < sizeof lic - 1; ++k) lic[k] = s[k];
            lic[k] = '\0';
            if (llmsize_find_license(lic, &l) != LLMSIZE_OK) PROBLEM("%s: licence '%s' is not in the table", m->id, lic);
            s += k;
            if (*s == '+') ++s;
        }
    }
    unique_names("models", n, model_names, NULL);
}

static void check_gpus(void) {
    size_t i, n = llmsize_gpu_count();
    for (i = 0; i < n; ++i) {
        const llmsize_gpu *a = llmsize_gpu_at(i);
        if (!a->mem_bytes) PROBLEM("%s: no memory size", a->id);
        if (!(a->bw_gbs > 0)) PROBLEM("%s: no memory bandwidth", a->id);
        if (empty(a->source)) PROBLEM("%s: no source", a->id);
    }
    unique_names("accelerators", n, gpu_names, gpu_shared_ok);
}

static void check_rest(void) {
    size_t i;
    for (i = 0; i < llmsize_format_count(); ++i)
        if (empty(llmsize_format_at(i)->source)) PROBLEM("format %s: no source", llmsize_format_at(i)->id);
    unique_names("formats", llmsize_format_count(), format_names, NULL);
    if (llmsize_format_count() > LLMSIZE_MAX_FORMATS)   /* the format search compares at most that many */
        PROBLEM("%zu formats: more than LLMSIZE_MAX_FORMATS (%u)", llmsize_format_count(), LLMSIZE_MAX_FORMATS);
    for (i = 0; i < llmsize_license_count(); ++i)
        if (empty(llmsize_license_at(i)->source)) PROBLEM("licence %s: no source", llmsize_license_at(i)->id);
    unique_names("licences", llmsize_license_count(), license_names, NULL);
    for (i = 0; i < llmsize_quality_row_count(); ++i) {
        const llmsize_quality_row *q = llmsize_quality_row_at(i);
        const llmsize_format *f;
        if (empty(q->source)) PROBLEM("quality row %zu (%s): no source", i, q->format);
        if (llmsize_find_format(q->format, &f) != LLMSIZE_OK) PROBLEM("quality row %zu: format '%s' not in the table", i, q->format);
    }
}

/* Names: each model's checkpoint format, the release table and Ollama's tags name rows that
   exist, carry sources, and give every name one home (a release repo is no model's alias). */
static void check_names(void) {
    size_t i, j;
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        const llmsize_format *f;
        llmsize_weights w;
        if (!m->checkpoint_format) {
            if (m->checkpoint_bytes || m->checkpoint_source) PROBLEM("%s: checkpoint bytes or source without a format", m->id);
            continue;
        }
        if (llmsize_find_format(m->checkpoint_format, &f) != LLMSIZE_OK) { PROBLEM("%s: checkpoint format '%s' not in the table", m->id, m->checkpoint_format); continue; }
        if (empty(m->checkpoint_source)) PROBLEM("%s: checkpoint format without a source", m->id);
        if (m->checkpoint_bytes && llmsize_weight_bytes(m, f, &w) == LLMSIZE_OK &&
            (w.total > m->checkpoint_bytes * 1.01 || w.total < m->checkpoint_bytes * 0.99))
            PROBLEM("%s: %s predicts %llu bytes, the checkpoint has %llu (more than 1 %% apart)", m->id, m->checkpoint_format,
                    (unsigned long long)w.total, (unsigned long long)m->checkpoint_bytes);
    }
    for (i = 0; i < llmsize_release_count(); ++i) {
        const llmsize_release *r = llmsize_release_at(i);
        const llmsize_model *m;
        const llmsize_format *f;
        llmsize_resolution res;
        if (empty(r->source)) PROBLEM("release %s: no source", r->repo);
        if (llmsize_find_format(r->format, &f) != LLMSIZE_OK) PROBLEM("release %s: format '%s' not in the table", r->repo, r->format);
        for (j = 0, m = NULL; j < llmsize_model_count(); ++j)
            if (!strcmp(llmsize_model_at(j)->id, r->model)) m = llmsize_model_at(j);
        if (!m) PROBLEM("release %s: model '%s' not in the table", r->repo, r->model);
        if (llmsize_resolve(r->repo, &res) != LLMSIZE_OK || res.how != LLMSIZE_HOW_RELEASE)
            PROBLEM("release %s: the name resolves elsewhere first (a model row lists it, or a release repeats it)", r->repo);
        for (j = 0; j < i; ++j)
            if (same_token(r->repo, strlen(r->repo), llmsize_release_at(j)->repo, strlen(llmsize_release_at(j)->repo)))
                PROBLEM("release %s: listed twice", r->repo);
    }
    for (i = 0; i < llmsize_ollama_tag_count(); ++i) {
        const llmsize_ollama_tag *t = llmsize_ollama_tag_at(i);
        const llmsize_format *f;
        size_t k, found = 0;
        if (empty(t->source)) PROBLEM("ollama %s: no source", t->tag);
        if (llmsize_find_format(t->format, &f) != LLMSIZE_OK) PROBLEM("ollama %s: format '%s' not in the table", t->tag, t->format);
        for (k = 0; k < llmsize_model_count(); ++k) found += !strcmp(llmsize_model_at(k)->id, t->model);
        if (!found) PROBLEM("ollama %s: model '%s' not in the table", t->tag, t->model);
        for (j = 0; j < i; ++j)
            if (same_token(t->tag, strlen(t->tag), llmsize_ollama_tag_at(j)->tag, strlen(llmsize_ollama_tag_at(j)->tag)))
                PROBLEM("ollama %s: listed twice", t->tag);
    }
}

/* Engine releases: every engine has one; within an engine the rows run oldest first and each
   version finds its own row; a date (but for the no-engine row) and a source. */
static void check_engine_releases(void) {
    size_t i, j;
    uint32_t e;
    for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
        const llmsize_engine_release *cur = NULL;
        if (llmsize_find_engine_version(e, NULL, &cur) != LLMSIZE_OK) PROBLEM("engine %s: no release row", llmsize_engine_name(e));
    }
    for (i = 0; i < llmsize_engine_release_count(); ++i) {
        const llmsize_engine_release *r = llmsize_engine_release_at(i), *found = NULL;
        const char *name = llmsize_engine_name(r->engine);
        if (!name) { PROBLEM("release row %zu: engine %u", i, r->engine); continue; }
        if (empty(r->source)) PROBLEM("%s@%s: no source", name, r->version);
        if (r->engine != LLMSIZE_ENGINE_NONE && (strlen(r->date) != 10 || r->date[4] != '-' || r->date[7] != '-'))
            PROBLEM("%s@%s: date '%s' is not YYYY-MM-DD", name, r->version, r->date);
        if (llmsize_find_engine_version(r->engine, r->version, &found) != LLMSIZE_OK || found != r)
            PROBLEM("%s@%s: the version does not find its own row (rows out of order, or a duplicate)", name, r->version);
        for (j = 0; j < i; ++j) {
            const llmsize_engine_release *q = llmsize_engine_release_at(j);
            if (q->engine == r->engine && strcmp(q->date, r->date) > 0)
                PROBLEM("%s@%s: dated %s, before the row above it (%s@%s, %s)", name, r->version, r->date, name, q->version, q->date);
        }
        if (r->mem_fraction < 0.0 || r->mem_fraction > 1.0) PROBLEM("%s@%s: mem_fraction %g", name, r->version, r->mem_fraction);
    }
}

int main(void) {
    check_engine_releases();
    check_models();
    check_gpus();
    check_rest();
    check_names();
    printf("check_data: %zu models, %zu accelerators, %zu formats, %zu licences, %zu quality rows, %zu releases, "
           "%zu Ollama tags, %zu engine releases: %d problem%s "
           "(%d documented exceptions; %d models with no release date read; %d under licences whose terms are not in the table)\n",
           llmsize_model_count(), llmsize_gpu_count(), llmsize_format_count(), llmsize_license_count(),
           llmsize_quality_row_count(), llmsize_release_count(), llmsize_ollama_tag_count(), llmsize_engine_release_count(),
           problems, problems == 1 ? "" : "s",
           notes, undated, unlicensed);
    return problems ? 1 : 0;
}
