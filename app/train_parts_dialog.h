#pragma once
// Model ▸ Train method parts…: trains a method's learned parts (DynamicViT's score predictors, …)
// for the open model in the background, as `vitprune train-method` does (core/train/
// parts_trainer.h), with a progress bar, Cancel, resume of an interrupted run and the equivalent
// command. When a run ends, its parts file joins the session's model (model_source.h) and
// partsReady() tells the window to run again with it.
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace vp {

class BackgroundJob;

class TrainPartsDialog : public QDialog {
    Q_OBJECT
public:
    // modelSpec: as the window opened it ("" = the default model); methodId preselects a method.
    TrainPartsDialog(const QString& modelSpec, const QString& modelName, const std::string& methodId,
                     QWidget* parent = nullptr);
    bool isRunning() const;
    void start();
    QString command() const;  // the equivalent vitprune train-method line

Q_SIGNALS:
    void partsReady(const QString& partsFile);

private:
    void methodChosen();
    void appendLog(const QString& line);
    QString outDir() const;
    QString m_modelSpec, m_modelName;
    QComboBox* m_method = nullptr;
    QSpinBox* m_epochs = nullptr;
    QSpinBox* m_images = nullptr;
    QLineEdit* m_out = nullptr;
    QCheckBox* m_resume = nullptr;
    QLabel* m_recipe = nullptr;
    QLabel* m_command = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_cancel = nullptr;
    BackgroundJob* m_job = nullptr;
};

}  // namespace vp
