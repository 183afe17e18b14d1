#include "text/story_fingerprint.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>
#include <vector>

#include "text/fixed_hash.hpp"
#include "text/unicode.hpp"

namespace newsdesk::text {
namespace {

// The Hashes hash functions: mix64(shingle ^ seed) for fixed seeds drawn from one sequence.
constexpr std::array<std::uint64_t, StoryFingerprint::Hashes> make_seeds() {
    std::array<std::uint64_t, StoryFingerprint::Hashes> seeds{};
    std::uint64_t state = 20261206;
    for (auto& seed : seeds) seed = mix64(state += 0x9e3779b97f4a7c15ULL);
    return seeds;
}
constexpr auto Seeds = make_seeds();

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
std::uint32_t get32(std::string_view in, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}

constexpr char FormatVersion = 1;
constexpr std::size_t SerialisedBytes = 1 + 4 + 4 * StoryFingerprint::Hashes;

} // namespace

StoryFingerprint StoryFingerprint::of(std::string_view utf8) {
    std::vector<std::uint64_t> words;
    for_each_word(utf8, [&](const Word& w) { words.push_back(fnv1a(normalise(w.text))); });
    StoryFingerprint f;
    if (words.size() < ShingleWords) return f;
    std::unordered_set<std::uint64_t> shingles;
    shingles.reserve(words.size());
    for (std::size_t i = 0; i + ShingleWords <= words.size(); ++i) {
        std::uint64_t h = 0;
        for (std::size_t k = 0; k < ShingleWords; ++k) h = mix64(h ^ words[i + k]);
        shingles.insert(h);
    }
    f.minima_.fill(std::numeric_limits<std::uint32_t>::max());
    for (const auto shingle : shingles)
        for (std::size_t i = 0; i < Hashes; ++i)
            f.minima_[i] = std::min(f.minima_[i], static_cast<std::uint32_t>(mix64(shingle ^ Seeds[i]) >> 32));
    f.shingles_ = static_cast<std::uint32_t>(std::min<std::size_t>(shingles.size(), std::numeric_limits<std::uint32_t>::max()));
    return f;
}

double StoryFingerprint::resemblance(const StoryFingerprint& other) const {
    if (empty() || other.empty()) return 0;
    std::size_t agree = 0;
    for (std::size_t i = 0; i < Hashes; ++i) agree += minima_[i] == other.minima_[i];
    return static_cast<double>(agree) / Hashes;
}

double StoryFingerprint::containment(const StoryFingerprint& other) const {
    const double j = resemblance(other);
    if (j == 0) return 0;
    // |A ∩ B| = J |A ∪ B| and |A ∪ B| = |A| + |B| - |A ∩ B|, so |A ∩ B| = J (|A| + |B|) / (1 + J).
    const double a = shingles_, b = other.shingles_;
    const double shared = j * (a + b) / (1 + j);
    return std::min(1.0, shared / std::min(a, b));
}

std::uint64_t StoryFingerprint::band_key(std::size_t band) const {
    std::uint64_t h = mix64(band);
    for (std::size_t r = 0; r < Rows; ++r) h = mix64(h ^ minima_[band * Rows + r]);
    return h;
}

std::string StoryFingerprint::serialise() const {
    std::string out;
    out.reserve(SerialisedBytes);
    out += FormatVersion;
    put32(out, shingles_);
    for (const auto m : minima_) put32(out, m);
    return out;
}

std::optional<StoryFingerprint> StoryFingerprint::parse(std::string_view bytes) {
    if (bytes.size() != SerialisedBytes || bytes[0] != FormatVersion) return std::nullopt;
    StoryFingerprint f;
    f.shingles_ = get32(bytes, 1);
    for (std::size_t i = 0; i < Hashes; ++i) f.minima_[i] = get32(bytes, 5 + 4 * i);
    return f;
}

} // namespace newsdesk::text
