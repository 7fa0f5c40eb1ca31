/* llmsize CLI: parse arguments, call the library, print. No sizing math lives here.
   Exit codes: 0 ok, 1 does not fit (run table only reports), 2 usage or unknown name. */
#include "llmsize.h"
#include "detect.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GIB 1073741824.0

typedef struct opts {
    const char *model, *gpu, *quant, *kv_dtype, *engine, *engine_version, *origin_exclude, *origin_require, *task, *license_use, *config;
    const char *models;   /* pick --models A,B,..: rank these, not the whole table */
    unsigned long long ctx, seqs, prompt, gpus, mau, mau_at_release, bytes;
    double gpu_util, min_tps, max_loss, revenue, tps, gb;
    int json, help, commercial, eu, multimodal, redistribute, train, explain, offered;
    int min_tps_set, max_loss_set;   /* given, 0 included (pick: 0 drops the floor) */
    int cmd_at;               /* plan: index of the first word after "--" */
    llmsize_resolution res;   /* how MODEL was read (res.model NULL for --config) */
    double gpu_mem, gpu_bw, gpu_tflops;   /* a described accelerator (--gpu-mem/--gpu-bw/--gpu-tflops) */
    double host_bw;           /* --host-bw: host memory bandwidth for layers llama.cpp keeps on the CPU */
    const char *gpu_class;
    llmsize_gpu_resolution gpu_res;     /* --gpu or the described one, read once in main */
    const llmsize_gpu *hw;              /* &gpu_res.gpu once read, else NULL */
} opts;

static llmsize_file_info g_file;       /* the header of a MODEL given as a file (local_model) */
static int g_file_exact;               /* its tensors' exact bytes size the plan */

static void usage(FILE *f) {
    fprintf(f,
        "usage: llmsize COMMAND [options]\n"
        "  models [--json]                               list the model table\n"
        "  gpus [--json]                                 list the accelerator table\n"
        "  engines [--json]                              the engines and the releases whose rules llmsize models\n"
        "  detect [--json]                               this machine's accelerators (nvidia-smi, rocm-smi, Apple\n"
        "                                                sysctl); fit, speed, plan and pick use them without --gpu\n"
        "  show MODEL [--json]                           architecture, parameters, licence, sources\n"
        "  weights MODEL [--quant Q] [--json]            weight bytes (every format without --quant)\n"
        "  kv MODEL --ctx N [--seqs N] [--kv-dtype T] [--json]\n"
        "                                                KV-cache bytes\n"
        "  speed MODEL --gpu G [--quant Q] [--ctx N] [--seqs N] [--prompt N] [--json]\n"
        "                                                decode tok/s (expected, low, high) and TTFT\n"
        "  quality MODEL [--quant Q] [--json]            quantization loss per format, with sources\n"
        "  license MODEL [--commercial] [--mau N] [--mau-at-release N] [--revenue USD] [--eu]\n"
        "          [--multimodal] [--redistribute] [--offered] [--train-on-outputs] [--json]\n"
        "                                                may this use be made? exit 0 yes (obligations\n"
        "                                                listed), 1 no, 3 terms unknown\n"
        "  fit MODEL --gpu G [--gpus N] [--quant Q] [--ctx N] [--seqs N] [--engine E]\n"
        "          [--kv-dtype T] [--gpu-util F] [--json]\n"
        "                                                memory budget per GPU; exit 0 fits, 1 does not\n"
        "  plan --gpu G [--gpus N] [--engine-version V] [--host-bw GBS] [--json] -- ENGINE COMMAND LINE...\n"
        "                                                parse vllm/sglang/llama-server/ollama/trtllm-serve\n"
        "                                                argv (Ollama: OLLAMA_*, vLLM: VLLM_* from the\n"
        "                                                environment), then say what the engine does: exit 0\n"
        "                                                it starts and fits, 1 it refuses, runs out of memory\n"
        "                                                or puts layers on the CPU; --gpus: the node's GPUs;\n"
        "                                                --host-bw: the host memory's GB/s (channels x MT/s\n"
        "                                                x 8 / 1000), for decode with layers on the CPU\n"
        "  max-context MODEL --gpu G [fit options]       longest context that fits\n"
        "  min-gpus MODEL --gpu G [fit options]          fewest GPUs that fit (tensor parallel; llama.cpp and\n"
        "                                                Ollama split the layers over them)\n"
        "  pick --gpu G [--gpus N] [--seqs N] [--ctx N] [--min-tps T] [--max-ppl-delta X]\n"
        "          [--license-use commercial,offered,mau=N,revenue=USD,eu,multimodal,redistribute,train]\n"
        "          [--origin-exclude CC,..] [--origin-require CC,..|EU] [--task T,..] [--engine E] [--explain] [--json]\n"
        "          [--models M,..]                       rank the table's models (or those listed) for a deployment;\n"
        "                                                by default only chat models at reading speed or faster per\n"
        "                                                user, losing at most 10 %% (--min-tps 0, --max-ppl-delta 0\n"
        "                                                drop a floor)\n"
        );
    fprintf(f,   /* two literals: C99 guarantees 4095 characters each */
        "  check MODEL --quant Q [--gb X] [--gpu G --tps T] [--json]\n"
        "                                                is a published footprint / speed claim possible?\n"
        "  inspect FILE [--json]                         read a GGUF or safetensors header: exact bytes and\n"
        "                                                parameters by component, the table model it matches,\n"
        "                                                and the prediction's error\n"
        "  run                                           what fits where: the main table\n"
        "E is an engine, with its version when it matters: vllm, vllm@0.8, llama.cpp@b6000, ollama@0.12\n"
        "(no version: its current release; `llmsize engines` lists the releases llmsize models).\n"
        "G is any accelerator name: an id, nvidia-smi or GPU Feature Discovery name, GKE label, or a chip\n"
        "with its memory ('M3 Max 36GB'); or describe one: --gpu-mem GIB --gpu-bw GBS [--gpu-tflops T]\n"
        "[--gpu-class consumer|datacenter|apple|unified|cpu].\n"
        "MODEL is any model name: a table id, a Hugging Face repo of it or of a quantized copy or fine-tune,\n"
        "an Ollama tag, REPO:QUANT, a GGUF file name; it is sized as released unless --quant says otherwise.\n"
        "MODEL may be --config CONFIG.JSON: a model not in the table, from its Hugging Face config.json.\n"
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

/* The canonical spelling of a '|'-separated id list: its first entry. */
static const char *primary(const char *ids, char *buf, size_t cap) {
    size_t n = strcspn(ids, "|");
    if (n >= cap) n = cap - 1;
    memcpy(buf, ids, n);
    buf[n] = '\0';
    return buf;
}

/* An engine as people name it, "vllm", "vllm@0.6", and an optional --engine-version: the
   engine and the release whose rules apply. 0 (and has printed why, with the releases the
   table has) on error. */
static int find_engine(const char *spec, const char *version, llmsize_engine *e, const llmsize_engine_release **rel) {
    llmsize_status st = llmsize_find_engine_release(spec, e, rel);
    size_t i;
    if (st == LLMSIZE_OK && version) {
        if (strchr(spec, '@')) { fprintf(stderr, "llmsize: give the version once: --engine %s or --engine-version %s\n", spec, version); return 0; }
        st = llmsize_find_engine_version((uint32_t)*e, version, rel);
    }
    if (st == LLMSIZE_OK) return 1;
    if (st != LLMSIZE_ERR_UNKNOWN_VERSION) { die_unknown(LLMSIZE_TABLE_ENGINES, "engine", spec); return 0; }
    fprintf(stderr, "llmsize: %s: '%s%s%s'; releases llmsize models:", llmsize_strerror(st), spec, version ? "@" : "", version ? version : "");
    for (i = 0; i < llmsize_engine_release_count(); ++i) {
        const llmsize_engine_release *r = llmsize_engine_release_at(i);
        if (r->engine != LLMSIZE_ENGINE_NONE) fprintf(stderr, " %s@%s", llmsize_engine_name(r->engine), r->version);
    }
    fprintf(stderr, "\n");
    return 0;
}

/* A model name the resolver refused: unknown, or fitting more than one model. */
static int die_model(const char *name, llmsize_status st) {
    const char *s[3];
    size_t n = llmsize_suggest(LLMSIZE_TABLE_MODELS, name, s, 3), i;
    if (st == LLMSIZE_ERR_AMBIGUOUS) fprintf(stderr, "llmsize: '%s' fits more than one model", name);
    else fprintf(stderr, "llmsize: unknown model '%s'", name);
    for (i = 0; i < n; ++i) fprintf(stderr, "%s%s", i ? ", " : (st == LLMSIZE_ERR_AMBIGUOUS ? ": " : "; did you mean: "), s[i]);
    fprintf(stderr, "\n");
    return 2;
}

static void json_str(const char *k, const char *v, int comma);

/* A model's downloadable artifacts the tables know: "releases" (quantized checkpoints on
   Hugging Face) and "ollama_tags", each with its table format. */
static void print_artifacts_json(const llmsize_model *m) {
    size_t k;
    int first = 1;
    printf("\"releases\": [");
    for (k = 0; k < llmsize_release_count(); ++k) {
        const llmsize_release *r = llmsize_release_at(k);
        if (!r->model || strcmp(r->model, m->id)) continue;
        printf("%s{", first ? "" : ", ");
        json_str("repo", r->repo, 1); json_str("format", r->format, 0);
        printf("}");
        first = 0;
    }
    printf("], \"ollama_tags\": [");
    first = 1;
    for (k = 0; k < llmsize_ollama_tag_count(); ++k) {
        const llmsize_ollama_tag *t = llmsize_ollama_tag_at(k);
        if (!t->model || strcmp(t->model, m->id)) continue;
        printf("%s{", first ? "" : ", ");
        json_str("tag", t->tag, 1); json_str("format", t->format, 0);
        printf("}");
        first = 0;
    }
    printf("], ");
}

/* "sized as X": how a name that is not a table id was read, and where its format came from. */
static void print_resolution(const llmsize_resolution *r, const char *name) {
    char id[32];
    if (!r->model || (r->how == LLMSIZE_HOW_ID && r->format_from == LLMSIZE_FROM_CHECKPOINT &&
                      !r->model->checkpoint_format)) return;
    printf("(sized as %s, read from '%s' as %s", r->model->id, name, llmsize_how_name(r->how));
    if (r->format) {
        static const char *const from[LLMSIZE_FROM_COUNT] = {
            "", "name", "checkpoint as released", "release table", "Ollama library", "llama.cpp -hf default"
        };
        printf("; format %s from the %s", primary(r->format->id, id, sizeof id),
               r->format_from < LLMSIZE_FROM_COUNT ? from[r->format_from] : "?");
    } else {
        printf("; the format it names is not in the table: give --quant");
    }
    printf(")\n");
}

static int parse_u64(const char *flag, const char *v, unsigned long long *out) {
    char *end;
    if (!v || !(*v >= '0' && *v <= '9')) {   /* strtoull would skip blanks and wrap a '-' into 2^64-5 */
        fprintf(stderr, "llmsize: %s needs a positive integer, got '%s'\n", flag, v ? v : "");
        return 0;
    }
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

/* A positive finite number no larger than `max`. */
/* A number in [0, max]: 0 allowed (a floor dropped). */
static int parse_nonneg(const char *flag, const char *v, double max, double *out) {
    char *end;
    if (!v || !*v) { fprintf(stderr, "llmsize: %s needs a number\n", flag); return 0; }
    errno = 0;
    *out = strtod(v, &end);
    if (*end || errno == ERANGE || !(*out >= 0) || *out > max) {
        fprintf(stderr, "llmsize: %s: '%s' must be a number in [0, %g]\n", flag, v, max);
        return 0;
    }
    return 1;
}

static int parse_pos(const char *flag, const char *v, double max, double *out) {
    char *end;
    if (!v || !*v) { fprintf(stderr, "llmsize: %s needs a number\n", flag); return 0; }
    errno = 0;
    *out = strtod(v, &end);
    if (*end || errno == ERANGE || !(*out > 0) || *out > max) {
        fprintf(stderr, "llmsize: %s: '%s' must be a number in (0, %g]\n", flag, v, max);
        return 0;
    }
    return 1;
}

/* argv[i..] -> opts; the first bare word is the model. Returns 0 on a usage error. */
static int parse(int argc, char **argv, int i, opts *o) {
    memset(o, 0, sizeof *o);
    o->kv_dtype = "f16";
    for (; i < argc; ++i) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--json")) o->json = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) o->help = 1;
        else if (!strcmp(a, "--gpu")) { if (!v) goto missing; o->gpu = v; ++i; }
        else if (!strcmp(a, "--quant")) { if (!v) goto missing; o->quant = v; ++i; }
        else if (!strcmp(a, "--kv-dtype")) { if (!v) goto missing; o->kv_dtype = v; ++i; }
        else if (!strcmp(a, "--ctx")) { if (!parse_u64(a, v, &o->ctx)) return 0; ++i; }
        /* --users and --batch: the old spellings of --seqs */
        else if (!strcmp(a, "--seqs") || !strcmp(a, "--users") || !strcmp(a, "--batch")) {
            if (!parse_u64(a, v, &o->seqs)) return 0;
            ++i;
        }
        else if (!strcmp(a, "--prompt")) { if (!parse_u64(a, v, &o->prompt)) return 0; ++i; }
        else if (!strcmp(a, "--gpus")) { if (!parse_u64(a, v, &o->gpus)) return 0; ++i; }
        else if (!strcmp(a, "--mau")) { if (!parse_u64(a, v, &o->mau)) return 0; ++i; }
        else if (!strcmp(a, "--mau-at-release")) { if (!parse_u64(a, v, &o->mau_at_release)) return 0; ++i; }
        else if (!strcmp(a, "--bytes")) { if (!parse_u64(a, v, &o->bytes)) return 0; ++i; }
        else if (!strcmp(a, "--gpu-util")) { if (!parse_pos(a, v, 1.0, &o->gpu_util)) return 0; ++i; }
        else if (!strcmp(a, "--gpu-mem")) { if (!parse_pos(a, v, 1073741824.0, &o->gpu_mem)) return 0; ++i; }
        else if (!strcmp(a, "--gpu-bw")) { if (!parse_pos(a, v, 1e9, &o->gpu_bw)) return 0; ++i; }
        else if (!strcmp(a, "--gpu-tflops")) { if (!parse_pos(a, v, 1e9, &o->gpu_tflops)) return 0; ++i; }
        else if (!strcmp(a, "--host-bw")) { if (!parse_pos(a, v, 1e6, &o->host_bw)) return 0; ++i; }
        else if (!strcmp(a, "--gpu-class")) { if (!v) goto missing; o->gpu_class = v; ++i; }
        else if (!strcmp(a, "--min-tps")) { if (!parse_nonneg(a, v, 1e9, &o->min_tps)) return 0; o->min_tps_set = 1; ++i; }
        else if (!strcmp(a, "--max-ppl-delta")) { if (!parse_nonneg(a, v, 1e6, &o->max_loss)) return 0; o->max_loss_set = 1; ++i; }
        else if (!strcmp(a, "--explain")) o->explain = 1;
        else if (!strcmp(a, "--revenue")) { if (!parse_pos(a, v, 1e18, &o->revenue)) return 0; ++i; }
        else if (!strcmp(a, "--tps")) { if (!parse_pos(a, v, 1e9, &o->tps)) return 0; ++i; }
        else if (!strcmp(a, "--gb")) { if (!parse_pos(a, v, 1e9, &o->gb)) return 0; ++i; }
        else if (!strcmp(a, "--engine")) { if (!v) goto missing; o->engine = v; ++i; }
        else if (!strcmp(a, "--engine-version")) { if (!v) goto missing; o->engine_version = v; ++i; }
        else if (!strcmp(a, "--config")) { if (!v) goto missing; o->config = v; ++i; }
        else if (!strcmp(a, "--origin-exclude")) { if (!v) goto missing; o->origin_exclude = v; ++i; }
        else if (!strcmp(a, "--origin-require")) { if (!v) goto missing; o->origin_require = v; ++i; }
        else if (!strcmp(a, "--task")) { if (!v) goto missing; o->task = v; ++i; }
        else if (!strcmp(a, "--models")) { if (!v) goto missing; o->models = v; ++i; }
        else if (!strcmp(a, "--license-use")) { if (!v) goto missing; o->license_use = v; ++i; }
        else if (!strcmp(a, "--commercial")) o->commercial = 1;
        else if (!strcmp(a, "--eu")) o->eu = 1;
        else if (!strcmp(a, "--multimodal")) o->multimodal = 1;
        else if (!strcmp(a, "--redistribute")) o->redistribute = 1;
        else if (!strcmp(a, "--offered")) o->offered = 1;
        else if (!strcmp(a, "--train-on-outputs")) o->train = 1;
        else if (!strcmp(a, "--")) { o->cmd_at = i + 1; return 1; }
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

/* The engines and their releases, oldest first, with what changed and where it was read. */
static int cmd_engines(const opts *o) {
    size_t i;
    if (o->json) printf("[");
    for (i = 0; i < llmsize_engine_release_count(); ++i) {
        const llmsize_engine_release *r = llmsize_engine_release_at(i);
        if (r->engine == LLMSIZE_ENGINE_NONE) continue;
        if (o->json) {
            printf("%s{", i > 1 ? ", " : "");
            json_str("engine", llmsize_engine_name(r->engine), 1); json_str("version", r->version, 1);
            json_str("date", r->date, 1); json_str("source", r->source, 0);
            printf("}");
        } else {
            printf("%-9s %-8s %s  %s\n", llmsize_engine_name(r->engine), r->version, r->date, r->source);
        }
    }
    if (o->json) printf("]\n");
    return 0;
}

static int cmd_gpus(const opts *o) {
    size_t i;
    if (o->json) printf("[\n");
    else printf("%-26s %-48s %10s %9s %10s\n", "id", "name", "memory", "GB/s", "BF16 TF");
    for (i = 0; i < llmsize_gpu_count(); ++i) {
        const llmsize_gpu *a = llmsize_gpu_at(i);
        if (o->json) {
            printf("  {");
            json_str("id", a->id, 1); json_str("name", a->name, 1);
            printf("\"mem_bytes\": %llu, \"usable_pct\": %u, \"bandwidth_gbs\": %g, \"bf16_tflops\": %g}%s\n",
                   (unsigned long long)a->mem_bytes, a->usable_pct, a->bw_gbs, a->bf16_tflops,
                   i + 1 < llmsize_gpu_count() ? "," : "");
        } else {
            printf("%-26s %-48.48s %6.1f GiB %9.0f %10.0f\n", a->id, a->name, a->mem_bytes / GIB, a->bw_gbs,
                   a->bf16_tflops);
        }
    }
    if (o->json) printf("]\n");
    return 0;
}


static int cmd_show(const opts *o, const llmsize_model *m) {
    const char *head = llmsize_head_name(m->enc.head) ? llmsize_head_name(m->enc.head) : "?";
    llmsize_params p;
    int k;
    llmsize_status st = llmsize_params_of(m, &p);
    if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) {
        printf("{");
        json_str("id", m->id, 1); json_str("name", m->name, 1); json_str("family", m->family, 1);
        if (o->res.model) {   /* how MODEL was read */
            char fid[32];
            json_str("resolved_how", llmsize_how_name(o->res.how), 1);
            json_str("resolved_format", o->res.format ? primary(o->res.format->id, fid, sizeof fid) : "", 1);
            json_str("resolved_format_from", llmsize_format_from_name(o->res.format_from), 1);
        }
        json_str("developer", m->developer, 1); json_str("country", m->country, 1);
        json_str("license", m->license, 1); json_str("hf_repos", m->hf_repos, 1); json_str("source", m->source, 1);
        print_artifacts_json(m);
        printf("\"hidden\": %u, \"layers\": %u, \"heads\": %u, \"kv_heads\": %u, \"head_dim\": %u, "
               "\"vocab\": %u, \"max_context\": %u, \"experts\": %u, \"experts_active\": %u, ",
               m->dims.hidden, m->dims.layers, m->dims.heads, m->dims.kv_heads, m->dims.head_dim, m->dims.vocab,
               m->dims.max_ctx, m->moe.experts, m->moe.active);
        printf("\"encoder\": %s, \"head\": \"%s\", \"labels\": %u, \"positions\": %u, \"token_types\": %u, "
               "\"mel_bins\": %u, \"audio_positions\": %u, \"decoder_layers\": %u, ",
               (m->flags & LLMSIZE_F_ENCODER) ? "true" : "false", head, m->enc.labels, m->enc.positions,
               m->enc.token_types, m->enc.mel_bins, m->enc.audio_positions, m->enc.decoder_layers);
        printf("\"params_total\": %llu, \"params_text\": %llu, \"params_active\": %llu, \"components\": {",
               (unsigned long long)p.total, (unsigned long long)p.text, (unsigned long long)p.active);
        for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k)
            printf("%s\"%s\": %llu", k ? ", " : "", llmsize_component_name(k), (unsigned long long)p.by_component[k]);
        printf("}, \"published_params\": %llu}\n", (unsigned long long)m->published_params);
        return 0;
    }
    printf("%s (%s)", m->name, m->id);   /* what the row knows; a config.json says none of these */
    if (m->developer && *m->developer) printf("  developer %s%s%s%s", m->developer, m->country && *m->country ? " [" : "",
                                              m->country && *m->country ? m->country : "", m->country && *m->country ? "]" : "");
    if (m->released && *m->released) printf(", released %s", m->released);
    if (m->license && *m->license) printf(", licence %s", m->license);
    printf("\n");
    if (m->hf_repos && *m->hf_repos) printf("  repos     %s\n", m->hf_repos);
    {   /* the quantized checkpoints and Ollama tags the tables know for it: what can be downloaded */
        size_t k;
        char fid[32];
        for (k = 0; k < llmsize_release_count(); ++k) {
            const llmsize_release *r = llmsize_release_at(k);
            if (r->model && !strcmp(r->model, m->id)) printf("  release   %s (%s)\n", r->repo, r->format);
        }
        for (k = 0; k < llmsize_ollama_tag_count(); ++k) {
            const llmsize_ollama_tag *t = llmsize_ollama_tag_at(k);
            if (t->model && !strcmp(t->model, m->id)) printf("  ollama    %s (%s)\n", t->tag, primary(t->format, fid, sizeof fid));
        }
    }
    printf("  source    %s\n", m->source);
    printf("  layers %u, hidden %u, heads %u/%u kv, head_dim %u, vocab %u, max context %u\n", m->dims.layers,
           m->dims.hidden, m->dims.heads, m->dims.kv_heads, m->dims.head_dim, m->dims.vocab, m->dims.max_ctx);
    if (m->moe.experts)
        printf("  MoE: %u experts, %u active, expert FFN %u, %u shared\n", m->moe.experts, m->moe.active,
               m->moe.expert_ffn, m->moe.shared);
    if (m->flags & LLMSIZE_F_ENCODER || m->enc.head != LLMSIZE_HEAD_LM) {
        printf("  %s: head %s", (m->flags & LLMSIZE_F_ENCODER) ? "encoder (no KV cache; size a batch with activations)"
                                                               : "embedder", head);
        if (m->enc.head == LLMSIZE_HEAD_CLASSIFIER) printf(" to %u label%s", m->enc.labels, m->enc.labels == 1 ? "" : "s");
        printf(", position table %u, token types %u%s\n", m->enc.positions, m->enc.token_types,
               m->enc.decoder_layers ? ", plus a decoder with cross-attention" : "");
    }
    printf("  params_total  %llu (%.2fB)%s\n  params_active %llu (%.2fB)\n", (unsigned long long)p.total,
           p.total / 1e9, m->published_params == p.total ? "  = published" : "", (unsigned long long)p.active,
           p.active / 1e9);
    printf("  components:");
    for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k)
        printf("%s %s %llu", k ? (k == LLMSIZE_COMPONENT_ROUTER ? ",\n             " : ",") : "", llmsize_component_name(k),
               (unsigned long long)p.by_component[k]);
    printf("\n");
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
    st = llmsize_kv_bytes(m, o->ctx, o->seqs ? (uint32_t)o->seqs : 1u, d, &kv);
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
    const llmsize_gpu *a;
    const llmsize_format *f;
    llmsize_kv_dtype d;
    llmsize_status st;
    char id[32];
    if (!(a = o->hw)) { fprintf(stderr, "llmsize: speed needs --gpu G (or --gpu-mem GIB --gpu-bw GBS)\n"); return 2; }
    if (o->quant) {
        if (llmsize_find_format(o->quant, &f) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant);
    } else if (!o->res.model) {
        f = llmsize_checkpoint_format(m);
    } else if (!(f = o->res.format)) {
        fprintf(stderr, "llmsize: '%s' names a format llmsize does not know; give --quant\n", o->model);
        return 2;
    }
    if (llmsize_find_kv_dtype(o->kv_dtype, &d) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_KV_DTYPES, "KV dtype", o->kv_dtype);
    if (o->seqs > 1000000ull) { fprintf(stderr, "llmsize: --seqs too large\n"); return 2; }
    memset(&q, 0, sizeof q);
    q.model = m; q.format = f; q.gpu = a; q.kv_dtype = d; q.context = o->ctx; q.seqs = (uint32_t)o->seqs;
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

/* ---- shared pieces for the planning commands ---- */
/* A name from one of the library's vocabularies ("allowed_with_obligations") as words. */
static const char *words(const char *name) {
    static char buf[64];
    size_t i;
    if (!name) return "?";
    for (i = 0; name[i] && i + 1 < sizeof buf; ++i) buf[i] = name[i] == '_' ? ' ' : name[i];
    buf[i] = 0;
    return buf;
}
static const char *or_unknown(const char *name) { return name ? name : "?"; }

static void json_num_field(const char *k, unsigned long long v, int comma) { printf("\"%s\": %llu%s", k, v, comma ? ", " : ""); }

/* Model + GPU + format + engine flags -> a plan. Returns 0 (and has printed why) on error. */
static int plan_from_opts(const opts *o, const llmsize_model *m, llmsize_plan *p) {
    llmsize_kv_dtype d;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    memset(p, 0, sizeof *p);
    p->model = m;
    if (!(p->gpu = o->hw)) { fprintf(stderr, "llmsize: needs --gpu G (or --gpu-mem GIB --gpu-bw GBS)\n"); return 0; }
    if (o->engine && !find_engine(o->engine, o->engine_version, &e, &p->release)) return 0;
    p->engine = e;
    if (o->quant) {
        if (llmsize_find_format(o->quant, &p->format) != LLMSIZE_OK) { die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant); return 0; }
    } else if (o->res.model) {   /* the format of what was named, as the engine loads it */
        if (llmsize_format_for(&o->res, e, &p->format) != LLMSIZE_OK) {
            fprintf(stderr, "llmsize: '%s' names a format llmsize does not know; give --quant\n", o->model);
            return 0;
        }
    } else {   /* --config: a 16-bit checkpoint, or GGUF Q4_K_M for llama.cpp/Ollama */
        llmsize_resolution r;
        memset(&r, 0, sizeof r);
        r.model = m;
        r.format = llmsize_checkpoint_format(m);
        r.format_from = LLMSIZE_FROM_CHECKPOINT;
        llmsize_format_for(&r, e, &p->format);
    }
    if (llmsize_find_kv_dtype(o->kv_dtype, &d) != LLMSIZE_OK) { die_unknown(LLMSIZE_TABLE_KV_DTYPES, "KV dtype", o->kv_dtype); return 0; }
    if (o->gpus > 4096 || o->seqs > 1000000) { fprintf(stderr, "llmsize: --gpus / --seqs too large\n"); return 0; }
    p->kv_dtype = d;
    p->host_bw_gbs = o->host_bw;
    if (g_file_exact && p->format == o->res.format) p->weights = &g_file.bytes;   /* a file's exact bytes */
    p->gpus = (uint32_t)o->gpus;   /* the engine lays them out (llmsize_engine_splits_layers) */
    p->seqs = (uint32_t)o->seqs;
    p->context = o->ctx;
    p->mem_fraction = o->gpu_util;
    return 1;
}

/* One GPU's budget as a bar: weights, KV, activations + overhead, free. */
static void print_bar(const llmsize_plan_result *r) {
    const int width = 50;
    const double u = (double)r->usable_bytes > 0 ? (double)r->usable_bytes : 1.0;
    const double parts[3] = { (double)r->weight_bytes, (double)r->kv_bytes, (double)(r->activation_bytes + r->overhead_bytes) };
    const char marks[3] = { '#', '=', '+' };
    int i, k, used = 0;
    printf("  [");
    for (i = 0; i < 3; ++i) {
        int n = (int)(parts[i] / u * width + 0.5);
        if (used + n > width) n = width - used;
        for (k = 0; k < n; ++k) putchar(marks[i]);
        used += n;
    }
    for (; used < width; ++used) putchar('.');
    printf("] %s\n  # weights  = KV cache  + activations/overhead  . free   (per GPU, of %.2f GiB usable)\n",
           r->total_bytes > r->usable_bytes ? "OVER" : "", r->usable_bytes / GIB);
}

static void print_fit_human(const llmsize_plan *p, const llmsize_plan_result *r) {
    char id[32];
    const llmsize_engine_info *e = llmsize_engine_at(p->engine);
    printf("%s %s on %u x %s (%s): %s%s\n", p->model->id, primary(p->format->id, id, sizeof id), r->gpus, p->gpu->name,
           (p->model->flags & LLMSIZE_F_ENCODER) ? "encoder: weights + one batch's activations, any engine" : e ? e->name : "?",
           r->fits ? "FITS" : r->outcome == LLMSIZE_OUTCOME_OFFLOADS ? "RUNS, PARTLY ON THE CPU" : "DOES NOT FIT",
           r->fits && r->tight ? " (tight)" : "");
    {
        llmsize_plan d;   /* the release whose rules applied */
        if (!(p->model->flags & LLMSIZE_F_ENCODER) && p->engine != LLMSIZE_ENGINE_NONE && llmsize_plan_defaults(p, &d) == LLMSIZE_OK &&
            d.release)
            printf("  %s %s rules (released %s)%s\n", e ? e->name : "?", d.release->version, d.release->date,
                   p->release ? "" : ": its current release; --engine-version picks another");
    }
    print_bar(r);
    printf("  weights %.2f GiB, KV %.2f GiB (%llu tokens x %u), activations %.2f GiB, overhead %.2f GiB\n", r->weight_bytes / GIB,
           r->kv_bytes / GIB, (unsigned long long)r->context, r->seqs, r->activation_bytes / GIB, r->overhead_bytes / GIB);
    printf("  total %.2f GiB of %.2f GiB usable: headroom %.2f GiB\n", r->total_bytes / GIB, r->usable_bytes / GIB,
           (double)r->headroom_bytes / GIB);
    if (r->host_weight_bytes || r->host_kv_bytes)
        printf("  host memory: weights %.2f GiB, KV %.2f GiB\n", r->host_weight_bytes / GIB, r->host_kv_bytes / GIB);
    if (r->kv_pool_bytes || r->kv_capacity_tokens)
        printf("  KV pool %.2f GiB: %llu tokens (%llu blocks), max concurrency %.2fx at %llu tokens\n", r->kv_pool_bytes / GIB,
               (unsigned long long)r->kv_capacity_tokens, (unsigned long long)r->kv_blocks, r->max_concurrency,
               (unsigned long long)r->context);
    if (r->cache_cells)
        printf("  KV cells %llu%s\n", (unsigned long long)r->cache_cells, r->swa_cells ? " (plus a sliding-window cache)" : "");
    if (r->refused) {
        if (p->engine == LLMSIZE_ENGINE_VLLM && (p->flags & LLMSIZE_PLAN_VLLM_V0))
            printf("  vLLM would refuse: The model's max seq len (%llu) is larger than the maximum number of tokens that can be "
                   "stored in KV cache (%llu)\n", (unsigned long long)r->refusal_needed, (unsigned long long)r->refusal_available);
        else
            printf("  the engine would refuse: %.2f GiB KV cache is needed for one request at max seq len %llu, which is larger "
                   "than the available KV cache memory (%.2f GiB)\n", r->refusal_needed / GIB, (unsigned long long)r->context,
                   r->refusal_available / GIB);
    }
    if (r->outcome == LLMSIZE_OUTCOME_OFFLOADS)
        printf("  the engine starts with %u of %u layers on the GPU, the rest on the CPU (slower)\n", r->gpu_layers, p->model->dims.layers);
    else if (r->outcome == LLMSIZE_OUTCOME_OUT_OF_MEMORY)
        printf("  the engine runs out of memory allocating its weights and buffers\n");
    printf("  max context %llu tokens per sequence", (unsigned long long)r->max_context);
    if (r->decode_tps > 0)
        printf("; decode ~%.1f tok/s per sequence with %u decoding and the cache full (measurements fall %.1f-%.1f; "
               "one short request: llmsize speed)", r->decode_tps, r->seqs, r->decode_tps_low, r->decode_tps_high);
    else if (r->host_weight_bytes && !p->host_bw_gbs)
        printf("; decode: give the host memory's bandwidth, --host-bw GBS");
    printf("\n");
}

/* Every field of the result, named and typed by the library (llmsize_plan_result_field). */
static void print_fit_json(const llmsize_plan *p, const llmsize_plan_result *r, uint32_t max_seqs,
                           const llmsize_suggestion *sg) {
    char id[32];
    size_t i;
    printf("{");
    json_str("model", p->model->id, 1); json_str("format", primary(p->format->id, id, sizeof id), 1);
    json_str("gpu", p->gpu->id, 1); json_str("engine", llmsize_engine_name(p->engine), 1);
    {
        llmsize_plan d;
        json_str("engine_version", llmsize_plan_defaults(p, &d) == LLMSIZE_OK && d.release ? d.release->version : "", 1);
    }
    json_str("outcome", or_unknown(llmsize_outcome_name(r->outcome)), 1);
    for (i = 0; i < llmsize_plan_result_field_count(); ++i) {
        const llmsize_field *f = llmsize_plan_result_field(i);
        if (!strcmp(f->name, "outcome")) continue;   /* printed by its name above: one key each */
        printf("\"%s\": ", f->name);
        switch (f->kind) {
        case LLMSIZE_FIELD_BOOL: printf("%s, ", llmsize_field_u64(r, f) ? "true" : "false"); break;
        case LLMSIZE_FIELD_I64: printf("%lld, ", (long long)(int64_t)llmsize_field_u64(r, f)); break;
        case LLMSIZE_FIELD_F64: printf("%.4f, ", llmsize_field_f64(r, f)); break;
        default: printf("%llu, ", (unsigned long long)llmsize_field_u64(r, f)); break;
        }
    }
    json_num_field("max_seqs", max_seqs, sg != NULL);
    if (sg) {
        printf("\"suggestion\": {");
        json_str("format", sg->format ? primary(sg->format->id, id, sizeof id) : "", 1);
        json_num_field("gpus", sg->gpus, 1); json_num_field("context", sg->context, 1); json_num_field("seqs", sg->seqs, 0);
        printf("}");
    }
    printf("}\n");
}

/* The values nobody gave, and whose default each is (the library's llmsize_plan_defaults). */
static void print_defaults(const opts *o, const llmsize_plan *p) {
    llmsize_plan d;
    char id[32], who[96];
    const llmsize_engine_info *e = llmsize_engine_at(p->engine);
    const int from_command = o->cmd_at > 0;
    if ((p->context && p->seqs && (o->quant || from_command || o->res.how == LLMSIZE_HOW_GGUF_FILE)) ||
        llmsize_plan_defaults(p, &d) != LLMSIZE_OK) return;
    if (p->engine == LLMSIZE_ENGINE_NONE || !d.release) snprintf(who, sizeof who, "llmsize's default without an engine");
    else snprintf(who, sizeof who, "%s %s's default", e ? e->name : "?", d.release->version);
    printf("  defaults applied:");
    if (!o->quant && !from_command && o->res.how != LLMSIZE_HOW_GGUF_FILE)
        printf(" format %s (as released),", primary(p->format->id, id, sizeof id));
    if (!p->context) printf(" context %llu tokens (%s),", (unsigned long long)d.context, who);
    if (!p->seqs) printf(" %u sequence%s,", d.seqs, d.seqs == 1 ? "" : "s");
    printf(" %s\n", from_command ? "as the command line sets none of them" : "--quant, --ctx and --seqs set them");
}

/* fit / plan: the verdict, the budget, and what would fit instead. Exit 0 fits, 1 not. */
static int run_fit(const opts *o, const llmsize_plan *p) {
    llmsize_plan_result r;
    llmsize_suggestion sg;
    uint32_t max_seqs = 0;
    llmsize_status st = llmsize_plan_fit(p, &r);
    char id[32];
    if (st != LLMSIZE_OK) {
        const char *why = NULL;   /* which field broke which rule */
        (void)llmsize_plan_check(p, &why);
        fprintf(stderr, "llmsize: %s%s%s\n", llmsize_strerror(st), why ? ": " : "", why ? why : "");
        return 2;
    }
    llmsize_plan_max_seqs(p, &max_seqs);
    memset(&sg, 0, sizeof sg);
    if (!r.fits) llmsize_plan_suggest(p, &sg);
    if (o->json) { print_fit_json(p, &r, max_seqs, r.fits ? NULL : &sg); return r.fits ? 0 : 1; }
    print_fit_human(p, &r);
    print_defaults(o, p);
    if (p->flags & LLMSIZE_PLAN_NO_KV_OFFLOAD) printf("  max sequences at this context: as host memory allows (-nkvo keeps the cache there)\n");
    else printf("  max sequences at this context: %u%s\n", max_seqs, max_seqs ? "" : " (not one fits in GPU memory)");
    if (!r.fits) {
        printf("  what would fit instead (one change each):\n");
        if (sg.format) printf("    format  %s (quality loss %.2f %% %s)\n", primary(sg.format->id, id, sizeof id),
                              sg.format_quality.loss_pct, or_unknown(llmsize_metric_name(sg.format_quality.metric)));
        if (sg.gpus) printf("    GPUs    %u x %s\n", sg.gpus, p->gpu->name);
        if (sg.context) printf("    context %llu tokens\n", (unsigned long long)sg.context);
        if (sg.seqs) printf("    seqs    %u\n", sg.seqs);
        if (!sg.format && !sg.gpus && !sg.context && !sg.seqs) printf("    nothing in reach on this hardware\n");
    }
    return r.fits ? 0 : 1;
}

static int cmd_fit(const opts *o, const llmsize_model *m) {
    llmsize_plan p;
    if (!plan_from_opts(o, m, &p)) return 2;
    return run_fit(o, &p);
}

static int cmd_plan(const opts *o, int argc, char **argv) {
    extern char **environ;
    llmsize_parsed ps;
    llmsize_status st;
    size_t envc = 0;
    opts o2 = *o;
    if (!o->cmd_at || o->cmd_at >= argc) { fprintf(stderr, "llmsize: plan needs '-- ENGINE ARGS...'\n"); return 2; }
    while (environ && environ[envc]) ++envc;
    st = llmsize_parse_command((size_t)(argc - o->cmd_at), (const char *const *)(argv + o->cmd_at), envc,
                               (const char *const *)environ, &ps);
    if (st == LLMSIZE_ERR_PARSE) { fprintf(stderr, "llmsize: %s: bad value for %s\n", llmsize_strerror(st), ps.error_flag); return 2; }
    if (st != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (!ps.plan.model) {
        char name[256];
        if (!ps.model_arg) { fprintf(stderr, "llmsize: the command names no model\n"); return 2; }
        snprintf(name, sizeof name, "%.*s", (int)ps.model_arg_len, ps.model_arg);
        return die_model(name, (llmsize_status)ps.resolve_status);
    }
    if (!o->json) {
        char name[256];
        llmsize_resolution r;
        memset(&r, 0, sizeof r);
        snprintf(name, sizeof name, "%.*s", (int)ps.model_arg_len, ps.model_arg);
        r.model = ps.plan.model; r.format = ps.plan.format; r.how = ps.how; r.format_from = ps.format_from;
        print_resolution(&r, name);
    }
    if (!ps.plan.format) { fprintf(stderr, "llmsize: cannot tell the weight format; name it with the engine's flag\n"); return 2; }
    o2.quant = NULL;
    if (!(ps.plan.gpu = o->hw)) { fprintf(stderr, "llmsize: plan needs --gpu G (or --gpu-mem GIB --gpu-bw GBS)\n"); return 2; }
    ps.plan.host_bw_gbs = o->host_bw;
    if (o->engine_version || o->engine) {   /* the version the command runs on */
        llmsize_engine e = LLMSIZE_ENGINE_NONE;
        if (!find_engine(o->engine ? o->engine : llmsize_engine_name(ps.plan.engine), o->engine_version, &e, &ps.plan.release)) return 2;
        if ((uint32_t)e != ps.plan.engine) {
            fprintf(stderr, "llmsize: --engine %s, but the command runs %s\n", o->engine, llmsize_engine_name(ps.plan.engine));
            return 2;
        }
    }
    if (o->gpus) {   /* the node's GPUs: a layout the command names must fit in them; else it spreads over them */
        const uint64_t need = (uint64_t)ps.plan.tp * (ps.plan.pp ? ps.plan.pp : 1u) * (ps.plan.dp ? ps.plan.dp : 1u);
        if (ps.plan.tp && need > o->gpus) {
            fprintf(stderr, "llmsize: the command runs on %llu GPUs (tp %u x pp %u x dp %u); --gpus says the node has %llu\n",
                    (unsigned long long)need, ps.plan.tp, ps.plan.pp ? ps.plan.pp : 1u, ps.plan.dp ? ps.plan.dp : 1u, o->gpus);
            return 1;
        }
        if (!ps.plan.tp) ps.plan.gpus = (uint32_t)o->gpus;
        else if (need < o->gpus && !o->json)
            printf("(the command uses %llu of the node's %llu GPUs)\n", (unsigned long long)need, o->gpus);
        if ((ps.plan.flags & LLMSIZE_PLAN_ONE_GPU) && o->gpus > 1 && !o->json)
            printf("(-sm none: the command uses 1 of the node's %llu GPUs)\n", o->gpus);
    }
    if (!o->json && ps.unknown_flags) {   /* named, so a reader can tell whether one matters */
        uint32_t k;
        printf("(not modelled, ignored:");
        for (k = 0; k < ps.unknown_flags && k < LLMSIZE_MAX_UNKNOWN_FLAGS; ++k)
            printf(" %.*s", (int)ps.unknown_flag_len[k], ps.unknown_flag[k]);
        if (ps.unknown_flags > LLMSIZE_MAX_UNKNOWN_FLAGS) printf(" and %u more", ps.unknown_flags - LLMSIZE_MAX_UNKNOWN_FLAGS);
        printf(")\n");
    }
    (void)o2;
    return run_fit(o, &ps.plan);
}

static int cmd_max_context(const opts *o, const llmsize_model *m) {
    llmsize_plan p;
    uint64_t c = 0;
    llmsize_status st;
    if (!plan_from_opts(o, m, &p)) return 2;
    if ((st = llmsize_plan_max_context(&p, &c)) != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) printf("{\"model\": \"%s\", \"max_context\": %llu}\n", m->id, (unsigned long long)c);
    else printf("%s: longest context that fits: %llu tokens per sequence (model maximum %u)\n", m->id, (unsigned long long)c,
                m->dims.max_ctx);
    return c ? 0 : 1;
}

static int cmd_min_gpus(const opts *o, const llmsize_model *m) {
    llmsize_plan p;
    uint32_t n = 0;
    llmsize_status st;
    if (!plan_from_opts(o, m, &p)) return 2;
    p.tp = 0;
    st = llmsize_plan_min_gpus(&p, 64u, &n);
    if (st != LLMSIZE_OK && st != LLMSIZE_ERR_UNSUPPORTED) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) printf("{\"model\": \"%s\", \"gpu\": \"%s\", \"min_gpus\": %u}\n", m->id, p.gpu->id, n);
    else if (n) printf("%s on %s: %u GPU%s (%s)\n", m->id, p.gpu->name, n, n > 1 ? "s" : "",
                       llmsize_engine_splits_layers(p.engine) ? "layers split over them, run in turn" : "tensor parallel");
    else printf("%s on %s: does not fit on up to 64 GPUs\n", m->id, p.gpu->name);
    return n ? 0 : 1;
}

static int cmd_quality(const opts *o, const llmsize_model *m) {
    size_t i, n = 0;
    char id[32];
    if (o->json) printf("[\n");
    else printf("%-12s %9s %19s %-9s %-12s %s\n", "format", "loss %", "range", "metric", "confidence", "reference (source)");
    for (i = 0; i < llmsize_format_count(); ++i) {
        const llmsize_format *f = llmsize_format_at(i);
        llmsize_quality q;
        if (o->quant) {
            const llmsize_format *want = NULL;
            if (llmsize_find_format(o->quant, &want) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant);
            if (want != f) continue;
        }
        if (llmsize_quality_of(m, f, &q) != LLMSIZE_OK) {
            if (o->quant && !o->json) printf("%-12s no published quality figure\n", primary(f->id, id, sizeof id));
            continue;
        }
        if (o->json) {
            printf("%s  {", n++ ? ",\n" : "");
            json_str("format", primary(f->id, id, sizeof id), 1); json_str("metric", or_unknown(llmsize_metric_name(q.metric)), 1);
            printf("\"loss_pct\": %.4f, \"loss_low_pct\": %.4f, \"loss_high_pct\": %.4f, \"kld\": %.6f, ", q.loss_pct,
                   q.loss_low_pct, q.loss_high_pct, q.kld);
            json_str("confidence", or_unknown(llmsize_confidence_name(q.confidence)), 1); json_str("note", q.note, 1);
            json_str("reference", q.ref ? q.ref->ref_model : "", 1); json_str("benchmark", q.ref ? q.ref->benchmark : "", 1);
            json_str("source", q.ref ? q.ref->source : "", 0);
            printf("}");
        } else {
            printf("%-12s %9.2f   [%6.2f, %6.2f] %-9s %-12s %s (%s)\n", primary(f->id, id, sizeof id), q.loss_pct, q.loss_low_pct,
                   q.loss_high_pct, or_unknown(llmsize_metric_name(q.metric)), or_unknown(llmsize_confidence_name(q.confidence)), q.ref ? q.ref->ref_model : "-",
                   q.ref ? q.ref->source : q.note);
        }
    }
    if (o->json) printf("\n]\n");
    return 0;
}

static void print_findings(const char *title, const llmsize_finding *f, uint32_t n, int json) {
    uint32_t i;
    if (json) {
        printf("\"%s\": [", title);
        for (i = 0; i < n; ++i) {
            printf("%s{", i ? ", " : "");
            json_str("license", f[i].license, 1); json_str("verdict", or_unknown(llmsize_verdict_name(f[i].verdict)), 1);
            json_str("text", f[i].text, 1); json_str("clause", f[i].clause, 0);
            printf("}");
        }
        printf("]");
        return;
    }
    if (n) printf("%s:\n", title);
    for (i = 0; i < n; ++i)
        printf("  - [%s] %s\n      %s\n", f[i].license ? f[i].license : "?", f[i].text ? f[i].text : "",
               f[i].clause ? f[i].clause : "");
}

static int cmd_license(const opts *o, const llmsize_model *m) {
    llmsize_use u;
    llmsize_license_result r;
    llmsize_status st;
    memset(&u, 0, sizeof u);
    u.commercial = o->commercial; u.mau = o->mau; u.mau_at_release = o->mau_at_release; u.revenue_usd = o->revenue;
    u.eu = o->eu; u.multimodal = o->multimodal; u.redistribute = o->redistribute; u.train_on_outputs = o->train;
    u.offered = o->offered;
    if ((st = llmsize_license_check(m, &u, &r)) != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) {
        printf("{");
        json_str("model", m->id, 1); json_str("license", m->license, 1);
        printf("\"allowed\": %s, ", r.verdict == LLMSIZE_VERDICT_ALLOWED || r.verdict == LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS ? "true"
                                   : r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED ? "false" : "null");
        json_str("verdict", or_unknown(llmsize_verdict_name(r.verdict)), 1);
        print_findings("obligations", r.obligations, r.n_obligations, 1);
        printf(", ");
        print_findings("reasons", r.reasons, r.n_reasons, 1);
        printf("}\n");
    } else {
        printf("%s (licence %s): %s\n", m->id, m->license, words(llmsize_verdict_name(r.verdict)));
        print_findings("obligations", r.obligations, r.n_obligations, 0);
        print_findings("reasons", r.reasons, r.n_reasons, 0);
    }
    return r.verdict == LLMSIZE_VERDICT_NOT_ALLOWED ? 1 : r.verdict == LLMSIZE_VERDICT_UNKNOWN ? 3 : 0;
}

static int parse_tasks(const char *spec, uint32_t *tasks) {
    const char *p = spec;
    *tasks = 0;
    while (*p) {
        size_t n = strcspn(p, ","), i;
        for (i = 0; llmsize_task_name((uint32_t)i); ++i)
            if (strlen(llmsize_task_name((uint32_t)i)) == n && !strncmp(p, llmsize_task_name((uint32_t)i), n)) break;
        if (!llmsize_task_name((uint32_t)i)) return 0;
        *tasks |= 1u << i;
        p += n + (p[n] == ',');
    }
    return 1;
}

static int cmd_pick(const opts *o) {
    static llmsize_candidate c[512];
    static const llmsize_model *mine[512];
    size_t nm = 0;
    llmsize_select_request q;
    llmsize_use use;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    const llmsize_engine_release *rel = NULL;
    size_t n = 0, good = 0, i;
    llmsize_status st;
    char id[32];
    llmsize_select_request_init(&q);   /* the library's recommendation floors; flags change them */
    if (!(q.gpu = o->hw)) { fprintf(stderr, "llmsize: pick needs --gpu G (or --gpu-mem GIB --gpu-bw GBS)\n"); return 2; }
    if (o->engine && !find_engine(o->engine, o->engine_version, &e, &rel)) return 2;
    if (o->license_use && llmsize_parse_use(o->license_use, &use) != LLMSIZE_OK) { fprintf(stderr, "llmsize: --license-use: bad list '%s'\n", o->license_use); return 2; }
    if (o->task && !parse_tasks(o->task, &q.tasks)) {
        uint32_t i;
        fprintf(stderr, "llmsize: --task: one or more of ");
        for (i = 0; llmsize_task_name(i); ++i) fprintf(stderr, "%s%s", i ? "," : "", llmsize_task_name(i));
        fprintf(stderr, "\n");
        return 2;
    }
    if (o->gpus > 4096 || o->seqs > 1000000) { fprintf(stderr, "llmsize: --gpus / --seqs too large\n"); return 2; }
    q.engine = e; q.release = rel; q.gpus = (uint32_t)o->gpus; q.seqs = (uint32_t)o->seqs; q.context = o->ctx;
    if (o->min_tps_set) q.min_tps = o->min_tps;
    if (o->max_loss_set) { q.max_loss_pct = o->max_loss; q.quality_metric = o->max_loss > 0 ? LLMSIZE_METRIC_PPL : LLMSIZE_METRIC_NONE; }
    q.use = o->license_use ? &use : NULL; q.origin_exclude = o->origin_exclude; q.origin_require = o->origin_require;
    if (o->models) {   /* names as people write them (repo ids, Ollama tags), each resolved or refused */
        const char *p = o->models;
        char name[256];
        while (*p) {
            size_t k = strcspn(p, ",");
            llmsize_resolution r;
            if (!k || k >= sizeof name || nm == sizeof mine / sizeof mine[0]) {
                fprintf(stderr, "llmsize: --models: a comma-separated list of at most %zu names\n", sizeof mine / sizeof mine[0]);
                return 2;
            }
            memcpy(name, p, k);
            name[k] = '\0';
            if ((st = llmsize_resolve_for(name, e, &r)) != LLMSIZE_OK) return die_model(name, st);
            mine[nm++] = r.model;
            p += k + (p[k] == ',');
        }
        if (!nm) { fprintf(stderr, "llmsize: --models: no names\n"); return 2; }
        q.models = mine; q.n_models = nm;
    }
    if ((st = llmsize_select(&q, c, sizeof c / sizeof c[0], &n, &good)) != LLMSIZE_OK) {
        fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st));
        return 2;
    }
    if (o->json) {
        int first = 1;
        printf("{\"candidates\": [");
        for (i = 0; i < n; ++i) {
            if (c[i].rejected) continue;
            printf("%s\n  {\"rank\": %u, ", first ? "" : ",", c[i].rank);
            first = 0;
            json_str("model", c[i].model->id, 1); json_str("format", primary(c[i].format->id, id, sizeof id), 1);
            printf("\"effective_params_b\": %.2f, \"quality_loss_pct\": %.3f, \"decode_tps\": %.2f, \"weight_bytes\": %llu, "
                   "\"headroom_bytes\": %lld, ", c[i].effective_params_b, c[i].quality.loss_pct, c[i].decode_tps,
                   (unsigned long long)c[i].fit.weight_bytes, (long long)c[i].fit.headroom_bytes);
            json_str("reason", c[i].reason, 0);
            printf("}");
        }
        printf("],\n\"rejected\": [");
        first = 1;
        for (i = 0; i < n; ++i) {
            if (!c[i].rejected) continue;
            printf("%s\n  {", first ? "" : ",");
            first = 0;
            json_str("model", c[i].model->id, 1); json_str("reason", c[i].reason, 0);
            printf("}");
        }
        printf("]}\n");
        return good ? 0 : 1;
    }
    printf("%zu candidate%s for %s%s:\n", good, good == 1 ? "" : "s", q.gpu->name, good ? "" : " (none)");
    printf("  floors: ");   /* what every candidate meets, and how to change it */
    if (q.min_tps > 0) printf("%.1f tok/s per user%s, ", q.min_tps, o->min_tps_set ? "" : " (reading speed; --min-tps)");
    if (q.max_loss_pct > 0) printf("quality loss <= %.1f %%%s, ", q.max_loss_pct, o->max_loss_set ? "" : " (--max-ppl-delta)");
    if (q.tasks) {
        uint32_t k, first = 1;
        printf("tasks ");
        for (k = 0; llmsize_task_name(k); ++k)
            if (q.tasks & (1u << k)) { printf("%s%s", first ? "" : "+", llmsize_task_name(k)); first = 0; }
        printf("%s, ", o->task ? "" : " (--task)");
    }
    printf("%u sequence%s x %llu tokens\n", q.seqs ? q.seqs : 1u, q.seqs > 1 ? "s" : "",
           (unsigned long long)(q.context ? q.context : LLMSIZE_DEFAULT_CONTEXT));
    for (i = 0; i < n; ++i) {
        if (c[i].rejected) continue;
        printf("%3u. %-32s %-9s %7.1fB eff.  loss %6.2f %%  %7.1f tok/s/user  headroom %7.2f GiB\n", c[i].rank, c[i].model->id,
               primary(c[i].format->id, id, sizeof id), c[i].effective_params_b, c[i].quality.loss_pct, c[i].decode_tps,
               (double)c[i].fit.headroom_bytes / GIB);
    }
    if (o->explain) {
        printf("rejected:\n");
        for (i = 0; i < n; ++i)
            if (c[i].rejected) printf("     %-32s %s\n", c[i].model->id, c[i].reason);
    } else {   /* how many each constraint turned away; --explain names them */
        uint32_t k;
        const char *sep = " ";
        printf("rejected (--explain lists each with its reason):");
        for (k = 1; llmsize_reject_name(k); ++k) {
            size_t cnt = 0;
            for (i = 0; i < n; ++i) cnt += c[i].rejected == k;
            if (cnt) { printf("%s%zu %s", sep, cnt, llmsize_reject_name(k)); sep = ", "; }
        }
        printf("%s\n", *sep == ' ' ? " none" : "");
    }
    return good ? 0 : 1;
}

static int cmd_check(const opts *o, const llmsize_model *m) {
    llmsize_claim cl;
    llmsize_claim_check ck;
    llmsize_status st;
    memset(&cl, 0, sizeof cl);
    cl.model = m;
    if (!o->quant) { fprintf(stderr, "llmsize: check needs --quant Q (the precision the claim states)\n"); return 2; }
    if (llmsize_find_format(o->quant, &cl.format) != LLMSIZE_OK) return die_unknown(LLMSIZE_TABLE_FORMATS, "format", o->quant);
    cl.gpu = o->hw;
    cl.bytes = o->bytes ? o->bytes : (uint64_t)(o->gb * 1e9);
    if (o->gb > 0 && cl.bytes == 0) {   /* a claim too small to be a byte is no claim, not "possible" */
        fprintf(stderr, "llmsize: --gb %g is less than a byte\n", o->gb);
        return 2;
    }
    cl.tps = o->tps;
    if ((st = llmsize_check_claim(&cl, &ck)) != LLMSIZE_OK) { fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st)); return 2; }
    if (o->json) {
        printf("{\"model\": \"%s\", \"weight_bytes\": %llu, \"bytes_ratio\": %.4f, \"bytes_possible\": %s, \"fits_gpu\": %s, "
               "\"max_tps\": %.2f, \"tps_ratio\": %.4f, \"tps_possible\": %s}\n", m->id, (unsigned long long)ck.weight_bytes,
               ck.bytes_ratio, cl.bytes ? (ck.bytes_possible ? "true" : "false") : "null",
               cl.gpu ? (ck.fits_gpu ? "true" : "false") : "null", ck.max_tps, ck.tps_ratio,
               cl.tps > 0 && cl.gpu ? (ck.tps_possible ? "true" : "false") : "null");
    } else {
        printf("%s at %s: the weights alone are %.2f GB\n", m->id, o->quant, ck.weight_bytes / 1e9);
        if (cl.bytes)
            printf("  claimed %.2f GB = %.0f %% of that: %s\n", cl.bytes / 1e9, 100 * ck.bytes_ratio,
                   ck.bytes_possible ? "possible" : "IMPOSSIBLE (less than the weights)");
        if (cl.gpu) printf("  on %s: the weights %s; best-case decode %.1f tok/s\n", cl.gpu->name,
                             ck.fits_gpu ? "fit" : "DO NOT FIT", ck.max_tps);
        if (cl.tps > 0 && cl.gpu)
            printf("  claimed %.1f tok/s = %.0f %% of that bound: %s\n", cl.tps, 100 * ck.tps_ratio,
                   ck.tps_possible ? "possible" : "IMPOSSIBLE");
    }
    return (cl.bytes && !ck.bytes_possible) || (cl.tps > 0 && cl.gpu && !ck.tps_possible) ? 1 : 0;
}

/* The main job on embedded defaults: the booklet's deployment scenarios as plans, then
   what fits where (every model x bf16/fp8/Q4_K_M x five accelerators). */
static void run_scenario(const char *title, const char *m, const char *f, const char *g, const char *engine,
                         unsigned long long ctx, unsigned users) {
    llmsize_plan p;
    llmsize_plan_result r;
    llmsize_engine e = LLMSIZE_ENGINE_NONE;
    memset(&p, 0, sizeof p);
    if (llmsize_find_model(m, &p.model) != LLMSIZE_OK || llmsize_find_format(f, &p.format) != LLMSIZE_OK ||
        llmsize_find_gpu(g, &p.gpu) != LLMSIZE_OK || llmsize_find_engine(engine, &e) != LLMSIZE_OK)
        return;
    p.engine = e; p.context = ctx; p.seqs = users;
    if (llmsize_plan_fit(&p, &r) != LLMSIZE_OK) return;
    printf("  %-36s %-22s %-7s %-9s %-9s %-12s weights %6.1f GiB, KV %5.1f GiB, headroom %6.1f GiB, %6.1f tok/s/user\n", title, m, f,
           g, engine, r.fits ? (r.tight ? "FITS (tight)" : "FITS") : "DOES NOT FIT", r.weight_bytes / GIB, r.kv_bytes / GIB,
           (double)r.headroom_bytes / GIB, r.decode_tps);
}

static int cmd_run(void) {
    static const char *const gpus[] = { "h100-sxm", "h200", "dgx-spark", "rtx-4090", "m4-max-128gb" };
    static const char *const fmts[] = { "bf16", "fp8", "Q4_K_M" };
    size_t i, g, k;
    printf("Deployment scenarios (per GPU, engine rules applied):\n");
    run_scenario("1 helpdesk, 10 users, EU origin", "mistral-small-4-119b", "awq", "dgx-spark", "sglang", 8192, 10);
    run_scenario("1 ... rejected: too slow", "llama-3.3-70b", "Q4_K_M", "dgx-spark", "llamacpp", 8192, 1);
    run_scenario("2 code review, 32K context", "qwen3-32b", "fp8", "h100-sxm", "vllm", 32768, 1);
    run_scenario("2 ... 70B at FP8: no room for KV", "llama-3.3-70b", "fp8", "h100-sxm", "vllm", 32768, 1);
    run_scenario("2 ... Devstral 2 at Q4", "devstral-2-123b", "Q4_K_M", "h100-sxm", "llamacpp", 32768, 1);
    run_scenario("3 70B replacement, 20 users", "llama-3.3-70b", "awq", "h100-sxm", "vllm", 4096, 20);
    run_scenario("3 ... at FP8 on H100", "llama-3.3-70b", "fp8", "h100-sxm", "vllm", 4096, 20);
    run_scenario("3 ... at FP8 on H200", "llama-3.3-70b", "fp8", "h200", "vllm", 4096, 20);
    printf("\nWhat fits where: weights + KV at %u tokens for one sequence, against usable memory\n"
           "(encoders: weights + one input's activations at their longest; they decode no tokens, so no tok/s).\n",
           LLMSIZE_DEFAULT_CONTEXT);
    printf("Cell: fit verdict and expected decode tok/s (FIT, TIGHT = under %u%% headroom, NO).\n\n%-30s %-7s",
           LLMSIZE_DEFAULT_TIGHT_PCT,
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
                llmsize_plan p;
                llmsize_plan_result r;
                char cell[32];
                memset(&p, 0, sizeof p);
                /* encoders: one input at their longest (Whisper: 448 decoder tokens); no tok/s */
                p.model = m; p.format = f; p.context = (m->flags & LLMSIZE_F_ENCODER) ? 0 : LLMSIZE_DEFAULT_CONTEXT;
                llmsize_find_gpu(gpus[g], &p.gpu);
                if (llmsize_plan_fit(&p, &r) != LLMSIZE_OK)
                    snprintf(cell, sizeof cell, "n/a");
                else if (!r.fits)
                    snprintf(cell, sizeof cell, "NO %5.0fGiB", r.total_bytes / GIB);
                else if (m->flags & LLMSIZE_F_ENCODER)
                    snprintf(cell, sizeof cell, "%s     -", r.tight ? "TIGHT" : "FIT");
                else
                    snprintf(cell, sizeof cell, "%s %5.1f", r.tight ? "TIGHT" : "FIT", r.decode_tps);
                printf(" %14s", cell);
            }
            printf("\n");
        }
    }
    return 0;
}

/* --config: read the file (the CLI does I/O; the library does not) and describe the model. */
static const llmsize_model *model_from_config(const char *path) {
    static llmsize_model m;
    static char text[1 << 20];
    size_t n;
    llmsize_status st;
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return NULL; }
    n = fread(text, 1, sizeof text, f);
    if (!feof(f)) { fprintf(stderr, "llmsize: %s is larger than 1 MiB; not a config.json\n", path); fclose(f); return NULL; }
    fclose(f);
    if ((st = llmsize_model_from_hf_config(text, n, &m)) != LLMSIZE_OK) {
        fprintf(stderr, "llmsize: %s: %s\n", path, llmsize_strerror(st));
        return NULL;
    }
    return &m;
}

static llmsize_status read_header(const char *path, llmsize_file_info *fi);

/* The table models with a file's architecture when its name does not say which one it is. */
static void print_candidates(const llmsize_file_info *fi) {
    const llmsize_model *c[16];
    size_t n = 0, k;
    llmsize_file_matches(fi, c, 16, &n);
    printf("(the file's architecture is that of %zu table models", n);
    for (k = 0; k < n && k < 16; ++k) printf("%s%s", k ? ", " : ": ", c[k]->id);
    printf("; its general.name '%s' names none of them alone)\n", fi->name);
}

/* MODEL as a local file or checkpoint, the way gguf-parser and hf-mem read them: a GGUF or
   safetensors file (its header, sized exactly), a directory holding a Hugging Face
   checkpoint's config.json, or a repo id present in the local Hugging Face cache.
   Returns 1 with *m set, 0 when MODEL is none of those, -1 on an error (printed). */

static int is_dir(const char *p) { struct stat s; return stat(p, &s) == 0 && S_ISDIR(s.st_mode); }
static int is_file(const char *p) { struct stat s; return stat(p, &s) == 0 && S_ISREG(s.st_mode); }

/* The snapshot directory of a repo id in the Hugging Face cache (HF_HUB_CACHE, HF_HOME/hub,
   ~/.cache/huggingface/hub): models--ORG--NAME/snapshots/<refs/main>. */
static int hf_cache_snapshot(const char *repo, char *out, size_t cap) {
    char base[1024], ref[128], path[1280], refs[1300];
    const char *env;
    size_t k, n;
    FILE *f;
    if (!strchr(repo, '/') || strlen(repo) > 200 || strstr(repo, "..")) return 0;
    if ((env = getenv("HF_HUB_CACHE")) && *env) snprintf(base, sizeof base, "%s", env);
    else if ((env = getenv("HF_HOME")) && *env) snprintf(base, sizeof base, "%s/hub", env);
    else if ((env = getenv("HOME")) && *env) snprintf(base, sizeof base, "%s/.cache/huggingface/hub", env);
    else return 0;
    n = (size_t)snprintf(path, sizeof path, "%s/models--", base);
    for (k = 0; repo[k] && n + 2 < sizeof path; ++k) {   /* "org/name" -> "org--name" */
        if (repo[k] == '/') { path[n++] = '-'; path[n++] = '-'; }
        else path[n++] = repo[k];
    }
    path[n] = '\0';
    snprintf(refs, sizeof refs, "%s/refs/main", path);
    if (!(f = fopen(refs, "r"))) return 0;
    k = fread(ref, 1, sizeof ref - 1, f);
    fclose(f);
    while (k && (ref[k - 1] == '\n' || ref[k - 1] == '\r' || ref[k - 1] == ' ')) --k;
    ref[k] = '\0';
    if (!k || strchr(ref, '/')) return 0;
    snprintf(out, cap, "%s/snapshots/%s", path, ref);
    return is_dir(out);
}

static const llmsize_model *model_from_config(const char *path);

static int local_model(opts *o, const llmsize_model **m) {
    char dir[1600], cfg[1700];
    const char *name = o->model;
    const size_t len = strlen(name);
    int cached = 0;
    llmsize_status st;
    if (is_file(name) && ((len > 5 && !strcmp(name + len - 5, ".gguf")) || (len > 12 && !strcmp(name + len - 12, ".safetensors")))) {
        const llmsize_model *t = NULL;
        if ((st = read_header(name, &g_file)) != LLMSIZE_OK) {
            if (st != LLMSIZE_ERR_INVALID_ARG) fprintf(stderr, "llmsize: %s: %s\n", name, llmsize_strerror(st));
            return -1;
        }
        st = llmsize_file_match(&g_file, &t);
        memset(&o->res, 0, sizeof o->res);
        if (st == LLMSIZE_OK) *m = t;
        else if (g_file.has_model) *m = &g_file.model;   /* the file's own description: sized all the same */
        else { fprintf(stderr, "llmsize: %s: its header names no model llmsize can size\n", name); return -1; }
        if (g_file.kind == LLMSIZE_FILE_GGUF && !g_file.format) {
            fprintf(stderr, "llmsize: %s: GGUF file type %u is not in the table\n", name, g_file.file_type);
            return -1;
        }
        o->res.model = *m;
        o->res.format = g_file.format;
        if (!o->res.format) llmsize_find_format(!strcmp(g_file.dtype, "F32") ? "f32" : "bf16", &o->res.format);
        o->res.how = LLMSIZE_HOW_GGUF_FILE;
        o->res.format_from = LLMSIZE_FROM_NAME;
        g_file_exact = !o->quant;
        if (!o->json) {
            if (st == LLMSIZE_ERR_AMBIGUOUS) print_candidates(&g_file);
            printf("(sized from the %s header of %s: %.2f GiB of tensors%s%s%s)\n",
                   g_file.kind == LLMSIZE_FILE_GGUF ? "GGUF" : "safetensors", name, g_file.bytes.total / GIB,
                   o->res.format ? ", " : "", o->res.format ? o->res.format->id : "",
                   st == LLMSIZE_OK ? "; the table's row for its architecture" : "; its own metadata, no table row");
            if (st == LLMSIZE_OK) printf("(matches %s)\n", t->id);
        }
        return 1;
    }
    if (is_dir(name)) snprintf(dir, sizeof dir, "%s", name);
    else {
        llmsize_resolution r;
        st = llmsize_resolve(name, &r);
        /* a name the table knows as it is written stays the table's; one it is not (unknown, or
           only a guess from the words in it: a fine-tune's repo) is read from its download */
        if ((st == LLMSIZE_OK && r.how != LLMSIZE_HOW_DERIVED) || !hf_cache_snapshot(name, dir, sizeof dir)) return 0;
        cached = 1;
    }
    snprintf(cfg, sizeof cfg, "%s/config.json", dir);
    if (!is_file(cfg)) {
        if (!cached) fprintf(stderr, "llmsize: %s is a directory without a config.json\n", name);
        return cached ? 0 : -1;
    }
    if (!(*m = model_from_config(cfg))) return -1;
    memset(&o->res, 0, sizeof o->res);
    if (!o->json) printf("(sized from %s%s)\n", cfg, cached ? ", in the Hugging Face cache" : "");
    return 1;
}

/* inspect FILE: read the header (the CLI does the I/O: 1 MiB first, then what the library
   says it needs), print the exact breakdown, the table model it matches and the prediction. */
static unsigned char *read_prefix(const char *path, size_t want, size_t *got) {
    FILE *f = fopen(path, "rb");
    unsigned char *b;
    if (!f) { perror(path); return NULL; }
    b = (unsigned char *)malloc(want ? want : 1);
    *got = b ? fread(b, 1, want, f) : 0;
    fclose(f);
    return b;
}

/* A file's header: 1 MiB first, then as many bytes as the library asks for; never the
   whole file. */
static llmsize_status read_header(const char *path, llmsize_file_info *fi) {
    size_t want = 1 << 20, got = 0;
    unsigned char *buf = NULL;
    int rounds = 0;
    llmsize_status st;
    for (;;) {
        free(buf);
        if (!(buf = read_prefix(path, want, &got))) return LLMSIZE_ERR_INVALID_ARG;
        st = llmsize_read_file(buf, got, fi);
        if (st != LLMSIZE_ERR_TRUNCATED || got < want || ++rounds > 12 || fi->needed > ((uint64_t)1 << 30)) break;
        want = (size_t)fi->needed;
    }
    free(buf);
    return st;
}

static int cmd_inspect(const opts *o, const char *path) {
    llmsize_file_info fi;
    llmsize_status st;
    const llmsize_model *m;
    llmsize_weights pred;
    llmsize_gguf_mix pmix;
    int k, have_pred = 0, have_mix = 0;
    unsigned t;
    const uint64_t *exact = fi.bytes.by_component, *exact_p = fi.params.by_component, *predicted = pred.by_component;
    if ((st = read_header(path, &fi)) != LLMSIZE_OK) {
        if (st != LLMSIZE_ERR_INVALID_ARG) fprintf(stderr, "llmsize: %s: %s\n", path, llmsize_strerror(st));
        return 2;
    }
    if (llmsize_file_match(&fi, &m) == LLMSIZE_ERR_AMBIGUOUS && !o->json) print_candidates(&fi);
    if (m) {
        const llmsize_format *f = fi.format;
        if (!f && fi.kind == LLMSIZE_FILE_SAFETENSORS) llmsize_find_format(!strcmp(fi.dtype, "F32") ? "f32" : "bf16", &f);
        have_pred = f && llmsize_weight_bytes(m, f, &pred) == LLMSIZE_OK;
        have_mix = f && fi.kind == LLMSIZE_FILE_GGUF && llmsize_gguf_mix_of(m, f, &pmix) == LLMSIZE_OK;
    }
    if (o->json) {
        printf("{"); json_str("file", path, 1); json_str("kind", fi.kind == LLMSIZE_FILE_GGUF ? "gguf" : "safetensors", 1);
        printf("\"version\": %u, \"tensors\": %llu, \"header_bytes\": %llu, \"tensor_bytes\": %llu, \"params\": %llu, ",
               fi.version, (unsigned long long)fi.n_tensors, (unsigned long long)fi.header_bytes,
               (unsigned long long)fi.bytes.total, (unsigned long long)fi.params.total);
        json_str("arch", fi.arch, 1); json_str("format", fi.format ? fi.format->id : "", 1);
        json_str("matches", m ? m->id : "", 1);
        {   /* every table model with its architecture: more than one when the name does not decide */
            const llmsize_model *cand[16];
            size_t n = 0, k;
            llmsize_file_matches(&fi, cand, 16, &n);
            printf("\"candidates\": [");
            for (k = 0; k < n && k < 16; ++k) printf("%s\"%s\"", k ? ", " : "", cand[k]->id);
            printf("], ");
        }
        printf("\"groups\": {");
        for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k)
            printf("\"%s\": {\"bytes\": %llu, \"params\": %llu, \"predicted_bytes\": %llu}%s", llmsize_component_name((uint32_t)k),
                   (unsigned long long)exact[k], (unsigned long long)exact_p[k],
                   (unsigned long long)(have_pred ? predicted[k] : 0), k + 1 < LLMSIZE_COMPONENT_COUNT ? ", " : "");
        printf("}, \"types\": {");
        for (t = 0, k = 0; t < LLMSIZE_GGML_TYPE_COUNT; ++t)
            if (fi.mix.tensors[t] || (have_mix && pmix.tensors[t]))
                printf("%s\"%s\": {\"tensors\": %u, \"predicted\": %u}", k++ ? ", " : "", llmsize_ggml_type_name(t),
                       fi.mix.tensors[t], have_mix ? pmix.tensors[t] : 0u);
        printf("}, \"predicted_bytes\": %llu}\n", (unsigned long long)(have_pred ? pred.total : 0));
        return 0;
    }
    printf("%s: %s%s%s, %llu tensors, header %llu bytes\n", path, fi.kind == LLMSIZE_FILE_GGUF ? "GGUF v" : "safetensors",
           fi.kind == LLMSIZE_FILE_GGUF ? "" : "", fi.kind == LLMSIZE_FILE_GGUF ? (fi.version == 3 ? "3" : "2") : "",
           (unsigned long long)fi.n_tensors, (unsigned long long)fi.header_bytes);
    if (fi.arch[0]) printf("architecture %s, file type %u (%s)\n", fi.arch, fi.file_type, fi.format ? fi.format->id : "not in the table");
    printf("tensors: %.3f GiB (%llu bytes), %llu parameters%s%s\n", fi.bytes.total / GIB, (unsigned long long)fi.bytes.total,
           (unsigned long long)fi.params.total, m ? "; matches " : "", m ? m->id : "");
    printf("  %-15s %14s %16s %16s %9s\n", "component", "parameters", "bytes", "predicted", "error");
    for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k) {
        if (!exact[k] && !(have_pred && predicted[k])) continue;
        printf("  %-15s %14llu %16llu", llmsize_component_name((uint32_t)k), (unsigned long long)exact_p[k], (unsigned long long)exact[k]);
        if (have_pred) printf(" %16llu %+8.2f%%", (unsigned long long)predicted[k],
                              exact[k] ? 100.0 * ((double)predicted[k] / (double)exact[k] - 1.0) : 0.0);
        printf("\n");
    }
    if (fi.other_bytes) printf("  %-15s %14s %16llu\n", "other", "", (unsigned long long)fi.other_bytes);
    if (fi.kind == LLMSIZE_FILE_GGUF) {   /* what llama.cpp's loader lists: tensors per type */
        printf("  types:");
        for (t = 0; t < LLMSIZE_GGML_TYPE_COUNT; ++t)
            if (fi.mix.tensors[t] || (have_mix && pmix.tensors[t])) {
                printf(" %s %u", llmsize_ggml_type_name(t), fi.mix.tensors[t]);
                if (have_mix) printf(" (predicted %u)", pmix.tensors[t]);
                printf(";");
            }
        printf("\n");
    }
    if (have_pred)
        printf("prediction for %s: %llu bytes (%+.2f %% from the file)\n", m->id, (unsigned long long)pred.total,
               100.0 * ((double)pred.total / (double)fi.bytes.total - 1.0));
    return 0;
}

/* --gpu NAME (chip names, memory sizes: llmsize_resolve_gpu) or a described accelerator. */
/* The llmsize accelerator of a device a tool reported: by the name it prints; with its
   memory where the part is sold in several sizes (or the name alone is ambiguous); with the
   vendor in front where the tool leaves it out (rocm-smi's "Radeon RX 7900 XT"). */
static llmsize_status resolve_detected(const detected_device *dv, llmsize_gpu_resolution *out) {
    char with[192];
    const unsigned long long gb = (dv->mem_mib + 512) / 1024;
    llmsize_status st = llmsize_resolve_gpu(dv->name, out);
    if ((st == LLMSIZE_OK && out->memory_choices > 1 && out->memory_from == LLMSIZE_MEMORY_ROW) || st == LLMSIZE_ERR_AMBIGUOUS) {
        if (gb) {
            snprintf(with, sizeof with, "%s %lluGB", dv->name, gb);
            if (llmsize_resolve_gpu(with, out) == LLMSIZE_OK) return LLMSIZE_OK;
        }
        return llmsize_resolve_gpu(dv->name, out);
    }
    if (st == LLMSIZE_ERR_UNKNOWN_GPU) {
        snprintf(with, sizeof with, "AMD %s", dv->name);
        if (llmsize_resolve_gpu(with, out) == LLMSIZE_OK) return LLMSIZE_OK;
        return llmsize_resolve_gpu(dv->name, out);
    }
    return st;
}

static int cmd_detect(const opts *o) {
    detected d;
    int k, unknown = 0;
    detect_accelerators(&d);
    if (o->json) {
        printf("{");
        json_str("source", d.source, 1);
        printf("\"host_mib\": %llu, \"devices\": [", d.host_mib);
        for (k = 0; k < d.kinds; ++k) {
            llmsize_gpu_resolution r;
            const int ok = resolve_detected(&d.dev[k], &r) == LLMSIZE_OK;
            printf("%s{", k ? ", " : "");
            json_str("name", d.dev[k].name, 1);
            printf("\"count\": %d, \"memory_mib\": %llu, ", d.dev[k].count, d.dev[k].mem_mib);
            json_str("gpu", ok ? r.gpu.id : "", 0);
            printf("}");
        }
        printf("]}\n");
        return d.kinds ? 0 : 1;
    }
    if (!d.kinds) {
        printf("no accelerator found (nvidia-smi, rocm-smi, Apple sysctl)");
        if (d.host_mib) printf("; this machine has %.1f GiB of memory (/proc/meminfo)", d.host_mib / 1024.0);
        printf(": name one with --gpu, or describe it with --gpu-mem GIB --gpu-bw GBS\n");
        return 1;
    }
    for (k = 0; k < d.kinds; ++k) {   /* exit 0 when every kind found is one llmsize can size */
        llmsize_gpu_resolution r;
        const llmsize_status st = resolve_detected(&d.dev[k], &r);
        unknown += st != LLMSIZE_OK;
        printf("%d x %s, %.1f GiB%s (%s): ", d.dev[k].count, d.dev[k].name, d.dev[k].mem_mib / 1024.0,
               d.unified ? " shared with the CPU" : "", d.source);
        if (st == LLMSIZE_OK) printf("llmsize's %s (%s)\n", r.gpu.id, r.gpu.name);
        else printf("not in llmsize's table (%s): describe it with --gpu-mem %.0f --gpu-bw GBS\n", llmsize_strerror(st),
                    d.dev[k].mem_mib / 1024.0);
    }
    return unknown ? 1 : 0;
}

/* fit, speed, plan, pick without --gpu: this machine's accelerator, and say so. */
static int detect_gpu(opts *o) {
    detected d;
    if (!detect_accelerators(&d)) {
        fprintf(stderr, "llmsize: no --gpu given and no accelerator found here (nvidia-smi, rocm-smi, Apple sysctl)%s\n",
                d.host_mib ? "; describe one with --gpu-mem GIB --gpu-bw GBS" : "");
        return 0;
    }
    if (resolve_detected(&d.dev[0], &o->gpu_res) != LLMSIZE_OK) {
        fprintf(stderr, "llmsize: this machine's %s (%s) is not in llmsize's table; name one with --gpu or describe it "
                "with --gpu-mem %.0f --gpu-bw GBS\n", d.dev[0].name, d.source, d.dev[0].mem_mib / 1024.0);
        return 0;
    }
    o->hw = &o->gpu_res.gpu;
    fprintf(o->json ? stderr : stdout, "(this machine: %d x %s, from %s; sized on llmsize's %s, --gpu names another%s)\n",
            d.dev[0].count, d.dev[0].name, d.source, o->gpu_res.gpu.id,
            d.kinds > 1 ? "; it has other kinds too, see llmsize detect" : "");
    return 1;
}

static int read_gpu(opts *o) {
    llmsize_status st;
    if (o->gpu_mem > 0 || o->gpu_bw > 0 || o->gpu_tflops > 0 || o->gpu_class) {
        uint32_t k, cls = LLMSIZE_HW_CONSUMER;
        if (o->gpu) { fprintf(stderr, "llmsize: give --gpu or describe one with --gpu-mem/--gpu-bw, not both\n"); return 0; }
        if (!(o->gpu_mem > 0) || !(o->gpu_bw > 0)) { fprintf(stderr, "llmsize: a described accelerator needs --gpu-mem GIB and --gpu-bw GBS\n"); return 0; }
        if (o->gpu_class) {
            for (k = 0; llmsize_hw_class_name(k) && strcmp(o->gpu_class, llmsize_hw_class_name(k)); ++k) {}
            if (!llmsize_hw_class_name(k)) {
                fprintf(stderr, "llmsize: --gpu-class is one of");
                for (k = 0; llmsize_hw_class_name(k); ++k) fprintf(stderr, " %s", llmsize_hw_class_name(k));
                fprintf(stderr, "\n");
                return 0;
            }
            cls = k;
        }
        if ((st = llmsize_describe_gpu(o->gpu_mem, o->gpu_bw, o->gpu_tflops, cls, &o->gpu_res.gpu)) != LLMSIZE_OK) {
            fprintf(stderr, "llmsize: %s\n", llmsize_strerror(st));
            return 0;
        }
        o->gpu_res.memory_from = LLMSIZE_MEMORY_DESCRIBED;
        o->hw = &o->gpu_res.gpu;
        return 1;
    }
    if (!o->gpu) return 1;
    if ((st = llmsize_resolve_gpu(o->gpu, &o->gpu_res)) != LLMSIZE_OK) {
        const char *s[3];
        size_t n = llmsize_suggest(LLMSIZE_TABLE_GPUS, o->gpu, s, 3), i;
        if (st == LLMSIZE_ERR_AMBIGUOUS) fprintf(stderr, "llmsize: '%s' fits more than one accelerator", o->gpu);
        else fprintf(stderr, "llmsize: unknown accelerator '%s'", o->gpu);
        for (i = 0; i < n; ++i) fprintf(stderr, "%s%s", i ? ", " : (st == LLMSIZE_ERR_AMBIGUOUS ? ": " : "; did you mean: "), s[i]);
        fprintf(stderr, "%s\n", st == LLMSIZE_ERR_AMBIGUOUS ? " (name the GPU cores or the memory, e.g. 'M3 Max 36GB')" : "");
        return 0;
    }
    o->hw = &o->gpu_res.gpu;
    if (!o->json && o->gpu_res.memory_choices > 1 && o->gpu_res.memory_from == LLMSIZE_MEMORY_ROW) {
        const char *opt = o->gpu_res.gpu.memory_options;
        printf("(%s: %.0f GB assumed; it is sold with ", o->gpu_res.gpu.name, o->gpu_res.gpu.mem_bytes / GIB);
        for (; *opt; ++opt) fputs(*opt == '|' ? ", " : (char[2]){ *opt, 0 }, stdout);
        printf(" GB: name yours, e.g. --gpu '%s %.*sGB')\n", o->gpu, (int)strcspn(o->gpu_res.gpu.memory_options, "|"),
               o->gpu_res.gpu.memory_options);
    }
    return 1;
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
    if (o.gpus > 4096 || o.seqs > 1000000) {   /* the plan's counts are 32-bit: never wrap 4294967297 into 1 */
        fprintf(stderr, "llmsize: --gpus is at most 4096 and --seqs at most 1000000\n");
        return 2;
    }
    if (o.model && (!strcmp(cmd, "models") || !strcmp(cmd, "gpus") || !strcmp(cmd, "engines") || !strcmp(cmd, "detect") ||
                    !strcmp(cmd, "run") || !strcmp(cmd, "pick") || !strcmp(cmd, "plan"))) {
        fprintf(stderr, "llmsize: %s takes no MODEL argument ('%s')\n", cmd, o.model);
        return 2;
    }
    if (!read_gpu(&o)) return 2;
    if (!strcmp(cmd, "detect")) return cmd_detect(&o);
    if (!o.hw && !o.help && (!strcmp(cmd, "fit") || !strcmp(cmd, "speed") || !strcmp(cmd, "plan") || !strcmp(cmd, "pick") ||
                             !strcmp(cmd, "max-context") || !strcmp(cmd, "min-gpus")) &&
        !detect_gpu(&o)) return 2;
    if (!strcmp(cmd, "models")) return cmd_models(&o);
    if (!strcmp(cmd, "gpus")) return cmd_gpus(&o);
    if (!strcmp(cmd, "engines")) return cmd_engines(&o);
    if (!strcmp(cmd, "run")) return cmd_run();
    if (!strcmp(cmd, "pick")) return cmd_pick(&o);
    if (!strcmp(cmd, "plan")) return cmd_plan(&o, argc, argv);
    if (!strcmp(cmd, "inspect")) {
        if (!o.model) { fprintf(stderr, "llmsize: inspect needs a FILE\n"); return 2; }
        return cmd_inspect(&o, o.model);
    }
    if (strcmp(cmd, "show") && strcmp(cmd, "weights") && strcmp(cmd, "kv") && strcmp(cmd, "speed") &&
        strcmp(cmd, "fit") && strcmp(cmd, "max-context") && strcmp(cmd, "min-gpus") && strcmp(cmd, "quality") &&
        strcmp(cmd, "license") && strcmp(cmd, "check")) {
        fprintf(stderr, "llmsize: unknown command '%s'\n", cmd);
        usage(stderr);
        return 2;
    }
    if (o.config) {
        if (!(m = model_from_config(o.config))) return 2;
    } else {
        if (!o.model) { fprintf(stderr, "llmsize: %s needs a MODEL (or --config CONFIG.JSON)\n", cmd); return 2; }
        llmsize_engine e = LLMSIZE_ENGINE_NONE;
        llmsize_status st;
        const llmsize_engine_release *rel = NULL;
        int local;
        if (o.engine && !find_engine(o.engine, o.engine_version, &e, &rel)) return 2;
        if ((local = local_model(&o, &m)) < 0) return 2;
        if (!local) {
            if ((st = llmsize_resolve_for(o.model, e, &o.res)) != LLMSIZE_OK) return die_model(o.model, st);
            m = o.res.model;
            if (!o.json && strcmp(cmd, "license")) print_resolution(&o.res, o.model);
        }
    }
    if (!strcmp(cmd, "show")) return cmd_show(&o, m);
    if (!strcmp(cmd, "weights")) return cmd_weights(&o, m);
    if (!strcmp(cmd, "kv")) return cmd_kv(&o, m);
    if (!strcmp(cmd, "fit")) return cmd_fit(&o, m);
    if (!strcmp(cmd, "max-context")) return cmd_max_context(&o, m);
    if (!strcmp(cmd, "min-gpus")) return cmd_min_gpus(&o, m);
    if (!strcmp(cmd, "quality")) return cmd_quality(&o, m);
    if (!strcmp(cmd, "license")) return cmd_license(&o, m);
    if (!strcmp(cmd, "check")) return cmd_check(&o, m);
    return cmd_speed(&o, m);
}
