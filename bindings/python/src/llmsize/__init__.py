"""llmsize: will this LLM fit on this hardware, how fast will it run, what does its
quantization cost, and may you use it?

Every number comes from the llmsize C library (``llmsize.h``), wrapped by SWIG in
``llmsize.core``. This module turns its out-parameters and status codes into Python
objects, enums and exceptions::

    >>> import llmsize
    >>> m = llmsize.model("llama-3.1-8b")
    >>> m.params_total
    8030261248
    >>> m.fit("h100", format="Q4_K_M", engine="llamacpp", context=8192).fits
    True

Sizes are exact integers in bytes (``*_bytes``) with GiB helpers (2**30 bytes).
"""
from __future__ import annotations

import enum
import json
import os
import shlex
import struct
from dataclasses import asdict, dataclass, field, fields, make_dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import core as _core


class _Checked:
    """The generated module, except that an argument SWIG cannot convert to its C type (an
    int beyond uint64_t, say) raises InvalidArgumentError rather than a bare OverflowError:
    every failure a caller can cause is an llmsize.Error."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name: str):
        value = getattr(self._module, name)
        if callable(value) and not isinstance(value, type):
            fn = value

            def value(*args):
                try:
                    return fn(*args)
                except OverflowError as e:
                    raise InvalidArgumentError(f"argument out of range for the C library: {e}",
                                               _S["ERR_INVALID_ARG"]) from None
        setattr(self, name, value)  # resolved once
        return value


_c = _Checked(_core)

__all__ = [
    "Error", "UnknownNameError", "UnknownModelError", "AmbiguousModelError", "UnknownGPUError", "AmbiguousGPUError", "UnknownFormatError",
    "UnknownLicenseError", "UnknownEngineError", "UnknownKVDtypeError", "UnknownEngineVersionError", "InvalidArgumentError",
    "InvalidModelError", "ParseError", "UnsupportedError", "LlmsizeOverflowError", "TruncatedError",
    "Engine", "KVDtype", "Verdict", "Metric", "Confidence", "Reject", "Task", "Outcome",
    "Model", "GPU", "Format", "License",
    "Params", "Weights", "Speed", "Fit", "Suggestion", "Quality", "Finding", "LicenseCheck",
    "Candidate", "Selection", "Sweep", "ClaimCheck", "Use", "FileInfo",
    "Resolution", "resolve", "model", "model_from_hub", "gpu", "format", "license", "models", "gpus", "formats", "licenses", "engines",
    "engine_releases",
    "plan_from_args", "select", "sweep", "check_claim", "inspect", "version", "data_version",
]

GIB = float(1 << 30)


def __dir__() -> List[str]:
    """The public names only (``dir(llmsize)``): not the modules and typing names this one imports."""
    return sorted(__all__ + ["GIB", "core"])


def version() -> str:
    """The C library's version string."""
    return _c.llmsize_version()


def data_version() -> str:
    """The date of the compiled-in tables."""
    return _c.llmsize_data_version()


# --------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------
class Error(Exception):
    """Base class of every llmsize error. ``status`` is the C status code."""

    status: int = -1

    def __init__(self, message: str, status: int = -1):
        super().__init__(message)
        self.status = status


class UnknownNameError(Error, KeyError):
    """A name that is not in the table; ``suggestions`` lists close names."""

    def __init__(self, kind: str, name: str, suggestions: Sequence[str], status: int):
        self.kind, self.name, self.suggestions = kind, name, list(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}", status)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return self.args[0]


class UnknownModelError(UnknownNameError):
    """No model of that name in the table."""


class AmbiguousModelError(UnknownModelError):
    """A name that fits more than one model (a merge, a family without a size): nothing is
    guessed; ``suggestions`` lists the candidates."""

    def __init__(self, name: str, suggestions: Sequence[str], status: int):
        UnknownNameError.__init__(self, "model", name, suggestions, status)
        hint = f": {', '.join(self.suggestions)}" if self.suggestions else ""
        self.args = (f"{name!r} fits more than one model{hint}",)


class UnknownGPUError(UnknownNameError):
    """No accelerator of that name in the table."""


class UnknownFormatError(UnknownNameError):
    """No weight format of that name."""


class UnknownLicenseError(UnknownNameError):
    """No licence of that id."""


class UnknownEngineError(UnknownNameError):
    """No serving engine of that name."""


class UnknownKVDtypeError(UnknownNameError):
    """No KV-cache dtype of that name."""


class UnknownEngineVersionError(UnknownNameError):
    """An engine version that is malformed, or older than the oldest release llmsize models;
    ``suggestions`` lists the releases it does model."""


class InvalidArgumentError(Error, ValueError):
    """Zero, negative, NaN or out-of-range argument."""


class InvalidModelError(Error, ValueError):
    """An inconsistent model description (e.g. KV heads that do not divide the heads)."""


class ParseError(Error, ValueError):
    """A command line or config.json the library cannot read; ``flag`` names the culprit."""

    def __init__(self, message: str, status: int, flag: str = ""):
        super().__init__(message, status)
        self.flag = flag


class TruncatedError(Error, ValueError):
    """The bytes end inside a file header: ``needed`` is how many bytes (from the start of
    the file) to read before trying again."""

    def __init__(self, message: str, status: int, needed: int = 0):
        super().__init__(message, status)
        self.needed = needed


class UnsupportedError(Error, ValueError):
    """The combination has no meaning or no published figure (e.g. no quality data)."""


class LlmsizeOverflowError(Error, OverflowError):
    """A byte count would not fit in 64 bits."""


def _names(name_of) -> List[str]:
    """A vocabulary as the library names it: name_of(0), name_of(1), ... up to the first None."""
    out: List[str] = []
    while True:
        n = name_of(len(out))
        if n is None:
            return out
        out.append(n)


# Every status by its name without the prefix ("ERR_PARSE"), as the library lists them.
_S = {n[len("LLMSIZE_"):]: code for code, n in enumerate(_names(_c.llmsize_status_name))}


def _raise(status: int, what: str = "") -> None:
    """Raise the exception for a non-OK C status."""
    if status == _S["OK"]:
        return
    msg = _c.llmsize_strerror(status) + (f": {what}" if what else "")
    if status == _S["ERR_OVERFLOW"]:
        raise LlmsizeOverflowError(msg, status)
    if status == _S["ERR_INVALID_MODEL"]:
        raise InvalidModelError(msg, status)
    if status == _S["ERR_UNSUPPORTED"]:
        raise UnsupportedError(msg, status)
    if status == _S["ERR_PARSE"]:
        raise ParseError(msg, status)
    if status in (_S["ERR_INVALID_ARG"], _S["ERR_NULL"], _S["ERR_CAPACITY"]):
        raise InvalidArgumentError(msg, status)
    raise Error(msg, status)


# tables for llmsize_suggest(): (exception, C table id, status, kind word)
_TABLES = {
    "model": (UnknownModelError, _c.LLMSIZE_TABLE_MODELS, _S["ERR_UNKNOWN_MODEL"]),
    "GPU": (UnknownGPUError, _c.LLMSIZE_TABLE_GPUS, _S["ERR_UNKNOWN_GPU"]),
    "format": (UnknownFormatError, _c.LLMSIZE_TABLE_FORMATS, _S["ERR_UNKNOWN_FORMAT"]),
    "licence": (UnknownLicenseError, _c.LLMSIZE_TABLE_LICENSES, _S["ERR_UNKNOWN_LICENSE"]),
    "engine": (UnknownEngineError, _c.LLMSIZE_TABLE_ENGINES, _S["ERR_UNKNOWN_ENGINE"]),
    "KV dtype": (UnknownKVDtypeError, _c.LLMSIZE_TABLE_KV_DTYPES, _S["ERR_UNKNOWN_KV_DTYPE"]),
}


def _unknown(kind: str, name: str) -> UnknownNameError:
    exc, table, status = _TABLES[kind]
    text = _c.llmsize_close_names(table, str(name)).text
    return exc(kind, str(name), [s for s in text.split("|") if s], status)


def _first(ids: str) -> str:
    return ids.split("|")[0] if ids else ""


# --------------------------------------------------------------------------------------
# Enums (strings are accepted wherever an enum is)
# --------------------------------------------------------------------------------------
def _vocabulary(cls_name: str, doc: str, names: Iterable[str], mixin: type = str) -> Any:
    """A str enum whose members are the library's names (``Task.LONG_CONTEXT == "long-context"``):
    a value added in C is a member here with no Python edit."""
    e = enum.Enum(cls_name, [(n.upper().replace("-", "_"), n) for n in names], type=mixin,  # type: ignore[misc]
                  module=__name__, qualname=cls_name)
    e.__doc__ = doc
    return e


class _EngineName(str):
    @property
    def code(self) -> int:
        return _c.llmsize_engine_named(self.value)  # type: ignore[attr-defined]


class _TaskName(str):
    @property
    def bit(self) -> int:
        return 1 << _names(_c.llmsize_task_name).index(self.value)  # type: ignore[attr-defined]


Engine = _vocabulary("Engine", "Serving engines whose memory rules llmsize models.",
                     _names(_c.llmsize_engine_name), _EngineName)
KVDtype = _vocabulary("KVDtype", "KV-cache element types (llama.cpp's cache types, FP8, NVFP4).",
                      _names(_c.llmsize_kv_dtype_name))
Verdict = _vocabulary("Verdict", "Licence verdicts; UNKNOWN is never a yes.", _names(_c.llmsize_verdict_name))
Metric = _vocabulary("Metric", "What a quality figure measures.", _names(_c.llmsize_metric_name))
Confidence = _vocabulary("Confidence", "How a quality estimate relates to the published figures.",
                         _names(_c.llmsize_confidence_name))
Reject = _vocabulary("Reject", "The first constraint a model failed in :func:`select`.", _names(_c.llmsize_reject_name))
Outcome = _vocabulary("Outcome", "What an engine does with a plan when it starts.", _names(_c.llmsize_outcome_name))
Task = _vocabulary("Task", "Task tags of a model (from its card; vision and long-context derived).",
                   _names(_c.llmsize_task_name), _TaskName)

_VERDICTS = list(Verdict)
_METRICS = list(Metric)
_CONFIDENCES = list(Confidence)
_REJECTS = list(Reject)
_ENGINE_NAMES = [e.value for e in Engine]


def _engine(value: Union[str, Engine, None]) -> int:
    if value is None:
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _c.LLMSIZE_ENGINE_COUNT:
        return value  # already a code
    name = value.value if isinstance(value, Engine) else str(value)
    code = _c.llmsize_engine_named(name)
    if code < 0:
        raise _unknown("engine", name)
    return code


def _engine_release(value: Union[str, Engine, None], version: Optional[str] = None) -> Tuple[int, Any]:
    """The engine code and the release whose rules apply: ``"vllm@0.6"``, or ``"vllm"`` with
    ``version="0.6"``; no version is the engine's current release."""
    if value is None and not version:
        return 0, None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _c.LLMSIZE_ENGINE_COUNT:
        name = _ENGINE_NAMES[value]
    else:
        name = "none" if value is None else (value.value if isinstance(value, Engine) else str(value))
    r = _c.llmsize_engine_release_get(name, "" if version is None else str(version))
    if r.status == _S["ERR_UNKNOWN_ENGINE"]:
        raise _unknown("engine", name.split("@")[0])
    if r.status == _S["ERR_UNKNOWN_VERSION"]:
        raise UnknownEngineVersionError("engine version", name + (f"@{version}" if version else ""),
                                        [f"{e}@{v}" for e, v, _ in engine_releases() if e != "none"], r.status)
    _raise(r.status, f"{name}: give the version once, in the name or as engine_version")
    return int(r.engine), r.release


def engine_releases() -> List[Tuple[str, str, str]]:
    """The engine releases llmsize models, oldest first within each engine: (engine, first
    version with these rules, its date)."""
    out = []
    for i in range(_c.llmsize_engine_release_count()):
        r = _c.llmsize_engine_release_at(i)
        out.append((_ENGINE_NAMES[r.engine], r.version, r.date))
    return out


def _kv(value: Union[str, KVDtype, None]) -> int:
    if value is None:
        return 0
    name = value.value if isinstance(value, KVDtype) else str(value)
    code = _c.llmsize_kv_dtype_named(name)
    if code < 0:
        raise _unknown("KV dtype", name)
    return code


def _select_defaults():
    """The library's recommendation defaults (llmsize_select_request_init)."""
    q = _core.llmsize_select_request()
    _c.llmsize_select_request_init(q)
    return q


def _tasks(value: Union[None, str, Task, Iterable[Union[str, Task]]]) -> int:
    if not value:
        return 0
    items = [value] if isinstance(value, (str, Task)) else list(value)
    bits = 0
    for t in items:
        try:
            bits |= Task(t.value if isinstance(t, Task) else t).bit
        except ValueError:
            raise InvalidArgumentError(f"unknown task {t!r}; one of {', '.join(x.value for x in Task)}",
                                       _S["ERR_INVALID_ARG"]) from None
    return bits


def _countries(value: Union[None, str, Iterable[str]]) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else ",".join(value)


# --------------------------------------------------------------------------------------
# Result dataclasses: frozen, to_dict(), an HTML table in Jupyter
# --------------------------------------------------------------------------------------
class _Record:
    def to_dict(self) -> Dict[str, Any]:
        """The fields as a plain dict (enums as their string values)."""
        out = {}
        for f in fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if isinstance(v, enum.Enum):
                v = v.value
            elif isinstance(v, _Record):
                v = v.to_dict()
            elif isinstance(v, (list, tuple)):
                v = [x.to_dict() if isinstance(x, _Record) else (x.value if isinstance(x, enum.Enum) else x) for x in v]
            out[f.name] = v
        return out

    def _repr_html_(self) -> str:
        import html
        rows = []
        for k, v in self.to_dict().items():
            if isinstance(v, int) and k.endswith("_bytes"):
                v = f"{v:,} ({v / GIB:.2f} GiB)"
            elif isinstance(v, float):
                v = f"{v:.4g}"
            elif isinstance(v, (list, dict)):
                v = f"{len(v)} item(s)"
            rows.append(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>")
        return f"<table><caption>{type(self).__name__}</caption>{''.join(rows)}</table>"


def _copy(cls, obj, **extra):
    """A dataclass from a SWIG struct with the same field names."""
    values = {}
    for f in fields(cls):
        if f.name in extra:
            values[f.name] = extra[f.name]
        else:
            values[f.name] = getattr(obj, f.name)
    return cls(**values)


# The components llmsize sizes separately, in the library's order (llmsize_component_name).
_COMPONENTS = tuple(_c.llmsize_component_name(i) for i in range(_c.LLMSIZE_COMPONENT_COUNT))


def _components(value) -> Dict[str, int]:
    """The by_component figures of an llmsize_params or llmsize_weights as {name: value}."""
    at = _c.llmsize_params_component if isinstance(value, _core.llmsize_params) else _c.llmsize_weights_component
    return {k: int(at(value, i)) for i, k in enumerate(_COMPONENTS)}


class _WeightsBase(_Record):
    @property
    def total_gib(self) -> float:
        return self.total / GIB  # type: ignore[attr-defined]


Params = make_dataclass("Params", [(k, int) for k in _COMPONENTS] + [("text", int), ("total", int), ("active", int)],
                        bases=(_Record,), frozen=True)
Params.__doc__ = ("Parameter counts by component (one field per llmsize component); ``text`` excludes vision "
                  "towers and MTP modules.")
Params.__module__ = __name__

Weights = make_dataclass("Weights", [(k, int) for k in _COMPONENTS] +
                         [("total", int), ("active", int), ("file_bytes", int)], bases=(_WeightsBase,), frozen=True)
Weights.__doc__ = "Weight bytes by component in one format; ``active`` is read per token."
Weights.__module__ = __name__


@dataclass(frozen=True)
class Speed(_Record):
    """Decode tok/s (expected, low, high) per sequence and TTFT / end-to-end seconds."""

    decode_tps: float
    decode_tps_low: float
    decode_tps_high: float
    decode_tps_total: float
    ttft_s: float
    e2e_s: float
    bytes_per_step: int
    compute_bound: float


@dataclass(frozen=True)
class Suggestion(_Record):
    """One change that would make a plan fit (empty fields: none found)."""

    format: Optional[str]
    format_loss_pct: float
    gpus: int
    context: int
    seqs: int


class _FitBase(_Record):
    @property
    def headroom_gib(self) -> float:
        return self.headroom_bytes / GIB  # type: ignore[attr-defined]

    @property
    def total_gib(self) -> float:
        return self.total_bytes / GIB  # type: ignore[attr-defined]

    @property
    def what_happens(self) -> "Outcome":
        """What the engine does: starts, refuses, out_of_memory, or offloads (layers on the CPU)."""
        return Outcome(_names(_c.llmsize_outcome_name)[self.outcome])  # type: ignore[attr-defined]


# llmsize_plan_result's fields, named and typed by the library (LLMSIZE_PLAN_RESULT_FIELDS).
_FIELD_TYPES = {_c.LLMSIZE_FIELD_BOOL: bool, _c.LLMSIZE_FIELD_U32: int, _c.LLMSIZE_FIELD_U64: int,
                _c.LLMSIZE_FIELD_I64: int, _c.LLMSIZE_FIELD_F64: float}
_PLAN_FIELDS = tuple((f.name, _FIELD_TYPES[f.kind]) for f in
                     (_c.llmsize_plan_result_field(i) for i in range(_c.llmsize_plan_result_field_count())))

Fit = make_dataclass("Fit", [("model", str), ("format", str), ("gpu", str), ("engine", str), ("engine_version", str)] +
                     list(_PLAN_FIELDS) +
                     [("suggestion", Optional[Suggestion], field(default=None)),
                      ("ignored_flags", Tuple[str, ...], field(default=()))], bases=(_FitBase,), frozen=True)
Fit.__doc__ = ("A serving plan's verdict and per-accelerator budget: the model, format, GPU, engine and the release whose "
               "rules applied, then every "
               "field of llmsize_plan_result, then what would fit instead (``suggestion``) when it does not fit, and for "
               "plan_from_args the command's flags llmsize does not model (``ignored_flags``, the first few).")
Fit.__module__ = __name__


@dataclass(frozen=True)
class Quality(_Record):
    """Estimated quality loss of a format on a model, with its provenance."""

    format: str
    metric: Metric
    confidence: Confidence
    loss_pct: float
    loss_low_pct: float
    loss_high_pct: float
    kld: float
    reference: str
    benchmark: str
    source: str
    note: str


@dataclass(frozen=True)
class Finding(_Record):
    """One licence reason or obligation, citing its clause."""

    license: str
    verdict: Verdict
    text: str
    clause: str


@dataclass(frozen=True)
class LicenseCheck(_Record):
    """Whether a use is allowed, the obligations that come with it and why."""

    model: str
    verdict: Verdict
    obligations: Tuple[Finding, ...]
    reasons: Tuple[Finding, ...]

    @property
    def allowed(self) -> Optional[bool]:
        """True (also with obligations), False, or None when the terms are unknown."""
        if self.verdict in (Verdict.ALLOWED, Verdict.ALLOWED_WITH_OBLIGATIONS):
            return True
        return False if self.verdict == Verdict.NOT_ALLOWED else None


@dataclass(frozen=True)
class Use(_Record):
    """A use of a model, for licence checks (zero / False = no)."""

    commercial: bool = False
    mau: int = 0
    mau_at_release: int = 0
    revenue_usd: float = 0.0
    eu: bool = False
    multimodal: bool = False
    redistribute: bool = False
    train_on_outputs: bool = False
    offered: bool = False   # the model, or a product or service with it, is made available to others

    @classmethod
    def parse(cls, spec: str) -> "Use":
        """A use from its text form, as flags and annotations write it:
        ``"commercial,offered,eu,multimodal,redistribute,train,mau=1e6,mau_at_release=5e5,revenue=2e7"``
        (revenue in USD per month). Raises ParseError for anything else."""
        r = _c.llmsize_use_parse(spec)
        _raise(r.status, f"use {spec!r}")
        v = r.value
        return cls(commercial=bool(v.commercial), mau=int(v.mau), mau_at_release=int(v.mau_at_release),
                   revenue_usd=float(v.revenue_usd), eu=bool(v.eu), multimodal=bool(v.multimodal),
                   redistribute=bool(v.redistribute), train_on_outputs=bool(v.train_on_outputs), offered=bool(v.offered))

    def _c(self):
        if self.mau < 0 or self.mau_at_release < 0:
            raise InvalidArgumentError("MAU cannot be negative", _S["ERR_INVALID_ARG"])
        return _c.llmsize_use_make(int(self.commercial), int(self.mau), int(self.mau_at_release), float(self.revenue_usd),
                                   int(self.eu), int(self.multimodal), int(self.redistribute), int(self.train_on_outputs),
                                   int(self.offered))


@dataclass(frozen=True)
class Candidate(_Record):
    """A model in :func:`select`'s answer: its format and why it won, or why it was rejected."""

    rank: int
    model: str
    format: Optional[str]
    rejected: Reject
    reason: str
    effective_params_b: float
    score: float
    decode_tps: float
    quality_loss_pct: float
    weight_bytes: int
    headroom_bytes: int
    license_verdict: Verdict


@dataclass(frozen=True)
class Selection(_Record):
    """Candidates best first, then rejected models with the constraint each failed."""

    candidates: Tuple[Candidate, ...]
    rejected: Tuple[Candidate, ...]

    def to_pandas(self):
        """Both lists in one DataFrame (needs pandas)."""
        import pandas as pd  # optional dependency, imported only here
        return pd.DataFrame([c.to_dict() for c in self.candidates + self.rejected])


@dataclass(frozen=True)
class ClaimCheck(_Record):
    """A published footprint / speed claim against what is physically possible."""

    weight_bytes: int
    bytes_ratio: float
    bytes_possible: bool
    fits_gpu: bool
    max_tps: float
    tps_ratio: float
    tps_possible: bool


# --------------------------------------------------------------------------------------
# Table rows
# --------------------------------------------------------------------------------------
class _Row:
    __slots__ = ("_p",)

    def __init__(self, ptr):
        self._p = ptr

    @property
    def id(self) -> str:
        """The canonical id (first of its spellings)."""
        return _first(self._p.id)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, type(self)) and self.id == other.id

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))


class GPU(_Row):
    """An accelerator: a table row (with the memory its name states, ``gpu("M3 Max 36GB")``)
    or one described by its figures (:meth:`describe`)."""

    __slots__ = ("_own", "_memory_from", "_memory_choices")

    def __init__(self, ptr, own=None, memory_from: int = 0, memory_choices: int = 1):
        super().__init__(ptr)
        self._own = own  # keeps a by-value accelerator alive
        self._memory_from = int(memory_from)
        self._memory_choices = int(memory_choices)

    @classmethod
    def describe(cls, memory_gib: float, bandwidth_gbs: float, bf16_tflops: float = 0.0,
                 kind: str = "consumer") -> "GPU":
        """An accelerator the table lacks: memory (GiB), bandwidth (GB/s), optionally dense
        16-bit TFLOPS (0: no TTFT); ``kind`` picks the decode calibration: datacenter,
        consumer, apple, unified or cpu."""
        kinds = tuple(_names(_c.llmsize_hw_class_name))
        if kind not in kinds:
            raise InvalidArgumentError(f"kind must be one of {', '.join(kinds)}", _S["ERR_INVALID_ARG"])
        for k, v in (("memory_gib", memory_gib), ("bandwidth_gbs", bandwidth_gbs), ("bf16_tflops", bf16_tflops)):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise InvalidArgumentError(f"{k} must be a number, got {v!r}", _S["ERR_INVALID_ARG"])
        r = _c.llmsize_describe_gpu_get(float(memory_gib), float(bandwidth_gbs), float(bf16_tflops), kinds.index(kind))
        _raise(r.status, "described accelerator")
        return cls(r.value.gpu, own=r, memory_from=r.value.memory_from, memory_choices=1)

    @property
    def memory_assumed(self) -> bool:
        """True when the name gave no memory size and the part is sold with several: the
        table row's size was used (say so to the user)."""
        return self._memory_from == 0 and self._memory_choices > 1

    @property
    def memory_options(self) -> List[int]:
        """The memory sizes (GB) the part is sold with; [] when one."""
        opts = self._p.memory_options
        return [int(x) for x in opts.split("|")] if opts else []

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GPU) and self.id == other.id and self.mem_bytes == other.mem_bytes

    def __hash__(self) -> int:
        return hash(("GPU", self.id, self.mem_bytes))

    @property
    def name(self) -> str:
        return self._p.name

    @property
    def mem_bytes(self) -> int:
        return int(self._p.mem_bytes)

    @property
    def usable_pct(self) -> int:
        return int(self._p.usable_pct)

    @property
    def bandwidth_gbs(self) -> float:
        return float(self._p.bw_gbs)

    @property
    def bf16_tflops(self) -> float:
        return float(self._p.bf16_tflops)

    @property
    def source(self) -> str:
        return self._p.source


class Format(_Row):
    """A weight format: GGUF file types, GPU formats (FP8, AWQ, NVFP4…), float precisions."""

    @property
    def name(self) -> str:
        return self._p.name

    @property
    def kind(self) -> str:
        return ("float", "gguf", "gpu")[self._p.kind]

    @property
    def source(self) -> str:
        return self._p.source


class License(_Row):
    """A licence's terms as data (see llmsize_license in llmsize.h)."""

    @property
    def name(self) -> str:
        return self._p.name

    @property
    def spdx(self) -> Optional[str]:
        return self._p.spdx

    @property
    def source(self) -> str:
        return self._p.source

    @property
    def confidence(self) -> str:
        return self._p.confidence


def _lookup(kind: str, value, finder, cls):
    if isinstance(value, cls):
        return value
    ptr = finder(str(value))
    if ptr is None:
        raise _unknown(kind, str(value))
    return cls(ptr)


class AmbiguousGPUError(UnknownGPUError):
    """A name several accelerators fit ("M3 Max": 300 or 400 GB/s); ``suggestions`` lists them."""

    def __init__(self, kind: str, name: str, suggestions: Sequence[str], status: int):
        super().__init__(kind, name, suggestions, status)
        hint = f": {', '.join(self.suggestions)}" if self.suggestions else ""
        self.args = (f"{name!r} fits more than one accelerator (name the GPU cores or the memory){hint}",)


def gpu(name: Union[str, GPU]) -> GPU:
    """An accelerator by id, nvidia-smi name, GPU Feature Discovery label, GKE label, or a chip
    with its memory (``"M3 Max 36GB"``). Raises UnknownGPUError / AmbiguousGPUError with
    close names."""
    if isinstance(name, GPU):
        return name
    r = _c.llmsize_resolve_gpu_get(str(name))
    if r.status == _S["ERR_AMBIGUOUS"]:
        text = _c.llmsize_close_names(_c.LLMSIZE_TABLE_GPUS, str(name)).text
        raise AmbiguousGPUError("GPU", str(name), [s for s in text.split("|") if s], r.status)
    if r.status != _S["OK"]:
        raise _unknown("GPU", str(name))
    v = r.value
    if v.memory_from == 0:  # the row as it is: the table's own (static) memory
        return GPU(v.row, memory_from=0, memory_choices=v.memory_choices)
    key = str(name).lower()  # a row with the memory the name states: a copy, kept for the plans that point at it
    if key not in _NAMED_GPUS:
        _NAMED_GPUS[key] = GPU(v.gpu, own=r, memory_from=v.memory_from, memory_choices=v.memory_choices)
    return _NAMED_GPUS[key]


_NAMED_GPUS: Dict[str, GPU] = {}


def format(name: Union[str, Format]) -> Format:  # noqa: A001 - the domain word
    """A weight format by id or alias (``"Q4_K_M"``, ``"fp8"``, ``"awq"``…)."""
    return _lookup("format", name, _c.llmsize_format_named, Format)


def license(name: Union[str, License]) -> License:  # noqa: A001
    """A licence by id or SPDX id."""
    return _lookup("licence", name, _c.llmsize_license_named, License)


class Model(_Row):
    """A model: a table row (:func:`model`) or one described by a config.json. A Model
    looked up by name remembers the name, so its default format is what the name says
    (``model("openai/gpt-oss-120b").fit("h100")`` sizes the MXFP4 checkpoint)."""

    __slots__ = ("_own", "_name")

    def __init__(self, ptr, own=None, name: Optional[str] = None):
        super().__init__(ptr)
        self._own = own  # keeps a by-value model alive
        self._name = name

    def default_format(self, engine: Union[str, Engine, None] = None) -> Optional[str]:
        """The format a deployment on ``engine`` loads when none is named: the one the name
        states, else the checkpoint as released (GGUF Q4_K_M for a 16-bit checkpoint under
        llama.cpp / Ollama). None when the name names a format the table lacks."""
        f = _c.llmsize_default_format(self._name, self._p, _engine(engine))
        return _first(f.id) if f is not None else None

    @property
    def checkpoint_format(self) -> str:
        """The format its makers released the checkpoint in (``bf16`` unless stated)."""
        return _first(_c.llmsize_checkpoint_format(self._p).id)

    @property
    def checkpoint_bytes(self) -> int:
        """The released checkpoint's published byte total (0 = not read)."""
        return int(self._p.checkpoint_bytes)

    @classmethod
    def from_hf_config(cls, config: Union[Mapping[str, Any], str, os.PathLike]) -> "Model":
        """A model not in the table, from its Hugging Face config.json (a dict, JSON text
        or a path). Raises ParseError / InvalidModelError when the config cannot size it."""
        if isinstance(config, Mapping):
            text = json.dumps(config)
        elif isinstance(config, os.PathLike) or (isinstance(config, str) and not config.lstrip().startswith("{")):
            with open(config, "r", encoding="utf-8") as fh:
                text = fh.read()
        else:
            text = str(config)
        res = _c.llmsize_model_from_json(text)
        _raise(res.status, "config.json")
        return cls(res.model, own=res)

    # identity and architecture
    @property
    def name(self) -> str:
        return self._p.name

    @property
    def developer(self) -> str:
        return self._p.developer

    @property
    def country(self) -> str:
        return self._p.country

    @property
    def license_id(self) -> str:
        return self._p.license

    @property
    def hf_repos(self) -> List[str]:
        return [r for r in (self._p.hf_repos or "").split("|") if r]

    @property
    def source(self) -> str:
        return self._p.source

    @property
    def context_window(self) -> int:
        """The model's own maximum context (0 when the table does not know it)."""
        return int(self._p.dims.max_ctx)

    @property
    def tasks(self) -> List[Task]:
        bits = _c.llmsize_model_tasks(self._p)
        return [t for t in Task if bits & t.bit]

    # parameters
    @property
    def params(self) -> Params:
        """Parameter counts by component."""
        r = _c.llmsize_params_get(self._p)
        _raise(r.status, self.id)
        return _copy(Params, r.value, **_components(r.value))

    @property
    def params_total(self) -> int:
        return self.params.total

    @property
    def params_active(self) -> int:
        return self.params.active

    @property
    def published_params(self) -> int:
        return int(self._p.published_params)

    # weights and KV
    def weights(self, fmt: Union[str, Format] = "bf16") -> Weights:
        """Weight bytes by component in a format."""
        f = format(fmt)
        r = _c.llmsize_weights_get(self._p, f._p)
        _raise(r.status, f"{self.id} {f.id}")
        return _copy(Weights, r.value, **_components(r.value))

    def weight_bytes(self, fmt: Union[str, Format] = "bf16") -> int:
        """All weight bytes in a format (exact integer)."""
        return self.weights(fmt).total

    def kv_bytes(self, context: int, seqs: int = 1, kv_dtype: Union[str, KVDtype] = "f16") -> int:
        """KV-cache bytes for ``seqs`` sequences of ``context`` tokens."""
        _check_counts(context=context, seqs=seqs)   # 8192.5 tokens is an error, not 8192
        if context <= 0 or seqs <= 0 or seqs > 0xFFFFFFFF:
            raise InvalidArgumentError("context and seqs must be positive", _S["ERR_INVALID_ARG"])
        r = _c.llmsize_kv_get(self._p, int(context), int(seqs), _kv(kv_dtype))
        _raise(r.status, self.id)
        return int(r.value)

    @property
    def is_encoder(self) -> bool:
        """Encoders (BERT family, Whisper) keep no KV cache across requests; size them with
        :meth:`activation_bytes`."""
        return bool(self._p.flags & _c.LLMSIZE_F_ENCODER)

    def activation_bytes(self, seqs: int, seq: int, *, eager_attention: bool = False) -> int:
        """Peak activation bytes of one forward pass over ``seqs`` inputs of ``seq`` tokens
        (an estimate from the layer shapes; ``eager_attention`` adds the seq x seq scores)."""
        _check_counts(seqs=seqs, seq=seq)
        if seqs <= 0 or seq <= 0:
            raise InvalidArgumentError("seqs and seq must be positive", _S["ERR_INVALID_ARG"])
        r = _c.llmsize_activation_get(self._p, int(seqs), int(seq), 1 if eager_attention else 0)
        _raise(r.status, self.id)
        return int(r.value)

    def gguf_mix(self, fmt: Union[str, Format] = "Q4_K_M") -> Dict[str, Tuple[int, int]]:
        """GGUF file type ``fmt``: ``{ggml type name: (tensors, bytes)}`` as llama.cpp's quantizer
        writes them (compare with a loader's "type q4_K: 193 tensors" lines)."""
        f = format(fmt)
        r = _c.llmsize_gguf_mix_get(self._p, f._p)
        _raise(r.status, f"{self.id} {f.id}")
        out = {}
        for t in range(_c.LLMSIZE_GGML_TYPE_COUNT):
            n = int(_c.llmsize_mix_tensors(r.value, t))
            if n:
                out[_c.llmsize_ggml_type_name(t)] = (n, int(_c.llmsize_mix_bytes(r.value, t)))
        return out

    def speed(self, gpu_name: Union[str, GPU], format: Union[str, Format, None] = None, *, gpus: int = 1,  # noqa: A002
              context: int = 0, seqs: int = 1, prompt: int = 0, gen: int = 0,
              kv_dtype: Union[str, KVDtype] = "f16") -> Speed:
        """Decode tok/s (expected, low, high), TTFT and end-to-end time (``format`` None:
        :meth:`default_format`)."""
        g, f = gpu(gpu_name), globals()["format"](self._format_or_default(format, None))
        _check_counts(gpus=gpus, seqs=seqs, context=context, prompt=prompt, gen=gen)
        r = _c.llmsize_speed_get(self._p, f._p, g._p, int(gpus), _kv(kv_dtype), int(context), int(prompt), int(gen),
                                 int(seqs))
        _raise(r.status, f"{self.id} {f.id} {g.id}")
        return _copy(Speed, r.value)

    def _plan(self, gpu_name, format, engine, gpus, context, seqs, kv_dtype, gpu_util, **kw):  # noqa: A002
        g = gpu(gpu_name)
        e, release = _engine_release(engine, kw.pop("engine_version", None))
        f = globals()["format"](self._format_or_default(format, e))
        _check_counts(gpus=gpus, context=context, seqs=seqs)
        if not (gpu_util == gpu_util) or gpu_util < 0 or gpu_util > 1:
            raise InvalidArgumentError("gpu_util must be in (0, 1]", _S["ERR_INVALID_ARG"])
        flags = int(kw.get("flags", 0))
        if kw.get("flash_attn"):
            flags |= _c.LLMSIZE_PLAN_FLASH_ATTN
        gl = kw.get("gpu_layers")
        if gl is not None:
            flags |= _c.LLMSIZE_PLAN_GPU_LAYERS
        return _c.llmsize_plan_make(self._p, f._p, g._p, e, 0, int(kw.get("pp", 0)), int(kw.get("dp", 0)), int(gpus or 0),
                                    int(context or 0), int(seqs or 0), _kv(kv_dtype), float(gpu_util or 0.0),
                                    int(kw.get("batched_tokens", 0)), int(kw.get("ubatch", 0)), 0,
                                    int(gl or 0), int(kw.get("cpu_moe_layers", 0)), int(kw.get("cpu_moe_first", 0)),
                                    float(kw.get("host_bw_gbs", 0.0)),
                                    flags, int(kw.get("tight_pct", 0)), 0, release, int(kw.get("max_seqs", 0)))

    def _format_or_default(self, fmt, engine):
        if fmt is not None:
            return fmt
        d = self.default_format(engine)
        if d is None:
            raise UnsupportedError(f"{self._name!r} names a format llmsize does not know; pass format=",
                                   _S["ERR_UNSUPPORTED"])
        return d

    def fit(self, gpu: Union[str, GPU], format: Union[str, Format, None] = None, *,  # noqa: A002
            engine: Union[str, Engine, None] = None, gpus: int = 0, context: int = 0, seqs: int = 0,
            kv_dtype: Union[str, KVDtype] = "f16", gpu_util: float = 0.0, **engine_options) -> Fit:
        """Does the model fit, under an engine's rules? The per-GPU budget, the KV pool the
        engine would allocate, and (when it does not fit) the one change that would.
        ``engine`` may carry its version (``"vllm@0.8"``, ``"llama.cpp@b6000"``), or give it
        as ``engine_version=``; the current release otherwise. ``gpus``: the accelerators of the
        deployment (0 = 1), tensor parallel over what pp x dp leaves; llama.cpp and Ollama split
        the layers over them instead (any number; one sequence decodes at one GPU's bandwidth).
        ``engine_options``: engine_version, pp, dp, batched_tokens, max_seqs, ubatch, gpu_layers,
        cpu_moe_layers, host_bw_gbs, flash_attn, tight_pct."""
        return _fit(self._plan(gpu, format, engine, gpus, context, seqs, kv_dtype, gpu_util, **engine_options))

    def max_context(self, gpu: Union[str, GPU], format: Union[str, Format, None] = None, **kw) -> int:  # noqa: A002
        """The longest per-sequence context that fits."""
        p = self._plan(gpu, format, kw.pop("engine", None), kw.pop("gpus", 0), 0, kw.pop("seqs", 0),
                       kw.pop("kv_dtype", "f16"), kw.pop("gpu_util", 0.0), **kw)
        r = _c.llmsize_plan_max_context_get(p)
        _raise(r.status, self.id)
        return int(r.value)

    def min_gpus(self, gpu: Union[str, GPU], format: Union[str, Format, None] = None, max_gpus: int = 64, **kw) -> int:  # noqa: A002
        """The fewest accelerators that fit (tensor-parallel ranks the heads divide by; llama.cpp and
        Ollama split the layers over any number); 0 when none up to max_gpus."""
        p = self._plan(gpu, format, kw.pop("engine", None), 0, kw.pop("context", 0), kw.pop("seqs", 0),
                       kw.pop("kv_dtype", "f16"), kw.pop("gpu_util", 0.0), **kw)
        r = _c.llmsize_plan_min_gpus_get(p, int(max_gpus))
        if r.status == _S["ERR_UNSUPPORTED"]:
            return 0
        _raise(r.status, self.id)
        return int(r.value)

    def quality(self, fmt: Union[str, Format]) -> Quality:
        """Published quantization loss of a format scaled to this model (raises
        UnsupportedError when nothing is published for the format)."""
        f = format(fmt)
        r = _c.llmsize_quality_get(self._p, f._p)
        _raise(r.status, f"no published quality figure for {f.id}")
        q = r.value
        ref = q.ref
        return Quality(format=f.id, metric=_METRICS[q.metric], confidence=_CONFIDENCES[q.confidence],
                       loss_pct=q.loss_pct, loss_low_pct=q.loss_low_pct, loss_high_pct=q.loss_high_pct, kld=q.kld,
                       reference=ref.ref_model if ref else "", benchmark=ref.benchmark if ref else "",
                       source=ref.source if ref else "", note=q.note or "")

    def license_check(self, use: Optional[Use] = None, **kw) -> LicenseCheck:
        """May this use be made of the model? ``use`` or keyword fields of :class:`Use`."""
        u = use if use is not None else Use(**kw)
        cu = u._c()
        r = _c.llmsize_license_get(self._p, cu)
        _raise(r.status, self.id)
        v = r.value

        def finding(f):
            return Finding(license=f.license or "", verdict=_VERDICTS[f.verdict], text=f.text or "", clause=f.clause or "")

        return LicenseCheck(model=self.id, verdict=_VERDICTS[v.verdict],
                            obligations=tuple(finding(_c.llmsize_license_obligation(v, i)) for i in range(v.n_obligations)),
                            reasons=tuple(finding(_c.llmsize_license_reason(v, i)) for i in range(v.n_reasons)))


def _check_counts(**values: int) -> None:
    for k, v in values.items():
        if v is None:
            continue
        if not isinstance(v, int) or v < 0 or v > (1 << 62):
            raise InvalidArgumentError(f"{k} must be a non-negative integer, got {v!r}", _S["ERR_INVALID_ARG"])


def _fit(plan, ignored_flags: Tuple[str, ...] = ()) -> Fit:
    r = _c.llmsize_plan_get(plan)
    if r.status != _S["OK"]:
        why = _c.llmsize_plan_why(plan)   # the field and the rule it broke, when the plan is malformed
        _raise(r.status, _first(plan.model.id) + (f" ({why})" if why else ""))
    v = r.value
    sug = None
    if not v.fits:
        s = _c.llmsize_plan_suggest_get(plan)
        if s.status == _S["OK"]:
            sv = s.value
            sug = Suggestion(format=_first(sv.format.id) if sv.format else None,
                             format_loss_pct=sv.format_quality.loss_pct, gpus=int(sv.gpus), context=int(sv.context),
                             seqs=int(sv.seqs))
    figures = {name: kind(getattr(v, name)) for name, kind in _PLAN_FIELDS}
    release = plan.release or _c.llmsize_engine_release_get(_ENGINE_NAMES[plan.engine], "").release
    return Fit(model=_first(plan.model.id), format=_first(plan.format.id), gpu=_first(plan.gpu.id),
               engine=_ENGINE_NAMES[plan.engine], engine_version=release.version if release else "", suggestion=sug,
               ignored_flags=ignored_flags, **figures)


@dataclass(frozen=True)
class Resolution(_Record):
    """How a name was read: the table model (the architecture sized), the format (None when
    the name names one the table lacks), ``how`` (id, repo, release, quantized, derived,
    ollama, gguf-file), where the format came from (name, checkpoint, release, ollama,
    default) and the table name it matched."""

    model: str
    format: Optional[str]
    how: str
    format_from: str
    matched: str


def _resolved(name: str, engine) -> "Any":
    r = _c.llmsize_resolve_get(str(name), _engine(engine))
    if r.status == _S["ERR_AMBIGUOUS"]:
        text = _c.llmsize_close_names(_c.LLMSIZE_TABLE_MODELS, str(name)).text
        raise AmbiguousModelError(str(name), [s for s in text.split("|") if s], r.status)
    if r.status != _S["OK"]:
        raise _unknown("model", str(name))
    return r


def resolve(name: str, engine: Union[str, Engine, None] = None) -> Resolution:
    """Read a model name as people write it: repo ids of quantized copies and fine-tunes,
    Ollama tags, ``repo:QUANT``, GGUF file names (``engine="ollama"`` reads Ollama's library
    first). Raises UnknownModelError or AmbiguousModelError, with close names."""
    r = _resolved(name, engine)
    return Resolution(model=_first(r.model.id), format=_first(r.format.id) if r.format is not None else None,
                      how=_c.llmsize_how_name(r.how), format_from=_c.llmsize_format_from_name(r.format_from),
                      matched=r.matched)


def model(name: Union[str, Model], engine: Union[str, Engine, None] = None) -> Model:
    """A model by any name :func:`resolve` reads (raises UnknownModelError with close names,
    AmbiguousModelError when it fits several)."""
    if isinstance(name, Model):
        return name
    r = _resolved(name, engine)
    return Model(r.model, name=str(name))


def model_from_hub(repo: str, *, revision: Optional[str] = None, cache_dir: Union[str, os.PathLike, None] = None,
                   local_files_only: bool = False) -> Model:
    """A model by its Hugging Face repo id: the table's row when the table knows the repo as it
    is written (not merely a name that contains one, as a fine-tune's does), else the repo's
    own config.json, read with ``huggingface_hub`` when it is installed (``local_files_only``
    or ``HF_HUB_OFFLINE=1``: from the cache only) or, without it, from the local cache as
    huggingface_hub lays it out (``cache_dir``, else HF_HUB_CACHE, HF_HOME/hub,
    ~/.cache/huggingface/hub). Raises UnknownModelError when neither has it."""
    try:
        r = resolve(repo)
        if r.how != "derived":
            return model(repo)
    except (UnknownModelError, AmbiguousModelError):
        pass
    try:
        from huggingface_hub import hf_hub_download  # optional dependency
    except ImportError:
        hf_hub_download = None
    path = None
    if hf_hub_download is not None:
        try:
            path = hf_hub_download(repo, "config.json", revision=revision, cache_dir=cache_dir,
                                   local_files_only=local_files_only)
        except Exception:  # not in the cache offline, no such repo, no network: said below
            path = None
    if path is None:
        path = _cached_config(repo, revision, cache_dir)
    if path is None:
        raise UnknownModelError("model (neither in the table as written nor in the Hugging Face cache)", repo, [],
                                _S["ERR_UNKNOWN_MODEL"])
    return Model.from_hf_config(path)


def _cached_config(repo: str, revision: Optional[str], cache_dir: Union[str, os.PathLike, None]) -> Optional[str]:
    """config.json of a repo in the Hugging Face cache (models--ORG--NAME/snapshots/REV), or None."""
    if cache_dir is None:
        cache_dir = (os.environ.get("HF_HUB_CACHE") or
                     (os.path.join(os.environ["HF_HOME"], "hub") if os.environ.get("HF_HOME") else None) or
                     os.path.join(os.path.expanduser("~"), ".cache", "huggingface", "hub"))
    base = os.path.join(os.fspath(cache_dir), "models--" + repo.replace("/", "--"))
    rev = revision
    if rev is None:
        try:
            with open(os.path.join(base, "refs", "main"), encoding="utf-8") as fh:
                rev = fh.read().strip()
        except OSError:
            return None
    if not rev or "/" in rev or ".." in rev:
        return None
    cfg = os.path.join(base, "snapshots", rev, "config.json")
    return cfg if os.path.isfile(cfg) else None


def _rows(count, at, cls) -> List:
    return [cls(at(i)) for i in range(count())]


def models() -> List[Model]:
    """Every model in the table."""
    return _rows(_c.llmsize_model_count, _c.llmsize_model_at, Model)


def gpus() -> List[GPU]:
    """Every accelerator in the table."""
    return _rows(_c.llmsize_gpu_count, _c.llmsize_gpu_at, GPU)


def formats() -> List[Format]:
    """Every weight format."""
    return _rows(_c.llmsize_format_count, _c.llmsize_format_at, Format)


def licenses() -> List[License]:
    """Every licence."""
    return _rows(_c.llmsize_license_count, _c.llmsize_license_at, License)


def engines() -> List[Engine]:
    """The serving engines llmsize models."""
    return list(Engine)


# --------------------------------------------------------------------------------------
# Command lines, selection, sweeps, claims
# --------------------------------------------------------------------------------------
def plan_from_args(args: Union[str, Sequence[str]], gpu: Union[str, GPU], *,  # noqa: A002
                   env: Optional[Mapping[str, str]] = None, gpus: int = 0, engine_version: Optional[str] = None) -> Fit:
    """Parse an engine's command line (``"vllm serve MODEL -tp 2"``, split as a POSIX shell
    would, or ``["vllm", "serve", MODEL, "-tp", "2", ...]``; Ollama reads OLLAMA_* from
    ``env``) and fit it on ``gpu`` under the rules of ``engine_version`` (the engine's current
    release when None). ``gpus``: the GPUs the node has; a command whose -tp x -pp x -dp needs
    more raises InvalidArgumentError; llama.cpp and Ollama spread over all of them. Raises
    ParseError naming the flag."""
    if isinstance(args, str):
        try:
            args = shlex.split(args)
        except ValueError as e:  # an unclosed quote
            raise ParseError(f"cannot split the command line: {e}", _S["ERR_PARSE"], "") from None
    sep = "\x1f"
    if any(sep in a or "\x00" in a for a in args) or any(sep in f"{k}={v}" or "\x00" in f"{k}={v}" for k, v in (env or {}).items()):
        # a C string ends at NUL: every argument after it would vanish silently
        raise InvalidArgumentError("arguments may not contain \\x00 or \\x1f", _S["ERR_INVALID_ARG"])
    env_text = sep.join(f"{k}={v}" for k, v in (env or {}).items())
    r = _c.llmsize_parse_args(sep.join(args), env_text)
    if r.status == _S["ERR_PARSE"]:
        raise ParseError(f"cannot parse the value of {r.error_flag}", r.status, r.error_flag)
    if r.status == _S["ERR_UNKNOWN_ENGINE"]:
        raise _unknown("engine", args[0] if args else "")
    _raise(r.status)
    p = r.plan
    if p.model is None:
        raise _unknown("model", r.model_arg)
    if p.format is None:
        raise UnsupportedError("the command line does not say the weight format; name it with the engine's flag",
                               _S["ERR_UNSUPPORTED"])
    g = globals()["gpu"](gpu)
    _check_counts(gpus=gpus)
    _, release = _engine_release(int(p.engine), engine_version)
    need = p.tp * max(p.pp, 1) * max(p.dp, 1)
    if p.tp and gpus and need > gpus:
        raise InvalidArgumentError(f"the command runs on {need} GPUs (tp {p.tp} x pp {max(p.pp, 1)} x dp {max(p.dp, 1)}); "
                                   f"the node has {gpus}", _S["ERR_INVALID_ARG"])
    plan = _c.llmsize_plan_make(p.model, p.format, g._p, p.engine, p.tp, p.pp, p.dp, 0 if p.tp else int(gpus), p.context, p.seqs,
                                p.kv_dtype, p.mem_fraction, p.batched_tokens, p.ubatch, p.block_size, p.gpu_layers,
                                p.cpu_moe_layers, p.cpu_moe_first, p.host_bw_gbs, p.flags, p.tight_pct, 0, release, p.max_seqs)
    return _fit(plan, tuple(r.unknown_names.split()))


def select(gpu: Union[str, GPU], *, gpus: int = 1, engine: Union[str, Engine, None] = None,  # noqa: A002
           seqs: int = 1, context: int = _c.LLMSIZE_DEFAULT_CONTEXT, min_tps: Optional[float] = None,
           max_loss_pct: Optional[float] = None,
           quality_metric: Union[str, Metric] = Metric.NONE, min_format: Union[str, Format, None] = None,
           use: Optional[Use] = None, strict_license: bool = False,
           origin_exclude: Union[None, str, Iterable[str]] = None,
           origin_require: Union[None, str, Iterable[str]] = None,
           tasks: Union[None, str, Task, Iterable[Union[str, Task]]] = None,
           models: Optional[Iterable[Union[str, Model]]] = None) -> Selection:
    """Rank every model in the table for a deployment (the decision framework), or only
    ``models`` (any names :func:`model` reads, or Model objects: the models a user has; one
    listed twice is ranked once). Unless told otherwise it recommends only what a user can
    use, the library's defaults (llmsize_select_request_init): ``min_tps`` reading speed per
    user (about 5.3 tok/s), ``max_loss_pct`` 10 % and ``tasks`` chat. Pass 0 (or
    ``tasks=()``) to drop a floor."""
    g = globals()["gpu"](gpu)
    listed = None
    if models is not None:
        if isinstance(models, (str, Model)):
            models = [models]
        listed = [model(m) for m in models]
        if not listed:
            raise InvalidArgumentError("models: an empty list ranks nothing", _S["ERR_INVALID_ARG"])
    _check_counts(gpus=gpus, seqs=seqs, context=context)
    defaults = _select_defaults()
    min_tps = defaults.min_tps if min_tps is None else min_tps
    max_loss_pct = defaults.max_loss_pct if max_loss_pct is None else max_loss_pct
    task_bits = defaults.tasks if tasks is None else _tasks(tasks)
    if not (min_tps == min_tps) or min_tps < 0 or not (max_loss_pct == max_loss_pct) or max_loss_pct < 0:
        raise InvalidArgumentError("min_tps and max_loss_pct must be non-negative numbers", _S["ERR_INVALID_ARG"])
    metric = _METRICS.index(Metric(quality_metric))
    mf = format(min_format)._p if min_format is not None else None
    cu = use._c() if use is not None else None
    ml = None
    if listed is not None:
        ml = _c.llmsize_model_list_new(len(listed))
        if ml is None:
            raise InvalidArgumentError(f"models: {len(listed)} is more than a list holds", _S["ERR_INVALID_ARG"])
    try:
        for i, m in enumerate(listed or ()):
            _raise(_c.llmsize_model_list_set(ml, i, m._p))
        s = _c.llmsize_select_run(g._p, int(gpus), _engine(engine), int(seqs), int(context), 0, float(min_tps), metric,
                                  float(max_loss_pct), mf, cu, int(strict_license), _countries(origin_exclude),
                                  _countries(origin_require), task_bits, ml)
    finally:
        if ml is not None:
            _c.llmsize_model_list_free(ml)
    if s is None:
        raise MemoryError("llmsize_select_run")
    try:
        _raise(s.status)
        out = []
        for i in range(s.n):
            c = _c.llmsize_selection_at(s, i)
            out.append(Candidate(rank=int(c.rank), model=_first(c.model.id), format=_first(c.format.id) if c.format else None,
                                 rejected=_REJECTS[c.rejected], reason=c.reason or "",
                                 effective_params_b=float(c.effective_params_b), score=float(c.score),
                                 decode_tps=float(c.decode_tps), quality_loss_pct=float(c.quality.loss_pct),
                                 weight_bytes=int(c.fit.weight_bytes), headroom_bytes=int(c.fit.headroom_bytes),
                                 license_verdict=_VERDICTS[c.license_verdict]))
    finally:
        _c.llmsize_selection_free(s)
    return Selection(candidates=tuple(c for c in out if c.rejected == Reject.NONE),
                     rejected=tuple(c for c in out if c.rejected != Reject.NONE))


_SWEEP_ROW = struct.Struct("=iiiiQQQQQQQqQdii")
_SWEEP_COLUMNS = ("model", "format", "gpu", "status", "context", "weight_bytes", "kv_bytes", "activation_bytes",
                  "overhead_bytes", "total_bytes", "usable_bytes", "headroom_bytes", "max_context", "decode_tps", "fits",
                  "tight")


def _sweep_columns(raw: bytes, ms: List[str], fs: List[str], gs: List[str]) -> Dict[str, list]:
    """The C rows as Python lists. With numpy (pandas users have it) each column is decoded
    in one vectorised step; without it, struct unpacks the rows and zip transposes them."""
    try:
        import numpy as np
    except ImportError:
        np = None
    if np is not None:
        dt = np.dtype([(k, c) for k, c in zip(_SWEEP_COLUMNS, ("=i4", "=i4", "=i4", "=i4", "=u8", "=u8", "=u8", "=u8",
                                                                  "=u8", "=u8", "=u8", "=i8", "=u8", "=f8", "=i4", "=i4"))])
        if dt.itemsize == _SWEEP_ROW.size:
            a = np.frombuffer(raw, dtype=dt)
            cols = {k: a[k].tolist() for k in _SWEEP_COLUMNS}
            for k, names in (("model", ms), ("format", fs), ("gpu", gs)):
                cols[k] = np.asarray(names, dtype=object)[a[k]].tolist() if len(a) else []
            cols["fits"] = (a["fits"] != 0).tolist()
            cols["tight"] = (a["tight"] != 0).tolist()
            return cols
    columns = list(zip(*_SWEEP_ROW.iter_unpack(raw))) or [()] * len(_SWEEP_COLUMNS)
    cols = {k: list(v) for k, v in zip(_SWEEP_COLUMNS, columns)}
    for k, names in (("model", ms), ("format", fs), ("gpu", gs)):
        cols[k] = list(map(names.__getitem__, cols[k]))
    cols["fits"] = list(map(bool, cols["fits"]))
    cols["tight"] = list(map(bool, cols["tight"]))
    return cols


@dataclass(frozen=True)
class FileInfo(_Record):
    """A GGUF or safetensors header read exactly (:func:`inspect`): tensor bytes and
    parameters by component, the table model it matches, and that model's prediction."""

    kind: str
    version: int
    tensors: int
    header_bytes: int
    tensor_bytes: int
    params: int
    arch: str
    format: Optional[str]
    matches: Optional[str]
    bytes_by_component: Dict[str, int]
    params_by_component: Dict[str, int]
    other_bytes: int
    predicted_bytes: Optional[int]

    @property
    def prediction_error_pct(self) -> Optional[float]:
        """(predicted / exact - 1) x 100 for the matched model, or None."""
        if self.predicted_bytes is None or not self.tensor_bytes:
            return None
        return 100.0 * (self.predicted_bytes / self.tensor_bytes - 1.0)


def inspect(source: Union[bytes, bytearray, memoryview, str, os.PathLike], max_bytes: int = 1 << 30) -> FileInfo:
    """Read a GGUF or safetensors header exactly, from bytes (a prefix is enough) or a path
    (read progressively: 1 MiB, then what the header says it needs, up to ``max_bytes``).
    Raises TruncatedError (with ``needed``) when bytes end inside the header, ParseError for
    a corrupt header, UnsupportedError for an unknown tensor type or GGUF version."""
    if isinstance(source, (str, os.PathLike)):
        want = 1 << 20
        with open(source, "rb") as fh:
            while True:
                fh.seek(0)
                data = fh.read(want)
                r = _c.llmsize_inspect_bytes(data)
                if r.status != _S["ERR_TRUNCATED"] or len(data) < want or r.value.needed > max_bytes:
                    break
                want = int(r.value.needed)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = source
        r = _c.llmsize_inspect_bytes(data)
    else:
        raise TypeError(f"inspect() takes bytes or a path, not {type(source).__name__}")
    if r.status == _S["ERR_TRUNCATED"]:
        raise TruncatedError(f"{_c.llmsize_strerror(r.status)}: need {r.value.needed} bytes, have {len(data)}",
                             r.status, int(r.value.needed))
    _raise(r.status, "file header")
    v = r.value
    exact = _components(v.bytes)
    params = _components(v.params)
    fmt = v.format.id.split("|")[0] if v.format else None
    match = r.match.id.split("|")[0] if r.match else None
    predicted = None
    if match:
        f = fmt or ("f32" if v.dtype == "F32" else "bf16")
        predicted = model(match).weight_bytes(f)
    return FileInfo(kind="gguf" if v.kind == _c.LLMSIZE_FILE_GGUF else "safetensors", version=int(v.version),
                    tensors=int(v.n_tensors), header_bytes=int(v.header_bytes), tensor_bytes=int(v.bytes.total),
                    params=int(v.params.total), arch=v.arch or "", format=fmt, matches=match,
                    bytes_by_component=exact, params_by_component=params, other_bytes=int(v.other_bytes),
                    predicted_bytes=predicted)


class Sweep(dict):
    """Columns of a sweep: a dict of equal-length lists (``model``, ``format``, ``gpu``,
    ``context``, ``fits``, ``tight``, ``*_bytes``, ``max_context``, ``decode_tps``…)."""

    def __len__(self) -> int:
        return len(self.get("model", ()))

    def to_pandas(self):
        """A pandas DataFrame of the columns (needs pandas; imported only here)."""
        import pandas as pd
        return pd.DataFrame(dict(self))


def sweep(models: Optional[Iterable[Union[str, Model]]] = None, formats: Optional[Iterable[Union[str, Format]]] = None,  # noqa: F811
          gpus: Optional[Iterable[Union[str, GPU]]] = None, contexts: Iterable[int] = (8192,), *,  # noqa: F811
          engine: Union[str, Engine, None] = None, seqs: int = 1, kv_dtype: Union[str, KVDtype] = "f16") -> Sweep:
    """Every model x format x GPU x context, computed in C in one call (None = the whole
    table). Returns columns; ``.to_pandas()`` when pandas is installed."""
    ms = [m if isinstance(m, str) else m.id for m in (models if models is not None else globals()["models"]())]
    fs = [f if isinstance(f, str) else f.id for f in (formats if formats is not None else ["bf16", "fp8", "Q4_K_M"])]
    gs = [g if isinstance(g, str) else g.id for g in (gpus if gpus is not None else [g.id for g in globals()["gpus"]()])]
    cs = [int(c) for c in contexts]
    _check_counts(seqs=seqs, **{f"context{i}": c for i, c in enumerate(cs)})
    for name in ms + fs + gs:
        if "|" in name:
            raise InvalidArgumentError(f"name may not contain '|': {name!r}", _S["ERR_INVALID_ARG"])
    w = _c.llmsize_sweep_run("|".join(ms), "|".join(fs), "|".join(gs), "|".join(str(c) for c in cs), _engine(engine),
                             int(seqs), _kv(kv_dtype))
    if w is None:
        raise MemoryError("llmsize_sweep_run")
    try:
        status = w.status
        if status == _S["ERR_UNKNOWN_MODEL"]:
            raise _unknown("model", w.bad_name)
        if status == _S["ERR_UNKNOWN_FORMAT"]:
            raise _unknown("format", w.bad_name)
        if status == _S["ERR_UNKNOWN_GPU"]:
            raise _unknown("GPU", w.bad_name)
        _raise(status, w.bad_name)
        size = _c.llmsize_sweep_row_size()
        if size != _SWEEP_ROW.size:
            raise Error(f"sweep row layout mismatch ({size} != {_SWEEP_ROW.size})")
        raw = _c.llmsize_sweep_bytes(w)
    finally:
        _c.llmsize_sweep_free(w)
    cols = _sweep_columns(raw, ms, fs, gs)
    return Sweep(cols)


def check_claim(model_name: Union[str, Model], fmt: Union[str, Format], *, gb: float = 0.0,
                gpu_name: Union[str, GPU, None] = None, tps: float = 0.0) -> ClaimCheck:
    """How far a published claim (footprint in GB, decode tok/s on a GPU) is from what is possible."""
    m, f = model(model_name), format(fmt)
    g = gpu(gpu_name)._p if gpu_name is not None else None
    if gb < 0 or tps < 0:
        raise InvalidArgumentError("claims must be non-negative", _S["ERR_INVALID_ARG"])
    r = _c.llmsize_claim_get(m._p, f._p, g, int(gb * 1e9), float(tps))
    _raise(r.status, m.id)
    v = r.value
    return ClaimCheck(weight_bytes=int(v.weight_bytes), bytes_ratio=float(v.bytes_ratio),
                      bytes_possible=bool(v.bytes_possible), fits_gpu=bool(v.fits_gpu), max_tps=float(v.max_tps),
                      tps_ratio=float(v.tps_ratio), tps_possible=bool(v.tps_possible))


from . import plots  # noqa: E402  (plot helpers need the names above)
