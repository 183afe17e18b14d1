#include "extract/name_inventory.hpp"

#include <algorithm>

#include "extract/lexicon.hpp"
#include "extract/organisation_names.hpp"
#include "extract/person_names.hpp"
#include "text/unicode.hpp"

namespace newsdesk::entities {

// The organisations of an article a short mention is compared with: far more than news names,
// so that a list of thousands costs a bounded scan per mention.
constexpr std::size_t MaxOrganisationsKept = 256;

NameInventory::NameInventory(const std::vector<NameRuns>& texts) {
    // surname '\n' display -> index in its list
    std::unordered_map<std::string, std::size_t> full_name_at;
    for (const auto& text : texts) note_word_evidence(text.tokens());
    for (const auto& text : texts) {
        for (const auto run : text.runs()) {
            // ("Company also said": a legal form alone names no company)
            if (ends_in_corporate_suffix(text, run) && organisation_extent(text, run).last > run.first) {
                const auto whole = organisation_extent(text, run);
                std::string prefix;
                for (std::size_t k = whole.first; k <= whole.last; ++k) {
                    if (!prefix.empty()) prefix += ' ';
                    prefix += strip_possessive(text.token(k).norm);
                    if (k > whole.first) company_prefixes_.insert(prefix);
                }
                // "LyphoMed said" after "LyphoMed Inc", "Ericsson said" after "L.M. Ericsson
                // Telephone Co": the company, if only one starts so
                std::size_t from = whole.first;
                while (from < whole.last && text.token(from).norm == "the") ++from;
                std::size_t key = from;
                while (key < whole.last && text.token(key).raw.find('.') != std::string_view::npos) ++key;
                const auto [at, fresh] =
                    company_by_first_word_.try_emplace(std::string{strip_possessive(text.token(key).norm)},
                                                       written_name(text.tokens(), {from, whole.last}));
                if (!fresh && at->second && *at->second != written_name(text.tokens(), {from, whole.last}))
                    at->second.reset();
            }
            // the article's organisations, which a shorter mention may mean ("the Bank")
            if (ends_in_corporate_suffix(text, run) || organisation_run(text, run)) {
                auto whole = organisation_extent(text, run);
                // "the Bank of England", "the Ministry of Foreign Affairs": what follows the head
                const auto& ts = text.tokens();
                while (whole.last + 2 < ts.size() && ts[whole.last + 1].norm == "of" &&
                       lexicon::generic_organisation_word(strip_possessive(ts[whole.last].norm)) &&
                       gap_is_space(ts[whole.last + 1].gap) && gap_is_space(ts[whole.last + 2].gap)) {
                    const auto next = text.run_starting_at(whole.last + 2);
                    if (!next) break;
                    whole.last = next->last;
                }
                std::size_t from = whole.first;
                while (from < whole.last && text.token(from).norm == "the") ++from;
                if (whole.last > from) {
                    Organisation o{written_name(text.tokens(), {from, whole.last}), {}};
                    for (std::size_t k = from; k <= whole.last; ++k)
                        o.words.emplace_back(strip_possessive(text.token(k).norm));
                    if (organisations_.size() < MaxOrganisationsKept) organisations_.push_back(std::move(o));
                }
            }
            // "The Pensions Policy Institute (PPI) said": the abbreviation names the organisation
            if (const auto l = run.last; l + 1 < text.tokens().size() && text.token(l + 1).all_caps &&
                                         gap_has(text.token(l + 1).gap, "(") &&
                                         gap_has(text.tokens().gap_after(l + 1), ")")) {
                if (const auto named = spelled_out(text.tokens(), l, text.token(l + 1).raw))
                    abbreviations_.try_emplace(text.token(l + 1).norm, written_name(text.tokens(), {*named, l}));
            }
            const auto v = read_person(text, run);
            if (!v.name) continue;
            auto name = *v.name;
            // A word the article also writes in lower case starts no name: "Troubled Marsh under
            // SEC scrutiny" (no given name), "Office of Management and Budget James Miller"
            if (common_word(text.token(name.first).norm)) {
                if (name.last - name.first >= 2) ++name.first;
                else if (name.last > name.first && text.token(name.first).sentence_start) continue;
            }
            const std::size_t words = name.last - name.first + 1;
            const std::string display = written_name(text.tokens(), name);
            if (words >= 2) {
                const std::string surname{strip_possessive(text.token(name.last).norm)};
                auto& list = by_surname_[surname];
                const auto [at, fresh] = full_name_at.try_emplace(surname + '\n' + display, list.size());
                const bool inside = !text.token(name.first).sentence_start;
                if (fresh) list.push_back(FullName{display, text.token(name.first).norm, surname, words, 1, inside});
                else ++list[at->second].count;
                if (!fresh && inside) list[at->second].inside = true;
            }
            if (!v.titles.empty()) described_.push_back(Described{display, v.titles, v.country});
        }
    }
    for (const auto& [surname, list] : by_surname_) {
        for (const auto& f : list) {
            // the longest form of the names with this surname and first word (of those the same
            // length, the longest written)
            auto& best = fullest_[surname + '\n' + f.first];
            if (best == nullptr || f.words > best->words ||
                (f.words == best->words && f.display.size() > best->display.size()))
                best = &f;
            // "Mr. Lou" for "Lou Jiwei": first word -> the one name starting with it
            const auto [at, fresh] = by_given_name_.try_emplace(f.first, f.display);
            if (!fresh && at->second && *at->second != f.display) at->second.reset();
        }
    }
    for (const auto& [surname, list] : by_surname_) {
        // the person most often named with this surname, in their longest form
        std::unordered_map<std::string, int> per_first;
        for (const auto& f : list) per_first[f.first] += f.count;
        const std::string* top = &list.front().first;
        for (const auto& f : list)
            if (per_first[f.first] > per_first[*top]) top = &f.first;
        by_surname_alone_[surname] = fullest(surname, *top)->display;
    }
}

const NameInventory::FullName* NameInventory::fullest(const std::string& surname, const std::string& first) const {
    const auto it = fullest_.find(surname + '\n' + first);
    return it == fullest_.end() ? nullptr : it->second;
}

std::optional<std::string> NameInventory::canonical(const std::string& name, bool titled) const {
    const auto ws = tokenise(name);
    if (ws.size() == 0) return std::nullopt;
    // "Office of Management and Budget James Miller": a word the article writes in lower case
    // does not start a name of three words
    // ("Food-N-Fuel": three words and no space, nothing to drop)
    if (const auto space = name.find(' '); ws.size() >= 3 && common_word(ws[0].norm) && space != std::string::npos)
        return canonical(name.substr(space + 1), titled);
    const std::string surname{strip_possessive(ws[ws.size() - 1].norm)};
    const std::string first = ws[0].norm;
    if (ws.size() >= 2) {
        const FullName* best = fullest(surname, first);
        if (best == nullptr) return name;
        // "Certainly Donald Trump": a capitalised word that only ever leads a sentence, before a
        // name the article also writes without it
        if (best->words >= 3 && !best->inside) {
            const auto second = tokenise(best->display);
            if (second.size() >= 2) {
                const FullName* tail = fullest(surname, second[1].norm);
                if (tail != nullptr && tail->words + 1 == best->words) return tail->display;
            }
        }
        return best->display;
    }
    if (const auto alone = by_surname_alone_.find(surname); alone != by_surname_alone_.end()) return alone->second;
    // "Deng said" for "Deng Xiaoping", "Mr. Lou" for "Lou Jiwei": a family name written first
    const auto given = by_given_name_.find(first);
    if (given == by_given_name_.end() || !given->second) return titled ? std::optional<std::string>{name} : std::nullopt;
    return *given->second;
}

// How many words after a name its pronoun is looked for: a clause or two.
constexpr std::size_t PronounReach = 12;

void NameInventory::note_word_evidence(const TokenStream& ts) {
    const auto title_case = title_case_sentences(ts);
    const auto word = [&](std::size_t i) { return std::string{strip_possessive(ts[i].norm)}; };
    const auto is = [&](std::size_t i, std::string_view norm) { return i < ts.size() && ts[i].norm == norm; };
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const auto& t = ts[i];
        if (!t.upper || t.all_caps) continue;
        auto& e = words_[word(i)];
        // "Parry, speaking to ...", but not "Penn State", "Microsoft's Outlook" nor a sentence's
        // capitalised first word ("Campaigners say")
        const bool joined_before = i > 0 && gap_is_space(t.gap) && ts[i - 1].upper && !ts[i - 1].sentence_start;
        const bool joined_after = i + 1 < ts.size() && gap_is_space(ts[i + 1].gap) && ts[i + 1].upper;
        // (a headline in title case capitalises every word: no evidence)
        if (!t.sentence_start && !joined_before && !joined_after && !title_case[i]) ++e.named;
        // ("the Fed lifted rates": a verb in the past after it)
        const bool alone_after = i + 1 >= ts.size() || !gap_is_space(ts[i + 1].gap) || !ts[i + 1].lower ||
                                 lexicon::speech_verb(ts[i + 1].norm) || lexicon::verb_companion(ts[i + 1].norm) ||
                                 ts[i + 1].norm.ends_with("ed");
        // "the Bundesbank said", but not "the Parry family" nor "the Islamic State"
        if (i > 0 && ts[i - 1].norm == "the" && gap_is_space(t.gap) && alone_after && !joined_after && !t.possessive)
            ++e.organisation, ++e.named;
        const bool comma_after = i + 1 < ts.size() && gap_has(ts[i + 1].gap, ",");
        if (comma_after && is(i + 1, "which")) ++e.organisation, ++e.named;
        if (comma_after && is(i + 1, "who")) ++e.person, ++e.named;
        if (i > 0 && lexicon::person_title(ts[i - 1].norm)) ++e.person, ++e.named;
        // "Storm Lorenzo", "Hurricane Zeta": named like a person, and none
        if (i > 0 && gap_is_space(t.gap) && lexicon::description_word(ts[i - 1].norm)) e.described = true;
        // "Microsoft says it ...", "Rover, which lost its ...", "Deng said he ...": the first
        // pronoun after the word in its sentence
        for (std::size_t k = i + 1; k < ts.size() && k <= i + PronounReach && !ts[k].sentence_start; ++k) {
            const auto& w = ts[k].norm;
            if (w == "it" || w == "its") { ++e.organisation; break; }
            if (w == "he" || w == "his" || w == "him" || w == "she" || w == "her") { ++e.person; break; }
            if (ts[k].upper && !ts[k].all_caps) break;   // another name may be what it means
        }
        // "Microsoft says it", "Deng said he": a subject the pronoun of its own clause takes up
        if (i + 2 < ts.size() && lexicon::speech_verb(ts[i + 1].norm) && gap_is_space(ts[i + 1].gap) &&
            gap_is_space(ts[i + 2].gap) &&
            (lexicon::subject_pronoun(ts[i + 2].norm) || ts[i + 2].norm == "it" || ts[i + 2].norm == "its"))
            ++e.pronouns;
        // "the official news agency Tanjug", "the carmaker's rival BMW": named after its kind
        if (i > 0 && gap_is_space(t.gap) && ts[i - 1].lower && lexicon::organisation_word(ts[i - 1].norm))
            ++e.organisation;
        // "Rover's chief executive", "the chairman of Ladbrokes": an organisation has officers
        if (t.possessive && i + 1 < ts.size() && lexicon::title_word(ts[i + 1].norm)) ++e.organisation;
        if (i >= 2 && ts[i - 1].norm == "of" && lexicon::title_word(ts[i - 2].norm)) ++e.organisation;
    }
    for (const auto& t : ts.tokens) {
        if (!t.lower) continue;
        if (const auto it = words_.find(t.norm); it != words_.end()) it->second.lower = true;
    }
}

bool NameInventory::common_word(const std::string& norm) const {
    const auto it = words_.find(norm);
    return it != words_.end() && it->second.lower;
}

std::optional<NameInventory::LoneName> NameInventory::lone_name(const std::string& word) const {
    const auto it = words_.find(text::normalise(word));
    if (it == words_.end() || it->second.lower) return std::nullopt;
    const auto& [norm, e] = *it;
    if (const auto company = company_by_first_word_.find(norm); company != company_by_first_word_.end())
        return company->second ? std::optional<LoneName>{LoneName{true, false, *company->second}} : std::nullopt;
    if (lexicon::not_name_word(norm) || lexicon::title_word(norm)) return std::nullopt;
    // "S", "We've", "I'd": a letter or a contraction
    if (norm.size() < 2) return std::nullopt;
    // "R-Texas", "D-Calif": a party and a state after a lawmaker's name, not a name
    if (norm.size() > 2 && norm[1] == '-') return std::nullopt;
    for (std::string_view apostrophe : {"'", "\u2019"})
        for (std::string_view rest : {"ve", "d", "ll", "re", "m", "t"})
            if (std::string_view{norm}.ends_with(std::string{apostrophe} + std::string{rest})) return std::nullopt;
    // A singular word a pronoun takes up ("Microsoft says it", "Deng ... he said") is a name
    // too; a plural one is a group the pronoun is not ("Prosecutors said he fled").
    const bool singular = !norm.ends_with('s');
    if (e.described || (e.named == 0 && !(singular && e.pronouns > 0))) return std::nullopt;
    return LoneName{e.organisation > e.person, e.person > e.organisation, word};
}

std::optional<std::string> NameInventory::organisation(const std::string& name) const {
    const auto words = tokenise(name);
    if (words.size() == 0) return std::nullopt;   // an empty name names no one
    if (words.size() == 1) {
        const auto& norm = words[0].norm;
        if (const auto it = abbreviations_.find(norm); it != abbreviations_.end()) return it->second;
        if (const auto it = company_by_first_word_.find(norm); it != company_by_first_word_.end() && it->second)
            return *it->second;
    }
    // A generic name, head nouns and their usual qualifiers only ("Bank", "Central Bank",
    // "Commission"), is a short form of a longer one.
    bool generic = !words.tokens.empty();
    for (std::size_t k = 0; k < words.size() && generic; ++k)
        generic = lexicon::generic_organisation_word(strip_possessive(words[k].norm)) || words[k].norm == "the";
    if (!generic) return name;
    // "the Bank said" after "the Bank of England", "the Central Bank" after "the Central Bank of
    // Kuwait": the one longer organisation of the article holding these words in this order
    const std::string* longer = nullptr;
    for (const auto& o : organisations_) {
        if (o.words.size() <= words.size()) continue;
        std::size_t w = 0;
        for (const auto& ow : o.words)
            if (w < words.size() && ow == strip_possessive(words[w].norm)) ++w;
        if (w < words.size()) continue;
        if (longer != nullptr && *longer != o.display) { longer = nullptr; break; }
        longer = &o.display;
    }
    if (longer != nullptr) return *longer;
    // a head noun alone ("Commission", "Ministry", "Department") names no one organisation
    if (words.size() == 1) return std::nullopt;
    return name;
}

bool NameInventory::company(const std::string& name) const {
    if (company_prefixes_.empty()) return false;
    std::string words;
    const auto ws = tokenise(name);
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!words.empty()) words += ' ';
        words += strip_possessive(ws[k].norm);
    }
    return company_prefixes_.contains(words);
}

std::optional<std::string> NameInventory::resolve_title(const std::vector<std::string>& titles,
                                                        const std::string& country) {
    // Each distinct description is looked up once, and only the first MaxTitleLookups of them:
    // past that an article is a list of titles, not news.
    constexpr std::size_t MaxTitleLookups = 256;
    std::vector<std::string> wanted;
    for (const auto& t : titles)
        if (!lexicon::title_qualifier(t)) wanted.push_back(t);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::string key = country;
    for (const auto& t : wanted) key += '\n' + t;
    if (const auto memo = by_title_.find(key); memo != by_title_.end()) return memo->second;
    if (by_title_.size() >= MaxTitleLookups) return std::nullopt;
    auto& answer = by_title_[key];
    std::optional<std::string> found;
    for (const auto& d : described_) {
        if (!country.empty() && d.country != country) continue;
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& t) {
            return std::find(d.titles.begin(), d.titles.end(), t) != d.titles.end();
        });
        if (!all) continue;
        auto name = canonical(d.name, true);
        if (!name) continue;
        if (found && *found != *name) return answer = std::nullopt;
        found = std::move(name);
    }
    return answer = found;
}

} // namespace newsdesk::entities
