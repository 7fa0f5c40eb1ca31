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
    for i in range(len(ms)):  # the number in every cell: GiB free, or short with a minus sign
        for j in range(len(gpus)):
            v = grid[i, j]
            ax.text(j, i, f"{v:+.1f}", ha="center", va="center", fontsize=8,
                    color="black" if abs(v) < 0.6 * lim else "white")
    ax.set_xlabel("accelerator")
    ax.set_ylabel("model")
    ax.set_title(f"Headroom per GPU (GiB) at {fmt}, {context} tokens x {seqs} sequence{'s' if seqs != 1 else ''}"
                 + (f", {engine}" if engine else ""))
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
    for metric, marker, label in (("ppl", "o", "GGUF: perplexity increase"), ("accuracy", "s", "GPU formats: accuracy lost (BF16: the reference)")):
        sel = [p for p in pts if (p[3] == "ppl") == (metric == "ppl")]
        if sel:
            ax.scatter([p[0] for p in sel], [p[1] for p in sel], marker=marker, s=18, color="0.55", label=label)
    if front:
        ax.step([p[0] for p in front], [p[1] for p in front], where="post", color="k", linewidth=1, label="Pareto front")
    ax.set_yscale("symlog", linthresh=0.1)
    ax.set_xlabel("weights (GiB)")
    ax.set_ylabel("estimated quality loss (%)")
    ax.set_title(f"{m.id}: weight size vs quality, by format")
    ax.legend(loc="upper right", fontsize=8)
    names = {(size, loss): name for size, loss, name, _ in pts}
    _label_without_overlap(ax, [(size, loss, names[(size, loss)]) for size, loss in front])
    return ax


def _label_without_overlap(ax, points):
    """Name each point, trying a few offsets around it and keeping the first whose text box
    overlaps no label placed before it nor the legend; a name no offset can place is left out
    (the point stays)."""
    ax.figure.canvas.draw()  # settles the axis limits and the legend, which are computed at draw time
    renderer = ax.figure.canvas.get_renderer()
    taken = []
    legend = ax.get_legend()
    if legend is not None:
        taken.append(legend.get_window_extent(renderer))
    offsets = [(4, 4), (4, -11), (-4, 4), (-4, -11), (4, 14), (-4, 14), (4, -21), (-4, -21)]
    for x, y, name in points:
        for dx, dy in offsets:
            t = ax.annotate(name, (x, y), xytext=(dx, dy), textcoords="offset points", fontsize=8,
                            ha="left" if dx > 0 else "right")
            box = t.get_window_extent(renderer)
            if not any(box.overlaps(b) for b in taken):
                taken.append(box)
                break
            t.remove()
