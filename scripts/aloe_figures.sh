#!/usr/bin/env bash
# The renderer's quality bar (issue #2): the Middlebury Aloe left view + its
# ground-truth disparity -> a synthesised right view, compared with the real
# right view at full and half resolution, next to the naive warp + Telea
# reference of shared/fixtures/metrics; psnr_edge_band = PSNR where halos and
# fills live (`sdstereo compare --help`). Usage: scripts/aloe_figures.sh [SDSTEREO] [METRICS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build/release/app/sdstereo}"
dir="${2:-../shared/fixtures/metrics}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" depth2stereo --image "$dir/aloeL.jpg" --depth "$dir/aloeGT.png" --depth-kind disparity-px \
  --format right --out "$out/full.png" >/dev/null
"$bin" depth2stereo --image "$dir/aloeL_half.png" --depth "$dir/aloeGT_half.png" --depth-kind disparity-px \
  --depth-scale 0.5 --format right --out "$out/half.png" >/dev/null
echo "== full resolution (1282x1110), ours vs aloeR.jpg"
"$bin" compare "$out/full.png" "$dir/aloeR.jpg" --disparity "$dir/aloeGT.png"
echo "== half resolution (641x555), ours vs aloeR_half.png"
"$bin" compare "$out/half.png" "$dir/aloeR_half.png" --disparity "$dir/aloeGT_half.png" --disparity-scale 0.5
echo "== reference: naive warp + Telea (cases.json results.<full|half>.stretch_telea3)"
python3 - "$dir/cases.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for res in ("full", "half"):
    t = r[res]["stretch_telea3"]
    print(res, " ".join(f"{k} {t[k]:.4f}" for k in ("psnr_rgb", "psnr_gray", "ssim_gauss_rgb", "ssim_gauss_gray",
                                                     "ssim_uniform7_rgb", "ssim_uniform7_gray")))
PY
