#pragma once
// A test set for stories (issue: stories): real articles from ../shared/data/corpora, each with
// versions made the way sites run an agency's copy (a new headline, the site's boilerplate
// before and after, the last paragraph cut, a few words changed, a paragraph moved or added,
// case and punctuation changed, a day later), mixed with the other real articles, which are on
// the same subjects (BBC's stories of one category, Reuters' stories of one day, Wikinews).
// Every draw comes from a fixed seed through our own arithmetic (the standard distributions
// differ between libraries), so the set is the same on every machine.
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/shared_data.hpp"

namespace newsdesk::testing {

struct SyndicatedArticle {
    nlohmann::json article;   // id, title, body, source, date (when the original has one)
    std::string story;        // the original's id: the truth
};

class Draws {
public:
    explicit Draws(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {   // SplitMix64
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }

private:
    std::uint64_t state_;
};

inline std::vector<std::string> split_paragraphs(const std::string& body) {
    // Blank lines part paragraphs; Reuters' hard-wrapped copy indents them instead.
    const std::string separator = body.find("\n\n") != std::string::npos ? "\n\n" : "\n    ";
    std::vector<std::string> out;
    for (std::size_t at = 0; at <= body.size();) {
        auto end = body.find(separator, at);
        if (end == std::string::npos) end = body.size();
        if (end > at) out.push_back(body.substr(at, end - at));
        at = end + separator.size();
    }
    return out;
}

inline std::string join_paragraphs(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
    return out;
}

inline std::size_t word_count(const std::string& text) {
    std::size_t n = 0;
    bool in_word = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// A day later, "YYYY-MM-DD" (the calendar is not needed: the 28th at most moves on).
inline std::string next_day(const std::string& date) {
    if (date.size() != 10) return date;
    const int day = std::stoi(date.substr(8, 2));
    if (day >= 28) return date;
    return date.substr(0, 8) + (day + 1 < 10 ? "0" : "") + std::to_string(day + 1);
}

struct Site {
    const char* name;
    const char* before;   // boilerplate above the story
    const char* after;    // and below it
    const char* added;    // a paragraph of its own
};

inline const std::vector<Site>& sites() {
    static const std::vector<Site> all = {
        {"dailyherald.example", "Advertisement. Sign up for our free morning newsletter and get the day's top stories delivered to your inbox before breakfast.",
         "Copyright 2026 The Daily Herald. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Follow us on social media for breaking news alerts.",
         "Readers can send news tips to our newsroom at any hour; our editors review every message and reply to those with new information."},
        {"metro-wire.example", "Listen to this article. Estimated reading time four minutes.",
         "More from Metro Wire: the biggest stories of the week, our daily podcast, and the puzzles page. Report a correction or send feedback to the standards editor.",
         "This story has been updated with additional reporting from our correspondents and with comment from officials reached late on Monday."},
        {"coastal-times.example", "Breaking news from Coastal Times, your trusted source since 1921.",
         "Subscribe today for unlimited digital access, the e-paper edition and exclusive newsletters. Cancel anytime. Terms apply.",
         "Coastal Times has asked the organisations named in this report for further comment and will publish any response it receives."},
    };
    return all;
}

// A version of `original` as `site` runs it.
inline nlohmann::json syndicated(const nlohmann::json& original, const Site& site, Draws& draw, int n) {
    auto parts = split_paragraphs(original["body"].get<std::string>());
    // A changed headline: sites rewrite it, and some put their name to it.
    std::string title = original["title"].get<std::string>();
    switch (draw.below(3)) {
    case 0: title = "UPDATE " + std::to_string(n) + " - " + title; break;
    case 1: title = title + " | " + site.name; break;
    default: title = "What we know: " + title; break;
    }
    if (parts.size() >= 4 && draw.chance(70)) parts.pop_back();   // the last paragraph cut
    if (parts.size() >= 4 && draw.chance(50)) std::swap(parts[1], parts[2]);   // a paragraph moved
    if (draw.chance(50)) parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(parts.size() / 2), site.added);   // one added
    // A few words changed.
    const std::vector<std::pair<std::string, std::string>> edits = {
        {" said ", " says "}, {" the ", " a "}, {" percent", " per cent"}, {" and ", " & "}, {" has ", " had "},
        {" would ", " will "}, {" on ", " upon "}, {" with ", " alongside "}};
    for (int e = 0; e < 3; ++e) {
        const auto& [from, to] = edits[draw.below(edits.size())];
        auto& p = parts[draw.below(parts.size())];
        if (const auto at = p.find(from); at != std::string::npos) p.replace(at, from.size(), to);
    }
    auto body = join_paragraphs(parts);
    if (draw.chance(30))   // punctuation and case as another desk sets them
        for (std::size_t i = 0; i + 1 < body.size(); ++i)
            if (body[i] == ',' && body[i + 1] == ' ') body[i] = ';';
    body = std::string(site.before) + "\n\n" + body + "\n\n" + site.after;
    nlohmann::json version = {{"id", original["id"].get<std::string>() + "~" + site.name},
                              {"title", title}, {"body", body}, {"source", site.name}};
    if (original.contains("date")) {
        const auto date = original["date"].get<std::string>();
        version["date"] = draw.chance(50) ? next_day(date) : date;
    }
    return version;
}

// The originals: every `stride`-th article of a corpus with at least 80 words, leaving out those
// whose title, opening or close another original already has (the corpora hold some re-sent
// copies of their own, which would count against us as different stories).
inline std::vector<nlohmann::json> originals(const std::string& corpus, std::size_t stride, std::size_t offset,
                                             std::size_t most, std::set<std::string>& seen) {
    std::vector<nlohmann::json> out;
    std::ifstream in(shared_data("data/corpora/" + corpus));
    std::size_t n = 0;
    for (std::string line; std::getline(in, line) && out.size() < most;) {
        if ((n++ + offset) % stride != 0) continue;
        auto j = nlohmann::json::parse(line);
        const auto body = j["body"].get<std::string>();
        if (word_count(body) < 80) continue;
        std::string title;
        for (const char c : j["title"].get<std::string>()) title += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto opening = "<" + body.substr(0, 150), close = ">" + body.substr(body.size() - std::min<std::size_t>(body.size(), 150));
        if (seen.contains(title) || seen.contains(opening) || seen.contains(close)) continue;
        seen.insert({title, opening, close});
        nlohmann::json original = {{"id", j["id"]}, {"title", j["title"]}, {"body", body},
                                   {"source", j.value("source", "")}};
        if (j.contains("date")) original["date"] = j["date"];
        out.push_back(std::move(original));
    }
    return out;
}

// The set: the originals, and one to three versions of each of every other original. The
// development set (part 0) is the one the rules were tuned on; part 1 draws other articles
// and other edits, to hold them to articles they were not tuned on.
inline std::vector<SyndicatedArticle> syndication_set(int part = 0) {
    std::set<std::string> seen;
    std::vector<nlohmann::json> all;
    const auto offset = static_cast<std::size_t>(part);
    for (auto& o : originals("bbc.jsonl", 3, offset + 1, 250, seen)) all.push_back(std::move(o));
    for (auto& o : originals("reuters21578.jsonl", 7, offset + 3, 250, seen)) all.push_back(std::move(o));
    for (auto& o : originals("wikinews-2019-2020.jsonl", 2, offset, 100, seen)) all.push_back(std::move(o));
    std::vector<SyndicatedArticle> set;
    Draws draw(20261206 + static_cast<std::uint64_t>(part) * 7919);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto id = all[i]["id"].get<std::string>();
        set.push_back({all[i], id});
        if (i % 2 == 1) continue;   // half the stories ran once
        const auto versions = 1 + draw.below(3);
        for (std::size_t v = 0; v < versions; ++v)
            set.push_back({syndicated(all[i], sites()[v], draw, static_cast<int>(v) + 1), id});
    }
    return set;
}

} // namespace newsdesk::testing
