#!/usr/bin/env bash
# Packs, on a Debian 12 machine with the project's packages (scripts/setup.sh), what core needs
# beyond LibTorch into bench/gpu/deps/, for a CUDA machine that has PyTorch but no development
# packages and no package registry: libzip (and the libraries it links: bz2, crypto, z) with its
# headers, zlib's and nlohmann-json's headers, and Fashion-MNIST's test set (the samples of the
# parity check). The folder is git-ignored; carry it with the working tree (~10 MB).
#   bash bench/gpu/pack_deps.sh && bash bench/gpu/check.sh     # the second on the CUDA machine
set -euo pipefail
cd "$(dirname "$0")"
OUT=deps
LIBDIR=/usr/lib/x86_64-linux-gnu
rm -rf "$OUT.tmp" && mkdir -p "$OUT.tmp/include" "$OUT.tmp/lib" "$OUT.tmp/fashion-mnist"
cp /usr/include/zip.h /usr/include/zipconf.h /usr/include/zlib.h /usr/include/zconf.h "$OUT.tmp/include/"
cp -r /usr/include/nlohmann "$OUT.tmp/include/"
# The shared objects under their SONAMEs, what the loader looks for (no symlinks: they may not travel).
libzip=$(readlink -f $LIBDIR/libzip.so)
cp "$libzip" "$OUT.tmp/lib/libzip.so.4"
cp "$(readlink -f $LIBDIR/libz.so)" "$OUT.tmp/lib/libz.so.1"
for soname in libbz2.so.1.0 libcrypto.so.3; do
  path=$(ldd "$libzip" | awk -v n="$soname" '$1 == n {print $3}')
  [ -n "$path" ] || { echo "pack_deps.sh: $libzip does not link $soname here; update the list" >&2; exit 1; }
  cp "$path" "$OUT.tmp/lib/$soname"
done
cp /usr/share/datasets/fashion-mnist/t10k-*.gz "$OUT.tmp/fashion-mnist/"
rm -rf "$OUT" && mv "$OUT.tmp" "$OUT"
du -sh "$OUT"
