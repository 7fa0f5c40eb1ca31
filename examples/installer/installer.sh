#!/usr/bin/env bash
# installer.sh MODEL [CONTEXT] [GPU-NAME]
# Reads the local GPU from nvidia-smi (or takes its name as the third argument), asks
# llmsize for the best format of MODEL that fits with CONTEXT tokens on that GPU, and prints
# the commands that would download and serve it. Exits non-zero, with the reason, when
# nothing fits. All sizing is done by the llmsize CLI (built by `make`).
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
# Formats from best quality to smallest, per engine: vLLM checkpoints, then GGUF for llama.cpp.
for choice in "vllm bf16" "vllm fp8" "vllm awq" "llamacpp Q8_0" "llamacpp Q6_K" "llamacpp Q5_K_M" "llamacpp Q4_K_M" \
              "llamacpp IQ4_XS" "llamacpp Q3_K_M"; do
  set -- $choice
  engine="$1" quant="$2"
  if json="$("$llmsize" fit "$model" --gpu "$gpu" --quant "$quant" --ctx "$ctx" --engine "$engine" --json 2>/dev/null)"; then
    repo="$("$llmsize" show "$model" --json | sed -n 's/.*"hf_repos": "\([^"|]*\).*/\1/p')"
    echo "# $model fits on $gpu as $quant under $engine with $ctx tokens of context:"
    echo "#   $(echo "$json" | sed -n 's/.*"total_bytes": \([0-9]*\).*"usable_bytes": \([0-9]*\).*/needs \1 of \2 usable bytes/p')"
    if [ "$engine" = vllm ]; then
      q=""; [ "$quant" != bf16 ] && q=" --quantization $quant"
      echo "huggingface-cli download $repo"
      echo "vllm serve $repo --max-model-len $ctx$q"
    else
      echo "huggingface-cli download <a GGUF repo of $repo> --include '*$quant*.gguf'"
      echo "llama-server -m <file>-$quant.gguf -c $ctx -ngl 999"
    fi
    exit 0
  fi
done
echo "installer: $model does not fit on $gpu with $ctx tokens in any format tried:" >&2
"$llmsize" fit "$model" --gpu "$gpu" --quant Q3_K_M --ctx "$ctx" --engine llamacpp >&2 || true
exit 1
