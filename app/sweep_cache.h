#pragma once
// Where the studio keeps its sweeps, so that reopening a model shows its Pareto points at once
// and an interrupted sweep resumes. One file (vitprune-sweep/1 JSON, CSV beside it) per
// (model identity, method, dataset, limit, points per method) under
// $VITPRUNE_CACHE_DIR/sweeps/ (tests) or <QStandardPaths::CacheLocation>/sweeps/.
#include <QString>
#include <QStringList>
#include <vector>

#include "eval/sweep_result.h"
#include "sweep_job.h"

namespace vp {

QString sweepCacheDir();

// A model as the cache knows it: `name` is recorded in the sweep files (the built-in name, the
// absolute path, or the random:ARCH text); `hash` is the SHA-1 (hex) of the files the model is
// read from (path, size and modification time of each), so replacing the weights starts over.
struct ModelIdentity {
    QString name;
    QString hash;
};
ModelIdentity modelIdentity(const QString& modelSpec);

// Dataset specs as recorded in the files: folders become absolute paths.
QString canonicalDataset(const QString& datasetSpec);

// Named also by methodCacheTag (app and method behaviour versions), so stale results are re-measured.
QString sweepCacheFile(const ModelIdentity& model, const QString& methodId, const QString& datasetSpec, qint64 limit,
                       int pointsPerMethod);

// A job with its cache files filled in.
SweepJob makeSweepJob(const QString& modelSpec, const QString& datasetSpec, qint64 limit, int pointsPerMethod,
                      const QStringList& methodIds);

struct CachedSweeps {
    std::vector<SweepResult> sweeps;  // one per method whose file exists and reads back
    QStringList problems;             // one line per unreadable file (named); those are ignored
};
// Reads the job's existing cache files, no worker needed. Never throws.
CachedSweeps loadCached(const SweepJob& job);

}  // namespace vp
