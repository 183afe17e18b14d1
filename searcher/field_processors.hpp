#pragma once
// Turn a field's query value into terms exactly as the indexer made them.
#include <xapian.h>

#include "schema/schema.hpp"

namespace newsdesk {

// Processors never throw through Xapian's parser: an exception from one, under a leading '-',
// made the parser free memory twice. A processor that refuses a value records why and matches
// nothing; parse_query() then reports the first refusal as a QueryError.
Xapian::Query refuse_value(const std::string& message);
std::string take_refused_value();   // the first refusal since the last call, or empty

// The documents without a value in `slot`: `lang:unknown`, `date:unknown` (schema::UnknownValue).
Xapian::Query without_value(schema::Slot slot);

// `source:"Le Monde"`, `lang:fa`, ...: the value's exact term.
struct ExactFieldProcessor : Xapian::FieldProcessor {
    explicit ExactFieldProcessor(const schema::Field& f) : field(f) {}
    Xapian::Query operator()(const std::string& value) override;
    const schema::Field& field;
};

// `speaker:rouhani` (a bare word: any name containing it) and `speaker:"Hassan Rouhani"`,
// `speaker:"Rouhani"` (quoted: exactly that name, as a facet value gives it).
struct NameFieldProcessor : Xapian::FieldProcessor {
    explicit NameFieldProcessor(const schema::Field& f) : field(f) {}
    Xapian::Query operator()(const std::string& value) override;
    const schema::Field& field;
};

// `country:tr`, `country:Turkey`, `country:Türkiye`, `country:turkish` (and focus:, ...).
struct CountryFieldProcessor : Xapian::FieldProcessor {
    explicit CountryFieldProcessor(const schema::Field& f) : field(f) {}
    Xapian::Query operator()(const std::string& value) override;
    const schema::Field& field;
};

} // namespace newsdesk
