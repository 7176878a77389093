#!/usr/bin/env bash
# dlfs gemm against NumPy (OpenBLAS) on the same shapes, alternating runs, medians and ratios per shape.
#
#   scripts/compare-gemm-numpy.sh [--rounds R] [--dtype f32,f64] [--threads N] [MxNxK[:OP] ...]
#   QUICK=1 scripts/compare-gemm-numpy.sh 1024x1024x1024
#
# Default shapes: 1024³ and the book's products at batch 100 (TwoLayerNet affine forward, weight gradient, input
# gradient, output layer; SimpleConvNet's im2col convolution). Each round runs the NumPy peer script
# (numpy_gemm.py) and then dev.dlfs.bench.GemmRunner on every shape, the first of the two swapping each round, so
# both see the same machine load; each run reports the median of its trials, and the table gives the median over
# rounds. NumPy runs with OPENBLAS_CORETYPE unset, so that OpenBLAS uses its AVX-512 kernels (at its best).
#
# Environment:
#   DLFS_PEERS     folder holding numpy_gemm.py (default: ../shared/bench/peers beside the repository)
#   DLFS_ALLOW_ANY_BLAS=1  compare even if NumPy does not run on OpenBLAS (it stops with a hint otherwise)
#   QUICK=1        2 rounds of short trials instead of 3 rounds of longer ones
#   DLFS_BUILD     Maven build folder name (default: target); JAVA_HOME as for bench-gemm.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/gemm-bench-common.sh
. "$ROOT/scripts/gemm-bench-common.sh"

ROUNDS=3 DTYPES="f32,f64" THREADS="" SHAPES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --dtype) DTYPES="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) SHAPES+=("$1"); shift ;;
  esac
done
[ ${#SHAPES[@]} -gt 0 ] || SHAPES=(1024x1024x1024 100x50x784 784x50x100:TN 100x784x50:NT 100x10x50 57600x30x25)
if [ "${QUICK:-0}" = 1 ]; then
  ROUNDS=2 PEER_TIMING=(--trials 3 --min-time 0.1) OUR_TIMING=(--warmup 1 --trials 3 --min-time 0.1)
else
  PEER_TIMING=(--trials 5 --min-time 0.2) OUR_TIMING=(--warmup 2 --trials 5 --min-time 0.2)
fi

PEERS="${DLFS_PEERS:-$ROOT/../shared/bench/peers}"
[ -f "$PEERS/numpy_gemm.py" ] || { echo "compare-gemm-numpy: no numpy_gemm.py in '$PEERS'; set DLFS_PEERS to the peers folder" >&2; exit 1; }
PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3 || true)"
[ -n "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null || { echo "compare-gemm-numpy: python3 with numpy is needed (apt-get install python3-numpy)" >&2; exit 1; }
# The peer is NumPy on OpenBLAS. Debian's NumPy runs on whatever libblas.so.3 is selected; with only the reference
# BLAS installed it is some hundred times slower, and the comparison would mean nothing.
BLAS_LIB="$("$PY" -c "import numpy; print(next((l.split()[-1] for l in open('/proc/self/maps') if 'blas' in l.lower()), ''))" 2>/dev/null || true)"
case "$BLAS_LIB" in
  *openblas*) ;;
  *) if [ "${DLFS_ALLOW_ANY_BLAS:-0}" != 1 ]; then
       echo "compare-gemm-numpy: NumPy does not run on OpenBLAS here (BLAS: '${BLAS_LIB:-unknown}')." >&2
       echo "  Install it with 'apt-get install libopenblas0-pthread' (Debian), or set DLFS_ALLOW_ANY_BLAS=1." >&2
       exit 1
     fi ;;
esac
echo "# peer BLAS: $BLAS_LIB" >&2
JAVA="$(find_java)"
ensure_bench_jar
if [ -n "$THREADS" ]; then export DLFS_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"; fi

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
# Keeps "who dtype MxNxK OP gflops" from the result lines of either program.
collect() {
  sed -n 's/^gemm \([a-z0-9]*\) \([0-9x]*\): \([0-9.]*\) GFLOPS *\[\([NT][NT]\),.*/\1 \2 \4 \3/p' | sed "s/^/$1 /" >> "$RESULTS"
}
run_peer() { env -u OPENBLAS_CORETYPE "$PY" "$PEERS/numpy_gemm.py" --dtype "$DTYPES" "${PEER_TIMING[@]}" "${SHAPES[@]}" | tee -a /dev/stderr | collect numpy; }
run_ours() { run_gemm_runner --dtype "$DTYPES" "${OUR_TIMING[@]}" "${SHAPES[@]}" | tee -a /dev/stderr | collect dlfs; }
for ((r = 1; r <= ROUNDS; r++)); do
  echo "--- round $r of $ROUNDS" >&2
  if [ $((r % 2)) = 1 ]; then run_peer; run_ours; else run_ours; run_peer; fi
done

echo
echo "median over $ROUNDS rounds (GFLOPS; each round the median of its trials)"
printf '%-22s %-5s %10s %10s %7s\n' shape dtype dlfs numpy ratio
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $3 ":" $4 " " $2; v[$1, key] = v[$1, key] " " $5; if (!(key in seen)) { seen[key] = 1; order[++n] = key } }
  END {
    for (i = 1; i <= n; i++) {
      split(order[i], kd, " ")
      d = median(v["dlfs", order[i]]); p = median(v["numpy", order[i]])
      printf "%-22s %-5s %10.1f %10.1f %7.2f\n", kd[1], kd[2], d, p, (p > 0 ? d / p : 0)
    }
  }' "$RESULTS"
