#include "core/media/sample_scene.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

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

V3 shade(V3 d) {
  const Hit h = trace({0, 0, 0}, d);
  if (h.t >= 1e29) {  // sky: pale at the horizon, deeper blue above
    const double up = std::max(0.0, d.unit().y);
    return V3{0.80, 0.88, 0.97} * (1 - up) + V3{0.30, 0.50, 0.85} * up;
  }
  const V3 p = d * h.t;
  const double lambert = std::max(0.0, h.normal.dot(kLight));
  const bool shadowed = trace(p + h.normal * 1e-4, kLight).t < 1e29;
  const double light = 0.35 + 0.65 * lambert * (shadowed ? 0.25 : 1.0);
  return h.colour * light;
}

V3 rayThrough(double px, double py, int w, int h) {
  const double f = 0.8 * w;
  return {(px - 0.5 * w) / f, -(py - 0.5 * h) / f, 1.0};
}

uchar toByte(double v) { return uchar(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

}  // namespace

SampleScene renderSampleScene(int width, int height) {
  if (width < 16 || height < 16 || width > 4096 || height > 4096)
    throw Error("The sample scene size must be between 16 and 4096 pixels a side.");
  SampleScene s{cv::Mat(height, width, CV_8UC3), cv::Mat(height, width, CV_32FC1), {}};
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      V3 sum{0, 0, 0};
      for (int k = 0; k < 4; ++k) sum = sum + shade(rayThrough(x + 0.25 + 0.5 * (k % 2), y + 0.25 + 0.5 * (k / 2), width, height));
      const V3 c = sum * 0.25;
      s.image.at<cv::Vec3b>(y, x) = {toByte(c.z), toByte(c.y), toByte(c.x)};
      const double t = trace({0, 0, 0}, rayThrough(x + 0.5, y + 0.5, width, height)).t;
      s.depth.at<float>(y, x) = float(std::min(t, kSkyDepth));
    }
  cv::Mat inverse;
  cv::divide(1.0, s.depth, inverse, CV_32F);
  s.inverse_depth = mapTo16Bit(inverse);
  return s;
}

void writeSampleScene(const std::string& dir, int width, int height) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error("Cannot create the folder " + dir + ": " + ec.message());
  const SampleScene s = renderSampleScene(width, height);
  const TextChunks text{{"Software", std::string("sdstereo ") + SDSTEREO_VERSION + " make-sample"}};
  writeImageAtomic((std::filesystem::path(dir) / "image.png").string(), s.image, text);
  TextChunks depth_text = text;
  depth_text.emplace_back("sdstereo-depth-kind", "inverse-depth");
  writeImageAtomic((std::filesystem::path(dir) / "depth.png").string(), s.inverse_depth, depth_text);
}

}  // namespace sds::media
