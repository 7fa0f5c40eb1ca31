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
    printf("    { F_(id, \"%s\"), F_(name, \"%s\"), F_(family, \"%s\"),\n", or_todo(arg(argc, argv, "--id")),
           or_todo(arg(argc, argv, "--name")), or_todo(arg(argc, argv, "--family")));
    printf("      F_(developer, \"%s\"), F_(country, \"%s\"), F_(released, \"%s\"), F_(license, \"%s\"),\n",
           or_todo(arg(argc, argv, "--developer")), or_todo(arg(argc, argv, "--country")),
           or_todo(arg(argc, argv, "--released")), or_todo(arg(argc, argv, "--license")));
    printf("      F_(hf_repos, \"%s\"),\n      F_(source, \"%s\"),\n      F_(modalities, ", or_todo(arg(argc, argv, "--repo")),
           or_todo(arg(argc, argv, "--source")));
    print_modalities(m.modalities);
    printf("), F_(flags, ");
    print_flags(m.flags);
    printf("),\n      F_(tasks, LLMSIZE_TASK_CHAT /* TODO: tasks from the model card */), F_(data_disclosed, LLMSIZE_TERM_UNKNOWN),\n");
    printf("      F_(dims, { F_(vocab, %u), F_(hidden, %u), F_(layers, %u), F_(heads, %u), F_(kv_heads, %u), F_(head_dim, %u), "
           "F_(ffn, %u), F_(max_ctx, %u) }),\n", m.dims.vocab, m.dims.hidden, m.dims.layers, m.dims.heads,
           m.dims.kv_heads, m.dims.head_dim, m.dims.ffn, m.dims.max_ctx);
    /* sub-structs: all zero is the table's named constant, else every field by name */
    if (!m.attn.kind && !m.attn.window && !m.attn.global_every) printf("      F_(attn, LLMSIZE_FULL_ATTENTION), ");
    else printf("      F_(attn, { F_(kind, %s), F_(window, %u), F_(global_every, %u) }), ",
                attn_names[m.attn.kind < 3 ? m.attn.kind : 0], m.attn.window, m.attn.global_every);
    if (!m.mla.q_lora_rank && !m.mla.kv_lora_rank && !m.mla.qk_nope_dim && !m.mla.qk_rope_dim && !m.mla.v_head_dim)
        printf("F_(mla, LLMSIZE_NO_MLA),\n");
    else printf("F_(mla, { F_(q_lora_rank, %u), F_(kv_lora_rank, %u), F_(qk_nope_dim, %u), F_(qk_rope_dim, %u), "
                "F_(v_head_dim, %u) }),\n", m.mla.q_lora_rank, m.mla.kv_lora_rank, m.mla.qk_nope_dim, m.mla.qk_rope_dim,
                m.mla.v_head_dim);
    if (!m.linear.full_every && !m.linear.k_heads && !m.linear.v_heads && !m.linear.k_dim && !m.linear.v_dim && !m.linear.conv_kernel)
        printf("      F_(linear, LLMSIZE_NO_LINEAR_ATTN),\n");
    else printf("      F_(linear, { F_(full_every, %u), F_(k_heads, %u), F_(v_heads, %u), F_(k_dim, %u), F_(v_dim, %u), "
                "F_(conv_kernel, %u) }),\n", m.linear.full_every, m.linear.k_heads, m.linear.v_heads, m.linear.k_dim,
                m.linear.v_dim, m.linear.conv_kernel);
    if (!m.moe.experts && !m.moe.active && !m.moe.expert_ffn && !m.moe.shared && !m.moe.shared_ffn && !m.moe.dense_first && !m.moe.every)
        printf("      F_(moe, LLMSIZE_DENSE),\n");
    else printf("      F_(moe, { F_(experts, %u), F_(active, %u), F_(expert_ffn, %u), F_(shared, %u), F_(shared_ffn, %u), "
                "F_(dense_first, %u), F_(every, %u) }),\n", m.moe.experts, m.moe.active, m.moe.expert_ffn, m.moe.shared,
                m.moe.shared_ffn, m.moe.dense_first, m.moe.every);
    if (!m.extra.norms_per_layer && !m.extra.mtp_layers && !m.extra.vision_params) printf("      F_(extra, LLMSIZE_NO_EXTRAS), ");
    else printf("      F_(extra, { F_(norms_per_layer, %u), F_(mtp_layers, %u), F_(vision_params, %lluull) }), ",
                m.extra.norms_per_layer, m.extra.mtp_layers, (unsigned long long)m.extra.vision_params);
    if (!m.enc.head && !m.enc.labels && !m.enc.positions && !m.enc.token_types && !m.enc.mel_bins && !m.enc.audio_positions &&
        !m.enc.decoder_layers)
        printf("F_(enc, LLMSIZE_DECODER_ONLY),\n");
    else printf("F_(enc, { F_(head, %s), F_(labels, %u), F_(positions, %u), F_(token_types, %u), F_(mel_bins, %u), "
                "F_(audio_positions, %u), F_(decoder_layers, %u) }),\n", head_names[m.enc.head < LLMSIZE_HEAD_COUNT ? m.enc.head : 0],
                m.enc.labels, m.enc.positions, m.enc.token_types, m.enc.mel_bins, m.enc.audio_positions, m.enc.decoder_layers);
    printf("      F_(published_params, %sull), F_(published_source, \"%s\"),\n", published ? published : "0",
           or_todo(arg(argc, argv, "--published-source")));
    printf("      LLMSIZE_CHECKPOINT_BF16 /* TODO: the format, index total_size and source when released quantized */ },\n");
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
