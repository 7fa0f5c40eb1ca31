/* llmsize_select and the licence predicates. Input: a request (hardware, engine, sequences,
   context, floors, a use, origin screens, tasks, 1-3 candidate formats, 1-8 models from the
   table, one of them perhaps twice) then a use spec in text. What must hold:
   - an accepted request ranks every model listed, once: candidates first (rank 1, 2, ...),
     each one fitting, running its format on the accelerator and meeting every floor it was
     given; then the rejected ones (rank 0) with the first constraint they failed;
   - a model's verdict is the one it has ranked alone;
   - a stricter request (a higher speed floor, a lower loss floor, strict licences, one
     more task, one more excluded country) never adds a candidate;
   - licence verdicts never become more permissive as a use grows; a use's text form is
     read or refused, never half-read. */
#include "fuzz_common.h"

#define NM 256

static int candidate_of(const llmsize_candidate *c, size_t n, const llmsize_model *m) {
    size_t k;
    for (k = 0; k < n; ++k) if (c[k].model == m && c[k].rejected == LLMSIZE_REJECT_NONE) return 1;
    return 0;
}

/* Every candidate of the stricter request `s` is one of the looser `l`. */
static void check_stricter(const llmsize_select_request *l, const llmsize_candidate *lc, size_t ln,
                           const llmsize_select_request *s) {
    static llmsize_candidate sc[NM];
    size_t sn = 0, sg = 0, k;
    if (llmsize_select(s, sc, NM, &sn, &sg) != LLMSIZE_OK) return;
    (void)l;
    for (k = 0; k < sn; ++k) if (sc[k].rejected == LLMSIZE_REJECT_NONE) FUZZ_CHECK(candidate_of(lc, ln, sc[k].model));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static llmsize_candidate out[NM];
    fuzz_in in = { data, size };
    llmsize_select_request q, s;
    llmsize_use use;
    const llmsize_format *fmts[3];
    const llmsize_model *models[8];
    char exclude[9], spec[128];
    size_t n_out = 0, good = 0, k, nf, sl, distinct;
    llmsize_status st;
    const size_t nm = llmsize_model_count();
    memset(&q, 0, sizeof q);
    q.gpu = llmsize_gpu_at(fuzz_u32(&in) % llmsize_gpu_count());
    q.gpus = fuzz_small(&in) % 9u;
    q.engine = fuzz_u32(&in) % (LLMSIZE_ENGINE_COUNT + 1u);
    q.seqs = fuzz_small(&in) % 65u;
    q.context = fuzz_u64(&in) >> (fuzz_u32(&in) % 64u);
    q.kv_dtype = fuzz_u32(&in) % 16u;
    q.min_tps = (fuzz_u32(&in) & 1) ? fuzz_f64(&in) : (double)(fuzz_small(&in) % 200u);
    q.quality_metric = fuzz_u32(&in) % 4u;
    q.max_loss_pct = (fuzz_u32(&in) & 1) ? fuzz_f64(&in) : (double)(fuzz_small(&in) % 30u);
    q.strict_license = (int)(fuzz_u32(&in) & 1);
    q.tasks = fuzz_u32(&in) & 0xFFu;
    q.tight_pct = fuzz_small(&in) % 128u;
    nf = 1u + fuzz_u32(&in) % 3u;   /* a few formats: every format x every model is the slow path */
    for (k = 0; k < nf; ++k) fmts[k] = llmsize_format_at(fuzz_u32(&in) % llmsize_format_count());
    q.formats = fmts; q.n_formats = nf;
    memset(&use, 0, sizeof use);
    if (fuzz_u32(&in) & 1) {
        use.commercial = (int)(fuzz_u32(&in) & 1); use.mau = fuzz_u64(&in) >> (fuzz_u32(&in) % 64u);
        use.mau_at_release = fuzz_u64(&in) >> (fuzz_u32(&in) % 64u); use.revenue_usd = fuzz_f64(&in);
        use.eu = (int)(fuzz_u32(&in) & 1); use.redistribute = (int)(fuzz_u32(&in) & 1);
        use.offered = (int)(fuzz_u32(&in) & 1); use.train_on_outputs = (int)(fuzz_u32(&in) & 1);
        q.use = &use;
    }
    for (k = 0; k < 8 && in.n; ++k, ++in.p, --in.n) exclude[k] = (char)in.p[0];
    exclude[k] = '\0';
    if (exclude[0]) q.origin_exclude = exclude;
    /* the models: a few from the table, a repeat now and then (the whole table is the same
       loop over every row, each ranked as it is alone: tests/test_choose.c) */
    {
        const uint32_t nl = 1u + fuzz_u32(&in) % 8u;
        distinct = 0;
        for (k = 0; k < nl; ++k) {
            const uint32_t pick = fuzz_u32(&in);
            size_t j;
            models[k] = (pick & 0x8000u) && k ? models[pick % k] : llmsize_model_at(pick % nm);
            for (j = 0; j < k && models[j] != models[k]; ++j) {}
            distinct += j == k;
        }
        q.models = models; q.n_models = nl;
    }

    st = llmsize_select(&q, out, NM, &n_out, &good);
    if (st == LLMSIZE_OK) {
        uint64_t ctx = q.context ? q.context : LLMSIZE_DEFAULT_CONTEXT;
        FUZZ_CHECK(n_out == distinct && good <= n_out);
        for (k = 0; k < n_out; ++k) {
            const llmsize_candidate *c = &out[k];
            FUZZ_CHECK(c->model != NULL && c->reason != NULL && c->rejected < LLMSIZE_REJECT_COUNT);
            if (k < good) {   /* candidates first, ranked, each meeting what was asked */
                FUZZ_CHECK(c->rejected == LLMSIZE_REJECT_NONE && c->rank == k + 1 && c->format != NULL);
                FUZZ_CHECK(c->fit.fits == 1 && llmsize_format_runs_on(c->format, q.gpu, q.engine));
                FUZZ_CHECK(q.min_tps <= 0 || c->decode_tps >= q.min_tps);
                FUZZ_CHECK(q.max_loss_pct <= 0 || c->quality.loss_pct <= q.max_loss_pct);
                FUZZ_CHECK(!c->model->dims.max_ctx || c->model->dims.max_ctx >= ctx);
                FUZZ_CHECK((llmsize_model_tasks(c->model) & q.tasks) == q.tasks);
                if (q.use) {
                    FUZZ_CHECK(c->license_verdict == LLMSIZE_VERDICT_ALLOWED ||
                               (!q.strict_license && c->license_verdict == LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS));
                }
                if (k) FUZZ_CHECK(out[k - 1].score >= c->score);
            } else {
                FUZZ_CHECK(c->rejected != LLMSIZE_REJECT_NONE && c->rank == 0);
            }
        }
        /* a model's verdict is the one it has alone: the first listed, ranked by itself */
        {
            llmsize_candidate one;
            llmsize_select_request a = q;
            size_t n1 = 0, g1 = 0;
            a.models = models; a.n_models = 1;
            FUZZ_CHECK(llmsize_select(&a, &one, 1, &n1, &g1) == LLMSIZE_OK && n1 == 1);
            for (k = 0; k < n_out && out[k].model != models[0]; ++k) {}
            FUZZ_CHECK(k < n_out && out[k].rejected == one.rejected && out[k].format == one.format &&
                       out[k].fit.total_bytes == one.fit.total_bytes && out[k].score == one.score &&
                       out[k].license_verdict == one.license_verdict && (g1 == 1) == (one.rejected == 0));
        }
        /* a stricter request (one kind per input) never adds a candidate */
        s = q;
        switch (fuzz_u32(&in) % 5u) {
        case 0:   /* twice the floor (a floor past 1e300 stays: halving it back to 1 was a looser
                     request, which the fuzzer found) */
            s.min_tps = q.min_tps > 0 ? (q.min_tps < 1e300 ? 2.0 * q.min_tps : q.min_tps) : 1.0;
            break;
        case 1:   /* half the loss floor (half the least denormal rounds to 0, no floor: a
                     looser request, which the fuzzer found; that one stays) */
            s.max_loss_pct = q.max_loss_pct > 0 ? (q.max_loss_pct / 2.0 > 0 ? q.max_loss_pct / 2.0 : q.max_loss_pct) : 5.0;
            break;
        case 2: s.strict_license = 1; break;
        case 3: s.tasks = q.tasks | (1u << (fuzz_u32(&in) % 8u)); break;
        default: s.origin_exclude = q.origin_exclude ? "CN,US,FR" : "CN"; break;
        }
        if (s.origin_exclude != q.origin_exclude && q.origin_exclude) { /* one more excluded country, appended */
            static char more[16];
            size_t ol = strlen(q.origin_exclude);
            memcpy(more, q.origin_exclude, ol);
            memcpy(more + ol, ",CN", 4);
            s.origin_exclude = more;
        }
        check_stricter(&q, out, n_out, &s);
    } else {
        FUZZ_CHECK(n_out == 0 && good == 0);
    }

    /* the licence predicates, one licence at a time: a grown use is never allowed more */
    {
        const llmsize_license *l = llmsize_license_at(fuzz_u32(&in) % llmsize_license_count());
        const llmsize_model *m = (fuzz_u32(&in) & 1) ? llmsize_model_at(fuzz_u32(&in) % nm) : NULL;
        llmsize_license_result a, b;
        llmsize_use grown = use;
        if (llmsize_license_terms(l, m, &use, &a) == LLMSIZE_OK) {
            FUZZ_CHECK(a.verdict <= LLMSIZE_VERDICT_NOT_ALLOWED);
            if (grown.mau < UINT64_MAX / 2) grown.mau *= 2;
            if (grown.mau_at_release < UINT64_MAX / 2) grown.mau_at_release *= 2;
            if (grown.revenue_usd > 0 && grown.revenue_usd < 1e17) grown.revenue_usd *= 2;
            grown.commercial = grown.redistribute = grown.offered = grown.train_on_outputs = 1;
            if (a.verdict == LLMSIZE_VERDICT_NOT_ALLOWED && llmsize_license_terms(l, m, &grown, &b) == LLMSIZE_OK)
                FUZZ_CHECK(b.verdict == LLMSIZE_VERDICT_NOT_ALLOWED);
        }
    }
    /* a use in text: read whole or refused */
    sl = in.n < sizeof spec - 1 ? in.n : sizeof spec - 1;
    memcpy(spec, in.p, sl);
    spec[sl] = '\0';
    {
        llmsize_use u;
        if (llmsize_parse_use(spec, &u) == LLMSIZE_OK) {
            llmsize_license_result r;
            FUZZ_CHECK(u.revenue_usd >= 0 && u.revenue_usd <= 1e18);
            (void)llmsize_license_check(llmsize_model_at(sl % nm), &u, &r);
        }
    }
    return 0;
}
