#pragma once
// Speaker extraction, stage 3 (its vocabulary): a cue, where the text says that someone said
// something, and a mention, what it says about who: a name run, a title phrase, an organisation
// or a pronoun. Mentions go to attribution (stage 4) as they are.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "extract/name_runs.hpp"

namespace newsdesk::entities {

struct Cue {
    std::size_t segment = 0;
    std::size_t token = 0;    // the reporting word ("said", "according"), or the name for cues
                              // without a verb ("Name: “...”", "“...” ― Name")
    std::string verb;         // lower case: "said", "according to"; empty for cues without a verb
    bool inverted = false;    // the subject follows the verb ('"...," said X')
};

struct Mention {
    // `subject`: a person named as a sentence's subject without a cue ("Williams blamed her
    // injuries."), whom a following "she said" means; `pronoun_it`: "it said", an organisation.
    enum class Kind { name, title, organisation, pronoun, pronoun_it, subject };
    Kind kind = Kind::name;
    Cue cue;
    std::size_t position = 0;         // token of the segment it is ordered by
    TokenRange subject;               // the tokens naming the speaker
    std::string name;                 // a name as written, titles stripped, or an organisation's
    bool titled = false;              // a name after a person's title: "Mr. Ryan", "President Obama"
    bool represented = false;         // named as whom a spokesperson speaks for: an organisation,
                                      // unless the article knows the name as a person's
    std::vector<std::string> titles;  // a title reference ("the Turkish president") ...
    std::string country;              // ... and the country it names
};

// The run as the subject of `cue`: a person's name, a title without a name ("The Iranian
// President also stressed") or an organisation ("the Foreign Ministry"); none for anything else
// or a possessor ("Trump's campaign said").
std::optional<Mention> run_mention(const NameRuns& text, const Cue& cue, TokenRange run, std::size_t position);

// A lower-case title phrase ending at token j: "the Turkish president", "Iran's foreign
// minister", "the President of Turkey". Needs a determiner or a possessive country: "a
// spokesman" is nobody.
std::optional<Mention> title_phrase_ending(const NameRuns& text, const Cue& cue, std::size_t j, std::size_t position);

// The same phrase read forwards from token i ("said the Turkish president").
std::optional<Mention> title_phrase_starting(const NameRuns& text, const Cue& cue, std::size_t i, std::size_t position);

} // namespace newsdesk::entities
