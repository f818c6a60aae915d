#!/usr/bin/env bash
# Fuzzes the scenario loader with libFuzzer for SECONDS (default 60; CI runs 60, run longer on demand):
#   bash scripts/fuzz.sh 3600
# Builds the fuzz preset (clang-14, ASan + UBSan, only the fuzz target), seeds from the shipped scenarios and the
# bad-scenario corpus, and keeps what it learns in build/fuzz/corpus. A crash, hang, sanitizer report or
# exception other than a refused input stops the run with exit 1 and leaves the input in build/fuzz/findings/:
# add it to tests/data/bad_scenarios/ with the error it must give, then fix the loader.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cmake --preset fuzz -G Ninja >/dev/null
cmake --build --preset fuzz -j "$(nproc)"
corpus=build/fuzz/corpus
findings=build/fuzz/findings
mkdir -p "$corpus" "$findings"
cp -n scenarios/*.toml tests/data/bad_scenarios/*.toml "$corpus"/ 2>/dev/null || true
start=$(date +%s)
KYOTEN_FUZZ_HELPERS="$PWD/tests/data/bad_scenarios" \
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  build/fuzz/fuzz/fuzz_scenario_loader "$corpus" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict=fuzz/toml.dict -artifact_prefix="$findings/" -print_final_stats=1 2>build/fuzz/last-run.log || {
    tail -n 60 build/fuzz/last-run.log
    echo "fuzz: a finding after $(( $(date +%s) - start )) s; the input is in $findings/" >&2
    exit 1
  }
grep -E "^stat::number_of_executed_units|^stat::new_units_added" build/fuzz/last-run.log || true
echo "fuzz: ${seconds} s of fuzzing, no finding ($(ls "$corpus" | wc -l) inputs in $corpus)"
