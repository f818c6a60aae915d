#!/usr/bin/env bash
# The README's test command: set up, build, and run every test — C++ (GoogleTest via CTest) and Python
# (pytest: analysis, report, browser test, notebooks).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default
ctest --preset default -j "$(nproc)"
export KYOTEN_PYTHON="${KYOTEN_PYTHON:-/usr/bin/python3}"
export KYOTEN_BIN="$PWD/build/default/app/kyoten"
"$KYOTEN_PYTHON" -m pytest tests/analysis -q
