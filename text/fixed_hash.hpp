#pragma once
// Hashes fixed by their definitions: what they give is stored (story fingerprints) or decides
// where an article goes (its shard), so it must be the same on every machine, compiler and run,
// which std::hash does not promise.
#include <cstdint>
#include <string_view>

namespace newsdesk::text {

// FNV-1a, 64 bits: tiny, and good enough to spread short strings. `h`: a hash to go on from,
// fnv1a(b, fnv1a(a)) being fnv1a of a's bytes then b's.
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (const unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// SplitMix64's finaliser: a well-mixed 64-bit hash of a 64-bit number.
constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace newsdesk::text
