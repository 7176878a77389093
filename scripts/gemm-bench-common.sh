# Shared by bench-gemm.sh and compare-gemm-numpy.sh (sourced, not run): finds JDK 25 and builds the benchmark jar.
# Expects ROOT (the repository root) to be set.

BUILD_DIR="${DLFS_BUILD:-target}"
BENCH_JAR="$ROOT/nn-bench/$BUILD_DIR/benchmarks.jar"

# Feature version of the JDK whose home is $1, read from its release file (empty if not a JDK).
jdk_feature_version() {
  [ -x "$1/bin/java" ] && [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
}

# Prints the path of a java 25+: $JAVA_HOME, else the newest under /usr/lib/jvm, else `java` on the PATH.
find_java() {
  local v home best="" best_v=0
  if [ -n "${JAVA_HOME:-}" ]; then
    v="$(jdk_feature_version "$JAVA_HOME")"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then echo "$JAVA_HOME/bin/java"; return; fi
  fi
  for home in /usr/lib/jvm/*; do
    v="$(jdk_feature_version "$home")"
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best/bin/java"; return; fi
  if command -v java >/dev/null; then
    v="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then command -v java; return; fi
  fi
  echo "no JDK 25 found: set JAVA_HOME to a JDK 25 or newer (looked at \$JAVA_HOME, /usr/lib/jvm/*, java on PATH)" >&2
  exit 1
}

# Builds nn-bench/<build>/benchmarks.jar when it is missing or older than a pom or a main source file it uses.
ensure_bench_jar() {
  if [ -f "$BENCH_JAR" ] && [ -z "$(find "$ROOT/pom.xml" "$ROOT"/nn-{tensor,layers,loss,bench}/pom.xml \
        "$ROOT"/nn-{tensor,layers,loss,bench}/src/main -type f -newer "$BENCH_JAR" -print -quit 2>/dev/null)" ]; then
    return
  fi
  echo "building nn-bench (mvn package, tests skipped) ..." >&2
  (cd "$ROOT" && mvn -B -q -Ddlfs.build="$BUILD_DIR" -pl nn-bench -am package -DskipTests >&2) \
    || { echo "build of nn-bench failed" >&2; exit 1; }
}

# Runs dev.dlfs.bench.GemmRunner with the given arguments (threads from DLFS_THREADS if set, extra JVM options from
# DLFS_JAVA_OPTS, word-split: e.g. DLFS_JAVA_OPTS=-XX:UseAVX=2 for 256-bit vectors on an AVX-512 machine).
run_gemm_runner() {
  local threads=()
  [ -n "${DLFS_THREADS:-}" ] && threads=("-Ddlfs.threads=$DLFS_THREADS")
  # shellcheck disable=SC2086
  "$JAVA" --add-modules jdk.incubator.vector ${DLFS_JAVA_OPTS:-} "${threads[@]}" -cp "$BENCH_JAR" dev.dlfs.bench.GemmRunner "$@" \
    2> >(grep -v 'Using incubator modules' >&2)
}
