#include <catch2/catch.hpp>

#include "schema/terms.hpp"
#include "searcher/query_parser.hpp"

using namespace newsdesk;

namespace {
Xapian::WritableDatabase empty_db() { return Xapian::WritableDatabase("", Xapian::DB_BACKEND_INMEMORY); }
std::string described(const std::string& q) { return parse_query(q, empty_db()).query.get_description(); }
} // namespace

TEST_CASE("query words are normalised like indexed words", "[query]") {
    CHECK(normalise_query("Erdoğan AND İstanbul") == "erdogan AND istanbul");
    CHECK(normalise_query("\u201Cmaximum pressure\u201D") == "\"maximum pressure\"");
    CHECK(normalise_query("source:BBC Sanctions") == "source:BBC sanctions");   // processors normalise values
    CHECK(normalise_query("中华人民共和国") != "中华人民共和国");                 // split into a phrase of words
}

TEST_CASE("the query language maps onto schema terms", "[query]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"sanctions", "Query((Zsanction@1 SYNONYM sanctions))"},
        {"\"maximum pressure\"", "Query((maximum@1 PHRASE 2 pressure@2))"},
        {"iran -israel", "Query(((Ziran@1 SYNONYM iran) AND_NOT (Zisrael@2 SYNONYM israel)))"},
        {"title:election", "Query((ZSelect@1 SYNONYM Selection))"},
        {"speaker:rouhani", "Query(0 * XSPEAKERWORD:rouhani)"},
        {"speaker:\"Hassan Rouhani\"", "Query(0 * XSPEAKER:hassan rouhani)"},
        {"source:\"Le Monde\"", "Query(0 * XSOURCE:le monde)"},
        {"lang:FA", "Query(0 * Lfa)"},
        {"date:2021", "Query(VALUE_RANGE 0 20210101 20211231)"},
        {"date:2020-02", "Query(VALUE_RANGE 0 20200201 20200229)"},
        {"date:2021-05-01..2021-05-31", "Query(VALUE_RANGE 0 20210501 20210531)"},
        {"date:2021..", "Query(VALUE_GE 0 20210101)"},
        {"date:..2020-06", "Query(VALUE_LE 0 20200630)"},
        {"id:Sample-1", "Query(0 * QSample-1)"},
        {"country:Türkiye", "Query(0 * XCOUNTRY:tr)"},
        {"country:IRAN country:us", "Query(0 * (XCOUNTRY:ir AND XCOUNTRY:us))"},
    };
    for (const auto& [input, expected] : cases) {
        INFO(input);
        CHECK(described(input) == expected);
    }
}

TEST_CASE("malformed queries are refused with a position", "[query]") {
    auto position = [](const std::string& q) {
        try {
            parse_query(q, empty_db());
        } catch (const QueryError& e) {
            return e.position;
        }
        return std::string::npos - 1;   // not refused
    };
    CHECK(position("\"maximum pressure") == 0);
    CHECK(position("iran (sanctions OR oil") == 5);
    CHECK(position("iran)") == 4);
    CHECK(position("oil nosuchfield:x") == 4);
    CHECK(position("date:2021-13") == std::string::npos);          // from the date processor, no position
    CHECK(position("date:2021-05..2021-01") == std::string::npos);
    CHECK(position("AND") == std::string::npos);
    CHECK(position("country:atlantis") == std::string::npos);
    // Refused under a leading '-' too (this once crashed inside Xapian's parser).
    CHECK(position("-date:2") == std::string::npos);
    CHECK(position("oil -country:atlantis") == std::string::npos);
    CHECK(position("-date:2021..2020") == std::string::npos);
    CHECK(position("http://example.org") == std::string::npos - 1);   // not a field: fine
}

TEST_CASE("an empty query matches everything", "[query]") {
    CHECK(described("  ") == "Query(<alldocuments>)");
}
