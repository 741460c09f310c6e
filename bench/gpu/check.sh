#!/usr/bin/env bash
# The GPU check: on a CUDA machine with PyTorch (no OpenCV, Qt or package registry needed), builds
# core and bench/gpu/gpu_check.cpp against PyTorch's LibTorch, then prints CPU-vs-CUDA parity of
# every method, dense DeiT-S ms per batch, the efficiency table (fp32 and bf16), and timm's eager
# DeiT-S at the same batches for comparison. Run from anywhere:
#   bash bench/gpu/pack_deps.sh        # once, on a Debian machine: bench/gpu/deps/ (carry it over)
#   bash bench/gpu/check.sh [OUT_DIR]  # on the CUDA machine; OUT_DIR gets report.md + JSON tables
# Environment: PYTHON (python3), TORCH_PREFIX (from PyTorch), BUILD_DIR (build-gpu), DEVICE
# (cuda), BATCHES (1,64,256), DTYPES (float32,bfloat16), PAIRS (10), SECTIONS, CHECK_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}
OUT=${1:-${OUT:-gpu-check}}
mkdir -p "$OUT"
BUILD=${BUILD_DIR:-build-gpu}
TORCH_PREFIX=${TORCH_PREFIX:-$($PY -c 'import torch; print(torch.utils.cmake_prefix_path)')}
DEVICE=${DEVICE:-cuda}
BATCHES=${BATCHES:-1,64,256}
DTYPES=${DTYPES:-float32,bfloat16}
{
  echo "# GPU check, $(date -u +%F' '%H:%M) UTC, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  if command -v nvidia-smi >/dev/null; then
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "nvidia-smi failed"
  fi
  echo "compiler: $(${CXX:-c++} --version | head -1); PyTorch: $($PY -c 'import torch; print(torch.__version__, torch.version.cuda)')"
} | tee "$OUT/report.md"
# A CUDA build of PyTorch makes find_package(Torch) look for the CUDA toolkit (nvcc).
if [ "$($PY -c 'import torch; print(torch.version.cuda is not None)')" = True ] && ! command -v nvcc >/dev/null \
   && [ ! -x /usr/local/cuda/bin/nvcc ]; then
  echo "check.sh: this PyTorch is a CUDA build and LibTorch's CMake needs the CUDA toolkit (nvcc), which is not here" >&2
  exit 1
fi
generator=""; command -v ninja >/dev/null && generator="-G Ninja"
start=$(date +%s)
# shellcheck disable=SC2086  # $generator: empty or two words
cmake -S bench/gpu -B "$BUILD" $generator -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$TORCH_PREFIX" \
  > "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
cmake --build "$BUILD" -j"$(nproc)" >> "$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
echo "built core + driver in $(( $(date +%s) - start )) s" | tee -a "$OUT/report.md"
# shellcheck disable=SC2086  # CHECK_ARGS: extra driver options, split on purpose
"$BUILD/vp_gpu_check" --device "$DEVICE" --batches "$BATCHES" --dtypes "$DTYPES" --pairs "${PAIRS:-10}" \
  --sections "${SECTIONS:-parity,dense,efficiency}" --out "$OUT" ${CHECK_ARGS:-} | tee -a "$OUT/report.md"
# timm's eager forward of the same architecture, same batches and dtypes, in the same run.
$PY bench/gpu/timm_dense.py --device "$DEVICE" --batches "$BATCHES" --dtypes "$DTYPES" | tee -a "$OUT/report.md" \
  || echo "timm: not run (see above)" | tee -a "$OUT/report.md"
echo "total $(( $(date +%s) - start )) s" | tee -a "$OUT/report.md"
