"""Python per-call overhead and sweep time (a benchmark, not a test: prints numbers only)."""
import statistics
import time

import llmsize
from llmsize import core as c


def per_call(fn, n=20000, repeats=7):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - t) / n * 1e9)
    return statistics.median(times), min(times), max(times)


m = llmsize.model("llama-3.1-8b")
mp, fp, ap = m._p, llmsize.format("Q4_K_M")._p, llmsize.gpu("h100")._p
plan = c.llmsize_plan_make(mp, fp, ap, 0, 0, 0, 0, 8192, 1, 0, 0.0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, None, 0)

plan_bf16 = c.llmsize_plan_make(mp, llmsize.format("bf16")._p, ap, 1, 0, 0, 0, 8192, 1, 0, 0.0, 0, 0, 0, 0, 0, 0.0, 0, 0, 0, None, 0)
rows = [
    ("SWIG call: llmsize_plan_get (vLLM, bf16)", lambda: c.llmsize_plan_get(plan_bf16)),
    ("Model.fit(engine='vllm', format='bf16')", lambda: m.fit("h100", format="bf16", engine="vllm", context=8192)),
    ("SWIG call: llmsize_plan_get (fit, engine none)", lambda: c.llmsize_plan_get(plan)),
    ("SWIG call: llmsize_params_get", lambda: c.llmsize_params_get(mp)),
    ("Model.fit(...) -> Fit dataclass", lambda: m.fit("h100", format="Q4_K_M", context=8192)),
    ("Model.weight_bytes('Q4_K_M')", lambda: m.weight_bytes("Q4_K_M")),
    ("llmsize.model('llama-3.1-8b') lookup", lambda: llmsize.model("llama-3.1-8b")),
]
print(f"{'call':50s} {'median ns':>10s} {'min':>8s} {'max':>8s}")
for name, fn in rows:
    med, lo, hi = per_call(fn, n=5000 if "fit(" in name else 20000)
    print(f"{name:50s} {med:10.0f} {lo:8.0f} {hi:8.0f}")

n_models, n_gpus = len(llmsize.models()), len(llmsize.gpus())
fmts = [f.id for f in llmsize.formats()]
t = time.perf_counter()
s = llmsize.sweep(formats=fmts, contexts=[4096, 8192, 32768, 131072])
dt = time.perf_counter() - t
print(f"sweep: {len(s)} plans ({n_models} models x {len(fmts)} formats x {n_gpus} GPUs x 4 contexts) in {dt:.3f} s "
      f"({dt / len(s) * 1e9:.0f} ns per plan, columns included)")
