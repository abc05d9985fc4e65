#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those missing, with the
# names of the release it runs on: Debian 12 "bookworm" (LibTorch 1.13, Qt 6.4,
# OpenCV 4.6, GCC 12) or Debian 13 "trixie" (LibTorch 2.6, Qt 6.8, OpenCV 4.10,
# GCC 14). Used by run.sh and test.sh; safe to run again. Needs root or sudo.
#   scripts/deps.sh            what building and running need
#   scripts/deps.sh test       and what test.sh needs on top (clang with libFuzzer, for the fuzz preset)
#   scripts/deps.sh package    and what scripts/package-deb.sh needs on top
set -euo pipefail

codename=unknown
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-unknown}")"
fi

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libtorch-dev libopenblas0-pthread nlohmann-json3-dev
  libopencv-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqcustomplot-dev libgl-dev
  xvfb xauth fonts-dejavu-core
)
# The names above exist in both releases (libgl-dev, not libgl1-mesa-dev: that is a
# transitional package in both). A release-specific name goes in its branch here.
# clang's libFuzzer and sanitizer runtimes: in libclang-rt-N-dev, N = the release's clang.
fuzz_runtime=libclang-rt-dev
case "$codename" in
  bookworm) fuzz_runtime=libclang-rt-14-dev ;;
  trixie) fuzz_runtime=libclang-rt-19-dev ;;
  *)
    echo "warning: this is '$codename'; the project is tested on Debian 12 (bookworm) and 13 (trixie)," >&2
    echo "warning: trying the same package names." >&2
    ;;
esac
if [ "${1:-}" = test ]; then
  packages+=(clang "$fuzz_runtime")
fi
if [ "${1:-}" = package ]; then
  # help2man writes the man page from `sdstereo --help`; CPack's dpkg-shlibdeps step needs file.
  packages+=(help2man file dpkg-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages ($codename): ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
else
  echo "error: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
