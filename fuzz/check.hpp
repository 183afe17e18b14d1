#pragma once
// A property the fuzz targets check beyond "does not crash": when it fails, the input is
// reported by libFuzzer as a crash (abort) and saved like one.
#include <cstdio>
#include <cstdlib>

#define NEWSDESK_FUZZ_CHECK(condition)                                                         \
    do {                                                                                       \
        if (!(condition)) {                                                                    \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                      \
        }                                                                                      \
    } while (false)
