// The story fingerprint (text/story_fingerprint.hpp): copies of one story as sites run them
// resemble it and share band keys with it; other stories on the same subject do not.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "support/shared_data.hpp"
#include "text/story_fingerprint.hpp"

using newsdesk::text::StoryFingerprint;
using namespace newsdesk::testing;

namespace {

// The bodies of BBC's business stories (real articles, read in place), by id.
std::map<std::string, std::string> bbc_business() {
    std::map<std::string, std::string> bodies;
    const auto path = shared_data("data/corpora/bbc.jsonl");
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        if (j.value("category", "") == "business") bodies[j["id"]] = j["body"];
    }
    return bodies;
}

std::vector<std::string> paragraphs(const std::string& body) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < body.size();) {
        auto end = body.find("\n\n", at);
        if (end == std::string::npos) end = body.size();
        out.push_back(body.substr(at, end - at));
        at = end + 2;
    }
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

// How many band keys two fingerprints share: at least one makes them candidates.
std::size_t shared_bands(const StoryFingerprint& a, const StoryFingerprint& b) {
    std::size_t n = 0;
    for (std::size_t band = 0; band < StoryFingerprint::Bands; ++band) n += a.band_key(band) == b.band_key(band);
    return n;
}

std::string replace_word(std::string text, const std::string& word, const std::string& by) {
    const auto at = text.find(word);
    REQUIRE(at != std::string::npos);
    return text.replace(at, word.size(), by);
}

} // namespace

TEST_CASE("story fingerprint: a copy as a site runs it is the same story", "[text][stories]") {
    const auto bodies = bbc_business();
    if (bodies.empty()) return;
    const auto& original = bodies.at("bbc-business-001");
    const auto story = StoryFingerprint::of(original);
    REQUIRE_FALSE(story.empty());

    SECTION("the same text, or with case and punctuation changed") {
        CHECK(story.resemblance(StoryFingerprint::of(original)) == 1.0);
        std::string shouted;   // in capitals, its commas between words made semicolons
        for (std::size_t i = 0; i < original.size(); ++i) {
            const bool comma = original[i] == ',' && i + 1 < original.size() && original[i + 1] == ' ';
            shouted += comma ? ';' : static_cast<char>(std::toupper(static_cast<unsigned char>(original[i])));
        }
        CHECK(story.resemblance(StoryFingerprint::of(shouted)) == 1.0);
    }
    SECTION("wrapped in boilerplate, its last paragraph cut, a few words changed, a paragraph moved") {
        auto parts = paragraphs(original);
        REQUIRE(parts.size() >= 5);
        parts.pop_back();
        std::swap(parts[1], parts[2]);
        parts.insert(parts.begin(), "Subscribe to our newsletter for the latest business news from around the world, "
                                    "delivered to your inbox every morning. Follow us on social media.");
        parts.push_back("Copyright 2005 The Daily Example. All rights reserved. This material may not be published, "
                        "broadcast, rewritten or redistributed. Read more: markets, companies, economy.");
        auto copy = joined(parts);
        copy = replace_word(copy, "jumped", "rose");
        copy = replace_word(copy, "biggest", "largest");
        copy = replace_word(copy, "Friday", "Thursday");
        const auto syndicated = StoryFingerprint::of(copy);
        CAPTURE(story.resemblance(syndicated), story.containment(syndicated), shared_bands(story, syndicated));
        CHECK(story.containment(syndicated) >= 0.6);
        CHECK(syndicated.containment(story) == story.containment(syndicated));
        CHECK(shared_bands(story, syndicated) >= 4);
        CHECK(story.same_story(syndicated));
    }
}

TEST_CASE("story fingerprint: stories that share a standard opening and a quote are not one story", "[text][stories]") {
    const auto bodies = bbc_business();
    if (bodies.empty()) return;
    REQUIRE(bodies.size() >= 2);
    const auto opening = std::string{"LONDON (Newswire) - The following statement was issued on Monday by the finance "
                                     "ministry and is reproduced here as it was received by our newsroom."};
    const auto quote = std::string{"\"We remain committed to a stable and predictable framework for investment, and we "
                                   "will continue to work closely with businesses, unions and international partners to "
                                   "make sure that growth reaches every region of the country,\" the minister said."};
    const auto with_both = [&](const std::string& body) {
        auto parts = paragraphs(body);
        parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(parts.size() / 2), quote);
        parts.insert(parts.begin(), opening);
        return joined(parts);
    };
    auto it = bodies.begin();
    const auto a = StoryFingerprint::of(with_both(it->second));
    const auto b = StoryFingerprint::of(with_both((++it)->second));
    CAPTURE(a.resemblance(b), a.containment(b));
    CHECK_FALSE(a.same_story(b));
    CHECK(a.same_story(StoryFingerprint::of(with_both(bodies.begin()->second))));
}

TEST_CASE("story fingerprint: other stories on the same subject are not the story", "[text][stories]") {
    const auto bodies = bbc_business();
    if (bodies.empty()) return;
    // Every pair of the first 60 business stories (company results, markets, the economy).
    std::vector<StoryFingerprint> prints;
    for (const auto& [id, body] : bodies) {
        if (prints.size() == 60) break;
        prints.push_back(StoryFingerprint::of(body));
    }
    std::size_t pairs = 0, close = 0, candidates = 0;
    for (std::size_t i = 0; i < prints.size(); ++i)
        for (std::size_t j = i + 1; j < prints.size(); ++j) {
            ++pairs;
            close += prints[i].containment(prints[j]) >= 0.5;
            candidates += shared_bands(prints[i], prints[j]) > 0;
        }
    CAPTURE(pairs, close, candidates);
    CHECK(close == 0);
    // Few pairs even become candidates, so checking them costs little.
    CHECK(candidates * 20 < pairs);
}

TEST_CASE("story fingerprint: too short a text has none, and the stored form reads back", "[text][stories]") {
    CHECK(StoryFingerprint::of("").empty());
    CHECK(StoryFingerprint::of("Markets fell.").empty());
    CHECK(StoryFingerprint::of("Markets fell on Monday.").resemblance(StoryFingerprint::of("Markets fell on Monday.")) == 1.0);

    const auto f = StoryFingerprint::of("Shares in the carmaker fell sharply after it warned that profits would be lower.");
    const auto stored = f.serialise();
    REQUIRE(StoryFingerprint::parse(stored).has_value());
    CHECK(*StoryFingerprint::parse(stored) == f);
    CHECK_FALSE(StoryFingerprint::parse("").has_value());
    CHECK_FALSE(StoryFingerprint::parse(stored.substr(1)).has_value());
    auto other_version = stored;
    other_version[0] = 9;
    CHECK_FALSE(StoryFingerprint::parse(other_version).has_value());
}
