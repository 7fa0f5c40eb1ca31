"""Plot helpers (matplotlib is optional and imported only when a helper is called). Each
takes ``ax=None`` (a new figure) and returns the Axes. They only draw what the library
computed."""
from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union

import llmsize


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # optional dependency
    _, ax = plt.subplots(figsize=(9, 6))
    return ax


def what_fits_where(models: Optional[Sequence[str]] = None, gpus: Sequence[str] = ("h100-sxm", "h200", "dgx-spark", "rtx-4090"),
                    fmt: str = "Q4_K_M", context: int = 8192, seqs: int = 1, engine: Optional[str] = None, ax=None):
    """A heatmap of headroom (GiB) per model x GPU: green fits, red does not."""
    import numpy as np  # comes with matplotlib
    ms = list(models) if models is not None else [m.id for m in llmsize.models()]
    sw = llmsize.sweep(models=ms, formats=[fmt], gpus=list(gpus), contexts=[context], seqs=seqs, engine=engine)
    grid = np.zeros((len(ms), len(gpus)))
    for m, g, h in zip(sw["model"], sw["gpu"], sw["headroom_bytes"]):
        grid[ms.index(m), list(gpus).index(g)] = h / llmsize.GIB
    ax = _axes(ax)
    lim = max(1.0, float(np.abs(grid).max()))
    im = ax.imshow(grid, cmap="RdYlGn", vmin=-lim, vmax=lim, aspect="auto")
    ax.set_xticks(range(len(gpus)), labels=list(gpus), rotation=30, ha="right")
    ax.set_yticks(range(len(ms)), labels=ms)
    ax.set_title(f"Headroom (GiB) at {fmt}, {context} tokens x {seqs}")
    ax.figure.colorbar(im, ax=ax, label="GiB free (negative: short)")
    return ax


def tps_vs_context(model: Union[str, "llmsize.Model"], gpu: str, fmt: str = "Q4_K_M",
                   contexts: Iterable[int] = (1024, 4096, 8192, 16384, 32768, 65536, 131072), seqs: int = 1, ax=None):
    """Decode tok/s (expected with the low-high band) as the context grows."""
    m = llmsize.model(model)
    cs = [c for c in contexts if c <= max(m.context_window, 1)] or list(contexts)
    speeds = [m.speed(gpu, fmt, context=c, seqs=seqs) for c in cs]
    ax = _axes(ax)
    ax.plot(cs, [s.decode_tps for s in speeds], marker="o", label=f"{m.id} {fmt} on {gpu}")
    ax.fill_between(cs, [s.decode_tps_low for s in speeds], [s.decode_tps_high for s in speeds], alpha=0.2)
    ax.set_xscale("log", base=2)
    ax.set_xlabel("context (tokens)")
    ax.set_ylabel("decode tok/s per sequence")
    ax.legend()
    return ax


def quality_pareto(model: Union[str, "llmsize.Model"], formats: Optional[Sequence[str]] = None, ax=None):
    """Weight size against estimated quality loss per format; the Pareto front is drawn."""
    m = llmsize.model(model)
    pts = []
    for f in formats if formats is not None else [f.id for f in llmsize.formats()]:
        try:
            q = m.quality(f)
        except llmsize.UnsupportedError:
            continue
        pts.append((m.weight_bytes(f) / llmsize.GIB, q.loss_pct, f, q.metric.value))
    pts.sort()
    front, best = [], float("inf")
    for size, loss, name, _ in pts:
        if loss < best:
            front.append((size, loss))
            best = loss
    ax = _axes(ax)
    for size, loss, name, metric in pts:
        ax.scatter(size, loss, marker="o" if metric == "ppl" else "s")
        ax.annotate(name, (size, loss), fontsize=7)
    if front:
        ax.step([p[0] for p in front], [p[1] for p in front], where="post", color="k", linewidth=1)
    ax.set_yscale("symlog", linthresh=0.1)
    ax.set_xlabel("weights (GiB)")
    ax.set_ylabel("estimated loss (%: PPL for GGUF, accuracy for GPU formats)")
    ax.set_title(f"{m.id}: size vs quality")
    return ax
