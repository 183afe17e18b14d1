#include "searcher/field_processors.hpp"

#include <utility>

#include <newsdesk/entities.hpp>
#include "schema/terms.hpp"
#include "searcher/query_tokens.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {
thread_local std::string first_refusal;   // parsing runs on one thread, start to end
} // namespace

Xapian::Query refuse_value(const std::string& message) {
    if (first_refusal.empty()) first_refusal = message;
    return Xapian::Query::MatchNothing;
}

std::string take_refused_value() { return std::exchange(first_refusal, {}); }

Xapian::Query ExactFieldProcessor::operator()(const std::string& value) {
    if (field.unknown_value && field.slot && value == schema::UnknownValue) return without_value(*field.slot);
    return Xapian::Query(schema::exact_term(field, value));
}

Xapian::Query without_value(schema::Slot slot) {
    // Every value is at least "\0"; from "" the range would be every document (Xapian makes it MatchAll).
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                         Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::value_no(slot), std::string(1, '\0')));
}

Xapian::Query NameFieldProcessor::operator()(const std::string& value) {
    if (value.starts_with(ExactValueMark)) {   // quoted: exactly this value, as a facet shows it
        const auto exact = std::string_view{value}.substr(1);
        if (text::words(exact).empty()) return refuse_value(std::string{field.name} + ": needs a name");
        return Xapian::Query(schema::exact_term(field, exact));
    }
    const auto words = text::words(value);
    if (words.empty()) return refuse_value(std::string{field.name} + ": needs a name");
    if (words.size() == 1) return Xapian::Query(schema::word_term(field, words.front().text));
    return Xapian::Query(schema::exact_term(field, value));
}

Xapian::Query CountryFieldProcessor::operator()(const std::string& value) {
    if (value.empty())
        return refuse_value(std::string{field.name} + ": needs a country (a name or ISO code)");
    const auto code = country_code(value);
    if (!code)
        return refuse_value(std::string{field.name} + ":" + value +
                                       ": unknown country (give a name or ISO code)");
    return Xapian::Query(schema::exact_term(field, *code));
}

} // namespace newsdesk
