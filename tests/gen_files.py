"""Model files written by the formats' own writers (llama.cpp's `gguf` package and the
`safetensors` package, both from PyPI), with the numbers the C tests expect taken from those
packages: tensor byte sizes from gguf's GGML_QUANT_SIZES / GGUFReader and numpy's nbytes,
data offsets from the files the writers produced, component sums from how each file was
built. Usage: gen_files.py OUTDIR  (writes OUTDIR/*.gguf, *.safetensors, expected.tsv)."""
import math
import pathlib
import sys

import numpy as np
import gguf
from gguf import GGMLQuantizationType as T
from safetensors.numpy import save_file

OUT = pathlib.Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
GROUPS = ("embed", "lm_head", "attn", "ffn_dense", "experts", "shared_experts", "router", "norms")
rows = []


def quant_bytes(shape, qtype):
    block, size = gguf.GGML_QUANT_SIZES[qtype]
    return math.prod(shape) // block * size


def record(path, kind, n_tensors, total, params, header, groups, model="", types=None):
    """types: {ggml type name: tensors} as the writer was told (GGUF), "-" otherwise."""
    hist = ",".join(f"{type_name(k)}={v}" for k, v in sorted(types.items(), key=lambda kv: int(kv[0]))) if types else "-"
    rows.append([path.name, kind, str(n_tensors), str(total), str(params), str(header)]
                + [str(groups.get(g, 0)) for g in GROUPS] + [model or "-", hist])


def type_name(qtype):
    """The name llama.cpp's loader prints for a type (ggml_type_name): lower-case, K upper."""
    return qtype.name.lower().replace("_k", "_K")


def use_more_bits(i, n):
    """llama.cpp src/llama-quant.cpp use_more_bits(): which layers Q4_K_M gives Q6_K (attn_v,
    ffn_down). Written here from llama.cpp's source so the file is a real Q4_K_M layout; the
    histogram it yields is asserted against the published loader log below."""
    return i < n // 8 or i >= 7 * n // 8 or (i - n // 8) % 3 == 2


def llama_8b_header():
    """Llama-3.1-8B's tensor infos at full shape, in llama.cpp's names, order and Q4_K_M types
    (rope_freqs included), with its real metadata; header only, as a prefix fetched over HTTP
    would be. Its type histogram must equal the one llama.cpp printed loading a published
    Llama-3.1-8B Q4_K_M file (tests/data/gguf_types.tsv)."""
    path = OUT / "llama-3.1-8b-shaped.gguf"
    w = gguf.GGUFWriter(path, "llama")
    w.add_name("Llama-3.1-8B-shaped")
    w.add_block_count(32)
    w.add_context_length(131072)
    w.add_embedding_length(4096)
    w.add_feed_forward_length(14336)
    w.add_head_count(32)
    w.add_head_count_kv(8)
    w.add_rope_dimension_count(128)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_file_type(gguf.LlamaFileType.MOSTLY_Q4_K_M)
    w.add_tokenizer_model("gpt2")
    w.add_token_list([f"t{i}" for i in range(128256)])
    groups = dict.fromkeys(GROUPS, 0)
    types = {}
    params = 0

    def info(name, shape, qtype, group):
        nonlocal params
        n = quant_bytes(shape, qtype)
        w.add_tensor_info(name, shape, np.dtype(np.float32), n, raw_dtype=qtype)
        if group:
            groups[group] += n
        types[qtype] = types.get(qtype, 0) + 1
        params += math.prod(shape)

    info("rope_freqs.weight", (64,), T.F32, None)   # llama3 rope scaling table: no component
    info("token_embd.weight", (128256, 4096), T.Q4_K, "embed")
    for i in range(32):
        big = T.Q6_K if use_more_bits(i, 32) else T.Q4_K
        info(f"blk.{i}.attn_norm.weight", (4096,), T.F32, "norms")
        info(f"blk.{i}.attn_q.weight", (4096, 4096), T.Q4_K, "attn")
        info(f"blk.{i}.attn_k.weight", (1024, 4096), T.Q4_K, "attn")
        info(f"blk.{i}.attn_v.weight", (1024, 4096), big, "attn")
        info(f"blk.{i}.attn_output.weight", (4096, 4096), T.Q4_K, "attn")
        info(f"blk.{i}.ffn_norm.weight", (4096,), T.F32, "norms")
        info(f"blk.{i}.ffn_gate.weight", (14336, 4096), T.Q4_K, "ffn_dense")
        info(f"blk.{i}.ffn_up.weight", (14336, 4096), T.Q4_K, "ffn_dense")
        info(f"blk.{i}.ffn_down.weight", (4096, 14336), big, "ffn_dense")
    info("output_norm.weight", (4096,), T.F32, "norms")
    info("output.weight", (128256, 4096), T.Q6_K, "lm_head")
    w.write_header_to_file(path)
    w.write_kv_data_to_file()
    w.write_ti_data_to_file()
    w.close()
    # data would start at the header's end padded to the alignment (the writer's own rule)
    header = gguf.GGUFWriter.ggml_pad(path.stat().st_size, gguf.GGUF_DEFAULT_ALIGNMENT)
    published = next(line.split("\t")[2] for line in (pathlib.Path(__file__).parent / "data" / "gguf_types.tsv")
                     .read_text().splitlines() if line.startswith("llama-3.1-8b\tQ4_K_M\t"))
    assert {f"{type_name(k)}={v}" for k, v in types.items()} == set(published.split(",")), (types, published)
    record(path, "gguf", 3 + 32 * 9 + 1, sum(groups.values()) + 64 * 4, params, header, groups, "llama-3.1-8b", types)


def small_gguf(name, arch, moe):
    """A complete tiny file with real data, quantized by gguf.quants; the expected numbers come
    back from gguf.GGUFReader on the written file."""
    path = OUT / name
    rng = np.random.default_rng(7)
    h, ff, vocab, layers, experts = 256, 512, 1024, 2, 4
    w = gguf.GGUFWriter(path, arch)
    w.add_block_count(layers)
    w.add_context_length(4096)
    w.add_embedding_length(h)
    w.add_feed_forward_length(ff)
    w.add_head_count(4)
    w.add_head_count_kv(2)
    w.add_key_length(64)
    w.add_value_length(64)
    w.add_vocab_size(vocab)
    if moe:
        w.add_expert_count(experts)
        w.add_expert_used_count(2)
        w.add_expert_feed_forward_length(ff)
    w.add_custom_alignment(64)
    groups = dict.fromkeys(GROUPS, 0)

    def tensor(tname, shape, qtype, group):
        data = rng.standard_normal(shape, dtype=np.float32)
        if qtype == T.F32:
            w.add_tensor(tname, data)
        elif qtype == T.F16:
            w.add_tensor(tname, data.astype(np.float16))
        else:
            q = gguf.quants.quantize(data, qtype)
            w.add_tensor(tname, q, raw_dtype=qtype)
        groups[group] += quant_bytes(shape, qtype)

    tensor("token_embd.weight", (vocab, h), T.Q8_0, "embed")
    for i in range(layers):
        tensor(f"blk.{i}.attn_norm.weight", (h,), T.F32, "norms")
        tensor(f"blk.{i}.attn_q.weight", (256, h), T.Q8_0, "attn")
        tensor(f"blk.{i}.attn_k.weight", (128, h), T.Q8_0, "attn")
        tensor(f"blk.{i}.attn_v.weight", (128, h), T.F16, "attn")
        tensor(f"blk.{i}.attn_output.weight", (h, 256), T.Q4_0, "attn")
        tensor(f"blk.{i}.ffn_norm.weight", (h,), T.F32, "norms")
        if moe:
            tensor(f"blk.{i}.ffn_gate_inp.weight", (experts, h), T.F32, "router")
            tensor(f"blk.{i}.ffn_gate_exps.weight", (experts, ff, h), T.Q4_0, "experts")
            tensor(f"blk.{i}.ffn_up_exps.weight", (experts, ff, h), T.Q4_0, "experts")
            tensor(f"blk.{i}.ffn_down_exps.weight", (experts, h, ff), T.Q8_0, "experts")
        else:
            tensor(f"blk.{i}.ffn_gate.weight", (ff, h), T.Q4_0, "ffn_dense")
            tensor(f"blk.{i}.ffn_up.weight", (ff, h), T.Q4_0, "ffn_dense")
            tensor(f"blk.{i}.ffn_down.weight", (h, ff), T.Q8_0, "ffn_dense")
    tensor("output_norm.weight", (h,), T.F32, "norms")
    tensor("output.weight", (vocab, h), T.Q8_0, "lm_head")
    w.write_header_to_file(path)
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    r = gguf.GGUFReader(path)
    total = sum(int(t.n_bytes) for t in r.tensors)
    params = sum(int(t.n_elements) for t in r.tensors)
    assert total == sum(groups.values())
    types = {}
    for t in r.tensors:
        types[t.tensor_type] = types.get(t.tensor_type, 0) + 1
    record(path, "gguf", len(r.tensors), total, params, r.data_offset, groups, types=types)


def safetensors_files():
    rng = np.random.default_rng(11)
    # a Llama-style checkpoint in F16 (numpy has no bfloat16; both are 2 bytes)
    h, ff, vocab = 128, 384, 1000
    t, groups = {}, dict.fromkeys(GROUPS, 0)

    def put(name, arr, group, params=None):
        t[name] = arr
        groups[group] += arr.nbytes
        return arr.size if params is None else params

    params = put("model.embed_tokens.weight", rng.standard_normal((vocab, h)).astype(np.float16), "embed")
    for i in range(2):
        p = f"model.layers.{i}."
        params += put(p + "input_layernorm.weight", np.ones(h, np.float16), "norms")
        for proj, shape in (("q_proj", (h, h)), ("k_proj", (64, h)), ("v_proj", (64, h)), ("o_proj", (h, h))):
            params += put(p + f"self_attn.{proj}.weight", rng.standard_normal(shape).astype(np.float16), "attn")
        params += put(p + "post_attention_layernorm.weight", np.ones(h, np.float16), "norms")
        for proj, shape in (("gate_proj", (ff, h)), ("up_proj", (ff, h)), ("down_proj", (h, ff))):
            params += put(p + f"mlp.{proj}.weight", rng.standard_normal(shape).astype(np.float16), "ffn_dense")
    params += put("model.norm.weight", np.ones(h, np.float16), "norms")
    params += put("lm_head.weight", rng.standard_normal((vocab, h)).astype(np.float16), "lm_head")
    path = OUT / "llama-style.safetensors"
    save_file(t, str(path), metadata={"format": "pt"})
    header = 8 + int.from_bytes(path.read_bytes()[:8], "little")
    record(path, "safetensors", len(t), sum(a.nbytes for a in t.values()), params, header, groups)

    # gpt-oss style: MXFP4 experts as uint8 blocks (16 bytes = 32 values) with uint8 scales,
    # a BF16-sized router; AWQ style: int32 qweight packing eight 4-bit values, with zeros/scales
    t, groups, params = {}, dict.fromkeys(GROUPS, 0), 0
    e, h2 = 4, 256
    params += put("model.layers.0.mlp.experts.gate_up_proj_blocks",
                  rng.integers(0, 255, (e, 2 * h2, h2 // 32, 16), dtype=np.uint8), "experts",
                  params=e * 2 * h2 * h2)
    put("model.layers.0.mlp.experts.gate_up_proj_scales", rng.integers(0, 255, (e, 2 * h2, h2 // 32), dtype=np.uint8),
        "experts", params=0)
    params += put("model.layers.0.mlp.router.weight", rng.standard_normal((e, h2)).astype(np.float16), "router")
    params += put("model.layers.0.self_attn.q_proj.qweight", rng.integers(0, 2**31, (h2, h2 // 8), dtype=np.int32),
                  "attn", params=h2 * h2)
    put("model.layers.0.self_attn.q_proj.qzeros", rng.integers(0, 2**31, (h2 // 128, h2 // 8), dtype=np.int32), "attn",
        params=0)
    put("model.layers.0.self_attn.q_proj.scales", rng.standard_normal((h2 // 128, h2)).astype(np.float16), "attn",
        params=0)
    path = OUT / "packed.safetensors"
    save_file(t, str(path))
    header = 8 + int.from_bytes(path.read_bytes()[:8], "little")
    record(path, "safetensors", len(t), sum(a.nbytes for a in t.values()), params, header, groups)


def published_listing_headers():
    """GGUF headers rebuilt from published per-tensor listings (tests/data/gguf_listings): every
    tensor's name, type and shape as llama.cpp's loader printed them for a real file, and the
    metadata its llm_load_print_meta lines gave. Header only: the data is not needed to size it."""
    ftypes = {"Q5_K_M": gguf.LlamaFileType.MOSTLY_Q5_K_M, "Q3_K_M": gguf.LlamaFileType.MOSTLY_Q3_K_M}
    for listing in sorted((pathlib.Path(__file__).parent / "data" / "gguf_listings").glob("*.tsv")):
        lines = listing.read_text().splitlines()
        tags = dict(l[2:].split("\t", 1) for l in lines if l.startswith("# model\t") or l.startswith("# format\t"))
        meta = dict(kv.split("=") for l in lines if l.startswith("# n_") for kv in l[2:].split())
        rows = [l.split("\t") for l in lines if l and not l.startswith("#")]
        path = OUT / f"published-{listing.stem}.gguf"
        w = gguf.GGUFWriter(path, "llama")
        w.add_block_count(int(meta["n_layer"]))
        w.add_context_length(int(meta["n_ctx_train"]))
        w.add_embedding_length(int(meta["n_embd"]))
        w.add_feed_forward_length(int(meta["n_ff"]))
        w.add_head_count(int(meta["n_head"]))
        w.add_head_count_kv(int(meta["n_head_kv"]))
        w.add_file_type(ftypes[tags["format"]])
        w.add_token_list([f"t{i}" for i in range(int(meta["n_vocab"]))])
        groups, types, params = dict.fromkeys(GROUPS, 0), {}, 0
        for _, name, tname, ne in rows:
            qtype = gguf.GGMLQuantizationType[tname.upper()]
            dims = [int(x) for x in ne.split(",")]
            while len(dims) > 1 and dims[-1] == 1:
                dims.pop()
            shape = tuple(reversed(dims))
            n = quant_bytes(shape, qtype)
            w.add_tensor_info(name, shape, np.dtype(np.float32), n, raw_dtype=qtype)
            group = ("embed" if name.startswith("token_embd") else "lm_head" if name.startswith("output.")
                     else "norms" if "norm" in name else "attn" if ".attn_" in name else "ffn_dense")
            groups[group] += n
            types[qtype] = types.get(qtype, 0) + 1
            params += math.prod(shape)
        w.write_header_to_file(path)
        w.write_kv_data_to_file()
        w.write_ti_data_to_file()
        w.close()
        header = gguf.GGUFWriter.ggml_pad(path.stat().st_size, gguf.GGUF_DEFAULT_ALIGNMENT)
        record(path, "gguf", len(rows), sum(groups.values()), params, header, groups, tags["model"], types)


llama_8b_header()
published_listing_headers()
small_gguf("tiny-dense.gguf", "llama", moe=False)
small_gguf("tiny-moe.gguf", "qwen3moe", moe=True)
safetensors_files()
with open(OUT / "expected.tsv", "w") as fh:
    fh.write("# Written by tests/gen_files.py with the gguf and safetensors packages (PyPI).\n# file\tkind\ttensors\ttotal_bytes\tparams\theader_bytes\t"
             + "\t".join(GROUPS) + "\ttable_model\ttypes\n")
    for r in rows:
        fh.write("\t".join(r) + "\n")
print(f"{len(rows)} files in {OUT}")
