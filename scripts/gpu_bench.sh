#!/usr/bin/env bash
# The whole CUDA benchmark in one command, on a machine with an NVIDIA GPU and
# PyTorch 2.x (no Qt, no OpenCV needed):
#   1. configures and builds sdstereo engine-only against PyTorch's own LibTorch,
#   2. runs diffusers' reference (scripts/bench_reference.py, float16, SDPA),
#   3. runs `sdstereo bench --device cuda --reference <that JSON>`,
# and prints both. Results go to $OUT (default out/gpu-bench).
#
# Needs: cmake >= 3.22, ninja, a C++17 compiler, nlohmann_json headers (found by
# CMake, or NLOHMANN_JSON_INCLUDE=/path/containing/nlohmann), python3 with torch,
# and diffusers v0.25.1 importable (PYTHONPATH, default .ref/ as BENCHMARKS.md
# sets it up). Options through the environment:
#   OUT, BUILD_DIR, PYTHON, JOBS (16), SECTIONS (sd,stereo,inversion),
#   SDSTEREO_BENCH_MODELS / _SIZES / _STEPS / _REPEATS (see bench_sd_common.h).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/out/gpu-bench}
BUILD=${BUILD_DIR:-$ROOT/build/gpu-bench}
PY=${PYTHON:-python3}
JOBS=${JOBS:-16}
SECTIONS=${SECTIONS:-sd,stereo,inversion}
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1 || { echo "gpu_bench: '$1' is missing on this machine." >&2; exit 1; }; }
need cmake
need ninja
need "$PY"

"$PY" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' ||
  { echo "gpu_bench: PyTorch sees no CUDA device." >&2; exit 1; }
TORCH_CMAKE=$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader > "$OUT/gpu.txt" 2>/dev/null || true

# --- 1. build -------------------------------------------------------------------
EXTRA=()
# nlohmann_json is header-only: without a CMake package on this machine, point a
# tiny generated package at a copy of the headers (.ref/nlohmann_json/include).
NLOHMANN_JSON_INCLUDE=${NLOHMANN_JSON_INCLUDE:-}
if [ -z "$NLOHMANN_JSON_INCLUDE" ] && [ ! -f /usr/include/nlohmann/json.hpp ] &&
   [ ! -f /usr/local/include/nlohmann/json.hpp ] && [ -f "$ROOT/.ref/nlohmann_json/include/nlohmann/json.hpp" ]; then
  NLOHMANN_JSON_INCLUDE=$ROOT/.ref/nlohmann_json/include
fi
if [ -n "$NLOHMANN_JSON_INCLUDE" ]; then
  SHIM=$BUILD/nlohmann-json-package
  mkdir -p "$SHIM"
  cat > "$SHIM/nlohmann_jsonConfig.cmake" <<EOF2
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "$NLOHMANN_JSON_INCLUDE")
endif()
EOF2
  printf 'set(PACKAGE_VERSION 3.11.2)\nset(PACKAGE_VERSION_COMPATIBLE TRUE)\n' > "$SHIM/nlohmann_jsonConfigVersion.cmake"
  EXTRA+=("-Dnlohmann_json_DIR=$SHIM")
fi
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSDSTEREO_ENGINE_ONLY=ON \
  -DSDSTEREO_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$TORCH_CMAKE" "${EXTRA[@]}" > "$OUT/configure.log" 2>&1 ||
  { tail -30 "$OUT/configure.log" >&2; exit 1; }
ninja -C "$BUILD" -j"$JOBS" sdstereo > "$OUT/build.log" 2>&1 || { grep -m20 -A5 "error" "$OUT/build.log" >&2; exit 1; }

# --- 2. reference ---------------------------------------------------------------
export PYTHONPATH=${PYTHONPATH:-$ROOT/.ref}
"$PY" "$ROOT/scripts/bench_reference.py" --device cuda --out "$OUT/reference-cuda.json" \
  ${SDSTEREO_BENCH_MODELS:+--models "$SDSTEREO_BENCH_MODELS"} ${SDSTEREO_BENCH_SIZES:+--sizes "$SDSTEREO_BENCH_SIZES"} \
  ${SDSTEREO_BENCH_STEPS:+--steps "$SDSTEREO_BENCH_STEPS"} ${SDSTEREO_BENCH_REPEATS:+--repeats "$SDSTEREO_BENCH_REPEATS"} \
  > "$OUT/reference-cuda.stdout" 2> "$OUT/reference-cuda.log" || { tail -30 "$OUT/reference-cuda.log" >&2; exit 1; }

# --- 3. ours --------------------------------------------------------------------
"$BUILD/app/sdstereo" bench --device cuda --only "$SECTIONS" --reference "$OUT/reference-cuda.json" \
  > "$OUT/sdstereo-bench-cuda.md" 2> "$OUT/sdstereo-bench-cuda.log" || { tail -30 "$OUT/sdstereo-bench-cuda.log" >&2; exit 1; }

echo "== GPU: $(cat "$OUT/gpu.txt" 2>/dev/null)"
echo "== diffusers reference ($OUT/reference-cuda.json)"
cat "$OUT/reference-cuda.json"
echo
echo "== sdstereo bench ($OUT/sdstereo-bench-cuda.md; speed-up = reference / ours)"
cat "$OUT/sdstereo-bench-cuda.md"
