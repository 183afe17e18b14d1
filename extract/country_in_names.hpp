#pragma once
// A country word can be part of another name and then names no country: a company's ("Rhodes
// Inc", "Swiss Bank Corp"), a ticker or company in a wire's angle brackets ("Rockwell <ROK>"), a
// person's ("Sheikh Ali al-Khalifa al-Sabah", "President Leon Febres Cordero"), a street's
// ("Palestine Avenue"), or a foreign-language name inside an English one ("Credit Suisse").
// Each check looks only at the tokens around a match (first..last, inclusive): rules of how news
// writes such names, not lists of them.
#include <cstddef>

#include "extract/token_stream.hpp"

namespace newsdesk::entities {

// Tokens first..last lie between "<" and ">" on one line: wires bracket a company's name or its
// ticker ("Rockwell International Corp <ROK>", "<Bank of Montreal>").
bool in_angle_brackets(const TokenStream& ts, std::size_t first, std::size_t last);

// The match ending at `last` starts or continues a capitalised run that ends in a legal form
// (corporate_suffixes.txt: "Rhodes Inc", "Toshiba Information Systems (U.K.) Ltd"). A possessive
// match owns the company rather than naming it ("Britain's Imperial Chemical Industries Plc").
bool in_company_name(const TokenStream& ts, std::size_t last);

// The match, perhaps with up to two more capitalised words, names a street (street_words.txt:
// "Palestine Avenue", "Indian Lake Road").
bool in_street_name(const TokenStream& ts, std::size_t last);

// The match is followed by a route's number, as American roads are named ("U.S. 79", "Texas
// 19"): the caller decides for which countries and places.
bool before_route_number(const TokenStream& ts, std::size_t last);

// The match is the home town of an American politician's party-and-home tag: "Sen. Tom Jensen,
// R-London", "(D-Charleston)": a town in the United States, whatever else it names.
bool party_and_home(const TokenStream& ts, std::size_t first);

// The one-word match is part of a person's name, on cues strong enough that the article's other
// uses of the word name the person too: a given name after a personal title ("Mayor London
// Breed", "President Leon Febres Cordero"), a surname after a title or a middle initial ("Irvin
// E. Rhodes"), a given name before a surname and an age ("Sydney McClain, 42,"), a name after a
// family tie ("her daughter, Brittany,"), or a name joined to an Arabic particle ("al-Sabah").
bool in_person_name(const TokenStream& ts, std::size_t first, std::size_t last);

// A name that only another language gives the country, written against another capitalised
// word: part of a name in that language ("Credit Suisse First Boston", "Petit Cambodge").
bool foreign_name_in_name(const TokenStream& ts, std::size_t first, std::size_t last);

} // namespace newsdesk::entities
