/* Shared by the libFuzzer targets: run every calculation on a model and check the
   invariants that must hold whatever the input (a violation aborts, which the fuzzer
   reports as a crash). The library must never crash, hang, read out of bounds or hit UB. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H
#include "llmsize.h"
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(c) do { if (!(c)) abort(); } while (0)

/* A byte cursor: values past the end read as zero. */
typedef struct fuzz_in { const uint8_t *p; size_t n; } fuzz_in;
static inline uint32_t fuzz_u32(fuzz_in *in) {
    uint32_t v = 0;
    size_t k;
    for (k = 0; k < 4 && in->n; ++k, ++in->p, --in->n) v |= (uint32_t)in->p[0] << (8 * k);
    return v;
}
static inline uint64_t fuzz_u64(fuzz_in *in) { uint64_t lo = fuzz_u32(in); return lo | (uint64_t)fuzz_u32(in) << 32; }
static inline double fuzz_f64(fuzz_in *in) { uint64_t u = fuzz_u64(in); double d; memcpy(&d, &u, sizeof d); return d; }
/* Small numbers most of the time, anything some of the time. */
static inline uint32_t fuzz_small(fuzz_in *in) { uint32_t v = fuzz_u32(in); return (v & 0x80000000u) ? v : v % 4097u; }

static inline void fuzz_everything(const llmsize_model *m, fuzz_in *in) {
    llmsize_params p;
    llmsize_weights w;
    llmsize_plan plan;
    llmsize_plan_result r, fit;
    llmsize_status st_fit;
    llmsize_suggestion sug;
    llmsize_quality q;
    llmsize_use use;
    llmsize_license_result lic;
    uint64_t kv = 0, kv2 = 0, ctx, u64v;
    uint32_t u32v;
    const llmsize_format *f = llmsize_format_at(fuzz_u32(in) % llmsize_format_count());
    const llmsize_gpu *a = llmsize_gpu_at(fuzz_u32(in) % llmsize_gpu_count());
    llmsize_status st = llmsize_params_of(m, &p);
    if (st == LLMSIZE_OK) FUZZ_CHECK(p.active <= p.total && p.text <= p.total);
    if (llmsize_weight_bytes(m, f, &w) == LLMSIZE_OK) {
        llmsize_gguf_mix mix;
        uint64_t sum = 0;
        unsigned t;
        FUZZ_CHECK(w.total > 0);
        /* a GGUF file's types add up to its weights, byte for byte */
        if (llmsize_gguf_mix_of(m, f, &mix) == LLMSIZE_OK) {
            for (t = 0; t < LLMSIZE_GGML_TYPE_COUNT; ++t) sum += mix.bytes[t];
            FUZZ_CHECK(sum == w.total);   /* vision and MTP are not in a text GGUF */
        }
    }
    (void)llmsize_activation_bytes(m, fuzz_small(in), fuzz_u64(in) >> (fuzz_u32(in) % 64), (int)(fuzz_u32(in) & 1), &u64v);
    ctx = fuzz_u64(in) >> (fuzz_u32(in) % 64);
    (void)llmsize_kv_bytes(m, ctx, fuzz_small(in), (llmsize_kv_dtype)(fuzz_u32(in) % 16), &kv);
    /* the KV cache never shrinks as the context or the sequences grow */
    if (ctx < UINT64_MAX / 2 && llmsize_kv_bytes(m, ctx, 1, LLMSIZE_KV_F16, &kv) == LLMSIZE_OK) {
        if (llmsize_kv_bytes(m, ctx + 1, 1, LLMSIZE_KV_F16, &kv2) == LLMSIZE_OK) FUZZ_CHECK(kv2 >= kv);
        if (llmsize_kv_bytes(m, ctx, 2, LLMSIZE_KV_F16, &kv2) == LLMSIZE_OK) FUZZ_CHECK(kv2 >= kv);
    }
    memset(&plan, 0, sizeof plan);
    plan.model = m; plan.format = f; plan.gpu = a;
    if (fuzz_u32(in) & 1) { /* the caches callers use for sweeps (only when computed) */
        plan.weights = llmsize_weight_bytes(m, f, &w) == LLMSIZE_OK ? &w : NULL;
        plan.params = st == LLMSIZE_OK ? &p : NULL;
    }
    plan.engine = fuzz_u32(in) % 7; plan.tp = fuzz_small(in) % 65; plan.pp = fuzz_small(in) % 9;
    plan.dp = fuzz_small(in) % 9; plan.context = fuzz_u64(in) >> (fuzz_u32(in) % 64); plan.seqs = fuzz_small(in);
    plan.kv_dtype = fuzz_u32(in) % 16; plan.mem_fraction = fuzz_f64(in); plan.batched_tokens = fuzz_small(in);
    plan.ubatch = fuzz_small(in); plan.block_size = fuzz_small(in); plan.gpu_layers = (int32_t)fuzz_u32(in);
    plan.cpu_moe_layers = fuzz_small(in); plan.host_bw_gbs = fuzz_f64(in); plan.flags = fuzz_u32(in);
    plan.tight_pct = fuzz_small(in); plan.kv_pool_bytes = fuzz_u64(in) >> (fuzz_u32(in) % 64);
    plan.cpu_moe_first = (plan.flags >> 16) % 128u;   /* -ot's run of layers (bits no plan flag uses: no byte more read) */
    st_fit = llmsize_plan_fit(&plan, &fit);
    r = fit;
    if (st_fit == LLMSIZE_OK) {
        FUZZ_CHECK(r.fits == 0 || r.fits == 1);
        FUZZ_CHECK(!(r.fits && r.refused));
        /* the parts add up to the total, the headroom is what is left, every figure is a number */
        FUZZ_CHECK(r.total_bytes == r.weight_bytes + r.kv_bytes + r.activation_bytes + r.overhead_bytes);
        FUZZ_CHECK(r.headroom_bytes == (int64_t)r.usable_bytes - (int64_t)r.total_bytes);
        FUZZ_CHECK(r.fits == (!r.refused && r.headroom_bytes >= 0) || r.outcome == LLMSIZE_OUTCOME_OFFLOADS);
        FUZZ_CHECK(r.decode_tps >= 0.0 && r.decode_tps < 1e300 && r.max_concurrency >= 0.0 && r.max_concurrency < 1e300);
        FUZZ_CHECK(r.decode_tps_low <= r.decode_tps && r.decode_tps <= r.decode_tps_high);   /* the range holds the estimate */
        FUZZ_CHECK(r.gpus > 0);
        /* without an engine's rules, a fitting plan still fits with fewer sequences and with
           twice the tensor parallelism (every rank holds at most what one GPU held); engines
           are exempt: their overheads grow with tp and their pools are sized by their own rules */
        if (plan.engine == LLMSIZE_ENGINE_NONE && r.fits && !(m->flags & LLMSIZE_F_ENCODER)) {
            llmsize_plan q = plan;
            llmsize_plan_result r2;
            if (plan.seqs > 1) { q.seqs = plan.seqs - 1; FUZZ_CHECK(llmsize_plan_fit(&q, &r2) == LLMSIZE_OK && r2.fits); }
            q = plan;
            if (plan.tp >= 1 && plan.tp <= 32 && llmsize_valid_tp(m, plan.tp * 2)) {
                q.tp = plan.tp * 2; q.gpus = 0;
                if (llmsize_plan_fit(&q, &r2) == LLMSIZE_OK) FUZZ_CHECK(r2.fits);
            }
        }
    }
    {   /* a prepared plan answers as llmsize_plan_fit does (the verdict columns; the one
           documented difference: an overflow in plan_fit's context search, which it skips) */
        llmsize_prepared pp;
        llmsize_plan_result a = fit, b;
        const llmsize_status sa = st_fit;
        if (llmsize_prepare(&plan, &pp) == LLMSIZE_OK) {
            const llmsize_status sb = llmsize_prepared_fit(&pp, NULL, 0, 0, 0, &b);
            a.max_context = 0;
            a.decode_tps = a.decode_tps_low = a.decode_tps_high = 0.0;
            if (sa == LLMSIZE_OK) FUZZ_CHECK(sb == LLMSIZE_OK && memcmp(&a, &b, sizeof a) == 0);
            else if (sa != LLMSIZE_ERR_OVERFLOW) FUZZ_CHECK(sb == sa);
            {   /* and a grid of it, cell by cell, as its prepared fits do (its accelerators and
                   contexts drawn from the plan, so the input's later bytes keep their meaning) */
                const llmsize_prepared *one = &pp;
                const llmsize_gpu *gs[3];
                const uint64_t cs[3] = { 0, plan.context / 3u + 1u, plan.context * 7u + 4096u };
                const uint32_t seqs = plan.seqs % 5u;
                int32_t gst[9];
                uint64_t tot[9];
                int64_t head[9];
                uint8_t fit[9];
                llmsize_grid_columns cols;
                size_t k, v;
                gs[0] = NULL; gs[1] = plan.gpu; gs[2] = llmsize_gpu_at((size_t)(plan.context % llmsize_gpu_count()));
                memset(&cols, 0, sizeof cols);
                cols.status = gst; cols.total_bytes = tot; cols.headroom_bytes = head; cols.fits = fit;
                for (v = 0; v < 2; ++v) {   /* with a NULL accelerator (cell by cell), and without */
                    const size_t ng = 3 - v;
                    FUZZ_CHECK(llmsize_prepared_grid(&one, 1, gs + v, ng, cs, 3, seqs, &cols) == LLMSIZE_OK);
                    for (k = 0; k < 3 * ng; ++k) {
                        llmsize_plan_result c;
                        const llmsize_status sc = llmsize_prepared_fit(&pp, gs[v + k % ng], cs[k / ng], seqs, 0, &c);
                        FUZZ_CHECK(gst[k] == (int32_t)sc);
                        if (sc == LLMSIZE_OK) FUZZ_CHECK(tot[k] == c.total_bytes && head[k] == c.headroom_bytes && fit[k] == c.fits);
                        else FUZZ_CHECK(!tot[k] && !head[k] && !fit[k]);
                    }
                }
            }
        }
    }
    if (fuzz_u32(in) % 16 == 0) { /* the solvers search (slow): run them on 1 input in 16 */
        llmsize_plan at = plan;
        if (llmsize_plan_max_context(&plan, &u64v) == LLMSIZE_OK && u64v) {   /* its answer fits */
            at.context = u64v;
            at.flags &= ~(uint32_t)LLMSIZE_PLAN_CONTEXT_AUTO;
            FUZZ_CHECK(llmsize_plan_fit(&at, &r) == LLMSIZE_OK && r.fits);
        }
        (void)llmsize_plan_max_seqs(&plan, &u32v);
        if (llmsize_plan_min_gpus(&plan, 1 + fuzz_small(in) % 64, &u32v) == LLMSIZE_OK) {
            at = plan;
            at.gpus = u32v; at.tp = at.pp = at.dp = 0;   /* laid out by the engine (stages or ranks) */
            FUZZ_CHECK(llmsize_plan_fit(&at, &r) == LLMSIZE_OK && r.fits);
        }
        if (llmsize_plan_suggest(&plan, &sug) == LLMSIZE_OK && sug.format) {   /* its format fits (a search
                                                                                 that asked only that) */
            at = plan;
            at.format = sug.format;
            at.weights = NULL;
            FUZZ_CHECK(llmsize_plan_fit(&at, &r) == LLMSIZE_OK && r.fits);
        }
    }
    (void)llmsize_quality_of(m, f, &q);
    memset(&use, 0, sizeof use);
    use.commercial = (int)(fuzz_u32(in) & 1); use.mau = fuzz_u64(in); use.mau_at_release = fuzz_u64(in);
    use.revenue_usd = fuzz_f64(in); use.eu = (int)(fuzz_u32(in) & 1); use.multimodal = (int)(fuzz_u32(in) & 1);
    if (llmsize_license_check(m, &use, &lic) == LLMSIZE_OK && lic.verdict == LLMSIZE_VERDICT_NOT_ALLOWED) {
        /* a use that grows (more users, more revenue, more uses) is never allowed what a smaller one was not */
        llmsize_license_result more;
        llmsize_use grown = use;
        if (grown.mau < UINT64_MAX / 2) grown.mau *= 2;
        if (grown.revenue_usd < 1e17) grown.revenue_usd *= 2;
        grown.commercial = grown.redistribute = grown.offered = 1;
        if (llmsize_license_check(m, &grown, &more) == LLMSIZE_OK) FUZZ_CHECK(more.verdict == LLMSIZE_VERDICT_NOT_ALLOWED);
    }
}
#endif
