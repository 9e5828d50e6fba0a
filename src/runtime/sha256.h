#pragma once

// Incremental SHA-256 (OpenSSL, which uses the CPU's SHA extensions), the
// digest every blob and layer of the store is named by.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace koker {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256 &&) noexcept;
    Sha256 &operator=(Sha256 &&) noexcept;

    void update(const void *data, size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    /// Lowercase hex of the digest; the object is reset afterwards.
    std::string finalHex();

    static std::string hex(std::string_view data);

private:
    struct Ctx;
    std::unique_ptr<Ctx> m_ctx;
};

} // namespace koker
