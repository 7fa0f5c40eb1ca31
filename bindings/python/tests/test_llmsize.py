"""The Python binding: same numbers as C (shared vectors), native errors, enums,
dataclasses, config.json import, sweeps, selection, command lines."""
import json
import math
import os
import pathlib

import pytest

import llmsize

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"


def _vectors():
    for line in (DATA / "vectors.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


VECTORS = list(_vectors())


def test_every_model_has_vectors():
    assert len(VECTORS) == 3 * len(llmsize.models())


@pytest.mark.parametrize("row", VECTORS, ids=[f"{r[0]}-{r[1]}" for r in VECTORS])
def test_same_numbers_as_c(row):
    mid, fmt, engine = row[0], row[1], row[2]
    m = llmsize.model(mid)
    assert m.params_total == int(row[3])
    assert m.params_active == int(row[4])
    assert m.weight_bytes(fmt) == int(row[5])
    if int(row[6]):
        assert m.kv_bytes(8192, seqs=2) == int(row[6])
    if int(row[7]) == 0:
        fit = m.fit("h100-sxm", format=fmt, engine=engine, context=8192, seqs=2)
        assert fit.fits == bool(int(row[8]))
        assert fit.total_bytes == int(row[9])
        assert fit.usable_bytes == int(row[10])
        assert fit.headroom_bytes == int(row[11])
        assert fit.max_context == int(row[12])
        assert fit.decode_tps == pytest.approx(float(row[13]), abs=1e-6)
    else:
        with pytest.raises(llmsize.Error):
            m.fit("h100-sxm", format=fmt, engine=engine, context=8192, seqs=2)


def test_lookups_and_rows():
    m = llmsize.model("meta-llama/Llama-3.1-8B-Instruct")
    assert m.id == "llama-3.1-8b" and m == llmsize.model("LLAMA-3.1-8B") and hash(m) == hash(llmsize.model("llama-3.1-8b"))
    assert m.published_params == m.params_total == 8030261248
    assert llmsize.gpu("NVIDIA H100 80GB HBM3").id == "h100-sxm"
    assert llmsize.format("q4_k_m").kind == "gguf"
    assert llmsize.license("Apache-2.0").id == "apache-2.0"
    assert {e.value for e in llmsize.engines()} == {"none", "vllm", "sglang", "llamacpp", "ollama", "trtllm"}
    assert len(llmsize.gpus()) >= 45 and len(llmsize.formats()) >= 40 and len(llmsize.licenses()) >= 20
    assert llmsize.Task.CODE in llmsize.model("qwen3-coder-30b-a3b-instruct").tasks


def test_unknown_names_are_key_errors_with_close_matches():
    with pytest.raises(llmsize.UnknownModelError) as e:
        llmsize.model("llama-3.1-9b")
    assert isinstance(e.value, KeyError) and "llama-3.1-8b" in e.value.suggestions
    assert "did you mean" in str(e.value)
    with pytest.raises(KeyError):
        llmsize.gpu("h1000")
    with pytest.raises(llmsize.UnknownFormatError):
        llmsize.model("llama-3.1-8b").weight_bytes("Q4_K_X")
    with pytest.raises(llmsize.UnknownEngineError):
        llmsize.model("llama-3.1-8b").fit("h100", engine="tgi")
    with pytest.raises(llmsize.UnknownKVDtypeError):
        llmsize.model("llama-3.1-8b").kv_bytes(1024, kv_dtype="q3_k")


def test_bad_arguments_raise_value_errors():
    m = llmsize.model("llama-3.1-8b")
    for bad in (0, -1):
        with pytest.raises(ValueError):
            m.kv_bytes(bad)
    with pytest.raises(llmsize.InvalidArgumentError):
        m.fit("h100", gpu_util=1.5)
    with pytest.raises(ValueError):
        m.fit("h100", gpu_util=float("nan"))
    with pytest.raises(llmsize.InvalidArgumentError):
        m.fit("h100", gpus=3)  # 3 cannot split 32 heads
    with pytest.raises(ValueError):
        m.fit("h100", seqs=-2)
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.Use(mau=-1)._c()
    with pytest.raises(llmsize.UnsupportedError):
        m.quality("exl2-4.0")


def test_overflow_is_overflow_error():
    with pytest.raises(OverflowError):
        llmsize.model("llama-3.1-405b").kv_bytes(1 << 62, seqs=1000, kv_dtype="f32")


def test_enums_accept_strings():
    m = llmsize.model("llama-3.1-8b")
    a = m.fit("h100", format="fp8", engine=llmsize.Engine.VLLM, context=4096)
    b = m.fit("h100", format="fp8", engine="vllm", context=4096)
    assert a == b and a.engine == "vllm"
    assert m.kv_bytes(4096, kv_dtype=llmsize.KVDtype.Q8_0) == m.kv_bytes(4096, kv_dtype="q8_0")


def test_results_are_frozen_dataclasses_with_dict_and_html():
    fit = llmsize.model("llama-3.3-70b").fit("h100", format="fp8", engine="vllm", context=32768)
    with pytest.raises(Exception):
        fit.fits = True  # frozen
    d = fit.to_dict()
    assert d["fits"] is False and d["refused"] is True and d["suggestion"]["gpus"] == 2
    assert "<table>" in fit._repr_html_() and "GiB" in fit._repr_html_()
    assert json.dumps(d)  # plain data


def test_fit_matches_the_scenarios():
    # booklet scenario 2: Qwen3-32B FP8 on one H100 at 32K leaves >= 30 GB for KV
    f = llmsize.model("qwen3-32b").fit("h100", format="fp8", engine="vllm", context=32768)
    assert f.fits and f.kv_pool_bytes >= 30e9
    assert llmsize.model("llama-3.1-405b").min_gpus("h100", format="fp8", engine="vllm", context=32768) == 8
    assert llmsize.model("llama-3.1-8b").max_context("h100", format="bf16", engine="vllm") == 131072


def test_quality_and_license():
    q = llmsize.model("llama-3.1-70b").quality("Q4_K_M")
    assert q.metric == llmsize.Metric.PPL and 0 < q.loss_low_pct <= q.loss_pct <= q.loss_high_pct and q.source
    lic = llmsize.model("llama-4-scout").license_check(commercial=True, eu=True, multimodal=True)
    assert lic.verdict == llmsize.Verdict.NOT_ALLOWED and lic.allowed is False
    assert any("European Union" in r.clause for r in lic.reasons)
    ok = llmsize.model("kimi-k2").license_check(llmsize.Use(commercial=True, mau=200_000_000))
    assert ok.allowed is True and any("Kimi K2" in o.text for o in ok.obligations)
    assert llmsize.model("falcon-180b").license_check(train_on_outputs=True).allowed is None


@pytest.mark.parametrize("path", sorted((DATA / "hf_configs").glob("*.json")), ids=lambda p: p.stem)
def test_from_hf_config_reproduces_table_rows(path):
    row = llmsize.model(path.stem)
    for source in (path, str(path), json.loads(path.read_text()), path.read_text()):
        m = llmsize.Model.from_hf_config(source)
        assert m.params.text == row.params.text and m.params_active == row.params_active
        ctx = min(32768, row.context_window or 32768)
        try:
            want = row.kv_bytes(ctx)
        except llmsize.UnsupportedError:   # encoders keep no KV cache: the config says so too
            with pytest.raises(llmsize.UnsupportedError):
                m.kv_bytes(ctx)
        else:
            assert m.kv_bytes(ctx) == want


def test_from_hf_config_errors():
    with pytest.raises(llmsize.ParseError):
        llmsize.Model.from_hf_config('{"hidden_size": 4096,')
    with pytest.raises(llmsize.InvalidModelError):
        llmsize.Model.from_hf_config({"model_type": "llama"})


def test_plan_from_args():
    f = llmsize.plan_from_args(["vllm", "serve", "meta-llama/Llama-3.1-70B-Instruct", "-tp", "2", "--max-model-len", "32k"], "h100")
    assert f.model == "llama-3.1-70b" and f.gpus == 2 and f.context == 32000
    o = llmsize.plan_from_args(["ollama", "run", "llama3.1:8b"], "rtx-4090",
                               env={"OLLAMA_NUM_PARALLEL": "2", "OLLAMA_CONTEXT_LENGTH": "8192"})
    assert o.engine == "ollama" and o.seqs == 2 and o.context == 8192 and o.fits
    with pytest.raises(llmsize.ParseError) as e:
        llmsize.plan_from_args(["llama-server", "-m", "x-Q4_K_M.gguf", "-c", "32k"], "h100")
    assert e.value.flag == "-c"
    with pytest.raises(llmsize.UnknownModelError):
        llmsize.plan_from_args(["vllm", "serve", "someone/unknown-model"], "h100")


def test_select_is_deterministic_and_explains():
    kw = dict(seqs=10, context=8192, engine="sglang", origin_require="EU", tasks=["multilingual"], min_tps=10)
    a, b = llmsize.select("dgx-spark", **kw), llmsize.select("dgx-spark", **kw)
    assert a == b and a.candidates
    assert all(c.rejected == llmsize.Reject.NONE and c.format for c in a.candidates)
    qwen = next(c for c in a.rejected if c.model == "qwen3-14b")
    assert qwen.rejected == llmsize.Reject.ORIGIN and qwen.reason
    assert [c.rank for c in a.candidates] == list(range(1, len(a.candidates) + 1))


def test_sweep_columns():
    s = llmsize.sweep(models=["llama-3.1-8b", "qwen3-32b"], formats=["bf16", "Q4_K_M"], gpus=["h100", "rtx-4090"],
                      contexts=[4096, 32768])
    assert len(s) == 16 and set(s) >= {"model", "format", "gpu", "context", "fits", "headroom_bytes", "decode_tps"}
    i = next(i for i in range(len(s)) if s["model"][i] == "qwen3-32b" and s["format"][i] == "bf16" and s["gpu"][i] == "rtx-4090")
    assert s["fits"][i] is False
    fit = llmsize.model("qwen3-32b").fit("rtx-4090", format="bf16", context=s["context"][i])
    assert s["headroom_bytes"][i] == fit.headroom_bytes
    with pytest.raises(llmsize.UnknownGPUError):
        llmsize.sweep(gpus=["nope"])


def test_sweep_same_columns_without_numpy(monkeypatch):
    kw = dict(models=["llama-3.1-8b", "qwen3-30b-a3b"], formats=["bf16", "Q4_K_M"], gpus=["h100", "l4"], contexts=[4096, 65536])
    with_numpy = llmsize.sweep(**kw)
    monkeypatch.setitem(__import__("sys").modules, "numpy", None)  # import numpy now raises ImportError
    without = llmsize.sweep(**kw)
    assert dict(with_numpy) == dict(without) and len(without) == 16
    assert all(type(v) is bool for v in without["fits"]) and all(type(v) is str for v in without["model"])


def test_sweep_to_pandas():
    pd = pytest.importorskip("pandas")
    df = llmsize.sweep(formats=["Q4_K_M"], gpus=["h100"], contexts=[8192]).to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(llmsize.models())


def test_check_claim():
    c = llmsize.check_claim("llama-4-scout", "awq", gb=11.2, gpu_name="rtx-5090", tps=42)
    assert not c.bytes_possible and c.bytes_ratio < 0.25 and not c.fits_gpu


def test_plots_return_axes():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from llmsize import plots
    assert plots.what_fits_where(models=["llama-3.1-8b", "qwen3-32b"]).get_title()
    assert plots.tps_vs_context("llama-3.1-8b", "h100").get_xlabel()
    assert plots.quality_pareto("llama-3.1-8b").get_ylabel()


def test_docstrings_everywhere():
    for name in llmsize.__all__:
        obj = getattr(llmsize, name)
        assert obj.__doc__, name
    assert math.isfinite(llmsize.model("llama-3.1-8b").speed("h100").decode_tps)


FILES = ROOT / "build" / "files"


@pytest.mark.skipif(not (FILES / "expected.tsv").exists(), reason="make files-test writes the files")
def test_inspect_generated_files():
    rows = [l.split("\t") for l in (FILES / "expected.tsv").read_text().splitlines() if l and not l.startswith("#")]
    assert len(rows) >= 5
    for r in rows:
        path = FILES / r[0]
        for source in (path, str(path), path.read_bytes()):
            fi = llmsize.inspect(source)
            assert (fi.kind, fi.tensors, fi.tensor_bytes, fi.params, fi.header_bytes) == (r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5]))
    fi = llmsize.inspect(FILES / "llama-3.1-8b-shaped.gguf")
    assert fi.matches == "llama-3.1-8b" and fi.format == "Q4_K_M" and abs(fi.prediction_error_pct) < 5
    data = (FILES / "tiny-dense.gguf").read_bytes()
    with pytest.raises(llmsize.TruncatedError) as e:
        llmsize.inspect(data[:100])
    assert e.value.needed > 100 and isinstance(e.value, ValueError)
    with pytest.raises(llmsize.ParseError):
        llmsize.inspect(b"GGUX" + data[4:2000])


def test_use_parse_matches_the_c_parser():
    u = llmsize.Use.parse("commercial,eu,mau=8e8,mau_at_release=6.5e8,revenue=2.5e7")
    assert u == llmsize.Use(commercial=True, eu=True, mau=800000000, mau_at_release=650000000, revenue_usd=25e6)
    assert llmsize.model("llama-3.1-8b").license_check(u).verdict == llmsize.Verdict.ALLOWED_WITH_OBLIGATIONS
    with pytest.raises(llmsize.ParseError):
        llmsize.Use.parse("commercial,mau=lots")


def _gguf_type_rows():
    for line in (DATA / "gguf_types.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@pytest.mark.parametrize("row", list(_gguf_type_rows()), ids=lambda r: f"{r[0]}-{r[1]}")
def test_gguf_mix_matches_published_loader_histograms(row):
    model_id, fmt, histogram, adjust = row[:4]
    want = {k: int(v) for k, v in (kv.split("=") for kv in histogram.split(","))}
    if adjust == "rope_freqs":
        want["f32"] -= 1      # llama3 rope table, not modelled (tests/data/gguf_types.tsv)
    if adjust == "output":
        pytest.skip("the file carries an untied output.weight; C checks it with the flag cleared")
    got = llmsize.model(model_id).gguf_mix(fmt)
    assert {k: n for k, (n, _) in got.items()} == want
    assert sum(b for _, b in got.values()) == llmsize.model(model_id).weight_bytes(fmt)


def test_encoders():
    bge = llmsize.model("bge-m3")
    assert bge.is_encoder and not llmsize.model("llama-3.1-8b").is_encoder
    with pytest.raises(llmsize.UnsupportedError):
        bge.kv_bytes(512)
    flash = bge.activation_bytes(32, 512)
    assert bge.activation_bytes(32, 512, eager_attention=True) > flash > bge.activation_bytes(1, 512)
    with pytest.raises(llmsize.InvalidArgumentError):
        bge.activation_bytes(1, 9000)          # past XLM-R's 8,194 learned positions
    with pytest.raises(llmsize.InvalidArgumentError):
        bge.activation_bytes(0, 512)
    assert llmsize.model("whisper-large-v3-turbo").kv_bytes(448) > 0   # the decoder's cache
    assert llmsize.Task.SPEECH in llmsize.model("whisper-large-v3-turbo").tasks


# ---- names as people write them (tests/data/names.tsv, the list the C tests run) ----
def _names():
    for line in (DATA / "names.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


NAMES = list(_names())


def test_names_same_answers_as_c():
    resolved = wrong = resolvable = 0
    for name, want_model, want_format, kind, _src in NAMES:
        engine = "ollama" if kind == "ollama" else None
        if want_model == "-":
            with pytest.raises(llmsize.UnknownModelError):
                llmsize.resolve(name, engine=engine)
            continue
        resolvable += 1
        try:
            r = llmsize.resolve(name, engine=engine)
        except llmsize.UnknownModelError:
            continue
        resolved += 1
        if (r.model, r.format or "-") != (want_model, want_format):
            wrong += 1
    assert len(NAMES) >= 400 and wrong == 0 and resolved * 100 >= 95 * resolvable


def test_sized_as_released():
    fit = llmsize.model("openai/gpt-oss-120b").fit("h100-sxm", engine="vllm")
    assert fit.format == "mxfp4" and fit.fits
    assert llmsize.model("openai/gpt-oss-120b").checkpoint_bytes == 65248815744
    fit = llmsize.plan_from_args(["vllm", "serve", "deepseek-ai/DeepSeek-R1", "-tp", "8"], "h200")
    assert fit.format == "fp8-block" and fit.fits
    r = llmsize.resolve("deepseek-r1", engine="ollama")
    assert (r.model, r.format, r.how) == ("qwen3-8b", "Q4_K_M", "ollama")
    assert llmsize.resolve("deepseek-r1").model == "deepseek-r1"
    with pytest.raises(llmsize.AmbiguousModelError) as e:
        llmsize.model("mergekit/Llama-3.1-8B-Qwen2.5-7B-slerp")
    assert "llama-3.1-8b" in e.value.suggestions
    assert llmsize.model("unsloth/Qwen3-30B-A3B-GGUF:UD-Q4_K_XL").default_format() is None
    with pytest.raises(llmsize.UnsupportedError):
        llmsize.model("unsloth/Qwen3-30B-A3B-GGUF:UD-Q4_K_XL").fit("h100-sxm")


def test_gpu_names_and_described_gpus():
    g = llmsize.gpu("M3 Max 36GB")
    assert g.id == "m3-max-30c" and g.mem_bytes == 36 << 30 and g.bandwidth_gbs == 307.2 and not g.memory_assumed
    assert llmsize.gpu("M2 Max").memory_assumed and llmsize.gpu("M2 Max").memory_options == [32, 64, 96]
    with pytest.raises(llmsize.AmbiguousGPUError) as e:
        llmsize.gpu("M3 Max")
    assert {"m3-max-128gb", "m3-max-30c"} <= set(e.value.suggestions)
    with pytest.raises(llmsize.UnknownGPUError) as e:
        llmsize.gpu("rtx-4900")
    assert e.value.suggestions[0] == "rtx-4090"
    mine = llmsize.GPU.describe(memory_gib=8, bandwidth_gbs=448)
    assert mine.mem_bytes == 8 << 30 and llmsize.model("llama-3.1-8b").fit(mine, engine="llamacpp").fits
    for bad in (0, -1, float("nan"), float("inf")):
        with pytest.raises(llmsize.InvalidArgumentError):
            llmsize.GPU.describe(memory_gib=bad, bandwidth_gbs=448)
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.GPU.describe(memory_gib=8, bandwidth_gbs=448, kind="quantum")


def test_gpu_names_same_answers_as_c():
    n = 0
    for line in (DATA / "gpu_names.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, want, mem, _kind, _src = line.split("\t")
        n += 1
        if want == "-":
            with pytest.raises(llmsize.UnknownGPUError):
                llmsize.gpu(name)
            continue
        g = llmsize.gpu(name)
        assert g.id == want, name
        if mem != "-":
            assert g.mem_bytes == int(mem) << 30, name
    assert n >= 80


def test_engine_versions():
    # vllm 0.11 (vllm/config/cache.py): gpu_memory_utilization 0.9; 0.34, the current release: 1.0
    old = llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm@0.11", context=8192)
    now = llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm", context=8192)
    assert old.engine_version == "0.11.0" and now.engine_version == "0.34.0"
    assert now.usable_bytes > old.usable_bytes
    same = llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm", engine_version="0.11.2", context=8192)
    assert same == old
    with pytest.raises(llmsize.UnknownEngineVersionError) as e:
        llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm@0.3")
    assert "vllm@0.6.0" in e.value.suggestions
    with pytest.raises(llmsize.UnknownEngineVersionError):
        llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm@banana")
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.model("meta-llama/Llama-3.1-8B-Instruct").fit("h100", engine="vllm@0.11", engine_version="0.11")
    assert ("vllm", "0.8.0", "2025-03-18") in llmsize.engine_releases()


def test_command_line_semantics():
    # llama-server -c is shared by -np slots (tools/server/server.cpp): 4 slots of 2048
    f = llmsize.plan_from_args(["llama-server", "-m", "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "-c", "8192", "-np", "4"],
                               "rtx-4090", engine_version="b6975")
    assert f.context == 2048 and f.seqs == 4 and f.cache_cells == 8192
    # --max-num-seqs is a cap, not users that must fit; -tp defaults to 1 whatever the node has
    v = llmsize.plan_from_args(["vllm", "serve", "Qwen/Qwen3-8B", "--max-num-seqs", "512"], "h100", gpus=8)
    assert v.gpus == 1 and v.seqs == 1 and v.fits
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.plan_from_args(["vllm", "serve", "Qwen/Qwen3-8B", "-tp", "4"], "h100", gpus=2)
    # llama.cpp splits the layers over every GPU it sees (-sm layer) and one sequence runs them
    # in turn: 6 GPUs are fine for 64 heads, and it decodes at one GPU's bandwidth. Measured:
    # LLaMA 3 70B Q4_K_M tg512 on 6 x RTX 3090, 17.09 tok/s (XiongjieDai/GPU-Benchmarks-on-LLM-Inference README)
    s = llmsize.model("meta-llama-3-70b").fit("rtx-3090", "Q4_K_M", engine="llamacpp", gpus=6, context=512, seqs=1)
    assert s.fits and s.gpus == 6 and s.decode_tps_low <= 17.09 <= s.decode_tps_high
    with pytest.raises(llmsize.InvalidArgumentError):  # a tensor-parallel engine still needs heads that divide
        llmsize.model("meta-llama-3-70b").fit("rtx-3090", "awq", engine="vllm", gpus=6)
    # Ollama runs what does not fit on the CPU: it starts, with layers left on the CPU
    o = llmsize.plan_from_args(["ollama", "run", "llama3.3:70b"], "rtx-4090")
    assert o.what_happens == llmsize.Outcome.OFFLOADS and 0 < o.gpu_layers < 80 and not o.fits


def test_plan_from_args_reads_a_command_line_string():
    # issue "The first hour": a string was read character by character ("unknown engine 'v'")
    cmd = "vllm serve meta-llama/Llama-3.3-70B-Instruct -tp 2 --max-model-len '32768'"
    as_string = llmsize.plan_from_args(cmd, "h100")
    as_list = llmsize.plan_from_args(["vllm", "serve", "meta-llama/Llama-3.3-70B-Instruct", "-tp", "2",
                                      "--max-model-len", "32768"], "h100")
    assert (as_string.model, as_string.context, as_string.gpus) == ("llama-3.3-70b", 32768, 2)
    assert as_string.total_bytes == as_list.total_bytes
    with pytest.raises(llmsize.ParseError):
        llmsize.plan_from_args("vllm serve 'unclosed", "h100")


def test_dir_lists_the_public_names_only():
    names = dir(llmsize)
    for private in ("Any", "Dict", "json", "os", "shlex", "struct", "enum"):
        assert private not in names
    for public in ("model", "plan_from_args", "Fit", "select", "engine_releases"):
        assert public in names
    assert set(llmsize.__all__) <= set(names)


def test_plots_a_reader_can_read():
    # issue "The first hour": the Pareto plot's labels overlapped; the heatmap had no numbers
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg", force=True)
    from llmsize import plots
    ax = plots.quality_pareto("llama-3.3-70b")
    ax.figure.canvas.draw()
    r = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in ax.texts]
    assert len(boxes) >= 10
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    assert "GiB" in ax.get_xlabel() and "%" in ax.get_ylabel()
    models, gpus = ["llama-3.1-8b", "llama-3.3-70b"], ["h100-sxm", "rtx-4090"]
    ax = plots.what_fits_where(models=models, gpus=gpus)
    cells = [t.get_text() for t in ax.texts]
    assert len(cells) == 4 and all(c[0] in "+-" for c in cells)
    short = llmsize.model("llama-3.3-70b").fit("rtx-4090", format="Q4_K_M", context=8192).headroom_bytes / llmsize.GIB
    assert f"{short:+.1f}" in cells       # the 70B is short on a 24 GB card: the cell says by how much
    assert ax.get_xlabel() and ax.get_ylabel()


def test_ignored_flags_are_named():
    f = llmsize.plan_from_args("vllm serve Qwen/Qwen3-8B --served-model-name qwen --api-key=abc "
                               "--speculative-config '{\"method\": \"ngram\"}' --max-model-len 8192", "h100")
    assert f.ignored_flags == ("--served-model-name", "--api-key", "--speculative-config")
    assert llmsize.plan_from_args("vllm serve Qwen/Qwen3-8B", "h100").ignored_flags == ()


def test_select_recommends_only_usable_deployments_by_default():
    # issue "The first hour": the top pick for 10 users on a DGX Spark decoded at 1.8 tok/s per user
    sel = llmsize.select("dgx-spark", seqs=10)
    good = [c for c in sel.candidates if c.rejected == llmsize.Reject.NONE]
    assert good and all(c.decode_tps >= 5.2 and c.quality_loss_pct <= 10.0 for c in good)
    assert all("chat" in [t.value for t in llmsize.model(c.model).tasks] for c in good)
    raw = llmsize.select("dgx-spark", seqs=10, min_tps=0, max_loss_pct=0, tasks=())
    top = [c for c in raw.candidates if c.rejected == llmsize.Reject.NONE][0]
    assert top.decode_tps < 3.0          # without the floors: unusable for 10 users
    assert len([c for c in raw.candidates if c.rejected == llmsize.Reject.NONE]) > len(good)


def test_select_ranks_the_models_a_user_has():
    # `ollama list` on a 24 GB card: each model keeps the verdict it has among every model;
    # a tag listed twice is ranked once; a model read from a config.json is ranked too
    every = llmsize.select("rtx-4090", engine="ollama", min_tps=0, max_loss_pct=1.0, tasks=())
    by_id = {c.model: c for c in every.candidates + every.rejected}
    mine = llmsize.select("rtx-4090", engine="ollama", min_tps=0, max_loss_pct=1.0, tasks=(),
                          models=["llama3.3:70b", "qwen3:8b", "llama3.3:70b", "bge-m3"])
    ranked = mine.candidates + mine.rejected
    assert [c.model for c in ranked] == ["qwen3-8b", "bge-m3", "llama-3.3-70b"]
    assert all((c.rejected, c.format, c.score, c.weight_bytes, c.headroom_bytes) ==
               (by_id[c.model].rejected, by_id[c.model].format, by_id[c.model].score, by_id[c.model].weight_bytes,
                by_id[c.model].headroom_bytes) for c in ranked)
    assert [c.rank for c in ranked] == [1, 2, 0]
    assert mine.rejected[0].rejected == llmsize.Reject.QUALITY
    cfg = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "data", "hf_configs", "phi-4.json")
    own = llmsize.select("rtx-4090", min_tps=0, max_loss_pct=0, tasks=(), models=[llmsize.Model.from_hf_config(cfg)])
    assert len(own.candidates) == 1 and own.candidates[0].rank == 1
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.select("rtx-4090", models=[])
    with pytest.raises(llmsize.UnknownModelError):
        llmsize.select("rtx-4090", models=["qwen3:8b", "no-such-model-xyz"])


def _hub_cache(tmp_path, repo, config_name):
    """A Hugging Face cache as huggingface_hub lays it out: refs/main -> snapshots/<rev>/config.json."""
    import shutil
    base = tmp_path / ("models--" + repo.replace("/", "--"))
    rev = "0123456789abcdef0123456789abcdef01234567"
    (base / "refs").mkdir(parents=True)
    (base / "refs" / "main").write_text(rev)
    snap = base / "snapshots" / rev
    snap.mkdir(parents=True)
    shutil.copy(os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "data", "hf_configs", config_name),
                snap / "config.json")
    return tmp_path


@pytest.mark.parametrize("with_hub", [False, True])
def test_model_from_hub_reads_a_download(tmp_path, monkeypatch, with_hub):
    # issue "The first hour": a fine-tune's repo sized from its own config.json, offline
    if with_hub:
        pytest.importorskip("huggingface_hub")
    else:
        import builtins
        real = builtins.__import__
        monkeypatch.setattr(builtins, "__import__", lambda name, *a, **k: (_ for _ in ()).throw(ImportError(name))
                            if name.startswith("huggingface_hub") else real(name, *a, **k))
    cache = _hub_cache(tmp_path, "acme/qwen3-8b-sft", "qwen3-8b.json")
    m = llmsize.model_from_hub("acme/qwen3-8b-sft", cache_dir=cache, local_files_only=True)
    assert m.params_total == llmsize.model("qwen3-8b").params_total   # Qwen3-8B's verbatim config.json
    assert llmsize.model_from_hub("Qwen/Qwen3-8B").id == "qwen3-8b"    # the table knows this repo as written
    with pytest.raises(llmsize.UnknownModelError):
        llmsize.model_from_hub("acme/not-downloaded", cache_dir=cache, local_files_only=True)


def test_hostile_binding_arguments():
    # issue "Hardening, round two": a NUL dropped every argument after it; core.llmsize_sweep_run(None, ...) crashed
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.plan_from_args(["vllm", "serve", "Qwen/Qwen3-8B\x00", "--max-model-len", "999999999"], "h100")
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.plan_from_args(["ollama", "run", "qwen3"], "h100", env={"OLLAMA_CONTEXT_LENGTH": "8\x00192"})
    from llmsize import core
    s = core.llmsize_sweep_run(None, "bf16", "h100", "8192", 0, 1, 0)
    assert s.status == core.LLMSIZE_ERR_NULL
    core.llmsize_sweep_free(s)


def test_counts_are_not_truncated():
    m = llmsize.model("llama-3.1-8b")
    for bad in (8192.5, 8192.0, "8192", True and 8192.7):
        with pytest.raises(llmsize.InvalidArgumentError):
            m.kv_bytes(bad)
    with pytest.raises(llmsize.InvalidArgumentError):
        llmsize.model("bge-m3").activation_bytes(32, 512.5)
    assert m.kv_bytes(8192) == 1 << 30


def test_override_tensor_keeps_its_layers():
    # llama.cpp -ot keeps the experts of the layers its pattern finds in host memory, whichever
    # they are: DeepSeek-V3's layers 50-59 hold ten layers of experts, as layers 3-12 do
    # (-ncmoe 13; layers 0-2 are dense); layers 0-9 hold seven. Q8_0 stores every layer's
    # experts alike.
    def host(*extra):
        r = llmsize.plan_from_args(["llama-server", "-m", "DeepSeek-V3-Q8_0.gguf", "-c", "8192", *extra], "h100-sxm", gpus=8)
        return r.host_weight_bytes
    late, early, first = host("-ot", r"blk\.5[0-9]\.ffn_.*_exps=CPU"), host("-ncmoe", "13"), host("-ncmoe", "10")
    assert late == early > first
