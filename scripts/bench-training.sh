#!/usr/bin/env bash
# Times dlfs against the PyTorch peers on the book's workloads, in one session, alternating peer and dlfs runs, and
# prints each run, the median whole-process wall time (JVM or interpreter start, imports and data loading included),
# the ratio of medians, the ratio against the peer's fastest run, and each side's spread (slowest / fastest run).
# dlfs runs through its command line (`./dlfs train`, `./dlfs eval`), as users run it.
#
#   MNIST_DIR=/path/to/mnist bash scripts/bench-training.sh [RUNS] [WORKLOAD...]
#
# RUNS defaults to 3. Workloads (all by default):
#   two-layer       the book's ch05 run: `./dlfs train examples/two-layer-net.yaml` (TwoLayerNet, 10000 iterations
#                   of batch 100, 17 per-epoch full evaluations)
#   simple-convnet  one epoch (600 iterations) of the ch07 SimpleConvNet, then the full test set
#                   (`./dlfs train` of examples/simple-convnet.yaml with `eval: none`, `--epochs 1`)
#   deep-convnet    ch08 DeepConvNet inference on the 10000 test images, once, with its seeded He initial weights
#                   (`./dlfs eval examples/deep-convnet.yaml --untrained --repeat 1`: timing only; the book's trained
#                   DeepConvNet weights are not among ../shared/data/book-weights)
#   deep-convnet-train  one epoch (600 iterations) of the ch08 DeepConvNet, then the full test set
#                   (`./dlfs train` of examples/deep-convnet.yaml with `eval: none`, `--epochs 1`; the peer is
#                   scripts/bench/torch_deep_convnet_train.py)
# Environment:
#   MNIST_DIR   folder with the four MNIST IDX files (required; the peers have no default; dlfs finds its own copy,
#               e.g. the one scripts/fetch-mnist.sh installs)
#   PEERS       the peer scripts (default ../shared/bench/peers, seen from the repository root)
#   JAVA_HOME, DLFS_JAVA_OPTS  read by ./dlfs: the JDK 25+ to prefer, extra JVM options for the dlfs runs
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

# Every peer process starts through peer_python, so the check below sees the environment the peers are timed in.
peer_python() {
  env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 MNIST_DIR="$MNIST_DIR" /usr/bin/python3 "$@"
}

peer_python "$ROOT/scripts/bench/peer_check.py" --torch || exit 1

# Builds the command line when it is stale, and says which Java and kernels this machine gets.
VERSION="$("$ROOT/dlfs" --version)"
echo "$VERSION" >&2
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
sed 's/eval: per-epoch/eval: none/' examples/simple-convnet.yaml > "$OUT/simple-convnet-one-epoch.yaml"
sed 's/eval: per-epoch/eval: none/' examples/deep-convnet.yaml > "$OUT/deep-convnet-one-epoch.yaml"

peer() {
  peer_python "$PEERS/$1" "${@:2}"
}

run_dlfs() {
  case "$1" in
    two-layer) "$ROOT/dlfs" train examples/two-layer-net.yaml --out "$OUT/two-layer" --overwrite ;;
    simple-convnet) "$ROOT/dlfs" train "$OUT/simple-convnet-one-epoch.yaml" --epochs 1 --out "$OUT/simple-convnet" --overwrite ;;
    deep-convnet) "$ROOT/dlfs" eval examples/deep-convnet.yaml --untrained --repeat 1 ;;
    deep-convnet-train) "$ROOT/dlfs" train "$OUT/deep-convnet-one-epoch.yaml" --epochs 1 --out "$OUT/deep-convnet" --overwrite ;;
  esac
}

run_peer() {
  case "$1" in
    two-layer) peer torch_two_layer.py --seed 1 ;;
    simple-convnet) peer torch_simple_convnet.py --seed 1 ;;
    deep-convnet) peer torch_deep_convnet_infer.py --repeat 1 ;;
    deep-convnet-train) peer_python "$ROOT/scripts/bench/torch_deep_convnet_train.py" --seed 1 ;;
  esac
}

export MNIST_DIR PEERS ROOT OUT
export -f peer_python peer run_dlfs run_peer

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

fastest() {
  sort -g | head -n 1
}

median() {
  sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'
}

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(sed -n 's/^Java //p' <<<"$VERSION"); python: $(/usr/bin/python3 --version 2>&1)"
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
  # PyTorch's runs are often bimodal on small VMs (a fast mode and one about twice as slow), so the ratio against its
  # fastest run is printed beside the ratio of medians: a median that flatters dlfs shows as the gap between them.
  pf="$(printf '%s\n' "${peer_times[@]}" | fastest)"
  echo "== $w: median whole process: PyTorch $p s, dlfs $d s, ratio $(awk -v p="$p" -v d="$d" 'BEGIN {printf "%.2f", p/d}')x;" \
      "against PyTorch's fastest run ($pf s): $(awk -v p="$pf" -v d="$d" 'BEGIN {printf "%.2f", p/d}')x;" \
      "spread (slowest / fastest): PyTorch $(printf '%s\n' "${peer_times[@]}" | spread), dlfs $(printf '%s\n' "${dlfs_times[@]}" | spread)"
done
