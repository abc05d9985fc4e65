// Schedulers: DDIM against the diffusers v0.25.1 fixture (both sets), DDIM and
// DPM-Solver++ timesteps against diffusers' rules, and DPM-Solver++ 2M on toy
// problems with exact answers (point mass, Gaussian data).
#include <QtTest/QtTest>

#include <cmath>

#include "core/engine/schedulers/ddim.h"
#include "core/engine/schedulers/dpm_solver_multistep.h"
#include "core/engine/schedulers/scheduler_factory.h"
#include "core/engine/schedulers/timestep_spacing.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

using namespace sds;
using namespace sds::schedulers;

namespace {

const std::string kData = SDSTEREO_TEST_DATA;

SchedulerConfig sdConfig(PredictionType p = PredictionType::Epsilon) {
  SchedulerConfig c;  // SD 1.x/2.x: scaled_linear 0.00085..0.012, leading, offset 1
  c.prediction_type = p;
  return c;
}

double maxAbsDiff(const torch::Tensor& a, const torch::Tensor& b) {
  return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

bool withinTolerance(const torch::Tensor& actual, const torch::Tensor& expected, double atol, double rtol) {
  const auto a = actual.to(torch::kFloat64), e = expected.to(torch::kFloat64);
  return ((a - e).abs() <= atol + rtol * e.abs()).all().item<bool>();
}

std::vector<int64_t> toVector(const torch::Tensor& t) {
  const auto c = t.to(torch::kInt64).contiguous();
  return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}

// The exact epsilon for data that is a point mass at c: x_t = sqrt(abar) c + sqrt(1 - abar) eps.
torch::Tensor pointMassModel(const torch::Tensor& x, int64_t t, const torch::Tensor& c, const NoiseSchedule& s,
                             PredictionType p) {
  const double a = s.alphaCumprod(t);
  const auto eps = (x - std::sqrt(a) * c) / std::sqrt(1 - a);
  if (p == PredictionType::VPrediction) return std::sqrt(a) * eps - std::sqrt(1 - a) * c;
  return eps;
}

// Exact epsilon for Gaussian data x0 ~ N(mu, s^2) element-wise (E[eps | x_t]).
torch::Tensor gaussianModel(const torch::Tensor& x, int64_t t, double mu, double sd, const NoiseSchedule& s) {
  const double a = s.alphaCumprod(t);
  return std::sqrt(1 - a) * (x - std::sqrt(a) * mu) / (a * sd * sd + 1 - a);
}

template <class Model>
torch::Tensor sample(Scheduler& sched, int steps, torch::Tensor x, Model model) {
  sched.setTimesteps(steps);
  for (const int64_t t : sched.timesteps()) x = sched.step(model(x, t), t, x).prev_sample;
  return x;
}

}  // namespace

class TestSchedulers : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void testNoiseScheduleMatchesDiffusers() {
    const auto f = io::SafetensorsFile::open(kData + "/sd-tiny-v1/cases/ddim.safetensors");
    DdimScheduler ddim(sdConfig());
    QVERIFY(maxAbsDiff(ddim.noiseSchedule().betas, f->tensor("betas")) <= 1e-9);
    QVERIFY(maxAbsDiff(ddim.noiseSchedule().alphas_cumprod, f->tensor("alphas_cumprod")) <= 1e-7);
    QCOMPARE(ddim.finalAlphaCumprod(), f->tensor("final_alpha_cumprod").item<float>());
  }

  void testDdimLeadingTimestepsMatchDiffusers() {
    const auto f = io::SafetensorsFile::open(kData + "/sd-tiny-v1/cases/ddim.safetensors");
    DdimScheduler ddim(sdConfig());
    for (int n : {10, 20, 50}) {
      ddim.setTimesteps(n);
      QCOMPARE(ddim.timesteps(), toVector(f->tensor("timesteps_" + std::to_string(n))));
    }
  }

  void testDdimOtherSpacings() {
    auto c = sdConfig();
    c.timestep_spacing = "trailing";
    QCOMPARE(ddimTimesteps(c, 10), (std::vector<int64_t>{999, 899, 799, 699, 599, 499, 399, 299, 199, 99}));
    QCOMPARE(ddimTimesteps(c, 7), (std::vector<int64_t>{999, 856, 713, 570, 428, 285, 142}));
    c.timestep_spacing = "linspace";  // 166.5 and 832.5 round half to even, as numpy does
    QCOMPARE(ddimTimesteps(c, 7), (std::vector<int64_t>{999, 832, 666, 500, 333, 166, 0}));
    c.timestep_spacing = "sideways";
    QVERIFY_THROWS_EXCEPTION(sds::Error, ddimTimesteps(c, 10));
  }

  void testDdimStepMatchesDiffusers_data() {
    QTest::addColumn<QString>("set");
    QTest::newRow("v1") << "sd-tiny-v1";
    QTest::newRow("v2") << "sd-tiny-v2";
  }
  void testDdimStepMatchesDiffusers() {
    QFETCH(QString, set);
    const auto f = io::SafetensorsFile::open(kData + "/" + set.toStdString() + "/cases/ddim.safetensors");
    for (const auto& [p, tag] : {std::pair{PredictionType::Epsilon, "epsilon"}, {PredictionType::VPrediction, "v_prediction"}}) {
      DdimScheduler ddim(sdConfig(p));
      ddim.setTimesteps(10);
      for (int t : {901, 501, 1}) {
        const std::string prefix = std::string("step_") + tag + "_t" + std::to_string(t) + "_";
        const auto r = ddim.step(f->tensor(prefix + "model_output"), t, f->tensor(prefix + "sample"));
        QVERIFY(withinTolerance(r.prev_sample, f->tensor(prefix + "prev_sample"), 1e-6, 1e-5));
        QVERIFY(withinTolerance(r.pred_original_sample, f->tensor(prefix + "pred_original_sample"), 1e-6, 1e-5));
      }
    }
  }

  void testDpmSolverTimestepsMatchDiffusers() {
    // Expected values follow diffusers v0.25.1 DPMSolverMultistepScheduler.set_timesteps
    // for the SD config: leading divides by n + 1; linspace drops the 0 of n + 1 points.
    DpmSolverMultistepScheduler dpm(sdConfig());
    dpm.setTimesteps(10);
    QCOMPARE(dpm.timesteps(), (std::vector<int64_t>{901, 811, 721, 631, 541, 451, 361, 271, 181, 91}));
    QCOMPARE(dpm.sigmas().size(), size_t(11));
    QCOMPARE(dpm.sigmas().back(), 0.0);
    auto c = sdConfig();
    c.timestep_spacing = "linspace";
    QCOMPARE(dpmSolverTimesteps(c, 10), (std::vector<int64_t>{999, 899, 799, 699, 599, 500, 400, 300, 200, 100}));
    c.timestep_spacing = "trailing";
    QCOMPARE(dpmSolverTimesteps(c, 10), (std::vector<int64_t>{999, 899, 799, 699, 599, 499, 399, 299, 199, 99}));
  }

  void testDpmSolverKarrasTimestepsMatchDiffusers() {
    DpmSolverOptions o;
    o.use_karras_sigmas = true;
    DpmSolverMultistepScheduler dpm(sdConfig(), o);
    dpm.setTimesteps(10);
    QCOMPARE(dpm.timesteps(), (std::vector<int64_t>{999, 916, 815, 687, 523, 327, 146, 41, 7, 0}));
    QVERIFY(std::abs(dpm.sigmas().front() - 14.614652) < 1e-5);  // sigma_max of the training schedule
    QVERIFY(std::abs(dpm.sigmas()[9] - 0.0291675) < 1e-6);       // sigma_min
    dpm.setTimesteps(25);
    QCOMPARE(dpm.timesteps(), (std::vector<int64_t>{999, 970, 938, 905, 868, 829, 786, 739, 687, 630, 568, 500, 427,
                                                    352, 278, 207, 146, 96, 59, 34, 18, 9, 4, 1, 0}));
  }

  void testPointMassLandsOnTarget_data() {
    QTest::addColumn<QString>("scheduler");
    QTest::addColumn<bool>("vprediction");
    for (const auto& s : schedulerKindNames()) {
      QTest::newRow((s + " epsilon").c_str()) << QString::fromStdString(s) << false;
      QTest::newRow((s + " v").c_str()) << QString::fromStdString(s) << true;
    }
  }
  void testPointMassLandsOnTarget() {
    QFETCH(QString, scheduler);
    QFETCH(bool, vprediction);
    auto cfg = sdConfig(vprediction ? PredictionType::VPrediction : PredictionType::Epsilon);
    cfg.set_alpha_to_one = true;  // DDIM's last step then goes all the way to abar = 1
    auto sched = makeScheduler(parseSchedulerKind(scheduler.toStdString()), cfg);
    torch::manual_seed(7);
    const auto c = torch::randn({1, 4, 4, 6}, torch::kFloat64);
    const auto xT = torch::randn({1, 4, 4, 6}, torch::kFloat64);
    for (int steps : {1, 4, 10, 20}) {
      const auto x = sample(*sched, steps, xT, [&](const torch::Tensor& x, int64_t t) {
        return pointMassModel(x, t, c, sched->noiseSchedule(), cfg.prediction_type);
      });
      // float32 schedule coefficients: exact up to ~1e-7 relative
      QVERIFY2(maxAbsDiff(x, c) < 1e-5, (scheduler.toStdString() + " steps " + std::to_string(steps)).c_str());
    }
  }

  void testDpmSolverConvergesFasterThanDdim() {
    // Gaussian data N(mu, sd^2): the probability-flow ODE keeps the z-score, so
    // the exact x0 for x_T is mu + sd * (x_T - sqrt(abar_T) mu) / sqrt(abar_T sd^2 + 1 - abar_T).
    // Both samplers end at abar = 1 (DPM-Solver++'s final sigma 0, DDIM's set_alpha_to_one).
    auto cfg = sdConfig();
    cfg.timestep_spacing = "trailing";  // both start at t = 999
    cfg.set_alpha_to_one = true;
    const double mu = 0.5, sd = 1.0;  // unit variance, like SD latents
    torch::manual_seed(3);
    const auto xT = torch::randn({256}, torch::kFloat64);
    DdimScheduler ddim(cfg);
    DpmSolverMultistepScheduler dpm(cfg);
    const double aT = ddim.noiseSchedule().alphaCumprod(999);
    const auto exact = mu + sd * (xT - std::sqrt(aT) * mu) / std::sqrt(aT * sd * sd + 1 - aT);
    const auto model = [&](const torch::Tensor& x, int64_t t) { return gaussianModel(x, t, mu, sd, ddim.noiseSchedule()); };
    // Divisors of 1000, so DDIM's prev_t (t - 1000 // n) is exactly the next trailing timestep.
    for (int steps : {5, 10, 20, 25}) {
      const double e_ddim = maxAbsDiff(sample(ddim, steps, xT, model), exact);
      const double e_dpm = maxAbsDiff(sample(dpm, steps, xT, model), exact);
      qInfo("steps %d: DDIM error %.3g, DPM-Solver++ 2M error %.3g", steps, e_ddim, e_dpm);
      QVERIFY(e_dpm < (steps < 10 ? 0.75 : 0.5) * e_ddim);
    }
    QVERIFY(maxAbsDiff(sample(dpm, 50, xT, model), exact) < maxAbsDiff(sample(dpm, 20, xT, model), exact));
  }

  void testFirstOrderDpmSolverIsDdim() {
    // With the same noise levels, first-order DPM-Solver++ is DDIM (eta 0).
    auto cfg = sdConfig();
    cfg.timestep_spacing = "trailing";  // DDIM's prev_t = t - 100 then is the next timestep
    DdimScheduler ddim(cfg);
    DpmSolverOptions o;
    o.solver_order = 1;
    o.final_sigma = DpmSolverOptions::FinalSigma::SigmaMin;  // = DDIM's final_alpha_cumprod = abar[0]
    DpmSolverMultistepScheduler dpm(cfg, o);
    torch::manual_seed(5);
    const auto xT = torch::randn({2, 4, 3, 5}, torch::kFloat64);
    const auto model = [](const torch::Tensor& x, int64_t t) { return torch::sin(x * 3.0 + double(t) / 100.0); };
    // Equal up to the float32 rounding of the schedule coefficients (a wrong update is off by ~0.1).
    QVERIFY(maxAbsDiff(sample(ddim, 10, xT, model), sample(dpm, 10, xT, model)) < 1e-4);
  }

  void testAddNoise() {
    DdimScheduler ddim(sdConfig());
    const auto x0 = torch::ones({1, 4, 2, 2}), noise = torch::full({1, 4, 2, 2}, 2.0);
    const double a = ddim.noiseSchedule().alphaCumprod(500);
    const auto expected = std::sqrt(a) * x0 + std::sqrt(1 - a) * noise;
    QVERIFY(maxAbsDiff(ddim.addNoise(x0, noise, 500), expected) < 1e-6);
    QCOMPARE(ddim.initNoiseSigma(), 1.0);
    QVERIFY(ddim.scaleModelInput(x0, 500).equal(x0));
  }

  void testRejectsBadSettings() {
    DdimScheduler ddim(sdConfig());
    QVERIFY_THROWS_EXCEPTION(sds::Error, ddim.setTimesteps(0));
    QVERIFY_THROWS_EXCEPTION(sds::Error, ddim.setTimesteps(1001));
    QVERIFY_THROWS_EXCEPTION(sds::Error, ddim.setTimesteps(1000));  // leading + offset 1 would give t = 1000
    QVERIFY_THROWS_EXCEPTION(sds::Error, parseSchedulerKind("euler"));
    DpmSolverMultistepScheduler dpm(sdConfig());
    QVERIFY_THROWS_EXCEPTION(sds::Error, dpm.step(torch::zeros({1}), 1, torch::zeros({1})));
  }
};

QTEST_GUILESS_MAIN(TestSchedulers)
#include "test_schedulers.moc"
