// The safetensors reader on valid and malformed files: every malformed file
// must raise sds::Error naming the file and the problem, never crash or read
// past the data; and the weight loader's dtype / name checks.
#include <QtTest/QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <torch/torch.h>

#include "core/base/error.h"
#include "models/io/safetensors.h"
#include "models/io/weights.h"
#include "tests/support/expect_error.h"

namespace fs = std::filesystem;
using namespace sds;

namespace {

// A file with the given header JSON (padded to 8) and `data_bytes` zero bytes.
std::string withHeader(const std::string& header, size_t data_bytes, uint64_t declared_len = 0) {
  std::string head = header;
  while (head.size() % 8) head.push_back(' ');
  const uint64_t n = declared_len ? declared_len : head.size();
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[size_t(i)] = char((n >> (8 * i)) & 0xff);
  return bytes + head + std::string(data_bytes, '\0');
}

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    dir_ = fs::temp_directory_path() / ("sds_test_safetensors_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void cleanupTestCase() { fs::remove_all(dir_); }

  void roundTripsEveryWeightDtype() {
    const std::string path = file("ok.safetensors");
    const auto a = torch::arange(6, torch::kFloat32).reshape({2, 3});
    const auto b = torch::tensor({1.5, -2.0}, torch::kFloat16);
    const auto c = torch::tensor({0.25}, torch::kBFloat16);
    const auto ids = torch::arange(3, torch::kInt64);
    const auto scalar = torch::tensor(4.0f);  // 0-dim, as OpenCLIP's logit_scale
    io::writeSafetensors(path, {{"a", a}, {"b", b}, {"c", c}, {"ids", ids}, {"s", scalar}}, {{"format", "pt"}});
    const auto f = io::SafetensorsFile::open(path);
    QCOMPARE(f->tensors().size(), size_t(5));
    QVERIFY(torch::equal(f->tensor("a"), a));
    QVERIFY(torch::equal(f->tensor("b"), b));
    QVERIFY(torch::equal(f->tensor("c"), c));
    QVERIFY(torch::equal(f->tensor("ids"), ids));
    QCOMPARE(f->tensor("s").dim(), int64_t(0));
    QCOMPARE(f->metadata().at("format"), std::string("pt"));
    SDS_VERIFY_THROWS(f->tensor("missing"), "missing");
  }

  void rejectsMalformedFiles_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");
    auto row = [](const char* name, const std::string& bytes, const char* problem) {
      QTest::newRow(name) << QByteArray(bytes.data(), int(bytes.size())) << QString(problem);
    };
    const std::string ok = R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    row("shorter than 8 bytes", "abc", "shorter than the 8-byte");
    row("empty header", withHeader("", 0, 0).substr(0, 8), "empty");
    row("header length past the end", withHeader(ok, 8, 4096), "past the end of the file");
    row("header length absurd", withHeader(ok, 8, uint64_t(1) << 62), "implausibly large");
    row("truncated data", withHeader(ok, 4), "past the end of the file");
    row("not JSON", withHeader("{\"t\": [1, 2", 8), "not valid JSON");
    row("not an object", withHeader("[1, 2, 3]", 0), "not a JSON object");
    row("entry not an object", withHeader(R"({"t": 3})", 0), "'t' is not an object");
    row("missing dtype", withHeader(R"({"t":{"shape":[2],"data_offsets":[0,8]}})", 8), "no 'dtype'");
    row("unknown dtype", withHeader(R"({"t":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}})", 2),
        "unsupported dtype 'F8_E4M3'");
    row("negative dimension", withHeader(R"({"t":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
        "negative or non-integer dimension");
    row("fractional dimension", withHeader(R"({"t":{"dtype":"F32","shape":[2.5],"data_offsets":[0,8]}})", 8),
        "negative or non-integer dimension");
    row("overflowing shape",
        withHeader(R"({"t":{"dtype":"F32","shape":[4294967296,4294967296,4],"data_offsets":[0,8]}})", 8), "overflows");
    row("byte count mismatch", withHeader(R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 12),
        "has 8 bytes but its dtype and shape need 12");
    row("dtype size mismatch", withHeader(R"({"t":{"dtype":"I64","shape":[2],"data_offsets":[0,8]}})", 8),
        "need 16");
    row("offsets reversed", withHeader(R"({"t":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8),
        "ends before it begins");
    row("offsets malformed", withHeader(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8),
        "malformed data_offsets");
    row("overlap", withHeader(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12),
        "overlap");
    row("overlap hidden by an empty tensor",
        withHeader(R"({"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},)"
                   R"("b":{"dtype":"F32","shape":[0],"data_offsets":[4,4]},)"
                   R"("c":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", 16),
        "overlap");
    row("metadata not an object", withHeader(R"({"__metadata__": 5})", 0), "__metadata__");
  }
  void rejectsMalformedFiles() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    const std::string path = file("bad.safetensors");
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(bytes.constData(), bytes.size());
    }
    SDS_VERIFY_THROWS(io::SafetensorsFile::open(path), path);
    SDS_VERIFY_THROWS(io::SafetensorsFile::open(path), problem.toStdString());
  }

  void rejectsMissingFilesAndFolders() {
    SDS_VERIFY_THROWS(io::SafetensorsFile::open(file("nope.safetensors")), "nope.safetensors");
    SDS_VERIFY_THROWS(io::SafetensorsFile::open(dir_.string()), "not a regular file");
  }

  void loaderConvertsHalfAndRejectsOtherDtypes() {
    torch::nn::Linear linear(2, 3);
    const std::string path = file("linear.safetensors");
    io::writeSafetensors(path, {{"weight", torch::ones({3, 2}, torch::kFloat16)},
                                {"bias", torch::full({3}, 2.0, torch::kBFloat16)}});
    io::loadModule(*linear, io::WeightSource::fromFile(io::SafetensorsFile::open(path)));
    QVERIFY(torch::equal(linear->weight, torch::ones({3, 2})));
    QCOMPARE(linear->bias.scalar_type(), torch::kFloat32);

    io::writeSafetensors(path, {{"weight", torch::ones({3, 2}, torch::kInt32)}, {"bias", torch::ones({3}, torch::kFloat64)}});
    const auto src = io::WeightSource::fromFile(io::SafetensorsFile::open(path));
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), "weight (I32)");
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), "bias (F64)");
  }

  void loaderNamesMissingUnexpectedAndMisshapedTensors() {
    torch::nn::Linear linear(2, 3);
    const std::string path = file("linear2.safetensors");
    io::writeSafetensors(path, {{"weight", torch::ones({2, 3})}, {"extra", torch::ones({1})}});
    const auto src = io::WeightSource::fromFile(io::SafetensorsFile::open(path));
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), "Missing tensors: bias");
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), "weight (file [2,3], model [3,2])");
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), "Unexpected tensors: extra");
    SDS_VERIFY_THROWS(io::loadModule(*linear, src), path);
  }

  void prefixedAndShardedSources() {
    const std::string p1 = file("s1.safetensors"), p2 = file("s2.safetensors");
    io::writeSafetensors(p1, {{"m.a", torch::ones({1})}, {"other", torch::ones({1})}});
    io::writeSafetensors(p2, {{"m.b", torch::ones({1})}});
    const auto src = io::WeightSource::fromFiles({io::SafetensorsFile::open(p1), io::SafetensorsFile::open(p2)}, "m.");
    QCOMPARE(src.names(), (std::vector<std::string>{"a", "b"}));
    io::writeSafetensors(p2, {{"m.a", torch::ones({1})}});
    SDS_VERIFY_THROWS(io::WeightSource::fromFiles({io::SafetensorsFile::open(p1), io::SafetensorsFile::open(p2)}),
                      "more than one file");
  }

 private:
  std::string file(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
