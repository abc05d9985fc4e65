#include "ui/help/about_dialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sds::ui {
namespace {

struct Credit {
  const char* name;     // as its authors write it
  const char* licence;  // SPDX id or the licence's own name
};

// The libraries a package of the studio ships or links; licences as published
// by each project (Debian's copyright files name the same).
constexpr Credit kLibraries[] = {
    {"Qt 6", "LGPL-3.0 (LGPLv3)"},
    {"LibTorch (PyTorch)", "BSD-3-Clause"},
    {"OpenCV", "Apache-2.0"},
    {"QCustomPlot", "GPL-3.0 (GPLv3)"},
    {"nlohmann/json", "MIT"},
    {"OpenBLAS", "BSD-3-Clause"},
};

QString item(const QString& name, const QString& what) {
  return QStringLiteral("<li><b>%1</b>: %2</li>").arg(name.toHtmlEscaped(), what);
}

QString plain(const char* text) { return QString::fromUtf8(text).toHtmlEscaped(); }

}  // namespace

QString AboutDialog::html() {
  QString page;
  page += QStringLiteral("<h2>StereoDiffusion Studio %1</h2>").arg(QStringLiteral(SDSTEREO_VERSION));
  page += QStringLiteral("<p>%1</p>").arg(
      tr("Stereo (3D) image pairs from a photo and its depth map, and with Stable Diffusion by the "
         "StereoDiffusion method."));

  page += QStringLiteral("<h3>%1</h3><p>%2</p>")
              .arg(tr("Method"),
                   tr("%1, by %2, %3 (%4).")
                       .arg(QStringLiteral("<i>StereoDiffusion: Training-Free Stereo Image Generation Using "
                                           "Latent Diffusion Models</i>"),
                            QStringLiteral("Lezhong Wang, Jeppe Revall Frisvad, Mark Bo Jensen, Siavash Arjomand Bigdeli"),
                            QStringLiteral("CVPR Workshops 2024 (CVPRW)"),
                            QStringLiteral("<a href=\"https://arxiv.org/abs/2403.04965\">arXiv 2403.04965</a>")));

  page += QStringLiteral("<h3>%1</h3><p>%2</p><ul>")
              .arg(tr("Models you may load"),
                   tr("The studio ships no model weights. Each model you load comes under its own licence; "
                      "read its model card before you use its results."));
  page += item(QStringLiteral("Stable Diffusion 1.x"),
               tr("%1, also its inpainting checkpoints").arg(QStringLiteral("CreativeML OpenRAIL-M")));
  page += item(QStringLiteral("Stable Diffusion 2.x / XL"),
               tr("%1, also their inpainting checkpoints").arg(QStringLiteral("CreativeML OpenRAIL++-M")));
  page += item(QStringLiteral("Depth Anything V2"),
               tr("Small: %1; Base, Large and Giant: %2 (non-commercial)")
                   .arg(QStringLiteral("Apache-2.0"), QStringLiteral("CC-BY-NC-4.0")));
  page += item(QStringLiteral("Depth Anything 3"),
               tr("Small, Base, Mono-Large and Metric-Large: %1; Large, Giant and Nested: %2 (non-commercial)")
                   .arg(QStringLiteral("Apache-2.0"), QStringLiteral("CC-BY-NC-4.0")));
  page += QStringLiteral("</ul>");

  page += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Libraries shipped"));
  for (const Credit& library : kLibraries) page += item(QString::fromUtf8(library.name), plain(library.licence));
  page += QStringLiteral("</ul>");

  page += QStringLiteral("<h3>%1</h3><p>%2</p>")
              .arg(tr("Licence"), tr("StereoDiffusion Studio is free software under the %1 licence.")
                                      .arg(QStringLiteral("MIT")));
  return page;
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
  setObjectName(QStringLiteral("aboutDialog"));
  setWindowTitle(tr("About StereoDiffusion Studio"));
  auto* icon = new QLabel;
  icon->setPixmap(QPixmap(QStringLiteral(":/icons/sdstereo-studio.png"))
                      .scaled(64, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation));
  icon->setAlignment(Qt::AlignTop);
  auto* text = new QTextBrowser;
  text->setObjectName(QStringLiteral("aboutText"));
  text->setOpenExternalLinks(true);
  text->setHtml(html());
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));  // also without Qt's own translations
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* row = new QHBoxLayout;
  row->addWidget(icon);
  row->addWidget(text, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(row, 1);
  layout->addWidget(buttons);
  resize(640, 660);  // the whole page without scrolling at the default font
}

}  // namespace sds::ui
