"""Predicted vs measured, log-log, one PNG per category (make accuracy). Reads the CSV files
tools/accuracy.c wrote; draws nothing it did not compute."""
import csv
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TITLES = {
    "params": "Parameters (published exact count)",
    "gguf": "GGUF file / tensor size (bytes)",
    "decode": "Decode tok/s, batch 1",
    "kv": "llama.cpp KV buffer, f16 (bytes)",
    "vllm_weights": "vLLM weights loaded (bytes)",
    "vllm_kv": "vLLM KV capacity (tokens) from the logged pool",
}
MARKERS = {"llmsize": "o", "llmfit": "s", "gollama": "^", "gpu_poor": "v", "KAITO": "D", "accelerate": "x"}


def main(csv_dir: str, out_dir: str) -> None:
    src, out = pathlib.Path(csv_dir), pathlib.Path(out_dir)
    for key, title in TITLES.items():
        files = sorted(src.glob(f"{key}__*.csv"))
        if not files:
            continue
        fig, ax = plt.subplots(figsize=(5.2, 5.0), dpi=110)
        lo, hi = float("inf"), 0.0
        for f in files:
            tool = f.stem.split("__", 1)[1]
            rows = list(csv.DictReader(f.open()))
            x = [float(r["measured"]) for r in rows]
            y = [float(r["predicted"]) for r in rows]
            lo, hi = min(lo, *x, *y), max(hi, *x, *y)
            ax.scatter(x, y, s=18, marker=MARKERS.get(tool, "."), alpha=0.75, label=f"{tool} (n={len(rows)})",
                       zorder=3 if tool == "llmsize" else 2)
        ax.plot([lo, hi], [lo, hi], color="grey", linewidth=0.8, linestyle="--", label="predicted = measured")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("measured (published)")
        ax.set_ylabel("predicted")
        ax.set_title(title, fontsize=10)
        ax.legend(fontsize=7)
        ax.grid(True, which="both", linewidth=0.3)
        fig.tight_layout()
        fig.savefig(out / f"accuracy-{key}.png")
        plt.close(fig)
        print(f"docs/accuracy-{key}.png")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
