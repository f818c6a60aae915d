#!/usr/bin/env bash
# The README's test command: set up, build, and run every test — C++ (GoogleTest via CTest) and Python
# (pytest: analysis, report, browser test, notebooks).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
lap() { echo "== test-all: $1 after $(( $(date +%s) - start )) s =="; }
bash scripts/setup.sh
bash scripts/build.sh default
lap "build"
ctest --preset default -j "$(nproc)"
lap "C++ tests"
export KYOTEN_PYTHON="${KYOTEN_PYTHON:-/usr/bin/python3}"
export KYOTEN_BIN="$PWD/build/default/app/kyoten"
"$KYOTEN_PYTHON" -m pytest tests/analysis -q
lap "Python tests"
