#include "layerextractor.h"

#include "layerwriter.h"
#include "sha256.h"
#include "uniquefd.h"

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

// How a layer is read (security brief, rule 2):
//
//   ReadFunction --(1 MiB blocks)--> outer libarchive reader: the built-in filters
//   (gzip, zstd, xz, bzip2, lz4), format "raw" = the decompressed byte stream
//     --(decompressed blocks, each hashed and counted)--> inner libarchive reader:
//   format tar (ustar, pax, gnu) --(entries)--> our checks --> LayerWriter (fd-relative)
//
// Two readers because the diffID is the sha256 of the *uncompressed* tar, and libarchive
// shows a tar reader's caller entries, never the bytes under them. Every decompressed
// block passes through nextTarBlock() below exactly once on its way to the tar reader, so the
// hash sees the whole stream; after the tar's end-of-archive marker the outer reader is
// drained to its end, so padding after the marker (tar pads to 10 KiB records) counts
// too, and the diffID equals `sha256sum` of the uncompressed file.
//
// NUL bytes inside names: ustar fields end at their first NUL by definition, and
// libarchive (3.6) copies PAX "path"/"linkpath" values and GNU long names with C-string
// functions, so a name "ok\0/../../x" reaches us as "ok". It cannot be detected through
// libarchive's API, and it is harmless: the name we check is byte for byte the name we
// pass to the kernel (which would stop at the NUL too), so no check-then-use mismatch
// exists (a ustar name that *starts* with NUL is simply empty, and refused). Still,
// sanitizeEntryName() refuses an embedded NUL for callers that hand it a string_view
// with one.

namespace koker {

namespace {

constexpr size_t kReadBufferSize = 1u << 20;
constexpr size_t kMaxNameLength = 4095;     // PATH_MAX - 1
constexpr size_t kMaxComponentLength = 255; // NAME_MAX

// Normalise `name` into `out` (reusing its capacity); nullptr on success, else why not.
const char *normalizeInto(std::string_view name, std::string &out)
{
    out.clear();
    if (name.empty())
        return "the name is empty";
    if (name.find('\0') != std::string_view::npos)
        return "the name contains a NUL byte";
    if (name.size() > kMaxNameLength)
        return "the name is longer than 4095 bytes";
    if (name.front() == '/')
        return "the name is absolute";
    size_t pos = 0;
    while (pos < name.size()) {
        size_t end = name.find('/', pos);
        if (end == std::string_view::npos)
            end = name.size();
        std::string_view part = name.substr(pos, end - pos);
        pos = end + 1;
        if (part.empty() || part == ".")
            continue;
        if (part == "..")
            return "the name has a \"..\" component";
        if (part.size() > kMaxComponentLength)
            return "a component of the name is longer than 255 bytes";
        if (!out.empty())
            out += '/';
        out.append(part);
    }
    if (out.empty())
        return "the name is only \".\" (the layer root)";
    return nullptr;
}

// "./", "." and the like: the layer's own root directory.
bool isLayerRoot(std::string_view name)
{
    if (name.empty() || name.front() == '/')
        return false;
    size_t pos = 0;
    while (pos < name.size()) {
        size_t end = name.find('/', pos);
        if (end == std::string_view::npos)
            end = name.size();
        std::string_view part = name.substr(pos, end - pos);
        if (!part.empty() && part != ".")
            return false;
        pos = end + 1;
    }
    return true;
}

struct ArchiveFree
{
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

// One run of extractLayer(): the two readers, the hash and the writer.
class Extraction
{
public:
    Extraction(const ReadFunction &read, int targetDirFd, const ExtractPolicy &policy)
        : m_read(read)
        , m_policy(policy)
        , m_writer(targetDirFd, policy)
        , m_start(std::chrono::steady_clock::now())
    {}

    Result<ExtractStats> run();

private:
    static la_ssize_t readSource(archive *a, void *self, const void **buffer)
    {
        return static_cast<Extraction *>(self)->nextSourceBlock(a, buffer);
    }
    static la_ssize_t readTar(archive *a, void *self, const void **buffer)
    {
        return static_cast<Extraction *>(self)->nextTarBlock(a, buffer);
    }
    la_ssize_t nextSourceBlock(archive *a, const void **buffer);
    la_ssize_t nextTarBlock(archive *a, const void **buffer);

    Status entry(archive_entry *e);
    Status writeFile(archive_entry *e, const EntryMetadata &meta);
    Status checkTime();
    std::string where() const;
    Error refuse(const std::string &reason) const;
    Error entryError(Error err) const;
    Error archiveError(archive *a, const char *what) const;
    std::unexpected<Error> stop(Error err);

    const ReadFunction &m_read;
    const ExtractPolicy m_policy;
    LayerWriter m_writer;
    const std::chrono::steady_clock::time_point m_start;

    std::vector<char> m_buffer = std::vector<char>(kReadBufferSize);
    uint64_t m_sourceBytes = 0;
    ArchivePtr m_outer;
    ArchivePtr m_inner; // declared after m_outer: freed first, it reads the outer's blocks
    bool m_outerEof = false;
    Sha256 m_hash;
    uint64_t m_uncompressed = 0;
    uint64_t m_entries = 0;
    // The first failure seen inside a libarchive callback; wins over libarchive's
    // generic "read callback failed" message.
    std::optional<Error> m_error;

    std::string m_current;   // raw name of the entry being read, for messages
    bool m_inHeader = false; // between entries: a failure is "after" m_current
    std::string m_name;      // normalised name of the current entry
    std::string m_link;      // normalised hardlink target
    std::string m_whiteout;  // path a whiteout hides
    std::vector<EntryXattr> m_xattrs;
};

std::string Extraction::where() const
{
    if (m_current.empty() && m_entries == 0)
        return "at the start of the layer";
    return (m_inHeader ? "after layer entry " : "in layer entry ") + quoteName(m_current);
}

Error Extraction::refuse(const std::string &reason) const
{
    return Error{
        ErrorCode::Unsafe, 0, {}, "refused layer entry " + quoteName(m_current) + ": " + reason};
}

Error Extraction::entryError(Error err) const
{
    if (err.code == ErrorCode::Unsafe)
        err.message = "refused layer entry " + quoteName(m_current) + ": " + err.message;
    else
        err.message = "cannot extract layer entry " + quoteName(m_current) + ": " + err.message;
    return err;
}

Error Extraction::archiveError(archive *a, const char *what) const
{
    if (m_error)
        return *m_error;
    const char *text = archive_error_string(a);
    return Error{ErrorCode::Corrupt,
                 0,
                 {},
                 std::string(what) + " " + where() + ": " + (text ? text : "unknown error") +
                     "; the layer is damaged or not a tar, download it again"};
}

std::unexpected<Error> Extraction::stop(Error err)
{
    return std::unexpected(std::move(err));
}

Status Extraction::checkTime()
{
    auto elapsed = std::chrono::steady_clock::now() - m_start;
    if (elapsed >= std::chrono::seconds(m_policy.maxSeconds))
        return fail(ErrorCode::LimitExceeded,
                    "layer extraction took longer than ExtractPolicy::maxSeconds (" +
                        std::to_string(m_policy.maxSeconds) + " s), stopped " + where() +
                        "; raise the bound only for a trusted image");
    return {};
}

la_ssize_t Extraction::nextSourceBlock(archive *a, const void **buffer)
{
    for (;;) {
        ssize_t n = m_read(m_buffer.data(), m_buffer.size());
        if (n >= 0) {
            m_sourceBytes += static_cast<uint64_t>(n);
            *buffer = m_buffer.data();
            return n;
        }
        int err = errno;
        if (err == EINTR)
            continue;
        if (!m_error)
            m_error = failErrno("read the layer stream " + where(), err).error();
        archive_set_error(a, err, "read callback failed");
        return -1;
    }
}

la_ssize_t Extraction::nextTarBlock(archive *a, const void **buffer)
{
    while (!m_outerEof) {
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int r = archive_read_data_block(m_outer.get(), &block, &size, &offset);
        if (r == ARCHIVE_EOF) {
            m_outerEof = true;
            break;
        }
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
            if (!m_error)
                m_error = archiveError(m_outer.get(), "cannot decompress the layer stream");
            archive_set_error(a, EIO, "decompression failed");
            return -1;
        }
        if (size == 0)
            continue;
        m_hash.update(block, size);
        m_uncompressed += size;
        if (m_uncompressed > m_policy.maxTotalBytes) {
            if (!m_error)
                m_error = Error{ErrorCode::LimitExceeded,
                                0,
                                {},
                                "layer is larger than ExtractPolicy::maxTotalBytes (" +
                                    std::to_string(m_policy.maxTotalBytes) +
                                    " uncompressed bytes), stopped " + where() +
                                    "; raise the bound only for a trusted image"};
            archive_set_error(a, EFBIG, "size limit");
            return -1;
        }
        if (auto st = checkTime(); !st) {
            if (!m_error)
                m_error = st.error();
            archive_set_error(a, ETIME, "time limit");
            return -1;
        }
        *buffer = block;
        return static_cast<la_ssize_t>(size);
    }
    return 0;
}

Status Extraction::writeFile(archive_entry *e, const EntryMetadata &meta)
{
    auto fd = m_writer.createFile(m_name);
    if (!fd)
        return stop(entryError(fd.error()));
    la_int64_t end = 0;
    for (;;) {
        const void *data = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int r = archive_read_data_block(m_inner.get(), &data, &size, &offset);
        if (r == ARCHIVE_EOF)
            break;
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return stop(archiveError(m_inner.get(), "cannot read the data"));
        // pwrite at the block's offset: a gap between blocks (a hole of a sparse entry)
        // is simply never written, so the file stays sparse on disk.
        const char *p = static_cast<const char *>(data);
        size_t left = size;
        off_t at = static_cast<off_t>(offset);
        while (left > 0) {
            ssize_t n = ::pwrite(fd->get(), p, left, at);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return stop(entryError(failErrno("write file data").error()));
            }
            p += n;
            left -= static_cast<size_t>(n);
            at += n;
        }
        end = std::max<la_int64_t>(end, offset + static_cast<la_int64_t>(size));
    }
    // A trailing hole has no block to write; the size comes from the header.
    if (archive_entry_size_is_set(e) && archive_entry_size(e) > end &&
        ::ftruncate(fd->get(), static_cast<off_t>(archive_entry_size(e))) != 0)
        return stop(entryError(failErrno("set the file size").error()));
    if (auto st = m_writer.finishFile(fd->get(), meta); !st)
        return stop(entryError(st.error()));
    return {};
}

Status Extraction::entry(archive_entry *e)
{
    const char *rawName = archive_entry_pathname(e);
    m_current.assign(rawName ? rawName : "");
    ++m_entries;
    if (m_entries > m_policy.maxEntries)
        return fail(ErrorCode::LimitExceeded,
                    "layer has more than ExtractPolicy::maxEntries (" +
                        std::to_string(m_policy.maxEntries) + ") entries, stopped at entry " +
                        quoteName(m_current) + "; raise the bound only for a trusted image");
    if (auto st = checkTime(); !st)
        return st;

    const mode_t type = archive_entry_filetype(e);
    const char *hardlink = archive_entry_hardlink(e);
    // Docker's own layers start with "./": the root is the target directory itself,
    // which belongs to the caller, so its entry changes nothing (moby skips it too).
    if (type == AE_IFDIR && !hardlink && isLayerRoot(m_current))
        return {};
    if (const char *reason = normalizeInto(m_current, m_name))
        return stop(refuse(reason));

    if (type == AE_IFREG && !hardlink && archive_entry_size_is_set(e) &&
        archive_entry_sparse_count(e) == 0 &&
        static_cast<uint64_t>(archive_entry_size(e)) > m_policy.maxTotalBytes)
        return fail(ErrorCode::LimitExceeded,
                    "layer entry " + quoteName(m_current) + " declares " +
                        std::to_string(archive_entry_size(e)) +
                        " bytes, more than ExtractPolicy::maxTotalBytes (" +
                        std::to_string(m_policy.maxTotalBytes) +
                        "); raise the bound only for a trusted image");

    const la_int64_t uid = archive_entry_uid(e);
    const la_int64_t gid = archive_entry_gid(e);
    // Base-256 tar numbers can be negative or huge; (uid_t)-1 would mean "leave as is".
    constexpr la_int64_t kMaxId = 0xfffffffeLL;
    if (uid < 0 || uid > kMaxId || gid < 0 || gid > kMaxId)
        return stop(refuse("its owner " + std::to_string(uid) + ":" + std::to_string(gid) +
                           " is not a valid uid:gid"));

    EntryMetadata meta;
    meta.uid = static_cast<uid_t>(uid);
    meta.gid = static_cast<gid_t>(gid);
    meta.mode = archive_entry_perm(e) & 07777;
    meta.mtime = timespec{archive_entry_mtime(e), archive_entry_mtime_nsec(e)};
    meta.atime = archive_entry_atime_is_set(e)
                     ? timespec{archive_entry_atime(e), archive_entry_atime_nsec(e)}
                     : meta.mtime;
    m_xattrs.clear();
    if (archive_entry_xattr_reset(e) > 0) {
        const char *name = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        while (archive_entry_xattr_next(e, &name, &value, &size) == ARCHIVE_OK)
            if (name)
                m_xattrs.push_back(EntryXattr{name, value, size});
    }
    meta.xattrs = m_xattrs;

    // OCI whiteouts, recognised by name whatever the entry's type.
    const size_t slash = m_name.rfind('/');
    const std::string_view base = slash == std::string::npos
                                      ? std::string_view(m_name)
                                      : std::string_view(m_name).substr(slash + 1);
    const std::string_view parent =
        slash == std::string::npos ? std::string_view() : std::string_view(m_name).substr(0, slash);
    if (base.starts_with(".wh.")) {
        Status st;
        if (base == ".wh..wh..opq") {
            st = m_writer.opaque(parent);
        } else if (base.starts_with(".wh..wh.")) {
            return stop(refuse("malformed whiteout: \".wh..wh.\" is reserved for the opaque "
                               "marker \".wh..wh..opq\""));
        } else {
            std::string_view hidden = base.substr(4);
            if (hidden.empty())
                return stop(refuse("malformed whiteout: it names no file"));
            if (hidden == "." || hidden == "..")
                return stop(refuse("malformed whiteout: it names \"" + std::string(hidden) + "\""));
            m_whiteout.assign(parent);
            if (!m_whiteout.empty())
                m_whiteout += '/';
            m_whiteout.append(hidden);
            st = m_writer.whiteout(m_whiteout, meta);
        }
        if (!st)
            return stop(entryError(st.error()));
        return {};
    }

    Status st;
    if (hardlink) {
        if (const char *reason = normalizeInto(hardlink, m_link))
            return stop(
                refuse("its hardlink target " + quoteName(hardlink) + " is refused: " + reason));
        st = m_writer.hardlink(m_name, m_link);
    } else {
        switch (type) {
        case AE_IFREG:
            return writeFile(e, meta);
        case AE_IFDIR:
            st = m_writer.directory(m_name, meta);
            break;
        case AE_IFLNK: {
            const char *target = archive_entry_symlink(e);
            if (!target || !*target)
                return stop(refuse("the symlink has an empty target"));
            st = m_writer.symlink(m_name, target, meta);
            break;
        }
        case AE_IFCHR:
        case AE_IFBLK:
            // A device node in an image is a door to host hardware (/dev/sda, /dev/mem)
            // for anyone who can open it in the container; containers get their /dev
            // from the runtime, not from the image.
            if (!m_policy.allowDevices)
                return stop(refuse("device nodes are not allowed (ExtractPolicy::allowDevices)"));
            st = m_writer.node(m_name, type == AE_IFCHR ? S_IFCHR : S_IFBLK,
                               makedev(archive_entry_rdevmajor(e), archive_entry_rdevminor(e)),
                               meta);
            break;
        case AE_IFIFO:
            st = m_writer.node(m_name, S_IFIFO, 0, meta);
            break;
        default:
            return stop(refuse("unsupported entry type (a socket or an unknown tar type)"));
        }
    }
    if (!st)
        return stop(entryError(st.error()));
    return {};
}

Result<ExtractStats> Extraction::run()
{
    if (auto st = m_writer.init(); !st)
        return stop(st.error());

    m_outer.reset(archive_read_new());
    if (!m_outer)
        return fail(ErrorCode::System, "out of memory creating the layer reader");
    // Only the decompressors built into libarchive: filter_all would also accept
    // lrzip, lzop and grzip, which libarchive runs as *external programs* -- not
    // something to do with a stranger's layer, as root.
    archive_read_support_filter_gzip(m_outer.get());
    archive_read_support_filter_zstd(m_outer.get());
    archive_read_support_filter_xz(m_outer.get());
    archive_read_support_filter_bzip2(m_outer.get());
    archive_read_support_filter_lz4(m_outer.get());
    archive_read_support_format_raw(m_outer.get());
    archive_entry *rawEntry = nullptr;
    if (archive_read_open(m_outer.get(), this, nullptr, readSource, nullptr) != ARCHIVE_OK ||
        archive_read_next_header(m_outer.get(), &rawEntry) != ARCHIVE_OK) {
        // libarchive's raw format cannot bid on zero bytes; say what really happened.
        if (!m_error && m_sourceBytes == 0)
            return fail(ErrorCode::Corrupt,
                        "empty layer stream: the layer has no bytes at all (not even an "
                        "empty tar); download it again");
        return stop(archiveError(m_outer.get(), "cannot read the layer stream"));
    }

    m_inner.reset(archive_read_new());
    if (!m_inner)
        return fail(ErrorCode::System, "out of memory creating the tar reader");
    archive_read_support_format_tar(m_inner.get());
    if (archive_read_open(m_inner.get(), this, nullptr, readTar, nullptr) != ARCHIVE_OK)
        return stop(archiveError(m_inner.get(), "the layer is not a tar archive"));

    for (;;) {
        archive_entry *e = nullptr;
        m_inHeader = true;
        int r = archive_read_next_header(m_inner.get(), &e);
        if (r == ARCHIVE_EOF)
            break;
        // ARCHIVE_WARN is a name that could not be converted to the locale's charset:
        // libarchive keeps the raw bytes, which is what the file system wants anyway.
        if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
            return stop(archiveError(m_inner.get(), "cannot read the next entry"));
        m_inHeader = false;
        if (auto st = entry(e); !st)
            return stop(st.error());
    }
    m_inHeader = true;

    // Drain what follows the end-of-archive marker so the diffID covers every byte.
    for (;;) {
        const void *block = nullptr;
        la_ssize_t n = nextTarBlock(m_inner.get(), &block);
        if (n == 0)
            break;
        if (n < 0)
            return stop(m_error ? *m_error : Error{ErrorCode::Internal, 0, {}, "drain failed"});
    }

    if (auto st = m_writer.finish(); !st)
        return stop(withContext(st.error(), "cannot finish the layer's directories"));

    ExtractStats stats;
    stats.diffId = "sha256:" + m_hash.finalHex();
    stats.uncompressedBytes = m_uncompressed;
    stats.entries = m_entries;
    return stats;
}

} // namespace

Result<ExtractStats> extractLayer(const ReadFunction &read, int targetDirFd,
                                  const ExtractPolicy &policy)
{
    if (!read)
        return fail(ErrorCode::InvalidArgument, "extractLayer: no read function");
    Extraction extraction(read, targetDirFd, policy);
    return extraction.run();
}

Result<ExtractStats> extractLayerFromFd(int inputFd, int targetDirFd, const ExtractPolicy &policy)
{
    return extractLayer([inputFd](void *buf, size_t size) { return ::read(inputFd, buf, size); },
                        targetDirFd, policy);
}

Result<std::string> sanitizeEntryName(std::string_view name)
{
    std::string out;
    if (const char *reason = normalizeInto(name, out))
        return fail(ErrorCode::Unsafe, "refused layer entry " + quoteName(name) + ": " + reason);
    return out;
}

} // namespace koker
