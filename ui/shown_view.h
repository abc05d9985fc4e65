// What the previews show: the source (photo + active depth map, rendered live
// with the stereo controls) or a result from the history (its pair, only
// composed). Keeps the previews, the renderer, the controls' enabled state and
// the source caption in step with that choice.
#pragma once
#include <QObject>

#include "core/media/render_params.h"
#include "ui/document/document.h"
#include "ui/results/pair_result.h"

class QLabel;

namespace sds::ui {

class DisparityPlot;
class PreviewTabs;
class RenderController;
class RenderControls;

class ShownView : public QObject {
  Q_OBJECT
 public:
  ShownView(PreviewTabs* previews, RenderController* renderer, RenderControls* controls, DisparityPlot* plot,
            QLabel* caption, QObject* parent = nullptr);

  void setSource(const SharedDocument& source);  // shown unless a result is
  void setResult(const SharedResult& result);    // null: the source
  void setParams(const media::RenderParams& params);  // from the controls

  const SharedDocument& source() const { return source_; }
  const SharedResult& result() const { return result_; }
  bool canExport() const { return result_ || (source_ && source_->sources); }

 Q_SIGNALS:
  void changed();

 private:
  void apply();
  QString sourceCaption() const;

  PreviewTabs* previews_;
  RenderController* renderer_;
  RenderControls* controls_;
  DisparityPlot* plot_;
  QLabel* caption_;
  SharedDocument source_;
  SharedResult result_;
  media::RenderParams params_;
};

}  // namespace sds::ui
