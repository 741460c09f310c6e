#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang into build-fuzz/ and runs each
# for MINUTES minutes (default 10), then prints one line per target: runs, corpus size, finding.
#   bash scripts/fuzz.sh [MINUTES]
#   FUZZ_TARGETS="fuzz_image fuzz_config"  the targets to build and run (default: all)
#   FUZZ_JOBS=N                             targets run at once (default 1; one core each)
#   JOBS=N                                  compile jobs (default: nproc)
# Seeds come from tests/fuzz/corpus/<target>/ (and checkpoint fixtures for pth/safetensors) and
# are copied to build-fuzz/corpus/<target>/, which keeps growing across runs (the repository is
# not written); tests/fuzz/<target>.dict, where present, is the target's dictionary.
# Findings go to build-fuzz/artifacts/<target>/, logs to build-fuzz/logs/<target>.log.
# Exit status: 0 when no target found anything, 1 otherwise, 2 for a usage or build error.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
if ! [[ $MINUTES =~ ^[0-9]+([.][0-9]+)?$ ]] || [ "$(awk -v m="$MINUTES" 'BEGIN { print (m * 60 >= 1) }')" != 1 ]; then
  echo "usage: bash scripts/fuzz.sh [MINUTES]  (a number of minutes, at least 1 second's worth)" >&2
  exit 2
fi
SECONDS_EACH=$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')
FUZZ_JOBS=${FUZZ_JOBS:-1}
[[ $FUZZ_JOBS =~ ^[1-9][0-9]*$ ]] || { echo "FUZZ_JOBS must be a positive integer" >&2; exit 2; }
OUT=build-fuzz
all_targets=$(cd tests/fuzz && printf '%s\n' fuzz_*.cpp | sed 's/\.cpp$//' | paste -sd' ')
TARGETS=${FUZZ_TARGETS:-$all_targets}
for t in $TARGETS; do
  [ -f "tests/fuzz/$t.cpp" ] || { echo "no fuzz target '$t' (have: $all_targets)" >&2; exit 2; }
done

export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
mkdir -p "$OUT/logs"
CC=clang CXX=clang++ cmake -S . -B "$OUT" -DVITPRUNE_FUZZ=ON -DVITPRUNE_GUI=OFF -DVITPRUNE_TESTS=OFF \
  -DVITPRUNE_BENCH=OFF >"$OUT/logs/configure.log" 2>&1 || { cat "$OUT/logs/configure.log" >&2; exit 2; }
# Only the fuzzers: the default target would also build the C++20 libraries, which clang 14 cannot.
targets=()
for t in $TARGETS; do targets+=(--target "$t"); done
cmake --build "$OUT" -j "${JOBS:-$(nproc)}" "${targets[@]}" || exit 2

# Seeds of one target into its writable corpus folder (existing entries are kept).
seed() {
  local t=$1 corpus=$OUT/corpus/$1
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/corpus/$t" ]; then cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ || true; fi
  case $t in
    fuzz_safetensors) cp -n tests/fixtures/pth/*.safetensors "$corpus"/ || true ;;
    fuzz_pth)  # the checkpoints, and the pickle inside each (the target's second entry point)
      cp -n tests/fixtures/pth/*.pth "$corpus"/ || true
      python3 - "$corpus" tests/fixtures/pth/*.pth <<'EOF'
import sys, zipfile, pathlib
for p in sys.argv[2:]:
    if zipfile.is_zipfile(p):
        with zipfile.ZipFile(p) as z:
            for n in z.namelist():
                if n.endswith("/data.pkl"):
                    (pathlib.Path(sys.argv[1]) / (pathlib.Path(p).stem + ".data.pkl")).write_bytes(z.read(n))
EOF
      ;;
  esac
}

# Runs one target; writes "runs corpus_files status detail" to $OUT/logs/<t>.result.
run_one() {
  local t=$1 log=$OUT/logs/$1.log art=$OUT/artifacts/$1/ rc=0 dict=()
  seed "$t"
  mkdir -p "$art"
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  # OpenCV would log every undecodable input; OMP: one core per target; UBSan: with a stack.
  OPENCV_LOG_LEVEL=SILENT OMP_NUM_THREADS=1 UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$OUT/tests/fuzz/$t" "$OUT/corpus/$t" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$art" -print_final_stats=1 "${dict[@]}" >"$log" 2>&1 || rc=$?
  local runs status detail
  # "Done N runs in S second(s)" after a full run, else the last "#N <event>" status line.
  runs=$( (grep -aoE '^Done [0-9]+ runs' "$log" || grep -aoE '^#[0-9]+' "$log" || true) | tail -1 | tr -dc '0-9')
  detail=$( (grep -aoE 'Test unit written to [^ ]+' "$log" || true) | tail -1 | sed 's/Test unit written to //')
  if [ "$rc" = 0 ]; then
    status=ok
  else  # the first symptom: a sanitizer report, an escaped exception, then libFuzzer's own verdict
    status=$( (grep -aoE -m1 'ERROR: (Address|Leak)Sanitizer: [a-zA-Z-]+|runtime error' "$log" ||
      grep -aoE -m1 "terminate called after throwing an instance of '[^']+'" "$log" ||
      grep -aoE -m1 'ERROR: libFuzzer: [a-z-]+' "$log" || true) | head -1 |
      sed "s/ERROR: //; s/^runtime error/UBSan_runtime_error/; s/terminate called after throwing an instance of/uncaught/; s/[ ']\+/_/g; s/_\$//")
    status=FOUND:${status:-exit_$rc}
  fi
  echo "${runs:-0} $(find "$OUT/corpus/$t" -type f | wc -l) $status ${detail:--}" >"$OUT/logs/$t.result"
}

echo "fuzzing $(wc -w <<<"$TARGETS") target(s) for $MINUTES min each, $FUZZ_JOBS at a time (logs: $OUT/logs/)"
for t in $TARGETS; do
  rm -f "$OUT/logs/$t.result"
  while [ "$(jobs -rp | wc -l)" -ge "$FUZZ_JOBS" ]; do wait -n || true; done
  run_one "$t" &
done
wait

found=0
printf '%-20s %12s %8s  %s\n' target runs corpus result
for t in $TARGETS; do
  read -r runs files status detail <"$OUT/logs/$t.result" || { runs=0 files=0 status=FOUND:no_result detail=-; }
  [ "$status" = ok ] || found=1
  if [ "$status" = ok ]; then detail=""; else detail="$detail (log: $OUT/logs/$t.log)"; fi
  printf '%-20s %12s %8s  %s %s\n' "$t" "$runs" "$files" "$status" "$detail"
done
exit "$found"
