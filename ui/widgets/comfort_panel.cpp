#include "ui/widgets/comfort_panel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <cmath>
#include <iterator>

namespace sds::ui {
namespace {

struct Preset {
  const char* key;      // how the choice is remembered (never translated)
  const char* name;     // translated in the "sds::ui::ComfortPanel" context
  DisplayGeometry geometry;
};

// Typical sizes and distances; the picture fills the screen's width.
//
// Checked against the rule (viewing_comfort.h) for the default render of the
// bundled sample on the monitor: a 27 inch 16:9 screen is 0.598 m wide, so 3 %
// of the width is 18 mm of parallax; the default convergence (0) puts the
// farthest point on the screen, so the nearest is those 18 mm in front, and at
// 0.65 m that is 2 atan(81/1300) - 2 atan(63/1300) = 1.58 degrees (about
// 18/650 rad): beyond 1 degree, so the warning is the rule's own verdict. The
// same 3 % is comfortable with the screen plane in the middle of the depth
// (convergence 0.5: +-9 mm, 0.79 degrees), or up to 1.9 % with convergence 0.
const Preset kPresets[] = {
    {"phone", QT_TRANSLATE_NOOP("sds::ui::ComfortPanel", "Phone"), {0.14, 0.35}},
    {"monitor-27", QT_TRANSLATE_NOOP("sds::ui::ComfortPanel", "Monitor (27 inch)"), {0.60, 0.65}},
    {"tv-55", QT_TRANSLATE_NOOP("sds::ui::ComfortPanel", "3D TV (55 inch)"), {1.21, 2.5}},
    {"vr-headset", QT_TRANSLATE_NOOP("sds::ui::ComfortPanel", "VR headset (virtual screen)"), {2.5, 2.0}},
};
constexpr int kDefaultPreset = 1;

}  // namespace

ComfortPanel::ComfortPanel(QWidget* parent)
    : QWidget(parent), display_(new QComboBox), depth_(new QLabel), verdict_(new QLabel) {
  setObjectName(QStringLiteral("comfortPanel"));
  display_->setObjectName(QStringLiteral("comfortDisplayCombo"));
  for (const Preset& p : kPresets) {
    display_->addItem(tr(p.name), QString::fromLatin1(p.key));
    display_->setItemData(display_->count() - 1,
                          tr("The picture %1 cm wide, seen from %2 cm")
                              .arg(p.geometry.width_m * 100.0)
                              .arg(p.geometry.distance_m * 100.0),
                          Qt::ToolTipRole);
  }
  display_->setCurrentIndex(kDefaultPreset);
  display_->setToolTip(tr("The screen the pair will be watched on: its width and the viewing distance set how "
                          "deep the pixels look"));
  depth_->setObjectName(QStringLiteral("comfortDepthLabel"));
  depth_->setWordWrap(true);
  verdict_->setObjectName(QStringLiteral("comfortVerdictLabel"));
  verdict_->setWordWrap(true);
  const QString rule = tr("Comfort rule: every point within ±%1° of angular disparity from the screen plane, and "
                          "nothing behind the screen by more than the eyes' %2 mm separation (Lambooij et al., "
                          "J. Imaging Sci. Technol. 53(3), 2009; 3DC Safety Guidelines, 2010)")
                           .arg(kComfortLimitDeg)
                           .arg(kEyeSeparationM * 1000.0);
  for (QLabel* label : {depth_, verdict_}) label->setToolTip(rule);

  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Display"), display_);
  form->addRow(depth_);
  form->addRow(verdict_);
  connect(display_, &QComboBox::currentIndexChanged, this, [this] {
    refresh();
    Q_EMIT displayChanged(displayKey());
  });
  clear();
}

DisplayGeometry ComfortPanel::display() const {
  const int i = display_->currentIndex();
  return kPresets[i >= 0 && i < int(std::size(kPresets)) ? i : kDefaultPreset].geometry;
}

QString ComfortPanel::displayKey() const { return display_->currentData().toString(); }

void ComfortPanel::setDisplayKey(const QString& key) {
  const int i = display_->findData(key);
  if (i >= 0) display_->setCurrentIndex(i);
}

void ComfortPanel::setHistogram(const DisparityHistogram& histogram) {
  histogram_ = histogram;
  refresh();
}

void ComfortPanel::clear() { setHistogram(DisparityHistogram{}); }

bool ComfortPanel::warningShown() const { return verdict_->property("warning").toBool(); }
QString ComfortPanel::nearText() const { return near_text_; }
QString ComfortPanel::farText() const { return far_text_; }

QString ComfortPanel::describe(const PointDepth& d) const {
  const QString mm = QLocale().toString(std::abs(d.parallax_mm), 'f', 1);
  const QString deg = QLocale().toString(std::abs(d.angle_deg), 'f', 2);
  if (std::abs(d.parallax_mm) < 0.05) return tr("on the screen plane");
  return d.parallax_mm > 0 ? tr("%1 mm in front of the screen (%2°)").arg(mm, deg)
                           : tr("%1 mm behind the screen (%2°)").arg(mm, deg);
}

void ComfortPanel::refresh() {
  if (histogram_.counts.empty() || !(histogram_.image_width_px > 0)) {
    near_text_.clear();
    far_text_.clear();
    depth_->clear();
    verdict_->setText(tr("Render or generate a pair to see how deep it looks here."));
    verdict_->setProperty("warning", false);
    verdict_->setStyleSheet(QString());
    return;
  }
  const ViewingComfort c =
      viewingComfort(histogram_.highest_px, histogram_.lowest_px, histogram_.image_width_px, display());
  near_text_ = describe(c.nearest);
  far_text_ = describe(c.farthest);
  depth_->setText(tr("Nearest: %1. Farthest: %2.").arg(near_text_, far_text_));
  QString verdict;
  if (c.farthest.diverges || c.nearest.diverges)
    verdict = tr("⚠ Too deep: the eyes would have to diverge. Lower the disparity.");
  else if (!c.comfortable)
    verdict = tr("⚠ Beyond ±%1° on this display: eye strain is likely. Lower the disparity.").arg(kComfortLimitDeg);
  else
    verdict = tr("Comfortable: within ±%1° on this display.").arg(kComfortLimitDeg);
  verdict_->setText(verdict);
  verdict_->setProperty("warning", !c.comfortable);
  // A dark red that reads on light and dark themes alike.
  verdict_->setStyleSheet(c.comfortable ? QString() : QStringLiteral("color: #c0392b; font-weight: bold;"));
}

}  // namespace sds::ui
