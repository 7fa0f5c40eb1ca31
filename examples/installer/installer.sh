#!/usr/bin/env bash
# installer.sh MODEL [CONTEXT] [GPU-NAME]
# Reads the local GPU from nvidia-smi (or takes its name as the third argument), asks
# llmsize which artifact of MODEL that can really be downloaded fits with CONTEXT tokens on
# that GPU — the checkpoint named (or the table's instruct repo), a quantized release,
# vLLM's online FP8, an Ollama tag — best quality first, and prints the commands that would
# download and serve it. Exits 1, with the reason, when nothing fits; 2 on an unknown name.
# All sizing is done by the llmsize CLI (built by `make`).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
llmsize="${LLMSIZE:-$here/llmsize}"
model="${1:?usage: installer.sh MODEL [CONTEXT] [GPU-NAME]}"
ctx="${2:-8192}"
gpu="${3:-}"
if [ -z "$gpu" ]; then
  if command -v nvidia-smi >/dev/null 2>&1; then
    # name,memory.total -> the name; llmsize knows nvidia-smi's spelling
    gpu="$(nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | head -n1 | cut -d, -f1)"
  else
    echo "installer: no nvidia-smi here; pass the GPU name as the third argument" >&2
    exit 2
  fi
fi
show="$("$llmsize" show "$model")" || exit 2   # an unknown or ambiguous name: llmsize lists close ones
id="$("$llmsize" show "$model" --json | sed -n 's/^{"id": "\([^"]*\)".*/\1/p')"

# The repo to serve in BF16: the one named, else the table's instruct (chat) repo, else its first.
if [[ "$model" == */* ]]; then
  repo="$model"
else
  repos="$(printf '%s\n' "$show" | sed -n 's/^  repos     //p' | tr '|' '\n')"
  repo="$(printf '%s\n' "$repos" | grep -i -m1 -e instruct -e chat || printf '%s\n' "$repos" | head -n1)"
fi

fits() {   # fits NAME ENGINE [--quant Q]: does it fit, and with what headroom
  "$llmsize" fit "$1" --gpu "$gpu" --ctx "$ctx" --engine "$2" "${@:3}" --json 2>/dev/null
}
say() {    # say FORMAT ENGINE JSON: the verdict line
  echo "# $id fits on $gpu as $1 under $2 with $ctx tokens of context:"
  echo "#   $(echo "$3" | sed -n 's/.*"total_bytes": \([0-9]*\).*"usable_bytes": \([0-9]*\).*/needs \1 of \2 usable bytes/p')"
}

# 1. vLLM: the checkpoint as named (a BF16 repo, or a quantized one the user chose)
if [ -n "$repo" ] && json="$(fits "$repo" vllm)"; then
  say "$(echo "$json" | sed -n 's/.*"format": "\([^"]*\)".*/\1/p')" vllm "$json"
  echo "huggingface-cli download $repo"
  echo "vllm serve $repo --max-model-len $ctx"
  exit 0
fi
# 2. vLLM: the quantized releases the tables know (FP8, NVFP4, INT4 ...), then online FP8
while read -r release format; do
  [ -n "$release" ] || continue
  if json="$(fits "$release" vllm)"; then
    say "$format" vllm "$json"
    echo "huggingface-cli download $release"
    echo "vllm serve $release --max-model-len $ctx"
    exit 0
  fi
done < <(printf '%s\n' "$show" | sed -n 's/^  release   \([^ ]*\) (\(.*\))$/\1 \2/p' | grep -v -i gguf || true)
if [ -n "$repo" ] && json="$(fits "$repo" vllm --quant fp8)"; then
  say fp8 vllm "$json"
  echo "huggingface-cli download $repo"
  echo "vllm serve $repo --max-model-len $ctx --quantization fp8   # vLLM quantizes the BF16 weights at load"
  exit 0
fi
# 3. GGUF: Ollama's tags from the best quantization down, then GGUF releases for llama-server
for quant in Q8_0 Q6_K Q5_K_M Q4_K_M Q4_0 IQ4_XS Q3_K_M; do
  for tag in $(printf '%s\n' "$show" | sed -n "s/^  ollama    \([^ ]*\) ($quant)$/\1/p"); do
    if json="$(fits "$tag" ollama)"; then
      say "$quant" ollama "$json"
      echo "OLLAMA_CONTEXT_LENGTH=$ctx ollama serve &"
      echo "ollama run $tag"
      exit 0
    fi
  done
done
while read -r release format; do
  [ -n "$release" ] || continue
  if json="$(fits "$release" llamacpp)"; then
    say "$format" llamacpp "$json"
    echo "llama-server -hf $release -c $ctx -ngl 999"
    exit 0
  fi
done < <(printf '%s\n' "$show" | sed -n 's/^  release   \([^ ]*\) (\(.*\))$/\1 \2/p' | grep -i gguf || true)
echo "installer: none of the downloadable artifacts of $id that llmsize knows (its repos, quantized releases," \
  "Ollama tags) fits on $gpu with $ctx tokens; the checkpoint, and what would fit instead:" >&2
"$llmsize" fit "${repo:-$id}" --gpu "$gpu" --ctx "$ctx" --engine vllm >&2 || true
exit 1
