#pragma once
// What a Pareto sweep covers: dataset, number of images, points per method, methods. Remembered
// in QSettings (group "pareto"). The ParetoPanel builds its SweepJob from these.
#include <QStringList>
#include <QWidget>

class QComboBox;
class QListWidget;
class QSpinBox;

namespace vp {

class SweepSetupForm : public QWidget {
    Q_OBJECT
public:
    explicit SweepSetupForm(QWidget* parent = nullptr);

    QString datasetSpec() const;  // "fashion-mnist", "fashion-mnist:train" or a folder
    QString datasetName() const;  // as the chooser shows it
    qint64 limit() const;         // images; 0 = the whole dataset
    int pointsPerMethod() const;
    QStringList methodIds() const;         // checked, in list order ("dense" is implied)
    QStringList availableMethods() const;  // every method listed

    // Programmatic choices (tests, the main window). Unknown method ids are ignored; a folder
    // that is not listed yet is added.
    void setDatasetSpec(const QString& spec);
    void setLimit(qint64 images);  // clamped to the spin box; 0 = all
    void setPointsPerMethod(int points);
    void setMethodIds(const QStringList& ids);

    // The model's class count (0: unknown). Fashion-MNIST (10 classes) is offered only to a
    // 10-class model; for others the form asks for a class-folder dataset instead.
    void setModelClasses(int classes);
    // The chosen dataset can mean something for the model; else why not (for the status line).
    bool datasetFits() const;
    QString datasetMismatch() const;

    // The display name of a method ("EViT"), for legends.
    QString methodName(const QString& id) const;

Q_SIGNALS:
    void changed();  // any choice above changed (already saved)

private:
    void buildMethodList();
    void datasetActivated(int index);
    void addFolderItem(const QString& folder);
    void updateLimitRange();
    void load();
    void save();

    QComboBox* m_dataset = nullptr;
    QSpinBox* m_limit = nullptr;
    QSpinBox* m_points = nullptr;
    QListWidget* m_methods = nullptr;
    int m_datasetIndex = 0;
    int m_modelClasses = 0;  // to go back to when the folder dialog is cancelled
    bool m_loading = false;
};

}  // namespace vp
