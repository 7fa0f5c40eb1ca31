/* Release-day importer (docs/adding-a-model.md): reads a Hugging Face config.json and,
   optionally, model.safetensors.index.json, and prints a complete llmsize_data.h row with
   every architecture number filled by the library's own config reader
   (llmsize_model_from_hf_config: attention kinds, sliding-window patterns, MoE layout, MLA,
   hybrid linear attention, MTP). It also prints the parameter count the library computes
   and, when the index is given, compares it with the checkpoint's total_size.

     build/import config.json --id qwen3-8b --name Qwen3-8B --repo Qwen/Qwen3-8B \
         --developer "Alibaba Qwen" --country CN --released 2025-04-29 --license apache-2.0 \
         --source "Qwen/Qwen3-8B config.json @ <commit>" [--index model.safetensors.index.json]
         [--published 8190735360 --published-source "HF API safetensors.total"] [--mtp N]
   --index also finds MTP modules from tensor names when config.json does not declare them;
   --mtp N says so by hand (read from the checkpoint's tensor list).

   Identity fields it cannot know (name, developer, licence, dates, sources) come from flags
   and are never guessed: a missing one is printed as a TODO that the data checker rejects. */
#include "llmsize.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f) { perror(path); exit(2); }
    if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) { perror(path); exit(2); }
    buf = (char *)malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "%s: read failed\n", path); exit(2); }
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Multi-token-prediction modules the checkpoint ships, from the index's tensor names
   ("mtp.layers.N." or "model.mtp..."): some configs (Qwen3-Next) do not declare them. */
static unsigned index_mtp_layers(const char *text) {
    const char *p = text;
    unsigned most = 0;
    int any = 0;
    while ((p = strstr(p, "mtp.")) != NULL) {
        any = 1;
        if (!strncmp(p, "mtp.layers.", 11)) {
            unsigned k = (unsigned)strtoul(p + 11, NULL, 10) + 1;
            if (k > most) most = k;
        }
        p += 4;
    }
    return most ? most : (unsigned)any;
}

/* "total_size": N from model.safetensors.index.json's metadata (bytes of all tensors). */
static unsigned long long index_total_size(const char *text) {
    const char *p = strstr(text, "\"total_size\"");
    if (!p || !(p = strchr(p, ':'))) return 0;
    return strtoull(p + 1, NULL, 10);
}

static const char *flag_names[] = { "TIED_EMBED", "QKV_BIAS", "O_BIAS", "MLP_BIAS", "QK_NORM", "QK_NORM_FULL",
                                    "NORM_BIAS", "NONGATED_MLP", "FUSED_QKV", "ATTN_SINKS", "ROUTER_BIAS",
                                    "EXPERT_BIAS", "SHARED_GATE", "ATTN_GATE", "MTP_EMBED", "ENCODER", "FALCON_QUANT", "NO_K_BIAS",
                                    "FUSED_GATE_UP" };
static const char *attn_names[] = { "LLMSIZE_ATTN_FULL", "LLMSIZE_ATTN_SLIDING", "LLMSIZE_ATTN_CHUNKED" };
static const char *head_names[] = { "LLMSIZE_HEAD_LM", "LLMSIZE_HEAD_NONE", "LLMSIZE_HEAD_POOLER",
                                    "LLMSIZE_HEAD_CLASSIFIER", "LLMSIZE_HEAD_MLM" };

static void print_flags(uint32_t flags) {
    size_t i;
    int any = 0;
    for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; ++i)
        if (flags & (1u << i)) { printf("%sLLMSIZE_F_%s", any ? "|" : "", flag_names[i]); any = 1; }
    if (!any) printf("0");
}

static void print_modalities(uint32_t m) {
    static const char *names[] = { "TEXT", "IMAGE", "AUDIO", "VIDEO" };
    size_t i;
    int any = 0;
    for (i = 0; i < 4; ++i)
        if (m & (1u << i)) { printf("%sLLMSIZE_MOD_%s", any ? "|" : "", names[i]); any = 1; }
    if (!any) printf("LLMSIZE_MOD_TEXT");
}

static const char *arg(int argc, char **argv, const char *flag) {
    int i;
    for (i = 1; i + 1 < argc; ++i) if (!strcmp(argv[i], flag)) return argv[i + 1];
    return NULL;
}
static const char *or_todo(const char *s) { return s ? s : "TODO"; }

int main(int argc, char **argv) {
    llmsize_model m;
    llmsize_params p;
    llmsize_status st;
    size_t len;
    char *json;
    const char *index = arg(argc, argv, "--index"), *published = arg(argc, argv, "--published");
    unsigned long long total_size = 0;
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: import CONFIG.JSON --id ID --name NAME --repo HF_REPO --developer D --country CC "
                        "--released YYYY-MM --license ID --source SRC [--index INDEX.JSON] [--published N "
                        "--published-source SRC]\n");
        return 2;
    }
    json = slurp(argv[1], &len);
    if ((st = llmsize_model_from_hf_config(json, len, &m)) != LLMSIZE_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], llmsize_strerror(st));
        return 1;
    }
    if (index) {
        char *text = slurp(index, &len);
        total_size = index_total_size(text);
        if (!m.extra.mtp_layers && index_mtp_layers(text)) {
            m.extra.mtp_layers = index_mtp_layers(text);
            fprintf(stderr, "index: %u MTP module(s) in the tensor names, not declared in config.json\n", m.extra.mtp_layers);
        }
        free(text);
    }
    if (arg(argc, argv, "--mtp")) m.extra.mtp_layers = (uint32_t)strtoul(arg(argc, argv, "--mtp"), NULL, 10);
    if ((st = llmsize_params_of(&m, &p)) != LLMSIZE_OK) {
        fprintf(stderr, "%s: parameters: %s\n", argv[1], llmsize_strerror(st));
        return 1;
    }
    printf("    { \"%s\", \"%s\", \"%s\", \"%s\", \"%s\", \"%s\", \"%s\",\n", or_todo(arg(argc, argv, "--id")),
           or_todo(arg(argc, argv, "--name")), or_todo(arg(argc, argv, "--family")), or_todo(arg(argc, argv, "--developer")),
           or_todo(arg(argc, argv, "--country")), or_todo(arg(argc, argv, "--released")),
           or_todo(arg(argc, argv, "--license")));
    printf("      \"%s\",\n      \"%s\",\n      ", or_todo(arg(argc, argv, "--repo")), or_todo(arg(argc, argv, "--source")));
    print_modalities(m.modalities);
    printf(", ");
    print_flags(m.flags);
    printf(",\n      LLMSIZE_TASK_CHAT /* TODO: tasks from the model card */, LLMSIZE_TERM_UNKNOWN,\n");
    printf("      { %u, %u, %u, %u, %u, %u, %u, %u },\n", m.dims.vocab, m.dims.hidden, m.dims.layers, m.dims.heads,
           m.dims.kv_heads, m.dims.head_dim, m.dims.ffn, m.dims.max_ctx);
    printf("      { %s, %u, %u }, { %u, %u, %u, %u, %u },\n", attn_names[m.attn.kind < 3 ? m.attn.kind : 0], m.attn.window,
           m.attn.global_every, m.mla.q_lora_rank, m.mla.kv_lora_rank, m.mla.qk_nope_dim, m.mla.qk_rope_dim,
           m.mla.v_head_dim);
    printf("      { %u, %u, %u, %u, %u, %u }, { %u, %u, %u, %u, %u, %u, %u },\n", m.linear.full_every, m.linear.k_heads,
           m.linear.v_heads, m.linear.k_dim, m.linear.v_dim, m.linear.conv_kernel, m.moe.experts, m.moe.active,
           m.moe.expert_ffn, m.moe.shared, m.moe.shared_ffn, m.moe.dense_first, m.moe.every);
    printf("      { %u, %u, %lluull }, { %s, %u, %u, %u, %u, %u, %u },\n", m.extra.norms_per_layer, m.extra.mtp_layers,
           (unsigned long long)m.extra.vision_params, head_names[m.enc.head < LLMSIZE_HEAD_COUNT ? m.enc.head : 0],
           m.enc.labels, m.enc.positions, m.enc.token_types, m.enc.mel_bins, m.enc.audio_positions, m.enc.decoder_layers);
    printf("      %sull, \"%s\" },\n", published ? published : "0", or_todo(arg(argc, argv, "--published-source")));
    fprintf(stderr, "computed: %llu parameters in the checkpoint (text %llu, active per token %llu)\n",
            (unsigned long long)p.total, (unsigned long long)p.text, (unsigned long long)p.active);
    if (m.extra.vision_params == 0 && (m.modalities & ~1u))
        fprintf(stderr, "note: the config is multimodal; vision_params must come from the checkpoint (0 printed)\n");
    if (published)
        fprintf(stderr, "published: %s (%+.4f %% from computed)\n", published,
                100.0 * ((double)p.total / strtod(published, NULL) - 1.0));
    if (total_size)
        fprintf(stderr, "index total_size: %llu bytes = %.4f bytes per computed parameter (2.0000 for a BF16 checkpoint)\n",
                total_size, (double)total_size / (double)p.total);
    free(json);
    return 0;
}
