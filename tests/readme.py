#!/usr/bin/env python3
"""Run README.md's code blocks as written and check the output they show.

Every block runs, in order, in a fresh directory W that holds the clone as W/llmsize (a
link to this repository) and a fresh HOME, as a reader who cloned it beside their own work
would run them:

  ```sh       each line in one bash -e script, in W (or the directive's cwd)
  ```console  `$ command` lines in one bash script; the other lines are the output it must print
              (a line `...` stands for any lines)
  ```pycon    a doctest (ELLIPSIS, NORMALIZE_WHITESPACE), run by W/.venv/bin/python
  ```c ```go  saved as the file the directive names, for the blocks after it

A block that cannot run here says why in a directive on the line before it:

  <!-- readme-test: skip: REASON -->            not run
  <!-- readme-test: file: PATH -->              saved as W/PATH
  <!-- readme-test: cwd: DIR -->                run in W/DIR
  <!-- readme-test: skip-line: TEXT: REASON --> that line of the block not run
  <!-- readme-test: matches: PATH -->           the block is the file PATH of the repository, wrapped
                                                (compared once a test has written it)

Usage: tests/readme.py [README.md]  (exit 1 on the first block that fails)
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r"^```(\w*)\s*$")
DIRECTIVE = re.compile(r"^<!-- readme-test: (skip|file|cwd|skip-line|matches): (.*) -->\s*$")


def blocks(path):
    """(line number, language, text, directives) for each fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        directives, j = [], i - 1
        while j >= 0 and DIRECTIVE.match(lines[j]):
            d = DIRECTIVE.match(lines[j])
            directives.insert(0, (d.group(1), d.group(2)))
            j -= 1
        start, i = i + 1, i + 1
        while i < len(lines) and lines[i] != "```":
            i += 1
        out.append((start, m.group(1), "\n".join(lines[start:i]) + "\n", directives))
        i += 1
    return out


def matches(expected, actual):
    """Line by line after trailing whitespace; `...` matches any run of lines."""
    exp = [ln.rstrip() for ln in expected.rstrip("\n").split("\n")]
    act = [ln.rstrip() for ln in actual.rstrip("\n").split("\n")] if actual.strip() else []

    def walk(e, a):
        if e == len(exp):
            return a == len(act)
        if exp[e] == "...":
            return any(walk(e + 1, k) for k in range(a, len(act) + 1))
        return a < len(act) and exp[e] == act[a] and walk(e + 1, a + 1)

    return walk(0, 0)


def run(script, cwd, env):
    r = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=cwd, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode, r.stdout


def main():
    readme = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "README.md")
    w = tempfile.mkdtemp(prefix="readme-")
    os.symlink(ROOT, os.path.join(w, "llmsize"))
    home = os.path.join(w, "home")
    os.makedirs(home)
    env = dict(os.environ, HOME=home, PATH=os.path.join(home, ".local", "bin") + os.pathsep + os.environ["PATH"])
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    ran = skipped = 0
    for line, lang, text, directives in blocks(readme):
        d = dict(directives)
        where = f"README.md:{line} ({lang or 'text'})"
        if "skip" in d:
            print(f"readme: {where}: skipped: {d['skip']}")
            skipped += 1
            continue
        cwd = os.path.join(w, d.get("cwd", "."))
        if "file" in d:
            path = os.path.join(w, d["file"])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w", encoding="utf-8").write(text)
            continue
        if "matches" in d:
            ref = os.path.join(ROOT, d["matches"])
            if not os.path.exists(ref):
                print(f"readme: {where}: {d['matches']} not made yet, not compared")
                continue
            if " ".join(text.split()) != " ".join(open(ref, encoding="utf-8").read().split()):  # the README wraps it
                sys.exit(f"readme: {where}: differs from {d['matches']}:\n{open(ref).read()}")
            ran += 1
            print(f"readme: {where}: ok, as {d['matches']}")
            continue
        if lang == "sh":
            keep = []
            for ln in text.split("\n"):
                reason = next((v.split(": ", 1)[-1] for k, v in directives if k == "skip-line" and
                               ln.strip().startswith(v.split(": ", 1)[0])), None)
                if reason:
                    print(f"readme: {where}: not run: {ln.strip()!r}: {reason}")
                else:
                    keep.append(ln)
            rc, out = run("\n".join(keep), cwd, env)
            if rc:
                sys.exit(f"readme: {where}: exit {rc}\n{out[-4000:]}")
        elif lang == "console":
            script, expected = [], []
            for ln in text.rstrip("\n").split("\n"):
                (script.append(ln[2:]) if ln.startswith("$ ") else expected.append(ln))
            rc, out = run("\n".join(script), cwd, env)
            if rc or not matches("\n".join(expected), out):
                sys.exit(f"readme: {where}: exit {rc}; expected:\n" + "\n".join(expected) + f"\n--- got:\n{out[-4000:]}")
        elif lang == "pycon":
            py = os.path.join(w, ".venv", "bin", "python")
            doc = os.path.join(w, f"readme-{line}.txt")
            open(doc, "w", encoding="utf-8").write(text)
            rc, out = run(f"{py} -m doctest -o ELLIPSIS -o NORMALIZE_WHITESPACE {doc}", cwd, env)
            if rc:
                sys.exit(f"readme: {where}: doctest failed\n{out[-6000:]}")
        else:
            sys.exit(f"readme: {where}: a ```{lang} block with no directive: say how it runs, or why it cannot")
        ran += 1
        print(f"readme: {where}: ok")
    print(f"readme: {ran} blocks ran as written and showed what README.md shows; {skipped} skipped, each with its reason")


if __name__ == "__main__":
    main()
