// The parts of ImageService that move images in and out: tarball and starter
// import, registry pulls, docker-archive load and save. They need libarchive and
// QtNetwork, so they live apart from the rest of the service: the light `koker`
// binary links without them and hands these commands to koker-full (src/cli).

#include "engine/imagepuller.h"
#include "engine/mediatypes.h"
#include "engine/registriesconfig.h"
#include "engine/registryauth.h"
#include "engine/registryclient.h"
#include "imageservice.h"
#include "runtime/fsutil.h"
#include "runtime/layerextractor.h"
#include "runtime/random.h"
#include "runtime/sha256.h"
#include "runtime/uniquefd.h"

#include <QtCore/QDateTime>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QProcess>

#include <archive.h>
#include <archive_entry.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

const QString kDefaultPath = u"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s;

QString nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString layerMediaType(Compression c)
{
    switch (c) {
    case Compression::Gzip:
        return MediaType::OciLayerGzip;
    case Compression::Zstd:
        return MediaType::OciLayerZstd;
    default:
        return MediaType::OciLayer; // xz/bzip2 are stored as given; see below
    }
}

} // namespace

Compression sniffCompression(const QByteArray &head)
{
    auto starts = [&](std::initializer_list<unsigned char> magic) {
        if (head.size() < static_cast<qsizetype>(magic.size()))
            return false;
        qsizetype i = 0;
        for (unsigned char m : magic) {
            if (static_cast<unsigned char>(head[i++]) != m)
                return false;
        }
        return true;
    };
    if (starts({0x1f, 0x8b}))
        return Compression::Gzip;
    if (starts({0x28, 0xb5, 0x2f, 0xfd}))
        return Compression::Zstd;
    if (starts({0xfd, '7', 'z', 'X', 'Z', 0x00}))
        return Compression::Xz;
    if (starts({'B', 'Z', 'h'}))
        return Compression::Bzip2;
    return Compression::None;
}

Result<ImageRecord> ImageService::importTarball(int fd, const QString &name,
                                                const ImportOptions &options)
{
    std::optional<ImageReference> ref;
    if (!name.isEmpty()) {
        auto parsed = ImageReference::parse(name);
        if (!parsed)
            return std::unexpected(parsed.error());
        if (parsed->digest().isValid())
            return fail(ErrorCode::InvalidArgument,
                        "an imported image cannot be named by digest; give a name:tag");
        ref = *parsed;
    }

    // Shared state of the plan's steps.
    struct State
    {
        QString blobTemp;
        Digest blob;
        qint64 blobSize = 0;
        Compression compression = Compression::None;
        LayerRecord layer;
        Digest config;
        QByteArray configBytes;
        Digest manifest;
        QByteArray manifestBytes;
    };
    auto s = std::make_shared<State>();
    s->blobTemp = m_store.scratchPath(u"import"_s);

    Plan plan;
    plan.add(
        Phase::Image, "image.blob.write", "Copy the tarball into the blob store",
        "read(stdin|file) -> write(\"" + str(s->blobTemp) + "\") + sha256",
        "sha256sum FILE && cp FILE " + str(m_store.root()) + "/blobs/sha256/<digest>",
        [this, s, fd]() -> Status {
            UniqueFd out(::open(QFile::encodeName(s->blobTemp).constData(),
                                O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
            if (!out)
                return failErrno("create " + str(s->blobTemp));
            Sha256 hash;
            std::vector<char> buf(1 << 20);
            QByteArray head;
            for (;;) {
                ssize_t n = ::read(fd, buf.data(), buf.size());
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    return failErrno("read the tarball");
                }
                if (n == 0)
                    break;
                if (head.size() < 16)
                    head.append(buf.data(), std::min<qsizetype>(n, 16));
                hash.update(buf.data(), static_cast<size_t>(n));
                for (ssize_t done = 0; done < n;) {
                    ssize_t w =
                        ::write(out.get(), buf.data() + done, static_cast<size_t>(n - done));
                    if (w < 0) {
                        if (errno == EINTR)
                            continue;
                        return failErrno("write " + str(s->blobTemp));
                    }
                    done += w;
                }
                s->blobSize += n;
            }
            if (s->blobSize == 0)
                return fail(ErrorCode::InvalidArgument,
                            "the tarball is empty; give a tar archive of a root file system");
            s->compression = sniffCompression(head);
            // OCI has no layer media type for these, and a manifest must not lie
            // about its blobs: refuse before doing any work.
            if (s->compression == Compression::Xz || s->compression == Compression::Bzip2)
                return fail(ErrorCode::Unsupported,
                            "xz and bzip2 tarballs cannot be described in an OCI manifest; "
                            "decompress it first (xz -d / bzip2 -d) or use gzip or zstd");
            s->blob = Digest::fromSha256Hex(QString::fromLatin1(hash.finalHex()));
            return {};
        },
        [s]() -> Status {
            ::unlink(QFile::encodeName(s->blobTemp).constData());
            return {};
        });
    plan.add(
        Phase::Storage, "image.layer.extract",
        "Extract the layer (fd-relative, refusing hostile entries)",
        "archive_read(tar) -> openat2(layers/.tmp, RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS) "
        "per entry; sha256 of the tar = diffID; rename(.tmp, layers/<diffID>)",
        "mkdir -p layers/<diffID> && tar -xpf FILE -C layers/<diffID>", [this, s]() -> Status {
            UniqueFd in(::open(QFile::encodeName(s->blobTemp).constData(), O_RDONLY | O_CLOEXEC));
            if (!in)
                return failErrno("open " + str(s->blobTemp));
            int raw = in.get();
            auto layer = m_store.extractLayer(
                [raw](void *buf, size_t size) { return ::read(raw, buf, size); }, std::nullopt);
            if (!layer)
                return std::unexpected(layer.error());
            s->layer = *layer;
            return {};
        });
    plan.add(Phase::Image, "image.blob.commit", "Commit the layer blob under its digest",
             "fsync + rename(tmp, blobs/sha256/<digest>)", "mv FILE blobs/sha256/<digest>",
             [this, s]() -> Status {
                 return m_store.commitBlobFile(s->blobTemp, s->blob, s->blobSize);
             });
    plan.add(
        Phase::Image, "image.config.write", "Write the image config",
        "write(blobs/sha256/<config digest>)", "cat > config.json <<EOF ... EOF",
        [this, s, options]() -> Status {
            QJsonObject cfg;
            cfg.insert(u"Env"_s,
                       QJsonArray::fromStringList(options.env.isEmpty() ? QStringList{kDefaultPath}
                                                                        : options.env));
            if (!options.cmd.isEmpty())
                cfg.insert(u"Cmd"_s, QJsonArray::fromStringList(options.cmd));
            if (!options.entrypoint.isEmpty())
                cfg.insert(u"Entrypoint"_s, QJsonArray::fromStringList(options.entrypoint));
            if (!options.workingDir.isEmpty())
                cfg.insert(u"WorkingDir"_s, options.workingDir);
            Platform host = Platform::host();
            QString created = nowRfc3339();
            QJsonObject history{{u"created"_s, created},
                                {u"created_by"_s, options.createdBy.isEmpty()
                                                      ? u"koker image import"_s
                                                      : options.createdBy}};
            if (!options.comment.isEmpty())
                history.insert(u"comment"_s, options.comment);
            QJsonObject doc{
                {u"architecture"_s, host.architecture},
                {u"os"_s, host.os},
                {u"created"_s, created},
                {u"config"_s, cfg},
                {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                          {u"diff_ids"_s, QJsonArray{s->layer.diffId.toString()}}}},
                {u"history"_s, QJsonArray{history}}};
            if (!host.variant.isEmpty())
                doc.insert(u"variant"_s, host.variant);
            s->configBytes = QJsonDocument(doc).toJson(QJsonDocument::Compact);
            auto digest = m_store.writeBlob(s->configBytes);
            if (!digest)
                return std::unexpected(digest.error());
            s->config = *digest;
            return {};
        });
    plan.add(
        Phase::Image, "image.manifest.write", "Write the image manifest",
        "write(blobs/sha256/<manifest digest>)", "cat > manifest.json <<EOF ... EOF",
        [this, s]() -> Status {
            ImageManifest m;
            m.mediaType = MediaType::OciManifest;
            m.config = Descriptor{MediaType::OciConfig, s->config, s->configBytes.size(), {}, {}};
            m.layers << Descriptor{layerMediaType(s->compression), s->blob, s->blobSize, {}, {}};
            s->manifestBytes = m.toJson();
            auto digest = m_store.writeBlob(s->manifestBytes);
            if (!digest)
                return std::unexpected(digest.error());
            s->manifest = *digest;
            return {};
        });
    plan.add(Phase::Image, "image.index.add", "Name the image in the store's index",
             "flock(store.lock) + rename(images.json.tmp, images.json)",
             ref ? "docker tag <id> " + str(ref->familiarString()) : std::string("true"),
             [this, s, ref]() -> Status {
                 ImageRecord r;
                 r.id = s->config;
                 r.manifestDigest = s->manifest;
                 if (ref)
                     r.names << ref->toString();
                 r.layers << s->layer.diffId;
                 r.size = s->layer.size;
                 auto cfg = ImageConfig::parse(s->configBytes);
                 if (cfg) {
                     r.created = cfg->created;
                     r.architecture = cfg->architecture;
                     r.os = cfg->os;
                 }
                 r.addedAt = QDateTime::currentDateTimeUtc();
                 return m_store.addImage(r);
             });
    if (auto st = runPlan(plan); !st) {
        ::unlink(QFile::encodeName(s->blobTemp).constData());
        return std::unexpected(st.error());
    }
    return m_store.resolve(s->config.toString());
}

namespace {

struct ArchiveWriter
{
    archive *a = archive_write_new();
    ~ArchiveWriter() { archive_write_free(a); }
};

Status addEntry(archive *a, const QString &path, mode_t type, mode_t perm,
                const QByteArray &data = {}, const QString &linkTarget = {})
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(),
                                                                    archive_entry_free);
    QByteArray p = path.toUtf8();
    archive_entry_set_pathname(e.get(), p.constData());
    archive_entry_set_filetype(e.get(), type);
    archive_entry_set_perm(e.get(), perm);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_mtime(e.get(), QDateTime::currentSecsSinceEpoch(), 0);
    QByteArray link = linkTarget.toUtf8();
    if (type == AE_IFLNK)
        archive_entry_set_symlink(e.get(), link.constData());
    if (type == AE_IFREG)
        archive_entry_set_size(e.get(), data.size());
    if (archive_write_header(a, e.get()) != ARCHIVE_OK)
        return fail(ErrorCode::System, std::string("write tar header: ") + archive_error_string(a));
    if (!data.isEmpty() &&
        archive_write_data(a, data.constData(), static_cast<size_t>(data.size())) < 0)
        return fail(ErrorCode::System, std::string("write tar data: ") + archive_error_string(a));
    return {};
}

} // namespace

Result<ImageRecord> ImageService::importStarter(const QString &busyboxPath)
{
    QString busybox = busyboxPath.isEmpty() ? u"/bin/busybox"_s : busyboxPath;
    QFile bin(busybox);
    if (!bin.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, "no busybox at " + str(busybox) +
                                             "; install it with: apt-get install busybox-static");
    QByteArray binary = bin.readAll();
    // Applets and where they live ("bin/sh", "usr/bin/awk"); asking the binary
    // keeps the image in step with the host's busybox version.
    QProcess list;
    list.start(busybox, {u"--list-full"_s});
    if (!list.waitForFinished(10000) || list.exitCode() != 0)
        return fail(ErrorCode::Unsupported,
                    str(busybox) + " cannot list its applets; is it busybox-static?");
    const QStringList applets =
        QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);

    QString tarPath = m_store.scratchPath(u"starter"_s) + u".tar"_s;
    {
        ArchiveWriter w;
        archive_write_set_format_pax_restricted(w.a);
        if (archive_write_open_filename(w.a, QFile::encodeName(tarPath).constData()) != ARCHIVE_OK)
            return fail(ErrorCode::System, "create " + str(tarPath));
        struct Dir
        {
            const char16_t *path;
            mode_t perm;
        };
        for (Dir d :
             {Dir{u"bin", 0755}, Dir{u"sbin", 0755}, Dir{u"usr", 0755}, Dir{u"usr/bin", 0755},
              Dir{u"usr/sbin", 0755}, Dir{u"etc", 0755}, Dir{u"dev", 0755}, Dir{u"proc", 0555},
              Dir{u"sys", 0555}, Dir{u"tmp", 01777}, Dir{u"root", 0700}, Dir{u"home", 0755},
              Dir{u"var", 0755}, Dir{u"var/www", 0755}, Dir{u"run", 0755}}) {
            if (auto st = addEntry(w.a, QString::fromUtf16(d.path), AE_IFDIR, d.perm); !st)
                return std::unexpected(st.error());
        }
        if (auto st = addEntry(w.a, u"bin/busybox"_s, AE_IFREG, 0755, binary); !st)
            return std::unexpected(st.error());
        for (const QString &applet : applets) {
            if (applet == u"bin/busybox"_s || applet.contains(u".."_s) || applet.startsWith(u'/'))
                continue;
            if (auto st = addEntry(w.a, applet, AE_IFLNK, 0777, {}, u"/bin/busybox"_s); !st)
                return std::unexpected(st.error());
        }
        const QByteArray passwd = "root:x:0:0:root:/root:/bin/sh\n"
                                  "daemon:x:1:1:daemon:/usr/sbin:/bin/false\n"
                                  "www-data:x:33:33:www-data:/var/www:/bin/false\n"
                                  "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
        const QByteArray group = "root:x:0:\ndaemon:x:1:\nwww-data:x:33:\nnogroup:x:65534:\n";
        const QByteArray osRelease = "NAME=\"Koker starter\"\nID=koker-starter\n"
                                     "PRETTY_NAME=\"Koker starter image (busybox)\"\n";
        const QByteArray index = "<h1>Hello from a Koker container</h1>\n";
        if (auto st = addEntry(w.a, u"etc/passwd"_s, AE_IFREG, 0644, passwd); !st)
            return std::unexpected(st.error());
        if (auto st = addEntry(w.a, u"etc/group"_s, AE_IFREG, 0644, group); !st)
            return std::unexpected(st.error());
        if (auto st = addEntry(w.a, u"etc/os-release"_s, AE_IFREG, 0644, osRelease); !st)
            return std::unexpected(st.error());
        // What every distribution image has. A container gets its own copies of these
        // bind-mounted over them; with the files already in the image, its mounts
        // need no new file in the container's writable layer.
        for (const auto &[path, text] :
             {std::pair{u"etc/hostname"_s, QByteArray("localhost\n")},
              std::pair{u"etc/hosts"_s, QByteArray("127.0.0.1\tlocalhost\n")},
              std::pair{u"etc/resolv.conf"_s, QByteArray()}}) {
            if (auto st = addEntry(w.a, path, AE_IFREG, 0644, text); !st)
                return std::unexpected(st.error());
        }
        if (auto st = addEntry(w.a, u"var/www/index.html"_s, AE_IFREG, 0644, index); !st)
            return std::unexpected(st.error());
        if (archive_write_close(w.a) != ARCHIVE_OK)
            return fail(ErrorCode::System,
                        std::string("finish the starter tar: ") + archive_error_string(w.a));
    }
    UniqueFd fd(::open(QFile::encodeName(tarPath).constData(), O_RDONLY | O_CLOEXEC));
    ::unlink(QFile::encodeName(tarPath).constData());
    if (!fd)
        return failErrno("open " + str(tarPath));
    ImportOptions options;
    options.cmd = {u"sh"_s};
    options.createdBy = u"koker image import --starter"_s;
    options.comment = u"busybox from the host ("_s + busybox + u')';
    return importTarball(fd.get(), u"starter:latest"_s, options);
}

void ImageService::setCredentialsFile(const QString &path)
{
    m_credentialsFile = path;
    if (m_registry)
        m_registry->setCredentialStore(path.isEmpty() ? RegistryAuth() : RegistryAuth(path));
}

Result<RegistryClient *> ImageService::registryClient()
{
    if (m_registry)
        return m_registry.get();
    auto config = RegistriesConfig::load();
    if (!config)
        return std::unexpected(config.error());
    auto client = std::make_unique<RegistryClient>();
    client->setRegistriesConfig(*config);
    client->setCredentialStore(m_credentialsFile.isEmpty() ? RegistryAuth()
                                                           : RegistryAuth(m_credentialsFile));
    m_registry = {client.release(), [](RegistryClient *c) { delete c; }};
    return m_registry.get();
}

Result<ImagePuller *> ImageService::pull(const QString &reference, const PullOptions &options,
                                         QObject *parent)
{
    auto ref = ImageReference::parse(reference);
    if (!ref)
        return std::unexpected(ref.error());
    auto client = registryClient();
    if (!client)
        return std::unexpected(client.error());
    auto *puller = new ImagePuller(m_store, **client, parent);
    if (options.platform)
        puller->setPlatform(*options.platform, true);
    puller->setObserver(m_observer);
    puller->start(*ref);
    return puller;
}

Result<QList<LoadedImage>> ImageService::load(int fd)
{
    ImageArchive archive(m_store);
    archive.setObserver(m_observer);
    return archive.load(fd);
}

Status ImageService::save(const QStringList &namesOrIds, int fd)
{
    QList<ImageArchive::SaveItem> items;
    for (const QString &name : namesOrIds) {
        auto image = m_store.resolve(name);
        if (!image)
            return std::unexpected(image.error());
        // Saved by name: the archive names it so (docker save busybox -> busybox:latest);
        // by id: nameless, as docker does.
        QString tag;
        if (auto ref = ImageReference::parse(name);
            ref && !ref->tag().isEmpty() && image->names.contains(ref->toString()))
            tag = ref->familiarString();
        bool merged = false;
        for (ImageArchive::SaveItem &item : items) {
            if (item.image.id != image->id)
                continue;
            if (!tag.isEmpty() && !item.repoTags.contains(tag))
                item.repoTags << tag;
            merged = true;
        }
        if (!merged)
            items << ImageArchive::SaveItem{*image,
                                            tag.isEmpty() ? QStringList{} : QStringList{tag}};
    }
    ImageArchive archive(m_store);
    archive.setObserver(m_observer);
    return archive.save(items, fd);
}

// ImageStore: a downloaded blob into the store, hashed with OpenSSL (SHA extensions;
// layers are large). Here rather than in imagestore.cpp so that the light `koker`
// never loads libcrypto: the small documents it reads are checked with QtCore's
// SHA-256 (Digest::ofData).

Status ImageStore::commitBlobFile(const QString &path, const Digest &expected, qint64 expectedSize)
{
    auto reject = [&](std::unexpected<Error> e) {
        ::unlink(QFile::encodeName(path).constData());
        return e;
    };
    koker::UniqueFd fd(
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open " + str(path));
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return failErrno("stat " + str(path));
    if (expectedSize >= 0 && st.st_size != expectedSize)
        return reject(fail(ErrorCode::Corrupt, "blob " + str(expected.toString()) + " has " +
                                                   std::to_string(st.st_size) +
                                                   " bytes, expected " +
                                                   std::to_string(expectedSize)));
    Sha256 hash;
    std::vector<char> buf(1 << 20);
    for (;;) {
        ssize_t n = ::read(fd.get(), buf.data(), buf.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("read " + str(path));
        }
        if (n == 0)
            break;
        hash.update(buf.data(), static_cast<size_t>(n));
    }
    QString actual = QString::fromLatin1(hash.finalHex());
    if (actual != expected.hex())
        return reject(fail(ErrorCode::Corrupt,
                           "blob " + str(expected.toString()) +
                               " does not match its digest (got sha256:" + str(actual) + ")"));
    if (::fsync(fd.get()) != 0)
        return failErrno("fsync " + str(path));
    if (::rename(QFile::encodeName(path).constData(),
                 QFile::encodeName(blobPath(expected)).constData()) != 0)
        return failErrno("rename " + str(path) + " into the store");
    return fs::syncDirectory(str(m_root + u"/blobs/sha256"_s));
}

// ImageStore: unpacking a layer (libarchive, through koker::extractLayer).

Result<LayerRecord> ImageStore::extractLayer(const ReadFunction &read,
                                             const std::optional<Digest> &expectedDiffId,
                                             const ExtractPolicy &policy)
{
    if (expectedDiffId && hasLayer(*expectedDiffId))
        return layerInfo(*expectedDiffId);
    static std::atomic<int> counter{0};
    // Scratch inside layers/ so the final rename stays on one file system.
    QString scratch = layersDir() + u"/.tmp-"_s + QString::number(::getpid()) + u'-' +
                      QString::number(counter.fetch_add(1)) + u'-' +
                      QString::fromStdString(randomHex(4));
    if (::mkdir(QFile::encodeName(scratch).constData(), 0755) != 0)
        return failErrno("create " + str(scratch));
    auto discard = [&](Error e) -> std::unexpected<Error> {
        (void)fs::removeTree(str(scratch));
        return std::unexpected(std::move(e));
    };
    auto dir = fs::openDirectory(str(scratch));
    if (!dir)
        return discard(dir.error());
    auto stats = koker::extractLayer(read, dir->get(), policy);
    dir->reset();
    if (!stats)
        return discard(stats.error());
    auto diffId = Digest::parse(QString::fromStdString(stats->diffId));
    if (!diffId)
        return discard(diffId.error());
    if (expectedDiffId && *diffId != *expectedDiffId)
        return discard(Error{ErrorCode::Corrupt,
                             0,
                             {},
                             "layer content does not match the image config: diffID " +
                                 str(diffId->toString()) + ", expected " +
                                 str(expectedDiffId->toString())});
    LayerRecord record{*diffId, static_cast<qint64>(stats->uncompressedBytes),
                       static_cast<qint64>(stats->entries)};
    if (hasLayer(*diffId)) { // another process won the race; theirs is identical
        (void)fs::removeTree(str(scratch));
        return layerInfo(*diffId);
    }
    QJsonObject meta{{u"size"_s, record.size}, {u"entries"_s, record.entries}};
    QByteArray metaBytes = QJsonDocument(meta).toJson(QJsonDocument::Compact);
    // Metadata first: a layer directory without its .json is not "there" (hasLayer)
    // and is swept by collectGarbage().
    if (auto st = fs::writeFileAtomic(str(layerPath(*diffId) + u".json"_s),
                                      std::string_view(metaBytes.constData(), metaBytes.size()));
        !st)
        return discard(st.error());
    if (::rename(QFile::encodeName(scratch).constData(),
                 QFile::encodeName(layerPath(*diffId)).constData()) != 0) {
        int err = errno;
        if ((err == ENOTEMPTY || err == EEXIST) && QFile::exists(layerPath(*diffId))) {
            (void)fs::removeTree(str(scratch));
            return record;
        }
        return discard(Error{ErrorCode::System, err, {}, "rename layer into the store"});
    }
    if (auto st = fs::syncDirectory(str(layersDir())); !st)
        return std::unexpected(st.error());
    return record;
}

Result<LayerRecord> ImageStore::extractLayerFromBlob(const Digest &blob,
                                                     const std::optional<Digest> &expectedDiffId)
{
    koker::UniqueFd fd(::open(QFile::encodeName(blobPath(blob)).constData(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno("open blob " + str(blob.toString()));
    int raw = fd.get();
    return extractLayer([raw](void *buf, size_t size) { return ::read(raw, buf, size); },
                        expectedDiffId);
}

} // namespace koker
