#pragma once
// Organisations' names as news writing spells them: whole across the words that join them
// ("Standard and Poor's Corp", "Marsh & McLennan", "Moody's Investors Service Inc", "Sony (U.K.)
// Ltd", "Bank of America"), which cut a run of capitalised words into several.
#include <optional>
#include <string_view>

#include "extract/name_runs.hpp"

namespace newsdesk::entities {

// A run ending in a company's legal form ("Corp", "Co", "Ltd"), after any possessive.
bool ends_in_corporate_suffix(const NameRuns& text, TokenRange run);

// "the Foreign Ministry", "the White House", "Reuters", "NATO", "Tokyo Electric Power Co": a
// capitalised run with an organisation word, a legal form or an acronym, that is not a place or
// a group of people.
bool organisation_run(const NameRuns& text, TokenRange run);

// The whole name of the organisation whose name ends with `run`, read leftwards across "&",
// "and", a possessive, a bracketed place and "of"/"for" after an organisation's head noun;
// `run` itself when nothing joins it (and for people: "Obama and Biden" stay two).
TokenRange organisation_extent(const NameRuns& text, TokenRange run);

// "scientists from the University of Bristol", "Alison Kock of the University of Cape Town": the
// name is the object of a preposition, not a subject.
bool after_preposition(const NameRuns& text, TokenRange whole);

// The first token of the name ending at token `last` whose capitalised words' initials spell
// `abbreviation` ("National Disaster Risk Reduction and Management Council" for NDRRMC), if any.
std::optional<std::size_t> spelled_out(const TokenStream& ts, std::size_t last, std::string_view abbreviation);

} // namespace newsdesk::entities
