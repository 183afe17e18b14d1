#include <catch2/catch.hpp>

#include <chrono>

#include "schema/terms.hpp"
#include "text/unicode.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/query_tokens.hpp"

using namespace newsdesk;

namespace {
Xapian::WritableDatabase empty_db() { return Xapian::WritableDatabase("", Xapian::DB_BACKEND_INMEMORY); }
std::string described(const std::string& q) { return parse_query(q, empty_db()).query.get_description(); }
} // namespace

TEST_CASE("query words are normalised like indexed words", "[query]") {
    CHECK(normalise_query("Erdoğan AND İstanbul") == "erdogan AND istanbul");
    CHECK(normalise_query("\u201Cmaximum pressure\u201D") == "\"maximum pressure\"");
    CHECK(normalise_query("source:BBC Sanctions") == "source:BBC sanctions");   // processors normalise values
    CHECK(normalise_query("中华人民共和国") == "\"中华 人民 共和国\"");           // split into a phrase of words
}

TEST_CASE("the query language maps onto schema terms", "[query]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"sanctions", "Query((Zsanction@1 SYNONYM sanctions))"},
        {"\"maximum pressure\"", "Query((maximum@1 PHRASE 2 pressure@2))"},
        {"iran -israel", "Query(((Ziran@1 SYNONYM iran) AND_NOT (Zisrael@2 SYNONYM israel)))"},
        {"title:election", "Query((ZSelect@1 SYNONYM Selection))"},
        {"speaker:rouhani", "Query(0 * XSPEAKERWORD:rouhani)"},
        {"speaker:\"Hassan Rouhani\"", "Query(0 * XSPEAKER:hassan rouhani)"},
        {"speaker:\"Rouhani\"", "Query(0 * XSPEAKER:rouhani)"},   // quoted: exactly that name
        {"organisation:\"Corp\"", "Query(0 * XORG:corp)"},
        {"organisation:corp", "Query(0 * XORGWORD:corp)"},
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

namespace {

// A database whose one document holds 12,000 distinct words qzw0 ... qzw11999: qzw1* expands
// to 1,111 + 1,000 + 1,000 (qzw1, qzw10..qzw19, qzw100..qzw199, qzw1000..qzw1999) = 3,111,
// qzw2* to qzw9* to 1,111 each.
const Xapian::WritableDatabase& many_words_db() {
    static const Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase w("", Xapian::DB_BACKEND_INMEMORY);
        Xapian::Document doc;
        for (int i = 0; i < 12000; ++i) doc.add_term("qzw" + std::to_string(i));
        w.add_document(doc);
        return w;
    }();
    return db;
}

// Where `q` is refused, or npos - 1 when it is not.
std::size_t refused_at(const std::string& q, const Xapian::Database& db, std::string* message = nullptr) {
    try {
        parse_query(q, db);
    } catch (const QueryError& e) {
        if (message) *message = e.what();
        return e.position;
    }
    return std::string::npos - 1;
}

// Every separator Xapian's parser reads between words, each with what joins `n` words.
const std::vector<std::pair<std::string, std::string>> separators = {
    {"space", " "}, {"comma", ","}, {"semicolon", ";"}, {"brackets", ")("}, {"plus", " +"}, {"bar", "|"},
    {"no-break space", "\u00A0"}, {"ideographic space", "\u3000"}, {"em space", "\u2003"}, {"tab", "\t"},
};

std::string joined(const std::vector<std::string>& words, const std::string& separator, const std::string& open = "",
                   const std::string& close = "") {
    std::string q = open;
    for (std::size_t i = 0; i < words.size(); ++i) q += (i ? separator : "") + words[i];
    return q + close;
}

} // namespace

TEST_CASE("a repeated word costs each occurrence a few terms, not one per occurrence", "[query]") {
    // Each occurrence of a stemmed word was widened to every occurrence's exact form: `the`
    // 120 times made 14,520 terms (3.9 s to search), 250 times 62,750 (67 s, 680 MB).
    for (const auto& [name, separator] : separators) {
        INFO(name);
        const auto q = joined(std::vector<std::string>(300, "the"), separator, separator == ")(" ? "(" : "",
                              separator == ")(" ? ")" : "");
        const auto parsed = parse_query(q, empty_db());
        CHECK(parsed.query.get_length() <= 2 * 300);   // Zthe and the, per occurrence
        CHECK(parsed.query.get_length() >= 300);
    }
    // Different words with one stem: each occurrence matches its stem and the words it came from.
    std::vector<std::string> forms;
    for (int i = 0; i < 100; ++i)
        for (const char* w : {"sanction", "sanctions", "sanctioned", "sanctioning"}) forms.emplace_back(w);
    CHECK(parse_query(joined(forms, " "), empty_db()).query.get_length() <= 400 * 5);
    CHECK(described("sanctions sanctioned") ==
          "Query(((Zsanction@1 SYNONYM sanctions SYNONYM sanctioned) AND (Zsanction@2 SYNONYM sanctions SYNONYM sanctioned)))");
}

TEST_CASE("the limit of 1000 words counts every separator the parser reads", "[query]") {
    std::vector<std::string> words;
    for (int i = 0; i < 1001; ++i) words.push_back("w" + std::to_string(i));
    for (const auto& [name, separator] : separators) {
        INFO(name);
        const auto open = separator == ")(" ? std::string("(") : std::string();
        const auto q = joined(words, separator, open, open.empty() ? "" : ")");
        std::string message;
        // Refused at the 1001st word.
        CHECK(refused_at(q, empty_db(), &message) == q.find("w1000"));
        CHECK(message == "too long: more than 1000 words");
        const std::vector<std::string> thousand(words.begin(), words.end() - 1);
        CHECK(refused_at(joined(thousand, separator, open, open.empty() ? "" : ")"), empty_db()) == std::string::npos - 1);
    }
    // Words joined into a phrase (u.s.a), and the words ICU finds in unspaced scripts, count too.
    CHECK(refused_at(joined(words, "."), empty_db()) == joined(words, ".").find("w1000"));
    std::string chinese, half;
    while (text::words(chinese).size() < 1000) chinese += "\u4E2D\u56FD\u4EBA\u6C11";   // 中国人民
    CHECK(refused_at("oil " + chinese, empty_db()) == 4);
    while (text::words(half).size() < 500) half += "\u4E2D\u56FD\u4EBA\u6C11";
    CHECK(refused_at("oil " + half, empty_db()) == std::string::npos - 1);
}

TEST_CASE("the wildcard limit counts every wildcard however separated", "[query]") {
    const auto& db = many_words_db();
    // qzw1* ... qzw9*: 3,111 + 8 x 1,111 words; qzw8* takes the count past 10,000.
    std::vector<std::string> wildcards;
    for (int d = 1; d <= 9; ++d) wildcards.push_back("qzw" + std::to_string(d) + "*");
    for (const auto& [name, separator] : separators) {
        INFO(name);
        const auto open = separator == ")(" ? std::string("(") : std::string();
        const auto q = joined(wildcards, separator, open, open.empty() ? "" : ")");
        std::string message;
        CHECK(refused_at(q, db, &message) == q.find("qzw8*"));
        CHECK(message == "'qzw8*' matches too many words (the wildcards of a query may expand to 10000 in all): "
                         "give more letters");
        // Below the limit the wildcards are expanded: exactly their words, once each.
        const std::vector<std::string> two(wildcards.begin(), wildcards.begin() + 2);
        CHECK(parse_query(joined(two, separator, open, open.empty() ? "" : ")"), db).query.get_length() == 3111 + 1111);
    }
    // The same under a field, and in a group under a field.
    CHECK(refused_at("qzw*", db) == 0);
    CHECK(refused_at("oil OR (QZW*)", db) == 8);
    CHECK(refused_at("x title:(qzw1* qzw2*)", db) == std::string::npos - 1);   // titles hold no qzw words
    // Every wildcard Xapian's parser made is counted again while it is expanded, so the limit
    // holds even for one the scan did not see.
    const auto wildcard = [](const std::string& pattern) {
        return Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, 0, Xapian::Query::WILDCARD_LIMIT_ERROR,
                             Xapian::Query::OP_SYNONYM);
    };
    const Xapian::Query two(Xapian::Query::OP_OR, wildcard("qzw1"), wildcard("qzw2"));
    CHECK(expand_wildcards(two, db).get_length() == 3111 + 1111);
    const Xapian::Query nine(Xapian::Query::OP_AND, two, wildcard("qzw"));
    try {
        expand_wildcards(nine, db);
        FAIL("not refused");
    } catch (const QueryError& e) {
        CHECK(e.position == std::string::npos);
        CHECK(std::string(e.what()).starts_with("the wildcards match too many words"));
    }
    // A word with an infix is one word, and can be a wildcard; text split into words is a phrase.
    CHECK(refused_at("qzw'1*", db) == std::string::npos - 1);
    CHECK(scan_query("don't*").tokens.at(0).kind == QueryToken::Kind::Wildcard);
    CHECK(scan_query("\u4E2D\u56FD.qzw*").tokens.back().kind == QueryToken::Kind::Wildcard);
    // Not a wildcard: inside a phrase, and the value of an exact field.
    CHECK(refused_at("\"qzw* many\"", db) == std::string::npos - 1);
    CHECK(refused_at("id:qzw*", db) == std::string::npos - 1);
}

TEST_CASE("one scan: tokens know their offset, field and kind", "[query]") {
    using Kind = QueryToken::Kind;
    const auto scanned = scan_query("title:(Élection* \"a b\") source:\"Le Monde\" -x AND y\u00A0z");
    std::vector<std::tuple<Kind, std::size_t, std::string, std::string>> seen;   // kind, offset, field, text
    for (const auto& t : scanned.tokens)
        if (t.kind != Kind::Space)
            seen.emplace_back(t.kind, t.offset, t.field ? std::string{t.field->name} : "", t.text);
    const std::vector<std::tuple<Kind, std::size_t, std::string, std::string>> expected = {
        {Kind::FieldName, 0, "title", "title:"},  {Kind::Open, 6, "", "("},
        {Kind::Wildcard, 7, "title", "election*"}, {Kind::Quote, 18, "", "\""},
        {Kind::Word, 19, "title", "a"},            {Kind::Word, 21, "title", "b"},
        {Kind::Quote, 22, "", "\""},               {Kind::Close, 23, "", ")"},
        {Kind::FieldName, 25, "source", "source:"}, {Kind::Value, 32, "source", "\"Le Monde\""},
        {Kind::Other, 43, "", "-"},                {Kind::Word, 44, "", "x"},
        {Kind::Operator, 46, "", "AND"},           {Kind::Word, 50, "", "y"},
        {Kind::Word, 53, "", "z"},
    };
    CHECK(seen == expected);
    CHECK(scanned.text == "title:(election* \"a b\") source:\"Le Monde\" -x AND y\u00A0z");
    // Normalising a word never adds syntax: NFKC makes "⑴" "(1)".
    CHECK(normalise_query("x\u2474y") == "x 1 y");
    CHECK(normalise_query("don\u2019t") == "don't");
    // A word keeps what its normalised form keeps, as the indexer's words do: ‘ and ＇ are '.
    CHECK(normalise_query("oil\u2018s oil\uFF07s") == "oil's oil's");
    CHECK(described("oil\u2018s") == "Query((Zoil@1 SYNONYM oil's))");
    // An exact value ends at ')': one with brackets in it needs quotes.
    std::string message;
    CHECK(refused_at("source:a(b)", empty_db(), &message) == 7);
    CHECK(message == "a value with brackets needs quotes: source:\"a(b)\"");
    CHECK(described("source:\"a(b)\"") == "Query(0 * XSOURCE:a(b))");
}

TEST_CASE("date ranges are read without Xapian's range scan, which was quadratic", "[query]") {
    // With a range processor set, Xapian's parser scans ahead for ".." from every word and
    // punctuation mark of a query holding "..": 40,000 commas and a range took 25 s.
    const auto started = std::chrono::steady_clock::now();
    CHECK(described(std::string(40000, ',') + " date:2021..") == "Query(VALUE_GE 0 20210101)");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    // A period and a range are one date filter: either matches, as two periods do.
    CHECK(described("date:2019 date:2021..") == "Query(0 * (VALUE_RANGE 0 20190101 20191231 OR VALUE_GE 0 20210101))");
    CHECK(described("oil date:2021-05-01..2021-05-31") ==
          "Query(((Zoil@1 SYNONYM oil) FILTER VALUE_RANGE 0 20210501 20210531))");
    // ".." outside a date is punctuation (it was refused as an "Unknown range operation").
    CHECK(described("wait... what") == "Query(((Zwait@1 SYNONYM wait) AND (Zwhat@2 SYNONYM what)))");
}
