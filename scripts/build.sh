#!/usr/bin/env bash
# Configures and builds one CMake preset (default: "default"). Used by the README's two commands and CI.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
cmake --preset "$preset" -G Ninja >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
