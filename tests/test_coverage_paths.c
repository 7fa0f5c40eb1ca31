/* Coverage paths (issue "Hardening, round two": branch coverage of llmsize.h >= 95 %). The
   branches the other suites leave untaken, each taken by a check of what the API promises:
   the status llmsize.h documents for the input, the default it names, the field
   llmsize_model_check / llmsize_plan_check must blame, or a published figure. What still
   cannot be taken from the API is listed in docs/coverage.md. */
#include "testing.h"
#include <stdlib.h>
#include <string.h>

static double nan_value(void) { volatile double z = 0.0; return z / z; }
static double inf_value(void) { volatile double z = 0.0; return 1.0 / z; }

/* Every byte of an out-parameter is zero ("on failure the out-parameters are left zeroed"). */
static int zeroed(const void *p, size_t n) {
    const unsigned char *b = (const unsigned char *)p;
    size_t i;
    for (i = 0; i < n; ++i) if (b[i]) return 0;
    return 1;
}

/* Doubles compared to a relative 1e-12: on i386 (x87) C99 evaluates constants and expressions
   in long double, so an exact == against a literal can fail where the value is right. */
static int near(double a, double b) {
    const double d = a > b ? a - b : b - a, m = (b < 0 ? -b : b) > 1.0 ? (b < 0 ? -b : b) : 1.0;
    return d <= 1e-12 * m;
}

static int starts(const char *s, const char *prefix) { return s && !strncmp(s, prefix, strlen(prefix)); }

/* ---- 1. the vocabularies' names and the tables' accessors: NULL past the end ---------- */
static void test_names_and_accessors(void) {
    CHECK(!strcmp(llmsize_task_name(LLMSIZE_TASK_BIT_LONG_CONTEXT), "long-context") &&
          llmsize_task_name(LLMSIZE_TASK_COUNT) == NULL, "task names: \"long-context\", NULL past the end");
    CHECK(!strcmp(llmsize_verdict_name(LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS), "allowed_with_obligations") &&
          llmsize_verdict_name(LLMSIZE_VERDICT_COUNT) == NULL, "verdict names");
    CHECK(!strcmp(llmsize_reject_name(LLMSIZE_REJECT_MEMORY), "memory") && llmsize_reject_name(LLMSIZE_REJECT_COUNT) == NULL,
          "reject names");
    CHECK(!strcmp(llmsize_outcome_name(LLMSIZE_OUTCOME_OUT_OF_MEMORY), "out_of_memory") &&
          llmsize_outcome_name(LLMSIZE_OUTCOME_COUNT) == NULL, "outcome names");
    CHECK(!strcmp(llmsize_metric_name(LLMSIZE_METRIC_PPL), "ppl") && llmsize_metric_name(LLMSIZE_METRIC_COUNT) == NULL,
          "metric names");
    CHECK(!strcmp(llmsize_confidence_name(LLMSIZE_CONF_SCALED), "scaled") && llmsize_confidence_name(LLMSIZE_CONF_COUNT) == NULL,
          "confidence names");
    CHECK(!strcmp(llmsize_hw_class_name(LLMSIZE_HW_CONSUMER), "consumer") && llmsize_hw_class_name(LLMSIZE_HW_CLASS_COUNT) == NULL,
          "hardware class names");
    CHECK(!strcmp(llmsize_head_name(LLMSIZE_HEAD_POOLER), "pooler") && llmsize_head_name(LLMSIZE_HEAD_COUNT) == NULL,
          "encoder head names");
    CHECK(!strcmp(llmsize_component_name(LLMSIZE_COMPONENT_SHARED_EXPERTS), "shared_experts") &&
          llmsize_component_name(LLMSIZE_COMPONENT_COUNT) == NULL, "component names: \"shared_experts\", NULL past the end");
    CHECK(!strcmp(llmsize_status_name(LLMSIZE_ERR_PARSE), "LLMSIZE_ERR_PARSE") &&
          llmsize_status_name(LLMSIZE_STATUS_COUNT) == NULL, "status names: the enum's own, NULL if bad");
    CHECK(!strcmp(llmsize_how_name(LLMSIZE_HOW_REPO), "repo") && llmsize_how_name(LLMSIZE_HOW_COUNT) == NULL, "how names");
    CHECK(!strcmp(llmsize_format_from_name(LLMSIZE_FROM_CHECKPOINT), "checkpoint") &&
          llmsize_format_from_name(LLMSIZE_FROM_COUNT) == NULL, "format-from names");
    CHECK(llmsize_engine_name(LLMSIZE_ENGINE_COUNT) == NULL && !strcmp(llmsize_engine_name(LLMSIZE_ENGINE_VLLM), "vllm"),
          "engine names");
    /* kv dtypes: llama.cpp's q8_0 cache is 32 values in 34 bytes (ggml block_q8_0) */
    {
        const llmsize_kv_dtype_info *k = llmsize_kv_dtype_info_of(LLMSIZE_KV_Q8_0);
        CHECK(k && k->block == 32 && k->block_bytes == 34 && k->flash_only, "q8_0 cache: 32 values in 34 bytes, flash only");
        CHECK(llmsize_kv_dtype_info_of(LLMSIZE_KV_DTYPE_COUNT) == NULL, "kv dtype info: NULL if bad");
    }
    /* ggml types by on-disk id (gguf-py constants.py): q4_K 256 values in 144 bytes; id 4
       (Q4_2) was removed; ids past MXFP4 do not exist */
    {
        const llmsize_ggml_type_info *t = llmsize_ggml_type_info_of(LLMSIZE_GGML_Q4_K);
        CHECK(t && t->block == 256 && t->block_bytes == 144 && !strcmp(t->name, "q4_K"), "ggml q4_K block");
        CHECK(llmsize_ggml_type_info_of(LLMSIZE_GGML_Q4_2) == NULL, "a removed ggml id has no info");
        CHECK(llmsize_ggml_type_info_of(LLMSIZE_GGML_TYPE_COUNT) == NULL, "an id past the list has no info");
    }
    /* every table accessor: a row at 0, NULL at the count */
    CHECK(llmsize_gpu_at(0) && llmsize_gpu_at(llmsize_gpu_count()) == NULL, "gpu_at past the end");
    CHECK(llmsize_release_at(0) && llmsize_release_at(llmsize_release_count()) == NULL, "release_at past the end");
    CHECK(llmsize_ollama_tag_at(0) && llmsize_ollama_tag_at(llmsize_ollama_tag_count()) == NULL, "ollama_tag_at past the end");
    CHECK(llmsize_engine_release_at(0) && llmsize_engine_release_at(llmsize_engine_release_count()) == NULL,
          "engine_release_at past the end");
    CHECK(llmsize_quality_row_at(0) && llmsize_quality_row_at(llmsize_quality_row_count()) == NULL, "quality_row_at past the end");
    CHECK(llmsize_engine_at(0) && llmsize_engine_at(llmsize_engine_count()) == NULL, "engine_at past the end");
    CHECK(llmsize_license_at(0) && llmsize_license_at(llmsize_license_count()) == NULL, "license_at past the end");
    CHECK(llmsize_plan_result_field(0) && llmsize_plan_result_field(llmsize_plan_result_field_count()) == NULL,
          "plan_result_field past the end");
    /* one calibration per hardware class, none for a class that does not exist */
    CHECK(llmsize_efficiency_of(LLMSIZE_HW_CPU) != NULL && llmsize_efficiency_of(LLMSIZE_HW_CLASS_COUNT) == NULL,
          "efficiency_of: each class, NULL for none");
    {   /* every class has a row for every vendor; a vendor's row where its parts were measured */
        const llmsize_gpu *g4090 = NULL, *arc = NULL, *mi300x = NULL, *m4 = NULL;
        llmsize_gpu described;
        uint32_t c;
        size_t i;
        int vendorless = 0;
        for (c = 0; c < LLMSIZE_HW_CLASS_COUNT; ++c) vendorless += llmsize_efficiency_of(c) && !llmsize_efficiency_of(c)->vendor;
        CHECK(vendorless == LLMSIZE_HW_CLASS_COUNT, "efficiency_of: each class's row is the one for every vendor");
        for (i = 0; i < llmsize_efficiency_count(); ++i) {
            const llmsize_efficiency *e = llmsize_efficiency_at(i);
            CHECK(e->hw_class < LLMSIZE_HW_CLASS_COUNT && e->expected > 0 && e->expected <= 1.0 && e->low < 1 && e->high > 1,
                  "efficiency row %zu: a share of peak bandwidth in (0, 1], a range around 1", i);
        }
        CHECK(llmsize_efficiency_at(llmsize_efficiency_count()) == NULL && llmsize_efficiency_for(NULL) == NULL,
              "efficiency_at past the end, efficiency_for(NULL)");
        if (llmsize_find_gpu("rtx-4090", &g4090) == LLMSIZE_OK && llmsize_find_gpu("arc-b580", &arc) == LLMSIZE_OK &&
            llmsize_find_gpu("mi300x", &mi300x) == LLMSIZE_OK && llmsize_find_gpu("m4-max-128gb", &m4) == LLMSIZE_OK) {
            const llmsize_efficiency *a = llmsize_efficiency_for(g4090), *b = llmsize_efficiency_for(mi300x);
            CHECK(a && a->hw_class == LLMSIZE_HW_CONSUMER && a->vendor && !strcmp(a->vendor, "Nvidia") &&
                  b && b->hw_class == LLMSIZE_HW_DATACENTER && b->vendor && !strcmp(b->vendor, "AMD"),
                  "efficiency_for: an RTX 4090 gets the consumer/Nvidia row, an MI300X the datacenter/AMD row");
            CHECK(llmsize_efficiency_for(arc) == llmsize_efficiency_of(LLMSIZE_HW_CONSUMER) &&
                  llmsize_efficiency_for(m4) == llmsize_efficiency_of(LLMSIZE_HW_APPLE),
                  "efficiency_for: a vendor without its own row (Intel Arc) and Apple get the class's row");
        } else CHECK(0, "efficiency_for: the table's GPUs");
        CHECK(llmsize_describe_gpu(24, 1000, 100, LLMSIZE_HW_CONSUMER, &described) == LLMSIZE_OK &&
              llmsize_efficiency_for(&described) == llmsize_efficiency_of(LLMSIZE_HW_CONSUMER),
              "efficiency_for: a described accelerator gets its class's row");
        described.vendor = NULL;
        CHECK(llmsize_efficiency_for(&described) == llmsize_efficiency_of(LLMSIZE_HW_CONSUMER),
              "efficiency_for: a caller's accelerator without a vendor gets its class's row");
    }
}

/* ---- 2. result fields read by kind ------------------------------------------------------ */
static void test_result_fields(void) {
    llmsize_plan_result r;
    llmsize_field bogus;
    size_t i;
    int seen[5] = { 0, 0, 0, 0, 0 };
    memset(&r, 0, sizeof r);
    r.fits = 1; r.outcome = LLMSIZE_OUTCOME_OFFLOADS; r.weight_bytes = 123456789012ull;
    r.headroom_bytes = -42; r.max_concurrency = 3.75; r.decode_tps = -1.0;
    for (i = 0; i < llmsize_plan_result_field_count(); ++i) {
        const llmsize_field *f = llmsize_plan_result_field(i);
        if (f->kind < 5) seen[f->kind] = 1;
        if (!strcmp(f->name, "fits"))
            CHECK(llmsize_field_u64(&r, f) == 1 && llmsize_field_f64(&r, f) == 1.0, "BOOL field as 1 / 1.0");
        if (!strcmp(f->name, "outcome"))
            CHECK(llmsize_field_u64(&r, f) == LLMSIZE_OUTCOME_OFFLOADS && llmsize_field_f64(&r, f) == 3.0, "U32 field");
        if (!strcmp(f->name, "weight_bytes"))
            CHECK(llmsize_field_u64(&r, f) == 123456789012ull && llmsize_field_f64(&r, f) == 123456789012.0, "U64 field");
        if (!strcmp(f->name, "headroom_bytes"))   /* I64 as its two's complement bits, or a double */
            CHECK(llmsize_field_u64(&r, f) == (uint64_t)(int64_t)-42 && llmsize_field_f64(&r, f) == -42.0, "I64 field");
        if (!strcmp(f->name, "max_concurrency"))
            CHECK(llmsize_field_u64(&r, f) == 3 && llmsize_field_f64(&r, f) == 3.75, "F64 field: 3.75, 3 as an integer");
        if (!strcmp(f->name, "decode_tps"))   /* a negative double has no unsigned value: 0 */
            CHECK(llmsize_field_u64(&r, f) == 0 && llmsize_field_f64(&r, f) == -1.0, "negative F64 as an integer is 0");
        if (!strcmp(f->name, "decode_tps")) {   /* nor one past 2^64 */
            llmsize_plan_result big = r;
            big.decode_tps = 1e30;
            CHECK(llmsize_field_u64(&big, f) == 0 && near(llmsize_field_f64(&big, f), 1e30), "F64 past 2^64 as an integer is 0");
        }
    }
    CHECK(seen[0] && seen[1] && seen[2] && seen[3] && seen[4], "the result has fields of every kind");
    CHECK(llmsize_field_u64(NULL, llmsize_plan_result_field(0)) == 0 && llmsize_field_u64(&r, NULL) == 0 &&
          llmsize_field_f64(NULL, llmsize_plan_result_field(0)) == 0.0 && llmsize_field_f64(&r, NULL) == 0.0,
          "no record or no field reads 0");
    bogus = *llmsize_plan_result_field(0);
    bogus.kind = 99;   /* not an llmsize_field_kind */
    CHECK(llmsize_field_u64(&r, &bogus) == 0 && llmsize_field_f64(&r, &bogus) == 0.0, "a field of no kind reads 0");
}

/* ---- 3. NULL arguments: LLMSIZE_ERR_NULL, out-parameters zeroed ----------------------- */
static void test_null_arguments(void) {
    const llmsize_model *m = model("llama-3.1-8b"), *mo = m;
    const llmsize_format *f = format("Q4_K_M"), *fo = f;
    const llmsize_gpu *g = gpu("rtx-4090"), *go = g;
    const llmsize_license *lo = NULL;
    llmsize_kv_dtype kd = LLMSIZE_KV_Q8_0;
    llmsize_engine en = LLMSIZE_ENGINE_VLLM;
    const llmsize_engine_release *rel = NULL;
    llmsize_resolution res;
    llmsize_gpu_resolution gres;
    llmsize_params p;
    llmsize_weights w;
    llmsize_gguf_mix mix;
    llmsize_file_info fi;
    llmsize_speed_request sq;
    llmsize_speed_result sr;
    llmsize_fit_request fq;
    llmsize_fit_result fr;
    llmsize_plan plan;
    llmsize_plan_result pr;
    llmsize_suggestion sug;
    llmsize_quality q;
    llmsize_use use;
    llmsize_license_result lr;
    llmsize_claim claim;
    llmsize_claim_check cc;
    llmsize_select_request sel;
    llmsize_candidate cand[2];
    size_t n_out = 7, n_cand = 7;
    uint64_t u64 = 7;
    uint32_t u32 = 7;
    const char *why = "x";
    const char *names[2];
    static const unsigned char gguf_magic[4] = { 'G', 'G', 'U', 'F' };

    CHECK(llmsize_find_gpu(NULL, &go) == LLMSIZE_ERR_NULL && go == NULL && llmsize_find_gpu("h100", NULL) == LLMSIZE_ERR_NULL,
          "find_gpu NULL");
    CHECK(llmsize_find_format(NULL, &fo) == LLMSIZE_ERR_NULL && fo == NULL && llmsize_find_format("Q4_K_M", NULL) == LLMSIZE_ERR_NULL,
          "find_format NULL");
    CHECK(llmsize_find_kv_dtype(NULL, &kd) == LLMSIZE_ERR_NULL && kd == LLMSIZE_KV_F16 &&
          llmsize_find_kv_dtype("q8_0", NULL) == LLMSIZE_ERR_NULL, "find_kv_dtype NULL");
    CHECK(llmsize_find_model(NULL, &mo) == LLMSIZE_ERR_NULL && mo == NULL && llmsize_find_model("llama-3.1-8b", NULL) == LLMSIZE_ERR_NULL,
          "find_model NULL");
    CHECK(llmsize_find_engine(NULL, &en) == LLMSIZE_ERR_NULL && en == LLMSIZE_ENGINE_NONE &&
          llmsize_find_engine("vllm", NULL) == LLMSIZE_ERR_NULL, "find_engine NULL");
    CHECK(llmsize_find_license(NULL, &lo) == LLMSIZE_ERR_NULL && llmsize_find_license("mit", NULL) == LLMSIZE_ERR_NULL,
          "find_license NULL");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.8.0", NULL) == LLMSIZE_ERR_NULL, "find_engine_version NULL");
    CHECK(llmsize_find_engine_release(NULL, &en, &rel) == LLMSIZE_ERR_NULL &&
          llmsize_find_engine_release("vllm", NULL, &rel) == LLMSIZE_ERR_NULL &&
          llmsize_find_engine_release("vllm", &en, NULL) == LLMSIZE_ERR_NULL && en == LLMSIZE_ENGINE_NONE,
          "find_engine_release NULL");
    CHECK(llmsize_resolve(NULL, &res) == LLMSIZE_ERR_NULL && zeroed(&res, sizeof res) &&
          llmsize_resolve("llama-3.1-8b", NULL) == LLMSIZE_ERR_NULL, "resolve NULL");
    CHECK(llmsize_resolve_for(NULL, LLMSIZE_ENGINE_OLLAMA, &res) == LLMSIZE_ERR_NULL &&
          llmsize_resolve_for("llama3.2", LLMSIZE_ENGINE_OLLAMA, NULL) == LLMSIZE_ERR_NULL, "resolve_for NULL");
    CHECK(llmsize_resolve_for("llama3.2", LLMSIZE_ENGINE_COUNT, &res) == LLMSIZE_ERR_INVALID_ARG && zeroed(&res, sizeof res),
          "resolve_for: an engine that does not exist");
    CHECK(llmsize_resolve_gpu(NULL, &gres) == LLMSIZE_ERR_NULL && llmsize_resolve_gpu("h100", NULL) == LLMSIZE_ERR_NULL,
          "resolve_gpu NULL");
    CHECK(llmsize_describe_gpu(24, 1000, 100, LLMSIZE_HW_CONSUMER, NULL) == LLMSIZE_ERR_NULL, "describe_gpu NULL");
    CHECK(llmsize_checkpoint_format(NULL) == NULL, "checkpoint_format(NULL)");
    CHECK(llmsize_suggest(LLMSIZE_TABLE_MODELS, NULL, names, 2) == 0 && llmsize_suggest(LLMSIZE_TABLE_MODELS, "llama", NULL, 2) == 0 &&
          llmsize_suggest(LLMSIZE_TABLE_MODELS, "llama", names, 0) == 0, "suggest: NULL query, NULL out, cap 0");
    CHECK(llmsize_params_of(NULL, &p) == LLMSIZE_ERR_NULL && zeroed(&p, sizeof p) && llmsize_params_of(m, NULL) == LLMSIZE_ERR_NULL,
          "params_of NULL");
    CHECK(llmsize_weight_bytes(NULL, f, &w) == LLMSIZE_ERR_NULL && llmsize_weight_bytes(m, NULL, &w) == LLMSIZE_ERR_NULL &&
          llmsize_weight_bytes(m, f, NULL) == LLMSIZE_ERR_NULL && zeroed(&w, sizeof w), "weight_bytes NULL");
    CHECK(llmsize_gguf_mix_of(NULL, f, &mix) == LLMSIZE_ERR_NULL && llmsize_gguf_mix_of(m, NULL, &mix) == LLMSIZE_ERR_NULL &&
          llmsize_gguf_mix_of(m, f, NULL) == LLMSIZE_ERR_NULL && zeroed(&mix, sizeof mix), "gguf_mix_of NULL");
    CHECK(llmsize_kv_bytes(NULL, 4096, 1, LLMSIZE_KV_F16, &u64) == LLMSIZE_ERR_NULL && u64 == 0 &&
          llmsize_kv_bytes(m, 4096, 1, LLMSIZE_KV_F16, NULL) == LLMSIZE_ERR_NULL, "kv_bytes NULL");
    CHECK(llmsize_read_file(gguf_magic, 4, NULL) == LLMSIZE_ERR_NULL && llmsize_read_file(NULL, 4, &fi) == LLMSIZE_ERR_NULL &&
          zeroed(&fi, sizeof fi), "read_file NULL");
    CHECK(llmsize_read_gguf(gguf_magic, 4, NULL) == LLMSIZE_ERR_NULL && llmsize_read_gguf(NULL, 4, &fi) == LLMSIZE_ERR_NULL,
          "read_gguf NULL");
    CHECK(llmsize_read_safetensors(gguf_magic, 4, NULL) == LLMSIZE_ERR_NULL && llmsize_read_safetensors(NULL, 4, &fi) == LLMSIZE_ERR_NULL,
          "read_safetensors NULL");
    {
        const llmsize_model *hits[2];
        memset(&fi, 0, sizeof fi);
        CHECK(llmsize_file_match(NULL, &mo) == LLMSIZE_ERR_NULL && mo == NULL && llmsize_file_match(&fi, NULL) == LLMSIZE_ERR_NULL,
              "file_match NULL");
        CHECK(llmsize_file_matches(NULL, hits, 2, &n_out) == LLMSIZE_ERR_NULL && n_out == 0 &&
              llmsize_file_matches(&fi, hits, 2, NULL) == LLMSIZE_ERR_NULL &&
              llmsize_file_matches(&fi, NULL, 2, &n_out) == LLMSIZE_ERR_NULL, "file_matches NULL (out NULL with cap > 0)");
    }
    memset(&sq, 0, sizeof sq);
    CHECK(llmsize_speed_defaults(NULL, &sq) == LLMSIZE_ERR_NULL && llmsize_speed_defaults(&sq, NULL) == LLMSIZE_ERR_NULL,
          "speed_defaults NULL");
    CHECK(llmsize_speed(NULL, &sr) == LLMSIZE_ERR_NULL && zeroed(&sr, sizeof sr) && llmsize_speed(&sq, NULL) == LLMSIZE_ERR_NULL,
          "speed NULL request / out");
    sq.model = m; CHECK(llmsize_speed(&sq, &sr) == LLMSIZE_ERR_NULL, "speed without a format");
    sq.format = f; CHECK(llmsize_speed(&sq, &sr) == LLMSIZE_ERR_NULL, "speed without a gpu");
    sq.model = NULL; sq.gpu = g; CHECK(llmsize_speed(&sq, &sr) == LLMSIZE_ERR_NULL, "speed without a model");
    memset(&fq, 0, sizeof fq);
    CHECK(llmsize_fit_defaults(NULL, &fq) == LLMSIZE_ERR_NULL && llmsize_fit_defaults(&fq, NULL) == LLMSIZE_ERR_NULL,
          "fit_defaults NULL");
    CHECK(llmsize_fit(NULL, &fr) == LLMSIZE_ERR_NULL && zeroed(&fr, sizeof fr) && llmsize_fit(&fq, NULL) == LLMSIZE_ERR_NULL,
          "fit NULL request / out");
    fq.model = m; CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_NULL, "fit without a format");
    fq.format = f; CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_NULL, "fit without a gpu");
    fq.model = NULL; fq.gpu = g; CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_NULL, "fit without a model");
    memset(&plan, 0, sizeof plan);
    plan.model = m; plan.format = f; plan.gpu = g; plan.engine = LLMSIZE_ENGINE_LLAMACPP;
    CHECK(llmsize_plan_defaults(NULL, &plan) == LLMSIZE_ERR_NULL, "plan_defaults NULL plan");
    plan.model = m; plan.format = f; plan.gpu = g; plan.engine = LLMSIZE_ENGINE_LLAMACPP;
    CHECK(llmsize_plan_defaults(&plan, NULL) == LLMSIZE_ERR_NULL, "plan_defaults NULL out");
    CHECK(llmsize_plan_fit(NULL, &pr) == LLMSIZE_ERR_NULL && zeroed(&pr, sizeof pr) && llmsize_plan_fit(&plan, NULL) == LLMSIZE_ERR_NULL,
          "plan_fit NULL");
    CHECK(llmsize_plan_max_context(NULL, &u64) == LLMSIZE_ERR_NULL && u64 == 0 && llmsize_plan_max_context(&plan, NULL) == LLMSIZE_ERR_NULL,
          "plan_max_context NULL");
    CHECK(llmsize_plan_max_seqs(NULL, &u32) == LLMSIZE_ERR_NULL && u32 == 0 && llmsize_plan_max_seqs(&plan, NULL) == LLMSIZE_ERR_NULL,
          "plan_max_seqs NULL");
    u32 = 7;
    CHECK(llmsize_plan_min_gpus(NULL, 8, &u32) == LLMSIZE_ERR_NULL && u32 == 0 && llmsize_plan_min_gpus(&plan, 8, NULL) == LLMSIZE_ERR_NULL,
          "plan_min_gpus NULL");
    {
        llmsize_plan nomodel = plan;
        const llmsize_model *lm = m;
        nomodel.model = NULL;
        CHECK(llmsize_plan_min_gpus(&nomodel, 8, &u32) == LLMSIZE_ERR_NULL, "plan_min_gpus without a model");
        CHECK(llmsize_plan_best_format(NULL, 0, NULL, 0, &fo, &q) == LLMSIZE_ERR_NULL && fo == NULL &&
              llmsize_plan_best_format(&plan, 0, NULL, 0, NULL, &q) == LLMSIZE_ERR_NULL &&
              llmsize_plan_best_format(&nomodel, 0, NULL, 0, &fo, &q) == LLMSIZE_ERR_NULL, "plan_best_format NULL");
        fo = f;
        CHECK(llmsize_largest_model(NULL, NULL, 0, &lm, &fo) == LLMSIZE_ERR_NULL && lm == NULL && fo == NULL &&
              llmsize_largest_model(&plan, NULL, 0, NULL, &fo) == LLMSIZE_ERR_NULL &&
              llmsize_largest_model(&plan, NULL, 0, &lm, NULL) == LLMSIZE_ERR_NULL, "largest_model NULL");
    }
    CHECK(llmsize_plan_suggest(NULL, &sug) == LLMSIZE_ERR_NULL && zeroed(&sug, sizeof sug) &&
          llmsize_plan_suggest(&plan, NULL) == LLMSIZE_ERR_NULL, "plan_suggest NULL");
    CHECK(llmsize_plan_check(NULL, &why) == LLMSIZE_ERR_NULL && !strcmp(why, "plan: NULL") &&
          llmsize_plan_check(NULL, NULL) == LLMSIZE_ERR_NULL, "plan_check NULL plan, with and without why");
    {
        static const char *const fields[3] = { "model: NULL", "format: NULL", "gpu: NULL" };
        int k;
        for (k = 0; k < 3; ++k) {
            llmsize_plan bad = plan;
            if (k == 0) bad.model = NULL;
            if (k == 1) bad.format = NULL;
            if (k == 2) bad.gpu = NULL;
            CHECK(llmsize_plan_check(&bad, &why) == LLMSIZE_ERR_NULL && !strcmp(why, fields[k]), "plan_check names %s", fields[k]);
            CHECK(llmsize_plan_check(&bad, NULL) == LLMSIZE_ERR_NULL, "plan_check %s without why", fields[k]);
        }
    }
    CHECK(llmsize_format_runs_on(NULL, g, LLMSIZE_ENGINE_LLAMACPP) == 0 && llmsize_format_runs_on(f, NULL, LLMSIZE_ENGINE_LLAMACPP) == 0 &&
          llmsize_format_runs_on(f, g, LLMSIZE_ENGINE_COUNT) == 0 && llmsize_format_runs_on(f, g, LLMSIZE_ENGINE_LLAMACPP) == 1,
          "format_runs_on: no format, no gpu, no engine");
    CHECK(llmsize_quality_of(NULL, f, &q) == LLMSIZE_ERR_NULL && llmsize_quality_of(m, NULL, &q) == LLMSIZE_ERR_NULL &&
          llmsize_quality_of(m, f, NULL) == LLMSIZE_ERR_NULL && zeroed(&q, sizeof q), "quality_of NULL");
    fo = f;
    CHECK(llmsize_best_format(NULL, 1ull << 40, NULL, 0, &fo, &q) == LLMSIZE_ERR_NULL && fo == NULL &&
          llmsize_best_format(m, 1ull << 40, NULL, 0, NULL, NULL) == LLMSIZE_ERR_NULL, "best_format NULL");
    u64 = 7;
    CHECK(llmsize_smallest_format(NULL, LLMSIZE_METRIC_PPL, 5.0, NULL, 0, &fo, &u64) == LLMSIZE_ERR_NULL && u64 == 0 &&
          llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, 5.0, NULL, 0, NULL, NULL) == LLMSIZE_ERR_NULL, "smallest_format NULL");
    CHECK(llmsize_model_tasks(NULL) == 0, "model_tasks(NULL) is no task");
    CHECK(llmsize_valid_tp(NULL, 1) == 0 && llmsize_valid_tp(m, 0) == 0, "valid_tp: no model, tp 0");
    memset(&use, 0, sizeof use);
    CHECK(llmsize_license_check(NULL, &use, &lr) == LLMSIZE_ERR_NULL && llmsize_license_check(m, NULL, &lr) == LLMSIZE_ERR_NULL &&
          llmsize_license_check(m, &use, NULL) == LLMSIZE_ERR_NULL, "license_check NULL");
    lo = llmsize_license_at(0);
    CHECK(llmsize_license_terms(NULL, m, &use, &lr) == LLMSIZE_ERR_NULL && llmsize_license_terms(lo, m, NULL, &lr) == LLMSIZE_ERR_NULL &&
          llmsize_license_terms(lo, m, &use, NULL) == LLMSIZE_ERR_NULL, "license_terms NULL");
    CHECK(llmsize_parse_use(NULL, &use) == LLMSIZE_ERR_NULL && llmsize_parse_use("commercial", NULL) == LLMSIZE_ERR_NULL,
          "parse_use NULL");
    memset(&claim, 0, sizeof claim);
    CHECK(llmsize_check_claim(NULL, &cc) == LLMSIZE_ERR_NULL && llmsize_check_claim(&claim, NULL) == LLMSIZE_ERR_NULL, "check_claim NULL");
    claim.model = m; CHECK(llmsize_check_claim(&claim, &cc) == LLMSIZE_ERR_NULL && zeroed(&cc, sizeof cc), "a claim without a format");
    claim.model = NULL; claim.format = f; CHECK(llmsize_check_claim(&claim, &cc) == LLMSIZE_ERR_NULL, "a claim without a model");
    llmsize_select_request_init(NULL);   /* a NULL request is ignored, not written */
    llmsize_select_request_init(&sel);
    CHECK(llmsize_select(NULL, cand, 2, &n_out, &n_cand) == LLMSIZE_ERR_NULL && n_out == 0 && n_cand == 0, "select NULL request");
    CHECK(llmsize_select(&sel, cand, 2, NULL, NULL) == LLMSIZE_ERR_NULL, "select without a gpu");
    sel.gpu = g;
    CHECK(llmsize_select(&sel, NULL, 2, NULL, NULL) == LLMSIZE_ERR_NULL, "select: out NULL with cap > 0");
    {
        llmsize_parsed parsed;
        const char *argv[2] = { "vllm", NULL };
        CHECK(llmsize_parse_command(1, NULL, 0, NULL, &parsed) == LLMSIZE_ERR_NULL &&
              llmsize_parse_command(1, argv, 0, NULL, NULL) == LLMSIZE_ERR_NULL &&
              llmsize_parse_command(1, argv, 1, NULL, &parsed) == LLMSIZE_ERR_NULL &&
              llmsize_parse_command(2, argv, 0, NULL, &parsed) == LLMSIZE_ERR_NULL, "parse_command: NULL argv, out, env, argv[i]");
    }
    CHECK(llmsize_format_for(NULL, LLMSIZE_ENGINE_VLLM, &fo) == LLMSIZE_ERR_NULL && llmsize_format_for(&res, LLMSIZE_ENGINE_VLLM, NULL) == LLMSIZE_ERR_NULL,
          "format_for NULL");
}

/* ---- 4. llmsize_model_check: each rule, the field it names, with and without `why` ---- */
typedef struct model_rule { const char *base, *why; int mutation; } model_rule;
static const model_rule model_rules[] = {
    { "llama-3.1-8b", "dims.vocab", 0 }, { "llama-3.1-8b", "dims.hidden", 1 }, { "llama-3.1-8b", "dims.layers: must", 2 },
    { "llama-3.1-8b", "dims.layers: at most", 3 }, { "llama-3.1-8b", "extra.mtp_layers", 4 },
    { "llama-3.1-8b", "extra.norms_per_layer", 5 }, { "llama-3.1-8b", "dims.heads", 6 }, { "llama-3.1-8b", "dims.kv_heads: must be", 7 },
    { "llama-3.1-8b", "dims.head_dim", 8 }, { "llama-3.1-8b", "dims.kv_heads: must divide", 9 },
    { "deepseek-v3", "dims.heads", 10 }, { "deepseek-v3", "mla.qk_rope_dim", 11 }, { "deepseek-v3", "mla.v_head_dim", 12 },
    { "llama-3.1-8b", "attn.kind", 13 }, { "llama-3.1-8b", "enc.head", 14 }, { "llama-3.1-8b", "enc.decoder_layers", 15 },
    { "llama-3.1-8b", "enc.labels", 16 }, { "llama-3.1-8b", "enc.audio_positions", 17 }, { "llama-3.1-8b", "attn.window", 18 },
    { "mixtral-8x7b", "moe.active: must be", 19 }, { "mixtral-8x7b", "moe.active: at most", 20 },
    { "mixtral-8x7b", "moe.expert_ffn", 21 }, { "mixtral-8x7b", "moe.shared_ffn", 22 },
    { "llama-3.1-8b", "moe.active, moe.shared", 23 }, { "llama-3.1-8b", "moe.active, moe.shared", 24 },
    { "llama-3.1-8b", "dims.ffn", 25 }, { "mixtral-8x7b", "dims.ffn", 26 }, { "mixtral-8x7b", "dims.ffn", 27 },
    { "qwen3-next-80b-a3b-instruct", "linear.*", 28 }, { "qwen3-next-80b-a3b-instruct", "linear.*", 29 },
    { "qwen3-next-80b-a3b-instruct", "linear.*", 30 }, { "qwen3-next-80b-a3b-instruct", "linear.*", 31 },
    { "qwen3-next-80b-a3b-instruct", "linear.*", 32 },
};

static void model_mutate(llmsize_model *m, int k) {
    switch (k) {
    case 0: m->dims.vocab = 0; break;
    case 1: m->dims.hidden = 0; break;
    case 2: m->dims.layers = 0; break;
    case 3: m->dims.layers = LLMSIZE_MAX_LAYERS + 1; break;
    case 4: m->extra.mtp_layers = LLMSIZE_MAX_LAYERS + 1; break;
    case 5: m->extra.norms_per_layer = LLMSIZE_MAX_NORMS_PER_LAYER + 1; break;
    case 6: m->dims.heads = 0; break;
    case 7: m->dims.kv_heads = 0; break;
    case 8: m->dims.head_dim = 0; break;
    case 9: m->dims.kv_heads = 3; break;
    case 10: m->dims.heads = 0; break;
    case 11: m->mla.qk_rope_dim = 0; break;
    case 12: m->mla.v_head_dim = 0; break;
    case 13: m->attn.kind = LLMSIZE_ATTN_CHUNKED + 1; break;
    case 14: m->enc.head = LLMSIZE_HEAD_COUNT; break;
    case 15: m->enc.decoder_layers = LLMSIZE_MAX_LAYERS + 1; break;
    case 16: m->enc.labels = 2; break;   /* labels without a classifier */
    case 17: m->enc.mel_bins = 128; break;   /* mel bins without audio positions */
    case 18: m->attn.kind = LLMSIZE_ATTN_CHUNKED; m->attn.window = 0; break;
    case 19: m->moe.active = 0; break;
    case 20: m->moe.active = m->moe.experts + 1; break;
    case 21: m->moe.expert_ffn = 0; break;
    case 22: m->moe.shared = 1; m->moe.shared_ffn = 0; break;
    case 23: m->moe.active = 2; break;
    case 24: m->moe.shared = 1; break;
    case 25: m->dims.ffn = 0; break;
    case 26: m->dims.ffn = 0; m->moe.dense_first = 1; break;
    case 27: m->dims.ffn = 0; m->moe.every = 2; break;
    case 28: m->linear.k_heads = 0; break;
    case 29: m->linear.v_heads = 0; break;
    case 30: m->linear.k_dim = 0; break;
    case 31: m->linear.v_dim = 0; break;
    case 32: m->linear.conv_kernel = 0; break;
    default: break;
    }
}

static void test_model_rules(void) {
    size_t i;
    const char *why = "x";
    CHECK(llmsize_model_check(NULL, &why) == LLMSIZE_ERR_NULL && !strcmp(why, "model: NULL") &&
          llmsize_model_validate(NULL) == LLMSIZE_ERR_NULL, "model_check(NULL)");
    for (i = 0; i < sizeof model_rules / sizeof model_rules[0]; ++i) {
        const llmsize_model *base = model(model_rules[i].base);
        llmsize_model m;
        llmsize_status st;
        if (!base) continue;
        m = *base;
        CHECK(llmsize_model_check(&m, &why) == LLMSIZE_OK && why == NULL, "%s is valid before mutation %d", m.id, model_rules[i].mutation);
        model_mutate(&m, model_rules[i].mutation);
        st = llmsize_model_check(&m, &why);
        CHECK(st == LLMSIZE_ERR_INVALID_MODEL && starts(why, model_rules[i].why), "mutation %d of %s: %s, blames '%s' (want '%s')",
              model_rules[i].mutation, base->id, llmsize_strerror(st), why ? why : "(none)", model_rules[i].why);
        CHECK(llmsize_model_validate(&m) == LLMSIZE_ERR_INVALID_MODEL, "mutation %d: validate agrees", model_rules[i].mutation);
    }
}

/* ---- 5. llmsize_plan_check: each rule, the field it names, through plan_fit too -------- */
typedef struct plan_rule { const char *why; llmsize_status want; int mutation; } plan_rule;
static const plan_rule plan_rules[] = {
    { "engine", LLMSIZE_ERR_UNKNOWN_ENGINE, 0 }, { "kv_dtype", LLMSIZE_ERR_UNKNOWN_KV_DTYPE, 1 },
    { "dims.vocab", LLMSIZE_ERR_INVALID_MODEL, 2 }, { "release", LLMSIZE_ERR_INVALID_ARG, 3 },
    { "flags: VLLM_V0", LLMSIZE_ERR_INVALID_ARG, 4 }, { "max_seqs", LLMSIZE_ERR_INVALID_ARG, 5 },
    { "mem_fraction", LLMSIZE_ERR_INVALID_ARG, 6 }, { "host_bw_gbs", LLMSIZE_ERR_INVALID_ARG, 7 },
    { "host_bw_gbs", LLMSIZE_ERR_INVALID_ARG, 8 }, { "host_bw_gbs", LLMSIZE_ERR_INVALID_ARG, 9 },
    { "tight_pct", LLMSIZE_ERR_INVALID_ARG, 10 }, { "seqs", LLMSIZE_ERR_INVALID_ARG, 11 },
    { "ubatch", LLMSIZE_ERR_INVALID_ARG, 12 }, { "block_size", LLMSIZE_ERR_INVALID_ARG, 13 },
    { "batched_tokens", LLMSIZE_ERR_INVALID_ARG, 14 }, { "gpu->usable_pct", LLMSIZE_ERR_INVALID_ARG, 15 },
    { "gpu->usable_pct", LLMSIZE_ERR_INVALID_ARG, 16 }, { "gpu->mem_bytes", LLMSIZE_ERR_INVALID_ARG, 17 },
    { "pp, dp", LLMSIZE_ERR_INVALID_ARG, 18 }, { "pp, dp", LLMSIZE_ERR_INVALID_ARG, 19 },
    { "gpus: a multiple", LLMSIZE_ERR_INVALID_ARG, 20 }, { "tp: in 1..4096", LLMSIZE_ERR_INVALID_ARG, 21 },
    { "gpus: must equal", LLMSIZE_ERR_INVALID_ARG, 22 }, { "tp: must divide", LLMSIZE_ERR_INVALID_ARG, 23 },
    { "pp: at most", LLMSIZE_ERR_INVALID_ARG, 24 },
};

static void plan_mutate(llmsize_plan *p, llmsize_model *m, llmsize_gpu *g, int k) {
    const llmsize_engine_release *r = NULL;
    switch (k) {
    case 0: p->engine = LLMSIZE_ENGINE_COUNT; break;
    case 1: p->kv_dtype = LLMSIZE_KV_DTYPE_COUNT; break;
    case 2: m->dims.vocab = 0; break;
    case 3: llmsize_find_engine_version(LLMSIZE_ENGINE_SGLANG, NULL, &r); p->release = r; break;
    case 4:   /* vLLM 0.11 dropped the V0 engine (its row has no VLLM_V0_OPT) */
        llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.11.0", &r); p->release = r; p->flags |= LLMSIZE_PLAN_VLLM_V0; break;
    case 5: p->max_seqs = 1000001u; break;
    case 6: p->mem_fraction = -0.1; break;
    case 7: p->host_bw_gbs = nan_value(); break;
    case 8: p->host_bw_gbs = -1.0; break;
    case 9: p->host_bw_gbs = 2e6; break;
    case 10: p->tight_pct = 101; break;
    case 11: p->seqs = 1000001u; break;
    case 12: p->ubatch = 1000001u; break;
    case 13: p->block_size = 1000001u; break;
    case 14: p->batched_tokens = 100000001ull; break;
    case 15: g->usable_pct = 0; break;
    case 16: g->usable_pct = 101; break;
    case 17: g->mem_bytes = 0; break;
    case 18: p->pp = 4097; break;
    case 19: p->dp = 4097; break;
    case 20: p->gpus = 6; p->pp = 4; break;   /* 6 GPUs are no multiple of pp 4 */
    case 21: p->tp = 8192; break;
    case 22: p->gpus = 6; p->tp = 2; break;   /* tp 2 x pp 1 x dp 1 is 2, not 6 */
    case 23: p->tp = 3; break;
    case 24: p->pp = 64; break;               /* Llama 3.1 8B has 32 layers */
    default: break;
    }
}

static void test_plan_rules(void) {
    size_t i;
    for (i = 0; i < sizeof plan_rules / sizeof plan_rules[0]; ++i) {
        llmsize_model m = *model("llama-3.1-8b");
        llmsize_gpu g = *gpu("h100-sxm");
        llmsize_plan p;
        llmsize_plan_result r;
        llmsize_plan d;
        const char *why = NULL;
        llmsize_status st;
        memset(&p, 0, sizeof p);
        p.model = &m; p.format = format("bf16"); p.gpu = &g; p.engine = LLMSIZE_ENGINE_VLLM;
        CHECK(llmsize_plan_check(&p, &why) == LLMSIZE_OK && why == NULL, "the base plan is well formed");
        plan_mutate(&p, &m, &g, plan_rules[i].mutation);
        st = llmsize_plan_check(&p, &why);
        CHECK(st == plan_rules[i].want && starts(why, plan_rules[i].why), "plan mutation %d: %s, blames '%s' (want '%s')",
              plan_rules[i].mutation, llmsize_strerror(st), why ? why : "(none)", plan_rules[i].why);
        CHECK(llmsize_plan_check(&p, NULL) == plan_rules[i].want, "plan mutation %d without why", plan_rules[i].mutation);
        CHECK(llmsize_plan_fit(&p, &r) == plan_rules[i].want && zeroed(&r, sizeof r), "plan mutation %d: plan_fit agrees, out zeroed",
              plan_rules[i].mutation);
        CHECK(llmsize_plan_defaults(&p, &d) == plan_rules[i].want, "plan mutation %d: plan_defaults agrees", plan_rules[i].mutation);
    }
}


/* ---- 6. names as people write them (llmsize_resolve's documented readings) ------------ */
typedef struct name_case {
    const char *name;
    llmsize_status want;
    const char *model;      /* NULL: no model (a failure) */
    const char *format;     /* first id of the format; "-": NULL (FROM_NONE) */
    uint32_t how, from;
    const char *why;
} name_case;

static const name_case name_cases[] = {
    /* Ollama tags: [registry.ollama.ai/][library/]name[:tag]; ":latest" is the bare name;
       after the tag only words that keep the model, then a quantization */
    { "registry.ollama.ai/library/llama3.1:8b", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_OLLAMA, "registry and library prefixes" },
    { "library/llama3.2", LLMSIZE_OK, "llama-3.2-3b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_OLLAMA, "library/ prefix" },
    { "llama3.1:latest", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_OLLAMA, ":latest is the bare tag" },
    { "llama3.1:8b-instruct-q5_K_M", LLMSIZE_OK, "llama-3.1-8b", "Q5_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "a quantization the tag names" },
    { "llama3.1:70b-instruct-BF16", LLMSIZE_OK, "llama-3.1-70b", "gguf-bf16", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "-bf16 is GGUF BF16" },
    { "qwen3:30b-a3b-FP16", LLMSIZE_OK, "qwen3-30b-a3b", "gguf-f16", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "-FP16 is GGUF F16 (any case)" },
    { "qwen3:8b-it-q8_0", LLMSIZE_OK, "qwen3-8b", "Q8_0", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "-it keeps the model" },
    { "llama3.2:3b-text-q8_0", LLMSIZE_OK, "llama-3.2-3b", "Q8_0", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "-text keeps the model" },
    { "qwen3:30b-a3b-2507-q4_K_M", LLMSIZE_OK, "qwen3-30b-a3b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "a release date keeps the model" },
    { "llama3.1:8b-instruct", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_OLLAMA, "-instruct alone: the tag's own" },
    { "llama3.1:8b-chat", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_OLLAMA, "-chat alone: the tag's own" },
    { "llama3.1:8b--q8_0", LLMSIZE_OK, "llama-3.1-8b", "Q8_0", LLMSIZE_HOW_OLLAMA, LLMSIZE_FROM_NAME, "an empty word before the quantization" },
    { "llama3.1:8b-foo-q8_0", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "an unknown word before the quantization" },
    { "llama3.1:8b-instruct-2407", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "a date that names no quantization" },
    { "llama3.1:8b-base", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "-base is other weights" },
    { "llama3.1:8b-instruct-q9_9", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "a quantization the table lacks is not guessed" },
    { "llama3.1:8b-instruct-it", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "two variant words name no quantization" },
    { "llama3.2:1b-instruct-q8_0-extra", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "words after the quantization" },
    { "gemma3:27b-it", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "-it alone is no tag of the library" },
    { "registry.ollama.ai/someuser/mymodel", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "a user's namespace" },
    { "library/llama3.2:7b", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "a size the library lacks" },
    /* repo:QUANT (llama-server -hf, Ollama hf.co/) and EXL2/EXL3 branches */
    { "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:f16", LLMSIZE_OK, "llama-3.1-8b", "gguf-f16", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, ":f16 is the GGUF file type" },
    { "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:BF16", LLMSIZE_OK, "llama-3.1-8b", "gguf-bf16", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, ":BF16" },
    { "hf.co/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q8_0", LLMSIZE_OK, "llama-3.1-8b", "Q8_0", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "Ollama's hf.co/ form" },
    { "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q9_X", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "a file type the table lacks" },
    { "turboderp/Llama-3.1-8B-Instruct-exl2:4.0bpw", LLMSIZE_OK, "llama-3.1-8b", "exl2-4.0", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "an EXL2 branch" },
    { "turboderp/Llama-3.1-8B-Instruct-exl3:4.0bpw", LLMSIZE_OK, "llama-3.1-8b", "exl3-4.0", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "an EXL3 branch" },
    { "turboderp/Llama-3.1-8B-Instruct-exl2:5.0bpw", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "a bpw the table lacks" },
    { "turboderp/Llama-3.1-8B-Instruct-exl2:123456789bpw", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "an absurd bpw" },
    { "turboderp/Llama-3.1-8B-Instruct-exl2", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "EXL2 without a branch" },
    { "turboderp/Llama-3.1-8B-Instruct-exl3", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "EXL3 without a branch" },
    { "someone/Qwen3-8B-FP8:main", LLMSIZE_OK, "qwen3-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "a branch that names no format" },
    /* GGUF files and repos: 16-bit types are GGUF's own; shards and -imat suffixes */
    { "Meta-Llama-3.1-8B-Instruct-f16.gguf", LLMSIZE_OK, "llama-3.1-8b", "gguf-f16", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "an f16 file" },
    { "Meta-Llama-3.1-8B-Instruct-bf16.gguf", LLMSIZE_OK, "llama-3.1-8b", "gguf-bf16", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "a bf16 file" },
    { "Meta-Llama-3.1-8B-Instruct-fp16.gguf", LLMSIZE_OK, "llama-3.1-8b", "gguf-f16", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "an fp16 file" },
    { "someone/Meta-Llama-3.1-8B-Instruct-BF16-GGUF", LLMSIZE_OK, "llama-3.1-8b", "gguf-bf16", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "a BF16 GGUF repo" },
    { "Meta-Llama-3.1-8B-Instruct-Q4_K_M-00001-of-00002.gguf", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "a shard" },
    { "Meta-Llama-3.1-8B-Instruct-Q4_K_M-imat.gguf", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "an -imat file" },
    { "Qwen3-30B-A3B-UD-Q4_K_XL.gguf", LLMSIZE_OK, "qwen3-30b-a3b", "-", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NONE, "unsloth's dynamic mix is not in the table" },
    { "gpt-oss-20b-mxfp4.gguf", LLMSIZE_OK, "gpt-oss-20b", "MXFP4_MOE", LLMSIZE_HOW_GGUF_FILE, LLMSIZE_FROM_NAME, "ggml-org's MXFP4 file" },
    { "someone/Meta-Llama-3.1-8B-Instruct-GGUF", LLMSIZE_OK, "llama-3.1-8b", "Q4_K_M", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_DEFAULT, "a GGUF repo: llama.cpp's pick" },
    /* GPU checkpoints: MLX, GPTQModel, ModelOpt FP4, bit widths the table lacks */
    { "mlx-community/Meta-Llama-3.1-8B-Instruct-4bit", LLMSIZE_OK, "llama-3.1-8b", "mlx-4bit", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "MLX 4-bit" },
    { "mlx-community/Meta-Llama-3.1-8B-Instruct-6bit", LLMSIZE_OK, "llama-3.1-8b", "mlx-6bit", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "MLX 6-bit" },
    { "someone/Meta-Llama-3.1-8B-Instruct-MLX-8bit", LLMSIZE_OK, "llama-3.1-8b", "mlx-8bit", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "-MLX-8bit outside mlx-community" },
    { "mlx-community/Meta-Llama-3.1-8B-Instruct-4bit-g32", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "MLX groups of 32 are not in the table" },
    { "ModelCloud/Meta-Llama-3.1-8B-Instruct-gptqmodel-4bit", LLMSIZE_OK, "llama-3.1-8b", "gptq", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "GPTQModel 4-bit" },
    { "ModelCloud/Meta-Llama-3.1-8B-Instruct-gptqmodel-8bit", LLMSIZE_OK, "llama-3.1-8b", "gptq-int8", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "GPTQModel 8-bit" },
    { "nvidia/Llama-3.1-8B-Instruct-FP4", LLMSIZE_OK, "llama-3.1-8b", "nvfp4", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "ModelOpt FP4 is NVFP4" },
    { "someone/Meta-Llama-3.1-8B-Instruct-4bit", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "a 4-bit layout the table lacks" },
    { "someone/Meta-Llama-3.1-8B-Instruct-8bit", LLMSIZE_OK, "llama-3.1-8b", "-", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NONE, "an 8-bit layout the table lacks" },
    /* copies of releases; prefixes; derived names */
    { "unsloth/Qwen3-1.7B-FP8", LLMSIZE_OK, "qwen3-1.7b", "fp8-block", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_RELEASE, "a copy keeps Qwen's block FP8" },
    { "nvidia/Qwen3-8B-FP8", LLMSIZE_OK, "qwen3-8b", "fp8", LLMSIZE_HOW_QUANTIZED, LLMSIZE_FROM_NAME, "NVIDIA's own FP8 is per tensor" },
    { "huggingface.co/meta-llama/Llama-3.1-8B-Instruct", LLMSIZE_OK, "llama-3.1-8b", "bf16", LLMSIZE_HOW_DERIVED, LLMSIZE_FROM_CHECKPOINT, "a huggingface.co/ URL path" },
    { "acme.Llama-3.1-8B-Instruct", LLMSIZE_OK, "llama-3.1-8b", "bf16", LLMSIZE_HOW_DERIVED, LLMSIZE_FROM_CHECKPOINT, "a name after a '.'" },
    { "Llama-3.1-Tulu-3-8B", LLMSIZE_OK, "llama-3.1-8b", "bf16", LLMSIZE_HOW_DERIVED, LLMSIZE_FROM_CHECKPOINT, "family ... size" },
    { "meta-llama/Llama-3.1-2B-Distill-8B", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "another size between family and size" },
    { "Llama-3.1-135M-x-8B", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "another size (M) between family and size" },
    { "x/merge-llama-3.1-8b-qwen3-8b-qwen3-4b-qwen3-14b-gemma-3-1b-gemma-3-4b-phi-4-olmo-2-7b-falcon-7b-yi-34b",
      LLMSIZE_ERR_AMBIGUOUS, NULL, NULL, 0, 0, "a merge of ten models" },
    { "x/yi-34b-falcon-7b-gemma-2b-qwq-32b-falcon-40b-llama-2-7b-llama-2-13b-qwen3-8b-qwen3-4b-gemma-3-1b",
      LLMSIZE_ERR_AMBIGUOUS, NULL, NULL, 0, 0, "a merge of ten models" },
    { "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0,
      "41 words name nothing" },
    { "", LLMSIZE_ERR_UNKNOWN_MODEL, NULL, NULL, 0, 0, "the empty name" },
};

static void test_name_readings(void) {
    size_t i;
    char fid[32];
    for (i = 0; i < sizeof name_cases / sizeof name_cases[0]; ++i) {
        const name_case *c = &name_cases[i];
        llmsize_resolution r;
        const llmsize_status st = llmsize_resolve(c->name, &r);
        size_t k = 0;
        fid[0] = '\0';
        if (r.format) { while (r.format->id[k] && r.format->id[k] != '|' && k + 1 < sizeof fid) { fid[k] = r.format->id[k]; ++k; } fid[k] = '\0'; }
        if (!c->model) {
            CHECK(st == c->want && zeroed(&r, sizeof r), "'%s' (%s): %s, want %s, out zeroed", c->name, c->why,
                  llmsize_status_name(st), llmsize_status_name(c->want));
            continue;
        }
        CHECK(st == c->want && r.model && !strcmp(r.model->id, c->model), "'%s' (%s): %s %s, want %s", c->name, c->why,
              llmsize_status_name(st), r.model ? r.model->id : "-", c->model);
        CHECK(!strcmp(c->format, "-") ? r.format == NULL : (r.format && !strcmp(fid, c->format)), "'%s' (%s): format %s, want %s",
              c->name, c->why, r.format ? fid : "-", c->format);
        CHECK(r.how == c->how && r.format_from == c->from, "'%s' (%s): read as %s / %s, want %s / %s", c->name, c->why,
              llmsize_how_name(r.how), llmsize_format_from_name(r.format_from), llmsize_how_name(c->how), llmsize_format_from_name(c->from));
    }
    /* Ollama reads its own library first; other engines read the same name as a table id */
    {
        llmsize_resolution r;
        CHECK(llmsize_resolve_for("llama3.2:1b", LLMSIZE_ENGINE_OLLAMA, &r) == LLMSIZE_OK && !strcmp(r.model->id, "llama-3.2-1b") &&
              r.how == LLMSIZE_HOW_OLLAMA, "resolve_for ollama");
        CHECK(llmsize_resolve_for("llama-3.1-8b", LLMSIZE_ENGINE_OLLAMA, &r) == LLMSIZE_OK && r.how == LLMSIZE_HOW_ID,
              "resolve_for ollama falls back to the tables");
    }
}

/* Accelerator names with memory sizes (llmsize_resolve_gpu's documented readings). */
typedef struct gpu_case { const char *name; llmsize_status want; const char *row; uint64_t gib; uint32_t from; } gpu_case;
static const gpu_case gpu_cases[] = {
    { "M3 Max 36GB", LLMSIZE_OK, "m3-max-30c", 36, LLMSIZE_MEMORY_NAMED },       /* 36 GB: the 30-core part */
    { "M3 Max 48GB", LLMSIZE_OK, "m3-max-128gb", 48, LLMSIZE_MEMORY_NAMED },     /* 48 GB: the 40-core part */
    { "Apple M4 Pro (48 GB)", LLMSIZE_OK, "m4-pro-64gb", 48, LLMSIZE_MEMORY_NAMED },
    { "M2 Max 64G", LLMSIZE_OK, "m2-max-96gb", 64, LLMSIZE_MEMORY_NAMED },
    { "M2 Max 64 GiB", LLMSIZE_OK, "m2-max-96gb", 64, LLMSIZE_MEMORY_NAMED },
    { "M1 8GB", LLMSIZE_OK, "m1-16gb", 8, LLMSIZE_MEMORY_NAMED },
    { "RTX 4090 24GB", LLMSIZE_OK, "rtx-4090", 0, LLMSIZE_MEMORY_ROW },         /* one size: the row's driver bytes */
    { "H100 80GB", LLMSIZE_OK, "h100-sxm", 0, LLMSIZE_MEMORY_ROW },
    { "RTX 4060 Ti 16GB", LLMSIZE_OK, "rtx-4060-ti-16gb", 0, LLMSIZE_MEMORY_ROW },/* the size picks the variant */
    { "rx 7900 xtx", LLMSIZE_OK, "rx-7900-xtx", 0, LLMSIZE_MEMORY_ROW },        /* one row starts with these words */
    { "M3 Max", LLMSIZE_ERR_AMBIGUOUS, NULL, 0, 0 },                            /* 300 or 400 GB/s */
    { "RTX 4070 12GB", LLMSIZE_ERR_AMBIGUOUS, NULL, 0, 0 },                     /* 4070, SUPER and Ti all 12 GB */
    { "NVIDIA GeForce 16GB", LLMSIZE_ERR_AMBIGUOUS, NULL, 0, 0 },
    { "NVIDIA GeForce", LLMSIZE_ERR_AMBIGUOUS, NULL, 0, 0 },
    { "M3 Max 40GB", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },                     /* not sold with 40 GB */
    { "RTX 4090 96GB", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
    { "M3 Max 0GB", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
    { "48GB", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },                            /* a size alone */
    { "nothing like this 24GB", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
    { "A", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },                               /* one word starts too many names */
    { "", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
    { "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a", LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
    { "NVIDIA GeForce RTX 4090 with a name far longer than any accelerator's name in any table, one hundred and twenty-eight bytes",
      LLMSIZE_ERR_UNKNOWN_GPU, NULL, 0, 0 },
};

static void test_gpu_readings(void) {
    size_t i;
    for (i = 0; i < sizeof gpu_cases / sizeof gpu_cases[0]; ++i) {
        const gpu_case *c = &gpu_cases[i];
        llmsize_gpu_resolution r;
        const llmsize_status st = llmsize_resolve_gpu(c->name, &r);
        if (!c->row) {
            CHECK(st == c->want && zeroed(&r, sizeof r), "gpu '%s': %s, want %s", c->name, llmsize_status_name(st), llmsize_status_name(c->want));
            continue;
        }
        CHECK(st == c->want && r.row && !strcmp(r.row->id, c->row) && r.memory_from == c->from, "gpu '%s': %s %s, want %s",
              c->name, llmsize_status_name(st), r.row ? r.row->id : "-", c->row);
        if (st != LLMSIZE_OK || !r.row) continue;
        if (c->gib) {
            CHECK(r.gpu.mem_bytes == c->gib << 30, "gpu '%s': %llu bytes, want %llu GiB", c->name, (unsigned long long)r.gpu.mem_bytes,
                  (unsigned long long)c->gib);
            /* Apple: about 2/3 wired at 36 GB and below, 3/4 above (recommendedMaxWorkingSetSize) */
            CHECK(r.gpu.usable_pct == (c->gib <= 36 ? 67u : 75u), "gpu '%s': usable %u %%", c->name, r.gpu.usable_pct);
        } else {
            CHECK(r.gpu.mem_bytes == r.row->mem_bytes, "gpu '%s': the row's own bytes", c->name);
        }
    }
}

/* llmsize_suggest: "safe with any query", at most cap answers, each a name of the table. */
static void test_suggest_any_query(void) {
    static const char *const queries[] = {
        "llama-3.1-8", "---", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15",
        "NVIDIA GeForce RTX 4090 Laptop GPU with a very long name past sixty-three bytes",
    };
    const char *out[12];
    size_t i, n, k;
    for (i = 0; i < sizeof queries / sizeof queries[0]; ++i) {
        n = llmsize_suggest(LLMSIZE_TABLE_MODELS, queries[i], out, 12);
        CHECK(n <= 12, "suggest '%s': %u answers for cap 12", queries[i], (unsigned)n);
        for (k = 0; k < n; ++k) CHECK(out[k] != NULL, "suggest '%s': answer %u is a name", queries[i], (unsigned)k);
        n = llmsize_suggest(LLMSIZE_TABLE_GPUS, queries[i], out, 12);
        for (k = 0; k < n; ++k) CHECK(out[k] != NULL, "suggest gpu '%s': answer %u is a name", queries[i], (unsigned)k);
    }
    {   /* a word of 300 letters: tokens stop at 255 bytes */
        char word[301];
        memset(word, 'q', 300); word[300] = '\0';
        n = llmsize_suggest(LLMSIZE_TABLE_MODELS, word, out, 4);
        CHECK(n <= 4, "suggest with a 300-letter word");
    }
    n = llmsize_suggest(LLMSIZE_TABLE_MODELS, "llama-3.1-8", out, 12);
    CHECK(n >= 1 && !strcmp(out[0], "llama-3.1-8b"), "a prefix of an id suggests it first");
    CHECK(llmsize_suggest((llmsize_table)99, "llama", out, 4) == 0, "a table that does not exist suggests nothing");
}


/* ---- 7. speed, fit, described accelerators, weights: each documented refusal ---------- */
static void test_speed_fit_refusals(void) {
    const llmsize_model *m = model("llama-3.1-8b");
    const llmsize_format *bf16 = format("bf16"), *q4 = format("Q4_K_M");
    const llmsize_gpu *g4090 = gpu("rtx-4090");
    llmsize_speed_request sq, d;
    llmsize_speed_result a, b;
    llmsize_fit_request fq, fd;
    llmsize_fit_result fr;
    llmsize_gpu odd;
    llmsize_model bad;

    memset(&sq, 0, sizeof sq);
    sq.model = m; sq.format = q4; sq.gpu = g4090;
    sq.prompt = 100; sq.gen = 50;
    CHECK(llmsize_speed_defaults(&sq, &d) == LLMSIZE_OK && d.prompt == 100 && d.gen == 50 && d.gpus == 1 && d.seqs == 1,
          "speed_defaults keeps what is set and fills gpus, seqs");
    sq.prompt = sq.gen = 0;
    CHECK(llmsize_speed_defaults(&sq, &d) == LLMSIZE_OK && d.prompt == LLMSIZE_DEFAULT_PROMPT && d.gen == LLMSIZE_DEFAULT_GEN,
          "speed_defaults: prompt 512, gen 256");
    /* context 0 = the prompt is what is in the cache */
    sq.context = 0;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_OK, "speed at context 0");
    sq.context = LLMSIZE_DEFAULT_PROMPT;
    CHECK(llmsize_speed(&sq, &b) == LLMSIZE_OK && near(a.decode_tps, b.decode_tps) && a.bytes_per_step == b.bytes_per_step,
          "context 0 decodes as the 512-token prompt (%g vs %g tok/s)", a.decode_tps, b.decode_tps);
    sq.gpus = 4097;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_INVALID_ARG && zeroed(&a, sizeof a), "speed over 4096 GPUs");
    sq.gpus = 1; sq.kv_dtype = LLMSIZE_KV_DTYPE_COUNT;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_UNKNOWN_KV_DTYPE, "speed with no such KV dtype");
    sq.kv_dtype = LLMSIZE_KV_F16;
    odd = *g4090; odd.hw_class = LLMSIZE_HW_CLASS_COUNT; sq.gpu = &odd;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_INVALID_ARG, "speed on a hardware class with no calibration");
    sq.gpu = g4090; sq.model = model("bge-m3");
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_UNSUPPORTED, "an encoder has no decode speed");
    sq.model = m; sq.context = (uint64_t)1 << 62; sq.seqs = 1000;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_OVERFLOW && zeroed(&a, sizeof a), "a KV cache past 2^64 bytes");
    sq.context = 4096; sq.seqs = 1;
    bad = *m; bad.dims.heads = 0; sq.model = &bad;
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_ERR_INVALID_MODEL, "speed of an invalid model");
    sq.model = m; sq.format = bf16;
    /* Llama 3.1 8B in BF16 moves ~16 GB a token: the 4090's 1008 GB/s allow ~63 tok/s */
    CHECK(llmsize_speed(&sq, &a) == LLMSIZE_OK && a.decode_tps_high < 1008.0 / 16.0 && a.decode_tps_high > 30.0,
          "bandwidth bound of an 8B in BF16 on an RTX 4090: %g tok/s", a.decode_tps_high);

    /* fit: defaults, then every documented refusal */
    memset(&fq, 0, sizeof fq);
    CHECK(llmsize_fit_defaults(&fq, &fd) == LLMSIZE_OK && fd.context == LLMSIZE_DEFAULT_CONTEXT && fd.gpus == 1 && fd.seqs == 1 &&
          fd.tight_pct == LLMSIZE_DEFAULT_TIGHT_PCT, "fit_defaults without a model: 8192 tokens");
    fq.model = model("e5-small-v2");   /* BERT-style encoder: 512 positions */
    CHECK(llmsize_fit_defaults(&fq, &fd) == LLMSIZE_OK && fd.context == fq.model->dims.max_ctx && fd.context == 512,
          "an encoder's inputs default to its longest (%llu)", (unsigned long long)fd.context);
    bad = *fq.model; bad.dims.max_ctx = 0; fq.model = &bad;
    CHECK(llmsize_fit_defaults(&fq, &fd) == LLMSIZE_OK && fd.context == LLMSIZE_DEFAULT_CONTEXT, "an encoder without max_ctx: 8192");
    fq.model = m; fq.format = q4; fq.gpu = g4090;
    fq.gpus = 4097;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_INVALID_ARG && zeroed(&fr, sizeof fr), "fit over 4096 GPUs");
    fq.gpus = 1; fq.tight_pct = 101;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_INVALID_ARG, "fit with tight_pct 101");
    fq.tight_pct = 0;
    odd = *g4090; odd.usable_pct = 0; fq.gpu = &odd;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_INVALID_ARG, "fit on a GPU with 0 %% usable");
    odd.usable_pct = 101;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_INVALID_ARG, "fit on a GPU with 101 %% usable");
    fq.gpu = g4090; fq.overhead_bytes = (uint64_t)1 << 63;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_OVERFLOW && zeroed(&fr, sizeof fr), "a total past INT64_MAX");
    fq.overhead_bytes = UINT64_MAX / 2; fq.gpus = 3;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_OVERFLOW, "overhead x GPUs past 2^64");
    fq.overhead_bytes = 0; fq.gpus = 1;
    odd = *g4090; odd.mem_bytes = ((uint64_t)1 << 63) + 4096; fq.gpu = &odd;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_OVERFLOW, "usable memory past INT64_MAX");
    fq.gpu = g4090; fq.kv_dtype = LLMSIZE_KV_DTYPE_COUNT;
    CHECK(llmsize_fit(&fq, &fr) == LLMSIZE_ERR_UNKNOWN_KV_DTYPE, "fit with no such KV dtype");

    /* described accelerators */
    {
        llmsize_gpu g;
        CHECK(llmsize_describe_gpu(24, 1000, nan_value(), LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG && zeroed(&g, sizeof g),
              "describe: NaN TFLOPS");
        CHECK(llmsize_describe_gpu(24, 1000, -1, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: negative TFLOPS");
        CHECK(llmsize_describe_gpu(24, 1000, 2e9, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: absurd TFLOPS");
        CHECK(llmsize_describe_gpu(24, 1000, 0, LLMSIZE_HW_CLASS_COUNT, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: no such class");
        CHECK(llmsize_describe_gpu(2e9, 1000, 0, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: 2e9 GiB");
        CHECK(llmsize_describe_gpu(24, 2e9, 0, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: 2e9 GB/s");
        CHECK(llmsize_describe_gpu(inf_value(), 1000, 0, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: infinite memory");
        CHECK(llmsize_describe_gpu(24, 0, 0, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG, "describe: 0 GB/s");
        CHECK(llmsize_describe_gpu(1e-12, 1000, 0, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_ERR_INVALID_ARG && zeroed(&g, sizeof g),
              "describe: less than a byte of memory");
        CHECK(llmsize_describe_gpu(36, 400, 0, LLMSIZE_HW_APPLE, &g) == LLMSIZE_OK && g.usable_pct == 67 && g.mem_bytes == 36ull << 30,
              "described Apple part of 36 GiB: 2/3 usable");
        CHECK(llmsize_describe_gpu(64, 400, 0, LLMSIZE_HW_UNIFIED, &g) == LLMSIZE_OK && g.usable_pct == 75, "described unified 64 GiB: 3/4");
        CHECK(llmsize_describe_gpu(24, 1000, 165, LLMSIZE_HW_CONSUMER, &g) == LLMSIZE_OK && g.usable_pct == 100, "a GDDR card: all of it");
    }
}

static void test_weight_refusals(void) {
    const llmsize_model *m = model("llama-3.1-8b");
    llmsize_format f;
    llmsize_weights w;
    llmsize_gguf_mix mix;
    llmsize_params p;
    llmsize_model huge, bad;
    int k;
    for (k = 0; k < 6; ++k) {   /* formats no tool writes: not an llmsize_format_kind, a GGUF file type past the
                                   list, a 3-byte float, a GPU format of 0 or 17 bits or no byte width for the rest */
        f = *format(k == 1 ? "Q4_K_M" : k == 2 ? "bf16" : "awq");
        if (k == 0) f.kind = LLMSIZE_FMT_GPU + 1;
        if (k == 1) f.code = LLMSIZE_FT_COUNT;
        if (k == 2) f.code = 3;
        if (k == 3) f.bits = 0;
        if (k == 4) f.bits = 17;
        if (k == 5) f.other_bytes = 0;
        CHECK(llmsize_weight_bytes(m, &f, &w) == LLMSIZE_ERR_INVALID_ARG && zeroed(&w, sizeof w), "malformed format %d", k);
    }
    f = *format("Q4_K_M"); f.code = LLMSIZE_FT_COUNT;
    CHECK(llmsize_gguf_mix_of(m, &f, &mix) == LLMSIZE_ERR_INVALID_ARG, "gguf_mix_of: a file type past the list");
    CHECK(llmsize_gguf_mix_of(m, format("awq"), &mix) == LLMSIZE_ERR_INVALID_ARG, "gguf_mix_of: not a GGUF file type");
    bad = *m; bad.dims.vocab = 0;
    CHECK(llmsize_gguf_mix_of(&bad, format("Q4_K_M"), &mix) == LLMSIZE_ERR_INVALID_MODEL, "gguf_mix_of: an invalid model");
    {   /* llama.cpp writes a vision tower to a separate mmproj file: the text GGUF's mix is the same without it */
        llmsize_gguf_mix text;
        llmsize_model novision = *model("gemma-3-4b");
        novision.extra.vision_params = 0;
        CHECK(model("gemma-3-4b")->extra.vision_params > 0 && llmsize_gguf_mix_of(model("gemma-3-4b"), format("Q4_K_M"), &mix) == LLMSIZE_OK &&
              llmsize_gguf_mix_of(&novision, format("Q4_K_M"), &text) == LLMSIZE_OK && mix.n_tensors == text.n_tensors &&
              !memcmp(mix.bytes, text.bytes, sizeof mix.bytes), "Gemma 3 4B's vision tower is not in its text GGUF");
    }
    /* 2^63 parameters count; their bytes in 32 or 16 bits do not fit 64 bits */
    huge = *m;
    huge.dims.vocab = UINT32_MAX; huge.dims.hidden = 1u << 30; huge.dims.layers = 1;
    CHECK(llmsize_params_of(&huge, &p) == LLMSIZE_OK && p.total > ((uint64_t)1 << 62), "2^63 parameters are counted");
    CHECK(llmsize_weight_bytes(&huge, format("f32"), &w) == LLMSIZE_ERR_OVERFLOW && zeroed(&w, sizeof w), "their f32 bytes overflow");
    CHECK(llmsize_gguf_mix_of(&huge, format("gguf-f16"), &mix) == LLMSIZE_ERR_OVERFLOW && zeroed(&mix, sizeof mix),
          "their GGUF F16 bytes overflow");
}

/* ---- 8. engine versions as people write them ------------------------------------------ */
static void test_engine_versions(void) {
    const llmsize_engine_release *r = NULL, *cur = NULL;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    char longname[80];
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, NULL, &cur) == LLMSIZE_OK && cur, "vLLM's current release");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "", &r) == LLMSIZE_OK && r == cur, "\"\" is the current release");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "v0.8.5", &r) == LLMSIZE_OK && r && !strcmp(r->version, "0.8.0"), "v0.8.5");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "V0.9.2", &r) == LLMSIZE_OK && r && !strcmp(r->version, "0.9.2"), "V0.9.2");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.4.3.post4", &r) == LLMSIZE_ERR_UNKNOWN_VERSION && r == NULL,
          "older than the oldest vLLM row (0.6.0)");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "99.0", &r) == LLMSIZE_OK && r == cur, "newer than the newest: its rules");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_LLAMACPP, "b6550", &r) == LLMSIZE_OK && r && !strcmp(r->version, "b6325"), "b6550");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_LLAMACPP, "B7000", &r) == LLMSIZE_OK && r && !strcmp(r->version, "b6975"), "B7000");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.1234567890", &r) == LLMSIZE_ERR_UNKNOWN_VERSION,
          "a part that does not fit 32 bits is malformed");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "latest", &r) == LLMSIZE_ERR_UNKNOWN_VERSION, "no digits");
    /* "up to 4 parts; a suffix after them is ignored" */
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.8.", &r) == LLMSIZE_OK && !strcmp(r->version, "0.8.0"), "0.8. is 0.8");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.8.x", &r) == LLMSIZE_OK && !strcmp(r->version, "0.8.0"), "0.8.x is 0.8");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_VLLM, "0.9.2.0.5", &r) == LLMSIZE_OK && !strcmp(r->version, "0.9.2"),
          "a fifth part is a suffix");
    CHECK(llmsize_find_engine_version(LLMSIZE_ENGINE_COUNT, "1.0", &r) == LLMSIZE_ERR_UNKNOWN_ENGINE, "no such engine");
    CHECK(llmsize_find_engine_release("vllm", &e, &r) == LLMSIZE_OK && e == LLMSIZE_ENGINE_VLLM && r == cur, "\"vllm\" alone");
    CHECK(llmsize_find_engine_release("vllm@0.6", &e, &r) == LLMSIZE_OK && e == LLMSIZE_ENGINE_VLLM && !strcmp(r->version, "0.6.0"),
          "vllm@0.6");
    CHECK(llmsize_find_engine_release("vllm@", &e, &r) == LLMSIZE_ERR_UNKNOWN_VERSION && e == LLMSIZE_ENGINE_NONE && r == NULL,
          "vllm@ names no version");
    CHECK(llmsize_find_engine_release("vllm@0.1", &e, &r) == LLMSIZE_ERR_UNKNOWN_VERSION && e == LLMSIZE_ENGINE_NONE, "vllm@0.1");
    CHECK(llmsize_find_engine_release("tgi@2.0", &e, &r) == LLMSIZE_ERR_UNKNOWN_ENGINE && e == LLMSIZE_ENGINE_NONE, "an engine llmsize lacks");
    memset(longname, 'x', sizeof longname - 1); longname[sizeof longname - 1] = '\0';
    CHECK(llmsize_find_engine_release(longname, &e, &r) == LLMSIZE_ERR_UNKNOWN_ENGINE, "a 79-byte engine name");
    {
        llmsize_model m = *model("llama-3.1-8b");   /* 32 heads, 8 KV heads */
        CHECK(llmsize_valid_tp(&m, 8) && llmsize_valid_tp(&m, 16) && !llmsize_valid_tp(&m, 3) && !llmsize_valid_tp(&m, 64),
              "tp 8 and 16 split or replicate 8 KV heads; 3 and 64 do not divide 32 heads");
        m.dims.heads = 0;
        CHECK(!llmsize_valid_tp(&m, 1), "no heads: no split");
        m.dims.heads = 32; m.dims.kv_heads = 0;
        CHECK(!llmsize_valid_tp(&m, 2), "no KV heads: no split");
    }
}

/* ---- 9. uses in text form, and claims against physics ---------------------------------- */
static void test_use_text(void) {
    llmsize_use u;
    static const char *const bad[] = {
        "mau=1e", "mau=1e+", "mau=1e400", "mau=2e18", "mau=-5", "mau=abc", "mau=", "mau", "commercial=1", "revenue=1.5x",
        "profit=3", "mau=1e31",
    };
    size_t i;
    CHECK(llmsize_parse_use(" commercial, eu,  offered", &u) == LLMSIZE_OK && u.commercial && u.eu && u.offered && !u.multimodal,
          "spaces after commas");
    CHECK(llmsize_parse_use("mau=1.5e6,mau_at_release=5E+5,revenue=25e-1", &u) == LLMSIZE_OK && u.mau == 1500000u &&
          u.mau_at_release == 500000u && u.revenue_usd > 2.4999 && u.revenue_usd < 2.5001, "figures with exponents");
    CHECK(llmsize_parse_use("redistribute,,train, ", &u) == LLMSIZE_OK && u.redistribute && u.train_on_outputs, "empty entries");
    CHECK(llmsize_parse_use("", &u) == LLMSIZE_OK && zeroed(&u, sizeof u), "\"\" is no use at all");
    for (i = 0; i < sizeof bad / sizeof bad[0]; ++i)
        CHECK(llmsize_parse_use(bad[i], &u) == LLMSIZE_ERR_PARSE && zeroed(&u, sizeof u), "'%s' is LLMSIZE_ERR_PARSE", bad[i]);
}

static void test_claims(void) {
    const llmsize_model *m = model("llama-3.1-8b");
    llmsize_claim c;
    llmsize_claim_check k;
    llmsize_gpu slow;
    llmsize_model bad;
    memset(&c, 0, sizeof c);
    c.model = m; c.format = format("Q4_K_M");
    c.tps = nan_value();
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_ERR_INVALID_ARG && zeroed(&k, sizeof k), "a NaN speed claim");
    c.tps = -1;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_ERR_INVALID_ARG, "a negative speed claim");
    c.tps = 2e9;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_ERR_INVALID_ARG, "a speed claim past 1e9");
    c.tps = 0;
    bad = *m; bad.dims.hidden = 0; c.model = &bad;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_ERR_INVALID_MODEL, "a claim about an invalid model");
    c.model = m;
    /* an 8B at ~4.9 bits a weight is ~4.9 GB: "2 GB" cannot be, "6 GB" can */
    c.bytes = 2000000000ull;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_OK && !k.bytes_possible && k.bytes_ratio < 0.5 && k.max_tps == 0,
          "a 2 GB footprint for an 8B at Q4_K_M is impossible (ratio %g)", k.bytes_ratio);
    c.bytes = 6000000000ull;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_OK && k.bytes_possible, "6 GB is possible");
    /* 1000 tok/s on one RTX 4090 (1008 GB/s) for ~4.9 GB of weights is past the bandwidth bound */
    c.bytes = 0; c.gpu = gpu("rtx-4090"); c.tps = 1000;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_OK && k.fits_gpu && k.max_tps > 100 && k.max_tps < 1008.0 / 4.5 &&
          !k.tps_possible && k.tps_ratio > 1, "1000 tok/s on an RTX 4090 is impossible (bound %g)", k.max_tps);
    c.tps = 50;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_OK && k.tps_possible, "50 tok/s is possible");
    c.tps = 0;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_OK && k.max_tps > 0 && k.tps_ratio == 0 && !k.tps_possible, "no speed claimed");
    slow = *gpu("rtx-4090"); slow.bw_gbs = 0; c.gpu = &slow; c.tps = 10;
    CHECK(llmsize_check_claim(&c, &k) == LLMSIZE_ERR_INVALID_ARG && zeroed(&k, sizeof k), "hardware without bandwidth");
}


/* ---- 10. selection: every screen and every refusal ------------------------------------ */
static void test_select_screens(void) {
    const llmsize_format *const list[3] = { format("Q4_K_M"), NULL, format("Q8_0") };
    llmsize_select_request q;
    llmsize_candidate out[8];
    size_t n_out = 9, n_cand = 9, i, all;
    llmsize_use use, bad_use;
    const llmsize_engine_release *sg = NULL;

    llmsize_select_request_init(&q);
    CHECK(near(q.min_tps, LLMSIZE_DEFAULT_MIN_TPS) && near(q.max_loss_pct, LLMSIZE_DEFAULT_MAX_LOSS_PCT) && q.tasks == LLMSIZE_DEFAULT_TASKS,
          "select_request_init: the recommendation defaults");
    q.gpu = gpu("rtx-4090"); q.engine = LLMSIZE_ENGINE_LLAMACPP; q.formats = list; q.n_formats = 3;
    /* each malformed request is refused before any model is looked at */
    {
        llmsize_select_request b;
        int k;
        llmsize_find_engine_version(LLMSIZE_ENGINE_SGLANG, NULL, &sg);
        memset(&bad_use, 0, sizeof bad_use); bad_use.revenue_usd = -1;
        for (k = 0; k < 12; ++k) {
            llmsize_status want = LLMSIZE_ERR_INVALID_ARG;
            b = q;
            switch (k) {
            case 0: b.min_tps = nan_value(); break;
            case 1: b.min_tps = -1; break;
            case 2: b.max_loss_pct = nan_value(); break;
            case 3: b.max_loss_pct = -1; break;
            case 4: b.seqs = 1000001u; break;
            case 5: b.gpus = 4097; break;
            case 6: b.engine = LLMSIZE_ENGINE_COUNT; break;
            case 7: b.release = sg; break;   /* an SGLang release for a llama.cpp request */
            case 8: b.tight_pct = 101; break;
            case 9: b.quality_metric = LLMSIZE_METRIC_COUNT; break;
            case 10: b.kv_dtype = LLMSIZE_KV_DTYPE_COUNT; want = LLMSIZE_ERR_UNKNOWN_KV_DTYPE; break;
            case 11: b.use = &bad_use; break;
            default: break;
            }
            n_out = n_cand = 9;
            CHECK(llmsize_select(&b, out, 8, &n_out, &n_cand) == want && n_out == 0 && n_cand == 0, "select refusal %d", k);
        }
    }
    /* cap 0 with no array: counts only */
    CHECK(llmsize_select(&q, NULL, 0, &n_out, &n_cand) == LLMSIZE_OK && n_out == 0 && n_cand > 0, "select with cap 0 counts %u candidates",
          (unsigned)n_cand);
    all = n_cand;
    CHECK(llmsize_select(&q, out, 8, NULL, NULL) == LLMSIZE_OK && out[0].rank == 1, "select without counters");
    /* a NULL entry in the format list is skipped; the chosen formats are from the list */
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_out == 8 && n_cand == all, "select ranks the table");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected)
            CHECK(out[i].format == list[0] || out[i].format == list[2], "select: %s uses a listed format", out[i].model->id);
    /* origin: only French developers (an EU member) may be chosen */
    q.origin_require = "EU";
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand > 0 && n_cand < all, "EU-only: %u candidates", (unsigned)n_cand);
    for (i = 0; i < n_out; ++i) {
        const int eu = !strcmp(out[i].model->country, "FR");
        if (!out[i].rejected) CHECK(eu, "an EU-only candidate from %s", out[i].model->country);
        if (out[i].rejected == LLMSIZE_REJECT_ORIGIN) CHECK(!eu, "%s rejected on origin from %s", out[i].model->id, out[i].model->country);
    }
    q.origin_require = "US, FR";   /* a list, separated by a comma and a space */
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK, "origin US, FR");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(!strcmp(out[i].model->country, "US") || !strcmp(out[i].model->country, "FR"), "US or FR");
    q.origin_require = "";   /* an empty requirement screens nothing */
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand == all, "empty origin requirement");
    q.origin_require = NULL; q.origin_exclude = "CN|AE";
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK, "origin exclusion");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(strcmp(out[i].model->country, "CN") && strcmp(out[i].model->country, "AE"), "CN, AE excluded");
    q.origin_exclude = NULL;
    /* a commercial product offered to users: strict screening takes only unencumbered licences */
    memset(&use, 0, sizeof use); use.commercial = 1; use.offered = 1; use.mau = 1000;
    q.use = &use; q.strict_license = 1;
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand > 0, "strict licence screen");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(out[i].license_verdict == LLMSIZE_VERDICT_ALLOWED, "%s: strict means allowed outright", out[i].model->id);
    q.use = NULL; q.strict_license = 0;
    /* lose no more than Q4_K_M would: every candidate's loss is at most its model's Q4_K_M loss */
    q.max_loss_pct = 0; q.min_format = list[0];
    CHECK(llmsize_select(&q, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand > 0, "min_format floor");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) {
            llmsize_quality mq;
            CHECK(llmsize_quality_of(out[i].model, list[0], &mq) == LLMSIZE_OK && out[i].quality.loss_pct <= mq.loss_pct,
                  "%s: loss within Q4_K_M's", out[i].model->id);
        }
    q.min_format = NULL;
    /* a floor in perplexity: formats measured only in accuracy points do not qualify */
    {
        const llmsize_format *const gpu_list[2] = { format("awq"), format("fp8") };
        llmsize_select_request v = q;
        v.gpu = gpu("h100-sxm"); v.engine = LLMSIZE_ENGINE_VLLM; v.formats = gpu_list; v.n_formats = 2;
        v.max_loss_pct = 50; v.quality_metric = LLMSIZE_METRIC_PPL;
        CHECK(llmsize_select(&v, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand == 0, "AWQ and FP8 publish accuracy, not PPL: %u",
              (unsigned)n_cand);
        for (i = 0; i < n_out; ++i)
            CHECK(out[i].rejected != LLMSIZE_REJECT_NONE, "%s is no candidate under a PPL floor", out[i].model->id);
        v.quality_metric = LLMSIZE_METRIC_ACCURACY;
        CHECK(llmsize_select(&v, out, 8, &n_out, &n_cand) == LLMSIZE_OK && n_cand > 0, "an accuracy floor admits them");
    }
}

/* ---- 11. quality: the searches' edges ------------------------------------------------- */
static void test_quality_edges(void) {
    const llmsize_model *m = model("llama-3.1-8b");
    const llmsize_format *f = NULL;
    const llmsize_format *const tie[3] = { format("Q4_K_L"), NULL, format("Q4_K_M") };
    const llmsize_format *const gguf_only[1] = { format("Q4_K_M") };
    const llmsize_format *const mixed[3] = { format("awq"), format("Q4_K_M"), format("bf16") };
    llmsize_quality q;
    uint64_t bytes = 0;
    llmsize_model nameless;
    /* ties in loss go to fewer bytes: Q4_K_L carries Q4_K_M's figure with Q8_0 embeddings */
    CHECK(llmsize_best_format(m, (uint64_t)1 << 40, tie, 3, &f, NULL) == LLMSIZE_OK && f == tie[2],
          "best_format: equal loss, fewer bytes wins (%s)", f ? f->id : "-");
    CHECK(llmsize_best_format(m, 1000, tie, 3, &f, &q) == LLMSIZE_ERR_UNSUPPORTED && f == NULL && zeroed(&q, sizeof q),
          "best_format: nothing fits 1000 bytes");
    CHECK(llmsize_best_format(m, (uint64_t)1 << 40, NULL, 0, &f, &q) == LLMSIZE_OK && f && q.loss_pct == 0.0,
          "best_format over the table with room for everything: no loss (the reference formats lose none)");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, nan_value(), NULL, 0, &f, &bytes) == LLMSIZE_ERR_INVALID_ARG,
          "smallest_format: NaN loss");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, -1, NULL, 0, &f, &bytes) == LLMSIZE_ERR_INVALID_ARG, "negative loss");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_COUNT, 5, NULL, 0, &f, &bytes) == LLMSIZE_ERR_INVALID_ARG, "no such metric");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, 0, gguf_only, 1, &f, &bytes) == LLMSIZE_ERR_UNSUPPORTED && bytes == 0,
          "no 4-bit type loses nothing");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, 100, mixed, 3, &f, NULL) == LLMSIZE_OK && f == mixed[1],
          "a PPL bound skips AWQ's accuracy figure and takes Q4_K_M");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_NONE, 0, mixed, 3, &f, &bytes) == LLMSIZE_OK && f == mixed[2] && bytes > 0,
          "reference formats always qualify");
    /* a model with no id: the native-format rows name their models, so none applies */
    nameless = *model("gpt-oss-20b"); nameless.id = NULL;
    CHECK(llmsize_quality_of(&nameless, format("mxfp4"), &q) == LLMSIZE_ERR_UNSUPPORTED, "no native figure for a nameless model");
    CHECK(llmsize_quality_of(model("gpt-oss-20b"), format("mxfp4"), &q) == LLMSIZE_OK && q.metric == LLMSIZE_METRIC_NATIVE,
          "gpt-oss is released in MXFP4");
    CHECK(llmsize_quality_of(model("deepseek-v3"), format("bnb-int8"), &q) == LLMSIZE_OK && q.confidence == LLMSIZE_CONF_EXTRAPOLATED &&
          q.loss_high_pct > q.loss_pct, "LLM.int8() above OPT-175B: the nearest size's figure");
    {
        llmsize_model bad = *m; bad.dims.heads = 0;
        CHECK(llmsize_quality_of(&bad, format("Q4_K_M"), &q) == LLMSIZE_ERR_INVALID_MODEL, "quality of an invalid model");
    }
}

/* ---- 12. which table model a file holds ------------------------------------------------ */
static void test_file_models(void) {
    llmsize_file_info fi;
    const llmsize_model *hits[2], *m = NULL;
    size_t n = 0;
    llmsize_params p;
    memset(&fi, 0, sizeof fi);
    fi.has_model = 1; fi.model = *model("llama-3.1-8b");
    /* Llama 3.1 8B's architecture is also Meta-Llama-3-8B's and its fine-tunes' */
    CHECK(llmsize_file_matches(&fi, hits, 1, &n) == LLMSIZE_OK && n >= 3 && hits[0] != NULL, "file_matches counts past cap (%u)", (unsigned)n);
    CHECK(llmsize_file_matches(&fi, NULL, 0, &n) == LLMSIZE_OK && n >= 3, "file_matches with cap 0 counts");
    CHECK(llmsize_file_match(&fi, &m) == LLMSIZE_ERR_AMBIGUOUS && m == NULL, "an unnamed file of a shared architecture is ambiguous");
    strcpy(fi.name, "Hermes 3 Llama 3.1 8B");
    CHECK(llmsize_file_match(&fi, &m) == LLMSIZE_OK && m && !strcmp(m->id, "hermes-3-llama-3.1-8b"), "general.name decides");
    fi.model = *model("deepseek-v3");
    strcpy(fi.name, "DeepSeek-V3 DeepSeek-R1 merge");   /* spells out two rows equally: not guessed */
    CHECK(llmsize_file_match(&fi, &m) == LLMSIZE_ERR_AMBIGUOUS, "a name spelling out two rows");
    fi.name[0] = '\0';
    fi.model.mla.qk_nope_dim += 64;
    CHECK(llmsize_file_match(&fi, &m) == LLMSIZE_ERR_UNKNOWN_MODEL, "another MLA key length is another architecture");
    fi.model = *model("deepseek-v3"); fi.model.mla.v_head_dim += 64;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL && n == 0, "another MLA value width");
    fi.model = *model("deepseek-v3"); fi.model.mla.qk_rope_dim += 64;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "another MLA rope width");
    fi.model = *model("qwen3-30b-a3b"); fi.model.moe.expert_ffn *= 2;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "another expert width");
    fi.model = *model("qwen3-30b-a3b"); fi.model.moe.experts = 64;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "another expert count");
    fi.model = *model("qwen3-30b-a3b"); fi.model.dims.ffn = 12345;   /* converters write an unused dense width */
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_OK, "a dense width the table keeps 0 is not compared");
    fi.model = *model("llama-3.1-8b"); fi.model.dims.ffn = 12345;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "another dense width");
    fi.model = *model("llama-3.1-8b"); fi.model.dims.kv_heads = 4;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "other KV heads");
    fi.model = *model("llama-3.1-8b"); fi.model.dims.head_dim = 64;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_ERR_UNKNOWN_MODEL, "another head width");
    /* safetensors: by the exact parameter count, total or text */
    memset(&fi, 0, sizeof fi);
    CHECK(llmsize_file_match(&fi, &m) == LLMSIZE_ERR_UNKNOWN_MODEL, "no architecture and no count");
    CHECK(llmsize_params_of(model("qwen3-8b"), &p) == LLMSIZE_OK, "qwen3-8b params");
    fi.params.total = p.total;
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_OK && n >= 1, "the exact count finds the model");
    CHECK(llmsize_params_of(model("qwen2.5-vl-7b-instruct"), &p) == LLMSIZE_OK && p.text != p.total, "a VL model's text count");
    fi.params.total = p.text;   /* a text-only export of a VL checkpoint */
    CHECK(llmsize_file_matches(&fi, hits, 2, &n) == LLMSIZE_OK && n >= 1, "the text count finds it too");
}

/* ---- 13. SGLang's memory fraction by release (server_args.py / PR #10975 / memory_hook.py) */
static double sglang_fraction(const char *release, const char *gpu_id, uint32_t tp, const llmsize_gpu *custom) {
    llmsize_plan p, d;
    llmsize_engine e;
    memset(&p, 0, sizeof p);
    p.model = model("llama-3.1-70b"); p.format = format("fp8"); p.gpu = custom ? custom : gpu(gpu_id);
    p.engine = LLMSIZE_ENGINE_SGLANG; p.tp = tp;
    if (llmsize_find_engine_release(release, &e, &p.release) != LLMSIZE_OK) return -1;
    return llmsize_plan_defaults(&p, &d) == LLMSIZE_OK ? d.mem_fraction : -1;
}

static void test_sglang_fraction(void) {
    const double mib_h200 = 150754820096.0 / 1048576.0, mib_4090 = 25757220864.0 / 1048576.0;
    llmsize_gpu small = *gpu("rtx-4090");
    double f;
    /* before 0.5: 0.88 / 0.87 / 0.85 / 0.81 / 0.79 by TP on GPUs up to 80 GiB, else (mem - 13 GiB) / mem */
    CHECK(near(sglang_fraction("sglang@0.4.6", "h100-sxm", 1, NULL), 0.88), "SGLang 0.4 TP1: 0.88");
    CHECK(near(sglang_fraction("sglang@0.4.6", "h100-sxm", 2, NULL), 0.87), "SGLang 0.4 TP2: 0.87");
    CHECK(near(sglang_fraction("sglang@0.4.6", "h100-sxm", 4, NULL), 0.85), "SGLang 0.4 TP4: 0.85");
    CHECK(near(sglang_fraction("sglang@0.4.6", "h100-sxm", 8, NULL), 0.81), "SGLang 0.4 TP8: 0.81");
    CHECK(near(sglang_fraction("sglang@0.4.6", "h100-sxm", 16, NULL), 0.79), "SGLang 0.4 TP16: 0.79");
    f = sglang_fraction("sglang@0.4.6", "h200", 1, NULL);
    CHECK(f > 0 && near(f, (mib_h200 - 13.0 * 1024) / mib_h200), "SGLang 0.4 on an H200: (mem - 13 GiB) / mem (%g)", f);
    /* 0.5.23 tiers, 20-35 GiB cards: a 4096-token chunk, CUDA graphs of 48 (160 from TP4) */
    f = sglang_fraction("sglang@0.5.23", "rtx-4090", 1, NULL);
    CHECK(near(f, (mib_4090 - (512.0 + 4096 * 1.5 + 48 * 2.0 + 1.0 / 8.0 * 1024.0)) / mib_4090), "SGLang 0.5.23 on a 4090, TP1 (%g)", f);
    f = sglang_fraction("sglang@0.5.23", "rtx-4090", 4, NULL);
    CHECK(near(f, (mib_4090 - (512.0 + 4096 * 1.5 + 160 * 2.0 + 4.0 / 8.0 * 1024.0)) / mib_4090), "SGLang 0.5.23 on 4090s, TP4 (%g)", f);
    /* a card smaller than the reserve: half of it */
    small.mem_bytes = (uint64_t)2 << 30;
    CHECK(near(sglang_fraction("sglang@0.5.4", NULL, 1, &small), 0.5), "a 2 GiB card under SGLang 0.5");
}


/* ---- 14. command lines: each engine's flags, forms and environment ------------------- */
static llmsize_status parse(const char *line, const char *const *env, size_t envc, llmsize_parsed *out) {
    static char buf[512];
    const char *argv[24];
    size_t argc = 0;
    char *p;
    strncpy(buf, line, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (p = strtok(buf, " "); p && argc < 24; p = strtok(NULL, " ")) argv[argc++] = p;
    return llmsize_parse_command(argc, argv, envc, env, out);
}

static void test_command_lines(void) {
    llmsize_parsed o;
    const char *env[4];
    const char *const none[1] = { "x" };
    /* engines by program, path and python -m module */
    CHECK(parse("python3 -m vllm.entrypoints.openai.api_server --model meta-llama/Llama-3.1-8B-Instruct", NULL, 0, &o) == LLMSIZE_OK &&
          o.plan.engine == LLMSIZE_ENGINE_VLLM && o.plan.model && !strcmp(o.plan.model->id, "llama-3.1-8b"), "python -m vllm...");
    CHECK(parse("python -m sglang.launch_server --model-path Qwen/Qwen3-8B --tp 2", NULL, 0, &o) == LLMSIZE_OK &&
          o.plan.engine == LLMSIZE_ENGINE_SGLANG && o.plan.tp == 2, "python -m sglang.launch_server");
    CHECK(parse("python -m http.server 8000", NULL, 0, &o) == LLMSIZE_ERR_UNKNOWN_ENGINE, "python -m of no engine");
    CHECK(parse("python serve.py --model x", NULL, 0, &o) == LLMSIZE_ERR_UNKNOWN_ENGINE, "python without -m");
    CHECK(parse("python -m", NULL, 0, &o) == LLMSIZE_ERR_UNKNOWN_ENGINE, "python -m and nothing");
    CHECK(llmsize_parse_command(0, none, 0, NULL, &o) == LLMSIZE_ERR_UNKNOWN_ENGINE, "an empty command line");
    CHECK(parse("/opt/llama/bin/llama-server -m Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", NULL, 0, &o) == LLMSIZE_OK &&
          o.plan.engine == LLMSIZE_ENGINE_LLAMACPP && o.plan.format && !strcmp(o.plan.format->id, "Q4_K_M"), "a program by its path");
    CHECK(parse("trtllm-serve serve meta-llama/Llama-3.1-8B-Instruct --tp_size 2 --pp_size 2 --max_batch_size 64", NULL, 0, &o) ==
          LLMSIZE_OK && o.plan.engine == LLMSIZE_ENGINE_TRTLLM && o.plan.tp == 2 && o.plan.pp == 2 && o.plan.max_seqs == 64,
          "trtllm-serve serve");
    /* vLLM: --quantization names in vLLM's own words */
    CHECK(parse("vllm serve Qwen/Qwen3-8B -q awq_marlin", NULL, 0, &o) == LLMSIZE_OK && o.plan.format &&
          !strcmp(o.plan.format->id, format("awq")->id) && o.format_from == LLMSIZE_FROM_NAME, "-q awq_marlin is AWQ");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --quantization modelopt_fp4", NULL, 0, &o) == LLMSIZE_OK && o.plan.format == format("nvfp4"),
          "modelopt_fp4 is NVFP4");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --quantization bitsandbytes", NULL, 0, &o) == LLMSIZE_OK && o.plan.format == format("bnb-nf4"),
          "bitsandbytes is NF4");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --quantization something_new", NULL, 0, &o) == LLMSIZE_OK && o.plan.format == format("bf16") &&
          o.format_from == LLMSIZE_FROM_CHECKPOINT, "an unknown method leaves the checkpoint's format");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --quantization a_quantization_method_name_past_forty_bytes", NULL, 0, &o) == LLMSIZE_OK &&
          o.plan.format == format("bf16"), "a method name past 40 bytes is not looked up");
    CHECK(parse("vllm serve Qwen/Qwen3-8B -dp 2 --block-size 32 --max-num-seqs 64 --max-num-batched-tokens 16k", NULL, 0, &o) ==
          LLMSIZE_OK && o.plan.dp == 2 && o.plan.block_size == 32 && o.plan.max_seqs == 64 && o.plan.batched_tokens == 16000,
          "vLLM parallel and batching flags (16k = 16000, vLLM's suffixes are decimal)");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --max-model-len auto", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_CONTEXT_AUTO),
          "--max-model-len auto");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --max-model-len 2000000000000", NULL, 0, &o) == LLMSIZE_ERR_PARSE &&
          o.error_flag && !strcmp(o.error_flag, "--max-model-len"), "a context past 2^40 tokens");
    CHECK(parse("vllm serve Qwen/Qwen3-8B -tp 5000000000", NULL, 0, &o) == LLMSIZE_ERR_PARSE, "tp past 32 bits");
    CHECK(parse("vllm serve Qwen/Qwen3-8B --max-num-seqs", NULL, 0, &o) == LLMSIZE_ERR_PARSE && !strcmp(o.error_flag, "--max-num-seqs"),
          "a flag without its value");
    env[0] = "VLLM_USE_FLASHINFER_SAMPLER=0"; env[1] = NULL; env[2] = "UNRELATED=1";
    CHECK(parse("vllm serve Qwen/Qwen3-8B", env, 3, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_NATIVE_SAMPLER) &&
          !(o.plan.flags & LLMSIZE_PLAN_FLASHINFER_SAMPLER), "VLLM_USE_FLASHINFER_SAMPLER=0; a NULL and an unrelated variable skipped");
    env[0] = "VLLM_USE_FLASHINFER_SAMPLER=1";
    CHECK(parse("vllm serve Qwen/Qwen3-8B", env, 1, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_FLASHINFER_SAMPLER),
          "VLLM_USE_FLASHINFER_SAMPLER=1");
    /* llama.cpp: flash attention, layers, cache types, slots */
    CHECK(parse("llama-server -m m.gguf -fa on", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_FLASH_ATTN), "-fa on");
    CHECK(parse("llama-server -m m.gguf -fa 0", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_NO_FLASH_ATTN), "-fa 0");
    CHECK(parse("llama-server -m m.gguf -fa auto", NULL, 0, &o) == LLMSIZE_OK &&
          !(o.plan.flags & (LLMSIZE_PLAN_FLASH_ATTN | LLMSIZE_PLAN_NO_FLASH_ATTN)), "-fa auto: the release's default");
    CHECK(parse("llama-server -m m.gguf --flash-attn=maybe", NULL, 0, &o) == LLMSIZE_ERR_PARSE && !strcmp(o.error_flag, "--flash-attn=maybe"),
          "-fa maybe");
    CHECK(parse("llama-server -m m.gguf -fa", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_FLASH_ATTN), "a bare -fa last");
    CHECK(parse("llama-server -m m.gguf -ngl auto", NULL, 0, &o) == LLMSIZE_OK && !(o.plan.flags & LLMSIZE_PLAN_GPU_LAYERS), "-ngl auto");
    CHECK(parse("llama-server -m m.gguf -ngl -1", NULL, 0, &o) == LLMSIZE_OK && !(o.plan.flags & LLMSIZE_PLAN_GPU_LAYERS),
          "-ngl -1 is every layer");
    CHECK(parse("llama-server -m m.gguf --n-gpu-layers=-1", NULL, 0, &o) == LLMSIZE_OK && !(o.plan.flags & LLMSIZE_PLAN_GPU_LAYERS),
          "--n-gpu-layers=-1 is every layer");
    CHECK(parse("llama-server -m m.gguf -ngl 20", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_GPU_LAYERS) &&
          o.plan.gpu_layers == 20, "-ngl 20");
    CHECK(parse("llama-server -m m.gguf -ngl some", NULL, 0, &o) == LLMSIZE_ERR_PARSE, "-ngl some");
    CHECK(parse("llama-server -m m.gguf -c 0", NULL, 0, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_CONTEXT_MODEL) &&
          o.plan.context == 0, "-c 0 is the model's training context");
    CHECK(parse("llama-server -m m.gguf -ncmoe 0", NULL, 0, &o) == LLMSIZE_OK && o.plan.cpu_moe_layers == 0, "--n-cpu-moe 0");
    CHECK(parse("llama-server -m m.gguf -ncmoe 10 -ub 256", NULL, 0, &o) == LLMSIZE_OK && o.plan.cpu_moe_layers == 10 &&
          o.plan.ubatch == 256, "--n-cpu-moe 10, -ub 256");
    CHECK(parse("llama-server -m m.gguf -np 0", NULL, 0, &o) == LLMSIZE_ERR_PARSE, "-np 0");
    CHECK(parse("llama-server -m m.gguf -ctk q8_0 -ctv q4_0", NULL, 0, &o) == LLMSIZE_OK && o.plan.kv_dtype == LLMSIZE_KV_Q8_0,
          "K and V share one dtype: the larger");
    CHECK(parse("llama-server -m m.gguf -ctv q5_1", NULL, 0, &o) == LLMSIZE_OK && o.plan.kv_dtype == LLMSIZE_KV_Q5_1, "-ctv alone");
    CHECK(parse("llama-server -m m.gguf -ctk bogus", NULL, 0, &o) == LLMSIZE_ERR_PARSE, "-ctk bogus");
    CHECK(parse("llama-server -m m.gguf -np 4 -c 16384", NULL, 0, &o) == LLMSIZE_OK && o.plan.seqs == 4 && o.plan.context == 4096,
          "-c is shared by -np slots: 4096 each");
    CHECK(parse("llama-server -m m.gguf -np 4 -c 16384 -kvu", NULL, 0, &o) == LLMSIZE_OK && o.plan.context == 16384,
          "--kv-unified: each slot may fill -c");
    CHECK(parse("llama-server -hf bartowski/Meta-Llama-3.1-8B-Instruct-GGUF -hff Meta-Llama-3.1-8B-Instruct-Q5_K_M.gguf", NULL, 0, &o) ==
          LLMSIZE_OK && o.plan.format == format("Q5_K_M") && o.format_from == LLMSIZE_FROM_NAME, "-hff names the file type");
    CHECK(parse("llama-server -hf bartowski/Meta-Llama-3.1-8B-Instruct-GGUF -hff model.gguf", NULL, 0, &o) == LLMSIZE_OK &&
          o.plan.format == format("Q4_K_M") && o.format_from == LLMSIZE_FROM_DEFAULT, "-hff naming no type: -hf's default");
    /* Ollama: OLLAMA_* variables */
    env[0] = "OLLAMA_FLASH_ATTENTION=true"; env[1] = "OLLAMA_KV_CACHE_TYPE=q8_0"; env[2] = "NOEQUALS";
    CHECK(parse("ollama run llama3.1:8b", env, 3, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_FLASH_ATTN) &&
          o.plan.kv_dtype == LLMSIZE_KV_Q8_0, "OLLAMA_FLASH_ATTENTION=true with a q8_0 cache");
    env[0] = "OLLAMA_FLASH_ATTENTION=false";
    CHECK(parse("ollama run llama3.1:8b", env, 2, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_NO_FLASH_ATTN) &&
          o.plan.kv_dtype == LLMSIZE_KV_F16, "without flash attention Ollama ignores OLLAMA_KV_CACHE_TYPE");
    env[0] = "OLLAMA_FLASH_ATTENTION=0"; env[1] = "OLLAMA_KV_CACHE_TYPE=";
    CHECK(parse("ollama serve", env, 2, &o) == LLMSIZE_OK && (o.plan.flags & LLMSIZE_PLAN_NO_FLASH_ATTN) && o.plan.kv_dtype == LLMSIZE_KV_F16,
          "OLLAMA_FLASH_ATTENTION=0, an empty cache type");
    env[0] = "OLLAMA_FLASH_ATTENTION=maybe";
    CHECK(parse("ollama serve", env, 1, &o) == LLMSIZE_OK && !(o.plan.flags & (LLMSIZE_PLAN_FLASH_ATTN | LLMSIZE_PLAN_NO_FLASH_ATTN)),
          "OLLAMA_FLASH_ATTENTION=maybe sets neither");
    env[0] = "OLLAMA_NUM_PARALLEL=0";
    CHECK(parse("ollama serve", env, 1, &o) == LLMSIZE_ERR_PARSE && !strcmp(o.error_flag, "OLLAMA_NUM_PARALLEL=0"), "OLLAMA_NUM_PARALLEL=0");
    env[0] = "OLLAMA_KV_CACHE_TYPE=q3_k";
    CHECK(parse("ollama serve", env, 1, &o) == LLMSIZE_ERR_PARSE, "a cache type Ollama lacks");
}

/* ---- 15. config.json readings (transformers' modeling files) ------------------------ */
static llmsize_status hf(const char *json, llmsize_model *m) { return llmsize_model_from_hf_config(json, strlen(json), m); }

static void test_hf_configs(void) {
    llmsize_model m;
    char *big;
    const size_t big_n = ((size_t)1 << 24) + 1;
    /* Falcon-7B (tiiuae/falcon-7b config.json, which leaves the FFN width 4 x hidden implicit:
       stated here as newer Falcon configs do): multi_query is one KV head */
    CHECK(hf("{\"model_type\":\"falcon\",\"vocab_size\":65024,\"hidden_size\":4544,\"n_layer\":32,\"n_head\":71,"
             "\"ffn_hidden_size\":18176,\"multi_query\":true,\"parallel_attn\":true}", &m) == LLMSIZE_OK && m.dims.kv_heads == 1 && m.dims.heads == 71 &&
          m.dims.head_dim == 64, "Falcon-7B: multi_query is one KV head (kv %u)", m.dims.kv_heads);
    /* a layer_types list: full every 6th (Gemma 3) */
    CHECK(hf("{\"model_type\":\"gemma3_text\",\"vocab_size\":262144,\"hidden_size\":1152,\"num_hidden_layers\":6,"
             "\"num_attention_heads\":4,\"num_key_value_heads\":1,\"head_dim\":256,\"intermediate_size\":6912,"
             "\"max_position_embeddings\":32768,\"sliding_window\":512,\"layer_types\":[\"sliding_attention\",\"sliding_attention\","
             "\"sliding_attention\",\"sliding_attention\",\"sliding_attention\",\"full_attention\"]}", &m) == LLMSIZE_OK &&
          m.attn.kind == LLMSIZE_ATTN_SLIDING && m.attn.window == 512 && m.attn.global_every == 6, "layer_types: full every 6th");
    CHECK(hf("{\"model_type\":\"gemma3_text\",\"vocab_size\":262144,\"hidden_size\":1152,\"num_hidden_layers\":2,"
             "\"num_attention_heads\":4,\"num_key_value_heads\":1,\"head_dim\":256,\"intermediate_size\":6912,"
             "\"max_position_embeddings\":32768,\"sliding_window\":512,\"layer_types\":[\"sliding_attention\",\"sliding_attention\"]}",
             &m) == LLMSIZE_OK && m.attn.kind == LLMSIZE_ATTN_SLIDING && m.attn.global_every == 0, "every layer sliding");
    CHECK(hf("{\"model_type\":\"qwen2\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128,\"max_position_embeddings\":4096,\"sliding_window\":4096,"
             "\"layer_types\":[\"full_attention\",\"full_attention\"]}", &m) == LLMSIZE_OK && m.attn.kind == LLMSIZE_ATTN_FULL,
          "layer_types all full: no local layers");
    /* Gemma 2: the family's pattern (every 2nd layer global) when the config states none */
    CHECK(hf("{\"model_type\":\"gemma2\",\"vocab_size\":256000,\"hidden_size\":2304,\"num_hidden_layers\":26,"
             "\"num_attention_heads\":8,\"num_key_value_heads\":4,\"head_dim\":256,\"intermediate_size\":9216,"
             "\"max_position_embeddings\":8192,\"sliding_window\":4096}", &m) == LLMSIZE_OK &&
          m.attn.kind == LLMSIZE_ATTN_SLIDING && m.attn.global_every == 2, "Gemma 2: every 2nd layer global");
    /* the multimodal form: text_config's model_type wins */
    CHECK(hf("{\"model_type\":\"llava\",\"text_config\":{\"model_type\":\"qwen2\",\"vocab_size\":1000,\"hidden_size\":64,"
             "\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128}}", &m) == LLMSIZE_OK &&
          (m.flags & LLMSIZE_F_QKV_BIAS), "text_config's model_type (qwen2: q/k/v biases)");
    /* attention_bias: q/k/v and o in Llama; q/k/v alone in GLM-4 (modeling_glm4.py) */
    CHECK(hf("{\"model_type\":\"llama\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128,\"attention_bias\":true}", &m) == LLMSIZE_OK &&
          (m.flags & LLMSIZE_F_QKV_BIAS) && (m.flags & LLMSIZE_F_O_BIAS), "llama attention_bias: q/k/v and o");
    CHECK(hf("{\"model_type\":\"glm4\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128,\"attention_bias\":true}", &m) == LLMSIZE_OK &&
          (m.flags & LLMSIZE_F_QKV_BIAS) && !(m.flags & LLMSIZE_F_O_BIAS), "glm4 attention_bias: q/k/v alone");
    /* use_qk_norm: over all heads in Command R+ (modeling_cohere.py), over head_dim elsewhere */
    CHECK(hf("{\"model_type\":\"cohere\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128,\"use_qk_norm\":true}", &m) == LLMSIZE_OK && (m.flags & LLMSIZE_F_QK_NORM_FULL),
          "cohere use_qk_norm: full");
    CHECK(hf("{\"model_type\":\"llama\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128,\"use_qk_norm\":true}", &m) == LLMSIZE_OK && (m.flags & LLMSIZE_F_QK_NORM) &&
          !(m.flags & LLMSIZE_F_QK_NORM_FULL), "use_qk_norm elsewhere: per head");
    /* encoders: NomicBERT states its biases; a classifier's labels from num_labels, id2label, else 2 */
    CHECK(hf("{\"model_type\":\"nomic_bert\",\"architectures\":[\"NomicBertModel\"],\"vocab_size\":30528,\"n_embd\":768,"
             "\"n_layer\":12,\"n_head\":12,\"n_inner\":3072,\"n_positions\":8192,\"type_vocab_size\":2,"
             "\"qkv_proj_bias\":false,\"mlp_fc1_bias\":false}", &m) == LLMSIZE_OK &&
          !(m.flags & (LLMSIZE_F_QKV_BIAS | LLMSIZE_F_O_BIAS | LLMSIZE_F_MLP_BIAS)), "NomicBERT without biases");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"max_position_embeddings\":514,\"id2label\":{\"0\":\"a\",\"1\":\"b\",\"2\":\"c\"}}", &m) == LLMSIZE_OK &&
          m.enc.head == LLMSIZE_HEAD_CLASSIFIER && m.enc.labels == 3, "labels from id2label (%u)", m.enc.labels);
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"max_position_embeddings\":514}", &m) == LLMSIZE_OK && m.enc.labels == 2, "no labels stated: 2");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"max_position_embeddings\":514,\"id2label\":[\"a\",\"b\"]}", &m) == LLMSIZE_OK && m.enc.labels == 2,
          "id2label that is not an object counts nothing");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"id2label\":{\"0\" \"a\"}}", &m) == LLMSIZE_ERR_PARSE, "a malformed id2label is malformed JSON");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"id2label\":{\"0\":}}", &m) == LLMSIZE_ERR_PARSE, "an id2label member without a value");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"],\"vocab_size\":1000,"
             "\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128,"
             "\"id2label\":{}}", &m) == LLMSIZE_OK && m.enc.labels == 2, "an empty id2label: 2");
    CHECK(hf("{\"model_type\":\"llama\",\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":-128}", &m) == LLMSIZE_ERR_PARSE && zeroed(&m, sizeof m), "a negative size");
    CHECK(hf("{\"model_type\":\"llama\",\"vocab_size\":+1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
             "\"intermediate_size\":128}", &m) == LLMSIZE_OK && m.dims.vocab == 1000, "a number with a plus sign");
    big = (char *)malloc(big_n);
    if (big) {
        memset(big, ' ', big_n);
        big[0] = '{'; big[big_n - 1] = '}';
        CHECK(llmsize_model_from_hf_config(big, big_n, &m) == LLMSIZE_ERR_INVALID_ARG, "a config past 16 MiB");
        free(big);
    }
    CHECK(llmsize_model_from_hf_config(NULL, 2, &m) == LLMSIZE_ERR_NULL && llmsize_model_from_hf_config("{}", 2, NULL) == LLMSIZE_ERR_NULL,
          "config NULL");
}

/* ---- 16. licence terms, one clause at a time (a record built for the test) ------------ */
static void test_license_clauses(void) {
    llmsize_license l;
    llmsize_use u;
    llmsize_license_result r;
    llmsize_model m = *model("llama-3.1-8b");
    char ids[400];
    int k;
    memset(&l, 0, sizeof l);
    l.id = "test-licence"; l.name = "a licence built for the test";
    memset(&u, 0, sizeof u);
    u.commercial = 1;
    /* commercial: unknown never lets a use through; no is a refusal */
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "commercial term not read");
    l.commercial = LLMSIZE_TERM_NO;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED, "commercial use refused");
    l.commercial = 7;   /* not an llmsize_term */
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "a term of no known value");
    l.commercial = LLMSIZE_TERM_YES;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED, "commercial use allowed");
    /* a gate of no known kind is ignored; an unknown revenue is refused before any term */
    l.mau_limit = 100; l.mau_gate = LLMSIZE_GATE_DISPLAY + 1; u.mau = 1000;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED, "a gate of no kind");
    l.mau_gate = LLMSIZE_GATE_NONE;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED, "a threshold without a gate");
    u.revenue_usd = nan_value();
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_ERR_INVALID_ARG && zeroed(&r, sizeof r), "revenue NaN");
    memset(&u, 0, sizeof u);
    /* training on outputs */
    u.train_on_outputs = 1; u.commercial = 1;
    l.outputs = LLMSIZE_OUTPUTS_RESEARCH_ONLY;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED, "research-only outputs, commercial");
    u.commercial = 0;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED, "research-only outputs, research");
    l.outputs = 99;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "an outputs rule of no kind");
    l.outputs = LLMSIZE_OUTPUTS_NAME_AND_CREDIT; l.display = NULL;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS &&
          r.n_obligations == 0, "name and credit without a display text: no display duty listed");
    l.display = "Built with Test"; l.naming_rule = "prefix the name";
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.n_obligations >= 2, "name and credit: naming and display duties");
    l.outputs = LLMSIZE_OUTPUTS_FREE; l.display = NULL; l.naming_rule = NULL;
    /* redistribution */
    memset(&u, 0, sizeof u); u.redistribute = 1;
    l.redistribution = LLMSIZE_TERM_NO;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED, "redistribution refused");
    l.redistribution = LLMSIZE_TERM_UNKNOWN;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "redistribution not read");
    l.redistribution = LLMSIZE_TERM_YES;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED && r.n_obligations == 0,
          "redistribution allowed, no notice to carry");
    /* the EU clause: a multimodal model, or the use's flag when no model is given */
    memset(&u, 0, sizeof u); u.eu = 1; u.multimodal = 1;
    l.eu_multimodal = LLMSIZE_TERM_NO;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED && r.n_reasons == 1,
          "no territorial restriction");
    l.eu_multimodal = LLMSIZE_TERM_UNKNOWN;
    CHECK(llmsize_license_terms(&l, NULL, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "territorial terms not read");
    CHECK(llmsize_license_terms(&l, &m, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED,
          "a text-only model has nothing to lose under the EU clause");
    /* a model's licences are '+'-joined; each is checked, the findings capped, the verdict kept */
    memset(&u, 0, sizeof u); u.commercial = 1;
    ids[0] = '\0';
    for (k = 0; k < 30; ++k) strcat(ids, k ? "+mit" : "mit");
    m.license = ids;
    CHECK(llmsize_license_check(&m, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_ALLOWED && r.n_reasons == LLMSIZE_MAX_FINDINGS,
          "30 licences: %u findings kept", r.n_reasons);
    m.license = "mit+cc-by-nc-4.0";
    CHECK(llmsize_license_check(&m, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED, "the worst licence decides");
    m.license = "a-licence-id-far-longer-than-any-id-of-the-table-sixty-four-bytes-or-more";
    CHECK(llmsize_license_check(&m, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN, "an id past 63 bytes is unknown");
    m.license = NULL;
    CHECK(llmsize_license_check(&m, &u, &r) == LLMSIZE_OK && r.verdict == LLMSIZE_VERDICT_UNKNOWN && r.n_reasons == 1,
          "a licence not recorded");
}

/* ---- 17. the solvers' refusals -------------------------------------------------------- */
static void test_solver_edges(void) {
    const llmsize_format *const two[2] = { format("Q4_K_M"), format("Q8_0") };
    llmsize_plan p;
    const llmsize_format *f = NULL;
    const llmsize_model *lm = NULL;
    llmsize_quality q;
    llmsize_model bad;
    uint32_t seqs = 0;
    memset(&p, 0, sizeof p);
    p.model = model("llama-3.1-8b"); p.format = format("Q4_K_M"); p.gpu = gpu("rtx-4090"); p.engine = LLMSIZE_ENGINE_LLAMACPP;
    CHECK(llmsize_plan_best_format(&p, nan_value(), NULL, 0, &f, &q) == LLMSIZE_ERR_INVALID_ARG, "best_format: NaN tok/s");
    CHECK(llmsize_plan_best_format(&p, -1, NULL, 0, &f, &q) == LLMSIZE_ERR_INVALID_ARG, "best_format: negative tok/s");
    CHECK(llmsize_plan_best_format(&p, 2e9, NULL, 0, &f, &q) == LLMSIZE_ERR_INVALID_ARG, "best_format: 2e9 tok/s");
    bad = *p.model; bad.dims.vocab = 0; p.model = &bad;
    CHECK(llmsize_plan_best_format(&p, 0, NULL, 0, &f, &q) == LLMSIZE_ERR_INVALID_MODEL, "best_format: an invalid model");
    p.model = model("llama-3.1-8b");
    CHECK(llmsize_plan_best_format(&p, 1e6, two, 2, &f, &q) == LLMSIZE_ERR_UNSUPPORTED && f == NULL, "nothing decodes 1e6 tok/s");
    CHECK(llmsize_plan_min_gpus(&p, 0, &seqs) == LLMSIZE_ERR_INVALID_ARG && llmsize_plan_min_gpus(&p, 4097, &seqs) == LLMSIZE_ERR_INVALID_ARG,
          "min_gpus: 0 or past 4096");
    /* the whole table on one small card: the largest that fits in some format */
    {
        llmsize_gpu tiny = *gpu("rtx-4090");
        tiny.mem_bytes = 1u << 20;
        p.gpu = &tiny;
        CHECK(llmsize_largest_model(&p, two, 2, &lm, &f) == LLMSIZE_ERR_UNSUPPORTED && lm == NULL && f == NULL, "nothing fits 1 MiB");
        p.gpu = gpu("rtx-4090");
    }
    /* a plan whose format cannot run under its engine still counts its sequences */
    p.engine = LLMSIZE_ENGINE_NONE; p.format = format("bf16"); p.context = 1024;
    CHECK(llmsize_plan_max_seqs(&p, &seqs) == LLMSIZE_OK && seqs > 0, "max_seqs of an 8B in BF16 on a 4090 at 1K: %u", seqs);
    p.model = model("smollm2-135m"); p.context = 1; p.gpu = gpu("b200");   /* ~23 KB of KV a sequence */
    CHECK(llmsize_plan_max_seqs(&p, &seqs) == LLMSIZE_OK && seqs == 1000000u, "a 135M model at 1 token on a B200: the plan limit of 1e6 (%u)",
          seqs);
}


/* ---- 18. engines' defaults and rules by release --------------------------------------- */
static void test_engine_rules(void) {
    llmsize_plan p, d;
    llmsize_plan_result r;
    llmsize_engine e;
    llmsize_model m;
    llmsize_gpu slow;
    llmsize_resolution res;
    const llmsize_format *f = NULL;
    memset(&p, 0, sizeof p);
    p.model = model("llama-3.1-8b"); p.format = format("Q4_K_M"); p.gpu = gpu("rtx-4090"); p.engine = LLMSIZE_ENGINE_LLAMACPP;
    /* llama.cpp before automatic flash attention: a quantized V cache needs the flash kernel
       (llama.cpp: "V cache quantization requires flash_attn"); cells then pad to 256 */
    CHECK(llmsize_find_engine_release("llamacpp@b6000", &e, &p.release) == LLMSIZE_OK, "llama.cpp b6000");
    p.kv_dtype = LLMSIZE_KV_Q8_0;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.cache_cells % 256 == 0, "q8_0 V cache on b6000: flash attention's padding (%llu cells)",
          (unsigned long long)r.cache_cells);
    p.flags = LLMSIZE_PLAN_NO_FLASH_ATTN;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_ERR_UNSUPPORTED, "-fa off with a q8_0 V cache is refused");
    p.flags = 0; p.kv_dtype = LLMSIZE_KV_F16; p.release = NULL;
    /* -c 0: the model's training context; a model without one: 8192 */
    p.flags = LLMSIZE_PLAN_CONTEXT_MODEL; p.seqs = 1;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.context == p.model->dims.max_ctx, "-c 0 is Llama 3.1's 131072 (%llu)",
          (unsigned long long)d.context);
    m = *p.model; m.dims.max_ctx = 0; p.model = &m;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.context == LLMSIZE_DEFAULT_CONTEXT, "a model without max_ctx: 8192");
    p.model = model("llama-3.1-8b"); p.flags = 0; p.seqs = 0;
    /* gpus = tp x pp x dp: 4 GPUs with pp 2 are tp 2 */
    p.engine = LLMSIZE_ENGINE_VLLM; p.format = format("bf16"); p.gpu = gpu("h100-sxm"); p.gpus = 4; p.pp = 2;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.tp == 2 && d.pp == 2 && d.gpus == 4, "4 GPUs at pp 2: tp 2");
    p.gpus = 0; p.pp = 0;
    /* vLLM 0.9 gives A100s the small batch defaults by name; a GPU described without a name is
       none: a GPU of 70 GiB or more, 8192 batched tokens */
    {
        llmsize_gpu nameless = *gpu("h100-sxm");
        llmsize_plan v = p;
        nameless.name = NULL;
        v.gpu = &nameless;
        CHECK(llmsize_find_engine_release("vllm@0.9.2", &e, &v.release) == LLMSIZE_OK && llmsize_plan_defaults(&v, &d) == LLMSIZE_OK &&
              d.batched_tokens == 8192, "vLLM 0.9 on a nameless 80 GB GPU: 8192 batched tokens (%llu)", (unsigned long long)d.batched_tokens);
    }
    /* Ollama 0.15.5 picks the context by the GPUs' total memory: 4096 below 23 GiB, 32768 from 23 GiB */
    p.engine = LLMSIZE_ENGINE_OLLAMA; p.format = format("Q4_K_M"); p.gpu = gpu("rtx-4080");
    CHECK(llmsize_find_engine_release("ollama@0.15.5", &e, &p.release) == LLMSIZE_OK, "ollama 0.15.5");
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.context == 4096, "one 16 GiB card: 4096 (%llu)", (unsigned long long)d.context);
    p.gpus = 2;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.context == 32768, "two 16 GiB cards: 32768 (%llu)", (unsigned long long)d.context);
    p.gpus = 0;
    /* Ollama before 0.10: default_seqs slots when the model then fits whole, else one */
    CHECK(llmsize_find_engine_release("ollama@0.5.4", &e, &p.release) == LLMSIZE_OK && p.release->default_seqs > 1, "ollama 0.5.4");
    p.gpu = gpu("rtx-4090");
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.seqs == p.release->default_seqs, "an 8B fits whole: %u slots", r.seqs);
    p.model = model("llama-3.1-70b");
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.seqs == 1, "a 70B does not: one slot (%u)", r.seqs);
    p.model = model("llama-3.1-8b"); p.release = NULL;
    /* no bandwidth known: the plan still sizes, decode speed is 0 = unknown */
    slow = *gpu("rtx-4090"); slow.bw_gbs = 0; p.gpu = &slow; p.engine = LLMSIZE_ENGINE_NONE;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.fits && r.decode_tps == 0.0, "decode_tps 0 = unknown without bandwidth");
    /* the format a deployment loads: a natively MXFP4 checkpoint keeps its experts in MXFP4
       under llama.cpp and Ollama; a 16-bit one runs as Q4_K_M; nothing is made up */
    CHECK(llmsize_resolve("openai/gpt-oss-20b", &res) == LLMSIZE_OK && llmsize_format_for(&res, LLMSIZE_ENGINE_LLAMACPP, &f) == LLMSIZE_OK &&
          f == format("MXFP4_MOE"), "gpt-oss under llama.cpp: MXFP4_MOE");
    CHECK(llmsize_format_for(&res, LLMSIZE_ENGINE_VLLM, &f) == LLMSIZE_OK && f == format("mxfp4"), "gpt-oss under vLLM: its checkpoint");
    CHECK(llmsize_format_for(&res, LLMSIZE_ENGINE_COUNT, &f) == LLMSIZE_ERR_INVALID_ARG && f == NULL, "format_for: no such engine");
    CHECK(llmsize_resolve("meta-llama/Llama-3.1-8B-Instruct", &res) == LLMSIZE_OK &&
          llmsize_format_for(&res, LLMSIZE_ENGINE_OLLAMA, &f) == LLMSIZE_OK && f == format("Q4_K_M"), "a BF16 checkpoint under Ollama");
    res.format = NULL;
    CHECK(llmsize_format_for(&res, LLMSIZE_ENGINE_VLLM, &f) == LLMSIZE_ERR_UNKNOWN_FORMAT, "a resolution without a format");
    res.model = NULL;
    CHECK(llmsize_format_for(&res, LLMSIZE_ENGINE_VLLM, &f) == LLMSIZE_ERR_INVALID_ARG, "a resolution without a model");
    {
        llmsize_parsed o;
        const char *argv[3] = { "vllm", "serve", "someone/Meta-Llama-3.1-8B-Instruct-4bit" };
        CHECK(llmsize_parse_command(3, argv, 0, NULL, &o) == LLMSIZE_OK && o.plan.model && o.plan.format == NULL,
              "a command naming a layout the table lacks: the model, no format");
    }
    {
        llmsize_parsed o;
        const char *argv[14] = { "python", "-m", "sglang.launch_server", "--model-path", "Qwen/Qwen3-8B", "--pp-size", "2",
                                 "--dp-size", "2", "--context-length", "4096", "--mem-fraction-static", "0.8", "--ep" };
        CHECK(llmsize_parse_command(14, argv, 0, NULL, &o) == LLMSIZE_OK && o.plan.pp == 2 && o.plan.dp == 2 && o.plan.context == 4096 &&
              near(o.plan.mem_fraction, 0.8) && (o.plan.flags & LLMSIZE_PLAN_EXPERT_PARALLEL), "SGLang's parallel and memory flags");
        argv[12] = "1.5";
        CHECK(llmsize_parse_command(13, argv, 0, NULL, &o) == LLMSIZE_ERR_PARSE && !strcmp(o.error_flag, "--mem-fraction-static"),
              "a memory fraction of 1.5");
    }
}

/* ---- 19. config.json corners ---------------------------------------------------------- */
static void test_hf_corners(void) {
    llmsize_model m;
    static const char *const malformed[] = {
        "{\"id2label\":{1:\"a\"}}", "{\"id2label\":{\"0\"", "{\"vocab_size\":1e999999}", "{\"layer_types\":[\"sliding_attention\"",
        "{\"vocab_size\":123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
        "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
        "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
        "1234567890123456789012345678901234567890}",
    };
    size_t i;
    for (i = 0; i < sizeof malformed / sizeof malformed[0]; ++i)
        CHECK(hf(malformed[i], &m) == LLMSIZE_ERR_PARSE, "malformed config %u", (unsigned)i);
#define LLAMA_DIMS "\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128"
    /* a window no shorter than the context is no sliding window (Mistral 7B v0.2 configs) */
    CHECK(hf("{\"model_type\":\"mistral\"," LLAMA_DIMS ",\"max_position_embeddings\":4096,\"sliding_window\":4096}", &m) == LLMSIZE_OK &&
          m.attn.kind == LLMSIZE_ATTN_FULL, "window = context: full attention");
    CHECK(hf("{\"model_type\":\"mistral\"," LLAMA_DIMS ",\"sliding_window\":4096}", &m) == LLMSIZE_OK && m.attn.kind == LLMSIZE_ATTN_FULL,
          "a window without a context length: full attention");
    CHECK(hf("{\"model_type\":\"mistral\"," LLAMA_DIMS ",\"max_position_embeddings\":32768,\"sliding_window\":4096,"
             "\"sliding_window_pattern\":6}", &m) == LLMSIZE_OK && m.attn.kind == LLMSIZE_ATTN_SLIDING && m.attn.global_every == 6,
          "sliding_window_pattern 6: every 6th layer global");
    CHECK(hf("{\"model_type\":\"mistral\"," LLAMA_DIMS ",\"max_position_embeddings\":32768,\"sliding_window\":4096,"
             "\"layer_types\":[1,2]}", &m) == LLMSIZE_OK && m.attn.kind == LLMSIZE_ATTN_SLIDING && m.attn.window == 4096,
          "layer_types that are not names are ignored: the window applies");
    CHECK(hf("{\"model_type\":\"llama\"," LLAMA_DIMS ",\"tie_word_embeddings\":null,\"rope_scaling\":{\"factor\":8.0,\"type\":\"llama3\"},"
             "\"flag\":true,\"other\":false,\"extra\":12}", &m) == LLMSIZE_OK && !(m.flags & LLMSIZE_F_TIED_EMBED),
          "null and values of keys llmsize does not read");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"]," LLAMA_DIMS
             ",\"num_labels\":5}", &m) == LLMSIZE_OK && m.enc.labels == 5, "num_labels 5");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":[\"XLMRobertaForSequenceClassification\"]," LLAMA_DIMS
             ",\"id2label\":{\"0\":\"relevant\"}}", &m) == LLMSIZE_OK && m.enc.labels == 1, "one id2label entry: 1 label");
    CHECK(hf("{\"model_type\":\"nomic_bert\",\"architectures\":[\"NomicBertModel\"]," LLAMA_DIMS
             ",\"qkv_proj_bias\":true,\"mlp_fc1_bias\":true}", &m) == LLMSIZE_OK &&
          (m.flags & LLMSIZE_F_QKV_BIAS) && (m.flags & LLMSIZE_F_MLP_BIAS), "NomicBERT stating its biases keeps them");
    {   /* its fused Wqkv then carries one bias of 3 x hidden per layer: 2 layers x 192 more parameters than without */
        llmsize_model nob = m;
        llmsize_params with, without;
        nob.flags &= ~(uint32_t)(LLMSIZE_F_QKV_BIAS | LLMSIZE_F_O_BIAS);
        CHECK(llmsize_params_of(&m, &with) == LLMSIZE_OK && llmsize_params_of(&nob, &without) == LLMSIZE_OK &&
              with.by_component[LLMSIZE_COMPONENT_ATTN] - without.by_component[LLMSIZE_COMPONENT_ATTN] == 2u * (3u * 64u + 64u),
              "fused q/k/v bias (3 x 64) and o bias (64) on 2 layers: %llu", (unsigned long long)(with.by_component[LLMSIZE_COMPONENT_ATTN] -
              without.by_component[LLMSIZE_COMPONENT_ATTN]));
    }
#undef LLAMA_DIMS
}

/* ---- 20. quality searches over lists with holes and malformed formats ----------------- */
static void test_quality_lists(void) {
    const llmsize_model *m = model("llama-3.1-8b");
    llmsize_format broken = *format("Q8_0");
    const llmsize_format *list[3];
    const llmsize_format *f = NULL;
    uint64_t bytes = 0;
    broken.kind = LLMSIZE_FMT_GPU + 1;   /* its quality rows exist; its bytes cannot be counted */
    list[0] = &broken; list[1] = NULL; list[2] = format("Q4_K_M");
    CHECK(llmsize_smallest_format(m, LLMSIZE_METRIC_PPL, 100, list, 3, &f, &bytes) == LLMSIZE_OK && f == list[2],
          "smallest_format skips a format it cannot size and a hole");
    CHECK(llmsize_best_format(m, (uint64_t)1 << 40, list, 3, &f, NULL) == LLMSIZE_OK && f == list[2],
          "best_format skips a format it cannot size");
}


/* ---- 21. margins: vLLM's batch defaults, samplers, selection over several GPUs -------- */
static void test_vllm_and_select_margins(void) {
    llmsize_plan p, d;
    llmsize_plan_result native, flash;
    llmsize_engine e;
    llmsize_select_request q;
    llmsize_candidate out[4];
    size_t n_out = 0, n_cand = 0, i;
    const llmsize_format *const gguf[2] = { format("Q4_K_M"), format("Q8_0") };
    const llmsize_format *const gpu_list[2] = { format("awq"), format("bf16") };
    memset(&p, 0, sizeof p);
    p.model = model("llama-3.1-8b"); p.format = format("bf16"); p.gpu = gpu("h100-sxm"); p.engine = LLMSIZE_ENGINE_VLLM;
    /* V0 (arg_utils.py): chunked prefill of 2048 tokens above 32K context, else one whole
       max_model_len batch of at least 2048 */
    CHECK(llmsize_find_engine_release("vllm@0.6.0", &e, &p.release) == LLMSIZE_OK, "vllm 0.6.0");
    p.context = 65536;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.batched_tokens == 2048, "V0 at 64K: 2048 batched tokens");
    p.context = 16384;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.batched_tokens == 16384, "V0 at 16K: the whole context");
    p.context = 1024;
    CHECK(llmsize_plan_defaults(&p, &d) == LLMSIZE_OK && d.batched_tokens == 2048, "V0 at 1K: at least 2048");
    /* V1 from 0.21 samples with FlashInfer; VLLM_USE_FLASHINFER_SAMPLER=0 sorts the vocabulary
       with PyTorch, a larger profiled peak */
    CHECK(llmsize_find_engine_release("vllm@0.21.0", &e, &p.release) == LLMSIZE_OK, "vllm 0.21.0");
    p.context = 8192; p.max_seqs = 1024; p.batched_tokens = 8192;
    CHECK(llmsize_plan_fit(&p, &flash) == LLMSIZE_OK, "FlashInfer sampler");
    p.flags = LLMSIZE_PLAN_NATIVE_SAMPLER;
    CHECK(llmsize_plan_fit(&p, &native) == LLMSIZE_OK && native.activation_bytes > flash.activation_bytes,
          "the sort sampler's peak (%llu) above FlashInfer's (%llu)", (unsigned long long)native.activation_bytes,
          (unsigned long long)flash.activation_bytes);
    /* selection over 3 GPUs: llama.cpp splits the layers, so a model whose heads do not split
       3 ways is planned (Qwen2.5-72B's 64); a tensor-parallel engine plans only those that do */
    llmsize_select_request_init(&q);
    q.gpu = gpu("rtx-4090"); q.engine = LLMSIZE_ENGINE_LLAMACPP; q.formats = gguf; q.n_formats = 2; q.gpus = 3;
    CHECK(llmsize_select(&q, out, 4, &n_out, &n_cand) == LLMSIZE_OK, "select over 3 GPUs");
    {
        size_t uneven = 0;
        for (i = 0; i < n_out; ++i) uneven += !out[i].rejected && !llmsize_valid_tp(out[i].model, 3);
        CHECK(uneven > 0, "llama.cpp over 3 GPUs plans models whose heads do not split 3 ways (%u of %u)", (unsigned)uneven, (unsigned)n_out);
    }
    q.engine = LLMSIZE_ENGINE_VLLM; q.formats = gpu_list;
    CHECK(llmsize_select(&q, out, 4, &n_out, &n_cand) == LLMSIZE_OK && n_out > 0, "vLLM select over 3 GPUs");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(llmsize_valid_tp(out[i].model, 3), "%s splits over 3 GPUs", out[i].model->id);
    q.engine = LLMSIZE_ENGINE_LLAMACPP; q.formats = gguf;
    /* a format no looser than the floor leaves the floor; a floor of 1 %% holds */
    q.gpus = 2; q.max_loss_pct = 1.0; q.min_format = format("Q2_K");
    CHECK(llmsize_select(&q, out, 4, &n_out, &n_cand) == LLMSIZE_OK, "select with a 1 %% floor and Q2_K");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(out[i].quality.loss_pct <= 1.0, "%s loses at most 1 %%", out[i].model->id);
    /* reference formats always meet a floor, in any scale */
    llmsize_select_request_init(&q);
    q.gpu = gpu("h100-sxm"); q.engine = LLMSIZE_ENGINE_VLLM; q.formats = gpu_list; q.n_formats = 2;
    q.max_loss_pct = 5; q.quality_metric = LLMSIZE_METRIC_PPL;
    CHECK(llmsize_select(&q, out, 4, &n_out, &n_cand) == LLMSIZE_OK && n_cand > 0, "BF16 passes a PPL floor");
    for (i = 0; i < n_out; ++i)
        if (!out[i].rejected) CHECK(out[i].format == gpu_list[1], "%s: AWQ has no PPL figure, BF16 is the reference", out[i].model->id);
}

static void test_hf_subconfigs(void) {
    llmsize_model m;
#define DIMS "\"vocab_size\":1000,\"hidden_size\":64,\"num_hidden_layers\":2,\"num_attention_heads\":4,\"intermediate_size\":128"
    /* another sub-config's sizes and flags are not the text model's */
    CHECK(hf("{\"model_type\":\"llama\"," DIMS ",\"vision_config\":{\"hidden_size\":1280,\"attention_bias\":true,\"qkv\":[1,2]}}", &m) ==
          LLMSIZE_OK && m.dims.hidden == 64 && !(m.flags & LLMSIZE_F_QKV_BIAS), "vision_config stays out of the text model");
    CHECK(hf("{\"model_type\":\"llama\"," DIMS ",\"attention_bias\":[true]}", &m) == LLMSIZE_OK && !(m.flags & LLMSIZE_F_QKV_BIAS),
          "a list is no boolean");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"architectures\":\"XLMRobertaForSequenceClassification\"," DIMS "}", &m) == LLMSIZE_OK &&
          m.enc.head != LLMSIZE_HEAD_CLASSIFIER, "architectures that is not a list is not read");
    /* Phi-3 runs full attention in llama.cpp and vLLM whatever sliding_window says */
    CHECK(hf("{\"model_type\":\"phi3\"," DIMS ",\"max_position_embeddings\":131072,\"sliding_window\":262144}", &m) == LLMSIZE_OK &&
          m.attn.kind == LLMSIZE_ATTN_FULL, "phi3 sliding_window ignored");
    CHECK(hf("{\"model_type\":\"phi3\"," DIMS ",\"max_position_embeddings\":131072,\"sliding_window\":2047}", &m) == LLMSIZE_OK &&
          m.attn.kind == LLMSIZE_ATTN_FULL, "phi3 sliding_window ignored below the context too");
    CHECK(hf("{\"model_type\":\"llama\",\"vocab_size\":-", &m) == LLMSIZE_ERR_PARSE, "a sign and nothing");
    CHECK(hf("{\"model_type\":\"xlm-roberta\",\"id2label\":{\"0\":\"a\"", &m) == LLMSIZE_ERR_PARSE, "id2label cut short");
#undef DIMS
}


/* ---- 22. plans at the edges of memory and numbers ------------------------------------- */
static void test_plan_edges(void) {
    llmsize_plan p;
    llmsize_plan_result r, r0;
    llmsize_engine e;
    llmsize_gpu g;
    llmsize_parsed o;
    llmsize_speed_request sq;
    llmsize_speed_result fp4, fp8;
    memset(&p, 0, sizeof p);
    p.model = model("llama-3.1-8b"); p.format = format("bf16"); p.gpu = gpu("h100-sxm"); p.engine = LLMSIZE_ENGINE_VLLM;
    p.context = 8192;
    /* V0 on a release that still has it (VLLM_USE_V1=0): the refusal is in tokens, max_model_len */
    CHECK(llmsize_find_engine_release("vllm@0.8.0", &e, &p.release) == LLMSIZE_OK, "vllm 0.8.0");
    p.flags = LLMSIZE_PLAN_VLLM_V0; p.gpu = gpu("rtx-4090"); p.context = 131072;   /* 16 GB of BF16 weights, 16 GiB of KV */
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.refused && r.refusal_needed == 131072 &&
          r.refusal_available == r.kv_capacity_tokens, "V0 refuses in tokens: max_model_len %llu against %llu",
          (unsigned long long)r.refusal_needed, (unsigned long long)r.refusal_available);
    p.flags = 0;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.refused && r.refusal_available == r.kv_pool_bytes, "V1 refuses in bytes");
    p.release = NULL; p.gpu = gpu("h100-sxm"); p.context = 8192;
    /* a KV pool past INT64_MAX is no pool anyone logged: the predicted one is used */
    CHECK(llmsize_plan_fit(&p, &r0) == LLMSIZE_OK, "predicted pool");
    p.kv_pool_bytes = ((uint64_t)1 << 63) + 1;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && r.kv_pool_bytes == r0.kv_pool_bytes, "a pool past INT64_MAX is ignored");
    p.kv_pool_bytes = 0;
    /* a GPU smaller than CUDA's own share: the weights cannot load */
    g = *gpu("h100-sxm"); g.mem_bytes = 1u << 20; p.gpu = &g;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_OK && !r.fits && r.outcome == LLMSIZE_OUTCOME_OUT_OF_MEMORY, "1 MiB of GPU: out of memory");
    /* memory past INT64_MAX: an overflow, never a wrapped headroom */
    g.mem_bytes = UINT64_MAX; p.engine = LLMSIZE_ENGINE_NONE;
    CHECK(llmsize_plan_fit(&p, &r) == LLMSIZE_ERR_OVERFLOW && zeroed(&r, sizeof r), "2^64-1 bytes of GPU");
    /* counts with suffixes that do not fit 64 bits, or trail garbage */
    {
        const char *argv[5] = { "vllm", "serve", "Qwen/Qwen3-8B", "--max-num-batched-tokens", "18446744073709551615k" };
        CHECK(llmsize_parse_command(5, argv, 0, NULL, &o) == LLMSIZE_ERR_PARSE, "a count times its suffix past 2^64");
        argv[4] = "16kx";
        CHECK(llmsize_parse_command(5, argv, 0, NULL, &o) == LLMSIZE_ERR_PARSE, "a count with trailing letters");
    }
    /* H100 has no FP4 tensor cores: NVFP4 computes at its FP8 rate */
    memset(&sq, 0, sizeof sq);
    sq.model = model("llama-3.1-8b"); sq.gpu = gpu("h100-sxm"); sq.prompt = 8192;
    sq.format = format("nvfp4");
    CHECK(llmsize_speed(&sq, &fp4) == LLMSIZE_OK, "NVFP4 on H100");
    sq.format = format("fp8");
    CHECK(llmsize_speed(&sq, &fp8) == LLMSIZE_OK && near(fp4.ttft_s, fp8.ttft_s) && fp4.ttft_s > 0,
          "prefill of NVFP4 on an H100 at the FP8 rate (%g s vs %g s)", fp4.ttft_s, fp8.ttft_s);
}

/* Prepared plans: the statuses the API doc names, for every refused argument, and an
   output zeroed on each; an accelerator given per fit is checked as llmsize_plan_check
   checks the plan's. */
static void cov_prepared(void) {
    llmsize_plan p;
    llmsize_prepared pp, zero_pp;
    llmsize_plan_result r, zero_r;
    llmsize_gpu bad;
    memset(&zero_pp, 0, sizeof zero_pp);
    memset(&zero_r, 0, sizeof zero_r);
    memset(&p, 0, sizeof p);
    CHECK(llmsize_prepare(NULL, &pp) == LLMSIZE_ERR_NULL && !memcmp(&pp, &zero_pp, sizeof pp), "prepare(NULL plan)");
    CHECK(llmsize_prepare(&p, NULL) == LLMSIZE_ERR_NULL, "prepare(NULL out)");
    CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_ERR_NULL, "prepare: a plan without a model");
    CHECK(llmsize_find_model("llama-3.1-8b", &p.model) == LLMSIZE_OK && llmsize_find_format("bf16", &p.format) == LLMSIZE_OK &&
          llmsize_find_gpu("h100-sxm", &p.gpu) == LLMSIZE_OK, "rows");
    p.tp = 3;   /* does not divide 32 heads / 8 KV heads */
    CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_ERR_INVALID_ARG && !memcmp(&pp, &zero_pp, sizeof pp), "prepare: a plan plan_check refuses");
    p.tp = 0;
    CHECK(llmsize_prepare(&p, &pp) == LLMSIZE_OK && pp.fast == 1 && pp.plan.context == LLMSIZE_DEFAULT_CONTEXT && pp.tp == 1, "prepare: defaults applied");
    CHECK(llmsize_prepared_fit(NULL, NULL, 0, 0, 0, &r) == LLMSIZE_ERR_NULL, "prepared_fit(NULL)");
    CHECK(llmsize_prepared_fit(&pp, NULL, 0, 0, 0, NULL) == LLMSIZE_ERR_NULL, "prepared_fit(NULL out)");
    CHECK(llmsize_prepared_fit(&zero_pp, NULL, 0, 0, 0, &r) == LLMSIZE_ERR_NULL, "prepared_fit of an unprepared struct");
    CHECK(llmsize_prepared_fit(&pp, NULL, 0, 1000001u, 0, &r) == LLMSIZE_ERR_INVALID_ARG && !memcmp(&r, &zero_r, sizeof r),
          "prepared_fit: more than 1e6 sequences");
    CHECK(llmsize_prepared_fit(&pp, NULL, 0, 0, 4u, &r) == LLMSIZE_ERR_INVALID_ARG, "prepared_fit: an unknown column");
    bad = *p.gpu;
    bad.usable_pct = 0;
    CHECK(llmsize_prepared_fit(&pp, &bad, 0, 0, 0, &r) == LLMSIZE_ERR_INVALID_ARG && !memcmp(&r, &zero_r, sizeof r),
          "prepared_fit: an accelerator with no usable share");
    bad.usable_pct = 101;
    CHECK(llmsize_prepared_fit(&pp, &bad, 0, 0, 0, &r) == LLMSIZE_ERR_INVALID_ARG, "prepared_fit: usable share past 100 %%");
    bad.usable_pct = 90; bad.mem_bytes = 0;
    CHECK(llmsize_prepared_fit(&pp, &bad, 0, 0, 0, &r) == LLMSIZE_ERR_INVALID_ARG, "prepared_fit: no memory");
    pp.plan.gpu = NULL;
    CHECK(llmsize_prepared_fit(&pp, NULL, 0, 0, 0, &r) == LLMSIZE_ERR_NULL, "prepared_fit: no accelerator anywhere");
    /* an 8B in bf16 (16.06 GB) fits an 80 GB H100 at 8192 tokens, not a 16 GB card */
    pp.plan.gpu = p.gpu;
    CHECK(llmsize_prepared_fit(&pp, NULL, 8192, 1, 0, &r) == LLMSIZE_OK && r.fits && r.max_context == 0 && r.decode_tps == 0.0,
          "prepared_fit: the verdict columns only");
    CHECK(llmsize_prepared_fit(&pp, NULL, 8192, 1, LLMSIZE_COLUMN_ALL, &r) == LLMSIZE_OK && r.max_context == 131072 && r.decode_tps > 0,
          "prepared_fit: every column");
}

/* Names: a spelling that differs from the row's only in case still finds it (the index's
   comparison folds case after a byte differs); MLX widths the table lacks name no format. */
static void cov_names_round_two(void) {
    const llmsize_model *m = NULL;
    const llmsize_gpu *g = NULL;
    llmsize_resolution r;
    CHECK(llmsize_find_model("META-LLAMA/LLAMA-3.1-8B-INSTRUCT", &m) == LLMSIZE_OK && m && !strcmp(m->id, "llama-3.1-8b"),
          "a repo in capitals");
    CHECK(llmsize_find_gpu("NVIDIA H100 80GB HBM3", &g) == LLMSIZE_OK && g && !strcmp(g->id, "h100-sxm"), "nvidia-smi name");
    CHECK(llmsize_find_gpu("nvidia h100 80gb hbm3", &g) == LLMSIZE_OK && g && !strcmp(g->id, "h100-sxm"), "nvidia-smi name, lower case");
    CHECK(llmsize_resolve("mlx-community/Qwen3-30B-A3B-mixed_3_6", &r) == LLMSIZE_OK && r.format == NULL &&
          r.format_from == LLMSIZE_FROM_NONE, "MLX mixed widths: no format");
    CHECK(llmsize_resolve("mlx-community/Qwen3-8B-2bit", &r) == LLMSIZE_OK && r.format == NULL, "MLX 2-bit: no format");
}

void test_coverage_paths(void) {
    cov_prepared();
    cov_names_round_two();
    test_names_and_accessors();
    test_result_fields();
    test_null_arguments();
    test_model_rules();
    test_plan_rules();
    test_name_readings();
    test_gpu_readings();
    test_suggest_any_query();
    test_speed_fit_refusals();
    test_weight_refusals();
    test_engine_versions();
    test_use_text();
    test_claims();
    test_select_screens();
    test_quality_edges();
    test_file_models();
    test_sglang_fraction();
    test_command_lines();
    test_hf_configs();
    test_license_clauses();
    test_solver_edges();
    test_engine_rules();
    test_hf_corners();
    test_quality_lists();
    test_vllm_and_select_margins();
    test_hf_subconfigs();
    test_plan_edges();
}
