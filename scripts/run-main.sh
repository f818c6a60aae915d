#!/usr/bin/env bash
# The README's main command: set up, build, run the default scenario and write its report.
# Extra arguments go to `kyoten run` (e.g. --replications 50).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default
scenario="${KYOTEN_SCENARIO:-scenarios/setagaya-wardwide.toml}"
out="${KYOTEN_OUT:-results/$(basename "$scenario" .toml)}"
./build/default/app/kyoten run "$scenario" --out "$out" "$@"
./build/default/app/kyoten report "$out"
