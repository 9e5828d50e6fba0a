#pragma once

// The fuzz targets' one assertion: an invariant of the code under test that did not
// hold. Print what and abort(), which libFuzzer (and the standalone driver's ctest)
// reports as a crash, with the input saved.

#include <cstdio>
#include <cstdlib>

#define KOKER_FUZZ_CHECK(cond, what)                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s (%s)\n", __FILE__, __LINE__,    \
                         #cond, std::string(what).c_str());                                        \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
