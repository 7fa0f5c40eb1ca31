/* llmsize.h — will this LLM fit on this hardware, and how fast will it run?
   A single-header C library (C99 / C++11), public domain-style MIT licence at the end.

   Do this:
      #define LLMSIZE_IMPLEMENTATION
   before you include this file in *one* C or C++ file to create the implementation.

      // i.e. it should look like this:
      #include ...
      #define LLMSIZE_IMPLEMENTATION
      #include "llmsize.h"

   Define LLMSIZE_STATIC as well to make every function static (a private copy per
   translation unit, e.g. inside a binding). The data tables live in llmsize_data.h,
   which the implementation includes; keep both headers side by side.

   The library does no I/O, never allocates, keeps no mutable global state and uses
   nothing beyond <stddef.h>, <stdint.h> and <string.h> (no libm). Every function is
   pure and thread-safe.

   ====================================================================================
   CONVENTIONS (one word per concept, the same in C, the CLI, Python and Go)
     gpu       the accelerator a model runs on: a GPU, an Apple SoC, a unified-memory
               part or a CPU row (llmsize_gpu, plan.gpu, --gpu, llmsize.gpu(), GPU).
     gpus      how many of them (plan.gpus, result.gpus, --gpus, gpus=, GPUs).
     seqs      sequences decoded at once: vLLM's max_num_seqs, llama.cpp's -np slots,
               OLLAMA_NUM_PARALLEL, users of a service (plan.seqs, --seqs, seqs=, Seqs).
     context   tokens per sequence (max_model_len, -c / -np, num_ctx).
     format    how weights are stored: a GGUF file type, a GPU format, or 16/32-bit.
     engine    the serving runtime whose memory rules a plan follows (none, vllm, sglang,
               llamacpp, ollama, trtllm).
     Zero means "the default" in every request field; llmsize_plan_defaults() shows what
     it becomes, and the LLMSIZE_DEFAULT_* constants name the ones no engine sets.

   UNITS
     bytes     exact integers (uint64_t). 1 GiB = 2^30 bytes, 1 GB = 10^9 bytes; human
               output in the CLI always says which.
     params    exact integers (uint64_t), counted tensor element by tensor element.
     speeds    tokens per second (double); bandwidth GB/s (10^9 bytes/s); compute in
               TFLOPS (10^12 FLOP/s, dense, no sparsity).

   ERRORS
     Every function that can fail returns an llmsize_status and writes its results
     through out-parameters; on failure the out-parameters are left zeroed.
     llmsize_strerror(status) gives a one-line message; llmsize_model_check() and
     llmsize_plan_check() name the field a rejected input broke. Nothing is clamped: a
     byte count that would exceed 2^64-1 is LLMSIZE_ERR_OVERFLOW, never a wrapped value.

   ONE HOME PER CONCEPT
     Every list is declared once, as an X-macro in this header, and everything else is
     generated from it: LLMSIZE_STATUSES, LLMSIZE_COMPONENTS, LLMSIZE_KV_DTYPES,
     LLMSIZE_GGML_TYPES, LLMSIZE_GGUF_FILE_TYPES, LLMSIZE_ENGINES, LLMSIZE_TASKS,
     LLMSIZE_HEADS, LLMSIZE_HW_CLASSES, LLMSIZE_METRICS, LLMSIZE_CONFIDENCES,
     LLMSIZE_VERDICTS, LLMSIZE_REJECTS, LLMSIZE_OUTCOMES, LLMSIZE_PLAN_RESULT_FIELDS. Each gives its enum,
     its table and llmsize_<entity>_name(); the CLI, Python and Go read names and result
     fields from the library (Go's PlanFigures is generated from them). Data rows in
     llmsize_data.h are records, F_(field, value), checked by tools/check_rows.c.

   LAYOUT OF THE IMPLEMENTATION
     checked arithmetic (a checked sum, one bisection) -> names of each vocabulary ->
     lookup -> names people write (resolver) -> the tensor enumeration -> validation ->
     parameters -> weights (GGUF rules, GPU formats) -> file headers -> KV cache -> speed
     -> fit -> config.json -> quality -> engines: shared KV layouts, then one section per
     engine ("Engine: vLLM", ...) behind llmsize__engine_ops, then plans -> solvers ->
     command lines -> licences -> selection. docs/adding-an-engine.md and
     docs/adding-a-format.md say where a change goes.

   API (see the declarations below for the exact signatures)
     Version        llmsize_version(), llmsize_data_version(), LLMSIZE_VERSION_*.
     Lookup         llmsize_find_model / _gpu / _format / _kv_dtype by name:
                    canonical id, Hugging Face repo id, nvidia-smi name, GPU Feature
                    Discovery label, case-insensitive. llmsize_suggest() returns up to
                    N close matches for an error message. llmsize_model_at(i) etc.
                    iterate the tables.
     Names          llmsize_resolve(name) -> the model row, its format and how the name
                    was read: repo ids of quantized copies and fine-tunes, Ollama tags,
                    repo:QUANT, GGUF file names; sized as released (each row's
                    checkpoint_format, the release table). llmsize_format_for(res, engine)
                    is the format a deployment loads. llmsize_resolve_gpu(name): chip
                    names with memory sizes; llmsize_describe_gpu: a GPU by its figures.
     Parameters     llmsize_params_of(model) -> total, active-per-token and a
                    per-component breakdown (embeddings, lm_head, attention, dense FFN,
                    routed and shared experts, router, norms, linear-attention, vision,
                    multi-token-prediction).
     Weights        llmsize_weight_bytes(model, format) -> bytes by component. GGUF
                    file types follow llama.cpp's per-tensor type choice (which tensors
                    stay F32, which are bumped, fallbacks for rows that are not a
                    multiple of the block size); GPU formats follow their tool's
                    layout (scales, zeros, what stays unquantized).
     KV cache       llmsize_kv_bytes(model, ctx, seqs, kv_dtype) -> bytes; sliding-
                    window and chunked layers are bounded by their window, MLA stores
                    the latent + rope dims, linear-attention layers a fixed state.
     Speed          llmsize_speed(request) -> decode tok/s (expected, low, high),
                    TTFT and end-to-end time, from bytes moved per step and FLOPs.
     Fit            llmsize_fit(request) -> weights + KV + overhead against the
                    accelerator's usable memory; fits / tight verdict.
     Quality        llmsize_quality_of(model, format) -> published quantization loss
                    (llama.cpp ΔPPL/KLD, quantizers' accuracy recoveries) scaled to the
                    model's size, with range, confidence and source; llmsize_best_format,
                    llmsize_smallest_format.
     Plans          llmsize_plan_fit(plan) -> one deployment under an engine's rules
                    (vLLM, SGLang, llama.cpp, Ollama, TensorRT-LLM): per-GPU budget,
                    weights, KV, activations, overhead, KV pool capacity, refusal, offload,
                    tensor/pipeline/expert parallelism, decode speed, and what the engine
                    does (outcome: starts, refuses, out of memory, layers on the CPU).
                    Each engine's rules are those of a release (plan.release;
                    llmsize_find_engine_release("vllm@0.8"); NULL = its current
                    release; llmsize_engine_release_at lists them). Solvers:
                    llmsize_plan_max_context / _max_seqs / _min_gpus / _best_format,
                    llmsize_largest_model, llmsize_plan_suggest. Many questions of one
                    model: llmsize_prepare(plan) once (defaults, weights, KV layout), then
                    llmsize_prepared_fit(prepared, gpu, context, seqs, columns): the same
                    answer, computing only the columns asked for (tens of ns without an engine);
                    llmsize_prepared_grid(plans, gpus, contexts, seqs, columns): every plan x
                    context x accelerator at once, column by column (a few ns a cell).
     Command lines  llmsize_parse_command(argv, env) -> a plan from `vllm serve ...`,
                    `python -m sglang.launch_server ...`, `llama-server ...`, `ollama run`.
     Licences       llmsize_license_check(model, use) -> allowed / with obligations / not
                    allowed / unknown, each reason citing its clause.
     Selection      llmsize_select(request) -> the table's models ranked for a deployment,
                    rejected ones with the first constraint they failed.
     Claims         llmsize_check_claim -> a published footprint or speed against what is
                    physically possible.
     Custom models  fill an llmsize_model yourself (zero means "not present" for every
                    optional field) and pass it to any function;
                    llmsize_model_validate() says what is inconsistent.

   SOURCES
     Every row of llmsize_data.h names its source (Hugging Face repo of the config.json,
     vendor spec sheet, llama.cpp source file). GGUF block sizes and per-tensor rules:
     ggml-org/llama.cpp:gguf-py/gguf/constants.py (GGML_QUANT_SIZES) and
     ggml-org/llama.cpp:src/llama-quant.cpp (llama_tensor_get_type_impl).
   ==================================================================================== */
#ifndef LLMSIZE_H
#define LLMSIZE_H

#include <stddef.h>
#include <stdint.h>

#define LLMSIZE_VERSION_MAJOR 0
#define LLMSIZE_VERSION_MINOR 1
#define LLMSIZE_VERSION_PATCH 0
#define LLMSIZE_VERSION_STRING "0.1.0"

/* Models with more decoder layers than this are rejected (LLMSIZE_ERR_INVALID_MODEL):
   the largest real models have about 130. */
#define LLMSIZE_MAX_LAYERS 65536u
/* Models with more hidden-size norms per layer than this are rejected (the largest real
   count is 4). */
#define LLMSIZE_MAX_NORMS_PER_LAYER 64u
/* The most formats one search compares (llmsize_plan_best_format's list; the table has fewer). */
/* Unknown flags of a command line named in llmsize_parsed (all of them are counted). */
#define LLMSIZE_MAX_UNKNOWN_FLAGS 8u
#define LLMSIZE_MAX_FORMATS 256u

#ifdef LLMSIZE_STATIC
#if defined(__GNUC__) || defined(__clang__)
#define LLMSIZE_API static __attribute__((unused)) /* a private copy may use a subset */
#else
#define LLMSIZE_API static
#endif
#else
#define LLMSIZE_API extern
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------- */
/* Status                                                                             */
/* ---------------------------------------------------------------------------------- */
/* Every status, once: X(NAME, "message"). The enum, llmsize_strerror() and
   llmsize_status_name() come from this list; a new status is one line here. */
#define LLMSIZE_STATUSES(X) \
    X(OK,                   "ok") \
    X(ERR_NULL,             "a required argument was NULL") \
    X(ERR_UNKNOWN_MODEL,    "unknown model") \
    X(ERR_UNKNOWN_GPU,    "unknown accelerator") \
    X(ERR_UNKNOWN_FORMAT,   "unknown weight format") \
    X(ERR_UNKNOWN_KV_DTYPE, "unknown KV-cache dtype") \
    X(ERR_INVALID_MODEL,    "inconsistent model description") /* llmsize_model_check says which field */ \
    X(ERR_INVALID_ARG,      "invalid argument (zero, negative, NaN or out of range)") /* llmsize_plan_check says which */ \
    X(ERR_OVERFLOW,         "result would overflow 64-bit byte count") \
    X(ERR_UNSUPPORTED,      "not supported for this model or format") /* e.g. no KV cache */ \
    X(ERR_UNKNOWN_LICENSE,  "unknown licence") \
    X(ERR_CAPACITY,         "output array too small") \
    X(ERR_UNKNOWN_ENGINE,   "unknown serving engine") \
    X(ERR_PARSE,            "cannot parse the input (command line, value, config or file header)") \
    X(ERR_TRUNCATED,        "the buffer ends inside the file header (fetch the bytes `needed` says and retry)") \
    X(ERR_AMBIGUOUS,        "the name fits more than one row (name the size, the GPU variant or the repo)") \
    X(ERR_UNKNOWN_VERSION,  "unknown engine version (malformed, or older than the oldest release llmsize models)") \
    /* ERR_AMBIGUOUS: llmsize_suggest lists the rows; nothing is guessed */

typedef enum llmsize_status {
#define LLMSIZE__STATUS_ENUM(name, message) LLMSIZE_##name,
    LLMSIZE_STATUSES(LLMSIZE__STATUS_ENUM)
#undef LLMSIZE__STATUS_ENUM
    LLMSIZE_STATUS_COUNT
} llmsize_status;

/* ---------------------------------------------------------------------------------- */
/* Model description                                                                  */
/* ---------------------------------------------------------------------------------- */

/* Model flags: what changes the parameter count or the tensor layout. */
enum {
    LLMSIZE_F_TIED_EMBED   = 1u << 0,  /* lm_head shares the token embedding             */
    LLMSIZE_F_QKV_BIAS     = 1u << 1,  /* q, k, v projections have biases (Qwen2)       */
    LLMSIZE_F_O_BIAS       = 1u << 2,  /* output projection has a bias                  */
    LLMSIZE_F_MLP_BIAS     = 1u << 3,  /* FFN projections have biases                   */
    LLMSIZE_F_QK_NORM      = 1u << 4,  /* q/k RMSNorm over head_dim (Qwen3, Gemma 3)    */
    LLMSIZE_F_QK_NORM_FULL = 1u << 5,  /* q/k norm over all heads (OLMo 2, Command R+)  */
    LLMSIZE_F_NORM_BIAS    = 1u << 6,  /* LayerNorm with bias: norms have 2*hidden      */
    LLMSIZE_F_NONGATED_MLP = 1u << 7,  /* up/down only (Falcon, GPT-style), no gate     */
    LLMSIZE_F_FUSED_QKV    = 1u << 8,  /* one fused qkv tensor (Phi-3, Falcon) in GGUF  */
    LLMSIZE_F_ATTN_SINKS   = 1u << 9,  /* one learned sink per head per layer (gpt-oss)  */
    LLMSIZE_F_ROUTER_BIAS  = 1u << 10, /* router has a bias / score-correction vector   */
    LLMSIZE_F_EXPERT_BIAS  = 1u << 11, /* each expert has biases (gpt-oss)              */
    LLMSIZE_F_SHARED_GATE  = 1u << 12, /* shared expert has a sigmoid gate (Qwen2-MoE)  */
    LLMSIZE_F_ATTN_GATE    = 1u << 13, /* q_proj also emits an output gate (Qwen3-Next) */
    LLMSIZE_F_MTP_EMBED    = 1u << 14, /* each MTP module carries its own embed + head  */
    LLMSIZE_F_ENCODER      = 1u << 15, /* encoder-only: no KV cache                      */
    LLMSIZE_F_FALCON_QUANT = 1u << 16, /* llama.cpp applies its Falcon quantization mix */
    LLMSIZE_F_NO_K_BIAS    = 1u << 17, /* with QKV_BIAS: k_proj alone has none (Whisper)  */
    LLMSIZE_F_FUSED_GATE_UP= 1u << 18  /* gate and up are one tensor (Phi-3 gate_up_proj) */
};

/* Modalities a checkpoint accepts. */
enum {
    LLMSIZE_MOD_TEXT  = 1u << 0,
    LLMSIZE_MOD_IMAGE = 1u << 1,
    LLMSIZE_MOD_AUDIO = 1u << 2,
    LLMSIZE_MOD_VIDEO = 1u << 3
};

/* Task tags, once: X(NAME, "name"), from each model's card (what its makers say it is
   for). VISION and LONG_CONTEXT are also derived from modalities and max_ctx by
   llmsize_model_tasks(). LLMSIZE_TASK_<NAME> is the bit; llmsize_task_name(i) names bit i. */
#define LLMSIZE_TASKS(X) \
    X(CHAT,         "chat") \
    X(CODE,         "code") \
    X(REASONING,    "reasoning")    /* a thinking / chain-of-thought mode          */ \
    X(MULTILINGUAL, "multilingual") /* card lists languages beyond English         */ \
    X(VISION,       "vision") \
    X(LONG_CONTEXT, "long-context") /* max_ctx >= LLMSIZE_LONG_CONTEXT             */ \
    X(EMBEDDING,    "embedding")    /* text -> vector (retrieval, clustering)      */ \
    X(SPEECH,       "speech")       /* speech recognition / translation            */ \
    X(RERANK,       "rerank")       /* scores a query-document pair                */

enum {
#define LLMSIZE__TASK_BIT(name, id) LLMSIZE_TASK_BIT_##name,
    LLMSIZE_TASKS(LLMSIZE__TASK_BIT)
#undef LLMSIZE__TASK_BIT
    LLMSIZE_TASK_COUNT
};
enum {
#define LLMSIZE__TASK_MASK(name, id) LLMSIZE_TASK_##name = 1u << LLMSIZE_TASK_BIT_##name,
    LLMSIZE_TASKS(LLMSIZE__TASK_MASK)
#undef LLMSIZE__TASK_MASK
    LLMSIZE_TASK_ALL = (1u << LLMSIZE_TASK_COUNT) - 1u
};
#define LLMSIZE_LONG_CONTEXT 131072u

/* Defaults that are not an engine's (an engine's live in its llmsize_data.h row). Every
   request's zero field means one of these; the CLI, Python and Go read them from here. */
#define LLMSIZE_DEFAULT_CONTEXT   8192u   /* tokens per sequence: llmsize_fit, plans without an engine */
#define LLMSIZE_DEFAULT_TIGHT_PCT 10u     /* headroom below this % of usable is "tight"     */
#define LLMSIZE_DEFAULT_PROMPT    512u    /* prompt tokens for TTFT (llmsize_speed)          */
#define LLMSIZE_DEFAULT_GEN       256u    /* generated tokens for end-to-end time            */
/* What a recommendation must give each user (llmsize_select_request_init; 0 in a request
   set by hand means no floor). Speed: silent reading of English runs at 238 words a minute
   (Brysbaert, "How many words do we read per minute? A review and meta-analysis of reading
   rate", Journal of Memory and Language 109, 2019), about 0.75 words a token: 5.3 tok/s.
   Quality: llmsize's policy, a 10 % perplexity increase or accuracy drop, which keeps
   Q3_K_M and above on 70B-class models and drops the 1- and 2-bit types. Task: chat, so
   embedders, rerankers and speech models are not offered as assistants. */
#define LLMSIZE_DEFAULT_MIN_TPS      (238.0 / 60.0 / 0.75)
#define LLMSIZE_DEFAULT_MAX_LOSS_PCT 10.0
#define LLMSIZE_DEFAULT_TASKS        LLMSIZE_TASK_CHAT

/* A licence term or provenance fact that may be unknown. Zero is UNKNOWN on purpose:
   a field nobody filled in never reads as "yes, allowed". */
typedef enum llmsize_term {
    LLMSIZE_TERM_UNKNOWN = 0, LLMSIZE_TERM_YES, LLMSIZE_TERM_NO
} llmsize_term;

/* Attention kind of a model's *local* layers; global layers are always full. */
typedef enum llmsize_attn_kind {
    LLMSIZE_ATTN_FULL = 0,    /* every layer attends to the whole context               */
    LLMSIZE_ATTN_SLIDING,     /* local layers see the last `window` tokens (Gemma, gpt-oss)*/
    LLMSIZE_ATTN_CHUNKED      /* local layers see their `window`-token chunk (Llama 4)   */
} llmsize_attn_kind;

typedef struct llmsize_dims {
    uint32_t vocab;           /* vocab_size                                              */
    uint32_t hidden;          /* hidden_size                                             */
    uint32_t layers;          /* num_hidden_layers (decoder layers, MTP excluded)        */
    uint32_t heads;           /* num_attention_heads                                     */
    uint32_t kv_heads;        /* num_key_value_heads (= heads for MHA, 1 for MQA)        */
    uint32_t head_dim;        /* explicit head_dim; NOT always hidden/heads              */
    uint32_t ffn;             /* intermediate_size of dense FFN layers                   */
    uint32_t max_ctx;         /* max_position_embeddings                                 */
} llmsize_dims;

typedef struct llmsize_attn_layout {
    uint32_t kind;            /* llmsize_attn_kind of the local layers                   */
    uint32_t window;          /* sliding window / chunk size in tokens (0 = none)        */
    uint32_t global_every;    /* layer i is global when (i+1) % global_every == 0;
                                 0 = no global layers among local ones                   */
} llmsize_attn_layout;

typedef struct llmsize_mla {  /* multi-head latent attention (DeepSeek V2/V3, Kimi K2)   */
    uint32_t q_lora_rank;     /* 0 = queries projected directly                          */
    uint32_t kv_lora_rank;    /* 0 = not MLA                                             */
    uint32_t qk_nope_dim;
    uint32_t qk_rope_dim;
    uint32_t v_head_dim;
} llmsize_mla;

typedef struct llmsize_linear_attn { /* hybrid linear-attention layers (Qwen3-Next)      */
    uint32_t full_every;      /* layer i is full attention when (i+1) % full_every == 0;
                                 0 = no linear-attention layers                          */
    uint32_t k_heads;         /* linear_num_key_heads                                    */
    uint32_t v_heads;         /* linear_num_value_heads                                  */
    uint32_t k_dim;           /* linear_key_head_dim                                     */
    uint32_t v_dim;           /* linear_value_head_dim                                   */
    uint32_t conv_kernel;     /* linear_conv_kernel_dim                                  */
} llmsize_linear_attn;

typedef struct llmsize_moe {
    uint32_t experts;         /* routed experts per MoE layer (0 = dense model)          */
    uint32_t active;          /* experts per token                                       */
    uint32_t expert_ffn;      /* moe_intermediate_size of one routed expert              */
    uint32_t shared;          /* shared experts per MoE layer                            */
    uint32_t shared_ffn;      /* intermediate size of ONE shared expert                  */
    uint32_t dense_first;     /* first_k_dense_replace: leading dense layers             */
    uint32_t every;           /* layer i (past dense_first) is MoE when (i+1) % every == 0;
                                 0 or 1 = every layer                                    */
} llmsize_moe;

typedef struct llmsize_extra {
    uint32_t norms_per_layer; /* hidden-size norms per layer; 0 = 2 (pre-attn, pre-FFN)  */
    uint32_t mtp_layers;      /* multi-token-prediction modules shipped in the checkpoint */
    uint64_t vision_params;   /* vision tower + projector in the checkpoint (0 = none)   */
} llmsize_extra;

/* What sits on the last layer's output. Zero is a language model's lm_head, so decoder rows
   need not say anything; encoders and embedders name theirs (from the checkpoint's
   "architectures": BertModel has a pooler, *ForSequenceClassification a classifier,
   *ForMaskedLM an MLM head). */
#define LLMSIZE_HEADS(X) \
    X(LM,         "lm_head")    /* lm_head (vocab x hidden) unless LLMSIZE_F_TIED_EMBED       */ \
    X(NONE,       "none")       /* none: the last hidden states are the output (embedders)    */ \
    X(POOLER,     "pooler")     /* BERT pooler: one hidden x hidden dense with bias           */ \
    X(CLASSIFIER, "classifier") /* RoBERTa classifier: dense with bias, then out_proj to
                                   `labels` with bias (rerankers)                            */ \
    X(MLM,        "mlm")        /* masked-LM head: dense + LayerNorm + per-token bias; its
                                   vocab matrix too unless LLMSIZE_F_TIED_EMBED               */
typedef enum llmsize_head {
#define LLMSIZE__HEAD_ENUM(name, id) LLMSIZE_HEAD_##name,
    LLMSIZE_HEADS(LLMSIZE__HEAD_ENUM)
#undef LLMSIZE__HEAD_ENUM
    LLMSIZE_HEAD_COUNT
} llmsize_head;

/* Encoders (BERT, XLM-RoBERTa, NomicBERT, DistilBERT) and encoder-decoders (Whisper).
   All zero for decoder-only models. For Whisper, dims describe the audio encoder's layers
   (the decoder has the same width) and decoder_layers counts the text decoder's. */
typedef struct llmsize_encoder {
    uint32_t head;            /* llmsize_head                                            */
    uint32_t labels;          /* LLMSIZE_HEAD_CLASSIFIER outputs (num_labels)            */
    uint32_t positions;       /* learned absolute position rows (0 = rotary / none)      */
    uint32_t token_types;     /* token-type (segment) embedding rows (type_vocab_size)   */
    uint32_t mel_bins;        /* audio encoder: mel bins into two conv1d layers (0 = none)*/
    uint32_t audio_positions; /* audio encoder position rows (max_source_positions)      */
    uint32_t decoder_layers;  /* encoder-decoder: decoder layers (self + cross attention)*/
} llmsize_encoder;

typedef struct llmsize_model {
    const char *id;           /* canonical id, e.g. "llama-3.1-8b"                       */
    const char *name;         /* display name                                            */
    const char *family;
    const char *developer;
    const char *country;      /* ISO 3166-1 alpha-2 of the developer                     */
    const char *released;     /* YYYY-MM or YYYY-MM-DD                                   */
    const char *license;      /* licence id                                              */
    const char *hf_repos;     /* '|'-separated Hugging Face repo ids (lookup aliases)    */
    const char *source;       /* where the architecture numbers were read                */
    uint32_t modalities;      /* LLMSIZE_MOD_*                                           */
    uint32_t flags;           /* LLMSIZE_F_*                                             */
    uint32_t tasks;           /* LLMSIZE_TASK_*, from the model card                     */
    uint32_t data_disclosed;  /* llmsize_term: training data named by the developer      */
    llmsize_dims dims;
    llmsize_attn_layout attn;
    llmsize_mla mla;
    llmsize_linear_attn linear;
    llmsize_moe moe;
    llmsize_extra extra;
    llmsize_encoder enc;
    uint64_t published_params;/* exact count in the checkpoint, 0 = unknown               */
    const char *published_source;
    /* The checkpoint as its makers released it (the first repo of hf_repos). */
    const char *checkpoint_format; /* format id; NULL = bf16 (every tensor 16-bit)         */
    uint64_t checkpoint_bytes;/* model.safetensors.index.json total_size, 0 = unknown     */
    const char *checkpoint_source;
} llmsize_model;

/* The components a model is sized by, once: X(NAME, field name). llmsize_params and
   llmsize_weights hold one figure per component in by_component[LLMSIZE_COMPONENT_*];
   llmsize_component_name() gives the field name the CLI, Python and Go print. */
#define LLMSIZE_COMPONENTS(X) \
    X(EMBED,          "embed")          /* token embedding (+ learned positions, types)  */ \
    X(LM_HEAD,        "lm_head")        /* output projection / the encoder's head         */ \
    X(ATTN,           "attn")           /* attention and MLA projections                  */ \
    X(FFN_DENSE,      "ffn_dense")      /* FFN of dense layers                            */ \
    X(EXPERTS,        "experts")        /* routed experts                                 */ \
    X(SHARED_EXPERTS, "shared_experts") /* shared experts                                 */ \
    X(ROUTER,         "router")         /* expert routers                                 */ \
    X(NORMS,          "norms")          /* norms and 1-D tensors                          */ \
    X(LINEAR_ATTN,    "linear_attn")    /* linear-attention layers (Qwen3-Next)           */ \
    X(VISION,         "vision")         /* vision tower + projector                       */ \
    X(MTP,            "mtp")            /* multi-token-prediction modules                 */

typedef enum llmsize_component {
#define LLMSIZE__COMPONENT_ENUM(name, field) LLMSIZE_COMPONENT_##name,
    LLMSIZE_COMPONENTS(LLMSIZE__COMPONENT_ENUM)
#undef LLMSIZE__COMPONENT_ENUM
    LLMSIZE_COMPONENT_COUNT
} llmsize_component;

/* Parameter counts, per component. text = everything but vision and MTP. */
typedef struct llmsize_params {
    uint64_t by_component[LLMSIZE_COMPONENT_COUNT]; /* llmsize_component                  */
    uint64_t text;            /* decoder parameters (what GGUF text files hold)         */
    uint64_t total;           /* everything the checkpoint ships                        */
    uint64_t active;          /* decoder parameters used per token (MoE: k of E experts) */
} llmsize_params;

/* ---------------------------------------------------------------------------------- */
/* Formats, KV dtypes, accelerators                                                   */
/* ---------------------------------------------------------------------------------- */
typedef enum llmsize_format_kind {
    LLMSIZE_FMT_FLOAT = 0,    /* F32 / F16 / BF16: every tensor at one width            */
    LLMSIZE_FMT_GGUF,         /* a llama.cpp file type (per-tensor mix)                 */
    LLMSIZE_FMT_GPU           /* a GPU serving format (FP8, AWQ, NVFP4, …)              */
} llmsize_format_kind;

/* Component classes a GPU format quantizes (llmsize_format.quantizes). */
enum {
    LLMSIZE_Q_ATTN    = 1u << 0,  /* attention / MLA / linear-attention projections     */
    LLMSIZE_Q_FFN     = 1u << 1,  /* dense FFN and shared experts                       */
    LLMSIZE_Q_EXPERTS = 1u << 2,  /* routed experts                                     */
    LLMSIZE_Q_EMBED   = 1u << 3,  /* token embedding                                    */
    LLMSIZE_Q_LM_HEAD = 1u << 4   /* output projection                                  */
};

/* Compute path a format runs on, for FLOPs (llmsize_format.compute). */
typedef enum llmsize_compute {
    LLMSIZE_COMPUTE_BF16 = 0, LLMSIZE_COMPUTE_FP8, LLMSIZE_COMPUTE_FP4, LLMSIZE_COMPUTE_INT8
} llmsize_compute;

typedef struct llmsize_format {
    const char *id;           /* "Q4_K_M", "bf16", "fp8", "awq-int4", …                 */
    const char *name;
    uint32_t kind;            /* llmsize_format_kind                                    */
    uint32_t code;            /* GGUF: internal file-type code; FLOAT: bytes per value;
                                 GPU: decoder layers at each end whose tensors stay 16-bit
                                 (Meta's FP8: the first and the last, 1)                  */
    /* GPU formats, per quantized matrix of `rows` x `cols`: bytes = n*bits/8
       + ceil(cols/group)*ceil(rows/group_rows)*group_bits/8 + rows*row_bytes
       + cols*col_bytes + tensor_bytes                                                  */
    uint32_t bits;            /* bits per stored value                                  */
    uint32_t group;           /* values per scale group along a row (0 = no groups)     */
    uint32_t group_rows;      /* rows a group spans (1 = per row; 128 for 128x128 blocks)*/
    uint32_t group_bits;      /* scale + zero-point bits per group                      */
    uint32_t row_bytes;       /* per output row (per-channel scales)                    */
    uint32_t col_bytes;       /* per input column (GPTQ g_idx)                          */
    uint32_t tensor_bytes;    /* per quantized tensor (per-tensor scales)               */
    uint32_t quantizes;       /* LLMSIZE_Q_* classes that are quantized                 */
    uint32_t other_bytes;     /* bytes per value of everything else (2 = BF16)          */
    uint32_t compute;         /* llmsize_compute                                        */
    const char *notes;        /* what stays unquantized, hardware that runs it natively  */
    const char *source;
} llmsize_format;

/* KV-cache dtypes, once: X(NAME, "name", values per block, bytes per block, flash-only,
   "other spellings engines accept"). flash-only: a llama.cpp cache type whose V cache
   needs flash attention. The enum, llmsize_kv_dtype_name(), llmsize_kv_dtype_info_of() and
   llmsize_find_kv_dtype() come from this list; a new dtype is one line here. */
#define LLMSIZE_KV_DTYPES(X) \
    X(F16,    "f16",     1,  2, 0, "bf16|auto|fp16|float16|bfloat16") /* also BF16 ("auto" in vLLM) */ \
    X(F32,    "f32",     1,  4, 0, "fp32") \
    X(FP8,    "fp8",     1,  1, 0, "fp8_e4m3|fp8_e5m2")               /* vLLM fp8 / fp8_e4m3 / fp8_e5m2 */ \
    X(Q8_0,   "q8_0",   32, 34, 1, "")                                /* llama.cpp cache types, by their block sizes */ \
    X(Q5_1,   "q5_1",   32, 24, 1, "") \
    X(Q5_0,   "q5_0",   32, 22, 1, "") \
    X(Q4_1,   "q4_1",   32, 20, 1, "") \
    X(Q4_0,   "q4_0",   32, 18, 1, "") \
    X(IQ4_NL, "iq4_nl", 32, 18, 1, "") \
    X(NVFP4,  "nvfp4",  16,  9, 0, "")                                /* 16-value blocks, one FP8 scale */

typedef enum llmsize_kv_dtype {
#define LLMSIZE__KV_ENUM(name, id, block, bytes, flash_only, aliases) LLMSIZE_KV_##name,
    LLMSIZE_KV_DTYPES(LLMSIZE__KV_ENUM)
#undef LLMSIZE__KV_ENUM
    LLMSIZE_KV_DTYPE_COUNT
} llmsize_kv_dtype;

/* One KV-cache dtype (llmsize_kv_dtype_info_of). */
typedef struct llmsize_kv_dtype_info {
    const char *name;         /* "q8_0"                                                  */
    const char *aliases;      /* '|'-separated other spellings ("" = none)               */
    uint32_t block;           /* values per block                                        */
    uint32_t block_bytes;     /* bytes per block                                         */
    uint32_t flash_only;      /* llama.cpp: a quantized V cache needs flash attention    */
} llmsize_kv_dtype_info;

/* Hardware classes, each with a calibrated decode efficiency for every vendor and, where
   measurements allow, one per vendor (llmsize_efficiency_for). */
#define LLMSIZE_HW_CLASSES(X) \
    X(DATACENTER, "datacenter") /* HBM datacenter GPUs                                  */ \
    X(CONSUMER,   "consumer")   /* GDDR workstation and consumer GPUs                   */ \
    X(APPLE,      "apple")      /* Apple silicon unified memory                         */ \
    X(UNIFIED,    "unified")    /* other unified LPDDR parts (DGX Spark, Strix Halo)    */ \
    X(CPU,        "cpu")        /* CPU + system DRAM                                    */
typedef enum llmsize_hw_class {
#define LLMSIZE__HW_ENUM(name, id) LLMSIZE_HW_##name,
    LLMSIZE_HW_CLASSES(LLMSIZE__HW_ENUM)
#undef LLMSIZE__HW_ENUM
    LLMSIZE_HW_CLASS_COUNT
} llmsize_hw_class;

typedef struct llmsize_gpu {
    const char *id;           /* canonical id, e.g. "h100-sxm"                           */
    const char *name;
    const char *vendor;
    const char *aliases;      /* '|'-separated: nvidia-smi name, GFD product label, …    */
    uint64_t mem_bytes;       /* as the driver reports it where known, else the spec     */
    uint32_t usable_pct;      /* share of mem_bytes a model may use (unified memory caps) */
    uint32_t hw_class;        /* llmsize_hw_class                                        */
    double bw_gbs;            /* peak memory bandwidth, GB/s                             */
    double bf16_tflops;       /* dense                                                   */
    double fp8_tflops;        /* dense, 0 = no native FP8                                */
    double fp4_tflops;        /* dense, 0 = no native FP4                                */
    double int8_tops;         /* dense                                                   */
    const char *source;
    const char *memory_options;/* '|'-separated GB sizes the part is sold with ("36|96");
                                 NULL = one. A name that states one of them ("M3 Max 36GB")
                                 resolves with that memory (llmsize_resolve_gpu)       */
} llmsize_gpu;

/* Decode and prefill calibration for one hardware class and the backend its vendor's parts
   run (tools/speed_fit.h, on tests/data/speed.tsv): a decode step reads its bytes at
   `expected` x peak bandwidth and pays `layer_us` per decoder layer (kernel launches and
   synchronisation: why small models fall short of their bandwidth bound); a byte of KV cache
   costs `kv_cost` bytes of weights (attention reads the cache below the share of bandwidth
   matrix-vector products reach: why decode slows with depth more than the cache's size says);
   low / high bound measured / predicted decode tok/s; prefill runs at `prefill_mfu` of peak
   dense tensor throughput. A row with a vendor holds what llama.cpp's backends for that
   vendor's parts measure (CUDA on Nvidia, ROCm/HIP or Vulkan on AMD): the same memory class
   reaches a different share of its bandwidth, at a different cost per layer, under another
   vendor's kernels. The row without one (vendor NULL) is fitted
   on every vendor's rows of the class and answers for parts of other vendors and for
   described accelerators (llmsize_efficiency_for). */
typedef struct llmsize_efficiency {
    uint32_t hw_class;
    const char *vendor;       /* llmsize_gpu.vendor of the parts measured; NULL = every vendor */
    double expected;          /* achieved / peak memory bandwidth in decode              */
    double layer_us;          /* fixed cost per decoder layer per decode step, us        */
    double kv_cost;           /* read time of a KV-cache byte / that of a weight byte    */
    double low, high;         /* measured / predicted decode tok/s: 10th and 90th percentile */
    double prefill_mfu;       /* achieved / peak dense tensor FLOPS in prefill           */
    const char *source;
} llmsize_efficiency;

/* ---------------------------------------------------------------------------------- */
/* Requests and results                                                               */
/* ---------------------------------------------------------------------------------- */
typedef struct llmsize_weights {
    uint64_t by_component[LLMSIZE_COMPONENT_COUNT]; /* bytes, by llmsize_component         */
    uint64_t total;           /* bytes of all tensors                                    */
    uint64_t active;          /* bytes read per token at batch 1 (MoE: k of E experts)  */
    uint64_t file_bytes;      /* GGUF: total + modelled metadata/tokenizer; else total  */
} llmsize_weights;

/* A model file's header, read exactly (llmsize_read_file / _gguf / _safetensors). Tensor
   bytes and parameters are totals and per component (the classes llmsize_weights uses,
   from the tensor names), so a prediction compares group by group. */
enum { LLMSIZE_FILE_GGUF = 1, LLMSIZE_FILE_SAFETENSORS = 2 };
/* ggml tensor types, once, by their on-disk id (ggml_type): X(NAME, id, values per block,
   bytes per block, "name llama.cpp prints"), from ggml-org/llama.cpp:gguf-py/gguf/constants.py
   (GGMLQuantizationType, GGML_QUANT_SIZES). Ids ggml removed keep their place with block 0.
   The enum (LLMSIZE_GGML_Q4_K = 12), llmsize_ggml_type_info() and every table indexed by
   type come from this list; a new type is one line here. */
#define LLMSIZE_GGML_TYPES(X) \
    X(F32,        0,   1,   4, "f32")     X(F16,      1,   1,   2, "f16") \
    X(Q4_0,       2,  32,  18, "q4_0")    X(Q4_1,     3,  32,  20, "q4_1") \
    X(Q4_2,       4,   0,   0, NULL)      X(Q4_3,     5,   0,   0, NULL)     /* removed */ \
    X(Q5_0,       6,  32,  22, "q5_0")    X(Q5_1,     7,  32,  24, "q5_1") \
    X(Q8_0,       8,  32,  34, "q8_0")    X(Q8_1,     9,  32,  36, "q8_1") \
    X(Q2_K,      10, 256,  84, "q2_K")    X(Q3_K,    11, 256, 110, "q3_K") \
    X(Q4_K,      12, 256, 144, "q4_K")    X(Q5_K,    13, 256, 176, "q5_K") \
    X(Q6_K,      14, 256, 210, "q6_K")    X(Q8_K,    15, 256, 292, "q8_K") \
    X(IQ2_XXS,   16, 256,  66, "iq2_xxs") X(IQ2_XS,  17, 256,  74, "iq2_xs") \
    X(IQ3_XXS,   18, 256,  98, "iq3_xxs") X(IQ1_S,   19, 256,  50, "iq1_s") \
    X(IQ4_NL,    20,  32,  18, "iq4_nl")  X(IQ3_S,   21, 256, 110, "iq3_s") \
    X(IQ2_S,     22, 256,  82, "iq2_s")   X(IQ4_XS,  23, 256, 136, "iq4_xs") \
    X(I8,        24,   1,   1, "i8")      X(I16,     25,   1,   2, "i16") \
    X(I32,       26,   1,   4, "i32")     X(I64,     27,   1,   8, "i64") \
    X(F64,       28,   1,   8, "f64")     X(IQ1_M,   29, 256,  56, "iq1_m") \
    X(BF16,      30,   1,   2, "bf16")    X(Q4_0_4_4, 31,  0,   0, NULL)     /* removed */ \
    X(Q4_0_4_8,  32,   0,   0, NULL)      X(Q4_0_8_8, 33,  0,   0, NULL)     /* removed */ \
    X(TQ1_0,     34, 256,  54, "tq1_0")   X(TQ2_0,   35, 256,  66, "tq2_0") \
    X(IQ4_NL_4_4, 36,  0,   0, NULL)      X(IQ4_NL_4_8, 37, 0,   0, NULL)    /* removed */ \
    X(IQ4_NL_8_8, 38,  0,   0, NULL)      X(MXFP4,   39,  32,  17, "mxfp4")

typedef enum llmsize_ggml_type {
#define LLMSIZE__GGML_ENUM(name, id, block, bytes, printed) LLMSIZE_GGML_##name = id,
    LLMSIZE_GGML_TYPES(LLMSIZE__GGML_ENUM)
#undef LLMSIZE__GGML_ENUM
    LLMSIZE_GGML_TYPE_COUNT
} llmsize_ggml_type;

typedef struct llmsize_ggml_type_info {
    const char *name;         /* what llama.cpp's loader prints ("q4_K"); NULL: removed id */
    uint32_t block;           /* values per block (0: removed id)                         */
    uint32_t block_bytes;     /* bytes per block                                          */
} llmsize_ggml_type_info;

/* llama.cpp file types, once: X(NAME, default ggml type, general.file_type number
   (LLAMA_FTYPE_MOSTLY_*, as gguf-py's LlamaFileType numbers them), "the table's format id").
   A GGUF format row's `code` is LLMSIZE_FT_<NAME>, or'd with LLMSIZE_FT_Q8_EMBED_OUT for the
   "_L" variants (embeddings and output at Q8_0). Per-tensor rules: llama-quant.cpp. */
#define LLMSIZE_GGUF_FILE_TYPES(X) \
    X(F32,       F32,      0, "f32")      X(F16,       F16,      1, "gguf-f16") \
    X(BF16,      BF16,    32, "gguf-bf16") X(Q4_0,     Q4_0,     2, "Q4_0") \
    X(Q4_1,      Q4_1,     3, "Q4_1")     X(Q5_0,      Q5_0,     8, "Q5_0") \
    X(Q5_1,      Q5_1,     9, "Q5_1")     X(Q8_0,      Q8_0,     7, "Q8_0") \
    X(Q2_K,      Q2_K,    10, "Q2_K")     X(Q2_K_S,    Q2_K,    21, "Q2_K_S") \
    X(Q3_K_S,    Q3_K,    11, "Q3_K_S")   X(Q3_K_M,    Q3_K,    12, "Q3_K_M") \
    X(Q3_K_L,    Q3_K,    13, "Q3_K_L")   X(Q4_K_S,    Q4_K,    14, "Q4_K_S") \
    X(Q4_K_M,    Q4_K,    15, "Q4_K_M")   X(Q5_K_S,    Q5_K,    16, "Q5_K_S") \
    X(Q5_K_M,    Q5_K,    17, "Q5_K_M")   X(Q6_K,      Q6_K,    18, "Q6_K") \
    X(IQ2_XXS,   IQ2_XXS, 19, "IQ2_XXS")  X(IQ2_XS,    IQ2_XS,  20, "IQ2_XS") \
    X(IQ2_S,     IQ2_XS,  28, "IQ2_S")    X(IQ2_M,     IQ2_S,   29, "IQ2_M") \
    X(IQ3_XXS,   IQ3_XXS, 23, "IQ3_XXS")  X(IQ3_XS,    IQ3_S,   22, "IQ3_XS") \
    X(IQ3_S,     IQ3_S,   26, "IQ3_S")    X(IQ3_M,     IQ3_S,   27, "IQ3_M") \
    X(IQ1_S,     IQ1_S,   24, "IQ1_S")    X(IQ1_M,     IQ1_M,   31, "IQ1_M") \
    X(IQ4_NL,    IQ4_NL,  25, "IQ4_NL")   X(IQ4_XS,    IQ4_XS,  30, "IQ4_XS") \
    X(TQ1_0,     TQ1_0,   36, "TQ1_0")    X(TQ2_0,     TQ2_0,   37, "TQ2_0") \
    X(MXFP4_MOE, MXFP4,   38, "MXFP4_MOE")

typedef enum llmsize_gguf_file_type {
#define LLMSIZE_FT_ENUM(name, type, number, format) LLMSIZE_FT_##name,
    LLMSIZE_GGUF_FILE_TYPES(LLMSIZE_FT_ENUM)
#undef LLMSIZE_FT_ENUM
    LLMSIZE_FT_COUNT
} llmsize_gguf_file_type;
#define LLMSIZE_FT_Q8_EMBED_OUT 0x100u   /* "_L" variant bit in a format's `code`          */

/* Tensors per ggml type in a GGUF file, indexed by the type's on-disk id (llmsize_ggml_type).
   The counts are what llama.cpp's loader prints ("llama_model_loader: - type q4_K:  193
   tensors"); llmsize_ggml_type_name() gives the name it prints. A stacked expert tensor is one. */
typedef struct llmsize_gguf_mix {
    uint32_t tensors[LLMSIZE_GGML_TYPE_COUNT];
    uint64_t bytes[LLMSIZE_GGML_TYPE_COUNT];
    uint32_t n_tensors;       /* all tensors                                             */
} llmsize_gguf_mix;

typedef struct llmsize_file_info {
    uint32_t kind;            /* LLMSIZE_FILE_*                                          */
    uint32_t version;         /* GGUF version (2, 3); safetensors: 0                     */
    uint64_t n_tensors;
    uint64_t n_metadata;      /* GGUF key/values; safetensors __metadata__ entries       */
    uint64_t header_bytes;    /* where tensor data starts (GGUF: after alignment)        */
    uint64_t needed;          /* LLMSIZE_ERR_TRUNCATED: bytes to have before retrying    */
    llmsize_weights bytes;    /* exact bytes of every tensor, by component; .total       */
    llmsize_params params;    /* elements, by component (packed 4-bit and 8-in-32 ints
                                 counted as the values they hold; scales count 0)        */
    uint64_t other_bytes;     /* tensors no component claims (rope tables, buffers)      */
    uint32_t file_type;       /* GGUF general.file_type (LLAMA_FTYPE_*), else 0          */
    const llmsize_format *format; /* GGUF: the table's format for file_type (NULL: none)  */
    uint32_t has_model;       /* GGUF: the metadata described a model (see `model`)      */
    llmsize_model model;      /* GGUF: dims, attention, MoE and MLA from the metadata    */
    char arch[32];            /* GGUF general.architecture                               */
    char name[96];            /* GGUF general.name ("Meta Llama 3.1 8B Instruct"), else "" */
    char dtype[16];           /* safetensors: the most common tensor dtype               */
    llmsize_gguf_mix mix;     /* GGUF: tensors and bytes per ggml type                   */
} llmsize_file_info;

typedef struct llmsize_speed_request {
    const llmsize_model *model;
    const llmsize_format *format;
    const llmsize_gpu *gpu;
    uint32_t gpus;         /* 0 = 1; bandwidth and compute add (tensor parallel)     */
    uint32_t kv_dtype;        /* llmsize_kv_dtype                                        */
    uint64_t context;         /* tokens already in the cache when decoding (0 = prompt) */
    uint64_t prompt;          /* prompt tokens for TTFT (0 = 512)                        */
    uint64_t gen;             /* generated tokens for E2E (0 = 256)                      */
    uint32_t seqs;            /* concurrent sequences (0 = 1)                            */
} llmsize_speed_request;

typedef struct llmsize_speed_result {
    double decode_tps;        /* per sequence, expected                                 */
    double decode_tps_low;
    double decode_tps_high;
    double decode_tps_total;  /* all sequences together                                 */
    double ttft_s;            /* prefill of `prompt` tokens; 0 = unknown (no compute spec)*/
    double e2e_s;             /* ttft + tpot * (gen - 1)                                */
    uint64_t bytes_per_step;  /* weights touched + KV read per decode step              */
    double compute_bound;     /* 1 when FLOPs, not bytes, set the decode step time       */
} llmsize_speed_result;

typedef struct llmsize_fit_request {
    const llmsize_model *model;
    const llmsize_format *format;
    const llmsize_gpu *gpu;
    uint32_t gpus;         /* 0 = 1 (memory is split evenly)                         */
    uint64_t context;         /* tokens per sequence (0 = 8192)                          */
    uint32_t seqs;            /* concurrent sequences (0 = 1)                            */
    uint32_t kv_dtype;
    uint64_t overhead_bytes;  /* runtime overhead per accelerator (0 = none)            */
    uint32_t tight_pct;       /* headroom below this % of usable is "tight" (0 = 10)    */
} llmsize_fit_request;

typedef struct llmsize_fit_result {
    int fits;                 /* 1 when total <= usable                                 */
    int tight;                /* fits with headroom below tight_pct of usable           */
    uint64_t weight_bytes, kv_bytes, overhead_bytes, total_bytes;
    uint64_t usable_bytes;    /* across all accelerators                                */
    int64_t headroom_bytes;   /* usable - total (negative = shortfall)                  */
    uint64_t activation_bytes;/* encoders: one batch of `seqs` inputs of `context` tokens
                                 (llmsize_activation_bytes, SDPA); in total_bytes       */
} llmsize_fit_result;

/* ---------------------------------------------------------------------------------- */
/* Quantization quality                                                               */
/* ---------------------------------------------------------------------------------- */
/* What a quality figure measures. The two scales differ: rank formats within one. */
#define LLMSIZE_METRICS(X) \
    X(NONE,     "none") \
    X(PPL,      "ppl")      /* perplexity increase over F16, % (llama.cpp, wikitext-2) */ \
    X(ACCURACY, "accuracy") /* benchmark accuracy lost against BF16, %                */ \
    X(NATIVE,   "native")   /* the model was trained / released in this format: 0     */
typedef enum llmsize_metric {
#define LLMSIZE__METRIC_ENUM(name, id) LLMSIZE_METRIC_##name,
    LLMSIZE_METRICS(LLMSIZE__METRIC_ENUM)
#undef LLMSIZE__METRIC_ENUM
    LLMSIZE_METRIC_COUNT
} llmsize_metric;

/* One published measurement of a format's quality loss on a reference model. */
typedef struct llmsize_quality_row {
    const char *format;          /* format id                                            */
    uint32_t metric;             /* llmsize_metric                                       */
    const char *family;          /* rows of one family at several sizes give the trend   */
    const char *ref_model;       /* NATIVE rows: '|'-separated model ids                 */
    double ref_params_b;         /* reference model size, billions of parameters         */
    double loss_pct;             /* PPL: (PPL_q / PPL_f16 - 1) * 100; ACCURACY: 100 - recovery */
    double kld;                  /* mean KL divergence vs F16 (0 = not published)        */
    uint32_t primary;            /* 1: estimates start from this family                  */
    const char *benchmark;       /* dataset / benchmark and the raw figures              */
    const char *source;
} llmsize_quality_row;

#define LLMSIZE_CONFIDENCES(X) \
    X(NONE,         "none")         /* no published figure for this format                  */ \
    X(REFERENCE,    "reference")    /* no loss: the reference precision or the native format*/ \
    X(SCALED,       "scaled")       /* scaled to the model's size within the published sizes*/ \
    X(EXTRAPOLATED, "extrapolated") /* outside the published sizes: the nearest size's figure */
typedef enum llmsize_confidence {
#define LLMSIZE__CONF_ENUM(name, id) LLMSIZE_CONF_##name,
    LLMSIZE_CONFIDENCES(LLMSIZE__CONF_ENUM)
#undef LLMSIZE__CONF_ENUM
    LLMSIZE_CONF_COUNT
} llmsize_confidence;

typedef struct llmsize_quality {
    uint32_t metric;             /* llmsize_metric of loss_pct                           */
    uint32_t confidence;         /* llmsize_confidence                                   */
    double loss_pct;             /* estimated loss for this model, % (>= 0)              */
    double loss_low_pct;         /* the range the published figures support: PPL rows    */
    double loss_high_pct;        /* start from LLaMA 3 (hard to quantize); ACCURACY rows */
                                 /* carry the evaluation-setup spread (see llmsize.h)    */
    double kld;                  /* estimated mean KL divergence (GGUF; 0 = unknown)     */
    const llmsize_quality_row *ref;   /* the published row it starts from (NULL: none)  */
    const char *note;            /* how it was scaled, in words                          */
} llmsize_quality;

/* ---------------------------------------------------------------------------------- */
/* Serving plans: a model + format + engine settings + hardware                       */
/* ---------------------------------------------------------------------------------- */
/* Serving engines, once: X(NAME, id). The enum, llmsize_engine_name(), the rows of
   llmsize_data.h (llmsize_engine_at, in this order; the test suite checks the ids) and the
   implementation's module per engine (its section "Engine: <name>", reached through
   llmsize__<id>_ops) follow this list; a new engine is one line here, one row, one section. */
#define LLMSIZE_ENGINES(X) \
    X(NONE,     none)       /* no engine: weights + KV + overhead against usable memory */ \
    X(VLLM,     vllm) \
    X(SGLANG,   sglang) \
    X(LLAMACPP, llamacpp)   /* llama-server / llama-cli                                 */ \
    X(OLLAMA,   ollama)     /* llama.cpp underneath, with Ollama's context and slots    */ \
    X(TRTLLM,   trtllm)     /* TensorRT-LLM                                             */

typedef enum llmsize_engine {
#define LLMSIZE__ENGINE_ENUM(name, id) LLMSIZE_ENGINE_##name,
    LLMSIZE_ENGINES(LLMSIZE__ENGINE_ENUM)
#undef LLMSIZE__ENGINE_ENUM
    LLMSIZE_ENGINE_COUNT
} llmsize_engine;

/* One engine: its names and the device memory it never sees, with the source
   (llmsize_data.h). Everything that changed between its versions is in
   llmsize_engine_release. */
typedef struct llmsize_engine_info {
    const char *id;            /* "vllm", "sglang", "llamacpp", "ollama", "trtllm"         */
    const char *name;
    const char *aliases;       /* '|'-separated                                            */
    uint64_t device_reserved;  /* device memory the engine never sees (CUDA's own share)   */
    const char *status;        /* what llmsize models of it, for the README table         */
    const char *source;
} llmsize_engine_info;

/* How an engine release behaves where its rules changed between versions (each release
   row in llmsize_data.h says which hold, with the engine's source). */
enum {
    /* vLLM */
    LLMSIZE_RULE_VLLM_V1       = 1u << 0,  /* the V1 engine: its profile, a refusal in bytes      */
    LLMSIZE_RULE_VLLM_V0_OPT   = 1u << 1,  /* V0 still selectable (VLLM_USE_V1=0)                */
    LLMSIZE_RULE_HYBRID_KV     = 1u << 2,  /* the hybrid allocator pages sliding-window layers by
                                              their window                                      */
    LLMSIZE_RULE_BATCH_BY_GPU  = 1u << 3,  /* 8192 batched tokens / 1024 sequences on GPUs of 70
                                              GiB or more                                        */
    LLMSIZE_RULE_A100_SMALL    = 1u << 4,  /* ... except A100s                                  */
    LLMSIZE_RULE_BATCH_160     = 1u << 5,  /* 16384 batched tokens on GPUs of 160 GiB or more   */
    LLMSIZE_RULE_GRAPHS_BUDGETED = 1u << 6,/* CUDA-graph memory is taken before the KV pool      */
    LLMSIZE_RULE_FLASHINFER_SAMPLER = 1u << 7, /* FlashInfer's sampler (no vocabulary sort)     */
    LLMSIZE_RULE_AUTO_MAX_LEN  = 1u << 8,  /* --max-model-len auto / -1                         */
    LLMSIZE_RULE_KV_AFTER_WARMUP = 1u << 9,/* the KV cache is sized after warmup and CUDA graphs,
                                              less a margin (the extensible KV cache)            */
    /* SGLang */
    LLMSIZE_RULE_RESERVE_BY_GPU = 1u << 10,/* mem_fraction_static from a reserve by memory tier  */
    LLMSIZE_RULE_TIERS_2026    = 1u << 11, /* ... with the 2026 tiers (memory_hook.py)          */
    /* llama.cpp and Ollama */
    LLMSIZE_RULE_KV_ONE_BUFFER = 1u << 12, /* one cache of pad(n_ctx) cells; each slot n_ctx/np */
    LLMSIZE_RULE_PAD_BY_FA     = 1u << 13, /* cells padded to 256 with flash attention, 32 without */
    LLMSIZE_RULE_SWA_WINDOW    = 1u << 14, /* sliding-window layers hold window + one micro-batch */
    LLMSIZE_RULE_NGL_ALL       = 1u << 15, /* every layer on the GPU without -ngl (else none)   */
    LLMSIZE_RULE_FA_AUTO       = 1u << 16, /* flash attention on where the backend has it       */
    LLMSIZE_RULE_PARALLEL_AUTO = 1u << 17, /* without -np: default_seqs slots on one unified cache,
                                              each up to -c                                      */
    LLMSIZE_RULE_PARALLEL_FULL_FIT = 1u << 18, /* Ollama: default_seqs slots if the model then
                                              fits the GPU whole, else 1                         */
    LLMSIZE_RULE_FIT           = 1u << 19, /* --fit: keep 1 GiB free by lowering an unset -c (to
                                              4096 at least), then an unset -ngl                 */
    LLMSIZE_RULE_CTX_BY_VRAM   = 1u << 20, /* default context by total VRAM                     */
    LLMSIZE_RULE_OFFLOAD       = 1u << 21  /* layers that do not fit run on the CPU             */
};

/* One engine release: the rules and defaults from `version` until the next row's. */
typedef struct llmsize_engine_release {
    uint32_t engine;           /* llmsize_engine                                           */
    const char *version;       /* the first release with these rules ("0.11.0", "b6550")  */
    const char *date;          /* its release date, YYYY-MM-DD                            */
    uint32_t rules;            /* LLMSIZE_RULE_*                                           */
    double mem_fraction;       /* share of device memory the engine budgets (0: all)       */
    uint32_t block_size;       /* KV page in tokens (0: one contiguous buffer)             */
    uint32_t ctx_pad;          /* context rounded up to a multiple of this (0: none)       */
    uint64_t default_context;  /* 0: the model's own maximum                               */
    uint32_t default_seqs;     /* parallel slots / sequences                               */
    uint32_t default_ubatch;   /* llama.cpp physical batch                                 */
    uint64_t default_batched_tokens; /* vLLM max_num_batched_tokens (profiling batch)      */
    uint32_t default_max_seqs; /* vLLM max_num_seqs, SGLang max_running_requests (0: none) */
    uint64_t overhead_tp1;     /* memory outside the engine's accounting, one GPU (bytes)  */
    uint64_t overhead_tpn;     /* ... with tensor parallelism (NCCL buffers)               */
    const char *source;        /* the engine's source at this tag, for each default        */
} llmsize_engine_release;

/* Plan flags. */
enum {
    LLMSIZE_PLAN_FLASH_ATTN    = 1u << 0, /* llama.cpp -fa on / Ollama FLASH_ATTENTION=1     */
    LLMSIZE_PLAN_SWA_FULL      = 1u << 1, /* llama.cpp --swa-full: full-size SWA cache        */
    LLMSIZE_PLAN_NO_HYBRID_KV  = 1u << 2, /* vLLM --disable-hybrid-kv-cache-manager           */
    LLMSIZE_PLAN_CONTEXT_AUTO  = 1u << 3, /* vLLM --max-model-len auto/-1: largest that fits  */
    LLMSIZE_PLAN_GPU_LAYERS    = 1u << 4, /* gpu_layers is set (llama.cpp -ngl)              */
    LLMSIZE_PLAN_VLLM_V0       = 1u << 5, /* vLLM's V0 engine (refusal message, no hybrid)    */
    LLMSIZE_PLAN_EXPERTS_CPU   = 1u << 6, /* every routed expert in host memory (--cpu-moe)   */
    LLMSIZE_PLAN_EXPERT_PARALLEL = 1u << 7,/* MoE experts split across ranks, not sliced      */
    LLMSIZE_PLAN_KV_UNIFIED    = 1u << 8, /* llama.cpp --kv-unified: slots share -c cells      */
    LLMSIZE_PLAN_NO_FLASH_ATTN = 1u << 9, /* llama.cpp -fa off / Ollama FLASH_ATTENTION=0      */
    LLMSIZE_PLAN_EAGER         = 1u << 10,/* vLLM --enforce-eager: no CUDA graphs             */
    LLMSIZE_PLAN_FLASHINFER_SAMPLER = 1u << 11, /* vLLM VLLM_USE_FLASHINFER_SAMPLER=1          */
    LLMSIZE_PLAN_NATIVE_SAMPLER = 1u << 12,/* vLLM VLLM_USE_FLASHINFER_SAMPLER=0             */
    LLMSIZE_PLAN_CONTEXT_MODEL = 1u << 13, /* llama.cpp -c 0: the model's training context     */
    LLMSIZE_PLAN_ONE_GPU       = 1u << 14, /* llama.cpp -sm none: the main GPU alone, whatever gpus */
    LLMSIZE_PLAN_NO_KV_OFFLOAD = 1u << 15  /* llama.cpp -nkvo: every layer's cache in host memory */
};

/* A deployment. Zero means "the engine's default" everywhere. */
typedef struct llmsize_plan {
    const llmsize_model *model;
    const llmsize_format *format;
    const llmsize_gpu *gpu;
    uint32_t engine;           /* llmsize_engine                                           */
    const llmsize_engine_release *release; /* the engine version whose rules apply (NULL:
                                  its current release; llmsize_find_engine_version)               */
    uint32_t tp, pp, dp;       /* tensor, pipeline, data parallel (0 = 1; when only gpus is
                                  given, tp = gpus, or pp = gpus where the engine splits
                                  layers: llmsize_engine_splits_layers)                   */
    uint32_t gpus;          /* accelerators in the deployment (0 = tp * pp * dp)        */
    uint64_t context;          /* per-sequence context (vLLM max_model_len, llama.cpp -c / -np,
                                  Ollama num_ctx); 0 = engine default                      */
    uint32_t seqs;             /* sequences that must be served at once, each at `context`
                                  (llama.cpp -np, Ollama NUM_PARALLEL); 0 = default          */
    uint32_t max_seqs;         /* the engine's cap on sequences at once, which it does not
                                  need to fit (vLLM --max-num-seqs, SGLang
                                  --max-running-requests); 0 = the release's default        */
    uint32_t kv_dtype;         /* llmsize_kv_dtype; K and V share it                       */
    double mem_fraction;       /* gpu_memory_utilization / mem_fraction_static /
                                  free_gpu_memory_fraction; 0 = default                    */
    uint64_t batched_tokens;   /* vLLM max_num_batched_tokens; 0 = default                 */
    uint32_t ubatch;           /* llama.cpp -ub; 0 = default                               */
    uint32_t block_size;       /* vLLM --block-size; 0 = default                           */
    int32_t gpu_layers;        /* llama.cpp -ngl (with LLMSIZE_PLAN_GPU_LAYERS)            */
    uint32_t cpu_moe_layers;   /* llama.cpp --n-cpu-moe: experts of the first N layers on CPU
                                  (from layer cpu_moe_first, below)                       */
    double host_bw_gbs;        /* host memory bandwidth for offloaded layers (0 = unknown) */
    uint32_t flags;            /* LLMSIZE_PLAN_*                                           */
    uint32_t tight_pct;        /* headroom below this % of usable is "tight" (0 = 10)      */
    uint64_t kv_pool_bytes;    /* paging engines: a KV pool you know (e.g. the engine's log
                                  line); 0 = predict it                                   */
    /* Optional caches for callers that fit one model and format many times (sweeps,
       solvers, schedulers): exactly llmsize_weight_bytes(model, format) and
       llmsize_params_of(model). NULL = computed on every call. */
    const llmsize_weights *weights;
    const llmsize_params *params;
    uint32_t cpu_moe_first;    /* the first of the cpu_moe_layers whose experts stay on the CPU
                                  (llama.cpp -ot over blk.N.ffn_*_exps; 0 = layer 0, as
                                  --n-cpu-moe). Last, so that initialisers written for the
                                  fields above still mean what they meant               */
} llmsize_plan;

/* What the engine does with a plan when it starts, once: X(NAME, "id"). */
#define LLMSIZE_OUTCOMES(X) \
    X(STARTS,        "starts")          /* it starts (fits says whether seqs x context fit)  */ \
    X(REFUSES,       "refuses")         /* its own check stops it with a message (refusal_*) */ \
    X(OUT_OF_MEMORY, "out_of_memory")   /* loading the weights and buffers runs out of memory */ \
    X(OFFLOADS,      "offloads")        /* it starts with layers on the CPU (gpu_layers)     */
typedef enum llmsize_outcome {
#define LLMSIZE__OUTCOME_ENUM(name, id) LLMSIZE_OUTCOME_##name,
    LLMSIZE_OUTCOMES(LLMSIZE__OUTCOME_ENUM)
#undef LLMSIZE__OUTCOME_ENUM
    LLMSIZE_OUTCOME_COUNT
} llmsize_outcome;

/* What a plan needs and what the engine would do, once: X(C type, name, kind, "meaning").
   Byte figures are per accelerator (the busiest rank); engine log figures are reproduced by
   the bytes here. The struct, llmsize_plan_result_field() (name, kind, offset, meaning)
   and every binding's result type come from this list: a new result field is one line
   here plus the line in an engine's section that fills it. */
#define LLMSIZE_PLAN_RESULT_FIELDS(X) \
    X(int,      fits,               BOOL, "the engine starts and holds seqs x context with every layer on the GPU") \
    X(int,      tight,              BOOL, "fits with headroom below tight_pct of usable") \
    X(int,      refused,            BOOL, "the engine itself refuses to start (see refusal_*)") \
    X(int,      loads,              BOOL, "weights + activations + overhead fit, whatever the KV") \
    X(uint32_t, outcome,            U32,  "what the engine does: llmsize_outcome_name()") \
    X(uint64_t, weight_bytes,       U64,  "weights on the accelerator") \
    X(uint64_t, kv_bytes,           U64,  "KV cache for seqs x context") \
    X(uint64_t, activation_bytes,   U64,  "profiled activation peak / compute buffers") \
    X(uint64_t, overhead_bytes,     U64,  "outside the engine's accounting (CUDA context, NCCL)") \
    X(uint64_t, total_bytes,        U64,  "weight + kv + activation + overhead") \
    X(uint64_t, usable_bytes,       U64,  "the engine's budget on this accelerator") \
    X(int64_t,  headroom_bytes,     I64,  "usable - total (negative: the shortfall)") \
    X(uint64_t, host_weight_bytes,  U64,  "weights left in host memory (llama.cpp -ngl, --n-cpu-moe)") \
    X(uint64_t, host_kv_bytes,      U64,  "their layers' share of the KV cache") \
    X(uint64_t, context,            U64,  "per-sequence context after defaults and padding") \
    X(uint32_t, seqs,               U32,  "concurrent sequences after defaults") \
    X(uint64_t, cache_cells,        U64,  "llama.cpp: KV cells (n_ctx after padding, all slots)") \
    X(uint64_t, swa_cells,          U64,  "llama.cpp: cells of the sliding-window cache (0: none)") \
    X(uint64_t, kv_pool_bytes,      U64,  "paging engines: the KV pool the engine allocates") \
    X(uint64_t, kv_capacity_tokens, U64,  "paging engines: tokens the pool holds") \
    X(uint64_t, kv_blocks,          U64,  "vLLM: '# GPU blocks'") \
    X(double,   max_concurrency,    F64,  "requests of context tokens the pool holds at once") \
    X(uint64_t, max_context,        U64,  "largest per-sequence context that fits") \
    X(uint64_t, refusal_needed,     U64,  "vLLM V1: KV bytes one request at max_model_len needs; V0: max_model_len") \
    X(uint64_t, refusal_available,  U64,  "vLLM V1: KV pool bytes; V0: KV capacity in tokens") \
    X(uint32_t, gpus,               U32,  "accelerators used") \
    X(uint32_t, gpu_layers,         U32,  "decoder layers whose weights are on the accelerators (llama.cpp -ngl)") \
    X(double,   decode_tps,         F64,  "per sequence with seqs decoding (0 = unknown)") \
    X(double,   decode_tps_low,     F64,  "where 80 % of published measurements fall held out (a fit without their source), as tok/s: low") \
    X(double,   decode_tps_high,    F64,  "... high")

typedef struct llmsize_plan_result {
#define LLMSIZE__RESULT_MEMBER(type, name, kind, meaning) type name;
    LLMSIZE_PLAN_RESULT_FIELDS(LLMSIZE__RESULT_MEMBER)
#undef LLMSIZE__RESULT_MEMBER
} llmsize_plan_result;

/* Where llama.cpp puts a model's bytes, as sums that any -ngl / --n-cpu-moe placement adds
   up without placing a tensor (llmsize__host_bytes): one block of each fold group (its
   routed experts apart), what sits outside the blocks, and each block's group. Built by one
   byte fold per plan; a model the fold does not group (more than LLMSIZE__HOST_LAYERS
   blocks or LLMSIZE__MAX_GROUPS groups, a decoder stack) is placed tensor by tensor.
   Working state of llmsize_prepared and of a plan (about 6 KiB, on the stack of a fit and
   of a solver, which is all the memory they use); not an interface. */
#define LLMSIZE__MAX_GROUPS 64     /* fold groups (llmsize__enumerate_folded)           */
#define LLMSIZE__HOST_LAYERS 4096u
typedef struct llmsize__host_table {
    int state;                 /* 0: not built; 1: built; -1: place tensor by tensor        */
    uint64_t always;           /* token_embd and a vision tower: in host memory whatever -ngl */
    uint64_t out, out_read;    /* outside the blocks (final norm, output, MTP's own): in
                                  host memory unless the output layer is on the GPU         */
    uint64_t mtp, mtp_routed;  /* MTP modules' layers, placed as the last block            */
    uint64_t block[LLMSIZE__MAX_GROUPS], block_read[LLMSIZE__MAX_GROUPS];    /* per block, */
    uint64_t routed[LLMSIZE__MAX_GROUPS], routed_read[LLMSIZE__MAX_GROUPS];  /* by group   */
    uint8_t group[LLMSIZE__HOST_LAYERS];
} llmsize__host_table;

/* A plan prepared for many fits that differ only in accelerator, context and sequences
   (schedulers, sweeps, solvers): llmsize_prepare checks it, applies its defaults and
   computes its weights, parameters and per-rank KV layout once; llmsize_prepared_fit then
   answers for one (gpu, context, seqs). Read-only after llmsize_prepare; any number of
   threads may share one. The fields after `params` are the library's working state. */
typedef struct llmsize_prepared {
    llmsize_plan plan;            /* the plan after llmsize_plan_defaults                 */
    llmsize_plan asked;           /* the plan as given (defaults that depend on the
                                     accelerator are applied again on each one)           */
    llmsize_weights weights;
    llmsize_params params;
    uint32_t fast;                /* 1: the no-engine rules, answered without a full fit  */
    uint32_t tp, pp, gpus, expert_ranks;
    uint64_t rank_weight_bytes;   /* weights per accelerator                              */
    uint64_t kv_full_tok, kv_local_tok, kv_state_seq; /* KV per rank: per token of full
                                     and of local layers, and per sequence of linear state */
    llmsize__host_table host;     /* engines that keep layers in host memory: where each
                                     -ngl puts the bytes (state 0: not summed)            */
} llmsize_prepared;

/* What llmsize_prepared_fit computes beyond the verdict (weights, KV, totals, headroom,
   fits, tight); a field of a column not asked is 0. */
#define LLMSIZE_COLUMN_MAX_CONTEXT 1u   /* max_context (a search)                         */
#define LLMSIZE_COLUMN_DECODE      2u   /* decode_tps and its range                       */
#define LLMSIZE_COLUMN_ALL         3u

/* Where llmsize_prepared_grid writes: one array per column, each of n_plans x n_contexts x
   n_gpus cells (plan p at context c on accelerator g is cell (p * n_contexts + c) * n_gpus + g).
   `status` is required; any other column left NULL is not computed. A cell's columns are 0
   unless its status is LLMSIZE_OK. */
typedef struct llmsize_grid_columns {
    int32_t *status;                 /* llmsize_status of each cell                       */
    uint64_t *weight_bytes, *kv_bytes, *total_bytes, *usable_bytes;   /* per accelerator  */
    int64_t *headroom_bytes;
    uint8_t *fits, *tight;           /* 0 or 1                                            */
} llmsize_grid_columns;

/* A result field as a binding sees it (llmsize_plan_result_field). */
typedef enum llmsize_field_kind {
    LLMSIZE_FIELD_BOOL = 0,   /* int, 0 or 1                                               */
    LLMSIZE_FIELD_U32, LLMSIZE_FIELD_U64, LLMSIZE_FIELD_I64, LLMSIZE_FIELD_F64
} llmsize_field_kind;
typedef struct llmsize_field {
    const char *name;         /* the C member's name                                       */
    uint32_t kind;            /* llmsize_field_kind                                        */
    size_t offset;            /* offsetof the member                                       */
    const char *meaning;
} llmsize_field;

/* What would make a plan fit: each field is one change on its own (0 / NULL = none works). */
typedef struct llmsize_suggestion {
    const llmsize_format *format;   /* least quality loss that fits on the same hardware    */
    llmsize_quality format_quality;
    uint32_t gpus;                  /* fewest accelerators (tensor parallel) that fit        */
    uint64_t context;               /* longest per-sequence context that fits                */
    uint32_t seqs;                  /* most sequences that fit at the plan's context         */
} llmsize_suggestion;

/* An engine command line parsed into a plan (llmsize_parse_command). */
typedef struct llmsize_parsed {
    llmsize_plan plan;         /* engine and settings; model and format when the names are
                                  in the tables (gpu is left NULL: the command does not
                                  say which GPU it will get)                              */
    const char *model_arg;     /* the model as written (points into argv / env)            */
    size_t model_arg_len;
    const char *quant_arg;     /* the quantization as named by a flag, file name or repo   */
    size_t quant_arg_len;
    const char *error_flag;    /* LLMSIZE_ERR_PARSE: the flag whose value is malformed     */
    uint32_t unknown_flags;    /* flags llmsize does not model (ignored)                   */
    const char *unknown_flag[LLMSIZE_MAX_UNKNOWN_FLAGS];   /* the first of them, as written
                                  up to any '=' (point into argv; see unknown_flag_len)    */
    size_t unknown_flag_len[LLMSIZE_MAX_UNKNOWN_FLAGS];
    const char *hf_file;       /* llama.cpp -hff FILE (points into argv), else NULL        */
    uint32_t resolve_status;   /* llmsize_resolve's status for the model (plan.model is NULL
                                  unless LLMSIZE_OK): UNKNOWN_MODEL or AMBIGUOUS           */
    uint32_t how;              /* llmsize_how: how the model name was read                 */
    uint32_t format_from;      /* llmsize_format_from of plan.format (NAME for a flag)     */
} llmsize_parsed;

/* ---------------------------------------------------------------------------------- */
/* Licences                                                                           */
/* ---------------------------------------------------------------------------------- */
/* What crossing a licence's user or revenue threshold does. */
typedef enum llmsize_gate {
    LLMSIZE_GATE_NONE = 0,
    LLMSIZE_GATE_GRANT_AT_RELEASE, /* above it in the month before the model's release:
                                      no rights until the licensor grants them (Llama) */
    LLMSIZE_GATE_GRANT,            /* above it at any time: request a licence (Qwen)     */
    LLMSIZE_GATE_NO_RIGHTS,        /* above it: the licence grants nothing (Devstral 2)  */
    LLMSIZE_GATE_DISPLAY           /* above it: display the model's name (Kimi K2)       */
} llmsize_gate;

/* What a licence says about using a model's outputs to train another model. */
typedef enum llmsize_outputs_rule {
    LLMSIZE_OUTPUTS_UNKNOWN = 0,
    LLMSIZE_OUTPUTS_FREE,             /* no condition                                    */
    LLMSIZE_OUTPUTS_SAME_FAMILY_ONLY, /* may not improve any other LLM (Llama 2/3)      */
    LLMSIZE_OUTPUTS_NAME_AND_CREDIT,  /* allowed; name prefix + "Built with" (Llama 3.1+)*/
    LLMSIZE_OUTPUTS_CREDIT,           /* allowed with "Built with/Improved using" (Qwen)*/
    LLMSIZE_OUTPUTS_INHERIT_TERMS,    /* a distilled model inherits the use restrictions */
    LLMSIZE_OUTPUTS_NONCOMMERCIAL,    /* outputs may not be used commercially            */
    LLMSIZE_OUTPUTS_RESEARCH_ONLY     /* outputs for research purposes only              */
} llmsize_outputs_rule;

/* One licence's terms. Every *_clause names the section and quotes or closely follows
   its wording; NULL text fields mean "no such term", UNKNOWN terms mean "not read". */
typedef struct llmsize_license {
    const char *id;                /* "llama3.1", "apache-2.0", …                      */
    const char *name;
    const char *spdx;              /* SPDX id, NULL where the licence has none          */
    const char *licensor;
    const char *version_date;
    const char *governing_law;     /* NULL: none stated (or not read, see confidence)  */
    const char *source;            /* where the text was read                          */
    const char *confidence;        /* "primary", "mixed" or "secondary"                 */
    uint32_t osi_approved;         /* llmsize_term                                      */
    uint32_t commercial;           /* llmsize_term                                      */
    const char *commercial_clause;
    const char *commercial_duty;   /* obligation that comes with commercial use, or NULL*/
    uint64_t mau_limit;            /* monthly active users; 0 = no threshold            */
    uint32_t mau_gate;             /* llmsize_gate                                      */
    const char *mau_clause;
    double revenue_limit_usd;      /* per month; 0 = no threshold                       */
    uint32_t revenue_gate;         /* llmsize_gate                                      */
    const char *revenue_clause;
    const char *display;           /* what a product must display ("Built with Llama") */
    const char *display_clause;
    const char *naming_rule;       /* rule for names of derived models, or NULL         */
    const char *aup;               /* incorporated use policy (URL), or NULL            */
    uint32_t eu_multimodal;        /* llmsize_term: YES = multimodal rights withheld from
                                      EU-domiciled individuals and companies             */
    const char *eu_clause;
    uint32_t outputs;              /* llmsize_outputs_rule                              */
    const char *outputs_clause;
    uint32_t redistribution;       /* llmsize_term: weights may be passed on            */
    const char *notice;            /* what copies must carry (notice file, licence copy)*/
} llmsize_license;

/* A use of a model, for llmsize_license_check(). Zero is "no" / "none". */
typedef struct llmsize_use {
    int commercial;                /* any commercial purpose, internal tools included  */
    uint64_t mau;                  /* monthly active users of your products, now        */
    uint64_t mau_at_release;       /* ... in the calendar month before the model's
                                      release date (Llama's test); 0 = assume `mau`     */
    double revenue_usd;            /* monthly revenue of your company (or employer)     */
    int eu;                        /* you are domiciled / principally based in the EU   */
    int multimodal;                /* image, audio or video inputs are used (a licence that restricts
                                      multimodal models reads the model's own modalities; this
                                      flag stands in for them only when no model is given)   */
    int redistribute;              /* weights or derivatives are passed to others       */
    int offered;                   /* the model, or a product or service with it, is made
                                      available to others (an API, an app, a website);
                                      implied by redistribute or mau > 0                 */
    int train_on_outputs;          /* outputs are used to train or improve a model      */
} llmsize_use;

/* Verdicts. Zero is UNKNOWN on purpose: an unfilled result never reads as allowed. */
#define LLMSIZE_VERDICTS(X) \
    X(UNKNOWN,                  "unknown")   /* a term that decides this use was not read */ \
    X(ALLOWED,                  "allowed") \
    X(ALLOWED_WITH_OBLIGATIONS, "allowed_with_obligations") \
    X(NOT_ALLOWED,              "not_allowed")
typedef enum llmsize_verdict {
#define LLMSIZE__VERDICT_ENUM(name, id) LLMSIZE_VERDICT_##name,
    LLMSIZE_VERDICTS(LLMSIZE__VERDICT_ENUM)
#undef LLMSIZE__VERDICT_ENUM
    LLMSIZE_VERDICT_COUNT
} llmsize_verdict;

/* Which part of a licence a finding is about. */
typedef enum llmsize_clause {
    LLMSIZE_CLAUSE_LICENSE = 0,    /* the licence as a whole (unknown id, combination)  */
    LLMSIZE_CLAUSE_COMMERCIAL, LLMSIZE_CLAUSE_MAU, LLMSIZE_CLAUSE_REVENUE,
    LLMSIZE_CLAUSE_EU_MULTIMODAL, LLMSIZE_CLAUSE_OUTPUTS, LLMSIZE_CLAUSE_REDISTRIBUTION,
    LLMSIZE_CLAUSE_DISPLAY, LLMSIZE_CLAUSE_NAMING, LLMSIZE_CLAUSE_AUP,
    LLMSIZE_CLAUSE_COUNT
} llmsize_clause;

/* One reason or obligation: what it is about, what it implies, and where it is. */
typedef struct llmsize_finding {
    uint32_t about;                /* llmsize_clause                                    */
    uint32_t verdict;              /* what this finding alone implies                   */
    const char *license;           /* licence id                                        */
    const char *text;              /* the reason or the duty, in words                  */
    const char *clause;            /* the licence's own wording / section               */
} llmsize_finding;

#define LLMSIZE_MAX_FINDINGS 24
typedef struct llmsize_license_result {
    uint32_t verdict;              /* llmsize_verdict: the worst over every finding     */
    uint32_t n_reasons, n_obligations;
    llmsize_finding reasons[LLMSIZE_MAX_FINDINGS];     /* every term checked            */
    llmsize_finding obligations[LLMSIZE_MAX_FINDINGS]; /* duties that come with the use */
} llmsize_license_result;

/* ---------------------------------------------------------------------------------- */
/* Selection: the decision framework as a function                                    */
/* ---------------------------------------------------------------------------------- */
typedef struct llmsize_select_request {
    const llmsize_gpu *gpu;
    uint32_t gpus;          /* 0 = 1 (tensor parallel)                                   */
    uint32_t engine;           /* llmsize_engine for every fit (0 = weights + KV only)      */
    const llmsize_engine_release *release; /* its version's rules (NULL: current release)  */
    uint32_t seqs;             /* concurrent sequences (0 = 1)                              */
    uint64_t context;          /* tokens per sequence (0 = 8192)                            */
    uint32_t kv_dtype;
    double min_tps;            /* decode tok/s each user needs (0 = no floor)               */
    uint32_t quality_metric;   /* scale of max_loss_pct (LLMSIZE_METRIC_NONE = any)         */
    double max_loss_pct;       /* quality floor (0 = none)                                  */
    const llmsize_format *min_format; /* or: lose no more than this format would        */
    const llmsize_use *use;    /* licence screen (NULL = none)                              */
    int strict_license;        /* 1: obligations are not acceptable either                 */
    const char *origin_exclude;/* ',' / '|' separated ISO country codes, "EU" = members    */
    const char *origin_require;/* the same; the developer must be from one of them         */
    uint32_t tasks;            /* LLMSIZE_TASK_* all required                               */
    const llmsize_format *const *formats;  /* candidate formats (NULL = every one that
                                              runs on the accelerator under the engine)    */
    size_t n_formats;
    uint32_t tight_pct;
    const llmsize_model *const *models;    /* the models to rank (NULL = every one in the
                                              table; a model listed twice is ranked once) */
    size_t n_models;
} llmsize_select_request;

/* The first constraint a model failed, in the order they are checked. */
#define LLMSIZE_REJECTS(X) \
    X(NONE,    "none")    /* a candidate */ \
    X(TASK,    "task")    X(ORIGIN,  "origin")  X(LICENSE, "license") X(CONTEXT, "context") \
    X(MEMORY,  "memory")  X(QUALITY, "quality") X(SPEED,   "speed")
typedef enum llmsize_reject {
#define LLMSIZE__REJECT_ENUM(name, id) LLMSIZE_REJECT_##name,
    LLMSIZE_REJECTS(LLMSIZE__REJECT_ENUM)
#undef LLMSIZE__REJECT_ENUM
    LLMSIZE_REJECT_COUNT
} llmsize_reject;

typedef struct llmsize_candidate {
    const llmsize_model *model;
    const llmsize_format *format;     /* the chosen format (candidates), or the one that came
                                         closest (rejected on memory, quality or speed)     */
    uint32_t rejected;                /* llmsize_reject                                      */
    uint32_t rank;                    /* 1 = best candidate; 0 for rejected models           */
    double effective_params_b;        /* dense params; MoE sqrt(total*active), billions      */
    double score;                     /* ranking key: effective size x (1 - loss/100)        */
    double decode_tps;                /* per user, expected                                  */
    uint32_t license_verdict;         /* llmsize_verdict (UNKNOWN when no use was given)     */
    llmsize_quality quality;
    llmsize_plan_result fit;
    const char *reason;               /* why it won, or the constraint it failed            */
} llmsize_candidate;

/* A published claim about a model (memory footprint and/or decode speed), to check against
   what is physically possible (llmsize_check_claim). */
typedef struct llmsize_claim {
    const llmsize_model *model;
    const llmsize_format *format;   /* the precision the claim states                      */
    const llmsize_gpu *gpu;     /* hardware of a speed claim (NULL: no speed claim)    */
    uint64_t bytes;                 /* claimed memory footprint (0: none)                  */
    double tps;                     /* claimed decode tok/s for one sequence (0: none)     */
} llmsize_claim;

typedef struct llmsize_claim_check {
    uint64_t weight_bytes;          /* the weights alone in the claimed format             */
    double bytes_ratio;             /* claimed / weight_bytes                              */
    int bytes_possible;             /* claim >= LLMSIZE_CLAIM_SLACK of the weights          */
    int fits_gpu;                 /* the weights fit the claimed hardware at all         */
    double max_tps;                 /* bandwidth bound: best-case decode on the hardware   */
    double tps_ratio;               /* claimed / max_tps                                   */
    int tps_possible;               /* claimed <= max_tps and the weights fit              */
} llmsize_claim_check;
/* A footprint below this share of the weights alone cannot be real (scales, rounding and
   unquantized tensors vary by tool, so allow 10 %). */
#define LLMSIZE_CLAIM_SLACK 0.9

/* What a model family's config.json leaves implicit (llmsize_data.h, from each family's
   transformers modeling file), for llmsize_model_from_hf_config(). */
typedef struct llmsize_hf_family {
    const char *model_types;   /* '|'-separated config "model_type" values                */
    uint32_t flags;            /* LLMSIZE_F_* the architecture always has                 */
    uint32_t norms_per_layer;  /* 0 = 2                                                   */
    uint32_t global_every;     /* sliding-window pattern when the config gives none;
                                  LLMSIZE_HF_NO_WINDOW = the family ignores sliding_window */
    uint32_t bare_head;        /* llmsize_head of the bare "*Model" class (BertModel: pooler) */
    uint32_t learned_positions;/* 1: a learned position table of max positions rows       */
    const char *source;
} llmsize_hf_family;
#define LLMSIZE_HF_NO_WINDOW 0xFFFFFFFFu

/* ---------------------------------------------------------------------------------- */
/* Names: how a model name as people write it resolves                               */
/* ---------------------------------------------------------------------------------- */
/* A published checkpoint of a table model in a format other than its makers' main repo
   (Meta's -FP8 repos, Qwen's -AWQ / -FP8, a quantizer's release with a known layout). */
typedef struct llmsize_release {
    const char *repo;         /* Hugging Face repo id                                     */
    const char *model;        /* table model id (the architecture)                        */
    const char *format;       /* table format id                                          */
    uint64_t bytes;           /* model.safetensors.index.json total_size, 0 = unknown     */
    const char *source;
} llmsize_release;

/* An Ollama library tag and what Ollama serves for it. */
typedef struct llmsize_ollama_tag {
    const char *tag;          /* "llama3.2", "deepseek-r1:671b" (no tag = :latest)        */
    const char *model;        /* table model id                                           */
    const char *format;       /* table format id of the blob Ollama pulls                 */
    const char *source;
} llmsize_ollama_tag;

/* How llmsize_resolve read a name. */
typedef enum llmsize_how {
    LLMSIZE_HOW_ID = 0,       /* a canonical table id                                     */
    LLMSIZE_HOW_REPO,         /* a Hugging Face repo id the model row lists               */
    LLMSIZE_HOW_RELEASE,      /* a repo of the release table                              */
    LLMSIZE_HOW_QUANTIZED,    /* a quantized copy: a table model's name plus a format
                                 (bartowski/…-GGUF, …-AWQ, …-FP8, mlx-community/…-4bit)  */
    LLMSIZE_HOW_DERIVED,      /* a fine-tune, variant or re-release whose name holds one
                                 table model's name (NousResearch/Hermes-3-Llama-3.1-8B)  */
    LLMSIZE_HOW_OLLAMA,       /* an Ollama library tag                                    */
    LLMSIZE_HOW_GGUF_FILE,    /* a GGUF file name (…-Q4_K_M.gguf, shards included)        */
    LLMSIZE_HOW_COUNT
} llmsize_how;

/* Where a resolution's format came from. */
typedef enum llmsize_format_from {
    LLMSIZE_FROM_NONE = 0,    /* the name names a format the table lacks: format is NULL  */
    LLMSIZE_FROM_NAME,        /* the name states it (-AWQ, -Q4_K_M.gguf, :q8_0, :Q4_K_M)  */
    LLMSIZE_FROM_CHECKPOINT,  /* the format the model's checkpoint was released in        */
    LLMSIZE_FROM_RELEASE,     /* the release table's row for the repo                     */
    LLMSIZE_FROM_OLLAMA,      /* what Ollama serves for the tag                           */
    LLMSIZE_FROM_DEFAULT,     /* a GGUF repo without a file type: llama.cpp's -hf pick,
                                 Q4_K_M                                                   */
    LLMSIZE_FROM_COUNT
} llmsize_format_from;

typedef struct llmsize_resolution {
    const llmsize_model *model;   /* the table row: the architecture that is sized        */
    const llmsize_format *format; /* NULL only with LLMSIZE_FROM_NONE                     */
    uint32_t how;             /* llmsize_how                                              */
    uint32_t format_from;     /* llmsize_format_from                                      */
    const char *matched;      /* the table name it matched (an id, a repo, a tag): the
                                 first matched_len bytes                                   */
    size_t matched_len;
    const char *source;       /* source of the release or Ollama row, else NULL           */
} llmsize_resolution;

/* How llmsize_resolve_gpu read an accelerator's name. */
typedef enum llmsize_memory_from {
    LLMSIZE_MEMORY_ROW = 0,   /* the table row's configuration                            */
    LLMSIZE_MEMORY_NAMED,     /* a size the name states ("M3 Max 36GB", "m2-max-64gb")    */
    LLMSIZE_MEMORY_DESCRIBED  /* llmsize_describe_gpu: the caller's own figures         */
} llmsize_memory_from;

typedef struct llmsize_gpu_resolution {
    llmsize_gpu gpu;      /* the row, with the memory the name states: pass &gpu on */
    const llmsize_gpu *row; /* the table row (NULL for a described accelerator)         */
    uint32_t memory_from;     /* llmsize_memory_from                                      */
    uint32_t memory_choices;  /* sizes the part is sold with: > 1 with MEMORY_ROW means the
                                 row's size was assumed, and the caller should say so     */
} llmsize_gpu_resolution;

/* Table selector for llmsize_suggest(). */
typedef enum llmsize_table {
    LLMSIZE_TABLE_MODELS = 0, LLMSIZE_TABLE_GPUS, LLMSIZE_TABLE_FORMATS, LLMSIZE_TABLE_KV_DTYPES,
    LLMSIZE_TABLE_LICENSES, LLMSIZE_TABLE_ENGINES
} llmsize_table;

/* ---------------------------------------------------------------------------------- */
/* Functions                                                                          */
/* ---------------------------------------------------------------------------------- */
LLMSIZE_API const char *llmsize_version(void);
LLMSIZE_API const char *llmsize_data_version(void);
LLMSIZE_API const char *llmsize_strerror(llmsize_status status);
/* "LLMSIZE_ERR_PARSE" for LLMSIZE_ERR_PARSE: the enum's own name (NULL if bad). */
LLMSIZE_API const char *llmsize_status_name(llmsize_status status);

LLMSIZE_API size_t llmsize_model_count(void);
LLMSIZE_API const llmsize_model *llmsize_model_at(size_t index);   /* NULL past the end */
LLMSIZE_API size_t llmsize_gpu_count(void);
LLMSIZE_API const llmsize_gpu *llmsize_gpu_at(size_t index);
LLMSIZE_API size_t llmsize_format_count(void);
LLMSIZE_API const llmsize_format *llmsize_format_at(size_t index);
LLMSIZE_API const char *llmsize_kv_dtype_name(llmsize_kv_dtype dtype); /* NULL if bad */
LLMSIZE_API const llmsize_kv_dtype_info *llmsize_kv_dtype_info_of(llmsize_kv_dtype dtype); /* NULL if bad */
LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_of(uint32_t hw_class); /* the class's row for every vendor */
/* the row an accelerator's speed is predicted with: its class and vendor, else its class's
   row for every vendor; NULL for NULL or a class out of range */
LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_for(const llmsize_gpu *gpu);
LLMSIZE_API size_t llmsize_efficiency_count(void);
LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_at(size_t index);   /* NULL past the end */

LLMSIZE_API llmsize_status llmsize_find_model(const char *name, const llmsize_model **out);
LLMSIZE_API llmsize_status llmsize_find_gpu(const char *name, const llmsize_gpu **out);
LLMSIZE_API llmsize_status llmsize_find_format(const char *name, const llmsize_format **out);
LLMSIZE_API llmsize_status llmsize_find_kv_dtype(const char *name, llmsize_kv_dtype *out);
/* Any model name people write -> the table row, its format and how it was read:
   canonical ids, repo ids (with or without the org), quantized copies (-GGUF, -i1-GGUF,
   -AWQ, -GPTQ-Int4/Int8, -FP8, -FP8-dynamic, quantized.w4a16/w8a8/w8a16, -NVFP4, -MXFP4,
   -bnb-4bit, MLX -4bit/-6bit/-8bit, EXL2/EXL3 bpw branches), fine-tunes and variants
   whose name holds exactly one table model's name, dated re-releases, Ollama tags
   (name[:tag], registry prefixes), `repo:QUANT` (llama-server -hf, hf.co/ in Ollama)
   and GGUF file names. The format is the one the name states, else the release the repo
   is, else the model's checkpoint format. A name that fits two models is
   LLMSIZE_ERR_AMBIGUOUS, one that fits none LLMSIZE_ERR_UNKNOWN_MODEL: never a
   neighbour. llmsize_suggest(LLMSIZE_TABLE_MODELS, name, ...) gives the close matches. */
LLMSIZE_API llmsize_status llmsize_resolve(const char *name, llmsize_resolution *out);
/* The same, as `engine` (llmsize_engine) reads its model argument: Ollama reads its own
   library first (`deepseek-r1` is the 8B distill there, the 671B model everywhere else). */
LLMSIZE_API llmsize_status llmsize_resolve_for(const char *name, uint32_t engine, llmsize_resolution *out);
LLMSIZE_API const char *llmsize_how_name(uint32_t how);          /* "id", "repo", …; NULL if bad */
LLMSIZE_API const char *llmsize_format_from_name(uint32_t from); /* "name", "checkpoint", …    */
/* The format a deployment on `engine` (llmsize_engine) loads when nobody names one:
   the resolution's own, except a 16-bit checkpoint under llama.cpp or Ollama, which run
   GGUF files (Q4_K_M, the file type their library and -hf pick), and a natively MXFP4
   checkpoint there (MXFP4_MOE). */
LLMSIZE_API llmsize_status llmsize_format_for(const llmsize_resolution *r, uint32_t engine,
                                              const llmsize_format **out);
LLMSIZE_API size_t llmsize_release_count(void);
LLMSIZE_API const llmsize_release *llmsize_release_at(size_t index);
LLMSIZE_API size_t llmsize_ollama_tag_count(void);
LLMSIZE_API const llmsize_ollama_tag *llmsize_ollama_tag_at(size_t index);
/* The checkpoint format of a model row (bf16 when the row names none). */
LLMSIZE_API const llmsize_format *llmsize_checkpoint_format(const llmsize_model *model);

/* An accelerator as people name it: every name llmsize_find_gpu knows, chip names in any
   case and spacing ("M2 Max", "rtx 4090"), and a memory size ("M3 Max 36GB", "Apple M4 Pro
   48 GB", "m2-max-64gb") the part is sold with, which also picks the GPU-core variant where
   bandwidth differs. A name several rows fit ("M3 Max": 300 or 400 GB/s) is
   LLMSIZE_ERR_AMBIGUOUS; a size the part is not sold with LLMSIZE_ERR_UNKNOWN_GPU. */
LLMSIZE_API llmsize_status llmsize_resolve_gpu(const char *name, llmsize_gpu_resolution *out);
/* An accelerator the table lacks, from its memory (GiB), bandwidth (GB/s) and, optionally,
   dense 16-bit tensor TFLOPS (0 = unknown: no TTFT); hw_class picks the decode-efficiency
   calibration (LLMSIZE_HW_CONSUMER for a GDDR card; the class's row for every vendor, as the
   vendor is not known). Apple and other unified-memory parts
   keep their usual share of memory for the GPU. */
LLMSIZE_API llmsize_status llmsize_describe_gpu(double mem_gib, double bw_gbs, double bf16_tflops, uint32_t hw_class,
                                                  llmsize_gpu *out);

/* Up to `cap` names from `table` closest to `query` (edit distance); returns how many
   were written to out[]. Safe with any query, including NULL (returns 0). */
LLMSIZE_API size_t llmsize_suggest(llmsize_table table, const char *query,
                                   const char **out, size_t cap);

/* Describe a model from the text of its Hugging Face config.json (multimodal configs: the
   text_config wins). Fills dims, attention layout, MLA, MoE, hybrid linear attention, MTP
   and the family's flags; identity strings are generic ("hf-config"). Pure: no I/O or
   allocation. LLMSIZE_ERR_PARSE for malformed JSON or non-integer sizes; the result is
   validated (LLMSIZE_ERR_INVALID_MODEL when the config lacks what sizing needs). */
LLMSIZE_API llmsize_status llmsize_model_from_hf_config(const char *json, size_t len, llmsize_model *out);

/* Exact mode: read a GGUF (v2, v3) or safetensors header from the first `len` bytes of a
   file (a prefix is enough; the caller does the I/O). Every tensor's type and shape give
   its exact bytes; GGUF metadata gives a model usable by every other function. A short
   buffer returns LLMSIZE_ERR_TRUNCATED with out->needed set: fetch that many bytes from the
   start of the file and call again. Malformed or hostile headers are LLMSIZE_ERR_PARSE;
   counts past 64 bits are LLMSIZE_ERR_OVERFLOW. No allocation. */
LLMSIZE_API llmsize_status llmsize_read_file(const void *buf, size_t len, llmsize_file_info *out); /* either */
LLMSIZE_API llmsize_status llmsize_read_gguf(const void *buf, size_t len, llmsize_file_info *out);
LLMSIZE_API llmsize_status llmsize_read_safetensors(const void *buf, size_t len, llmsize_file_info *out);
/* The table model a file holds: GGUF by the architecture its metadata gives (robust to what
   converters write differently, see llmsize__same_arch), safetensors by its exact parameter
   count (total or text). Several rows with that architecture (a model and its fine-tunes):
   the one the file's general.name spells out; LLMSIZE_ERR_AMBIGUOUS when it names none or
   several (llmsize_file_matches lists them), LLMSIZE_ERR_UNKNOWN_MODEL when none matches. */
LLMSIZE_API llmsize_status llmsize_file_match(const llmsize_file_info *file, const llmsize_model **out);
/* Every table model with the file's architecture (up to cap in out[]; *n_out counts all):
   what llmsize_file_match chose among, for a caller to list when it is ambiguous. */
LLMSIZE_API llmsize_status llmsize_file_matches(const llmsize_file_info *file, const llmsize_model **out, size_t cap,
                                                size_t *n_out);

LLMSIZE_API llmsize_status llmsize_model_validate(const llmsize_model *model);
/* The same, saying which field is inconsistent and why ("dims.kv_heads: must divide
   dims.heads"; a static string, NULL when the model is fine). why may be NULL. */
LLMSIZE_API llmsize_status llmsize_model_check(const llmsize_model *model, const char **why);
/* The field name of a component ("shared_experts"); NULL past LLMSIZE_COMPONENT_COUNT. */
LLMSIZE_API const char *llmsize_component_name(uint32_t component);
LLMSIZE_API llmsize_status llmsize_params_of(const llmsize_model *model, llmsize_params *out);
LLMSIZE_API llmsize_status llmsize_weight_bytes(const llmsize_model *model,
                                                const llmsize_format *format,
                                                llmsize_weights *out);
/* GGUF: how many tensors of each ggml type llama.cpp's quantizer would write for this model
   and file type (its per-tensor rules, as llmsize_weight_bytes applies them), and their bytes;
   compare with a file's llmsize_file_info.mix or a loader log. LLMSIZE_ERR_INVALID_ARG for a
   format that is not a GGUF file type. */
LLMSIZE_API llmsize_status llmsize_gguf_mix_of(const llmsize_model *model, const llmsize_format *format,
                                               llmsize_gguf_mix *out);
/* The name llama.cpp prints for a ggml type id ("q4_K", "f32"); NULL for ids it has no type for. */
LLMSIZE_API const char *llmsize_ggml_type_name(uint32_t type);
/* Block size and bytes of a ggml type id (llmsize_ggml_type); NULL for removed or unknown ids. */
LLMSIZE_API const llmsize_ggml_type_info *llmsize_ggml_type_info_of(uint32_t type);
/* KV-cache bytes for `seqs` sequences of `context` tokens each. */
LLMSIZE_API llmsize_status llmsize_kv_bytes(const llmsize_model *model, uint64_t context,
                                            uint32_t seqs, llmsize_kv_dtype dtype,
                                            uint64_t *out);
/* Peak activation bytes of one forward pass over `batch` sequences of `seq` tokens: what an
   encoder or embedder needs beside its weights (it keeps no KV cache). `eager_attention`
   adds the seq x seq score matrices that transformers' "eager" attention materialises;
   0 for SDPA / flash attention. An estimate from the layer shapes, 16-bit activations;
   allocator rounding and kernel workspaces come on top. */
LLMSIZE_API llmsize_status llmsize_activation_bytes(const llmsize_model *model, uint64_t batch,
                                                    uint64_t seq, int eager_attention, uint64_t *out);
LLMSIZE_API llmsize_status llmsize_speed(const llmsize_speed_request *req,
                                         llmsize_speed_result *out);
LLMSIZE_API llmsize_status llmsize_fit(const llmsize_fit_request *req,
                                       llmsize_fit_result *out);
/* A request with every zero field set to its default: what llmsize_speed / llmsize_fit
   size (gpus 1, seqs 1, prompt LLMSIZE_DEFAULT_PROMPT, gen LLMSIZE_DEFAULT_GEN; context an
   encoder's longest input or LLMSIZE_DEFAULT_CONTEXT, tight_pct LLMSIZE_DEFAULT_TIGHT_PCT). */
LLMSIZE_API llmsize_status llmsize_speed_defaults(const llmsize_speed_request *req, llmsize_speed_request *out);
LLMSIZE_API llmsize_status llmsize_fit_defaults(const llmsize_fit_request *req, llmsize_fit_request *out);

/* Serving plans. Engines: the table (index = llmsize_engine) and lookup by name. */
LLMSIZE_API size_t llmsize_engine_count(void);
LLMSIZE_API const llmsize_engine_info *llmsize_engine_at(size_t index);
LLMSIZE_API llmsize_status llmsize_find_engine(const char *name, llmsize_engine *out);
/* Engine releases (llmsize_data.h, oldest first within each engine): the rules and defaults
   of the release that `version` of `engine` runs ("0.6.3", "v0.11", "0.4.3.post4", "b6550";
   NULL or "" = the engine's current release). A version newer than the newest row gets the
   newest row's rules; a malformed one, or one older than the oldest row, is
   LLMSIZE_ERR_UNKNOWN_VERSION. llmsize_find_engine_release reads an engine as people name
   it with its version: "vllm@0.6", "llama.cpp@b6550", "ollama@0.12" ("vllm" alone = the
   current release). */
LLMSIZE_API size_t llmsize_engine_release_count(void);
LLMSIZE_API const llmsize_engine_release *llmsize_engine_release_at(size_t index);
LLMSIZE_API llmsize_status llmsize_find_engine_version(uint32_t engine, const char *version,
                                                const llmsize_engine_release **out);
LLMSIZE_API llmsize_status llmsize_find_engine_release(const char *spec, llmsize_engine *engine,
                                                       const llmsize_engine_release **release);
/* 1 when `tp` ranks can split the model's attention heads (KV heads split or replicated). */
LLMSIZE_API int llmsize_valid_tp(const llmsize_model *model, uint32_t tp);
/* The fields of llmsize_plan_result in order (NULL past the end), and one field's value of
   a result: exact as an integer (BOOL, U32, U64; I64 as its two's complement bits) or as
   a double (F64; integers converted). */
LLMSIZE_API size_t llmsize_plan_result_field_count(void);
LLMSIZE_API const llmsize_field *llmsize_plan_result_field(size_t index);
LLMSIZE_API uint64_t llmsize_field_u64(const void *record, const llmsize_field *field);
LLMSIZE_API double llmsize_field_f64(const void *record, const llmsize_field *field);
/* The names of the small vocabularies, as the CLI, Python and Go print them (NULL past the
   end): a task bit's index ("long-context"), a licence verdict ("allowed_with_obligations"),
   a selection rejection ("memory"), a quality metric ("ppl"), a confidence ("scaled"), a
   hardware class ("consumer"), an encoder head ("pooler"). */
LLMSIZE_API const char *llmsize_task_name(uint32_t bit_index);
LLMSIZE_API const char *llmsize_verdict_name(uint32_t verdict);
LLMSIZE_API const char *llmsize_reject_name(uint32_t reject);
LLMSIZE_API const char *llmsize_outcome_name(uint32_t outcome);
LLMSIZE_API const char *llmsize_metric_name(uint32_t metric);
LLMSIZE_API const char *llmsize_confidence_name(uint32_t confidence);
LLMSIZE_API const char *llmsize_hw_class_name(uint32_t hw_class);
LLMSIZE_API const char *llmsize_head_name(uint32_t head);
/* The id of an engine ("vllm"); NULL past LLMSIZE_ENGINE_COUNT. */
LLMSIZE_API const char *llmsize_engine_name(uint32_t engine);
/* 1 when the engine splits a model's layers over its GPUs and runs them in turn (llama.cpp's
   default -sm layer, Ollama): a plan's gpus without tp or pp are pipeline stages, and one
   sequence decodes at one GPU's bandwidth; 0 for tensor-parallel engines and past
   LLMSIZE_ENGINE_COUNT. */
LLMSIZE_API int llmsize_engine_splits_layers(uint32_t engine);
/* Is the plan well formed? The status llmsize_plan_fit would return for its arguments, and
   which field broke which rule ("tp: must divide the attention heads ..."; static; NULL
   when it is fine). why may be NULL. */
LLMSIZE_API llmsize_status llmsize_plan_check(const llmsize_plan *plan, const char **why);
/* The plan as its engine runs it: every zero field set to the engine's default (context,
   sequences, tp/pp/dp, memory fraction, batched tokens, page size, micro-batch, tight
   threshold). What llmsize_plan_fit sizes; what a binding shows as "the defaults". */
LLMSIZE_API llmsize_status llmsize_plan_defaults(const llmsize_plan *plan, llmsize_plan *out);
/* What a deployment needs per accelerator under its engine's rules, whether it fits, and
   for paging engines the KV pool, its capacity and the refusal the engine would print. */
LLMSIZE_API llmsize_status llmsize_plan_fit(const llmsize_plan *plan, llmsize_plan_result *out);

/* Prepare a plan once (see llmsize_prepared); its gpu, context and seqs are the defaults
   of the fits that follow. The same statuses as llmsize_plan_fit for the same plan. */
LLMSIZE_API llmsize_status llmsize_prepare(const llmsize_plan *plan, llmsize_prepared *out);
/* llmsize_plan_fit of the prepared plan on `gpu` (NULL: the plan's) with `context` and
   `seqs` (0: the plan's), its fields of the `columns` not asked left 0: the same answer,
   byte for byte (but for a plan whose cache at the model's longest context passes 2^64
   bytes: an overflow in llmsize_plan_fit's context search, which this skips). Without
   columns, no-engine plans of decoder models take tens of nanoseconds; engines' plans are
   full fits over the prepared weights. */
LLMSIZE_API llmsize_status llmsize_prepared_fit(const llmsize_prepared *prepared, const llmsize_gpu *gpu, uint64_t context,
                                                uint32_t seqs, uint32_t columns, llmsize_plan_result *out);

/* A grid of verdicts: cell (p * n_contexts + c) * n_gpus + g of each column asked is what
   llmsize_prepared_fit(plans[p], gpus[g], contexts[c], seqs, 0, &r) gives in that verdict
   column (weights, KV, total, usable, headroom, fits, tight), and its status, byte for byte
   (a NULL accelerator or a 0 context: the plan's, as there; a NULL plan, or one whose
   llmsize_prepare failed: LLMSIZE_ERR_NULL in its cells). Without an engine (and for
   encoders), each accelerator's usable memory is computed once for the whole grid and what
   no accelerator changes once per plan and context: a few nanoseconds a cell, for sweeps.
   LLMSIZE_ERR_NULL without out or out->status (when there are cells), or for a NULL list
   that is not empty; LLMSIZE_ERR_INVALID_ARG for more than 1000000 seqs or a grid of more
   cells than a size_t counts. */
LLMSIZE_API llmsize_status llmsize_prepared_grid(const llmsize_prepared *const *plans, size_t n_plans,
                                                 const llmsize_gpu *const *gpus, size_t n_gpus,
                                                 const uint64_t *contexts, size_t n_contexts,
                                                 uint32_t seqs, const llmsize_grid_columns *out);

/* Inverse solvers (searches over llmsize_plan_fit). */
LLMSIZE_API llmsize_status llmsize_plan_max_context(const llmsize_plan *plan, uint64_t *out);
LLMSIZE_API llmsize_status llmsize_plan_max_seqs(const llmsize_plan *plan, uint32_t *out);
/* Fewest accelerators up to max_gpus: tensor-parallel ranks valid for the model's heads, or
   (an engine that splits layers, llmsize_engine_splits_layers) any number of stages. */
LLMSIZE_API llmsize_status llmsize_plan_min_gpus(const llmsize_plan *plan, uint32_t max_gpus, uint32_t *out);
/* Least quality loss among formats that fit, run on the accelerator and decode at least
   min_tps per sequence (formats NULL = every format in the table; a list holds at most
   LLMSIZE_MAX_FORMATS, else LLMSIZE_ERR_INVALID_ARG). */
LLMSIZE_API llmsize_status llmsize_plan_best_format(const llmsize_plan *plan, double min_tps,
                                                    const llmsize_format *const *formats, size_t n_formats,
                                                    const llmsize_format **out, llmsize_quality *quality);
/* The model with the most parameters that fits the plan's hardware in some format. */
LLMSIZE_API llmsize_status llmsize_largest_model(const llmsize_plan *plan, const llmsize_format *const *formats,
                                                 size_t n_formats, const llmsize_model **model,
                                                 const llmsize_format **format);
/* When a plan does not fit: the format, GPU count, context and sequences that would. */
LLMSIZE_API llmsize_status llmsize_plan_suggest(const llmsize_plan *plan, llmsize_suggestion *out);
/* Can this engine run this format on this accelerator? (GGUF needs llama.cpp/Ollama, GPU
   formats need a CUDA engine; NVFP4 needs FP4 tensor cores; Apple GPUs run GGUF only.) */
LLMSIZE_API int llmsize_format_runs_on(const llmsize_format *format, const llmsize_gpu *gpu, uint32_t engine);
/* Parse an engine's command line (and, for Ollama, its OLLAMA_* environment as KEY=VALUE
   strings) into a plan: vllm serve / python -m vllm.entrypoints.openai.api_server,
   python -m sglang.launch_server, llama-server / llama-cli, ollama run|serve, trtllm-serve.
   --flag=value and --flag value, short forms, each engine's number suffixes. Unknown flags
   are counted and skipped; a malformed value is LLMSIZE_ERR_PARSE with out->error_flag set.
   Pure: no allocation; out points into argv / env. */
LLMSIZE_API llmsize_status llmsize_parse_command(size_t argc, const char *const *argv, size_t envc,
                                                 const char *const *env, llmsize_parsed *out);

/* Quantization quality: the published loss of `format` scaled to `model`'s size, with its
   provenance. LLMSIZE_ERR_UNSUPPORTED when nothing is published for the format. */
LLMSIZE_API size_t llmsize_quality_row_count(void);
LLMSIZE_API const llmsize_quality_row *llmsize_quality_row_at(size_t index);
LLMSIZE_API llmsize_status llmsize_quality_of(const llmsize_model *model, const llmsize_format *format,
                                              llmsize_quality *out);
/* Least quality loss among formats whose weights fit in `budget` bytes (ties: fewer bytes).
   `formats` lists candidates (NULL = every format in the table). LLMSIZE_ERR_UNSUPPORTED
   when none fits with known quality. */
LLMSIZE_API llmsize_status llmsize_best_format(const llmsize_model *model, uint64_t budget,
                                               const llmsize_format *const *formats, size_t n_formats,
                                               const llmsize_format **out, llmsize_quality *quality);
/* Fewest weight bytes among formats whose loss is at most `max_loss_pct` in `metric`'s scale
   (LLMSIZE_METRIC_PPL or _ACCURACY; reference and native formats always qualify). */
LLMSIZE_API llmsize_status llmsize_smallest_format(const llmsize_model *model, uint32_t metric,
                                                   double max_loss_pct,
                                                   const llmsize_format *const *formats, size_t n_formats,
                                                   const llmsize_format **out, uint64_t *bytes);

/* Licences: the table, lookup by id or SPDX id, and the use predicate. */
LLMSIZE_API size_t llmsize_license_count(void);
LLMSIZE_API const llmsize_license *llmsize_license_at(size_t index);
LLMSIZE_API llmsize_status llmsize_find_license(const char *name, const llmsize_license **out);
/* Task tags of a model: its card's tags plus VISION / LONG_CONTEXT from its dims. */
LLMSIZE_API uint32_t llmsize_model_tasks(const llmsize_model *model);
/* May `use` be made of `model`? Checks every licence the model carries ('+'-joined);
   the verdict is the worst finding; each reason and obligation cites its clause. */
/* A use from its text form, as scripts, annotations and flags write it:
   "commercial,offered,eu,multimodal,redistribute,train,mau=1e6,mau_at_release=5e5,revenue=2e7"
   (revenue in USD per month; "" = no use at all). LLMSIZE_ERR_PARSE names nothing it
   does not know and accepts no negative, non-numeric or absurd (> 1e18) figure. */
LLMSIZE_API llmsize_status llmsize_parse_use(const char *spec, llmsize_use *out);
LLMSIZE_API llmsize_status llmsize_license_check(const llmsize_model *model, const llmsize_use *use,
                                                 llmsize_license_result *out);
/* The same for one licence; `model` may be NULL (then multimodal use is taken at face value). */
LLMSIZE_API llmsize_status llmsize_license_terms(const llmsize_license *license,
                                                 const llmsize_model *model,
                                                 const llmsize_use *use,
                                                 llmsize_license_result *out);

/* Rank every model in the table, or the request's `models`, for a request (hardware,
   sequences, context, speed, quality floor, licence use, origin screen, tasks). out[]
   receives the candidates best first, then the rejected models with the first constraint
   each failed; *n_out = entries written (at most cap), *n_candidates = models that
   passed. A model's verdict does not depend on which others are ranked beside it.
   Deterministic. An empty `models` list is LLMSIZE_ERR_INVALID_ARG, a NULL entry
   LLMSIZE_ERR_NULL, a listed model llmsize_model_check refuses that check's error. */
LLMSIZE_API llmsize_status llmsize_select(const llmsize_select_request *req, llmsize_candidate *out, size_t cap,
                                          size_t *n_out, size_t *n_candidates);
/* A request with the recommendation defaults: usable speed per user, a quality floor and
   the chat task (LLMSIZE_DEFAULT_MIN_TPS, _MAX_LOSS_PCT, _TASKS); the rest zero. Set a
   field after it to change or (0) drop that floor. */
LLMSIZE_API void llmsize_select_request_init(llmsize_select_request *req);

/* How far a published claim is from what is possible: its footprint against the weights
   alone, its decode speed against the hardware's bandwidth bound. */
LLMSIZE_API llmsize_status llmsize_check_claim(const llmsize_claim *claim, llmsize_claim_check *out);

#ifdef __cplusplus
}
#endif
#endif /* LLMSIZE_H */

/* ================================================================================== */
/* IMPLEMENTATION                                                                     */
/* ================================================================================== */
#ifdef LLMSIZE_IMPLEMENTATION
#ifndef LLMSIZE_IMPLEMENTATION_DONE
#define LLMSIZE_IMPLEMENTATION_DONE

#include <string.h>

/* Name index slots (llmsize_data.h, generated by tools/gen_index.c): an open-addressed
   table (a power of two, at most half full) of the case-blind hash of each name, the table
   row it names, and where the name is in that row (which of its name fields, at what byte,
   how long), so that a hit is checked with one comparison. */
typedef struct llmsize__name_key { uint32_t hash; uint16_t row, at, len; uint8_t field; } llmsize__name_key;
/* One name of the models' or accelerators' table as the close-name search first sees it
   (llmsize_suggest): the letters among its first 63 bytes (llmsize__letters), the bit of
   the first token after its last '/' (llmsize__token_bin; 64: none), its length and where
   it sits. The index holds them in table order. */
typedef struct llmsize__name_sketch { uint64_t letters; uint16_t row, at, len; uint8_t field, first; } llmsize__name_sketch;
/* One name the resolver tries for a model row (llmsize__row_name_next), as the bits of its
   tokens (llmsize__token_bit): the query must have them all for the name to match. The
   index holds them in table order. */
typedef struct llmsize__row_tokens { uint64_t tokens; uint16_t row; } llmsize__row_tokens;
/* What the quality estimate derives from the quality rows as a whole (llmsize__quality_trend_of):
   the size exponent a, the sizes [lo, hi] it was fitted on, and the family floor. The index
   holds them, so that an estimate does not refit them from every pair of rows. */
typedef struct llmsize__quality_trend { double a, lo, hi, floor; } llmsize__quality_trend;
#define LLMSIZE__NO_ROW 0xFFFFu   /* an empty slot of the index */

#include "llmsize_data.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LLMSIZE__COUNT(a) (sizeof(a) / sizeof((a)[0]))
#ifndef LLMSIZE__GEN_INDEX
/* Lookups trust the name index (a name it lacks is unknown): one made from other tables does
   not compile. After adding or removing a model or accelerator row, run `make index`. */
typedef char llmsize__name_index_is_stale_run_make_index
    [(LLMSIZE__COUNT(llmsize__models) == LLMSIZE__MODEL_INDEX_ROWS && LLMSIZE__COUNT(llmsize__gpus) == LLMSIZE__GPU_INDEX_ROWS &&
      LLMSIZE__COUNT(llmsize__releases) == LLMSIZE__RELEASE_INDEX_ROWS &&
      LLMSIZE__COUNT(llmsize__quality) == LLMSIZE__QUALITY_INDEX_ROWS && LLMSIZE__COUNT(llmsize__formats) == LLMSIZE__FORMAT_INDEX_ROWS) ? 1 : -1];
#endif
/* One component of an llmsize_params or llmsize_weights: LLMSIZE__PART(w, EXPERTS). */
#define LLMSIZE__PART(s, NAME) ((s)->by_component[LLMSIZE_COMPONENT_##NAME])

/* ---------------------------------------------------------------------------------- */
/* Checked 64-bit arithmetic: one overflow anywhere poisons the whole computation.     */
/* ---------------------------------------------------------------------------------- */
static uint64_t llmsize__mul(uint64_t a, uint64_t b, int *overflow) {
    if ((a | b) >> 32 == 0) return a * b;   /* two 32-bit factors: no division to check */
    if (a != 0 && b > UINT64_MAX / a) { *overflow = 1; return 0; }
    return a * b;
}
static uint64_t llmsize__add(uint64_t a, uint64_t b, int *overflow) {
    if (b > UINT64_MAX - a) { *overflow = 1; return 0; }
    return a + b;
}
static uint64_t llmsize__mul3(uint64_t a, uint64_t b, uint64_t c, int *overflow) {
    return llmsize__mul(llmsize__mul(a, b, overflow), c, overflow);
}
/* A checked sum that reads like its formula: sum_madd3(&kv, full_tok, pages, block) adds
   full_tok * pages * block. One overflow anywhere sets *overflow (the value is then void). */
typedef struct llmsize__sum { uint64_t v; int *overflow; } llmsize__sum;
static llmsize__sum llmsize__sum_start(int *overflow) { llmsize__sum s; s.v = 0; s.overflow = overflow; return s; }
static void llmsize__sum_add(llmsize__sum *s, uint64_t x) { s->v = llmsize__add(s->v, x, s->overflow); }
static void llmsize__sum_madd(llmsize__sum *s, uint64_t a, uint64_t b) { llmsize__sum_add(s, llmsize__mul(a, b, s->overflow)); }
static void llmsize__sum_madd3(llmsize__sum *s, uint64_t a, uint64_t b, uint64_t c) {
    llmsize__sum_add(s, llmsize__mul3(a, b, c, s->overflow));
}

/* The one bisection: the largest x in [lo, hi] for which fits(ctx, x) holds, where fits
   holds up to some x and not past it; lo when nothing above it fits. A status other than
   LLMSIZE_OK set by fits stops the search and is returned. */
typedef int (*llmsize__fits_fn)(void *ctx, uint64_t x, llmsize_status *st);
static llmsize_status llmsize__largest(uint64_t lo, uint64_t hi, llmsize__fits_fn fits, void *ctx, uint64_t *out) {
    llmsize_status st = LLMSIZE_OK;
    while (lo < hi) {
        const uint64_t mid = lo + (hi - lo + 1) / 2;
        if (fits(ctx, mid, &st)) lo = mid;
        else if (st != LLMSIZE_OK) return st;
        else hi = mid - 1;
    }
    *out = lo;
    return LLMSIZE_OK;
}

/* The same answer as llmsize__largest for a monotone `fits`, found from a guess: gallop
   from it (1, 2, 4, ... steps) to a bracket, then bisect that. A close guess (a closed
   form that ignores rounding) takes a few probes instead of ~log2(hi - lo). */
static llmsize_status llmsize__largest_near(uint64_t lo, uint64_t hi, uint64_t guess, llmsize__fits_fn fits, void *ctx,
                                            uint64_t *out) {
    llmsize_status st = LLMSIZE_OK;
    uint64_t step = 1;
    if (guess < lo || guess > hi) guess = lo;
    if (guess == lo || fits(ctx, guess, &st)) {   /* lo itself is the floor, never probed */
        uint64_t good = guess;
        if (st != LLMSIZE_OK) return st;
        while (good < hi) {
            const uint64_t next = hi - good > step ? good + step : hi;
            if (!fits(ctx, next, &st)) { if (st != LLMSIZE_OK) return st; return llmsize__largest(good, next - 1, fits, ctx, out); }
            good = next;
            step = step < (UINT64_C(1) << 62) ? step * 2u : step;
        }
        *out = hi;
        return LLMSIZE_OK;
    }
    if (st != LLMSIZE_OK) return st;
    {   /* the guess does not fit: the answer is below it */
        uint64_t bad = guess;
        for (;;) {
            const uint64_t next = bad - lo > step ? bad - step : lo;
            if (next == lo || fits(ctx, next, &st)) {
                if (st != LLMSIZE_OK) return st;
                return llmsize__largest(next, bad - 1, fits, ctx, out);
            }
            if (st != LLMSIZE_OK) return st;
            bad = next;
            step = step < (UINT64_C(1) << 62) ? step * 2u : step;
        }
    }
}

static int llmsize__finite_pos(double x) { return x == x && x > 0.0 && x < 1e300; }
/* A double as uint64_t, or overflow: converting a value past 2^64 (or NaN) is undefined. */
static uint64_t llmsize__d2u(double v, int *overflow) {
    if (!(v >= 0.0) || v >= 18446744073709551616.0) { *overflow = 1; return 0; }
    return (uint64_t)v;
}
static uint64_t llmsize__d2u_or_zero(double v) { int ov = 0; const uint64_t u = llmsize__d2u(v, &ov); return ov ? 0 : u; }
static double llmsize__pow_int(double base, uint64_t e) {
    double r = 1.0;
    while (e) { if (e & 1u) r *= base; base *= base; e >>= 1; }
    return r;
}

/* ---------------------------------------------------------------------------------- */
/* Version and messages                                                               */
/* ---------------------------------------------------------------------------------- */
LLMSIZE_API const char *llmsize_version(void) { return LLMSIZE_VERSION_STRING; }
LLMSIZE_API const char *llmsize_data_version(void) { return LLMSIZE_DATA_VERSION; }

#define LLMSIZE__STATUS_MESSAGE(name, message) message,
#define LLMSIZE__STATUS_NAME(name, message) "LLMSIZE_" #name,
static const char *const llmsize__status_message[LLMSIZE_STATUS_COUNT] = { LLMSIZE_STATUSES(LLMSIZE__STATUS_MESSAGE) };
static const char *const llmsize__status_name[LLMSIZE_STATUS_COUNT] = { LLMSIZE_STATUSES(LLMSIZE__STATUS_NAME) };
#undef LLMSIZE__STATUS_MESSAGE
#undef LLMSIZE__STATUS_NAME

LLMSIZE_API const char *llmsize_strerror(llmsize_status status) {
    if ((unsigned)status >= (unsigned)LLMSIZE_STATUS_COUNT) return "unknown status code";
    return llmsize__status_message[status];
}
/* The names of each vocabulary, from its one list. */
#define LLMSIZE__ID(name, id) id,
#define LLMSIZE__NAMES(fn, LIST, COUNT) \
    LLMSIZE_API const char *fn(uint32_t v) { \
        static const char *const names[] = { LIST(LLMSIZE__ID) }; \
        return v < (uint32_t)(COUNT) ? names[v] : NULL; \
    }
LLMSIZE__NAMES(llmsize_task_name, LLMSIZE_TASKS, LLMSIZE_TASK_COUNT)
LLMSIZE__NAMES(llmsize_verdict_name, LLMSIZE_VERDICTS, LLMSIZE_VERDICT_COUNT)
LLMSIZE__NAMES(llmsize_reject_name, LLMSIZE_REJECTS, LLMSIZE_REJECT_COUNT)
LLMSIZE__NAMES(llmsize_outcome_name, LLMSIZE_OUTCOMES, LLMSIZE_OUTCOME_COUNT)
LLMSIZE__NAMES(llmsize_metric_name, LLMSIZE_METRICS, LLMSIZE_METRIC_COUNT)
LLMSIZE__NAMES(llmsize_confidence_name, LLMSIZE_CONFIDENCES, LLMSIZE_CONF_COUNT)
LLMSIZE__NAMES(llmsize_hw_class_name, LLMSIZE_HW_CLASSES, LLMSIZE_HW_CLASS_COUNT)
LLMSIZE__NAMES(llmsize_head_name, LLMSIZE_HEADS, LLMSIZE_HEAD_COUNT)
#undef LLMSIZE__NAMES

#define LLMSIZE__COMPONENT_NAME(name, field) field,
static const char *const llmsize__component_name[LLMSIZE_COMPONENT_COUNT] = { LLMSIZE_COMPONENTS(LLMSIZE__COMPONENT_NAME) };
#undef LLMSIZE__COMPONENT_NAME
LLMSIZE_API const char *llmsize_component_name(uint32_t c) {
    return c < (uint32_t)LLMSIZE_COMPONENT_COUNT ? llmsize__component_name[c] : NULL;
}
#define LLMSIZE__ENGINE_NAME(name, id) #id,
static const char *const llmsize__engine_name[LLMSIZE_ENGINE_COUNT] = { LLMSIZE_ENGINES(LLMSIZE__ENGINE_NAME) };
#undef LLMSIZE__ENGINE_NAME
LLMSIZE_API const char *llmsize_engine_name(uint32_t e) {
    return e < (uint32_t)LLMSIZE_ENGINE_COUNT ? llmsize__engine_name[e] : NULL;
}
LLMSIZE_API const char *llmsize_status_name(llmsize_status status) {
    return (unsigned)status < (unsigned)LLMSIZE_STATUS_COUNT ? llmsize__status_name[status] : NULL;
}

/* ---------------------------------------------------------------------------------- */
/* Lookup                                                                             */
/* ---------------------------------------------------------------------------------- */
static int llmsize__lower(int c) { return c + ((int)((unsigned)(c - 'A') < 26u) << 5); }   /* ASCII only, branch-free */

/* Case-insensitive equality of q with the n-byte token t. */
static int llmsize__eq_n(const char *q, const char *t, size_t n) {
    size_t i;
    for (i = 0; i < n; ++i) {
        if (q[i] == '\0' || llmsize__lower((unsigned char)q[i]) != llmsize__lower((unsigned char)t[i]))
            return 0;
    }
    return q[n] == '\0';
}

/* Case-insensitive equality of the first n bytes of a and b. */
static int llmsize__eq_n_ci(const char *a, const char *b, size_t n) {
    size_t i;
    for (i = 0; i < n; ++i) {
        const unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x == y) { if (!x) return 0; continue; }   /* the same byte: the common case, no folding */
        if (!x || !y || llmsize__lower(x) != llmsize__lower(y)) return 0;
    }
    return 1;
}

/* Does `hay` contain `needle` (ASCII case-insensitive)? */
static int llmsize__contains_ci(const char *hay, const char *needle) {
    size_t i, n = strlen(needle);
    int c0;
    if (!hay) return 0;
    if (!n) return *hay != '\0';   /* the empty needle sits in any non-empty name */
    c0 = llmsize__lower((unsigned char)needle[0]);
    for (; *hay; ++hay) {
        if (llmsize__lower((unsigned char)*hay) != c0) continue;   /* most places fail here */
        for (i = 1; i < n && hay[i] && llmsize__lower((unsigned char)hay[i]) == llmsize__lower((unsigned char)needle[i]); ++i) {}
        if (i == n) return 1;
    }
    return 0;
}

/* Does q equal any entry of a '|'-separated list (case-insensitive)? */
static int llmsize__in_list(const char *q, const char *list) {
    const char *p = list;
    int q0;
    if (!list) return 0;
    q0 = llmsize__lower((unsigned char)q[0]);
    for (;;) { /* strchr finds each '|' word-at-a-time; only tokens whose first letter matches are compared */
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && llmsize__lower((unsigned char)p[0]) == q0 && llmsize__eq_n(q, p, n)) return 1;
        if (!e) return 0;
        p = e + 1;
    }
}

LLMSIZE_API size_t llmsize_model_count(void) { return LLMSIZE__COUNT(llmsize__models); }
LLMSIZE_API const llmsize_model *llmsize_model_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__models) ? &llmsize__models[i] : NULL;
}
LLMSIZE_API size_t llmsize_gpu_count(void) { return LLMSIZE__COUNT(llmsize__gpus); }
LLMSIZE_API const llmsize_gpu *llmsize_gpu_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__gpus) ? &llmsize__gpus[i] : NULL;
}
LLMSIZE_API size_t llmsize_format_count(void) { return LLMSIZE__COUNT(llmsize__formats); }
LLMSIZE_API const llmsize_format *llmsize_format_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__formats) ? &llmsize__formats[i] : NULL;
}

#define LLMSIZE__KV_ROW(name, id, block, bytes, flash_only, aliases) { id, aliases, block, bytes, flash_only },
static const llmsize_kv_dtype_info llmsize__kv_dtypes[LLMSIZE_KV_DTYPE_COUNT] = { LLMSIZE_KV_DTYPES(LLMSIZE__KV_ROW) };
#undef LLMSIZE__KV_ROW

LLMSIZE_API const llmsize_kv_dtype_info *llmsize_kv_dtype_info_of(llmsize_kv_dtype d) {
    return (unsigned)d < (unsigned)LLMSIZE_KV_DTYPE_COUNT ? &llmsize__kv_dtypes[d] : NULL;
}
LLMSIZE_API const char *llmsize_kv_dtype_name(llmsize_kv_dtype d) {
    return (unsigned)d < (unsigned)LLMSIZE_KV_DTYPE_COUNT ? llmsize__kv_dtypes[d].name : NULL;
}

LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_of(uint32_t hw_class) {
    size_t i;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__efficiencies); ++i)
        if (llmsize__efficiencies[i].hw_class == hw_class && !llmsize__efficiencies[i].vendor) return &llmsize__efficiencies[i];
    return NULL;
}
LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_for(const llmsize_gpu *gpu) {
    size_t i;
    if (!gpu) return NULL;
    for (i = 0; gpu->vendor && i < LLMSIZE__COUNT(llmsize__efficiencies); ++i) {
        const llmsize_efficiency *e = &llmsize__efficiencies[i];
        if (e->hw_class == gpu->hw_class && e->vendor && !strcmp(e->vendor, gpu->vendor)) return e;
    }
    return llmsize_efficiency_of(gpu->hw_class);
}
LLMSIZE_API size_t llmsize_efficiency_count(void) { return LLMSIZE__COUNT(llmsize__efficiencies); }
LLMSIZE_API const llmsize_efficiency *llmsize_efficiency_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__efficiencies) ? &llmsize__efficiencies[i] : NULL;
}

/* Every name a table row answers to: up to 3 '|'-separated lists (id, aliases, name). */
static int llmsize__row_names(llmsize_table t, size_t i, const char *names[3]) {
    names[0] = names[1] = names[2] = NULL;
    switch (t) {
    case LLMSIZE_TABLE_MODELS:
        if (i >= LLMSIZE__COUNT(llmsize__models)) return 0;
        names[0] = llmsize__models[i].id;
        names[1] = llmsize__models[i].hf_repos;
        return 1;
    case LLMSIZE_TABLE_GPUS:
        if (i >= LLMSIZE__COUNT(llmsize__gpus)) return 0;
        names[0] = llmsize__gpus[i].id;
        names[1] = llmsize__gpus[i].aliases;
        names[2] = llmsize__gpus[i].name;
        return 1;
    case LLMSIZE_TABLE_FORMATS:
        if (i >= LLMSIZE__COUNT(llmsize__formats)) return 0;
        names[0] = llmsize__formats[i].id;
        return 1;
    case LLMSIZE_TABLE_KV_DTYPES:
        if (i >= LLMSIZE_KV_DTYPE_COUNT) return 0;
        names[0] = llmsize__kv_dtypes[i].name;
        return 1;
    case LLMSIZE_TABLE_ENGINES:
        if (i >= LLMSIZE__COUNT(llmsize__engines)) return 0;
        names[0] = llmsize__engines[i].id;
        names[1] = llmsize__engines[i].aliases;
        return 1;
    case LLMSIZE_TABLE_LICENSES:
        if (i >= LLMSIZE__COUNT(llmsize__licenses)) return 0;
        names[0] = llmsize__licenses[i].id;
        names[1] = llmsize__licenses[i].spdx;
        return 1;
    }
    return 0;
}

/* The index's hash of a name, blind to ASCII case: eight bytes at a time, each byte with
   its 0x20 bit set (so 'A' and 'a' agree; the few punctuation pairs that also do are told
   apart by the comparison after a hit), mixed by a multiply and a shift. */
/* ... and whether any byte is '|' (*bar; NULL: not asked), found in the same words. */
static uint32_t llmsize__name_hash_bar(const char *s, size_t n, int *bar) {
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n;
    size_t i = 0;
    while (i < n) {
        unsigned char b[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };
        uint64_t w, x;
        const size_t k = n - i < 8u ? n - i : 8u;
        memcpy(b, s + i, k);
        w = (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
            (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
        x = w ^ UINT64_C(0x7C7C7C7C7C7C7C7C);   /* a '|' byte becomes a zero byte (padding does not) */
        if (bar && ((x - UINT64_C(0x0101010101010101)) & ~x & UINT64_C(0x8080808080808080))) *bar = 1;
        h = (h ^ (w | UINT64_C(0x2020202020202020))) * UINT64_C(0xBF58476D1CE4E5B9);
        h ^= h >> 31;
        i += k;
    }
    h *= UINT64_C(0x94D049BB133111EB);
    return (uint32_t)(h >> 32);
}

static int llmsize__row_has(llmsize_table t, size_t row, const char *name) {
    const char *names[3];
    int k;
    if (!llmsize__row_names(t, row, names)) return 0;
    for (k = 0; k < 3; ++k)
        if (llmsize__in_list(name, names[k])) return 1;
    return 0;
}

/* Row of `t` that `name` names, or (size_t)-1. Models and accelerators, whose many aliases
   would make a scan cost a microsecond, go through the name index: hash, probe, confirm
   the whole name on the row itself (so a collision never answers wrongly). The index holds
   every name of those tables (`make index`; `gen_index --check` in make test, and a stale
   one does not compile), so a name it lacks is unknown without a scan. */
static size_t llmsize__lookup(llmsize_table t, const char *name) {
    const llmsize__name_key *ix = NULL;
    size_t i, slots = 0;
    if (t == LLMSIZE_TABLE_MODELS) { ix = llmsize__model_index; slots = LLMSIZE__COUNT(llmsize__model_index); }
    if (t == LLMSIZE_TABLE_GPUS) { ix = llmsize__gpu_index; slots = LLMSIZE__COUNT(llmsize__gpu_index); }
    if (ix && slots && (slots & (slots - 1)) == 0) {   /* open addressing, linear probing */
        const size_t qn = strlen(name);
        int bar = 0;
        const uint32_t h = llmsize__name_hash_bar(name, qn, &bar);
        size_t probes;
        if (bar) return (size_t)-1;   /* no name holds the lists' separator */
        for (i = h & (slots - 1), probes = 0; probes < slots && ix[i].row != LLMSIZE__NO_ROW; i = (i + 1) & (slots - 1), ++probes) {
            const char *names[3], *at;
            /* the case-blind hash folds the zero bytes after a name into spaces ("L4 " hashes as
               "L4"): a name of another length is another name, compared no further */
            if (ix[i].hash != h || ix[i].len != qn || !llmsize__row_names(t, ix[i].row, names) || ix[i].field > 2u ||
                !names[ix[i].field]) continue;
            at = names[ix[i].field] + ix[i].at;   /* the name where the index says it is, whole */
            if ((at == names[ix[i].field] || at[-1] == '|') && (memcmp(name, at, qn) == 0 || llmsize__eq_n_ci(name, at, qn)) &&
                (at[qn] == '|' || at[qn] == '\0'))
                return ix[i].row;
        }
        return (size_t)-1;   /* every name of these tables is in their index (gen_index --check) */
    }
    {   /* the small tables: a scan */
        const char *names[3];
        for (i = 0; llmsize__row_names(t, i, names); ++i)
            if (llmsize__row_has(t, i, name)) return i;
    }
    return (size_t)-1;
}

/* Every model name goes through the one resolver (Names, below). */
LLMSIZE_API llmsize_status llmsize_find_model(const char *name, const llmsize_model **out) {
    llmsize_resolution r;
    llmsize_status st;
    size_t i;
    if (out) *out = NULL;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_MODELS, name)) != (size_t)-1) { *out = &llmsize__models[i]; return LLMSIZE_OK; }
    if ((st = llmsize_resolve(name, &r)) != LLMSIZE_OK) return st;
    *out = r.model;
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_find_gpu(const char *name, const llmsize_gpu **out) {
    size_t i;
    if (out) *out = NULL;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_GPUS, name)) == (size_t)-1) return LLMSIZE_ERR_UNKNOWN_GPU;
    *out = &llmsize__gpus[i];
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_find_format(const char *name, const llmsize_format **out) {
    size_t i;
    if (out) *out = NULL;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_FORMATS, name)) == (size_t)-1) return LLMSIZE_ERR_UNKNOWN_FORMAT;
    *out = &llmsize__formats[i];
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_find_kv_dtype(const char *name, llmsize_kv_dtype *out) {
    size_t i;
    if (out) *out = LLMSIZE_KV_F16;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_KV_DTYPES, name)) != (size_t)-1) { *out = (llmsize_kv_dtype)i; return LLMSIZE_OK; }
    for (i = 0; i < LLMSIZE_KV_DTYPE_COUNT; ++i)
        if (llmsize__in_list(name, llmsize__kv_dtypes[i].aliases)) { *out = (llmsize_kv_dtype)i; return LLMSIZE_OK; }
    return LLMSIZE_ERR_UNKNOWN_KV_DTYPE;
}

/* A name as tokens: maximal runs of letters or of digits, compared without case; every
   other byte separates them. "Meta-Llama-3.1-8B-Instruct" is meta llama 3 1 8 b instruct. */
#define LLMSIZE__MAX_TOKENS 40
typedef struct llmsize__tokens {
    const char *at[LLMSIZE__MAX_TOKENS];
    uint8_t len[LLMSIZE__MAX_TOKENS];
    char sep[LLMSIZE__MAX_TOKENS];   /* the byte before the token ('\0' at the start)      */
    size_t n;
    uint64_t firsts;   /* a bit per (length, first letter) of the tokens: llmsize__name_match's
                          quick "the query has no such token" before it compares any */
} llmsize__tokens;

static unsigned llmsize__token_bin(size_t len, int first) {
    return (unsigned)((len * 7u + (size_t)llmsize__lower(first)) & 63u);
}
static uint64_t llmsize__token_bit(size_t len, int first) { return UINT64_C(1) << llmsize__token_bin(len, first); }

static int llmsize__is_digit(int c) { return c >= '0' && c <= '9'; }
static int llmsize__is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* 0 when the name has more tokens than fit (it is then matched by nothing). */
/* The next token of s[*i, n): where it starts (*start) and its length, the walk moved past
   it; 0 at the end. A run longer than 255 bytes is more than one token. */
static size_t llmsize__next_token(const char *s, size_t n, size_t *i, size_t *start) {
    size_t j;
    int digit;
    while (*i < n && !llmsize__is_digit((unsigned char)s[*i]) && !llmsize__is_alpha((unsigned char)s[*i])) ++*i;
    if (*i >= n) return 0;
    digit = llmsize__is_digit((unsigned char)s[*i]);
    for (j = *i; j < n && j - *i < 255 && (digit ? llmsize__is_digit((unsigned char)s[j]) : llmsize__is_alpha((unsigned char)s[j]));
         ++j) {}
    *start = *i;
    *i = j;
    return j - *start;
}

static int llmsize__tokenize(const char *s, size_t n, llmsize__tokens *t) {
    size_t i = 0, at, len;
    t->n = 0;
    t->firsts = 0;
    while ((len = llmsize__next_token(s, n, &i, &at)) != 0) {
        if (t->n == LLMSIZE__MAX_TOKENS) return 0;
        t->at[t->n] = s + at;
        t->len[t->n] = (uint8_t)len;
        t->sep[t->n] = at ? s[at - 1] : '\0';
        t->firsts |= llmsize__token_bit(len, (unsigned char)s[at]);
        ++t->n;
    }
    return 1;
}

static int llmsize__tok_eq(const llmsize__tokens *a, size_t i, const llmsize__tokens *b, size_t j) {
    return a->len[i] == b->len[j] && llmsize__eq_n_ci(a->at[i], b->at[j], a->len[i]);
}
static int llmsize__tok_is(const llmsize__tokens *a, size_t i, const char *word) {
    return strlen(word) == a->len[i] && llmsize__eq_n_ci(a->at[i], word, a->len[i]);
}

/* Where the whole of `r` occurs in `q` as consecutive tokens, or -1. */
static long llmsize__tok_find(const llmsize__tokens *q, const llmsize__tokens *r) {
    size_t p, k;
    if (!r->n || r->n > q->n) return -1;
    for (p = 0; p + r->n <= q->n; ++p) {
        for (k = 0; k < r->n && llmsize__tok_eq(q, p + k, r, k); ++k) {}
        if (k == r->n) return (long)p;
    }
    return -1;
}

/* Does a name state a size ("8 b", "135 m", "8x7 b")? After a size, anything may follow
   (Instruct, abliterated, a fine-tuner's tag); after a bare family name only words that
   leave the architecture alone may, or "Phi-4-multimodal" would read as Phi-4. */
static int llmsize__has_size(const llmsize__tokens *t) {
    size_t i;
    for (i = 1; i < t->n; ++i)
        if (llmsize__is_digit((unsigned char)t->at[i - 1][0]) && t->sep[i] != '-' && t->sep[i] != '_' &&
            (llmsize__tok_is(t, i, "b") || llmsize__tok_is(t, i, "m"))) return 1;
    return 0;
}

static int llmsize__variant_word(const llmsize__tokens *t, size_t i) {
    static const char *const words[] = {
        "instruct", "it", "chat", "base", "hf", "gguf", "ggml", "i", "imatrix", "awq", "gptq", "int", "fp", "bf",
        "bnb", "bit", "mlx", "exl", "bpw", "quantized", "w", "a", "dynamic", "block", "nvfp", "mxfp", "q", "k",
        "s", "l", "xl", "xs", "xxs", "iq", "f", "unsloth", "ud", "latest", "v", "gptqmodel", "marlin", "static",
        "channel", "fbgemm", "llmcompressor", "tq", "qat", "original", "m", "of"
    };
    size_t k;
    if (llmsize__is_digit((unsigned char)t->at[i][0])) return 1;   /* dates, bits, quant levels */
    for (k = 0; k < sizeof words / sizeof words[0]; ++k)
        if (llmsize__tok_is(t, i, words[k])) return 1;
    return 0;
}

/* Words that, between a family and its size, make another model ("Qwen2.5-VL-7B" is not
   Qwen2.5-7B): vision and audio towers, embedders, rerankers, reward models. */
static int llmsize__other_model_word(const llmsize__tokens *t, size_t i) {
    static const char *const words[] = {
        "vl", "vision", "omni", "audio", "speech", "multimodal", "embedding", "embed", "reranker", "rerank",
        "reward", "rm", "moe", "mm", "image", "video", "math", "coder", "llava", "ultravox", "whisper"
    };
    size_t k;
    for (k = 0; k < sizeof words / sizeof words[0]; ++k)
        if (llmsize__tok_is(t, i, words[k])) return 1;
    return 0;
}

/* The first token of a name: its start (*first) and end (the end == *first: none). A name
   the query's tokens match (llmsize__name_match) or start has a first token the query has:
   the resolver and the close-name search skip the rest by its bit (llmsize__token_bin) in
   the name index, untokenized. */
static size_t llmsize__first_token(const char *s, size_t n, size_t *first) {
    size_t i = 0, e;
    int digit;
    while (i < n && !llmsize__is_digit((unsigned char)s[i]) && !llmsize__is_alpha((unsigned char)s[i])) ++i;
    digit = i < n && llmsize__is_digit((unsigned char)s[i]);
    for (e = i; e < n && (digit ? llmsize__is_digit((unsigned char)s[e]) : llmsize__is_alpha((unsigned char)s[e])); ++e) {}
    *first = i;
    return e;
}

/* How well one table name (an id or a repo's last part) matches query tokens: the number
   of the name's tokens matched (0: none), where (*at) and over how many query tokens
   (*span). The whole name in a row ("Hermes-3-Llama-3.1-8B"), or a name ending in a size
   split by at most three words that keep the architecture ("Llama-3.1-Tulu-3-8B"). */
static size_t llmsize__name_match(const llmsize__tokens *q, const char *name, size_t n, size_t *at, size_t *span) {
    llmsize__tokens r;
    long p;
    size_t k, end, first = 0;
    /* every match starts with the name's first token: skip names whose first token the query
       lacks before tokenizing them (most of the table, for any one query) */
    {
        const size_t e = llmsize__first_token(name, n, &first);
        if (e == first || !(q->firsts & llmsize__token_bit(e - first, (unsigned char)name[first]))) return 0;
        for (k = 0; k < q->n; ++k)
            if (q->len[k] == e - first && llmsize__eq_n_ci(q->at[k], name + first, e - first)) break;
        if (k == q->n) return 0;
    }
    {   /* a match finds every token of the name among the query's (the family and the size
           alike): drop the name at its first token whose bit the query lacks */
        size_t i = 0, t0, len;
        while ((len = llmsize__next_token(name, n, &i, &t0)) != 0)
            if (!(q->firsts & llmsize__token_bit(len, (unsigned char)name[t0]))) return 0;
    }
    if (!llmsize__tokenize(name, n, &r)) return 0;
    if ((p = llmsize__tok_find(q, &r)) >= 0) {
        end = (size_t)p + r.n;
    } else {   /* family ... size */
        llmsize__tokens fam = r;
        size_t f, s, g;
        if (r.n < 4 || !llmsize__is_digit((unsigned char)r.at[r.n - 2][0]) ||
            !(llmsize__tok_is(&r, r.n - 1, "b") || llmsize__tok_is(&r, r.n - 1, "m"))) return 0;
        fam.n = r.n - 2;
        if ((p = llmsize__tok_find(q, &fam)) < 0) return 0;
        f = (size_t)p + fam.n;
        for (s = f + 1; s < f + 4 && s + 1 < q->n; ++s)
            if (llmsize__tok_eq(q, s, &r, r.n - 2) && llmsize__tok_eq(q, s + 1, &r, r.n - 1)) break;
        if (!(s < f + 4 && s + 1 < q->n)) return 0;
        for (g = f; g < s; ++g)   /* the words between: no other model's marker, no other size */
            if (llmsize__other_model_word(q, g) ||
                (llmsize__is_digit((unsigned char)q->at[g][0]) && g + 1 < s &&
                 (llmsize__tok_is(q, g + 1, "b") || llmsize__tok_is(q, g + 1, "m")))) return 0;
        if (!strchr("-_ /", q->sep[f])) return 0;   /* Qwen2.5 is not Qwen2, gemma-3n not gemma-3 */
        end = s + 2;
    }
    /* "DeepSeek-V3" is not "DeepSeek-V3.2": a number run on after a '.' is another version */
    if (end < q->n && q->sep[end] == '.' && llmsize__is_digit((unsigned char)q->at[end - 1][0]) &&
        llmsize__is_digit((unsigned char)q->at[end][0])) return 0;
    if (p > 0 && q->sep[p] == '.' && llmsize__is_digit((unsigned char)q->at[p][0])) return 0;
    for (k = 0; k < (size_t)p; ++k)   /* "ultravox-v0_5-llama-3_1-8b" is an audio model on Llama */
        if (llmsize__other_model_word(q, k)) return 0;
    if (!llmsize__has_size(&r))
        for (k = end; k < q->n; ++k)
            if (!llmsize__variant_word(q, k)) return 0;
    *at = (size_t)p;
    *span = end - (size_t)p;
    return r.n;
}

/* The names a model row answers to by tokens, one per call: its id, the id without "meta-"
   ("Llama-3-8B" names Meta-Llama-3-8B), each repo's part after its last '/' and, for one
   ending in "-v0.1" or "-v1.0", that part without it (a name without a version is the first
   release: "Mistral-7B" is Mistral-7B-v0.1). *entry is the table entry the name stands for.
   Zero the iterator and set .m to start; returns 0 past the last. */
typedef struct llmsize__row_names_it {
    const llmsize_model *m;
    const char *repo, *base, *end;   /* the repo at hand, its last part, and where it ends */
    int step;                        /* 0 id, 1 meta- id, 2 a repo, 3 that repo unversioned */
} llmsize__row_names_it;
static int llmsize__row_name_next(llmsize__row_names_it *it, const char **name, size_t *n, const char **entry,
                                  size_t *entry_len) {
    const llmsize_model *m = it->m;
    for (;;) {
        if (it->step == 0) {
            it->step = 1;
            *name = *entry = m->id; *n = *entry_len = strlen(m->id);
            return 1;
        }
        if (it->step == 1) {
            it->step = 2;
            it->repo = m->hf_repos;
            if (llmsize__eq_n_ci(m->id, "meta-", 5)) {
                *entry = m->id; *entry_len = strlen(m->id); *name = m->id + 5; *n = *entry_len - 5;
                return 1;
            }
            continue;
        }
        if (it->step == 3) {   /* the repo again, without its version */
            it->step = 2;
            *entry = it->repo; *entry_len = (size_t)(it->end - it->repo); *name = it->base; *n = (size_t)(it->end - it->base) - 5;
            it->repo = *it->end ? it->end + 1 : it->end;
            return 1;
        }
        if (!it->repo || !*it->repo) return 0;
        {
            const char *b = it->repo;
            size_t k, bl;
            while (b[k = strcspn(b, "/|")] == '/') b += k + 1;
            it->base = b;
            it->end = b + k;
            bl = k;
            *entry = it->repo; *entry_len = (size_t)(it->end - it->repo); *name = b; *n = bl;
            if (bl > 5 && (llmsize__eq_n_ci(b + bl - 5, "-v0.1", 5) || llmsize__eq_n_ci(b + bl - 5, "-v1.0", 5))) it->step = 3;
            else it->repo = *it->end ? it->end + 1 : it->end;
            return 1;
        }
    }
}

/* Best match of one model row over the names it answers to (the first best on a tie). */
static size_t llmsize__row_match(const llmsize__tokens *q, const llmsize_model *m, size_t *at, size_t *span,
                                 const char **name, size_t *name_len) {
    llmsize__row_names_it it;
    const char *nm, *entry;
    size_t best = 0, a = 0, sp = 0, s, n, entry_len;
    memset(&it, 0, sizeof it);
    it.m = m;
    while (llmsize__row_name_next(&it, &nm, &n, &entry, &entry_len))
        if ((s = llmsize__name_match(q, nm, n, &a, &sp)) > best) {
            best = s; *at = a; *span = sp; *name = entry; *name_len = entry_len;
        }
    return best;
}

/* The close-name search compares at most this many leading bytes of each name. */
#define LLMSIZE__SUGGEST_MAX 63

/* Set bits of a 64-bit word. */
static unsigned llmsize__popcount(uint64_t x) {
    x -= (x >> 1) & UINT64_C(0x5555555555555555);
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
    return (unsigned)((x * UINT64_C(0x0101010101010101)) >> 56);
}

/* The letters among a name's first LLMSIZE__SUGGEST_MAX bytes, binned as the edit distance
   bins them (lower case, & 63). Each letter the query has and a name lacks, or the name has
   and the query lacks, costs an edit of its own. */
static uint64_t llmsize__letters(const char *s, size_t n) {
    uint64_t bits = 0;
    size_t i;
    if (n > LLMSIZE__SUGGEST_MAX) n = LLMSIZE__SUGGEST_MAX;
    for (i = 0; i < n; ++i) bits |= UINT64_C(1) << ((unsigned)llmsize__lower((unsigned char)s[i]) & 63u);
    return bits;
}

/* A repo's part after its last '/' (the whole name without one). */
static const char *llmsize__tail(const char *p, size_t n) {
    const char *b = p, *k;
    for (k = p; k < p + n; ++k) if (*k == '/') b = k + 1;
    return b;
}

/* What the close-name search knows of the query: worked out once, not once per name. */
typedef struct llmsize__close_query {
    const char *q;
    size_t qn, an, cap;   /* its length, the bytes the edit distance reads, the cap     */
    uint64_t letters;
    llmsize__tokens t;
    int tokens;           /* t holds its tokens (0: more than LLMSIZE__MAX_TOKENS)         */
    uint64_t at[256];     /* at[c]: where the query's first `an` bytes are c (lower case)   */
} llmsize__close_query;

/* Edit distance from the query to a name over their first LLMSIZE__SUGGEST_MAX bytes, blind
   to case, a swap of two neighbours counting as one edit ("rtx-4900" is one edit from
   rtx-4090): the optimal string alignment distance, computed a column of the table per
   byte of the name with the query's rows as the bits of a word (H. Hyyrö, "A bit-vector
   algorithm for computing Levenshtein and Damerau edit distances", Nordic Journal of
   Computing 10, 2003). vp/vn: where a column steps up or down the rows; d0: where a
   diagonal keeps its value; the last row's value is the distance. */
static size_t llmsize__edit_distance(const llmsize__close_query *c, const char *b, size_t bn) {
    uint64_t vp = ~UINT64_C(0), vn = 0, d0 = 0, eq_before = 0;
    size_t d = c->an, j;
    if (bn > LLMSIZE__SUGGEST_MAX) bn = LLMSIZE__SUGGEST_MAX;
    if (!c->an) return bn;
    for (j = 0; j < bn; ++j) {
        const uint64_t eq = c->at[(unsigned char)llmsize__lower((unsigned char)b[j])];
        const uint64_t swap = ((~d0 & eq) << 1) & eq_before;
        uint64_t hp, hn;
        d0 = (((eq & vp) + vp) ^ vp) | eq | vn | swap;
        hp = vn | ~(d0 | vp);
        hn = d0 & vp;
        d += (size_t)((hp >> (c->an - 1)) & 1u);
        d -= (size_t)((hn >> (c->an - 1)) & 1u);
        hp = (hp << 1) | 1u;   /* the first row is the name's length so far: it steps up */
        hn <<= 1;
        vp = hn | ~(d0 | hp);
        vn = hp & d0;
        eq_before = eq;
    }
    return d;
}

/* Can a name of n bytes with these letters be within the cap by edit distance? Not when
   the lengths differ by more, nor when either has more letters the other lacks. */
static int llmsize__may_edit(const llmsize__close_query *c, uint64_t letters, size_t n) {
    const size_t bn = n < LLMSIZE__SUGGEST_MAX ? n : LLMSIZE__SUGGEST_MAX;
    return (c->an > bn ? c->an - bn : bn - c->an) <= c->cap && llmsize__popcount(c->letters & ~letters) <= c->cap &&
           llmsize__popcount(letters & ~c->letters) <= c->cap;
}

/* Distance from the query to one name: its edit distance; 0 when the query's tokens start
   the name ("M3 Max" starts m3-max-128gb, "llama3.2" starts llama-3.2-1b) or hold it
   ("…-Llama-3.1-8B-merge"); at most 1 when the query (3 bytes or more) starts it
   ("llama-3.1" suggests llama-3.1-8b). The search passes what rules the first two out: no
   edit distance within the cap (may_edit 0), no first token of the name among the query's
   (may_token 0). */
static size_t llmsize__close_one(const llmsize__close_query *c, const char *p, size_t n, int may_edit, int may_token) {
    size_t d = may_edit ? llmsize__edit_distance(c, p, n) : c->cap + 1;
    if (c->tokens && may_token) {
        const char *b = llmsize__tail(p, n);
        const size_t bn = (size_t)(p + n - b);
        size_t at, sp;
        llmsize__tokens rt;
        if (llmsize__tokenize(b, bn, &rt) && c->t.n && c->t.n < rt.n) {
            size_t k;
            for (k = 0; k < c->t.n && llmsize__tok_eq(&c->t, k, &rt, k); ++k) {}
            if (k == c->t.n) d = 0;   /* the query starts this name: closer than any typo */
        }
        if (d && llmsize__name_match(&c->t, b, bn, &at, &sp)) d = 0;
    }
    if (c->qn >= 3 && n > c->qn && d > 1) {
        size_t k;
        int prefix = 1;
        for (k = 0; k < c->qn && prefix; ++k)
            prefix = llmsize__lower((unsigned char)c->q[k]) == llmsize__lower((unsigned char)p[k]);
        if (prefix) d = 1;
    }
    return d;
}

/* Distance from the query to the closest entry of a '|'-separated list. */
static size_t llmsize__name_distance(const llmsize__close_query *c, const char *names) {
    size_t best = (size_t)-1;
    const char *p = names;
    while (p && *p) {
        const size_t n = strcspn(p, "|"), d = llmsize__close_one(c, p, n, 1, 1);
        if (d < best) best = d;
        p += n + (p[n] == '|');
    }
    return best;
}

/* The models' and accelerators' tables have many names each: their sketches in the name
   index (letters, length, first token) rule most names out before any distance is run. */
static const llmsize__name_sketch *llmsize__sketches(llmsize_table t, size_t *n) {
    *n = 0;
    if (t == LLMSIZE_TABLE_MODELS) { *n = LLMSIZE__COUNT(llmsize__model_sketch); return llmsize__model_sketch; }
    if (t == LLMSIZE_TABLE_GPUS) { *n = LLMSIZE__COUNT(llmsize__gpu_sketch); return llmsize__gpu_sketch; }
    return NULL;
}

/* llmsize_suggest, through the sketches or (sketched 0: what they stand for) every name. */
static size_t llmsize__suggest(llmsize_table table, const char *query, const char **out, size_t cap, int sketched) {
    size_t dist[8], n = 0, i, n_sk, at = 0;
    const char *names[3];
    const llmsize__name_sketch *sk;
    llmsize__close_query c;
    if (!query || !out || cap == 0) return 0;
    if (cap > 8) cap = 8;
    c.q = query;
    c.qn = strlen(query);
    c.an = c.qn < LLMSIZE__SUGGEST_MAX ? c.qn : LLMSIZE__SUGGEST_MAX;
    c.cap = c.qn / 3 + 2;   /* beyond this a "suggestion" is noise */
    c.letters = llmsize__letters(query, c.qn);
    memset(c.at, 0, sizeof c.at);
    for (i = 0; i < c.an; ++i) c.at[(unsigned char)llmsize__lower((unsigned char)query[i])] |= UINT64_C(1) << i;
    c.tokens = llmsize__tokenize(query, c.qn, &c.t);
    sk = sketched ? llmsize__sketches(table, &n_sk) : NULL;
    for (i = 0; llmsize__row_names(table, i, names); ++i) {
        size_t d = (size_t)-1, k;
        int j;
        if (sk) {   /* the row's names are the sketches of this row, in row order */
            for (; at < n_sk && sk[at].row == i; ++at) {
                const llmsize__name_sketch *s = &sk[at];
                const size_t dj = s->field < 3u && names[s->field]
                    ? llmsize__close_one(&c, names[s->field] + s->at, s->len, llmsize__may_edit(&c, s->letters, s->len),
                                         s->first < 64u && ((c.t.firsts >> s->first) & 1u))
                    : (size_t)-1;
                if (dj < d) d = dj;
            }
        } else {
            for (j = 0; j < 3; ++j)
                if (names[j]) { const size_t dj = llmsize__name_distance(&c, names[j]); if (dj < d) d = dj; }
        }
        if (d > c.cap) continue;
        /* insertion into the sorted top-cap list; ties keep table order */
        for (k = n; k > 0 && dist[k - 1] > d; --k) {
            if (k < cap) { dist[k] = dist[k - 1]; out[k] = out[k - 1]; }
        }
        if (k < cap) {
            dist[k] = d;
            out[k] = names[0];
            if (n < cap) ++n;
        }
    }
    return n;
}

LLMSIZE_API size_t llmsize_suggest(llmsize_table table, const char *query, const char **out, size_t cap) {
    return llmsize__suggest(table, query, out, cap, 1);
}

/* ---------------------------------------------------------------------------------- */
/* Names: one resolver for every entry point                                          */
/* ---------------------------------------------------------------------------------- */
/* The format a name states. GGUF file types end the stem (…-Q4_K_M.gguf, …-q4_k_m-00001-of-00002.gguf,
   repo:Q4_K_M); GPU checkpoints carry a tag (…-AWQ, …-FP8-dynamic, quantized.w4a16, mlx-community/…-4bit).
   *gguf_repo is set for a "-GGUF" repo that names no file type. NULL when the name states none, or one
   the table lacks (*unknown set: "UD-Q4_K_XL", "exl2:3.5bpw"). */
static const llmsize_format *llmsize__format_in_name(const char *name, size_t n, int *gguf_repo, int *unknown) {
    static const char *const gpu_tags[][2] = {   /* longest first where one tag holds another */
        { "gptq-int4", "gptq" }, { "gptq-int8", "gptq-int8" }, { "w4a16", "gptq" }, { "w8a16", "gptq-int8" },
        { "w8a8", "int8" }, { "fp8-block", "fp8-block" }, { "fp8-dynamic", "fp8" }, { "fp8", "fp8" },
        { "nvfp4", "nvfp4" }, { "mxfp4", "mxfp4" }, { "autoawq", "awq" }, { "awq", "awq" }, { "gptq", "gptq" },
        { "bnb-4bit", "bnb-nf4" }, { "bnb-8bit", "bnb-int8" }, { "int4", "gptq" }, { "int8", "int8" },
        { "bf16", "bf16" }, { "fp16", "f16" }   /* unsloth/Kimi-K2-Instruct-BF16: the upcast copy */
    };
    const llmsize_format *best = NULL;
    const char *org_end = NULL, *colon = NULL, *stem;
    size_t i, j, best_len = 0, sn;
    int mlx = 0, nvidia = 0;
    *gguf_repo = *unknown = 0;
    for (i = 0; i < n; ++i) {
        if (name[i] == '/' && !colon) org_end = name + i;
        if (name[i] == ':') colon = name + i;
    }
    mlx = (org_end && (size_t)(org_end - name) == 13 && llmsize__eq_n_ci(name, "mlx-community", 13)) ||
          llmsize__contains_ci(org_end ? org_end : name, "-mlx");
    nvidia = org_end && (size_t)(org_end - name) == 6 && llmsize__eq_n_ci(name, "nvidia", 6);
    /* repo:QUANT (llama-server -hf, Ollama hf.co/…, an EXL2 branch): the part after ':' */
    if (colon && org_end) {
        const char *qq = colon + 1;
        const size_t ql = (size_t)(name + n - qq);
        for (i = 0; i < llmsize_format_count(); ++i) {
            const llmsize_format *f = llmsize_format_at(i);
            const size_t fl = strcspn(f->id, "|");
            if (f->kind == LLMSIZE_FMT_GGUF && fl == ql && llmsize__eq_n_ci(qq, f->id, fl)) return f;
        }
        if ((ql == 3 && llmsize__eq_n_ci(qq, "f16", 3)) || (ql == 4 && llmsize__eq_n_ci(qq, "bf16", 4))) {
            const llmsize_format *f = NULL;
            llmsize_find_format(ql == 3 ? "gguf-f16" : "gguf-bf16", &f);
            return f;
        }
        if (ql > 3 && llmsize__eq_n_ci(qq + ql - 3, "bpw", 3) && ql - 3 < 8) {   /* turboderp/…-exl2:4.0bpw */
            char id[16] = "exl2-";
            const llmsize_format *f = NULL;
            memcpy(id + 5, qq, ql - 3);
            id[5 + ql - 3] = '\0';
            if (llmsize__contains_ci(name, "exl3")) memcpy(id, "exl3", 4);
            if (llmsize_find_format(id, &f) == LLMSIZE_OK) return f;
        }
        *unknown = 1;
        return NULL;
    }
    if (colon) n = (size_t)(colon - name);
    stem = org_end ? org_end + 1 : name;
    sn = (size_t)(name + n - stem);
    if (sn > 5 && llmsize__eq_n_ci(stem + sn - 5, ".gguf", 5)) sn -= 5;
    else if (sn > 5 && llmsize__eq_n_ci(stem + sn - 5, "-gguf", 5)) { sn -= 5; *gguf_repo = 1; }   /* …-Q4_0-GGUF */
    if (sn > 15 && stem[sn - 15] == '-' && llmsize__eq_n_ci(stem + sn - 9, "-of-", 4)) sn -= 15;
    if (sn > 5 && strchr("-_.", stem[sn - 5]) && llmsize__eq_n_ci(stem + sn - 4, "imat", 4)) sn -= 5;   /* …-Q4_K_M-imat */
    if (sn != (size_t)(name + n - stem) || *gguf_repo) {   /* a GGUF file or repo: 16-bit types are GGUF's own */
        static const char *const wide[][2] = { { "bf16", "gguf-bf16" }, { "f16", "gguf-f16" }, { "fp16", "gguf-f16" } };
        for (i = 0; i < 3; ++i) {
            const size_t wl = strlen(wide[i][0]);
            if (sn > wl && llmsize__eq_n_ci(stem + sn - wl, wide[i][0], wl) && strchr("-._", stem[sn - wl - 1])) {
                *gguf_repo = 0;
                llmsize_find_format(wide[i][1], &best);
                return best;
            }
        }
    }
    /* GGUF: the longest file-type id that ends the stem after '-', '.' or '_' */
    for (i = 0; i < llmsize_format_count(); ++i) {
        const llmsize_format *f = llmsize_format_at(i);
        const size_t fl = strcspn(f->id, "|");
        if (f->kind != LLMSIZE_FMT_GGUF || fl >= sn || fl <= best_len) continue;
        if (llmsize__eq_n_ci(stem + sn - fl, f->id, fl) && strchr("-._", stem[sn - fl - 1])) { best = f; best_len = fl; }
    }
    if (best) {   /* "UD-Q4_K_XL" is not Q4_K_XL's neighbour: unsloth's dynamic mixes are not in the table */
        *gguf_repo = 0;
        if (sn > best_len + 3 && llmsize__eq_n_ci(stem + sn - best_len - 3, "ud", 2)) { *unknown = 1; return NULL; }
        return best;
    }
    if ((*gguf_repo || (sn != (size_t)(name + n - stem))) && sn > 6 && llmsize__eq_n_ci(stem + sn - 5, "mxfp4", 5) &&
        strchr("-._", stem[sn - 6])) {   /* ggml-org's gpt-oss-20b-mxfp4.gguf: the MXFP4_MOE file type */
        *gguf_repo = 0;
        llmsize_find_format("MXFP4_MOE", &best);
        return best;
    }
    if (n > 5 && llmsize__eq_n_ci(name + n - 5, ".gguf", 5) && llmsize__contains_ci(stem, "-ud-")) {
        *unknown = 1;   /* …-UD-Q4_K_XL.gguf: an unsloth dynamic type the table lacks, not the checkpoint */
        return NULL;
    }
    if (*gguf_repo) return NULL;
    if (mlx) {   /* mlx-community/…-4bit, …-MLX-8bit: MLX affine groups of 64 (other group sizes: not in the table) */
        static const char *const mlx_tags[][2] = { { "4bit", "mlx-4bit" }, { "6bit", "mlx-6bit" }, { "8bit", "mlx-8bit" } };
        for (i = 0; i < 3; ++i)
            for (j = 1; j + 4 <= sn; ++j)
                if (strchr("-_", stem[j - 1]) && llmsize__eq_n_ci(stem + j, mlx_tags[i][0], 4) && (j + 4 == sn || strchr("-_", stem[j + 4]))) {
                    const llmsize_format *f = NULL;
                    if (j + 4 < sn && (stem[j + 5] == 'g' || stem[j + 5] == 'G')) { *unknown = 1; return NULL; }   /* -4bit-g32 */
                    if (llmsize_find_format(mlx_tags[i][1], &f) != LLMSIZE_OK) *unknown = 1;
                    return f;
                }
        /* any other width (…-3bit, -2bit, -5bit, mixed_3_6) is an MLX quantization the table lacks:
           unknown, never the 16-bit checkpoint it was made from */
        for (j = 1; j + 4 <= sn; ++j)
            if (strchr("-_", stem[j - 1]) && stem[j] >= '0' && stem[j] <= '9') {
                size_t d = j;
                while (d < sn && stem[d] >= '0' && stem[d] <= '9') ++d;
                if (d + 3 <= sn && llmsize__eq_n_ci(stem + d, "bit", 3) && (d + 3 == sn || strchr("-_", stem[d + 3]))) {
                    *unknown = 1;
                    return NULL;
                }
            }
        if (llmsize__contains_ci(stem, "mixed_")) { *unknown = 1; return NULL; }
    }
    if (llmsize__contains_ci(stem, "gptqmodel")) {   /* ModelCloud's GPTQModel releases: …-gptqmodel-4bit */
        const llmsize_format *f = NULL;
        llmsize_find_format(llmsize__contains_ci(stem, "8bit") ? "gptq-int8" : "gptq", &f);
        if (llmsize__contains_ci(stem, "4bit") || llmsize__contains_ci(stem, "8bit")) return f;
    }
    if (nvidia && sn > 4 && llmsize__eq_n_ci(stem + sn - 4, "-fp4", 4)) {   /* nvidia/…-FP4: ModelOpt NVFP4 */
        llmsize_find_format("nvfp4", &best);
        return best;
    }
    for (i = 0; i < sizeof gpu_tags / sizeof gpu_tags[0]; ++i) {
        const size_t tl = strlen(gpu_tags[i][0]);
        const int t0 = llmsize__lower((unsigned char)gpu_tags[i][0][0]);
        for (j = 0; j + tl <= sn; ++j) {   /* a tag between separators ('-', '.', '_') or the stem's ends */
            if ((j == 0 || stem[j - 1] == '-' || stem[j - 1] == '.' || stem[j - 1] == '_') &&
                llmsize__lower((unsigned char)stem[j]) == t0 && llmsize__eq_n_ci(stem + j, gpu_tags[i][0], tl) &&
                (j + tl == sn || stem[j + tl] == '-' || stem[j + tl] == '.' || stem[j + tl] == '_')) {
                const llmsize_format *f = NULL;
                llmsize_find_format(gpu_tags[i][1], &f);
                return f;
            }
        }
    }
    if (sn > 5 && (llmsize__contains_ci(stem, "-4bit") || llmsize__contains_ci(stem, "-8bit") || llmsize__contains_ci(stem, "exl2") ||
                   llmsize__contains_ci(stem, "exl3"))) *unknown = 1;   /* a bit width in a layout the table lacks */
    return NULL;
}

LLMSIZE_API size_t llmsize_release_count(void) { return LLMSIZE__COUNT(llmsize__releases); }
LLMSIZE_API const llmsize_release *llmsize_release_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__releases) ? &llmsize__releases[i] : NULL;
}
LLMSIZE_API size_t llmsize_ollama_tag_count(void) { return LLMSIZE__COUNT(llmsize__ollama_tags); }
LLMSIZE_API const llmsize_ollama_tag *llmsize_ollama_tag_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__ollama_tags) ? &llmsize__ollama_tags[i] : NULL;
}

LLMSIZE_API const llmsize_format *llmsize_checkpoint_format(const llmsize_model *m) {
    const llmsize_format *f = NULL;
    if (!m) return NULL;
    llmsize_find_format(m->checkpoint_format && *m->checkpoint_format ? m->checkpoint_format : "bf16", &f);
    return f;
}

static const llmsize_model *llmsize__model_row(const char *id) {
    const size_t i = llmsize__lookup(LLMSIZE_TABLE_MODELS, id);
    return i == (size_t)-1 ? NULL : &llmsize__models[i];
}

LLMSIZE_API const char *llmsize_how_name(uint32_t how) {
    static const char *const names[LLMSIZE_HOW_COUNT] = { "id", "repo", "release", "quantized", "derived", "ollama", "gguf-file" };
    return how < LLMSIZE_HOW_COUNT ? names[how] : NULL;
}
LLMSIZE_API const char *llmsize_format_from_name(uint32_t from) {
    static const char *const names[LLMSIZE_FROM_COUNT] = { "none", "name", "checkpoint", "release", "ollama", "default" };
    return from < LLMSIZE_FROM_COUNT ? names[from] : NULL;
}

static int llmsize__has_byte(const char *s, size_t n, char c) {
    size_t i;
    for (i = 0; i < n; ++i) if (s[i] == c) return 1;
    return 0;
}

/* The quantization an Ollama tag ends in: q4_K_M, q8_0, fp16, bf16 (NULL: none). */
static const llmsize_format *llmsize__ollama_quant(const char *q, size_t ql) {
    const llmsize_format *f = NULL;
    size_t i;
    if (ql == 4 && (llmsize__eq_n_ci(q, "fp16", 4) || llmsize__eq_n_ci(q, "bf16", 4))) {
        llmsize_find_format(q[0] == 'f' || q[0] == 'F' ? "gguf-f16" : "gguf-bf16", &f);
        return f;
    }
    for (i = 0; i < llmsize_format_count(); ++i) {
        const llmsize_format *g = llmsize_format_at(i);
        size_t gl;
        if (g->kind != LLMSIZE_FMT_GGUF || !ql || llmsize__lower((unsigned char)g->id[0]) != llmsize__lower((unsigned char)q[0]))
            continue;
        gl = strcspn(g->id, "|");
        if (gl == ql && llmsize__eq_n_ci(q, g->id, gl)) return g;
    }
    return NULL;
}

/* An Ollama tag: [registry.ollama.ai/][library/]name[:tag]; ":latest" is the bare name. The
   table's longest tag that the name starts with at a '-' boundary wins; what follows it may
   only name a quantization ("llama3.1:8b-instruct-q8_0" is the 8b row at Q8_0). */
static llmsize_status llmsize__resolve_ollama(const char *name, size_t n, llmsize_resolution *out) {
    size_t i, best_len = 0;
    const llmsize_ollama_tag *best = NULL;
    if (n > 19 && llmsize__eq_n_ci(name, "registry.ollama.ai/", 19)) { name += 19; n -= 19; }
    if (n > 8 && llmsize__eq_n_ci(name, "library/", 8)) { name += 8; n -= 8; }
    if (n > 7 && llmsize__eq_n_ci(name + n - 7, ":latest", 7)) n -= 7;
    if (llmsize__has_byte(name, n, '/')) return LLMSIZE_ERR_UNKNOWN_MODEL;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__ollama_tags); ++i) {
        const llmsize_ollama_tag *t = &llmsize__ollama_tags[i];
        size_t tl;
        if (llmsize__lower((unsigned char)t->tag[0]) != llmsize__lower((unsigned char)name[0])) continue;   /* most tags */
        tl = strlen(t->tag);
        if (tl > n || tl <= best_len || !llmsize__eq_n_ci(name, t->tag, tl)) continue;
        if (tl < n && !(name[tl] == '-' && llmsize__has_byte(t->tag, tl, ':')) && !(name[tl] == ':' && !llmsize__has_byte(t->tag, tl, ':')))
            continue;
        best = t; best_len = tl;
    }
    if (!best) return LLMSIZE_ERR_UNKNOWN_MODEL;
    if (best_len < n && name[best_len] == ':') return LLMSIZE_ERR_UNKNOWN_MODEL;   /* a tag the table lacks */
    if (!(out->model = llmsize__model_row(best->model))) return LLMSIZE_ERR_UNKNOWN_MODEL;
    out->how = LLMSIZE_HOW_OLLAMA;
    out->matched = best->tag;
    out->matched_len = best_len;
    out->source = best->source;
    if (best_len < n) {   /* -instruct-q8_0, -fp16: the quantization, the rest a variant word */
        const char *q = name + n;
        size_t ql;
        const char *sibling_model = NULL;
        /* the library's quantized tags of this one (qwen3:30b-a3b-q4_K_M) name the model its
           other quantizations are of: the bare tag may have moved on (qwen3:30b-a3b is the 2507
           release now, its -q4_K_M and -fp16 are not). Tags that disagree: nothing is guessed. */
        for (i = 0; i < LLMSIZE__COUNT(llmsize__ollama_tags); ++i) {
            const llmsize_ollama_tag *t = &llmsize__ollama_tags[i];
            const char *seg;
            if (llmsize__lower((unsigned char)t->tag[0]) != llmsize__lower((unsigned char)best->tag[0])) continue;
            seg = strrchr(t->tag, '-');
            if (strlen(t->tag) > best_len && t->tag[best_len] == '-' && llmsize__eq_n_ci(t->tag, best->tag, best_len) &&
                seg && llmsize__ollama_quant(seg + 1, strlen(seg + 1))) {   /* -q4_K_M, not -instruct or -thinking */
                if (sibling_model && strcmp(t->model, sibling_model)) return LLMSIZE_ERR_UNKNOWN_MODEL;
                sibling_model = t->model;
            }
        }
        if (sibling_model && !(out->model = llmsize__model_row(sibling_model))) return LLMSIZE_ERR_UNKNOWN_MODEL;
        while (q > name + best_len && q[-1] != '-') --q;
        ql = (size_t)(name + n - q);
        out->format = llmsize__ollama_quant(q, ql);
        {   /* between the tag and the quantization only words that keep the model */
            llmsize__tokens t;
            llmsize__tokenize(name + best_len, (size_t)(q - name) - best_len, &t);
            for (i = 0; i < t.n; ++i)
                if (!llmsize__tok_is(&t, i, "instruct") && !llmsize__tok_is(&t, i, "chat") && !llmsize__tok_is(&t, i, "text") &&
                    !llmsize__tok_is(&t, i, "it") && !(llmsize__is_digit((unsigned char)t.at[i][0]) && t.len[i] == 4))
                    return LLMSIZE_ERR_UNKNOWN_MODEL;   /* a variant word, or a release date (2507) */
        }
        if (!out->format) {   /* "-instruct" alone names no quantization: the tag's own */
            llmsize__tokens t;
            llmsize__tokenize(name + best_len, n - best_len, &t);
            for (i = 0; i < t.n; ++i) if (!llmsize__variant_word(&t, i)) return LLMSIZE_ERR_UNKNOWN_MODEL;
            if (q != name + best_len + 1 || !(llmsize__eq_n_ci(q, "instruct", 8) || llmsize__eq_n_ci(q, "text", 4) ||
                                              llmsize__eq_n_ci(q, "chat", 4)))
                return LLMSIZE_ERR_UNKNOWN_MODEL;
        } else {
            out->format_from = LLMSIZE_FROM_NAME;
            return LLMSIZE_OK;
        }
    }
    out->format_from = LLMSIZE_FROM_OLLAMA;
    return llmsize_find_format(best->format, &out->format) == LLMSIZE_OK ? LLMSIZE_OK : LLMSIZE_ERR_UNKNOWN_FORMAT;
}

/* Organisations that quantize checkpoints themselves, with their own layouts. */
static int llmsize__requantizer(const char *org, size_t n) {
    static const char *const orgs[] = { "nvidia", "RedHatAI", "neuralmagic", "ModelCloud", "Intel", "amd" };
    size_t k;
    for (k = 0; k < sizeof orgs / sizeof orgs[0]; ++k)
        if (strlen(orgs[k]) == n && llmsize__eq_n_ci(org, orgs[k], n)) return 1;
    return 0;
}

/* indexed 0: every row and release is tried, as the index's token bits stand for. */
static llmsize_status llmsize__resolve(const char *name, llmsize_resolution *out, int indexed) {
    char buf[256];
    size_t n = strlen(name), i, base_at = 0, best = 0, best_at = 0, best_span = 0, best_name_len = 0;
    const char *best_name = NULL, *colon;
    const llmsize_model *winner = NULL;
    llmsize__tokens q;
    int gguf_repo = 0, unknown_fmt = 0, tie = 0, file = 0;
    const llmsize_format *named;
    if (n == 0 || n >= sizeof buf) return LLMSIZE_ERR_UNKNOWN_MODEL;
    /* 1. a name the tables hold as written: id, repo, release */
    if ((i = llmsize__lookup(LLMSIZE_TABLE_MODELS, name)) != (size_t)-1) {
        out->model = &llmsize__models[i];
        out->how = llmsize__in_list(name, out->model->id) ? LLMSIZE_HOW_ID : LLMSIZE_HOW_REPO;
        out->matched = out->model->id;   /* the table's own entry, not the caller's spelling */
        out->matched_len = strlen(out->matched);
        if (out->how == LLMSIZE_HOW_REPO) {
            const char *p = out->model->hf_repos;
            while (*p) {
                const size_t len = strcspn(p, "|");
                if (len == n && llmsize__eq_n_ci(p, name, n)) { out->matched = p; out->matched_len = len; break; }
                p += len + (p[len] == '|');
            }
        }
        out->format = llmsize_checkpoint_format(out->model);
        out->format_from = LLMSIZE_FROM_CHECKPOINT;
        return out->format ? LLMSIZE_OK : LLMSIZE_ERR_UNKNOWN_FORMAT;
    }
    for (i = 0; i < LLMSIZE__COUNT(llmsize__releases); ++i) {
        const llmsize_release *r = &llmsize__releases[i];
        if (llmsize__lower((unsigned char)r->repo[0]) != llmsize__lower((unsigned char)name[0]) && !strchr(r->repo, '|')) continue;
        if (!llmsize__in_list(name, r->repo)) continue;
        if (!(out->model = llmsize__model_row(r->model)) || llmsize_find_format(r->format, &out->format) != LLMSIZE_OK)
            return LLMSIZE_ERR_UNKNOWN_MODEL;
        out->how = LLMSIZE_HOW_RELEASE;
        out->format_from = LLMSIZE_FROM_RELEASE;
        out->matched = r->repo;
        out->matched_len = strlen(r->repo);
        out->source = r->source;
        return LLMSIZE_OK;
    }
    /* 2. Ollama's library: names without an org */
    {
        const char *slash = strchr(name, '/');
        if (!slash || llmsize__eq_n_ci(name, "registry.ollama.ai/", 19) || llmsize__eq_n_ci(name, "library/", 8)) {
            llmsize_status st = llmsize__resolve_ollama(name, n, out);
            if (st == LLMSIZE_OK) return st;
            memset(out, 0, sizeof *out);
            if (strchr(name, ':') && !slash) return LLMSIZE_ERR_UNKNOWN_MODEL;   /* a tag is Ollama's or nothing */
        }
    }
    /* 3. a name derived from a table model: hf.co/ and org dropped, matched by tokens */
    memcpy(buf, name, n + 1);
    if (n > 6 && llmsize__eq_n_ci(buf, "hf.co/", 6)) { memmove(buf, buf + 6, n - 5); n -= 6; }
    if (n > 15 && llmsize__eq_n_ci(buf, "huggingface.co/", 15)) { memmove(buf, buf + 15, n - 14); n -= 15; }
    named = llmsize__format_in_name(buf, n, &gguf_repo, &unknown_fmt);
    colon = strchr(buf, ':');
    for (i = 0; i < (colon ? (size_t)(colon - buf) : n); ++i) if (buf[i] == '/' || buf[i] == '\\') base_at = i + 1;
    file = n > 5 && llmsize__eq_n_ci(buf + n - 5, ".gguf", 5);
    if (!llmsize__tokenize(buf + base_at, (colon ? (size_t)(colon - buf) : n) - base_at, &q)) return LLMSIZE_ERR_UNKNOWN_MODEL;
    /* the model whose name covers the most tokens; a second model the winner does not
       cover (a merge, a distill of one into the other) or an equal one makes it ambiguous */
    {   /* one pass over the rows, then the release repos (each names its row); the few other
           rows that match at all are kept to judge the winner against */
        const llmsize_model *other_m[8];
        size_t other_s[8], other_at[8], other_sp[8], n_other = 0, k, cand = 0;
        for (i = 0; i < LLMSIZE__COUNT(llmsize__models) + LLMSIZE__COUNT(llmsize__releases); ++i) {
            const llmsize_model *m = NULL;
            const char *nm = NULL;
            size_t at = 0, sp = 0, nl = 0, s = 0;
            if (i < LLMSIZE__COUNT(llmsize__models)) {
                int may = 0;   /* a name of the row whose tokens the query all has */
                for (; cand < LLMSIZE__COUNT(llmsize__row_name_tokens) && llmsize__row_name_tokens[cand].row == i; ++cand)
                    may |= !(llmsize__row_name_tokens[cand].tokens & ~q.firsts);
                if (!may && indexed) continue;
                m = &llmsize__models[i];
                s = llmsize__row_match(&q, m, &at, &sp, &nm, &nl);
            } else {
                const llmsize_release *r = &llmsize__releases[i - LLMSIZE__COUNT(llmsize__models)];
                const char *b;
                if ((llmsize__release_tokens[i - LLMSIZE__COUNT(llmsize__models)] & ~q.firsts) && indexed) continue;
                b = strrchr(r->repo, '/');
                b = b ? b + 1 : r->repo;
                if ((s = llmsize__name_match(&q, b, strlen(b), &at, &sp)) != 0) { m = llmsize__model_row(r->model); nm = r->repo; nl = strlen(nm); }
            }
            if (!s || !m) continue;
            if (m == winner && s <= best) continue;
            if (s > best) {
                if (winner && winner != m) {   /* the old winner becomes one of the others */
                    if (n_other == 8) { tie = 1; continue; }
                    other_m[n_other] = winner; other_s[n_other] = best; other_at[n_other] = best_at; other_sp[n_other] = best_span;
                    ++n_other;
                }
                winner = m; best = s; best_at = at; best_span = sp; best_name = nm; best_name_len = nl;
            } else {
                if (n_other == 8) { tie = 1; continue; }
                other_m[n_other] = m; other_s[n_other] = s; other_at[n_other] = at; other_sp[n_other] = sp; ++n_other;
            }
        }
        for (k = 0; k < n_other; ++k)
            if (other_m[k] != winner &&
                (other_s[k] == best || other_at[k] < best_at || other_at[k] + other_sp[k] > best_at + best_span)) tie = 1;
    }
    if (tie) return LLMSIZE_ERR_AMBIGUOUS;
    if (!winner) return LLMSIZE_ERR_UNKNOWN_MODEL;
    out->model = winner;
    out->matched = best_name;
    out->matched_len = best_name_len;
    out->how = file ? LLMSIZE_HOW_GGUF_FILE : (named || gguf_repo || unknown_fmt) ? LLMSIZE_HOW_QUANTIZED : LLMSIZE_HOW_DERIVED;
    for (i = 0; base_at && !llmsize__requantizer(buf, base_at - 1) && i < LLMSIZE__COUNT(llmsize__releases); ++i) {
        /* a copy of a known release keeps its layout (unsloth/Qwen3-1.7B-FP8); a quantizer's own
           release of the same name does not (nvidia/Qwen3-8B-FP8 is ModelOpt per-tensor FP8) */
        const char *r = llmsize__releases[i].repo, *rb = strchr(r, '/');
        const size_t ql = (colon ? (size_t)(colon - buf) : n) - base_at;
        rb = rb ? rb + 1 : r;
        const llmsize_format *rf = NULL;
        if (!colon && strlen(rb) == ql && llmsize__eq_n_ci(buf + base_at, rb, ql) && !strcmp(llmsize__releases[i].model, winner->id) &&
            llmsize_find_format(llmsize__releases[i].format, &rf) == LLMSIZE_OK && rf->kind != LLMSIZE_FMT_GGUF) {
            out->format = rf;   /* a GGUF repo of the same name holds other files: not this rule */
            out->format_from = LLMSIZE_FROM_RELEASE;
            out->source = llmsize__releases[i].source;
            return LLMSIZE_OK;
        }
    }
    if (named) { out->format = named; out->format_from = LLMSIZE_FROM_NAME; }
    else if (unknown_fmt) out->format_from = LLMSIZE_FROM_NONE;
    else if (gguf_repo) { llmsize_find_format("Q4_K_M", &out->format); out->format_from = LLMSIZE_FROM_DEFAULT; }
    else { out->format = llmsize_checkpoint_format(winner); out->format_from = LLMSIZE_FROM_CHECKPOINT; }
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_resolve(const char *name, llmsize_resolution *out) {
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!name || !out) return LLMSIZE_ERR_NULL;
    st = llmsize__resolve(name, out, 1);
    if (st != LLMSIZE_OK) memset(out, 0, sizeof *out);
    return st;
}

/* ---- accelerators ---- */
/* Apple GPUs may wire about 2/3 of unified memory at 36 GB and below and about 3/4 above
   (recommendedMaxWorkingSetSize; observed in AlexsJones/llmfit#754, exo-explore/exo#1672,
   ggml-org/llama.cpp#2011): the share the table's rows carry, for any memory size. */
static uint32_t llmsize__unified_usable_pct(uint64_t mem_bytes) {
    return mem_bytes <= ((uint64_t)36 << 30) ? 67u : 75u;
}

/* Does a '|'-list of GB sizes hold `gb`? How many sizes does it list? */
static int llmsize__memory_offered(const char *opts, uint64_t gb, uint32_t *count) {
    int found = 0;
    *count = 0;
    while (opts && *opts) {
        uint64_t v = 0;
        while (*opts >= '0' && *opts <= '9') v = v * 10u + (uint64_t)(*opts++ - '0');
        ++*count;
        if (v == gb) found = 1;
        if (*opts == '|') ++opts; else break;
    }
    return found;
}

/* Rows one of whose names starts, token by token, with the query's tokens. */
static size_t llmsize__gpu_prefix_rows(const llmsize__tokens *q, size_t *rows, size_t cap) {
    size_t i, n = 0;
    const char *names[3];
    for (i = 0; llmsize__row_names(LLMSIZE_TABLE_GPUS, i, names); ++i) {
        int k, hit = 0;
        for (k = 0; k < 3 && !hit; ++k) {
            const char *p = names[k];
            while (p && *p && !hit) {
                const char *e = p;
                llmsize__tokens r;
                size_t j;
                while (*e && *e != '|') ++e;
                if (q->n && llmsize__lower((unsigned char)*p) == llmsize__lower((unsigned char)q->at[0][0]) &&
                    llmsize__tokenize(p, (size_t)(e - p), &r) && r.n >= q->n) {   /* first letters agree: worth a look */
                    for (j = 0; j < q->n && llmsize__tok_eq(q, j, &r, j); ++j) {}
                    hit = j == q->n;
                }
                p = *e ? e + 1 : e;
            }
        }
        if (hit) { if (n < cap) rows[n] = i; ++n; }
    }
    return n;
}

static void llmsize__gpu_from_row(const llmsize_gpu *row, llmsize_gpu_resolution *out) {
    uint32_t count = 0;
    out->gpu = *row;
    out->row = row;
    out->memory_from = LLMSIZE_MEMORY_ROW;
    llmsize__memory_offered(row->memory_options, 0, &count);
    out->memory_choices = count ? count : 1u;
}

/* The row with `gb` GB on offer, the memory set to it. 0 when the row does not sell it. */
static int llmsize__gpu_with_memory(const llmsize_gpu *row, uint64_t gb, llmsize_gpu_resolution *out) {
    uint32_t count = 0;
    if (row->memory_options) {
        if (!llmsize__memory_offered(row->memory_options, gb, &count)) return 0;
        llmsize__gpu_from_row(row, out);
        out->gpu.mem_bytes = gb << 30;
        if (row->hw_class == LLMSIZE_HW_APPLE || row->hw_class == LLMSIZE_HW_UNIFIED)
            out->gpu.usable_pct = llmsize__unified_usable_pct(out->gpu.mem_bytes);
        out->memory_from = LLMSIZE_MEMORY_NAMED;
        return 1;
    }
    /* one size: the name's figure must be that size (GB or GiB, as vendors and drivers
       round it); the row keeps its exact, driver-reported bytes */
    if ((double)gb * 1e9 < (double)row->mem_bytes * 0.9 || (double)(gb << 30) > (double)row->mem_bytes * 1.1) return 0;
    llmsize__gpu_from_row(row, out);
    return 1;
}

static llmsize_status llmsize__resolve_gpu(const char *name, llmsize_gpu_resolution *out) {
    char base[128];
    size_t i, rows[8], n, len = strlen(name), cut_at = 0, cut_end = 0;
    uint64_t gb = 0;
    llmsize__tokens q;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_GPUS, name)) != (size_t)-1) {
        llmsize__gpu_from_row(&llmsize__gpus[i], out);
        return LLMSIZE_OK;
    }
    if (len == 0 || len >= sizeof base || !llmsize__tokenize(name, len, &q)) return LLMSIZE_ERR_UNKNOWN_GPU;
    /* a memory size: digits, then "GB" / "G" / "GiB" as its own token */
    for (i = 0; i + 1 < q.n; ++i)
        if (llmsize__is_digit((unsigned char)q.at[i][0]) && q.len[i] <= 4 &&
            (llmsize__tok_is(&q, i + 1, "gb") || llmsize__tok_is(&q, i + 1, "g") || llmsize__tok_is(&q, i + 1, "gib"))) {
            size_t k;
            gb = 0;
            for (k = 0; k < q.len[i]; ++k) gb = gb * 10u + (uint64_t)(q.at[i][k] - '0');
            cut_at = (size_t)(q.at[i] - name);
            cut_end = (size_t)(q.at[i + 1] - name) + q.len[i + 1];
        }
    if (gb) {   /* the name without its size, separators around the cut folded */
        size_t bl = 0;
        for (i = 0; i < len; ++i) if (i < cut_at || i >= cut_end) base[bl++] = name[i];
        while (bl && strchr(" -_()", base[bl - 1])) --bl;
        base[bl] = '\0';
        if (gb == 0 || !bl) return LLMSIZE_ERR_UNKNOWN_GPU;
        if ((i = llmsize__lookup(LLMSIZE_TABLE_GPUS, base)) != (size_t)-1) {
            if (llmsize__gpu_with_memory(&llmsize__gpus[i], gb, out)) return LLMSIZE_OK;
        }
        if (!llmsize__tokenize(base, bl, &q)) return LLMSIZE_ERR_UNKNOWN_GPU;
    }
    /* a one-word name ("A", "RTX") starts too many names to mean any of them */
    n = q.n >= 2 ? llmsize__gpu_prefix_rows(&q, rows, sizeof rows / sizeof rows[0]) : 0;
    if (gb) {   /* among the rows the base names, those sold with that size */
        size_t hits = 0, k;
        llmsize_gpu_resolution r;
        memset(&r, 0, sizeof r);
        for (k = 0; k < n && k < sizeof rows / sizeof rows[0]; ++k)
            if (llmsize__gpu_with_memory(&llmsize__gpus[rows[k]], gb, &r)) { if (!hits) *out = r; ++hits; }
        if (hits == 1) return LLMSIZE_OK;
        memset(out, 0, sizeof *out);
        return hits ? LLMSIZE_ERR_AMBIGUOUS : LLMSIZE_ERR_UNKNOWN_GPU;
    }
    if (n == 1) { llmsize__gpu_from_row(&llmsize__gpus[rows[0]], out); return LLMSIZE_OK; }
    return n ? LLMSIZE_ERR_AMBIGUOUS : LLMSIZE_ERR_UNKNOWN_GPU;
}

LLMSIZE_API llmsize_status llmsize_resolve_gpu(const char *name, llmsize_gpu_resolution *out) {
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__resolve_gpu(name, out)) != LLMSIZE_OK) memset(out, 0, sizeof *out);
    return st;
}

LLMSIZE_API llmsize_status llmsize_describe_gpu(double mem_gib, double bw_gbs, double bf16_tflops, uint32_t hw_class,
                                                  llmsize_gpu *out) {
    int ov = 0;
    if (out) memset(out, 0, sizeof *out);
    if (!out) return LLMSIZE_ERR_NULL;
    if (!llmsize__finite_pos(mem_gib) || !llmsize__finite_pos(bw_gbs) || !(bf16_tflops >= 0.0) || bf16_tflops > 1e9 ||
        hw_class >= LLMSIZE_HW_CLASS_COUNT || mem_gib > 1073741824.0 || bw_gbs > 1e9)
        return LLMSIZE_ERR_INVALID_ARG;
    out->id = "described";
    out->name = "described accelerator";
    out->vendor = "";
    out->aliases = "";
    out->mem_bytes = llmsize__d2u(mem_gib * 1073741824.0, &ov);
    if (ov || out->mem_bytes == 0) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_INVALID_ARG; }
    out->hw_class = hw_class;
    out->usable_pct = hw_class == LLMSIZE_HW_APPLE || hw_class == LLMSIZE_HW_UNIFIED ? llmsize__unified_usable_pct(out->mem_bytes)
                                                                                        : 100u;
    out->bw_gbs = bw_gbs;
    out->bf16_tflops = bf16_tflops;
    out->source = "described by the caller";
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_resolve_for(const char *name, uint32_t engine, llmsize_resolution *out) {
    if (out) memset(out, 0, sizeof *out);
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if (engine >= LLMSIZE_ENGINE_COUNT) return LLMSIZE_ERR_INVALID_ARG;
    if (engine == LLMSIZE_ENGINE_OLLAMA && llmsize__resolve_ollama(name, strlen(name), out) == LLMSIZE_OK) return LLMSIZE_OK;
    return llmsize_resolve(name, out);
}



/* ---------------------------------------------------------------------------------- */
/* Architecture: one enumeration of every tensor a model has. Parameter counts, GGUF  */
/* bytes and GPU-format bytes are all folds over this one list, so the architecture   */
/* math exists exactly once.                                                          */
/* ---------------------------------------------------------------------------------- */

typedef enum llmsize__cat {      /* llama.cpp's tensor category for quantization       */
    LLMSIZE__T_TOKEN_EMBD = 0, LLMSIZE__T_OUTPUT, LLMSIZE__T_ATTN_Q, LLMSIZE__T_ATTN_K,
    LLMSIZE__T_ATTN_V, LLMSIZE__T_ATTN_QKV, LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__T_FFN_UP,
    LLMSIZE__T_FFN_GATE, LLMSIZE__T_FFN_DOWN, LLMSIZE__T_OTHER,
    LLMSIZE__T_F32       /* never quantized: 1-D tensors, router, conv1d (kept F32)   */
} llmsize__cat;

typedef struct llmsize__tensor {
    uint32_t cls, cat;
    uint32_t layer;          /* block index; UINT32_MAX for non-block tensors          */
    uint64_t ne0;            /* row length (input features)                            */
    uint64_t rows;           /* rows per matrix (output features)                      */
    uint64_t mats;           /* matrices stacked in the tensor (experts)               */
    uint32_t routed;         /* 1 for routed-expert tensors                            */
    uint32_t copies;         /* identical layers it stands for (llmsize__visitor.by_kind) */
} llmsize__tensor;

typedef struct llmsize__visitor llmsize__visitor;
/* Where a block sits: its index, its kind (LLMSIZE__BLOCK_*) and how many attention
   (not linear-attention) blocks come before it. */
enum { LLMSIZE__BLOCK_MOE = 1, LLMSIZE__BLOCK_LINEAR = 2 };
typedef struct llmsize__block { uint32_t i, kind, attention_before; } llmsize__block;
struct llmsize__visitor {
    void (*emit)(llmsize__visitor *v, const llmsize__tensor *t);
    const llmsize_model *m;
    int overflow;
    /* A fold that does not read a tensor's layer index (parameter counts, float and
       GPU-format bytes without edge layers or placement) sets by_kind: the blocks are then
       visited once per kind of layer (linear or attention, MoE or dense) with `copies` set
       to how many layers are of that kind, instead of once per layer. */
    int by_kind;
    /* A fold that reads the layer index only through a few comparisons (GGUF types: i < n/8,
       i >= 7n/8, (i - n/8) % 3 …; edge layers; placement) gives layer_key instead: layers of
       one kind with the same key get the same tensors, so one visit stands for them all.
       at_layer then sets what the fold counts as it goes (GGUF's attn_v counter) to its value
       at the layer visited, and at `layers` once the blocks are done. */
    uint32_t (*layer_key)(const llmsize__visitor *v, const llmsize__block *at);
    void (*at_layer)(llmsize__visitor *v, const llmsize__block *at);
    uint32_t copies;
    /* The fold's groups: `group` is the one being visited (LLMSIZE__NOGROUP outside the
       folded blocks), and where group_of is set, each block's group is written there
       (dims.layers entries; llmsize__host_table). */
    uint32_t group;
    uint8_t *group_of;
};

#define LLMSIZE__NOLAYER 0xFFFFFFFFu

static void llmsize__put(llmsize__visitor *v, uint32_t cls, uint32_t cat, uint32_t layer,
                         uint64_t ne0, uint64_t rows, uint64_t mats, uint32_t routed) {
    llmsize__tensor t;
    if (ne0 == 0 || rows == 0 || mats == 0) return;   /* absent tensor */
    t.cls = cls; t.cat = cat; t.layer = layer; t.ne0 = ne0; t.rows = rows; t.mats = mats;
    t.routed = routed;
    t.copies = v->copies ? v->copies : 1u;
    v->emit(v, &t);
}
/* 1-D tensors (norms, biases, sinks) are stored as F32 and never quantized. */
static void llmsize__vec(llmsize__visitor *v, uint32_t cls, uint32_t layer, uint64_t n) {
    llmsize__put(v, cls, LLMSIZE__T_F32, layer, n, 1, 1, 0);
}

static uint32_t llmsize__norms_per_layer(const llmsize_model *m) {
    return m->extra.norms_per_layer ? m->extra.norms_per_layer : 2u;
}
/* A hidden-size norm: its weight, and for LayerNorm families its bias (a tensor each, as
   GGUF files and checkpoints store them). */
static void llmsize__norm(llmsize__visitor *v, uint32_t cls, uint32_t layer) {
    llmsize__vec(v, cls, layer, v->m->dims.hidden);
    if (v->m->flags & LLMSIZE_F_NORM_BIAS) llmsize__vec(v, cls, layer, v->m->dims.hidden);
}
static int llmsize__every(uint32_t layer, uint32_t n) { return n > 0 && (layer + 1u) % n == 0; }

static int llmsize__is_linear_layer(const llmsize_model *m, uint32_t i) {
    return m->linear.full_every > 0 && !llmsize__every(i, m->linear.full_every);
}
/* How many layers are full attention, local (sliding / chunked) and linear attention. Layer i
   is linear unless (i+1) % full_every == 0; an attention layer is local when the model has a
   window and (i+1) % global_every != 0 (or there are no global layers). In closed form:
   both predicates are periodic, so this is a count of
   multiples (with their lcm where both periods apply), not a loop over layers. */
typedef struct llmsize__layer_counts { uint32_t full, local, linear; } llmsize__layer_counts;
static uint32_t llmsize__gcd(uint32_t a, uint32_t b) { while (b) { const uint32_t t = a % b; a = b; b = t; } return a; }
static llmsize__layer_counts llmsize__count_layers(const llmsize_model *m) {
    llmsize__layer_counts c;
    const uint32_t n = m->dims.layers, fe = m->linear.full_every, g = m->attn.global_every;
    const uint32_t attn = fe ? n / fe : n;             /* layers with attention at all      */
    c.linear = n - attn;
    if (m->attn.kind == LLMSIZE_ATTN_FULL || m->attn.window == 0) {
        c.local = 0;
    } else if (g == 0) {
        c.local = attn;
    } else {
        /* attention layers are i+1 = fe*t (t = 1..attn); global when g divides fe*t,
           i.e. when g/gcd(fe, g) divides t */
        const uint32_t f = fe ? fe : 1u;
        c.local = attn - attn / (g / llmsize__gcd(f, g));
    }
    c.full = attn - c.local;
    return c;
}

static int llmsize__is_moe_layer(const llmsize_model *m, uint32_t i) {
    if (m->moe.experts == 0 || i < m->moe.dense_first) return 0;
    return m->moe.every <= 1 || llmsize__every(i, m->moe.every);
}

/* Attention block of one layer (standard, MLA, or linear attention). */
static void llmsize__emit_attention(llmsize__visitor *v, uint32_t cls, uint32_t i) {
    const llmsize_model *m = v->m;
    const uint64_t h = m->dims.hidden, hd = m->dims.head_dim;
    const uint64_t nh = m->dims.heads, nkv = m->dims.kv_heads;
    const uint32_t attn_cls = cls == LLMSIZE_COMPONENT_MTP ? cls : (uint32_t)LLMSIZE_COMPONENT_ATTN;
    /* norms inside an MTP module belong to the module, not to the decoder */
    const uint32_t norm_cls = cls == LLMSIZE_COMPONENT_MTP ? cls : (uint32_t)LLMSIZE_COMPONENT_NORMS;
    if (llmsize__is_linear_layer(m, i)) {      /* Gated DeltaNet (Qwen3-Next)           */
        const llmsize_linear_attn *la = &m->linear;
        const uint32_t c = cls == LLMSIZE_COMPONENT_MTP ? cls : (uint32_t)LLMSIZE_COMPONENT_LINEAR_ATTN;
        const uint64_t kd = (uint64_t)la->k_heads * la->k_dim, vd = (uint64_t)la->v_heads * la->v_dim;
        llmsize__put(v, c, LLMSIZE__T_OTHER, i, h, 2 * kd + 2 * vd, 1, 0); /* in_proj_qkvz */
        llmsize__put(v, c, LLMSIZE__T_OTHER, i, h, 2u * la->v_heads, 1, 0); /* in_proj_ba  */
        llmsize__put(v, c, LLMSIZE__T_F32, i, la->conv_kernel, 2 * kd + vd, 1, 0); /* conv1d */
        llmsize__vec(v, c, i, la->v_heads);                                 /* dt_bias     */
        llmsize__vec(v, c, i, la->v_heads);                                 /* A_log       */
        llmsize__vec(v, c, i, la->v_dim);                                   /* gated norm  */
        llmsize__put(v, c, LLMSIZE__T_OTHER, i, vd, h, 1, 0);               /* out_proj    */
        return;
    }
    if (m->mla.kv_lora_rank) {                 /* multi-head latent attention           */
        const llmsize_mla *a = &m->mla;
        const uint64_t qk = (uint64_t)a->qk_nope_dim + a->qk_rope_dim;
        if (a->q_lora_rank) {
            llmsize__put(v, attn_cls, LLMSIZE__T_OTHER, i, h, a->q_lora_rank, 1, 0);
            llmsize__vec(v, norm_cls, i, a->q_lora_rank);
            llmsize__put(v, attn_cls, LLMSIZE__T_OTHER, i, a->q_lora_rank, nh * qk, 1, 0);
        } else {
            llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_Q, i, h, nh * qk, 1, 0);
        }
        llmsize__put(v, attn_cls, LLMSIZE__T_OTHER, i, h, (uint64_t)a->kv_lora_rank + a->qk_rope_dim, 1, 0);
        llmsize__vec(v, norm_cls, i, a->kv_lora_rank);
        /* kv_b, stored by current llama.cpp as per-head k_b and v_b */
        llmsize__put(v, attn_cls, LLMSIZE__T_OTHER, i, a->qk_nope_dim, nh * a->kv_lora_rank, 1, 0);
        llmsize__put(v, attn_cls, LLMSIZE__T_OTHER, i, a->kv_lora_rank, nh * a->v_head_dim, 1, 0);
        llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_OUTPUT, i, nh * a->v_head_dim, h, 1, 0);
        return;
    }
    {
        const uint64_t q_rows = nh * hd * ((m->flags & LLMSIZE_F_ATTN_GATE) ? 2u : 1u);
        if (m->flags & LLMSIZE_F_FUSED_QKV) {
            llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_QKV, i, h, q_rows + 2 * nkv * hd, 1, 0);
        } else {
            llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_Q, i, h, q_rows, 1, 0);
            llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_K, i, h, nkv * hd, 1, 0);
            llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_V, i, h, nkv * hd, 1, 0);
        }
        if ((m->flags & LLMSIZE_F_QKV_BIAS) && (m->flags & LLMSIZE_F_FUSED_QKV)) {
            llmsize__vec(v, attn_cls, i, nh * hd + 2 * nkv * hd);
        } else if (m->flags & LLMSIZE_F_QKV_BIAS) {
            llmsize__vec(v, attn_cls, i, nh * hd);
            if (!(m->flags & LLMSIZE_F_NO_K_BIAS)) llmsize__vec(v, attn_cls, i, nkv * hd);
            llmsize__vec(v, attn_cls, i, nkv * hd);
        }
        llmsize__put(v, attn_cls, LLMSIZE__T_ATTN_OUTPUT, i, nh * hd, h, 1, 0);
        if (m->flags & LLMSIZE_F_O_BIAS) llmsize__vec(v, attn_cls, i, h);
        if (m->flags & LLMSIZE_F_QK_NORM) { llmsize__vec(v, norm_cls, i, hd); llmsize__vec(v, norm_cls, i, hd); }
        if (m->flags & LLMSIZE_F_QK_NORM_FULL) { llmsize__vec(v, norm_cls, i, nh * hd); llmsize__vec(v, norm_cls, i, nkv * hd); }
        if (m->flags & LLMSIZE_F_ATTN_SINKS) llmsize__vec(v, attn_cls, i, nh);
    }
}

/* One FFN of width f: gate/up/down (or up/down), `mats` stacked copies. */
static void llmsize__emit_ffn(llmsize__visitor *v, uint32_t cls, uint32_t i, uint64_t f,
                              uint64_t mats, uint32_t routed, int bias) {
    const llmsize_model *m = v->m;
    const uint64_t h = m->dims.hidden;
    if (m->flags & LLMSIZE_F_FUSED_GATE_UP) {   /* GGUF names it ffn_up: its rules apply */
        llmsize__put(v, cls, LLMSIZE__T_FFN_UP, i, h, 2 * f, mats, routed);
    } else {
        if (!(m->flags & LLMSIZE_F_NONGATED_MLP))
            llmsize__put(v, cls, LLMSIZE__T_FFN_GATE, i, h, f, mats, routed);
        llmsize__put(v, cls, LLMSIZE__T_FFN_UP, i, h, f, mats, routed);
    }
    llmsize__put(v, cls, LLMSIZE__T_FFN_DOWN, i, f, h, mats, routed);
    if (bias) {   /* one bias tensor per projection */
        if (!(m->flags & LLMSIZE_F_NONGATED_MLP)) llmsize__put(v, cls, LLMSIZE__T_F32, i, f, 1, mats, routed);
        llmsize__put(v, cls, LLMSIZE__T_F32, i, f, 1, mats, routed);
        llmsize__put(v, cls, LLMSIZE__T_F32, i, h, 1, mats, routed);
    }
}

static void llmsize__emit_ffn_block(llmsize__visitor *v, uint32_t cls, uint32_t i) {
    const llmsize_model *m = v->m;
    const llmsize_moe *e = &m->moe;
    const int mtp = cls == LLMSIZE_COMPONENT_MTP;
    if (!llmsize__is_moe_layer(m, i)) {
        llmsize__emit_ffn(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_FFN_DENSE, i, m->dims.ffn, 1, 0,
                          (m->flags & LLMSIZE_F_MLP_BIAS) != 0);
        return;
    }
    llmsize__put(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_ROUTER, LLMSIZE__T_F32, i, m->dims.hidden, e->experts, 1, 0);
    if (m->flags & LLMSIZE_F_ROUTER_BIAS) llmsize__vec(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_ROUTER, i, e->experts);
    llmsize__emit_ffn(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_EXPERTS, i, e->expert_ffn, e->experts, 1,
                      (m->flags & LLMSIZE_F_EXPERT_BIAS) != 0);
    if (e->shared) {
        llmsize__emit_ffn(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_SHARED_EXPERTS, i, (uint64_t)e->shared_ffn * e->shared, 1, 0, 0);
        if (m->flags & LLMSIZE_F_SHARED_GATE)
            llmsize__put(v, mtp ? cls : (uint32_t)LLMSIZE_COMPONENT_SHARED_EXPERTS, LLMSIZE__T_F32, i, m->dims.hidden, 1, 1, 0);
    }
}

static void llmsize__emit_layer(llmsize__visitor *v, uint32_t cls, uint32_t i) {
    const llmsize_model *m = v->m;
    const uint32_t norm_cls = cls == LLMSIZE_COMPONENT_MTP ? cls : (uint32_t)LLMSIZE_COMPONENT_NORMS;
    uint32_t k;
    for (k = 0; k < llmsize__norms_per_layer(m); ++k)
        llmsize__norm(v, norm_cls, i);
    llmsize__emit_attention(v, cls, i);
    llmsize__emit_ffn_block(v, cls, i);
}

/* Inputs beside the token embedding: learned positions and token types (BERT family), or
   Whisper's audio stem (two width-3 conv1d layers with biases) and its position table. */
static void llmsize__emit_inputs(llmsize__visitor *v) {
    const llmsize_encoder *e = &v->m->enc;
    const uint64_t h = v->m->dims.hidden;
    if (e->mel_bins) {
        llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, 3u * (uint64_t)e->mel_bins, h, 1, 0);
        llmsize__vec(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__NOLAYER, h);
        llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, 3u * h, h, 1, 0);
        llmsize__vec(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__NOLAYER, h);
        llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, e->audio_positions, 1, 0);
    }
    llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, e->positions, 1, 0);
    llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, e->token_types, 1, 0);
}

/* Encoder-decoder (Whisper): each decoder layer has self-attention, cross-attention over
   the encoder's output (same shapes) and an FFN, with three norms; then a final norm. */
static void llmsize__emit_decoder(llmsize__visitor *v) {
    const llmsize_model *m = v->m;
    uint32_t j, k;
    for (j = 0; j < m->enc.decoder_layers; ++j) {
        const uint32_t i = m->dims.layers + j;
        for (k = 0; k < 3u; ++k) llmsize__norm(v, LLMSIZE_COMPONENT_NORMS, i);
        llmsize__emit_attention(v, LLMSIZE_COMPONENT_ATTN, i);
        llmsize__emit_attention(v, LLMSIZE_COMPONENT_ATTN, i);
        llmsize__emit_ffn_block(v, LLMSIZE_COMPONENT_ATTN, i);
    }
    if (m->enc.decoder_layers)
        llmsize__norm(v, LLMSIZE_COMPONENT_NORMS, LLMSIZE__NOLAYER);
}

/* The head on the last hidden states (llmsize_head). Heads other than lm_head are small
   dense layers; they count as the output component. */
static void llmsize__emit_head(llmsize__visitor *v) {
    const llmsize_model *m = v->m;
    const uint64_t h = m->dims.hidden, vocab = m->dims.vocab;
    const int tied = (m->flags & LLMSIZE_F_TIED_EMBED) != 0;
    switch (m->enc.head) {
    case LLMSIZE_HEAD_LM:
        if (!tied) llmsize__put(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__T_OUTPUT, LLMSIZE__NOLAYER, h, vocab, 1, 0);
        return;
    case LLMSIZE_HEAD_POOLER:
    case LLMSIZE_HEAD_CLASSIFIER:
    case LLMSIZE_HEAD_MLM:
        llmsize__put(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, h, 1, 0);
        llmsize__vec(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__NOLAYER, h);
        break;
    default:
        return;
    }
    if (m->enc.head == LLMSIZE_HEAD_CLASSIFIER) {
        llmsize__put(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, m->enc.labels, 1, 0);
        llmsize__vec(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__NOLAYER, m->enc.labels);
    } else if (m->enc.head == LLMSIZE_HEAD_MLM) {
        llmsize__vec(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__NOLAYER, h);           /* LayerNorm      */
        llmsize__vec(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__NOLAYER, h);
        llmsize__vec(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__NOLAYER, vocab);       /* per-token bias */
        if (!tied) llmsize__put(v, LLMSIZE_COMPONENT_LM_HEAD, LLMSIZE__T_OUTPUT, LLMSIZE__NOLAYER, h, vocab, 1, 0);
    }
}

/* The blocks folded (llmsize__visitor.by_kind, .layer_key): layers grouped by kind (linear or
   attention, MoE or dense) and key, one visit per group with `copies` set to its size, in
   the order of each group's first layer. 0 when the fold does not apply or the layers fall
   into more groups than it keeps (then every layer is visited). */
#define LLMSIZE__NOGROUP 0xFFFFFFFFu
static int llmsize__enumerate_folded(llmsize__visitor *v) {
    const llmsize_model *m = v->m;
    const uint32_t fe = m->linear.full_every, every = m->moe.every;
    uint32_t key[LLMSIZE__MAX_GROUPS], count[LLMSIZE__MAX_GROUPS], groups = 0, g = 0;
    uint32_t fe_phase = 0, moe_phase = 0;   /* (i + 1) % full_every, (i + 1) % moe.every */
    llmsize__block first[LLMSIZE__MAX_GROUPS], at;
    v->group = LLMSIZE__NOGROUP;
    if (!v->by_kind && !v->layer_key) return 0;
    at.attention_before = 0;
    if (!v->layer_key && !fe && every <= 1) {   /* no linear layers; MoE (if any) from dense_first on */
        const uint32_t dense = !m->moe.experts ? m->dims.layers : m->moe.dense_first < m->dims.layers ? m->moe.dense_first : m->dims.layers;
        if (dense) { key[groups] = 0; first[groups].i = first[groups].attention_before = 0; first[groups].kind = 0; count[groups++] = dense; }
        if (dense < m->dims.layers) {
            key[groups] = LLMSIZE__BLOCK_MOE;
            first[groups].i = first[groups].attention_before = dense; first[groups].kind = LLMSIZE__BLOCK_MOE;
            count[groups++] = m->dims.layers - dense;
        }
        at.i = at.attention_before = m->dims.layers;
        at.kind = 0;
        if (v->group_of) {
            if (dense) memset(v->group_of, 0, dense);
            memset(v->group_of + dense, dense ? 1 : 0, m->dims.layers - dense);
        }
    }
    for (at.i = groups ? m->dims.layers : 0u; at.i < m->dims.layers; ++at.i) {   /* llmsize__is_linear_layer, _is_moe_layer, kept by count */
        uint32_t k;
        if (fe) fe_phase = fe_phase + 1u == fe ? 0u : fe_phase + 1u;
        if (every > 1) moe_phase = moe_phase + 1u == every ? 0u : moe_phase + 1u;
        at.kind = (fe && fe_phase != 0 ? (uint32_t)LLMSIZE__BLOCK_LINEAR : 0u) |
                  (m->moe.experts && at.i >= m->moe.dense_first && (every <= 1 || moe_phase == 0) ? (uint32_t)LLMSIZE__BLOCK_MOE : 0u);
        k = (v->layer_key ? v->layer_key(v, &at) : 0u) * 4u + at.kind;
        if (g >= groups || key[g] != k)   /* most blocks are of the group of the block before */
            for (g = 0; g < groups && key[g] != k; ++g) {}
        if (g == groups) {
            if (groups == LLMSIZE__MAX_GROUPS) return 0;
            key[g] = k; first[g] = at; count[g] = 0; ++groups;
        }
        ++count[g];
        if (v->group_of) v->group_of[at.i] = (uint8_t)g;
        if (!(at.kind & LLMSIZE__BLOCK_LINEAR)) ++at.attention_before;
    }
    for (g = 0; g < groups; ++g) {
        v->copies = count[g];
        v->group = g;
        if (v->at_layer) v->at_layer(v, &first[g]);
        llmsize__emit_layer(v, LLMSIZE_COMPONENT_ATTN, first[g].i);
    }
    v->copies = 0;
    v->group = LLMSIZE__NOGROUP;
    if (v->at_layer) v->at_layer(v, &at);   /* past the last block */
    return 1;
}

/* Every tensor of the model, in llama.cpp's order: embeddings, blocks, output. Encoders
   add their inputs, decoder and head; for BERT-style post-norm models the one hidden-size
   norm outside the blocks is the embedding LayerNorm rather than a final norm. */
static void llmsize__enumerate(llmsize__visitor *v) {
    const llmsize_model *m = v->m;
    const uint64_t h = m->dims.hidden, vocab = m->dims.vocab;
    uint32_t i, k;
    llmsize__put(v, LLMSIZE_COMPONENT_EMBED, LLMSIZE__T_TOKEN_EMBD, LLMSIZE__NOLAYER, h, vocab, 1, 0);
    llmsize__emit_inputs(v);
    if (!llmsize__enumerate_folded(v))
        for (i = 0; i < m->dims.layers; ++i) llmsize__emit_layer(v, LLMSIZE_COMPONENT_ATTN, i);
    llmsize__norm(v, LLMSIZE_COMPONENT_NORMS, LLMSIZE__NOLAYER);
    llmsize__emit_decoder(v);
    llmsize__emit_head(v);
    /* Multi-token prediction modules: a full decoder layer (typed like the last layer),
       the 2h->h projection, two input norms, a final norm, and in DeepSeek-style
       checkpoints their own embedding and head copies. */
    for (i = 0; i < m->extra.mtp_layers; ++i) {
        const uint32_t like = m->dims.layers ? m->dims.layers - 1 : 0;
        llmsize__emit_layer(v, LLMSIZE_COMPONENT_MTP, like);
        llmsize__put(v, LLMSIZE_COMPONENT_MTP, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, 2 * h, h, 1, 0);
        for (k = 0; k < 3u; ++k) llmsize__vec(v, LLMSIZE_COMPONENT_MTP, LLMSIZE__NOLAYER, h);   /* enorm, hnorm, head norm */
        if (m->flags & LLMSIZE_F_MTP_EMBED)
            llmsize__put(v, LLMSIZE_COMPONENT_MTP, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, h, 2 * vocab, 1, 0);
    }
    if (m->extra.vision_params)
        llmsize__put(v, LLMSIZE_COMPONENT_VISION, LLMSIZE__T_OTHER, LLMSIZE__NOLAYER, 1, m->extra.vision_params, 1, 0);
}

/* ---------------------------------------------------------------------------------- */
/* Validation                                                                         */
/* ---------------------------------------------------------------------------------- */
/* One rejected condition, one answer: the field and the rule it broke (sokol's _SG_VALIDATE). */
#define LLMSIZE__REQUIRE(cond, status, field_and_rule) \
    do { if (!(cond)) { if (why) *why = field_and_rule; return status; } } while (0)

LLMSIZE_API llmsize_status llmsize_model_check(const llmsize_model *m, const char **why) {
    const llmsize_dims *d;
    if (why) *why = NULL;
    LLMSIZE__REQUIRE(m, LLMSIZE_ERR_NULL, "model: NULL");
    d = &m->dims;
#define LLMSIZE__MODEL(cond, what) LLMSIZE__REQUIRE(cond, LLMSIZE_ERR_INVALID_MODEL, what)
    LLMSIZE__MODEL(d->vocab, "dims.vocab: must be > 0");
    LLMSIZE__MODEL(d->hidden, "dims.hidden: must be > 0");
    LLMSIZE__MODEL(d->layers, "dims.layers: must be > 0");
    /* per-layer work is a loop: bound it so hostile input cannot stall a caller */
    LLMSIZE__MODEL(d->layers <= LLMSIZE_MAX_LAYERS, "dims.layers: at most LLMSIZE_MAX_LAYERS");
    LLMSIZE__MODEL(m->extra.mtp_layers <= LLMSIZE_MAX_LAYERS, "extra.mtp_layers: at most LLMSIZE_MAX_LAYERS");
    /* a loop per layer: real models have 1 to 4 (Gemma's pre and post norms); bound it so a
       hostile row cannot stall a caller (UINT32_MAX took half an hour at 32 layers) */
    LLMSIZE__MODEL(m->extra.norms_per_layer <= LLMSIZE_MAX_NORMS_PER_LAYER, "extra.norms_per_layer: at most LLMSIZE_MAX_NORMS_PER_LAYER");
    if (m->mla.kv_lora_rank == 0) {
        LLMSIZE__MODEL(d->heads, "dims.heads: must be > 0");
        LLMSIZE__MODEL(d->kv_heads, "dims.kv_heads: must be > 0");
        LLMSIZE__MODEL(d->head_dim, "dims.head_dim: must be > 0");
        LLMSIZE__MODEL(d->kv_heads <= d->heads && d->heads % d->kv_heads == 0, "dims.kv_heads: must divide dims.heads");
    } else {
        LLMSIZE__MODEL(d->heads, "dims.heads: must be > 0");
        LLMSIZE__MODEL(m->mla.qk_rope_dim, "mla.qk_rope_dim: must be > 0 with mla.kv_lora_rank");
        LLMSIZE__MODEL(m->mla.v_head_dim, "mla.v_head_dim: must be > 0 with mla.kv_lora_rank");
    }
    LLMSIZE__MODEL(m->attn.kind <= LLMSIZE_ATTN_CHUNKED, "attn.kind: not an llmsize_attn_kind");
    LLMSIZE__MODEL(m->enc.head < LLMSIZE_HEAD_COUNT, "enc.head: not an llmsize_head");
    LLMSIZE__MODEL(m->enc.decoder_layers <= LLMSIZE_MAX_LAYERS, "enc.decoder_layers: at most LLMSIZE_MAX_LAYERS");
    LLMSIZE__MODEL((m->enc.head == LLMSIZE_HEAD_CLASSIFIER) == (m->enc.labels != 0),
                   "enc.labels: > 0 exactly when enc.head is LLMSIZE_HEAD_CLASSIFIER");
    LLMSIZE__MODEL((m->enc.mel_bins == 0) == (m->enc.audio_positions == 0),
                   "enc.audio_positions: > 0 exactly when enc.mel_bins is");
    LLMSIZE__MODEL(m->attn.kind == LLMSIZE_ATTN_FULL || m->attn.window, "attn.window: must be > 0 for sliding or chunked layers");
    if (m->moe.experts) {
        LLMSIZE__MODEL(m->moe.active, "moe.active: must be > 0 with moe.experts");
        LLMSIZE__MODEL(m->moe.active <= m->moe.experts, "moe.active: at most moe.experts");
        LLMSIZE__MODEL(m->moe.expert_ffn, "moe.expert_ffn: must be > 0 with moe.experts");
        LLMSIZE__MODEL(!m->moe.shared || m->moe.shared_ffn, "moe.shared_ffn: must be > 0 with moe.shared");
    } else {
        LLMSIZE__MODEL(!m->moe.active && !m->moe.shared, "moe.active, moe.shared: 0 without moe.experts");
    }
    LLMSIZE__MODEL(d->ffn || (m->moe.experts && !m->moe.dense_first && m->moe.every <= 1),
                   "dims.ffn: must be > 0 when any layer is dense");
    LLMSIZE__MODEL(!m->linear.full_every || (m->linear.k_heads && m->linear.v_heads && m->linear.k_dim &&
                                             m->linear.v_dim && m->linear.conv_kernel),
                   "linear.*: heads, head dims and conv_kernel must be > 0 with linear.full_every");
#undef LLMSIZE__MODEL
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_model_validate(const llmsize_model *m) { return llmsize_model_check(m, NULL); }

/* ---------------------------------------------------------------------------------- */
/* Parameters                                                                         */
/* ---------------------------------------------------------------------------------- */
typedef struct llmsize__count_visitor {
    llmsize__visitor base;
    uint64_t by_component[LLMSIZE_COMPONENT_COUNT];
    uint64_t inactive;       /* routed-expert parameters a token does not touch         */
} llmsize__count_visitor;

static void llmsize__count_emit(llmsize__visitor *v, const llmsize__tensor *t) {
    llmsize__count_visitor *c = (llmsize__count_visitor *)v;
    uint64_t n = llmsize__mul(llmsize__mul3(t->ne0, t->rows, t->mats, &v->overflow), t->copies, &v->overflow);
    c->by_component[t->cls] = llmsize__add(c->by_component[t->cls], n, &v->overflow);
    if (t->routed && t->cls != LLMSIZE_COMPONENT_MTP) {
        const uint64_t per = llmsize__mul3(t->ne0, t->rows, t->copies, &v->overflow);
        const uint64_t idle = llmsize__mul(per, (uint64_t)(v->m->moe.experts - v->m->moe.active), &v->overflow);
        c->inactive = llmsize__add(c->inactive, idle, &v->overflow);
    }
}

LLMSIZE_API llmsize_status llmsize_params_of(const llmsize_model *m, llmsize_params *out) {
    llmsize__count_visitor c;
    llmsize_status st;
    uint64_t text = 0;
    int k;
    if (out) memset(out, 0, sizeof *out);
    if (!m || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_model_validate(m)) != LLMSIZE_OK) return st;
    memset(&c, 0, sizeof c);
    c.base.emit = llmsize__count_emit;
    c.base.m = m;
    c.base.by_kind = 1;   /* a count reads no layer index */
    llmsize__enumerate(&c.base);
    for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k)
        if (k != LLMSIZE_COMPONENT_VISION && k != LLMSIZE_COMPONENT_MTP) text = llmsize__add(text, c.by_component[k], &c.base.overflow);
    if (c.base.overflow) return LLMSIZE_ERR_OVERFLOW;
    memcpy(out->by_component, c.by_component, sizeof out->by_component);
    out->text = text;
    out->total = text + LLMSIZE__PART(out, VISION) + LLMSIZE__PART(out, MTP);
    if (out->total < text) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_OVERFLOW; }
    out->active = text - c.inactive;
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Weights: GGUF per-tensor types (llama.cpp llama_tensor_get_type_impl)               */
/* ---------------------------------------------------------------------------------- */
/* ggml types (LLMSIZE_GGML_TYPES), indexed by their on-disk id. */
#define LLMSIZE__GGML_ROW(name, id, block, bytes, printed) { printed, block, bytes },
static const llmsize_ggml_type_info llmsize__ggml[LLMSIZE_GGML_TYPE_COUNT] = { LLMSIZE_GGML_TYPES(LLMSIZE__GGML_ROW) };
#undef LLMSIZE__GGML_ROW
#define LLMSIZE__G_COUNT LLMSIZE_GGML_TYPE_COUNT   /* "no type": the tensor keeps its default */

/* Default tensor type of each file type (llama_ftype_get_default_type), by LLMSIZE_FT_*. */
#define LLMSIZE__FT_DEFAULT(name, type, number, format) LLMSIZE_GGML_##type,
static const uint8_t llmsize__ft_default[LLMSIZE_FT_COUNT] = { LLMSIZE_GGUF_FILE_TYPES(LLMSIZE__FT_DEFAULT) };
#undef LLMSIZE__FT_DEFAULT

#define LLMSIZE__FTM(x) ((uint64_t)1 << LLMSIZE_FT_##x)
/* The very-low-bit family that llama.cpp handles in its own branch. */
#define LLMSIZE__FT_IQ12 (LLMSIZE__FTM(IQ2_XXS) | LLMSIZE__FTM(IQ2_XS) | LLMSIZE__FTM(IQ1_S) | \
                          LLMSIZE__FTM(IQ2_S) | LLMSIZE__FTM(IQ2_M) | LLMSIZE__FTM(IQ1_M))
#define LLMSIZE__FT_ALL ((((uint64_t)1) << LLMSIZE_FT_COUNT) - 1u)
#define LLMSIZE__FT_GENERAL (LLMSIZE__FT_ALL & ~LLMSIZE__FT_IQ12 & ~LLMSIZE__FTM(MXFP4_MOE))

/* Conditions of the per-tensor rules; i = layer (or attn_v index), n = their count. */
enum {
    LLMSIZE__RC_ALWAYS = 0,
    LLMSIZE__RC_GQA4,          /* n_head / n_head_kv >= 4                                */
    LLMSIZE__RC_GQA4_OR_E4,    /* ... or n_expert >= 4                                   */
    LLMSIZE__RC_E8,            /* n_expert == 8                                          */
    LLMSIZE__RC_MORE_BITS,     /* i < n/8 || i >= 7n/8 || (i - n/8) % 3 == 2             */
    LLMSIZE__RC_FIRST8,        /* i < n/8                                                */
    LLMSIZE__RC_FIRST16,       /* i < n/16                                               */
    LLMSIZE__RC_FIRST2,        /* i < 2                                                  */
    LLMSIZE__RC_FIRST4,        /* i < 4                                                  */
    LLMSIZE__RC_MIDDLE,        /* n/8 <= i < 7n/8                                        */
    LLMSIZE__RC_FIRST8_NOIMAT, /* i < n/8 and no importance matrix                       */
    LLMSIZE__RC_FIRST8_IMAT,   /* i < n/8 and an importance matrix                       */
    LLMSIZE__RC_NOIMAT,
    LLMSIZE__RC_IMAT,
    LLMSIZE__RC_FIRST8_OR_E8_MORE_BITS,
    LLMSIZE__RC_FALCON,        /* llama.cpp's Falcon-specific branch                     */
    LLMSIZE__RC_NOT_FALCON,
    LLMSIZE__RC_FALCON_FIRST16,
    LLMSIZE__RC_FALCON_MORE_BITS,
    LLMSIZE__RC_NOT_FALCON_OR_MORE_BITS,
    LLMSIZE__RC_NOT_FALCON_FIRST8
};

typedef struct llmsize__qrule { uint8_t cat, cond, type; uint64_t ftypes; } llmsize__qrule;

/* llama.cpp's if/else chain as data: for a tensor category, the first row whose file-type
   set and condition match gives the type; no match keeps the default type. Rows follow
   ggml-org/llama.cpp:src/llama-quant.cpp (llama_tensor_get_type_impl, 2026). */
static const llmsize__qrule llmsize__qrules[] = {
    /* very-low-bit branch (IQ1/IQ2) */
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4_OR_E4, LLMSIZE_GGML_Q4_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ2_S) | LLMSIZE__FTM(IQ2_M) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q2_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_GQA4_OR_E4, LLMSIZE_GGML_Q4_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ2_S) | LLMSIZE__FTM(IQ2_M) },
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q2_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_K, LLMSIZE__RC_E8, LLMSIZE_GGML_Q4_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ2_S) | LLMSIZE__FTM(IQ2_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8, LLMSIZE_GGML_Q2_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_E8, LLMSIZE_GGML_Q5_K, LLMSIZE__FT_IQ12 },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ2_XXS, LLMSIZE__FTM(IQ1_S) | LLMSIZE__FTM(IQ1_M) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ2_S) | LLMSIZE__FTM(IQ2_M) },
    /* attn_v (and fused qkv / kv_b, which llama.cpp treats alike) */
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q2_K) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q3_K, LLMSIZE__FTM(Q2_K) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q2_K_S) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_NOIMAT, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_XXS, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(IQ3_XS) | LLMSIZE__FTM(IQ3_S) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(IQ3_M) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_FIRST2, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q3_K_M) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_M) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q3_K_L) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_GQA4, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(IQ4_NL) | LLMSIZE__FTM(IQ4_XS) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_MORE_BITS, LLMSIZE_GGML_Q6_K, LLMSIZE__FTM(Q4_K_M) | LLMSIZE__FTM(Q5_K_M) },
    { LLMSIZE__T_ATTN_V, LLMSIZE__RC_FIRST4, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q4_K_S) },
    /* attn_k / attn_q */
    { LLMSIZE__T_ATTN_K, LLMSIZE__RC_E8, LLMSIZE_GGML_Q8_0, LLMSIZE__FT_GENERAL },
    { LLMSIZE__T_ATTN_K, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_XXS, LLMSIZE__FTM(IQ3_XS) },
    { LLMSIZE__T_ATTN_K, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ2_S, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_ATTN_Q, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ3_XXS, LLMSIZE__FTM(IQ3_XS) },
    { LLMSIZE__T_ATTN_Q, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_IQ2_S, LLMSIZE__FTM(IQ3_XXS) },
    /* ffn_down */
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q3_K, LLMSIZE__FTM(Q2_K) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q2_K_S) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q2_K, LLMSIZE__FTM(Q2_K_S) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8_NOIMAT, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_NOIMAT, LLMSIZE_GGML_Q3_K, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST16, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q3_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_NOT_FALCON_OR_MORE_BITS, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q3_K, LLMSIZE__FTM(Q3_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8_OR_E8_MORE_BITS, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(IQ3_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FALCON, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_L) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q3_K_L) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FALCON_FIRST16, LLMSIZE_GGML_Q6_K, LLMSIZE__FTM(Q4_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FALCON_MORE_BITS, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q4_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FALCON, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q4_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_MORE_BITS, LLMSIZE_GGML_Q6_K, LLMSIZE__FTM(Q4_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8_NOIMAT, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(IQ4_NL) | LLMSIZE__FTM(IQ4_XS) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_MORE_BITS, LLMSIZE_GGML_Q6_K, LLMSIZE__FTM(Q5_K_M) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_NOT_FALCON_FIRST8, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q4_K_S) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8_IMAT, LLMSIZE_GGML_Q4_1, LLMSIZE__FTM(Q4_0) },
    { LLMSIZE__T_FFN_DOWN, LLMSIZE__RC_FIRST8_IMAT, LLMSIZE_GGML_Q5_1, LLMSIZE__FTM(Q5_0) },
    /* attn_output */
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_FALCON, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_L) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_E8, LLMSIZE_GGML_Q5_K,
      LLMSIZE__FTM(Q2_K) | LLMSIZE__FTM(IQ3_XS) | LLMSIZE__FTM(IQ3_XXS) | LLMSIZE__FTM(Q3_K_S) |
      LLMSIZE__FTM(Q3_K_M) | LLMSIZE__FTM(IQ4_NL) | LLMSIZE__FTM(Q4_K_S) | LLMSIZE__FTM(Q4_K_M) |
      LLMSIZE__FTM(IQ3_S) | LLMSIZE__FTM(IQ3_M) | LLMSIZE__FTM(IQ4_XS) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_E8, LLMSIZE__G_COUNT /* keep */, LLMSIZE__FT_GENERAL },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_NOT_FALCON, LLMSIZE_GGML_Q3_K, LLMSIZE__FTM(Q2_K) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_NOT_FALCON, LLMSIZE_GGML_IQ3_S, LLMSIZE__FTM(IQ3_XXS) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_NOT_FALCON, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_M) | LLMSIZE__FTM(IQ3_M) },
    { LLMSIZE__T_ATTN_OUTPUT, LLMSIZE__RC_NOT_FALCON, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q3_K_L) },
    /* fused qkv */
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q4_K, LLMSIZE__FTM(Q3_K_M) | LLMSIZE__FTM(Q3_K_L) | LLMSIZE__FTM(IQ3_M) },
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q5_K, LLMSIZE__FTM(Q4_K_M) },
    { LLMSIZE__T_ATTN_QKV, LLMSIZE__RC_ALWAYS, LLMSIZE_GGML_Q6_K, LLMSIZE__FTM(Q5_K_M) },
    /* ffn_gate / ffn_up */
    { LLMSIZE__T_FFN_GATE, LLMSIZE__RC_MIDDLE, LLMSIZE_GGML_IQ3_XXS, LLMSIZE__FTM(IQ3_XS) },
    { LLMSIZE__T_FFN_UP, LLMSIZE__RC_MIDDLE, LLMSIZE_GGML_IQ3_XXS, LLMSIZE__FTM(IQ3_XS) }
};

/* An index condition as thresholds on its index x (llmsize__idx_holds). */
typedef struct llmsize__idx_test { uint32_t a, b; int m3, neg; } llmsize__idx_test;

typedef struct llmsize__qctx {
    const llmsize_model *m;
    uint32_t ftype;          /* LLMSIZE_FT_* (without the _L bit)                       */
    uint32_t q8_embed_out;   /* "_L" variant                                            */
    int imatrix;
    uint32_t n_attn_v;       /* attn_v-like tensors in the model                         */
    uint32_t i_attn_v;       /* attn_v-like tensors seen so far                          */
    /* the rules of this file type, per category, in table order (built once per model:
       a tensor then tries a handful of rows instead of the whole table) */
    uint8_t rules[LLMSIZE__T_F32][24];
    uint8_t n_rules[LLMSIZE__T_F32];
    int all_rules;           /* a category outgrew its list: try the whole table instead  */
    int native_mxfp4;        /* released with MXFP4 experts: every file type keeps them   */
    /* the conditions of this file type's rules that read a layer index, each with whether
       it reads the attn_v counter (attn_v, fused qkv) or the block's own index: a block's
       types follow from their truth values (llmsize__bytes_layer_key) */
    uint8_t idx_cond[8], idx_v[8];
    uint32_t n_idx;
    int idx_many;            /* more than idx_cond holds: blocks are typed one by one     */
    /* each of those conditions with its thresholds worked out for this model and count
       (llmsize__idx_compile), once the attn_v tensors are counted */
    llmsize__idx_test idx[8];
} llmsize__qctx;

/* Does a rule's condition read the layer index (or the attn_v counter)? */
static int llmsize__cond_reads_index(uint32_t cond) {
    switch (cond) {
    case LLMSIZE__RC_ALWAYS: case LLMSIZE__RC_GQA4: case LLMSIZE__RC_GQA4_OR_E4: case LLMSIZE__RC_E8:
    case LLMSIZE__RC_NOIMAT: case LLMSIZE__RC_IMAT: case LLMSIZE__RC_FALCON: case LLMSIZE__RC_NOT_FALCON:
        return 0;
    }
    return 1;
}

static void llmsize__qctx_rules(llmsize__qctx *q) {
    size_t r, k;
    memset(q->n_rules, 0, sizeof q->n_rules);
    q->all_rules = q->idx_many = 0;
    q->n_idx = 0;
    for (r = 0; r < LLMSIZE__COUNT(llmsize__qrules); ++r) {
        const llmsize__qrule *rule = &llmsize__qrules[r];
        const uint8_t v = rule->cat == LLMSIZE__T_ATTN_V || rule->cat == LLMSIZE__T_ATTN_QKV;
        if (rule->cat >= LLMSIZE__T_F32 || !((rule->ftypes >> q->ftype) & 1u)) continue;
        if (llmsize__cond_reads_index(rule->cond)) {
            for (k = 0; k < q->n_idx && !(q->idx_cond[k] == rule->cond && q->idx_v[k] == v); ++k) {}
            if (k == q->n_idx) {
                if (k == LLMSIZE__COUNT(q->idx_cond)) q->idx_many = 1;
                else { q->idx_cond[k] = (uint8_t)rule->cond; q->idx_v[k] = v; ++q->n_idx; }
            }
        }
        if (q->all_rules) continue;
        if (q->n_rules[rule->cat] == 24u) { q->all_rules = 1; continue; }
        q->rules[rule->cat][q->n_rules[rule->cat]++] = (uint8_t)r;
    }
}

static int llmsize__more_bits(uint32_t i, uint32_t n) {
    return i < n / 8 || i >= 7 * n / 8 || (i >= n / 8 && (i - n / 8) % 3 == 2);
}

static int llmsize__rule_holds(const llmsize__qctx *q, uint32_t cond, uint32_t i, uint32_t n) {
    const llmsize_model *m = q->m;
    const int gqa4 = m->dims.kv_heads && m->dims.heads >= 4u * (uint64_t)m->dims.kv_heads;   /* n_head / n_head_kv >= 4 */
    const int falcon = (m->flags & LLMSIZE_F_FALCON_QUANT) != 0;
    const int e8 = m->moe.experts == 8;
    switch (cond) {
    case LLMSIZE__RC_ALWAYS: return 1;
    case LLMSIZE__RC_GQA4: return gqa4;
    case LLMSIZE__RC_GQA4_OR_E4: return gqa4 || m->moe.experts >= 4;
    case LLMSIZE__RC_E8: return e8;
    case LLMSIZE__RC_MORE_BITS: return llmsize__more_bits(i, n);
    case LLMSIZE__RC_FIRST8: return i < n / 8;
    case LLMSIZE__RC_FIRST16: return i < n / 16;
    case LLMSIZE__RC_FIRST2: return i < 2;
    case LLMSIZE__RC_FIRST4: return i < 4;
    case LLMSIZE__RC_MIDDLE: return i >= n / 8 && i < 7 * n / 8;
    case LLMSIZE__RC_FIRST8_NOIMAT: return i < n / 8 && !q->imatrix;
    case LLMSIZE__RC_FIRST8_IMAT: return i < n / 8 && q->imatrix;
    case LLMSIZE__RC_NOIMAT: return !q->imatrix;
    case LLMSIZE__RC_IMAT: return q->imatrix;
    case LLMSIZE__RC_FIRST8_OR_E8_MORE_BITS: return i < n / 8 || (e8 && llmsize__more_bits(i, n));
    case LLMSIZE__RC_FALCON: return falcon;
    case LLMSIZE__RC_NOT_FALCON: return !falcon;
    case LLMSIZE__RC_FALCON_FIRST16: return falcon && i < n / 16;
    case LLMSIZE__RC_FALCON_MORE_BITS: return falcon && llmsize__more_bits(i, n);
    case LLMSIZE__RC_NOT_FALCON_OR_MORE_BITS: return !falcon || llmsize__more_bits(i, n);
    case LLMSIZE__RC_NOT_FALCON_FIRST8: return !falcon && i < n / 8;
    }
    return 0;
}

/* An index condition as thresholds on its index x: it holds when
   (x < a || x >= b || (m3 && x >= a && (x - a) % 3 == 2)) != neg, which is
   llmsize__rule_holds(q, cond, x, n) for every x below LLMSIZE__IDX_MAX. */
#define LLMSIZE__IDX_MAX 0xFFFFFFFFu
static llmsize__idx_test llmsize__idx_compile(const llmsize__qctx *q, uint32_t cond, uint32_t n) {
    const int falcon = (q->m->flags & LLMSIZE_F_FALCON_QUANT) != 0, e8 = q->m->moe.experts == 8;
    llmsize__idx_test t;
    t.a = 0; t.b = LLMSIZE__IDX_MAX; t.m3 = t.neg = 0;   /* never */
    switch (cond) {
    case LLMSIZE__RC_FALCON_MORE_BITS: if (!falcon) break; /* fall through */
    case LLMSIZE__RC_MORE_BITS: t.a = n / 8; t.b = 7 * n / 8; t.m3 = 1; break;
    case LLMSIZE__RC_FIRST8_NOIMAT: if (q->imatrix) break; /* fall through */
    case LLMSIZE__RC_FIRST8: t.a = n / 8; break;
    case LLMSIZE__RC_FIRST8_IMAT: if (q->imatrix) t.a = n / 8; break;
    case LLMSIZE__RC_NOT_FALCON_FIRST8: if (!falcon) t.a = n / 8; break;
    case LLMSIZE__RC_FALCON_FIRST16: if (!falcon) break; /* fall through */
    case LLMSIZE__RC_FIRST16: t.a = n / 16; break;
    case LLMSIZE__RC_FIRST2: t.a = 2; break;
    case LLMSIZE__RC_FIRST4: t.a = 4; break;
    case LLMSIZE__RC_MIDDLE: t.a = n / 8; t.b = 7 * n / 8; t.neg = 1; break;
    case LLMSIZE__RC_FIRST8_OR_E8_MORE_BITS: t.a = n / 8; if (e8) { t.b = 7 * n / 8; t.m3 = 1; } break;
    case LLMSIZE__RC_NOT_FALCON_OR_MORE_BITS:
        if (falcon) { t.a = n / 8; t.b = 7 * n / 8; t.m3 = 1; } else t.a = LLMSIZE__IDX_MAX;
        break;
    default: if (llmsize__rule_holds(q, cond, 0, n)) t.a = LLMSIZE__IDX_MAX; break;   /* reads no index */
    }
    return t;
}
static int llmsize__idx_holds(const llmsize__idx_test *t, uint32_t x) {
    return (x < t->a || x >= t->b || (t->m3 && x >= t->a && (x - t->a) % 3 == 2)) != t->neg;
}

static uint32_t llmsize__fallback(uint32_t type, uint64_t ne0) {
    if (ne0 % llmsize__ggml[type].block == 0) return type;
    switch (type) {
    case LLMSIZE_GGML_IQ1_S: case LLMSIZE_GGML_IQ1_M: case LLMSIZE_GGML_IQ2_XXS: case LLMSIZE_GGML_IQ2_XS:
    case LLMSIZE_GGML_IQ2_S: case LLMSIZE_GGML_IQ3_XXS: case LLMSIZE_GGML_IQ3_S: case LLMSIZE_GGML_IQ4_XS:
        type = LLMSIZE_GGML_IQ4_NL; break;
    case LLMSIZE_GGML_Q2_K: case LLMSIZE_GGML_Q3_K: case LLMSIZE_GGML_TQ1_0: case LLMSIZE_GGML_TQ2_0:
        type = LLMSIZE_GGML_Q4_0; break;
    case LLMSIZE_GGML_Q4_K: type = LLMSIZE_GGML_Q5_0; break;
    case LLMSIZE_GGML_Q5_K: type = LLMSIZE_GGML_Q5_1; break;
    case LLMSIZE_GGML_Q6_K: type = LLMSIZE_GGML_Q8_0; break;
    default: return LLMSIZE_GGML_F16;
    }
    return ne0 % llmsize__ggml[type].block == 0 ? type : (uint32_t)LLMSIZE_GGML_F16;
}

static int llmsize__is_iq12_or(uint32_t ft, uint64_t extra_mask) {
    return ((LLMSIZE__FT_IQ12 | extra_mask) >> ft) & 1u;
}

/* Output tensor, or the token embedding when tied to it. */
static uint32_t llmsize__gguf_output_type(const llmsize__qctx *q, uint64_t ne0) {
    const uint32_t def = llmsize__ft_default[q->ftype];
    if (q->q8_embed_out) return LLMSIZE_GGML_Q8_0;
    if (q->ftype == LLMSIZE_FT_MXFP4_MOE) return LLMSIZE_GGML_Q8_0;
    if ((q->m->flags & LLMSIZE_F_FALCON_QUANT) || ne0 % llmsize__ggml[def].block != 0) return LLMSIZE_GGML_Q8_0;
    if (llmsize__is_iq12_or(q->ftype, LLMSIZE__FTM(IQ3_XXS))) return LLMSIZE_GGML_Q5_K;
    return def == LLMSIZE_GGML_Q8_0 ? LLMSIZE_GGML_Q8_0 : LLMSIZE_GGML_Q6_K;
}

static uint32_t llmsize__gguf_embed_type(const llmsize__qctx *q) {
    const uint32_t ft = q->ftype;
    if (q->q8_embed_out || ft == LLMSIZE_FT_MXFP4_MOE) return LLMSIZE_GGML_Q8_0;
    if (ft == LLMSIZE_FT_IQ2_XXS || ft == LLMSIZE_FT_IQ2_XS || ft == LLMSIZE_FT_IQ1_S || ft == LLMSIZE_FT_IQ1_M)
        return LLMSIZE_GGML_Q2_K;
    if (ft == LLMSIZE_FT_IQ2_S || ft == LLMSIZE_FT_IQ2_M || ft == LLMSIZE_FT_IQ3_XXS) return LLMSIZE_GGML_IQ3_S;
    if (ft == LLMSIZE_FT_TQ1_0 || ft == LLMSIZE_FT_TQ2_0) return LLMSIZE_GGML_Q4_K;
    return llmsize__ft_default[ft];
}

/* The ggml type llama-quantize gives tensor t. */
static uint32_t llmsize__gguf_type(llmsize__qctx *q, const llmsize__tensor *t) {
    const llmsize_model *m = q->m;
    const uint32_t def = llmsize__ft_default[q->ftype];
    const int tied = (m->flags & LLMSIZE_F_TIED_EMBED) != 0;
    uint32_t type = def, i = t->layer, n = m->dims.layers;
    size_t r;
    if (t->cls == LLMSIZE_COMPONENT_VISION || t->cls == LLMSIZE_COMPONENT_MTP) return LLMSIZE__G_COUNT; /* not in the text GGUF, */
    if (t->cat == LLMSIZE__T_F32) return LLMSIZE_GGML_F32;                                  /* their norms neither   */
    /* gpt-oss: convert_hf_to_gguf.py writes the released MXFP4 experts as they are, whatever
       the outtype, and llama-quantize will not requantize them (published files of every type) */
    if (q->native_mxfp4 && t->routed && t->mats > 1) return LLMSIZE_GGML_MXFP4;
    if (llmsize__ggml[def].block == 1) return def;            /* F32/F16/BF16: no mixing */
    if (t->cat == LLMSIZE__T_OUTPUT || (tied && t->cat == LLMSIZE__T_TOKEN_EMBD)) {
        type = llmsize__gguf_output_type(q, t->ne0);
    } else if (q->ftype == LLMSIZE_FT_MXFP4_MOE) {
        type = t->mats > 1 ? LLMSIZE_GGML_MXFP4 : LLMSIZE_GGML_Q8_0;
    } else if (t->cat == LLMSIZE__T_TOKEN_EMBD) {
        type = llmsize__gguf_embed_type(q);
    } else {
        const int attn_v_like = t->cat == LLMSIZE__T_ATTN_V || t->cat == LLMSIZE__T_ATTN_QKV;
        const size_t n_try = q->all_rules ? LLMSIZE__COUNT(llmsize__qrules)
                           : t->cat < LLMSIZE__T_F32 ? (size_t)q->n_rules[t->cat] : 0u;
        if (attn_v_like) { i = q->i_attn_v; n = q->n_attn_v; }
        for (r = 0; r < n_try; ++r) {
            const llmsize__qrule *rule = &llmsize__qrules[q->all_rules ? r : q->rules[t->cat][r]];
            if (rule->cat != t->cat || !((rule->ftypes >> q->ftype) & 1u)) continue;
            if (!llmsize__rule_holds(q, rule->cond, i, n)) continue;
            if (rule->type != LLMSIZE__G_COUNT) type = rule->type;
            break;
        }
        /* bumps llama.cpp applies after the attn_v chain, outside the IQ1/IQ2 branch */
        if (t->cat == LLMSIZE__T_ATTN_V && !llmsize__is_iq12_or(q->ftype, 0)) {
            if (m->dims.layers == 80 && (type == LLMSIZE_GGML_Q3_K || type == LLMSIZE_GGML_Q4_K))
                type = LLMSIZE_GGML_Q5_K;   /* llama.cpp's LLM_TYPE_70B: 80-layer models */
            if (m->moe.experts == 8) type = LLMSIZE_GGML_Q8_0;
        }
        if (attn_v_like) q->i_attn_v++;
    }
    return llmsize__fallback(type, t->ne0);
}

/* ---------------------------------------------------------------------------------- */
/* Weights: byte folds                                                                */
/* ---------------------------------------------------------------------------------- */
typedef struct llmsize__bytes_visitor {
    llmsize__visitor base;
    const llmsize_format *fmt;
    llmsize__qctx q;
    uint64_t by_component[LLMSIZE_COMPONENT_COUNT];
    uint64_t inactive;
    uint32_t counting_attn_v;  /* first pass: count attn_v-like tensors only            */
    /* llama.cpp placement (only when `place`): layers below gpu_from_layer and the routed
       experts of layers from cpu_moe_from to below cpu_moe_to stay in host memory, as does token_embd; the
       output tensor goes to the GPU only when every layer does */
    int place, output_gpu;
    uint32_t gpu_from_layer, cpu_moe_from, cpu_moe_to;
    uint64_t host, host_read;  /* host_read: what decoding reads from host memory (not the
                                  embedding table, of which each token reads one row)     */
    llmsize_gguf_mix *mix;     /* GGUF: tally of tensors per ggml type (NULL: none)       */
    llmsize__host_table *table; /* where not NULL: the sums placement reads, filled        */
} llmsize__bytes_visitor;

static uint64_t llmsize__ggml_bytes(uint32_t type, uint64_t n, int *overflow) {
    return llmsize__mul(n / llmsize__ggml[type].block, llmsize__ggml[type].block_bytes, overflow);
}

static uint32_t llmsize__gpu_class_bit(uint32_t cls) {
    switch (cls) {
    case LLMSIZE_COMPONENT_ATTN: case LLMSIZE_COMPONENT_LINEAR_ATTN: return LLMSIZE_Q_ATTN;
    case LLMSIZE_COMPONENT_FFN_DENSE: case LLMSIZE_COMPONENT_SHARED_EXPERTS: return LLMSIZE_Q_FFN;
    case LLMSIZE_COMPONENT_EXPERTS: return LLMSIZE_Q_EXPERTS;
    case LLMSIZE_COMPONENT_EMBED: return LLMSIZE_Q_EMBED;
    case LLMSIZE_COMPONENT_LM_HEAD: return LLMSIZE_Q_LM_HEAD;
    case LLMSIZE_COMPONENT_MTP: return LLMSIZE_Q_ATTN | LLMSIZE_Q_FFN | LLMSIZE_Q_EXPERTS;
    }
    return 0;
}

/* Bytes of one matrix (ne0 x rows) in a GPU format. */
static uint64_t llmsize__gpu_matrix_bytes(const llmsize_format *f, uint64_t ne0, uint64_t rows, int *ov) {
    const uint64_t n = llmsize__mul(ne0, rows, ov);
    uint64_t b = llmsize__mul(n / 8u, f->bits, ov) + (n % 8u) * f->bits / 8u;
    if (f->group) {
        /* groups run along the input dimension of every row */
        const uint64_t gr = f->group_rows ? f->group_rows : 1u;
        const uint64_t groups = llmsize__mul((ne0 + f->group - 1) / f->group, (rows + gr - 1) / gr, ov);
        b = llmsize__add(b, llmsize__mul(groups, f->group_bits, ov) / 8u, ov);
    }
    b = llmsize__add(b, llmsize__mul(rows, f->row_bytes, ov), ov);
    b = llmsize__add(b, llmsize__mul(ne0, f->col_bytes, ov), ov);
    return llmsize__add(b, f->tensor_bytes, ov);
}

static int llmsize__on_host(const llmsize__bytes_visitor *b, const llmsize__tensor *t) {
    if (t->cls == LLMSIZE_COMPONENT_EMBED || t->cls == LLMSIZE_COMPONENT_VISION) return 1;
    if (t->layer != LLMSIZE__NOLAYER)
        return t->layer < b->gpu_from_layer || (t->routed && t->layer >= b->cpu_moe_from && t->layer < b->cpu_moe_to);
    return !b->output_gpu;   /* output norm and head */
}

/* What decoding reads of a tensor's bytes in host memory: a routed-expert tensor's active
   share (its matrices are the experts: the division is exact). */
static uint64_t llmsize__host_read_of(const llmsize_model *m, const llmsize__tensor *t, uint64_t bytes) {
    return t->routed ? bytes / (m->moe.experts ? m->moe.experts : 1u) * m->moe.active : bytes;
}

/* One tensor into the placement sums: `block` is its bytes in one block of its group. */
static void llmsize__host_record(llmsize__bytes_visitor *b, const llmsize__tensor *t, uint64_t block, uint64_t bytes) {
    llmsize__host_table *h = b->table;
    const llmsize_model *m = b->base.m;
    const uint32_t g = b->base.group;
    int *ov = &b->base.overflow;
    if (t->cls == LLMSIZE_COMPONENT_EMBED || t->cls == LLMSIZE_COMPONENT_VISION) {
        h->always = llmsize__add(h->always, bytes, ov);
    } else if (t->layer == LLMSIZE__NOLAYER) {
        h->out = llmsize__add(h->out, bytes, ov);
        if (t->cls != LLMSIZE_COMPONENT_MTP) h->out_read = llmsize__add(h->out_read, llmsize__host_read_of(m, t, bytes), ov);
    } else if (t->cls == LLMSIZE_COMPONENT_MTP && t->layer == (m->dims.layers ? m->dims.layers - 1u : 0u)) {
        if (t->routed) h->mtp_routed = llmsize__add(h->mtp_routed, bytes, ov);
        else h->mtp = llmsize__add(h->mtp, bytes, ov);
    } else if (g < LLMSIZE__MAX_GROUPS && t->layer < m->dims.layers) {
        uint64_t *sum = t->routed ? h->routed : h->block, *read = t->routed ? h->routed_read : h->block_read;
        sum[g] = llmsize__add(sum[g], block, ov);
        read[g] = llmsize__add(read[g], llmsize__host_read_of(m, t, block), ov);
    } else {
        h->state = -1;   /* a block outside the fold (a decoder layer, an unfolded model) */
    }
}

static void llmsize__bytes_emit(llmsize__visitor *v, const llmsize__tensor *t) {
    llmsize__bytes_visitor *b = (llmsize__bytes_visitor *)v;
    const llmsize_format *f = b->fmt;
    const uint64_t per = llmsize__mul(t->ne0, t->rows, &v->overflow);
    uint64_t bytes = 0, one = 0, block = 0;
    uint32_t type = LLMSIZE__G_COUNT;
    if (b->counting_attn_v) {
        if (t->cat == LLMSIZE__T_ATTN_V || t->cat == LLMSIZE__T_ATTN_QKV) b->q.n_attn_v += t->copies;
        return;
    }
    if (f->kind == LLMSIZE_FMT_GGUF) {
        type = llmsize__gguf_type(&b->q, t);   /* once: it counts attn_v tensors as it goes */
        if (type == LLMSIZE__G_COUNT) return;
        one = llmsize__ggml_bytes(type, per, &v->overflow);
    } else if (f->kind == LLMSIZE_FMT_FLOAT) {
        one = llmsize__mul(per, f->code, &v->overflow);   /* checkpoints store all at one width */
    } else {
        /* an MTP module's own embedding and head copies and its eh_proj stay 16-bit, as in
           DeepSeek-V3's FP8 checkpoint (its BF16 tensors, README_WEIGHTS.md) */
        const uint32_t layers = v->m->dims.layers;
        const int edge = f->code && t->layer != LLMSIZE__NOLAYER && t->cls != LLMSIZE_COMPONENT_MTP &&
                         (t->layer < f->code || t->layer >= (layers > f->code ? layers - f->code : 0u));
        const int quantized = t->cat != LLMSIZE__T_F32 && (f->quantizes & llmsize__gpu_class_bit(t->cls)) && !edge &&
                              !(t->cls == LLMSIZE_COMPONENT_MTP && t->layer == LLMSIZE__NOLAYER);
        one = quantized ? llmsize__gpu_matrix_bytes(f, t->ne0, t->rows, &v->overflow)
                        : llmsize__mul(per, f->other_bytes, &v->overflow);
    }
    if (b->table) block = llmsize__mul(one, t->mats, &v->overflow);
    one = llmsize__mul(one, t->copies, &v->overflow);   /* by_kind: this tensor in every layer of its kind */
    bytes = llmsize__mul(one, t->mats, &v->overflow);
    if (b->mix && type != LLMSIZE__G_COUNT) {
        const uint32_t id = type;
        b->mix->tensors[id] += t->copies;
        b->mix->n_tensors += t->copies;
        b->mix->bytes[id] = llmsize__add(b->mix->bytes[id], bytes, &v->overflow);
    }
    b->by_component[t->cls] = llmsize__add(b->by_component[t->cls], bytes, &v->overflow);
    if (t->routed && t->cls != LLMSIZE_COMPONENT_MTP)
        b->inactive = llmsize__add(b->inactive,
            llmsize__mul(one, (uint64_t)(v->m->moe.experts - v->m->moe.active), &v->overflow), &v->overflow);
    if (b->place && llmsize__on_host(b, t)) {
        b->host = llmsize__add(b->host, bytes, &v->overflow);
        if (t->cls != LLMSIZE_COMPONENT_EMBED && t->cls != LLMSIZE_COMPONENT_VISION && t->cls != LLMSIZE_COMPONENT_MTP)
            b->host_read = llmsize__add(b->host_read, llmsize__host_read_of(v->m, t, bytes), &v->overflow);
    }
    if (b->table) llmsize__host_record(b, t, block, bytes);
}

/* GGUF metadata: general keys plus the tokenizer (a string, a score and a type per
   token, and for BPE vocabularies a merge list of about the same length). Modelled as
   64 KiB + 40 bytes per vocabulary entry; see README "Weights". */
static uint64_t llmsize__gguf_metadata_bytes(const llmsize_model *m) {
    return 65536u + 40u * (uint64_t)m->dims.vocab;
}

/* attn_v-like tensors (attn_v, fused qkv) before a block: one per attention block that
   is not MLA (llmsize__emit_attention). */
static uint32_t llmsize__attn_v_before(const llmsize_model *m, const llmsize__block *at) {
    return m->mla.kv_lora_rank ? 0u : at->attention_before;
}
/* Everything a block's bytes read of its index: the truth of its GGUF rules' index
   conditions (at the block, or at its attn_v counter), a GPU format's 16-bit edge layers,
   and placement on the host. Blocks with the same key and kind have the same bytes. */
static uint32_t llmsize__bytes_layer_key(const llmsize__visitor *v, const llmsize__block *at) {
    const llmsize__bytes_visitor *b = (const llmsize__bytes_visitor *)v;
    const llmsize_model *m = v->m;
    const uint32_t n = m->dims.layers, edge = b->fmt->code, i = at->i;
    uint32_t key = 0, k;
    if (b->fmt->kind == LLMSIZE_FMT_GGUF) {
        const int has_v = !(at->kind & LLMSIZE__BLOCK_LINEAR) && !m->mla.kv_lora_rank;
        const uint32_t j = has_v ? llmsize__attn_v_before(m, at) : 0u;
        if (b->q.idx_many) return i;   /* every block its own */
        for (k = 0; k < b->q.n_idx; ++k) {
            const int holds = b->q.idx_v[k] ? has_v && llmsize__idx_holds(&b->q.idx[k], j) : llmsize__idx_holds(&b->q.idx[k], i);
            key |= (uint32_t)holds << k;
        }
    } else if (b->fmt->kind == LLMSIZE_FMT_GPU && edge) {
        key = i < edge || i >= (n > edge ? n - edge : 0u);
    }
    if (b->place) key |= (uint32_t)(i < b->gpu_from_layer) << 10 | (uint32_t)(i >= b->cpu_moe_from && i < b->cpu_moe_to) << 11;
    return key;
}
static void llmsize__bytes_at_layer(llmsize__visitor *v, const llmsize__block *at) {
    ((llmsize__bytes_visitor *)v)->q.i_attn_v = llmsize__attn_v_before(v->m, at);
}

static void llmsize__bytes_init(llmsize__bytes_visitor *b, const llmsize_model *m, const llmsize_format *f) {
    memset(b, 0, sizeof *b);
    b->base.emit = llmsize__bytes_emit;
    b->base.m = m;
    b->fmt = f;
    b->q.m = m;
    b->q.ftype = f->code & 0xFFu;
    b->q.q8_embed_out = (f->code & LLMSIZE_FT_Q8_EMBED_OUT) != 0;
    /* IQ1/IQ2/IQ3_XXS files cannot be made without an importance matrix */
    b->q.imatrix = llmsize__is_iq12_or(b->q.ftype, LLMSIZE__FTM(IQ3_XXS));
    b->q.native_mxfp4 = m->checkpoint_format && llmsize__eq_n(m->checkpoint_format, "mxfp4", 5);
    if (f->kind == LLMSIZE_FMT_GGUF && b->q.ftype < LLMSIZE_FT_COUNT) llmsize__qctx_rules(&b->q);
    /* float and GPU-format bytes read no layer index; GGUF types and a GPU format's 16-bit
       edge layers read it through the key (as placement does: it sets the key too) */
    b->base.by_kind = 1;
    if ((f->kind == LLMSIZE_FMT_GGUF && (b->q.n_idx || b->q.idx_many)) || (f->kind == LLMSIZE_FMT_GPU && f->code))
        b->base.layer_key = llmsize__bytes_layer_key;
    b->base.at_layer = llmsize__bytes_at_layer;
}

/* GGUF types depend on how many attn_v-like tensors there are: count them first (a count
   reads no layer index). */
static void llmsize__bytes_run(llmsize__bytes_visitor *b) {
    if (b->fmt->kind == LLMSIZE_FMT_GGUF) {
        uint32_t (*key)(const llmsize__visitor *, const llmsize__block *) = b->base.layer_key;
        uint32_t k;
        b->counting_attn_v = 1;
        b->base.layer_key = NULL;
        llmsize__enumerate(&b->base);
        b->base.layer_key = key;
        b->counting_attn_v = 0;
        b->q.i_attn_v = 0;
        for (k = 0; k < b->q.n_idx; ++k)
            b->q.idx[k] = llmsize__idx_compile(&b->q, b->q.idx_cond[k], b->q.idx_v[k] ? b->q.n_attn_v : b->base.m->dims.layers);
    }
    llmsize__enumerate(&b->base);
}

/* Start and end the placement sums beside a byte fold (llmsize__host_table). */
static void llmsize__host_start(llmsize__bytes_visitor *b, llmsize__host_table *h) {
    const llmsize_model *m = b->base.m;
    memset(h, 0, offsetof(llmsize__host_table, group));   /* the fold writes every block's group */
    h->state = -1;
    if (m->dims.layers > LLMSIZE__HOST_LAYERS || m->enc.decoder_layers) return;
    h->state = 0;
    b->table = h;
    b->base.group_of = h->group;
}
static void llmsize__host_end(llmsize__bytes_visitor *b) {
    uint64_t total = 0;
    int k, ov = b->base.overflow;
    for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k) total = llmsize__add(total, b->by_component[k], &ov);
    if (b->table) b->table->state = ov || b->table->state < 0 ? -1 : 1;   /* no placement's sum can wrap */
}

/* llmsize_weight_bytes, and where `table` is not NULL the placement sums beside it. */
static llmsize_status llmsize__weight_bytes_with(const llmsize_model *m, const llmsize_format *f, llmsize_weights *out,
                                                 llmsize__host_table *table) {
    llmsize__bytes_visitor b;
    llmsize_status st;
    uint64_t total = 0;
    int k;
    if (out) memset(out, 0, sizeof *out);
    if (!m || !f || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_model_validate(m)) != LLMSIZE_OK) return st;
    if (f->kind > LLMSIZE_FMT_GPU) return LLMSIZE_ERR_INVALID_ARG;
    if (f->kind == LLMSIZE_FMT_GGUF && (f->code & 0xFFu) >= LLMSIZE_FT_COUNT) return LLMSIZE_ERR_INVALID_ARG;
    if (f->kind == LLMSIZE_FMT_FLOAT && f->code != 2 && f->code != 4) return LLMSIZE_ERR_INVALID_ARG;
    if (f->kind == LLMSIZE_FMT_GPU && (f->bits == 0 || f->bits > 16 || f->other_bytes == 0)) return LLMSIZE_ERR_INVALID_ARG;
    llmsize__bytes_init(&b, m, f);
    if (table) llmsize__host_start(&b, table);
    llmsize__bytes_run(&b);
    llmsize__host_end(&b);
    for (k = 0; k < LLMSIZE_COMPONENT_COUNT; ++k) total = llmsize__add(total, b.by_component[k], &b.base.overflow);
    if (b.base.overflow) return LLMSIZE_ERR_OVERFLOW;
    memcpy(out->by_component, b.by_component, sizeof out->by_component);
    out->total = total;
    /* tokens read the decoder only: vision and MTP weights sit idle during decode */
    out->active = total - b.inactive - LLMSIZE__PART(out, VISION) - LLMSIZE__PART(out, MTP);
    out->file_bytes = total;
    if (f->kind == LLMSIZE_FMT_GGUF) {
        int ov = 0;
        out->file_bytes = llmsize__add(total, llmsize__gguf_metadata_bytes(m), &ov);
        if (ov) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_OVERFLOW; }
    }
    return LLMSIZE_OK;
}
LLMSIZE_API llmsize_status llmsize_weight_bytes(const llmsize_model *m, const llmsize_format *f, llmsize_weights *out) {
    return llmsize__weight_bytes_with(m, f, out, NULL);
}

LLMSIZE_API llmsize_status llmsize_gguf_mix_of(const llmsize_model *m, const llmsize_format *f, llmsize_gguf_mix *out) {
    llmsize__bytes_visitor b;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!m || !f || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_model_validate(m)) != LLMSIZE_OK) return st;
    if (f->kind != LLMSIZE_FMT_GGUF || (f->code & 0xFFu) >= LLMSIZE_FT_COUNT) return LLMSIZE_ERR_INVALID_ARG;
    llmsize__bytes_init(&b, m, f);
    b.mix = out;
    llmsize__bytes_run(&b);
    if (b.base.overflow) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_OVERFLOW; }
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Files: GGUF and safetensors headers, read exactly                                  */
/* ---------------------------------------------------------------------------------- */
LLMSIZE_API const char *llmsize_ggml_type_name(uint32_t type) {
    return type < (uint32_t)LLMSIZE_GGML_TYPE_COUNT ? llmsize__ggml[type].name : NULL;
}
LLMSIZE_API const llmsize_ggml_type_info *llmsize_ggml_type_info_of(uint32_t type) {
    return type < (uint32_t)LLMSIZE_GGML_TYPE_COUNT && llmsize__ggml[type].block ? &llmsize__ggml[type] : NULL;
}

/* general.file_type -> the table's format for it (LLMSIZE_GGUF_FILE_TYPES), so a file's
   prediction uses the same format. */
#define LLMSIZE__FT_NUMBER(name, type, number, format) { number, format },
static const struct { uint8_t ftype; const char *format; } llmsize__gguf_ftypes[LLMSIZE_FT_COUNT] = {
    LLMSIZE_GGUF_FILE_TYPES(LLMSIZE__FT_NUMBER)
};
#undef LLMSIZE__FT_NUMBER

/* Which component a tensor belongs to, from its name: GGUF names (token_embd, blk.N.ffn_up_exps, ...)
   and Hugging Face names (model.embed_tokens, mlp.experts.N.up_proj, ...). First match wins. */
static const struct { const char *needle; uint8_t cls; } llmsize__tensor_classes[] = {
    {"visual", LLMSIZE_COMPONENT_VISION}, {"vision", LLMSIZE_COMPONENT_VISION}, {"multi_modal_projector", LLMSIZE_COMPONENT_VISION},
    {"mm.", LLMSIZE_COMPONENT_VISION}, {"nextn", LLMSIZE_COMPONENT_MTP}, {"mtp", LLMSIZE_COMPONENT_MTP},
    {"norm", LLMSIZE_COMPONENT_NORMS}, {"ln_", LLMSIZE_COMPONENT_NORMS},
    {"shexp", LLMSIZE_COMPONENT_SHARED_EXPERTS}, {"shared_expert", LLMSIZE_COMPONENT_SHARED_EXPERTS},
    {"gate_inp", LLMSIZE_COMPONENT_ROUTER}, {"exp_probs", LLMSIZE_COMPONENT_ROUTER}, {"router", LLMSIZE_COMPONENT_ROUTER},
    {"mlp.gate.", LLMSIZE_COMPONENT_ROUTER}, {"block_sparse_moe.gate.", LLMSIZE_COMPONENT_ROUTER},
    {"_exps", LLMSIZE_COMPONENT_EXPERTS}, {"experts", LLMSIZE_COMPONENT_EXPERTS},
    {"ssm", LLMSIZE_COMPONENT_LINEAR_ATTN}, {"linear_attn", LLMSIZE_COMPONENT_LINEAR_ATTN},
    {"attn", LLMSIZE_COMPONENT_ATTN}, {"attention", LLMSIZE_COMPONENT_ATTN},
    {"ffn", LLMSIZE_COMPONENT_FFN_DENSE}, {"mlp", LLMSIZE_COMPONENT_FFN_DENSE}, {"feed_forward", LLMSIZE_COMPONENT_FFN_DENSE},
    {"token_embd", LLMSIZE_COMPONENT_EMBED}, {"embed_tokens", LLMSIZE_COMPONENT_EMBED}, {"wte", LLMSIZE_COMPONENT_EMBED},
    {"word_embeddings", LLMSIZE_COMPONENT_EMBED}, {"output.", LLMSIZE_COMPONENT_LM_HEAD}, {"lm_head", LLMSIZE_COMPONENT_LM_HEAD}
};
#define LLMSIZE__C_OTHER LLMSIZE_COMPONENT_COUNT

static int llmsize__tensor_class(const char *name, size_t n) {
    char buf[128];
    size_t i;
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (i = 0; i < n; ++i) buf[i] = (char)llmsize__lower((unsigned char)name[i]);   /* folded once: */
    buf[n] = '\0';
    for (i = 0; i < sizeof llmsize__tensor_classes / sizeof llmsize__tensor_classes[0]; ++i)   /* needles are lower case */
        if (strstr(buf, llmsize__tensor_classes[i].needle)) return llmsize__tensor_classes[i].cls;
    return LLMSIZE__C_OTHER;
}

/* Scales, zero points and group indices of quantized checkpoints hold no parameters. */
static int llmsize__is_scale(const char *name, size_t n) {
    static const char *const tails[] = { "scale", "scales", "scale_inv", "qzeros", "g_idx", "zeros", "_scale_2" };
    size_t i;
    for (i = 0; i < sizeof tails / sizeof tails[0]; ++i) {
        size_t t = strlen(tails[i]);
        if (n >= t && llmsize__eq_n_ci(name + n - t, tails[i], t)) return 1;
    }
    return 0;
}

typedef struct llmsize__file {
    const unsigned char *p;
    size_t len, at;
    llmsize_file_info *out;
    uint64_t by_bytes[LLMSIZE_COMPONENT_COUNT + 1], by_params[LLMSIZE_COMPONENT_COUNT + 1];
    int overflow;
} llmsize__file;

/* Room for n more bytes? If not, remember how far the header reaches. */
static int llmsize__need(llmsize__file *f, uint64_t n) {
    uint64_t want = (uint64_t)f->at + n, grow = (uint64_t)f->len + f->len / 2 + 4096;
    if (n <= (uint64_t)(f->len - f->at)) return 1;
    /* at least what the next item needs; at least 1.5x what we have, so a caller fetching
       what `needed` says reaches any header in a few round trips */
    f->out->needed = want > grow ? want : grow;
    return 0;
}
static uint64_t llmsize__le(const unsigned char *p, int bytes) {
    uint64_t v = 0;
    int i;
    for (i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

static void llmsize__file_add(llmsize__file *f, const char *name, size_t n, uint64_t bytes, uint64_t params) {
    int cls = llmsize__tensor_class(name, n);
    f->by_bytes[cls] = llmsize__add(f->by_bytes[cls], bytes, &f->overflow);
    if (!llmsize__is_scale(name, n)) f->by_params[cls] = llmsize__add(f->by_params[cls], params, &f->overflow);
}

static llmsize_status llmsize__file_finish(llmsize__file *f) {
    llmsize_file_info *o = f->out;
    uint64_t bytes = 0, params = 0;
    int k;
    for (k = 0; k <= LLMSIZE_COMPONENT_COUNT; ++k) {
        bytes = llmsize__add(bytes, f->by_bytes[k], &f->overflow);
        params = llmsize__add(params, f->by_params[k], &f->overflow);
    }
    if (f->overflow) return LLMSIZE_ERR_OVERFLOW;
    memcpy(o->bytes.by_component, f->by_bytes, sizeof o->bytes.by_component);
    memcpy(o->params.by_component, f->by_params, sizeof o->params.by_component);
    o->other_bytes = f->by_bytes[LLMSIZE__C_OTHER];
    o->bytes.total = o->bytes.file_bytes = bytes;
    o->params.total = params;
    o->params.text = params - LLMSIZE__PART(&o->params, VISION) - LLMSIZE__PART(&o->params, MTP);
    o->params.active = o->params.text;   /* experts per token come from the model, not the file */
    return LLMSIZE_OK;
}

/* ---- GGUF ---- */
typedef struct llmsize__gguf_meta {
    uint64_t u[32];           /* the numeric keys below, 0 = absent */
    uint64_t alignment, vocab_tokens;
    int has_file_type;
} llmsize__gguf_meta;
enum {
    LLMSIZE__GK_BLOCKS, LLMSIZE__GK_CTX, LLMSIZE__GK_EMBED, LLMSIZE__GK_FFN, LLMSIZE__GK_HEADS, LLMSIZE__GK_KV_HEADS,
    LLMSIZE__GK_KEY_LEN, LLMSIZE__GK_VALUE_LEN, LLMSIZE__GK_WINDOW, LLMSIZE__GK_EXPERTS, LLMSIZE__GK_EXPERTS_USED,
    LLMSIZE__GK_EXPERT_FFN, LLMSIZE__GK_SHARED, LLMSIZE__GK_SHARED_FFN, LLMSIZE__GK_DENSE_FIRST, LLMSIZE__GK_KV_LORA,
    LLMSIZE__GK_Q_LORA, LLMSIZE__GK_ROPE_DIM, LLMSIZE__GK_VOCAB, LLMSIZE__GK_NEXTN, LLMSIZE__GK_SWA_PATTERN,
    LLMSIZE__GK_KEY_LEN_MLA, LLMSIZE__GK_VALUE_LEN_MLA,
    LLMSIZE__GK_COUNT
};
/* "<arch>.<suffix>" keys llama.cpp writes (llama.cpp:src/llama-arch.cpp LLM_KV_NAMES). */
static const char *const llmsize__gguf_keys[LLMSIZE__GK_COUNT] = {
    "block_count", "context_length", "embedding_length", "feed_forward_length", "attention.head_count",
    "attention.head_count_kv", "attention.key_length", "attention.value_length", "attention.sliding_window",
    "expert_count", "expert_used_count", "expert_feed_forward_length", "expert_shared_count",
    "expert_shared_feed_forward_length", "leading_dense_block_count", "attention.kv_lora_rank",
    "attention.q_lora_rank", "rope.dimension_count", "vocab_size", "nextn_predict_layers",
    "attention.sliding_window_pattern",
    /* MLA as converters write it since llama.cpp stores the absorbed layout: key_length /
       value_length are then the latent (kv_lora_rank + rope, kv_lora_rank) and these the
       per-head query/key and value widths */
    "attention.key_length_mla", "attention.value_length_mla"
};

/* Keys and tensor names must be UTF-8 (GGUF and safetensors both say so): a header that
   is not is corrupt or hostile, not a model. */
static int llmsize__utf8(const char *s, uint64_t n) {
    const unsigned char *p = (const unsigned char *)s;
    uint64_t i = 0;
    while (i < n) {
        unsigned c = p[i], k, more = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
        if (more == 9 || c == 0xC0 || c == 0xC1 || c > 0xF4 || (more && i + more >= n)) return 0;
        for (k = 1; k <= more; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return 0;
        i += 1 + more;
    }
    return 1;
}

static int llmsize__gguf_string(llmsize__file *f, const char **s, uint64_t *n) {
    if (!llmsize__need(f, 8)) return 0;
    *n = llmsize__le(f->p + f->at, 8);
    f->at += 8;
    if (*n > ((uint64_t)1 << 32)) { f->overflow = 2; return 0; }          /* hostile length */
    if (!llmsize__need(f, *n)) return 0;
    *s = (const char *)f->p + f->at;
    f->at += (size_t)*n;
    return 1;
}

static const uint8_t llmsize__gguf_scalar[13] = { 1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8 };

/* Reads one value of `type`; numeric values land in *num (the largest element of an array). */
static int llmsize__gguf_value(llmsize__file *f, uint32_t type, uint64_t *num, uint64_t *count, int depth) {
    *num = 0;
    *count = 1;
    if (type > 12) { f->overflow = 2; return 0; }
    if (type == 8) { const char *s; uint64_t n; return llmsize__gguf_string(f, &s, &n); }
    if (type == 9) {
        uint32_t et;
        uint64_t n, i, v, c;
        if (depth > 2 || !llmsize__need(f, 12)) { if (depth > 2) f->overflow = 2; return 0; }
        et = (uint32_t)llmsize__le(f->p + f->at, 4);
        n = llmsize__le(f->p + f->at + 4, 8);
        f->at += 12;
        *count = n;
        if (et > 12) { f->overflow = 2; return 0; }
        if (et != 8 && et != 9) {   /* fixed-size elements: check the whole span at once */
            uint64_t w = llmsize__gguf_scalar[et], span = llmsize__mul(n, w, &f->overflow), best = 0;
            if (f->overflow || !llmsize__need(f, span)) return 0;
            if (et != 6 && et != 12)
                for (i = 0; i < n && i < 4096; ++i) {
                    v = llmsize__le(f->p + f->at + i * w, (int)w);
                    if (v > best) best = v;
                }
            *num = best;
            f->at += (size_t)span;
            return 1;
        }
        for (i = 0; i < n; ++i)
            if (!llmsize__gguf_value(f, et, &v, &c, depth + 1)) return 0;
        return 1;
    }
    if (!llmsize__need(f, llmsize__gguf_scalar[type])) return 0;
    if (type != 6 && type != 12) *num = llmsize__le(f->p + f->at, llmsize__gguf_scalar[type]);
    if (type == 1 || type == 3 || type == 5 || type == 11) { /* negative signed values read as absent */
        uint64_t sign = (uint64_t)1 << (8 * llmsize__gguf_scalar[type] - 1);
        if (*num & sign) *num = 0;
    }
    f->at += llmsize__gguf_scalar[type];
    return 1;
}

static void llmsize__gguf_key(llmsize__file *f, llmsize__gguf_meta *m, const char *key, uint64_t kn, uint64_t num,
                              uint64_t count, const char *str, uint64_t sn) {
    llmsize_file_info *o = f->out;
    size_t al = strlen(o->arch), k;
    if (kn == 20 && !memcmp(key, "general.architecture", 20) && str) {
        size_t n = sn < sizeof o->arch - 1 ? (size_t)sn : sizeof o->arch - 1;
        memcpy(o->arch, str, n);
        o->arch[n] = '\0';
    } else if (kn == 12 && !memcmp(key, "general.name", 12) && str) {
        size_t n = sn < sizeof o->name - 1 ? (size_t)sn : sizeof o->name - 1;
        memcpy(o->name, str, n);
        o->name[n] = '\0';
    } else if (kn == 17 && !memcmp(key, "general.alignment", 17)) m->alignment = num;
    else if (kn == 17 && !memcmp(key, "general.file_type", 17)) { o->file_type = (uint32_t)num; m->has_file_type = 1; }
    else if (kn == 21 && !memcmp(key, "tokenizer.ggml.tokens", 21)) m->vocab_tokens = count;
    else if (al && kn > al + 1 && !memcmp(key, o->arch, al) && key[al] == '.')
        for (k = 0; k < LLMSIZE__GK_COUNT; ++k)
            if (kn - al - 1 == strlen(llmsize__gguf_keys[k]) && !memcmp(key + al + 1, llmsize__gguf_keys[k], (size_t)(kn - al - 1)))
                m->u[k] = num;
}

/* The model the metadata describes (the same fields llama.cpp reads). */
static void llmsize__gguf_model(llmsize__file *f, const llmsize__gguf_meta *g, int has_output) {
    llmsize_model *m = &f->out->model;
    uint64_t heads = g->u[LLMSIZE__GK_HEADS], hidden = g->u[LLMSIZE__GK_EMBED];
    int k;
    memset(m, 0, sizeof *m);
    for (k = 0; k < LLMSIZE__GK_COUNT; ++k)   /* a dimension past 32 bits is no model: never truncate it into one */
        if (g->u[k] > 0xFFFFFFFFu) return;
    if (g->vocab_tokens > 0xFFFFFFFFu) return;
    m->id = m->name = m->family = "gguf";
    m->developer = m->country = m->released = m->license = m->hf_repos = m->source = m->published_source = "";
    m->modalities = LLMSIZE_MOD_TEXT;
    m->dims.vocab = (uint32_t)(g->u[LLMSIZE__GK_VOCAB] ? g->u[LLMSIZE__GK_VOCAB] : g->vocab_tokens);
    m->dims.hidden = (uint32_t)hidden;
    m->dims.layers = (uint32_t)g->u[LLMSIZE__GK_BLOCKS];
    m->dims.heads = (uint32_t)heads;
    m->dims.kv_heads = (uint32_t)(g->u[LLMSIZE__GK_KV_HEADS] ? g->u[LLMSIZE__GK_KV_HEADS] : heads);
    m->dims.head_dim = (uint32_t)(g->u[LLMSIZE__GK_KEY_LEN] ? g->u[LLMSIZE__GK_KEY_LEN] : (heads ? hidden / heads : 0));
    m->dims.ffn = (uint32_t)g->u[LLMSIZE__GK_FFN];
    m->dims.max_ctx = (uint32_t)g->u[LLMSIZE__GK_CTX];
    if (g->u[LLMSIZE__GK_WINDOW]) {
        m->attn.kind = LLMSIZE_ATTN_SLIDING;
        m->attn.window = (uint32_t)g->u[LLMSIZE__GK_WINDOW];
        m->attn.global_every = (uint32_t)g->u[LLMSIZE__GK_SWA_PATTERN];
    }
    if (g->u[LLMSIZE__GK_KV_LORA]) {
        m->mla.kv_lora_rank = (uint32_t)g->u[LLMSIZE__GK_KV_LORA];
        m->mla.q_lora_rank = (uint32_t)g->u[LLMSIZE__GK_Q_LORA];
        m->mla.qk_rope_dim = (uint32_t)g->u[LLMSIZE__GK_ROPE_DIM];
        if (g->u[LLMSIZE__GK_KEY_LEN_MLA]) {   /* the absorbed layout: per-head widths in the _mla keys */
            m->mla.qk_nope_dim = (uint32_t)(g->u[LLMSIZE__GK_KEY_LEN_MLA] - g->u[LLMSIZE__GK_ROPE_DIM]);
            m->mla.v_head_dim = (uint32_t)(g->u[LLMSIZE__GK_VALUE_LEN_MLA] ? g->u[LLMSIZE__GK_VALUE_LEN_MLA]
                                                                            : g->u[LLMSIZE__GK_VALUE_LEN]);
            m->dims.head_dim = (uint32_t)g->u[LLMSIZE__GK_KEY_LEN_MLA];
        } else {
            m->mla.qk_nope_dim = (uint32_t)(g->u[LLMSIZE__GK_KEY_LEN] - g->u[LLMSIZE__GK_ROPE_DIM]);
            m->mla.v_head_dim = (uint32_t)g->u[LLMSIZE__GK_VALUE_LEN];
        }
    }
    if (g->u[LLMSIZE__GK_EXPERTS]) {
        m->moe.experts = (uint32_t)g->u[LLMSIZE__GK_EXPERTS];
        m->moe.active = (uint32_t)g->u[LLMSIZE__GK_EXPERTS_USED];
        m->moe.expert_ffn = (uint32_t)(g->u[LLMSIZE__GK_EXPERT_FFN] ? g->u[LLMSIZE__GK_EXPERT_FFN] : g->u[LLMSIZE__GK_FFN]);
        m->moe.shared = (uint32_t)g->u[LLMSIZE__GK_SHARED];
        m->moe.shared_ffn = (uint32_t)(g->u[LLMSIZE__GK_SHARED_FFN] ? g->u[LLMSIZE__GK_SHARED_FFN] : m->moe.expert_ffn);
        m->moe.dense_first = (uint32_t)g->u[LLMSIZE__GK_DENSE_FIRST];
    }
    m->extra.mtp_layers = (uint32_t)g->u[LLMSIZE__GK_NEXTN];
    if (!has_output) m->flags |= LLMSIZE_F_TIED_EMBED;
    f->out->has_model = llmsize_model_validate(m) == LLMSIZE_OK;
    if (!f->out->has_model) memset(m, 0, sizeof *m);
}

LLMSIZE_API llmsize_status llmsize_read_gguf(const void *buf, size_t len, llmsize_file_info *out) {
    llmsize__file f;
    llmsize__gguf_meta g;
    uint64_t i, n_tensors, n_kv, kn, num, count;
    const char *key;
    uint64_t running = 0;     /* where the next tensor's data must start */
    int has_output = 0;
    if (!out) return LLMSIZE_ERR_NULL;
    memset(out, 0, sizeof *out);
    if (!buf) return LLMSIZE_ERR_NULL;
    memset(&f, 0, sizeof f);
    memset(&g, 0, sizeof g);
    f.p = (const unsigned char *)buf; f.len = len; f.out = out;
    out->kind = LLMSIZE_FILE_GGUF;
    if (!llmsize__need(&f, 24)) return LLMSIZE_ERR_TRUNCATED;
    if (memcmp(f.p, "GGUF", 4)) return LLMSIZE_ERR_PARSE;
    out->version = (uint32_t)llmsize__le(f.p + 4, 4);
    if (out->version != 2 && out->version != 3) return LLMSIZE_ERR_UNSUPPORTED;   /* v1 used 32-bit counts */
    n_tensors = llmsize__le(f.p + 8, 8);
    n_kv = llmsize__le(f.p + 16, 8);
    if (n_tensors > ((uint64_t)1 << 24) || n_kv > ((uint64_t)1 << 24)) return LLMSIZE_ERR_PARSE; /* hostile counts */
    out->n_tensors = n_tensors;
    out->n_metadata = n_kv;
    f.at = 24;
    g.alignment = 32;
    for (i = 0; i < n_kv; ++i) {
        uint32_t type;
        const char *str = NULL;
        uint64_t sn = 0;
        if (!llmsize__gguf_string(&f, &key, &kn)) break;
        if (kn == 0 || !llmsize__utf8(key, kn)) return LLMSIZE_ERR_PARSE;
        if (!llmsize__need(&f, 4)) break;
        type = (uint32_t)llmsize__le(f.p + f.at, 4);
        f.at += 4;
        if (type == 8) {
            if (!llmsize__gguf_string(&f, &str, &sn)) break;
            num = 0; count = 1;
        } else if (!llmsize__gguf_value(&f, type, &num, &count, 0)) break;
        llmsize__gguf_key(&f, &g, key, kn, num, count, str, sn);
    }
    if (i < n_kv) return f.overflow == 2 ? LLMSIZE_ERR_PARSE : f.overflow ? LLMSIZE_ERR_OVERFLOW : LLMSIZE_ERR_TRUNCATED;
    if (g.alignment == 0 || g.alignment > 65536 || (g.alignment & (g.alignment - 1))) return LLMSIZE_ERR_PARSE;
    for (i = 0; i < n_tensors; ++i) {
        const char *name;
        uint64_t nn, ne = 1, ne0 = 0, bytes, off;
        uint32_t dims, type, d;
        if (!llmsize__gguf_string(&f, &name, &nn) || !llmsize__need(&f, 4)) break;
        if (nn == 0 || !llmsize__utf8(name, nn)) return LLMSIZE_ERR_PARSE;
        dims = (uint32_t)llmsize__le(f.p + f.at, 4);
        f.at += 4;
        if (dims == 0 || dims > 4) return LLMSIZE_ERR_PARSE;                 /* GGML_MAX_DIMS */
        if (!llmsize__need(&f, (uint64_t)dims * 8 + 12)) break;
        for (d = 0; d < dims; ++d) {
            uint64_t v = llmsize__le(f.p + f.at + 8 * d, 8);
            if (d == 0) ne0 = v;
            ne = llmsize__mul(ne, v, &f.overflow);
        }
        f.at += (size_t)dims * 8;
        type = (uint32_t)llmsize__le(f.p + f.at, 4);
        off = llmsize__le(f.p + f.at + 4, 8);
        f.at += 12;
        if (type >= LLMSIZE_GGML_TYPE_COUNT || !llmsize__ggml[type].block) return LLMSIZE_ERR_UNSUPPORTED;
        if (ne0 % llmsize__ggml[type].block || off != running) return LLMSIZE_ERR_PARSE; /* misplaced or overlapping */
        bytes = llmsize__mul(ne / llmsize__ggml[type].block, llmsize__ggml[type].block_bytes, &f.overflow);
        running = llmsize__add(off, bytes, &f.overflow);
        running = llmsize__add(running, g.alignment - 1, &f.overflow) / g.alignment * g.alignment;
        if (f.overflow) return LLMSIZE_ERR_OVERFLOW;
        if (nn == 13 && !memcmp(name, "output.weight", 13)) has_output = 1;
        out->mix.tensors[type]++;
        out->mix.n_tensors++;
        out->mix.bytes[type] = llmsize__add(out->mix.bytes[type], bytes, &f.overflow);
        llmsize__file_add(&f, name, (size_t)nn, bytes, ne);
    }
    if (i < n_tensors) return f.overflow == 2 ? LLMSIZE_ERR_PARSE : LLMSIZE_ERR_TRUNCATED;
    out->header_bytes = ((uint64_t)f.at + g.alignment - 1) / g.alignment * g.alignment;
    llmsize__gguf_model(&f, &g, has_output);
    for (i = 0; i < sizeof llmsize__gguf_ftypes / sizeof llmsize__gguf_ftypes[0]; ++i)
        if (llmsize__gguf_ftypes[i].ftype == out->file_type && g.has_file_type)
            (void)llmsize_find_format(llmsize__gguf_ftypes[i].format, &out->format);
    return llmsize__file_finish(&f);
}

/* ---- safetensors: 8-byte little-endian length, then a JSON object ---- */
static const struct { const char *name; uint8_t bytes; uint8_t values_per_byte; } llmsize__st_dtypes[] = {
    {"F64", 8, 1}, {"F32", 4, 1}, {"F16", 2, 1}, {"BF16", 2, 1}, {"I64", 8, 1}, {"I32", 4, 1}, {"I16", 2, 1},
    {"I8", 1, 1}, {"U64", 8, 1}, {"U32", 4, 1}, {"U16", 2, 1}, {"U8", 1, 1}, {"BOOL", 1, 1}, {"F8_E4M3", 1, 1},
    {"F8_E5M2", 1, 1}, {"F8_E8M0", 1, 1}, {"E8M0", 1, 1}
};

/* A JSON cursor over the header: just what safetensors needs. */
static void llmsize__js_ws(llmsize__file *f) {
    while (f->at < f->len && (f->p[f->at] == ' ' || f->p[f->at] == '\n' || f->p[f->at] == '\r' || f->p[f->at] == '\t')) ++f->at;
}
static int llmsize__js_char(llmsize__file *f, char c) {
    llmsize__js_ws(f);
    if (f->at < f->len && f->p[f->at] == (unsigned char)c) { ++f->at; return 1; }
    return 0;
}
static int llmsize__js_string(llmsize__file *f, const char **s, size_t *n) {
    llmsize__js_ws(f);
    if (f->at >= f->len || f->p[f->at] != '"') return 0;
    *s = (const char *)f->p + ++f->at;
    while (f->at < f->len && f->p[f->at] != '"') {
        if (f->p[f->at] == '\\') ++f->at;
        ++f->at;
    }
    if (f->at >= f->len) return 0;
    *n = (size_t)((const char *)f->p + f->at - *s);
    ++f->at;
    return 1;
}
static int llmsize__js_u64(llmsize__file *f, uint64_t *v) {
    size_t start;
    llmsize__js_ws(f);
    start = f->at;
    *v = 0;
    while (f->at < f->len && f->p[f->at] >= '0' && f->p[f->at] <= '9') {
        uint64_t d = (uint64_t)(f->p[f->at] - '0');
        if (*v > (UINT64_MAX - d) / 10) { f->overflow = 1; return 0; }
        *v = *v * 10 + d;
        ++f->at;
    }
    return f->at > start;
}
/* Skips any JSON value (for __metadata__ and unknown fields); bounded nesting. */
static int llmsize__js_skip(llmsize__file *f, int depth) {
    const char *s;
    size_t n;
    uint64_t v;
    llmsize__js_ws(f);
    if (depth > 8 || f->at >= f->len) return 0;
    if (f->p[f->at] == '"') return llmsize__js_string(f, &s, &n);
    if (f->p[f->at] == '{' || f->p[f->at] == '[') {
        char close = f->p[f->at] == '{' ? '}' : ']';
        ++f->at;
        if (llmsize__js_char(f, close)) return 1;
        do {
            if (close == '}' && (!llmsize__js_string(f, &s, &n) || !llmsize__js_char(f, ':'))) return 0;
            if (!llmsize__js_skip(f, depth + 1)) return 0;
        } while (llmsize__js_char(f, ','));
        return llmsize__js_char(f, close);
    }
    if (f->p[f->at] == '-') ++f->at;
    if (llmsize__js_u64(f, &v)) return 1;
    while (f->at < f->len && ((f->p[f->at] >= 'a' && f->p[f->at] <= 'z') || f->p[f->at] == '.')) ++f->at; /* true/null */
    return 1;
}

/* One tensor entry: {"dtype": ..., "shape": [...], "data_offsets": [a, b]}. */
static int llmsize__st_tensor(llmsize__file *f, const char *name, size_t nn, uint64_t *end, uint64_t *dtype_counts) {
    const char *k, *dt = NULL;
    size_t kn, dn = 0, i;
    uint64_t shape = 1, a = 0, b = 0, v;
    int have_shape = 0, have_off = 0, di = -1;
    if (!llmsize__js_char(f, '{')) return 0;
    do {
        if (!llmsize__js_string(f, &k, &kn) || !llmsize__js_char(f, ':')) return 0;
        if (kn == 5 && !memcmp(k, "dtype", 5)) { if (!llmsize__js_string(f, &dt, &dn)) return 0; }
        else if (kn == 5 && !memcmp(k, "shape", 5)) {
            if (!llmsize__js_char(f, '[')) return 0;
            have_shape = 1;
            if (!llmsize__js_char(f, ']')) {
                do { if (!llmsize__js_u64(f, &v)) return 0; shape = llmsize__mul(shape, v, &f->overflow); }
                while (llmsize__js_char(f, ','));
                if (!llmsize__js_char(f, ']')) return 0;
            }
        } else if (kn == 12 && !memcmp(k, "data_offsets", 12)) {
            if (!llmsize__js_char(f, '[') || !llmsize__js_u64(f, &a) || !llmsize__js_char(f, ',') ||
                !llmsize__js_u64(f, &b) || !llmsize__js_char(f, ']')) return 0;
            have_off = 1;
        } else if (!llmsize__js_skip(f, 1)) return 0;
    } while (llmsize__js_char(f, ','));
    if (!llmsize__js_char(f, '}') || !dt || !have_shape || !have_off || b < a || f->overflow) return 0;
    for (i = 0; i < sizeof llmsize__st_dtypes / sizeof llmsize__st_dtypes[0]; ++i)
        if (strlen(llmsize__st_dtypes[i].name) == dn && !memcmp(dt, llmsize__st_dtypes[i].name, dn)) di = (int)i;
    if (di < 0) { f->overflow = 3; return 0; }                                  /* unknown dtype */
    if (llmsize__mul(shape, llmsize__st_dtypes[di].bytes, &f->overflow) != b - a) return 0; /* offsets vs shape */
    ++dtype_counts[di];
    if (b > *end) *end = b;
    /* packed 4-bit (MXFP4 *_blocks, AWQ/GPTQ qweight as I32, compressed-tensors weight_packed) hold
       several values per stored element: count the values, not the containers */
    v = shape;
    if (nn >= 7 && llmsize__eq_n_ci(name + nn - 7, "_blocks", 7)) v = llmsize__mul(shape, 2, &f->overflow);
    else if ((nn >= 7 && llmsize__eq_n_ci(name + nn - 7, "qweight", 7)) ||
             (nn >= 13 && llmsize__eq_n_ci(name + nn - 13, "weight_packed", 13)))
        v = llmsize__mul(shape, (uint64_t)llmsize__st_dtypes[di].bytes * 2, &f->overflow);
    llmsize__file_add(f, name, nn, b - a, v);
    return !f->overflow;
}

LLMSIZE_API llmsize_status llmsize_read_safetensors(const void *buf, size_t len, llmsize_file_info *out) {
    llmsize__file f;
    uint64_t hlen, end = 0, dtype_counts[sizeof llmsize__st_dtypes / sizeof llmsize__st_dtypes[0]], best = 0;
    size_t i;
    if (!out) return LLMSIZE_ERR_NULL;
    memset(out, 0, sizeof *out);
    if (!buf) return LLMSIZE_ERR_NULL;
    memset(&f, 0, sizeof f);
    memset(dtype_counts, 0, sizeof dtype_counts);
    f.p = (const unsigned char *)buf; f.out = out;
    out->kind = LLMSIZE_FILE_SAFETENSORS;
    if (len < 8) { out->needed = 8; return LLMSIZE_ERR_TRUNCATED; }
    hlen = llmsize__le(f.p, 8);
    if (hlen < 2 || hlen > ((uint64_t)100 << 20)) return LLMSIZE_ERR_PARSE;   /* the format caps headers at 100 MB */
    out->header_bytes = 8 + hlen;
    if (len - 8 < hlen) { out->needed = 8 + hlen; return LLMSIZE_ERR_TRUNCATED; }
    f.len = (size_t)(8 + hlen);
    f.at = 8;
    if (!llmsize__js_char(&f, '{')) return LLMSIZE_ERR_PARSE;
    if (!llmsize__js_char(&f, '}')) do {
        const char *name;
        size_t nn;
        if (!llmsize__js_string(&f, &name, &nn) || !llmsize__js_char(&f, ':') || !llmsize__utf8(name, nn))
            return LLMSIZE_ERR_PARSE;
        if (nn == 12 && !memcmp(name, "__metadata__", 12)) {
            if (!llmsize__js_skip(&f, 1)) return LLMSIZE_ERR_PARSE;
            ++out->n_metadata;
            continue;
        }
        if (!llmsize__st_tensor(&f, name, nn, &end, dtype_counts))
            return f.overflow == 1 ? LLMSIZE_ERR_OVERFLOW : f.overflow == 3 ? LLMSIZE_ERR_UNSUPPORTED : LLMSIZE_ERR_PARSE;
        ++out->n_tensors;
    } while (llmsize__js_char(&f, ','));
    if (!llmsize__js_char(&f, '}') && f.at < f.len) return LLMSIZE_ERR_PARSE;
    {   /* the data must be indexed without holes or overlaps: the spans add up to the last end */
        uint64_t sum = 0;
        int k;
        for (k = 0; k <= LLMSIZE_COMPONENT_COUNT; ++k) sum = llmsize__add(sum, f.by_bytes[k], &f.overflow);
        if (f.overflow) return LLMSIZE_ERR_OVERFLOW;
        if (sum != end) return LLMSIZE_ERR_PARSE;
    }
    for (i = 0; i < sizeof dtype_counts / sizeof dtype_counts[0]; ++i)
        if (dtype_counts[i] > best) { best = dtype_counts[i]; memcpy(out->dtype, llmsize__st_dtypes[i].name, strlen(llmsize__st_dtypes[i].name) + 1); }
    return llmsize__file_finish(&f);
}

/* Does table model m have the architecture a file's metadata describes? The fields that
   shape the weights: vocabulary, width, depth, attention heads, experts and their width, a
   dense feed-forward width when both say one, and the attention layout. Not compared: the
   context length (a conversion may write another), a feed-forward length the table keeps 0
   (all-MoE models whose converters still write the unused dense width: Qwen3 MoE,
   gpt-oss), and for MLA models the KV heads and key length, which newer conversions store
   in the absorbed layout (one KV head of kv_lora_rank + rope dims). */
static int llmsize__same_arch(const llmsize_model *m, const llmsize_model *f) {
    const llmsize_dims *a = &m->dims, *b = &f->dims;
    if (a->vocab != b->vocab || a->hidden != b->hidden || a->layers != b->layers || a->heads != b->heads) return 0;
    if (m->moe.experts != f->moe.experts || (m->moe.experts && m->moe.expert_ffn != f->moe.expert_ffn)) return 0;
    if (a->ffn && b->ffn && a->ffn != b->ffn) return 0;
    if (m->mla.kv_lora_rank || f->mla.kv_lora_rank)
        return m->mla.kv_lora_rank == f->mla.kv_lora_rank && m->mla.qk_rope_dim == f->mla.qk_rope_dim &&
               m->mla.qk_nope_dim == f->mla.qk_nope_dim && m->mla.v_head_dim == f->mla.v_head_dim;
    return a->kv_heads == b->kv_heads && a->head_dim == b->head_dim;
}

/* Letters and digits, lower case: "Meta Llama 3.1 8B Instruct" -> "metallama318binstruct". */
static void llmsize__squash(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (; s && *s && n + 1 < cap; ++s)
        if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) out[n++] = *s;
        else if (*s >= 'A' && *s <= 'Z') out[n++] = (char)(*s - 'A' + 'a');
    out[n] = '\0';
}

/* How much of a table model's name or id a file's general.name spells out (0: none). */
static size_t llmsize__name_hit(const llmsize_model *m, const char *file_name) {
    char f[128], a[128], b[128];
    size_t best = 0;
    llmsize__squash(file_name, f, sizeof f);
    llmsize__squash(m->name, a, sizeof a);
    llmsize__squash(m->id, b, sizeof b);
    if (*a && strstr(f, a)) best = strlen(a);
    if (*b && strstr(f, b) && strlen(b) > best) best = strlen(b);
    return best;
}

LLMSIZE_API llmsize_status llmsize_file_matches(const llmsize_file_info *fi, const llmsize_model **out, size_t cap,
                                                size_t *n_out) {
    size_t i, n = 0;
    if (n_out) *n_out = 0;
    if (!fi || !n_out || (cap && !out)) return LLMSIZE_ERR_NULL;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__models); ++i) {
        const llmsize_model *m = &llmsize__models[i];
        llmsize_params p;
        int same;
        if (fi->has_model) same = llmsize__same_arch(m, &fi->model);
        else same = fi->params.total && llmsize_params_of(m, &p) == LLMSIZE_OK &&
                    (p.total == fi->params.total || p.text == fi->params.total);
        if (!same) continue;
        if (n < cap) out[n] = m;
        ++n;
    }
    *n_out = n;
    return n ? LLMSIZE_OK : LLMSIZE_ERR_UNKNOWN_MODEL;
}

LLMSIZE_API llmsize_status llmsize_file_match(const llmsize_file_info *fi, const llmsize_model **out) {
    const llmsize_model *cand[64], *best = NULL;
    size_t n = 0, i, best_hit = 0, ties = 0;
    llmsize_status st;
    if (out) *out = NULL;
    if (!fi || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_file_matches(fi, cand, sizeof cand / sizeof cand[0], &n)) != LLMSIZE_OK) return st;
    if (n == 1) { *out = cand[0]; return LLMSIZE_OK; }
    /* several rows share the architecture (a model and its fine-tunes): the file's own name
       decides, the longest name it spells out; none or a tie is not guessed */
    for (i = 0; i < n && i < sizeof cand / sizeof cand[0]; ++i) {
        const size_t hit = llmsize__name_hit(cand[i], fi->name);
        if (hit > best_hit) { best = cand[i]; best_hit = hit; ties = 0; }
        else if (hit && hit == best_hit) ++ties;
    }
    if (!best || ties) return LLMSIZE_ERR_AMBIGUOUS;
    *out = best;
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_read_file(const void *buf, size_t len, llmsize_file_info *out) {
    if (!out) return LLMSIZE_ERR_NULL;
    if (!buf) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_NULL; }
    if (len < 4) { memset(out, 0, sizeof *out); out->needed = 8; return LLMSIZE_ERR_TRUNCATED; }
    if (!memcmp(buf, "GGUF", 4)) return llmsize_read_gguf(buf, len, out);
    return llmsize_read_safetensors(buf, len, out);
}

/* ---------------------------------------------------------------------------------- */
/* KV cache                                                                           */
/* ---------------------------------------------------------------------------------- */
/* Bytes of `n` cached values in a KV dtype (whole blocks). */
static uint64_t llmsize__kv_row_bytes(llmsize_kv_dtype d, uint64_t n, int *ov) {
    const uint64_t blk = llmsize__kv_dtypes[d].block;
    return llmsize__mul((n + blk - 1) / blk, llmsize__kv_dtypes[d].block_bytes, ov);
}

/* Per-token K+V bytes of one layer of attention, and per-sequence state bytes of one
   linear-attention layer (conv state + recurrent state at 16 bits). */
static uint64_t llmsize__kv_token_bytes(const llmsize_model *m, llmsize_kv_dtype d, int *ov) {
    if (m->mla.kv_lora_rank)   /* the compressed latent plus the shared rope key */
        return llmsize__kv_row_bytes(d, (uint64_t)m->mla.kv_lora_rank + m->mla.qk_rope_dim, ov);
    return 2u * llmsize__kv_row_bytes(d, (uint64_t)m->dims.kv_heads * m->dims.head_dim, ov);
}
static uint64_t llmsize__linear_state_bytes(const llmsize_model *m, int *ov) {
    const llmsize_linear_attn *la = &m->linear;   /* three 32-bit factors: checked, never wrapped */
    const uint64_t conv_dim = llmsize__add(llmsize__mul(2u * (uint64_t)la->k_heads, la->k_dim, ov),
                                           (uint64_t)la->v_heads * la->v_dim, ov);
    const uint64_t conv = llmsize__mul(conv_dim, la->conv_kernel ? la->conv_kernel - 1u : 0u, ov);
    const uint64_t rec = llmsize__mul((uint64_t)la->v_heads * la->k_dim, la->v_dim, ov);
    return llmsize__mul(2u, llmsize__add(conv, rec, ov), ov);
}

LLMSIZE_API llmsize_status llmsize_kv_bytes(const llmsize_model *m, uint64_t context, uint32_t seqs,
                                            llmsize_kv_dtype dtype, uint64_t *out) {
    llmsize_status st;
    uint64_t per_seq = 0, tok;
    int ov = 0;
    if (out) *out = 0;
    if (!m || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_model_validate(m)) != LLMSIZE_OK) return st;
    if ((unsigned)dtype >= (unsigned)LLMSIZE_KV_DTYPE_COUNT) return LLMSIZE_ERR_UNKNOWN_KV_DTYPE;
    if (context == 0 || seqs == 0) return LLMSIZE_ERR_INVALID_ARG;
    tok = llmsize__kv_token_bytes(m, dtype, &ov);
    if (m->flags & LLMSIZE_F_ENCODER) {
        /* an encoder caches nothing; an encoder-decoder's decoder caches its own tokens
           (self-attention, at most its position table) and, once, the encoder's output
           (cross-attention over audio_positions frames) */
        if (!m->enc.decoder_layers) return LLMSIZE_ERR_UNSUPPORTED;
        if (m->enc.positions && context > m->enc.positions) return LLMSIZE_ERR_INVALID_ARG;
        llmsize__sum kv = llmsize__sum_start(&ov);
        llmsize__sum_madd3(&kv, m->enc.decoder_layers, context, tok);                 /* self-attention  */
        llmsize__sum_madd3(&kv, m->enc.decoder_layers, m->enc.audio_positions, tok);  /* cross-attention */
        per_seq = kv.v;
        *out = llmsize__mul(per_seq, seqs, &ov);
        if (ov) { *out = 0; return LLMSIZE_ERR_OVERFLOW; }
        return LLMSIZE_OK;
    }
    {
        const llmsize__layer_counts c = llmsize__count_layers(m);
        const uint64_t local_span = m->attn.window < context ? m->attn.window : context;
        llmsize__sum kv = llmsize__sum_start(&ov);
        llmsize__sum_madd3(&kv, c.full, context, tok);            /* full attention: every token        */
        llmsize__sum_madd3(&kv, c.local, local_span, tok);        /* sliding / chunked: the window      */
        llmsize__sum_madd(&kv, c.linear, llmsize__linear_state_bytes(m, &ov));   /* linear attention: a state */
        per_seq = kv.v;
    }
    *out = llmsize__mul(per_seq, seqs, &ov);
    if (ov) { *out = 0; return LLMSIZE_ERR_OVERFLOW; }
    return LLMSIZE_OK;
}

/* Peak activations of one forward pass at inference. Tensors live only while their layer
   runs, so the peak is one layer's: the residual stream beside q, k, v and the attention
   output; then beside the FFN's intermediate (gate and up for gated FFNs). Eager attention
   also materialises the scores and their softmax, batch x heads x seq x seq each; SDPA and
   flash kernels keep none. 16-bit activations. */
LLMSIZE_API llmsize_status llmsize_activation_bytes(const llmsize_model *m, uint64_t batch, uint64_t seq,
                                                    int eager_attention, uint64_t *out) {
    llmsize_status st;
    uint64_t tokens, attn_w, ffn_w, attn, ffn, width;
    int ov = 0;
    if (out) *out = 0;
    if (!m || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_model_validate(m)) != LLMSIZE_OK) return st;
    if (batch == 0 || seq == 0) return LLMSIZE_ERR_INVALID_ARG;
    /* learned positions end the input: nothing longer can be encoded */
    if (m->enc.positions && !m->enc.mel_bins && seq > m->enc.positions) return LLMSIZE_ERR_INVALID_ARG;
    tokens = llmsize__mul(batch, seq, &ov);
    width = m->mla.kv_lora_rank ? (uint64_t)m->dims.heads * (m->mla.qk_nope_dim + m->mla.qk_rope_dim)
                                : (uint64_t)m->dims.heads * m->dims.head_dim;
    attn_w = 2u * (uint64_t)m->dims.hidden + 2u * width + 2u * (uint64_t)m->dims.kv_heads * m->dims.head_dim;
    ffn_w = m->dims.ffn ? m->dims.ffn
                        : (uint64_t)m->moe.expert_ffn * m->moe.active + (uint64_t)m->moe.shared_ffn * m->moe.shared;
    ffn_w = 2u * (uint64_t)m->dims.hidden + ffn_w * ((m->flags & LLMSIZE_F_NONGATED_MLP) ? 1u : 2u);
    attn = llmsize__mul(tokens, attn_w, &ov);
    if (eager_attention)
        attn = llmsize__add(attn, llmsize__mul(llmsize__mul(tokens, seq, &ov), 2u * (uint64_t)m->dims.heads, &ov), &ov);
    ffn = llmsize__mul(tokens, ffn_w, &ov);
    *out = llmsize__mul(attn > ffn ? attn : ffn, 2u, &ov);
    if (ov) { *out = 0; return LLMSIZE_ERR_OVERFLOW; }
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Speed                                                                              */
/* ---------------------------------------------------------------------------------- */
/* The tensor rate a format's matrix products run at. A GGUF file runs on llama.cpp, whose
   prompt matmuls are int8 (MMQ) or FP16 with FP16 accumulation (cuBLAS CUBLAS_COMPUTE_16F:
   ggml-org/llama.cpp@f6d77a1b:ggml/src/ggml-cuda/ggml-cuda.cu, ggml_cuda_op_mul_mat_cublas):
   the FP16-accumulate rate, which vendor sheets give as half the dense INT8 rate. A GeForce
   card's BF16/FP16 figure is its FP32-accumulate rate, half of that (an RTX 4090: 165 TFLOPS,
   INT8 661 TOPS); a workstation or datacenter part runs both at one rate (INT8 = 2 x BF16). */
static double llmsize__peak_tflops(const llmsize_gpu *a, const llmsize_format *f) {
    switch (f->kind == LLMSIZE_FMT_GPU ? f->compute : (uint32_t)LLMSIZE_COMPUTE_BF16) {
    case LLMSIZE_COMPUTE_FP4: if (a->fp4_tflops > 0) return a->fp4_tflops; /* fall through */
    case LLMSIZE_COMPUTE_FP8: if (a->fp8_tflops > 0) return a->fp8_tflops; break;
    case LLMSIZE_COMPUTE_INT8: if (a->int8_tops > 0) return a->int8_tops; break;
    default: break;
    }
    if (f->kind == LLMSIZE_FMT_GGUF && a->bf16_tflops > 0 && a->int8_tops / 2 > a->bf16_tflops) return a->int8_tops / 2;
    return a->bf16_tflops;
}

/* Expected distinct experts a batch of B tokens touches per layer when each picks k of
   E uniformly: E * (1 - (1 - k/E)^B). */
static double llmsize__experts_touched(const llmsize_model *m, uint32_t batch) {
    const double e = m->moe.experts, k = m->moe.active;
    if (m->moe.experts == 0) return 0.0;
    return e * (1.0 - llmsize__pow_int(1.0 - k / e, batch));
}

/* Attention FLOPs per token at a context: 2 matmuls (QK^T and PV) per head per layer. */
static double llmsize__attn_flops_per_token(const llmsize_model *m, uint64_t context) {
    double dims = m->mla.kv_lora_rank
        ? (double)m->dims.heads * (2.0 * m->mla.kv_lora_rank + m->mla.qk_rope_dim)
        : (double)m->dims.heads * 2.0 * m->dims.head_dim;
    const llmsize__layer_counts c = llmsize__count_layers(m);
    const uint64_t local_span = m->attn.window < context ? m->attn.window : context;
    return 2.0 * dims * ((double)c.full * (double)context + (double)c.local * (double)local_span);
}

/* Speed from weights and parameters already computed (plans pass theirs). */
LLMSIZE_API llmsize_status llmsize_speed_defaults(const llmsize_speed_request *req, llmsize_speed_request *out) {
    if (out) memset(out, 0, sizeof *out);
    if (!req || !out) return LLMSIZE_ERR_NULL;
    *out = *req;
    if (!out->gpus) out->gpus = 1u;
    if (!out->seqs) out->seqs = 1u;
    if (!out->prompt) out->prompt = LLMSIZE_DEFAULT_PROMPT;
    if (!out->gen) out->gen = LLMSIZE_DEFAULT_GEN;
    return LLMSIZE_OK;
}

static llmsize_status llmsize__speed_with(const llmsize_speed_request *req, const llmsize_weights *wp,
                                          const llmsize_params *pp, llmsize_speed_result *out) {
    const llmsize_weights w = *wp;
    const llmsize_params p = *pp;
    llmsize_status st;
    const llmsize_efficiency *eff;
    uint64_t kv = 0, prompt, gen, moved;
    uint32_t batch, n;
    double bw, tflops, expert_bytes, touched, t_mem, t_cmp, flops, step, prefill_flops;
    if (out) memset(out, 0, sizeof *out);
    if (!req || !out || !req->model || !req->format || !req->gpu) return LLMSIZE_ERR_NULL;
    {
        llmsize_speed_request d;
        (void)llmsize_speed_defaults(req, &d);
        batch = d.seqs; n = d.gpus; prompt = d.prompt; gen = d.gen;
    }
    if (batch > 1000000u || n > 4096u) return LLMSIZE_ERR_INVALID_ARG;
    if (!llmsize__finite_pos(req->gpu->bw_gbs)) return LLMSIZE_ERR_INVALID_ARG;
    if ((unsigned)req->kv_dtype >= (unsigned)LLMSIZE_KV_DTYPE_COUNT) return LLMSIZE_ERR_UNKNOWN_KV_DTYPE;
    eff = llmsize_efficiency_for(req->gpu);
    if (!eff) return LLMSIZE_ERR_INVALID_ARG;
    /* an encoder produces no tokens one by one: nothing to time per token */
    if (req->model->flags & LLMSIZE_F_ENCODER) return LLMSIZE_ERR_UNSUPPORTED;
    {
        st = llmsize_kv_bytes(req->model, req->context ? req->context : prompt, batch,
                              (llmsize_kv_dtype)req->kv_dtype, &kv);
        if (st != LLMSIZE_OK) return st;
    }
    /* bytes read per decode step: every non-expert weight once, the routed experts
       the batch touches, and every sequence's KV cache. The token embedding is a lookup
       (one row per token) unless the output projection shares it. */
    expert_bytes = (double)LLMSIZE__PART(&w, EXPERTS) / (req->model->moe.experts ? req->model->moe.experts : 1u);
    touched = llmsize__experts_touched(req->model, batch);
    moved = w.total - LLMSIZE__PART(&w, EXPERTS) - LLMSIZE__PART(&w, VISION) - LLMSIZE__PART(&w, MTP);
    if (!(req->model->flags & LLMSIZE_F_TIED_EMBED)) moved -= LLMSIZE__PART(&w, EMBED);
    {   /* checked: a KV cache near 2^64 bytes must not wrap into a fast step */
        int ov = 0;
        const double routed = expert_bytes * touched;   /* at most the experts' bytes: fits 64 bits */
        out->bytes_per_step = llmsize__add(llmsize__add(moved, (uint64_t)routed, &ov), kv, &ov);
        if (ov) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_OVERFLOW; }
    }
    bw = req->gpu->bw_gbs * 1e9 * n;
    tflops = llmsize__peak_tflops(req->gpu, req->format) * 1e12 * n;
    t_mem = ((double)(out->bytes_per_step - kv) + eff->kv_cost * (double)kv) / bw;
    flops = (2.0 * (double)p.active + llmsize__attn_flops_per_token(req->model, req->context)) * batch;
    /* no published tensor throughput (Apple GPUs): decode is taken as bandwidth-bound and
       TTFT is left at 0 = unknown */
    t_cmp = tflops > 0 ? flops / (tflops * eff->expected) : 0.0;
    /* a step: its bytes at the class's share of peak bandwidth (a KV byte costing kv_cost of
       them), plus a fixed cost per layer */
    step = t_mem / eff->expected + (double)req->model->dims.layers * eff->layer_us * 1e-6;
    out->compute_bound = t_cmp > step ? 1.0 : 0.0;
    if (t_cmp > step) step = t_cmp;
    out->decode_tps = 1.0 / step;
    out->decode_tps_low = out->decode_tps * eff->low;     /* where measurements fall */
    out->decode_tps_high = out->decode_tps * eff->high;
    out->decode_tps_total = out->decode_tps * batch;
    /* prefill is compute-bound: 2 FLOPs per active parameter per token plus causal
       attention over the prompt, at the class's MFU */
    prefill_flops = 2.0 * (double)p.active * (double)prompt +
                    llmsize__attn_flops_per_token(req->model, prompt) * (double)prompt / 2.0;
    if (tflops > 0) {
        out->ttft_s = prefill_flops / (tflops * eff->prefill_mfu);
        if (out->ttft_s < (double)w.active / bw) out->ttft_s = (double)w.active / bw;
    }
    out->e2e_s = out->ttft_s + step * (double)(gen - 1u);
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_speed(const llmsize_speed_request *req, llmsize_speed_result *out) {
    llmsize_weights w;
    llmsize_params p;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!req || !out || !req->model || !req->format || !req->gpu) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_weight_bytes(req->model, req->format, &w)) != LLMSIZE_OK) return st;
    if ((st = llmsize_params_of(req->model, &p)) != LLMSIZE_OK) return st;
    return llmsize__speed_with(req, &w, &p, out);
}

/* ---------------------------------------------------------------------------------- */
/* Fit                                                                                */
/* ---------------------------------------------------------------------------------- */
/* What one accelerator offers a model: its usable share of memory (unified memory leaves
   the rest to the system). */
/* What a plan needs of its accelerator (llmsize_plan_check blames each field on its own;
   llmsize_prepared_fit checks an accelerator given per fit with this). */
static int llmsize__gpu_valid(const llmsize_gpu *a) { return a->usable_pct > 0 && a->usable_pct <= 100u && a->mem_bytes > 0; }
static uint64_t llmsize__usable(const llmsize_gpu *a) {
    return a->mem_bytes / 100u * a->usable_pct + a->mem_bytes % 100u * a->usable_pct / 100u;
}
/* The tight verdict, once: headroom below tight_pct % of what is usable. */
static uint64_t llmsize__tight_below(uint64_t usable, uint32_t tight_pct) { return usable / 100u * tight_pct; }
static int llmsize__is_tight(int64_t headroom, uint64_t usable, uint32_t tight_pct) {
    return headroom >= 0 && (uint64_t)headroom < llmsize__tight_below(usable, tight_pct);
}
/* usable - total, signed; 0 with *ov set where either passes INT64_MAX. */
static int64_t llmsize__headroom(uint64_t total, uint64_t usable, int *ov) {
    if (total > (uint64_t)INT64_MAX || usable > (uint64_t)INT64_MAX) { *ov = 1; return 0; }
    return (int64_t)usable - (int64_t)total;
}

LLMSIZE_API llmsize_status llmsize_fit_defaults(const llmsize_fit_request *req, llmsize_fit_request *out) {
    if (out) memset(out, 0, sizeof *out);
    if (!req || !out) return LLMSIZE_ERR_NULL;
    *out = *req;
    if (!out->gpus) out->gpus = 1u;
    if (!out->seqs) out->seqs = 1u;
    if (!out->context)   /* an encoder's inputs default to its longest; a decoder's to 8K */
        out->context = req->model && (req->model->flags & LLMSIZE_F_ENCODER) && req->model->dims.max_ctx
                     ? req->model->dims.max_ctx : LLMSIZE_DEFAULT_CONTEXT;
    if (!out->tight_pct) out->tight_pct = LLMSIZE_DEFAULT_TIGHT_PCT;
    return LLMSIZE_OK;
}

/* What a fit holds on any accelerator beside the weights: the KV cache of its decoder
   layers and, for an encoder, the activations of one batch of `seqs` inputs (SDPA
   attention; an audio encoder always sees all its frames). */
static llmsize_status llmsize__fit_parts(const llmsize_model *m, uint64_t ctx, uint32_t seqs, uint32_t kv_dtype,
                                         uint64_t *kv, uint64_t *act) {
    llmsize_status st;
    *kv = *act = 0;
    if (!(m->flags & LLMSIZE_F_ENCODER) || m->enc.decoder_layers)
        if ((st = llmsize_kv_bytes(m, ctx, seqs, (llmsize_kv_dtype)kv_dtype, kv)) != LLMSIZE_OK) return st;
    if (m->flags & LLMSIZE_F_ENCODER)
        if ((st = llmsize_activation_bytes(m, seqs, m->enc.mel_bins ? m->enc.audio_positions : ctx, 0, act)) != LLMSIZE_OK)
            return st;
    return LLMSIZE_OK;
}
static llmsize_status llmsize__fit_figures(uint64_t weights, uint64_t kv, uint64_t act, uint64_t overhead_one, uint32_t n,
                                           uint64_t usable_one, uint32_t tight, llmsize_fit_result *out);

/* llmsize_fit, with the weights when the caller has them (a plan's cache) */
static llmsize_status llmsize__fit_with(const llmsize_fit_request *req, const llmsize_weights *cached, llmsize_fit_result *out) {
    llmsize_weights w;
    llmsize_status st;
    uint64_t ctx, kv, act;
    uint32_t n, seqs, tight;
    if (out) memset(out, 0, sizeof *out);
    if (!req || !out || !req->model || !req->format || !req->gpu) return LLMSIZE_ERR_NULL;
    {
        llmsize_fit_request d;
        (void)llmsize_fit_defaults(req, &d);
        n = d.gpus; seqs = d.seqs; ctx = d.context; tight = d.tight_pct;
    }
    if (n > 4096u || tight > 100u || req->gpu->usable_pct == 0 || req->gpu->usable_pct > 100u)
        return LLMSIZE_ERR_INVALID_ARG;
    if (cached) w = *cached;
    else if ((st = llmsize_weight_bytes(req->model, req->format, &w)) != LLMSIZE_OK) return st;
    if ((st = llmsize__fit_parts(req->model, ctx, seqs, req->kv_dtype, &kv, &act)) != LLMSIZE_OK) return st;
    return llmsize__fit_figures(w.total, kv, act, req->overhead_bytes, n, llmsize__usable(req->gpu), tight, out);
}

LLMSIZE_API llmsize_status llmsize_fit(const llmsize_fit_request *req, llmsize_fit_result *out) {
    return llmsize__fit_with(req, NULL, out);
}

/* llmsize__fit_with's verdict over its parts on accelerators of `usable_one` bytes each. */
static llmsize_status llmsize__fit_figures(uint64_t weights, uint64_t kv, uint64_t act, uint64_t overhead_one, uint32_t n,
                                           uint64_t usable_one, uint32_t tight, llmsize_fit_result *out) {
    int ov = 0;
    const uint64_t overhead = llmsize__mul(overhead_one, n, &ov);
    memset(out, 0, sizeof *out);
    out->weight_bytes = weights;
    out->kv_bytes = kv;
    out->overhead_bytes = overhead;
    out->activation_bytes = act;
    out->total_bytes = llmsize__add(llmsize__add(llmsize__add(weights, kv, &ov), act, &ov), overhead, &ov);
    out->usable_bytes = llmsize__mul(usable_one, n, &ov);
    out->headroom_bytes = llmsize__headroom(out->total_bytes, out->usable_bytes, &ov);
    if (ov) {
        memset(out, 0, sizeof *out);
        return LLMSIZE_ERR_OVERFLOW;
    }
    out->fits = out->headroom_bytes >= 0;
    out->tight = llmsize__is_tight(out->headroom_bytes, out->usable_bytes, tight);
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* A model from a Hugging Face config.json                                            */
/* ---------------------------------------------------------------------------------- */
/* The config keys llmsize reads, by slot. Values in "text_config" (multimodal configs)
   win over top-level ones. */
enum {
    LLMSIZE__K_VOCAB = 0, LLMSIZE__K_HIDDEN, LLMSIZE__K_LAYERS, LLMSIZE__K_HEADS, LLMSIZE__K_KV_HEADS,
    LLMSIZE__K_HEAD_DIM, LLMSIZE__K_FFN, LLMSIZE__K_MAX_CTX, LLMSIZE__K_TIE, LLMSIZE__K_ATTN_BIAS,
    LLMSIZE__K_MLP_BIAS, LLMSIZE__K_WINDOW, LLMSIZE__K_USE_WINDOW, LLMSIZE__K_WINDOW_PATTERN, LLMSIZE__K_CHUNK,
    LLMSIZE__K_EXPERTS, LLMSIZE__K_ACTIVE, LLMSIZE__K_EXPERT_FFN, LLMSIZE__K_SHARED, LLMSIZE__K_SHARED_FFN,
    LLMSIZE__K_DENSE_FIRST, LLMSIZE__K_MOE_EVERY, LLMSIZE__K_Q_LORA, LLMSIZE__K_KV_LORA, LLMSIZE__K_QK_NOPE,
    LLMSIZE__K_QK_ROPE, LLMSIZE__K_V_HEAD, LLMSIZE__K_FULL_EVERY, LLMSIZE__K_LIN_K_HEADS, LLMSIZE__K_LIN_V_HEADS,
    LLMSIZE__K_LIN_K_DIM, LLMSIZE__K_LIN_V_DIM, LLMSIZE__K_CONV, LLMSIZE__K_MTP, LLMSIZE__K_MULTI_QUERY,
    LLMSIZE__K_TOKEN_TYPES, LLMSIZE__K_DEC_LAYERS, LLMSIZE__K_MELS, LLMSIZE__K_AUDIO_POS, LLMSIZE__K_LABELS,
    LLMSIZE__K_QKV_BIAS, LLMSIZE__K_FC1_BIAS, LLMSIZE__K_USE_QK_NORM,
    LLMSIZE__K_COUNT
};
/* config.json keys, one name per row (its length counted by the compiler: a key is matched
   by length, then bytes), grouped by the slot the names share. */
#define LLMSIZE__HF_KEY(name, slot) { name, sizeof name - 1u, slot }
static const struct { const char *name; size_t len; uint32_t slot; } llmsize__hf_keys[] = {
    LLMSIZE__HF_KEY("vocab_size", LLMSIZE__K_VOCAB), LLMSIZE__HF_KEY("padded_vocab_size", LLMSIZE__K_VOCAB),
    LLMSIZE__HF_KEY("hidden_size", LLMSIZE__K_HIDDEN), LLMSIZE__HF_KEY("n_embd", LLMSIZE__K_HIDDEN),
    LLMSIZE__HF_KEY("d_model", LLMSIZE__K_HIDDEN), LLMSIZE__HF_KEY("dim", LLMSIZE__K_HIDDEN),
    LLMSIZE__HF_KEY("num_hidden_layers", LLMSIZE__K_LAYERS), LLMSIZE__HF_KEY("n_layer", LLMSIZE__K_LAYERS),
    LLMSIZE__HF_KEY("num_layers", LLMSIZE__K_LAYERS), LLMSIZE__HF_KEY("n_layers", LLMSIZE__K_LAYERS),
    LLMSIZE__HF_KEY("encoder_layers", LLMSIZE__K_LAYERS),
    LLMSIZE__HF_KEY("num_attention_heads", LLMSIZE__K_HEADS), LLMSIZE__HF_KEY("n_head", LLMSIZE__K_HEADS),
    LLMSIZE__HF_KEY("n_heads", LLMSIZE__K_HEADS), LLMSIZE__HF_KEY("encoder_attention_heads", LLMSIZE__K_HEADS),
    LLMSIZE__HF_KEY("num_key_value_heads", LLMSIZE__K_KV_HEADS),
    LLMSIZE__HF_KEY("num_kv_heads", LLMSIZE__K_KV_HEADS), LLMSIZE__HF_KEY("n_kv_heads", LLMSIZE__K_KV_HEADS),
    LLMSIZE__HF_KEY("num_kv", LLMSIZE__K_KV_HEADS),
    LLMSIZE__HF_KEY("head_dim", LLMSIZE__K_HEAD_DIM),
    LLMSIZE__HF_KEY("intermediate_size", LLMSIZE__K_FFN), LLMSIZE__HF_KEY("ffn_dim", LLMSIZE__K_FFN),
    LLMSIZE__HF_KEY("n_inner", LLMSIZE__K_FFN), LLMSIZE__HF_KEY("ffn_hidden_size", LLMSIZE__K_FFN),
    LLMSIZE__HF_KEY("hidden_dim", LLMSIZE__K_FFN), LLMSIZE__HF_KEY("encoder_ffn_dim", LLMSIZE__K_FFN),
    LLMSIZE__HF_KEY("max_position_embeddings", LLMSIZE__K_MAX_CTX),
    LLMSIZE__HF_KEY("n_positions", LLMSIZE__K_MAX_CTX), LLMSIZE__HF_KEY("max_sequence_length", LLMSIZE__K_MAX_CTX),
    LLMSIZE__HF_KEY("seq_length", LLMSIZE__K_MAX_CTX), LLMSIZE__HF_KEY("max_target_positions", LLMSIZE__K_MAX_CTX),
    LLMSIZE__HF_KEY("tie_word_embeddings", LLMSIZE__K_TIE),
    LLMSIZE__HF_KEY("attention_bias", LLMSIZE__K_ATTN_BIAS), LLMSIZE__HF_KEY("bias", LLMSIZE__K_ATTN_BIAS),
    LLMSIZE__HF_KEY("use_qk_norm", LLMSIZE__K_USE_QK_NORM),
    LLMSIZE__HF_KEY("mlp_bias", LLMSIZE__K_MLP_BIAS),
    LLMSIZE__HF_KEY("sliding_window", LLMSIZE__K_WINDOW),
    LLMSIZE__HF_KEY("use_sliding_window", LLMSIZE__K_USE_WINDOW),
    LLMSIZE__HF_KEY("sliding_window_pattern", LLMSIZE__K_WINDOW_PATTERN),
    LLMSIZE__HF_KEY("attention_chunk_size", LLMSIZE__K_CHUNK),
    LLMSIZE__HF_KEY("num_local_experts", LLMSIZE__K_EXPERTS), LLMSIZE__HF_KEY("num_experts", LLMSIZE__K_EXPERTS),
    LLMSIZE__HF_KEY("n_routed_experts", LLMSIZE__K_EXPERTS), LLMSIZE__HF_KEY("moe_num_experts", LLMSIZE__K_EXPERTS),
    LLMSIZE__HF_KEY("num_experts_per_tok", LLMSIZE__K_ACTIVE), LLMSIZE__HF_KEY("moe_top_k", LLMSIZE__K_ACTIVE),
    LLMSIZE__HF_KEY("num_experts_per_token", LLMSIZE__K_ACTIVE),
    LLMSIZE__HF_KEY("moe_intermediate_size", LLMSIZE__K_EXPERT_FFN),
    LLMSIZE__HF_KEY("expert_intermediate_size", LLMSIZE__K_EXPERT_FFN),
    LLMSIZE__HF_KEY("n_shared_experts", LLMSIZE__K_SHARED), LLMSIZE__HF_KEY("num_shared_experts", LLMSIZE__K_SHARED),
    LLMSIZE__HF_KEY("shared_expert_intermediate_size", LLMSIZE__K_SHARED_FFN),
    LLMSIZE__HF_KEY("first_k_dense_replace", LLMSIZE__K_DENSE_FIRST),
    LLMSIZE__HF_KEY("decoder_sparse_step", LLMSIZE__K_MOE_EVERY),
    LLMSIZE__HF_KEY("moe_layer_freq", LLMSIZE__K_MOE_EVERY),
    LLMSIZE__HF_KEY("interleave_moe_layer_step", LLMSIZE__K_MOE_EVERY),
    LLMSIZE__HF_KEY("q_lora_rank", LLMSIZE__K_Q_LORA),
    LLMSIZE__HF_KEY("kv_lora_rank", LLMSIZE__K_KV_LORA),
    LLMSIZE__HF_KEY("qk_nope_head_dim", LLMSIZE__K_QK_NOPE),
    LLMSIZE__HF_KEY("qk_rope_head_dim", LLMSIZE__K_QK_ROPE),
    LLMSIZE__HF_KEY("v_head_dim", LLMSIZE__K_V_HEAD),
    LLMSIZE__HF_KEY("full_attention_interval", LLMSIZE__K_FULL_EVERY),
    LLMSIZE__HF_KEY("linear_num_key_heads", LLMSIZE__K_LIN_K_HEADS),
    LLMSIZE__HF_KEY("linear_num_value_heads", LLMSIZE__K_LIN_V_HEADS),
    LLMSIZE__HF_KEY("linear_key_head_dim", LLMSIZE__K_LIN_K_DIM),
    LLMSIZE__HF_KEY("linear_value_head_dim", LLMSIZE__K_LIN_V_DIM),
    LLMSIZE__HF_KEY("linear_conv_kernel_dim", LLMSIZE__K_CONV),
    LLMSIZE__HF_KEY("num_nextn_predict_layers", LLMSIZE__K_MTP),
    LLMSIZE__HF_KEY("mtp_num_hidden_layers", LLMSIZE__K_MTP),
    LLMSIZE__HF_KEY("multi_query", LLMSIZE__K_MULTI_QUERY),
    LLMSIZE__HF_KEY("type_vocab_size", LLMSIZE__K_TOKEN_TYPES),
    LLMSIZE__HF_KEY("decoder_layers", LLMSIZE__K_DEC_LAYERS),
    LLMSIZE__HF_KEY("num_mel_bins", LLMSIZE__K_MELS),
    LLMSIZE__HF_KEY("max_source_positions", LLMSIZE__K_AUDIO_POS),
    LLMSIZE__HF_KEY("num_labels", LLMSIZE__K_LABELS),
    LLMSIZE__HF_KEY("qkv_proj_bias", LLMSIZE__K_QKV_BIAS),   /* NomicBERT */
    LLMSIZE__HF_KEY("mlp_fc1_bias", LLMSIZE__K_FC1_BIAS)
};
#undef LLMSIZE__HF_KEY

/* What a scan of the JSON text collects: numbers (and booleans as 0/1) per slot, for the
   top level and text_config separately; the model_type; the layer_types pattern. */
typedef struct llmsize__hf {
    const char *p, *end;
    int err;
    double val[2][LLMSIZE__K_COUNT];
    uint8_t has[2][LLMSIZE__K_COUNT];
    char model_type[2][32];
    char arch[64];            /* the first of "architectures" (which head it carries)   */
    uint32_t labels;          /* entries of "id2label"                                   */
    uint32_t n_types[2], n_sliding[2], first_full[2], last_full[2], n_full[2];
} llmsize__hf;

static void llmsize__hf_ws(llmsize__hf *h) {
    while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' || *h->p == '\n' || *h->p == '\r')) ++h->p;
}

/* A JSON string: sets s and n to its raw bytes (escapes left in place). */
static int llmsize__hf_string(llmsize__hf *h, const char **s, size_t *n) {
    if (h->p >= h->end || *h->p != '"') return 0;
    *s = ++h->p;
    while (h->p < h->end && *h->p != '"') h->p += (*h->p == '\\' && h->p + 1 < h->end) ? 2 : 1;
    if (h->p >= h->end) return 0;
    *n = (size_t)(h->p - *s);
    ++h->p;
    return 1;
}

static int llmsize__hf_number(llmsize__hf *h, double *out) {
    double v = 0.0, scale = 1.0, frac = 0.1;
    int neg = 0, digits = 0, ex = 0, exneg = 0;
    if (h->p < h->end && (*h->p == '-' || *h->p == '+')) neg = *h->p++ == '-';
    while (h->p < h->end && *h->p >= '0' && *h->p <= '9') { if (v < 1e300) v = v * 10.0 + (*h->p - '0'); ++h->p; ++digits; }
    if (h->p < h->end && *h->p == '.') {
        ++h->p;
        while (h->p < h->end && *h->p >= '0' && *h->p <= '9') { v += (*h->p++ - '0') * frac; frac *= 0.1; ++digits; }
    }
    if (!digits) return 0;
    if (h->p < h->end && (*h->p == 'e' || *h->p == 'E')) {
        ++h->p;
        if (h->p < h->end && (*h->p == '-' || *h->p == '+')) exneg = *h->p++ == '-';
        while (h->p < h->end && *h->p >= '0' && *h->p <= '9') { if (ex < 400) ex = ex * 10 + (*h->p - '0'); ++h->p; }
        while (ex-- > 0) scale *= 10.0;
    }
    *out = (neg ? -v : v) * (exneg ? 1.0 / scale : scale);
    return 1;
}

static void llmsize__hf_value(llmsize__hf *h, int depth, int level, int obj_level, int slot, int layer_types);

/* An object's members; `level` 0 = top, 1 = text_config, -1 = anywhere else (skipped). */
/* The first string of the "architectures" array, read ahead; the array is then parsed as
   any other value. */
static void llmsize__hf_peek_arch(llmsize__hf *h) {
    const char *save = h->p, *s;
    size_t n;
    if (h->p < h->end && *h->p == '[') {
        ++h->p;
        llmsize__hf_ws(h);
        if (llmsize__hf_string(h, &s, &n) && n < sizeof h->arch) { memcpy(h->arch, s, n); h->arch[n] = '\0'; }
    }
    h->p = save;
}

/* Members of the object at h->p, read ahead (a read error counts none; the object is then
   parsed as any other value, which reports it). */
static uint32_t llmsize__hf_count_members(llmsize__hf *h, int depth) {
    const char *save = h->p, *k;
    const int err = h->err;
    size_t n;
    uint32_t count = 0;
    if (h->p >= h->end || *h->p != '{') return 0;
    ++h->p;
    llmsize__hf_ws(h);
    while (!h->err && h->p < h->end && *h->p != '}') {
        if (!llmsize__hf_string(h, &k, &n)) break;
        llmsize__hf_ws(h);
        if (h->p >= h->end || *h->p != ':') break;
        ++h->p;
        llmsize__hf_ws(h);
        llmsize__hf_value(h, depth + 2, -1, -1, -1, 0);
        ++count;
        llmsize__hf_ws(h);
        if (h->p < h->end && *h->p == ',') { ++h->p; llmsize__hf_ws(h); }
    }
    if (h->err) count = 0;
    h->err = err;
    h->p = save;
    return count;
}

static void llmsize__hf_object(llmsize__hf *h, int depth, int level) {
    ++h->p;
    llmsize__hf_ws(h);
    if (h->p < h->end && *h->p == '}') { ++h->p; return; }
    while (!h->err) {
        const char *k;
        size_t n, i;
        int slot = -1, child = -1, types = 0;
        llmsize__hf_ws(h);
        if (!llmsize__hf_string(h, &k, &n)) { h->err = 1; return; }
        llmsize__hf_ws(h);
        if (h->p >= h->end || *h->p != ':') { h->err = 1; return; }
        ++h->p;
        llmsize__hf_ws(h);
        if (level >= 0) {
            for (i = 0; i < LLMSIZE__COUNT(llmsize__hf_keys) && slot < 0; ++i)
                if (llmsize__hf_keys[i].len == n && memcmp(llmsize__hf_keys[i].name, k, n) == 0)
                    slot = (int)llmsize__hf_keys[i].slot;
            if (level == 0 && n == 11 && memcmp(k, "text_config", 11) == 0) child = 1;
            if (level == 0 && n == 13 && memcmp(k, "architectures", 13) == 0) llmsize__hf_peek_arch(h);
            if (level == 0 && n == 8 && memcmp(k, "id2label", 8) == 0) h->labels = llmsize__hf_count_members(h, depth);
            if (n == 11 && memcmp(k, "layer_types", 11) == 0) types = 1;
            if (n == 10 && memcmp(k, "model_type", 10) == 0) {
                const char *s;
                size_t sn;
                if (h->p < h->end && *h->p == '"' && llmsize__hf_string(h, &s, &sn)) {
                    if (sn < sizeof h->model_type[0]) { memcpy(h->model_type[level], s, sn); h->model_type[level][sn] = '\0'; }
                    goto next;
                }
            }
        }
        /* scalars of known keys land at this level; only text_config's object is read */
        llmsize__hf_value(h, depth + 1, level, child, slot, types);
    next:
        llmsize__hf_ws(h);
        if (h->p < h->end && *h->p == ',') { ++h->p; continue; }
        if (h->p < h->end && *h->p == '}') { ++h->p; return; }
        h->err = 1;
        return;
    }
}

static void llmsize__hf_value(llmsize__hf *h, int depth, int level, int obj_level, int slot, int layer_types) {
    double v;
    if (depth > 32 || h->p >= h->end) { h->err = 1; return; }
    switch (*h->p) {
    case '{':
        llmsize__hf_object(h, depth, obj_level);
        return;
    case '[': {
        uint32_t idx = 0;
        ++h->p;
        llmsize__hf_ws(h);
        if (h->p < h->end && *h->p == ']') { ++h->p; return; }
        while (!h->err) {
            llmsize__hf_ws(h);
            if (layer_types && level >= 0 && h->p < h->end && *h->p == '"') {   /* "sliding_attention" / "full_attention" */
                const char *s;
                size_t n;
                if (!llmsize__hf_string(h, &s, &n)) { h->err = 1; return; }
                ++h->n_types[level];
                if (n >= 7 && memcmp(s, "sliding", 7) == 0) ++h->n_sliding[level];
                else if (n >= 4 && memcmp(s, "full", 4) == 0) {
                    if (!h->n_full[level]) h->first_full[level] = idx;
                    h->last_full[level] = idx;
                    ++h->n_full[level];
                }
            } else {
                llmsize__hf_value(h, depth + 1, -1, -1, -1, 0);
            }
            ++idx;
            llmsize__hf_ws(h);
            if (h->p < h->end && *h->p == ',') { ++h->p; continue; }
            if (h->p < h->end && *h->p == ']') { ++h->p; return; }
            h->err = 1;
            return;
        }
        return;
    }
    case '"': {
        const char *s;
        size_t n;
        if (!llmsize__hf_string(h, &s, &n)) h->err = 1;
        return;
    }
    case 't': case 'f': case 'n': {
        const int t = *h->p == 't', f = *h->p == 'f';
        const size_t n = t ? 4u : f ? 5u : 4u;
        if ((size_t)(h->end - h->p) < n || memcmp(h->p, t ? "true" : f ? "false" : "null", n) != 0) { h->err = 1; return; }
        h->p += n;
        if (slot >= 0 && level >= 0 && (t || f)) { h->val[level][slot] = t; h->has[level][slot] = 1; }
        return;
    }
    default:
        if (!llmsize__hf_number(h, &v)) { h->err = 1; return; }
        if (slot >= 0 && level >= 0) { h->val[level][slot] = v; h->has[level][slot] = 1; }
        return;
    }
}

/* The value of a slot (text_config first), as a whole number; 0 when absent or not one. */
static uint32_t llmsize__hf_u32(const llmsize__hf *h, uint32_t slot, int *bad) {
    const int lv = h->has[1][slot] ? 1 : 0;
    const double v = h->val[lv][slot];
    if (!h->has[lv][slot]) return 0;
    if (!(v >= 0.0) || v > 4294967295.0 || v != (double)(uint32_t)v) { *bad = 1; return 0; }
    return (uint32_t)v;
}

static int llmsize__ends_with(const char *s, const char *suffix) {
    const size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Encoder families: position and token-type tables, the audio stem, the decoder of an
   encoder-decoder, and the head the checkpoint's class carries. */
static void llmsize__hf_encoder(const llmsize__hf *h, const llmsize_hf_family *f, llmsize_model *m, int *bad) {
    llmsize_encoder *e = &m->enc;
    if (!(f->flags & LLMSIZE_F_ENCODER)) return;
    e->token_types = llmsize__hf_u32(h, LLMSIZE__K_TOKEN_TYPES, bad);
    e->mel_bins = llmsize__hf_u32(h, LLMSIZE__K_MELS, bad);
    e->audio_positions = e->mel_bins ? llmsize__hf_u32(h, LLMSIZE__K_AUDIO_POS, bad) : 0u;
    e->decoder_layers = llmsize__hf_u32(h, LLMSIZE__K_DEC_LAYERS, bad);
    if (f->learned_positions) e->positions = m->dims.max_ctx;
    /* NomicBERT states its biases; absent keys keep the family's */
    if (h->has[0][LLMSIZE__K_QKV_BIAS] && !llmsize__hf_u32(h, LLMSIZE__K_QKV_BIAS, bad))
        m->flags &= ~(uint32_t)(LLMSIZE_F_QKV_BIAS | LLMSIZE_F_O_BIAS);
    if (h->has[0][LLMSIZE__K_FC1_BIAS] && !llmsize__hf_u32(h, LLMSIZE__K_FC1_BIAS, bad))
        m->flags &= ~(uint32_t)LLMSIZE_F_MLP_BIAS;
    if (llmsize__ends_with(h->arch, "ForSequenceClassification")) {
        e->head = LLMSIZE_HEAD_CLASSIFIER;
        /* transformers: num_labels, else the id2label entries, else 2 */
        e->labels = llmsize__hf_u32(h, LLMSIZE__K_LABELS, bad);
        if (!e->labels) e->labels = h->labels ? h->labels : 2u;
    } else if (llmsize__ends_with(h->arch, "ForMaskedLM")) {
        e->head = LLMSIZE_HEAD_MLM;
    } else if (!llmsize__ends_with(h->arch, "ForConditionalGeneration")) {
        e->head = f->bare_head;
    }
}

LLMSIZE_API llmsize_status llmsize_model_from_hf_config(const char *json, size_t len, llmsize_model *out) {
    llmsize__hf h;
    const char *type;
    size_t i;
    int bad = 0, lv;
    uint32_t window, pattern, chunk, family_every = 0;
    const llmsize_hf_family *family = NULL;
    if (out) memset(out, 0, sizeof *out);
    if (!json || !out) return LLMSIZE_ERR_NULL;
    if (len > ((size_t)1 << 24)) return LLMSIZE_ERR_INVALID_ARG;   /* configs are kilobytes */
    memset(&h, 0, sizeof h);
    h.p = json;
    h.end = json + len;
    llmsize__hf_ws(&h);
    if (h.p >= h.end || *h.p != '{') return LLMSIZE_ERR_PARSE;
    llmsize__hf_object(&h, 0, 0);
    if (h.err) return LLMSIZE_ERR_PARSE;
    out->id = "hf-config";
    out->name = "model from config.json";
    out->family = out->developer = out->country = out->released = out->license = out->hf_repos = "";
    out->source = "config.json supplied by the caller";
    out->modalities = LLMSIZE_MOD_TEXT;
    out->dims.vocab = llmsize__hf_u32(&h, LLMSIZE__K_VOCAB, &bad);
    out->dims.hidden = llmsize__hf_u32(&h, LLMSIZE__K_HIDDEN, &bad);
    out->dims.layers = llmsize__hf_u32(&h, LLMSIZE__K_LAYERS, &bad);
    out->dims.heads = llmsize__hf_u32(&h, LLMSIZE__K_HEADS, &bad);
    out->dims.kv_heads = llmsize__hf_u32(&h, LLMSIZE__K_KV_HEADS, &bad);
    if (!out->dims.kv_heads) out->dims.kv_heads = llmsize__hf_u32(&h, LLMSIZE__K_MULTI_QUERY, &bad) ? 1u : out->dims.heads;
    out->dims.head_dim = llmsize__hf_u32(&h, LLMSIZE__K_HEAD_DIM, &bad);
    out->dims.ffn = llmsize__hf_u32(&h, LLMSIZE__K_FFN, &bad);
    out->dims.max_ctx = llmsize__hf_u32(&h, LLMSIZE__K_MAX_CTX, &bad);
    out->mla.q_lora_rank = llmsize__hf_u32(&h, LLMSIZE__K_Q_LORA, &bad);
    out->mla.kv_lora_rank = llmsize__hf_u32(&h, LLMSIZE__K_KV_LORA, &bad);
    out->mla.qk_nope_dim = llmsize__hf_u32(&h, LLMSIZE__K_QK_NOPE, &bad);
    out->mla.qk_rope_dim = llmsize__hf_u32(&h, LLMSIZE__K_QK_ROPE, &bad);
    out->mla.v_head_dim = llmsize__hf_u32(&h, LLMSIZE__K_V_HEAD, &bad);
    if (out->mla.kv_lora_rank) out->dims.head_dim = 0;
    else if (!out->dims.head_dim && out->dims.heads) out->dims.head_dim = out->dims.hidden / out->dims.heads;
    out->moe.experts = llmsize__hf_u32(&h, LLMSIZE__K_EXPERTS, &bad);
    if (out->moe.experts) {
        out->moe.active = llmsize__hf_u32(&h, LLMSIZE__K_ACTIVE, &bad);
        out->moe.expert_ffn = llmsize__hf_u32(&h, LLMSIZE__K_EXPERT_FFN, &bad);
        if (!out->moe.expert_ffn) { out->moe.expert_ffn = out->dims.ffn; out->dims.ffn = 0; }   /* Mixtral */
        out->moe.shared = llmsize__hf_u32(&h, LLMSIZE__K_SHARED, &bad);
        out->moe.shared_ffn = llmsize__hf_u32(&h, LLMSIZE__K_SHARED_FFN, &bad);
        if (out->moe.shared_ffn && !out->moe.shared) out->moe.shared = 1;                      /* Qwen2-MoE */
        if (out->moe.shared && !out->moe.shared_ffn) out->moe.shared_ffn = out->moe.expert_ffn;  /* DeepSeek */
        out->moe.dense_first = llmsize__hf_u32(&h, LLMSIZE__K_DENSE_FIRST, &bad);
        out->moe.every = llmsize__hf_u32(&h, LLMSIZE__K_MOE_EVERY, &bad);
        if (out->moe.every <= 1) out->moe.every = 0;
        if (!out->moe.dense_first && !out->moe.every) out->dims.ffn = 0;   /* no dense layer uses it */
    }
    out->linear.full_every = llmsize__hf_u32(&h, LLMSIZE__K_FULL_EVERY, &bad);
    if (out->linear.full_every) {
        out->linear.k_heads = llmsize__hf_u32(&h, LLMSIZE__K_LIN_K_HEADS, &bad);
        out->linear.v_heads = llmsize__hf_u32(&h, LLMSIZE__K_LIN_V_HEADS, &bad);
        out->linear.k_dim = llmsize__hf_u32(&h, LLMSIZE__K_LIN_K_DIM, &bad);
        out->linear.v_dim = llmsize__hf_u32(&h, LLMSIZE__K_LIN_V_DIM, &bad);
        out->linear.conv_kernel = llmsize__hf_u32(&h, LLMSIZE__K_CONV, &bad);
    }
    out->extra.mtp_layers = llmsize__hf_u32(&h, LLMSIZE__K_MTP, &bad);
    /* the family's layout (llmsize_data.h): flags the config does not spell out */
    type = h.model_type[1][0] ? h.model_type[1] : h.model_type[0];
    for (i = 0; i < LLMSIZE__COUNT(llmsize__hf_families); ++i)
        if (llmsize__in_list(type, llmsize__hf_families[i].model_types)) {
            family = &llmsize__hf_families[i];
            out->flags |= llmsize__hf_families[i].flags;
            out->extra.norms_per_layer = llmsize__hf_families[i].norms_per_layer;
            family_every = llmsize__hf_families[i].global_every;
            break;
        }
    /* local attention: a window, and which layers are global (layer_types, a pattern, or none) */
    lv = h.n_types[1] ? 1 : 0;
    window = llmsize__hf_u32(&h, LLMSIZE__K_WINDOW, &bad);
    pattern = llmsize__hf_u32(&h, LLMSIZE__K_WINDOW_PATTERN, &bad);
    chunk = llmsize__hf_u32(&h, LLMSIZE__K_CHUNK, &bad);
    if (h.has[h.has[1][LLMSIZE__K_USE_WINDOW]][LLMSIZE__K_USE_WINDOW] && !llmsize__hf_u32(&h, LLMSIZE__K_USE_WINDOW, &bad)) window = 0;
    if (window && h.n_types[lv]) {
        if (h.n_sliding[lv]) {
            out->attn.kind = LLMSIZE_ATTN_SLIDING;
            out->attn.window = window;
            /* evenly spaced full layers: every (first_full + 1)th */
            out->attn.global_every = h.n_full[lv] ? h.first_full[lv] + 1u : 0u;
        }
    } else if (window && out->dims.max_ctx && window < out->dims.max_ctx && family_every != LLMSIZE_HF_NO_WINDOW) {
        out->attn.kind = LLMSIZE_ATTN_SLIDING;
        out->attn.window = window;
        out->attn.global_every = pattern ? pattern : family_every;
    } else if (chunk) {
        out->attn.kind = LLMSIZE_ATTN_CHUNKED;
        out->attn.window = chunk;
        out->attn.global_every = 4;   /* Llama 4: every fourth layer is global (no RoPE) */
    }
    /* flags the config states itself */
    if (h.has[h.has[1][LLMSIZE__K_TIE]][LLMSIZE__K_TIE]) {
        if (llmsize__hf_u32(&h, LLMSIZE__K_TIE, &bad)) out->flags |= LLMSIZE_F_TIED_EMBED;
        else out->flags &= ~(uint32_t)LLMSIZE_F_TIED_EMBED;
    }
    /* attention_bias: q/k/v and o_proj (modeling_llama.py), but q/k/v alone in GLM-4 and
       GLM-4.5 (modeling_glm4.py, modeling_glm4_moe.py: o_proj is built without bias) */
    if (llmsize__hf_u32(&h, LLMSIZE__K_ATTN_BIAS, &bad))
        out->flags |= LLMSIZE_F_QKV_BIAS | (llmsize__in_list(type, "glm4|glm4_moe") ? 0u : (uint32_t)LLMSIZE_F_O_BIAS);
    if (llmsize__hf_u32(&h, LLMSIZE__K_MLP_BIAS, &bad)) out->flags |= LLMSIZE_F_MLP_BIAS;
    /* use_qk_norm: a LayerNorm over (heads, head_dim) in Command R+ (modeling_cohere.py),
       an RMSNorm over head_dim in GLM-4.5 (modeling_glm4_moe.py) */
    if (llmsize__hf_u32(&h, LLMSIZE__K_USE_QK_NORM, &bad))
        out->flags |= llmsize__in_list(type, "cohere") ? (uint32_t)LLMSIZE_F_QK_NORM_FULL : (uint32_t)LLMSIZE_F_QK_NORM;
    if (out->extra.mtp_layers == 0) out->flags &= ~(uint32_t)LLMSIZE_F_MTP_EMBED;
    if (family) llmsize__hf_encoder(&h, family, out, &bad);
    if (bad) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_PARSE; }
    {   /* a config that lacks what sizing needs leaves no half-read model behind */
        const llmsize_status st = llmsize_model_validate(out);
        if (st != LLMSIZE_OK) memset(out, 0, sizeof *out);
        return st;
    }
}

/* ---------------------------------------------------------------------------------- */
/* Quantization quality                                                               */
/* ---------------------------------------------------------------------------------- */
/* Natural log and exp without libm: range reduction by powers of two, then series. */
#define LLMSIZE__LN2 0.69314718055994530942
static double llmsize__ln(double x) {
    double k = 0.0, t, t2, term, sum = 0.0;
    int i;
    while (x >= 2.0) { x *= 0.5; k += 1.0; }
    while (x < 1.0) { x *= 2.0; k -= 1.0; }
    t = (x - 1.0) / (x + 1.0);   /* ln x = 2 atanh(t), |t| < 1/3 */
    t2 = t * t;
    term = t;
    for (i = 1; i < 60; i += 2) { sum += term / i; term *= t2; }
    return 2.0 * sum + k * LLMSIZE__LN2;
}
static double llmsize__exp(double x) {
    double r, term = 1.0, sum = 1.0;
    long k;
    int i;
    if (x > 700.0) x = 700.0;
    if (x < -700.0) x = -700.0;
    k = (long)(x / LLMSIZE__LN2 + (x >= 0 ? 0.5 : -0.5));
    r = x - (double)k * LLMSIZE__LN2;
    for (i = 1; i < 30; ++i) { term *= r / i; sum += term; }
    for (; k > 0; --k) sum *= 2.0;
    for (; k < 0; ++k) sum *= 0.5;
    return sum;
}

LLMSIZE_API size_t llmsize_quality_row_count(void) { return LLMSIZE__COUNT(llmsize__quality); }
LLMSIZE_API const llmsize_quality_row *llmsize_quality_row_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__quality) ? &llmsize__quality[i] : NULL;
}

static int llmsize__is_reference_format(const llmsize_format *f) {
    return f->kind == LLMSIZE_FMT_FLOAT ||
           (f->kind == LLMSIZE_FMT_GGUF && ((f->code & 0xFFu) == LLMSIZE_FT_F16 ||
                                            (f->code & 0xFFu) == LLMSIZE_FT_BF16 ||
                                            (f->code & 0xFFu) == LLMSIZE_FT_F32));
}

/* The format whose quality rows describe f: itself, or for a llama.cpp "_L" variant
   (embeddings and output at Q8_0) its base type. */
static const llmsize_format *llmsize__quality_base(const llmsize_format *f, int *variant) {
    size_t i;
    *variant = 0;
    if (f->kind != LLMSIZE_FMT_GGUF || !(f->code & LLMSIZE_FT_Q8_EMBED_OUT)) return f;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__formats); ++i)
        if (llmsize__formats[i].kind == LLMSIZE_FMT_GGUF && llmsize__formats[i].code == (f->code & 0xFFu)) {
            *variant = 1;
            return &llmsize__formats[i];
        }
    return f;
}

static void llmsize__quality_scale(const llmsize_quality_row *r, double factor, llmsize_quality *q) {
    q->metric = r->metric;
    q->ref = r;
    q->loss_pct = r->loss_pct * factor;
    q->kld = r->kld * factor;
    if (q->loss_pct < 0.0) q->loss_pct = 0.0;   /* recovery above 100 % is noise, not gain */
}

/* Spread between two evaluations of one checkpoint (Llama-3.1-405B W4A16: recovery 100.0 %
   with Meta's prompts, 99.28 % with standard lm-eval prompts): benchmark noise, in points. */
#define LLMSIZE__ACCURACY_SPREAD_PP 1.0

#ifdef LLMSIZE__GEN_INDEX   /* the trend's definition: tools/gen_index.c writes it into the index */
/* The size exponent a in loss(P) = loss(P0) * (P / P0)^-a, fitted on every format that a
   non-primary family publishes at two sizes (llama.cpp's LLaMA 2 7B and 70B tables):
   a = ln(loss_small / loss_big) / ln(P_big / P_small), averaged. lo/hi: the sizes it spans. */
static double llmsize__size_exponent(double *lo, double *hi) {
    size_t i, j;
    double sum = 0.0;
    int n = 0;
    *lo = 1e300; *hi = 0.0;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__quality); ++i) {
        const llmsize_quality_row *a = &llmsize__quality[i];
        if (a->primary || a->metric != LLMSIZE_METRIC_PPL || a->loss_pct <= 0) continue;
        for (j = i + 1; j < LLMSIZE__COUNT(llmsize__quality); ++j) {
            const llmsize_quality_row *b = &llmsize__quality[j];
            if (b->primary || b->metric != a->metric || b->ref_params_b == a->ref_params_b || b->loss_pct <= 0 ||
                strcmp(a->format, b->format) || strcmp(a->family, b->family)) continue;
            {
                const llmsize_quality_row *s = a->ref_params_b < b->ref_params_b ? a : b;
                const llmsize_quality_row *g = s == a ? b : a;
                sum += llmsize__ln(s->loss_pct / g->loss_pct) / llmsize__ln(g->ref_params_b / s->ref_params_b);
                ++n;
                if (s->ref_params_b < *lo) *lo = s->ref_params_b;
                if (g->ref_params_b > *hi) *hi = g->ref_params_b;
            }
        }
    }
    return n ? sum / n : 0.0;
}

/* How much less than the LLaMA 3 reference another family can lose: the smallest ratio,
   over formats published for both, of a non-primary family's loss to the primary family's
   loss size-adjusted to the same size (llama.cpp: LLaMA 2 7B vs LLaMA 3 8B). */
static double llmsize__family_floor(double a) {
    double best = 1.0;
    size_t i, j;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__quality); ++i) {
        const llmsize_quality_row *n = &llmsize__quality[i];
        if (n->primary || n->metric != LLMSIZE_METRIC_PPL || n->loss_pct <= 0) continue;
        for (j = 0; j < LLMSIZE__COUNT(llmsize__quality); ++j) {
            const llmsize_quality_row *r = &llmsize__quality[j];
            double adj;
            if (!r->primary || r->metric != n->metric || strcmp(r->format, n->format) || r->loss_pct <= 0) continue;
            adj = r->loss_pct * llmsize__exp(-a * llmsize__ln(n->ref_params_b / r->ref_params_b));
            if (n->loss_pct / adj < best) best = n->loss_pct / adj;
        }
    }
    return best;
}

/* The trend from the rows themselves: what tools/gen_index.c writes into the index, and
   what `gen_index --check` compares the committed index with. */
static llmsize__quality_trend llmsize__quality_trend_of(void) {
    llmsize__quality_trend t;
    t.a = llmsize__size_exponent(&t.lo, &t.hi);
    t.floor = llmsize__family_floor(t.a);
    return t;
}
#define LLMSIZE__TREND llmsize__quality_trend_of()   /* the generator does not read what it writes */
#else
#define LLMSIZE__TREND llmsize__quality_trend_index
#endif

static void llmsize__quality_range(llmsize_quality *q) {
    if (q->metric == LLMSIZE_METRIC_PPL) {
        q->loss_low_pct = q->loss_pct * LLMSIZE__TREND.floor;
        q->loss_high_pct = q->loss_pct;
    } else if (q->metric == LLMSIZE_METRIC_ACCURACY) {
        q->loss_low_pct = 0.0;
        q->loss_high_pct = 2.0 * q->loss_pct + LLMSIZE__ACCURACY_SPREAD_PP;
    }
}

static llmsize_status llmsize__quality_with(const llmsize_model *m, const llmsize_params *pp, const llmsize_format *f,
                                            llmsize_quality *out);
LLMSIZE_API llmsize_status llmsize_quality_of(const llmsize_model *m, const llmsize_format *f,
                                              llmsize_quality *out) {
    llmsize_params p;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!m || !f || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_params_of(m, &p)) != LLMSIZE_OK) return st;
    return llmsize__quality_with(m, &p, f, out);
}

/* llmsize_quality_of with the parameters already counted (pr; NULL: count them). */
static llmsize_status llmsize__quality_of_counted(const llmsize_model *m, const llmsize_params *pr, const llmsize_format *f,
                                                  llmsize_quality *out) {
    if (!pr) return llmsize_quality_of(m, f, out);
    if (!m || !f || !out) { if (out) memset(out, 0, sizeof *out); return LLMSIZE_ERR_NULL; }
    return llmsize__quality_with(m, pr, f, out);
}

/* A format's '|'-separated ids, split once for a scan that asks of many rows "is this one
   of them?" (llmsize__in_list per row splits them again each time). */
typedef struct llmsize__ids { const char *list, *at[8]; size_t len[8], n; } llmsize__ids;
static void llmsize__ids_of(const char *list, llmsize__ids *ids) {
    ids->list = list;
    ids->n = 0;
    while (list && *list && ids->n <= 8) {
        const size_t n = strcspn(list, "|");
        if (ids->n == 8) { ids->n = 9; return; }   /* more than 8: the list is read per row */
        ids->at[ids->n] = list;
        ids->len[ids->n++] = n;
        list += n + (list[n] == '|');
    }
}
static int llmsize__is_id(const char *q, const llmsize__ids *ids) {
    size_t k;
    if (ids->n > 8) return llmsize__in_list(q, ids->list);
    for (k = 0; k < ids->n; ++k)
        if (ids->len[k] && llmsize__lower((unsigned char)q[0]) == llmsize__lower((unsigned char)ids->at[k][0]) &&
            llmsize__eq_n(q, ids->at[k], ids->len[k]))
            return 1;
    return 0;
}

/* The primary quality rows of a format's ids, in table order (what its estimate reads):
   from the index for a row of the table (tools/gen_index.c), else by a scan. Returns how
   many; rows holds LLMSIZE__COUNT(llmsize__quality). */
static size_t llmsize__quality_rows(const llmsize_format *f, uint16_t *rows) {
    size_t n = 0, r;
    llmsize__ids ids;
#ifndef LLMSIZE__GEN_INDEX
    const uintptr_t at = (uintptr_t)f - (uintptr_t)llmsize__formats;   /* a row of the table? */
    const size_t i = at < sizeof llmsize__formats && at % sizeof *f == 0 ? (size_t)(at / sizeof *f) : (size_t)-1;
    if (i < LLMSIZE__COUNT(llmsize__formats)) {
        n = (size_t)(llmsize__format_quality_first[i + 1] - llmsize__format_quality_first[i]);
        memcpy(rows, &llmsize__format_quality_rows[llmsize__format_quality_first[i]], n * sizeof *rows);
        return n;
    }
#endif
    llmsize__ids_of(f->id, &ids);
    for (r = 0; r < LLMSIZE__COUNT(llmsize__quality); ++r)
        if (llmsize__quality[r].primary && llmsize__is_id(llmsize__quality[r].format, &ids)) rows[n++] = (uint16_t)r;
    return n;
}

/* llmsize_quality_of with the model's parameters counted once (searches over formats). */
static llmsize_status llmsize__quality_with(const llmsize_model *m, const llmsize_params *pp, const llmsize_format *f,
                                            llmsize_quality *out) {
    const llmsize_quality_row *lo = NULL, *hi = NULL;
    const llmsize_format *base;
    const llmsize_params p = *pp;
    double size_b;
    size_t i, k, n;
    int variant;
    uint16_t rows[LLMSIZE__COUNT(llmsize__quality)];
    memset(out, 0, sizeof *out);
    if (llmsize__is_reference_format(f)) {
        out->confidence = LLMSIZE_CONF_REFERENCE;
        out->note = "reference precision: no quantization loss";
        return LLMSIZE_OK;
    }
    base = llmsize__quality_base(f, &variant);
    n = llmsize__quality_rows(base, rows);
    size_b = (double)p.text / 1e9;   /* MoE: total parameters, since every expert is quantized */
    for (k = 0; k < n; ++k) {
        const llmsize_quality_row *r = &llmsize__quality[rows[k]];
        if (r->metric == LLMSIZE_METRIC_NATIVE) {
            if (m->id && llmsize__in_list(m->id, r->ref_model)) {
                out->metric = LLMSIZE_METRIC_NATIVE;
                out->confidence = LLMSIZE_CONF_REFERENCE;
                out->ref = r;
                out->note = "the checkpoint's native format: nothing is lost against a higher-precision original";
                return LLMSIZE_OK;
            }
            continue;
        }
        /* bracket the model's size among the primary family's published sizes */
        if (r->ref_params_b <= size_b && (!lo || r->ref_params_b > lo->ref_params_b)) lo = r;
        if (r->ref_params_b >= size_b && (!hi || r->ref_params_b < hi->ref_params_b)) hi = r;
        if (!lo && !hi) continue;
    }
    if (!lo && !hi) {   /* maybe the family starts above or below the model: nearest row */
        for (k = 0; k < n && !lo; ++k)
            if (llmsize__quality[rows[k]].metric != LLMSIZE_METRIC_NATIVE) lo = &llmsize__quality[rows[k]];
    }
    if (!lo && !hi) return LLMSIZE_ERR_UNSUPPORTED;
    if (lo && hi && lo != hi) {           /* between two published sizes: log-size interpolation */
        const double t = llmsize__ln(size_b / lo->ref_params_b) / llmsize__ln(hi->ref_params_b / lo->ref_params_b);
        llmsize__quality_scale(lo, 1.0, out);
        out->loss_pct = lo->loss_pct + t * (hi->loss_pct - lo->loss_pct);
        out->kld = lo->kld + t * (hi->kld - lo->kld);
        if (out->loss_pct < 0.0) out->loss_pct = 0.0;
        out->confidence = LLMSIZE_CONF_SCALED;
        out->note = "interpolated between the published sizes (log scale)";
    } else {
        const llmsize_quality_row *r = lo ? lo : hi;
        int n_sizes = 0;
        for (i = 0; i < LLMSIZE__COUNT(llmsize__quality); ++i)
            n_sizes += llmsize__quality[i].primary && llmsize__quality[i].metric == r->metric &&
                       !strcmp(llmsize__quality[i].format, r->format) && !strcmp(llmsize__quality[i].family, r->family);
        if (n_sizes > 1 || r->metric != LLMSIZE_METRIC_PPL) {   /* outside the family's sizes */
            llmsize__quality_scale(r, 1.0, out);
            out->confidence = r->ref_params_b == size_b ? LLMSIZE_CONF_SCALED : LLMSIZE_CONF_EXTRAPOLATED;
            out->note = "outside the published sizes: the nearest size's figure (smaller models usually lose more)";
        } else {                                           /* one size: the LLaMA 2 size trend */
            const llmsize__quality_trend trend = LLMSIZE__TREND;
            double target = size_b;
            if (target < trend.lo) target = trend.lo;
            if (target > trend.hi) target = trend.hi;
            llmsize__quality_scale(r, llmsize__exp(-trend.a * llmsize__ln(target / r->ref_params_b)), out);
            out->confidence = target == size_b ? LLMSIZE_CONF_SCALED : LLMSIZE_CONF_EXTRAPOLATED;
            out->note = target == size_b
                ? "scaled from the reference model by (size ratio)^-a, a fitted on llama.cpp's LLaMA 2 7B/70B tables"
                : "outside the 7B-70B range the size trend was fitted on: held at the range's end";
        }
    }
    if (variant) out->note = "_L variant: its base type's figure (Q8_0 embeddings and output make it an upper bound)";
    llmsize__quality_range(out);
    return LLMSIZE_OK;
}

/* Candidate list: the caller's, or every format in the table. */
static const llmsize_format *llmsize__candidate(const llmsize_format *const *list, size_t n, size_t i) {
    if (list) return i < n ? list[i] : NULL;
    return llmsize_format_at(i);
}

LLMSIZE_API llmsize_status llmsize_best_format(const llmsize_model *m, uint64_t budget,
                                               const llmsize_format *const *formats, size_t n_formats,
                                               const llmsize_format **out, llmsize_quality *quality) {
    const llmsize_format *f;
    llmsize_quality best_q;
    uint64_t best_bytes = 0;
    size_t i;
    if (out) *out = NULL;
    if (quality) memset(quality, 0, sizeof *quality);
    if (!m || !out) return LLMSIZE_ERR_NULL;
    memset(&best_q, 0, sizeof best_q);
    for (i = 0; (f = llmsize__candidate(formats, n_formats, i)) != NULL || (formats && i < n_formats); ++i) {
        llmsize_weights w;
        llmsize_quality q;
        if (!f) continue;
        if (llmsize_weight_bytes(m, f, &w) != LLMSIZE_OK || w.total > budget) continue;
        if (llmsize_quality_of(m, f, &q) != LLMSIZE_OK) continue;
        if (!*out || q.loss_pct < best_q.loss_pct || (q.loss_pct == best_q.loss_pct && w.total < best_bytes)) {
            *out = f;
            best_q = q;
            best_bytes = w.total;
        }
    }
    if (!*out) return LLMSIZE_ERR_UNSUPPORTED;
    if (quality) *quality = best_q;
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_smallest_format(const llmsize_model *m, uint32_t metric,
                                                   double max_loss_pct,
                                                   const llmsize_format *const *formats, size_t n_formats,
                                                   const llmsize_format **out, uint64_t *bytes) {
    const llmsize_format *f;
    uint64_t best = 0;
    size_t i;
    if (out) *out = NULL;
    if (bytes) *bytes = 0;
    if (!m || !out) return LLMSIZE_ERR_NULL;
    if (!(max_loss_pct == max_loss_pct) || max_loss_pct < 0.0 || metric > LLMSIZE_METRIC_NATIVE)
        return LLMSIZE_ERR_INVALID_ARG;
    for (i = 0; (f = llmsize__candidate(formats, n_formats, i)) != NULL || (formats && i < n_formats); ++i) {
        llmsize_weights w;
        llmsize_quality q;
        if (!f) continue;
        if (llmsize_quality_of(m, f, &q) != LLMSIZE_OK) continue;
        if (q.confidence != LLMSIZE_CONF_REFERENCE && metric != LLMSIZE_METRIC_NONE && q.metric != metric) continue;
        if (q.loss_pct > max_loss_pct || llmsize_weight_bytes(m, f, &w) != LLMSIZE_OK) continue;
        if (!*out || w.total < best) { *out = f; best = w.total; }
    }
    if (!*out) return LLMSIZE_ERR_UNSUPPORTED;
    if (bytes) *bytes = best;
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Engines and serving plans                                                          */
/* ---------------------------------------------------------------------------------- */
LLMSIZE_API size_t llmsize_engine_count(void) { return LLMSIZE__COUNT(llmsize__engines); }
LLMSIZE_API const llmsize_engine_info *llmsize_engine_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__engines) ? &llmsize__engines[i] : NULL;
}
LLMSIZE_API llmsize_status llmsize_find_engine(const char *name, llmsize_engine *out) {
    size_t i;
    if (out) *out = LLMSIZE_ENGINE_NONE;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_ENGINES, name)) == (size_t)-1) return LLMSIZE_ERR_UNKNOWN_ENGINE;
    *out = (llmsize_engine)i;
    return LLMSIZE_OK;
}

/* A version as its parts, newest-comparable: "v0.4.3.post4" -> 0.4.3.0, "b6550" -> 6550;
   0 when nothing numeric leads it. Up to 4 parts; a suffix after them is ignored. */
static int llmsize__version_parts(const char *s, size_t n, uint32_t part[4]) {
    size_t i = 0, k = 0;
    memset(part, 0, 4 * sizeof part[0]);
    if (i < n && (s[i] == 'v' || s[i] == 'V' || s[i] == 'b' || s[i] == 'B')) ++i;
    for (;;) {
        size_t digits = 0;
        uint32_t v = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (v > 99999999u) return 0;
            v = v * 10u + (uint32_t)(s[i++] - '0');
            ++digits;
        }
        if (!digits) return 0;
        part[k++] = v;
        if (k == 4 || i >= n || s[i] != '.' || i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9') break;
        ++i;
    }
    return 1;
}

static int llmsize__version_cmp(const uint32_t a[4], const uint32_t b[4]) {
    int k;
    for (k = 0; k < 4; ++k) if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
    return 0;
}

LLMSIZE_API size_t llmsize_engine_release_count(void) { return LLMSIZE__COUNT(llmsize__engine_releases); }
LLMSIZE_API const llmsize_engine_release *llmsize_engine_release_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__engine_releases) ? &llmsize__engine_releases[i] : NULL;
}

static llmsize_status llmsize__find_version_n(uint32_t engine, const char *version, size_t n,
                                              const llmsize_engine_release **out) {
    const llmsize_engine_release *best = NULL;
    uint32_t want[4], have[4];
    size_t i;
    int any = 0;
    if (engine >= LLMSIZE_ENGINE_COUNT) return LLMSIZE_ERR_UNKNOWN_ENGINE;
    if (n && !llmsize__version_parts(version, n, want)) return LLMSIZE_ERR_UNKNOWN_VERSION;
    for (i = 0; i < LLMSIZE__COUNT(llmsize__engine_releases); ++i) {
        const llmsize_engine_release *r = &llmsize__engine_releases[i];
        if (r->engine != engine) continue;
        any = 1;
        if (!n) { best = r; continue; }   /* no version: the newest row */
        llmsize__version_parts(r->version, strlen(r->version), have);
        if (llmsize__version_cmp(have, want) <= 0) best = r;   /* rows run oldest first */
    }
    if (!any) return LLMSIZE_ERR_UNKNOWN_ENGINE;
    if (!best) return LLMSIZE_ERR_UNKNOWN_VERSION;
    *out = best;
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_find_engine_version(uint32_t engine, const char *version, const llmsize_engine_release **out) {
    if (out) *out = NULL;
    if (!out) return LLMSIZE_ERR_NULL;
    return llmsize__find_version_n(engine, version, version ? strlen(version) : 0u, out);
}

LLMSIZE_API llmsize_status llmsize_find_engine_release(const char *spec, llmsize_engine *engine,
                                                       const llmsize_engine_release **release) {
    char name[64];
    const char *at;
    size_t n;
    llmsize_status st;
    if (engine) *engine = LLMSIZE_ENGINE_NONE;
    if (release) *release = NULL;
    if (!spec || !engine || !release) return LLMSIZE_ERR_NULL;
    at = strchr(spec, '@');
    n = at ? (size_t)(at - spec) : strlen(spec);
    if (n >= sizeof name) return LLMSIZE_ERR_UNKNOWN_ENGINE;
    memcpy(name, spec, n);
    name[n] = '\0';
    if ((st = llmsize_find_engine(name, engine)) != LLMSIZE_OK) return st;
    if (at && !at[1]) { *engine = LLMSIZE_ENGINE_NONE; return LLMSIZE_ERR_UNKNOWN_VERSION; }
    if ((st = llmsize__find_version_n((uint32_t)*engine, at ? at + 1 : "", at ? strlen(at + 1) : 0u, release)) != LLMSIZE_OK)
        *engine = LLMSIZE_ENGINE_NONE;
    return st;
}

/* The result fields (LLMSIZE_PLAN_RESULT_FIELDS) with their offsets. */
#define LLMSIZE__RESULT_FIELD(type, name, kind, meaning) { #name, LLMSIZE_FIELD_##kind, offsetof(llmsize_plan_result, name), meaning },
static const llmsize_field llmsize__plan_result_fields[] = { LLMSIZE_PLAN_RESULT_FIELDS(LLMSIZE__RESULT_FIELD) };
#undef LLMSIZE__RESULT_FIELD
LLMSIZE_API size_t llmsize_plan_result_field_count(void) { return LLMSIZE__COUNT(llmsize__plan_result_fields); }
LLMSIZE_API const llmsize_field *llmsize_plan_result_field(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__plan_result_fields) ? &llmsize__plan_result_fields[i] : NULL;
}
LLMSIZE_API uint64_t llmsize_field_u64(const void *record, const llmsize_field *f) {
    const unsigned char *at;
    if (!record || !f) return 0;
    at = (const unsigned char *)record + f->offset;
    switch (f->kind) {
    case LLMSIZE_FIELD_BOOL: { int v; memcpy(&v, at, sizeof v); return v != 0; }
    case LLMSIZE_FIELD_U32: { uint32_t v; memcpy(&v, at, sizeof v); return v; }
    case LLMSIZE_FIELD_U64: { uint64_t v; memcpy(&v, at, sizeof v); return v; }
    case LLMSIZE_FIELD_I64: { int64_t v; memcpy(&v, at, sizeof v); return (uint64_t)v; }
    case LLMSIZE_FIELD_F64: { double v; memcpy(&v, at, sizeof v); return llmsize__d2u_or_zero(v); }
    default: return 0;
    }
}
LLMSIZE_API double llmsize_field_f64(const void *record, const llmsize_field *f) {
    const unsigned char *at;
    if (!record || !f) return 0.0;
    at = (const unsigned char *)record + f->offset;
    switch (f->kind) {
    case LLMSIZE_FIELD_I64: { int64_t v; memcpy(&v, at, sizeof v); return (double)v; }
    case LLMSIZE_FIELD_F64: { double v; memcpy(&v, at, sizeof v); return v; }
    default: return (double)llmsize_field_u64(record, f);
    }
}

/* Tensor parallelism splits attention heads (and KV heads, or replicates them when there
   are fewer KV heads than ranks) and MLA query heads. */
LLMSIZE_API int llmsize_valid_tp(const llmsize_model *m, uint32_t tp) {
    if (!m || tp == 0 || m->dims.heads == 0 || m->dims.heads % tp) return 0;
    if (m->mla.kv_lora_rank) return 1;
    return m->dims.kv_heads && (m->dims.kv_heads % tp == 0 || tp % m->dims.kv_heads == 0);
}

/* The model as one tensor-parallel rank sees it, for KV sizing: KV heads split, or one
   replicated head per rank; linear-attention heads split; the MLA latent is replicated. */
static void llmsize__rank_model(const llmsize_model *m, uint32_t tp, llmsize_model *r) {
    *r = *m;
    if (tp <= 1) return;
    r->dims.heads = m->dims.heads / tp;
    if (!m->mla.kv_lora_rank) r->dims.kv_heads = m->dims.kv_heads >= tp ? m->dims.kv_heads / tp : 1u;
    if (m->linear.k_heads % tp == 0) r->linear.k_heads = m->linear.k_heads / tp;
    if (m->linear.v_heads % tp == 0) r->linear.v_heads = m->linear.v_heads / tp;
}

/* Weight bytes on the busiest rank: layer tensors split over pipeline stages and sliced
   over tensor-parallel ranks (routed experts over tp*dp ranks with expert parallelism);
   norms and routers are replicated; embeddings sit on the first stage, the head on the
   last. MTP modules are left out: engines load them only for speculative decoding. */
static uint64_t llmsize__rank_weights(const llmsize_weights *w, const llmsize_model *m, uint32_t tp,
                                      uint32_t pp, uint32_t expert_ranks) {
    const uint64_t layers = m->dims.layers, stage = (layers + pp - 1) / pp;
    const uint64_t sliced = LLMSIZE__PART(w, ATTN) + LLMSIZE__PART(w, FFN_DENSE) + LLMSIZE__PART(w, SHARED_EXPERTS) +
                            LLMSIZE__PART(w, LINEAR_ATTN);
    const uint64_t all = sliced / tp + LLMSIZE__PART(w, EXPERTS) / expert_ranks + LLMSIZE__PART(w, ROUTER) +
                         LLMSIZE__PART(w, NORMS);
    const uint64_t per_stage = all / layers * stage + all % layers * stage / layers;
    const uint64_t first = (LLMSIZE__PART(w, EMBED) + LLMSIZE__PART(w, VISION)) / tp, last = LLMSIZE__PART(w, LM_HEAD) / tp;
    if (pp <= 1) return per_stage + first + last;
    return per_stage + (first > last ? first : last);
}

/* The longest context a search considers: the model's own maximum, or 2^20 tokens when
   the table does not know it (max_ctx 0). */
static uint64_t llmsize__ctx_cap(const llmsize_model *m) { return m->dims.max_ctx ? m->dims.max_ctx : 1048576u; }

#define LLMSIZE__MAX_SEQS 1000000u   /* the most sequences a plan may ask for (llmsize_plan_check) */

/* The parallel layout after defaults. */
typedef struct llmsize__layout { uint32_t tp, pp, dp, gpus, expert_ranks; } llmsize__layout;

/* The GPUs a plan runs on: its gpus, or one where the engine was told to use one alone. */
static uint32_t llmsize__gpus_used(const llmsize_plan *p) { return (p->flags & LLMSIZE_PLAN_ONE_GPU) && p->gpus ? 1u : p->gpus; }

/* The layout of a plan llmsize_plan_check accepted. */
static void llmsize__layout_of(const llmsize_plan *p, llmsize__layout *l) {
    const uint32_t gpus = llmsize__gpus_used(p);
    l->pp = p->pp ? p->pp : 1u;
    l->dp = p->dp ? p->dp : 1u;
    l->tp = p->tp ? p->tp : (gpus ? gpus / (l->pp * l->dp) : 1u);
    l->gpus = l->tp * l->pp * l->dp;
    l->expert_ranks = (p->flags & LLMSIZE_PLAN_EXPERT_PARALLEL) ? l->tp * l->dp : l->tp;
}

/* KV bytes of one rank split by layer kind: per token on full-attention layers, per token
   on sliding-window / chunked layers, per sequence on linear-attention layers. */
typedef struct llmsize__kvparts { uint64_t full_tok, local_tok, state_seq; } llmsize__kvparts;

static void llmsize__kv_parts(const llmsize_model *m, llmsize_kv_dtype d, uint32_t stage_layers,
                              llmsize__kvparts *k, int *ov) {
    const uint64_t tok = llmsize__kv_token_bytes(m, d, ov);
    const llmsize__layer_counts c = llmsize__count_layers(m);
    memset(k, 0, sizeof *k);
    k->state_seq = llmsize__mul(c.linear, llmsize__linear_state_bytes(m, ov), ov);
    k->local_tok = llmsize__mul(c.local, tok, ov);
    k->full_tok = llmsize__mul(c.full, tok, ov);
    if (stage_layers < m->dims.layers) {   /* pipeline stage: its share of the layers */
        k->full_tok = k->full_tok / m->dims.layers * stage_layers + k->full_tok % m->dims.layers * stage_layers / m->dims.layers;
        k->local_tok = k->local_tok / m->dims.layers * stage_layers + k->local_tok % m->dims.layers * stage_layers / m->dims.layers;
        k->state_seq = k->state_seq / m->dims.layers * stage_layers;
    }
}

/* The KV parts one rank holds: its share of the heads (tensor parallelism) and of the layers
   (its pipeline stage). */
static void llmsize__rank_kv(const llmsize_model *m, uint32_t kv_dtype, const llmsize__layout *l, llmsize__kvparts *k, int *ov) {
    llmsize_model rank;
    llmsize__rank_model(m, l->tp, &rank);
    llmsize__kv_parts(&rank, (llmsize_kv_dtype)kv_dtype, (m->dims.layers + l->pp - 1) / l->pp, k, ov);
}

static uint64_t llmsize__round_up(uint64_t x, uint64_t to, int *ov) {
    if (to <= 1) return x;
    if (x > UINT64_MAX - (to - 1)) { *ov = 1; return 0; }
    return (x + to - 1) / to * to;
}

/* A plan's total: weights + KV + activations + overhead on the busiest rank. */
static void llmsize__total(llmsize_plan_result *r, int *ov) {
    llmsize__sum t = llmsize__sum_start(ov);
    llmsize__sum_add(&t, r->weight_bytes);
    llmsize__sum_add(&t, r->kv_bytes);
    llmsize__sum_add(&t, r->activation_bytes);
    llmsize__sum_add(&t, r->overhead_bytes);
    r->total_bytes = t.v;
}
/* A plan's verdict against its budget, once for every engine: headroom; fits unless the
   engine refuses; loads (everything but the KV cache fits); tight. */
static void llmsize__verdict(llmsize_plan_result *r, uint32_t tight_pct, int *ov) {
    int bad = 0;
    r->headroom_bytes = llmsize__headroom(r->total_bytes, r->usable_bytes, &bad);
    if (bad) { *ov = 1; return; }
    r->fits = !r->refused && r->headroom_bytes >= 0;
    r->loads = r->weight_bytes + r->activation_bytes + r->overhead_bytes <= r->usable_bytes;
    if (r->outcome == LLMSIZE_OUTCOME_STARTS)   /* an engine's place may have said otherwise */
        r->outcome = r->refused ? LLMSIZE_OUTCOME_REFUSES : LLMSIZE_OUTCOME_STARTS;
    r->tight = r->fits && llmsize__is_tight(r->headroom_bytes, r->usable_bytes, tight_pct);
}

/* Everything one plan_fit call works with: the plan after defaults (llmsize_plan_defaults),
   its engine, layout, weights, parameters and per-rank KV parts. An engine's `place`
   fills the result's weight, KV, activation, overhead and budget figures. */
/* Where a llama.cpp-style offload leaves the weights: what decides it, and the bytes it
   leaves in host memory and reads from there per token. */
typedef struct llmsize__placement {
    int used;
    uint32_t cpu_layers, cpu_moe_from, cpu_moe_to;
    int output_gpu;
    uint64_t host, host_read;
} llmsize__placement;

/* A search's plan: only whether it fits (and its decode speed if LLMSIZE_COLUMN_DECODE) is
   read, so an engine that must move layers to the CPU stops there: the plan does not fit. */
#define LLMSIZE__FITS_ONLY 0x100u
typedef struct llmsize__planning {
    const llmsize_plan *p;          /* after llmsize_plan_defaults: no zero means "default" */
    const llmsize_plan *asked;      /* as the caller gave it: which settings it left unset  */
    const llmsize_engine_info *e;
    llmsize__layout l;
    llmsize__kvparts k;
    llmsize_weights w;
    llmsize_params pr;
    uint64_t host_read;             /* bytes a decode step reads from host memory           */
    int moved_to_cpu;               /* the engine itself put layers on the CPU: it starts,
                                       but the plan as asked does not fit the GPU           */
    int ov;
    uint32_t columns;               /* LLMSIZE_COLUMN_* beyond the verdict, and
                                       LLMSIZE__FITS_ONLY: a search asks only "does it fit?" */
    /* the last tensor placements (llmsize__cells_at), newest first, by what decides them: a
       context search at one -ngl places the tensors once, not once per probe, and the
       placement a layer search settles on is one of its last few probes */
    llmsize__placement placed[4];
    /* where each -ngl puts the bytes: summed already (llmsize_prepared, a search's earlier
       plan), or summed by the weight fold or the first placement that needs it into `fill`
       (a search's, kept for its next plan) or `own` */
    const llmsize__host_table *host;
    llmsize__host_table *fill;
    llmsize__host_table own;        /* last: a plan clears what is above it */
} llmsize__planning;

/* ---- Command lines: what a flag sets and how its value is written (each engine lists its own flags) ---- */

typedef enum llmsize__arg {
    LLMSIZE__A_MODEL = 0, LLMSIZE__A_TP, LLMSIZE__A_PP, LLMSIZE__A_DP, LLMSIZE__A_CONTEXT, LLMSIZE__A_SEQS,
    LLMSIZE__A_FRACTION, LLMSIZE__A_KV_DTYPE, LLMSIZE__A_QUANT, LLMSIZE__A_BATCHED, LLMSIZE__A_UBATCH,
    LLMSIZE__A_BLOCK, LLMSIZE__A_GPU_LAYERS, LLMSIZE__A_CPU_MOE_N, LLMSIZE__A_FLASH_ATTN, LLMSIZE__A_CACHE_V, LLMSIZE__A_SPLIT_MODE,
    LLMSIZE__A_HF_FILE,    /* llama.cpp -hff: the GGUF file of an -hf repo               */
    LLMSIZE__A_MAX_SEQS,   /* a cap on sequences at once (vLLM --max-num-seqs)            */
    LLMSIZE__A_OVERRIDE_TENSOR, /* llama.cpp -ot PATTERN=TYPE,...                         */
    LLMSIZE__A_BOOL        /* a flag without a value that sets plan flags (in `bits`)      */
} llmsize__arg;

/* How a number is written: vLLM's human_readable_int takes k/m/g = 10^3.. and K/M/G =
   2^10.. (arg_utils.py); SGLang and llama.cpp take plain integers. */
enum { LLMSIZE__N_PLAIN = 0, LLMSIZE__N_HUMAN, LLMSIZE__N_HUMAN_AUTO };

typedef struct llmsize__flag {
    const char *names;         /* '|'-separated spellings                                  */
    uint32_t arg, number;
    uint32_t bits;             /* LLMSIZE__A_BOOL: plan flags to set                        */
} llmsize__flag;

/* Is this token a name of `f`? With "--flag=value" the name ends at '='. */
static int llmsize__flag_is(const llmsize__flag *f, const char *tok, size_t n) {
    const char *p = f->names;
    while (*p) {
        const char *e = p;
        while (*e && *e != '|') ++e;
        if ((size_t)(e - p) == n && memcmp(p, tok, n) == 0) return 1;
        p = *e ? e + 1 : e;
    }
    return 0;
}

/* Non-negative integer with the engine's suffixes; 0 on success, -1 on a malformed value,
   1 for vLLM's "auto"/-1. */
static int llmsize__parse_count(const char *s, uint32_t style, uint64_t *out) {
    uint64_t v = 0, mult = 1;
    int digits = 0;
    if (style == LLMSIZE__N_HUMAN_AUTO && (!strcmp(s, "-1") || llmsize__eq_n(s, "auto", 4))) return 1;
    while (*s >= '0' && *s <= '9') {
        if (v > (UINT64_MAX - 9u) / 10u) return -1;
        v = v * 10u + (uint64_t)(*s++ - '0');
        ++digits;
    }
    if (!digits) return -1;
    if (style != LLMSIZE__N_PLAIN && *s) {
        switch (*s++) {
        case 'k': mult = 1000u; break;       case 'K': mult = 1024u; break;
        case 'm': mult = 1000000u; break;    case 'M': mult = 1048576u; break;
        case 'g': mult = 1000000000u; break; case 'G': mult = 1073741824u; break;
        default: return -1;
        }
    }
    if (*s || (v && mult > UINT64_MAX / v)) return -1;
    *out = v * mult;
    return 0;
}

static int llmsize__parse_fraction(const char *s, double *out) {
    double v = 0.0, scale = 0.1;
    int digits = 0;
    while (*s >= '0' && *s <= '9') { v = v * 10.0 + (*s++ - '0'); ++digits; }
    if (*s == '.') { ++s; while (*s >= '0' && *s <= '9') { v += (*s++ - '0') * scale; scale *= 0.1; ++digits; } }
    if (*s || !digits || v <= 0.0 || v > 1.0) return -1;
    *out = v;
    return 0;
}

/* What makes an engine itself: one section per engine below defines its llmsize__<id>_ops,
   and llmsize__engine_ops_of[] lists them in llmsize_engine order (LLMSIZE_ENGINES). */
typedef struct llmsize__engine_ops {
    /* weights, KV, activations, overhead, budget and max context of one rank */
    llmsize_status (*place)(llmsize__planning *c, llmsize_plan_result *r);
    /* engine-specific defaults, before the common ones fill what is still zero (NULL: none);
       p->release is set */
    void (*defaults)(llmsize_plan *p, const llmsize__layout *l);
    /* the context when the plan names none (NULL: the release's default_context) */
    uint64_t (*context)(const llmsize_plan *p);
    int refuses_past_max_ctx;  /* a context beyond the model's own is refused at start      */
    uint32_t loads;            /* LLMSIZE__LOADS_*: the format kinds it runs                 */
    const char *gguf_default;  /* the GGUF file type it runs a 16-bit checkpoint as (NULL)   */
    /* its command line (llmsize_parse_command) */
    const char *programs;      /* '|'-separated program names; a trailing '*' matches a prefix */
    const char *subcommands;   /* words after the program that start it ("serve"), or NULL  */
    const char *module;        /* `python -m` module prefix ("vllm."), or NULL              */
    const llmsize__flag *flags;/* the flags it reads                                        */
    size_t n_flags;
    /* one KEY=VALUE of its environment (NULL: it reads none)                              */
    llmsize_status (*env)(const char *kv, llmsize_parsed *out);
    /* what it does with the settings once all are read (NULL: nothing)                    */
    void (*parsed)(llmsize_parsed *out);
    int places_layers;         /* it may keep layers in host memory (llmsize__host_table)     */
    /* its GPUs hold consecutive layers and run them in turn (llama.cpp's -sm layer, the
       default; Ollama spreads a model's layers the same way): the GPUs of a plan that sets
       no tp or pp are pipeline stages (llmsize__stages_of), not tensor-parallel ranks      */
    int splits_layers;
} llmsize__engine_ops;

enum { LLMSIZE__LOADS_GGUF = 1u, LLMSIZE__LOADS_GPU = 2u };   /* GPU: float and GPU formats */

/* ---- Shared KV layouts --------------------------------------------------------------- */

/* How local (sliding-window / chunked) layers are charged per request. */
enum { LLMSIZE__PAGES_FULL = 0,   /* like full attention (SGLang; vLLM without hybrid KV) */
       LLMSIZE__PAGES_HYBRID,     /* vLLM's hybrid allocator: window + one batch, + 1 page  */
       LLMSIZE__PAGES_WINDOW };   /* exactly the window (no engine: llmsize_kv_bytes)       */

/* Per-request KV bytes at `ctx` tokens in pages of `block` tokens: full-attention layers
   hold every page; local layers the pages their window (and, under vLLM's hybrid
   allocator, one scheduling batch) can touch; linear-attention layers a fixed state. */
static uint64_t llmsize__request_kv(const llmsize__kvparts *k, const llmsize_model *m, uint64_t ctx,
                                    uint64_t block, uint64_t batched, int local, int *ov) {
    const uint64_t pages = (ctx + block - 1) / block;
    uint64_t local_pages = pages;
    llmsize__sum kv = llmsize__sum_start(ov);
    if (local == LLMSIZE__PAGES_HYBRID && m->attn.window) {
        const uint64_t w = ((uint64_t)m->attn.window - 1u + batched + block - 1) / block + 1u;
        if (w < local_pages) local_pages = w;
    } else if (local == LLMSIZE__PAGES_WINDOW && m->attn.window < local_pages * block) {
        local_pages = ((uint64_t)m->attn.window + block - 1) / block;   /* exactly the window */
    }
    llmsize__sum_madd3(&kv, k->full_tok, pages, block);
    llmsize__sum_madd3(&kv, k->local_tok, local_pages, block);
    llmsize__sum_add(&kv, k->state_seq);
    return kv.v;
}

/* Where to start looking for the longest context whose KV for one request fits `budget`
   bytes: request_kv's closed form without its page rounding (llmsize__largest_near
   corrects the rest). */
static uint64_t llmsize__kv_ctx_guess(const llmsize__kvparts *k, const llmsize_model *m, double budget, uint64_t batched,
                                      int local) {
    const double full = (double)k->full_tok, loc = (double)k->local_tok;
    double w = m->attn.window && loc > 0 ? (double)m->attn.window : 0.0, x;
    if (local == LLMSIZE__PAGES_HYBRID && w > 0) w += (double)batched;
    budget -= (double)k->state_seq;
    if (!(budget > 0)) return 0;
    if (full + loc <= 0) return UINT64_MAX;          /* nothing grows with the context */
    x = budget / (full + loc);
    if (w > 0 && x > w) x = full > 0 ? (budget - loc * w) / full : 1e300;
    return x >= 1.8e19 ? UINT64_MAX : (uint64_t)x;
}

/* How requests are paged (llmsize__paged_pool). */
typedef struct llmsize__paging {
    uint64_t block;            /* tokens per page                                            */
    uint64_t batched;          /* tokens of one scheduling batch                             */
    int local;                 /* LLMSIZE__PAGES_*: how sliding-window layers are charged   */
    int context_auto;          /* the engine picks the longest context one request can hold */
    int refusal_in_tokens;     /* the refusal message counts tokens, not bytes (vLLM V0)    */
    int refusal_local;         /* how its start check charges local layers (vLLM V1 checks
                                  each layer's own spec, window-bounded, in every release) */
    uint64_t reserved;         /* what the budget holds besides the KV pool                  */
} llmsize__paging;

typedef struct llmsize__paged_ask {
    const llmsize__kvparts *k; const llmsize_model *m; const llmsize__paging *pg; uint64_t pool; uint32_t seqs; int *ov;
} llmsize__paged_ask;
static int llmsize__paged_fits(void *ctx, uint64_t context, llmsize_status *st) {
    const llmsize__paged_ask *a = (const llmsize__paged_ask *)ctx;
    (void)st;
    return llmsize__mul(llmsize__request_kv(a->k, a->m, context, a->pg->block, a->pg->batched, a->pg->local, a->ov),
                        a->seqs, a->ov) <= a->pool;
}

/* The longest per-request context whose pages, for `seqs` requests, fit `pool` bytes. */
static uint64_t llmsize__paged_max_ctx(const llmsize__planning *c, const llmsize__paging *pg, uint64_t pool,
                                       uint32_t seqs, int *ov) {
    llmsize__paged_ask a;
    uint64_t best = 0;
    a.k = &c->k; a.m = c->p->model; a.pg = pg; a.pool = pool; a.seqs = seqs; a.ov = ov;
    (void)llmsize__largest_near(0, llmsize__ctx_cap(c->p->model),
                                llmsize__kv_ctx_guess(&c->k, c->p->model, (double)pool / (seqs ? seqs : 1u), pg->batched, pg->local),
                                llmsize__paged_fits, &a, &best);
    return best;
}

/* A paging engine's KV pool: what its budget (r->usable_bytes) leaves beside
   pg->reserved, in pages; how many requests it holds, and its refusal when one request at
   the context does not fit. */
static void llmsize__paged_pool(llmsize__planning *c, const llmsize__paging *pg, llmsize_plan_result *r) {
    const llmsize_model *m = c->p->model;
    const uint64_t per_tok = llmsize__add(c->k.full_tok, c->k.local_tok, &c->ov);
    uint64_t per_req;
    /* unsigned, compared first: reserved bytes past 2^63 (weights from a hostile config.json)
       must not overflow a signed difference */
    uint64_t pool = r->usable_bytes > pg->reserved ? r->usable_bytes - pg->reserved : 0u;
    if (c->p->kv_pool_bytes && c->p->kv_pool_bytes <= (uint64_t)INT64_MAX) pool = c->p->kv_pool_bytes;
    r->kv_pool_bytes = pool;
    if (pg->context_auto) {
        const uint64_t fit = llmsize__paged_max_ctx(c, pg, r->kv_pool_bytes, 1u, &c->ov);
        r->context = fit ? fit : 1u;
    }
    per_req = llmsize__request_kv(&c->k, m, r->context, pg->block, pg->batched, pg->local, &c->ov);
    if (per_tok) {
        r->kv_blocks = r->kv_pool_bytes / llmsize__mul(per_tok, pg->block, &c->ov);
        r->kv_capacity_tokens = r->kv_blocks * pg->block;
    }
    if (per_req) r->max_concurrency = (double)r->kv_pool_bytes / (double)per_req;
    if (pg->local == LLMSIZE__PAGES_HYBRID) {
        /* vLLM's hybrid allocator (kv_cache_utils.py): layers grouped by kind into groups of
           the smallest kind's size; a block holds one page of every layer of a group; the
           tokens it prints are the blocks shared by the groups. Linear-attention layers get
           pages the size of an attention layer's. */
        const llmsize__layer_counts n = llmsize__count_layers(m);
        const uint32_t pp = c->l.pp, kinds[3] = { (n.full + pp - 1) / pp, (n.local + pp - 1) / pp, (n.linear + pp - 1) / pp };
        uint32_t group = 0, groups = 0, k, present = 0;
        for (k = 0; k < 3; ++k) if (kinds[k]) { ++present; if (!group || kinds[k] < group) group = kinds[k]; }
        if (present > 1 && kinds[0]) {
            const uint64_t page = llmsize__mul(c->k.full_tok / kinds[0], pg->block, &c->ov);
            for (k = 0; k < 3; ++k) groups += (kinds[k] + group - 1) / group;
            r->kv_blocks = page ? r->kv_pool_bytes / llmsize__mul(page, group, &c->ov) : 0u;
            r->kv_capacity_tokens = r->kv_blocks / groups * pg->block;
        }
    }
    r->kv_bytes = llmsize__mul(per_req, r->seqs, &c->ov);
    r->max_context = llmsize__paged_max_ctx(c, pg, r->kv_pool_bytes, r->seqs, &c->ov);
    if (pg->refusal_local != pg->local)
        per_req = llmsize__request_kv(&c->k, m, r->context, pg->block, pg->batched, pg->refusal_local, &c->ov);
    if (pool <= 0 || per_req > r->kv_pool_bytes) {
        r->refused = 1;
        r->refusal_needed = pg->refusal_in_tokens ? r->context : per_req;
        r->refusal_available = pg->refusal_in_tokens ? r->kv_capacity_tokens : r->kv_pool_bytes;
    }
}

/* A paging engine's pages as the plan sets them: full pages for local layers, no automatic
   context, a refusal in bytes; an engine changes what it does differently. */
static llmsize__paging llmsize__paging_of(const llmsize__planning *c) {
    llmsize__paging pg;
    pg.block = c->p->block_size;
    pg.batched = c->p->batched_tokens;
    pg.local = LLMSIZE__PAGES_FULL;
    pg.context_auto = 0;
    pg.refusal_in_tokens = 0;
    pg.refusal_local = LLMSIZE__PAGES_FULL;
    pg.reserved = 0;
    return pg;
}

/* Weights of a paging engine's rank, and the overhead outside its accounting. */
static void llmsize__paged_weights(llmsize__planning *c, llmsize_plan_result *r) {
    r->weight_bytes = llmsize__rank_weights(&c->w, c->p->model, c->l.tp, c->l.pp, c->l.expert_ranks);
    r->overhead_bytes = c->l.tp > 1 ? c->p->release->overhead_tpn : c->p->release->overhead_tp1;
}

/* Device memory a PyTorch-based engine budgets from: the total CUDA reports, below nvidia-smi's. */
static uint64_t llmsize__cuda_total(const llmsize__planning *c) {
    const uint64_t mem = c->p->gpu->mem_bytes;
    return mem > c->e->device_reserved ? mem - c->e->device_reserved : 0u;
}

/* A paging engine started without -tp / -pp / -dp runs on one GPU, however many the node
   has: its command line's layout is explicit (llama.cpp and Ollama instead spread over
   every GPU they see). */
static void llmsize__one_gpu_parsed(llmsize_parsed *out) {
    if (!out->plan.tp) out->plan.tp = 1u;
    if (!out->plan.pp) out->plan.pp = 1u;
    if (!out->plan.dp) out->plan.dp = 1u;
}

/* ==== Engine: none — weights and the exact KV cache against usable memory ============ */

typedef struct llmsize__exact_ask { const llmsize__planning *c; uint64_t weights, usable; uint32_t seqs; int *ov; } llmsize__exact_ask;
static int llmsize__exact_fits(void *ctx, uint64_t context, llmsize_status *st) {
    const llmsize__exact_ask *a = (const llmsize__exact_ask *)ctx;
    (void)st;
    return a->weights + llmsize__mul(llmsize__request_kv(&a->c->k, a->c->p->model, context, 1u, 0u, LLMSIZE__PAGES_WINDOW, a->ov),
                                     a->seqs, a->ov) <= a->usable;
}

/* No engine's rules: a rank's weights, its exact KV for r->seqs x r->context, against the
   accelerator's usable memory (llmsize_plan_fit and llmsize_prepared_fit both size this). */
static void llmsize__none_figures(const llmsize__kvparts *k, const llmsize_model *m, uint64_t rank_weights,
                                  const llmsize_gpu *gpu, llmsize_plan_result *r, int *ov) {
    r->weight_bytes = rank_weights;
    r->usable_bytes = llmsize__usable(gpu);
    r->kv_bytes = llmsize__mul(llmsize__request_kv(k, m, r->context, 1u, 0u, LLMSIZE__PAGES_WINDOW, ov), r->seqs, ov);
}

static llmsize_status llmsize__none_place(llmsize__planning *c, llmsize_plan_result *r) {
    llmsize__exact_ask a;
    llmsize__none_figures(&c->k, c->p->model, llmsize__rank_weights(&c->w, c->p->model, c->l.tp, c->l.pp, c->l.expert_ranks),
                          c->p->gpu, r, &c->ov);
    a.c = c; a.weights = r->weight_bytes; a.usable = r->usable_bytes; a.seqs = r->seqs; a.ov = &c->ov;
    if (!(c->columns & LLMSIZE_COLUMN_MAX_CONTEXT)) return LLMSIZE_OK;
    return llmsize__largest_near(0, llmsize__ctx_cap(c->p->model),
                                 r->usable_bytes > r->weight_bytes
                                     ? llmsize__kv_ctx_guess(&c->k, c->p->model, (double)(r->usable_bytes - r->weight_bytes) / (r->seqs ? r->seqs : 1u), 0u, LLMSIZE__PAGES_WINDOW)
                                     : 0u,
                                 llmsize__exact_fits, &a, &r->max_context);
}

static const llmsize__engine_ops llmsize__none_ops = {
    llmsize__none_place, NULL, NULL, 0, LLMSIZE__LOADS_GGUF | LLMSIZE__LOADS_GPU, NULL,
    NULL, NULL, NULL,
    NULL, 0, NULL, NULL, 0, 0
};

/* ==== Engine: vLLM ==================================================================== */

/* A dummy forward pass of `tokens` tokens, the peak of what it holds: the FFN's
   intermediate (gate and up at 16 bits, kept with the activated product; for MoE, each
   token's routed experts') plus the residual stream copies, sliced by tensor parallelism.
   vLLM profiles with it (V1 without attention), TensorRT-LLM's activations likewise. */
static uint64_t llmsize__forward_peak(const llmsize_model *m, uint64_t tokens, uint32_t tp, int *ov) {
    const uint64_t ffn = m->moe.experts ? (uint64_t)m->moe.expert_ffn * m->moe.active + m->moe.shared_ffn : m->dims.ffn;
    const double per_token = 2.0 * (3.0 * (double)ffn / tp + 4.0 * (double)m->dims.hidden);
    return llmsize__d2u(per_token * (double)tokens, ov);
}

/* The V0 engine runs: a release before V1, or VLLM_USE_V1=0 on one that still has V0. */
static int llmsize__vllm_v0(const llmsize_plan *p) {
    return (p->flags & LLMSIZE_PLAN_VLLM_V0) || !(p->release->rules & LLMSIZE_RULE_VLLM_V1);
}

/* V1's defaults for `vllm serve` (arg_utils.py get_batch_defaults): 8192 batched tokens
   and 1024 sequences on GPUs of 70 GiB or more (not A100s from 0.9; 16384 tokens from
   160 GiB in 0.34), else the release's 2048 and 256; max_num_seqs never above the
   batched tokens. V0: chunked prefill (2048 tokens) above 32K context, else one whole
   max_model_len batch (at least 2048). */
static void llmsize__vllm_defaults(llmsize_plan *p, const llmsize__layout *l) {
    const uint32_t rules = p->release->rules;
    /* unified-memory parts (DGX Spark's GB10) take the small defaults: NVML reports no device
       memory there, and 0.34 names GB10 outright */
    const int big = (rules & LLMSIZE_RULE_BATCH_BY_GPU) && p->gpu->mem_bytes >= 70ull * 1073741824ull &&
                    p->gpu->hw_class != LLMSIZE_HW_UNIFIED &&
                    !((rules & LLMSIZE_RULE_A100_SMALL) && llmsize__contains_ci(p->gpu->name, "a100"));
    (void)l;
    if (llmsize__vllm_v0(p)) {
        if (!p->batched_tokens) p->batched_tokens = p->context > 32768u ? 2048u : (p->context > 2048u ? p->context : 2048u);
        return;
    }
    if (!p->batched_tokens)
        p->batched_tokens = (rules & LLMSIZE_RULE_BATCH_160) && p->gpu->mem_bytes >= 160ull * 1073741824ull ? 16384u
                            : big ? 8192u : p->release->default_batched_tokens;
    if (!p->max_seqs) {
        p->max_seqs = big ? 1024u : p->release->default_max_seqs;
        if (p->max_seqs > p->batched_tokens) p->max_seqs = (uint32_t)p->batched_tokens;
    }
}

/* V1's profiled peak: the forward pass's tensors are freed before its sampler pass runs
   over min(max_num_seqs, batched tokens) rows of fp32 logits of the whole vocabulary, so
   the peak is the larger of the two. The sampler's bytes per logit: PyTorch's sort, or
   FlashInfer's kernel (the release's default, or VLLM_USE_FLASHINFER_SAMPLER). */
static uint64_t llmsize__vllm_v1_peak(const llmsize_plan *p, uint32_t tp, int *ov) {
    const uint64_t forward = llmsize__forward_peak(p->model, p->batched_tokens, tp, ov);
    const uint64_t rows = p->max_seqs < p->batched_tokens ? p->max_seqs : p->batched_tokens;
    const int flashinfer = (p->flags & LLMSIZE_PLAN_FLASHINFER_SAMPLER) ||
                           ((p->release->rules & LLMSIZE_RULE_FLASHINFER_SAMPLER) && !(p->flags & LLMSIZE_PLAN_NATIVE_SAMPLER));
    const uint64_t sampler = llmsize__d2u((double)rows * p->model->dims.vocab *
                                          (flashinfer ? LLMSIZE_VLLM_SAMPLER_FLASHINFER_BYTES : LLMSIZE_VLLM_SAMPLER_SORT_BYTES), ov);
    return forward > sampler ? forward : sampler;
}

/* gpu_memory_utilization of the device holds the weights, the profiled peak, the memory
   outside torch (and, from 0.21, CUDA graphs) and the paged KV pool; from 0.34 the pool is
   what warmup leaves, less a margin of max(1 GiB, 0.75 x the peak). The hybrid allocator
   pages sliding-window layers by their window; --max-model-len auto takes the longest
   context that fits. */
static llmsize_status llmsize__vllm_place(llmsize__planning *c, llmsize_plan_result *r) {
    const llmsize_plan *p = c->p;
    const uint32_t rules = p->release->rules;
    llmsize__paging pg = llmsize__paging_of(c);
    llmsize__paged_weights(c, r);
    if (p->model->moe.experts && llmsize__eq_n(p->format->id, "mxfp4", 5)) {
        /* MXFP4 MoE kernels (mxfp4.py) hold the experts padded. Marlin, which vLLM picks
           unless the triton_kernels package is installed (pip installs: the log's "Weight-only
           FP4 compression ... Marlin kernel"), pads hidden to 256 and each rank's intermediate
           slice to 128: 65.97 GiB for gpt-oss-120b on one H100 as logged (vllm #23278) */
        const uint64_t h = p->model->dims.hidden, i = p->model->moe.expert_ffn / c->l.tp;
        const uint64_t experts = LLMSIZE__PART(&c->w, EXPERTS) / c->l.expert_ranks;
        if (h && i) {
            const double grow = (double)llmsize__round_up(h, 256u, &c->ov) / (double)h *
                                (double)llmsize__round_up(i, 128u, &c->ov) / (double)i;
            r->weight_bytes = llmsize__add(r->weight_bytes, llmsize__d2u((double)experts * (grow - 1.0), &c->ov), &c->ov);
        }
    }
    if (llmsize__vllm_v0(p)) {
        r->activation_bytes = llmsize__forward_peak(p->model, p->batched_tokens, c->l.tp, &c->ov);
    } else {
        r->activation_bytes = llmsize__vllm_v1_peak(p, c->l.tp, &c->ov);
        if ((rules & (LLMSIZE_RULE_GRAPHS_BUDGETED | LLMSIZE_RULE_KV_AFTER_WARMUP)) && !(p->flags & LLMSIZE_PLAN_EAGER))
            r->overhead_bytes = llmsize__add(r->overhead_bytes, LLMSIZE_VLLM_GRAPH_BYTES, &c->ov);
        if (rules & LLMSIZE_RULE_KV_AFTER_WARMUP) {
            const uint64_t margin = r->activation_bytes / 4u * 3u;
            r->overhead_bytes = llmsize__add(r->overhead_bytes, margin > 1073741824ull ? margin : 1073741824ull, &c->ov);
        }
    }
    r->usable_bytes = (uint64_t)((double)llmsize__cuda_total(c) * p->mem_fraction);
    if (!(p->flags & LLMSIZE_PLAN_NO_HYBRID_KV) && !llmsize__vllm_v0(p) && (rules & LLMSIZE_RULE_HYBRID_KV))
        pg.local = LLMSIZE__PAGES_HYBRID;
    pg.context_auto = (p->flags & LLMSIZE_PLAN_CONTEXT_AUTO) != 0;
    pg.refusal_in_tokens = llmsize__vllm_v0(p);
    pg.refusal_local = llmsize__vllm_v0(p) ? pg.local : LLMSIZE__PAGES_HYBRID;
    pg.reserved = llmsize__add(llmsize__add(r->weight_bytes, r->activation_bytes, &c->ov), r->overhead_bytes, &c->ov);
    llmsize__paged_pool(c, &pg, r);
    if (r->weight_bytes > llmsize__cuda_total(c)) r->outcome = LLMSIZE_OUTCOME_OUT_OF_MEMORY;   /* loading fails */
    return LLMSIZE_OK;
}

static const llmsize__flag llmsize__vllm_flags[] = {
    { "--model", LLMSIZE__A_MODEL, 0, 0 },
    { "--tensor-parallel-size|-tp", LLMSIZE__A_TP, LLMSIZE__N_PLAIN, 0 },
    { "--pipeline-parallel-size|-pp", LLMSIZE__A_PP, LLMSIZE__N_PLAIN, 0 },
    { "--data-parallel-size|-dp", LLMSIZE__A_DP, LLMSIZE__N_PLAIN, 0 },
    { "--max-model-len", LLMSIZE__A_CONTEXT, LLMSIZE__N_HUMAN_AUTO, 0 },
    { "--max-num-seqs", LLMSIZE__A_MAX_SEQS, LLMSIZE__N_PLAIN, 0 },
    { "--gpu-memory-utilization", LLMSIZE__A_FRACTION, 0, 0 },
    { "--kv-cache-dtype", LLMSIZE__A_KV_DTYPE, 0, 0 },
    { "--quantization|-q", LLMSIZE__A_QUANT, 0, 0 },
    { "--max-num-batched-tokens", LLMSIZE__A_BATCHED, LLMSIZE__N_HUMAN, 0 },
    { "--block-size", LLMSIZE__A_BLOCK, LLMSIZE__N_PLAIN, 0 },
    { "--enable-expert-parallel|-ep", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_EXPERT_PARALLEL },
    { "--disable-hybrid-kv-cache-manager", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_NO_HYBRID_KV },
    { "--enforce-eager", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_EAGER },
    { "--trust-remote-code|--enable-prefix-caching|--no-enable-prefix-caching|"
                           "--enable-chunked-prefill|--disable-log-requests|--disable-log-stats|--enable-auto-tool-choice|"
                           "--enable-lora|--async-scheduling", LLMSIZE__A_BOOL, 0, 0 }
};

/* VLLM_USE_V1=0 runs the V0 engine on the releases that still have it;
   VLLM_USE_FLASHINFER_SAMPLER picks the sampler its profile runs. */
static llmsize_status llmsize__vllm_env(const char *kv, llmsize_parsed *out) {
    if (!strcmp(kv, "VLLM_USE_V1=0")) out->plan.flags |= LLMSIZE_PLAN_VLLM_V0;
    else if (!strcmp(kv, "VLLM_USE_FLASHINFER_SAMPLER=1")) out->plan.flags |= LLMSIZE_PLAN_FLASHINFER_SAMPLER;
    else if (!strcmp(kv, "VLLM_USE_FLASHINFER_SAMPLER=0")) out->plan.flags |= LLMSIZE_PLAN_NATIVE_SAMPLER;
    return LLMSIZE_OK;
}

static const llmsize__engine_ops llmsize__vllm_ops = {
    llmsize__vllm_place, llmsize__vllm_defaults, NULL, 1, LLMSIZE__LOADS_GPU, NULL,
    "vllm", "serve", "vllm.",
    llmsize__vllm_flags, LLMSIZE__COUNT(llmsize__vllm_flags), llmsize__vllm_env, llmsize__one_gpu_parsed, 0, 0
};

/* ==== Engine: SGLang ================================================================== */

/* SGLang's default mem_fraction_static. Before 0.5 (server_args.py): by TP on GPUs up to 80
   GiB, else (memory - 13 GiB) / memory. From 0.5.4 (_handle_gpu_memory_settings, PR #10975):
   (memory - reserve) / memory, the reserve in MiB for attention metadata, one prefill chunk
   of activations, CUDA graphs and parallel buffers by the GPU's memory tier (at least 10 GiB
   on cards over 60 GiB); 0.5.23 (memory_hook.py) gives 20-35 GiB cards larger chunks. */
static double llmsize__sglang_fraction(const llmsize_plan *p, uint32_t tp, uint32_t pp) {
    static const struct { double below_mib, chunk, graph_bs, graph_bs_tp4; } tiers[] = {
        { 20.0 * 1024, 2048, 8, 8 }, { 35.0 * 1024, 2048, 16, 80 }, { 60.0 * 1024, 4096, 32, 160 },
        { 90.0 * 1024, 8192, 256, 512 }, { 160.0 * 1024, 8192, 256, 512 }, { 1e300, 16384, 512, 512 }
    };
    const double mib = (double)p->gpu->mem_bytes / 1048576.0;
    double reserved, chunk, graph;
    size_t i = 0;
    if (!(p->release->rules & LLMSIZE_RULE_RESERVE_BY_GPU)) {
        if (mib > 81920.0) return (mib - 13.0 * 1024) / mib;
        return tp >= 16 ? 0.79 : tp >= 8 ? 0.81 : tp >= 4 ? 0.85 : tp >= 2 ? 0.87 : 0.88;
    }
    while (mib >= tiers[i].below_mib) ++i;
    chunk = tiers[i].chunk;
    graph = tp >= 4 ? tiers[i].graph_bs_tp4 : tiers[i].graph_bs;
    if ((p->release->rules & LLMSIZE_RULE_TIERS_2026) && i == 1) { chunk = 4096; graph = tp >= 4 ? 160 : 48; }
    reserved = 512.0 + (chunk > 2048 ? chunk : 2048) * 1.5 + graph * 2.0 + (double)tp * pp / 8.0 * 1024.0;
    if (mib > 60.0 * 1024 && reserved < 10240.0) reserved = 10240.0;
    return mib > reserved ? (mib - reserved) / mib : 0.5;
}

static void llmsize__sglang_defaults(llmsize_plan *p, const llmsize__layout *l) {
    if (p->mem_fraction <= 0.0) p->mem_fraction = llmsize__sglang_fraction(p, l->tp, l->pp);
}

/* mem_fraction_static holds the weights and the token-level KV pool; activations, CUDA
   graphs and the context live in the rest of the card. */
static llmsize_status llmsize__sglang_place(llmsize__planning *c, llmsize_plan_result *r) {
    llmsize__paging pg = llmsize__paging_of(c);
    llmsize__paged_weights(c, r);
    r->usable_bytes = (uint64_t)((double)llmsize__cuda_total(c) * c->p->mem_fraction);
    pg.reserved = llmsize__add(r->weight_bytes, r->overhead_bytes, &c->ov);
    llmsize__paged_pool(c, &pg, r);
    return LLMSIZE_OK;
}

static const llmsize__flag llmsize__sglang_flags[] = {
    { "--model-path|--model", LLMSIZE__A_MODEL, 0, 0 },
    { "--tp-size|--tp|--tensor-parallel-size", LLMSIZE__A_TP, LLMSIZE__N_PLAIN, 0 },
    { "--pp-size|--pipeline-parallel-size", LLMSIZE__A_PP, LLMSIZE__N_PLAIN, 0 },
    { "--dp-size|--dp|--data-parallel-size", LLMSIZE__A_DP, LLMSIZE__N_PLAIN, 0 },
    { "--context-length", LLMSIZE__A_CONTEXT, LLMSIZE__N_PLAIN, 0 },
    { "--max-running-requests", LLMSIZE__A_MAX_SEQS, LLMSIZE__N_PLAIN, 0 },
    { "--mem-fraction-static", LLMSIZE__A_FRACTION, 0, 0 },
    { "--kv-cache-dtype", LLMSIZE__A_KV_DTYPE, 0, 0 },
    { "--quantization", LLMSIZE__A_QUANT, 0, 0 },
    { "--enable-ep-moe|--ep", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_EXPERT_PARALLEL },
    { "--trust-remote-code|--enable-torch-compile|--disable-radix-cache|--enable-dp-attention",
      LLMSIZE__A_BOOL, 0, 0 }
};

static const llmsize__engine_ops llmsize__sglang_ops = {
    llmsize__sglang_place, llmsize__sglang_defaults, NULL, 1, LLMSIZE__LOADS_GPU, NULL,
    "sglang", "serve", "sglang.",
    llmsize__sglang_flags, LLMSIZE__COUNT(llmsize__sglang_flags), NULL, llmsize__one_gpu_parsed, 0, 0
};

/* ==== Engine: TensorRT-LLM ============================================================ */

/* The KV pool is free_gpu_memory_fraction of what is free after loading the weights and
   the activations. */
static llmsize_status llmsize__trtllm_place(llmsize__planning *c, llmsize_plan_result *r) {
    const uint64_t mem = llmsize__cuda_total(c);
    llmsize__paging pg = llmsize__paging_of(c);
    llmsize__paged_weights(c, r);
    r->activation_bytes = llmsize__forward_peak(c->p->model, c->p->batched_tokens, c->l.tp, &c->ov);
    pg.reserved = llmsize__add(llmsize__add(r->weight_bytes, r->activation_bytes, &c->ov), r->overhead_bytes, &c->ov);
    r->usable_bytes = pg.reserved < mem ? pg.reserved + (uint64_t)((double)(mem - pg.reserved) * c->p->mem_fraction) : mem;
    llmsize__paged_pool(c, &pg, r);
    return LLMSIZE_OK;
}

static const llmsize__flag llmsize__trtllm_flags[] = {
    { "--tp_size|--tp-size", LLMSIZE__A_TP, LLMSIZE__N_PLAIN, 0 },
    { "--pp_size|--pp-size", LLMSIZE__A_PP, LLMSIZE__N_PLAIN, 0 },
    { "--max_seq_len|--max-seq-len", LLMSIZE__A_CONTEXT, LLMSIZE__N_PLAIN, 0 },
    { "--max_batch_size|--max-batch-size", LLMSIZE__A_MAX_SEQS, LLMSIZE__N_PLAIN, 0 },
    { "--kv_cache_free_gpu_memory_fraction|--kv-cache-free-gpu-memory-fraction", LLMSIZE__A_FRACTION, 0, 0 },
    { "--trust_remote_code|--trust-remote-code", LLMSIZE__A_BOOL, 0, 0 }
};

static const llmsize__engine_ops llmsize__trtllm_ops = {
    llmsize__trtllm_place, NULL, NULL, 1, LLMSIZE__LOADS_GPU, NULL,
    "trtllm-serve", "serve", NULL,
    llmsize__trtllm_flags, LLMSIZE__COUNT(llmsize__trtllm_flags), NULL, llmsize__one_gpu_parsed, 0, 0
};

/* ==== Engine family: llama.cpp cells (llama.cpp, Ollama) ============================= */

/* llama.cpp's compute buffer: the larger of the attention scores of one micro-batch over
   every cell (f32, only without flash attention) plus the FFN intermediate, and the f32
   logits of the micro-batch plus its input embeddings. */
static uint64_t llmsize__llamacpp_compute(const llmsize_model *m, uint64_t ubatch, uint64_t cells, int fa, int *ov) {
    const uint64_t heads = m->dims.heads, ffn = m->moe.experts ? m->moe.expert_ffn : m->dims.ffn;
    const uint64_t attn = llmsize__add(fa ? 0u : llmsize__mul(llmsize__mul3(ubatch, cells, heads, ov), 4u, ov),
                                       llmsize__mul3(ubatch, ffn + 3u * (uint64_t)m->dims.hidden, 4u, ov), ov);
    const uint64_t logits = llmsize__mul3(ubatch, (uint64_t)m->dims.vocab + m->dims.hidden, 4u, ov);
    return attn > logits ? attn : logits;
}

/* How one llama.cpp-based engine differs beyond its releases. */
typedef struct llmsize__cells_rules {
    int quant_v_needs_fa;      /* a quantized V cache with flash attention off is refused     */
    int fit_lowers_context;    /* --fit may lower a context the command did not set          */
    uint64_t reserve;          /* kept free on each GPU when it picks the layers itself       */
    /* -ngl N as this engine reads it: repeating layers left on the CPU, output on the GPU */
    void (*split)(uint32_t ngl, uint32_t layers, uint32_t *cpu_layers, int *output_gpu);
} llmsize__cells_rules;

/* How a llama.cpp context lays out its cells: one unified cache each slot may fill up to
   the context; one buffer of context x slots (llama.cpp before b6071, Ollama's runner); or
   one stream per slot, each padded. Sliding-window layers hold window + one micro-batch
   (per stream, or window x slots + one micro-batch when shared) unless the cache is full
   size. */
typedef struct llmsize__cells_layout {
    uint64_t pad, ubatch;
    uint32_t seqs;
    int unified, one_buffer, swa_window, fa;
} llmsize__cells_layout;

static void llmsize__cells_of(const llmsize__cells_layout *L, const llmsize_model *m, uint64_t context,
                              uint64_t *cells, uint64_t *swa, int *ov) {
    const int windowed = m->attn.window && L->swa_window;
    if (L->unified || L->one_buffer) {
        *cells = llmsize__round_up(L->unified ? context : llmsize__mul(context, L->seqs, ov), L->pad, ov);
        *swa = *cells;
        if (windowed) {
            const uint64_t w = llmsize__round_up(llmsize__add(llmsize__mul(m->attn.window, L->seqs, ov), L->ubatch, ov), L->pad, ov);
            if (w < *swa) *swa = w;
        }
    } else {
        const uint64_t per = llmsize__round_up(context, L->pad, ov);
        uint64_t w = per;
        if (windowed) {
            const uint64_t win = llmsize__round_up(llmsize__add(m->attn.window, L->ubatch, ov), L->pad, ov);
            if (win < w) w = win;
        }
        *cells = llmsize__mul(per, L->seqs, ov);
        *swa = llmsize__mul(w, L->seqs, ov);
    }
}

/* The placement sums of a model in a format, by a byte fold of their own (when the weights
   came from a cache). */
static void llmsize__host_fold(const llmsize_model *m, const llmsize_format *f, llmsize__host_table *h) {
    llmsize__bytes_visitor b;
    llmsize__bytes_init(&b, m, f);
    llmsize__host_start(&b, h);
    llmsize__bytes_run(&b);
    llmsize__host_end(&b);
}

/* Host bytes, and what a decode step reads of them, with the first `cpu_layers` blocks and
   the routed experts of the blocks from `moe_from` to below `moe_to` in host memory
   (llmsize__on_host). Every sum is part of the model's bytes, which fit 64 bits
   (llmsize__host_end). */
static void llmsize__host_bytes(const llmsize__host_table *h, const llmsize_model *m, uint32_t cpu_layers, int output_gpu,
                                uint32_t moe_from, uint32_t moe_to, uint64_t *host, uint64_t *read) {
    const uint32_t layers = m->dims.layers, last = layers ? layers - 1u : 0u;
    const uint32_t to = moe_to < layers ? moe_to : layers;
    uint64_t s = h->always, r = 0;
    uint32_t i;
    if (!output_gpu) { s += h->out; r += h->out_read; }
    for (i = 0; i < cpu_layers; ++i) {
        const uint32_t g = h->group[i];
        s += h->block[g] + h->routed[g];
        r += h->block_read[g] + h->routed_read[g];
    }
    for (i = i > moe_from ? i : moe_from; i < to; ++i) {
        s += h->routed[h->group[i]];
        r += h->routed_read[h->group[i]];
    }
    if (last < cpu_layers) s += h->mtp;
    if (last < cpu_layers || (last < moe_to && moe_from <= last)) s += h->mtp_routed;
    *host = s;
    *read = r;
}

/* Host bytes and what a decode step reads of them for one placement: from the sums, or
   tensor by tensor for a model they do not cover; the last few placements kept (a context
   search probes one placement many times, a layer search one more than once). 1 when a sum
   passes 64 bits. */
static int llmsize__placement_of(llmsize__planning *c, uint32_t cpu_layers, int output_gpu, uint32_t moe_from,
                                 uint32_t moe_to, uint64_t *host, uint64_t *read) {
    llmsize__placement *pl = NULL;
    size_t k;
    for (k = 0; k < LLMSIZE__COUNT(c->placed) && !pl; ++k)
        if (c->placed[k].used && c->placed[k].cpu_layers == cpu_layers && c->placed[k].output_gpu == output_gpu &&
            c->placed[k].cpu_moe_from == moe_from && c->placed[k].cpu_moe_to == moe_to) pl = &c->placed[k];
    if (!pl) {
        uint64_t h = 0, r = 0;
        if (!c->host) {   /* the first placement of a plan whose weights came from a cache */
            llmsize__host_fold(c->p->model, c->p->format, c->fill);
            c->host = c->fill;
        }
        if (c->host->state > 0) {
            llmsize__host_bytes(c->host, c->p->model, cpu_layers, output_gpu, moe_from, moe_to, &h, &r);
        } else {
            llmsize__bytes_visitor b;
            llmsize__bytes_init(&b, c->p->model, c->p->format);
            b.place = 1;   /* placement reads each layer's index: its key says so */
            b.base.layer_key = llmsize__bytes_layer_key;
            b.gpu_from_layer = cpu_layers;
            b.output_gpu = output_gpu;
            b.cpu_moe_from = moe_from;
            b.cpu_moe_to = moe_to;
            llmsize__bytes_run(&b);
            if (b.base.overflow) return 1;
            h = b.host;
            r = b.host_read;
        }
        memmove(&c->placed[1], &c->placed[0], sizeof c->placed - sizeof c->placed[0]);   /* the oldest goes */
        pl = &c->placed[0];
        pl->used = 1;
        pl->cpu_layers = cpu_layers; pl->output_gpu = output_gpu; pl->cpu_moe_from = moe_from; pl->cpu_moe_to = moe_to;
        pl->host = h; pl->host_read = r;
    }
    *host = pl->host;
    *read = pl->host_read;
    return 0;
}

/* The layers whose cache llama.cpp makes in host memory (src/llama-kv-cache.cpp: the buffer
   type of model.dev_layer(il) with KV offload on, else the CPU's): those left on the CPU, or
   with -nkvo every one. */
static uint32_t llmsize__host_kv_layers(const llmsize_plan *p, uint32_t cpu_layers) {
    return (p->flags & LLMSIZE_PLAN_NO_KV_OFFLOAD) ? p->model->dims.layers : cpu_layers;
}

/* One placement: `ngl` layers (-ngl as the engine reads it; > layers: everything) at
   `context` tokens per sequence. Fills the result's GPU and host bytes. */
static llmsize_status llmsize__cells_at(llmsize__planning *c, const llmsize__cells_rules *rules, const llmsize__cells_layout *L,
                                        uint32_t ngl, uint64_t context, llmsize_plan_result *r) {
    const llmsize_plan *p = c->p;
    const llmsize_model *m = p->model;
    const uint32_t layers = m->dims.layers;
    uint32_t cpu_layers = 0;
    int output_gpu = 1;
    llmsize__sum kv = llmsize__sum_start(&c->ov);
    uint64_t swa;
    if (ngl <= layers) rules->split(ngl, layers, &cpu_layers, &output_gpu);
    c->host_read = 0;
    if (cpu_layers || !output_gpu || p->cpu_moe_layers || (p->flags & LLMSIZE_PLAN_EXPERTS_CPU)) {
        uint32_t moe_from = 0, moe_to = layers;   /* --cpu-moe: every layer's experts */
        if (!(p->flags & LLMSIZE_PLAN_EXPERTS_CPU)) {
            const uint64_t to = (uint64_t)p->cpu_moe_first + p->cpu_moe_layers;
            moe_from = p->cpu_moe_first < layers ? p->cpu_moe_first : layers;
            moe_to = to < layers ? (uint32_t)to : layers;
        }
        if (llmsize__placement_of(c, cpu_layers, output_gpu, moe_from, moe_to, &r->host_weight_bytes, &c->host_read))
            return LLMSIZE_ERR_OVERFLOW;
    } else {
        /* everything on the GPU but token_embd (and a vision tower), which stay in host memory */
        r->host_weight_bytes = LLMSIZE__PART(&c->w, EMBED) + LLMSIZE__PART(&c->w, VISION);
    }
    r->weight_bytes = (c->w.total - r->host_weight_bytes) / (c->l.tp * c->l.pp);   /* a stage's share */
    r->gpu_layers = layers - cpu_layers;
    /* tied embeddings: the output layer is a GPU copy of token_embd */
    if ((m->flags & LLMSIZE_F_TIED_EMBED) && output_gpu) r->weight_bytes += LLMSIZE__PART(&c->w, EMBED);
    r->context = context;
    llmsize__cells_of(L, m, context, &r->cache_cells, &swa, &c->ov);
    r->swa_cells = c->k.local_tok ? swa : 0u;
    llmsize__sum_madd(&kv, c->k.full_tok, r->cache_cells);
    llmsize__sum_madd(&kv, c->k.local_tok, swa);
    llmsize__sum_madd(&kv, c->k.state_seq, L->seqs);
    r->kv_bytes = kv.v;
    r->host_kv_bytes = 0;
    if (llmsize__host_kv_layers(p, cpu_layers)) {
        /* layers left in host memory keep their cache there (with -nkvo, every layer): every
           head of it (the CPU is no tensor-parallel rank), whatever the GPUs split */
        const uint64_t stage_layers = (layers + c->l.pp - 1u) / c->l.pp;   /* what kv_bytes holds */
        const uint32_t n = llmsize__host_kv_layers(p, cpu_layers);
        r->host_kv_bytes = llmsize__mul(r->kv_bytes / stage_layers, (uint64_t)c->l.tp * n, &c->ov);
        r->kv_bytes = n < layers ? r->kv_bytes - r->kv_bytes / layers * n : 0u;   /* this rank's share */
    }
    r->activation_bytes = llmsize__llamacpp_compute(m, L->ubatch, r->cache_cells, L->fa, &c->ov);
    return LLMSIZE_OK;
}

static uint64_t llmsize__cells_need(const llmsize_plan_result *r) {
    return r->weight_bytes + r->kv_bytes + r->activation_bytes + r->overhead_bytes;
}

/* Searches over one placement: the largest context (or -ngl) whose GPU share fits `room`. */
typedef struct llmsize__cells_ask {
    llmsize__planning *c; const llmsize__cells_rules *rules; const llmsize__cells_layout *L;
    uint32_t ngl; uint64_t context, room; llmsize_plan_result r;
} llmsize__cells_ask;
static int llmsize__cells_fit_context(void *ctx, uint64_t context, llmsize_status *st) {
    llmsize__cells_ask *a = (llmsize__cells_ask *)ctx;
    const int ov = a->c->ov;
    int fits;
    *st = llmsize__cells_at(a->c, a->rules, a->L, a->ngl, context, &a->r);
    fits = *st == LLMSIZE_OK && !a->c->ov && llmsize__cells_need(&a->r) <= a->room;
    a->c->ov = ov;   /* a size past 64 bits does not fit; it is no error of the plan */
    return fits;
}
static int llmsize__cells_fit_layers(void *ctx, uint64_t ngl, llmsize_status *st) {
    llmsize__cells_ask *a = (llmsize__cells_ask *)ctx;
    const int ov = a->c->ov;
    int fits;
    *st = llmsize__cells_at(a->c, a->rules, a->L, (uint32_t)ngl, a->context, &a->r);
    fits = *st == LLMSIZE_OK && !a->c->ov && llmsize__cells_need(&a->r) <= a->room;
    a->c->ov = ov;
    return fits;
}

/* The cache, the compute buffer and the tensors on the GPU or the CPU (-ngl, --n-cpu-moe),
   as the release lays them out; then what the engine does when they do not fit: --fit
   lowers an unset context, then unset GPU layers; Ollama puts what does not fit on the
   CPU; llama.cpp without --fit runs out of memory allocating. */
static llmsize_status llmsize__cells_place(llmsize__planning *c, llmsize_plan_result *r, const llmsize__cells_rules *rules) {
    const llmsize_plan *p = c->p;
    const llmsize_model *m = p->model;
    const uint32_t rel = p->release->rules, layers = m->dims.layers;
    const int ngl_set = (p->flags & LLMSIZE_PLAN_GPU_LAYERS) && p->gpu_layers >= 0;
    llmsize__cells_layout L;
    llmsize__cells_ask a;
    uint32_t ngl;
    uint64_t usable;
    llmsize_status st;
    L.fa = (p->flags & LLMSIZE_PLAN_FLASH_ATTN) || ((rel & LLMSIZE_RULE_FA_AUTO) && !(p->flags & LLMSIZE_PLAN_NO_FLASH_ATTN));
    if (llmsize__kv_dtypes[p->kv_dtype].flash_only && !L.fa) {
        if (rules->quant_v_needs_fa && (p->flags & LLMSIZE_PLAN_NO_FLASH_ATTN)) return LLMSIZE_ERR_UNSUPPORTED;
        if (rules->quant_v_needs_fa) L.fa = 1;   /* a quantized V cache needs the flash kernel */
    }
    L.pad = (rel & LLMSIZE_RULE_PAD_BY_FA) ? (L.fa ? 256u : 32u) : (p->release->ctx_pad ? p->release->ctx_pad : 1u);
    L.ubatch = p->ubatch;
    L.seqs = r->seqs;
    L.unified = (p->flags & LLMSIZE_PLAN_KV_UNIFIED) != 0;
    L.one_buffer = !L.unified && (rel & LLMSIZE_RULE_KV_ONE_BUFFER);
    L.swa_window = (rel & LLMSIZE_RULE_SWA_WINDOW) && !(p->flags & LLMSIZE_PLAN_SWA_FULL);
    /* without -ngl: every layer, or (llama.cpp before b6325) none */
    ngl = ngl_set ? (uint32_t)p->gpu_layers : ((rel & (LLMSIZE_RULE_NGL_ALL | LLMSIZE_RULE_OFFLOAD)) ? layers + 1u : 0u);
    r->overhead_bytes = p->release->overhead_tp1;
    r->usable_bytes = usable = llmsize__usable(p->gpu);
    if ((st = llmsize__cells_at(c, rules, &L, ngl, r->context, r)) != LLMSIZE_OK) return st;
    memset(&a, 0, sizeof a);
    a.c = c; a.rules = rules; a.L = &L; a.ngl = ngl; a.context = r->context; a.r = *r;
    if ((rel & (LLMSIZE_RULE_FIT | LLMSIZE_RULE_OFFLOAD)) && llmsize__cells_need(r) > usable) {
        /* --fit keeps 1 GiB free; Ollama's scheduler its minimum and one layer's weights and
           cache as a buffer (llm/memory.go: "add one layer worth of memory as a buffer") */
        const uint64_t keep = (rel & LLMSIZE_RULE_FIT) ? 1073741824ull
                              : rules->reserve + (r->weight_bytes + r->kv_bytes) / (layers ? layers : 1u);
        a.room = usable > keep ? usable - keep : 0u;
        if ((rel & LLMSIZE_RULE_FIT) && rules->fit_lowers_context && !c->asked->context && r->context > 4096u) {
            uint64_t best = 0;   /* --fit: a context the command did not set, down to 4096 */
            (void)llmsize__largest(4096u, r->context, llmsize__cells_fit_context, &a, &best);
            a.context = best ? best : 4096u;
            if ((st = llmsize__cells_at(c, rules, &L, ngl, a.context, r)) != LLMSIZE_OK) return st;
        }
        if (!ngl_set && llmsize__cells_need(r) > a.room) {   /* then the GPU layers */
            uint64_t best = 0;
            if (c->columns & LLMSIZE__FITS_ONLY) { c->moved_to_cpu = 1; return LLMSIZE_OK; }   /* it does not fit */
            /* from a guess, each probe placing every tensor: the layers the room holds at
               the mean bytes a layer's weights and cache take, past the compute buffer and
               the overhead; the search checks it and its neighbours */
            const double per = layers ? ((double)(c->w.total - LLMSIZE__PART(&c->w, EMBED) - LLMSIZE__PART(&c->w, VISION)) / (c->l.tp * c->l.pp) +
                                         (double)r->kv_bytes + (double)r->host_kv_bytes / (c->l.tp * c->l.pp)) / layers : 0.0;
            const double fixed = (double)r->activation_bytes + (double)r->overhead_bytes;
            const double guess = per > 0.0 && (double)a.room > fixed ? ((double)a.room - fixed) / per : 0.0;
            (void)llmsize__largest_near(0, layers + 1u, guess + 0.5 < (double)layers ? (uint64_t)(guess + 0.5) : layers + 1u,
                                        llmsize__cells_fit_layers, &a, &best);
            a.ngl = (uint32_t)best;
            if ((st = llmsize__cells_at(c, rules, &L, a.ngl, a.context, r)) != LLMSIZE_OK) return st;
            c->moved_to_cpu = 1;
        }
    }
    if (!ngl_set && r->gpu_layers < layers) c->moved_to_cpu = 1;   /* no -ngl: none, or what fits */
    /* layers on the CPU, or (all blocks on the GPU) the output layer the engine kept there */
    if (r->gpu_layers < layers || c->moved_to_cpu) r->outcome = LLMSIZE_OUTCOME_OFFLOADS;
    if (llmsize__cells_need(r) > usable && !(rel & LLMSIZE_RULE_OFFLOAD))
        r->outcome = LLMSIZE_OUTCOME_OUT_OF_MEMORY;   /* allocating the buffers fails */
    if (!(c->columns & LLMSIZE_COLUMN_MAX_CONTEXT)) return LLMSIZE_OK;
    /* the largest per-sequence context that fits at these layers */
    a.ngl = ngl_set ? ngl : (r->gpu_layers < layers ? a.ngl : ngl);
    a.room = usable;
    {
        const uint64_t host_read = c->host_read;   /* the search places other contexts */
        (void)llmsize__largest(0, llmsize__ctx_cap(m), llmsize__cells_fit_context, &a, &r->max_context);
        c->host_read = host_read;
    }
    return LLMSIZE_OK;
}

/* ==== Engine: llama.cpp =============================================================== */

/* ---- llama.cpp -ot / --override-tensor ----------------------------------------------------
   llama.cpp gives a tensor the buffer type of the first "PATTERN=TYPE" whose pattern
   std::regex_search finds in the tensor's name (ggml-org/llama.cpp@00347649:
   src/llama-model-loader.cpp, ECMAScript grammar); the value is split at every ',' into such
   pairs (common/arg.cpp), and --cpu-moe / --n-cpu-moe are patterns over the names
   blk.N.ffn_{up,gate,down}_exps (common/common.h, LLM_FFN_EXPS_REGEX). llmsize asks a
   pattern the names placement knows: which layers' three expert tensors go to the CPU, and
   whether any other tensor moves. It reads the ECMAScript that such patterns use: literals
   and escapes (\. \d \w \s \D \W \S, \n \t), ".", classes ([0-9], [^...]), groups ((...),
   (?:...)) with "|", the quantifiers * + ? {m} (no {m,n}: the ',' split breaks it) with or
   without a lazy '?' (only whether a match exists matters) and ^ $. What it does not read
   (backreferences, lookarounds, \b, POSIX [[:classes:]], a second quantifier, which C++
   libraries read differently) leaves the flag not modelled; what std::regex rejects in all
   of them is a parse error, as llama.cpp does not start. */
enum { LLMSIZE__RX_CHAR, LLMSIZE__RX_ANY, LLMSIZE__RX_SET, LLMSIZE__RX_GROUP, LLMSIZE__RX_ALT,
       LLMSIZE__RX_BOL, LLMSIZE__RX_EOL };
#define LLMSIZE__RX_END 0xFFFFu     /* no node */
#define LLMSIZE__RX_MANY 0xFFFFu    /* no upper bound on repeats */
typedef struct llmsize__rx_node {
    uint8_t op, c;                  /* LLMSIZE__RX_*; CHAR: the byte                          */
    uint16_t min, max;              /* how many times in a row                                */
    uint16_t next;                  /* the node after it in its sequence                      */
    uint16_t sub;                   /* GROUP: its first ALT; ALT: its sequence; SET: the set   */
    uint16_t alt;                   /* ALT: the next alternative                              */
} llmsize__rx_node;
typedef struct llmsize__rx {
    llmsize__rx_node n[64];
    uint8_t set[8][32];             /* classes, a bit per byte                                */
    uint16_t nodes, sets, top;
    int err;                        /* 1: std::regex rejects it; 2: not read here             */
    long *steps;                    /* steps matched so far, shared by a value's patterns     */
    int depth;
} llmsize__rx;

static uint16_t llmsize__rx_new(llmsize__rx *r, uint8_t op) {
    llmsize__rx_node *x;
    if (r->nodes >= LLMSIZE__COUNT(r->n)) { r->err = r->err ? r->err : 2; return 0; }
    x = &r->n[r->nodes];
    x->op = op; x->c = 0; x->min = x->max = 1;
    x->next = x->sub = x->alt = LLMSIZE__RX_END;
    return r->nodes++;
}
static void llmsize__rx_add(uint8_t *set, unsigned lo, unsigned hi) {
    for (; lo <= hi; ++lo) set[lo >> 3] |= (uint8_t)(1u << (lo & 7u));
}
static int llmsize__rx_is_class(char e) { return e && strchr("dDwWsS", e) != NULL; }
/* \d \w \s and their complements into a set; 0 when `e` is none of them */
static int llmsize__rx_class_escape(uint8_t *set, char e) {
    uint8_t t[32];
    size_t i;
    memset(t, 0, sizeof t);
    switch (llmsize__lower((unsigned char)e)) {
    case 'd': llmsize__rx_add(t, '0', '9'); break;
    case 'w': llmsize__rx_add(t, '0', '9'); llmsize__rx_add(t, 'a', 'z'); llmsize__rx_add(t, 'A', 'Z'); llmsize__rx_add(t, '_', '_'); break;
    case 's': llmsize__rx_add(t, '\t', '\r'); llmsize__rx_add(t, ' ', ' '); break;
    default: return 0;
    }
    for (i = 0; i < sizeof t; ++i) set[i] |= (uint8_t)(e >= 'a' ? t[i] : ~t[i]);
    return 1;
}
/* An escaped character outside the class escapes; -1 when it is not read here */
static int llmsize__rx_escaped(char e) {
    switch (e) {
    case 'n': return '\n'; case 't': return '\t'; case 'r': return '\r'; case 'f': return '\f'; case 'v': return '\v';
    }
    return ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) ? -1 : (unsigned char)e;
}

static uint16_t llmsize__rx_alts(llmsize__rx *r, const char **pp, const char *end, int depth);

static uint16_t llmsize__rx_class(llmsize__rx *r, const char **pp, const char *end) {
    const char *p = *pp;
    uint16_t x = llmsize__rx_new(r, LLMSIZE__RX_SET);
    uint8_t *set;
    int neg = 0;
    size_t i;
    if (r->err) return 0;
    if (r->sets >= LLMSIZE__COUNT(r->set)) { r->err = 2; return 0; }
    set = r->set[r->sets];
    memset(set, 0, 32);
    r->n[x].sub = r->sets++;
    if (p < end && *p == '^') { neg = 1; ++p; }
    while (p < end && *p != ']') {
        int lo = (unsigned char)*p++, hi;
        if (lo == '[' && p < end && (*p == ':' || *p == '.' || *p == '=')) { r->err = 2; return 0; }   /* [[:digit:]] */
        if (lo == '\\') {
            if (p >= end) { r->err = 1; return 0; }
            if (llmsize__rx_is_class(*p)) {
                (void)llmsize__rx_class_escape(set, *p++);
                if (p + 1 < end && *p == '-' && p[1] != ']') { r->err = 1; return 0; }   /* [\d-z] */
                continue;
            }
            if ((lo = llmsize__rx_escaped(*p++)) < 0) { r->err = 2; return 0; }
        }
        hi = lo;
        if (p + 1 < end && *p == '-' && p[1] != ']') {
            hi = (unsigned char)p[1];
            p += 2;
            if (hi == '\\') {
                if (p >= end || (hi = llmsize__rx_escaped(*p++)) < 0) { r->err = p >= end ? 1 : 2; return 0; }
            }
            if (hi < lo) { r->err = 1; return 0; }
        }
        llmsize__rx_add(set, (unsigned)lo, (unsigned)hi);
    }
    if (p >= end) { r->err = 1; return 0; }
    *pp = p + 1;
    if (neg) for (i = 0; i < 32; ++i) set[i] = (uint8_t)~set[i];
    return x;
}

/* A count in a {m,n} quantifier; -1 when none is written there */
static long llmsize__rx_count(const char **pp, const char *end) {
    const char *p = *pp;
    long v = 0;
    if (p >= end || *p < '0' || *p > '9') return -1;
    for (; p < end && *p >= '0' && *p <= '9'; ++p) if ((v = v * 10 + (*p - '0')) > 1000) v = 1001;
    *pp = p;
    return v;
}

/* One atom and its quantifier */
static uint16_t llmsize__rx_atom(llmsize__rx *r, const char **pp, const char *end, int depth) {
    const char *p = *pp;
    const char c = *p++;
    uint16_t x = 0;
    long lo = 1, hi = 1;
    switch (c) {
    case '(':
        if (depth > 8) { r->err = 2; return 0; }
        if (p < end && *p == '?') {
            if (p + 1 >= end || p[1] != ':') { r->err = 2; return 0; }   /* lookarounds */
            p += 2;
        }
        x = llmsize__rx_new(r, LLMSIZE__RX_GROUP);
        if (r->err) return 0;
        r->n[x].sub = llmsize__rx_alts(r, &p, end, depth + 1);
        if (r->err) return 0;
        if (p >= end || *p != ')') { r->err = 1; return 0; }
        ++p;
        break;
    case '[': x = llmsize__rx_class(r, &p, end); break;
    case '.': x = llmsize__rx_new(r, LLMSIZE__RX_ANY); break;
    case '^': x = llmsize__rx_new(r, LLMSIZE__RX_BOL); break;
    case '$': x = llmsize__rx_new(r, LLMSIZE__RX_EOL); break;
    case '*': case '+': case '?': case '{': r->err = 1; return 0;   /* nothing to repeat */
    case '\\':
        if (p >= end) { r->err = 1; return 0; }
        if (llmsize__rx_is_class(*p)) {
            if (r->sets >= LLMSIZE__COUNT(r->set)) { r->err = 2; return 0; }
            x = llmsize__rx_new(r, LLMSIZE__RX_SET);
            if (r->err) return 0;
            memset(r->set[r->sets], 0, 32);
            (void)llmsize__rx_class_escape(r->set[r->sets], *p++);
            r->n[x].sub = r->sets++;
        } else {
            const int e = llmsize__rx_escaped(*p++);
            if (e < 0) { r->err = 2; return 0; }
            x = llmsize__rx_new(r, LLMSIZE__RX_CHAR);
            r->n[x].c = (uint8_t)e;
        }
        break;
    default:
        x = llmsize__rx_new(r, LLMSIZE__RX_CHAR);
        r->n[x].c = (uint8_t)c;
    }
    if (r->err) return 0;
    if (p < end && (*p == '*' || *p == '+' || *p == '?' || *p == '{')) {
        if (r->n[x].op == LLMSIZE__RX_BOL || r->n[x].op == LLMSIZE__RX_EOL) { r->err = 1; return 0; }
        if (*p == '{') {
            ++p;
            if ((lo = llmsize__rx_count(&p, end)) < 0) { r->err = 1; return 0; }
            hi = lo;
            if (p < end && *p == ',') { ++p; hi = llmsize__rx_count(&p, end); if (hi < 0) hi = LLMSIZE__RX_MANY; }
            if (p >= end || *p != '}' || hi < lo) { r->err = 1; return 0; }
            if (lo > 100 || (hi > 100 && hi != LLMSIZE__RX_MANY)) { r->err = 2; return 0; }   /* std::regex caps its states */
        } else {
            lo = *p == '+';
            hi = *p == '?' ? 1 : LLMSIZE__RX_MANY;
        }
        ++p;
        if (p < end && *p == '?') ++p;   /* lazy: the same matches exist */
        /* a second quantifier: libstdc++ applies it, libc++ and MSVC reject it */
        if (p < end && (*p == '*' || *p == '+' || *p == '?' || *p == '{')) { r->err = 2; return 0; }
        r->n[x].min = (uint16_t)lo;
        r->n[x].max = (uint16_t)hi;
    }
    *pp = p;
    return x;
}

/* A sequence up to '|' or ')': its first node */
static uint16_t llmsize__rx_seq(llmsize__rx *r, const char **pp, const char *end, int depth) {
    uint16_t first = LLMSIZE__RX_END, last = LLMSIZE__RX_END;
    while (*pp < end && **pp != '|' && **pp != ')' && !r->err) {
        const uint16_t x = llmsize__rx_atom(r, pp, end, depth);
        if (r->err) break;
        if (last == LLMSIZE__RX_END) first = x; else r->n[last].next = x;
        last = x;
    }
    return first;
}
static uint16_t llmsize__rx_alts(llmsize__rx *r, const char **pp, const char *end, int depth) {
    const uint16_t first = llmsize__rx_new(r, LLMSIZE__RX_ALT);
    uint16_t a = first;
    if (r->err) return 0;
    r->n[a].sub = llmsize__rx_seq(r, pp, end, depth);
    while (!r->err && *pp < end && **pp == '|') {
        const uint16_t b = llmsize__rx_new(r, LLMSIZE__RX_ALT);
        ++*pp;
        if (r->err) break;
        r->n[b].sub = llmsize__rx_seq(r, pp, end, depth);
        r->n[a].alt = b;
        a = b;
    }
    return first;
}
/* The pattern p[0..len) as one group; r->err says whether it was read */
static void llmsize__rx_compile(llmsize__rx *r, const char *p, size_t len) {
    const char *end = p + len;
    memset(r, 0, sizeof *r);
    r->top = llmsize__rx_new(r, LLMSIZE__RX_GROUP);
    r->n[r->top].sub = llmsize__rx_alts(r, &p, end, 0);
    if (!r->err && p < end) r->err = 1;   /* a ')' no '(' opened */
}

/* Matching: a backtracking search that carries, for each group it is inside, the group,
   the iterations done and where the current one began. 1 found, 0 not, -1 out of budget. */
typedef struct llmsize__rx_k { uint16_t g, count; size_t start; const struct llmsize__rx_k *up; } llmsize__rx_k;
static int llmsize__rx_one(const llmsize__rx *r, const llmsize__rx_node *x, unsigned char ch) {
    if (x->op == LLMSIZE__RX_CHAR) return ch == x->c;
    if (x->op == LLMSIZE__RX_ANY) return ch != '\n' && ch != '\r';
    return (r->set[x->sub][ch >> 3] >> (ch & 7u)) & 1u;
}
static int llmsize__rx_at(llmsize__rx *r, uint16_t i, const char *s, size_t len, size_t pos, const llmsize__rx_k *k);
static int llmsize__rx_try(llmsize__rx *r, uint16_t i, const char *s, size_t len, size_t pos, const llmsize__rx_k *k) {
    int res;
    if (++*r->steps > 2000000L || r->depth >= 160) return -1;   /* a pattern's backtracking has no bound */
    ++r->depth;
    res = llmsize__rx_at(r, i, s, len, pos, k);
    --r->depth;
    return res;
}
/* each alternative of group g, one iteration more (count done so far) from pos */
static int llmsize__rx_iterate(llmsize__rx *r, uint16_t g, uint16_t count, const char *s, size_t len, size_t pos,
                               const llmsize__rx_k *up) {
    llmsize__rx_k f;
    uint16_t a;
    int res;
    f.g = g; f.count = count; f.start = pos; f.up = up;
    for (a = r->n[g].sub; a != LLMSIZE__RX_END; a = r->n[a].alt)
        if ((res = llmsize__rx_try(r, r->n[a].sub, s, len, pos, &f)) != 0) return res;
    return 0;
}
static int llmsize__rx_at(llmsize__rx *r, uint16_t i, const char *s, size_t len, size_t pos, const llmsize__rx_k *k) {
    for (;;) {
        const llmsize__rx_node *x;
        int res;
        if (i == LLMSIZE__RX_END) {   /* a sequence ended: the search, or an iteration of k's group */
            const llmsize__rx_node *g;
            uint16_t count;
            if (!k) return 1;
            g = &r->n[k->g];
            count = (uint16_t)(k->count + 1u);
            /* empty iterations at one place are interchangeable: count them up to all but the
               last the group needs, then still try one that consumes */
            if (pos == k->start && count + 1u < g->min) count = (uint16_t)(g->min - 1u);
            if (count < g->max && (pos != k->start || count < g->min) &&
                (res = llmsize__rx_iterate(r, k->g, count, s, len, pos, k->up)) != 0)
                return res;
            if (count < g->min && pos != k->start) return 0;
            i = g->next;
            k = k->up;
            continue;
        }
        x = &r->n[i];
        switch (x->op) {
        case LLMSIZE__RX_BOL: if (pos) return 0; i = x->next; continue;
        case LLMSIZE__RX_EOL: if (pos != len) return 0; i = x->next; continue;
        case LLMSIZE__RX_GROUP:
            if (x->max && (res = llmsize__rx_iterate(r, i, 0, s, len, pos, k)) != 0) return res;
            if (x->min) return 0;
            i = x->next;
            continue;
        default: {
            size_t j = 0;
            while (j < x->max && pos + j < len && llmsize__rx_one(r, x, (unsigned char)s[pos + j])) ++j;
            if (j < x->min) return 0;
            for (;; --j) {
                if ((res = llmsize__rx_try(r, x->next, s, len, pos + j, k)) != 0) return res;
                if (j == x->min) return 0;
            }
        }
        }
    }
}
/* std::regex_search: a match starting anywhere. 1, 0, or -1 out of budget */
static int llmsize__rx_search(llmsize__rx *r, const char *s) {
    const size_t len = strlen(s);
    const llmsize__rx_node *alt = &r->n[r->n[r->top].sub], *x = alt->sub != LLMSIZE__RX_END ? &r->n[alt->sub] : NULL;
    /* a pattern that opens with ".*" finds from the first byte what it finds from any
       (the names hold no line break) */
    const size_t starts = alt->alt == LLMSIZE__RX_END && x && x->op == LLMSIZE__RX_ANY && !x->min && x->max == LLMSIZE__RX_MANY ? 0u : len;
    size_t pos;
    int res = 0;
    for (pos = 0; pos <= starts && !res; ++pos) res = llmsize__rx_try(r, r->top, s, len, pos, NULL);
    return res;
}

/* The names -ot is asked about: a block's three expert matrices, and what else a block or the
   model holds (a pattern that moves any of those is not modelled). */
static const char *const llmsize__ot_experts[] = { "ffn_up_exps", "ffn_gate_exps", "ffn_down_exps" };
static const char *const llmsize__ot_block[] = {
    "attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "attn_qkv", "attn_q_a", "attn_q_b", "attn_kv_a_mqa",
    "attn_kv_b", "ffn_norm", "ffn_gate_inp", "ffn_up", "ffn_gate", "ffn_down", "ffn_up_shexp", "ffn_gate_shexp",
    "ffn_down_shexp", "ffn_gate_inp_shexp", "exp_probs_b", "attn_k_b", "attn_v_b", "attn_q_norm", "attn_k_norm",
    "attn_sinks", "post_attention_norm", "post_ffw_norm", "ssm_in", "ssm_out", "ssm_conv1d"
};
static const char *const llmsize__ot_model[] = { "token_embd.weight", "output.weight", "output_norm.weight" };
/* "blk.<il>.<what>.weight" into name (48 bytes: the longest name fits) */
static void llmsize__ot_name(char *name, uint32_t il, const char *what) {
    char digits[12];
    size_t n = 0, d = 0;
    memcpy(name, "blk.", 4); n = 4;
    do { digits[d++] = (char)('0' + il % 10u); il /= 10u; } while (il);
    while (d) name[n++] = digits[--d];
    name[n++] = '.';
    d = strlen(what);
    memcpy(name + n, what, d); n += d;
    memcpy(name + n, ".weight", 8);
}
#define LLMSIZE__OT_LAYERS 128u   /* blocks asked about: past the deepest MoE stack in use */

/* A -ot value: each run of CPU "PATTERN=CPU" over the expert tensors, as layers [*from, *to)
   (*to = UINT32_MAX: to the last). 0 read; 1 not modelled (another buffer type, a pattern
   that moves other tensors, one or two of a layer's three expert matrices, layers with gaps,
   ECMAScript not read here); -1 a value llama.cpp rejects. */
static int llmsize__override_tensor(const char *v, uint32_t *from, uint32_t *to) {
    llmsize__rx rx[8];
    int cpu[8], res = 0, n = 0, k;
    long steps = 0;
    uint32_t il, first = UINT32_MAX, last = 0;
    char name[48];
    *from = *to = 0;
    while (*v) {   /* PATTERN=TYPE[,PATTERN=TYPE...] */
        const size_t len = strcspn(v, ","), eq = strcspn(v, "=");
        if (eq >= len) return -1;   /* an empty pattern finds every name */
        if (n == (int)LLMSIZE__COUNT(rx)) return 1;
        llmsize__rx_compile(&rx[n], v, eq);
        rx[n].steps = &steps;
        if (rx[n].err == 1) return -1;
        if (rx[n].err) res = 1;
        cpu[n] = len - eq - 1 == 3 && !strncmp(v + eq + 1, "CPU", 3);
        if (!cpu[n]) res = 1;
        ++n;
        v += len;
        if (*v == ',' && !*++v) return -1;
    }
    if (!n) return -1;
    if (res) return 1;
    /* the first pattern that finds a name decides where that tensor goes */
    for (il = 0; il < LLMSIZE__OT_LAYERS; ++il) {
        int moved = 0;
        size_t t;
        for (t = 0; t < LLMSIZE__COUNT(llmsize__ot_experts) + LLMSIZE__COUNT(llmsize__ot_block); ++t) {
            const int expert = t < LLMSIZE__COUNT(llmsize__ot_experts);
            int hit = 0;
            llmsize__ot_name(name, il, expert ? llmsize__ot_experts[t] : llmsize__ot_block[t - LLMSIZE__COUNT(llmsize__ot_experts)]);
            for (k = 0; k < n && !hit; ++k) if ((hit = llmsize__rx_search(&rx[k], name)) < 0) return 1;
            if (hit && !expert) return 1;
            moved += hit;
        }
        if (moved != 0 && moved != 3) return 1;
        if (moved) {
            if (first != UINT32_MAX && il != last + 1u) return 1;
            if (first == UINT32_MAX) first = il;
            last = il;
        }
    }
    for (k = 0; k < n; ++k)
        for (il = 0; il < LLMSIZE__COUNT(llmsize__ot_model); ++il)
            if (llmsize__rx_search(&rx[k], llmsize__ot_model[il]) != 0) return 1;
    if (first != UINT32_MAX) { *from = first; *to = last + 1u == LLMSIZE__OT_LAYERS ? UINT32_MAX : last + 1u; }
    return 0;
}


/* Current llama.cpp counts the output layer first: -ngl N puts the output and the last
   N-1 repeating layers on the GPU. */
static void llmsize__llamacpp_split(uint32_t ngl, uint32_t layers, uint32_t *cpu_layers, int *output_gpu) {
    *output_gpu = ngl >= 1;
    *cpu_layers = ngl >= 1 ? layers - (ngl - 1u) : layers;
}
static const llmsize__cells_rules llmsize__llamacpp_rules = { 1, 1, 0u, llmsize__llamacpp_split };
static llmsize_status llmsize__llamacpp_place(llmsize__planning *c, llmsize_plan_result *r) {
    return llmsize__cells_place(c, r, &llmsize__llamacpp_rules);
}

/* GGUF only; a 16-bit checkpoint runs as Q4_K_M, the file type -hf picks by default. */
static const llmsize__flag llmsize__llamacpp_flags[] = {
    { "-m|--model|-hf|-hfr|--hf-repo", LLMSIZE__A_MODEL, 0, 0 },
    { "-hff|--hf-file", LLMSIZE__A_HF_FILE, 0, 0 },
    { "-c|--ctx-size", LLMSIZE__A_CONTEXT, LLMSIZE__N_PLAIN, 0 },
    { "-np|--parallel", LLMSIZE__A_SEQS, LLMSIZE__N_PLAIN, 0 },
    { "-ngl|--n-gpu-layers|--gpu-layers", LLMSIZE__A_GPU_LAYERS, LLMSIZE__N_PLAIN, 0 },
    { "-ub|--ubatch-size", LLMSIZE__A_UBATCH, LLMSIZE__N_PLAIN, 0 },
    { "-ctk|--cache-type-k", LLMSIZE__A_KV_DTYPE, 0, 0 },
    { "-ctv|--cache-type-v", LLMSIZE__A_CACHE_V, 0, 0 },
    { "-fa|--flash-attn", LLMSIZE__A_FLASH_ATTN, 0, 0 },
    { "-ncmoe|--n-cpu-moe", LLMSIZE__A_CPU_MOE_N, LLMSIZE__N_PLAIN, 0 },
    { "-sm|--split-mode", LLMSIZE__A_SPLIT_MODE, 0, 0 },
    { "-ot|--override-tensor", LLMSIZE__A_OVERRIDE_TENSOR, 0, 0 },
    { "-cmoe|--cpu-moe", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_EXPERTS_CPU },
    { "--swa-full", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_SWA_FULL },
    { "-kvu|--kv-unified", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_KV_UNIFIED },
    { "-nkvo|--no-kv-offload", LLMSIZE__A_BOOL, 0, LLMSIZE_PLAN_NO_KV_OFFLOAD },
    { "-kvo|--kv-offload", LLMSIZE__A_BOOL, 0, 0 },   /* the default */
    { "--no-mmap|--mlock|--jinja|-no-kvu|--no-kv-unified|--cont-batching|-cb|--no-webui|--embedding|"
                               "--embeddings|--verbose|-v|--metrics", LLMSIZE__A_BOOL, 0, 0 }
};

/* -c is the cells the slots share: each of -np N slots gets -c / N, unless --kv-unified
   lets each fill all of it. -c 0 is the model's training context. */
static void llmsize__llamacpp_parsed(llmsize_parsed *out) {
    llmsize_plan *p = &out->plan;
    if (p->seqs > 1u && p->context && !(p->flags & LLMSIZE_PLAN_KV_UNIFIED)) p->context /= p->seqs;
}

/* The context without -c: the release's default (b7407: the model's training context),
   shared by the slots unless the cache is unified. */
static uint64_t llmsize__llamacpp_context(const llmsize_plan *p) {
    uint64_t total = (p->flags & LLMSIZE_PLAN_CONTEXT_MODEL) ? 0u : p->release->default_context;
    if (!total || total > llmsize__ctx_cap(p->model)) total = p->model->dims.max_ctx ? p->model->dims.max_ctx : LLMSIZE_DEFAULT_CONTEXT;
    return (p->flags & LLMSIZE_PLAN_KV_UNIFIED) || p->seqs <= 1u ? total : total / p->seqs;
}

static const llmsize__engine_ops llmsize__llamacpp_ops = {
    llmsize__llamacpp_place, NULL, llmsize__llamacpp_context, 0, LLMSIZE__LOADS_GGUF, "Q4_K_M",
    "llama-server*|llama-cli*|server", NULL, NULL,
    llmsize__llamacpp_flags, LLMSIZE__COUNT(llmsize__llamacpp_flags), NULL, llmsize__llamacpp_parsed, 1, 1
};

/* ==== Engine: Ollama ================================================================== */

/* Ollama's runner (llama.cpp of 2024-25): -ngl N is the last N layers; the output only
   when N exceeds the layer count. */
static void llmsize__ollama_split(uint32_t ngl, uint32_t layers, uint32_t *cpu_layers, int *output_gpu) {
    *output_gpu = 0;
    *cpu_layers = layers - ngl;
}
/* With a quantized cache type and no flash attention Ollama falls back to f16
   (llmsize_parse_command) rather than refusing; it passes -c itself, so --fit never lowers
   the context; it keeps 457 MiB free on each GPU, and a layer more, when it places layers
   (discover/gpu.go, ml/device.go MinimumMemory; llm/memory.go). */
static const llmsize__cells_rules llmsize__ollama_rules = { 0, 0, 479199232u /* 457 MiB */, llmsize__ollama_split };

/* Before 0.10 Ollama's scheduler ran default_seqs slots when the model then fit the GPU
   whole, else one. */
static llmsize_status llmsize__ollama_place(llmsize__planning *c, llmsize_plan_result *r) {
    llmsize_status st = llmsize__cells_place(c, r, &llmsize__ollama_rules);
    if (st == LLMSIZE_OK && (c->p->release->rules & LLMSIZE_RULE_PARALLEL_FULL_FIT) && !c->asked->seqs && r->seqs > 1u &&
        (r->outcome != LLMSIZE_OUTCOME_STARTS || llmsize__cells_need(r) > r->usable_bytes)) {
        r->seqs = 1u;
        r->outcome = LLMSIZE_OUTCOME_STARTS;
        st = llmsize__cells_place(c, r, &llmsize__ollama_rules);
    }
    return st;
}

/* The context Ollama picks when none is given: the release's, or (0.15.5, server/routes.go)
   by total VRAM of the GPUs: 4096 below 23 GiB, 32768 from 23 GiB, 262144 from 47 GiB. */
static uint64_t llmsize__ollama_context(const llmsize_plan *p) {
    const uint64_t gib = p->gpu->mem_bytes * (llmsize__gpus_used(p) ? llmsize__gpus_used(p) : 1u) >> 30;
    if (!(p->release->rules & LLMSIZE_RULE_CTX_BY_VRAM)) return p->release->default_context;
    return gib >= 47u ? 262144u : gib >= 23u ? 32768u : 4096u;
}

/* Ollama: the model is the tag of `ollama run TAG`; settings come from OLLAMA_* variables. */
static llmsize_status llmsize__ollama_env(const char *kv, llmsize_parsed *out) {
    const char *eq = strchr(kv, '=');
    uint64_t v = 0;
    if (!eq) return LLMSIZE_OK;
    if (!strncmp(kv, "OLLAMA_NUM_PARALLEL=", 20) || !strncmp(kv, "OLLAMA_CONTEXT_LENGTH=", 22)) {
        if (llmsize__parse_count(eq + 1, LLMSIZE__N_PLAIN, &v) != 0 || v == 0 || v > 0xFFFFFFFFu) { out->error_flag = kv; return LLMSIZE_ERR_PARSE; }
        if (kv[7] == 'N') out->plan.seqs = (uint32_t)v; else out->plan.context = v;
    } else if (!strncmp(kv, "OLLAMA_KV_CACHE_TYPE=", 21)) {
        llmsize_kv_dtype d;
        if (eq[1] && llmsize_find_kv_dtype(eq + 1, &d) != LLMSIZE_OK) { out->error_flag = kv; return LLMSIZE_ERR_PARSE; }
        if (eq[1]) out->plan.kv_dtype = d;
    } else if (!strncmp(kv, "OLLAMA_FLASH_ATTENTION=", 23)) {
        if (!strcmp(eq + 1, "1") || llmsize__eq_n(eq + 1, "true", 4)) out->plan.flags |= LLMSIZE_PLAN_FLASH_ATTN;
        else if (!strcmp(eq + 1, "0") || llmsize__eq_n(eq + 1, "false", 5)) out->plan.flags |= LLMSIZE_PLAN_NO_FLASH_ATTN;
    }
    return LLMSIZE_OK;
}

/* Ollama ignores OLLAMA_KV_CACHE_TYPE without flash attention. */
static void llmsize__ollama_parsed(llmsize_parsed *out) {
    if (out->plan.kv_dtype != LLMSIZE_KV_F16 && !(out->plan.flags & LLMSIZE_PLAN_FLASH_ATTN)) out->plan.kv_dtype = LLMSIZE_KV_F16;
}

/* GGUF only; a 16-bit checkpoint runs as Q4_K_M, the file type its library's tags hold. */
static const llmsize__engine_ops llmsize__ollama_ops = {
    llmsize__ollama_place, NULL, llmsize__ollama_context, 0, LLMSIZE__LOADS_GGUF, "Q4_K_M",
    "ollama", "run|serve", NULL,
    NULL, 0, llmsize__ollama_env, llmsize__ollama_parsed, 1, 1
};

/* ==== Engines: the operations table, in llmsize_engine order ============================ */

#define LLMSIZE__ENGINE_OPS(NAME, id) &llmsize__##id##_ops,
static const llmsize__engine_ops *const llmsize__engine_ops_of[LLMSIZE_ENGINE_COUNT] = { LLMSIZE_ENGINES(LLMSIZE__ENGINE_OPS) };
#undef LLMSIZE__ENGINE_OPS

/* A plan's pipeline stages (pp after defaults). An engine that splits layers runs the GPUs
   of a plan that sets no tp or pp as stages, one per data-parallel replica's GPU: each
   holds its share of the layers, one sequence passes them in turn (so it decodes at one
   GPU's bandwidth) and no head count has to divide by them (llama.cpp runs 3 or 6 GPUs). */
static uint32_t llmsize__stages_of(const llmsize_plan *p) {
    if (p->pp || p->tp || !p->gpus || !llmsize__engine_ops_of[p->engine]->splits_layers) return p->pp ? p->pp : 1u;
    return llmsize__gpus_used(p) / (p->dp ? p->dp : 1u);
}
LLMSIZE_API int llmsize_engine_splits_layers(uint32_t engine) {
    return engine < (uint32_t)LLMSIZE_ENGINE_COUNT && llmsize__engine_ops_of[engine]->splits_layers;
}

LLMSIZE_API llmsize_status llmsize_format_for(const llmsize_resolution *r, uint32_t engine, const llmsize_format **out) {
    const llmsize_format *f;
    if (out) *out = NULL;
    if (!r || !out) return LLMSIZE_ERR_NULL;
    if (!r->model || engine >= LLMSIZE_ENGINE_COUNT) return LLMSIZE_ERR_INVALID_ARG;
    if (!(f = r->format)) return LLMSIZE_ERR_UNKNOWN_FORMAT;
    if (f->kind != LLMSIZE_FMT_GGUF && llmsize__engine_ops_of[engine]->gguf_default && r->format_from == LLMSIZE_FROM_CHECKPOINT) {
        const llmsize_format *g = NULL;   /* a natively MXFP4 checkpoint keeps its experts in MXFP4 */
        llmsize_find_format(llmsize__eq_n(f->id, "mxfp4", 5) ? "MXFP4_MOE" : llmsize__engine_ops_of[engine]->gguf_default, &g);
        f = g;
    }
    *out = f;
    return f ? LLMSIZE_OK : LLMSIZE_ERR_UNKNOWN_FORMAT;
}

/* ==== Plans =========================================================================== */

LLMSIZE_API llmsize_status llmsize_plan_check(const llmsize_plan *p, const char **why) {
    llmsize_status st;
    llmsize__layout l;
    if (why) *why = NULL;
    LLMSIZE__REQUIRE(p, LLMSIZE_ERR_NULL, "plan: NULL");
    LLMSIZE__REQUIRE(p->model, LLMSIZE_ERR_NULL, "model: NULL");
    LLMSIZE__REQUIRE(p->format, LLMSIZE_ERR_NULL, "format: NULL");
    LLMSIZE__REQUIRE(p->gpu, LLMSIZE_ERR_NULL, "gpu: NULL");
    LLMSIZE__REQUIRE(p->engine < LLMSIZE__COUNT(llmsize__engines), LLMSIZE_ERR_UNKNOWN_ENGINE, "engine: not an llmsize_engine");
    LLMSIZE__REQUIRE((unsigned)p->kv_dtype < (unsigned)LLMSIZE_KV_DTYPE_COUNT, LLMSIZE_ERR_UNKNOWN_KV_DTYPE,
                     "kv_dtype: not an llmsize_kv_dtype");
    if ((st = llmsize_model_check(p->model, why)) != LLMSIZE_OK) return st;
#define LLMSIZE__PLAN(cond, what) LLMSIZE__REQUIRE(cond, LLMSIZE_ERR_INVALID_ARG, what)
    LLMSIZE__PLAN(!p->release || p->release->engine == p->engine, "release: a release of another engine");
    LLMSIZE__PLAN(!(p->flags & LLMSIZE_PLAN_VLLM_V0) || p->engine != LLMSIZE_ENGINE_VLLM || !p->release ||
                  !(p->release->rules & LLMSIZE_RULE_VLLM_V1) || (p->release->rules & LLMSIZE_RULE_VLLM_V0_OPT),
                  "flags: VLLM_V0 on a vLLM release without the V0 engine");
    LLMSIZE__PLAN(p->max_seqs <= LLMSIZE__MAX_SEQS, "max_seqs: at most 1000000");
    LLMSIZE__PLAN(p->mem_fraction == p->mem_fraction && p->mem_fraction >= 0.0 && p->mem_fraction <= 1.0,
                  "mem_fraction: 0 (the engine's) or in (0, 1]");
    LLMSIZE__PLAN(p->host_bw_gbs == p->host_bw_gbs && p->host_bw_gbs >= 0.0 && p->host_bw_gbs <= 1e6,
                  "host_bw_gbs: 0 (unknown) or a bandwidth up to 1e6 GB/s");
    LLMSIZE__PLAN(p->tight_pct <= 100u, "tight_pct: at most 100");
    LLMSIZE__PLAN(p->seqs <= LLMSIZE__MAX_SEQS, "seqs: at most 1000000");
    LLMSIZE__PLAN(p->ubatch <= 1000000u, "ubatch: at most 1000000");
    LLMSIZE__PLAN(p->block_size <= 1000000u, "block_size: at most 1000000");
    LLMSIZE__PLAN(p->batched_tokens <= 100000000ull, "batched_tokens: at most 1e8");
    LLMSIZE__PLAN(p->gpu->usable_pct > 0 && p->gpu->usable_pct <= 100u, "gpu->usable_pct: in 1..100");
    LLMSIZE__PLAN(p->gpu->mem_bytes, "gpu->mem_bytes: must be > 0");   /* together: llmsize__gpu_valid */
    if (!(p->model->flags & LLMSIZE_F_ENCODER)) {   /* encoders split evenly over tp; no layout */
        const uint32_t pp = llmsize__stages_of(p), dp = p->dp ? p->dp : 1u;
        LLMSIZE__PLAN(pp <= 4096u && dp <= 4096u, "pp, dp: at most 4096");
        /* pp 0: stages of fewer GPUs than dp */
        const uint32_t gpus = llmsize__gpus_used(p);
        LLMSIZE__PLAN(pp && (p->tp || !gpus || gpus % (pp * dp) == 0), "gpus: a multiple of pp x dp");
        l.tp = p->tp ? p->tp : (gpus ? gpus / (pp * dp) : 1u);
        LLMSIZE__PLAN(l.tp && l.tp <= 4096u, "tp: in 1..4096");
        LLMSIZE__PLAN(!gpus || gpus == l.tp * pp * dp, "gpus: must equal tp x pp x dp");
        LLMSIZE__PLAN(llmsize_valid_tp(p->model, l.tp), "tp: must divide the attention heads (and the KV heads, or be a multiple of them)");
        LLMSIZE__PLAN(pp <= p->model->dims.layers, "pp: at most the model's layers");
    }
#undef LLMSIZE__PLAN
    return LLMSIZE_OK;
}

static llmsize_status llmsize__plan_check(const llmsize_plan *p, const llmsize_engine_info **e) {
    llmsize_status st = llmsize_plan_check(p, NULL);
    if (st == LLMSIZE_OK) *e = &llmsize__engines[p->engine];
    return st;
}

/* The context an engine picks when none is given, never beyond the model's own maximum. */
static uint64_t llmsize__default_context(const llmsize_plan *p) {
    const llmsize__engine_ops *ops = llmsize__engine_ops_of[p->engine];
    uint64_t c = ops->context ? ops->context(p) : p->release->default_context;
    if (c == 0 || c > llmsize__ctx_cap(p->model)) c = p->model->dims.max_ctx ? p->model->dims.max_ctx : LLMSIZE_DEFAULT_CONTEXT;
    return c;
}

LLMSIZE_API llmsize_status llmsize_plan_defaults(const llmsize_plan *plan, llmsize_plan *out) {
    const llmsize_engine_info *e;
    const llmsize__engine_ops *ops;
    llmsize__layout l;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__plan_check(plan, &e)) != LLMSIZE_OK) return st;
    *out = *plan;
    if (!out->release) (void)llmsize_find_engine_version(plan->engine, NULL, &out->release);
    if (!out->tight_pct) out->tight_pct = LLMSIZE_DEFAULT_TIGHT_PCT;
    if (plan->model->flags & LLMSIZE_F_ENCODER) {   /* encoders: one batch against memory, any engine */
        if (!out->tp) out->tp = 1u;
        if (!out->seqs) out->seqs = 1u;
        if (!out->context) out->context = plan->model->dims.max_ctx ? plan->model->dims.max_ctx : LLMSIZE_DEFAULT_CONTEXT;
        return LLMSIZE_OK;
    }
    out->pp = llmsize__stages_of(plan);   /* an engine that splits layers: the GPUs are stages */
    llmsize__layout_of(out, &l);
    ops = llmsize__engine_ops_of[plan->engine];
    out->tp = l.tp; out->pp = l.pp; out->dp = l.dp; out->gpus = l.gpus;
    if (!out->seqs) {
        out->seqs = out->release->default_seqs ? out->release->default_seqs : 1u;
        if (out->release->rules & LLMSIZE_RULE_PARALLEL_AUTO) out->flags |= LLMSIZE_PLAN_KV_UNIFIED;
    }
    if (!out->context) out->context = llmsize__default_context(out);
    if (ops->defaults) ops->defaults(out, &l);
    if (out->mem_fraction <= 0.0) out->mem_fraction = out->release->mem_fraction;
    if (!out->batched_tokens) out->batched_tokens = out->release->default_batched_tokens;
    if (!out->max_seqs) out->max_seqs = out->release->default_max_seqs;
    if (!out->block_size) out->block_size = out->release->block_size ? out->release->block_size : 1u;
    if (!out->ubatch) out->ubatch = out->release->default_ubatch;
    return LLMSIZE_OK;
}

/* Encoders and encoder-decoders keep no paged KV pool: whatever the engine, a plan is their
   weights, one batch of `seqs` inputs' activations and (Whisper) the decoder's small cache
   against usable memory, split evenly over the accelerators (llmsize_fit). */
/* An encoder plan's result from its fit on `n` accelerators: each holds 1/n of it. */
static llmsize_status llmsize__encoder_result(const llmsize_plan *p, uint32_t n, const llmsize_fit_result *r,
                                              llmsize_plan_result *out) {
    int ov = 0;
    out->gpus = n;
    out->seqs = p->seqs;
    out->context = p->context;
    out->weight_bytes = r->weight_bytes / n;
    out->kv_bytes = r->kv_bytes / n;
    out->activation_bytes = r->activation_bytes / n;
    out->usable_bytes = r->usable_bytes / n;
    llmsize__total(out, &ov);
    llmsize__verdict(out, p->tight_pct, &ov);
    if (ov) return LLMSIZE_ERR_OVERFLOW;
    out->loads = out->fits;   /* no pool to grow or shrink: what loads is what fits */
    out->max_context = p->model->dims.max_ctx;
    return LLMSIZE_OK;
}

static llmsize_status llmsize__plan_encoder(const llmsize_plan *p, llmsize_plan_result *out) {
    llmsize_fit_request q;
    llmsize_fit_result r;
    llmsize_status st;
    memset(&q, 0, sizeof q);
    q.model = p->model; q.format = p->format; q.gpu = p->gpu;
    q.gpus = p->tp;
    q.context = p->context; q.seqs = p->seqs; q.kv_dtype = p->kv_dtype; q.tight_pct = p->tight_pct;
    if ((st = llmsize__fit_with(&q, p->weights, &r)) != LLMSIZE_OK) return st;
    return llmsize__encoder_result(p, q.gpus ? q.gpus : 1u, &r, out);
}

/* llmsize_plan_fit with only the columns asked (LLMSIZE_COLUMN_*, LLMSIZE__FITS_ONLY); a
   column not asked is 0. The placement sums of the plan's model and format: `host` when
   the caller has them (state not 0), else summed into `fill` when the plan needs them
   (NULL: a table of the plan's own). */
static llmsize_status llmsize__plan_fit_cols(const llmsize_plan *plan, uint32_t columns, const llmsize__host_table *host,
                                            llmsize__host_table *fill, llmsize_plan_result *out) {
    llmsize_plan d;
    llmsize__planning c;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_plan_defaults(plan, &d)) != LLMSIZE_OK) return st;
    if (d.model->flags & LLMSIZE_F_ENCODER) {
        if ((st = llmsize__plan_encoder(&d, out)) != LLMSIZE_OK) memset(out, 0, sizeof *out);
        else if (!(columns & LLMSIZE_COLUMN_MAX_CONTEXT)) out->max_context = 0;
        return st;
    }
    memset(&c, 0, offsetof(llmsize__planning, own));   /* own is summed whole when it is summed */
    c.own.state = 0;
    c.p = &d;
    c.asked = plan;
    c.columns = columns;
    c.host = host && host->state ? host : NULL;
    c.fill = fill ? fill : &c.own;
    c.e = &llmsize__engines[d.engine];
    llmsize__layout_of(&d, &c.l);
    out->gpus = c.l.gpus;
    out->seqs = d.seqs;
    out->context = d.context;
    out->gpu_layers = d.model->dims.layers;
    if (d.model->dims.max_ctx && out->context > d.model->dims.max_ctx && llmsize__engine_ops_of[d.engine]->refuses_past_max_ctx)
        out->refused = 1;  /* paging engines refuse a length beyond the model's own */
    if (d.weights) c.w = *d.weights;
    else {   /* an engine that places layers gets its placement sums in the same fold */
        const int sum = llmsize__engine_ops_of[d.engine]->places_layers && !c.host;
        if ((st = llmsize__weight_bytes_with(d.model, d.format, &c.w, sum ? c.fill : NULL)) != LLMSIZE_OK) {
            memset(out, 0, sizeof *out);
            return st;
        }
        if (sum) c.host = c.fill;
    }
    if (d.params) c.pr = *d.params;
    else if ((st = llmsize_params_of(d.model, &c.pr)) != LLMSIZE_OK) { memset(out, 0, sizeof *out); return st; }
    llmsize__rank_kv(d.model, d.kv_dtype, &c.l, &c.k, &c.ov);
    if ((st = llmsize__engine_ops_of[d.engine]->place(&c, out)) != LLMSIZE_OK) { memset(out, 0, sizeof *out); return st; }
    if ((columns & LLMSIZE__FITS_ONLY) && c.moved_to_cpu) {   /* the engine stopped at "it does not fit" */
        memset(out, 0, sizeof *out);
        return LLMSIZE_OK;
    }
    llmsize__total(out, &c.ov);
    llmsize__verdict(out, d.tight_pct, &c.ov);
    if (c.moved_to_cpu) out->fits = out->tight = 0;   /* it runs, slower; see outcome and gpu_layers */
    if (c.ov) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_OVERFLOW; }
    if (!(columns & LLMSIZE_COLUMN_MAX_CONTEXT)) out->max_context = 0;   /* an engine's closed form */
    if (columns & LLMSIZE_COLUMN_DECODE) {   /* decode speed: bandwidth of the tensor-parallel
                                                ranks; offloaded bytes at host speed */
        llmsize_speed_request q;
        llmsize_speed_result s;
        memset(&q, 0, sizeof q);
        /* one sequence passes the pipeline stages one after another: only tensor parallelism
           adds bandwidth to its step (pp splits the bytes, not the time) */
        q.model = d.model; q.format = d.format; q.gpu = d.gpu; q.gpus = c.l.tp;
        q.kv_dtype = d.kv_dtype; q.context = out->context; q.seqs = out->seqs;
        /* slots that share their cells (llama.cpp --kv-unified) hold no more than the cells */
        if (out->cache_cells && out->cache_cells / out->seqs < q.context) q.context = out->cache_cells / out->seqs;
        if (llmsize__speed_with(&q, &c.w, &c.pr, &s) == LLMSIZE_OK && s.decode_tps > 0) {
            const uint32_t layers = d.model->dims.layers,
                           host_kv_layers = llmsize__host_kv_layers(&d, out->gpu_layers < layers ? layers - out->gpu_layers : 0u);
            if (c.host_read == 0 && !host_kv_layers) out->decode_tps = s.decode_tps;
            else if (d.host_bw_gbs > 0) {
                /* offloaded layers run on the CPU, after the accelerator's: the accelerator's
                   step less the bytes it no longer reads, plus the host's bytes at the share of
                   its bandwidth CPUs reach (the CPU class's constant). A layer left on the CPU
                   reads its cache there too (llama.cpp makes it in host memory): its share of
                   the cache the step reads, a byte costing kv_cost */
                const llmsize_efficiency *acc = llmsize_efficiency_for(d.gpu), *cpu = llmsize_efficiency_of(LLMSIZE_HW_CPU);
                uint64_t kv = 0;
                double kv_host = 0.0, from_host, acc_s;
                if (host_kv_layers && llmsize_kv_bytes(d.model, q.context, q.seqs, (llmsize_kv_dtype)q.kv_dtype, &kv) == LLMSIZE_OK)
                    kv_host = (double)kv / layers * host_kv_layers;
                from_host = (double)c.host_read;
                acc_s = 1.0 / s.decode_tps - (from_host + acc->kv_cost * kv_host) /
                                             (d.gpu->bw_gbs * 1e9 * (double)(q.gpus ? q.gpus : 1u) * acc->expected);
                out->decode_tps = 1.0 / ((acc_s > 0 ? acc_s : 0.0) + (from_host + cpu->kv_cost * kv_host) / (d.host_bw_gbs * 1e9 * cpu->expected));
            }
            /* the accelerator class's spread of measured / predicted */
            out->decode_tps_low = out->decode_tps * (s.decode_tps_low / s.decode_tps);
            out->decode_tps_high = out->decode_tps * (s.decode_tps_high / s.decode_tps);
        }
    }
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_plan_fit(const llmsize_plan *plan, llmsize_plan_result *out) {
    return llmsize__plan_fit_cols(plan, LLMSIZE_COLUMN_ALL, NULL, NULL, out);
}

/* ---- Prepared plans: defaults, weights and KV layout once, then many fits ---- */
LLMSIZE_API llmsize_status llmsize_prepare(const llmsize_plan *plan, llmsize_prepared *out) {
    llmsize_status st;
    llmsize__layout l;
    llmsize__kvparts k;
    int ov = 0;
    if (out) memset(out, 0, sizeof *out);
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize_plan_defaults(plan, &out->plan)) != LLMSIZE_OK) return st;
    {   /* an engine that keeps layers in host memory: their placement sums too, once */
        llmsize__host_table *host = llmsize__engine_ops_of[out->plan.engine]->places_layers ? &out->host : NULL;
        if (!plan->weights) {
            if ((st = llmsize__weight_bytes_with(plan->model, plan->format, &out->weights, host)) != LLMSIZE_OK) goto fail;
        } else {
            out->weights = *plan->weights;
            if (host) llmsize__host_fold(plan->model, plan->format, host);
        }
    }
    if (plan->params) out->params = *plan->params;
    else if ((st = llmsize_params_of(plan->model, &out->params)) != LLMSIZE_OK) goto fail;
    out->asked = *plan;
    out->plan.weights = out->asked.weights = NULL;   /* the copies above: nothing of the caller's */
    out->plan.params = out->asked.params = NULL;
    if (plan->model->flags & LLMSIZE_F_ENCODER) return LLMSIZE_OK;   /* llmsize__plan_encoder's path */
    llmsize__layout_of(&out->plan, &l);
    out->tp = l.tp; out->pp = l.pp; out->gpus = l.gpus; out->expert_ranks = l.expert_ranks;
    llmsize__rank_kv(plan->model, out->plan.kv_dtype, &l, &k, &ov);
    out->kv_full_tok = k.full_tok; out->kv_local_tok = k.local_tok; out->kv_state_seq = k.state_seq;
    out->rank_weight_bytes = llmsize__rank_weights(&out->weights, plan->model, l.tp, l.pp, l.expert_ranks);
    if (ov) { st = LLMSIZE_ERR_OVERFLOW; goto fail; }
    out->fast = out->plan.engine == LLMSIZE_ENGINE_NONE;
    return LLMSIZE_OK;
fail:
    memset(out, 0, sizeof *out);
    return st;
}

/* llmsize__none_place and llmsize_plan_fit's verdict, over the prepared parts. */
static llmsize_status llmsize__prepared_none(const llmsize_prepared *pp, const llmsize_gpu *gpu, uint64_t context,
                                             uint32_t seqs, llmsize_plan_result *out) {
    llmsize__kvparts k;
    int ov = 0;
    if (!llmsize__gpu_valid(gpu)) return LLMSIZE_ERR_INVALID_ARG;
    k.full_tok = pp->kv_full_tok; k.local_tok = pp->kv_local_tok; k.state_seq = pp->kv_state_seq;
    out->gpus = pp->gpus;
    out->seqs = seqs;
    out->context = context;
    out->gpu_layers = pp->plan.model->dims.layers;
    llmsize__none_figures(&k, pp->plan.model, pp->rank_weight_bytes, gpu, out, &ov);
    llmsize__total(out, &ov);
    llmsize__verdict(out, pp->plan.tight_pct, &ov);
    return ov ? LLMSIZE_ERR_OVERFLOW : LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_prepared_fit(const llmsize_prepared *pp, const llmsize_gpu *gpu, uint64_t context,
                                                uint32_t seqs, uint32_t columns, llmsize_plan_result *out) {
    llmsize_plan p;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!pp || !out || !pp->plan.model) return LLMSIZE_ERR_NULL;
    if (!gpu) gpu = pp->plan.gpu;
    if (!gpu) return LLMSIZE_ERR_NULL;
    if (seqs > LLMSIZE__MAX_SEQS || columns > LLMSIZE_COLUMN_ALL) return LLMSIZE_ERR_INVALID_ARG;
    if (pp->fast && !columns) {
        st = llmsize__prepared_none(pp, gpu, context ? context : pp->plan.context, seqs ? seqs : pp->plan.seqs, out);
        if (st != LLMSIZE_OK) memset(out, 0, sizeof *out);
        return st;
    }
    p = pp->asked;   /* the engine's defaults on this accelerator, as llmsize_plan_fit applies them */
    p.gpu = gpu;
    if (context) p.context = context;
    if (seqs) p.seqs = seqs;
    p.weights = &pp->weights;
    p.params = &pp->params;
    return llmsize__plan_fit_cols(&p, columns, &pp->host, NULL, out);
}

/* One cell of each column asked: a result's verdict columns, or zeros beside an error. */
static void llmsize__grid_put(const llmsize_grid_columns *o, size_t at, llmsize_status st, const llmsize_plan_result *r) {
    const int ok = st == LLMSIZE_OK;
    o->status[at] = (int32_t)st;
    if (o->weight_bytes) o->weight_bytes[at] = ok ? r->weight_bytes : 0u;
    if (o->kv_bytes) o->kv_bytes[at] = ok ? r->kv_bytes : 0u;
    if (o->total_bytes) o->total_bytes[at] = ok ? r->total_bytes : 0u;
    if (o->usable_bytes) o->usable_bytes[at] = ok ? r->usable_bytes : 0u;
    if (o->headroom_bytes) o->headroom_bytes[at] = ok ? r->headroom_bytes : 0;
    if (o->fits) o->fits[at] = (uint8_t)(ok && r->fits);
    if (o->tight) o->tight[at] = (uint8_t)(ok && r->tight);
}

/* The accelerators of a grid, up to LLMSIZE__GRID_GPUS at once: each one's usable memory,
   or why it cannot be one (as llmsize_plan_check says); all_ok: every one valid, with usable
   memory below INT64_MAX (so a row of no-engine cells needs no per-cell check). */
#define LLMSIZE__GRID_GPUS 64
typedef struct llmsize__grid_gpus {
    const llmsize_gpu *gpu[LLMSIZE__GRID_GPUS];
    uint64_t usable[LLMSIZE__GRID_GPUS];
    llmsize_status st[LLMSIZE__GRID_GPUS];
    size_t n;
    int all_ok;
} llmsize__grid_gpus;

/* One plan's row of cells at one context over a chunk of accelerators. */
static void llmsize__grid_row(const llmsize_prepared *pp, const llmsize__grid_gpus *G, uint64_t context,
                              uint32_t seqs_asked, const llmsize_grid_columns *out, size_t row) {
    const uint64_t ctx = context ? context : pp->plan.context;
    const uint32_t seqs = seqs_asked ? seqs_asked : pp->plan.seqs;   /* no accelerator changes this default here */
    const int encoder = !pp->fast;
    uint64_t kv = 0, act = 0, total = 0;
    llmsize_status cst;
    size_t g;
    int ov = 0;
    if (encoder) {   /* llmsize__fit_with's checks and parts */
        cst = pp->plan.tp > 4096u ? LLMSIZE_ERR_INVALID_ARG : llmsize__fit_parts(pp->plan.model, ctx, seqs, pp->plan.kv_dtype, &kv, &act);
    } else {
        llmsize__kvparts k;
        k.full_tok = pp->kv_full_tok; k.local_tok = pp->kv_local_tok; k.state_seq = pp->kv_state_seq;
        kv = llmsize__mul(llmsize__request_kv(&k, pp->plan.model, ctx, 1u, 0u, LLMSIZE__PAGES_WINDOW, &ov), seqs, &ov);
        total = llmsize__add(pp->rank_weight_bytes, kv, &ov);
        (void)llmsize__headroom(total, 0u, &ov);
        cst = ov ? LLMSIZE_ERR_OVERFLOW : LLMSIZE_OK;
    }
    if (cst != LLMSIZE_OK || encoder || !G->all_ok) {   /* cell by cell */
        for (g = 0; g < G->n; ++g) {
            llmsize_plan_result r;
            llmsize_fit_result fr;
            llmsize_plan p = pp->plan;
            llmsize_status st = G->st[g];
            memset(&r, 0, sizeof r);
            if (st == LLMSIZE_OK && encoder && (st = cst) == LLMSIZE_OK) {   /* llmsize__plan_encoder over the parts */
                p.gpu = G->gpu[g]; p.context = ctx; p.seqs = seqs;
                st = llmsize__fit_figures(pp->weights.total, kv, act, 0u, p.tp, G->usable[g], p.tight_pct, &fr);
                if (st == LLMSIZE_OK) st = llmsize__encoder_result(&p, p.tp, &fr, &r);
            } else if (st == LLMSIZE_OK && !encoder) {
                st = llmsize__prepared_none(pp, G->gpu[g], ctx, seqs, &r);
            }
            llmsize__grid_put(out, row + g, st, &r);
        }
        return;
    }
    /* every cell of the row follows the no-engine rules without an error: column by column
       (each through a local pointer, so a byte column's stores need not reload the others) */
    {
        const uint64_t *u = G->usable;
        const size_t n = G->n;
        const uint64_t w = pp->rank_weight_bytes;
        const uint32_t tight_pct = pp->plan.tight_pct;
        int32_t *st = out->status + row;
        uint64_t *wc = out->weight_bytes, *kc = out->kv_bytes, *tc = out->total_bytes, *uc = out->usable_bytes;
        int64_t *hc = out->headroom_bytes;
        uint8_t *fc = out->fits, *ic = out->tight;
        for (g = 0; g < n; ++g) st[g] = LLMSIZE_OK;
        if (wc) for (wc += row, g = 0; g < n; ++g) wc[g] = w;
        if (kc) for (kc += row, g = 0; g < n; ++g) kc[g] = kv;
        if (tc) for (tc += row, g = 0; g < n; ++g) tc[g] = total;
        if (uc) for (uc += row, g = 0; g < n; ++g) uc[g] = u[g];
        if (hc) for (hc += row, g = 0; g < n; ++g) hc[g] = (int64_t)u[g] - (int64_t)total;
        if (fc) for (fc += row, g = 0; g < n; ++g) fc[g] = (uint8_t)(u[g] >= total);
        if (ic) for (ic += row, g = 0; g < n; ++g) ic[g] = (uint8_t)llmsize__is_tight((int64_t)u[g] - (int64_t)total, u[g], tight_pct);
    }
}

LLMSIZE_API llmsize_status llmsize_prepared_grid(const llmsize_prepared *const *plans, size_t n_plans,
                                                 const llmsize_gpu *const *gpus, size_t n_gpus,
                                                 const uint64_t *contexts, size_t n_contexts, uint32_t seqs,
                                                 const llmsize_grid_columns *out) {
    llmsize__grid_gpus G;
    size_t g, g0, c, p;
    if ((n_plans && n_gpus && n_contexts && (!out || !out->status)) || (!plans && n_plans) || (!gpus && n_gpus) ||
        (!contexts && n_contexts))
        return LLMSIZE_ERR_NULL;
    if (seqs > LLMSIZE__MAX_SEQS || (n_contexts && n_gpus > (size_t)-1 / n_contexts) ||
        (n_contexts && n_gpus && n_plans > (size_t)-1 / (n_contexts * n_gpus)))
        return LLMSIZE_ERR_INVALID_ARG;
    for (g0 = 0; g0 < n_gpus; g0 += LLMSIZE__GRID_GPUS) {
        G.n = n_gpus - g0 < LLMSIZE__GRID_GPUS ? n_gpus - g0 : LLMSIZE__GRID_GPUS;
        G.all_ok = 1;
        for (g = 0; g < G.n; ++g) {   /* a NULL accelerator is each plan's own: sized per plan */
            const llmsize_gpu *a = gpus[g0 + g];
            int ov = 0;
            G.gpu[g] = a;
            G.st[g] = !a ? LLMSIZE_ERR_NULL : llmsize__gpu_valid(a) ? LLMSIZE_OK : LLMSIZE_ERR_INVALID_ARG;
            G.usable[g] = G.st[g] == LLMSIZE_OK ? llmsize__usable(a) : 0u;
            (void)llmsize__headroom(0u, G.usable[g], &ov);
            G.all_ok &= a && G.st[g] == LLMSIZE_OK && !ov;
        }
        for (p = 0; p < n_plans; ++p) {
            const llmsize_prepared *pp = plans[p];
            const int quick = pp && pp->plan.model && (pp->fast || (pp->plan.model->flags & LLMSIZE_F_ENCODER));
            llmsize__grid_gpus own;   /* the chunk with NULL accelerators as this plan's own */
            const llmsize__grid_gpus *use = &G;
            if (quick && !G.all_ok) {
                own = G;
                for (g = 0; g < own.n; ++g)
                    if (!own.gpu[g] && pp->plan.gpu) {
                        own.gpu[g] = pp->plan.gpu;
                        own.st[g] = llmsize__gpu_valid(pp->plan.gpu) ? LLMSIZE_OK : LLMSIZE_ERR_INVALID_ARG;
                        own.usable[g] = own.st[g] == LLMSIZE_OK ? llmsize__usable(pp->plan.gpu) : 0u;
                    }
                use = &own;
            }
            for (c = 0; c < n_contexts; ++c) {
                const size_t row = (p * n_contexts + c) * n_gpus + g0;
                if (quick) { llmsize__grid_row(pp, use, contexts[c], seqs, out, row); continue; }
                for (g = 0; g < G.n; ++g) {   /* an engine's rules (or no plan): a prepared fit a cell */
                    llmsize_plan_result r;
                    llmsize__grid_put(out, row + g, pp && pp->plan.model ? llmsize_prepared_fit(pp, gpus[g0 + g], contexts[c], seqs, 0, &r)
                                                                          : LLMSIZE_ERR_NULL, &r);
                }
            }
        }
    }
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Inverse solvers: each is a search over llmsize_plan_fit, so every engine rule counts */
/* ---------------------------------------------------------------------------------- */
/* A copy of the plan for searches that fit the same model and format many times: its
   weights and parameters computed once, and its placement sums once a plan needs them. */
typedef struct llmsize__cached {
    llmsize_plan p;
    llmsize_weights w;
    llmsize_params pr;
    llmsize__host_table host;
} llmsize__cached;
static llmsize_status llmsize__plan_cached(const llmsize_plan *plan, llmsize__cached *c) {
    llmsize_status st;
    c->p = *plan;
    c->host.state = 0;
    if (!c->p.model || !c->p.format) return LLMSIZE_ERR_NULL;
    if (!c->p.weights) {
        if ((st = llmsize_weight_bytes(c->p.model, c->p.format, &c->w)) != LLMSIZE_OK) return st;
        c->p.weights = &c->w;
    }
    if (!c->p.params) {
        if ((st = llmsize_params_of(c->p.model, &c->pr)) != LLMSIZE_OK) return st;
        c->p.params = &c->pr;
    }
    return LLMSIZE_OK;
}
static int llmsize__plan_fits(llmsize__cached *c, uint32_t columns, llmsize_plan_result *r, llmsize_status *st) {
    *st = llmsize__plan_fit_cols(&c->p, LLMSIZE__FITS_ONLY | columns, &c->host, &c->host, r);
    return *st == LLMSIZE_OK && r->fits;
}

/* The plan at one context, or at one number of sequences: does it fit? */
static int llmsize__fits_at_context(void *ctx, uint64_t context, llmsize_status *st) {
    llmsize__cached *c = (llmsize__cached *)ctx;
    llmsize_plan_result r;
    c->p.context = context;
    return llmsize__plan_fits(c, 0u, &r, st);
}
static int llmsize__fits_with_seqs(void *ctx, uint64_t seqs, llmsize_status *st) {
    llmsize__cached *c = (llmsize__cached *)ctx;
    llmsize_plan_result r;
    c->p.seqs = (uint32_t)seqs;
    return llmsize__plan_fits(c, 0u, &r, st);
}

/* The solvers over a cached plan (which they change), for llmsize_plan_suggest to ask all
   of them with one copy; the public ones make the copy. */
static llmsize_status llmsize__max_context(llmsize__cached *c, uint64_t *out) {
    llmsize_status st;
    c->p.flags &= ~(uint32_t)LLMSIZE_PLAN_CONTEXT_AUTO;
    if (!llmsize__fits_at_context(c, 1u, &st)) return st;   /* not even one token: 0 */
    return llmsize__largest(1u, llmsize__ctx_cap(c->p.model), llmsize__fits_at_context, c, out);
}
static llmsize_status llmsize__max_seqs(llmsize__cached *c, uint32_t *out) {
    llmsize_status st;
    uint64_t lo = 1u, hi = 1u, best = 0;
    if (!llmsize__fits_with_seqs(c, 1u, &st)) return st;
    while (hi < LLMSIZE__MAX_SEQS) {   /* grow, then bisect */
        const uint64_t next = hi * 2u > LLMSIZE__MAX_SEQS ? LLMSIZE__MAX_SEQS : hi * 2u;
        if (!llmsize__fits_with_seqs(c, next, &st)) { if (st != LLMSIZE_OK) return st; hi = next; break; }
        lo = hi = next;
    }
    if ((st = llmsize__largest(lo, hi, llmsize__fits_with_seqs, c, &best)) != LLMSIZE_OK) return st;
    *out = (uint32_t)best;
    return LLMSIZE_OK;
}
static llmsize_status llmsize__min_gpus(llmsize__cached *c, uint32_t max_gpus, uint32_t *out) {
    llmsize_plan_result r;
    llmsize_status st;
    uint32_t n;
    c->p.pp = c->p.dp = c->p.tp = 0;
    for (n = 1; n <= max_gpus; ++n) {
        c->p.gpus = n;   /* tensor parallel, or stages (no head has to divide) */
        if (!llmsize_engine_splits_layers(c->p.engine) && !llmsize_valid_tp(c->p.model, n)) continue;
        if (llmsize__plan_fits(c, 0u, &r, &st)) { *out = n; return LLMSIZE_OK; }
        if (st != LLMSIZE_OK && st != LLMSIZE_ERR_INVALID_ARG) return st;
    }
    return LLMSIZE_ERR_UNSUPPORTED;
}

LLMSIZE_API llmsize_status llmsize_plan_max_context(const llmsize_plan *plan, uint64_t *out) {
    llmsize__cached c;
    llmsize_status st;
    if (out) *out = 0;
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__plan_cached(plan, &c)) != LLMSIZE_OK) return st;
    return llmsize__max_context(&c, out);
}

LLMSIZE_API llmsize_status llmsize_plan_max_seqs(const llmsize_plan *plan, uint32_t *out) {
    llmsize__cached c;
    llmsize_status st;
    if (out) *out = 0;
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__plan_cached(plan, &c)) != LLMSIZE_OK) return st;
    return llmsize__max_seqs(&c, out);
}

LLMSIZE_API llmsize_status llmsize_plan_min_gpus(const llmsize_plan *plan, uint32_t max_gpus, uint32_t *out) {
    llmsize__cached c;
    llmsize_status st;
    if (out) *out = 0;
    if (!plan || !out || !plan->model) return LLMSIZE_ERR_NULL;
    if (max_gpus == 0 || max_gpus > 4096u) return LLMSIZE_ERR_INVALID_ARG;
    if ((st = llmsize__plan_cached(plan, &c)) != LLMSIZE_OK) return st;
    return llmsize__min_gpus(&c, max_gpus, out);
}

/* The format with the least quality loss that fits (ties: the fewest weight bytes, then the
   first listed). Formats are tried from the least loss up, so a search stops at the first
   loss level where one fits instead of sizing every format. */
LLMSIZE_API llmsize_status llmsize_plan_best_format(const llmsize_plan *plan, double min_tps,
                                                    const llmsize_format *const *formats, size_t n_formats,
                                                    const llmsize_format **out, llmsize_quality *quality) {
    llmsize_plan p;
    llmsize_params pr;
    double loss[LLMSIZE_MAX_FORMATS], level = 0.0;
    unsigned char usable[LLMSIZE_MAX_FORMATS];
    const size_t n = formats ? n_formats : llmsize_format_count();
    uint64_t best_bytes = 0;
    int have_level = 0;
    size_t i;
    if (out) *out = NULL;
    if (quality) memset(quality, 0, sizeof *quality);
    if (!plan || !out || !plan->model) return LLMSIZE_ERR_NULL;
    if (!(min_tps == min_tps) || min_tps < 0.0 || min_tps > 1e9) return LLMSIZE_ERR_INVALID_ARG;
    if (n > LLMSIZE_MAX_FORMATS) return LLMSIZE_ERR_INVALID_ARG;
    p = *plan;
    if (llmsize_params_of(plan->model, &pr) != LLMSIZE_OK) return LLMSIZE_ERR_INVALID_MODEL;
    p.params = &pr;
    for (i = 0; i < n; ++i) {   /* what each candidate loses; 0 = not a candidate here */
        const llmsize_format *f = llmsize__candidate(formats, n_formats, i);
        llmsize_quality q;
        usable[i] = f && llmsize_format_runs_on(f, plan->gpu, plan->engine) &&
                    llmsize__quality_with(plan->model, &pr, f, &q) == LLMSIZE_OK && q.loss_pct == q.loss_pct;
        loss[i] = usable[i] ? q.loss_pct : 0.0;
    }
    for (;;) {   /* the next loss level up: does any of its formats fit? */
        const double below = level;
        int found = 0;
        for (i = 0; i < n; ++i) {
            if (!usable[i] || (have_level && loss[i] <= below)) continue;
            if (!found || loss[i] < level) { level = loss[i]; found = 1; }
        }
        if (!found) break;
        have_level = 1;
        for (i = 0; i < n; ++i) {
            llmsize_plan_result r;
            llmsize_status st;
            if (!usable[i] || loss[i] != level) continue;
            p.format = llmsize__candidate(formats, n_formats, i);
            p.weights = NULL;   /* each format's own fold (with its placement sums) */
            st = llmsize__plan_fit_cols(&p, LLMSIZE__FITS_ONLY | (min_tps > 0.0 ? LLMSIZE_COLUMN_DECODE : 0u), NULL, NULL, &r);
            if (st != LLMSIZE_OK || !r.fits || r.decode_tps < min_tps) continue;
            if (!*out || r.weight_bytes < best_bytes) {
                *out = p.format;
                best_bytes = r.weight_bytes;
            }
        }
        if (*out) break;
    }
    if (!*out) return LLMSIZE_ERR_UNSUPPORTED;
    if (quality) llmsize__quality_with(plan->model, &pr, *out, quality);
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_largest_model(const llmsize_plan *plan, const llmsize_format *const *formats,
                                                 size_t n_formats, const llmsize_model **model,
                                                 const llmsize_format **format) {
    llmsize_plan p;
    uint64_t best = 0;
    size_t i;
    if (model) *model = NULL;
    if (format) *format = NULL;
    if (!plan || !model || !format) return LLMSIZE_ERR_NULL;
    p = *plan;
    for (i = 0; i < llmsize_model_count(); ++i) {
        const llmsize_model *m = llmsize_model_at(i);
        const llmsize_format *f = NULL;
        llmsize_params pr;
        p.model = m;
        if (llmsize_params_of(m, &pr) != LLMSIZE_OK || pr.total <= best) continue;
        if (llmsize_plan_best_format(&p, 0.0, formats, n_formats, &f, NULL) != LLMSIZE_OK) continue;
        best = pr.total;
        *model = m;
        *format = f;
    }
    return *model ? LLMSIZE_OK : LLMSIZE_ERR_UNSUPPORTED;
}

LLMSIZE_API llmsize_status llmsize_plan_suggest(const llmsize_plan *plan, llmsize_suggestion *out) {
    llmsize__cached c;
    llmsize_plan p;
    llmsize_plan_result r;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!plan || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__plan_cached(plan, &c)) != LLMSIZE_OK) return st;   /* counted once for all four */
    p = c.p;   /* each solver changes its copy */
    if ((st = llmsize__plan_fit_cols(&p, LLMSIZE_COLUMN_ALL, &c.host, &c.host, &r)) != LLMSIZE_OK) return st;
    llmsize_plan_best_format(&p, 0.0, NULL, 0, &out->format, &out->format_quality);
    if (llmsize__min_gpus(&c, 64u, &out->gpus) != LLMSIZE_OK) out->gpus = 0;
    c.p = p;
    llmsize__max_context(&c, &out->context);
    c.p = p;
    c.p.context = r.context;
    llmsize__max_seqs(&c, &out->seqs);
    return LLMSIZE_OK;
}

LLMSIZE_API int llmsize_format_runs_on(const llmsize_format *f, const llmsize_gpu *a, uint32_t engine) {
    uint32_t loads;
    if (!f || !a || engine >= LLMSIZE_ENGINE_COUNT) return 0;
    loads = llmsize__engine_ops_of[engine]->loads;
    if (f->kind == LLMSIZE_FMT_GGUF) return (loads & LLMSIZE__LOADS_GGUF) != 0;
    if (!(loads & LLMSIZE__LOADS_GPU)) return 0;
    if (a->hw_class == LLMSIZE_HW_APPLE || a->hw_class == LLMSIZE_HW_CPU) return f->kind == LLMSIZE_FMT_FLOAT;
    if (f->kind == LLMSIZE_FMT_GPU && f->compute == LLMSIZE_COMPUTE_FP4 && a->fp4_tflops <= 0) return 0;
    return 1;
}

/* ---------------------------------------------------------------------------------- */
/* Engine command lines                                                               */
/* ---------------------------------------------------------------------------------- */









/* Is `w` one of the '|'-separated words of `list`? A word ending in '*' matches a prefix. */
static int llmsize__word_in(const char *w, const char *list) {
    const char *p = list;
    while (p && *p) {
        const char *e = strchr(p, '|');
        const size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && (p[n - 1] == '*' ? !strncmp(w, p, n - 1) : (strlen(w) == n && !strncmp(w, p, n)))) return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

/* Which engine a command line starts, by the programs and `python -m` modules each engine
   lists; *first = index of its first option/argument. */
static uint32_t llmsize__engine_of(size_t argc, const char *const *argv, size_t *first) {
    size_t i;
    uint32_t e;
    const char *prog, *c;
    if (argc == 0 || !argv[0]) return LLMSIZE_ENGINE_NONE;
    for (prog = c = argv[0]; *c; ++c) if (*c == '/') prog = c + 1;
    if (!strncmp(prog, "python", 6)) {   /* python -m vllm.entrypoints.openai.api_server / sglang.launch_server */
        for (i = 1; i + 1 < argc && argv[i]; ++i) {
            if (!strcmp(argv[i], "-m") && argv[i + 1]) {
                *first = i + 2;
                for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
                    const char *mod = llmsize__engine_ops_of[e]->module;
                    if (mod && !strncmp(argv[i + 1], mod, strlen(mod))) return e;
                }
                return LLMSIZE_ENGINE_NONE;
            }
        }
        return LLMSIZE_ENGINE_NONE;
    }
    *first = 1;
    for (e = 0; e < LLMSIZE_ENGINE_COUNT; ++e) {
        const llmsize__engine_ops *ops = llmsize__engine_ops_of[e];
        if (!ops->programs || !llmsize__word_in(prog, ops->programs)) continue;
        if (ops->subcommands && argc > 1 && argv[1] && llmsize__word_in(argv[1], ops->subcommands)) *first = 2;
        return e;
    }
    return LLMSIZE_ENGINE_NONE;
}

/* The routed experts of layers [a, b) onto the CPU beside those already there (-ncmoe, -ot:
   llama.cpp applies every such override); 0 when the union is not one run of layers. */
static int llmsize__cpu_experts_add(llmsize_plan *p, uint32_t a, uint32_t b) {
    const uint32_t from = p->cpu_moe_first, to = from + p->cpu_moe_layers;   /* parsing keeps it in range */
    if (a >= b) return 1;
    if (p->cpu_moe_layers && (a > to || b < from)) return 0;
    if (p->cpu_moe_layers) { a = a < from ? a : from; b = b > to ? b : to; }
    p->cpu_moe_first = a;
    p->cpu_moe_layers = b - a;
    return 1;
}

/* A flag llmsize does not model: named in the result, so a reader can tell whether it matters. */
static void llmsize__not_modelled(llmsize_parsed *out, const char *tok, size_t n) {
    if (out->unknown_flags < LLMSIZE_MAX_UNKNOWN_FLAGS) {
        out->unknown_flag[out->unknown_flags] = tok;
        out->unknown_flag_len[out->unknown_flags] = n;
    }
    ++out->unknown_flags;
}

static llmsize_status llmsize__apply_flag(const llmsize__flag *f, const char *flag, const char *v, llmsize_parsed *out) {
    llmsize_plan *p = &out->plan;
    uint64_t n = 0;
    int r;
    llmsize_kv_dtype d;
    switch (f->arg) {
    case LLMSIZE__A_MODEL: out->model_arg = v; out->model_arg_len = strlen(v); return LLMSIZE_OK;
    case LLMSIZE__A_QUANT: out->quant_arg = v; out->quant_arg_len = strlen(v); return LLMSIZE_OK;
    case LLMSIZE__A_HF_FILE: out->hf_file = v; return LLMSIZE_OK;
    case LLMSIZE__A_FRACTION:
        if (llmsize__parse_fraction(v, &p->mem_fraction) != 0) break;
        return LLMSIZE_OK;
    case LLMSIZE__A_KV_DTYPE: case LLMSIZE__A_CACHE_V:
        if (llmsize_find_kv_dtype(v, &d) != LLMSIZE_OK) break;
        /* K and V share one dtype in a plan: keep the larger of the two */
        if (f->arg == LLMSIZE__A_KV_DTYPE || p->kv_dtype == LLMSIZE_KV_F16) p->kv_dtype = d;
        return LLMSIZE_OK;
    case LLMSIZE__A_FLASH_ATTN:
        if (!v || llmsize__eq_n(v, "on", 2) || !strcmp(v, "1")) p->flags |= LLMSIZE_PLAN_FLASH_ATTN;
        else if (llmsize__eq_n(v, "off", 3) || !strcmp(v, "0")) p->flags |= LLMSIZE_PLAN_NO_FLASH_ATTN;
        else if (!llmsize__eq_n(v, "auto", 4)) break;   /* auto: the release's default */
        return LLMSIZE_OK;
    case LLMSIZE__A_SPLIT_MODE:   /* common/arg.cpp: none (one GPU), layer (the default), row */
        if (!strcmp(v, "none")) p->flags |= LLMSIZE_PLAN_ONE_GPU;
        else if (strcmp(v, "layer")) {   /* row (and newer modes): not modelled, said so */
            if (strcmp(v, "row") && strcmp(v, "tensor") && strcmp(v, "graph")) break;
            llmsize__not_modelled(out, flag, strcspn(flag, "="));
        }
        return LLMSIZE_OK;
    case LLMSIZE__A_OVERRIDE_TENSOR: {
        uint32_t a, b;
        const int res = llmsize__override_tensor(v, &a, &b);
        if (res < 0) break;
        if (res > 0 || !llmsize__cpu_experts_add(p, a, b)) llmsize__not_modelled(out, flag, strcspn(flag, "="));
        return LLMSIZE_OK;
    }
    case LLMSIZE__A_GPU_LAYERS:
        if (llmsize__eq_n(v, "all", 3) || llmsize__eq_n(v, "auto", 4)) return LLMSIZE_OK;
        if (!strcmp(v, "-1")) return LLMSIZE_OK;
        if (llmsize__parse_count(v, LLMSIZE__N_PLAIN, &n) != 0 || n > 0x7FFFFFFF) break;
        p->flags |= LLMSIZE_PLAN_GPU_LAYERS;
        p->gpu_layers = (int32_t)n;
        return LLMSIZE_OK;
    default:
        r = llmsize__parse_count(v, f->number, &n);
        if (r == 1 && f->arg == LLMSIZE__A_CONTEXT) { p->flags |= LLMSIZE_PLAN_CONTEXT_AUTO; return LLMSIZE_OK; }
        if (r != 0 || n == 0) {
            if (r == 0 && n == 0 && f->arg == LLMSIZE__A_CONTEXT) { p->flags |= LLMSIZE_PLAN_CONTEXT_MODEL; return LLMSIZE_OK; }  /* -c 0: the model's */
            if (r == 0 && n == 0 && f->arg == LLMSIZE__A_CPU_MOE_N) return LLMSIZE_OK;
            break;
        }
        if (f->arg == LLMSIZE__A_CONTEXT || f->arg == LLMSIZE__A_BATCHED) {
            if (n > ((uint64_t)1 << 40)) break;
            if (f->arg == LLMSIZE__A_CONTEXT) p->context = n; else p->batched_tokens = n;
            return LLMSIZE_OK;
        }
        if (n > 0xFFFFFFFFu) break;
        switch (f->arg) {
        case LLMSIZE__A_TP: p->tp = (uint32_t)n; break;
        case LLMSIZE__A_PP: p->pp = (uint32_t)n; break;
        case LLMSIZE__A_DP: p->dp = (uint32_t)n; break;
        case LLMSIZE__A_SEQS: p->seqs = (uint32_t)n; break;
        case LLMSIZE__A_MAX_SEQS: p->max_seqs = (uint32_t)n; break;
        case LLMSIZE__A_UBATCH: p->ubatch = (uint32_t)n; break;
        case LLMSIZE__A_BLOCK: p->block_size = (uint32_t)n; break;
        case LLMSIZE__A_CPU_MOE_N:
            if (!llmsize__cpu_experts_add(p, 0u, (uint32_t)n)) llmsize__not_modelled(out, flag, strcspn(flag, "="));
            break;
        default: break;
        }
        return LLMSIZE_OK;
    }
    out->error_flag = flag;
    return LLMSIZE_ERR_PARSE;
}

LLMSIZE_API llmsize_status llmsize_parse_command(size_t argc, const char *const *argv, size_t envc,
                                                 const char *const *env, llmsize_parsed *out) {
    size_t i, first = 1;
    llmsize_status st;
    const llmsize__engine_ops *ops;
    if (out) memset(out, 0, sizeof *out);
    if (!argv || !out || (envc && !env)) return LLMSIZE_ERR_NULL;
    for (i = 0; i < argc; ++i) if (!argv[i]) return LLMSIZE_ERR_NULL;
    out->plan.engine = llmsize__engine_of(argc, argv, &first);
    if (out->plan.engine == LLMSIZE_ENGINE_NONE) return LLMSIZE_ERR_UNKNOWN_ENGINE;
    ops = llmsize__engine_ops_of[out->plan.engine];
    for (i = first; i < argc; ++i) {
        const char *tok = argv[i], *eq = strchr(tok, '='), *v;
        const size_t n = tok[0] == '-' && eq ? (size_t)(eq - tok) : strlen(tok);
        size_t k;
        const llmsize__flag *f = NULL;
        if (tok[0] != '-') {   /* positional: the model (vllm serve MODEL, ollama run TAG) */
            if (!out->model_arg) { out->model_arg = tok; out->model_arg_len = n; }
            continue;
        }
        for (k = 0; k < ops->n_flags && !f; ++k)
            if (llmsize__flag_is(&ops->flags[k], tok, n)) f = &ops->flags[k];
        if (!f) {   /* not modelled: name it, skip it and a value that follows it */
            llmsize__not_modelled(out, tok, n);
            if (!eq && i + 1 < argc && argv[i + 1][0] != '-') ++i;
            continue;
        }
        if (f->arg == LLMSIZE__A_BOOL) { out->plan.flags |= f->bits; continue; }
        v = eq ? eq + 1 : NULL;
        if (!v && f->arg == LLMSIZE__A_FLASH_ATTN && !(i + 1 < argc && argv[i + 1][0] && strchr("oa01", argv[i + 1][0]) && strlen(argv[i + 1]) <= 4))
            v = NULL;   /* bare -fa (older llama.cpp) */
        else if (!v) {
            if (i + 1 >= argc) { out->error_flag = tok; return LLMSIZE_ERR_PARSE; }
            v = argv[++i];
        }
        if (!v) { out->plan.flags |= LLMSIZE_PLAN_FLASH_ATTN; continue; }
        if ((st = llmsize__apply_flag(f, tok, v, out)) != LLMSIZE_OK) return st;
    }
    if (ops->env)
        for (i = 0; i < envc; ++i)
            if (env[i] && (st = ops->env(env[i], out)) != LLMSIZE_OK) return st;
    if (ops->parsed) ops->parsed(out);
    /* resolve names: the quantization flag, else what the model's name says */
    if (out->quant_arg) {
        static const char *const engine_names[][2] = {
            { "awq_marlin", "awq" }, { "gptq_marlin", "gptq" }, { "bitsandbytes", "bnb-nf4" }, { "modelopt_fp4", "nvfp4" },
            { "modelopt", "fp8" }, { "w8a8_int8", "int8" }, { "w8a8_fp8", "fp8" }
        };
        char q[40];
        if (out->quant_arg_len < sizeof q) {
            memcpy(q, out->quant_arg, out->quant_arg_len);
            q[out->quant_arg_len] = '\0';
            llmsize_find_format(q, &out->plan.format);
            for (i = 0; !out->plan.format && i < sizeof engine_names / sizeof engine_names[0]; ++i)
                if (!strcmp(q, engine_names[i][0])) llmsize_find_format(engine_names[i][1], &out->plan.format);
            if (out->plan.format) out->format_from = LLMSIZE_FROM_NAME;
        }
    }
    if (out->model_arg) {   /* the one resolver: repo ids, quantized copies, Ollama tags, GGUF files */
        char name[256];
        llmsize_resolution r;
        if (out->model_arg_len < sizeof name) {
            memcpy(name, out->model_arg, out->model_arg_len);
            name[out->model_arg_len] = '\0';
            if (out->hf_file) {   /* llama-server -hf REPO -hff FILE: the file names the type */
                llmsize_resolution rf;
                if (llmsize_resolve(out->hf_file, &rf) == LLMSIZE_OK && rf.format_from == LLMSIZE_FROM_NAME &&
                    !out->plan.format) { out->plan.format = rf.format; out->format_from = LLMSIZE_FROM_NAME; }
            }
            out->resolve_status = (uint32_t)llmsize_resolve_for(name, out->plan.engine, &r);
            if (out->resolve_status == LLMSIZE_OK) {
                out->plan.model = r.model;
                out->how = r.how;
                if (!out->plan.format && llmsize_format_for(&r, out->plan.engine, &out->plan.format) == LLMSIZE_OK)
                    out->format_from = r.format_from;
            }
        }
    }
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Licences                                                                           */
/* ---------------------------------------------------------------------------------- */
LLMSIZE_API size_t llmsize_license_count(void) { return LLMSIZE__COUNT(llmsize__licenses); }
LLMSIZE_API const llmsize_license *llmsize_license_at(size_t i) {
    return i < LLMSIZE__COUNT(llmsize__licenses) ? &llmsize__licenses[i] : NULL;
}

LLMSIZE_API llmsize_status llmsize_find_license(const char *name, const llmsize_license **out) {
    size_t i;
    if (out) *out = NULL;
    if (!name || !out) return LLMSIZE_ERR_NULL;
    if ((i = llmsize__lookup(LLMSIZE_TABLE_LICENSES, name)) == (size_t)-1) return LLMSIZE_ERR_UNKNOWN_LICENSE;
    *out = &llmsize__licenses[i];
    return LLMSIZE_OK;
}

LLMSIZE_API uint32_t llmsize_model_tasks(const llmsize_model *m) {
    uint32_t t;
    if (!m) return 0;
    t = m->tasks;
    if (m->modalities & (LLMSIZE_MOD_IMAGE | LLMSIZE_MOD_VIDEO)) t |= LLMSIZE_TASK_VISION;
    if (m->dims.max_ctx >= LLMSIZE_LONG_CONTEXT) t |= LLMSIZE_TASK_LONG_CONTEXT;
    return t;
}

/* Severity order for combining findings: allowed < with obligations < unknown < not
   allowed. An unknown term never lets a use through; a refusal outranks it. */
static int llmsize__verdict_rank(uint32_t v) {
    static const int rank[4] = { 2, 0, 1, 3 };
    return v < 4 ? rank[v] : 3;
}

static void llmsize__finding(llmsize_license_result *r, int obligation, uint32_t about,
                             uint32_t verdict, const llmsize_license *l, const char *text,
                             const char *clause) {
    llmsize_finding *list = obligation ? r->obligations : r->reasons;
    uint32_t *n = obligation ? &r->n_obligations : &r->n_reasons;
    if (llmsize__verdict_rank(verdict) > llmsize__verdict_rank(r->verdict)) r->verdict = verdict;
    if (obligation) {   /* one duty named by two terms is listed once */
        uint32_t k;
        for (k = 0; k < *n; ++k) if (list[k].text == text) return;
    }
    if (*n >= LLMSIZE_MAX_FINDINGS) return;   /* the verdict above still counts */
    list[*n].about = about;
    list[*n].verdict = verdict;
    list[*n].license = l ? l->id : NULL;
    list[*n].text = text;
    list[*n].clause = clause;
    ++*n;
}
#define LLMSIZE__REASON(r, about, v, l, text, clause) llmsize__finding(r, 0, about, v, l, text, clause)
#define LLMSIZE__DUTY(r, about, l, text, clause) \
    llmsize__finding(r, 1, about, LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS, l, text, clause)

/* A threshold crossed, by what crossing it does. */
static void llmsize__gate(llmsize_license_result *r, const llmsize_license *l, uint32_t about,
                          uint32_t gate, int above, const char *clause) {
    static const char *const crossed[] = {
        NULL,
        "above the threshold in the calendar month before the model's release date: no rights until the licensor grants a licence",
        "above the threshold: a licence must be requested from the licensor; no rights without its authorization",
        "above the threshold: the licence grants no rights at all",
        "above the threshold: the product must display the model's name"
    };
    if (gate == LLMSIZE_GATE_NONE || gate > LLMSIZE_GATE_DISPLAY) return;
    if (!above) {
        LLMSIZE__REASON(r, about, LLMSIZE_VERDICT_ALLOWED, l,
                        gate == LLMSIZE_GATE_GRANT_AT_RELEASE
                            ? "at or below the threshold in the month before release (a one-time test)"
                            : "at or below the threshold", clause);
    } else if (gate == LLMSIZE_GATE_DISPLAY) {
        LLMSIZE__REASON(r, about, LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS, l, crossed[gate], clause);
        LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_DISPLAY, l, l->display, clause);
    } else {
        LLMSIZE__REASON(r, about, LLMSIZE_VERDICT_NOT_ALLOWED, l, crossed[gate], clause);
    }
}

static void llmsize__check_commercial(llmsize_license_result *r, const llmsize_license *l,
                                      const llmsize_use *u) {
    static const char *const text[3] = {
        "whether the licence permits commercial use could not be read",
        "commercial use is permitted", "the licence does not permit commercial use" };
    uint32_t v;
    if (!u->commercial) return;
    v = l->commercial == LLMSIZE_TERM_YES ? LLMSIZE_VERDICT_ALLOWED
      : l->commercial == LLMSIZE_TERM_NO ? LLMSIZE_VERDICT_NOT_ALLOWED : LLMSIZE_VERDICT_UNKNOWN;
    LLMSIZE__REASON(r, LLMSIZE_CLAUSE_COMMERCIAL, v, l, text[l->commercial < 3 ? l->commercial : 0],
                    l->commercial_clause);
    if (l->commercial_duty) LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_COMMERCIAL, l, l->commercial_duty, l->commercial_clause);
}

static void llmsize__check_thresholds(llmsize_license_result *r, const llmsize_license *l,
                                      const llmsize_use *u) {
    /* Llama measures users once, in the month before release; everyone else continuously */
    const uint64_t mau = l->mau_gate == LLMSIZE_GATE_GRANT_AT_RELEASE && u->mau_at_release
                       ? u->mau_at_release : u->mau;
    /* Qwen's and Kimi's tests apply to commercial products only */
    const int applies = u->commercial || l->mau_gate == LLMSIZE_GATE_GRANT_AT_RELEASE;
    if (l->mau_limit && applies)
        llmsize__gate(r, l, LLMSIZE_CLAUSE_MAU, l->mau_gate, mau > l->mau_limit, l->mau_clause);
    if (l->revenue_limit_usd > 0 && (u->commercial || l->revenue_gate == LLMSIZE_GATE_NO_RIGHTS)) {
        /* Kimi's two tests are one duty: do not list it twice */
        const int dup = l->revenue_gate == LLMSIZE_GATE_DISPLAY && l->mau_gate == LLMSIZE_GATE_DISPLAY &&
                        mau > l->mau_limit;
        if (!dup) llmsize__gate(r, l, LLMSIZE_CLAUSE_REVENUE, l->revenue_gate,
                                u->revenue_usd > l->revenue_limit_usd, l->revenue_clause);
    }
}

static void llmsize__check_eu(llmsize_license_result *r, const llmsize_license *l,
                              const llmsize_model *m, const llmsize_use *u) {
    /* The clause withholds the rights to a multimodal *model* from EU licensees, whatever
       inputs they use (Llama 3.2 and 4 AUPs: "with respect to any multimodal models ... the
       rights granted under Section 1(a) ... are not being granted to you"); a text-only model
       has nothing to lose. Without a model, the use's multimodal flag stands for it. */
    const int model_multimodal = m ? (m->modalities & ~(uint32_t)LLMSIZE_MOD_TEXT) != 0 : u->multimodal;
    if (!(u->eu && model_multimodal)) return;
    if (l->eu_multimodal == LLMSIZE_TERM_YES)
        LLMSIZE__REASON(r, LLMSIZE_CLAUSE_EU_MULTIMODAL, LLMSIZE_VERDICT_NOT_ALLOWED, l,
                        "rights to the multimodal models are not granted to individuals or companies domiciled in the EU",
                        l->eu_clause);
    else if (l->eu_multimodal == LLMSIZE_TERM_NO)
        LLMSIZE__REASON(r, LLMSIZE_CLAUSE_EU_MULTIMODAL, LLMSIZE_VERDICT_ALLOWED, l,
                        "no territorial restriction on multimodal use", l->eu_clause);
    else
        LLMSIZE__REASON(r, LLMSIZE_CLAUSE_EU_MULTIMODAL, LLMSIZE_VERDICT_UNKNOWN, l,
                        "territorial terms could not be read", l->eu_clause);
}

static void llmsize__check_outputs(llmsize_license_result *r, const llmsize_license *l,
                                   const llmsize_use *u) {
    static const char *const text[] = {
        "what the licence says about training on outputs could not be read",
        "outputs may be used to train other models",
        "outputs may not be used to improve any other large language model outside the family",
        "outputs may train another model; if it is distributed its name and product must credit the source",
        "outputs may train another model; if it is distributed its documentation must credit the source",
        "a model trained to behave like this one is a derivative and inherits its use restrictions",
        "outputs may not be used for commercial purposes, including training models",
        "outputs may be used for research purposes only"
    };
    uint32_t rule = l->outputs <= (uint32_t)LLMSIZE_OUTPUTS_RESEARCH_ONLY ? l->outputs : (uint32_t)LLMSIZE_OUTPUTS_UNKNOWN;
    uint32_t v = LLMSIZE_VERDICT_ALLOWED;
    if (!u->train_on_outputs) return;
    switch (rule) {
    case LLMSIZE_OUTPUTS_UNKNOWN: v = LLMSIZE_VERDICT_UNKNOWN; break;
    case LLMSIZE_OUTPUTS_SAME_FAMILY_ONLY: v = LLMSIZE_VERDICT_NOT_ALLOWED; break;
    case LLMSIZE_OUTPUTS_NONCOMMERCIAL: v = u->commercial ? LLMSIZE_VERDICT_NOT_ALLOWED : LLMSIZE_VERDICT_ALLOWED; break;
    case LLMSIZE_OUTPUTS_RESEARCH_ONLY: v = u->commercial ? LLMSIZE_VERDICT_NOT_ALLOWED : LLMSIZE_VERDICT_ALLOWED; break;
    default: v = LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS; break;
    }
    if (rule == LLMSIZE_OUTPUTS_FREE) v = LLMSIZE_VERDICT_ALLOWED;
    LLMSIZE__REASON(r, LLMSIZE_CLAUSE_OUTPUTS, v, l, text[rule], l->outputs_clause);
    if (v != LLMSIZE_VERDICT_ALLOWED_WITH_OBLIGATIONS) return;
    if (l->naming_rule) LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_NAMING, l, l->naming_rule, l->outputs_clause);
    if (rule == LLMSIZE_OUTPUTS_NAME_AND_CREDIT && l->display)
        LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_DISPLAY, l, l->display, l->display_clause);
    if (rule == LLMSIZE_OUTPUTS_INHERIT_TERMS)
        LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_OUTPUTS, l,
                      "pass the licence's use restrictions on with a model trained to behave like this one",
                      l->outputs_clause);
}

static void llmsize__check_distribution(llmsize_license_result *r, const llmsize_license *l,
                                        const llmsize_use *u) {
    if (u->redistribute) {
        if (l->redistribution == LLMSIZE_TERM_YES && l->notice)
            LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_REDISTRIBUTION, l, l->notice, l->notice);
        else if (l->redistribution == LLMSIZE_TERM_NO)
            LLMSIZE__REASON(r, LLMSIZE_CLAUSE_REDISTRIBUTION, LLMSIZE_VERDICT_NOT_ALLOWED, l,
                            "the licence does not permit redistribution", l->notice);
        else if (l->redistribution != LLMSIZE_TERM_YES)
            LLMSIZE__REASON(r, LLMSIZE_CLAUSE_REDISTRIBUTION, LLMSIZE_VERDICT_UNKNOWN, l,
                            "the conditions for redistribution could not be read", l->notice);
    }
    /* "Built with …" attaches to making the model, or a product or service with it, available
       to others (Llama s.1.b.i: "If you distribute or make available ..."), not to any
       commercial use: a company's internal assistant owes no display */
    if (l->display && l->mau_gate != LLMSIZE_GATE_DISPLAY && (u->offered || u->redistribute || u->mau > 0))
        LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_DISPLAY, l, l->display, l->display_clause);
    if (l->aup) LLMSIZE__DUTY(r, LLMSIZE_CLAUSE_AUP, l, "follow the acceptable-use policy the licence incorporates", l->aup);
}

static llmsize_status llmsize__use_valid(const llmsize_use *u) {
    if (!(u->revenue_usd == u->revenue_usd) || u->revenue_usd < 0.0 || u->revenue_usd > 1e18)
        return LLMSIZE_ERR_INVALID_ARG;
    return LLMSIZE_OK;
}

/* Adds one licence's findings to r (which may already hold another licence's). */
static void llmsize__license_terms(const llmsize_license *l, const llmsize_model *m,
                                   const llmsize_use *u, llmsize_license_result *r) {
    const uint32_t before = r->n_reasons;
    llmsize__check_commercial(r, l, u);
    llmsize__check_thresholds(r, l, u);
    llmsize__check_eu(r, l, m, u);
    llmsize__check_outputs(r, l, u);
    llmsize__check_distribution(r, l, u);
    if (r->n_reasons == before)   /* nothing in the use touched a term: say so */
        LLMSIZE__REASON(r, LLMSIZE_CLAUSE_LICENSE, LLMSIZE_VERDICT_ALLOWED, l,
                        "no term of the licence restricts this use", l->source);
}

/* The verdict starts at ALLOWED and only ever gets worse; an empty result (all zero)
   reads as UNKNOWN. */
LLMSIZE_API llmsize_status llmsize_license_terms(const llmsize_license *l, const llmsize_model *m,
                                                 const llmsize_use *u, llmsize_license_result *out) {
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!l || !u || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__use_valid(u)) != LLMSIZE_OK) return st;
    out->verdict = LLMSIZE_VERDICT_ALLOWED;
    llmsize__license_terms(l, m, u, out);
    return LLMSIZE_OK;
}

/* A model's licence field may join several ids with '+' (a distilled model carries its
   own licence and its base model's): every one must allow the use. */
/* A plain decimal ("800000000", "2.5e7"): no locale, no libm; 0 on success. */
static int llmsize__parse_decimal(const char *s, size_t n, double *out) {
    double v = 0.0, scale = 1.0;
    size_t i = 0;
    int digits = 0, exp = 0, exp_sign = 1, exp_digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') { v = v * 10.0 + (s[i++] - '0'); ++digits; }
    if (i < n && s[i] == '.')
        for (++i; i < n && s[i] >= '0' && s[i] <= '9'; ++i) { scale *= 0.1; v += (s[i] - '0') * scale; ++digits; }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) exp_sign = s[i++] == '-' ? -1 : 1;
        while (i < n && s[i] >= '0' && s[i] <= '9' && exp < 400) { exp = exp * 10 + (s[i++] - '0'); ++exp_digits; }
        if (!exp_digits) return -1;
    }
    if (i != n || !digits || exp > 30) return -1;
    while (exp-- > 0) v = exp_sign > 0 ? v * 10.0 : v / 10.0;
    *out = v;
    return 0;
}

LLMSIZE_API llmsize_status llmsize_parse_use(const char *spec, llmsize_use *out) {
    static const char *const flags[] = { "commercial", "eu", "multimodal", "redistribute", "train", "offered" };
    static const char *const figures[] = { "mau", "mau_at_release", "revenue" };
    const char *p = spec;
    if (out) memset(out, 0, sizeof *out);
    if (!spec || !out) return LLMSIZE_ERR_NULL;
    while (*p) {
        size_t n = strcspn(p, ","), name = strcspn(p, "=,"), k;
        int known = 0;
        while (n && (*p == ' ')) { ++p; --n; --name; }
        for (k = 0; k < 6 && name == n; ++k)
            if (strlen(flags[k]) == n && !strncmp(p, flags[k], n)) {
                int *f[6];
                f[0] = &out->commercial; f[1] = &out->eu; f[2] = &out->multimodal; f[3] = &out->redistribute;
                f[4] = &out->train_on_outputs; f[5] = &out->offered;
                *f[k] = known = 1;
            }
        for (k = 0; k < 3 && name < n; ++k)
            if (strlen(figures[k]) == name && !strncmp(p, figures[k], name)) {
                double v;
                if (llmsize__parse_decimal(p + name + 1, n - name - 1, &v) || v > 1e18) {
                    memset(out, 0, sizeof *out);
                    return LLMSIZE_ERR_PARSE;
                }
                if (k == 2) out->revenue_usd = v;
                else if (k == 1) out->mau_at_release = (uint64_t)v;
                else out->mau = (uint64_t)v;
                known = 1;
            }
        if (!known && n) { memset(out, 0, sizeof *out); return LLMSIZE_ERR_PARSE; }
        p += n;
        if (*p == ',') ++p;
    }
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_license_check(const llmsize_model *m, const llmsize_use *u,
                                                 llmsize_license_result *out) {
    char id[64];
    const char *p;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!m || !u || !out) return LLMSIZE_ERR_NULL;
    if ((st = llmsize__use_valid(u)) != LLMSIZE_OK) return st;
    out->verdict = LLMSIZE_VERDICT_ALLOWED;
    p = m->license ? m->license : "";
    if (!*p) {
        LLMSIZE__REASON(out, LLMSIZE_CLAUSE_LICENSE, LLMSIZE_VERDICT_UNKNOWN, NULL,
                        "the model's licence is not recorded", NULL);
        return LLMSIZE_OK;
    }
    while (*p) {
        const llmsize_license *l = NULL;
        size_t n = 0;
        while (p[n] && p[n] != '+') ++n;
        if (n < sizeof id) { memcpy(id, p, n); id[n] = '\0'; llmsize_find_license(id, &l); }
        if (l) llmsize__license_terms(l, m, u, out);
        else LLMSIZE__REASON(out, LLMSIZE_CLAUSE_LICENSE, LLMSIZE_VERDICT_UNKNOWN, NULL,
                             "the model's licence is not in the table: its terms are unknown", m->license);
        p += n;
        if (*p == '+') ++p;
    }
    return LLMSIZE_OK;
}

LLMSIZE_API llmsize_status llmsize_check_claim(const llmsize_claim *c, llmsize_claim_check *out) {
    llmsize_weights w;
    llmsize_status st;
    if (out) memset(out, 0, sizeof *out);
    if (!c || !out || !c->model || !c->format) return LLMSIZE_ERR_NULL;
    if (!(c->tps == c->tps) || c->tps < 0 || c->tps > 1e9) return LLMSIZE_ERR_INVALID_ARG;
    if ((st = llmsize_weight_bytes(c->model, c->format, &w)) != LLMSIZE_OK) return st;
    out->weight_bytes = w.total;
    if (c->bytes) {
        out->bytes_ratio = (double)c->bytes / (double)w.total;
        out->bytes_possible = out->bytes_ratio >= LLMSIZE_CLAIM_SLACK;
    }
    if (c->gpu) {
        llmsize_speed_request q;
        llmsize_speed_result s;
        out->fits_gpu = w.total <= c->gpu->mem_bytes;
        memset(&q, 0, sizeof q);
        q.model = c->model; q.format = c->format; q.gpu = c->gpu; q.context = 1;
        if ((st = llmsize_speed(&q, &s)) != LLMSIZE_OK) { memset(out, 0, sizeof *out); return st; }
        out->max_tps = s.decode_tps_high;
        if (c->tps > 0 && out->max_tps > 0) {
            out->tps_ratio = c->tps / out->max_tps;
            out->tps_possible = out->tps_ratio <= 1.0 && out->fits_gpu;
        }
    }
    return LLMSIZE_OK;
}

/* ---------------------------------------------------------------------------------- */
/* Selection                                                                          */
/* ---------------------------------------------------------------------------------- */
/* Does `country` appear in a ','- or '|'-separated list of ISO codes ("EU" = a member)? */
static int llmsize__country_in(const char *country, const char *list) {
    const char *p = list;
    if (!country || !list) return 0;
    while (*p) {
        const char *e = p;
        while (*e && *e != ',' && *e != '|' && *e != ' ') ++e;
        if (e - p == 2 && llmsize__eq_n_ci(p, "EU", 2) && llmsize__in_list(country, LLMSIZE_EU_MEMBERS)) return 1;
        if (e > p && llmsize__eq_n_ci(p, country, (size_t)(e - p)) && strlen(country) == (size_t)(e - p)) return 1;
        p = *e ? e + 1 : e;
    }
    return 0;
}

/* Ranking size: parameters for dense models; for MoE the geometric mean of total and
   active, a common rule of thumb for a sparse model's dense-equivalent capability. */
static double llmsize__effective_b(const llmsize_params *p) {
    if (!p) return 0.0;
    if (p->active >= p->text || p->active == 0) return (double)p->text / 1e9;
    return llmsize__exp(0.5 * (llmsize__ln((double)p->text) + llmsize__ln((double)p->active))) / 1e9;
}

static const char *const llmsize__reject_text[LLMSIZE_REJECT_COUNT] = {
    "meets every constraint; chosen format loses the least quality",
    "lacks a required task tag",
    "developer's country fails the origin screen",
    "licence does not allow this use (or its terms for it are unknown)",
    "context window is shorter than the requested context",
    "does not fit in memory in any format",
    "no format that fits meets the quality floor",
    "no format that fits and meets the quality floor decodes fast enough"
};

/* Pick a model's format: least quality loss among formats that fit, meet the floor and the
   speed; otherwise report how far the best attempt got. pr: the model's parameters, counted
   once for every format (NULL: they could not be). */
static void llmsize__select_format(const llmsize_select_request *q, const llmsize_params *pr, llmsize_candidate *c) {
    llmsize_plan p;
    const llmsize_format *f;
    uint32_t stage = LLMSIZE_REJECT_MEMORY;   /* the furthest any format got */
    double floor = q->max_loss_pct > 0 ? q->max_loss_pct : 1e300;
    size_t i;
    memset(&p, 0, sizeof p);
    p.params = pr;
    p.model = c->model; p.gpu = q->gpu; p.engine = q->engine; p.release = q->release; p.gpus = q->gpus ? q->gpus : 1u;
    p.seqs = q->seqs ? q->seqs : 1u; p.context = q->context ? q->context : LLMSIZE_DEFAULT_CONTEXT; p.kv_dtype = q->kv_dtype;
    p.tight_pct = q->tight_pct;
    if (q->min_format) {
        llmsize_quality mq;
        if (llmsize__quality_of_counted(c->model, pr, q->min_format, &mq) == LLMSIZE_OK && mq.loss_pct < floor) floor = mq.loss_pct;
    }
    c->rejected = LLMSIZE_REJECT_MEMORY;
    for (i = 0; (f = llmsize__candidate(q->formats, q->n_formats, i)) != NULL || (q->formats && i < q->n_formats); ++i) {
        llmsize_plan_result r;
        llmsize_quality ql;
        int known;
        int below_floor;
        if (!f || !llmsize_format_runs_on(f, q->gpu, q->engine)) continue;
        p.format = f;
        /* Until a format fits, the plan comes first (most formats of a large model do not fit:
           their quality is not needed). After, the quality first: a format it rules out (below
           the floor, or losing more than the candidate found) would change nothing if it fit. */
        if (stage < LLMSIZE_REJECT_QUALITY &&
            (llmsize__plan_fit_cols(&p, LLMSIZE__FITS_ONLY | LLMSIZE_COLUMN_ALL, NULL, NULL, &r) != LLMSIZE_OK || !r.fits))
            continue;
        known = llmsize__quality_of_counted(c->model, pr, f, &ql) == LLMSIZE_OK;
        if (!known) { memset(&ql, 0, sizeof ql); ql.loss_pct = 1e300; }
        below_floor = (q->max_loss_pct > 0 || q->min_format) &&
                      (!known || ql.loss_pct > floor || (q->quality_metric && ql.confidence != LLMSIZE_CONF_REFERENCE &&
                                                         ql.metric != q->quality_metric));
        if (stage >= LLMSIZE_REJECT_QUALITY) {
            if (below_floor || (c->rejected == LLMSIZE_REJECT_NONE && ql.loss_pct > c->quality.loss_pct)) continue;
            if (llmsize__plan_fit_cols(&p, LLMSIZE__FITS_ONLY | LLMSIZE_COLUMN_ALL, NULL, NULL, &r) != LLMSIZE_OK || !r.fits) continue;
        }
        if (stage < LLMSIZE_REJECT_QUALITY) { stage = LLMSIZE_REJECT_QUALITY; c->format = f; c->fit = r; }
        if (below_floor) continue;
        if (stage < LLMSIZE_REJECT_SPEED) { stage = LLMSIZE_REJECT_SPEED; c->format = f; c->fit = r; }
        if (q->min_tps > 0 && r.decode_tps < q->min_tps) continue;
        if (c->rejected == LLMSIZE_REJECT_NONE &&
            (ql.loss_pct > c->quality.loss_pct ||
             (ql.loss_pct == c->quality.loss_pct && r.weight_bytes >= c->fit.weight_bytes)))
            continue;
        c->rejected = LLMSIZE_REJECT_NONE;
        c->format = f;
        c->fit = r;
        c->quality = ql;
    }
    if (c->rejected != LLMSIZE_REJECT_NONE) c->rejected = stage;
    c->decode_tps = c->fit.decode_tps;
    /* a format that loses a lot gives back part of the size advantage */
    c->score = c->effective_params_b * (c->quality.loss_pct < 100.0 ? 1.0 - c->quality.loss_pct / 100.0 : 0.0);
}

static void llmsize__select_one(const llmsize_select_request *q, const llmsize_model *m, llmsize_candidate *c) {
    const uint64_t ctx = q->context ? q->context : LLMSIZE_DEFAULT_CONTEXT;
    llmsize_params pr;
    const int counted = llmsize_params_of(m, &pr) == LLMSIZE_OK;
    memset(c, 0, sizeof *c);
    c->model = m;
    c->effective_params_b = llmsize__effective_b(counted ? &pr : NULL);
    if (q->tasks && (llmsize_model_tasks(m) & q->tasks) != q->tasks) c->rejected = LLMSIZE_REJECT_TASK;
    else if ((q->origin_exclude && llmsize__country_in(m->country, q->origin_exclude)) ||
             (q->origin_require && *q->origin_require && !llmsize__country_in(m->country, q->origin_require)))
        c->rejected = LLMSIZE_REJECT_ORIGIN;
    else if (q->use) {
        llmsize_license_result lr;
        if (llmsize_license_check(m, q->use, &lr) != LLMSIZE_OK) lr.verdict = LLMSIZE_VERDICT_UNKNOWN;
        c->license_verdict = lr.verdict;
        if (lr.verdict == LLMSIZE_VERDICT_NOT_ALLOWED || lr.verdict == LLMSIZE_VERDICT_UNKNOWN ||
            (q->strict_license && lr.verdict != LLMSIZE_VERDICT_ALLOWED))
            c->rejected = LLMSIZE_REJECT_LICENSE;
    }
    if (!c->rejected && m->dims.max_ctx && m->dims.max_ctx < ctx) c->rejected = LLMSIZE_REJECT_CONTEXT;
    if (!c->rejected) llmsize__select_format(q, counted ? &pr : NULL, c);
    c->reason = llmsize__reject_text[c->rejected < LLMSIZE_REJECT_COUNT ? c->rejected : 0];
}

/* Candidates before rejected models; candidates by quality-adjusted size, then loss,
   then speed, then id: the same inputs always give the same order. */
static int llmsize__candidate_before(const llmsize_candidate *a, const llmsize_candidate *b) {
    if ((a->rejected == 0) != (b->rejected == 0)) return a->rejected == 0;
    if (a->rejected) return 0;   /* rejected keep table (or list) order */
    if (a->score != b->score) return a->score > b->score;
    if (a->quality.loss_pct != b->quality.loss_pct) return a->quality.loss_pct < b->quality.loss_pct;
    if (a->decode_tps != b->decode_tps) return a->decode_tps > b->decode_tps;
    return strcmp(a->model->id, b->model->id) < 0;
}

LLMSIZE_API void llmsize_select_request_init(llmsize_select_request *req) {
    if (!req) return;
    memset(req, 0, sizeof *req);
    req->min_tps = LLMSIZE_DEFAULT_MIN_TPS;
    req->max_loss_pct = LLMSIZE_DEFAULT_MAX_LOSS_PCT;
    req->quality_metric = LLMSIZE_METRIC_NONE;   /* the floor in whichever scale a format's figure is */
    req->tasks = LLMSIZE_DEFAULT_TASKS;
}

LLMSIZE_API llmsize_status llmsize_select(const llmsize_select_request *q, llmsize_candidate *out, size_t cap,
                                          size_t *n_out, size_t *n_candidates) {
    size_t i, n = 0, good = 0;
    if (n_out) *n_out = 0;
    if (n_candidates) *n_candidates = 0;
    if (!q || !q->gpu || (!out && cap)) return LLMSIZE_ERR_NULL;
    if (!(q->min_tps == q->min_tps) || q->min_tps < 0 || !(q->max_loss_pct == q->max_loss_pct) || q->max_loss_pct < 0 ||
        q->seqs > 1000000u || q->gpus > 4096u || q->engine >= LLMSIZE_ENGINE_COUNT ||
        (q->release && q->release->engine != q->engine) || q->tight_pct > 100u || q->quality_metric >= LLMSIZE_METRIC_COUNT)
        return LLMSIZE_ERR_INVALID_ARG;
    /* a request no model could meet is an error, not every model rejected */
    if (q->kv_dtype >= LLMSIZE_KV_DTYPE_COUNT) return LLMSIZE_ERR_UNKNOWN_KV_DTYPE;
    if (q->use && llmsize__use_valid(q->use) != LLMSIZE_OK) return LLMSIZE_ERR_INVALID_ARG;
    if (q->models) {
        if (!q->n_models) return LLMSIZE_ERR_INVALID_ARG;
        for (i = 0; i < q->n_models; ++i) {   /* a model of the caller's is checked like a plan's */
            llmsize_status st;
            if (!q->models[i]) return LLMSIZE_ERR_NULL;
            if ((st = llmsize_model_check(q->models[i], NULL)) != LLMSIZE_OK) return st;
        }
    }
    for (i = 0; i < (q->models ? q->n_models : llmsize_model_count()); ++i) {
        const llmsize_model *m = q->models ? q->models[i] : llmsize_model_at(i);
        llmsize_candidate c;
        size_t k;
        if (q->models) {   /* listed before: ranked once */
            for (k = 0; k < i && q->models[k] != m; ++k) {}
            if (k < i) continue;
        }
        llmsize__select_one(q, m, &c);
        if (!c.rejected) ++good;
        /* insertion into the caller's array, keeping the order; drops what falls off the end */
        k = n < cap ? n : cap;
        if (k == cap && (cap == 0 || !llmsize__candidate_before(&c, &out[cap - 1]))) { ++n; continue; }
        while (k > 0 && llmsize__candidate_before(&c, &out[k - 1])) {
            if (k < cap) out[k] = out[k - 1];
            --k;
        }
        if (k < cap) out[k] = c;
        ++n;
    }
    for (i = 0; i < (n < cap ? n : cap); ++i) out[i].rank = out[i].rejected ? 0u : (uint32_t)(i + 1);
    if (n_out) *n_out = n < cap ? n : cap;
    if (n_candidates) *n_candidates = good;
    return LLMSIZE_OK;
}

#ifdef __cplusplus
}
#endif
#endif /* LLMSIZE_IMPLEMENTATION_DONE */
#endif /* LLMSIZE_IMPLEMENTATION */

/*
------------------------------------------------------------------------------
MIT License. Copyright (c) 2026 the llmsize authors.
Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify,
merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:
The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
------------------------------------------------------------------------------
*/
