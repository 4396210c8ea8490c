#!/usr/bin/env bash
# The TUI's real-terminal test drives calx inside tmux; install it only when missing.
set -euo pipefail
if ! command -v tmux >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux
fi
tmux -V
