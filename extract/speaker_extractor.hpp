#pragma once
// Finds the people and organisations an article quotes or reports as saying something
// ("X said", "said X", "according to X", '"...," the Turkish president said', "X: “...”") and
// gives each one canonical name: the longest form of that name in the article, titles stripped.
// References by title, surname or pronoun resolve to a person named in the same article;
// nothing is invented from a pronoun or a title alone.
#include <cstddef>
#include <string>
#include <vector>

#include "extract/country_extractor.hpp"
#include "extract/token_stream.hpp"

namespace newsdesk::entities {

// One analysed piece of an article (headline, body), with its country matches: place names and
// demonyms are stripped from or rule out names ("Iranian President Hassan Rouhani", "Iran said").
struct Segment {
    TokenStream tokens;
    std::vector<CountryMatch> countries;
};

// One place where the text says who said something, with its resolved speaker.
struct SpeechCue {
    std::size_t segment = 0;
    std::size_t cue = 0;          // token of the reporting word ("said", "according"), or of the name
                                  // for cues without a verb ("Name: “...”", "“...” ― Name")
    std::size_t subject_first = 0, subject_last = 0;   // tokens naming the speaker
    std::string verb;             // lower case: "said", "according to"; empty for cues without a verb
    std::string speaker;          // canonical name (before the alias table)
    bool organisation = false;
    bool pronoun = false;         // "he said": the speaker is the last person named as speaking before
    bool inverted = false;        // the name follows the verb ('"...," said X')
    bool named_only = false;      // a sentence's subject not said to speak ("Federer was happy
                                  // with his form."): it takes a quote only by where the quote
                                  // stands, and speaks only if it does
};

struct SpeakerFindings {
    struct Name {
        std::string name;
        bool organisation = false;
    };
    std::vector<Name> speakers;   // in order of first appearance, unique
    std::vector<SpeechCue> cues;  // resolved cues in text order (segment, then token)
};

SpeakerFindings extract_speakers(const std::vector<Segment>& segments);

} // namespace newsdesk::entities
