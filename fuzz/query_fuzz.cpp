// libFuzzer target: the query language. A query comes from the command line as any bytes;
// parse_query either returns a query or throws newsdesk::QueryError (reported to the user,
// exit code 2). Any other exception escaping is a bug, and so is one thrown by running the
// parsed query, a parsed query larger than the limits allow, or a scan that skips a byte. The database is in memory and holds two articles and their quote records, so
// that wildcards have terms to expand to.
#include <cstddef>
#include <cstdint>
#include <string>

#include <xapian.h>

#include <newsdesk/article.hpp>
#include "indexer/article_document.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/query_tokens.hpp"
#include "check.hpp"

namespace {

const Xapian::Database& database() {
    static const Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase w("", Xapian::DB_BACKEND_INMEMORY);
        newsdesk::Article a;
        a.id = "a1";
        a.title = "Sanctions tighten on oil exports";
        a.body = "Tehran (IP) \u2013 \"Maximum pressure has failed,\" Hassan Rouhani said on Tuesday.";
        a.date = "2021-05-16";
        a.source = "Harbour Times";
        a.language = "en";
        a.dateline = "Tehran";
        a.speakers = {"Hassan Rouhani"};
        a.countries = {"IR", "US"};
        a.country_mentions = {{"IR", 2, true, true}, {"US", 1, false, false}};
        a.quotes = {{"Hassan Rouhani", "Maximum pressure has failed", "said", 14, true}};
        newsdesk::Article b;
        b.id = "b2";
        b.title = "T\u00fcrkiye ve \u0130ran ticaret anla\u015fmas\u0131 imzalad\u0131";
        b.body = "Ankara \u2013 Erdo\u011fan \u00fclkeler aras\u0131ndaki ticaretin artaca\u011f\u0131n\u0131 s\u00f6yledi.";
        b.date = "2019-03-12";
        b.language = "tr";
        b.countries = {"TR", "IR"};
        for (const auto* art : {&a, &b}) {
            w.add_document(newsdesk::to_document(*art));
            for (const auto& doc : newsdesk::to_quote_documents(*art)) w.add_document(doc);
        }
        w.commit();
        return w;
    }();
    return db;
}

void run(const std::string& text, newsdesk::QueryTarget target) {
    try {
        const auto parsed = newsdesk::parse_query(text, database(), "en", target);
        // Bounded: up to 1,000 words of up to 17 terms each (a stem and 16 exact forms) and
        // 10,000 words from wildcards; a repeated word once cost the square of its count.
        NEWSDESK_FUZZ_CHECK(parsed.query.get_length() <= 1000 * 17 + 10000);
        Xapian::Enquire enquire(database());
        enquire.set_query(parsed.query);
        (void)enquire.get_mset(0, 10);
    } catch (const newsdesk::QueryError&) {
        // the expected answer to a query that cannot be parsed
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)database();
    return 0;
}

// The scan covers the query: its tokens follow each other from the first byte to the last.
void scan(const std::string& text) {
    try {
        const auto scanned = newsdesk::scan_query(text);
        std::size_t next = 0;
        for (const auto& token : scanned.tokens) {
            NEWSDESK_FUZZ_CHECK(token.offset == next && token.length > 0);
            next = token.offset + token.length;
        }
        NEWSDESK_FUZZ_CHECK(next == text.size());
    } catch (const newsdesk::QueryError& e) {
        NEWSDESK_FUZZ_CHECK(e.position < text.size() || e.position == std::string::npos);
    }
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    scan(text);
    run(text, newsdesk::QueryTarget::Articles);
    run(text, newsdesk::QueryTarget::Quotes);
    return 0;
}
