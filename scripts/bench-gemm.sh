#!/usr/bin/env bash
# Times dlfs's gemm on one shape and prints, as its last line, `gemm f32 1024x1024x1024: <x> GFLOPS`.
#
#   scripts/bench-gemm.sh M N K [f32|f64] [NN|TN|NT|TT]
#   scripts/bench-gemm.sh 1024 1024 1024 f32
#   QUICK=1 scripts/bench-gemm.sh 100 50 784
#
# Builds nn-bench (with nn-tensor) when its jar is missing or older than a source file, then runs the plain timing
# loop dev.dlfs.bench.GemmRunner: warm-up, then the median of several timed trials.
#
# Environment:
#   QUICK=1        shorter warm-up and trials (a rough figure in a few seconds)
#   DLFS_THREADS   threads for gemm (default: all processors)
#   DLFS_JAVA_OPTS extra JVM options, word-split (e.g. -XX:UseAVX=2: 256-bit vectors on an AVX-512 machine)
#   DLFS_BUILD     Maven build folder name inside each module (default: target)
#   JAVA_HOME      a JDK to prefer when it is version 25 or newer
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/gemm-bench-common.sh
. "$ROOT/scripts/gemm-bench-common.sh"

if [ $# -lt 3 ]; then
  echo "usage: $0 M N K [f32|f64] [NN|TN|NT|TT]" >&2
  exit 2
fi
M="$1" N="$2" K="$3" DT="${4:-f32}" OP="${5:-NN}"
case "$DT" in f32|f64) ;; *) echo "bench-gemm: dtype must be f32 or f64, got '$DT'" >&2; exit 2 ;; esac

# Which CPU the figure comes from (stderr: the last line of stdout stays the result).
PY="$(command -v /usr/bin/python3 python3 | head -n 1 || true)"
[ -z "$PY" ] || "$PY" "$ROOT/scripts/bench/peer_check.py" --cpu-only >&2 || true
JAVA="$(find_java)"
ensure_bench_jar
if [ "${QUICK:-0}" = 1 ]; then TIMING=(--warmup 1 --trials 3 --min-time 0.1); else TIMING=(--warmup 2 --trials 7 --min-time 0.3); fi
LINE="$(run_gemm_runner "${TIMING[@]}" --dtype "$DT" "${M}x${N}x${K}:${OP}" | tee -a /dev/stderr | grep '^gemm ' | tail -n 1)"
GF="$(echo "$LINE" | sed -n 's/^gemm [a-z0-9]* [0-9x]*: \([0-9.]*\) GFLOPS.*/\1/p')"
[ -n "$GF" ] || { echo "bench-gemm: the runner printed no result" >&2; exit 1; }
echo "gemm $DT ${M}x${N}x${K}: $GF GFLOPS"
