// The Generate panel's "Depth model" row: the depth models found on this
// computer (core/media/depth_model_discovery.h), each with its licence, in an
// editable list that still takes a typed or browsed path. Until the user picks
// one, the best permissively licensed model found is shown (the default); a
// remembered choice wins over it. For a metric model (metres, DA3Metric) a
// field-of-view field appears, with a note when the photo's EXIF gives the
// focal length instead.
#pragma once
#include <QWidget>
#include <vector>

#include "core/media/depth_model_discovery.h"
#include "core/media/exif_focal.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QToolButton;

namespace sds::ui {

class DepthModelField : public QWidget {
  Q_OBJECT
 public:
  explicit DepthModelField(QWidget* parent = nullptr);

  // Lists `found` (best first), keeping the shown path; an untouched default
  // moves to the new best model.
  void setModels(const std::vector<media::FoundDepthModel>& found);

  QString path() const;
  // Empty, or the default's own path with `is_default`: the default (which
  // follows the models found). Anything else counts as the user's choice.
  void setPath(const QString& path, bool is_default = false);
  // True once setModels was called (the search for models has finished, found or not).
  bool listed() const { return listed_; }
  // True while the shown model is the default rather than the user's choice.
  bool isDefault() const { return !chosen_ || pending_default_; }
  bool isMetric() const;

  double fieldOfView() const;
  void setFieldOfView(double degrees);
  // The open photo's focal length (Source::None: the field of view is used).
  void setPhotoFocal(const media::PhotoFocal& focal);

  // "Depth Anything 3 Mono Large — Apache-2.0"
  static QString label(const media::FoundDepthModel& model);

 Q_SIGNALS:
  void pathChanged(const QString& path);

 private:
  void choose();
  void userChanged();
  void selectDefault();
  void updateMetric();
  const media::FoundDepthModel* shownModel() const;

  std::vector<media::FoundDepthModel> found_;
  bool chosen_ = false;
  bool listed_ = false;           // setModels was called
  bool pending_default_ = false;  // set as the default before the list was known
  QString general_tip_;
  QString shown_path_;  // path() when last set or changed: leaving the field unchanged is no choice
  std::optional<media::FoundDepthModel> typed_;  // what a typed path holds
  media::PhotoFocal focal_;
  QComboBox* combo_;
  QToolButton* browse_;
  QWidget* metric_row_;
  QDoubleSpinBox* fov_;
  QLabel* focal_note_;
};

}  // namespace sds::ui
