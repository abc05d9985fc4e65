// The StereoDiffusion stereo operations: latent pixel shift (against the
// stereo-ops fixtures bitwise and against a plain per-pixel sweep written from
// the README), the shift-masking schedule, the self-attention editor under
// classifier-free-guidance batching and the K/V-cache replay.
#include <QtTest/QtTest>

#include <torch/torch.h>

#include "core/engine/stereo/kv_cache.h"
#include "core/engine/stereo/shift_masking.h"
#include "core/engine/stereo/stereo_attention.h"
#include "core/engine/stereo/stereo_shift.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

using namespace sds;
using namespace sds::stereo;

namespace {

const std::string kOps = std::string(SDSTEREO_TEST_DATA) + "/stereo-ops/cases/";

// The reference's create(): per batch item and row, sweep the columns
// (ascending when px < 0) and let later writes win.
torch::Tensor sweepShift(const torch::Tensor& x, const torch::Tensor& dn, double percent, double exponent) {
  const int64_t B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
  auto out = torch::zeros_like(x);
  const double px = percent / 100.0 * double(W);
  const float pxf = float(px);
  auto xa = x.accessor<float, 4>();
  auto oa = out.accessor<float, 4>();
  auto da = dn.accessor<float, 3>();
  for (int64_t b = 0; b < B; ++b)
    for (int64_t r = 0; r < H; ++r)
      for (int64_t i = 0; i < W; ++i) {
        const int64_t col = px < 0 ? i : W - 1 - i;
        const float d = exponent == 1.0 ? da[b][r][col] : float(std::pow(da[b][r][col], float(exponent)));
        const int64_t dest = col + int64_t(d * pxf);
        if (dest < 0 || dest >= W) continue;
        for (int64_t c = 0; c < C; ++c) oa[b][c][r][dest] = xa[b][c][r][col];
      }
  return out;
}

bool same(const torch::Tensor& a, const torch::Tensor& b) { return a.sizes() == b.sizes() && torch::equal(a, b); }

attn::AttentionCall selfCall(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v) {
  attn::AttentionCall c;
  c.q = q;
  c.k = k;
  c.v = v;
  c.scale = 1.0 / std::sqrt(double(q.size(3)));
  return c;
}

torch::Tensor plain(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v) {
  return torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(q.size(-1))), -1).matmul(v);
}

}  // namespace

class TestStereoOps : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { torch::manual_seed(7); }

  void testFixtureShiftCasesBitExact() {
    for (const char* name : {"smooth_disc", "batch2_ranges", "aloe_gt_64"}) {
      const auto f = io::SafetensorsFile::open(kOps + "shift_" + name + ".safetensors");
      const auto x = f->tensor("latents");
      const auto norm = normalizeDisparity(f->tensor("disparity"));
      QVERIFY(same(norm, f->tensor("norm_disparity")));
      for (double sf : {8.0, 12.0})
        for (int both : {0, 1})
          for (int e : {1, 2}) {
            const std::string tag = "sf" + std::to_string(int(sf)) + ".both" + std::to_string(both) + ".exp" +
                                    std::to_string(e);
            const auto pair = shiftNormalized(x, norm, ShiftParams{sf, double(e), both == 1});
            QVERIFY2(same(torch::cat({pair.left, pair.right}), f->tensor("out." + tag)), (name + tag).c_str());
            QVERIFY(same(pair.offsets_right.to(torch::kInt32), f->tensor("shift_right." + tag)));
            if (both) QVERIFY(same(pair.offsets_left.to(torch::kInt32), f->tensor("shift_left." + tag)));
          }
      const auto pair = shiftNormalized(x, norm, ShiftParams{});
      QVERIFY(same(pair.mask, f->tensor("mask_sampler.sf8.both0.exp1")));
    }
  }

  void testBicubicResizeMatchesFixture() {
    const auto f = io::SafetensorsFile::open(kOps + "shift_aloe_gt_64.safetensors");
    const auto resized = resizeDisparity(f->tensor("disparity_src"), 64, 64);
    QVERIFY((resized - f->tensor("disparity")).abs().max().item<double>() < 1e-4);
  }

  void testConstantMapGivesIdenticalViews() {
    const auto f = io::SafetensorsFile::open(kOps + "shift_constant.safetensors");
    const auto x = f->tensor("latents");
    for (int both : {0, 1}) {
      const auto pair = stereoShift(x, f->tensor("disparity"), ShiftParams{8, 1, both == 1});
      QVERIFY(same(pair.right, x));
      QVERIFY(same(pair.left, x));
      const std::string tag = std::string("sf8.both") + (both ? "1" : "0") + ".exp1";
      QVERIFY(same(torch::cat({pair.left, pair.right}), f->tensor("out_intended." + tag)));
    }
  }

  void testZeroDisparityAndZeroScaleKeepTheView() {
    const auto x = torch::randn({2, 4, 5, 7});
    QVERIFY(same(stereoShift(x, torch::zeros({2, 5, 7}), ShiftParams{}).right, x));
    // A real map with scale 0 moves nothing either.
    QVERIFY(same(stereoShift(x, torch::rand({2, 5, 7}), ShiftParams{0, 1, false}).right, x));
    QVERIFY(same(stereoShift(x, torch::rand({2, 5, 7}), ShiftParams{0, 1, true}).left, x));
  }

  void testMatchesSweepIncludingTiesAndBothDirections() {
    // Quantised maps force many collisions and equal disparities.
    for (const auto& shape : std::vector<std::vector<int64_t>>{{1, 4, 1, 1}, {1, 4, 1, 9}, {2, 4, 3, 17},
                                                                 {3, 2, 6, 40}, {1, 4, 33, 8}}) {
      const auto x = torch::randn(shape);
      const int64_t B = shape[0], H = shape[2], W = shape[3];
      for (int levels : {2, 5, 1000}) {
        const auto d = torch::randint(0, levels, {B, H, W}).to(torch::kFloat32) * 0.37f + 2.0f;
        const auto dn = normalizeDisparity(d);
        for (double sf : {8.0, -8.0, 25.0, -60.0, 140.0})
          for (double e : {1.0, 2.0, 0.5}) {
            const auto right = shiftNormalized(x, dn, ShiftParams{sf, e, false}).right;
            QVERIFY(same(right, sweepShift(x, dn, -sf, e)));
            const auto both = shiftNormalized(x, dn, ShiftParams{sf, e, true});
            QVERIFY(same(both.left, sweepShift(x, dn, sf * 0.5, e)));
            QVERIFY(same(both.right, sweepShift(x, dn, -sf * 0.5, e)));
          }
      }
    }
  }

  void testTruncatesTowardZero() {
    // dn = [0, 0.5, 1] over W = 10, sf 47 -> px = -4.7: offsets 0, trunc(-2.35) = -2, trunc(-4.7) = -4.
    const auto dn = torch::tensor({0.0f, 0.5f, 1.0f}).view({1, 1, 3});
    const auto off = columnOffsets(dn, shiftPixels(-47, 10), 1.0);
    QCOMPARE(off[0][0][1].item<int64_t>(), int64_t(-2));
    QCOMPARE(off[0][0][2].item<int64_t>(), int64_t(-4));
  }

  void testNormalisationIsGlobalOverTheBatch() {
    const auto d = torch::stack({torch::full({2, 3}, 1.0f), torch::full({2, 3}, 3.0f)});
    const auto dn = normalizeDisparity(d);
    QCOMPARE(dn[0].max().item<float>(), 0.0f);
    QCOMPARE(dn[1].min().item<float>(), 1.0f);
  }

  void testMasksMarkFilledPositions() {
    const auto x = torch::randn({1, 4, 4, 16}) + 5.0;  // no zeros
    const auto d = torch::zeros({1, 4, 16});
    d.narrow(2, 8, 4).fill_(1.0f);  // a near object moves left, uncovering a hole
    const auto pair = stereoShift(x, d, ShiftParams{25, 1, false});  // 4 columns
    QVERIFY(same(pair.mask, filledMask(pair.right)));
    QVERIFY(!pair.mask.all().item<bool>());
    QVERIFY(same(pair.mask, pair.right.select(1, 0) != 0));
    QVERIFY((pair.right.masked_select(~pair.mask.unsqueeze(1).expand_as(pair.right)) == 0).all().item<bool>());
  }

  void testRejectsMismatchedShapes() {
    QVERIFY_THROWS_EXCEPTION(sds::Error, stereoShift(torch::zeros({1, 4, 8, 8}), torch::zeros({1, 8, 9}), {}));
    QVERIFY_THROWS_EXCEPTION(sds::Error, stereoShift(torch::zeros({4, 8, 8}), torch::zeros({1, 8, 8}), {}));
    QVERIFY_THROWS_EXCEPTION(sds::Error, normalizeDisparity(torch::full({1, 2, 2}, NAN)));
  }

  void testShiftMaskingSchedule() {
    const auto dn = normalizeDisparity(torch::rand({1, 6, 12}));
    ShiftMaskingParams p;
    p.shift_step = 3;
    p.mask_interval = 4;
    ShiftMasking m(dn, p);
    const auto left = torch::randn({1, 4, 6, 12}), other = torch::randn({1, 4, 6, 12});
    const auto x = torch::cat({left, other});
    QVERIFY(same(m.afterStep(2, x), x));  // before the shift step: untouched
    const auto shifted = m.afterStep(3, x);
    QVERIFY(same(shifted[0], left[0]));
    QVERIFY(same(shifted[1], shiftNormalized(left, dn, p.shift).right[0]));
    QVERIFY(!m.reapplies(5) && m.reapplies(4) && m.reapplies(8) && !m.reapplies(3));
    // Re-application overwrites only the masked part, from the current left view.
    const auto later = torch::cat({torch::randn({1, 4, 6, 12}), torch::randn({1, 4, 6, 12})});
    const auto re = m.afterStep(8, later);
    const auto want = torch::where(m.mask(), shiftNormalized(later.narrow(0, 0, 1), dn, p.shift).right,
                                   later.narrow(0, 1, 1));
    QVERIFY(same(re.narrow(0, 1, 1), want));
    QVERIFY(same(m.afterStep(9, later), later));
  }

  void testShiftAtFirstAndLastStep() {
    const auto dn = normalizeDisparity(torch::rand({2, 4, 9}));
    for (int step : {0, 19}) {
      ShiftMaskingParams p;
      p.shift_step = step;
      ShiftMasking m(dn, p);
      const auto x = torch::randn({4, 4, 4, 9});
      const auto out = m.afterStep(step, x);
      QVERIFY(same(out.narrow(0, 2, 2), shiftNormalized(x.narrow(0, 0, 2), dn, p.shift).right));
      QVERIFY(m.mask().defined());
    }
  }

  void testDeblurFillsHolesWithNoise() {
    const auto d = torch::zeros({1, 4, 16});
    d.narrow(2, 8, 4).fill_(1.0f);
    ShiftMaskingParams p;
    p.shift = ShiftParams{25, 1, false};
    p.shift_step = 0;
    p.deblur = true;
    ShiftMasking m(normalizeDisparity(d), p);
    const auto left = torch::randn({1, 4, 4, 16}) + 5.0;
    const auto noise = torch::randn({1, 4, 4, 16}) - 5.0;
    const auto right = m.shiftRight(left, noise);
    QVERIFY(same(right.masked_select(~m.mask()), noise.masked_select(~m.mask())));
    QVERIFY(same(right.masked_select(m.mask()), shiftNormalized(left, m.normDisparity(), p.shift).right.masked_select(m.mask())));
  }

  void testAttentionFixtures() {
    for (const char* name : {"attn_b1", "attn_b2"}) {
      const auto f = io::SafetensorsFile::open(kOps + name + ".safetensors");
      const int64_t heads = 2;
      const auto split = [&](const std::string& n) {
        const auto t = f->tensor(n);
        return t.view({t.size(0) / heads, heads, t.size(1), t.size(2)});
      };
      const auto merge = [](const torch::Tensor& t) {
        return t.permute({0, 2, 1, 3}).reshape({t.size(0), t.size(2), t.size(1) * t.size(3)});
      };
      for (const char* dir : {"uni", "bi"}) {
        StereoAttentionProcessor p(parseAttentionDirection(dir), 10);
        const auto call = selfCall(split("q"), split("k"), split("v"));
        QVERIFY(torch::allclose(merge(p.attend(call)), f->tensor(std::string("out_self_plain_") + dir), 1e-5, 1e-5));
        p.setStep(10);
        QVERIFY(torch::allclose(merge(p.attend(call)), f->tensor(std::string("out_self_") + dir), 1e-5, 1e-5));
        auto cross = selfCall(split("q"), split("k_ctx"), split("v_ctx"));
        cross.is_cross = true;
        QVERIFY(torch::allclose(merge(p.attend(cross)), f->tensor(std::string("out_cross_") + dir), 1e-5, 1e-5));
      }
    }
  }

  void testAttentionUnderGuidanceBatching_data() {
    QTest::addColumn<int>("samples");
    QTest::newRow("n_samples 1") << 1;
    QTest::newRow("n_samples 2") << 2;
  }

  void testAttentionUnderGuidanceBatching() {
    QFETCH(int, samples);
    const int64_t n = samples, heads = 3, N = 10, d = 4;
    const auto q = torch::randn({4 * n, heads, N, d}), k = torch::randn({4 * n, heads, N, d}),
               v = torch::randn({4 * n, heads, N, d});
    const auto row = [&](int cfg, int view, int64_t i) { return (cfg * 2 + view) * n + i; };
    StereoAttentionProcessor uni(AttentionDirection::Uni, 0), bi(AttentionDirection::Bi, 0);
    const auto ou = uni.attend(selfCall(q, k, v)), ob = bi.attend(selfCall(q, k, v));
    for (int cfg : {0, 1})
      for (int64_t i = 0; i < n; ++i) {
        const auto L = row(cfg, 0, i), R = row(cfg, 1, i);
        // One-way: the left view is plain self-attention, the right reads the left.
        QVERIFY(torch::allclose(ou[L], plain(q[L], k[L], v[L]), 1e-5, 1e-6));
        QVERIFY(torch::allclose(ou[R], plain(q[R], k[L], v[L]), 1e-5, 1e-6));
        // Two-way: both views attend to [left ; right] of the same half and sample.
        const auto kk = torch::cat({k[L], k[R]}, 1), vv = torch::cat({v[L], v[R]}, 1);
        QVERIFY(torch::allclose(ob[L], plain(q[L], kk, vv), 1e-5, 1e-6));
        QVERIFY(torch::allclose(ob[R], plain(q[R], kk, vv), 1e-5, 1e-6));
      }
  }

  void testAttentionCountsStepsFromTheLayerIndex() {
    StereoAttentionProcessor p(AttentionDirection::Uni, 1);
    const auto q = torch::randn({4, 1, 3, 2}), k = torch::randn({4, 1, 3, 2}), v = torch::randn({4, 1, 3, 2});
    auto call = selfCall(q, k, v);
    call.layers_per_forward = 2;
    for (int layer = 0; layer < 2; ++layer) {
      call.layer_index = layer;
      QVERIFY(torch::allclose(p.attend(call), plain(q, k, v), 1e-5, 1e-6));
    }
    QCOMPARE(p.step(), 1);
    call.layer_index = 0;
    QVERIFY(!torch::allclose(p.attend(call), plain(q, k, v), 1e-5, 1e-6));
  }

  void testKvReplayEqualsTwoViewAttention_data() { testAttentionUnderGuidanceBatching_data(); }

  void testKvReplayEqualsTwoViewAttention() {
    QFETCH(int, samples);
    const int64_t n = samples, heads = 2, N = 6, d = 4;
    const auto q = torch::randn({4 * n, heads, N, d}), k = torch::randn({4 * n, heads, N, d}),
               v = torch::randn({4 * n, heads, N, d});
    // Rows of one view in guidance order: [uncond (n), cond (n)].
    const auto pick = [&](const torch::Tensor& t, int view) {
      return torch::cat({t.narrow(0, view * n, n), t.narrow(0, (2 + view) * n, n)});
    };
    auto cache = std::make_shared<LeftKvCache>(3, 3, int64_t(1) << 30);
    KvRecordingProcessor rec(cache);
    rec.setStep(3);
    auto call = selfCall(pick(q, 0), pick(k, 0), pick(v, 0));
    call.layer_index = 5;
    rec.attend(call);
    QVERIFY(cache->complete(1));
    KvReplayProcessor replay(cache, 3);
    replay.setStep(3);
    auto rcall = selfCall(pick(q, 1), pick(k, 1), pick(v, 1));
    rcall.layer_index = 5;
    const auto fast = replay.attend(rcall);
    StereoAttentionProcessor full(AttentionDirection::Uni, 3);
    full.setStep(3);
    const auto both = full.attend(selfCall(q, k, v));
    QVERIFY(torch::allclose(fast, pick(both, 1), 1e-5, 1e-6));
  }

  void testKvCacheStopsAtItsBudget() {
    const auto k = torch::zeros({2, 1, 8, 4});
    LeftKvCache cache(0, 9, 4 * 2 * k.numel() * 4);  // room for 4 entries of 10 steps x 1 layer
    for (int step = 0; step < 10; ++step) cache.put(step, 0, k, k);
    QVERIFY(cache.overflowed());
    QVERIFY(!cache.complete(1));
    QCOMPARE(cache.bytes(), int64_t(0));
    QVERIFY_THROWS_EXCEPTION(sds::Error, cache.get(0, 0));
  }
};

QTEST_MAIN(TestStereoOps)
#include "test_stereo_ops.moc"
