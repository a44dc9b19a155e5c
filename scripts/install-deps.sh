#!/usr/bin/env bash
# Installs the build and test dependencies of Orchid from Debian's packages.
# Idempotent: packages already present are not touched, and apt-get only runs
# when something is missing.
set -euo pipefail

packages=(
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  cmake ninja-build ccache lld g++ python3
  libomp-22-dev libfftw3-dev libopenblas-dev libgtest-dev
)
# Tests that need these are skipped without them (lit features).
optional=(python3-numpy python3-torch)
# `--sanitizers`: what the sanitizer and fuzzing builds need as well
# (make check-asan, make fuzz).
if [ "${1:-}" = "--sanitizers" ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing() {
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      echo "$p"
    fi
  done
}

mapfile -t required_missing < <(missing "${packages[@]}")
mapfile -t optional_missing < <(missing "${optional[@]}")
if [ ${#required_missing[@]} -eq 0 ] && [ ${#optional_missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || [ ${#required_missing[@]} -eq 0 ]
if [ ${#required_missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${required_missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${required_missing[@]}"
fi
if [ ${#optional_missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${optional_missing[*]} (optional)"
  $SUDO apt-get install -y -qq --no-install-recommends "${optional_missing[@]}" ||
    echo "install-deps: ${optional_missing[*]} not installed; the tests that need it will be skipped"
fi
