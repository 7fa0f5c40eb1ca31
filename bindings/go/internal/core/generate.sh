#!/bin/sh
# Regenerates this package from bindings/llmsize.i with SWIG 4.1.0 (the version is pinned:
# `make check-bindings` regenerates into a scratch folder and compares byte for byte).
#   usage: generate.sh [OUTDIR]     (default: this folder)
# Two steps beyond SWIG itself:
#  - SWIG's Go runtime keeps a C pointer in a uintptr and converts it back, which `go vet`
#    flags; the sed below keeps the pointer as unsafe.Pointer instead (same behaviour).
#  - the two headers are copied next to the wrapper so `go get` builds without the repo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
out=${1:-$here}
mkdir -p "$out"
cd "$root"
swig -go -cgo -intgosize 64 -I. -o "$out/llmsize_wrap.c" -outdir "$out" bindings/llmsize.i
sed -i \
  -e 's/^type swig_gostring struct { p uintptr; n int }$/type swig_gostring struct { p unsafe.Pointer; n int }/' \
  -e 's/^  r := string((\*\[0x7fffffff\]byte)(unsafe.Pointer(p.p))\[:p.n\])$/  r := string(unsafe.Slice((*byte)(p.p), p.n))/' \
  -e 's/^  Swig_free(p.p)$/  Swig_free(uintptr(p.p))/' \
  "$out/core.go"
cp llmsize.h llmsize_data.h "$out/"
