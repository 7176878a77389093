#!/usr/bin/env bash
# Runs a main class of nn-spark with Spark in local mode on JDK 25: builds the module (tests skipped), then starts
# `java` with Spark's JVM options (nn-spark/jvm.options) on the module's class path, Spark included.
#
#   bash scripts/spark-run.sh dev.dlfs.spark.SparkMnist --iterations 600
#
# Environment: SPARK_MASTER (default local[2]), JAVA_HOME (a JDK 25 or newer), DLFS_JAVA_OPTS (e.g. -Xmx4g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ $# -ge 1 ] || { echo "usage: spark-run.sh MAIN-CLASS [ARGS…]" >&2; exit 2; }

JAVA=""
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
  if [ -n "$home" ] && [ -x "$home/bin/java" ] && \
     [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -n 1)" -ge 25 ] 2>/dev/null; then
    JAVA="$home/bin/java"
    break
  fi
done
[ -n "$JAVA" ] || { echo "spark-run: JDK 25 or newer is required; set JAVA_HOME to one" >&2; exit 1; }

echo "spark-run: building nn-spark (tests skipped)…" >&2
mvn -B -q -Dmaven.test.skip=true -pl nn-spark -am package
CP="$ROOT/nn-spark/target/nn-spark-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/nn-spark/target/classpath.txt")"
MAIN="$1"
shift
exec "$JAVA" @"$ROOT/nn-spark/jvm.options" -Xmx3g ${DLFS_JAVA_OPTS:-} -Dspark.master="${SPARK_MASTER:-local[2]}" \
  -cp "$CP" "$MAIN" "$@"
