#include "train_parts_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "background_job.h"
#include "eval/fashion_mnist_idx.h"
#include "model_source.h"
#include "prune/learned_parts.h"
#include "prune/registry.h"
#include "train/parts_trainer.h"
#include "widgets/spec_text.h"

namespace vp {
namespace {

PartsRecipe recipeOf(const std::string& id) {
    MethodPtr m = builtinRegistry().create(id);
    return m->learnedParts() ? m->learnedParts()->recipe() : PartsRecipe{};
}

TrainData fashionSplits() {
    const std::string dir = fashionMnistDir();
    auto split = [&](const std::string& name) {
        return readFashionMnist(dir + "/" + name + "-images-idx3-ubyte.gz", dir + "/" + name + "-labels-idx1-ubyte.gz");
    };
    const IdxImages train = split("train"), test = split("t10k");
    return {train.images, train.labels, test.images, test.labels};
}

}  // namespace

TrainPartsDialog::TrainPartsDialog(const QString& modelSpec, const QString& modelName, const std::string& methodId,
                                   QWidget* parent)
    : QDialog(parent), m_modelSpec(modelSpec), m_modelName(modelName) {
    setWindowTitle(tr("Train method parts for %1").arg(modelName));
    m_method = new QComboBox(this);
    for (const MethodSpec& s : builtinRegistry().specs())
        if (!s.requirements.learnedKeys.empty())
            m_method->addItem(specText(s.name) + QStringLiteral("  [%1]").arg(QString::fromStdString(s.id)),
                              QString::fromStdString(s.id));
    const int preselect = m_method->findData(QString::fromStdString(methodId));
    if (preselect >= 0) m_method->setCurrentIndex(preselect);
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 1000);
    m_images = new QSpinBox(this);
    m_images->setRange(64, 60000);
    m_images->setSingleStep(1000);
    m_images->setToolTip(tr("The first N images of the Fashion-MNIST train split"));
    m_out = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    m_resume = new QCheckBox(tr("Resume the interrupted run in this folder"), this);
    m_recipe = new QLabel(this);
    m_recipe->setWordWrap(true);
    m_command = new QLabel(this);
    m_command->setWordWrap(true);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("Idle"));
    m_progress->setValue(0);
    m_train = new QPushButton(tr("Train"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    auto* close = new QPushButton(tr("Close"), this);

    auto* outRow = new QHBoxLayout;
    outRow->addWidget(m_out, 1);
    outRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Training images"), m_images);
    form->addRow(tr("Output folder"), outRow);
    form->addRow(QString(), m_resume);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton* b : {m_train, m_cancel, close}) buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_recipe);
    layout->addWidget(m_command);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    resize(760, 560);

    m_job = new BackgroundJob(this);
    connect(m_job, &BackgroundJob::progress, this, [this](int done, int total, const QString& text) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
        m_progress->setFormat(text);
    });
    connect(m_job, &BackgroundJob::finished, this, [this](bool cancelled, const QString& error) {
        m_train->setEnabled(true);
        m_cancel->setEnabled(false);
        m_method->setEnabled(true);
        if (!error.isEmpty()) {
            m_progress->setFormat(tr("Failed"));
            appendLog(tr("Training failed: %1").arg(error));
        } else if (cancelled) {
            m_progress->setFormat(tr("Cancelled: finished epochs are kept; tick Resume to continue"));
            m_resume->setChecked(QFileInfo::exists(outDir() + QStringLiteral("/parts_state.pt")));
        } else {
            m_progress->setFormat(tr("Done"));
        }
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, &TrainPartsDialog::methodChosen);
    for (QSpinBox* s : {m_epochs, m_images})
        connect(s, &QSpinBox::valueChanged, this, [this] { m_command->setText(command()); });
    connect(m_out, &QLineEdit::textChanged, this, [this] {
        m_resume->setChecked(QFileInfo::exists(outDir() + QStringLiteral("/parts_state.pt")));
        m_command->setText(command());
    });
    connect(m_resume, &QCheckBox::toggled, this, [this] { m_command->setText(command()); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), m_out->text());
        if (!dir.isEmpty()) m_out->setText(dir);
    });
    connect(m_train, &QPushButton::clicked, this, &TrainPartsDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_job, &BackgroundJob::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    methodChosen();
}

bool TrainPartsDialog::isRunning() const { return m_job->isRunning(); }

QString TrainPartsDialog::outDir() const { return QDir::cleanPath(m_out->text().trimmed()); }

void TrainPartsDialog::methodChosen() {
    const std::string id = m_method->currentData().toString().toStdString();
    if (id.empty()) {
        m_recipe->setText(tr("No registered method has learned parts."));
        m_train->setEnabled(false);
        return;
    }
    const PartsRecipe r = recipeOf(id);
    QSettings settings;
    const QString key = QStringLiteral("trainParts/%1/").arg(QString::fromStdString(id));
    m_epochs->setValue(settings.value(key + QStringLiteral("epochs"), r.epochs).toInt());
    m_images->setValue(settings.value(key + QStringLiteral("images"), static_cast<int>(r.trainImages)).toInt());
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString name = m_modelName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    m_out->setText(root + QStringLiteral("/parts/%1/%2").arg(name, QString::fromStdString(id)));
    m_recipe->setText(tr("Recipe: %1. Scored after every epoch on 2,000 test images; the dense model is the "
                         "teacher.")
                          .arg(QString::fromStdString(r.summary)));
    m_command->setText(command());
}

QString TrainPartsDialog::command() const {
    QString c = QStringLiteral("vitprune train-method %1 --model %2 --out %3 --epochs %4 --images %5")
                    .arg(m_method->currentData().toString(),
                         m_modelSpec.isEmpty() ? QString::fromLatin1(kDefaultModelName) : m_modelSpec, outDir())
                    .arg(m_epochs->value())
                    .arg(m_images->value());
    if (m_resume->isChecked()) c += QStringLiteral(" --resume");
    return tr("Same as: %1").arg(c);
}

void TrainPartsDialog::appendLog(const QString& line) { m_log->appendPlainText(line); }

void TrainPartsDialog::start() {
    if (isRunning()) return;
    const std::string id = m_method->currentData().toString().toStdString();
    QSettings settings;
    const QString key = QStringLiteral("trainParts/%1/").arg(QString::fromStdString(id));
    settings.setValue(key + QStringLiteral("epochs"), m_epochs->value());
    settings.setValue(key + QStringLiteral("images"), m_images->value());
    PartsTrainOptions o;
    o.epochs = m_epochs->value();
    o.trainImages = m_images->value();
    o.outDir = outDir().toStdString();
    o.resume = m_resume->isChecked();
    o.cancel = m_job->cancelFlag();
    const std::string spec = m_modelSpec.toStdString();
    m_train->setEnabled(false);
    m_cancel->setEnabled(true);
    m_method->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Loading the model and Fashion-MNIST…"));
    appendLog(command());
    m_job->start([this, spec, id, o](BackgroundJob& job) {
        const OpenedModel opened = openStudioModel(spec);
        const TrainData data = fashionSplits();
        PartsTrainer trainer(opened.model, builtinRegistry().create(id), o);
        const int epochs = trainer.options().epochs;
        TrainCallbacks cb;
        cb.onStep = [&job, epochs](const StepInfo& s) {
            const int done = static_cast<int>((s.epoch - 1) * s.steps + s.step);
            job.reportProgress(done, static_cast<int>(epochs * s.steps),
                               tr("Epoch %1/%2, step %3/%4, loss %5, %6 img/s")
                                   .arg(s.epoch)
                                   .arg(epochs)
                                   .arg(s.step)
                                   .arg(s.steps)
                                   .arg(s.loss, 0, 'f', 4)
                                   .arg(s.imagesPerSecond, 0, 'f', 0));
        };
        cb.onMessage = [this, &job](const std::string& m) {
            job.post([this, line = QString::fromStdString(m)] { appendLog(line); });
        };
        const std::vector<EpochRecord> log = trainer.run(data, cb);
        const QString file = QString::fromStdString(trainer.partsPath());
        if (log.empty() || !QFileInfo::exists(file)) return;
        addStudioParts(spec, file.toStdString());
        job.post([this, file, top1 = log.back().testTop1] {
            appendLog(tr("Wrote %1 (test top-1 %2%); the studio now uses it.").arg(file).arg(100 * top1, 0, 'f', 2));
            Q_EMIT partsReady(file);
        });
    });
}

}  // namespace vp
