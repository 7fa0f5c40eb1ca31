#!/bin/sh
# The compiler matrix (make matrix):
#  1. the library compiles with -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror under
#     gcc and clang as C99/C11/C17/C2x and C++11/14/17/20, each at -O0, -O2 and -O3;
#  2. its answers do not change with the compiler, the optimisation level, tcc, or a 32-bit
#     build: tests/gen_vectors.c --exact (every byte count, tok/s as a hex float) must be
#     identical everywhere, and the whole C test suite must pass and print the same in 32 bits.
# A compiler or multilib that is missing is reported as skipped (.ci/run installs them).
set -u
# the C test sources, as the Makefile lists them (make matrix passes TEST_SRC)
TEST_SRC=${TEST_SRC:-"tests/test_llmsize.c tests/test_choose.c tests/test_plans.c tests/test_hardening.c tests/test_coverage_paths.c tests/test_names.c tests/tu_second.c tests/test_index.c tests/gen_vectors.c"}
cd "$(dirname "$0")/.."
out=build/matrix
mkdir -p "$out"
STRICT="-Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"
CC=${CC:-cc}
CXX=${CXX:-c++}
cells=0
fail=0
skipped=""
have() { command -v "$1" >/dev/null 2>&1; }

ccs="$CC"; have clang && ccs="$ccs clang"
cxxs="$CXX"; have clang++ && cxxs="$cxxs clang++"
# MATRIX_QUICK=1 (make check): each compiler once, as C99 and C++17 at -O2, and the answers of clang
# against the reference; tcc and the 32-bit builds are left to make test.
stds="c99 c11 c17 c2x"; cxxstds="c++11 c++14 c++17 c++20"; opts="-O0 -O2 -O3"
if [ -n "${MATRIX_QUICK:-}" ]; then stds="c99"; cxxstds="c++17"; opts="-O2"; fi
for c in $ccs; do for s in $stds; do for o in $opts; do
    if $c -std=$s $o $STRICT -I. -c llmsize.c -o "$out/m.o"; then cells=$((cells + 1)); else echo "FAIL $c -std=$s $o"; fail=1; fi
done; done; done
for c in $cxxs; do for s in $cxxstds; do for o in $opts; do
    if $c -std=$s $o $STRICT -I. -x c++ -c llmsize.c -o "$out/m.o"; then cells=$((cells + 1)); else echo "FAIL $c -std=$s $o"; fail=1; fi
done; done; done
echo "matrix: $cells compile cells warning-free ($ccs / $cxxs; C99-C2x, C++11-20; -O0/-O2/-O3; $STRICT)"

# Same answers everywhere: the reference is the default compiler at -O2.
vectors() { # $1 = name, rest = compiler and flags
    name=$1; shift
    if "$@" -std=c99 -I. tests/gen_vectors.c llmsize.c -o "$out/gv_$name" 2>"$out/gv_$name.err"; then
        "$out/gv_$name" --exact > "$out/vectors_$name.tsv"
    else
        echo "FAIL build: $*"; cat "$out/gv_$name.err"; fail=1; return 1
    fi
}
vectors ref "$CC" -O2 || exit 1
same=0
check() { # $1 = name, rest = compiler and flags
    name=$1
    vectors "$@" || return
    if cmp -s "$out/vectors_ref.tsv" "$out/vectors_$name.tsv"; then same=$((same + 1))
    else echo "FAIL: $name gives different answers:"; diff "$out/vectors_ref.tsv" "$out/vectors_$name.tsv" | head -4; fail=1; fi
}
if [ -n "${MATRIX_QUICK:-}" ]; then
    if have clang; then check clang-O2 clang -O2; fi
    echo "matrix (quick): $cells compile cells warning-free; $same other build gives the reference's answers"
    exit $fail
fi
check gcc-O0 "$CC" -O0
check gcc-O3 "$CC" -O3
if have clang; then check clang-O0 clang -O0; check clang-O2 clang -O2; check clang-O3 clang -O3; else skipped="$skipped clang"; fi
if have tcc; then check tcc tcc; else skipped="$skipped tcc"; fi
if echo 'int main(void){return 0;}' | "$CC" -m32 -x c - -o "$out/m32probe" 2>/dev/null; then
    check m32-sse "$CC" -m32 -msse2 -mfpmath=sse -O2
    # The i386 default (x87 registers with 80-bit excess precision) may move a tok/s figure
    # by an ulp; byte counts are integers and must not move at all. Compare at the shared
    # vectors' printed precision, then run the whole C test suite in 32 bits.
    if "$CC" -m32 -std=c99 -O2 -I. tests/gen_vectors.c llmsize.c -o "$out/gv_m32" && "$out/gv_m32" > "$out/vectors_m32.tsv" &&
       cmp -s "$out/vectors_m32.tsv" tests/data/vectors.tsv; then same=$((same + 1))
    else echo "FAIL: -m32 (x87) vectors differ from tests/data/vectors.tsv"; fail=1; fi
    if "$CC" -m32 -std=c99 -O2 -Wall -Wextra -Wpedantic -Werror -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN \
         $TEST_SRC llmsize.c -lm \
         -o "$out/test_m32" && "$out/test_m32" tests/data > "$out/test_m32.out" 2>&1; then
        "$CC" -std=c99 -O2 -I. -Itests -DLLMSIZE_VECTORS_NO_MAIN $TEST_SRC llmsize.c -lm -o "$out/test_64" &&
        "$out/test_64" tests/data > "$out/test_64.out" 2>&1
        if cmp -s "$out/test_m32.out" "$out/test_64.out"; then
            echo "32-bit: the C test suite passes and prints the same as 64-bit ($(tail -1 "$out/test_m32.out"))"
        else echo "FAIL: 32-bit test output differs"; diff "$out/test_64.out" "$out/test_m32.out" | head; fail=1; fi
    else echo "FAIL: 32-bit test suite"; tail -5 "$out/test_m32.out" 2>/dev/null; fail=1; fi
else
    skipped="$skipped m32(gcc-multilib)"
fi
echo "matrix: $same builds give the reference's answers bit for bit (gcc/clang -O0..-O3, tcc, -m32 SSE2; -m32 x87 at printed precision)"
[ -n "$skipped" ] && echo "matrix: SKIPPED (not installed):$skipped"
exit $fail
