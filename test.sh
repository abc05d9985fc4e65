#!/usr/bin/env bash
# Installs what is missing, builds everything with the tests, and runs them all
# (Qt Test executables and the fixture runner, through ctest).
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
scripts/build.sh testing
ctest --preset testing "$@"
