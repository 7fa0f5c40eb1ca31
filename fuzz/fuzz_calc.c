/* Random model descriptions and requests through every calculation: params, weights, KV,
   plans under each engine, solvers, quality, licences. Input: the numbers, little-endian. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    llmsize_model m;
    fuzz_in in;
    in.p = data; in.n = size;
    /* start from a table row so the identity strings and flags are realistic */
    m = *llmsize_model_at(fuzz_u32(&in) % llmsize_model_count());
    m.flags = fuzz_u32(&in) & 0xffffu ? m.flags : fuzz_u32(&in);
    m.dims.vocab = fuzz_small(&in) * 64; m.dims.hidden = fuzz_small(&in) * 8; m.dims.layers = fuzz_small(&in) % 257;
    m.dims.heads = fuzz_small(&in) % 257; m.dims.kv_heads = fuzz_small(&in) % 257; m.dims.head_dim = fuzz_small(&in);
    m.dims.ffn = fuzz_small(&in) * 16; m.dims.max_ctx = fuzz_u32(&in);
    m.attn.kind = fuzz_u32(&in) % 4; m.attn.window = fuzz_small(&in); m.attn.global_every = fuzz_small(&in) % 9;
    if (fuzz_u32(&in) & 1) {
        m.mla.q_lora_rank = fuzz_small(&in); m.mla.kv_lora_rank = fuzz_small(&in);
        m.mla.qk_rope_dim = fuzz_small(&in); m.mla.qk_nope_dim = fuzz_small(&in); m.mla.v_head_dim = fuzz_small(&in);
    }
    if (fuzz_u32(&in) & 1) {
        m.moe.experts = fuzz_small(&in) % 513; m.moe.active = fuzz_small(&in) % 33; m.moe.expert_ffn = fuzz_small(&in);
        m.moe.shared = fuzz_small(&in) % 4; m.moe.shared_ffn = fuzz_small(&in); m.moe.dense_first = fuzz_small(&in) % 8;
        m.moe.every = fuzz_small(&in) % 4;
    }
    if (fuzz_u32(&in) & 1) {
        m.linear.full_every = fuzz_small(&in) % 8; m.linear.k_heads = fuzz_small(&in) % 64;
        m.linear.v_heads = fuzz_small(&in) % 64; m.linear.k_dim = fuzz_small(&in); m.linear.v_dim = fuzz_small(&in);
        m.linear.conv_kernel = fuzz_small(&in) % 8;
    }
    m.extra.norms_per_layer = fuzz_u32(&in); m.extra.mtp_layers = fuzz_small(&in) % 4;   /* any: the library bounds it */
    m.extra.vision_params = fuzz_u64(&in) >> (fuzz_u32(&in) % 64);
    if (fuzz_u32(&in) % 4 == 0) {   /* encoders and encoder-decoders */
        m.flags |= LLMSIZE_F_ENCODER;
        m.enc.head = fuzz_u32(&in) % 6; m.enc.labels = fuzz_small(&in) % 4; m.enc.positions = fuzz_small(&in);
        m.enc.token_types = fuzz_small(&in) % 4; m.enc.mel_bins = fuzz_small(&in) % 256;
        m.enc.audio_positions = fuzz_small(&in); m.enc.decoder_layers = fuzz_small(&in) % 8;
    }
    fuzz_everything(&m, &in);
    return 0;
}
