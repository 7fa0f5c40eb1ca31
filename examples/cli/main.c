/* llmsize CLI: parse arguments, call the library, print. No sizing math lives here.
   Exit codes: 0 ok, 1 does not fit (run table only reports), 2 usage or unknown name. */
#include "llmsize.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GIB 1073741824.0

typedef struct opts {
    const char *model, *gpu, *quant, *kv_dtype;
    unsigned long long ctx, seqs, batch, prompt;
    int json, help;
} opts;

static void usage(FILE *f) {
    fprintf(f,
        "usage: llmsize COMMAND [options]\n"
        "  models [--json]                               list the model table\n"
        "  gpus [--json]                                 list the accelerator table\n"
        "  show MODEL [--json]                           architecture, parameters, licence, sources\n"
        "  weights MODEL [--quant Q] [--json]            weight bytes (every format without --quant)\n"
        "  kv MODEL --ctx N [--seqs N] [--kv-dtype T] [--json]\n"
        "                                                KV-cache bytes\n"
        "  speed MODEL --gpu G [--quant Q] [--ctx N] [--batch N] [--prompt N] [--json]\n"
        "                                                decode tok/s (expected, low, high) and TTFT\n"
        "  run                                           what fits where: the main table\n"
        "Names are case-insensitive: canonical ids, Hugging Face repo ids, nvidia-smi names.\n"
        "Sizes print as GiB (2^30 bytes); --json gives exact byte integers.\n");
}

static int die_unknown(llmsize_table t, const char *what, const char *name) {
    const char *s[3];
    size_t n = llmsize_suggest(t, name, s, 3), i;
    fprintf(stderr, "llmsize: unknown %s '%s'", what, name);
    for (i = 0; i < n; ++i) fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", s[i]);
    fprintf(stderr, "\n");
    return 2;
}

static int parse_u64(const char *flag, const char *v, unsigned long long *out) {
    char *end;
    if (!v || !*v || *v == '-') { fprintf(stderr, "llmsize: %s needs a positive integer\n", flag); return 0; }
    errno = 0;
    *out = strtoull(v, &end, 10);
    if (errno == ERANGE) { fprintf(stderr, "llmsize: %s: '%s' is out of range\n", flag, v); return 0; }
    if (*end == 'k' || *end == 'K') {   /* 32k = 32 * 1024 tokens, as llama.cpp and vLLM read it */
        if (*out > 0xFFFFFFFFFFFFFFFFull / 1024u) { fprintf(stderr, "llmsize: %s: '%s' is out of range\n", flag, v); return 0; }
        *out *= 1024u;
        ++end;
    }
    if (*end || *out == 0) { fprintf(stderr, "llmsize: %s: '%s' is not a positive integer\n", flag, v); return 0; }
    return 1;
}

/* argv[i..] -> opts; the first bare word is the model. Returns 0 on a usage error. */
static int parse(int argc, char **argv, int i, opts *o) {
    memset(o, 0, sizeof *o);
    o->seqs = 1; o->batch = 1; o->kv_dtype = "f16";
    for (; i < argc; ++i) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--json")) o->json = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) o->help = 1;
        else if (!strcmp(a, "--gpu")) { if (!v) goto missing; o->gpu = v; ++i; }
        else if (!strcmp(a, "--quant")) { if (!v) goto missing; o->quant = v; ++i; }
        else if (!strcmp(a, "--kv-dtype")) { if (!v) goto missing; o->kv_dtype = v; ++i; }
        else if (!strcmp(a, "--ctx")) { if (!parse_u64(a, v, &o->ctx)) return 0; ++i; }
        else if (!strcmp(a, "--seqs")) { if (!parse_u64(a, v, &o->seqs)) return 0; ++i; }
        else if (!strcmp(a, "--batch")) { if (!parse_u64(a, v, &o->batch)) return 0; ++i; }
        else if (!strcmp(a, "--prompt")) { if (!parse_u64(a, v, &o->prompt)) return 0; ++i; }
        else if (a[0] == '-') { fprintf(stderr, "llmsize: unknown option %s\n", a); return 0; }
        else if (!o->model) o->model = a;
        else { fprintf(stderr, "llmsize: unexpected argument %s\n", a); return 0; }
        continue;
    missing:
        fprintf(stderr, "llmsize: %s needs a value\n", a);
        return 0;
    }
    return 1;
}

static void json_str(const char *k, const char *v, int comma) {
    const char *p;
    printf("\"%s\": \"", k);
    for (p = v ? v : ""; *p; ++p) {
        if (*p == '"' || *p == '\\') printf("\\%c", *p);
        else if ((unsigned char)*p < 0x20) printf("\\u%04x", *p);
        else putchar(*p);
    }
    printf("\"%s", comma ? ", " : "");
}

/* The canonical spelling of a '|'-separated id list: its first entry. */
static const char *primary(const char *ids, char *buf, size_t cap) {
    size_t n = strcspn(ids, "|");
    if (n >= cap) n = cap - 1;
    memcpy(buf, ids, n);
    buf[n] = '\0';
    return buf;
}

static int cmd_models(const opts *o) {
    size_t i;
    if (o->json) printf("[\n");
    else printf("%-32s %-9s %-7s %12s %12s %10s\n", "id", "licence", "country", "params", "active", "max ctx");
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        llmsize_params p;
        if (llmsize_params_of(m, &p) != LLMSIZE_OK) continue;
        if (o->json) {
            printf("  {");
            json_str("id", m->id, 1); json_str("name", m->name, 1); json_str("license", m->license, 1);
            printf("\"params_total\": %llu, \"params_active\": %llu, \"max_context\": %u}%s\n",
                   (unsigned long long)p.total, (unsigned long long)p.active, m->dims.max_ctx,
                   i + 1 < llmsize_model_count() ? "," : "");
        } else {
            printf("%-32s %-9s %-7s %11.2fB %11.2fB %10u\n", m->id, m->license, m->country, p.total / 1e9,
                   p.active / 1e9, m->dims.max_ctx);
        }
    }
    if (o->json) printf("]\n");
    return 0;
}

static int cmd_gpus(const opts *o) {
    size_t i;
    if (o->json) printf("[\n");
    else printf("%-26s %-48s %10s %9s %10s\n", "id", "name", "memory", "GB/s", "BF16 TF");
    for (i = 0; i < llmsize_accel_count(); ++i) {
        const llmsize_accel *a = llmsize_accel_at(i);
        if (o->json) {
            printf("  {");
            json_str("id", a->id, 1); json_str("name", a->name, 1);
            printf("\"mem_bytes\": %llu, \"usable_pct\": %u, \"bandwidth_gbs\": %g, \"bf16_tflops\": %g}%s\n",
                   (unsigned long long)a->mem_bytes, a->usable_pct, a->bw_gbs, a->bf16_tflops,
                   i + 1 < llmsize_accel_count() ? "," : "");
        } else {
            printf("%-26s %-48.48s %6.1f GiB %9.0f %10.0f\n", a->id, a->name, a->mem_bytes / GIB, a->bw_gbs,
                   a->bf16_tflops);
        }
    }
    if (o->json) printf("]\n");
    return 0;
}

static int cmd_show(const opts *o, const llmsize_model *m) {
    llmsize_params p;
    llmsize_status st = llmsize_params_of(m, &p);
    if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) {
        printf("{");
        json_str("id", m->id, 1); json_str("name", m->name, 1); json_str("family", m->family, 1);
        json_str("developer", m->developer, 1); json_str("country", m->country, 1);
        json_str("license", m->license, 1); json_str("hf_repos", m->hf_repos, 1); json_str("source", m->source, 1);
        printf("\"hidden\": %u, \"layers\": %u, \"heads\": %u, \"kv_heads\": %u, \"head_dim\": %u, "
               "\"vocab\": %u, \"max_context\": %u, \"experts\": %u, \"experts_active\": %u, ",
               m->dims.hidden, m->dims.layers, m->dims.heads, m->dims.kv_heads, m->dims.head_dim, m->dims.vocab,
               m->dims.max_ctx, m->moe.experts, m->moe.active);
        printf("\"params_total\": %llu, \"params_text\": %llu, \"params_active\": %llu, \"components\": {"
               "\"embed\": %llu, \"lm_head\": %llu, \"attn\": %llu, \"ffn_dense\": %llu, \"experts\": %llu, "
               "\"shared_experts\": %llu, \"router\": %llu, \"norms\": %llu, \"linear_attn\": %llu, "
               "\"vision\": %llu, \"mtp\": %llu}, \"published_params\": %llu}\n",
               (unsigned long long)p.total, (unsigned long long)p.text, (unsigned long long)p.active,
               (unsigned long long)p.embed, (unsigned long long)p.lm_head, (unsigned long long)p.attn,
               (unsigned long long)p.ffn_dense, (unsigned long long)p.experts, (unsigned long long)p.shared_experts,
               (unsigned long long)p.router, (unsigned long long)p.norms, (unsigned long long)p.linear_attn,
               (unsigned long long)p.vision, (unsigned long long)p.mtp, (unsigned long long)m->published_params);
        return 0;
    }
    printf("%s (%s)  developer %s [%s], released %s, licence %s\n", m->name, m->id, m->developer, m->country,
           m->released, m->license);
    printf("  repos     %s\n  source    %s\n", m->hf_repos, m->source);
    printf("  layers %u, hidden %u, heads %u/%u kv, head_dim %u, vocab %u, max context %u\n", m->dims.layers,
           m->dims.hidden, m->dims.heads, m->dims.kv_heads, m->dims.head_dim, m->dims.vocab, m->dims.max_ctx);
    if (m->moe.experts)
        printf("  MoE: %u experts, %u active, expert FFN %u, %u shared\n", m->moe.experts, m->moe.active,
               m->moe.expert_ffn, m->moe.shared);
    printf("  params_total  %llu (%.2fB)%s\n  params_active %llu (%.2fB)\n", (unsigned long long)p.total,
           p.total / 1e9, m->published_params == p.total ? "  = published" : "", (unsigned long long)p.active,
           p.active / 1e9);
    printf("  components: embed %llu, lm_head %llu, attention %llu, dense FFN %llu, experts %llu, shared %llu,\n"
           "              router %llu, norms %llu, linear-attn %llu, vision %llu, MTP %llu\n",
           (unsigned long long)p.embed, (unsigned long long)p.lm_head, (unsigned long long)p.attn,
           (unsigned long long)p.ffn_dense, (unsigned long long)p.experts, (unsigned long long)p.shared_experts,
           (unsigned long long)p.router, (unsigned long long)p.norms, (unsigned long long)p.linear_attn,
           (unsigned long long)p.vision, (unsigned long long)p.mtp);
    return 0;
}

static int cmd_weights(const opts *o, const llmsize_model *m) {
    size_t i, n = 0;
    if (o->json) printf("[\n");
    for (i = 0; i < llmsize_format_count(); ++i) {
        const llmsize_format *f = llmsize_format_at(i);
        llmsize_weights w;
        llmsize_status st;
        char id[32];
        if (o->quant) {
            const llmsize_format *want = NULL;
            if (llmsize_find_format(o->quant, &want) != LLMSIZE_OK)
                return die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant);
            if (want != f) continue;
        }
        st = llmsize_weight_bytes(m, f, &w);
        if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s: %s\n", f->id, llmsize_strerror(st)); return 2; }
        if (o->json)
            printf("%s  {\"format\": \"%s\", \"weight_bytes\": %llu, \"file_bytes\": %llu, \"active_bytes\": %llu}",
                   n++ ? ",\n" : "", primary(f->id, id, sizeof id), (unsigned long long)w.total, (unsigned long long)w.file_bytes,
                   (unsigned long long)w.active);
        else
            printf("%-18s %9.2f GiB  (%llu bytes; file %.2f GiB)\n", primary(f->id, id, sizeof id), w.total / GIB,
                   (unsigned long long)w.total, w.file_bytes / GIB);
    }
    if (o->json) printf("\n]\n");
    return 0;
}

static int cmd_kv(const opts *o, const llmsize_model *m) {
    llmsize_kv_dtype d;
    uint64_t kv;
    llmsize_status st;
    if (!o->ctx) { fprintf(stderr, "llmsize: kv needs --ctx N\n"); return 2; }
    if (llmsize_find_kv_dtype(o->kv_dtype, &d) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_KV_DTYPES, "KV dtype", o->kv_dtype);
    if (o->seqs > 0xFFFFFFFFull) { fprintf(stderr, "llmsize: --seqs too large\n"); return 2; }
    st = llmsize_kv_bytes(m, o->ctx, (uint32_t)o->seqs, d, &kv);
    if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) printf("{\"model\": \"%s\", \"context\": %llu, \"seqs\": %llu, \"kv_dtype\": \"%s\", \"kv_bytes\": %llu}\n",
                        m->id, o->ctx, o->seqs, llmsize_kv_dtype_name(d), (unsigned long long)kv);
    else printf("%s: %llu tokens x %llu sequences, KV %s: %.3f GiB (%llu bytes)\n", m->id, o->ctx, o->seqs,
                llmsize_kv_dtype_name(d), kv / GIB, (unsigned long long)kv);
    return 0;
}

static int cmd_speed(const opts *o, const llmsize_model *m) {
    llmsize_speed_request q;
    llmsize_speed_result s;
    const llmsize_accel *a;
    const llmsize_format *f;
    llmsize_kv_dtype d;
    llmsize_status st;
    char id[32];
    if (!o->gpu) { fprintf(stderr, "llmsize: speed needs --gpu G\n"); return 2; }
    if (llmsize_find_accel(o->gpu, &a) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_ACCELS, "accelerator", o->gpu);
    if (llmsize_find_format(o->quant ? o->quant : "Q4_K_M", &f) != LLMSIZE_OK)
        return die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant);
    if (llmsize_find_kv_dtype(o->kv_dtype, &d) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_KV_DTYPES, "KV dtype", o->kv_dtype);
    if (o->batch > 1000000ull) { fprintf(stderr, "llmsize: --batch too large\n"); return 2; }
    memset(&q, 0, sizeof q);
    q.model = m; q.format = f; q.accel = a; q.kv_dtype = d; q.context = o->ctx; q.batch = (uint32_t)o->batch;
    q.prompt = o->prompt;
    st = llmsize_speed(&q, &s);
    if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json)
        printf("{\"model\": \"%s\", \"gpu\": \"%s\", \"format\": \"%s\", \"decode_tps\": %.2f, \"decode_tps_low\": %.2f, "
               "\"decode_tps_high\": %.2f, \"decode_tps_total\": %.2f, \"ttft_s\": %.4f, \"bytes_per_step\": %llu}\n",
               m->id, a->id, primary(f->id, id, sizeof id), s.decode_tps, s.decode_tps_low, s.decode_tps_high, s.decode_tps_total, s.ttft_s,
               (unsigned long long)s.bytes_per_step);
    else {
        printf("%s %s on %s: decode %.1f tok/s per sequence (range %.1f-%.1f), %.2f GiB read per step\n", m->id,
               primary(f->id, id, sizeof id), a->name, s.decode_tps, s.decode_tps_low, s.decode_tps_high, s.bytes_per_step / GIB);
        if (s.ttft_s > 0) printf("  TTFT %.3f s for the prompt\n", s.ttft_s);
        else printf("  TTFT unknown: no published tensor throughput for this accelerator\n");
    }
    return 0;
}

/* The main job on embedded defaults: what fits where at 8K context, one user. */
static int cmd_run(void) {
    static const char *const gpus[] = { "h100-sxm", "h200", "dgx-spark", "rtx-4090", "m4-max-128gb" };
    static const char *const fmts[] = { "bf16", "fp8", "Q4_K_M" };
    size_t i, g, k;
    printf("What fits where: weights + KV at 8192 tokens for one sequence, against usable memory.\n");
    printf("Cell: fit verdict and expected decode tok/s (FIT, TIGHT = under 10%% headroom, NO).\n\n%-30s %-7s",
           "model", "format");
    for (g = 0; g < sizeof gpus / sizeof gpus[0]; ++g) printf(" %14s", gpus[g]);
    printf("\n");
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        for (k = 0; k < sizeof fmts / sizeof fmts[0]; ++k) {
            const llmsize_format *f;
            llmsize_find_format(fmts[k], &f);
            printf("%-30s %-7s", m->id, fmts[k]);
            for (g = 0; g < sizeof gpus / sizeof gpus[0]; ++g) {
                const llmsize_accel *a;
                llmsize_fit_request fr;
                llmsize_fit_result fit;
                llmsize_speed_request sr;
                llmsize_speed_result sp;
                char cell[32];
                llmsize_find_accel(gpus[g], &a);
                memset(&fr, 0, sizeof fr);
                fr.model = m; fr.format = f; fr.accel = a; fr.context = 8192;
                memset(&sr, 0, sizeof sr);
                sr.model = m; sr.format = f; sr.accel = a; sr.context = 8192;
                if (llmsize_fit(&fr, &fit) != LLMSIZE_OK || llmsize_speed(&sr, &sp) != LLMSIZE_OK)
                    snprintf(cell, sizeof cell, "n/a");
                else if (!fit.fits)
                    snprintf(cell, sizeof cell, "NO %5.0fGiB", fit.total_bytes / GIB);
                else
                    snprintf(cell, sizeof cell, "%s %5.1f", fit.tight ? "TIGHT" : "FIT", sp.decode_tps);
                printf(" %14s", cell);
            }
            printf("\n");
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : NULL;
    const llmsize_model *m = NULL;
    opts o;
    if (!cmd || !strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(cmd ? stdout : stderr);
        return cmd ? 0 : 2;
    }
    if (!strcmp(cmd, "--version")) { printf("llmsize %s (data %s)\n", llmsize_version(), llmsize_data_version()); return 0; }
    if (!parse(argc, argv, 2, &o)) return 2;
    if (o.help) { usage(stdout); return 0; }
    if (!strcmp(cmd, "models")) return cmd_models(&o);
    if (!strcmp(cmd, "gpus")) return cmd_gpus(&o);
    if (!strcmp(cmd, "run")) return cmd_run();
    if (strcmp(cmd, "show") && strcmp(cmd, "weights") && strcmp(cmd, "kv") && strcmp(cmd, "speed")) {
        fprintf(stderr, "llmsize: unknown command '%s'\n", cmd);
        usage(stderr);
        return 2;
    }
    if (!o.model) { fprintf(stderr, "llmsize: %s needs a MODEL\n", cmd); return 2; }
    if (llmsize_find_model(o.model, &m) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_MODELS, "model", o.model);
    if (!strcmp(cmd, "show")) return cmd_show(&o, m);
    if (!strcmp(cmd, "weights")) return cmd_weights(&o, m);
    if (!strcmp(cmd, "kv")) return cmd_kv(&o, m);
    return cmd_speed(&o, m);
}
