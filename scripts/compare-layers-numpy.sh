#!/usr/bin/env bash
# dlfs layers (JMH, nn-bench's LayerBenchmarks) against the same operations in NumPy (scripts/bench/numpy_layers.py):
# forward + backward of Affine/Relu/SoftmaxWithLoss (TwoLayerNet 784-50-10) and of SimpleConvNet's convolution,
# float32, batch 100; alternating runs, medians and ratios.
#
#   scripts/compare-layers-numpy.sh [--rounds R] [--threads N] [--iterations I] [--seconds S]
#
# Environment: JAVA_HOME (a JDK 25, else the newest under /usr/lib/jvm), DLFS_BUILD (Maven build folder name,
# default target), PYTHON (a python3 with NumPy; default Debian's, as for the other peers).
# Before the build and any timing, compare_layers.py --check-only checks (scripts/bench/peer_check.py) that NumPy runs
# on OpenBLAS in the environment of the NumPy runs, and stops with the fix otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/gemm-bench-common.sh
. "$ROOT/scripts/gemm-bench-common.sh"
case "${1:-}" in -h|--help) sed -n '2,11p' "$0"; exit 0 ;; esac

PY="${PYTHON:-/usr/bin/python3}"
[ -x "$PY" ] || PY="$(command -v python3 || true)"
[ -n "$PY" ] && "$PY" -c 'import numpy' 2>/dev/null || { echo "compare-layers-numpy: python3 with numpy is needed (apt-get install python3-numpy)" >&2; exit 1; }
# Fails fast, before the build; compare_layers.py checks again (and prints the CPU and BLAS lines) when it starts.
"$PY" "$ROOT/scripts/bench/compare_layers.py" --python "$PY" --check-only "$@" >/dev/null || exit 1
JAVA="$(find_java)"
ensure_bench_jar
# Which kernels this machine gets (vector width, register file, tiles): part of every figure's context.
"$JAVA" --add-modules jdk.incubator.vector -cp "$BENCH_JAR" dev.dlfs.bench.GemmRunner --kernels 2>/dev/null
exec "$PY" "$ROOT/scripts/bench/compare_layers.py" --java "$JAVA" --jar "$BENCH_JAR" --python "$PY" "$@"
