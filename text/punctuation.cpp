#include "text/punctuation.hpp"

#include <algorithm>

namespace newsdesk::text {
namespace {

constexpr std::array<std::string_view, 3> DashCharacters{EmDash, HorizontalBar, EnDash};

bool holds(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

} // namespace

bool has_dash(std::string_view text) {
    return std::any_of(DashCharacters.begin(), DashCharacters.end(), [&](std::string_view d) { return holds(text, d); }) ||
           holds(text, SpacedHyphen) || holds(text, SpacedDoubleHyphen);
}

std::size_t first_dash(std::string_view text) {
    std::size_t at = text.find(SpacedHyphen.substr(0, 2));   // a space, then a hyphen
    for (std::string_view d : DashCharacters) at = std::min(at, text.find(d));
    return at;
}

bool is_quotation_mark(char32_t c) {
    return std::any_of(QuotationMarks.begin(), QuotationMarks.end(), [&](const QuotationMark& m) { return m.code == c; });
}

bool has_quotation_mark(std::string_view text) {
    return holds(text, TwoApostrophes) || std::any_of(QuotationMarks.begin(), QuotationMarks.end(),
                                                       [&](const QuotationMark& m) { return holds(text, m.utf8); });
}

std::optional<MarkAtStart> quotation_mark_at_start(std::string_view text) {
    for (const auto& m : QuotationMarks)
        if (text.starts_with(m.utf8)) return MarkAtStart{m.utf8.size(), m.facing};
    if (text.starts_with(TwoApostrophes)) return MarkAtStart{TwoApostrophes.size(), QuoteFacing::either};
    return std::nullopt;
}

} // namespace newsdesk::text
