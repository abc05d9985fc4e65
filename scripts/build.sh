#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: release). Used by run.sh
# and test.sh. Build folders live under build/<preset>.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
shift || true
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" "$@"
