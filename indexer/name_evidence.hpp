#pragma once
// What the archive's evidence makes of the names that share a surname.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace newsdesk {

// The spellings of the names ending in one surname ("Recep Tayyip Erdogan", "Tayyip Erdoğan",
// "Erdogan", "Emine Erdogan"), each with how many articles write it so, and the canonical form
// of any name with that surname. The canonical form is a function of these counts alone,
// never of the order they were counted in: the same archive gives the same values.
//
// - Spellings that fold to the same words (case, accents) are one form of a name, written as
//   its best-supported spelling: one in normal case over one in capitals (a headline's), then
//   the one most articles write, then the first in byte order.
// - Full names (two words or more) are one person when the words of one all occur in the
//   other ("Tayyip Erdogan" in "Recep Tayyip Erdogan"), and so on along such links. A person
//   is written as the full name the archive supports best: the form most articles write (any
//   spelling), then the longer, so that a rare form with a word glued on ("Developer Donald
//   Trump" beside "Donald Trump") neither wins nor splits the person. Two full names neither
//   of which holds the other ("Emine Erdogan") are two people, however alike.
// - The surname alone is the one person the archive knows by it ("Erdogan" -> "Recep Tayyip
//   Erdogan"); when there are two, it could be either and stays what it is, as its own
//   best-supported spelling.
class SurnameEvidence {
public:
    // Sets how many articles write `name` (0 forgets it); `words` are its
    // schema::speaker_name_words(), the last of them this surname.
    void set(const std::string& name, const std::vector<std::string>& words, std::uint64_t articles);
    void add(const std::string& name, const std::vector<std::string>& words) {
        set(name, words, articles(name) + 1);
    }
    std::uint64_t articles(const std::string& name) const;
    // The names known (written by at least one article), in byte order.
    std::vector<std::string> names() const;

    // The canonical form of `name`, whose speaker_name_words() are `words`: a spelling known
    // here, or `name` itself when no known person holds all its words.
    std::string canonical(const std::string& name, const std::vector<std::string>& words);

private:
    struct Spelling {
        std::vector<std::string> words;
        std::uint64_t articles = 0;
    };
    // The spellings that fold to the same words: one form of a name.
    struct Form {
        std::vector<const std::pair<const std::string, Spelling>*> spellings;
        std::size_t words = 0;
        std::size_t person = 0;   // full names: the index in people_
        std::uint64_t articles() const;
    };
    const std::string& shown(const Form& form) const;        // its best-supported spelling
    const std::string& shown(std::size_t person) const;      // its best-supported form's
    // Builds forms_ and people_ from spellings_: which forms there are and which are one
    // person, which only a spelling's coming or going changes. Which spelling and form are
    // shown is read from the counts when asked.
    void weigh();

    std::map<std::string, Spelling> spellings_;
    std::map<std::vector<std::string>, Form> forms_;   // by folded words, built by weigh()
    std::vector<std::vector<const Form*>> people_;     // the full forms of each person
    bool weighed_ = true;
};

} // namespace newsdesk
