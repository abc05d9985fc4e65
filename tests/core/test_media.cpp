// core/media: stereo formats, anaglyph formulas, MPO structure, PNG text chunks,
// image files (16-bit, float TIFF, EXIF orientation), atomic export, the sample.
#include <QtTest/QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>

#include "core/media/image_io.h"
#include "core/media/mpo.h"
#include "core/media/png_text.h"
#include "core/media/sample_scene.h"
#include "core/media/stereo_export.h"
#include "core/media/stereo_formats.h"
#include "core/base/atomic_file.h"
#include "core/base/error.h"

using namespace sds;
using namespace sds::media;
namespace fs = std::filesystem;

namespace {

const cv::Vec3b kLeft(10, 20, 200), kRight(180, 90, 30);  // BGR

cv::Mat solid(int w, int h, cv::Vec3b c) { return cv::Mat(h, w, CV_8UC3, cv::Scalar(c[0], c[1], c[2])); }

bool allEqual(const cv::Mat& m, cv::Vec3b c) {
  return cv::norm(m, solid(m.cols, m.rows, c), cv::NORM_INF) == 0;
}

std::vector<std::string> filesIn(const QString& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.toStdString())) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A JPEG whose APP1 Exif block says "rotate 90 degrees clockwise to display" (orientation 6).
std::string jpegWithOrientation6(const cv::Mat& image) {
  std::vector<uchar> bytes;
  cv::imencode(".jpg", image, bytes);
  const std::string tiff = std::string("MM\0\x2A\0\0\0\x08", 8) + std::string("\0\x01", 2) +  // one entry
                           std::string("\x01\x12\0\x03\0\0\0\x01\0\x06\0\0", 12) +         // Orientation SHORT 6
                           std::string("\0\0\0\0", 4);
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  std::string app1 = "\xFF\xE1";
  app1.push_back(char((body.size() + 2) >> 8));
  app1.push_back(char((body.size() + 2) & 0xFF));
  const std::string jpeg(bytes.begin(), bytes.end());
  return jpeg.substr(0, 2) + app1 + body + jpeg.substr(2);
}

}  // namespace

class TestMedia : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void formatNamesRoundTrip() {
    for (StereoFormat f : allStereoFormats()) QVERIFY(parseStereoFormat(toString(f)) == f);
    QVERIFY_THROWS_EXCEPTION(sds::Error, parseStereoFormat("sbs3d"));
  }

  // Where each view lands in each packed layout: side by side on 6 x 4 views,
  // over-under on 5 x 6 ones (the halved side stays whole).
  void packedLayouts() {
    struct Layout {
      StereoFormat format;
      cv::Size view, packed;
      cv::Rect left, right;
    };
    const Layout layouts[] = {
        {StereoFormat::SbsParallel, {6, 4}, {12, 4}, {0, 0, 6, 4}, {6, 0, 6, 4}},
        {StereoFormat::SbsCross, {6, 4}, {12, 4}, {6, 0, 6, 4}, {0, 0, 6, 4}},
        {StereoFormat::HalfSbs, {6, 4}, {6, 4}, {0, 0, 3, 4}, {3, 0, 3, 4}},
        {StereoFormat::OverUnder, {5, 6}, {5, 12}, {0, 0, 5, 6}, {0, 6, 5, 6}},
        {StereoFormat::HalfOverUnder, {5, 6}, {5, 6}, {0, 0, 5, 3}, {0, 3, 5, 3}},
    };
    for (const Layout& t : layouts) {
      const cv::Mat packed =
          composeStereo(solid(t.view.width, t.view.height, kLeft), solid(t.view.width, t.view.height, kRight), t.format);
      QCOMPARE(packed.size(), t.packed);
      QVERIFY2(allEqual(packed(t.left), kLeft) && allEqual(packed(t.right), kRight), toString(t.format).c_str());
    }
    QCOMPARE(composeStereo(solid(7, 4, kLeft), solid(7, 4, kRight), StereoFormat::HalfSbs).size(), cv::Size(7, 4));
  }

  void singleViewsAndMismatchedSizes() {
    const cv::Mat l = solid(5, 6, kLeft), r = solid(5, 6, kRight);
    QVERIFY(allEqual(composeStereo(l, r, StereoFormat::Left), kLeft));
    QVERIFY(allEqual(composeStereo(l, r, StereoFormat::Right), kRight));
    QVERIFY_THROWS_EXCEPTION(sds::Error, composeStereo(l, solid(4, 6, kRight), StereoFormat::SbsParallel));
  }

  void anaglyphFormulas() {
    cv::Mat l(3, 4, CV_8UC3), r(3, 4, CV_8UC3);
    cv::randu(l, 0, 256);
    cv::randu(r, 0, 256);
    auto y = [](cv::Vec3b p) { return 0.299 * p[2] + 0.587 * p[1] + 0.114 * p[0]; };
    // Expected (R, G, B) of each anaglyph from left pixel a and right pixel b (BGR storage).
    struct Case { StereoFormat f; std::function<cv::Vec3d(cv::Vec3b, cv::Vec3b)> rgb; };
    const std::vector<Case> cases = {
        {StereoFormat::AnaglyphTrue, [&](cv::Vec3b a, cv::Vec3b b) { return cv::Vec3d(y(a), 0, y(b)); }},
        {StereoFormat::AnaglyphGray, [&](cv::Vec3b a, cv::Vec3b b) { return cv::Vec3d(y(a), y(b), y(b)); }},
        {StereoFormat::AnaglyphColor, [&](cv::Vec3b a, cv::Vec3b b) { return cv::Vec3d(a[2], b[1], b[0]); }},
        {StereoFormat::AnaglyphHalfColor, [&](cv::Vec3b a, cv::Vec3b b) { return cv::Vec3d(y(a), b[1], b[0]); }},
        {StereoFormat::AnaglyphDubois,
         [&](cv::Vec3b a, cv::Vec3b b) {
           const double R = 0.456 * a[2] + 0.500 * a[1] + 0.176 * a[0] - 0.043 * b[2] - 0.088 * b[1] - 0.002 * b[0];
           const double G = -0.040 * a[2] - 0.038 * a[1] - 0.016 * a[0] + 0.378 * b[2] + 0.734 * b[1] - 0.018 * b[0];
           const double B = -0.015 * a[2] - 0.021 * a[1] - 0.005 * a[0] - 0.072 * b[2] - 0.113 * b[1] + 1.226 * b[0];
           return cv::Vec3d(R, G, B);
         }},
    };
    for (const auto& c : cases) {
      const cv::Mat out = composeStereo(l, r, c.f);
      QCOMPARE(out.size(), l.size());
      for (int i = 0; i < l.rows; ++i)
        for (int j = 0; j < l.cols; ++j) {
          const cv::Vec3d want = c.rgb(l.at<cv::Vec3b>(i, j), r.at<cv::Vec3b>(i, j));
          const cv::Vec3b got = out.at<cv::Vec3b>(i, j);
          for (int k = 0; k < 3; ++k)
            QVERIFY2(std::abs(got[2 - k] - std::clamp(want[k], 0.0, 255.0)) <= 1.0, qPrintable(QString::fromStdString(toString(c.f))));
        }
    }
  }

  void mpoHasTwoImagesAndAnMpIndex() {
    cv::Mat l = solid(32, 24, kLeft), r = solid(32, 24, kRight);
    const std::string mpo = encodeMpo(l, r);
    QCOMPARE(uint8_t(mpo[0]), uint8_t(0xFF));
    QCOMPARE(uint8_t(mpo[1]), uint8_t(0xD8));
    const MpoInfo info = parseMpo(mpo);
    QCOMPARE(info.version, std::string("0100"));
    QCOMPARE(info.number_of_images, 2u);
    QCOMPARE(int(info.entries.size()), 2);
    QCOMPARE(info.entries[0].type(), kMpTypeBaselinePrimary);
    QVERIFY(info.entries[0].attribute & kMpFlagRepresentative);
    QCOMPARE(info.entries[1].type(), kMpTypeDisparity);
    QCOMPARE(info.entries[0].offset, 0u);
    // The two images tile the file exactly, each starting with SOI and ending with EOI.
    QCOMPARE(size_t(info.entries[0].size + info.entries[1].size), mpo.size());
    QCOMPARE(info.image_starts[1], size_t(info.entries[0].size));
    QCOMPARE(uint8_t(mpo[info.image_starts[1]]), uint8_t(0xFF));
    QCOMPARE(uint8_t(mpo[info.image_starts[1] + 1]), uint8_t(0xD8));
    QCOMPARE(uint8_t(mpo[info.entries[0].size - 1]), uint8_t(0xD9));
    QCOMPARE(info.individual_numbers, (std::vector<uint32_t>{1, 2}));
    const auto views = decodeMpo(mpo);
    QCOMPARE(int(views.size()), 2);
    QVERIFY(cv::norm(views[0], l, cv::NORM_INF) <= 4 && cv::norm(views[1], r, cv::NORM_INF) <= 4);
    // A plain JPEG reader sees the left view.
    const cv::Mat first = cv::imdecode(std::vector<uchar>(mpo.begin(), mpo.end()), cv::IMREAD_COLOR);
    QVERIFY(cv::norm(first, l, cv::NORM_INF) <= 4);
    QVERIFY_THROWS_EXCEPTION(sds::Error, parseMpo(mpo.substr(0, 40)));
  }

  void pngTextChunksRoundTrip() {
    const std::string png = encodePngWithText(solid(5, 3, kLeft), {{"Software", "sdstereo"}, {"params", "{\"a\":1}"}});
    const auto text = readPngText(png);
    QCOMPARE(int(text.size()), 2);
    QCOMPARE(text[1].first, std::string("params"));
    QCOMPARE(text[1].second, std::string("{\"a\":1}"));
    const cv::Mat back = cv::imdecode(std::vector<uchar>(png.begin(), png.end()), cv::IMREAD_COLOR);
    QVERIFY(allEqual(back, kLeft));
    std::string broken = png;
    broken[broken.find("params") + 8] ^= 0x20;  // a byte inside the text: its CRC no longer matches
    QVERIFY_THROWS_EXCEPTION(sds::Error, readPngText(broken));
    QVERIFY_THROWS_EXCEPTION(sds::Error, encodePngWithText(solid(2, 2, kLeft), {{"", "x"}}));
    QCOMPARE(crc32("IEND", 4), 0xAE426082u);  // the CRC every PNG ends with
  }

  void depth16RoundTrip() {
    QTemporaryDir dir;
    cv::Mat depth(7, 9, CV_16UC1);
    cv::randu(depth, 0, 65536);
    const std::string path = dir.filePath("depth.png").toStdString();
    writeImageAtomic(path, depth);
    const cv::Mat back = loadDepthMap(path);
    QCOMPARE(back.type(), CV_16UC1);
    QCOMPARE(cv::norm(back, depth, cv::NORM_INF), 0.0);

    cv::Mat disparity(4, 5, CV_32FC1);
    cv::randu(disparity, -3.0, 40.0);
    const std::string exported = dir.filePath("disparity.png").toStdString();
    exportDepthPng16(exported, disparity, "{}");
    const cv::Mat e = loadDepthMap(exported);
    QCOMPARE(e.type(), CV_16UC1);
    double lo = 0, hi = 0;
    cv::minMaxLoc(e, &lo, &hi);
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 65535.0);
    const auto text = readPngText(readFileBytes(exported));
    QVERIFY(std::any_of(text.begin(), text.end(), [](const auto& t) { return t.first == "sdstereo-map-range"; }));
  }

  void floatTiffLoads() {
    QTemporaryDir dir;
    cv::Mat depth(5, 6, CV_32FC1);
    cv::randu(depth, 0.5, 80.0);
    const std::string path = dir.filePath("depth.tif").toStdString();
    QVERIFY(cv::imwrite(path, depth));
    const cv::Mat back = loadDepthMap(path);
    QCOMPARE(back.type(), CV_32FC1);
    QCOMPARE(cv::norm(back, depth, cv::NORM_INF), 0.0);
  }

  void exifOrientationIsApplied() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("rotated.jpg").toStdString();
    writeFileAtomic(path, jpegWithOrientation6(solid(40, 16, kLeft)));
    const cv::Mat m = loadImage(path);
    QCOMPARE(m.size(), cv::Size(16, 40));  // displayed upright: width and height swap
  }

  void badFilesThrow() {
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(sds::Error, loadImage(dir.filePath("missing.png").toStdString()));
    QVERIFY_THROWS_EXCEPTION(sds::Error, loadImage(dir.path().toStdString()));
    const std::string junk = dir.filePath("junk.png").toStdString();
    writeFileAtomic(junk, std::string("not an image"));
    QVERIFY_THROWS_EXCEPTION(sds::Error, loadDepthMap(junk));
    QVERIFY_THROWS_EXCEPTION(sds::Error, writeImageAtomic(dir.filePath("x.xyz").toStdString(), solid(2, 2, kLeft)));
  }

  void failedWriteLeavesNoPartialFile() {
    QTemporaryDir dir;
    // A folder squats on the target name: the temporary is written, the rename fails.
    QVERIFY(QDir(dir.path()).mkdir("taken.png"));
    QVERIFY_THROWS_EXCEPTION(sds::Error, writeImageAtomic(dir.filePath("taken.png").toStdString(), solid(4, 4, kLeft)));
    QCOMPARE(filesIn(dir.path()), std::vector<std::string>{"taken.png"});
    // A parent that is a file: nothing can be created at all.
    writeFileAtomic(dir.filePath("file").toStdString(), std::string("x"));
    QVERIFY_THROWS_EXCEPTION(sds::Error,
                             exportStereo(solid(4, 4, kLeft), solid(4, 4, kRight),
                                          {dir.filePath("file/out.png").toStdString(), "sbs", "{}", false, 95}));
    QCOMPARE(filesIn(dir.path()), (std::vector<std::string>{"file", "taken.png"}));
  }

  void exportWritesEveryKind() {
    QTemporaryDir dir;
    const cv::Mat l = solid(8, 6, kLeft), r = solid(8, 6, kRight);
    const std::string params = paramsToJson(RenderParams{}, {{"image", "a.png"}});
    auto written = exportStereo(l, r, {dir.filePath("pair.png").toStdString(), "sbs", params, false, 95});
    QCOMPARE(int(written.size()), 1);
    const auto text = readPngText(readFileBytes(written[0]));
    QVERIFY(std::any_of(text.begin(), text.end(), [&](const auto& t) { return t.second == params; }));
    QCOMPARE(loadImage(written[0]).size(), cv::Size(16, 6));

    written = exportStereo(l, r, {dir.filePath("pair.jpg").toStdString(), "separate", params, false, 95});
    QCOMPARE(written, (std::vector<std::string>{dir.filePath("pair-left.jpg").toStdString(),
                                                 dir.filePath("pair-left.jpg.json").toStdString(),
                                                 dir.filePath("pair-right.jpg").toStdString(),
                                                 dir.filePath("pair-right.jpg.json").toStdString()}));
    QCOMPARE(readFileBytes(written[1]), params + "\n");

    written = exportStereo(l, r, {dir.filePath("pair.mpo").toStdString(), "mpo", params, false, 90});
    QCOMPARE(parseMpo(readFileBytes(written[0])).number_of_images, 2u);
    QVERIFY_THROWS_EXCEPTION(sds::Error, exportStereo(l, r, {dir.filePath("p.jpg").toStdString(), "mpo", "", false, 95}));
    QVERIFY_THROWS_EXCEPTION(sds::Error, exportStereo(l, r, {dir.filePath("p.png").toStdString(), "3d", "", false, 95}));
  }

  void sampleSceneIsDeterministicAndBundled() {
    const SampleScene a = renderSampleScene(64, 48), b = renderSampleScene(64, 48);
    QCOMPARE(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
    QCOMPARE(a.inverse_depth.type(), CV_16UC1);
    // Nearer is brighter: the bottom row (ground at the camera's feet) beats the sky.
    QVERIFY(a.inverse_depth.at<uint16_t>(47, 32) > a.inverse_depth.at<uint16_t>(0, 32));
    const std::string dir = std::string(SDSTEREO_TEST_DATA) + "/../../resources/sample/";
    const cv::Mat image = loadImage(dir + "image.png"), depth = loadDepthMap(dir + "depth.png");
    QCOMPARE(image.size(), cv::Size(512, 384));
    QCOMPARE(depth.type(), CV_16UC1);
    const SampleScene full = renderSampleScene(512, 384);
    QVERIFY(cv::norm(full.image, image, cv::NORM_INF) <= 1);  // the committed files are make-sample's output
    QVERIFY(cv::norm(full.inverse_depth, depth, cv::NORM_INF) <= 1);
  }
};

QTEST_GUILESS_MAIN(TestMedia)
#include "test_media.moc"
