#include "blobdownload.h"

#include "engine/registryclient.h"
#include "runtime/fsutil.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkReply>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// Partial-file bytes hashed per event-loop turn when resuming: about a millisecond
// of SHA-256, so a resume of a large layer never freezes the loop.
constexpr qint64 kCatchUpChunk = 1 << 20;

std::string localPath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

Status preadAll(int fd, char *buf, qint64 size, qint64 offset, const QString &path)
{
    qint64 done = 0;
    while (done < size) {
        ssize_t n = ::pread(fd, buf + done, static_cast<size_t>(size - done), offset + done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("read " + path.toStdString());
        }
        if (n == 0)
            return fail(ErrorCode::Corrupt, path.toStdString() + " shrank while being read");
        done += n;
    }
    return {};
}

Status pwriteAll(int fd, const char *buf, qint64 size, qint64 offset, const QString &path)
{
    qint64 done = 0;
    while (done < size) {
        ssize_t n = ::pwrite(fd, buf + done, static_cast<size_t>(size - done), offset + done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("write " + path.toStdString());
        }
        done += n;
    }
    return {};
}

} // namespace

BlobDownload::BlobDownload(RegistryClient *client, ImageReference image, Digest digest,
                           qint64 expectedSize, QString directory, Tee tee)
    : QObject(client)
    , m_client(client)
    , m_image(std::move(image))
    , m_digest(std::move(digest))
    , m_expectedSize(expectedSize)
    , m_directory(std::move(directory))
    , m_tee(std::move(tee))
    , m_total(expectedSize)
{}

BlobDownload::~BlobDownload()
{
    // Drop the HTTP side without calling back into this half-destroyed object.
    if (auto abandon = std::move(m_abandon))
        abandon();
    if (m_client && m_slotHeld)
        m_client->releaseSlot(this);
}

QString BlobDownload::filePath() const
{
    return m_directory + u"/sha256-"_s + m_digest.hex();
}

QString BlobDownload::partialPath() const
{
    return filePath() + u".partial"_s;
}

void BlobDownload::cancel()
{
    if (m_finished)
        return;
    if (!m_started) {
        finish(fail(ErrorCode::Cancelled, "download of " + describe() + " cancelled"));
        return;
    }
    m_cancelRequested = true;
    if (auto cancel = m_cancel)
        cancel();
}

std::string BlobDownload::describe() const
{
    return "blob " + m_digest.toString().toStdString() + " of image " +
           m_image.familiarString().toStdString() + " from registry " +
           m_image.domain().toStdString();
}

std::unexpected<Error> BlobDownload::corrupt(const std::string &why)
{
    // Whatever we hold of a blob the registry got wrong is worthless for a resume.
    discardPartial();
    return fail(ErrorCode::Corrupt, describe() + " is corrupt: " + why);
}

Status BlobDownload::open()
{
    if (!m_digest.isValid())
        return fail(ErrorCode::InvalidArgument, "a blob download needs a valid digest");
    if (m_directory.isEmpty())
        return fail(ErrorCode::InvalidArgument, "a blob download needs a directory");
    if (auto st = fs::makeDirectories(localPath(m_directory), 0700); !st)
        return st;
    const QString path = partialPath();
    UniqueFd fd(::open(localPath(path).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!fd)
        return failErrno("open " + path.toStdString());
    // Two transfers of one blob into one directory (two pulls sharing a layer, in
    // this process or another) would interleave their bytes; the second one waits
    // for the store to see the first one's result instead.
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return fail(ErrorCode::Busy, describe() + " is already being downloaded into " +
                                             m_directory.toStdString());
        return failErrno("lock " + path.toStdString());
    }
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return failErrno("stat " + path.toStdString());
    if (!S_ISREG(st.st_mode))
        return fail(ErrorCode::Unsafe, path.toStdString() + " is not a regular file");
    qint64 size = st.st_size;
    if (m_expectedSize >= 0 && size > m_expectedSize) {
        // Longer than the blob can be: not a prefix of it, start over.
        if (::ftruncate(fd.get(), 0) != 0)
            return failErrno("truncate " + path.toStdString());
        size = 0;
    }
    m_fd = std::move(fd);
    m_fileSize = size;
    m_resumedFrom = size;
    m_hash = Sha256();
    m_hashed = 0;
    m_teed = 0;
    m_compareEnd = 0;
    m_position = 0;
    Q_EMIT progress(m_fileSize, m_total);
    return {};
}

bool BlobDownload::haveAllBytes() const
{
    return m_expectedSize >= 0 && m_fileSize == m_expectedSize;
}

void BlobDownload::catchUp(std::function<void(Status)> done)
{
    if (m_cancelRequested) {
        done(fail(ErrorCode::Cancelled, "download of " + describe() + " cancelled"));
        return;
    }
    if (m_hashed >= m_fileSize) {
        done({});
        return;
    }
    const qint64 n = std::min(kCatchUpChunk, m_fileSize - m_hashed);
    QByteArray buf(n, Qt::Uninitialized);
    if (auto st = preadAll(m_fd.get(), buf.data(), n, m_hashed, partialPath()); !st) {
        done(st);
        return;
    }
    m_hash.update(buf.constData(), static_cast<size_t>(n));
    // The tee sees every byte exactly once: skip what it already had.
    if (m_tee && m_hashed + n > m_teed) {
        qint64 skip = std::max<qint64>(0, m_teed - m_hashed);
        m_tee(QByteArrayView(buf).sliced(skip));
        m_teed = m_hashed + n;
    }
    m_hashed += n;
    QTimer::singleShot(0, this,
                       [this, done = std::move(done)]() mutable { catchUp(std::move(done)); });
}

QList<std::pair<QByteArray, QByteArray>> BlobDownload::requestHeaders()
{
    ++m_attempts;
    if (m_fileSize > 0)
        return {{"Range", "bytes=" + QByteArray::number(m_fileSize) + '-'}};
    return {};
}

Status BlobDownload::beginResponse(QNetworkReply *reply, int status)
{
    QVariant lengthHeader = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 contentLength = lengthHeader.isValid() ? lengthHeader.toLongLong() : -1;
    if (status == 206) {
        static const QRegularExpression rangeRe(u"^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"_s);
        const QString range = QString::fromLatin1(reply->rawHeader("Content-Range")).trimmed();
        auto m = rangeRe.match(range);
        if (!m.hasMatch() || m.captured(1).toLongLong() != m_fileSize)
            return fail(ErrorCode::Network,
                        "registry " + m_image.domain().toStdString() +
                            " answered a resumed download of " + describe() +
                            " with an unexpected range \"" + range.left(80).toStdString() +
                            "\" (asked for bytes " + std::to_string(m_fileSize) + "-)");
        if (m.captured(3) != u"*"_s) {
            qint64 total = m.captured(3).toLongLong();
            if (m_expectedSize >= 0 && total != m_expectedSize)
                return corrupt("the registry says it has " + std::to_string(total) +
                               " bytes, the manifest says " + std::to_string(m_expectedSize));
            m_total = total;
        }
        // catchUp() ran before this attempt: everything on disk is hashed.
        Q_ASSERT(m_hashed == m_fileSize);
        m_position = m_fileSize;
        m_compareEnd = m_fileSize;
        m_resumedFrom = m_fileSize;
    } else if (status == 200) {
        if (m_expectedSize >= 0 && contentLength >= 0 && contentLength != m_expectedSize)
            return corrupt("the registry announces " + std::to_string(contentLength) +
                           " bytes, the manifest says " + std::to_string(m_expectedSize));
        if (m_expectedSize < 0 && contentLength >= 0)
            m_total = contentLength;
        m_position = 0;
        // Without Range support the whole blob comes again: the bytes we have are
        // compared with it (and hashed afresh) rather than trusted.
        m_compareEnd = m_fileSize;
        if (m_fileSize > 0) {
            m_hash = Sha256();
            m_hashed = 0;
        }
        m_resumedFrom = 0;
    } else {
        return fail(ErrorCode::Network, "registry " + m_image.domain().toStdString() +
                                            " answered HTTP " + std::to_string(status) + " for " +
                                            describe());
    }
    Q_EMIT progress(m_fileSize, m_total);
    return {};
}

Status BlobDownload::compareWithFile(QByteArrayView &chunk)
{
    const qint64 n = std::min<qint64>(chunk.size(), m_compareEnd - m_position);
    QByteArray disk(n, Qt::Uninitialized);
    if (auto st = preadAll(m_fd.get(), disk.data(), n, m_position, partialPath()); !st)
        return st;
    qint64 same = 0;
    while (same < n && disk[same] == chunk[same])
        ++same;
    m_hash.update(chunk.data(), static_cast<size_t>(same));
    m_hashed += same;
    m_position += same;
    chunk = chunk.sliced(same);
    if (same < n) {
        if (m_teed > m_position) {
            // The tee already passed on the old bytes: nothing can repair that.
            return corrupt("the registry sent different bytes than the partial download held");
        }
        // The old partial file was not a prefix of this blob: keep what matched.
        if (::ftruncate(m_fd.get(), m_position) != 0)
            return failErrno("truncate " + partialPath().toStdString());
        m_fileSize = m_position;
        m_compareEnd = m_position;
    }
    return {};
}

Status BlobDownload::appendToFile(QByteArrayView chunk)
{
    const qint64 n = chunk.size();
    if (m_expectedSize >= 0 && m_fileSize + n > m_expectedSize) {
        return corrupt("the registry sent more than the " + std::to_string(m_expectedSize) +
                       " bytes the manifest gives");
    }
    const qint64 limit =
        m_client ? m_client->options().maxBlobSize : RegistryClient::Options{}.maxBlobSize;
    if (m_expectedSize < 0 && m_fileSize + n > limit)
        return fail(ErrorCode::LimitExceeded,
                    describe() + " is larger than " + std::to_string(limit >> 30) + " GiB");
    if (auto st = pwriteAll(m_fd.get(), chunk.data(), n, m_fileSize, partialPath()); !st)
        return st;
    m_hash.update(chunk.data(), static_cast<size_t>(n));
    m_hashed += n;
    if (m_tee && m_fileSize + n > m_teed) {
        qint64 skip = std::max<qint64>(0, m_teed - m_fileSize);
        m_tee(chunk.sliced(skip));
        m_teed = m_fileSize + n;
    }
    m_fileSize += n;
    m_position += n;
    return {};
}

Status BlobDownload::write(QByteArrayView chunk)
{
    if (!m_fd)
        return fail(ErrorCode::Internal, "blob download written after it ended");
    if (m_position < m_compareEnd) {
        if (auto st = compareWithFile(chunk); !st)
            return st;
    }
    if (!chunk.isEmpty()) {
        if (auto st = appendToFile(chunk); !st)
            return st;
    }
    Q_EMIT progress(m_fileSize, m_total);
    return {};
}

Status BlobDownload::complete()
{
    if (!m_fd)
        return fail(ErrorCode::Internal, "blob download completed twice");
    if (m_position < m_compareEnd || m_hashed != m_fileSize) {
        // The registry ended its answer inside the bytes we already had.
        return corrupt("the registry's answer ended after " + std::to_string(m_position) +
                       " bytes");
    }
    if (m_expectedSize >= 0 && m_fileSize != m_expectedSize) {
        qint64 got = m_fileSize;
        return corrupt("got " + std::to_string(got) + " bytes, the manifest says " +
                       std::to_string(m_expectedSize));
    }
    const QString hex = QString::fromLatin1(m_hash.finalHex());
    if (hex != m_digest.hex()) {
        return corrupt("its content has digest sha256:" + hex.toStdString() + " (" +
                       std::to_string(m_fileSize) + " bytes); the download was deleted");
    }
    // Durable before it is visible under its final name: the store trusts the name.
    if (::fdatasync(m_fd.get()) != 0)
        return failErrno("sync " + partialPath().toStdString());
    if (::rename(localPath(partialPath()).c_str(), localPath(filePath()).c_str()) != 0)
        return failErrno("rename " + partialPath().toStdString());
    m_fd.reset();
    m_total = m_fileSize;
    Q_EMIT progress(m_fileSize, m_total);
    return {};
}

void BlobDownload::discardPartial()
{
    ::unlink(localPath(partialPath()).c_str());
    m_fd.reset();
    m_fileSize = 0;
    m_hashed = 0;
    m_position = 0;
    m_compareEnd = 0;
}

void BlobDownload::finish(Status status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(status);
    m_fd.reset(); // drops the lock; a kept partial file can be resumed by anyone
    m_cancel = nullptr;
    m_abandon = nullptr;
    if (m_client && m_slotHeld)
        m_client->releaseSlot(this);
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(); }, Qt::QueuedConnection);
}

} // namespace koker
