#include "netsysctl.h"

#include "uniquefd.h"

#include <fcntl.h>
#include <unistd.h>

namespace koker::net {

Result<std::string> sysctlPath(std::string_view key)
{
    std::string shown(key.substr(0, 80));
    if (key.empty() || key.size() > 200)
        return fail(ErrorCode::InvalidArgument, "sysctl key '" + shown + "' is empty or too long");
    // Dotted form unless the key already uses slashes (names with dots inside).
    char sep = key.find('/') != std::string_view::npos ? '/' : '.';
    std::string path = "/proc/sys/";
    size_t start = 0;
    while (start <= key.size()) {
        size_t end = key.find(sep, start);
        std::string_view part =
            key.substr(start, end == std::string_view::npos ? end : end - start);
        if (part.empty() || part == "." || part == "..")
            return fail(ErrorCode::InvalidArgument,
                        "sysctl key '" + shown + "' has an empty, '.' or '..' part");
        for (char c : part) {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '.' || c == '+';
            if (!ok)
                return fail(ErrorCode::InvalidArgument,
                            "sysctl key '" + shown + "' contains an unexpected character");
        }
        path += part;
        if (end == std::string_view::npos)
            break;
        path += '/';
        start = end + 1;
    }
    return path;
}

std::string interfaceSysctlKey(std::string_view interface, std::string_view setting)
{
    return "net/ipv4/conf/" + std::string(interface) + "/" + std::string(setting);
}

Result<std::string> readSysctl(std::string_view key)
{
    auto path = sysctlPath(key);
    if (!path)
        return std::unexpected(path.error());
    UniqueFd fd(::open(path->c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("read sysctl " + std::string(key) + " (" + *path + ")");
    std::string out;
    char buf[256];
    while (true) {
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failErrno("read " + *path);
        }
        if (n == 0)
            break;
        out.append(buf, size_t(n));
        if (out.size() > 4096)
            break;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

Status writeSysctl(std::string_view key, std::string_view value)
{
    auto path = sysctlPath(key);
    if (!path)
        return std::unexpected(path.error());
    UniqueFd fd(::open(path->c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno("open sysctl " + std::string(key) + " (" + *path + ") for writing");
    // One write(): proc handlers parse the buffer of a single write call.
    ssize_t n = ::write(fd.get(), value.data(), value.size());
    if (n < 0 || size_t(n) != value.size())
        return failErrno("sysctl -w " + std::string(key) + "=" + std::string(value));
    return {};
}

} // namespace koker::net
