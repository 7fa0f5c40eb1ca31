#!/usr/bin/env python3
"""Checks that can fail, proven: each published-truth table in tests/data is perturbed in turn
(a measured column scaled, an expected name or verdict moved to another row, a count nudged)
and the C suite is run against the perturbed copy. Every perturbation must make it fail; one
that does not is a table the suite cannot see, and this script fails.

Usage: tests/mutate.py BUILD/test_llmsize   (make mutate)"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rows(text):
    return [ln for ln in text.split("\n") if ln and not ln.startswith("#")]


def scale(col, factor):
    def f(text):
        out = []
        for ln in text.split("\n"):
            if ln and not ln.startswith("#"):
                cells = ln.split("\t")
                try:
                    v = float(cells[col])
                    cells[col] = f"{v * factor:.6g}" if "." in cells[col] or factor != int(factor) else str(int(v * factor))
                except (ValueError, IndexError):
                    pass
                ln = "\t".join(cells)
            out.append(ln)
        return "\n".join(out)
    return f


def rotate(col):
    """Every row takes the next row's value in that column: each expectation now belongs to another row."""
    def f(text):
        lines = text.split("\n")
        idx = [i for i, ln in enumerate(lines) if ln and not ln.startswith("#") and len(ln.split("\t")) > col]
        vals = [lines[i].split("\t")[col] for i in idx]
        vals = vals[1:] + vals[:1]
        for i, v in zip(idx, vals):
            cells = lines[i].split("\t")
            cells[col] = v
            lines[i] = "\t".join(cells)
        return "\n".join(lines)
    return f


def bump_counts(col):
    """Each 'type=N' count in the column, one more."""
    def f(text):
        out = []
        for ln in text.split("\n"):
            if ln and not ln.startswith("#"):
                cells = ln.split("\t")
                cells[col] = re.sub(r"=(\d+)", lambda m: "=" + str(int(m.group(1)) + 1), cells[col])
                ln = "\t".join(cells)
            out.append(ln)
        return "\n".join(out)
    return f


def add(col, delta):
    def f(text):
        out = []
        for ln in text.split("\n"):
            if ln and not ln.startswith("#"):
                cells = ln.split("\t")
                if cells[col].isdigit():
                    cells[col] = str(int(cells[col]) + delta)
                ln = "\t".join(cells)
            out.append(ln)
        return "\n".join(out)
    return f


def named_tensors_plus_one(col):
    """Each named tensor's element count in the column (NAME DTYPE COUNT; ...), one more."""
    def f(text):
        out = []
        for ln in text.split("\n"):
            if ln and not ln.startswith("#"):
                cells = ln.split("\t")
                if len(cells) > col and cells[col] != "-":
                    entries = []
                    for e in cells[col].split(";"):
                        parts = e.split()
                        if len(parts) == 3:
                            parts[2] = "(" + parts[2] + ")+1"
                        entries.append(" ".join(parts))
                    cells[col] = "; ".join(entries)
                ln = "\t".join(cells)
            out.append(ln)
        return "\n".join(out)
    return f


def swap_words(col, a, b):
    def f(text):
        out = []
        for ln in text.split("\n"):
            if ln and not ln.startswith("#"):
                cells = ln.split("\t")
                cells[col] = {a: b, b: a}.get(cells[col], cells[col])
                ln = "\t".join(cells)
            out.append(ln)
        return "\n".join(out)
    return f


# table, what is perturbed, how
MUTATIONS = [
    ("commands.tsv", "expected formats moved to other rows", rotate(4)),
    ("speed.tsv", "measured tok/s x1.6", scale(7, 1.6)),
    ("gguf_sizes.tsv", "published sizes x1.1", scale(3, 1.1)),
    ("gguf_types.tsv", "every tensor count +1", bump_counts(2)),
    ("gpu_names.tsv", "expected accelerators moved to other rows", rotate(1)),
    ("kv_logs.tsv", "logged KV MiB x1.1", scale(3, 1.1)),
    ("license_cases.tsv", "expected verdicts moved to other rows", rotate(2)),
    ("llamacpp_logs.tsv", "logged model buffers x1.1", scale(9, 1.1)),
    ("names.tsv", "expected models moved to other rows", rotate(1)),
    ("ollama_blobs.tsv", "blob sizes x1.1", scale(1, 1.1)),
    ("offload.tsv", "measured tok/s x0.6", scale(6, 0.6)),
    ("params.tsv", "published counts +1000", add(1, 1000)),
    ("params.tsv", "named tensors' element counts +1", named_tensors_plus_one(4)),
    ("quality_holdout.tsv", "published losses x3.5", scale(3, 3.5)),
    ("sglang_logs.tsv", "logged KV tokens x1.3", scale(7, 1.3)),
    ("vectors.tsv", "parameter counts +1", add(3, 1)),
    ("vllm_logs.tsv", "logged KV pools x1.3", scale(14, 1.3)),
    ("vllm_starts.tsv", "logged available KV x1.3", scale(6, 1.3)),
    ("what_fits_where.tsv", "fits and does-not-fit swapped", swap_words(4, "fits", "no")),
]


def main():
    test = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "test_llmsize")
    data = os.path.join(ROOT, "tests", "data")
    base = subprocess.run([test, data], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if base.returncode:
        sys.exit("mutate: the suite fails before any perturbation")
    blind = []
    for name, what, fn in MUTATIONS:
        work = tempfile.mkdtemp(prefix="mutate-")
        try:
            shutil.copytree(data, os.path.join(work, "data"))
            path = os.path.join(work, "data", name)
            text = open(path, encoding="utf-8").read()
            mutated = fn(text)
            if mutated == text:
                blind.append(f"{name}: the perturbation changed nothing ({what})")
                continue
            open(path, "w", encoding="utf-8").write(mutated)
            r = subprocess.run([test, os.path.join(work, "data")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            fails = len([ln for ln in r.stdout.split("\n") if ln.startswith("FAIL")])
            if r.returncode == 0:
                blind.append(f"{name}: {what}: the suite still passes")
            print(f"mutate: {name:22s} {what:45s} -> {fails} failed checks" + ("" if r.returncode else "  (NOT SEEN)"))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if blind:
        sys.exit("mutate: tables the suite cannot see:\n  " + "\n  ".join(blind))
    print(f"mutate: every one of {len(MUTATIONS)} perturbations of the {len({m[0] for m in MUTATIONS})} published-truth tables fails the suite")


if __name__ == "__main__":
    main()
