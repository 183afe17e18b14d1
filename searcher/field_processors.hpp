#pragma once
// Turn a field's query value into terms exactly as the indexer made them.
#include <xapian.h>

#include "schema/schema.hpp"

namespace newsdesk {

// `source:"Le Monde"`, `lang:fa`, ...: the value's exact term.
struct ExactFieldProcessor : Xapian::FieldProcessor {
    explicit ExactFieldProcessor(const schema::Field& f) : field(f) {}
    Xapian::Query operator()(const std::string& value) override;
    const schema::Field& field;
};

// `speaker:rouhani` (one word: any name containing it) and `speaker:"hassan rouhani"`
// (several words: exactly that name).
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
