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
#   MORE_SECTIONS (timed after SECTIONS, same reference; e.g. stereo,inversion,depth),
#   VERIFY ("DIR DIR...": reference sets checked on CUDA in float32 and float16 first),
#   SDSTEREO_BENCH_MODELS / _SIZES / _STEPS / _REPEATS (see bench_sd_common.h).
# Files in $OUT (at most eight, for machines that return only a few): configure.log,
# build.log, verify.log, reference-cuda.json, reference-cuda.log,
# sdstereo-bench-cuda.md, sdstereo-bench-cuda.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/out/gpu-bench}
BUILD=${BUILD_DIR:-$ROOT/build/gpu-bench}
PY=${PYTHON:-python3}
JOBS=${JOBS:-16}
SECTIONS=${SECTIONS:-sd,stereo,inversion}
MORE_SECTIONS=${MORE_SECTIONS:-}
VERIFY=${VERIFY:-}
mkdir -p "$OUT"
step() { echo "== $(date -u +%T) $*"; }

need() { command -v "$1" >/dev/null 2>&1 || { echo "gpu_bench: '$1' is missing on this machine." >&2; exit 1; }; }
need cmake
need ninja
need "$PY"

"$PY" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' ||
  { echo "gpu_bench: PyTorch sees no CUDA device." >&2; exit 1; }
TORCH_CMAKE=$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')
GPU=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || true)
step "GPU: $GPU; torch $("$PY" -c 'import torch; print(torch.__version__, "CUDA", torch.version.cuda)'); $(nproc) cores"

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
step "configure and build (ninja -j$JOBS)"
[ -d /usr/local/cuda ] && [ -z "${CUDAToolkit_ROOT:-}" ] && export CUDAToolkit_ROOT=/usr/local/cuda
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSDSTEREO_ENGINE_ONLY=ON \
  -DSDSTEREO_BUILD_TESTS=OFF -DSDSTEREO_PCH=ON -DCMAKE_PREFIX_PATH="$TORCH_CMAKE" "${EXTRA[@]}" > "$OUT/configure.log" 2>&1 ||
  { tail -30 "$OUT/configure.log" >&2; exit 1; }
ninja -C "$BUILD" -j"$JOBS" -k 0 sdstereo > "$OUT/build.log" 2>&1 || { grep -m40 -A8 "error" "$OUT/build.log" >&2; exit 1; }
SDSTEREO=$BUILD/app/sdstereo

# --- 1b. the reference sets on CUDA, float32 (TF32 off) and float16, all at once -------
if [ -n "$VERIFY" ]; then
  step "verify-fixtures on CUDA: $VERIFY"
  : > "$OUT/verify.log"
  pids=()
  for dir in $VERIFY; do
    for dtype in float32 float16; do
      log=$BUILD/verify-$(basename "$dir")-$dtype.log
      # `|| rc=$?`: under set -e a failing run would end the subshell before its status is written.
      (rc=0; SDSTEREO_DEVICE=cuda OMP_NUM_THREADS=2 timeout 300 "$SDSTEREO" verify-fixtures --dtype "$dtype" "$dir" \
         > "$log" 2>&1 || rc=$?
       echo "exit status $rc" >> "$log") &
      pids+=($!)
    done
  done
  wait "${pids[@]}" || true
  for dir in $VERIFY; do
    for dtype in float32 float16; do
      log=$BUILD/verify-$(basename "$dir")-$dtype.log
      { echo "=== $(basename "$dir") $dtype"; cat "$log"; } >> "$OUT/verify.log"
      echo "verify $(basename "$dir") $dtype: $(grep -E "passed, .* failed" "$log" | tail -1) $(tail -1 "$log")"
    done
  done
fi

# --- 2. reference ---------------------------------------------------------------
step "diffusers reference"
export PYTHONPATH=${PYTHONPATH:-$ROOT/.ref}
"$PY" "$ROOT/scripts/bench_reference.py" --device cuda --out "$OUT/reference-cuda.json" \
  ${SDSTEREO_BENCH_MODELS:+--models "$SDSTEREO_BENCH_MODELS"} ${SDSTEREO_BENCH_SIZES:+--sizes "$SDSTEREO_BENCH_SIZES"} \
  ${SDSTEREO_BENCH_STEPS:+--steps "$SDSTEREO_BENCH_STEPS"} ${SDSTEREO_BENCH_REPEATS:+--repeats "$SDSTEREO_BENCH_REPEATS"} \
  > /dev/null 2> "$OUT/reference-cuda.log" || { tail -30 "$OUT/reference-cuda.log" >&2; exit 1; }

# --- 3. ours --------------------------------------------------------------------
step "sdstereo bench --only $SECTIONS"
"$SDSTEREO" bench --device cuda --only "$SECTIONS" --reference "$OUT/reference-cuda.json" \
  > "$OUT/sdstereo-bench-cuda.md" 2> "$OUT/sdstereo-bench-cuda.log" || { tail -30 "$OUT/sdstereo-bench-cuda.log" >&2; exit 1; }
if [ -n "$MORE_SECTIONS" ]; then
  step "sdstereo bench --only $MORE_SECTIONS"
  "$SDSTEREO" bench --device cuda --only "$MORE_SECTIONS" --reference "$OUT/reference-cuda.json" \
    >> "$OUT/sdstereo-bench-cuda.md" 2>> "$OUT/sdstereo-bench-cuda.log" || tail -30 "$OUT/sdstereo-bench-cuda.log" >&2
fi

step "done. GPU: $GPU"
echo "== diffusers reference ($OUT/reference-cuda.json)"
cat "$OUT/reference-cuda.json"
echo
echo "== sdstereo bench ($OUT/sdstereo-bench-cuda.md; speed-up = reference / ours)"
cat "$OUT/sdstereo-bench-cuda.md"
