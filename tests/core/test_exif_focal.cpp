// The focal length from a JPEG's EXIF (core/media/exif_focal.h) for metric
// depth models: the tags in both byte orders, the focal length in pixels, and
// hostile data (every truncation, garbage bytes, offsets and counts that point
// past the segment), which must read as "no EXIF" or as values, never crash.
#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "core/media/exif_focal.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

// Appends `v` as `bytes` bytes in the chosen byte order.
void put(std::string& s, uint32_t v, int bytes, bool big) {
  for (int i = 0; i < bytes; ++i) {
    const int shift = big ? 8 * (bytes - 1 - i) : 8 * i;
    s.push_back(char((v >> shift) & 0xFF));
  }
}

struct Tag {
  uint16_t tag, type;
  uint32_t value;          // SHORT / LONG inline value
  uint32_t num = 0, den = 0;  // RATIONAL
};

// A TIFF block: IFD0 with the Exif IFD pointer, the Exif IFD with `tags`, then
// the rationals' data.
std::string tiff(const std::vector<Tag>& tags, bool big) {
  std::string t = big ? std::string("MM\0\x2A", 4) : std::string("II\x2A\0", 4);
  put(t, 8, 4, big);  // IFD0 at 8
  put(t, 1, 2, big);
  const uint32_t exif_at = 8 + 2 + 12 + 4;
  put(t, 0x8769, 2, big), put(t, 4, 2, big), put(t, 1, 4, big), put(t, exif_at, 4, big);
  put(t, 0, 4, big);
  uint32_t data_at = exif_at + 2 + 12 * uint32_t(tags.size()) + 4;
  std::string data;
  put(t, uint32_t(tags.size()), 2, big);
  for (const Tag& g : tags) {
    put(t, g.tag, 2, big), put(t, g.type, 2, big), put(t, 1, 4, big);
    if (g.type == 5) {
      put(t, data_at + uint32_t(data.size()), 4, big);
      put(data, g.num, 4, big), put(data, g.den, 4, big);
    } else if (g.type == 3) {
      put(t, g.value, 2, big), put(t, 0, 2, big);
    } else {
      put(t, g.value, 4, big);
    }
  }
  put(t, 0, 4, big);
  return t + data;
}

// A real 8 x 8 JPEG with an APP1 Exif segment holding `tiff_block` after its SOI.
std::string jpegWithExif(const std::string& tiff_block) {
  std::vector<uchar> encoded;
  cv::imencode(".jpg", cv::Mat(8, 8, CV_8UC3, cv::Scalar(40, 80, 120)), encoded);
  const std::string plain(encoded.begin(), encoded.end());
  std::string app1 = "\xFF\xE1";
  put(app1, uint32_t(2 + 6 + tiff_block.size()), 2, true);
  app1 += std::string("Exif\0\0", 6) + tiff_block;
  return plain.substr(0, 2) + app1 + plain.substr(2);
}

const std::vector<Tag> kPhoneTags = {{0x920A, 5, 0, 425, 100},  // 4.25 mm
                                     {0xA405, 3, 26},           // 26 mm equiv.
                                     {0xA20E, 5, 0, 1000, 1},   // 1000 px per cm
                                     {0xA210, 3, 3},
                                     {0xA002, 4, 4000}};

}  // namespace

class ExifFocalTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsTheTagsInBothByteOrders() {
    for (bool big : {true, false}) {
      const auto exif = media::parseExifFocalLength(jpegWithExif(tiff(kPhoneTags, big)));
      QVERIFY(exif.has_value());
      QCOMPARE(exif->focal_mm, 4.25);
      QCOMPARE(exif->focal_35mm, 26.0);
      QCOMPARE(exif->plane_px_per_mm, 100.0);
      QCOMPARE(exif->pixel_x_dimension, 4000.0);
    }
  }

  void focalInPixels() {
    const auto exif = *media::parseExifFocalLength(jpegWithExif(tiff(kPhoneTags, false)));
    auto f = media::photoFocal(exif, 4000, 3000);
    QVERIFY(f.source == media::PhotoFocal::Source::Exif35mm);
    QVERIFY(std::abs(f.focal_px - 26.0 / 36.0 * 4000) < 1e-9);
    // Portrait: the 35 mm frame's 36 mm are its long side, so the same focal length.
    QCOMPARE(media::photoFocal(exif, 3000, 4000).focal_px, f.focal_px);
    // Without the 35 mm tag: 4.25 mm x 100 px/mm at 4000 px, the photo scaled to 2000 px.
    const std::vector<Tag> plane(kPhoneTags.begin() + 2, kPhoneTags.end());
    std::vector<Tag> tags = {kPhoneTags[0]};
    tags.insert(tags.end(), plane.begin(), plane.end());
    f = media::photoFocal(*media::parseExifFocalLength(jpegWithExif(tiff(tags, true))), 2000, 1500);
    QVERIFY(f.source == media::PhotoFocal::Source::ExifFocalPlane);
    QVERIFY(std::abs(f.focal_px - 212.5) < 1e-9);
    // FocalLength alone gives no pixel scale: the field of view decides.
    f = media::photoFocal(*media::parseExifFocalLength(jpegWithExif(tiff({kPhoneTags[0]}, true))), 2000, 1500);
    QVERIFY(f.source == media::PhotoFocal::Source::None && f.focal_px == 0 && f.focal_mm == 4.25);
  }

  void readsTheFileHead() {
    QTemporaryDir dir;
    const std::string jpg = dir.filePath("phone.jpg").toStdString(), png = dir.filePath("plain.png").toStdString();
    std::ofstream(jpg, std::ios::binary) << jpegWithExif(tiff(kPhoneTags, true));
    cv::imwrite(png, cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)));
    const auto f = media::readPhotoFocal(jpg, 8, 6);
    QVERIFY(std::abs(f.focal_px - 26.0 / 36.0 * 8) < 1e-9);
    QCOMPARE(media::describePhotoFocal(f), std::string("5.8 px (EXIF: 26.0 mm equiv.)"));
    QVERIFY(media::readPhotoFocal(png, 8, 8).source == media::PhotoFocal::Source::None);
    QVERIFY(media::readPhotoFocal(dir.filePath("missing.jpg").toStdString(), 8, 8).source ==
            media::PhotoFocal::Source::None);
  }

  // ---- hostile data ----

  void everyTruncationReadsAsNoExifOrTheValues() {
    const std::string full = jpegWithExif(tiff(kPhoneTags, false));
    const size_t app1_end = 2 + 2 + (size_t(uint8_t(full[4])) << 8 | uint8_t(full[5]));
    for (size_t n = 0; n < full.size(); ++n) {
      const auto exif = media::parseExifFocalLength(full.substr(0, n));
      // The segment is only trusted once all of it is there.
      if (n < app1_end) QVERIFY2(!exif, qPrintable(QString::number(n)));
      else QVERIFY(exif && exif->focal_35mm == 26);
    }
  }

  void garbageNeverCrashes() {
    const std::string full = jpegWithExif(tiff(kPhoneTags, true));
    uint32_t state = 12345;
    int read = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string bad = full;
      for (int k = 0; k < 1 + round % 4; ++k) {
        state = state * 1103515245u + 12345u;
        const size_t at = 4 + (state >> 8) % (full.size() - 4 < 200 ? full.size() - 4 : 200);
        state = state * 1103515245u + 12345u;
        bad[at] = char(state >> 16);
      }
      if (const auto exif = media::parseExifFocalLength(bad)) {
        ++read;
        // Whatever was read is a plausible camera value or absent.
        QVERIFY(exif->focal_mm == 0 || (exif->focal_mm >= 0.1 && exif->focal_mm <= 5000));
        QVERIFY(exif->focal_35mm == 0 || (exif->focal_35mm >= 1 && exif->focal_35mm <= 10000));
        QVERIFY(std::isfinite(exif->plane_px_per_mm) && std::isfinite(exif->pixel_x_dimension));
      }
    }
    QVERIFY(read > 0);  // most single-byte changes leave the focal tags readable
  }

  void offsetsAndCountsPastTheSegment() {
    // The rational's offset points far outside: FocalLength is absent, the inline 35 mm tag still reads.
    std::string t = tiff(kPhoneTags, true);
    const size_t first_entry = 26 + 2;
    t[first_entry + 8] = char(0xFF), t[first_entry + 9] = char(0xFF), t[first_entry + 10] = char(0xFF);
    auto exif = media::parseExifFocalLength(jpegWithExif(t));
    QVERIFY(exif && exif->focal_mm == 0 && exif->focal_35mm == 26);
    // An Exif IFD claiming 65535 entries: nothing read, nothing allocated.
    t = tiff(kPhoneTags, true);
    t[26] = char(0xFF), t[27] = char(0xFF);
    QVERIFY(!media::parseExifFocalLength(jpegWithExif(t)));
    // IFD0 pointing past the end, a zero denominator, a segment length past the file.
    t = tiff(kPhoneTags, true);
    t[4] = char(0x7F);
    QVERIFY(!media::parseExifFocalLength(jpegWithExif(t)));
    QVERIFY(!media::parseExifFocalLength(jpegWithExif(tiff({{0x920A, 5, 0, 425, 0}}, false))));
    std::string j = jpegWithExif(tiff(kPhoneTags, true));
    j[4] = char(0xFF), j[5] = char(0xFF);
    QVERIFY(!media::parseExifFocalLength(j));
    QVERIFY(!media::parseExifFocalLength(std::string("\xFF\xD8\xFF", 3)));
    QVERIFY(!media::parseExifFocalLength(std::string()));
  }
};

QTEST_GUILESS_MAIN(ExifFocalTest)
#include "test_exif_focal.moc"
