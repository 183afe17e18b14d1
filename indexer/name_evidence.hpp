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
// - Spellings that fold to the same words (case, accents) are one person, shown as the
//   spelling the archive supports best: one in normal case over one in capitals (a headline's),
//   then the one most articles write, then the first in byte order.
// - A person whose words all occur in a longer person's is that one: "Tayyip Erdogan" is
//   "Recep Tayyip Erdogan". Two people neither of whom holds the other are two ("Emine
//   Erdogan"), however alike.
// - A name settles to the one largest person holding all its words ("Erdogan" to "Recep Tayyip
//   Erdogan" when he is the only Erdogan known); when two hold it, it could be either and stays
//   what it is, shown as its own best spelling.
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
    struct Person {
        std::vector<const std::pair<const std::string, Spelling>*> spellings;
        bool largest = true;   // no other person's words hold all of this one's
    };
    const std::string& shown(const Person& person) const;
    void weigh();   // builds people_ from spellings_

    std::map<std::string, Spelling> spellings_;
    std::map<std::vector<std::string>, Person> people_;   // by folded words, built by weigh()
    bool weighed_ = true;
};

} // namespace newsdesk
