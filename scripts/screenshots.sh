#!/usr/bin/env bash
# Screenshots of the studio under a real X server (Xvfb), for review:
#   scripts/screenshots.sh OUTDIR [BUILD_DIR]
# writes OUTDIR/{1-first-start,2-estimated-depth,3-generated-pair,4-mismatch,5-export-overwrite,
# 6-menu-tooltip,7-generating,8-about,9-user-guide,10-anaglyph,11-zoomed,12-wiggle,13-undo-menu,
# 14-sdxl-detected,15-depth-models,16-inpainting,17-inpainted,18-composed-pair}.png. The studio speaks the language of LANG (e.g. LANG=de_DE.UTF-8 scripts/screenshots.sh DIR).
# Each one runs sdstereo-studio --scenario NAME --screenshot FILE (app/studio/screenshot_scenarios.h):
# the studio reaches the state itself, grabs the X screen (dialogs included) and quits.
# Needs: Xvfb (apt-get install -y xvfb), a built studio (default: build/testing/app/sdstereo-studio).
# Uses the bundled sample and the tiny models in tests/data; settings go to a fresh temporary folder.
set -euo pipefail
out=${1:?usage: scripts/screenshots.sh OUTDIR [BUILD_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build/testing}
studio=$build/app/sdstereo-studio
[ -x "$studio" ] || { echo "no studio at $studio; build the sdstereo-studio target" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb is missing: apt-get install -y xvfb" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

sample=$root/resources/sample
data=$root/tests/data
shoot() {  # NAME FILE ARGS...
  local name=$1 file=$2; shift 2
  echo "== $name -> $file"
  rm -rf "$work/config"
  # Depth models are listed from a Hugging Face cache of the script's own, never this machine's.
  DISPLAY=$display QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    HF_HUB_CACHE=${shots_hub:-$work/no-hub} SDSTEREO_THREADS=2 \
    timeout 600 "$studio" --scenario "$name" --screenshot "$out/$file" "$@" || echo "scenario $name FAILED" >&2
}

shoot first-start 1-first-start.png
shoot estimated-depth 2-estimated-depth.png --image "$sample/image.png" \
  --depth-model "$data/depth-anything-v2-tiny"
shoot generated-pair 3-generated-pair.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --sd-model "$data/sd-tiny-v1/model" --depth-model "$data/depth-anything-v2-tiny"
# A depth map of another shape than the 4:3 photo (641 x 555).
shoot mismatch 4-mismatch.png --image "$sample/image.png" --depth "$data/metrics/aloeGT_half.png"
cp "$sample/image.png" "$work/existing.png"
shoot export-overwrite 5-export-overwrite.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --export-path "$work/existing.png"
shoot menu-tooltip 6-menu-tooltip.png --image "$sample/image.png" --depth "$sample/depth.png"
# A prompt run grabbed in the middle: steps, time left, intermediate picture, step plot.
shoot generating 7-generating.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --sd-model "$data/sd-tiny-v1/model" --depth-model "$data/depth-anything-v2-tiny"
shoot about 8-about.png
shoot user-guide 9-user-guide.png
shoot anaglyph 10-anaglyph.png
shoot zoomed 11-zoomed.png
shoot wiggle 12-wiggle.png
shoot undo-menu 13-undo-menu.png
# The Generate dock with the tiny SDXL model chosen: the detected family and its native size.
shoot sdxl-detected 14-sdxl-detected.png --sd-model "$data/sd-tiny-xl/model" --depth-model "$data/depth-anything-v2-tiny"
# Two depth models found: a DA3Mono-Large release (its config.json names the preset, so the weights are not
# read: a placeholder stands in) and the tiny V2 model, in a hub cache laid out as huggingface_hub stores them.
shots_hub=$work/hf-hub
for repo in depth-anything--DA3MONO-LARGE someone--v2-tiny; do
  mkdir -p "$shots_hub/models--$repo/snapshots/r1" "$shots_hub/models--$repo/refs"
  printf r1 > "$shots_hub/models--$repo/refs/main"
done
printf '{"model_name": "da3mono-large"}' > "$shots_hub/models--depth-anything--DA3MONO-LARGE/snapshots/r1/config.json"
echo placeholder > "$shots_hub/models--depth-anything--DA3MONO-LARGE/snapshots/r1/model.safetensors"
cp "$data/depth-anything-v2-tiny/config.json" "$data/depth-anything-v2-tiny/model.safetensors" \
  "$shots_hub/models--someone--v2-tiny/snapshots/r1/"
shoot depth-models 15-depth-models.png --image "$sample/image.png" --depth "$sample/depth.png"
# The Stereo panel's inpainting-model fill with the tiny inpainting model: half way, and done.
shoot inpainting 16-inpainting.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --sd-model "$data/sd-tiny-inpaint/model"
shoot inpainted 17-inpainted.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --sd-model "$data/sd-tiny-inpaint/model"
# A prompt pair made again with "Keep the left view's pixels where the right eye sees them" ticked (issue 13).
shoot composed-pair 18-composed-pair.png --image "$sample/image.png" --depth "$sample/depth.png" \
  --sd-model "$data/sd-tiny-v1/model" --depth-model "$data/depth-anything-v2-tiny"
ls -l "$out"
