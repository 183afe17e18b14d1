// An article met again as it was indexed is passed over (article_digest, IndexWriter::unchanged):
// what its digest covers, and when the writer still says "changed".
#include <catch2/catch.hpp>

#include "indexer/article_document.hpp"
#include "indexer/index_writer.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using newsdesk::testing::TempDir;

namespace {

Article harbour(const std::string& id) {
    Article a;
    a.id = id;
    a.title = "Harbour talks";
    a.body = "The harbour master said talks would go on.";
    a.language = "en";
    a.origin = "feed.jsonl:1";
    return a;
}

// `a` as the indexer writes it: its document carries the digest of the article as read.
void write(IndexWriter& w, const Article& a, std::uint64_t digest) {
    auto text = text_document(a);
    set_digest(text, digest);
    w.add(a, std::move(text));
}

} // namespace

TEST_CASE("an article's digest covers every field read and the settings, not where it was read from",
          "[indexer][unchanged]") {
    const auto a = harbour("a1");
    const auto digest = article_digest(a, "settings");
    auto moved = a;
    moved.origin = "other.jsonl:7";
    CHECK(article_digest(moved, "settings") == digest);
    CHECK(article_digest(a, "other settings") != digest);
    const auto changed = [&](auto change) {
        auto b = a;
        change(b);
        return article_digest(b, "settings") != digest;
    };
    CHECK(changed([](Article& b) { b.id = "a2"; }));
    CHECK(changed([](Article& b) { b.title += "."; }));
    CHECK(changed([](Article& b) { b.body += " Later."; }));
    CHECK(changed([](Article& b) { b.date = "2021-05-01"; }));
    CHECK(changed([](Article& b) { b.source = "Wire"; }));
    CHECK(changed([](Article& b) { b.url = "https://example.org/a1"; }));
    CHECK(changed([](Article& b) { b.language = "de"; }));
    CHECK(changed([](Article& b) { b.authors = {"Ann Writer"}; }));
    CHECK(changed([](Article& b) { b.speakers = {"Ann Master"}; }));
    CHECK(changed([](Article& b) { b.countries = {"IR"}; }));
    CHECK(changed([](Article& b) { b.dateline = "Tehran"; }));
    // Pieces do not run together: the same bytes split another way are another article.
    auto x = a, y = a;
    x.title = "ab";
    x.body = "c";
    y.title = "a";
    y.body = "bc";
    CHECK(article_digest(x, "settings") != article_digest(y, "settings"));

    Xapian::Document doc;
    CHECK_FALSE(digest_of(doc));   // an index from before digests: never unchanged
    set_digest(doc, digest);
    CHECK(digest_of(doc) == digest);
}

TEST_CASE("the writer finds an article unchanged only when it is committed with that digest and not changed since",
          "[indexer][unchanged]") {
    TempDir dir;
    IndexWriter w(dir / "db");
    const auto a = harbour("a1");
    const auto digest = article_digest(a, "");
    CHECK_FALSE(w.unchanged("a1", digest));   // not there
    write(w, a, digest);
    CHECK_FALSE(w.unchanged("a1", digest));   // written, not committed: a later version must replace it
    w.commit();
    CHECK(w.unchanged("a1", digest));
    CHECK_FALSE(w.unchanged("a1", digest + 1));
    CHECK_FALSE(w.unchanged("a2", digest));

    SECTION("an article written without a digest is never unchanged") {
        w.add(harbour("a3"));
        w.commit();
        CHECK_FALSE(w.unchanged("a3", article_digest(harbour("a3"), "")));
    }
    SECTION("nor one removed, before or after the commit") {
        REQUIRE(w.remove("a1"));
        CHECK_FALSE(w.unchanged("a1", digest));
        w.commit();
        CHECK_FALSE(w.unchanged("a1", digest));
    }
    SECTION("a replacement carries its own digest") {
        auto b = a;
        b.body += " They did.";
        write(w, b, article_digest(b, ""));
        w.commit();
        CHECK_FALSE(w.unchanged("a1", digest));
        CHECK(w.unchanged("a1", article_digest(b, "")));
    }
}
