/* Hardening: adversarial inputs each return their documented status (never a wrapped or
   clamped number), and properties that must hold over every table row and over random
   model descriptions. */
#include "testing.h"
#include <string.h>

/* ---- adversarial inputs ------------------------------------------------------------- */

/* NaN and infinity without <math.h> (the tests build as C99 on every compiler in the matrix). */
static double nan_value(void) { volatile double z = 0.0; return z / z; }
static double inf_value(void) { volatile double z = 0.0; return 1.0 / z; }

typedef enum { ON_PARAMS, ON_KV, ON_PLAN, ON_SPEED, ON_LICENSE } target;

typedef struct adversarial {
    const char *what;
    target on;
    llmsize_status want;
} adversarial;

/* The table: what goes in, which call, which status comes back. Each case mutates a copy of
   Llama-3.1-8B (or the request) in adversarial_apply() below, indexed like this table. */
static const adversarial cases[] = {
    { "context 2^40 tokens: 2^57 bytes, representable", ON_KV, LLMSIZE_OK },
    { "context 2^62 x 1000 sequences in f32", ON_KV, LLMSIZE_ERR_OVERFLOW },
    { "UINT32_MAX sequences of 2^20 tokens", ON_KV, LLMSIZE_ERR_OVERFLOW },
    { "context 0", ON_KV, LLMSIZE_ERR_INVALID_ARG },
    { "0 sequences", ON_KV, LLMSIZE_ERR_INVALID_ARG },
    { "KV dtype 999", ON_KV, LLMSIZE_ERR_UNKNOWN_KV_DTYPE },
    { "UINT32_MAX layers", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "UINT32_MAX layers (KV)", ON_KV, LLMSIZE_ERR_INVALID_MODEL },
    { "zero heads", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "zero KV heads", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "5 KV heads do not divide 32 heads", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "64 KV heads for 32 heads", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "9 experts per token of 8", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "experts per token without experts", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "hidden size 0", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "vocab x hidden = UINT32_MAX^2 per matrix", ON_PARAMS, LLMSIZE_ERR_OVERFLOW },
    { "vision tower of UINT64_MAX parameters", ON_PARAMS, LLMSIZE_ERR_OVERFLOW },
    { "sliding attention with a 0-token window", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "attention kind 7", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "memory fraction NaN", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "memory fraction +Inf", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "memory fraction -0.5", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "memory fraction 1.5", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "memory fraction denormal (1e-310): valid, fits nothing", ON_PLAN, LLMSIZE_OK },
    { "UINT32_MAX sequences in a plan", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "tensor parallel 3 with 32 heads", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "host bandwidth NaN", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "engine 99", ON_PLAN, LLMSIZE_ERR_UNKNOWN_ENGINE },
    { "accelerator with 0 bytes of memory", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "zero bandwidth", ON_SPEED, LLMSIZE_ERR_INVALID_ARG },
    { "NaN bandwidth", ON_SPEED, LLMSIZE_ERR_INVALID_ARG },
    { "negative bandwidth", ON_SPEED, LLMSIZE_ERR_INVALID_ARG },
    { "batch of UINT32_MAX", ON_SPEED, LLMSIZE_ERR_INVALID_ARG },
    { "revenue NaN", ON_LICENSE, LLMSIZE_ERR_INVALID_ARG },
    { "revenue -1", ON_LICENSE, LLMSIZE_ERR_INVALID_ARG },
    { "revenue +Inf", ON_LICENSE, LLMSIZE_ERR_INVALID_ARG },
    /* issue "Hardening, round two" */
    { "UINT32_MAX norms per layer (took half an hour)", ON_PARAMS, LLMSIZE_ERR_INVALID_MODEL },
    { "tp x pp x dp wrapping 32 bits to 0 GPUs", ON_PLAN, LLMSIZE_ERR_INVALID_ARG },
    { "a linear-attention state of UINT32_MAX^3 (it wrapped)", ON_KV, LLMSIZE_ERR_OVERFLOW },
    { "decode at context 2^47-1: the step's bytes pass 2^64 (it wrapped into a fast step)", ON_SPEED, LLMSIZE_ERR_OVERFLOW },
};

typedef struct request {
    llmsize_model m;
    llmsize_gpu a;
    uint64_t context;
    uint32_t seqs, kv_dtype;
    llmsize_plan plan;
    llmsize_speed_request speed;
    llmsize_use use;
} request;

static void adversarial_apply(size_t i, request *q) {
    switch (i) {
    case 0: q->context = (uint64_t)1 << 40; break;
    case 1: q->context = (uint64_t)1 << 62; q->seqs = 1000; q->kv_dtype = LLMSIZE_KV_F32; break;
    case 2: q->context = 1u << 20; q->seqs = UINT32_MAX; break;
    case 3: q->context = 0; break;
    case 4: q->seqs = 0; break;
    case 5: q->kv_dtype = 999; break;
    case 6: case 7: q->m.dims.layers = UINT32_MAX; break;
    case 8: q->m.dims.heads = 0; break;
    case 9: q->m.dims.kv_heads = 0; break;
    case 10: q->m.dims.kv_heads = 5; break;
    case 11: q->m.dims.kv_heads = 64; break;
    case 12: q->m.moe.experts = 8; q->m.moe.active = 9; q->m.moe.expert_ffn = 1024; break;
    case 13: q->m.moe.experts = 0; q->m.moe.active = 2; break;
    case 14: q->m.dims.hidden = 0; break;
    case 15: q->m.dims.vocab = UINT32_MAX; q->m.dims.hidden = UINT32_MAX; break;
    case 16: q->m.extra.vision_params = UINT64_MAX; break;
    case 17: q->m.attn.kind = LLMSIZE_ATTN_SLIDING; q->m.attn.window = 0; break;
    case 18: q->m.attn.kind = 7; break;
    case 19: q->plan.mem_fraction = nan_value(); break;
    case 20: q->plan.mem_fraction = inf_value(); break;
    case 21: q->plan.mem_fraction = -0.5; break;
    case 22: q->plan.mem_fraction = 1.5; break;
    case 23: q->plan.mem_fraction = 1e-310; break;
    case 24: q->plan.seqs = UINT32_MAX; break;
    case 25: q->plan.tp = 3; break;
    case 26: q->plan.host_bw_gbs = nan_value(); break;
    case 27: q->plan.engine = 99; break;
    case 28: q->a.mem_bytes = 0; break;
    case 29: q->a.bw_gbs = 0; break;
    case 30: q->a.bw_gbs = nan_value(); break;
    case 31: q->a.bw_gbs = -1; break;
    case 32: q->speed.seqs = UINT32_MAX; break;
    case 33: q->use.revenue_usd = nan_value(); break;
    case 34: q->use.revenue_usd = -1; break;
    case 35: q->use.revenue_usd = inf_value(); break;
    case 36: q->m.extra.norms_per_layer = UINT32_MAX; break;
    case 37: q->plan.tp = 1; q->plan.pp = 1u << 16; q->plan.dp = 1u << 16; break;
    case 38: q->m.linear.full_every = 4; q->m.linear.k_heads = 16; q->m.linear.conv_kernel = 4;
             q->m.linear.v_heads = q->m.linear.k_dim = q->m.linear.v_dim = UINT32_MAX; break;
    case 39: q->speed.context = ((uint64_t)1 << 47) - 1; break;
    default: break;
    }
}

static void test_adversarial(void) {
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        request q;
        llmsize_params p;
        llmsize_plan_result r;
        llmsize_speed_result s;
        llmsize_license_result l;
        uint64_t kv = 12345;
        llmsize_status got = LLMSIZE_OK;
        memset(&q, 0, sizeof q);
        q.m = *model("llama-3.1-8b");
        q.a = *gpu("h100-sxm");
        q.context = 8192; q.seqs = 1; q.kv_dtype = LLMSIZE_KV_F16;
        q.plan.model = &q.m; q.plan.format = format("bf16"); q.plan.gpu = &q.a; q.plan.engine = LLMSIZE_ENGINE_VLLM;
        q.plan.context = 8192; q.plan.seqs = 1;
        q.speed.model = &q.m; q.speed.format = format("bf16"); q.speed.gpu = &q.a; q.speed.gpus = 1; q.speed.context = 4096;
        q.use.commercial = 1;
        adversarial_apply(i, &q);
        switch (cases[i].on) {
        case ON_PARAMS: got = llmsize_params_of(&q.m, &p); break;
        case ON_KV:
            got = llmsize_kv_bytes(&q.m, q.context, q.seqs, (llmsize_kv_dtype)q.kv_dtype, &kv);
            /* on failure the output is zeroed, never a wrapped or clamped number */
            CHECK(got == LLMSIZE_OK || kv == 0, "%s: output %llu left on failure", cases[i].what, (unsigned long long)kv);
            break;
        case ON_PLAN:
            got = llmsize_plan_fit(&q.plan, &r);
            if (got == LLMSIZE_OK && i == 23) CHECK(!r.fits, "a denormal memory fraction fits nothing");
            break;
        case ON_SPEED: got = llmsize_speed(&q.speed, &s); break;
        case ON_LICENSE: got = llmsize_license_check(&q.m, &q.use, &l); break;
        }
        CHECK(got == cases[i].want, "adversarial '%s': got %d (%s), want %d (%s)", cases[i].what, (int)got,
              llmsize_strerror(got), (int)cases[i].want, llmsize_strerror(cases[i].want));
        CHECK(strlen(llmsize_strerror(got)) > 0, "status %d has a message", (int)got);
    }
    CHECK(sizeof cases / sizeof cases[0] >= 30, "adversarial cases");
}

/* ---- properties --------------------------------------------------------------------- */

static int n_props;

static uint64_t kv_of(const llmsize_model *m, uint64_t ctx, uint32_t seqs) {
    uint64_t kv = 0;
    return llmsize_kv_bytes(m, ctx, seqs, LLMSIZE_KV_F16, &kv) == LLMSIZE_OK ? kv : 0;
}

/* More context (or sequences) never means less KV. */
static void prop_kv_monotone(const llmsize_model *m) {
    static const uint64_t ctx[] = { 1, 2, 17, 255, 256, 4096, 4097, 8192, 32768, 131072, 1048576 };
    size_t i;
    uint64_t prev = 0;
    if (!kv_of(m, 1, 1)) return; /* no KV cache (encoder-only) */
    for (i = 0; i < sizeof ctx / sizeof ctx[0]; ++i) {
        uint64_t kv;
        if (m->enc.positions && ctx[i] > m->enc.positions) { /* past a learned position table */
            CHECK(llmsize_kv_bytes(m, ctx[i], 1, LLMSIZE_KV_F16, &kv) == LLMSIZE_ERR_INVALID_ARG && kv == 0,
                  "%s: KV past the %u positions is refused", m->id, m->enc.positions);
            continue;
        }
        kv = kv_of(m, ctx[i], 1);
        CHECK(kv >= prev, "%s: KV at %llu tokens (%llu) < at fewer (%llu)", m->id, (unsigned long long)ctx[i],
              (unsigned long long)kv, (unsigned long long)prev);
        CHECK(kv_of(m, ctx[i], 3) >= kv, "%s: 3 sequences hold less than 1", m->id);
        prev = kv;
        ++n_props;
    }
}

/* llama.cpp quantizes a tensor whose rows are not a multiple of 256 with a legacy fallback
   type (Q2_K/Q3_K -> Q4_0 or IQ4_NL, Q4_K -> Q5_0, Q5_K -> Q5_1, Q6_K -> Q8_0), which can put
   a "smaller" named type above a "larger" one. That is real: TensorBlock/gemma-3-1b-it-GGUF
   lists Q2_K at 0.690 GB and Q3_K_S at 0.689 GB. Fused-QKV families (Phi-3, Falcon) and MoE
   models get their own per-tensor rules, under which the ladder is not guaranteed either
   (random shapes find inversions; the table's rows keep it). Below 8 layers the _S and _M
   rules cross too: Q4_K_S gives Q5_K to the first 4 attn_v tensors, Q4_K_M gives Q6_K to
   layers n/8-apart (at 3 layers: 3 x Q5_K against 1 x Q6_K + 2 x Q4_K), so a 3-layer model's
   Q4_K_S is the larger file. The ladder holds without these. */
static int no_fallback(const llmsize_model *m) {
    return !(m->flags & (LLMSIZE_F_FUSED_QKV | LLMSIZE_F_FUSED_GATE_UP | LLMSIZE_F_FALCON_QUANT)) && !m->moe.experts &&
           m->dims.layers >= 8 && m->dims.hidden % 256 == 0 && m->dims.ffn % 256 == 0 && m->moe.expert_ffn % 256 == 0 &&
           m->moe.shared_ffn % 256 == 0 && (m->dims.heads * m->dims.head_dim) % 256 == 0 && !m->mla.kv_lora_rank &&
           !m->linear.full_every;
}

/* More bits never means fewer bytes, in the order each family ladders its types. */
static void prop_bits_monotone(const llmsize_model *m, int is_row) {
    static const char *const ladders[][10] = {
        { "Q4_0", "Q5_0", "Q8_0", "bf16", "f32", NULL },        /* uniform types: always */
        { "nvfp4", "fp8", "bf16", NULL },
        { "awq", "fp8", NULL },
        { "Q2_K", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M", "Q6_K", "Q8_0" },
        { "IQ1_S", "IQ2_XXS", "IQ2_XS", "IQ3_XXS", "IQ4_XS", "Q4_K_M", NULL },
    };
    size_t l, k, n_ladders = no_fallback(m) || is_row ? sizeof ladders / sizeof ladders[0] : 3;
    for (l = 0; l < n_ladders; ++l) {
        uint64_t prev = 0;
        const char *prev_id = "";
        for (k = 0; k < 10 && ladders[l][k]; ++k) {
            const llmsize_format *f = format(ladders[l][k]);
            llmsize_weights w;
            if (!f || llmsize_weight_bytes(m, f, &w) != LLMSIZE_OK) continue;
            CHECK(w.total >= prev, "%s: %s (%llu bytes) smaller than %s (%llu)", m->id, ladders[l][k],
                  (unsigned long long)w.total, prev_id, (unsigned long long)prev);
            prev = w.total;
            prev_id = ladders[l][k];
            ++n_props;
        }
    }
}

static void test_published_inversion(void) {
    llmsize_weights q2, q3;
    CHECK(llmsize_weight_bytes(model("gemma-3-1b"), format("Q2_K"), &q2) == LLMSIZE_OK &&
          llmsize_weight_bytes(model("gemma-3-1b"), format("Q3_K_S"), &q3) == LLMSIZE_OK && q3.total < q2.total,
          "gemma-3-1b: Q3_K_S below Q2_K, as TensorBlock/gemma-3-1b-it-GGUF publishes (0.689 vs 0.690 GB)");
}

static void prop_active_le_total(const llmsize_model *m) {
    llmsize_params p;
    if (llmsize_params_of(m, &p) != LLMSIZE_OK) return;
    CHECK(p.active <= p.text && p.text <= p.total && p.active > 0, "%s: active %llu, text %llu, total %llu", m->id,
          (unsigned long long)p.active, (unsigned long long)p.text, (unsigned long long)p.total);
    ++n_props;
}

/* MLA caches a compressed latent: less than the same model with full multi-head K and V. */
static void prop_mla_smaller(const llmsize_model *m) {
    llmsize_model mha;
    if (!m->mla.kv_lora_rank) return;
    mha = *m;
    memset(&mha.mla, 0, sizeof mha.mla);
    mha.dims.kv_heads = mha.dims.heads;
    mha.dims.head_dim = m->mla.qk_nope_dim + m->mla.qk_rope_dim;
    if (llmsize_model_validate(&mha) != LLMSIZE_OK) { CHECK(0, "%s: MHA equivalent invalid", m->id); return; }
    CHECK(kv_of(m, 32768, 1) < kv_of(&mha, 32768, 1), "%s: MLA KV %llu not below MHA's %llu", m->id,
          (unsigned long long)kv_of(m, 32768, 1), (unsigned long long)kv_of(&mha, 32768, 1));
    ++n_props;
}

static int fits_on(const llmsize_model *m, const char *fmt, const char *gpu_name, llmsize_engine e, uint32_t tp,
                   uint64_t ctx, llmsize_plan_result *r) {
    llmsize_plan p;
    memset(&p, 0, sizeof p);
    p.model = m; p.format = format(fmt); p.gpu = gpu(gpu_name); p.engine = e; p.tp = tp; p.context = ctx; p.seqs = 1;
    return llmsize_plan_fit(&p, r) == LLMSIZE_OK && r->fits;
}

/* A plan that fits on one GPU fits on two (tensor parallel), under every engine. */
static void prop_more_gpus(const llmsize_model *m) {
    static const char *const fmts[] = { "bf16", "fp8", "Q4_K_M" };
    static const llmsize_engine engines[] = { LLMSIZE_ENGINE_NONE, LLMSIZE_ENGINE_VLLM, LLMSIZE_ENGINE_SGLANG,
                                              LLMSIZE_ENGINE_LLAMACPP };
    size_t f, e;
    llmsize_plan_result r1, r2;
    if (!llmsize_valid_tp(m, 2)) return;
    for (f = 0; f < 3; ++f)
        for (e = 0; e < sizeof engines / sizeof engines[0]; ++e)
            if (fits_on(m, fmts[f], "l40s", engines[e], 1, 8192, &r1)) {
                CHECK(fits_on(m, fmts[f], "l40s", engines[e], 2, 8192, &r2), "%s %s engine %d: fits on 1 L40S, not on 2",
                      m->id, fmts[f], (int)engines[e]);
                ++n_props;
            }
}

/* The longest-context solver agrees with the fit at its boundary: fits at max, not past it. */
static void prop_max_context_boundary(const llmsize_model *m) {
    static const llmsize_engine engines[] = { LLMSIZE_ENGINE_NONE, LLMSIZE_ENGINE_VLLM, LLMSIZE_ENGINE_LLAMACPP };
    size_t e;
    for (e = 0; e < 3; ++e) {
        llmsize_plan p;
        llmsize_plan_result r;
        uint64_t max = 0;
        memset(&p, 0, sizeof p);
        p.model = m; p.format = format(engines[e] == LLMSIZE_ENGINE_LLAMACPP ? "Q4_K_M" : "fp8");
        p.gpu = gpu("h100-sxm"); p.engine = engines[e]; p.seqs = 1;
        if (llmsize_plan_max_context(&p, &max) != LLMSIZE_OK || max == 0) continue;
        p.context = max;
        CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.fits, "%s engine %d: does not fit at its max context %llu",
              m->id, (int)engines[e], (unsigned long long)max);
        if (max < m->dims.max_ctx) {
            p.context = max + 256; /* one block/cell past it, whatever the engine's granularity */
            CHECK(llmsize_plan_fit(&p, &r) != LLMSIZE_OK || !r.fits, "%s engine %d: still fits past max context %llu",
                  m->id, (int)engines[e], (unsigned long long)max);
        }
        ++n_props;
    }
}

/* The most-users solver agrees with the fit at its boundary too. */
static void prop_max_seqs_boundary(const llmsize_model *m) {
    llmsize_plan p;
    llmsize_plan_result r;
    uint32_t max = 0;
    memset(&p, 0, sizeof p);
    p.model = m; p.format = format("fp8"); p.gpu = gpu("h100-sxm"); p.engine = LLMSIZE_ENGINE_VLLM; p.context = 4096;
    if (llmsize_plan_max_seqs(&p, &max) != LLMSIZE_OK || max == 0) return;
    p.seqs = max;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.fits, "%s: does not fit at its max users %u", m->id, max);
    p.seqs = max + 1;
    CHECK(llmsize_plan_fit(&p, &r) != LLMSIZE_OK || !r.fits, "%s: still fits with %u users, past max %u", m->id, max + 1, max);
    ++n_props;
}

/* The basic fit (no engine rules) and a plan with no engine agree on what is needed. */
static void prop_basic_fit_matches_plan(const llmsize_model *m) {
    llmsize_weights w;
    llmsize_fit_request q;
    llmsize_fit_result f;
    llmsize_plan p;
    llmsize_plan_result r;
    memset(&q, 0, sizeof q);
    q.model = m; q.format = format("Q4_K_M"); q.gpu = gpu("rtx-4090"); q.context = 8192; q.seqs = 1;
    memset(&p, 0, sizeof p);
    p.model = m; p.format = q.format; p.gpu = q.gpu; p.context = 8192; p.seqs = 1;
    if (llmsize_fit(&q, &f) != LLMSIZE_OK || llmsize_plan_fit(&p, &r) != LLMSIZE_OK ||
        llmsize_weight_bytes(m, q.format, &w) != LLMSIZE_OK) return;
    /* the basic fit counts the whole checkpoint; a plan leaves out the MTP modules engines skip */
    CHECK(f.weight_bytes == r.weight_bytes + w.by_component[LLMSIZE_COMPONENT_MTP] && f.kv_bytes == r.kv_bytes,
          "%s: basic fit and plan disagree on weights/KV", m->id);
    CHECK(f.total_bytes >= f.weight_bytes + f.kv_bytes && f.headroom_bytes == (int64_t)f.usable_bytes - (int64_t)f.total_bytes,
          "%s: basic fit totals", m->id);
    ++n_props;
}

/* The largest model that fits does fit, and every model with more parameters does not. */
static void test_largest_model(void) {
    static const char *const gpus[] = { "rtx-4060", "rtx-4090", "h100-sxm", "dgx-spark" };
    size_t g, i;
    for (g = 0; g < 4; ++g) {
        const llmsize_format *fmts[2];
        const llmsize_model *best = NULL;
        const llmsize_format *bf = NULL;
        llmsize_plan p;
        llmsize_plan_result r;
        llmsize_params bp;
        fmts[0] = format("Q4_K_M"); fmts[1] = format("Q8_0");
        memset(&p, 0, sizeof p);
        p.gpu = gpu(gpus[g]); p.engine = LLMSIZE_ENGINE_LLAMACPP; p.context = 8192; p.seqs = 1;
        if (llmsize_largest_model(&p, fmts, 2, &best, &bf) != LLMSIZE_OK || !best) { CHECK(0, "largest model on %s", gpus[g]); continue; }
        p.model = best; p.format = bf;
        CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.fits, "largest model %s on %s does not fit", best->id, gpus[g]);
        llmsize_params_of(best, &bp);
        for (i = 0; i < llmsize_model_count(); ++i) {
            const llmsize_model *m = llmsize_model_at(i);
            llmsize_params mp;
            int k, fits = 0;
            if (llmsize_params_of(m, &mp) || mp.total <= bp.total) continue;
            for (k = 0; k < 2; ++k) {
                p.model = m; p.format = fmts[k];
                if (llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.fits) fits = 1;
            }
            CHECK(!fits, "%s (%llu params) fits on %s but the largest model said %s", m->id, (unsigned long long)mp.total,
                  gpus[g], best->id);
        }
        ++n_props;
    }
    CHECK(llmsize_engine_count() >= 5 && llmsize_kv_dtype_name(LLMSIZE_KV_F16) && !llmsize_kv_dtype_name((llmsize_kv_dtype)999),
          "engine table and KV dtype names");
}

/* A small deterministic generator for random model descriptions. */
static uint32_t rng_state = 2463534242u;
static uint32_t rnd(uint32_t n) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 17; rng_state ^= rng_state << 5;
    return n ? rng_state % n : rng_state;
}

static void test_random_models(void) {
    int i, valid = 0;
    for (i = 0; i < 3000; ++i) {
        llmsize_model m = *llmsize_model_at(rnd((uint32_t)llmsize_model_count()));
        static const uint32_t head_dims[] = { 64, 80, 96, 128, 256 };
        m.dims.heads = 1u << rnd(8);
        m.dims.kv_heads = m.dims.heads >> rnd(4);
        if (!m.dims.kv_heads) m.dims.kv_heads = 1;
        m.dims.head_dim = head_dims[rnd(5)];
        m.dims.hidden = (rnd(2) ? 256 : 64) * (1 + rnd(64)); /* half of them fallback-free */
        m.dims.layers = 1 + rnd(128);
        m.dims.ffn = (rnd(2) ? 256 : 64) * (1 + rnd(128));
        if (m.moe.expert_ffn) m.moe.expert_ffn = 256 * (1 + rnd(16));
        m.dims.vocab = 1000 + rnd(300000);
        if (m.moe.experts) { m.moe.experts = 2 + rnd(256); m.moe.active = 1 + rnd(m.moe.experts); }
        if (m.attn.kind && m.attn.window) m.attn.window = 1 + rnd(8192);
        if (llmsize_model_validate(&m) != LLMSIZE_OK) continue;
        ++valid;
        prop_kv_monotone(&m);
        prop_active_le_total(&m);
        prop_bits_monotone(&m, 0);
    }
    CHECK(valid > 1000, "random models: %d of 3000 valid", valid);
}

/* The text form of a use: what scripts, annotations and flags write. */
static void test_parse_use(void) {
    llmsize_use u;
    static const char *const bad[] = { "commercial,mau=-1", "mau=lots", "mau", "revenue=1e19", "commerical", "eu=1",
                                       "mau=1e400", "mau=1.5.2", "revenue=", "mau=0x10" };
    size_t i;
    CHECK(llmsize_parse_use("commercial,eu,multimodal,redistribute,train,mau=8e8,mau_at_release=6.5e8,revenue=2.5e7", &u) ==
          LLMSIZE_OK && u.commercial && u.eu && u.multimodal && u.redistribute && u.train_on_outputs &&
          u.mau == 800000000u && u.mau_at_release == 650000000u && u.revenue_usd == 25000000.0, "full use parses");
    CHECK(llmsize_parse_use("", &u) == LLMSIZE_OK && !u.commercial && !u.mau, "empty use is no use");
    CHECK(llmsize_parse_use("commercial, mau=1000000", &u) == LLMSIZE_OK && u.mau == 1000000u, "space after comma");
    for (i = 0; i < sizeof bad / sizeof bad[0]; ++i)
        CHECK(llmsize_parse_use(bad[i], &u) == LLMSIZE_ERR_PARSE && !u.commercial && !u.mau, "'%s' is refused", bad[i]);
    CHECK(llmsize_parse_use(NULL, &u) == LLMSIZE_ERR_NULL && llmsize_parse_use("eu", NULL) == LLMSIZE_ERR_NULL, "NULLs");
}

/* The encoder and GGUF-mix entry points: every bad input is a status, never a crash or a
   number; a GGUF's per-type bytes add up to its weights for every row and GGUF type. */
static void test_encoders_and_mix(void) {
    const llmsize_model *bge = model("bge-m3"), *llama = model("llama-3.1-8b");
    const llmsize_format *bf16 = format("bf16");
    llmsize_gguf_mix mix;
    llmsize_model hostile;
    uint64_t v = 1;
    size_t i, k;
    if (!bge || !llama || !bf16) return;
    CHECK(llmsize_activation_bytes(NULL, 1, 1, 0, &v) == LLMSIZE_ERR_NULL && v == 0, "activation: NULL model (out zeroed)");
    CHECK(llmsize_activation_bytes(bge, 1, 1, 0, NULL) == LLMSIZE_ERR_NULL, "activation: NULL out");
    CHECK(llmsize_activation_bytes(bge, 0, 512, 0, &v) == LLMSIZE_ERR_INVALID_ARG && v == 0, "activation: zero batch");
    CHECK(llmsize_activation_bytes(bge, 1, 0, 0, &v) == LLMSIZE_ERR_INVALID_ARG, "activation: zero length");
    CHECK(llmsize_activation_bytes(bge, 1, 8195, 0, &v) == LLMSIZE_ERR_INVALID_ARG, "activation: past 8,194 positions");
    CHECK(llmsize_activation_bytes(llama, UINT64_MAX / 2, 1u << 20, 1, &v) == LLMSIZE_ERR_OVERFLOW && v == 0,
          "activation: overflow is reported, not wrapped");
    CHECK(llmsize_gguf_mix_of(NULL, format("Q4_K_M"), &mix) == LLMSIZE_ERR_NULL, "mix: NULL model");
    CHECK(llmsize_gguf_mix_of(llama, bf16, &mix) == LLMSIZE_ERR_INVALID_ARG && mix.n_tensors == 0, "mix: not a GGUF type");
    CHECK(llmsize_ggml_type_name(4) == NULL && llmsize_ggml_type_name(40) == NULL &&
          !strcmp(llmsize_ggml_type_name(12), "q4_K"), "ggml type names");
    hostile = *bge;
    hostile.enc.head = LLMSIZE_HEAD_COUNT;
    CHECK(llmsize_model_validate(&hostile) == LLMSIZE_ERR_INVALID_MODEL, "encoder: unknown head");
    hostile = *bge;
    hostile.enc.head = LLMSIZE_HEAD_CLASSIFIER;   /* a classifier with no labels */
    CHECK(llmsize_model_validate(&hostile) == LLMSIZE_ERR_INVALID_MODEL, "encoder: classifier without labels");
    hostile = *bge;
    hostile.enc.mel_bins = 80;                   /* an audio stem with no position table */
    CHECK(llmsize_model_validate(&hostile) == LLMSIZE_ERR_INVALID_MODEL, "encoder: audio without positions");
    if (model("whisper-large-v3-turbo")) {   /* a decoder without a position table: the context sum is checked */
        hostile = *model("whisper-large-v3-turbo");
        hostile.enc.positions = 0;
        CHECK(llmsize_kv_bytes(&hostile, UINT64_MAX - 10u, 1, LLMSIZE_KV_F16, &v) == LLMSIZE_ERR_OVERFLOW && v == 0,
              "encoder-decoder KV: context + encoder frames past 64 bits is an overflow, not a wrap");
    }
    hostile = *bge;
    hostile.enc.decoder_layers = LLMSIZE_MAX_LAYERS + 1u;
    CHECK(llmsize_model_validate(&hostile) == LLMSIZE_ERR_INVALID_MODEL, "encoder: decoder layers bounded");
    for (i = 0; i < llmsize_model_count(); ++i)
        for (k = 0; k < llmsize_format_count(); ++k) {
            const llmsize_model *m = llmsize_model_at(i);
            const llmsize_format *f = llmsize_format_at(k);
            llmsize_weights w;
            uint64_t sum = 0;
            unsigned t;
            if (f->kind != LLMSIZE_FMT_GGUF) continue;
            CHECK(llmsize_gguf_mix_of(m, f, &mix) == LLMSIZE_OK && llmsize_weight_bytes(m, f, &w) == LLMSIZE_OK,
                  "mix %s %s", m->id, f->id);
            for (t = 0; t < LLMSIZE_GGML_TYPE_COUNT; ++t) sum += mix.bytes[t];
            CHECK(sum == w.total, "mix %s %s: per-type bytes %llu, weights %llu", m->id, f->id,
                  (unsigned long long)sum, (unsigned long long)w.total);
            ++n_props;
        }
}

/* issue "Hardening, round two": a request no model could meet is an error, not every model
   rejected; a failed plan leaves nothing behind in its result */
/* A config.json that parses but lacks what sizing needs (here no FFN width) is
   LLMSIZE_ERR_INVALID_MODEL, and `out` is zeroed like every failed call's output. */
static void test_hf_config_failure_zeroes(void) {
    static const char cfg[] = "{\"model_type\": \"llama\", \"hidden_size\": 4096, \"num_hidden_layers\": 32, "
                              "\"num_attention_heads\": 32, \"num_key_value_heads\": 8, \"vocab_size\": 128256}";
    llmsize_model m, zero;
    memset(&zero, 0, sizeof zero);
    memset(&m, 0xA5, sizeof m);
    CHECK(llmsize_model_from_hf_config(cfg, sizeof cfg - 1, &m) == LLMSIZE_ERR_INVALID_MODEL, "config without intermediate_size");
    CHECK(memcmp(&m, &zero, sizeof m) == 0, "a config that fails validation leaves out zeroed");
}

/* A prepared plan answers as llmsize_plan_fit does, byte for byte, on every accelerator,
   context and number of sequences it is asked about (engines' defaults that depend on the
   accelerator included), for every model, four formats and every engine. */
static void test_prepared_equals_fit(void) {
    static const char *const fmts[] = { "bf16", "fp8", "Q4_K_M", "awq" };
    static const uint64_t ctx[] = { 0, 4096, 131072 };
    size_t i, f, g, c, s, e, n = 0, fast = 0, bad = 0;
    for (i = 0; i < llmsize_model_count(); ++i)
        for (f = 0; f < 4; ++f)
            for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
                llmsize_plan p;
                llmsize_prepared pp;
                memset(&p, 0, sizeof p);
                p.model = llmsize_model_at(i);
                p.engine = (uint32_t)e;
                p.gpu = llmsize_gpu_at(0);
                if (llmsize_find_format(fmts[f], &p.format) != LLMSIZE_OK) continue;
                if (llmsize_prepare(&p, &pp) != LLMSIZE_OK) continue;
                for (g = 0; g < llmsize_gpu_count(); g += 11)
                    for (c = 0; c < 3; ++c)
                        for (s = 0; s < 2; ++s) {
                            const uint32_t cols = (g + c + s) % 4 == 0 ? LLMSIZE_COLUMN_ALL : 0u;
                            llmsize_plan q = p;
                            llmsize_plan_result a, b;
                            llmsize_status sa, sb;
                            q.gpu = llmsize_gpu_at(g);
                            q.context = ctx[c];
                            q.seqs = s ? 3u : 0u;
                            sa = llmsize_plan_fit(&q, &a);
                            if (!cols) { a.max_context = 0; a.decode_tps = a.decode_tps_low = a.decode_tps_high = 0.0; }
                            sb = llmsize_prepared_fit(&pp, q.gpu, ctx[c], q.seqs, cols, &b);
                            if (sa != sb || memcmp(&a, &b, sizeof a) != 0) {
                                if (++bad <= 5)
                                    CHECK(0, "prepared %s %s %s on %s, context %llu, seqs %u: status %d vs %d, total %llu vs %llu",
                                          p.model->id, fmts[f], llmsize_engine_name((uint32_t)e), q.gpu->id,
                                          (unsigned long long)ctx[c], q.seqs, (int)sb, (int)sa,
                                          (unsigned long long)b.total_bytes, (unsigned long long)a.total_bytes);
                            }
                            fast += pp.fast && !cols;
                            ++n;
                        }
            }
    CHECK(bad == 0 && n > 50000 && fast > 5000, "prepared fits equal plan fits: %zu compared (%zu on the fast path), %zu differ", n, fast, bad);
    printf("prepared plans: %zu fits compared with llmsize_plan_fit (%zu on the no-engine fast path), %zu differ\n", n, fast, bad);
}

/* A grid answers cell by cell as llmsize_prepared_fit does, byte for byte: every model
   (encoders included), every format and engine (in a sample of their pairs), every
   accelerator, contexts the plan's own (0), short, long and past 2^64 bytes of cache, one
   and several sequences; a NULL accelerator (the plan's), a broken one, and a grid of no
   cells. A grid asked for fewer columns gives the same cells in those, and one call over
   many plans (a NULL one and a failed one among them) the same cells as a call each. */
#define GRID_GPUS 100
#define GRID_PLANS 64
#define GRID_MAX (GRID_PLANS * 4 * GRID_GPUS)
static int32_t st[GRID_MAX], st2[GRID_MAX];
static uint64_t wb[GRID_MAX], kvb[GRID_MAX], tb[GRID_MAX], ub[GRID_MAX];
static int64_t hb[GRID_MAX];
static uint8_t fb[GRID_MAX], tg[GRID_MAX], fb2[GRID_MAX];
static void test_grid_equals_prepared(void) {
    static const uint64_t ctx[] = { 0, 4096, 131072, UINT64_MAX / 2 };
    static llmsize_prepared many[GRID_PLANS];
    const llmsize_prepared *list[GRID_PLANS];
    llmsize_grid_columns all, few;
    const llmsize_gpu *gpus[GRID_GPUS];
    llmsize_gpu broken, huge;
    size_t i, f, g, c, e, k, n = 0, fast = 0, bad = 0, errs = 0, na = 0, multi = 0;
    memset(&all, 0, sizeof all);
    all.status = st; all.weight_bytes = wb; all.kv_bytes = kvb; all.total_bytes = tb; all.usable_bytes = ub;
    all.headroom_bytes = hb; all.fits = fb; all.tight = tg;
    memset(&few, 0, sizeof few);
    few.status = st2; few.fits = fb2;
    broken = *llmsize_gpu_at(0);
    broken.usable_pct = 0;
    huge = *llmsize_gpu_at(0);
    huge.mem_bytes = UINT64_MAX;   /* usable memory past INT64_MAX: an overflow, said per cell */
    gpus[na++] = NULL;
    gpus[na++] = &broken;
    gpus[na++] = &huge;
    for (g = 0; g < llmsize_gpu_count() && na < GRID_GPUS; ++g) gpus[na++] = llmsize_gpu_at(g);
    for (i = 0; i < llmsize_model_count(); ++i)
        for (f = 0; f < llmsize_format_count(); ++f)
            for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
                llmsize_plan p;
                llmsize_prepared pp;
                const llmsize_prepared *one = &pp;
                const uint32_t seqs = (uint32_t)(i + f) % 3u;
                /* every model and every format, in a sample of their pairs (engines: a smaller one) */
                if ((i + f) % 4 != 0 || (e != LLMSIZE_ENGINE_NONE && (i + f + e) % 28 != 0)) continue;
                memset(&p, 0, sizeof p);
                p.model = llmsize_model_at(i);
                p.format = llmsize_format_at(f);
                p.engine = (uint32_t)e;
                p.gpu = llmsize_gpu_at(f % llmsize_gpu_count());
                if (llmsize_prepare(&p, &pp) != LLMSIZE_OK) continue;
                if (llmsize_prepared_grid(&one, 1, gpus, na, ctx, 4, seqs, &all) != LLMSIZE_OK ||
                    llmsize_prepared_grid(&one, 1, gpus, na, ctx, 4, seqs, &few) != LLMSIZE_OK) { ++bad; continue; }
                for (g = 0; g < na; ++g)
                    for (c = 0; c < 4; ++c) {
                        llmsize_plan_result r;
                        const size_t k = c * na + g;
                        const llmsize_status s = llmsize_prepared_fit(&pp, gpus[g], ctx[c], seqs, 0, &r);
                        int same = st[k] == (int32_t)s && st2[k] == st[k] && fb2[k] == fb[k];
                        if (s == LLMSIZE_OK)
                            same = same && wb[k] == r.weight_bytes && kvb[k] == r.kv_bytes && tb[k] == r.total_bytes &&
                                   ub[k] == r.usable_bytes && hb[k] == r.headroom_bytes && fb[k] == r.fits && tg[k] == r.tight;
                        else
                            same = same && !wb[k] && !kvb[k] && !tb[k] && !ub[k] && !hb[k] && !fb[k] && !tg[k];
                        if (!same && ++bad <= 5)
                            CHECK(0, "grid %s %s %s on %s, context %llu, seqs %u: status %d vs %d, total %llu vs %llu",
                                  p.model->id, p.format->id, llmsize_engine_name((uint32_t)e), gpus[g] ? gpus[g]->id : "(plan's)",
                                  (unsigned long long)ctx[c], seqs, (int)st[k], (int)s,
                                  (unsigned long long)tb[k], (unsigned long long)r.total_bytes);
                        errs += s != LLMSIZE_OK;
                        fast += pp.fast;
                        ++n;
                    }
            }
    CHECK(bad == 0 && n > 500000 && fast > 200000 && errs > 10000, "grid cells equal prepared fits: %zu compared, %zu differ", n, bad);
    /* many plans in one call: every format of a model (vLLM for every third), a NULL plan and
       a failed one, against one call each */
    for (i = 0; i < llmsize_model_count(); i += 7) {
        size_t np = 0;
        list[np++] = NULL;
        memset(&many[np], 0, sizeof many[np]);   /* as llmsize_prepare leaves a failure */
        list[np] = &many[np]; ++np;
        for (f = 0; f < llmsize_format_count() && np < GRID_PLANS; ++f) {
            llmsize_plan p;
            memset(&p, 0, sizeof p);
            p.model = llmsize_model_at(i); p.format = llmsize_format_at(f); p.gpu = llmsize_gpu_at(f % 5);
            p.engine = f % 3 == 0 ? LLMSIZE_ENGINE_VLLM : LLMSIZE_ENGINE_NONE;
            if (llmsize_prepare(&p, &many[np]) == LLMSIZE_OK) { list[np] = &many[np]; ++np; }
        }
        CHECK(llmsize_prepared_grid(list, np, gpus, na, ctx, 4, 2, &all) == LLMSIZE_OK, "grid of %zu plans", np);
        for (k = 0; k < np; ++k) {
            CHECK(llmsize_prepared_grid(list + k, 1, gpus, na, ctx, 4, 2, &few) == LLMSIZE_OK, "grid of one plan");
            for (c = 0; c < 4 * na; ++c) {
                const size_t at = k * 4 * na + c;
                if (st[at] != st2[c] || fb[at] != fb2[c]) { if (++bad <= 5) CHECK(0, "plan %zu of a grid, cell %zu: status %d vs %d", k, c, (int)st[at], (int)st2[c]); }
                if (k < 2 && st[at] != LLMSIZE_ERR_NULL) { if (++bad <= 5) CHECK(0, "a NULL or failed plan's cells say LLMSIZE_ERR_NULL"); }
                ++multi;
            }
        }
    }
    CHECK(bad == 0 && multi > 100000, "grids of many plans: %zu cells, %zu differ", multi, bad);
    printf("prepared grids: %zu cells compared with llmsize_prepared_fit (%zu without an engine, %zu errors), %zu in grids of many plans, %zu differ\n",
           n, fast, errs, multi, bad);
    {   /* the call's own contract */
        llmsize_plan p;
        llmsize_prepared pp;
        const llmsize_prepared *one = &pp;
        llmsize_grid_columns none;
        memset(&none, 0, sizeof none);
        memset(&p, 0, sizeof p);
        p.model = model("llama-3.1-8b"); p.format = format("bf16"); p.gpu = gpu("h100-sxm");
        CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_OK, "prepare for the grid contract");
        CHECK(llmsize_prepared_grid(NULL, 1, gpus, 1, ctx, 1, 1, &all) == LLMSIZE_ERR_NULL, "grid: NULL plans");
        CHECK(llmsize_prepared_grid(&one, 1, NULL, 1, ctx, 1, 1, &all) == LLMSIZE_ERR_NULL, "grid: NULL accelerators");
        CHECK(llmsize_prepared_grid(&one, 1, gpus, 1, NULL, 1, 1, &all) == LLMSIZE_ERR_NULL, "grid: NULL contexts");
        CHECK(llmsize_prepared_grid(&one, 1, gpus, 1, ctx, 1, 1, NULL) == LLMSIZE_ERR_NULL, "grid: NULL out");
        CHECK(llmsize_prepared_grid(&one, 1, gpus, 1, ctx, 1, 1, &none) == LLMSIZE_ERR_NULL, "grid: no status column");
        CHECK(llmsize_prepared_grid(&one, 1, NULL, 0, NULL, 0, 1, NULL) == LLMSIZE_OK, "grid: no cells");
        CHECK(llmsize_prepared_grid(NULL, 0, gpus, 1, ctx, 1, 1, NULL) == LLMSIZE_OK, "grid: no plans");
        CHECK(llmsize_prepared_grid(&one, 1, gpus, 1, ctx, 1, 1000001u, &all) == LLMSIZE_ERR_INVALID_ARG, "grid: 1000001 seqs");
        CHECK(llmsize_prepared_grid(&one, 1, gpus, (size_t)-1, ctx, 2, 1, &all) == LLMSIZE_ERR_INVALID_ARG, "grid: more cells than size_t counts");
        CHECK(llmsize_prepared_grid(&one, (size_t)-1 / 2, gpus, 2, ctx, 2, 1, &all) == LLMSIZE_ERR_INVALID_ARG, "grid: more plans x cells than size_t counts");
        {   /* only a headroom column, with and without an engine; an encoder on more than
               4096 accelerators (llmsize_fit refuses it) */
            llmsize_grid_columns head;
            llmsize_plan_result r;
            const llmsize_gpu *h100 = gpu("h100-sxm");
            int same = 1;
            memset(&head, 0, sizeof head);
            head.status = st; head.headroom_bytes = hb;
            for (e = 0; e < 2; ++e) {
                p.engine = e ? LLMSIZE_ENGINE_VLLM : LLMSIZE_ENGINE_NONE;
                CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_OK, "prepare");
                CHECK(llmsize_prepared_grid(&one, 1, &h100, 1, ctx + 1, 1, 1, &head) == LLMSIZE_OK, "grid, headroom only");
                CHECK(llmsize_prepared_fit(&pp, h100, ctx[1], 1, 0, &r) == LLMSIZE_OK && st[0] == LLMSIZE_OK && hb[0] == r.headroom_bytes,
                      "grid, headroom only: %lld vs %lld", (long long)hb[0], (long long)r.headroom_bytes);
            }
            memset(&p, 0, sizeof p);
            p.model = model("e5-small-v2"); p.format = format("f16"); p.gpu = h100; p.tp = 5000;
            CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_OK, "an encoder's plan on 5000 accelerators prepares (no layout to check)");
            CHECK(llmsize_prepared_grid(&one, 1, &h100, 1, ctx + 1, 1, 1, &all) == LLMSIZE_OK, "grid of an encoder on 5000 accelerators");
            same = st[0] == (int32_t)llmsize_prepared_fit(&pp, h100, ctx[1], 1, 0, &r) && st[0] == LLMSIZE_ERR_INVALID_ARG;
            CHECK(same, "an encoder on 5000 accelerators: the grid says %s, as llmsize_fit", llmsize_strerror((llmsize_status)st[0]));
        }
    }
}

/* Ollama with room for every block but not the output layer: its scheduler keeps the output
   on the CPU, so the plan does not fit (it runs, slower) and says so: OFFLOADS, not STARTS
   (fuzz_hf_config found a plan that said "starts" and "does not fit" with headroom left). */
static void test_ollama_output_on_cpu(void) {
    llmsize_plan p;
    llmsize_plan_result r;
    llmsize_gpu g;
    uint64_t mem;
    size_t seen = 0, wrong = 0;
    memset(&p, 0, sizeof p);
    p.model = model("gemma-2-9b"); p.format = format("Q4_K_M"); p.engine = LLMSIZE_ENGINE_OLLAMA;   /* a 256k vocabulary */
    p.context = 8192; p.seqs = 1;
    g = *gpu("rtx-4090");
    p.gpu = &g;
    for (mem = (uint64_t)7 << 30; mem <= (uint64_t)9 << 30; mem += (uint64_t)4 << 20) {
        g.mem_bytes = mem;
        if (llmsize_plan_fit(&p, &r) != LLMSIZE_OK || r.gpu_layers != p.model->dims.layers || r.fits || r.headroom_bytes < 0) continue;
        ++seen;   /* every block on the GPU, the plan not fitting with memory to spare */
        if (r.outcome != LLMSIZE_OUTCOME_OFFLOADS) ++wrong;
    }
    CHECK(seen > 0 && wrong == 0, "Ollama keeping only the output on the CPU: %zu plans, %zu not OFFLOADS", seen, wrong);
}

static void test_contracts_round_two(void) {
    llmsize_select_request q;
    llmsize_candidate c[8];
    llmsize_use u;
    llmsize_plan p;
    llmsize_plan_result r;
    size_t n, good, k;
    int clean = 1;
    llmsize_select_request_init(&q);
    q.gpu = gpu("h100-sxm");
    q.kv_dtype = 999;
    CHECK(llmsize_select(&q, c, 8, &n, &good) == LLMSIZE_ERR_UNKNOWN_KV_DTYPE, "select: KV dtype 999");
    q.kv_dtype = 0; q.tight_pct = 101;
    CHECK(llmsize_select(&q, c, 8, &n, &good) == LLMSIZE_ERR_INVALID_ARG, "select: tight_pct 101");
    q.tight_pct = 0;
    memset(&u, 0, sizeof u);
    u.commercial = 1; u.revenue_usd = nan_value();
    q.use = &u;
    CHECK(llmsize_select(&q, c, 8, &n, &good) == LLMSIZE_ERR_INVALID_ARG, "select: revenue NaN");
    u.revenue_usd = 0;
    CHECK(llmsize_select(&q, c, 8, &n, &good) == LLMSIZE_OK && good > 0, "select: the same request, well formed");
    /* a format whose weights overflow: the error, and an all-zero result */
    memset(&p, 0, sizeof p);
    {
        static llmsize_model huge;
        huge = *model("llama-3.1-8b");
        huge.extra.vision_params = UINT64_MAX;
        p.model = &huge;
    }
    p.format = format("bf16"); p.gpu = gpu("h100-sxm"); p.engine = LLMSIZE_ENGINE_VLLM; p.context = 8192; p.seqs = 1;
    memset(&r, 0xAB, sizeof r);
    CHECK(llmsize_plan_fit(&p, &r) != LLMSIZE_OK, "plan of a model whose weights overflow fails");
    for (k = 0; k < sizeof r; ++k) clean &= ((const unsigned char *)&r)[k] == 0;
    CHECK(clean, "and leaves its result all zero");
    {   /* weights per GPU just above 2^63 (a vision tower of 1.5 x 2^62 parameters in BF16): the
           paging engines' pool arithmetic stays unsigned (UBSan in make test-asan), the plan
           says overflow */
        static llmsize_model big;
        uint32_t e;
        big = *model("llama-3.1-8b");
        big.extra.vision_params = ((uint64_t)3 << 61);
        p.model = &big;
        static const uint32_t paging[] = { LLMSIZE_ENGINE_VLLM, LLMSIZE_ENGINE_SGLANG, LLMSIZE_ENGINE_TRTLLM };
        for (k = 0; k < 3; ++k) {   /* (llama.cpp keeps a vision tower in its own mmproj file) */
            llmsize_status st;
            e = paging[k];
            p.engine = e;
            st = llmsize_plan_fit(&p, &r);
            CHECK(st == LLMSIZE_ERR_OVERFLOW || (st == LLMSIZE_OK && !r.fits), "%s: weights past 2^63 per GPU: %s",
                  llmsize_engine_name((llmsize_engine)e), llmsize_strerror(st));
        }
    }
}

/* tests/test_index.c: the close-name search through the index's sketches against a scan of
   every name, and the resolver through its token bits against trying every row, over every
   name of the two tables and edits of each. */
long llmsize_test_index_agrees(long *n);
static void test_index_is_a_shortcut(void) {
    long n = 0;
    const long bad = llmsize_test_index_agrees(&n);
    CHECK(bad == 0 && n > 10000, "answers through the name index (suggestions, resolutions) differ from a scan for %ld of %ld queries", bad, n);
}

/* tests/test_index.c: searches' plans that stop at "it does not fit", and plans with only
   some columns, against llmsize_plan_fit. */
long llmsize_test_fits_only_agrees(long *n, long *fit, long *stopped);
static void test_fits_only_is_a_shortcut(void) {
    long n = 0, fit = 0, stopped = 0;
    const long bad = llmsize_test_fits_only_agrees(&n, &fit, &stopped);
    CHECK(bad == 0 && n > 100000 && fit > 1000 && stopped > 1000,
          "plans a search asks (fits only) or with some columns differ from llmsize_plan_fit in %ld of %ld (%ld fit, %ld stopped early)",
          bad, n, fit, stopped);
}

/* tests/test_index.c: -ngl / --n-cpu-moe placement from the per-group sums against placing
   every tensor, for every model and format of the tables. */
long llmsize_test_host_sums_agree(long *n, long *sums, long *stacks);
static void test_host_sums_are_a_shortcut(void) {
    long n = 0, sums = 0, stacks = 0;
    const long bad = llmsize_test_host_sums_agree(&n, &sums, &stacks);
    const long pairs = (long)(llmsize_model_count() * llmsize_format_count());
    CHECK(bad == 0 && sums + stacks > pairs && stacks < pairs / 50 && n > 1000000,
          "host bytes from the placement sums differ from placing every tensor in %ld of %ld placements "
          "(%ld of %ld model x format pairs summed, %ld with a decoder stack)", bad, n, sums, pairs, stacks);
}

/* tests/test_index.c: GGUF rule conditions as thresholds against the conditions read one by one. */
long llmsize_test_idx_compile_agrees(long *n);
static void test_idx_compile_is_a_shortcut(void) {
    long n = 0;
    const long bad = llmsize_test_idx_compile_agrees(&n);
    CHECK(bad == 0 && n == 8L * 21L * 301L, "GGUF index conditions as thresholds differ from the rules in %ld cases (%ld conditions)", bad, n);
}

/* The name index hashes case-blind by OR-ing 0x20 into each byte, which folds the zero bytes
   past a name's end into spaces: "L4 " hashes as "L4" does. The confirming comparison must
   stop at the shorter name's end (it read past the "L4" literal; the names fuzzer found it,
   ASan reports it). Every model id and repo and every accelerator id and alias, with one to
   eight spaces after it: unknown as written, or the same row, never another. */
static void append_spaces_each(const char *list, int gpu, long *asked, long *wrong) {
    char q[320];
    const char *p = list;
    size_t k;
    while (p && *p) {
        const size_t n = strcspn(p, "|");
        if (n && n < sizeof q - 9) {
            const llmsize_gpu *want = NULL, *a = NULL;
            const llmsize_model *wm = NULL, *m = NULL;
            memcpy(q, p, n);
            q[n] = '\0';
            if (gpu) (void)llmsize_find_gpu(q, &want); else (void)llmsize_find_model(q, &wm);
            for (k = 1; k <= 8; ++k) {
                q[n + k - 1] = ' ';
                q[n + k] = '\0';
                if (gpu) { const llmsize_status st = llmsize_find_gpu(q, &a); *wrong += st == LLMSIZE_OK && a != want; }
                else { const llmsize_status st = llmsize_find_model(q, &m); *wrong += st == LLMSIZE_OK && m != wm; }
                ++*asked;
            }
        }
        p += n + (p[n] == '|');
    }
}
static void test_lookup_stops_at_a_shorter_name(void) {
    long asked = 0, wrong = 0;
    size_t i;
    for (i = 0; i < llmsize_gpu_count(); ++i) {
        append_spaces_each(llmsize_gpu_at(i)->id, 1, &asked, &wrong);
        append_spaces_each(llmsize_gpu_at(i)->aliases, 1, &asked, &wrong);
    }
    for (i = 0; i < llmsize_model_count(); ++i) {
        append_spaces_each(llmsize_model_at(i)->id, 0, &asked, &wrong);
        append_spaces_each(llmsize_model_at(i)->hf_repos, 0, &asked, &wrong);
    }
    CHECK(wrong == 0 && asked > 4000, "a table name with spaces after it named another row %ld times in %ld lookups", wrong, asked);
}

/* A model deeper than the placement sums reach (LLMSIZE__HOST_LAYERS, 4,096 blocks) is placed
   tensor by tensor: Llama 3.1 8B stretched to 5,000 blocks under llama.cpp at a range of -ngl.
   More layers on the GPU never leave more bytes in host memory; all of them leave only
   token_embd there (as the 32-block model does); each split keeps every byte somewhere. */
static void test_deep_model_placed_tensor_by_tensor(void) {
    const int ngls[] = { 0, 1, 100, 2500, 4999, 5000, 5001 };
    const llmsize_model *m = NULL;
    llmsize_model deep;
    llmsize_weights w, w32;
    llmsize_plan p;
    llmsize_plan_result r, r32;
    uint64_t last = UINT64_MAX;
    size_t k;
    int ok = 1;
    if (llmsize_find_model("llama-3.1-8b", &m) != LLMSIZE_OK) { CHECK(0, "llama-3.1-8b is in the table"); return; }
    deep = *m;
    deep.dims.layers = 5000;
    memset(&p, 0, sizeof p);
    p.model = &deep;
    p.engine = LLMSIZE_ENGINE_LLAMACPP;
    p.flags = LLMSIZE_PLAN_GPU_LAYERS;
    ok &= llmsize_find_format("Q4_K_M", &p.format) == LLMSIZE_OK && llmsize_find_gpu("h100-sxm", &p.gpu) == LLMSIZE_OK;
    ok &= llmsize_weight_bytes(&deep, p.format, &w) == LLMSIZE_OK && llmsize_weight_bytes(m, p.format, &w32) == LLMSIZE_OK;
    for (k = 0; ok && k < sizeof ngls / sizeof ngls[0]; ++k) {
        p.gpu_layers = ngls[k];
        ok &= llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.host_weight_bytes <= last &&
              r.weight_bytes + r.host_weight_bytes == w.total && r.gpu_layers == (ngls[k] > 5000 ? 5000u : (uint32_t)(ngls[k] ? ngls[k] - 1 : 0));   /* -ngl counts the output */
        last = r.host_weight_bytes;
    }
    p.model = m;
    p.gpu_layers = 33;
    ok &= llmsize_plan_fit(&p, &r32) == LLMSIZE_OK && r.host_weight_bytes == r32.host_weight_bytes &&
          r32.host_weight_bytes == w32.by_component[LLMSIZE_COMPONENT_EMBED];
    CHECK(ok, "a 5,000-block model placed tensor by tensor: host bytes grow as -ngl falls, all on the GPU leaves token_embd");
}

/* Decode with layers or experts in host memory, over every model: a finite, positive figure at
   any host bandwidth the plan accepts, never slower with more host bandwidth, never faster than
   the same plan with every byte on the accelerator while the host's memory is no faster than
   the accelerator's, and unknown (0) without a host bandwidth. */
static void test_offloaded_decode(void) {
    static const double host_bw[] = { 1e-300, 0.001, 25.6, 89.6, 460.8, 1e6 };
    static const uint32_t cpu_moe[] = { 0, 1, 12, 1000 };
    const llmsize_gpu *g = NULL;
    const llmsize_format *f = NULL;
    size_t i, k, j;
    long plans = 0, bad = 0;
    if (llmsize_find_gpu("rtx-3060", &g) || llmsize_find_format("Q4_K_M", &f)) { CHECK(0, "rtx-3060 and Q4_K_M are in the tables"); return; }
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        llmsize_plan p;
        llmsize_plan_result r, all;
        if (m->flags & LLMSIZE_F_ENCODER) continue;
        memset(&p, 0, sizeof p);
        p.model = m; p.format = f; p.gpu = g; p.engine = LLMSIZE_ENGINE_LLAMACPP; p.context = 4096; p.seqs = 1;
        p.flags = LLMSIZE_PLAN_GPU_LAYERS;
        p.gpu_layers = -1;   /* every layer: the same bytes, all read by the accelerator */
        if (llmsize_plan_fit(&p, &all) != LLMSIZE_OK) continue;
        for (k = 0; k < sizeof cpu_moe / sizeof cpu_moe[0]; ++k) {
            double last = 0;
            p.cpu_moe_layers = cpu_moe[k];
            p.gpu_layers = (int32_t)(m->dims.layers / 2);
            p.host_bw_gbs = 0;
            if (llmsize_plan_fit(&p, &r) != LLMSIZE_OK) { ++bad; continue; }
            bad += r.decode_tps != 0;   /* the host's part has no speed: unknown, not a guess */
            for (j = 0; j < sizeof host_bw / sizeof host_bw[0]; ++j) {
                p.host_bw_gbs = host_bw[j];
                ++plans;
                if (llmsize_plan_fit(&p, &r) != LLMSIZE_OK || !(r.decode_tps > 0) || r.decode_tps > 1e300 ||
                    r.decode_tps < last * (1 - 1e-12) ||
                    (host_bw[j] <= g->bw_gbs && all.decode_tps > 0 && r.decode_tps > all.decode_tps * (1 + 1e-9))) ++bad;
                last = r.decode_tps;
            }
        }
    }
    CHECK(plans > 3000 && bad == 0, "offloaded decode over %ld plans: %ld finite, monotone in host bandwidth, at most the all-GPU figure (host no faster), 0 without it",
          plans, plans - bad);
}

void test_hardening(void) {
    test_offloaded_decode();
    test_deep_model_placed_tensor_by_tensor();
    test_lookup_stops_at_a_shorter_name();
    test_fits_only_is_a_shortcut();
    test_idx_compile_is_a_shortcut();
    test_host_sums_are_a_shortcut();
    test_contracts_round_two();
    test_hf_config_failure_zeroes();
    test_prepared_equals_fit();
    test_grid_equals_prepared();
    test_ollama_output_on_cpu();
    test_index_is_a_shortcut();
    size_t i;
    test_adversarial();
    test_encoders_and_mix();
    test_parse_use();
    test_published_inversion();
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        prop_kv_monotone(m);
        prop_bits_monotone(m, m->dims.hidden % 256 == 0);
        prop_active_le_total(m);
        prop_mla_smaller(m);
        prop_more_gpus(m);
        prop_max_context_boundary(m);
        prop_max_seqs_boundary(m);
        prop_basic_fit_matches_plan(m);
    }
    test_largest_model();
    test_random_models();
    printf("hardening: %d adversarial inputs, %d property checks over %d table models and random ones\n",
           (int)(sizeof cases / sizeof cases[0]), n_props, (int)llmsize_model_count());
}
