#!/usr/bin/env bash
# llmsize detect and fit without --gpu, against recorded outputs of nvidia-smi, rocm-smi and
# Apple's sysctl (tests/data/detect, each with its source): stand-ins for the tools print them.
set -u
cli="$(cd "$(dirname "${1:-./llmsize}")" && pwd)/$(basename "${1:-./llmsize}")"
data="$(cd "$(dirname "$0")/data/detect" && pwd)"
fail=0
bin="$(mktemp -d)"; trap 'rm -rf "$bin"' EXIT
tools() {   # tools CSV XML ROCM BRAND MEMSIZE: stand-ins for this case ('-' = the tool is absent)
  rm -f "$bin"/*
  if [ "$1" != - ] || [ "$2" != - ]; then
    cat > "$bin/nvidia-smi" <<SH
#!/bin/sh
case "\$1" in
  -q) [ "$2" = - ] && exit 9; exec cat "$data/$2" ;;
  *) [ "$1" = - ] && exit 9; exec cat "$data/$1" ;;
esac
SH
  fi
  if [ "$3" != - ]; then printf '#!/bin/sh\nexec cat "%s"\n' "$data/$3" > "$bin/rocm-smi"; fi
  if [ "$4" != - ]; then
    printf '#!/bin/sh\ncase "$2" in machdep.cpu.brand_string) exec cat "%s" ;; hw.memsize) echo %s; exit 0 ;; esac\nexit 1\n' \
      "$data/$4" "$5" > "$bin/sysctl"
  fi
  chmod +x "$bin"/* 2>/dev/null
}
case_() {   # case_ WHAT WANT-RC TEXT command...
  local what="$1" want="$2" text="$3" out rc; shift 3
  out="$(PATH="$bin:/usr/bin:/bin" "$@" 2>&1)"; rc=$?
  if [ "$rc" != "$want" ] || ! printf '%s\n' "$out" | grep -qF -- "$text"; then
    echo "FAIL detect: $what: exit $rc (want $want), \"$text\" not in:"; printf '%s\n' "$out" | head -5; fail=1
  fi
}
tools nvidia-smi-csv_8xA100-SXM4-80GB.txt - - - -
case_ "8 x A100 (CSV with header and units)" 0 "8 x NVIDIA A100-SXM4-80GB, 80.0 GiB (nvidia-smi): llmsize's a100-sxm-80gb" "$cli" detect
case_ "fit without --gpu uses it" 0 "(this machine: 8 x NVIDIA A100-SXM4-80GB, from nvidia-smi; sized on llmsize's a100-sxm-80gb" \
  "$cli" fit llama-3.1-8b --ctx 8192
case_ "--json" 0 '"gpu": "a100-sxm-80gb"' "$cli" detect --json
tools nvidia-smi-csv_4xH200.txt - - - -
case_ "4 x H200 (an index column)" 0 "4 x NVIDIA H200, 140.4 GiB (nvidia-smi): llmsize's h200" "$cli" detect
tools nvidia-smi-csv_2xQuadroRTX6000.txt - - - -
case_ "a card the table lacks is said to be, with its memory" 1 "2 x Quadro RTX 6000, 24.0 GiB (nvidia-smi): not in llmsize's table" "$cli" detect
case_ "and fit says what to do" 2 "describe it with --gpu-mem 24 --gpu-bw GBS" "$cli" fit llama-3.1-8b
tools - nvidia-smi-q-x_T4.xml - - -
case_ "nvidia-smi's XML when its CSV query fails" 0 "1 x Tesla T4, 15.0 GiB (nvidia-smi -q -x): llmsize's t4" "$cli" detect
tools - nvidia-smi-q-x_A100-MIG.xml - - -
case_ "MIG: the GPU's memory, not its slices'" 0 "1 x NVIDIA A100-SXM4-80GB, 80.0 GiB (nvidia-smi -q -x): llmsize's a100-sxm-80gb" "$cli" detect
tools - - rocm-smi_RX7900XT.json - -
case_ "rocm-smi, ROCm 6.1+ keys" 0 "1 x Radeon RX 7900 XT, 20.0 GiB (rocm-smi): llmsize's rx-7900-xt" "$cli" detect
tools - - rocm-smi_4xMI100.json - -
case_ "rocm-smi, ROCm 6.0 keys" 1 "4 x Arcturus GL-XL [Instinct MI100], 32.0 GiB (rocm-smi): not in llmsize's table" "$cli" detect
tools - - - sysctl-brand_M3.txt 25769803776
case_ "Apple silicon from sysctl" 0 "1 x Apple M3, 24.0 GiB shared with the CPU (sysctl): llmsize's m3-24gb" "$cli" detect
tools - - - - -
case_ "nothing found" 1 "no accelerator found" "$cli" detect
[ $fail = 0 ] && echo "detect: every recorded tool output read as published"
exit $fail
