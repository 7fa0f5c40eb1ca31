#!/usr/bin/env bash
# examples/installer: prints only artifacts that exist (the repo named, the table's instruct
# repo, quantized releases, Ollama tags) and exits 1 when none fits.
set -u
inst=examples/installer/installer.sh
fail=0
check() {   # check "what" WANT-RC PATTERN args...
  local what="$1" want="$2" pat="$3"; shift 3
  local out rc
  out="$("$inst" "$@" 2>&1)"; rc=$?
  if [ "$rc" != "$want" ] || ! printf '%s\n' "$out" | grep -qE -- "$pat" || printf '%s\n' "$out" | grep -q '<'; then
    echo "FAIL installer: $what: exit $rc (want $want), /$pat/ in:"; printf '%s\n' "$out" | head -12; fail=1
  fi
}
gpu="NVIDIA GeForce RTX 4090"
# asked for the instruct model: that repo, not the base one the table lists first
check "instruct repo" 0 "^vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 8192$" meta-llama/Llama-3.1-8B-Instruct 8192 "$gpu"
check "a table id serves its instruct repo" 0 "^huggingface-cli download meta-llama/Llama-3.1-8B-Instruct$" llama-3.1-8b 8192 "$gpu"
# 32B on 24 GB: no BF16 or FP8 checkpoint fits; Ollama's Q4_K_M tag does (a real tag, not a placeholder)
check "a real Ollama tag" 0 "^ollama run qwen3:32b$" qwen3-32b 8192 "$gpu"
check "the checkpoint as released (MXFP4)" 0 "^vllm serve openai/gpt-oss-20b --max-model-len 8192$" gpt-oss-20b 8192 "$gpu"
check "nothing fits" 1 "what would fit instead" llama-3.1-405b 131072 "NVIDIA GeForce RTX 4060"
check "unknown model" 2 "unknown model" llama-3.1-9b 8192 "$gpu"
[ $fail = 0 ] && echo "installer: every case prints what exists"
exit $fail
