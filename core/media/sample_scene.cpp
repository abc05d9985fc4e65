#include "core/media/sample_scene.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/media/image_io.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

struct V3 {
  double x, y, z;
  V3 operator+(V3 o) const { return {x + o.x, y + o.y, z + o.z}; }
  V3 operator-(V3 o) const { return {x - o.x, y - o.y, z - o.z}; }
  V3 operator*(double s) const { return {x * s, y * s, z * s}; }
  double dot(V3 o) const { return x * o.x + y * o.y + z * o.z; }
  V3 unit() const { return *this * (1.0 / std::sqrt(dot(*this))); }
};

struct Hit {
  double t = 1e30;  // ray parameter; rays have dz = 1, so t is the depth z
  V3 normal{0, 1, 0};
  V3 colour{0, 0, 0};
};

constexpr double kSkyDepth = 100.0;
const V3 kLight = V3{-0.5, 0.85, -0.45}.unit();

struct Sphere { V3 c; double r; V3 colour; };
const Sphere kSpheres[] = {
    {{-1.15, -0.45, 3.6}, 0.55, {0.85, 0.18, 0.15}},
    {{1.35, -0.35, 5.6}, 0.65, {0.20, 0.35, 0.85}},
    {{0.25, -0.78, 2.5}, 0.22, {0.95, 0.80, 0.15}},
};
// An axis-aligned box (lo, hi) with stripes.
const V3 kBoxLo{-0.6, -1.0, 7.5}, kBoxHi{0.5, 0.3, 8.6};

void hitSphere(const Sphere& s, V3 o, V3 d, Hit& h) {
  const V3 oc = o - s.c;
  const double a = d.dot(d), b = 2 * oc.dot(d), c = oc.dot(oc) - s.r * s.r;
  const double disc = b * b - 4 * a * c;
  if (disc < 0) return;
  const double t = (-b - std::sqrt(disc)) / (2 * a);
  if (t <= 1e-6 || t >= h.t) return;
  h.t = t;
  h.normal = (o + d * t - s.c).unit();
  h.colour = s.colour;
}

void hitBox(V3 o, V3 d, Hit& h) {
  double t0 = -1e30, t1 = 1e30;
  int axis = 0;
  const double os[3] = {o.x, o.y, o.z}, ds[3] = {d.x, d.y, d.z}, lo[3] = {kBoxLo.x, kBoxLo.y, kBoxLo.z},
               hi[3] = {kBoxHi.x, kBoxHi.y, kBoxHi.z};
  for (int i = 0; i < 3; ++i) {
    if (std::abs(ds[i]) < 1e-12) {
      if (os[i] < lo[i] || os[i] > hi[i]) return;
      continue;
    }
    double a = (lo[i] - os[i]) / ds[i], b = (hi[i] - os[i]) / ds[i];
    if (a > b) std::swap(a, b);
    if (a > t0) { t0 = a; axis = i; }
    t1 = std::min(t1, b);
  }
  if (t0 > t1 || t0 <= 1e-6 || t0 >= h.t) return;
  h.t = t0;
  const double sign = ds[axis] > 0 ? -1 : 1;
  h.normal = axis == 0 ? V3{sign, 0, 0} : axis == 1 ? V3{0, sign, 0} : V3{0, 0, sign};
  const V3 p = o + d * t0;
  const bool stripe = int(std::floor((p.y + 1.0) * 6.0)) % 2 == 0;
  h.colour = stripe ? V3{0.20, 0.62, 0.25} : V3{0.85, 0.88, 0.80};
}

void hitGround(V3 o, V3 d, Hit& h) {
  if (d.y >= 0) return;
  const double t = (-1.0 - o.y) / d.y;
  if (t <= 1e-6 || t >= h.t || t > 60) return;
  h.t = t;
  h.normal = {0, 1, 0};
  const V3 p = o + d * t;
  const bool dark = (int(std::floor(p.x)) + int(std::floor(p.z))) % 2 == 0;
  const double grain = 0.06 * std::sin(p.x * 9.1 + p.z * 3.7) * std::sin(p.z * 7.3 - p.x * 2.9);
  h.colour = (dark ? V3{0.42, 0.30, 0.20} : V3{0.80, 0.70, 0.52}) + V3{grain, grain, grain};
}

Hit trace(V3 o, V3 d) {
  Hit h;
  for (const Sphere& s : kSpheres) hitSphere(s, o, d, h);
  hitBox(o, d, h);
  hitGround(o, d, h);
  return h;
}

V3 shade(V3 o, V3 d) {
  const Hit h = trace(o, d);
  if (h.t >= 1e29) {  // sky: pale at the horizon, deeper blue above
    const double up = std::max(0.0, d.unit().y);
    return V3{0.80, 0.88, 0.97} * (1 - up) + V3{0.30, 0.50, 0.85} * up;
  }
  const V3 p = o + d * h.t;
  const double lambert = std::max(0.0, h.normal.dot(kLight));
  const bool shadowed = trace(p + h.normal * 1e-4, kLight).t < 1e29;
  const double light = 0.35 + 0.65 * lambert * (shadowed ? 0.25 : 1.0);
  return h.colour * light;
}

double focalPx(int w) { return 0.8 * w; }

// A camera at (origin_x, 0, 0) looking along +z whose image is shifted by
// `shift_px` columns (a shifted sensor: x = 0.5 w + f X / Z + shift).
struct Camera {
  int w, h;
  double origin_x = 0, shift_px = 0;
  V3 origin() const { return {origin_x, 0, 0}; }
  V3 rayThrough(double px, double py) const {
    const double f = focalPx(w);
    return {(px - 0.5 * w - shift_px) / f, -(py - 0.5 * h) / f, 1.0};
  }
};

uchar toByte(double v) { return uchar(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

void checkSize(int width, int height) {
  if (width < kSampleMinSide || height < kSampleMinSide || width > kSampleMaxSide || height > kSampleMaxSide)
    throw Error("The sample scene size must be between " + std::to_string(kSampleMinSide) + " and " +
                std::to_string(kSampleMaxSide) + " pixels a side.");
}

// The 2x2 supersampled image and the depth of each pixel centre seen by `cam`.
void renderView(const Camera& cam, cv::Mat& image, cv::Mat& depth) {
  image.create(cam.h, cam.w, CV_8UC3);
  depth.create(cam.h, cam.w, CV_32FC1);
  for (int y = 0; y < cam.h; ++y)
    for (int x = 0; x < cam.w; ++x) {
      V3 sum{0, 0, 0};
      for (int k = 0; k < 4; ++k)
        sum = sum + shade(cam.origin(), cam.rayThrough(x + 0.25 + 0.5 * (k % 2), y + 0.25 + 0.5 * (k / 2)));
      const V3 c = sum * 0.25;
      image.at<cv::Vec3b>(y, x) = {toByte(c.z), toByte(c.y), toByte(c.x)};
      const double t = trace(cam.origin(), cam.rayThrough(x + 0.5, y + 0.5)).t;
      depth.at<float>(y, x) = float(std::min(t, kSkyDepth));
    }
}

}  // namespace

SampleScene renderSampleScene(int width, int height) {
  checkSize(width, height);
  SampleScene s;
  renderView(Camera{width, height}, s.image, s.depth);
  cv::Mat inverse;
  cv::divide(1.0, s.depth, inverse, CV_32F);
  s.inverse_depth = mapTo16Bit(inverse);
  return s;
}

SampleRightView renderSampleRightView(const SampleScene& scene, double scale_percent) {
  if (!(scale_percent > 0 && scale_percent <= 50)) throw Error("The sample's disparity scale must be in (0, 50] percent.");
  const int w = scene.depth.cols, h = scene.depth.rows;
  checkSize(w, h);
  // The renderer maps the normalised inverse depth n = (1/z - a) / (b - a) to
  // d = n * px (fixed convergence 0). A camera moved right by B with its image
  // shifted by s sees a point at depth z at x_left - (f B / z - s), so
  // f B = px / (b - a) and s = a f B give exactly that disparity.
  cv::Mat inverse;
  cv::divide(1.0, scene.depth, inverse, CV_32F);
  double a = 0, b = 0;
  cv::minMaxLoc(inverse, &a, &b);
  const double px = scale_percent / 100.0 * w, k = px / std::max(b - a, 1e-12);
  Camera cam{w, h, k / focalPx(w), k * a};
  SampleRightView r;
  cv::Mat depth;
  renderView(cam, r.image, depth);
  r.disparity_px = (inverse - a) * k;
  return r;
}

void writeSampleScene(const std::string& dir, int width, int height, double right_scale_percent) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error("Cannot create the folder " + dir + ": " + ec.message());
  const SampleScene s = renderSampleScene(width, height);
  const TextChunks text{{"Software", std::string("sdstereo ") + SDSTEREO_VERSION + " make-sample"}};
  writeImageAtomic((std::filesystem::path(dir) / "image.png").string(), s.image, text);
  TextChunks depth_text = text;
  depth_text.emplace_back("sdstereo-depth-kind", "inverse-depth");
  writeImageAtomic((std::filesystem::path(dir) / "depth.png").string(), s.inverse_depth, depth_text);
  if (right_scale_percent <= 0) return;
  const SampleRightView r = renderSampleRightView(s, right_scale_percent);
  writeImageAtomic((std::filesystem::path(dir) / "right.png").string(), r.image, text);
  writeImageAtomic((std::filesystem::path(dir) / "disparity.tiff").string(), r.disparity_px);
}

}  // namespace sds::media
