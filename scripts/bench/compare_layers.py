#!/usr/bin/env python3
"""Runs the layer benchmarks of dlfs (JMH) and their NumPy peer alternately, then prints medians and ratios.

Usually started through scripts/compare-layers-numpy.sh, which finds a JDK 25 and builds the benchmark jar:

    python3 scripts/bench/compare_layers.py --rounds 3 --jar nn-bench/target/benchmarks.jar --java "$JDK25/bin/java"

Each round runs both, the first of the two swapping each round so that both see the same machine load. The NumPy
runs get OPENBLAS_CORETYPE unset, so OpenBLAS picks its best kernels for this CPU. Before anything is timed,
peer_check.py runs with the same interpreter and environment as the NumPy runs: it prints the CPU and the OpenBLAS
behind NumPy, and stops with the fix if NumPy does not run on OpenBLAS. Timings on a shared machine are noisy:
compare only figures from the same session.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NAMES = ["twoLayerNet", "affine784x50", "relu100x50", "softmaxWithLoss100x10", "convolution30x5x5"]


def numpy_env(threads):
    """The environment of every NumPy run (and of its check)."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_CORETYPE"}
    if threads:
        env["OPENBLAS_NUM_THREADS"] = str(threads)
    return env


def check_peer(python, threads):
    """Prints the CPU and NumPy's OpenBLAS; exits if NumPy would not run on OpenBLAS."""
    sys.stdout.flush()
    if subprocess.run([python, os.path.join(HERE, "peer_check.py")], env=numpy_env(threads)).returncode != 0:
        sys.exit(1)


def run_numpy(python, seconds, threads):
    out = subprocess.run([python, os.path.join(HERE, "numpy_layers.py"), "--seconds", str(seconds)],
                         env=numpy_env(threads), check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["us_per_call"]


def run_jmh(java, jar, iterations, threads):
    # 10 s of warm-up: C2 takes seconds to compile the large gemm kernels on a busy machine, and until then the
    # kernels run far slower.
    jvm_args = "--add-modules jdk.incubator.vector" + (f" -Ddlfs.threads={threads}" if threads else "")
    with tempfile.TemporaryDirectory() as tmp:
        result = os.path.join(tmp, "jmh.json")
        subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-jar", jar,
                        "dev.dlfs.bench.layers.LayerBenchmarks", "-f", "1", "-wi", "5", "-w", "2",
                        "-i", str(iterations), "-r", "1", "-jvmArgsAppend", jvm_args, "-rf", "json", "-rff", result],
                       check=True, stdout=subprocess.DEVNULL)
        with open(result) as f:
            rows = json.load(f)
    return {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in rows}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jar", default="nn-bench/target/benchmarks.jar")
    ap.add_argument("--java", default=os.environ.get("JAVA", "java"), help="a JDK 25 java (default: $JAVA or java)")
    ap.add_argument("--python", default=os.environ.get("PYTHON", sys.executable), help="a python with NumPy")
    ap.add_argument("--seconds", type=float, default=0.5, help="NumPy trial length")
    ap.add_argument("--iterations", type=int, default=5, help="JMH measurement iterations of 1 s")
    ap.add_argument("--threads", type=int, help="threads for both (dlfs.threads, OPENBLAS_NUM_THREADS)")
    ap.add_argument("--check-only", action="store_true", help="only check the NumPy peer (CPU, OpenBLAS), then exit")
    args = ap.parse_args()
    check_peer(args.python, args.threads)
    if args.check_only:
        return
    numpy_runs, java_runs = [], []
    for r in range(args.rounds):
        steps = [lambda: numpy_runs.append(run_numpy(args.python, args.seconds, args.threads)),
                 lambda: java_runs.append(run_jmh(args.java, args.jar, args.iterations, args.threads))]
        for step in (steps if r % 2 == 0 else steps[::-1]):
            step()
        print(f"round {r + 1}: numpy {numpy_runs[-1]}\n         dlfs  {java_runs[-1]}", file=sys.stderr)
    print(f"| benchmark (float32, batch 100, fwd+bwd) | NumPy µs (median of {args.rounds}) "
          f"| dlfs µs (median of {args.rounds}) | NumPy / dlfs |")
    print("| --- | --- | --- | --- |")
    for name in NAMES:
        n = statistics.median(run[name] for run in numpy_runs)
        j = statistics.median(run[name] for run in java_runs)
        print(f"| {name} | {n:.1f} | {j:.1f} | {n / j:.2f} |")


if __name__ == "__main__":
    main()
