#!/usr/bin/env bash
# Installs every Debian package kyoten needs, idempotently: packages already present are skipped,
# so a second run does no network work. Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail

packages=(
  g++ cmake make ninja-build pkg-config
  libtomlplusplus-dev libeigen3-dev libboost-dev libboost-math-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev librapidcheck-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev sqlite3
  python3 python3-pandas python3-matplotlib python3-pytest python3-numpy python3-openpyxl python3-jinja2
  jupyter-nbconvert python3-ipykernel python3-nbformat
  fonts-noto-cjk
  chromium chromium-driver poppler-utils python3-selenium
  libcpp-httplib-dev libjs-chart.js
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "kyoten setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
