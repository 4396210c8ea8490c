#!/usr/bin/env bash
# System pieces for the Python sandbox (issue 4): bubblewrap for OS isolation and libseccomp for the
# syscall deny-list (pyseccomp from PyPI loads it). Idempotent; apt-get update only when something is missing.
set -euo pipefail
need=()
command -v bwrap >/dev/null 2>&1 || need+=(bubblewrap)
ldconfig -p 2>/dev/null | grep -q 'libseccomp\.so\.2' || need+=(libseccomp2)
if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "20-sandbox: missing ${need[*]} and not root; the sandbox will report those layers as missing" >&2
        exit 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
bwrap --version
