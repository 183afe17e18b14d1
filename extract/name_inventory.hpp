#pragma once
// Speaker extraction, stage 2: the people an article names, taken stock of before any cue is
// resolved, so that a surname, a title or "Mr. Lou" can resolve to the fullest name written
// anywhere in the article, before or after it.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/name_runs.hpp"

namespace newsdesk::entities {

class NameInventory {
public:
    explicit NameInventory(const std::vector<NameRuns>& texts);

    // The canonical form of a name as written (titles stripped): the longest form of the names
    // with its first word and surname; for a lone surname, that of the person most often named
    // with it; for a lone word otherwise, the one name starting with it ("Deng" for "Deng
    // Xiaoping", "Mr. Lou" for "Lou Jiwei": family names written first). None for a lone word
    // that no fuller name explains, unless `titled`.
    std::optional<std::string> canonical(const std::string& name, bool titled) const;

    // "Morgan Stanley", "Merrill Lynch": a name read as a person's that the article also writes as
    // the start of a company's name ("Morgan Stanley and Co Inc", "Merrill Lynch Capital
    // Markets Inc") is the company's.
    bool company(const std::string& name) const;

    // An organisation's name in full: "PPI" after "Pensions Policy Institute (PPI)", "BET" after
    // "BET Plc", "the Bank" after "the Bank of England" (the one longer organisation holding its
    // words); none for a head noun alone that no such name explains ("the Commission"); else as
    // it is.
    std::optional<std::string> organisation(const std::string& name) const;

    // A one-word name that no fuller name in the article explains ("Parry said", "Microsoft
    // says it ..."): none when the article also writes the word in lower case or it is known
    // not to be a name; otherwise whether the article treats it as an organisation ("the
    // Bundesbank", "Microsoft says it", "Apple, which") rather than a person ("Parry, who",
    // "Deng said he"). The registry may later resolve a person's lone surname archive-wide.
    struct LoneName {
        bool organisation = false;
        bool person = false;   // the text says so: "he", "Mr", ", who"; else a guess
        std::string name;      // the word, or the company's full name it starts ("LyphoMed Inc")
    };
    std::optional<LoneName> lone_name(const std::string& word) const;

    // "the Turkish president" -> the one person of the article described with these titles (and
    // that country, unless empty); none if nobody or several are.
    std::optional<std::string> resolve_title(const std::vector<std::string>& titles, const std::string& country);

private:
    struct FullName {
        std::string display;
        std::string first, surname;
        std::size_t words = 0;
        int count = 0;
        bool inside = false;   // written inside a sentence at least once, not only leading one
    };
    struct Described {
        std::string name;   // as written
        std::vector<std::string> titles;
        std::string country;
    };
    const FullName* fullest(const std::string& surname, const std::string& first) const;

    // What the article's text says about a single capitalised word, for lone_name().
    struct WordEvidence {
        bool lower = false;             // written in lower case somewhere: a common word
        // Evidence that the word is a name at all: inside a sentence as a name run of its own,
        // after "the" or a title, before ", which" or ", who". A pronoun only tells which kind.
        int named = 0;
        int pronouns = 0;               // "X says it", "X said he": a subject that speaks
        bool described = false;         // after "Hurricane", "Storm": a thing's name
        int organisation = 0, person = 0;
    };
    void note_word_evidence(const TokenStream& ts);
    // A capitalised word the article also writes in lower case ("budget", "troubled").
    bool common_word(const std::string& norm) const;

    std::map<std::string, std::vector<FullName>> by_surname_;   // normalised surname -> names
    std::vector<Described> described_;
    std::unordered_set<std::string> company_prefixes_;   // normalised words of companies' names, 2+ first
    // Lookups that would otherwise scan every name of the article for every mention, so that
    // an article naming thousands of people costs thousands of steps, not millions.
    std::unordered_map<std::string, const FullName*> fullest_;   // surname '\n' first word -> name
    std::unordered_map<std::string, std::string> by_surname_alone_;   // surname -> name
    std::unordered_map<std::string, std::optional<std::string>> by_given_name_;   // none: several
    std::unordered_map<std::string, std::optional<std::string>> by_title_;   // resolve_title()'s answers
    std::unordered_map<std::string, WordEvidence> words_;   // normalised word -> evidence
    std::unordered_map<std::string, std::optional<std::string>> company_by_first_word_;   // none: several
    std::unordered_map<std::string, std::string> abbreviations_;   // normalised "ppi" -> full name
    struct Organisation {
        std::string display;
        std::vector<std::string> words;   // normalised
    };
    std::vector<Organisation> organisations_;   // named two words or more, in text order
};

} // namespace newsdesk::entities
