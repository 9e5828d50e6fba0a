#include "consolelog.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <cstring>
#include <vector>

namespace koker {

namespace {
constexpr size_t kHeader = 1 + 4 + 8;
}

Status ConsoleLogWriter::open(const std::string &path, uint64_t maxBytes)
{
    m_path = path;
    m_max = maxBytes;
    m_fd.reset(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!m_fd)
        return failErrno("open console log " + path);
    struct stat st
    {};
    if (::fstat(m_fd.get(), &st) == 0)
        m_size = static_cast<uint64_t>(st.st_size);
    return {};
}

void ConsoleLogWriter::write(uint8_t stream, std::string_view data)
{
    if (!m_fd || data.empty())
        return;
    if (m_max > 0 && m_size + kHeader + data.size() > m_max) {
        std::string old = m_path + ".1";
        ::rename(m_path.c_str(), old.c_str());
        m_fd.reset(::open(m_path.c_str(),
                          O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600));
        m_size = 0;
        if (!m_fd)
            return;
    }
    char header[kHeader];
    header[0] = static_cast<char>(stream);
    uint32_t len = static_cast<uint32_t>(data.size());
    int64_t now = 0;
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    now = static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    std::memcpy(header + 1, &len, 4);
    std::memcpy(header + 5, &now, 8);
    iovec iov[2] = {{header, kHeader}, {const_cast<char *>(data.data()), data.size()}};
    ssize_t n = ::writev(m_fd.get(), iov, 2);
    if (n > 0)
        m_size += static_cast<uint64_t>(n);
}

static Result<uint64_t> readFrom(int fd, const std::string &what,
                                 const std::function<bool(const ConsoleRecord &)> &visit,
                                 uint64_t from, bool &stopped)
{
    std::vector<char> buf;
    uint64_t offset = from;
    uint64_t readAt = from;
    std::vector<char> chunk(1 << 16);
    size_t start = 0;
    for (;;) {
        ssize_t n = ::pread(fd, chunk.data(), chunk.size(), static_cast<off_t>(readAt));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("read " + what);
        }
        if (n == 0)
            break;
        readAt += static_cast<uint64_t>(n);
        buf.erase(buf.begin(), buf.begin() + static_cast<long>(start));
        start = 0;
        buf.insert(buf.end(), chunk.data(), chunk.data() + n);
        while (buf.size() - start >= kHeader) {
            uint32_t len;
            std::memcpy(&len, buf.data() + start + 1, 4);
            if (len > (64u << 20))
                return fail(ErrorCode::Corrupt, "console log " + what + " is damaged");
            if (buf.size() - start < kHeader + len)
                break;
            ConsoleRecord r;
            r.stream = static_cast<uint8_t>(buf[start]);
            std::memcpy(&r.timeNs, buf.data() + start + 5, 8);
            r.data = std::string_view(buf.data() + start + kHeader, len);
            start += kHeader + len;
            offset += kHeader + len;
            if (!visit(r)) {
                stopped = true;
                return offset;
            }
        }
    }
    return offset;
}

static Result<uint64_t> readOne(const std::string &path,
                                const std::function<bool(const ConsoleRecord &)> &visit,
                                uint64_t from, bool &stopped)
{
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd) {
        if (errno == ENOENT)
            return from;
        return failErrno("open " + path);
    }
    return readFrom(fd.get(), path, visit, from, stopped);
}

Result<uint64_t> readConsoleLogFd(int fd, const std::function<bool(const ConsoleRecord &)> &visit,
                                  uint64_t fromOffset)
{
    bool stopped = false;
    return readFrom(fd, "the console log", visit, fromOffset, stopped);
}

Result<uint64_t> readConsoleLog(const std::string &path,
                                const std::function<bool(const ConsoleRecord &)> &visit,
                                uint64_t fromOffset, bool includeRotated)
{
    bool stopped = false;
    if (includeRotated && fromOffset == 0) {
        auto r = readOne(path + ".1", visit, 0, stopped);
        if (!r)
            return r;
        if (stopped)
            return 0;
    }
    return readOne(path, visit, fromOffset, stopped);
}

} // namespace koker
