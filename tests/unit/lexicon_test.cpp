#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/lexicon.hpp"
#include "text/unicode.hpp"

using namespace newsdesk;

// Every list of extract/lexicon/ holds each word once, written as the lookup compares it:
// tokens are matched by text::normalise, so a word that normalises to another of its list is a
// duplicate, and one that normalisation changes can never match.
TEST_CASE("lexicon lists hold each normalised word once", "[extract][lexicon]") {
    const std::filesystem::path dir = std::filesystem::path(NEWSDESK_SOURCE_DIR) / "extract" / "lexicon";
    std::size_t lists = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".txt") continue;
        ++lists;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream file;
        file << in.rdbuf();
        const std::string text = file.str();
        const auto words = entities::lexicon::words_of_list(text);
        INFO(entry.path().filename().string());
        CHECK(!words.empty());
        std::map<std::string, std::string_view> seen;   // normalised -> as written
        for (const auto word : words) {
            INFO(word);
            const auto normal = text::normalise(word);
            CHECK(normal == word);
            const auto [at, fresh] = seen.emplace(normal, word);
            CHECK(fresh);
        }
    }
    CHECK(lists > 0);
}

TEST_CASE("lexicon list files: one word a line, # comments", "[extract][lexicon]") {
    using entities::lexicon::words_of_list;
    CHECK(words_of_list("# a comment\nsaid\n  says  \r\n\ntold # past\n#\n") ==
          std::vector<std::string_view>{"said", "says", "told"});
    CHECK(words_of_list("").empty());
}

TEST_CASE("lexicon lookups read the embedded lists", "[extract][lexicon]") {
    namespace lx = entities::lexicon;
    CHECK(lx::speech_verb("said"));
    CHECK(!lx::speech_verb("ate"));
    CHECK(lx::surname_speech_verb("said"));
    CHECK(!lx::surname_speech_verb("warned"));   // a speech verb, not one of the country rule's
    CHECK(lx::abbreviation("sen"));
}
