// A tiny stand-in for libFuzzer's main, for builds without it (GCC): runs the target
// over every file of its corpus, then over pseudo-random mutations of those files with a
// fixed seed, and exits 0. A finding aborts inside the target, so ctest sees a crash.
// Not a fuzzer (no coverage feedback): a smoke test that the targets and the corpus
// still work, and a way to replay one input in a normal build:
//
//   fuzz_smoke_<target> [-runs=N] [-seed=S] [FILE_OR_DIR...]
//
// Without FILE_OR_DIR it uses the corpus directory compiled in (KOKER_FUZZ_CORPUS).

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
// Optional, as in libFuzzer: a target that needs setup (a mount namespace) defines it.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

#ifndef KOKER_FUZZ_CORPUS
#define KOKER_FUZZ_CORPUS ""
#endif
#ifndef KOKER_FUZZ_RUNS
#define KOKER_FUZZ_RUNS 2000
#endif

namespace {

using Bytes = std::vector<uint8_t>;

constexpr size_t kMaxLen = 64 * 1024;

void addPath(const std::filesystem::path &path, std::vector<std::filesystem::path> &files)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        for (const auto &entry : std::filesystem::recursive_directory_iterator(path, ec)) {
            if (entry.is_regular_file())
                files.push_back(entry.path());
        }
    } else {
        files.push_back(path);
    }
}

Bytes readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        std::exit(2);
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A handful of libFuzzer's own mutations; enough to leave the well-formed paths.
class Mutator
{
public:
    explicit Mutator(uint32_t seed)
        : m_rng(seed)
    {}

    size_t below(size_t n)
    {
        return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(m_rng);
    }

    void mutate(Bytes &b, const std::vector<Bytes> &corpus)
    {
        static const uint8_t interesting[] = {0,   1,   0x7f, 0x80, 0xff, '/',  '.', ':',
                                              '@', '"', '\\', ',',  '=',  '\n', ' ', 0xfe};
        const size_t rounds = 1 + below(8);
        for (size_t r = 0; r < rounds; ++r) {
            switch (below(8)) {
            case 0: // flip a bit
                if (!b.empty())
                    b[below(b.size())] ^= static_cast<uint8_t>(1u << below(8));
                break;
            case 1: // a random byte
                if (!b.empty())
                    b[below(b.size())] = static_cast<uint8_t>(below(256));
                break;
            case 2: // an interesting byte
                if (!b.empty())
                    b[below(b.size())] = interesting[below(sizeof interesting)];
                break;
            case 3: { // insert random bytes
                const size_t at = below(b.size() + 1);
                const size_t n = 1 + below(16);
                for (size_t i = 0; i < n; ++i)
                    b.insert(b.begin() + static_cast<ptrdiff_t>(at),
                             static_cast<uint8_t>(below(256)));
                break;
            }
            case 4: // erase a range
                if (!b.empty()) {
                    const size_t at = below(b.size());
                    const size_t n = 1 + below(std::min<size_t>(b.size() - at, 64));
                    b.erase(b.begin() + static_cast<ptrdiff_t>(at),
                            b.begin() + static_cast<ptrdiff_t>(at + n));
                }
                break;
            case 5: // duplicate a range
                if (!b.empty()) {
                    const size_t at = below(b.size());
                    const size_t n = 1 + below(std::min<size_t>(b.size() - at, 64));
                    Bytes copy(b.begin() + static_cast<ptrdiff_t>(at),
                               b.begin() + static_cast<ptrdiff_t>(at + n));
                    const size_t to = below(b.size() + 1);
                    b.insert(b.begin() + static_cast<ptrdiff_t>(to), copy.begin(), copy.end());
                }
                break;
            case 6: // splice the tail of another corpus input
                if (!corpus.empty()) {
                    const Bytes &other = corpus[below(corpus.size())];
                    if (!other.empty()) {
                        b.resize(below(b.size() + 1));
                        const size_t from = below(other.size());
                        b.insert(b.end(), other.begin() + static_cast<ptrdiff_t>(from),
                                 other.end());
                    }
                }
                break;
            default: // truncate
                b.resize(below(b.size() + 1));
                break;
            }
        }
        if (b.size() > kMaxLen)
            b.resize(kMaxLen);
    }

private:
    std::mt19937 m_rng;
};

// The input being run, for the crash handler: it leaves the input in
// ./crash-standalone (as libFuzzer leaves crash-<sha1>), so a finding of the smoke run
// can be replayed and added to the corpus.
const Bytes *g_current = nullptr;

void saveCrash(int sig)
{
    if (g_current) {
        int fd = ::open("crash-standalone", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ssize_t ignored = ::write(fd, g_current->data(), g_current->size());
            (void)ignored;
            ::close(fd);
        }
        static const char msg[] = "the input is in ./crash-standalone\n";
        ssize_t ignored = ::write(STDERR_FILENO, msg, sizeof msg - 1);
        (void)ignored;
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void run(const Bytes &input)
{
    g_current = &input;
    LLVMFuzzerTestOneInput(input.data(), input.size());
    g_current = nullptr;
}

} // namespace

int main(int argc, char **argv)
{
    for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        ::signal(sig, saveCrash);

    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    long runs = KOKER_FUZZ_RUNS;
    uint32_t seed = 0x6b6f6b72; // "kokr"
    std::vector<std::filesystem::path> files;
    bool explicitPaths = false;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strncmp(arg, "-runs=", 6) == 0) {
            runs = std::strtol(arg + 6, nullptr, 10);
        } else if (std::strncmp(arg, "-seed=", 6) == 0) {
            seed = static_cast<uint32_t>(std::strtoul(arg + 6, nullptr, 10));
        } else if (arg[0] == '-') {
            std::fprintf(stderr, "usage: %s [-runs=N] [-seed=S] [FILE_OR_DIR...]\n", argv[0]);
            return 2;
        } else {
            addPath(arg, files);
            explicitPaths = true;
        }
    }
    if (!explicitPaths && KOKER_FUZZ_CORPUS[0] != '\0')
        addPath(KOKER_FUZZ_CORPUS, files);
    std::sort(files.begin(), files.end()); // the same order on every file system

    std::vector<Bytes> corpus;
    for (const auto &file : files) {
        corpus.push_back(readFile(file));
        run(corpus.back());
    }
    std::printf("ran %zu corpus inputs\n", corpus.size());

    Mutator mutator(seed);
    Bytes input;
    for (long i = 0; i < runs; ++i) {
        input = corpus.empty() ? Bytes() : corpus[mutator.below(corpus.size())];
        mutator.mutate(input, corpus);
        run(input);
    }
    std::printf("ran %ld mutated inputs (seed %u): no finding\n", runs, seed);
    return 0;
}
