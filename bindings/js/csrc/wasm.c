/* llmsize as a WebAssembly module (make web): the header's implementation, the few C
   library functions it calls, and a description of the structs the JavaScript layer reads
   and writes (bindings/js/llmsize.js), so that no offset is written down twice.

   Built with clang --target=wasm32 and wasm-ld, no C library: -ffreestanding -nostdlib.
   Every LLMSIZE_API function is exported; JavaScript passes pointers into the module's
   memory, in a scratch area this file reserves (ls_scratch). */
#include <stddef.h>
#include <stdint.h>
#include "string.h"
#define LLMSIZE_IMPLEMENTATION
#include "llmsize.h"

#define LS_EXPORT __attribute__((visibility("default")))

/* ---- the C library functions llmsize.h calls ---- */
void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    while (n--) *d++ = *s++;
    return dst;
}
void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    const unsigned char *s = (const unsigned char *)src;
    if (d < s) while (n--) *d++ = *s++;
    else { d += n; s += n; while (n--) *--d = *--s; }
    return dst;
}
void *memset(void *dst, int c, size_t n) {
    unsigned char *d = (unsigned char *)dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}
int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (; n; --n, ++x, ++y) if (*x != *y) return *x - *y;
    return 0;
}
size_t strlen(const char *s) {
    const char *p = s;
    while (*p) ++p;
    return (size_t)(p - s);
}
int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) { ++a; ++b; }
    return (unsigned char)*a - (unsigned char)*b;
}
int strncmp(const char *a, const char *b, size_t n) {
    for (; n; --n, ++a, ++b) {
        if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
        if (!*a) return 0;
    }
    return 0;
}
char *strchr(const char *s, int c) {
    for (;; ++s) {
        if (*s == (char)c) return (char *)s;
        if (!*s) return NULL;
    }
}
char *strrchr(const char *s, int c) {
    const char *last = NULL;
    for (;; ++s) {
        if (*s == (char)c) last = s;
        if (!*s) return (char *)last;
    }
}
size_t strcspn(const char *s, const char *reject) {
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n])) ++n;
    return n;
}
char *strstr(const char *haystack, const char *needle) {
    const size_t k = strlen(needle);
    for (;; ++haystack) {
        if (!strncmp(haystack, needle, k)) return (char *)haystack;
        if (!*haystack) return NULL;
    }
}
/* 128-bit multiply: clang lowers __builtin_mul_overflow on 64-bit operands to it on
   wasm32, and there is no compiler-rt here. Four 32x32 partial products. */
typedef unsigned __int128 ls_u128;
ls_u128 __multi3(ls_u128 a, ls_u128 b);
ls_u128 __multi3(ls_u128 a, ls_u128 b) {
    const uint64_t al = (uint64_t)a, ah = (uint64_t)(a >> 64), bl = (uint64_t)b, bh = (uint64_t)(b >> 64);
    const uint64_t a0 = al & 0xFFFFFFFFu, a1 = al >> 32, b0 = bl & 0xFFFFFFFFu, b1 = bl >> 32;
    const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    const uint64_t lo = (p00 & 0xFFFFFFFFu) | (mid << 32);
    const uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32) + al * bh + ah * bl;
    return ((ls_u128)hi << 64) | lo;
}

/* ---- scratch memory for arguments and results (JavaScript allocates in it per call) ---- */
static _Alignas(16) unsigned char ls_scratch_area[1u << 20];
LS_EXPORT void *ls_scratch(void) { return ls_scratch_area; }
LS_EXPORT size_t ls_scratch_size(void) { return sizeof ls_scratch_area; }

/* ---- the structs JavaScript reads and writes, once: X(struct, member path, kind, count) ----
   kind: how to read it (str = const char *, ptr = a pointer to a table row); count > 1 for
   arrays (by_component). JavaScript names a member by its C path ("dims.layers"). */
#define LS_STRUCTS(X) \
    X(llmsize_model) X(llmsize_gpu) X(llmsize_format) X(llmsize_plan) X(llmsize_plan_result) \
    X(llmsize_resolution) X(llmsize_gpu_resolution) X(llmsize_params) X(llmsize_weights) \
    X(llmsize_speed_request) X(llmsize_speed_result) X(llmsize_quality) X(llmsize_quality_row) \
    X(llmsize_use) X(llmsize_license_result) X(llmsize_finding) X(llmsize_parsed) \
    X(llmsize_suggestion) X(llmsize_engine_info) X(llmsize_engine_release) X(llmsize_license) \
    X(llmsize_kv_dtype_info) X(llmsize_field)

#define LS_MEMBERS(X) \
    X(llmsize_model, id, STR, 1) X(llmsize_model, name, STR, 1) X(llmsize_model, family, STR, 1) \
    X(llmsize_model, developer, STR, 1) X(llmsize_model, country, STR, 1) X(llmsize_model, released, STR, 1) \
    X(llmsize_model, license, STR, 1) X(llmsize_model, hf_repos, STR, 1) X(llmsize_model, source, STR, 1) \
    X(llmsize_model, flags, U32, 1) X(llmsize_model, dims.vocab, U32, 1) X(llmsize_model, dims.hidden, U32, 1) \
    X(llmsize_model, dims.layers, U32, 1) X(llmsize_model, dims.heads, U32, 1) X(llmsize_model, dims.kv_heads, U32, 1) \
    X(llmsize_model, dims.head_dim, U32, 1) X(llmsize_model, dims.ffn, U32, 1) X(llmsize_model, dims.max_ctx, U32, 1) \
    X(llmsize_model, attn.kind, U32, 1) X(llmsize_model, attn.window, U32, 1) X(llmsize_model, attn.global_every, U32, 1) \
    X(llmsize_model, mla.kv_lora_rank, U32, 1) X(llmsize_model, moe.experts, U32, 1) X(llmsize_model, moe.active, U32, 1) \
    X(llmsize_model, published_params, U64, 1) X(llmsize_model, published_source, STR, 1) \
    X(llmsize_model, checkpoint_bytes, U64, 1) \
    X(llmsize_gpu, id, STR, 1) X(llmsize_gpu, name, STR, 1) X(llmsize_gpu, vendor, STR, 1) X(llmsize_gpu, aliases, STR, 1) \
    X(llmsize_gpu, mem_bytes, U64, 1) X(llmsize_gpu, usable_pct, U32, 1) X(llmsize_gpu, hw_class, U32, 1) \
    X(llmsize_gpu, bw_gbs, F64, 1) X(llmsize_gpu, bf16_tflops, F64, 1) X(llmsize_gpu, fp8_tflops, F64, 1) \
    X(llmsize_gpu, fp4_tflops, F64, 1) X(llmsize_gpu, int8_tops, F64, 1) X(llmsize_gpu, source, STR, 1) \
    X(llmsize_gpu, memory_options, STR, 1) \
    X(llmsize_format, id, STR, 1) X(llmsize_format, name, STR, 1) X(llmsize_format, kind, U32, 1) \
    X(llmsize_format, bits, U32, 1) X(llmsize_format, notes, STR, 1) X(llmsize_format, source, STR, 1) \
    X(llmsize_plan, model, PTR, 1) X(llmsize_plan, format, PTR, 1) X(llmsize_plan, gpu, PTR, 1) \
    X(llmsize_plan, engine, U32, 1) X(llmsize_plan, release, PTR, 1) X(llmsize_plan, tp, U32, 1) \
    X(llmsize_plan, pp, U32, 1) X(llmsize_plan, dp, U32, 1) X(llmsize_plan, gpus, U32, 1) \
    X(llmsize_plan, context, U64, 1) X(llmsize_plan, seqs, U32, 1) X(llmsize_plan, max_seqs, U32, 1) \
    X(llmsize_plan, kv_dtype, U32, 1) X(llmsize_plan, mem_fraction, F64, 1) X(llmsize_plan, flags, U32, 1) \
    X(llmsize_plan, tight_pct, U32, 1) \
    X(llmsize_resolution, model, PTR, 1) X(llmsize_resolution, format, PTR, 1) X(llmsize_resolution, how, U32, 1) \
    X(llmsize_resolution, format_from, U32, 1) X(llmsize_resolution, matched, PTR, 1) \
    X(llmsize_resolution, matched_len, SIZE, 1) X(llmsize_resolution, source, STR, 1) \
    X(llmsize_gpu_resolution, gpu, STRUCT, 1) X(llmsize_gpu_resolution, row, PTR, 1) \
    X(llmsize_gpu_resolution, memory_from, U32, 1) X(llmsize_gpu_resolution, memory_choices, U32, 1) \
    X(llmsize_params, by_component, U64, LLMSIZE_COMPONENT_COUNT) X(llmsize_params, text, U64, 1) \
    X(llmsize_params, total, U64, 1) X(llmsize_params, active, U64, 1) \
    X(llmsize_weights, by_component, U64, LLMSIZE_COMPONENT_COUNT) X(llmsize_weights, total, U64, 1) \
    X(llmsize_weights, active, U64, 1) X(llmsize_weights, file_bytes, U64, 1) \
    X(llmsize_speed_request, model, PTR, 1) X(llmsize_speed_request, format, PTR, 1) \
    X(llmsize_speed_request, gpu, PTR, 1) X(llmsize_speed_request, gpus, U32, 1) \
    X(llmsize_speed_request, kv_dtype, U32, 1) X(llmsize_speed_request, context, U64, 1) \
    X(llmsize_speed_request, prompt, U64, 1) X(llmsize_speed_request, gen, U64, 1) X(llmsize_speed_request, seqs, U32, 1) \
    X(llmsize_speed_result, decode_tps, F64, 1) X(llmsize_speed_result, decode_tps_low, F64, 1) \
    X(llmsize_speed_result, decode_tps_high, F64, 1) X(llmsize_speed_result, decode_tps_total, F64, 1) \
    X(llmsize_speed_result, ttft_s, F64, 1) X(llmsize_speed_result, e2e_s, F64, 1) \
    X(llmsize_speed_result, bytes_per_step, U64, 1) X(llmsize_speed_result, compute_bound, F64, 1) \
    X(llmsize_quality, metric, U32, 1) X(llmsize_quality, confidence, U32, 1) X(llmsize_quality, loss_pct, F64, 1) \
    X(llmsize_quality, loss_low_pct, F64, 1) X(llmsize_quality, loss_high_pct, F64, 1) X(llmsize_quality, kld, F64, 1) \
    X(llmsize_quality, ref, PTR, 1) X(llmsize_quality, note, STR, 1) \
    X(llmsize_quality_row, benchmark, STR, 1) X(llmsize_quality_row, source, STR, 1) \
    X(llmsize_use, commercial, I32, 1) X(llmsize_use, mau, U64, 1) X(llmsize_use, mau_at_release, U64, 1) \
    X(llmsize_use, revenue_usd, F64, 1) X(llmsize_use, eu, I32, 1) X(llmsize_use, multimodal, I32, 1) \
    X(llmsize_use, redistribute, I32, 1) X(llmsize_use, offered, I32, 1) X(llmsize_use, train_on_outputs, I32, 1) \
    X(llmsize_license_result, verdict, U32, 1) X(llmsize_license_result, n_reasons, U32, 1) \
    X(llmsize_license_result, n_obligations, U32, 1) X(llmsize_license_result, reasons, STRUCT, LLMSIZE_MAX_FINDINGS) \
    X(llmsize_license_result, obligations, STRUCT, LLMSIZE_MAX_FINDINGS) \
    X(llmsize_finding, about, U32, 1) X(llmsize_finding, verdict, U32, 1) X(llmsize_finding, license, STR, 1) \
    X(llmsize_finding, text, STR, 1) X(llmsize_finding, clause, STR, 1) \
    X(llmsize_parsed, plan, STRUCT, 1) X(llmsize_parsed, model_arg, PTR, 1) X(llmsize_parsed, model_arg_len, SIZE, 1) \
    X(llmsize_parsed, quant_arg, PTR, 1) X(llmsize_parsed, quant_arg_len, SIZE, 1) X(llmsize_parsed, error_flag, STR, 1) \
    X(llmsize_parsed, unknown_flags, U32, 1) X(llmsize_parsed, unknown_flag, PTR, LLMSIZE_MAX_UNKNOWN_FLAGS) \
    X(llmsize_parsed, unknown_flag_len, SIZE, LLMSIZE_MAX_UNKNOWN_FLAGS) X(llmsize_parsed, resolve_status, U32, 1) \
    X(llmsize_parsed, how, U32, 1) X(llmsize_parsed, format_from, U32, 1) \
    X(llmsize_suggestion, format, PTR, 1) X(llmsize_suggestion, gpus, U32, 1) X(llmsize_suggestion, context, U64, 1) \
    X(llmsize_suggestion, seqs, U32, 1) \
    X(llmsize_engine_info, id, STR, 1) X(llmsize_engine_info, name, STR, 1) X(llmsize_engine_info, aliases, STR, 1) \
    X(llmsize_engine_info, status, STR, 1) X(llmsize_engine_info, source, STR, 1) \
    X(llmsize_engine_release, engine, U32, 1) X(llmsize_engine_release, version, STR, 1) \
    X(llmsize_engine_release, date, STR, 1) X(llmsize_engine_release, source, STR, 1) \
    X(llmsize_license, id, STR, 1) X(llmsize_license, name, STR, 1) X(llmsize_license, spdx, STR, 1) \
    X(llmsize_license, source, STR, 1) \
    X(llmsize_kv_dtype_info, name, STR, 1) X(llmsize_kv_dtype_info, aliases, STR, 1) \
    X(llmsize_field, name, STR, 1) X(llmsize_field, kind, U32, 1) X(llmsize_field, offset, SIZE, 1) \
    X(llmsize_field, meaning, STR, 1)

typedef enum { LS_STR, LS_PTR, LS_U32, LS_I32, LS_U64, LS_F64, LS_SIZE, LS_STRUCT } ls_kind;
/* One member: which struct, its C path, its kind, its byte offset and how many there are;
   a struct's own row has member NULL and offset = sizeof. Fields are 32-bit on wasm32. */
typedef struct ls_member { const char *type, *member; uint32_t kind, offset, count; } ls_member;
#define LS__STRUCT(T) { #T, NULL, LS_STRUCT, (uint32_t)sizeof(T), 1 },
#define LS__MEMBER(T, path, kind, n) { #T, #path, LS_##kind, (uint32_t)offsetof(T, path), (uint32_t)(n) },
static const ls_member ls_members[] = { LS_STRUCTS(LS__STRUCT) LS_MEMBERS(LS__MEMBER) };
LS_EXPORT size_t ls_member_count(void) { return sizeof ls_members / sizeof ls_members[0]; }
LS_EXPORT const ls_member *ls_member_at(size_t i) { return i < ls_member_count() ? &ls_members[i] : NULL; }
