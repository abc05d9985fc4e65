#!/usr/bin/env bash
# The main job: installs what is missing, builds, and launches the studio on the
# bundled sample. Without a display it runs the CLI demo on the same sample and
# writes SBS, anaglyph and depth previews into out/demo/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh
scripts/build.sh release --target sdstereo sdstereo-studio

bin=build/release/app
sample=resources/sample
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/sdstereo-studio" --image "$sample/image.png" --depth "$sample/depth.png" "$@"
fi

out=out/demo
mkdir -p "$out"
echo "No display found: running the CLI demo on the bundled sample."
for format in sbs anaglyph-dubois anaglyph-color hsbs right; do
  "$bin/sdstereo" depth2stereo --image "$sample/image.png" --depth "$sample/depth.png" \
    --depth-kind inverse-depth --scale 4 --format "$format" --out "$out/sample_$format.png"
done
"$bin/sdstereo" depth2stereo --image "$sample/image.png" --depth "$sample/depth.png" \
  --depth-kind inverse-depth --scale 4 --format mpo --out "$out/sample.mpo"
cp "$sample/depth.png" "$out/sample_depth.png"
echo "Wrote the demo outputs to $(pwd)/$out:"
ls -1 "$out"
