#!/usr/bin/env bash
# Trains the two-layer network (examples/two-layer-net.yaml) on MNIST held in a Spark DataFrame, in local mode, and
# scores the test set with CheckpointTransformer. See docs/spark.md.
#
#   bash scripts/spark-mnist.sh                         # exact mode, 4 shards, local[2]
#   bash scripts/spark-mnist.sh --local-sgd 8           # local SGD, replicas averaged every 8 steps
#   bash scripts/spark-mnist.sh --steps-per-job 10      # exact, 10 synchronous steps per Spark job (barrier mode)
#   SPARK_MASTER='local[3]' bash scripts/spark-mnist.sh --iterations 600
#
# On the first run it writes the IDX files of ~/.dlfs/datasets/mnist (or $MNIST_DIR) as Parquet to
# runs/spark-mnist/parquet. Options: --config FILE.yaml --parquet DIR --out DIR --shards N --iterations N
# --local-sgd K --steps-per-job K --partitions N. Environment: as scripts/spark-run.sh (SPARK_MASTER, JAVA_HOME,
# DLFS_JAVA_OPTS).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/spark-run.sh" dev.dlfs.spark.SparkMnist "$@"
