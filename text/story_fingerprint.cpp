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

// The share of a text's words at each end left out of its fingerprint (of_words).
constexpr double EdgeShare = 0.15;

// What makes two texts one story (same_story). A site's copy of an agency story, wrapped in its
// boilerplate and cut, keeps most of it (containment); an update of a developing story repeats
// most of the one before (resemblance). Two stories cast in one template ("X prices a note
// offering...") share a third of their shingles, and two stories that quote one statement or
// open with one standard sentence share a sentence or two: neither is a copy.
constexpr double SameResemblance = 0.5;
constexpr double SameContainment = 0.6;
constexpr double MinSharedShingles = 25;   // about two sentences of four-word shingles
// Containment is derived from the resemblance, and for texts of unlike length an agreement or
// two more among the minima by chance makes a lot of it: a 30-word item and a 400-word story
// that share one stock phrase ("president and chief executive officer") came out 78% contained.
// Below this resemblance the estimate is noise. A copy cut to a third of the story still has it.
constexpr double LeastResemblance = 0.2;
constexpr std::size_t SerialisedBytes = 1 + 4 + 4 * StoryFingerprint::Hashes;

} // namespace

std::uint64_t StoryFingerprint::word_hash(std::string_view normalised_word) { return fnv1a(normalised_word); }

StoryFingerprint StoryFingerprint::of(std::string_view utf8) {
    std::vector<std::uint64_t> words;
    for_each_word(utf8, [&](const Word& w) { words.push_back(word_hash(normalise(w.text))); });
    return of_words(words);
}

StoryFingerprint StoryFingerprint::of_words(const std::vector<std::uint64_t>& words) {
    StoryFingerprint f;
    // The middle of the text: what a site wraps round a story (its sign-up line, its copyright
    // and links) is at either end, and two stories of one site share all of it.
    const auto edge = static_cast<std::size_t>(static_cast<double>(words.size()) * EdgeShare);
    const auto from = edge, to = words.size() - edge;
    if (to - from < ShingleWords) return f;
    std::unordered_set<std::uint64_t> shingles;
    shingles.reserve(to - from);
    for (std::size_t i = from; i + ShingleWords <= to; ++i) {
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

bool StoryFingerprint::shares_band(const StoryFingerprint& other) const {
    if (empty() || other.empty()) return false;
    for (std::size_t band = 0; band < Bands; ++band) {
        bool agree = true;
        for (std::size_t r = 0; r < Rows && agree; ++r) agree = minima_[band * Rows + r] == other.minima_[band * Rows + r];
        if (agree) return true;
    }
    return false;
}

bool StoryFingerprint::same_story(const StoryFingerprint& other) const {
    if (!shares_band(other)) return false;
    const double r = resemblance(other), c = containment(other);
    const double shared = c * std::min(shingles_, other.shingles_);
    return shared >= MinSharedShingles && r >= LeastResemblance && (r >= SameResemblance || c >= SameContainment);
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
