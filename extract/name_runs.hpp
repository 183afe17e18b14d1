#pragma once
// Speaker extraction, stage 1: the runs of capitalised words of a segment that may be names
// ("President Barack Obama", "Charles de Gaulle", "Kim Jong-un"), and for each token the run
// and the accepted country match that cover it. Later stages look names up here.
#include <cstddef>
#include <optional>
#include <vector>

#include "extract/speaker_extractor.hpp"

namespace newsdesk::entities {

// Tokens first..last of one segment, inclusive.
struct TokenRange {
    std::size_t first = 0, last = 0;
};

// A capitalised word that can belong to a name run. Speech verbs never do, so that headline
// case ("Obama Says He Will...") does not swallow the verb.
bool name_like(const Token& t);

// For each token, whether its sentence is written in title case: no lower-case word longer than
// the function words title case leaves small ("for", "of", "and").
std::vector<bool> title_case_sentences(const TokenStream& ts);

class NameRuns {
public:
    // `segment` must outlive this.
    explicit NameRuns(const Segment& segment);

    const TokenStream& tokens() const { return segment_.tokens; }
    const Token& token(std::size_t i) const { return segment_.tokens[i]; }
    const std::vector<TokenRange>& runs() const { return runs_; }
    std::optional<TokenRange> run_at(std::size_t i) const;
    std::optional<TokenRange> run_starting_at(std::size_t i) const;
    std::optional<TokenRange> run_ending_at(std::size_t i) const;
    // The accepted country match covering token i (a GeoNames town the article did not
    // confirm is none: "Hassan", "Mary"), or null.
    const CountryMatch* country_at(std::size_t i) const;

private:
    const Segment& segment_;
    std::vector<TokenRange> runs_;
    std::vector<std::optional<std::size_t>> run_of_;       // token -> index in runs_
    std::vector<std::optional<std::size_t>> country_of_;   // token -> index in segment_.countries
};

} // namespace newsdesk::entities
