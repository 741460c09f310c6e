#pragma once
// What the Pareto panel asks the SweepWorker to measure, and the points that come back.
// Plain values: they cross threads through queued signals.
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "eval/sweep_result.h"

namespace vp {

struct SweepJob {
    QString modelSpec;                                      // as openStudioModel takes it: "" = default
    QString datasetSpec = QStringLiteral("fashion-mnist");  // as openDataset takes it
    qint64 limit = 1000;                                    // the first N images; 0 = all of them
    int pointsPerMethod = 8;
    QStringList methodIds;  // "dense" is always measured, once
    // One sweep file per method (dense point included), so that methods can be checked and
    // unchecked without losing anything: sweep_cache.h names them. Every method needs one.
    QMap<QString, QString> cacheFiles;
};

}  // namespace vp

Q_DECLARE_METATYPE(vp::SweepPoint)
