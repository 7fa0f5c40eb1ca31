#!/usr/bin/env bash
# CLI contracts: exit codes scripts rely on, and JSON keys the issue promises.
set -u
cli="${1:-./llmsize}"
fail=0
expect() {   # expect CODE command...
  local want="$1"; shift
  "$@" >/dev/null 2>&1; local got=$?
  if [ "$got" != "$want" ]; then echo "FAIL cli: exit $got (want $want): $*"; fail=1; fi
}
has() {      # has KEY command...  (JSON output contains "KEY")
  local key="$1"; shift
  if ! "$@" 2>/dev/null | grep -q "\"$key\""; then echo "FAIL cli: no \"$key\" in: $*"; fail=1; fi
}
expect 0 "$cli" fit llama-3.1-8b --gpu h100 --quant fp8 --engine vllm --ctx 8192
expect 1 "$cli" fit llama-3.1-405b --gpu rtx-4090 --quant Q4_K_M --engine llamacpp
expect 2 "$cli" fit llama-3.1-8b --gpu h1000
expect 2 "$cli" fit llama-3.1-8b --gpu h100 --gpu-util 1.5
expect 0 "$cli" license qwen2.5-7b --commercial --mau 2000000000
expect 0 "$cli" license llama-3.1-8b --commercial
expect 1 "$cli" license llama-3.1-8b --commercial --mau 800000000
expect 3 "$cli" license falcon-180b --train-on-outputs
expect 1 "$cli" license llama-4-scout --commercial --eu     # a multimodal model: the EU clause applies without --multimodal
expect 0 "$cli" license llama-3.2-3b --commercial --eu      # text-only: it does not
expect 1 "$cli" check llama-4-scout --quant awq --gb 11.2
expect 0 "$cli" plan --gpu h100 -- vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 8192
expect 2 "$cli" plan --gpu h100 -- vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 8x
# sized as released: gpt-oss-120b "fits into a single 80GB GPU (like NVIDIA H100 or AMD MI300X)" (openai/gpt-oss
# README); DeepSeek-R1 in its FP8 release on one 8 x H200 node (vLLM's DeepSeek-R1 recipe); the 671B Ollama tag
# does not fit a 24 GB card, the 8B distill its bare tag serves does; a tag Ollama lacks is refused, not guessed
expect 0 "$cli" plan --gpu h100-sxm -- vllm serve openai/gpt-oss-120b
expect 0 "$cli" plan --gpu h200 --gpus 8 -- vllm serve deepseek-ai/DeepSeek-R1 -tp 8
expect 1 "$cli" plan --gpu rtx-4090 -- ollama run deepseek-r1:671b
expect 0 "$cli" plan --gpu rtx-4090 -- ollama run deepseek-r1
expect 2 "$cli" plan --gpu rtx-4090 -- ollama run llama3.2:7b
expect 0 "$cli" plan --gpu rtx-4090 -- llama-server -hf bartowski/Meta-Llama-3.1-8B-Instruct-GGUF:Q4_K_M
# engine versions: the rules of the release named; an unknown one is an error with the list
expect 0 "$cli" engines
has engine_version "$cli" fit llama-3.1-8b --gpu h100 --engine vllm@0.8 --json
has outcome "$cli" plan --gpu h100 --json -- vllm serve meta-llama/Llama-3.1-8B-Instruct
expect 2 "$cli" fit llama-3.1-8b --gpu h100 --engine vllm@0.3
expect 2 "$cli" fit llama-3.1-8b --gpu h100 --engine vllm@banana
expect 2 "$cli" plan --gpu h100 --engine-version 0.3 -- vllm serve meta-llama/Llama-3.1-8B-Instruct
expect 2 "$cli" plan --gpu h100 --engine sglang -- vllm serve meta-llama/Llama-3.1-8B-Instruct
# a command line's -tp must fit the node; without -tp vLLM runs on one GPU of eight
expect 1 "$cli" plan --gpu h100 --gpus 1 -- vllm serve meta-llama/Llama-3.1-70B-Instruct -tp 2
expect 0 "$cli" plan --gpu h100 --gpus 8 -- vllm serve meta-llama/Llama-3.1-8B-Instruct --max-model-len 8192
# Ollama runs what does not fit on the CPU: exit 1 (not all on the GPU), and the plan says so
if ! "$cli" plan --gpu rtx-4090 -- ollama run llama3.3:70b 2>/dev/null | grep -q "layers on the GPU, the rest on the CPU"; then
  echo "FAIL cli: Ollama 70B on a 4090 does not say it runs partly on the CPU"; fail=1
fi
expect 2 "$cli" fit llama-3.1-8b --gpu "M3 Max"
expect 0 "$cli" fit llama-3.1-8b --gpu "M3 Max 36GB" --engine llamacpp
expect 0 "$cli" fit llama-3.1-8b --gpu-mem 8 --gpu-bw 448 --engine llamacpp --ctx 8192
expect 2 "$cli" fit llama-3.1-8b --gpu-mem 8
expect 2 "$cli" fit llama-3.1-8b --gpu h100 --gpu-mem 8 --gpu-bw 448
expect 2 "$cli" fit mergekit/Llama-3.1-8B-Qwen2.5-7B-slerp --gpu h100
expect 0 "$cli" fit --config tests/data/hf_configs/qwen3-8b.json --gpu l4 --engine vllm --ctx 8192
expect 1 "$cli" fit --config tests/data/hf_configs/deepseek-v3.json --gpu l4 --engine vllm --ctx 8192
expect 2 "$cli" show --config tests/data/no-such-config.json
expect 2 "$cli" show --config README.md
# --config gives the table row's own numbers (Qwen3-8B's verbatim config.json)
a=$("$cli" weights --config tests/data/hf_configs/qwen3-8b.json --quant Q4_K_M --json 2>/dev/null | grep -o '"weight_bytes": *[1-9][0-9]*')
b=$("$cli" weights qwen3-8b --quant Q4_K_M --json 2>/dev/null | grep -o '"weight_bytes": *[1-9][0-9]*')
if [ -z "$a" ] || [ "$a" != "$b" ]; then
  echo "FAIL cli: --config and the table row disagree on Qwen3-8B Q4_K_M weights ('$a' vs '$b')"; fail=1; fi
expect 0 "$cli" pick --gpu h100 --seqs 4 --ctx 8192 --engine vllm --task code
expect 0 "$cli" fit llama-3.1-8b --gpu h100 --users 4 --ctx 8192 --engine vllm   # the old spelling of --seqs
for k in fits tight weight_bytes kv_bytes activation_bytes overhead_bytes total_bytes usable_bytes headroom_bytes \
         max_context max_seqs seqs decode_tps kv_capacity_tokens max_concurrency; do
  has "$k" "$cli" fit llama-3.1-70b --gpu h100 --gpus 2 --quant fp8 --engine vllm --ctx 32768 --json
done
for k in allowed obligations reasons; do has "$k" "$cli" license llama-3.3-70b --commercial --json; done
for k in candidates rejected; do has "$k" "$cli" pick --gpu dgx-spark --seqs 10 --json; done
has loss_pct "$cli" quality llama-3.1-8b --json
# the names the C, Python and Go tests resolve (tests/data/names.tsv), through `show --json`
# (the CLI reads Ollama tags as Ollama does when given --engine ollama)
n=0; bad=0
while IFS='	' read -r name want_model want_format kind src; do
  case "$name" in '#'*|'') continue;; esac
  eng=""; [ "$kind" = ollama ] && eng="--engine ollama"
  out=$("$cli" show "$name" $eng --json 2>/dev/null); rc=$?
  n=$((n + 1))
  if [ "$want_model" = "-" ]; then
    [ $rc = 2 ] || { echo "FAIL cli: '$name' must not resolve"; bad=$((bad + 1)); }
  elif [ $rc = 0 ]; then
    got_model=$(printf '%s' "$out" | sed -n 's/^{"id": "\([^"]*\)".*/\1/p')
    got_format=$(printf '%s' "$out" | sed -n 's/.*"resolved_format": "\([^"]*\)".*/\1/p')
    [ -z "$got_format" ] && got_format="-"
    if [ "$got_model" != "$want_model" ] || [ "$got_format" != "$want_format" ]; then
      echo "FAIL cli: '$name' read as $got_model $got_format, want $want_model $want_format"; bad=$((bad + 1)); fi
  fi
done < tests/data/names.tsv
[ $n -ge 400 ] && [ $bad = 0 ] || { echo "FAIL cli: names ($n read, $bad wrong)"; fail=1; }
# one defaults policy (issue "The first hour"): without an engine a stated context, not the model's
# 128K window (Llama-3.1-8B in BF16 fits a 24 GB card at 8192 tokens); the output says what it
# assumed; a command line's flags llmsize does not model are named
says() {     # says TEXT command...  (human output contains TEXT)
  local text="$1"; shift
  if ! "$@" 2>/dev/null | grep -qF -- "$text"; then echo "FAIL cli: \"$text\" not in: $*"; fail=1; fi
}
expect 0 "$cli" fit llama-3.1-8b --gpu rtx-4090
says "defaults applied: format bf16 (as released), context 8192 tokens (llmsize's default without an engine), 1 sequence" \
  "$cli" fit llama-3.1-8b --gpu rtx-4090
says "context 131072 tokens (vLLM " "$cli" fit llama-3.1-8b --gpu h100 --engine vllm
if "$cli" fit llama-3.1-8b --gpu rtx-4090 --quant Q4_K_M --ctx 4096 --seqs 2 | grep -q "defaults applied"; then
  echo "FAIL cli: defaults reported where every value was given"; fail=1
fi
says "(not modelled, ignored: --served-model-name --api-key)" "$cli" plan --gpu h100 -- vllm serve Qwen/Qwen3-8B \
  --served-model-name qwen --api-key=abc --max-model-len 8192
if "$cli" show --config tests/data/hf_configs/qwen3-8b.json | grep -qE "developer +\[\]|released ,|licence $"; then
  echo "FAIL cli: show --config prints fields a config.json does not have"; fail=1
fi
# hostile numbers are refused, never wrapped or ignored (issue "Hardening, round two")
expect 2 "$cli" plan --gpu h100 --gpus 4294967297 -- vllm serve Qwen/Qwen3-8B
expect 2 "$cli" check llama-3.1-8b --quant Q4_K_M --bytes " -5"
expect 2 "$cli" check llama-3.1-8b --quant Q4_K_M --gb 1e-300
expect 2 "$cli" models extra
expect 2 "$cli" fit llama-3.1-8b --gpu h100 --seqs 4294967297
# pick recommends what a user can use: floors stated, each can be dropped with 0
says "floors: 5.3 tok/s per user (reading speed; --min-tps), quality loss <= 10.0 % (--max-ppl-delta), tasks chat (--task)" \
  "$cli" pick --gpu dgx-spark --seqs 10
says "rejected (--explain lists each with its reason):" "$cli" pick --gpu dgx-spark --seqs 10
says "decodes fast enough" "$cli" pick --gpu dgx-spark --seqs 10 --explain
expect 0 "$cli" pick --gpu dgx-spark --seqs 10 --min-tps 0 --max-ppl-delta 0
expect 2 "$cli" pick --gpu dgx-spark --min-tps -1
# pick --models: the models a user has (`ollama list`), each ranked with the verdict it has among every model;
# a name that resolves to nothing is refused with close names, an empty list is refused
says "1. qwen3-8b" "$cli" pick --gpu rtx-4090 --engine ollama --max-ppl-delta 1 --models llama3.3:70b,qwen3:8b,qwen3:8b
says "llama-3.3-70b                    no format that fits meets the quality floor" \
  "$cli" pick --gpu rtx-4090 --engine ollama --max-ppl-delta 1 --models llama3.3:70b,qwen3:8b --explain
expect 2 "$cli" pick --gpu rtx-4090 --models qwen3:8b,no-such-model-xyz
expect 2 "$cli" pick --gpu rtx-4090 --models ,
# a model downloaded into the Hugging Face cache, or a checkpoint directory, is sized from its
# config.json when the table does not know it (the cache as huggingface_hub lays it out)
hf="$(mktemp -d)"; trap 'rm -rf "$hf"' EXIT
snap="$hf/models--acme--qwen3-8b-sft/snapshots/0123456789abcdef"
mkdir -p "$snap" "$hf/models--acme--qwen3-8b-sft/refs"
printf 0123456789abcdef > "$hf/models--acme--qwen3-8b-sft/refs/main"
cp tests/data/hf_configs/qwen3-8b.json "$snap/config.json"
says "(sized from $snap/config.json, in the Hugging Face cache)" env HF_HUB_CACHE="$hf" "$cli" fit acme/qwen3-8b-sft --gpu l4 --ctx 8192
expect 0 env HF_HUB_CACHE="$hf" "$cli" fit acme/qwen3-8b-sft --gpu l4 --ctx 8192
expect 2 env HF_HUB_CACHE="$hf" "$cli" fit acme/not-downloaded --gpu l4
says "(sized from $snap/config.json)" "$cli" kv "$snap" --ctx 8192
# partial offload: llama.cpp keeps experts on the CPU, so decode needs the host memory's bandwidth
# (ikawrakow's RTX 4080 + Ryzen 7950X, "64 GB/s theoretical", tests/data/offload.tsv)
off="llama-server -hf unsloth/Qwen3-30B-A3B-GGUF:IQ4_XS -ngl 99 --n-cpu-moe 14 -c 4096 -np 1"
says "decode: give the host memory's bandwidth, --host-bw GBS" "$cli" plan --gpu rtx-4080 -- $off
says "decode ~" "$cli" plan --gpu rtx-4080 --host-bw 64 -- $off
expect 2 "$cli" plan --gpu rtx-4080 --host-bw 0 -- $off
expect 2 "$cli" plan --gpu rtx-4080 --host-bw nan -- $off
if [ $fail = 0 ]; then echo "cli: all contracts hold"; fi
exit $fail
