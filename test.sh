#!/usr/bin/env bash
# Installs what is missing, builds everything with the tests, and runs them all
# (Qt Test executables and the fixture runner, through ctest); then the parsers
# of untrusted input under libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer (preset fuzz: clang, no LibTorch; 30 s a target).
# Arguments go to the first ctest (e.g. ./test.sh -R renderer) and skip the fuzzing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh test
scripts/build.sh testing
ctest --preset testing "$@"
if [ $# -eq 0 ]; then
  scripts/build.sh fuzz
  ctest --preset fuzz -j "$(nproc)"
fi
