#!/usr/bin/env bash
# Trains the two-layer network (examples/two-layer-net.yaml) on MNIST held in a Spark DataFrame, in local mode, and
# scores the test set with CheckpointTransformer. See docs/spark.md.
#
#   bash scripts/spark-mnist.sh                         # exact mode, 4 shards, local[2]
#   bash scripts/spark-mnist.sh --local-sgd 8           # local SGD, replicas averaged every 8 steps
#   SPARK_MASTER='local[3]' bash scripts/spark-mnist.sh --iterations 600
#
# On the first run it writes the IDX files of ~/.dlfs/datasets/mnist (or $MNIST_DIR) as Parquet to
# runs/spark-mnist/parquet. Options: --config FILE.yaml --parquet DIR --out DIR --shards N --iterations N
# --local-sgd K --partitions N. Environment: SPARK_MASTER (default local[2]), JAVA_HOME (a JDK 25 or newer),
# DLFS_JAVA_OPTS (e.g. -Xmx4g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

JAVA=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$home" ] && [ -x "$home/bin/java" ] && \
     [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n 1)" -ge 25 ] 2>/dev/null; then
    JAVA="$home/bin/java"
    break
  fi
done
[ -n "$JAVA" ] || { echo "spark-mnist: JDK 25 or newer is required; set JAVA_HOME to one" >&2; exit 1; }

echo "spark-mnist: building nn-spark (tests skipped)…" >&2
mvn -B -q -Dmaven.test.skip=true -pl nn-spark -am package
CP="$ROOT/nn-spark/target/nn-spark-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/nn-spark/target/classpath.txt")"
exec "$JAVA" @"$ROOT/nn-spark/jvm.options" -Xmx3g ${DLFS_JAVA_OPTS:-} -cp "$CP" dev.dlfs.spark.SparkMnist \
  --master "${SPARK_MASTER:-local[2]}" "$@"
