#include "searcher/field_processors.hpp"

#include <newsdesk/entities.hpp>
#include "schema/terms.hpp"
#include "schema/text.hpp"

namespace newsdesk {

Xapian::Query ExactFieldProcessor::operator()(const std::string& value) {
    return Xapian::Query(schema::exact_term(field, value));
}

Xapian::Query NameFieldProcessor::operator()(const std::string& value) {
    const auto words = text::words(value);
    if (words.empty()) throw Xapian::QueryParserError(std::string{field.name} + ": needs a name");
    if (words.size() == 1) return Xapian::Query(schema::word_term(field, words.front().text));
    return Xapian::Query(schema::exact_term(field, value));
}

Xapian::Query CountryFieldProcessor::operator()(const std::string& value) {
    if (value.empty())
        throw Xapian::QueryParserError(std::string{field.name} + ": needs a country (a name or ISO code)");
    const auto code = country_code(value);
    if (!code)
        throw Xapian::QueryParserError(std::string{field.name} + ":" + value +
                                       ": unknown country (give a name or ISO code)");
    return Xapian::Query(schema::exact_term(field, *code));
}

} // namespace newsdesk
