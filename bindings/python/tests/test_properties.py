"""Property tests (hypothesis): whatever a caller passes, the binding returns a value or
raises one of the documented exceptions, and never crashes the interpreter or returns a
sentinel. Also the library's monotonic properties, seen through Python."""
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llmsize

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MODELS = [m.id for m in llmsize.models()]
ints = st.one_of(st.integers(min_value=-(2**70), max_value=2**70), st.integers(min_value=0, max_value=300000))
floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(min_value=0, max_value=1))
# every documented exception is a subclass of llmsize.Error (plus KeyError/ValueError/OverflowError)
DOCUMENTED = (llmsize.Error,)


@SETTINGS
@given(st.text(max_size=200))
def test_any_name_is_a_model_or_a_key_error(name):
    try:
        m = llmsize.model(name)
    except llmsize.UnknownModelError as e:
        assert isinstance(e, KeyError) and isinstance(e.suggestions, (list, tuple))
    except llmsize.Error:
        pass  # e.g. an embedded NUL is an invalid argument
    else:
        assert m.id in MODELS


@SETTINGS
@given(st.sampled_from(MODELS), ints, ints, st.sampled_from(["f16", "fp8", "q8_0", "q4_0", "bogus"]))
def test_kv_bytes_is_an_int_or_a_documented_error(mid, context, seqs, dtype):
    m = llmsize.model(mid)
    try:
        kv = m.kv_bytes(context, seqs, dtype)
    except DOCUMENTED as e:
        assert isinstance(e, (ValueError, OverflowError, KeyError))
    else:
        assert isinstance(kv, int) and 0 <= kv < 2**64


@SETTINGS
@given(st.sampled_from(MODELS), st.sampled_from(["h100", "rtx-4090", "l4", "nope"]),
       st.sampled_from(["bf16", "fp8", "Q4_K_M", "awq", "Q9_Z"]), st.sampled_from(["vllm", "sglang", "llamacpp", "ollama", None]),
       ints, ints, ints, floats)
def test_fit_never_crashes(mid, gpu, fmt, engine, gpus, context, seqs, util):
    m = llmsize.model(mid)
    try:
        f = m.fit(gpu, fmt, engine=engine, gpus=gpus, context=context, seqs=seqs, gpu_util=util)
    except DOCUMENTED:
        return
    assert isinstance(f.fits, bool)
    assert f.total_bytes >= 0 and f.usable_bytes >= 0 and not math.isnan(f.decode_tps)
    assert not f.fits or (f.headroom_bytes >= 0 or f.kv_pool_bytes > 0)


@SETTINGS
@given(st.one_of(st.text(max_size=400), st.dictionaries(st.text(max_size=30),
                                                         st.one_of(st.integers(), st.text(max_size=10), st.booleans(),
                                                                   st.none(), st.floats()), max_size=12)))
def test_from_hf_config_never_crashes(config):
    try:
        m = llmsize.Model.from_hf_config(config)
    except DOCUMENTED:
        return
    except (OSError, ValueError):
        assert isinstance(config, str)  # text that is not JSON is taken as a path
        return
    assert m.params_total >= m.params_active > 0


@SETTINGS
@given(st.lists(st.sampled_from(["vllm", "serve", "ollama", "run", "llama-server", "-m", "-c", "-tp", "--max-model-len",
                                 "32k", "auto", "-1", "0", "x.gguf", "meta-llama/Llama-3.1-8B-Instruct", "llama3.1:8b",
                                 "--gpu-memory-utilization", "1.5", "0.9", "--kv-cache-dtype", "fp8", "\x00", "é"]),
                max_size=10),
       st.dictionaries(st.sampled_from(["OLLAMA_NUM_PARALLEL", "OLLAMA_CONTEXT_LENGTH", "OLLAMA_KV_CACHE_TYPE"]),
                       st.sampled_from(["1", "0", "-1", "8192", "q8_0", "two", ""]), max_size=3))
def test_plan_from_args_never_crashes(args, env):
    try:
        f = llmsize.plan_from_args(args, "h100", env=env)
    except DOCUMENTED as e:
        if isinstance(e, llmsize.ParseError):
            assert e.flag  # the malformed flag is named
        return
    assert isinstance(f.fits, bool)


@SETTINGS
@given(st.sampled_from(MODELS), st.integers(min_value=1, max_value=2**20), st.integers(min_value=1, max_value=2**20))
def test_more_context_never_means_less_kv(mid, a, b):
    m = llmsize.model(mid)
    lo, hi = sorted((a, b))
    try:
        assert m.kv_bytes(lo) <= m.kv_bytes(hi)
    except (llmsize.InvalidArgumentError, llmsize.UnsupportedError):
        pytest.skip("no KV cache, or past a learned position table")


@SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True), st.integers(min_value=-5, max_value=2**65))
def test_licence_use_numbers(revenue, mau):
    try:
        r = llmsize.model("llama-3.1-8b").license_check(commercial=True, revenue_usd=revenue, mau=mau)
    except DOCUMENTED:
        return
    assert r.verdict in set(llmsize.Verdict)


# llama.cpp -ot PATTERN=CPU: llama.cpp searches each tensor's name with std::regex
# (ECMAScript); for the subset generated here Python's re finds the same matches, so it is
# an independent reader of the same patterns. What a pattern must do to be modelled (the
# three expert matrices of a run of layers, nothing else the model holds) is llmsize's
# contract, restated here; which names a pattern finds is re's answer, not llmsize's.
_OT_EXPERTS = ("ffn_up_exps", "ffn_gate_exps", "ffn_down_exps")
_OT_BLOCK = ("attn_norm", "attn_q", "attn_k", "attn_v", "attn_output", "attn_qkv", "attn_q_a", "attn_q_b",
             "attn_kv_a_mqa", "attn_kv_b", "ffn_norm", "ffn_gate_inp", "ffn_up", "ffn_gate", "ffn_down",
             "ffn_up_shexp", "ffn_gate_shexp", "ffn_down_shexp", "ffn_gate_inp_shexp", "exp_probs_b", "attn_k_b",
             "attn_v_b", "attn_q_norm", "attn_k_norm", "attn_sinks", "post_attention_norm", "post_ffw_norm", "ssm_in",
             "ssm_out", "ssm_conv1d")  # llmsize.h llmsize__ot_block, name for name
_OT_MODEL = ("token_embd.weight", "output.weight", "output_norm.weight")
_OT_LAYERS = 128


def _ot_expected(pattern):
    import re
    rx = re.compile(pattern)
    if any(rx.search(n) for n in _OT_MODEL):
        return None
    layers = []
    for il in range(_OT_LAYERS):
        if any(rx.search(f"blk.{il}.{t}.weight") for t in _OT_BLOCK):
            return None
        hits = sum(bool(rx.search(f"blk.{il}.{t}.weight")) for t in _OT_EXPERTS)
        if hits not in (0, 3):
            return None
        if hits:
            layers.append(il)
    if not layers:
        return (0, 0)
    if layers != list(range(layers[0], layers[-1] + 1)):
        return None
    return (layers[0], 2**32 - 1 if layers[-1] == _OT_LAYERS - 1 else layers[-1] + 1)


_digits = st.one_of(
    st.sampled_from(["[0-9]", "[0-9]+", "\\d", "\\d+", "[1-3][0-9]", "\\d{2}", "[2-5]?[0-9]", "4[0-7]", "[0-9]*",
                     "(1[0-9]|2[0-9])", "([0-9]|1[0-9])", "(6|7|8|9|[0-9][0-9]|[0-9][0-9][0-9])", "[^0-4]", "1?[0-9]"]),
    st.lists(st.integers(min_value=0, max_value=130), min_size=1, max_size=5).map(lambda v: "(" + "|".join(map(str, v)) + ")"),
    st.integers(min_value=0, max_value=130).map(str))
_prefix = st.sampled_from(["", "blk\\.", "^blk\\.", "\\.", "blk.", "(?:blk)\\."])
_tail = st.sampled_from(["\\.ffn_(up|gate|down)_exps", "\\.ffn_.*_exps", "\\.ffn_(up|down)_exps", ".*exps", "\\.",
                         "\\.ffn", "\\..*_exps\\.weight$", "", "\\.ffn_(gate|up|down)_exps.", "\\.ffn_[a-z]+_exps",
                         "\\.ffn_(up|down|gate|gate_up)_(ch|)exps", "\\.ffn_\\w+_exps", "\\.ffn_(?:up|gate|down)_exps\\.weight$"])
_whole = st.sampled_from(["exps", ".ffn_.*_exps.", "_exps", "ffn", "exps$", "^token", "attn", "up_exps", "(up|gate|down)_exps",
                          "[a-z]+_exps", "ffn_(up|gate|down)_exps\\.weight", "blk", ".*exps", ".*_exps\\.",
                          ".*\\.ffn_.*_exps", ".*blk\\.[0-9]\\.", ".*(up|gate|down)_exps",
                          "exps|k_b", "sinks", "conv1d", "shexp"])


@SETTINGS
@given(st.one_of(st.tuples(_prefix, _digits, _tail).map("".join), _whole))
def test_override_tensor_reads_like_python_re(pattern):
    core = llmsize.core
    r = core.llmsize_parse_args("\x1f".join(["llama-server", "-m", "m.gguf", "-ot", pattern + "=CPU"]), "")
    expected = _ot_expected(pattern)
    assert r.status == 0, (pattern, r.status)
    if expected is None:
        assert r.unknown_flags == 1 and r.plan.cpu_moe_layers == 0, (pattern, r.plan.cpu_moe_first, r.plan.cpu_moe_layers)
    else:
        got = (r.plan.cpu_moe_first, r.plan.cpu_moe_first + r.plan.cpu_moe_layers) if r.plan.cpu_moe_layers else (0, 0)
        assert r.unknown_flags == 0 and got == expected, (pattern, got, expected)
