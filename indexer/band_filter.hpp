#pragma once
// Which story band keys a database may hold (StoryKeeper): a Bloom filter, so that the keys an
// archive holds no copy of, nearly all of them, cost no lookup in Xapian's B-trees. Looking up
// every band of every article there made indexing the real articles a fifth slower; the filter
// answers from memory, about ten bits per key, and is wrong only towards a lookup.
#include <cstdint>
#include <vector>

#include "text/fixed_hash.hpp"

namespace newsdesk {

class BandFilter {
public:
    // Empty, with room for `keys` keys at a false-positive rate of about 1%.
    void reset(std::size_t keys) {
        std::size_t bits = 1 << 16;
        while (bits < keys * 10) bits <<= 1;
        bits_.assign(bits / 64, 0);
        mask_ = bits - 1;
        room_ = bits / 10;
        held_ = 0;
    }
    void add(std::uint64_t key) {
        for_each_bit(key, [&](std::size_t bit) { bits_[bit / 64] |= std::uint64_t{1} << (bit % 64); });
        ++held_;
    }
    bool may_hold(std::uint64_t key) const {
        bool all = true;
        for_each_bit(key, [&](std::size_t bit) { all = all && (bits_[bit / 64] >> (bit % 64) & 1); });
        return all;
    }
    // More keys than it has room for: it errs more often, and is best made again, larger.
    bool full() const { return held_ > room_; }

private:
    static constexpr int Probes = 7;
    // Band keys are hashes already; a second hash of one spaces the probes (double hashing).
    template <typename Bit>
    void for_each_bit(std::uint64_t key, Bit bit) const {
        const auto step = text::mix64(key) | 1;
        for (int i = 0; i < Probes; ++i) bit(static_cast<std::size_t>((key + static_cast<std::uint64_t>(i) * step) & mask_));
    }
    std::vector<std::uint64_t> bits_;
    std::size_t mask_ = 0, room_ = 0, held_ = 0;
};

} // namespace newsdesk
