// Bench section "preview": what one slider move in the studio costs, i.e. a
// 1024x1024 re-render (warp, fill, composite) of the classical renderer.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <iomanip>
#include <sstream>

#include <opencv2/core.hpp>

#include "app/cli/bench_registry.h"
#include "core/media/sample_scene.h"
#include "core/media/stereo_formats.h"
#include "core/media/stereo_render.h"

namespace sds::cli {
namespace {

struct Timing {
  double wall_ms = 0, cpu_ms = 0;  // medians; cpu = user + sys of all threads
};

double processCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

Timing median(const std::function<void()>& fn, int repeats) {
  fn();  // warm-up: allocator, thread pool
  std::vector<double> wall, cpu;
  for (int i = 0; i < repeats; ++i) {
    const double c0 = processCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(processCpuMs() - c0);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

BenchRow row(const std::string& what, const Timing& t, const std::string& note) {
  std::ostringstream o;
  o << note << "; CPU time " << std::fixed << std::setprecision(1) << t.cpu_ms << " ms";
  return {"preview", what, t.wall_ms, 0, o.str(), ""};
}

std::vector<BenchRow> runPreview(const BenchOptions& o) {
  const int side = 1024, repeats = o.quick ? 3 : 15;
  const media::SampleScene scene = media::renderSampleScene(side, side);
  const std::string size = std::to_string(side) + "x" + std::to_string(side);
  const std::string runs = ", median of " + std::to_string(repeats);
  media::RenderParams p;
  p.depth_kind = media::DepthKind::InverseDepth;
  p.scale_percent = 3.0;
  p.device = o.device;
  p.texture_fill = false;  // as the studio's preview renders (render_worker.cpp)

  std::vector<BenchRow> rows;
  rows.push_back(row("right view " + size + ": warp + background fill",
                     median([&] { media::renderStereo(scene.image, scene.inverse_depth, p); }, repeats),
                     "render only, edge handling at its defaults" + runs));
  media::RenderParams plain = p;  // what the depth-edge handling costs
  plain.edge_band_px = 0;
  plain.edge_smoothing_px = 0;
  rows.push_back(row("right view " + size + ": without edge handling",
                     median([&] { media::renderStereo(scene.image, scene.inverse_depth, plain); }, repeats),
                     "render only, --edge-band 0 --edge-smoothing 0" + runs));
  rows.push_back(row("slider move " + size + ": render + anaglyph-dubois", median([&] {
                       const auto pair = media::renderStereo(scene.image, scene.inverse_depth, p);
                       media::composeStereo(pair.left, pair.right, media::StereoFormat::AnaglyphDubois);
                     }, repeats), "budget 50 ms" + runs));
  // Many users' maps are 8-bit: coarse, so each render also smooths its terraces (map_terraces.h).
  cv::Mat eight_bit;
  cv::normalize(scene.inverse_depth, eight_bit, 0, 255, cv::NORM_MINMAX, CV_8U);
  rows.push_back(row("slider move " + size + ": 8-bit map, render + anaglyph-dubois", median([&] {
                       const auto pair = media::renderStereo(scene.image, eight_bit, p);
                       media::composeStereo(pair.left, pair.right, media::StereoFormat::AnaglyphDubois);
                     }, repeats), "budget 50 ms; the map's terraces smoothed on each render" + runs));
  media::RenderParams textured = p;  // what the export's texture fill adds
  textured.texture_fill = true;
  rows.push_back(row("right view " + size + ": with the texture fill (export, CLI)",
                     median([&] { media::renderStereo(scene.image, scene.inverse_depth, textured); }, repeats),
                     "render only, --texture-fill 1; not in the preview" + runs));
  media::RenderParams both = p;
  both.view_mode = media::ViewMode::BothHalf;
  rows.push_back(row("slider move " + size + ": both views + hsbs", median([&] {
                       const auto pair = media::renderStereo(scene.image, scene.inverse_depth, both);
                       media::composeStereo(pair.left, pair.right, media::StereoFormat::HalfSbs);
                     }, repeats), "budget 50 ms" + runs));
  return rows;
}

const BenchRegistration reg{{"preview", "classical renderer re-render of a 1024x1024 preview", &runPreview}};

}  // namespace
}  // namespace sds::cli
