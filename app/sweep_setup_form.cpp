#include "sweep_setup_form.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QStandardItemModel>
#include <QFileInfo>
#include <QFormLayout>
#include <QListWidget>
#include <QSettings>
#include <QSpinBox>

#include "widgets/spec_text.h"
#include "prune/registry.h"

namespace vp {
namespace {

constexpr int kSpecRole = Qt::UserRole;      // dataset spec of a combo item ("" for "Folder…")
constexpr int kSizeRole = Qt::UserRole + 1;  // its number of images, when known without opening it
constexpr int kUnknownSize = 100000;         // spin box top ("all") for folders
constexpr qint64 kDefaultLimit = 1000;
constexpr int kDefaultPoints = 8;

// A spin box whose largest value reads "all" (the whole dataset).
class LimitSpinBox : public QSpinBox {
public:
    using QSpinBox::QSpinBox;

protected:
    QString textFromValue(int value) const override {
        return value == maximum() ? allText() : QSpinBox::textFromValue(value);
    }
    int valueFromText(const QString& text) const override {
        return text.trimmed() == allText() ? maximum() : QSpinBox::valueFromText(text);
    }
    QValidator::State validate(QString& text, int& pos) const override {
        const QString t = text.trimmed();
        if (!t.isEmpty() && allText().startsWith(t))
            return t == allText() ? QValidator::Acceptable : QValidator::Intermediate;
        return QSpinBox::validate(text, pos);
    }

private:
    static QString allText() { return SweepSetupForm::tr("all"); }
};

}  // namespace

SweepSetupForm::SweepSetupForm(QWidget* parent) : QWidget(parent) {
    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("datasetCombo"));
    m_dataset->addItem(tr("Fashion-MNIST test (10,000)"), QStringLiteral("fashion-mnist"));
    m_dataset->setItemData(0, 10000, kSizeRole);
    m_dataset->addItem(tr("Fashion-MNIST train"), QStringLiteral("fashion-mnist:train"));
    m_dataset->setItemData(1, 60000, kSizeRole);
    m_dataset->addItem(tr("Folder…"), QString());
    m_dataset->setItemData(2, tr("A folder with one sub-folder of images per class"), Qt::ToolTipRole);
    // Long (translated) names are elided in a narrow form: the box's tooltip has the whole name.
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataset->setMinimumContentsLength(12);
    auto showWholeName = [this] { m_dataset->setToolTip(m_dataset->currentText()); };
    connect(m_dataset, &QComboBox::currentIndexChanged, this, showWholeName);
    showWholeName();

    m_limit = new LimitSpinBox(this);
    m_limit->setObjectName(QStringLiteral("limitSpin"));
    m_limit->setMinimum(100);
    m_limit->setSingleStep(100);
    m_limit->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_limit->setToolTip(tr("Evaluate each setting on the first N images of the dataset"));

    m_points = new QSpinBox(this);
    m_points->setObjectName(QStringLiteral("pointsSpin"));
    m_points->setRange(1, 50);
    m_points->setToolTip(tr("Settings per method, evenly spaced in GMACs between its cheapest and dense"));

    m_methods = new QListWidget(this);
    m_methods->setObjectName(QStringLiteral("methodList"));
    m_methods->setToolTip(tr("Training-free methods to sweep; the dense model is always measured"));
    // Long names are elided (the tooltip has them in full) rather than scrolled sideways.
    m_methods->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_methods->setTextElideMode(Qt::ElideRight);
    buildMethodList();

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Dataset"), m_dataset);
    form->addRow(tr("Images"), m_limit);
    form->addRow(tr("Points per method"), m_points);
    form->addRow(tr("Methods"), m_methods);

    load();
    connect(m_dataset, &QComboBox::activated, this, &SweepSetupForm::datasetActivated);
    connect(m_limit, &QSpinBox::valueChanged, this, [this] { save(); });
    connect(m_points, &QSpinBox::valueChanged, this, [this] { save(); });
    connect(m_methods, &QListWidget::itemChanged, this, [this] { save(); });
}

void SweepSetupForm::buildMethodList() {
    // Methods a sweep can plan: with a main knob to spread the points over, and not video methods
    // (each still image would be their dense first frame). Methods with trained parts are listed
    // too: on a model without their parts the sweep skips them with a notice saying so.
    for (const MethodSpec& s : builtinRegistry().specs()) {
        if (s.id == "dense" || s.mainKnob.empty() || s.family == "video") continue;
        auto* item = new QListWidgetItem(specText(s.name), m_methods);
        item->setData(Qt::UserRole, QString::fromStdString(s.id));
        QString tip = specText(s.name) + QLatin1Char('\n') + QString::fromStdString(s.paper);
        if (!s.help.empty()) tip += QLatin1Char('\n') + specText(s.help);
        item->setToolTip(tip);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
}

QString SweepSetupForm::datasetName() const { return m_dataset->itemText(m_datasetIndex); }

QString SweepSetupForm::datasetSpec() const { return m_dataset->itemData(m_datasetIndex, kSpecRole).toString(); }

qint64 SweepSetupForm::limit() const { return m_limit->value() == m_limit->maximum() ? 0 : m_limit->value(); }

int SweepSetupForm::pointsPerMethod() const { return m_points->value(); }

QStringList SweepSetupForm::methodIds() const {
    QStringList ids;
    for (int i = 0; i < m_methods->count(); ++i)
        if (m_methods->item(i)->checkState() == Qt::Checked) ids << m_methods->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QStringList SweepSetupForm::availableMethods() const {
    QStringList ids;
    for (int i = 0; i < m_methods->count(); ++i) ids << m_methods->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString SweepSetupForm::methodName(const QString& id) const {
    for (int i = 0; i < m_methods->count(); ++i)
        if (m_methods->item(i)->data(Qt::UserRole).toString() == id) return m_methods->item(i)->text();
    if (id == QLatin1String("dense")) return tr("Dense");
    // A sweep file may hold methods this list does not show: name them as the method picker does.
    return builtinRegistry().contains(id.toStdString()) ? specText(builtinRegistry().spec(id.toStdString()).name) : id;
}

void SweepSetupForm::setDatasetSpec(const QString& spec) {
    int index = m_dataset->findData(spec, kSpecRole);
    if (index < 0 || spec.isEmpty()) {
        if (!QFileInfo(spec).isDir()) return;
        addFolderItem(spec);
        index = m_dataset->findData(spec, kSpecRole);
    }
    m_dataset->setCurrentIndex(index);
    m_datasetIndex = index;
    updateLimitRange();
    save();
}

void SweepSetupForm::setLimit(qint64 images) {
    m_limit->setValue(images <= 0 ? m_limit->maximum() : int(std::min<qint64>(images, m_limit->maximum())));
}

void SweepSetupForm::setPointsPerMethod(int points) { m_points->setValue(points); }

void SweepSetupForm::setMethodIds(const QStringList& ids) {
    m_loading = true;  // one save and one changed() for the whole list
    for (int i = 0; i < m_methods->count(); ++i) {
        QListWidgetItem* item = m_methods->item(i);
        item->setCheckState(ids.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = false;
    save();
}

namespace {
constexpr int kFashionClasses = 10;
bool isFashion(const QString& spec) { return spec.startsWith(QLatin1String("fashion-mnist")); }
}  // namespace

void SweepSetupForm::setModelClasses(int classes) {
    m_modelClasses = classes;
    auto* model = qobject_cast<QStandardItemModel*>(m_dataset->model());
    for (int i = 0; i < m_dataset->count(); ++i) {
        if (!isFashion(m_dataset->itemData(i, kSpecRole).toString())) continue;
        const bool fits = classes <= 0 || classes == kFashionClasses;
        if (model) model->item(i)->setEnabled(fits);
        m_dataset->setItemData(
            i, fits ? QVariant() : QVariant(tr("Fashion-MNIST has 10 classes; this model has %1").arg(classes)),
            Qt::ToolTipRole);
    }
    Q_EMIT changed();
}

bool SweepSetupForm::datasetFits() const { return datasetMismatch().isEmpty(); }

QString SweepSetupForm::datasetMismatch() const {
    if (m_modelClasses <= 0 || m_modelClasses == kFashionClasses || !isFashion(datasetSpec())) return {};
    return tr("Fashion-MNIST has 10 classes and this model has %1: its accuracy there means nothing. Choose "
              "Dataset ▸ Folder… with one sub-folder of images per class of the model.")
        .arg(m_modelClasses);
}

void SweepSetupForm::datasetActivated(int index) {
    QString spec = m_dataset->itemData(index, kSpecRole).toString();
    if (spec.isEmpty()) {  // "Folder…"
        QSettings settings;
        const QString start = settings.value(QStringLiteral("pareto/folder"), QDir::homePath()).toString();
        spec = QFileDialog::getExistingDirectory(this, tr("Dataset folder (one sub-folder per class)"), start);
        if (spec.isEmpty()) {
            m_dataset->setCurrentIndex(m_datasetIndex);
            return;
        }
        settings.setValue(QStringLiteral("pareto/folder"), spec);
    }
    setDatasetSpec(spec);
}

void SweepSetupForm::addFolderItem(const QString& folder) {
    // One folder entry at a time, just above "Folder…".
    const int browse = m_dataset->count() - 1;
    if (browse > 2) m_dataset->removeItem(2);
    const QString path = QFileInfo(folder).absoluteFilePath();
    m_dataset->insertItem(2, QDir(path).dirName(), path);
    m_dataset->setItemData(2, path, Qt::ToolTipRole);
    m_dataset->setItemData(2, kUnknownSize, kSizeRole);
}

void SweepSetupForm::updateLimitRange() {
    // The top of the range reads "all": keep a chosen count when it still fits, and "all".
    const qint64 was = limit();
    const int size = m_dataset->itemData(m_datasetIndex, kSizeRole).toInt();
    const QSignalBlocker block(m_limit);
    m_limit->setMaximum(std::max(size, m_limit->minimum() + 1));
    setLimit(was);
}

void SweepSetupForm::load() {
    m_loading = true;
    QSettings s;
    s.beginGroup(QStringLiteral("pareto"));
    const QString dataset = s.value(QStringLiteral("dataset"), QStringLiteral("fashion-mnist")).toString();
    if (QFileInfo(dataset).isDir()) addFolderItem(dataset);
    m_datasetIndex = std::max(
        0,
        m_dataset->findData(QFileInfo(dataset).isDir() ? QFileInfo(dataset).absoluteFilePath() : dataset, kSpecRole));
    m_dataset->setCurrentIndex(m_datasetIndex);
    updateLimitRange();
    setLimit(s.value(QStringLiteral("limit"), kDefaultLimit).toLongLong());
    m_points->setValue(s.value(QStringLiteral("points"), kDefaultPoints).toInt());
    // Unchecked ids are stored, so that methods added later start checked.
    const QStringList unchecked = s.value(QStringLiteral("unchecked")).toStringList();
    for (int i = 0; i < m_methods->count(); ++i)
        if (unchecked.contains(m_methods->item(i)->data(Qt::UserRole).toString()))
            m_methods->item(i)->setCheckState(Qt::Unchecked);
    m_loading = false;
}

void SweepSetupForm::save() {
    if (m_loading) return;
    QSettings s;
    s.beginGroup(QStringLiteral("pareto"));
    s.setValue(QStringLiteral("dataset"), datasetSpec());
    s.setValue(QStringLiteral("limit"), limit());
    s.setValue(QStringLiteral("points"), pointsPerMethod());
    QStringList unchecked = availableMethods();
    for (const QString& id : methodIds()) unchecked.removeAll(id);
    s.setValue(QStringLiteral("unchecked"), unchecked);
    Q_EMIT changed();
}

}  // namespace vp
