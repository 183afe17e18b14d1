// Stories kept as articles come, change and go (indexer/story_keeper.hpp), through the public
// Writer and Index: copies of a real story share one story named by the earliest, whatever order
// they come in, in one batch or across commits, in one database or across shards; re-indexing
// keeps it; removing or rewriting its first version leaves the rest one story, named anew.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include <newsdesk/database.hpp>

#include "support/syndication.hpp"
#include "support/temp_dir.hpp"

using namespace newsdesk;
using namespace newsdesk::testing;

namespace {

Article article_of(const nlohmann::json& j) {
    Article a;
    a.id = j["id"];
    a.title = j["title"];
    a.body = j["body"];
    a.source = j.value("source", "");
    a.date = j.value("date", "");
    a.language = "en";
    return a;
}

// Three real BBC stories (the first of business, politics and sport), and versions of the first
// as three sites ran it, dated from 2005-03-01 on: the original the 2nd, the versions the 1st
// (the earliest, so the story is named by it), the 2nd and the 3rd.
struct Fixture {
    std::vector<Article> others, copies;   // copies[0] is the original
};

Fixture fixture() {
    Fixture f;
    std::ifstream in(shared_data("data/corpora/bbc.jsonl"));
    std::map<std::string, nlohmann::json> first;
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        const auto category = j.value("category", "");
        if (!first.contains(category)) first[category] = j;
    }
    REQUIRE(first.size() >= 3);
    auto original = first.at("business");
    original["date"] = "2005-03-02";
    f.copies.push_back(article_of(original));
    Draws draw(7);
    const char* dates[] = {"2005-03-01", "2005-03-02", "2005-03-03"};
    for (int v = 0; v < 3; ++v) {
        auto copy = syndicated(original, sites()[static_cast<std::size_t>(v)], draw, v + 1);
        copy["date"] = dates[v];
        f.copies.push_back(article_of(copy));
    }
    for (const auto* category : {"politics", "sport"}) {
        auto other = first.at(category);
        other["date"] = "2005-03-01";
        f.others.push_back(article_of(other));
    }
    return f;
}

std::map<std::string, std::string> stories(const std::filesystem::path& db, const std::vector<Article>& articles) {
    const auto index = Index::open(db);
    std::map<std::string, std::string> out;
    for (const auto& a : articles) {
        const auto story = index.story(a.id);
        REQUIRE(story);
        out[a.id] = story->story;
    }
    return out;
}

void index_all(const std::filesystem::path& db, std::vector<Article> articles, std::size_t batch) {
    WriterOptions options;
    options.batch_size = batch;
    Writer w(db, options);
    for (auto& a : articles) w.add(std::move(a));
    w.commit();
}

} // namespace

TEST_CASE("stories: versions of one story share it, named by the earliest, in any order and batch", "[stories]") {
    const auto f = fixture();
    std::vector<Article> all = f.copies;
    all.insert(all.end(), f.others.begin(), f.others.end());
    const auto first_copy = f.copies[1].id;   // dated the 1st
    for (const std::size_t batch : {std::size_t{1}, std::size_t{100}}) {
        for (const bool reversed : {false, true}) {
            DYNAMIC_SECTION("batch " << batch << (reversed ? ", reversed" : "")) {
                TempDir dir;
                auto order = all;
                if (reversed) std::reverse(order.begin(), order.end());
                index_all(dir / "db", order, batch);
                const auto s = stories(dir / "db", all);
                for (const auto& c : f.copies) CHECK(s.at(c.id) == first_copy);
                for (const auto& o : f.others) CHECK(s.at(o.id) == o.id);   // a story of its own
                const auto story = Index::open(dir / "db").story(f.copies[0].id);
                REQUIRE(story);
                REQUIRE(story->versions.size() == f.copies.size());
                CHECK(story->versions.front().article.id == first_copy);   // oldest first
                for (const auto& v : story->versions) {
                    CHECK(v.same > 0.6);
                    if (v.article.id == f.copies[0].id) CHECK(v.same == 1.0);
                }
            }
        }
    }
}

TEST_CASE("stories: re-indexing keeps them, and removing or rewriting the first version names the rest anew", "[stories]") {
    const auto f = fixture();
    TempDir dir;
    const auto db = dir / "db";
    index_all(db, f.copies, 100);
    // Dated the 1st; then the original and a copy dated the 2nd, of which the original's id is the smaller.
    const auto first_copy = f.copies[1].id, next = f.copies[0].id;
    REQUIRE(next < f.copies[2].id);

    SECTION("indexed again, in another order") {
        auto again = f.copies;
        std::reverse(again.begin(), again.end());
        index_all(db, again, 1);
        for (const auto& [id, story] : stories(db, f.copies)) CHECK(story == first_copy);
    }
    SECTION("its first version removed") {
        {
            Writer w(db);
            CHECK(w.remove(first_copy));
            w.commit();
        }
        std::vector<Article> rest(f.copies.begin(), f.copies.end());
        std::erase_if(rest, [&](const Article& a) { return a.id == first_copy; });
        for (const auto& [id, story] : stories(db, rest)) CHECK(story == next);
        CHECK_FALSE(Index::open(db).story(first_copy));
    }
    SECTION("its first version rewritten as another story") {
        auto rewritten = f.copies[1];
        rewritten.body = f.others[0].body;
        index_all(db, {rewritten}, 100);
        const auto s = stories(db, f.copies);
        CHECK(s.at(first_copy) == first_copy);   // alone now
        for (const auto& c : f.copies)
            if (c.id != first_copy) CHECK(s.at(c.id) == next);
    }
}

TEST_CASE("stories: versions in different shards are one story", "[stories][sharding]") {
    const auto f = fixture();
    TempDir dir;
    const auto db = dir / "sharded";
    create_sharded_database(db, 3);
    index_all(db, f.copies, 2);
    const auto s = stories(db, f.copies);
    for (const auto& c : f.copies) CHECK(s.at(c.id) == f.copies[1].id);
}

TEST_CASE("stories: a copy indexed in a later run finds its story in the archive", "[stories]") {
    const auto f = fixture();
    TempDir dir;
    const auto db = dir / "db";
    index_all(db, {f.copies[0], f.others[0], f.others[1]}, 100);
    index_all(db, {f.copies[3]}, 100);   // a new writer reads the archive's band keys afresh
    index_all(db, {f.copies[1]}, 100);   // the earliest, last: the story takes its name
    const auto s = stories(db, {f.copies[0], f.copies[1], f.copies[3], f.others[0]});
    CHECK(s.at(f.copies[0].id) == f.copies[1].id);
    CHECK(s.at(f.copies[3].id) == f.copies[1].id);
    CHECK(s.at(f.others[0].id) == f.others[0].id);
}
