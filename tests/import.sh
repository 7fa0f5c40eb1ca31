#!/bin/sh
# tools/import.c on the verbatim config.json files in tests/data/hf_configs must print the
# architecture lines of the table's own rows (dims, attention, MLA, linear attention, MoE,
# extras) and the flags, so a row made on release day is the row a person would write.
set -u
imp=${1:-build/import}
fail=0; n=0
for cfg in tests/data/hf_configs/*.json; do
    id=$(basename "$cfg" .json)
    extra=""
    # Qwen3-Next's config.json does not declare the MTP module its checkpoint ships
    # (mtp.* tensors in the per-tensor table its row cites): say so as a person would.
    [ "$id" = qwen3-next-80b-a3b-instruct ] && extra="--mtp 1"
    # the table row: from its id line to its checkpoint line; the architecture lines (dims,
    # attention and MLA, linear attention, MoE, extras and encoder) and the flags
    row=$(awk -v id="    { F_(id, \"$id\")," 'index($0, id) == 1 {on=1} on {print} on && /LLMSIZE_CHECKPOINT_BF16|F_\(checkpoint_format/ {exit}' llmsize_data.h)
    arch='^ +F_\((dims|attn|linear|moe|extra),'
    want=$(printf '%s\n' "$row" | grep -E "$arch" | sed 's/ *$//')
    got=$("$imp" "$cfg" $extra 2>/dev/null | grep -E "$arch" | sed 's/ *$//')
    # Qwen2.5-7B's row takes its context from Qwen/Qwen2.5-7B-Instruct's config.json (32768), the
    # model its names resolve to and what vLLM serves by default; this fixture is the base model's
    # config.json, which says 131072 (every other line must still match it)
    [ "$id" = qwen2.5-7b ] && got=$(printf '%s\n' "$got" | sed 's/F_(max_ctx, 131072)/F_(max_ctx, 32768)/')
    wflags=$(printf '%s\n' "$row" | grep 'F_(modalities' | sed 's/.*F_(flags, *//; s/).*//' | tr '|' '\n' | sed 's/ //g' | sort | tr '\n' '|')
    gflags=$("$imp" "$cfg" 2>/dev/null | grep 'F_(modalities' | sed 's/.*F_(flags, *//; s/).*//' | tr '|' '\n' | sed 's/ //g' | sort | tr '\n' '|')
    n=$((n + 1))
    if [ -z "$want" ]; then echo "import: no table row for $id"; fail=1; continue; fi
    if [ "$want" != "$got" ] || [ "$wflags" != "$gflags" ]; then
        echo "import: $id differs from its table row"; echo "--- table"; echo "$want"; echo "flags $wflags"
        echo "--- import"; echo "$got"; echo "flags $gflags"; fail=1
    fi
done
[ $fail = 0 ] && echo "import: $n config.json files reproduce their table rows (architecture lines and flags)"
exit $fail
