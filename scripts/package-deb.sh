#!/usr/bin/env bash
# Builds the Debian package for the release this runs on (Debian 12 or 13):
#   build/release/sdstereo_<version>-1~deb<N>_<arch>.deb
# Installs what is missing (scripts/deps.sh package), builds the release preset
# (binaries, sdstereo(1) from help2man) and runs CPack's DEB generator, whose
# dpkg-shlibdeps step writes the library dependencies. Install it with
#   sudo apt install ./build/release/sdstereo_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh package
scripts/build.sh release
rm -f build/release/sdstereo_*.deb
(cd build/release && cpack -G DEB)
deb="$(ls build/release/sdstereo_*.deb)"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
echo "Package: $(pwd)/$deb"
