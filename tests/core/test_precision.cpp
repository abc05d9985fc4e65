// Precision choices (compute_device.h, precision.h) and the lower-precision
// tolerance rule of verify-fixtures --dtype (run_precision.h).
#include <torch/torch.h>

#include <QtTest/QtTest>

#include "core/base/error.h"
#include "core/engine/compute_device.h"
#include "core/engine/precision.h"
#include "core/verify/run_precision.h"

using namespace sds;

class TestPrecision : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void cleanup() { verify::setRunPrecision(Precision::Float32); }

  void namesParseBackAndAliasesAreAccepted() {
    for (const Precision p : {Precision::Auto, Precision::Float32, Precision::BFloat16, Precision::Float16})
      QCOMPARE(parsePrecision(precisionName(p)), p);
    QCOMPARE(parsePrecision("bf16"), Precision::BFloat16);
    QCOMPARE(parsePrecision("half"), Precision::Float16);
    try {
      parsePrecision("float8");
      QFAIL("float8 was accepted");
    } catch (const Error& e) {
      QVERIFY(std::string(e.what()).find("auto, float32, bfloat16 or float16") != std::string::npos);
    }
  }

  // Auto follows the CPU's native support; on a CPU without it nothing changes from float32.
  void autoOnTheCpuFollowsNativeBfloat16() {
    const c10::Device cpu(c10::kCPU);
    CpuFeatures native{true, "AVX512-BF16"}, plain{false, ""};
    QCOMPARE(resolveDtype(Precision::Auto, cpu, native).dtype, c10::kBFloat16);
    QVERIFY(resolveDtype(Precision::Auto, cpu, native).why.find("AVX512-BF16") != std::string::npos);
    QCOMPARE(resolveDtype(Precision::Auto, cpu, native).reason, DtypeReason::AutoNativeBf16);
    QCOMPARE(resolveDtype(Precision::Auto, cpu, plain).dtype, c10::kFloat);
    QCOMPARE(resolveDtype(Precision::Auto, cpu, plain).reason, DtypeReason::AutoNoBf16);
    QCOMPARE(resolveDtype(Precision::BFloat16, cpu, native).reason, DtypeReason::Chosen);
    QCOMPARE(resolveDtype(Precision::BFloat16, cpu, plain).reason, DtypeReason::Emulated);
    QCOMPARE(resolveDtype(Precision::Float32, cpu, native).dtype, c10::kFloat);
    // An explicit bfloat16 runs anywhere, and says when it is emulated.
    QCOMPARE(resolveDtype(Precision::BFloat16, cpu, plain).dtype, c10::kBFloat16);
    QVERIFY(resolveDtype(Precision::BFloat16, cpu, plain).why.find("slower") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(Error, resolveDtype(Precision::Float16, cpu, native));
  }

  void dtypeNamesAreTheWordsOfTheOption() {
    for (const auto t : {c10::kFloat, c10::kBFloat16, c10::kHalf}) {
      QCOMPARE(parsePrecision(dtypeName(t)), precisionOf(t));
      QCOMPARE(resolveDtype(precisionOf(t) == Precision::Float16 ? Precision::Float32 : precisionOf(t),
                            c10::Device(c10::kCPU), CpuFeatures{true, "x"})
                   .dtype,
               precisionOf(t) == Precision::Float16 ? c10::kFloat : t);
    }
  }

  // float32 runs keep the sets' tolerances; bfloat16 scales the float64-derived
  // error by u_bf16 / u_f32 = 2^16, with floors from the value range.
  void toleranceRuleScalesTheFloat64Error() {
    const verify::Tolerance f32{2e-5, 1e-4, 0};
    const nlohmann::json spec = {{"f64_err", 1e-6}, {"max_abs", 2.0}};
    QCOMPARE(verify::widenForRunDtype(f32, &spec).atol, f32.atol);
    verify::setRunPrecision(Precision::BFloat16);
    const auto t = verify::widenForRunDtype(f32, &spec);
    QCOMPARE(t.atol, std::max(verify::kPrecisionSafety * 1e-6 * 65536.0, std::ldexp(1.0, -8) * 2.0));
    QCOMPARE(t.rtol, 2 * std::ldexp(1.0, -8));
    // Without f64_err the set's own atol stands for 20 x f64_err (how the sets derive it).
    QCOMPARE(verify::widenForRunDtype(f32, nullptr).atol, verify::kPrecisionSafety * 2e-5 / 20 * 65536.0);
    // Exact comparisons stay exact at any precision.
    const verify::Tolerance exact{0, 0, 0};
    QCOMPARE(verify::widenForRunDtype(exact, &spec).atol, 0.0);
    QCOMPARE(verify::widenForRunDtype(exact, &spec).rtol, 0.0);
  }
};

QTEST_GUILESS_MAIN(TestPrecision)
#include "test_precision.moc"
