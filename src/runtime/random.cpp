#include "random.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace koker {

namespace {

bool fromUrandom(unsigned char *p, size_t size)
{
    int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    while (size > 0) {
        ssize_t n = ::read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        p += n;
        size -= static_cast<size_t>(n);
    }
    ::close(fd);
    return size == 0;
}

} // namespace

void randomBytes(void *buf, size_t size)
{
    auto *p = static_cast<unsigned char *>(buf);
    while (size > 0) {
        ssize_t n = ::getrandom(p, size, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            if (errno == ENOSYS && fromUrandom(p, size))
                return;
            std::abort();
        }
        p += n;
        size -= static_cast<size_t>(n);
    }
}

std::string randomHex(size_t bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string raw(bytes, '\0');
    randomBytes(raw.data(), raw.size());
    std::string out;
    out.reserve(2 * bytes);
    for (unsigned char c : raw) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
    }
    return out;
}

uint32_t randomBelow(uint32_t bound)
{
    if (bound == 0)
        return 0;
    // Reject the top, incomplete round of [0, 2^32) so that every value is as likely.
    const uint32_t limit = UINT32_MAX - UINT32_MAX % bound;
    for (;;) {
        uint32_t v = 0;
        randomBytes(&v, sizeof v);
        if (v < limit)
            return v % bound;
    }
}

} // namespace koker
