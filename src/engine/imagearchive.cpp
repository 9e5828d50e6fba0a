#include "imagearchive.h"

#include "engine/imagereference.h"
#include "engine/imageservice.h"
#include "engine/manifest.h"
#include "engine/mediatypes.h"
#include "runtime/fsutil.h"
#include "runtime/layerextractor.h"
#include "runtime/sha256.h"
#include "runtime/uniquefd.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QFuture>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

std::string quote(const QString &s)
{
    return "\"" + str(s.left(200)) + "\"";
}

constexpr size_t kCopyBuffer = 1u << 20;
constexpr int kMaxLinkHops = 16;

struct ReadFree
{
    void operator()(archive *a) const { archive_read_free(a); }
};
struct WriteFree
{
    void operator()(archive *a) const { archive_write_free(a); }
};
using ReadPtr = std::unique_ptr<archive, ReadFree>;
using WritePtr = std::unique_ptr<archive, WriteFree>;
using EntryPtr = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

// Only libarchive's built-in decompressors: filter_all would also run external
// programs (lrzip, lzop, grzip) on a stranger's archive, as root.
void supportFilters(archive *a)
{
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_filter_xz(a);
    archive_read_support_filter_bzip2(a);
}

std::string archiveText(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? text : "unknown error";
}

// An entry name, checked like a layer entry's (no "..", not absolute, no NUL,
// bounded) and normalised ("./a//b" -> "a/b"). The name is only ever a key.
Result<QString> checkedName(const char *raw)
{
    if (!raw)
        return fail(ErrorCode::Corrupt, "the archive has an entry without a name");
    auto name = sanitizeEntryName(std::string_view(raw));
    if (!name) {
        std::string why = name.error().message;
        if (auto at = why.rfind(": "); at != std::string::npos)
            why = why.substr(at + 2);
        return fail(ErrorCode::Unsafe,
                    "refused archive entry \"" + std::string(raw).substr(0, 200) + "\": " + why);
    }
    return QString::fromStdString(*name);
}

Result<QString> checkedName(const QString &name)
{
    return checkedName(name.toUtf8().constData());
}

bool isRootName(const char *raw)
{
    if (!raw)
        return false;
    for (const char *p = raw; *p; ++p) {
        if (*p != '.' && *p != '/')
            return false;
    }
    return *raw == '.' && std::string_view(raw).find("..") == std::string_view::npos;
}

// A symlink's target joined to the link's directory, inside the archive's names.
Result<QString> resolveLinkTarget(const QString &linkName, const char *rawTarget)
{
    const QString target = QString::fromUtf8(rawTarget ? rawTarget : "");
    auto refuse = [&](const char *why) {
        return fail(ErrorCode::Unsafe, "refused archive entry " + quote(linkName) +
                                           ": its link target " + quote(target) + " " + why);
    };
    if (target.isEmpty())
        return refuse("is empty");
    if (target.startsWith(u'/'))
        return refuse("is absolute");
    QStringList parts = linkName.split(u'/');
    parts.removeLast();
    const QStringList steps = target.split(u'/');
    for (const QString &part : steps) {
        if (part.isEmpty() || part == u"."_s)
            continue;
        if (part == u".."_s) {
            if (parts.isEmpty())
                return refuse("leaves the archive");
            parts.removeLast();
            continue;
        }
        parts << part;
    }
    if (parts.isEmpty())
        return refuse("names the archive's root");
    return parts.join(u'/');
}

Status writeAll(int fd, const char *data, size_t size, const QString &path)
{
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("write " + str(path));
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return {};
}

// ---------------------------------------------------------------------------------
// The archive's entries, spooled: each regular file copied to <dir>/<counter> with
// its SHA-256; links kept as references to other entries. Nothing is created under
// a name that came from the archive.

struct ArchiveEntry
{
    enum class Kind
    {
        File,
        Symlink,
        Hardlink
    };
    Kind kind = Kind::File;
    QString name;
    QString target; // normalised name of the entry a link points to
    QString path;   // scratch file with the bytes (File)
    qint64 size = 0;
    Digest digest; // sha256 of the bytes (File)
};

class Spool
{
public:
    explicit Spool(QString dir)
        : m_dir(std::move(dir))
    {}
    ~Spool() { (void)fs::removeTree(str(m_dir)); }
    Q_DISABLE_COPY_MOVE(Spool)

    Status read(int fd);
    bool contains(const QString &name) const { return m_entries.contains(name); }
    /// The regular file `name` names, following links inside the archive.
    Result<const ArchiveEntry *> find(const QString &name) const;
    Result<QByteArray> readSmall(const ArchiveEntry &entry, qint64 cap) const;
    qint64 count() const { return m_entries.size(); }
    qint64 bytes() const { return m_total; }

private:
    Status spoolFile(archive *a, ArchiveEntry &entry, qint64 declared);

    QString m_dir;
    QHash<QString, ArchiveEntry> m_entries;
    qint64 m_total = 0;
    qint64 m_counter = 0;
};

Status Spool::read(int fd)
{
    ReadPtr a(archive_read_new());
    if (!a)
        return fail(ErrorCode::System, "out of memory creating the archive reader");
    supportFilters(a.get());
    archive_read_support_format_tar(a.get());
    if (archive_read_open_fd(a.get(), fd, kCopyBuffer) != ARCHIVE_OK)
        return fail(ErrorCode::Corrupt,
                    "the file is not a tar archive of images, or it is damaged: " +
                        archiveText(a.get()));
    if (::mkdir(QFile::encodeName(m_dir).constData(), 0700) != 0)
        return failErrno("create " + str(m_dir));
    for (;;) {
        archive_entry *e = nullptr;
        int r = archive_read_next_header(a.get(), &e);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return fail(ErrorCode::Corrupt,
                        "the file is not a tar archive of images, or it is damaged: " +
                            archiveText(a.get()));
        if (++m_counter > ImageArchive::kMaxEntries)
            return fail(ErrorCode::LimitExceeded, "the archive has more than " +
                                                      std::to_string(ImageArchive::kMaxEntries) +
                                                      " entries");
        const char *raw = archive_entry_pathname(e);
        const mode_t type = archive_entry_filetype(e);
        const char *hardlink = archive_entry_hardlink(e);
        if (type == AE_IFDIR && !hardlink && isRootName(raw))
            continue;
        auto name = checkedName(raw);
        if (!name)
            return std::unexpected(name.error());
        if (type == AE_IFDIR && !hardlink)
            continue; // directories only hold entries; nothing to keep
        if (m_entries.contains(*name))
            return fail(ErrorCode::Corrupt, "the archive holds " + quote(*name) +
                                                " twice; refusing an ambiguous archive");
        ArchiveEntry entry;
        entry.name = *name;
        if (hardlink) {
            auto target = checkedName(hardlink);
            if (!target)
                return std::unexpected(target.error());
            entry.kind = ArchiveEntry::Kind::Hardlink;
            entry.target = *target;
        } else if (type == AE_IFLNK) {
            // `docker save` links a layer that appears twice to its first copy.
            auto target = resolveLinkTarget(*name, archive_entry_symlink(e));
            if (!target)
                return std::unexpected(target.error());
            entry.kind = ArchiveEntry::Kind::Symlink;
            entry.target = *target;
        } else if (type == AE_IFREG) {
            const qint64 declared = archive_entry_size_is_set(e) ? archive_entry_size(e) : -1;
            if (auto st = spoolFile(a.get(), entry, declared); !st)
                return st;
        } else {
            return fail(ErrorCode::Unsafe, "refused archive entry " + quote(*name) +
                                               ": devices, fifos and sockets have no place in "
                                               "an image archive");
        }
        m_entries.insert(entry.name, entry);
    }
    return {};
}

Status Spool::spoolFile(archive *a, ArchiveEntry &entry, qint64 declared)
{
    if (declared > ImageArchive::kMaxTotalBytes - m_total)
        return fail(ErrorCode::LimitExceeded,
                    "archive entry " + quote(entry.name) + " would take the archive over " +
                        std::to_string(ImageArchive::kMaxTotalBytes >> 30) + " GiB");
    entry.kind = ArchiveEntry::Kind::File;
    entry.path = m_dir + u'/' + QString::number(m_counter);
    UniqueFd out(::open(QFile::encodeName(entry.path).constData(),
                        O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!out)
        return failErrno("create " + str(entry.path));
    Sha256 hash;
    std::vector<char> buf(kCopyBuffer);
    for (;;) {
        la_ssize_t n = archive_read_data(a, buf.data(), buf.size());
        if (n < 0)
            return fail(ErrorCode::Corrupt,
                        "cannot read archive entry " + quote(entry.name) + ": " + archiveText(a));
        if (n == 0)
            break;
        m_total += n;
        entry.size += n;
        if (m_total > ImageArchive::kMaxTotalBytes)
            return fail(ErrorCode::LimitExceeded,
                        "the archive holds more than " +
                            std::to_string(ImageArchive::kMaxTotalBytes >> 30) + " GiB");
        hash.update(buf.data(), static_cast<size_t>(n));
        if (auto st = writeAll(out.get(), buf.data(), static_cast<size_t>(n), entry.path); !st)
            return st;
    }
    entry.digest = Digest::fromSha256Hex(QString::fromStdString(hash.finalHex()));
    return {};
}

Result<const ArchiveEntry *> Spool::find(const QString &name) const
{
    QString current = name;
    for (int hop = 0; hop <= kMaxLinkHops; ++hop) {
        auto it = m_entries.constFind(current);
        if (it == m_entries.constEnd())
            return fail(
                ErrorCode::NotFound,
                "the archive has no entry " + quote(current) +
                    (current == name ? std::string() : " (linked from " + quote(name) + ")"));
        if (it->kind == ArchiveEntry::Kind::File)
            return &*it;
        current = it->target;
    }
    return fail(ErrorCode::Corrupt, "archive entry " + quote(name) + " is a chain of more than " +
                                        std::to_string(kMaxLinkHops) + " links");
}

Result<QByteArray> Spool::readSmall(const ArchiveEntry &entry, qint64 cap) const
{
    if (entry.size > cap)
        return fail(ErrorCode::LimitExceeded,
                    "archive entry " + quote(entry.name) + " is " + std::to_string(entry.size) +
                        " bytes, more than the " + std::to_string(cap) + " accepted");
    QFile f(entry.path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::System, "cannot read back " + str(entry.path));
    return f.read(cap);
}

// "blobs/sha256/<hex>" and "<hex>.json" claim their content's digest: hold them to it.
Status checkNamedDigest(const ArchiveEntry &entry, const QString &nameUsed)
{
    static const QRegularExpression named(
        u"^(?:blobs/sha256/([0-9a-f]{64})|([0-9a-f]{64})\\.json)$"_s);
    auto m = named.match(nameUsed);
    if (!m.hasMatch())
        return {};
    const QString hex = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (hex != entry.digest.hex())
        return fail(ErrorCode::Corrupt, "archive entry " + quote(nameUsed) +
                                            " does not match the digest in its name (its content "
                                            "is sha256:" +
                                            str(entry.digest.hex()) + ")");
    return {};
}

// One image found in the archive, on its way into the store.
struct Candidate
{
    QString origin; // for messages: "manifest.json entry 1", "index.json entry 2"
    const ArchiveEntry *config = nullptr;
    QList<const ArchiveEntry *> layers;
    QStringList layerTypes; // media types (from the manifest, or sniffed)
    QStringList names;      // normalised references
    QByteArray manifestBytes;
    QByteArray configBytes;
    ImageConfig parsedConfig;
    Digest id;
};

Result<QStringList> parseNames(const QJsonValue &value, const QString &origin)
{
    QStringList names;
    if (value.isNull() || value.isUndefined())
        return names;
    if (!value.isArray())
        return fail(ErrorCode::Corrupt, str(origin) + ": RepoTags is not a list");
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        auto ref = ImageReference::parse(v.toString());
        if (!ref)
            return fail(ErrorCode::InvalidArgument, str(origin) + " names an image " +
                                                        quote(v.toString()) + ": " +
                                                        ref.error().message);
        if (ref->digest().isValid() || ref->tag().isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        str(origin) + ": " + quote(v.toString()) + " is not a name:tag");
        names << ref->toString();
    }
    return names;
}

Result<QList<Candidate>> parseDockerArchive(const Spool &spool)
{
    auto manifestEntry = spool.find(u"manifest.json"_s);
    if (!manifestEntry)
        return std::unexpected(manifestEntry.error());
    auto bytes = spool.readSmall(**manifestEntry, kMaxManifestBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return fail(ErrorCode::Corrupt, "the archive's manifest.json is not a JSON list");
    const QJsonArray items = doc.array();
    if (items.size() > ImageArchive::kMaxImages)
        return fail(ErrorCode::LimitExceeded, "the archive lists more than " +
                                                  std::to_string(ImageArchive::kMaxImages) +
                                                  " images");
    QList<Candidate> out;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Candidate c;
        c.origin = u"manifest.json entry "_s + QString::number(i + 1);
        const QJsonObject item = items[i].toObject();
        auto configName = checkedName(item.value(u"Config"_s).toString());
        if (!configName)
            return std::unexpected(withContext(configName.error(), str(c.origin) + ", Config"));
        auto config = spool.find(*configName);
        if (!config)
            return std::unexpected(withContext(config.error(), str(c.origin) + ", Config"));
        if (auto st = checkNamedDigest(**config, *configName); !st)
            return std::unexpected(st.error());
        c.config = *config;
        const QJsonArray layers = item.value(u"Layers"_s).toArray();
        for (const QJsonValue &v : layers) {
            auto layerName = checkedName(v.toString());
            if (!layerName)
                return std::unexpected(withContext(layerName.error(), str(c.origin) + ", Layers"));
            auto layer = spool.find(*layerName);
            if (!layer)
                return std::unexpected(withContext(layer.error(), str(c.origin) + ", Layers"));
            if (auto st = checkNamedDigest(**layer, *layerName); !st)
                return std::unexpected(st.error());
            c.layers << *layer;
        }
        auto names = parseNames(item.value(u"RepoTags"_s), c.origin);
        if (!names)
            return std::unexpected(names.error());
        c.names = *names;
        out << c;
    }
    return out;
}

Result<const ArchiveEntry *> ociBlob(const Spool &spool, const Descriptor &d)
{
    // Digest validated by Descriptor::fromJson before it became part of a name.
    auto entry = spool.find(u"blobs/sha256/"_s + d.digest.hex());
    if (!entry)
        return fail(ErrorCode::NotFound, "the archive lacks blob " + str(d.digest.toString()));
    if ((*entry)->digest != d.digest)
        return fail(ErrorCode::Corrupt, "blob " + str(d.digest.toString()) +
                                            " in the archive does not match its digest");
    if ((*entry)->size != d.size)
        return fail(ErrorCode::Corrupt, "blob " + str(d.digest.toString()) +
                                            " in the archive has " +
                                            std::to_string((*entry)->size) + " bytes, expected " +
                                            std::to_string(d.size));
    return entry;
}

Result<QList<Candidate>> parseOciLayout(const Spool &spool)
{
    auto layoutEntry = spool.find(u"oci-layout"_s);
    if (!layoutEntry)
        return std::unexpected(layoutEntry.error());
    auto layout = spool.readSmall(**layoutEntry, 4096);
    if (!layout)
        return std::unexpected(layout.error());
    const QString version =
        QJsonDocument::fromJson(*layout).object().value(u"imageLayoutVersion"_s).toString();
    if (version != u"1.0.0"_s)
        return fail(ErrorCode::Unsupported, "unsupported OCI image layout version " +
                                                quote(version) + " (1.0.0 is supported)");
    auto indexEntry = spool.find(u"index.json"_s);
    if (!indexEntry)
        return std::unexpected(indexEntry.error());
    auto indexBytes = spool.readSmall(**indexEntry, kMaxManifestBytes);
    if (!indexBytes)
        return std::unexpected(indexBytes.error());
    auto index = ImageIndex::parse(*indexBytes);
    if (!index)
        return std::unexpected(withContext(index.error(), "the archive's index.json"));
    const Platform host = Platform::host();
    QList<Candidate> out;
    QHash<Digest, qsizetype> byManifest;
    QStringList skipped;
    for (qsizetype i = 0; i < index->manifests.size(); ++i) {
        Descriptor d = index->manifests[i];
        const QString origin = u"index.json entry "_s + QString::number(i + 1);
        auto entry = ociBlob(spool, d);
        if (!entry)
            return std::unexpected(withContext(entry.error(), str(origin)));
        auto bytes = spool.readSmall(**entry, kMaxManifestBytes);
        if (!bytes)
            return std::unexpected(bytes.error());
        auto kind = classifyManifest(*bytes, d.mediaType);
        if (!kind)
            return std::unexpected(withContext(kind.error(), str(origin)));
        if (*kind == ManifestKind::Index) {
            auto nested = ImageIndex::parse(*bytes, d.mediaType);
            if (!nested)
                return std::unexpected(withContext(nested.error(), str(origin)));
            auto chosen = nested->select(host);
            if (!chosen)
                return std::unexpected(withContext(chosen.error(), str(origin)));
            const QJsonObject annotations = d.annotations;
            d = *chosen;
            d.annotations = annotations;
            entry = ociBlob(spool, d);
            if (!entry)
                return std::unexpected(withContext(entry.error(), str(origin)));
            bytes = spool.readSmall(**entry, kMaxManifestBytes);
            if (!bytes)
                return std::unexpected(bytes.error());
        } else if (!d.platform.os.isEmpty() && !host.matches(d.platform)) {
            skipped << d.platform.toString();
            continue;
        }
        auto manifest = ImageManifest::parse(*bytes, d.mediaType);
        if (!manifest)
            return std::unexpected(withContext(manifest.error(), str(origin)));
        // A name: containerd's full reference, or a ref.name that is one (skopeo's
        // oci-archive:FILE:NAME); a bare tag ("latest") names no repository.
        QStringList names;
        QString name = d.annotations.value(u"io.containerd.image.name"_s).toString();
        if (name.isEmpty()) {
            const QString refName =
                d.annotations.value(u"org.opencontainers.image.ref.name"_s).toString();
            if (refName.contains(u'/') || refName.contains(u':'))
                name = refName;
        }
        if (!name.isEmpty()) {
            auto parsed = parseNames(QJsonArray{name}, origin);
            if (!parsed)
                return std::unexpected(parsed.error());
            names = *parsed;
        }
        const Digest manifestDigest = d.digest;
        if (auto it = byManifest.constFind(manifestDigest); it != byManifest.constEnd()) {
            for (const QString &n : std::as_const(names)) {
                if (!out[*it].names.contains(n))
                    out[*it].names << n;
            }
            continue;
        }
        Candidate c;
        c.origin = origin;
        c.manifestBytes = *bytes;
        c.names = names;
        auto config = ociBlob(spool, manifest->config);
        if (!config)
            return std::unexpected(withContext(config.error(), str(origin) + ", config"));
        c.config = *config;
        for (const Descriptor &layer : std::as_const(manifest->layers)) {
            auto blob = ociBlob(spool, layer);
            if (!blob)
                return std::unexpected(withContext(blob.error(), str(origin) + ", layer"));
            c.layers << *blob;
            c.layerTypes << layer.mediaType;
        }
        byManifest.insert(manifestDigest, out.size());
        out << c;
    }
    if (out.isEmpty() && !skipped.isEmpty())
        return fail(ErrorCode::NotFound, "the archive has no image for " + str(host.toString()) +
                                             " (it has " + str(skipped.join(u", "_s)) + ")");
    return out;
}

QString layerTypeOf(const ArchiveEntry &entry, Status &status)
{
    QFile f(entry.path);
    QByteArray head;
    if (f.open(QIODevice::ReadOnly))
        head = f.read(16);
    switch (sniffCompression(head)) {
    case Compression::None:
        return MediaType::OciLayer;
    case Compression::Gzip:
        return MediaType::OciLayerGzip;
    case Compression::Zstd:
        return MediaType::OciLayerZstd;
    default:
        status = fail(ErrorCode::Unsupported,
                      "archive entry " + quote(entry.name) +
                          " is an xz or bzip2 layer, which an image manifest cannot describe");
        return {};
    }
}

Status syncFile(const QString &path)
{
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open " + str(path));
    if (::fdatasync(fd.get()) != 0)
        return failErrno("sync " + str(path));
    return {};
}

// ---- save helpers -------------------------------------------------------------------

Status writeHeader(archive *a, const QString &name, mode_t type, mode_t perm, qint64 size,
                   qint64 mtime)
{
    EntryPtr e(archive_entry_new(), archive_entry_free);
    const QByteArray path = name.toUtf8();
    archive_entry_set_pathname(e.get(), path.constData());
    archive_entry_set_filetype(e.get(), type);
    archive_entry_set_perm(e.get(), perm);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_mtime(e.get(), mtime, 0);
    if (type == AE_IFREG)
        archive_entry_set_size(e.get(), size);
    if (archive_write_header(a, e.get()) != ARCHIVE_OK)
        return fail(ErrorCode::System,
                    "write the tar header of " + str(name) + ": " + archiveText(a));
    return {};
}

Status writeSmallFile(archive *a, const QString &name, const QByteArray &data, qint64 mtime)
{
    if (auto st = writeHeader(a, name, AE_IFREG, 0644, data.size(), mtime); !st)
        return st;
    if (!data.isEmpty() &&
        archive_write_data(a, data.constData(), static_cast<size_t>(data.size())) != data.size())
        return fail(ErrorCode::System, "write " + str(name) + ": " + archiveText(a));
    return {};
}

// Copy a stored layer blob into the archive as an uncompressed tar, checking on the
// way that it is `size` bytes whose sha256 is the diffID (the header already
// promised that size, so a store that lies can only fail the save, not corrupt it).
Status writeLayer(archive *out, const QString &name, const QString &blobPath, qint64 size,
                  const Digest &diffId, qint64 mtime)
{
    if (auto st = writeHeader(out, name, AE_IFREG, 0644, size, mtime); !st)
        return st;
    ReadPtr in(archive_read_new());
    supportFilters(in.get());
    archive_read_support_format_raw(in.get());
    archive_entry *e = nullptr;
    if (archive_read_open_filename(in.get(), QFile::encodeName(blobPath).constData(),
                                   kCopyBuffer) != ARCHIVE_OK ||
        archive_read_next_header(in.get(), &e) != ARCHIVE_OK)
        return fail(ErrorCode::Corrupt,
                    "cannot read the stored layer " + str(blobPath) + ": " + archiveText(in.get()));
    Sha256 hash;
    qint64 total = 0;
    std::vector<char> buf(kCopyBuffer);
    for (;;) {
        la_ssize_t n = archive_read_data(in.get(), buf.data(), buf.size());
        if (n < 0)
            return fail(ErrorCode::Corrupt, "cannot decompress the stored layer " + str(blobPath) +
                                                ": " + archiveText(in.get()));
        if (n == 0)
            break;
        total += n;
        if (total > size)
            break;
        hash.update(buf.data(), static_cast<size_t>(n));
        if (archive_write_data(out, buf.data(), static_cast<size_t>(n)) != n)
            return fail(ErrorCode::System, "write " + str(name) + ": " + archiveText(out));
    }
    if (total != size || QString::fromStdString(hash.finalHex()) != diffId.hex())
        return fail(ErrorCode::Corrupt,
                    "the stored layer " + str(diffId.toString()) +
                        " no longer matches its diffID or size; the store is damaged "
                        "(remove the image and pull or load it again)");
    return {};
}

} // namespace

ImageArchive::ImageArchive(ImageStore &store)
    : m_store(store)
{}

// ---- load ---------------------------------------------------------------------------

Result<QList<LoadedImage>> ImageArchive::load(int fd)
{
    auto spool = std::make_shared<Spool>(m_store.scratchPath(u"load"_s));
    auto candidates = std::make_shared<QList<Candidate>>();
    bool oci = false;

    Plan read;
    read.add(Phase::Image, "image.archive.read",
             "Read the archive: check each entry's name, copy and hash its bytes",
             "archive_read(fd, tar[.gz|.zst|.xz]) -> per entry: name checked (not absolute, no "
             "\"..\", no NUL), bytes -> tmp/load-*/<counter> + sha256; no archive name is used "
             "as a file name",
             "tar -tvf FILE", [spool, fd]() -> Status { return spool->read(fd); });
    read.add(Phase::Image, "image.archive.parse",
             "Parse manifest.json (docker-archive) or index.json (OCI layout)",
             "json(manifest.json | oci-layout + index.json), every name and digest validated, "
             "blobs named by a digest checked against their content",
             "tar -xOf FILE manifest.json | jq .", [spool, candidates, &oci]() -> Status {
                 Result<QList<Candidate>> parsed;
                 if (spool->contains(u"manifest.json"_s)) {
                     parsed = parseDockerArchive(*spool);
                 } else if (spool->contains(u"index.json"_s) && spool->contains(u"oci-layout"_s)) {
                     oci = true;
                     parsed = parseOciLayout(*spool);
                 } else {
                     return fail(ErrorCode::Unsupported,
                                 "the archive is neither a docker-archive (it has no "
                                 "manifest.json) nor an OCI image layout (no oci-layout and "
                                 "index.json)");
                 }
                 if (!parsed)
                     return std::unexpected(parsed.error());
                 if (parsed->isEmpty())
                     return fail(ErrorCode::NotFound, "the archive holds no image");
                 *candidates = *parsed;
                 // Configs, their diff_ids and the layers' media types, before any work.
                 for (Candidate &c : *candidates) {
                     auto bytes = spool->readSmall(*c.config, kMaxConfigBytes);
                     if (!bytes)
                         return std::unexpected(bytes.error());
                     auto config = ImageConfig::parse(*bytes);
                     if (!config)
                         return std::unexpected(
                             withContext(config.error(), str(c.origin) + ", config"));
                     if (config->diffIds.size() != c.layers.size())
                         return fail(ErrorCode::Corrupt,
                                     str(c.origin) + ": the config lists " +
                                         std::to_string(config->diffIds.size()) + " diff_ids for " +
                                         std::to_string(c.layers.size()) + " layers");
                     c.configBytes = *bytes;
                     c.parsedConfig = *config;
                     c.id = c.config->digest;
                     if (c.layerTypes.isEmpty()) {
                         for (const ArchiveEntry *layer : std::as_const(c.layers)) {
                             Status st;
                             c.layerTypes << layerTypeOf(*layer, st);
                             if (!st)
                                 return st;
                         }
                     }
                 }
                 return {};
             });
    if (auto st = read.run(m_observer); !st)
        return std::unexpected(st.error());

    // Every distinct layer once, in the order the images list them.
    struct LayerJob
    {
        Digest diffId;
        const ArchiveEntry *entry = nullptr;
        bool present = false; // in the store before this load
        QFuture<Result<LayerRecord>> future;
    };
    auto jobs = std::make_shared<std::vector<LayerJob>>();
    QHash<Digest, size_t> jobOf;
    for (const Candidate &c : std::as_const(*candidates)) {
        for (qsizetype i = 0; i < c.layers.size(); ++i) {
            const Digest &diffId = c.parsedConfig.diffIds[i];
            if (jobOf.contains(diffId))
                continue;
            jobOf.insert(diffId, jobs->size());
            jobs->push_back(LayerJob{diffId, c.layers[i], m_store.hasLayer(diffId), {}});
        }
    }
    auto pool = std::make_shared<QThreadPool>();
    pool->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    ImageStore *store = &m_store;

    Plan plan;
    plan.setFirstSeq(read.nextSeq());
    int toExtract = 0;
    for (const LayerJob &job : std::as_const(*jobs))
        toExtract += job.present ? 0 : 1;
    Step &start = plan.add(
        Phase::Storage, "image.layers.start",
        "Start extracting " + std::to_string(toExtract) + " layer(s) on " +
            std::to_string(pool->maxThreadCount()) + " threads",
        "QtConcurrent::run(extractLayer(tmp/load-*/<n>, expected diffID)) per layer not in the "
        "store",
        "for l in layers; do tar -xf $l -C layers/<diffID> & done; wait",
        [jobs, pool, store]() -> Status {
            for (LayerJob &job : *jobs) {
                if (job.present)
                    continue;
                const QString path = job.entry->path;
                const Digest diffId = job.diffId;
                job.future =
                    QtConcurrent::run(pool.get(), [store, path, diffId]() -> Result<LayerRecord> {
                        UniqueFd in(
                            ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
                        if (!in)
                            return std::unexpected(failErrno("open " + path.toStdString()).error());
                        const int raw = in.get();
                        return store->extractLayer(
                            [raw](void *buf, size_t size) { return ::read(raw, buf, size); },
                            diffId);
                    });
            }
            return {};
        },
        [jobs, pool, store]() -> Status {
            // Nothing of a refused archive stays: every layer this load added goes.
            pool->waitForDone();
            for (LayerJob &job : *jobs) {
                if (job.present || !job.future.isValid())
                    continue;
                if (job.future.result())
                    (void)store->removeLayerIfUnused(job.diffId);
            }
            return {};
        });
    start.rollbackTitle = "Remove the layers this load extracted";
    start.rollbackOp = "rm -rf layers/<diffID> for each layer no image uses";
    start.rollbackShell = "rm -rf layers/<diffID>...";
    for (size_t i = 0; i < jobs->size(); ++i) {
        const LayerJob &job = (*jobs)[i];
        const std::string hex = str(job.diffId.hex());
        if (job.present) {
            plan.add(Phase::Storage, "image.layer.extract",
                     "Layer " + hex.substr(0, 12) + " is already in the store",
                     "stat(layers/" + hex + ")", "ls -d layers/" + hex, {});
            continue;
        }
        plan.add(Phase::Storage, "image.layer.extract", "Extract layer " + hex.substr(0, 12),
                 "archive_read(tmp/load-*/<n> = " + str(job.entry->name.left(100)) +
                     ") -> openat2(layers/.tmp-*, RESOLVE_IN_ROOT) per "
                     "entry; sha256(tar) == diffID sha256:" +
                     hex + "; rename(.tmp, layers/" + hex + ")",
                 "mkdir layers/" + hex + " && tar -xf " + shellQuote(str(job.entry->name)) +
                     " -C layers/" + hex,
                 [jobs, i]() -> Status {
                     LayerJob &mine = (*jobs)[i];
                     mine.future.waitForFinished();
                     Result<LayerRecord> r = mine.future.result();
                     if (!r)
                         return std::unexpected(withContext(
                             r.error(), "archive entry \"" + str(mine.entry->name) + "\""));
                     return {};
                 });
    }
    plan.add(Phase::Image, "image.blob.commit", "Commit the verified blobs to the store",
             "fdatasync + rename(tmp/load-*/<n>, blobs/sha256/<digest>) per layer blob",
             "mv blob blobs/sha256/<digest>", [jobs, candidates, store]() -> Status {
                 QSet<Digest> done;
                 for (const Candidate &c : std::as_const(*candidates)) {
                     for (const ArchiveEntry *layer : std::as_const(c.layers)) {
                         if (done.contains(layer->digest))
                             continue;
                         done.insert(layer->digest);
                         if (store->hasBlob(layer->digest))
                             continue;
                         if (auto st = syncFile(layer->path); !st)
                             return st;
                         if (auto st = store->adoptVerifiedBlobFile(layer->path, layer->digest);
                             !st)
                             return st;
                     }
                 }
                 return {};
             });
    auto loaded = std::make_shared<QList<LoadedImage>>();
    for (qsizetype k = 0; k < candidates->size(); ++k) {
        const Candidate &c = (*candidates)[k];
        plan.add(
            Phase::Image, "image.manifest.write",
            "Store the manifest and config of image " + str(c.id.shortId()),
            "write(blobs/sha256/" + str(c.id.hex()) + ") and the manifest " +
                (oci ? std::string("as in the archive")
                     : std::string("(OCI, built from manifest.json)")),
            "cp config.json blobs/sha256/" + str(c.id.hex()), [candidates, k, store]() -> Status {
                Candidate &img = (*candidates)[k];
                if (img.manifestBytes.isEmpty()) {
                    ImageManifest m;
                    m.mediaType = MediaType::OciManifest;
                    m.config =
                        Descriptor{MediaType::OciConfig, img.id, img.configBytes.size(), {}, {}};
                    for (qsizetype i = 0; i < img.layers.size(); ++i)
                        m.layers << Descriptor{
                            img.layerTypes[i], img.layers[i]->digest, img.layers[i]->size, {}, {}};
                    img.manifestBytes = m.toJson();
                }
                auto config = store->writeBlob(img.configBytes);
                if (!config)
                    return std::unexpected(config.error());
                auto manifest = store->writeBlob(img.manifestBytes);
                if (!manifest)
                    return std::unexpected(manifest.error());
                return {};
            });
        std::string title = c.names.isEmpty() ? "Record image " + str(c.id.shortId()) + " (no name)"
                                              : "Name image " + str(c.id.shortId()) + " " +
                                                    str(c.names.join(u", "_s));
        plan.add(Phase::Image, "image.index.add", title,
                 "flock(store.lock) + rename(images.json.tmp, images.json)",
                 c.names.isEmpty()
                     ? std::string("true")
                     : "docker tag " + str(c.id.shortId()) + " " + str(c.names.first()),
                 [candidates, k, store, loaded]() -> Status {
                     const Candidate &img = (*candidates)[k];
                     ImageRecord r;
                     r.id = img.id;
                     r.manifestDigest = Digest::ofData(img.manifestBytes);
                     r.names = img.names;
                     r.layers = img.parsedConfig.diffIds;
                     r.created = img.parsedConfig.created;
                     r.architecture = img.parsedConfig.architecture;
                     r.os = img.parsedConfig.os;
                     r.addedAt = QDateTime::currentDateTimeUtc();
                     for (const Digest &d : std::as_const(r.layers)) {
                         if (auto info = store->layerInfo(d); info)
                             r.size += info->size;
                     }
                     if (auto st = store->addImage(r); !st)
                         return st;
                     auto stored = store->resolve(r.id.toString());
                     if (!stored)
                         return std::unexpected(stored.error());
                     *loaded << LoadedImage{*stored, img.names};
                     return {};
                 });
    }
    Status st = plan.run(m_observer);
    // Whatever happened, no extraction may outlive this call.
    pool->waitForDone();
    if (!st)
        return std::unexpected(st.error());
    return *loaded;
}

// ---- save ---------------------------------------------------------------------------

Status ImageArchive::save(const QList<SaveItem> &items, int fd)
{
    if (items.isEmpty())
        return fail(ErrorCode::InvalidArgument, "nothing to save");
    struct LayerSource
    {
        Digest diffId;
        QString blobPath;
        qint64 size = 0;
        QString mediaType;
    };
    struct ImageOut
    {
        SaveItem item;
        QByteArray config;
        QList<Digest> diffIds;
        qint64 mtime = 0;
    };
    QList<ImageOut> images;
    std::vector<LayerSource> layers;
    QSet<Digest> seen;
    auto all = m_store.images();
    if (!all)
        return std::unexpected(all.error());

    // A layer's bytes: this image's blob, else any stored blob of the same diffID (a
    // layer shared with an image pulled in another compression was not fetched twice).
    auto findBlob = [&](const Digest &diffId, const Descriptor &own) -> Result<LayerSource> {
        auto info = m_store.layerInfo(diffId);
        if (!info)
            return std::unexpected(info.error());
        if (m_store.hasBlob(own.digest))
            return LayerSource{diffId, m_store.blobPath(own.digest), info->size, own.mediaType};
        for (const ImageRecord &other : std::as_const(*all)) {
            const qsizetype k = other.layers.indexOf(diffId);
            if (k < 0)
                continue;
            auto bytes = m_store.readBlob(other.manifestDigest, kMaxManifestBytes);
            if (!bytes)
                continue;
            auto manifest = ImageManifest::parse(*bytes);
            if (!manifest || manifest->layers.size() <= k)
                continue;
            const Descriptor &d = manifest->layers[k];
            if (m_store.hasBlob(d.digest))
                return LayerSource{diffId, m_store.blobPath(d.digest), info->size, d.mediaType};
        }
        return fail(ErrorCode::NotFound,
                    "the store has layer " + str(diffId.toString()) +
                        " extracted but no blob of it to save; pull the image again after "
                        "removing it");
    };

    for (const SaveItem &item : items) {
        ImageOut out;
        out.item = item;
        auto config = m_store.readBlob(item.image.id, kMaxConfigBytes);
        if (!config)
            return std::unexpected(config.error());
        auto parsed = ImageConfig::parse(*config);
        if (!parsed)
            return std::unexpected(parsed.error());
        auto manifestBytes = m_store.readBlob(item.image.manifestDigest, kMaxManifestBytes);
        if (!manifestBytes)
            return std::unexpected(manifestBytes.error());
        auto manifest = ImageManifest::parse(*manifestBytes);
        if (!manifest)
            return std::unexpected(manifest.error());
        if (manifest->layers.size() != parsed->diffIds.size())
            return fail(ErrorCode::Corrupt, "image " + str(item.image.id.shortId()) +
                                                " has a manifest and a config that disagree");
        out.config = *config;
        out.diffIds = parsed->diffIds;
        const QDateTime created = QDateTime::fromString(parsed->created, Qt::ISODateWithMs);
        out.mtime = created.isValid() ? std::max<qint64>(0, created.toSecsSinceEpoch()) : 0;
        for (qsizetype i = 0; i < parsed->diffIds.size(); ++i) {
            const Digest &diffId = parsed->diffIds[i];
            if (seen.contains(diffId))
                continue;
            auto source = findBlob(diffId, manifest->layers[i]);
            if (!source)
                return std::unexpected(source.error());
            seen.insert(diffId);
            layers.push_back(*source);
        }
        images << out;
    }

    auto writer = std::make_shared<WritePtr>(archive_write_new());
    Plan plan;
    plan.add(Phase::Image, "image.archive.open", "Start a docker-archive (tar)",
             "archive_write_open_fd(" + std::to_string(fd) + ", pax tar)", "tar -cf FILE ...",
             [writer, fd]() -> Status {
                 archive *a = writer->get();
                 if (!a || archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
                     archive_write_open_fd(a, fd) != ARCHIVE_OK)
                     return fail(ErrorCode::System, "cannot start the archive: " + archiveText(a));
                 return {};
             });
    for (const LayerSource &layer : layers) {
        const QString hex = layer.diffId.hex();
        const bool compressed =
            layer.mediaType.endsWith(u"gzip"_s) || layer.mediaType.endsWith(u"zstd"_s);
        const qint64 mtime = images.first().mtime;
        plan.add(
            Phase::Image, "image.layer.write",
            "Write layer " + str(hex.left(12)) + " as " + str(hex.left(12)) + ".../layer.tar" +
                (compressed ? " (decompressing the stored blob)" : ""),
            "archive_read(" + str(layer.blobPath) + ", " + str(layer.mediaType) +
                ") -> archive_write(" + str(hex) + "/layer.tar, " + std::to_string(layer.size) +
                " bytes); sha256 == diffID",
            (compressed ? "zcat " : "cat ") + str(layer.blobPath) + " > " + str(hex) + "/layer.tar",
            [writer, layer, mtime]() -> Status {
                const QString dir = layer.diffId.hex();
                if (auto st = writeHeader(writer->get(), dir + u'/', AE_IFDIR, 0755, 0, mtime); !st)
                    return st;
                if (auto st = writeSmallFile(writer->get(), dir + u"/VERSION"_s, "1.0", mtime); !st)
                    return st;
                return writeLayer(writer->get(), dir + u"/layer.tar"_s, layer.blobPath, layer.size,
                                  layer.diffId, mtime);
            });
    }
    for (const ImageOut &image : std::as_const(images)) {
        plan.add(Phase::Image, "image.config.write",
                 "Write the config of image " + str(image.item.image.id.shortId()),
                 "archive_write(" + str(image.item.image.id.hex()) + ".json, byte for byte)",
                 "cp blobs/sha256/" + str(image.item.image.id.hex()) + " " +
                     str(image.item.image.id.hex()) + ".json",
                 [writer, image]() -> Status {
                     return writeSmallFile(writer->get(), image.item.image.id.hex() + u".json"_s,
                                           image.config, image.mtime);
                 });
    }
    plan.add(
        Phase::Image, "image.archive.manifest", "Write manifest.json and repositories",
        "archive_write(manifest.json: [{Config, RepoTags, Layers}]); archive_write(repositories)",
        "echo '[{\"Config\": ..., \"RepoTags\": [...], \"Layers\": [...]}]' > manifest.json",
        [writer, images]() -> Status {
            QJsonArray manifest;
            QJsonObject repositories;
            for (const ImageOut &image : images) {
                QJsonArray layerNames;
                for (const Digest &d : image.diffIds)
                    layerNames.append(QString(d.hex() + u"/layer.tar"_s));
                QJsonObject entry{{u"Config"_s, QString(image.item.image.id.hex() + u".json"_s)},
                                  {u"Layers"_s, layerNames}};
                entry.insert(u"RepoTags"_s,
                             image.item.repoTags.isEmpty()
                                 ? QJsonValue(QJsonValue::Null)
                                 : QJsonValue(QJsonArray::fromStringList(image.item.repoTags)));
                manifest.append(entry);
                // The legacy file maps repository -> tag -> the top layer's directory.
                for (const QString &tag : image.item.repoTags) {
                    auto ref = ImageReference::parse(tag);
                    if (!ref || image.diffIds.isEmpty())
                        continue;
                    QJsonObject tags = repositories.value(ref->familiarName()).toObject();
                    tags.insert(ref->tag(), image.diffIds.last().hex());
                    repositories.insert(ref->familiarName(), tags);
                }
            }
            const qint64 mtime = images.first().mtime;
            if (auto st =
                    writeSmallFile(writer->get(), u"manifest.json"_s,
                                   QJsonDocument(manifest).toJson(QJsonDocument::Compact), mtime);
                !st)
                return st;
            if (!repositories.isEmpty())
                return writeSmallFile(writer->get(), u"repositories"_s,
                                      QJsonDocument(repositories).toJson(QJsonDocument::Compact),
                                      mtime);
            return {};
        });
    plan.add(Phase::Image, "image.archive.close", "Finish the archive",
             "archive_write_close(): end-of-archive blocks", "", [writer]() -> Status {
                 if (archive_write_close(writer->get()) != ARCHIVE_OK)
                     return fail(ErrorCode::System,
                                 "cannot finish the archive: " + archiveText(writer->get()));
                 return {};
             });
    return plan.run(m_observer);
}

} // namespace koker
