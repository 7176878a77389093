#!/usr/bin/env bash
# Times dlfs against the PyTorch peers on the book's workloads, in one session, alternating peer and dlfs runs, and
# prints each run, the median whole-process wall time (JVM or interpreter start, imports and data loading included)
# and each side's spread (slowest / fastest run). dlfs runs through its command line, `./dlfs train`, as users run it.
#
#   MNIST_DIR=/path/to/mnist bash scripts/bench-training.sh [RUNS] [WORKLOAD...]
#
# RUNS defaults to 3. Workloads (all by default):
#   two-layer       the book's ch05 run: `./dlfs train examples/two-layer-net.yaml` (TwoLayerNet, 10000 iterations
#                   of batch 100, 17 per-epoch full evaluations)
#   simple-convnet  one epoch (600 iterations) of the ch07 SimpleConvNet, then the full test set
#                   (`./dlfs train` of examples/simple-convnet.yaml with `eval: none`, `--epochs 1`)
#   deep-convnet    ch08 DeepConvNet inference on the 10000 test images (random He weights: timing only)
# Environment:
#   MNIST_DIR   folder with the four MNIST IDX files (required; the peers have no default; dlfs finds its own copy,
#               e.g. the one scripts/fetch-mnist.sh installs)
#   PEERS       the peer scripts (default ../shared/bench/peers, seen from the repository root)
#   JAVA        a JDK 25+ java (default: $JAVA_HOME/bin/java, else the newest JDK 25+ under /usr/lib/jvm)
#   DLFS_JAVA_OPTS  extra JVM options for the dlfs runs
# The peers run with the settings their README gives as their fastest: OPENBLAS_CORETYPE unset and, for PyTorch,
# OPENBLAS_NUM_THREADS=1. Before building or timing anything, scripts/bench/peer_check.py runs in that same
# environment: it prints the CPU (model, AVX-512 or not) and the OpenBLAS (version, kernels) behind NumPy and PyTorch,
# and stops with the fix if their matrix products do not run on OpenBLAS (a reference BLAS is never timed).
# Run on an otherwise idle machine; timings of 2-core VMs vary by about 25% between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

RUNS="${1:-3}"
shift || true
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(two-layer simple-convnet deep-convnet)
PEERS="${PEERS:-$ROOT/../shared/bench/peers}"
: "${MNIST_DIR:?set MNIST_DIR to the folder holding the four MNIST IDX files}"

java_bin() {
  if [ -n "${JAVA:-}" ]; then echo "$JAVA"; return; fi
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  local home v best="" best_v=0
  for home in /usr/lib/jvm/*; do
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n 1)"
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  [ -n "$best" ] || { echo "no JDK 25+ found: set JAVA or JAVA_HOME" >&2; exit 1; }
  echo "$best/bin/java"
}
JAVA_CMD="$(java_bin)"

# Every peer process starts through peer_python, so the check below sees the environment the peers are timed in.
peer_python() {
  env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 MNIST_DIR="$MNIST_DIR" /usr/bin/python3 "$@"
}

peer_python "$ROOT/scripts/bench/peer_check.py" --torch || exit 1

BUILD=target-bench
CP_FILE="$ROOT/nn-model/$BUILD/runtime-classpath.txt"
echo "building dlfs (nn-model and its modules, tests skipped) ..." >&2
mvn -B -q -Ddlfs.build=$BUILD -pl nn-model -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
MODULE_PATH="$ROOT/nn-model/$BUILD/nn-model-0.1.0-SNAPSHOT.jar:$(cat "$CP_FILE")"
"$ROOT/dlfs" --version >&2   # builds the command line when it is stale, and says which kernels this machine gets
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
sed 's/eval: per-epoch/eval: none/' examples/simple-convnet.yaml > "$OUT/simple-convnet-one-epoch.yaml"

# shellcheck disable=SC2086
dlfs() {
  "$JAVA_CMD" ${DLFS_JAVA_OPTS:-} -p "$MODULE_PATH" -m "dev.dlfs.model/dev.dlfs.model.runner.$1" "${@:2}"
}

peer() {
  peer_python "$PEERS/$1" "${@:2}"
}

run_dlfs() {
  case "$1" in
    two-layer) "$ROOT/dlfs" train examples/two-layer-net.yaml --out "$OUT/two-layer" ;;
    simple-convnet) "$ROOT/dlfs" train "$OUT/simple-convnet-one-epoch.yaml" --epochs 1 --out "$OUT/simple-convnet" ;;
    deep-convnet) dlfs InferMain examples/deep-convnet.yaml --repeat 1 --data-dir "$MNIST_DIR" ;;
  esac
}

run_peer() {
  case "$1" in
    two-layer) peer torch_two_layer.py --seed 1 ;;
    simple-convnet) peer torch_simple_convnet.py --seed 1 ;;
    deep-convnet) peer torch_deep_convnet_infer.py --repeat 1 ;;
  esac
}

export JAVA_CMD MODULE_PATH MNIST_DIR PEERS ROOT OUT
export -f dlfs peer_python peer run_dlfs run_peer

# Runs function $1 with argument $2 under /usr/bin/time; sets T (wall seconds) and LAST (its last output line).
timed() {
  local out t
  out="$(mktemp)"
  t="$(mktemp)"
  /usr/bin/time -f '%e' -o "$t" bash -c "$1 \"\$0\"" "$2" >"$out" 2>/dev/null \
      || { echo "failed: $1 $2" >&2; tail -n 5 "$out" >&2; }
  LAST="$(tail -n 1 "$out" | cut -c1-240)"
  T="$(tail -n 1 "$t")"
  rm -f "$out" "$t"
}

spread() {
  sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f", hi / lo}'
}

median() {
  sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$JAVA_CMD" -version 2>&1 | head -n 1); python: $(/usr/bin/python3 --version 2>&1)"
for w in "${WORKLOADS[@]}"; do
  peer_times=()
  dlfs_times=()
  for ((i = 1; i <= RUNS; i++)); do
    timed run_peer "$w"
    peer_times+=("$T")
    echo "$w run $i peer: $T s  $LAST"
    timed run_dlfs "$w"
    dlfs_times+=("$T")
    echo "$w run $i dlfs: $T s  $LAST"
  done
  p="$(printf '%s\n' "${peer_times[@]}" | median)"
  d="$(printf '%s\n' "${dlfs_times[@]}" | median)"
  echo "== $w: median whole process: PyTorch $p s, dlfs $d s, ratio $(awk -v p="$p" -v d="$d" 'BEGIN {printf "%.2f", p/d}')x;" \
      "spread (slowest / fastest): PyTorch $(printf '%s\n' "${peer_times[@]}" | spread), dlfs $(printf '%s\n' "${dlfs_times[@]}" | spread)"
done
