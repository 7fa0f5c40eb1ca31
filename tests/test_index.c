/* The name index is a shortcut, never an answer of its own: the close-name search through
   its sketches (letters, lengths, first tokens) suggests what a scan of every name does, and
   the resolver skipping rows by their names' token bits answers what trying every row does.
   So are a search's fits-only plans (at the end). A private copy of the implementation
   (LLMSIZE_STATIC) reaches both paths. */
#define LLMSIZE_STATIC
#define LLMSIZE_IMPLEMENTATION
#include "llmsize.h"
#include <stdio.h>
#include <string.h>

/* One query against both paths; returns 1 when they agree. */
static int agrees(llmsize_table t, const char *q) {
    const char *a[8], *b[8];
    const size_t na = llmsize__suggest(t, q, a, 8, 1), nb = llmsize__suggest(t, q, b, 8, 0);
    size_t k;
    if (na != nb) return 0;
    for (k = 0; k < na; ++k) if (a[k] != b[k]) return 0;
    if (t == LLMSIZE_TABLE_MODELS) {
        llmsize_resolution ra, rb;
        llmsize_status sa, sb;
        memset(&ra, 0, sizeof ra);
        memset(&rb, 0, sizeof rb);
        sa = llmsize__resolve(q, &ra, 1);
        sb = llmsize__resolve(q, &rb, 0);
        if (sa != sb || (sa == LLMSIZE_OK && memcmp(&ra, &rb, sizeof ra))) return 0;
    }
    return 1;
}

/* Every name of the models' and accelerators' tables, and names one or more edits away
   (a byte dropped, two swapped, a prefix, upper case, a quantizer's repo, a file name, a
   merge): the queries the search exists for. Returns the disagreements; *n the queries. */
long llmsize_test_index_agrees(long *n);
long llmsize_test_index_agrees(long *n) {
    static const llmsize_table tables[2] = { LLMSIZE_TABLE_MODELS, LLMSIZE_TABLE_GPUS };
    static const char *const odd[] = { "", "a", "ab", "llama", "M3 Max", "llama3.2", "rtx 4900", "qwen-2.5-7b-instruct",
                                       "Meta-Llama-3.1-8B-Instruct-abliterated", "\x7f\x80\xff", "||", "a|b" };
    long bad = 0;
    size_t ti, i, k;
    *n = 0;
    for (ti = 0; ti < 2; ++ti) {
        const char *names[3];
        for (k = 0; k < sizeof odd / sizeof odd[0]; ++k, ++*n) bad += !agrees(tables[ti], odd[k]);
        for (i = 0; llmsize__row_names(tables[ti], i, names); ++i)
            for (k = 0; k < 3; ++k) {
                const char *p = names[k];
                while (p && *p) {
                    const size_t len = strcspn(p, "|");
                    char w[200], v[260];
                    size_t m;
                    if (len < sizeof w) {
                        memcpy(w, p, len);
                        w[len] = '\0';
                        bad += !agrees(tables[ti], w); ++*n;
                        for (m = 0; m < len; m += 2) { memcpy(v, w, m); strcpy(v + m, w + m + 1); bad += !agrees(tables[ti], v); ++*n; }
                        for (m = 1; m < len; m += 3) { strcpy(v, w); v[m] = w[m - 1]; v[m - 1] = w[m]; bad += !agrees(tables[ti], v); ++*n; }
                        for (m = 1; m < len; m += 4) { memcpy(v, w, m); v[m] = '\0'; bad += !agrees(tables[ti], v); ++*n; }
                        strcpy(v, w);
                        for (m = 0; v[m]; ++m) if (v[m] >= 'a' && v[m] <= 'z') v[m] = (char)(v[m] - 32);
                        bad += !agrees(tables[ti], v); ++*n;
                        sprintf(v, "someone/%s-GGUF", w); bad += !agrees(tables[ti], v); ++*n;
                        sprintf(v, "%s-Q4_K_M.gguf", w); bad += !agrees(tables[ti], v); ++*n;
                        sprintf(v, "x%sy", w); bad += !agrees(tables[ti], v); ++*n;
                        sprintf(v, "%s-abliterated-merge", w); bad += !agrees(tables[ti], v); ++*n;
                    }
                    p += len + (p[len] == '|');
                }
            }
    }
    return bad;
}

/* A search's plan (LLMSIZE__FITS_ONLY: only "does it fit?" is read) stops where the engine
   must move layers to the CPU, and a plan computes only the columns asked: shortcuts, never
   answers of their own. Over models, accelerators, formats, engines, contexts, sequences and
   -ngl / flash-attention settings, each shortcut gives llmsize_plan_fit's status and verdict,
   and when the plan fits, its whole result (the columns not asked at 0). Returns the
   disagreements; *n the plans, *fit those that fit, *stopped those the shortcut stopped. */
long llmsize_test_fits_only_agrees(long *n, long *fit, long *stopped);
long llmsize_test_fits_only_agrees(long *n, long *fit, long *stopped) {
    static const char *const gpus[] = { "rtx-4090", "rtx-3060-12gb", "h100-sxm", "m2-ultra-192gb", "mi300x" };
    static const char *const fmts[] = { "Q4_K_M", "Q8_0", "bf16", "fp8", "awq", "IQ2_XXS", "mxfp4" };
    static const uint64_t ctxs[] = { 0, 4096, 131072 };
    long bad = 0;
    size_t mi, gi, fi, ci;
    uint32_t e, v, cols;
    *n = *fit = *stopped = 0;
    for (mi = 0; mi < llmsize_model_count(); mi += 3)   /* every third model */
        for (gi = 0; gi < sizeof gpus / sizeof gpus[0]; ++gi)
            for (fi = 0; fi < sizeof fmts / sizeof fmts[0]; ++fi)
                for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e)
                    for (ci = 0; ci < 3; ++ci)
                        for (v = 0; v < 3; v += 2) {
                            llmsize_plan p;
                            llmsize_plan_result full, r;
                            llmsize_status sf, st;
                            memset(&p, 0, sizeof p);
                            p.model = llmsize_model_at(mi);
                            if (llmsize_find_gpu(gpus[gi], &p.gpu) != LLMSIZE_OK || llmsize_find_format(fmts[fi], &p.format) != LLMSIZE_OK)
                                return -1;
                            p.engine = e;
                            p.context = ctxs[ci];
                            p.seqs = ci == 2 ? 4u : 0u;
                            if (v == 2) {   /* -ngl set, flash attention off */
                                p.flags = LLMSIZE_PLAN_GPU_LAYERS | LLMSIZE_PLAN_NO_FLASH_ATTN;
                                p.gpu_layers = (int32_t)(p.model->dims.layers / 2u);
                            }
                            sf = llmsize_plan_fit(&p, &full);
                            *fit += sf == LLMSIZE_OK && full.fits;
                            for (cols = 0; cols <= LLMSIZE_COLUMN_ALL; ++cols) {
                                llmsize_plan_result want = full;
                                if (!(cols & LLMSIZE_COLUMN_MAX_CONTEXT)) want.max_context = 0;
                                if (!(cols & LLMSIZE_COLUMN_DECODE)) want.decode_tps = want.decode_tps_low = want.decode_tps_high = 0.0;
                                st = llmsize__plan_fit_cols(&p, cols, NULL, NULL, &r);   /* the columns asked */
                                bad += st != sf || memcmp(&r, &want, sizeof r) != 0;
                                st = llmsize__plan_fit_cols(&p, LLMSIZE__FITS_ONLY | cols, NULL, NULL, &r);
                                bad += st != sf || r.fits != (sf == LLMSIZE_OK && full.fits) ||
                                       (r.fits && memcmp(&r, &want, sizeof r) != 0);
                                *stopped += st == LLMSIZE_OK && !r.fits && !r.total_bytes && full.total_bytes;
                                ++*n;
                            }
                        }
    return bad;
}

/* Placement from the per-group sums (llmsize__host_table) against placing every tensor:
   every model of the table in every format, each -ngl split with the output layer on the
   GPU or not, and routed experts kept in host memory below a few layers. Returns the
   disagreements; *n the placements compared, *sums the model x format pairs the sums
   covered, *stacks those of models with a decoder stack (Whisper: placed tensor by tensor). */
long llmsize_test_host_sums_agree(long *n, long *sums, long *stacks);
long llmsize_test_host_sums_agree(long *n, long *sums, long *stacks) {
    static llmsize__host_table tensor_by_tensor;
    long bad = 0;
    size_t mi, fi;
    *n = *sums = *stacks = 0;
    tensor_by_tensor.state = -1;
    for (mi = 0; mi < llmsize_model_count(); ++mi)
        for (fi = 0; fi < llmsize_format_count(); ++fi) {
            const llmsize_model *m = llmsize_model_at(mi);
            const uint32_t layers = m->dims.layers;
            /* experts on the CPU from layer froms[k] to below tos[k] (--n-cpu-moe: from 0; -ot: any run) */
            const uint32_t froms[] = { 0u, 0u, 0u, 0u, 0u, layers / 3u, 1u, layers / 2u, layers, layers + 1u },
                           tos[] = { 0u, 1u, layers / 2u, layers, layers + 7u, layers / 2u, layers, layers + 7u, layers + 7u, layers + 9u };
            llmsize__planning c;
            llmsize_plan p;
            uint32_t cpu, k;
            int out;
            memset(&p, 0, sizeof p);
            memset(&c, 0, sizeof c);
            p.model = m;
            p.format = llmsize_format_at(fi);
            c.p = &p;
            llmsize__host_fold(m, p.format, &c.own);
            *stacks += m->enc.decoder_layers != 0;
            if (c.own.state <= 0) continue;
            c.host = &tensor_by_tensor;   /* llmsize__placement_of places every tensor */
            ++*sums;
            for (cpu = 0; cpu <= layers; cpu += cpu + 1u < layers ? (layers > 40u ? 3u : 1u) : 1u)
                for (out = 0; out < 2; ++out)
                    for (k = 0; k < sizeof froms / sizeof froms[0]; ++k) {
                        uint64_t host = 0, read = 0, host2 = 1, read2 = 1;
                        llmsize__host_bytes(&c.own, m, cpu, out, froms[k], tos[k], &host, &read);
                        bad += llmsize__placement_of(&c, cpu, out, froms[k], tos[k], &host2, &read2) != 0 || host != host2 || read != read2;
                        ++*n;
                    }
        }
    for (mi = 0; mi < llmsize_model_count(); mi += 9)   /* deep stacks, up to the sums' limit */
        for (fi = 0; fi < llmsize_format_count(); fi += 5) {
            llmsize_model deep = *llmsize_model_at(mi);
            const uint32_t cpus[] = { 0u, 1u, 7u, 1500u, 4094u, 4095u, 4096u };
            llmsize__planning c;
            llmsize_plan p;
            size_t a;
            int out;
            deep.dims.layers = LLMSIZE__HOST_LAYERS;
            if (deep.enc.decoder_layers || llmsize_model_validate(&deep) != LLMSIZE_OK) continue;
            memset(&p, 0, sizeof p);
            memset(&c, 0, sizeof c);
            p.model = &deep;
            p.format = llmsize_format_at(fi);
            c.p = &p;
            llmsize__host_fold(&deep, p.format, &c.own);
            if (c.own.state <= 0) continue;
            c.host = &tensor_by_tensor;
            ++*sums;
            for (a = 0; a < sizeof cpus / sizeof cpus[0]; ++a)
                for (out = 0; out < 2; ++out) {
                    uint64_t host = 0, read = 0, host2 = 1, read2 = 1;
                    llmsize__host_bytes(&c.own, &deep, cpus[a], out, 0u, 2u, &host, &read);
                    bad += llmsize__placement_of(&c, cpus[a], out, 0u, 2u, &host2, &read2) != 0 || host != host2 || read != read2;
                    ++*n;
                }
        }
    return bad;
}

/* A GGUF rule's index condition compiled to thresholds (llmsize__idx_compile) against
   llmsize__rule_holds: every condition, with and without Falcon's branch, 8 experts and an
   importance matrix, every count up to 300 and every index up to it and past it. Returns
   the disagreements; *n the conditions tested. */
long llmsize_test_idx_compile_agrees(long *n);
long llmsize_test_idx_compile_agrees(long *n) {
    long bad = 0;
    uint32_t cond, variant, count, x;
    *n = 0;
    for (variant = 0; variant < 8; ++variant) {
        llmsize_model m;
        llmsize__qctx q;
        memset(&m, 0, sizeof m);
        memset(&q, 0, sizeof q);
        m.flags = variant & 1u ? LLMSIZE_F_FALCON_QUANT : 0u;
        m.moe.experts = variant & 2u ? 8u : 0u;
        m.dims.heads = 32; m.dims.kv_heads = 8;
        q.m = &m;
        q.imatrix = (variant & 4u) != 0;
        for (cond = LLMSIZE__RC_ALWAYS; cond <= LLMSIZE__RC_NOT_FALCON_FIRST8; ++cond)
            for (count = 0; count <= 300u; ++count) {
                const llmsize__idx_test t = llmsize__idx_compile(&q, cond, count);
                for (x = 0; x <= count + 3u; ++x) bad += llmsize__idx_holds(&t, x) != llmsize__rule_holds(&q, cond, x, count);
                ++*n;
            }
    }
    return bad;
}
