// The status bar's view of a long job: what it is doing, how far it got, and a
// Cancel button. Hidden while no job runs.
#pragma once
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace sds::ui {

class Job;

class JobProgress : public QWidget {
  Q_OBJECT
 public:
  explicit JobProgress(QWidget* parent = nullptr);

  void track(Job* job);  // shows it until it ends; a newer job replaces an older one here
  Job* current() const { return job_; }

 private:
  void onProgress(double overall, const QString& stage);
  void onEnded();

  QPointer<Job> job_;
  QLabel* stage_;
  QProgressBar* bar_;
  QToolButton* cancel_;
};

}  // namespace sds::ui
