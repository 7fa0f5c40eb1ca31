/* Names as people write them: the one resolver (llmsize_resolve) against real repo ids,
   Ollama tags, GGUF file names and engine command lines; checkpoints sized as released,
   against their published byte totals and Ollama's registry blobs. */
#include "testing.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *fid(const llmsize_format *f, char *buf, size_t cap) {
    size_t k = 0;
    if (!f) return "-";
    while (f->id[k] && f->id[k] != '|' && k + 1 < cap) { buf[k] = f->id[k]; ++k; }
    buf[k] = '\0';
    return buf;
}

/* ---- 1. the six problems the issue reported, each against the published fact ---- */
static void test_sized_as_released(void) {
    llmsize_resolution r;
    llmsize_weights w;
    const llmsize_model *m;
    /* gpt-oss ships MXFP4 experts: index total_size 65,248,815,744 / 13,761,264,768 bytes
       (https://huggingface.co/openai/gpt-oss-120b, /gpt-oss-20b) */
    CHECK(llmsize_resolve("openai/gpt-oss-120b", &r) == LLMSIZE_OK && r.format && !strcmp(r.format->id, "mxfp4") &&
          r.format_from == LLMSIZE_FROM_CHECKPOINT, "gpt-oss-120b resolves to its MXFP4 checkpoint");
    m = model("gpt-oss-120b");
    CHECK(m && llmsize_weight_bytes(m, llmsize_checkpoint_format(m), &w) == LLMSIZE_OK && w.total == 65248815744ull,
          "gpt-oss-120b checkpoint bytes %llu, published 65248815744", (unsigned long long)w.total);
    m = model("gpt-oss-20b");
    CHECK(m && llmsize_weight_bytes(m, llmsize_checkpoint_format(m), &w) == LLMSIZE_OK && w.total == 13761264768ull,
          "gpt-oss-20b checkpoint bytes %llu, published 13761264768", (unsigned long long)w.total);
    /* DeepSeek-R1 and -V3: FP8 128x128 blocks; the 163 files sum to 688,586,727,753 bytes with
       their headers (11,888,393 bytes), 688,574,839,360 bytes of tensors */
    m = model("deepseek-r1");
    CHECK(m && llmsize_weight_bytes(m, llmsize_checkpoint_format(m), &w) == LLMSIZE_OK &&
          fabs((double)w.total / 688574839360.0 - 1.0) < 1e-6, "DeepSeek-R1 FP8 tensor bytes %llu, published 688574839360",
          (unsigned long long)w.total);
    /* Mistral Small 4: FP8 per tensor; the three model files sum to 120,922,973,936 bytes */
    m = model("mistral-small-4-119b");
    CHECK(m && llmsize_weight_bytes(m, llmsize_checkpoint_format(m), &w) == LLMSIZE_OK &&
          fabs((double)w.total / 120922973936.0 - 1.0) < 1e-5, "Mistral Small 4 FP8 bytes %llu, files 120922973936",
          (unsigned long long)w.total);
    /* Llama 3.1 405B FP8 (Meta): FFN only, first and last layers and attention BF16 (The Llama 3 Herd
       of Models, 6.2). Every layer at FP8 would put it 16 % low. */
    CHECK(llmsize_resolve("meta-llama/Llama-3.1-405B-Instruct-FP8", &r) == LLMSIZE_OK && r.how == LLMSIZE_HOW_RELEASE &&
          !strcmp(r.format->id, "fp8-fbgemm"), "405B FP8 is Meta's layout");
    if (r.model && r.format && llmsize_weight_bytes(r.model, r.format, &w) == LLMSIZE_OK) {
        llmsize_params p;
        llmsize_params_of(r.model, &p);
        const uint64_t wa = w.by_component[LLMSIZE_COMPONENT_ATTN], pa = p.by_component[LLMSIZE_COMPONENT_ATTN];
        CHECK(wa == 2 * pa, "405B FP8 keeps attention in BF16 (%llu bytes for %llu params)", (unsigned long long)wa,
              (unsigned long long)pa);
        CHECK(w.total > 480000000000ull && w.total < 490000000000ull, "405B FP8 %llu bytes", (unsigned long long)w.total);
    }
    /* 3. one resolver: every entry point reads the same names */
    CHECK(llmsize_find_model("Llama-3.1-8B-Instruct", &m) == LLMSIZE_OK && !strcmp(m->id, "llama-3.1-8b"), "Llama-3.1-8B-Instruct");
    CHECK(llmsize_find_model("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", &m) == LLMSIZE_OK && !strcmp(m->id, "llama-3.1-8b"),
          "a bartowski repo through find_model");
    /* 4. Ollama tags as its library serves them (https://ollama.com/library/deepseek-r1/tags):
       deepseek-r1:671b is the 671B model, the bare tag the Qwen3-8B distill, llama3.2 the 3B */
    CHECK(llmsize_resolve_for("deepseek-r1:671b", LLMSIZE_ENGINE_OLLAMA, &r) == LLMSIZE_OK && !strcmp(r.model->id, "deepseek-r1"),
          "deepseek-r1:671b");
    CHECK(llmsize_resolve_for("deepseek-r1", LLMSIZE_ENGINE_OLLAMA, &r) == LLMSIZE_OK && !strcmp(r.model->id, "qwen3-8b"),
          "ollama's deepseek-r1 is DeepSeek-R1-0528-Qwen3-8B");
    CHECK(llmsize_resolve("deepseek-r1", &r) == LLMSIZE_OK && r.how == LLMSIZE_HOW_ID, "outside Ollama deepseek-r1 is the id");
    CHECK(llmsize_resolve("llama3.2", &r) == LLMSIZE_OK && !strcmp(r.model->id, "llama-3.2-3b"), "llama3.2 is the 3B");
    CHECK(llmsize_resolve("llama3.2:1b", &r) == LLMSIZE_OK && !strcmp(r.model->id, "llama-3.2-1b") && !strcmp(r.format->id, "Q8_0"),
          "llama3.2:1b is served at Q8_0");
    CHECK(llmsize_resolve("llama3.2:7b", &r) == LLMSIZE_ERR_UNKNOWN_MODEL && r.model == NULL, "a tag Ollama lacks is no neighbour");
    /* 5. llama-server -hf repo[:quant] */
    CHECK(llmsize_resolve("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q5_K_M", &r) == LLMSIZE_OK &&
          !strcmp(r.format->id, "Q5_K_M") && r.format_from == LLMSIZE_FROM_NAME, "repo:QUANT");
    CHECK(llmsize_resolve("bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", &r) == LLMSIZE_OK && !strcmp(r.format->id, "Q4_K_M") &&
          r.format_from == LLMSIZE_FROM_DEFAULT, "a GGUF repo defaults to llama.cpp's Q4_K_M");
    /* names that must not resolve to a neighbour */
    CHECK(llmsize_resolve("DeepSeek-V3.2", &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "V3.2 is not V3");
    CHECK(llmsize_resolve("microsoft/Phi-4-multimodal-instruct", &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "Phi-4-multimodal is not Phi-4");
    CHECK(llmsize_resolve("Qwen/Qwen2.5-VL-7B-Instruct", &r) == LLMSIZE_OK && !strcmp(r.model->id, "qwen2.5-vl-7b-instruct"),
          "Qwen2.5-VL is its own row, not Qwen2.5");
    CHECK(llmsize_resolve("Qwen/Qwen2.5-Math-7B", &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "Qwen2.5-Math is not Qwen2.5");
    CHECK(llmsize_resolve("mergekit/Llama-3.1-8B-Qwen2.5-7B-slerp", &r) == LLMSIZE_ERR_AMBIGUOUS, "a merge of two models");
    CHECK(llmsize_resolve("unsloth/Qwen3-30B-A3B-GGUF:UD-Q4_K_XL", &r) == LLMSIZE_OK && r.format == NULL &&
          r.format_from == LLMSIZE_FROM_NONE, "a dynamic mix the table lacks leaves the format to the caller");
    {
        const char *s[3];
        const size_t n = llmsize_suggest(LLMSIZE_TABLE_MODELS, "llama3.3", s, 3);
        CHECK(n >= 1 && !strcmp(s[0], "llama-3.3-70b"), "suggestions by tokens: llama3.3 -> %s", n ? s[0] : "none");
    }
}

/* ---- 2. Ollama's registry blobs: the model layer of each tag, exact bytes ---- */
static int n_blobs, n_blob_exact;
static double blob_worst;
static void blob_row(const row_t *r) {
    llmsize_resolution res;
    llmsize_weights w;
    const double want = atof(r->f[1]);
    double err;
    char id[32];
    CHECK(llmsize_resolve_for(r->f[0], LLMSIZE_ENGINE_OLLAMA, &res) == LLMSIZE_OK && res.format, "ollama tag %s resolves", r->f[0]);
    if (!res.model || !res.format || llmsize_weight_bytes(res.model, res.format, &w) != LLMSIZE_OK) return;
    err = (double)w.file_bytes / want - 1.0;
    ++n_blobs;
    if (strcmp(r->f[2], "exact")) return;   /* vision tower inside the blob, or Ollama's own mix: reported in the TSV */
    ++n_blob_exact;
    if (fabs(err) > blob_worst) blob_worst = fabs(err);
    CHECK(fabs(err) <= 0.002, "ollama %s (%s %s): predicted %llu, blob %.0f (%+.3f %%)", r->f[0], res.model->id,
          fid(res.format, id, sizeof id), (unsigned long long)w.file_bytes, want, 100 * err);
}

/* ---- 3. acceptance: names people type, with the expected model and format ---- */
static int n_names, n_resolved, n_wrong, n_expected_fail, n_failed_right;
static void name_row(const row_t *r) {
    llmsize_resolution res;
    llmsize_status st;
    char id[32];
    const int must_fail = !strcmp(r->f[1], "-");
    st = llmsize_resolve_for(r->f[0], !strcmp(r->f[3], "ollama") ? LLMSIZE_ENGINE_OLLAMA : LLMSIZE_ENGINE_NONE, &res);
    ++n_names;
    if (must_fail) {
        ++n_expected_fail;
        CHECK(st != LLMSIZE_OK, "'%s' must not resolve (got %s)", r->f[0], res.model ? res.model->id : "-");
        if (st != LLMSIZE_OK) ++n_failed_right;
        return;
    }
    if (st != LLMSIZE_OK) { printf("  unresolved: %s (%s)\n", r->f[0], llmsize_strerror(st)); return; }
    ++n_resolved;
    if (strcmp(res.model->id, r->f[1]) || strcmp(fid(res.format, id, sizeof id), r->f[2])) {
        ++n_wrong;
        CHECK(0, "'%s': expected %s %s, got %s %s", r->f[0], r->f[1], r->f[2], res.model->id, fid(res.format, id, sizeof id));
    }
}

/* ---- 3b. accelerators as drivers, clusters and people name them ---- */
static int n_gpu_names, n_gpu_wrong;
static void gpu_name_row(const row_t *r) {
    llmsize_gpu_resolution res;
    const llmsize_status st = llmsize_resolve_gpu(r->f[0], &res);
    ++n_gpu_names;
    if (!strcmp(r->f[1], "-")) {
        CHECK(st == LLMSIZE_ERR_UNKNOWN_GPU || st == LLMSIZE_ERR_AMBIGUOUS, "GPU '%s' must not resolve (got %s)", r->f[0],
              res.row ? res.row->id : "-");
        if (st == LLMSIZE_ERR_AMBIGUOUS) {   /* an ambiguous name lists the rows it fits */
            const char *s[3];
            CHECK(llmsize_suggest(LLMSIZE_TABLE_GPUS, r->f[0], s, 3) > 0, "GPU '%s': no suggestions", r->f[0]);
        }
        return;
    }
    CHECK(st == LLMSIZE_OK && res.row && !strcmp(res.row->id, r->f[1]), "GPU '%s': want %s, got %s (%s)", r->f[0], r->f[1],
          res.row ? res.row->id : "-", llmsize_strerror(st));
    if (st != LLMSIZE_OK || !res.row || strcmp(res.row->id, r->f[1])) { ++n_gpu_wrong; return; }
    if (strcmp(r->f[2], "-"))
        CHECK(res.memory_from == LLMSIZE_MEMORY_NAMED && res.gpu.mem_bytes == strtoull(r->f[2], NULL, 10) << 30,
              "GPU '%s': %s GB, got %llu bytes", r->f[0], r->f[2], (unsigned long long)res.gpu.mem_bytes);
    else
        CHECK(res.memory_from == LLMSIZE_MEMORY_ROW && res.gpu.mem_bytes == res.row->mem_bytes, "GPU '%s': the row's memory",
              r->f[0]);
}

static void test_gpus(void) {
    llmsize_gpu a;
    llmsize_gpu_resolution r;
    const char *s[3];
    /* the M3 Max ships at 300 GB/s (30-core GPU, 36 or 96 GB) and 400 GB/s (40-core, 48-128 GB):
       https://support.apple.com/117737; the rows hold the interface's peak, 384 and 512 bits of
       LPDDR5-6400 = 307.2 and 409.6 GB/s */
    CHECK(llmsize_resolve_gpu("M3 Max 36GB", &r) == LLMSIZE_OK && fabs(r.gpu.bw_gbs - 307.2) < 1e-9 && r.gpu.usable_pct == 67,
          "M3 Max 36GB is the 30-core part, 2/3 of its memory for the GPU");
    CHECK(llmsize_resolve_gpu("M3 Max 128GB", &r) == LLMSIZE_OK && fabs(r.gpu.bw_gbs - 409.6) < 1e-9 && r.gpu.usable_pct == 75,
          "M3 Max 128GB is the 40-core part");
    CHECK(llmsize_resolve_gpu("M2 Max", &r) == LLMSIZE_OK && r.memory_choices == 3 && r.memory_from == LLMSIZE_MEMORY_ROW,
          "M2 Max: the row's memory, with three sizes on sale");
    /* the M2 Max ships with a 30- or 38-core GPU on one 512-bit interface (support.apple.com/111340):
       Metal names both "Apple M2 Max", which is the full part; the binned one is named by its
       cores. Same bandwidth, so the same decode; prefill compute 30/38 of the full part's */
    CHECK(llmsize_resolve_gpu("Apple M2 Max", &r) == LLMSIZE_OK && !strcmp(r.row->id, "m2-max-96gb") &&
          strstr(r.gpu.name, "38-core") != NULL, "Apple M2 Max (Metal's name) is the 38-core part, and its name says so");
    {
        llmsize_gpu_resolution b;
        CHECK(llmsize_resolve_gpu("M2 Max 30-core 64GB", &b) == LLMSIZE_OK && !strcmp(b.row->id, "m2-max-30c") &&
              b.gpu.mem_bytes == (uint64_t)64 << 30 && b.gpu.bw_gbs == r.gpu.bw_gbs &&
              fabs(b.gpu.bf16_tflops / r.gpu.bf16_tflops - 30.0 / 38.0) < 1e-3, "M2 Max 30-core 64GB: the binned part, same bandwidth, 30/38 of the compute");
        CHECK(llmsize_resolve_gpu("Apple M1 7-core GPU", &b) == LLMSIZE_OK && !strcmp(b.row->id, "m1-7c"),
              "Apple M1 7-core GPU is the binned M1, not the 8-core one");
        CHECK(llmsize_resolve_gpu("M1 Max 24-core GPU", &b) == LLMSIZE_OK && !strcmp(b.row->id, "m1-max-24c") &&
              llmsize_resolve_gpu("M1 Max 24-core", &b) == LLMSIZE_OK && !strcmp(b.row->id, "m1-max-24c"),
              "M1 Max 24-core GPU, with or without GPU, is the binned M1 Max");
        /* XiongjieDai's LLaMA 3 table writes the hyphen as U+2011 (README.md at 00dd2bde) */
        CHECK(llmsize_resolve_gpu("M1 Max 32\xe2\x80\x91" "Core GPU 64GB", &b) == LLMSIZE_OK && !strcmp(b.row->id, "m1-max-64gb") &&
              b.gpu.mem_bytes == (uint64_t)64 << 30, "M1 Max 32-Core GPU 64GB with a non-breaking hyphen");
    }
    CHECK(llmsize_suggest(LLMSIZE_TABLE_GPUS, "rtx-4900", s, 3) >= 1 && !strcmp(s[0], "rtx-4090"), "rtx-4900 suggests the 4090");
    CHECK(llmsize_describe_gpu(8, 448, 0, LLMSIZE_HW_CONSUMER, &a) == LLMSIZE_OK && a.mem_bytes == (uint64_t)8 << 30 &&
          a.usable_pct == 100 && a.bw_gbs == 448, "a described 8 GiB, 448 GB/s card");
    CHECK(llmsize_describe_gpu(64, 400, 0, LLMSIZE_HW_APPLE, &a) == LLMSIZE_OK && a.usable_pct == 75, "a described Mac");
    CHECK(llmsize_describe_gpu(0, 448, 0, 1, &a) == LLMSIZE_ERR_INVALID_ARG && a.mem_bytes == 0, "no memory");
    CHECK(llmsize_describe_gpu(8, -1, 0, 1, &a) == LLMSIZE_ERR_INVALID_ARG, "negative bandwidth");
    CHECK(llmsize_describe_gpu(8, 448, strtod("nan", NULL), 1, &a) == LLMSIZE_ERR_INVALID_ARG, "NaN compute");
    CHECK(llmsize_describe_gpu(strtod("inf", NULL), 448, 0, 1, &a) == LLMSIZE_ERR_INVALID_ARG, "infinite memory");
    CHECK(llmsize_describe_gpu(8, 448, 0, LLMSIZE_HW_CLASS_COUNT, &a) == LLMSIZE_ERR_INVALID_ARG, "bad class");
    CHECK(llmsize_describe_gpu(2e9, 448, 0, 1, &a) == LLMSIZE_ERR_INVALID_ARG, "memory past 2^30 GiB");
    CHECK(llmsize_describe_gpu(8, 448, 0, 1, NULL) == LLMSIZE_ERR_NULL, "describe NULL out");
    CHECK(llmsize_resolve_gpu(NULL, &r) == LLMSIZE_ERR_NULL && llmsize_resolve_gpu("h100", NULL) == LLMSIZE_ERR_NULL,
          "resolve_gpu NULL");
    CHECK(llmsize_resolve_gpu("M3 Max 99999999999999999999GB", &r) == LLMSIZE_ERR_UNKNOWN_GPU, "an absurd size");
    CHECK(llmsize_resolve_gpu("RTX 3060 8GB", &r) == LLMSIZE_ERR_UNKNOWN_GPU, "a size the card is not sold with");
    CHECK(llmsize_resolve_gpu("A", &r) == LLMSIZE_ERR_UNKNOWN_GPU && llmsize_resolve_gpu("RTX", &r) == LLMSIZE_ERR_UNKNOWN_GPU,
          "one word starts too many names to mean one (go test -fuzz FuzzLookup found \"A\")");
}

/* ---- 4. bad input never crashes or lies ---- */
static void test_names_contracts(void) {
    llmsize_resolution r;
    const llmsize_format *f;
    char long_name[600];
    char many[400];
    size_t i;
    CHECK(llmsize_resolve(NULL, &r) == LLMSIZE_ERR_NULL && r.model == NULL, "resolve NULL name");
    CHECK(llmsize_resolve("llama-3.1-8b", NULL) == LLMSIZE_ERR_NULL, "resolve NULL out");
    CHECK(llmsize_resolve("", &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "resolve empty");
    CHECK(llmsize_resolve_for("llama3.2", 99, &r) == LLMSIZE_ERR_INVALID_ARG, "resolve_for bad engine");
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    CHECK(llmsize_resolve(long_name, &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "resolve a 599-byte name");
    memset(many, '-', sizeof many);
    for (i = 0; i + 2 < sizeof many; i += 2) many[i] = 'a';   /* about 200 tokens */
    many[sizeof many - 1] = '\0';
    CHECK(llmsize_resolve(many, &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "resolve 200 tokens");
    CHECK(llmsize_resolve("\xff\xfe/\x80-GGUF:Q4_K_M", &r) == LLMSIZE_ERR_UNKNOWN_MODEL, "resolve non-ASCII bytes");
    CHECK(llmsize_resolve(":", &r) != LLMSIZE_OK && llmsize_resolve("/", &r) != LLMSIZE_OK && llmsize_resolve("a:b/c:d", &r) != LLMSIZE_OK,
          "resolve separators only");
    CHECK(llmsize_format_for(NULL, 0, &f) == LLMSIZE_ERR_NULL && f == NULL, "format_for NULL");
    memset(&r, 0, sizeof r);
    CHECK(llmsize_format_for(&r, 0, &f) == LLMSIZE_ERR_INVALID_ARG, "format_for without a model");
    CHECK(llmsize_how_name(LLMSIZE_HOW_COUNT) == NULL && llmsize_format_from_name(99) == NULL, "names past the end");
    CHECK(llmsize_release_at(llmsize_release_count()) == NULL && llmsize_ollama_tag_at(llmsize_ollama_tag_count()) == NULL,
          "table iterators past the end");
    CHECK(llmsize_checkpoint_format(NULL) == NULL, "checkpoint format of NULL");
    CHECK(!strcmp(llmsize_strerror(LLMSIZE_ERR_AMBIGUOUS), "the name fits more than one row (name the size, the GPU variant or the repo)"),
          "ambiguous has a message");
}

/* Accelerator rows hold what the device exposes and can do (issue "Hardening, round two"). */
static void test_accelerator_rows(void) {
    CHECK(gpu("a10g") && gpu("a10g")->mem_bytes == 23028ull << 20,
          "A10G: nvidia-smi reports 23028 MiB (NVIDIA/DCGM#232), not 24 GiB");
    CHECK(gpu("rtx-5090") && gpu("rtx-5090")->fp8_tflops > 0, "RTX 5090: consumer Blackwell has FP8 tensor cores");
}

void test_names(void) {
    test_accelerator_rows();
    test_sized_as_released();
    test_gpus();
    each_row("gpu_names.tsv", gpu_name_row);
    printf("names: %d accelerator names, %d wrong\n", n_gpu_names, n_gpu_wrong);
    CHECK(n_gpu_names >= 80 && n_gpu_wrong == 0, "accelerator names: %d, %d wrong", n_gpu_names, n_gpu_wrong);
    test_names_contracts();
    each_row("ollama_blobs.tsv", blob_row);
    printf("names: %d Ollama blobs (%d asserted exact, worst %.3f %%)\n", n_blobs, n_blob_exact, 100 * blob_worst);
    CHECK(n_blob_exact >= 50, "Ollama blobs asserted: %d", n_blob_exact);
    each_row("names.tsv", name_row);
    printf("names: %d real names: %d of %d resolvable resolved (%.1f %%), %d wrong; %d of %d that must fail failed\n",
           n_names, n_resolved, n_names - n_expected_fail, n_names > n_expected_fail ? 100.0 * n_resolved / (n_names - n_expected_fail) : 0.0,
           n_wrong, n_failed_right, n_expected_fail);
    CHECK(n_names >= 400 && n_wrong == 0 && n_resolved * 100 >= 95 * (n_names - n_expected_fail),
          "acceptance: >= 400 names, >= 95 %% resolved, none wrong");
}
