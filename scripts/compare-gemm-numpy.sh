#!/usr/bin/env bash
# dlfs gemm against NumPy (OpenBLAS) on the same shapes, alternating runs, medians and ratios per shape.
#
#   scripts/compare-gemm-numpy.sh [--rounds R] [--dtype f32,f64] [--threads N] [--avx2] [MxNxK[:OP] ...]
#   QUICK=1 scripts/compare-gemm-numpy.sh 1024x1024x1024
#
# Default shapes: 1024³ and the book's products at batch 100 (TwoLayerNet affine forward, weight gradient, input
# gradient, output layer; SimpleConvNet's im2col convolution). Each round runs the NumPy peer script
# (numpy_gemm.py) and then dev.dlfs.bench.GemmRunner on every shape, the first of the two swapping each round, so
# both see the same machine load; each run reports the median of its trials, and the table gives the median over
# rounds. NumPy runs with OPENBLAS_CORETYPE unset, so that OpenBLAS uses its best kernels for the CPU (AVX-512 ones
# where it has AVX-512). Before anything is timed, scripts/bench/peer_check.py prints the CPU and checks, in the
# peer's environment, that NumPy runs on OpenBLAS (it stops with the fix otherwise: a reference BLAS is never timed).
#
# --avx2 (or DLFS_AVX2=1): the "AVX2 on an AVX-512 machine" variant: dlfs runs with -XX:UseAVX=2 (256-bit vectors)
# and OpenBLAS with OPENBLAS_CORETYPE=Haswell (its AVX2 kernels), so both are limited to AVX2.
#
# Environment:
#   DLFS_PEERS     folder holding numpy_gemm.py (default: ../shared/bench/peers beside the repository)
#   DLFS_AVX2=1    as --avx2
#   DLFS_JAVA_OPTS extra JVM options for GemmRunner (word-split)
#   QUICK=1        2 rounds of short trials instead of 3 rounds of longer ones
#   DLFS_BUILD     Maven build folder name (default: target); JAVA_HOME as for bench-gemm.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/gemm-bench-common.sh
. "$ROOT/scripts/gemm-bench-common.sh"

ROUNDS=3 DTYPES="f32,f64" THREADS="" SHAPES=() AVX2="${DLFS_AVX2:-0}"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --dtype) DTYPES="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --avx2) AVX2=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
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
[ -n "$PY" ] || { echo "compare-gemm-numpy: python3 with numpy is needed (apt-get install python3-numpy)" >&2; exit 1; }
if [ -n "$THREADS" ]; then export DLFS_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS"; fi
CPU_AVX512=0
grep -qw avx512f /proc/cpuinfo 2>/dev/null && CPU_AVX512=1
if [ "$AVX2" = 1 ]; then
  PEER_ENV=(env OPENBLAS_CORETYPE=Haswell) EXPECT_ARCH=(--expect-arch Haswell)
  DLFS_JAVA_OPTS="${DLFS_JAVA_OPTS:+$DLFS_JAVA_OPTS }-XX:UseAVX=2"
  export DLFS_JAVA_OPTS
  [ "$CPU_AVX512" = 1 ] || echo "compare-gemm-numpy: note: this CPU has no AVX-512; --avx2 only changes OpenBLAS's kernels to Haswell" >&2
else
  PEER_ENV=(env -u OPENBLAS_CORETYPE) EXPECT_ARCH=()
fi
# The NumPy peer always runs through this, so the check below sees the environment it is timed in.
peer_python() { "${PEER_ENV[@]}" "$PY" "$@"; }

# CPU, and NumPy on OpenBLAS with the kernels expected (stops here otherwise).
peer_python "$ROOT/scripts/bench/peer_check.py" "${EXPECT_ARCH[@]}" || exit 1
JAVA="$(find_java)"
# shellcheck disable=SC2086
USE_AVX="$("$JAVA" ${DLFS_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "UseAVX" {print $4}')"
echo "dlfs: $("$JAVA" -version 2>&1 | grep -v '^Picked up' | head -n 1); JVM options: ${DLFS_JAVA_OPTS:-none}${JAVA_TOOL_OPTIONS:+, JAVA_TOOL_OPTIONS=$JAVA_TOOL_OPTIONS}; UseAVX=${USE_AVX:-?}"
if [ "$AVX2" = 1 ]; then
  echo "variant: AVX2 on an AVX-512 machine (dlfs -XX:UseAVX=2, OpenBLAS with OPENBLAS_CORETYPE=Haswell)"
  [ "$USE_AVX" = 2 ] || { echo "compare-gemm-numpy: the JVM reports UseAVX=${USE_AVX:-?}, not 2" >&2; exit 1; }
else
  echo "variant: each at its best (OpenBLAS with OPENBLAS_CORETYPE unset)"
  if [ "$CPU_AVX512" = 1 ] && [ "${USE_AVX:-3}" != 3 ]; then
    echo "compare-gemm-numpy: warning: dlfs runs with UseAVX=$USE_AVX on a CPU with AVX-512 while OpenBLAS uses AVX-512;" \
      "use --avx2 to limit both to AVX2" >&2
  fi
fi
ensure_bench_jar

RESULTS="$(mktemp)"
trap 'rm -f "$RESULTS"' EXIT
# Keeps "who dtype MxNxK OP gflops" from the result lines of either program.
collect() {
  sed -n 's/^gemm \([a-z0-9]*\) \([0-9x]*\): \([0-9.]*\) GFLOPS *\[\([NT][NT]\),.*/\1 \2 \4 \3/p' | sed "s/^/$1 /" >> "$RESULTS"
}
run_peer() { peer_python "$PEERS/numpy_gemm.py" --dtype "$DTYPES" "${PEER_TIMING[@]}" "${SHAPES[@]}" | tee -a /dev/stderr | collect numpy; }
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
