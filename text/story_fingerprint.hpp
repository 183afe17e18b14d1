#pragma once
// A fingerprint of an article's text that two copies of one story share (issue: stories).
//
// Sites that run an agency's story change its headline, wrap it in their own boilerplate, cut
// or add a paragraph and change a few words; every update of a developing story repeats most
// of the one before. What survives all of that is most of the runs of consecutive words. So the
// text is read as shingles (every run of ShingleWords normalised words: case, accents and
// punctuation do not count), and summarised by MinHash: for each of Hashes fixed hash
// functions, the smallest hash of any shingle. Two texts agree on one of those minima with a
// probability equal to the Jaccard resemblance of their shingle sets, so comparing two
// fingerprints estimates it without the texts (Broder, "On the resemblance and containment of
// documents", 1997).
//
// Finding candidates must not cost more as the archive grows: the first Bands * Rows minima are
// cut into Bands bands of Rows, and each band's key goes into the index as a term. Two texts of
// resemblance J share at least one key with probability 1 - (1 - J^Rows)^Bands (0.78 at J = 0.3,
// 0.99 at 0.5), so one lookup per key of a new article finds its copies among millions, and the
// fingerprints then say how close each is. Sixteen bands found 99.1% of the pairs of copies of
// the test set (tests/cli/story_cli_test.cpp) where 32 found 99.4%, at half the terms: a copy
// missed by a band is mostly found through another copy of its story.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::text {

class StoryFingerprint {
public:
    static constexpr std::size_t ShingleWords = 4;
    static constexpr std::size_t Hashes = 64;
    static constexpr std::size_t Rows = 2;
    static constexpr std::size_t Bands = 16;
    static_assert(Bands * Rows <= Hashes);

    // The fingerprint of `utf8`, which must be valid UTF-8. A text of fewer than ShingleWords
    // words has none (empty()): too short to tell a copy from a coincidence.
    static StoryFingerprint of(std::string_view utf8);
    // The same from the text's words as word_hash() gives them, in order: for a caller that
    // reads the words anyway (the indexer), so that the text is segmented once.
    static StoryFingerprint of_words(const std::vector<std::uint64_t>& word_hashes);
    static std::uint64_t word_hash(std::string_view normalised_word);

    bool empty() const { return shingles_ == 0; }
    // How many distinct shingles the text holds.
    std::uint32_t shingles() const { return shingles_; }

    // The estimated Jaccard resemblance of the two texts' shingle sets, 0 to 1; 0 if either
    // fingerprint is empty.
    double resemblance(const StoryFingerprint& other) const;
    // The estimated share of the shorter text's shingles that the other holds, 0 to 1: a copy
    // wrapped in a site's boilerplate, or cut short, is contained in the story, though it
    // resembles it less. Derived from the resemblance and the two sizes.
    double containment(const StoryFingerprint& other) const;

    // Whether the two texts are versions of one story: they share a band key (so each finds
    // the other), and they are close: most of the shorter one is in the other, or the two are
    // mostly the same, and what they share is more than a sentence or a quote.
    bool same_story(const StoryFingerprint& other) const;
    bool shares_band(const StoryFingerprint& other) const;

    // Band `band`'s key (band < Bands): equal for two fingerprints whose minima agree over
    // the band's Rows, different otherwise but for a 2^-64 chance.
    std::uint64_t band_key(std::size_t band) const;

    // A compact form to store with an article, and back; nullopt for what is not one.
    std::string serialise() const;
    static std::optional<StoryFingerprint> parse(std::string_view bytes);

    bool operator==(const StoryFingerprint&) const = default;

private:
    std::array<std::uint32_t, Hashes> minima_{};
    std::uint32_t shingles_ = 0;
};

} // namespace newsdesk::text
