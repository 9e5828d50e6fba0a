#include "sha256.h"

// OpenSSL 3 deprecates the SHA256_* functions in favour of EVP. EVP's first use
// loads openssl.cnf and the default provider, about a millisecond of every koker
// command that reads a blob; these functions run the same code (with the CPU's SHA
// extensions) and load nothing. A digest that names content needs no provider.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace koker {

struct Sha256::Ctx
{
    SHA256_CTX sha{};
};

Sha256::Sha256()
    : m_ctx(std::make_unique<Ctx>())
{
    SHA256_Init(&m_ctx->sha);
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256 &&) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&) noexcept = default;

void Sha256::update(const void *data, size_t size)
{
    SHA256_Update(&m_ctx->sha, data, size);
}

std::string Sha256::finalHex()
{
    unsigned char out[SHA256_DIGEST_LENGTH];
    SHA256_Final(out, &m_ctx->sha);
    SHA256_Init(&m_ctx->sha);
    static const char digits[] = "0123456789abcdef";
    std::string hex(2 * SHA256_DIGEST_LENGTH, '0');
    for (size_t i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
        hex[2 * i] = digits[out[i] >> 4];
        hex[2 * i + 1] = digits[out[i] & 0xf];
    }
    return hex;
}

std::string Sha256::hex(std::string_view data)
{
    Sha256 h;
    h.update(data);
    return h.finalHex();
}

} // namespace koker
