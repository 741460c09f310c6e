#include "sweep_cache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "model/model_loader.h"
#include "prune/registry.h"
#include "model_source.h"

namespace vp {
namespace {

// The files a model spec reads: a folder's files (config.json + weights), or a weights file with
// the configs the loader looks for beside it.
QFileInfoList modelFiles(const QString& path) {
    const QFileInfo info(path);
    if (info.isDir()) {
        // The method parts shipped beside the weights decide what learned methods compute: a
        // retrained parts file makes its methods' cached points stale.
        QFileInfoList files = QDir(path).entryInfoList(QDir::Files, QDir::Name);
        files << QDir(QDir(path).filePath(QStringLiteral("methods")))
                     .entryInfoList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name);
        return files;
    }
    QFileInfoList files{info};
    const QDir dir = info.absoluteDir();
    for (const QString& cfg : {info.completeBaseName() + QStringLiteral(".config.json"), QStringLiteral("config.json")})
        if (dir.exists(cfg)) files << QFileInfo(dir.filePath(cfg));
    return files;
}

QString sha1(const QByteArray& text) {
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex());
}

// Lower-case letters, digits and '-' only, so every name is a safe file name.
QString slug(const QString& text) {
    QString s;
    for (const QChar c : text.toLower()) s += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('-');
    return s;
}

}  // namespace

QString sweepCacheDir() {
    const QString env = qEnvironmentVariable("VITPRUNE_CACHE_DIR");
    const QString root = env.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : env;
    return QDir(root).filePath(QStringLiteral("sweeps"));
}

ModelIdentity modelIdentity(const QString& modelSpec) {
    QString spec = modelSpec;
    if (spec.isEmpty()) {
        // openStudioModel's choice: the built-in default, else its random stand-in.
        if (builtinModelFolder(kDefaultModelName).empty()) return {QStringLiteral("stand-in"), sha1("stand-in")};
        spec = QString::fromLatin1(kDefaultModelName);
    }
    if (spec.startsWith(QLatin1String("random:"))) return {spec, sha1(spec.toUtf8())};
    QString name = spec, path;
    if (QFileInfo::exists(spec)) {
        name = path = QFileInfo(spec).absoluteFilePath();
    } else {
        path = QString::fromStdString(builtinModelFolder(spec.toStdString()));
        if (path.isEmpty()) return {spec, sha1("missing:" + spec.toUtf8())};  // loading will say why
    }
    QByteArray key;
    for (const QFileInfo& f : modelFiles(path))
        key += f.absoluteFilePath().toUtf8() + '\n' + QByteArray::number(f.size()) + '\n' +
               QByteArray::number(f.lastModified().toMSecsSinceEpoch()) + '\n';
    return {name, sha1(key)};
}

QString canonicalDataset(const QString& datasetSpec) {
    const QFileInfo info(datasetSpec);
    return info.isDir() ? info.absoluteFilePath() : datasetSpec;
}

QString sweepCacheFile(const ModelIdentity& model, const QString& methodId, const QString& datasetSpec, qint64 limit,
                       int pointsPerMethod) {
    const QString dataset = canonicalDataset(datasetSpec);
    // Folders are named by a hash of their path (paths are long and may repeat a name).
    const QString data =
        QFileInfo(dataset).isDir() ? QStringLiteral("folder-") + sha1(dataset.toUtf8()).left(12) : slug(dataset);
    const QString images = limit > 0 ? QString::number(limit) : QStringLiteral("all");
    // The app version and the method's behaviour version: results of older code are re-measured.
    const QString code = sha1(QByteArray::fromStdString(methodCacheTag(methodId.toStdString()))).left(8);
    const QString name = QStringLiteral("%1_%2_%3_%4_p%5_%6.json")
                             .arg(model.hash.left(16), slug(methodId), data, images)
                             .arg(pointsPerMethod)
                             .arg(code);
    return QDir(sweepCacheDir()).filePath(name);
}

SweepJob makeSweepJob(const QString& modelSpec, const QString& datasetSpec, qint64 limit, int pointsPerMethod,
                      const QStringList& methodIds) {
    SweepJob job;
    job.modelSpec = modelSpec;
    job.datasetSpec = canonicalDataset(datasetSpec);
    job.limit = limit;
    job.pointsPerMethod = pointsPerMethod;
    job.methodIds = methodIds;
    const ModelIdentity model = modelIdentity(modelSpec);
    for (const QString& id : methodIds)
        job.cacheFiles[id] = sweepCacheFile(model, id, job.datasetSpec, limit, pointsPerMethod);
    return job;
}

CachedSweeps loadCached(const SweepJob& job) {
    CachedSweeps out;
    for (const QString& id : job.methodIds) {
        const QString file = job.cacheFiles.value(id);
        if (file.isEmpty() || !QFileInfo::exists(file)) continue;
        try {
            out.sweeps.push_back(loadSweep(file.toStdString()));
        } catch (const std::exception& e) {
            // loadSweep's errors name the file; anything else gets it prefixed.
            const QString what = QString::fromStdString(e.what());
            out.problems << (what.contains(file) ? what : file + QStringLiteral(": ") + what);
        }
    }
    return out;
}

}  // namespace vp
