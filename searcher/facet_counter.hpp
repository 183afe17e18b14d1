#pragma once
// Exact facet counts over a whole match set, gathered while Xapian matches.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsdesk {

// The spies of one match: Xapian's own ValueCountMatchSpy, one per value slot, shared by the
// facets that count that slot (speaker, person and organisation share two). It is the spy
// xapian-tcpsrv knows, so the same counts come from local databases, stubs and remote shards:
// each shard counts its matches, and Xapian sends and merges the tallies.
class SlotSpies {
public:
    explicit SlotSpies(Xapian::Enquire& enquire) : enquire_(enquire) {}
    // The spy counting `slot`, added to the enquire the first time it is asked for.
    const Xapian::ValueCountMatchSpy* spy(Xapian::valueno slot);

private:
    Xapian::Enquire& enquire_;
    std::map<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>> spies_;   // alive until get_mset() returns
};

// The counts of one facet: the values of one or more slots, each document once per distinct
// value of a slot. A slot may hold several values joined by schema::MultiValueSeparator
// (speakers, countries); the spy counts whole slot contents, and counts() splits each distinct
// content and adds its count to every value in it, which gives exact per-value document counts
// (one slot lists a value once, and a repeated value is counted once anyway).
class FacetCounter {
public:
    struct Count {
        Xapian::doccount documents = 0;
        std::size_t slot_index = 0;   // the first of the slots the value is counted in
    };
    // Looked up by string_view: most split values are already there, and need no copy.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Counts = std::unordered_map<std::string, Count, Hash, std::equal_to<>>;

    FacetCounter(SlotSpies& spies, const std::vector<Xapian::valueno>& slots);
    // Per value, summed over the slots, once the match is done. A document naming a value in
    // two slots (a speaker the input calls a person that extraction also found as an
    // organisation) counts twice: the slots' spies do not see one document's slots together.
    Counts counts() const;

private:
    std::vector<const Xapian::ValueCountMatchSpy*> spies_;
};

} // namespace newsdesk
