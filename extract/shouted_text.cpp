#include "extract/shouted_text.hpp"

namespace newsdesk::entities {
namespace {

// Of the cased words of a stretch, the share in capitals above which it is shouted, as a
// fraction: two thirds, so that a headline with a mixed-case ticker ("<AMEX>" aside) still counts.
constexpr std::size_t ShoutedNumerator = 2, ShoutedDenominator = 3;

bool starts_stretch(const Token& t) { return t.sentence_start || t.gap.find('\n') != std::string_view::npos; }

} // namespace

std::vector<bool> shouted_tokens(const TokenStream& ts) {
    std::vector<bool> out(ts.size(), false);
    std::size_t begin = 0;
    for (std::size_t i = 1; i <= ts.size(); ++i) {
        if (i < ts.size() && !starts_stretch(ts[i])) continue;
        std::size_t cased = 0, caps = 0, lower = 0;
        for (std::size_t k = begin; k < i; ++k) {
            if (ts[k].lower) ++lower;
            if (ts[k].lower || ts[k].upper) ++cased;
            if (ts[k].all_caps) ++caps;
        }
        if (lower == 0 && caps >= 2 && caps * ShoutedDenominator >= cased * ShoutedNumerator)
            for (std::size_t k = begin; k < i; ++k) out[k] = true;
        begin = i;
    }
    return out;
}

} // namespace newsdesk::entities
