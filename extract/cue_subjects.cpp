#include "extract/cue_subjects.hpp"

#include <algorithm>
#include <string_view>

#include "extract/lexicon.hpp"
#include "extract/organisation_names.hpp"
#include "extract/person_names.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

namespace lx = lexicon;

// Words that may stand between a subject and its verb: "has also later said".
constexpr std::size_t MaxVerbCompanions = 4;
// Tokens of a ticker or abbreviation in brackets between a name and its verb: "<NSTC.TOK>".
constexpr std::size_t MaxBracketedTokens = 3;
// Prepositional phrases read back past to find the person: "Archbishop Aris Shirvanian of the
// Armenian Patriarchate of Jerusalem told" needs two.
constexpr std::size_t MaxPrepositionalPhrases = 3;
// How far back the clause before a verb is cut into chunks, in tokens, and how many chunks it
// may have: "Rep. Elijah Cummings (D-Md.), chair of the committee, said" has four. Longer
// clauses are sentences of their own, not a subject.
constexpr std::size_t MaxSubjectClauseTokens = 60;
constexpr std::size_t MaxSubjectChunks = 6;
// Lower-case words that may modify a name in a chunk: "my old friend", "81-year-old former".
constexpr std::size_t MaxNameModifiers = 6;
// Words read after an inverted verb before the name: "said former party boss and top aide".
constexpr std::size_t MaxWordsBeforeSubject = 8;
// Lower-case title words between an organisation and a person after an inverted verb:
// "said Fiat managing director Cesare Romiti".
constexpr std::size_t MaxTitleWordsAfterName = 3;
// Lower-case words naming what an organisation is, after its name: "IFPI industry body".
constexpr std::size_t MaxKindWords = 2;
// Words of a lower-case phrase read back past to the person it describes: "Regina Ip from the
// pro-Beijing camp said".
constexpr std::size_t MaxPrepositionalWords = 6;
// Lower-case words read after "according to" before the source: "recent research by the".
constexpr std::size_t MaxWordsBeforeSource = 4;
// Further names of a list after an inverted verb: "wrote Jason Dana, Robyn Dawes and ...".
constexpr std::size_t MaxMoreListedNames = 4;

bool is_digit_word(std::string_view w) { return !w.empty() && w.front() >= '0' && w.front() <= '9'; }

// Lower-case words that end a noun phrase after a name ("said Tom Fitton of Judicial Watch",
// "said Ann Lee, who..."), unlike nouns that show the name was a modifier ("said a Twitter user").
bool phrase_boundary(std::string_view w) {
    return lx::phrase_boundary_word(w) || w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed");
}

// How far an inverted verb's subject may reach for the person its sentence ends on.
constexpr std::size_t MaxAppositiveReach = 12;

// The full name of a person set off by a comma at the end of the sentence, within reach after
// token `from`: '..., San Diego's chancellor, Pradeep Khosla.'
std::optional<TokenRange> closing_appositive(const NameRuns& text, std::size_t from) {
    const auto& ts = text.tokens();
    for (std::size_t k = from + 1; k < ts.size() && k <= from + MaxAppositiveReach; ++k) {
        if (ts[k].sentence_start || text::has_quotation_mark(ts[k].gap)) return std::nullopt;
        const auto run = text.run_starting_at(k);
        if (!run || !gap_has(ts[k].gap, ",")) continue;
        const auto name = read_person(text, *run).name;
        const bool ends = run->last + 1 >= ts.size() || ts[run->last + 1].sentence_start;
        if (name && name->last > name->first && ends) return run;
    }
    return std::nullopt;
}

// The run names a person by two words or more ("Margaret Hodge"), not a lone word that may
// modify a noun ("a Twitter user").
bool full_name(const NameRuns& text, TokenRange run) {
    const auto name = read_person(text, run).name;
    return name && name->last > name->first;
}

void add(std::vector<Mention>& out, std::optional<Mention> m) {
    if (m) out.push_back(std::move(*m));
}

// Tokens a..b form a person's name phrase: optional determiners, titles, places and possessors
// ("the White House spokesman", "Clinton's top aide", "Texas delegate"), then a name, then at
// most a post-modifier ("of Vermont", "(D-Md.)"). Returns the name's run.
std::optional<TokenRange> name_chunk(const NameRuns& text, std::size_t a, std::size_t b) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    std::size_t p = a;
    while (p <= b) {
        const auto& t = tok(p);
        if (const auto run = text.run_at(p)) {
            const auto [f, l] = *run;
            if (f < a || l > b) return std::nullopt;
            if (tok(l).possessive && l < b) { p = l + 1; continue; }   // "Clinton's top aide ..."
            // "Retired teacher Brian T. Carroll": a sentence's first word, capitalised for it
            if (f == l && tok(f).sentence_start && l < b && tok(l + 1).lower && gap_is_space(tok(l + 1).gap)) {
                p = l + 1;
                continue;
            }
            if (!read_person(text, *run).name) {
                // "White House spokesman Josh Earnest" is one run; "Republican party boss ..." is not
                if (l < b && tok(l + 1).lower) { p = l + 1; continue; }
                return std::nullopt;
            }
            if (l == b || gap_has(text.tokens().gap_after(l), "(") ||
                (gap_is_space(tok(l + 1).gap) && (lx::affiliation_preposition(tok(l + 1).norm) || tok(l + 1).norm == "who")))
                return run;
            return std::nullopt;
        }
        if (text.country_at(p) != nullptr) { p = text.country_at(p)->last + 1; continue; }
        // "my friend", "81-year-old", "Trump's GOP primary rival": modifiers of the name
        if ((t.lower || is_digit_word(t.norm)) && !lx::preposition(t.norm) && !lx::speech_verb(t.norm) &&
            !lx::subject_pronoun(t.norm) && t.norm != "that" && t.norm != "who" && t.norm != "and" && t.norm != "as" &&
            p - a < MaxNameModifiers) {
            ++p;
            continue;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

// "Jeff Weaver, Sanders' campaign manager, said", "the White House spokesman, Josh Earnest,
// said", "Rep. Elijah Cummings (D-Md.), chair of ..., said", "In a statement, Ann Lee said":
// the clause before the verb in comma- or bracket-separated chunks; the first chunk that is a
// name phrase is the subject.
std::vector<Mention> chunked_subject(const NameRuns& text, const Cue& cue, std::size_t j) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    std::vector<Mention> out;
    std::vector<TokenRange> chunks;
    std::size_t end = j;
    bool bounded = false;
    for (std::size_t k = j, steps = 0; steps < MaxSubjectClauseTokens; ++steps) {
        const auto g = tok(k).gap;
        if (k == 0 || tok(k).sentence_start || text::has_quotation_mark(g) || gap_has(g, ";:")) {
            chunks.push_back({k, end});
            bounded = true;
            break;
        }
        if (gap_has(g, ",()") || text::has_dash(g)) {
            chunks.push_back({k, end});
            if (chunks.size() > MaxSubjectChunks) break;
            end = k - 1;
        }
        --k;
    }
    if (!bounded) return out;
    std::reverse(chunks.begin(), chunks.end());
    // "Jason Dana, Robyn Dawes and Nathanial Peterson said": a list ending in "and"
    bool list = false;
    for (std::size_t k = chunks.back().first; k <= chunks.back().last; ++k) list = list || tok(k).norm == "and";
    // The names a chunk holds: one, or two joined by "and" ("Lindsey Graham and David Perdue,
    // who are both on the committee, said"), or one after the "and" that ends a list
    const auto names_in = [&](TokenRange chunk) {
        auto [a, b] = chunk;
        std::vector<std::pair<TokenRange, std::size_t>> names;   // (run, position)
        if (a < b && tok(a).norm == "and") ++a;
        if (const auto whole = name_chunk(text, a, b)) {
            names.emplace_back(*whole, a);
            return names;
        }
        for (std::size_t k = a + 1; k < b; ++k) {
            if (tok(k).norm != "and") continue;
            const auto left = name_chunk(text, a, k - 1);
            const auto right = name_chunk(text, k + 1, b);
            // (full names both: "Hopes and Fears" is an album)
            if (left && right && left->last > left->first && right->last > right->first)
                names = {{*left, a}, {*right, k + 1}};
            break;
        }
        return names;
    };
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        const auto names = names_in(chunks[c]);
        if (names.empty()) continue;
        for (const auto& [run, position] : names) add(out, run_mention(text, cue, run, position));
        if (out.empty() || !list) return out;
        for (std::size_t d = c + 1; d < chunks.size(); ++d)
            for (const auto& [run, position] : names_in(chunks[d])) add(out, run_mention(text, cue, run, position));
        return out;
    }
    // "GE Information Services Co, a unit of General Electric Co, said": an organisation opening
    // the sentence, described in the chunks after it
    // ("Supporters' group Shareholders United - which has ... - said": the name ends the chunk)
    if (chunks.size() >= 2 && tok(chunks[1].first).lower) {
        const auto [a, b] = chunks.front();
        if (const auto run = text.run_ending_at(b);
            run && run->first >= a && (ends_in_corporate_suffix(text, *run) || organisation_run(text, *run))) {
            add(out, run_mention(text, cue, *run, run->first));
            return out;
        }
    }
    add(out, title_phrase_ending(text, cue, chunks.front().last, chunks.front().first));
    return out;
}

} // namespace

std::vector<Mention> subject_before(const NameRuns& text, const Cue& cue) {
    const auto tok = [&](std::size_t i) -> const Token& { return text.token(i); };
    std::vector<Mention> out;
    if (cue.token == 0) return out;
    std::size_t j = cue.token - 1;
    std::size_t after = cue.token;   // the token right after j
    // "has also said", "would later tell", "recently forecast"
    for (std::size_t steps = 0; steps < MaxVerbCompanions &&
                                (lx::verb_companion(tok(j).norm) || (tok(j).lower && tok(j).norm.ends_with("ly"))) &&
                                !tok(j).upper && gap_is_space(tok(after).gap) && j > 0;
         ++steps) {
        after = j;
        --j;
    }
    // "Nippon Steel Corp <NSTC.TOK> said", "The Organisation for Economic Cooperation and
    // Development (OECD) said": a ticker, or an abbreviation in brackets, after the name
    std::string_view gap = tok(after).gap;
    if (const auto closing = gap.empty() ? '\0' : gap.front();
        (closing == '>' || closing == ')') && gap_is_space(gap.substr(1)) && j > 0) {
        const auto opening = closing == '>' ? "<" : "(";
        std::size_t k = j;
        while (k > 0 && k + MaxBracketedTokens > j && !gap_has(tok(k).gap, opening)) --k;
        const auto before = tok(k).gap;
        // "<Nisshin Steel Co Ltd> said": Reuters brackets an unlisted company's name itself;
        // a name has lower-case letters, a ticker none
        bool bracketed_name = false;
        for (std::size_t n = k; n <= j && !bracketed_name; ++n) bracketed_name = tok(n).lower || !tok(n).all_caps;
        if (closing == '>' && bracketed_name && gap_has(before, opening)) {
            gap = " ";   // the name in brackets is the subject
        } else if (k > 0 && gap_has(before, opening) && (closing == '>' || tok(k).all_caps) &&
            !gap_has(before, ",;:") && !text::has_quotation_mark(before)) {
            // the name the abbreviation spells, whole across "and" and "of"
            if (const auto named = closing == ')' && k == j ? spelled_out(text.tokens(), k - 1, tok(k).raw) : std::nullopt) {
                std::size_t from = *named;
                if (tok(from).norm == "the" && from + 1 < k) ++from;
                Mention m;
                m.kind = Mention::Kind::organisation;
                m.cue = cue;
                m.position = from;
                m.subject = {from, k - 1};
                m.name = written_name(text.tokens(), m.subject);
                out.push_back(std::move(m));
                return out;
            }
            after = k;
            j = k - 1;
            gap = " ";   // the name meets its verb
        }
    }
    // "Liam Fox, on Saturday called", "Mr Hain last week said": a time between subject and verb
    if (j >= 2 && gap_is_space(gap) && tok(j).upper && lx::not_name_word(tok(j).norm) &&
        (tok(j - 1).norm == "on" || tok(j - 1).norm == "last" || tok(j - 1).norm == "this") && gap_is_space(tok(j).gap)) {
        after = j - 1;
        j -= 2;
        gap = tok(after).gap;
    } else if (j >= 2 && gap_is_space(gap) && (tok(j).norm == "week" || tok(j).norm == "month" || tok(j).norm == "year") &&
               (tok(j - 1).norm == "last" || tok(j - 1).norm == "this") && gap_is_space(tok(j).gap)) {
        after = j - 1;
        j -= 2;
        gap = tok(after).gap;
    }
    if (text::has_quotation_mark(gap) || gap_has(gap, ":;!?") || tok(after).sentence_start) return out;
    if (gap_is_space(gap) && (lx::subject_pronoun(tok(j).norm) || tok(j).norm == "it")) {
        Mention m;
        m.kind = tok(j).norm == "it" ? Mention::Kind::pronoun_it : Mention::Kind::pronoun;
        m.cue = cue;
        m.position = j;
        m.subject = {j, j};
        out.push_back(std::move(m));
        return out;
    }
    if (gap_has(gap, ",()") || text::has_dash(gap)) return chunked_subject(text, cue, j);
    if (const auto run = text.run_ending_at(j)) {
        const auto first = run->first;
        // "Standard and Poor's Corp said", "Bank of America said": one organisation, not the
        // last words of it nor a list
        const auto whole = organisation_extent(text, *run);
        if (whole.first < first && !after_preposition(text, whole)) {
            add(out, run_mention(text, cue, *run, first));
            return out;
        }
        // "A spokeswoman for Chelsea said", "an official at the Exchange said": the organisation
        // speaks through them
        if (std::size_t p = first; p >= 2 && gap_is_space(tok(p).gap)) {
            if (tok(p - 1).norm == "the" && p >= 3) --p;
            if ((lx::affiliation_preposition(tok(p - 1).norm) || tok(p - 1).norm == "for") &&
                lx::spokesperson_word(tok(p - 2).norm)) {
                if (auto m = run_mention(text, cue, *run, first)) {
                    m->represented = true;
                    out.push_back(std::move(*m));
                }
                return out;
            }
        }
        // "Mayor of Koszalin Piotr Jedlinski has declared", "Prime Minister of India Narendra Modi
        // wrote", "Secretary of State John Kerry said": the run holds a place or the rest of a
        // title and then the person, who is the subject
        const auto person = read_person(text, *run).name;
        const bool placed_person = person && person->first > first && person->last > person->first &&
                                   (text.country_at(first) != nullptr || lx::title_word(tok(first).norm));
        // ("Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": the
        // phrase holds the organisation whole)
        std::size_t phrase = whole.first;
        // ("two days after the World Health Organization declared": a clause of its own)
        if (phrase > 0 && tok(phrase - 1).norm == "the" && phrase >= 2 && lx::affiliation_preposition(tok(phrase - 2).norm))
            --phrase;
        if (!placed_person && phrase > 0 && gap_is_space(tok(phrase).gap) && lx::preposition(tok(phrase - 1).norm) &&
            !tok(phrase - 1).upper) {
            // "Bernie Sanders of Vermont said", "Archbishop Aris Shirvanian of the Armenian
            // Patriarchate of Jerusalem told": the person before the prepositional phrases
            std::size_t k = phrase;
            for (std::size_t hops = 0; hops < MaxPrepositionalPhrases && k >= 2; ++hops) {
                if (!lx::affiliation_preposition(tok(k - 1).norm)) return out;
                const auto before = text.run_ending_at(k - 2);
                if (!before || !gap_is_space(tok(k - 1).gap)) return out;
                if (read_person(text, *before).name) {
                    add(out, run_mention(text, cue, *before, before->first));
                    return out;
                }
                // "L.M. Ericsson Telephone Co of Stockholm said": a company opening the sentence
                if (std::size_t f = before->first; ends_in_corporate_suffix(text, *before) || organisation_run(text, *before)) {
                    while (f > 0 && !tok(f).sentence_start && gap_is_space(tok(f).gap) &&
                           (tok(f - 1).upper || tok(f - 1).norm == "the"))
                        --f;   // "L.M. Ericsson", "the"
                    if (f == 0 || tok(f).sentence_start) {
                        add(out, run_mention(text, cue, *before, before->first));
                        return out;
                    }
                    // else "Dr. Alison Kock of the University of Cape Town": read on back
                }
                k = before->first;
                if (k >= 1 && tok(k - 1).norm == "the") --k;
            }
            return out;
        }
        if (text.country_at(j) != nullptr && text.country_at(first) != nullptr && first > 0 &&
            gap_has(tok(first).gap, ",")) {
            // "Stacy Baker of Columbia, South Carolina says": the place ends a longer subject
            return chunked_subject(text, cue, j);
        }
        add(out, run_mention(text, cue, *run, first));
        // "Obama and Biden said"
        // (people both: "Securities and Exchange Commission Chairman John Shad" is one speaker)
        // ("Jason Dana, Robyn Dawes and Nathanial Peterson said": full names before, by commas)
        if (first >= 2 && tok(first - 1).norm == "and" && gap_is_space(tok(first).gap)) {
            auto other = text.run_ending_at(first - 2);
            if (other && read_person(text, *other).name && read_person(text, *run).name &&
                !title_continues(text, other->first)) {
                add(out, run_mention(text, cue, *other, first - 2));
                for (std::size_t listed = 0; listed < MaxSubjectChunks && other->first >= 1 &&
                                             gap_has(tok(other->first).gap, ",") && !tok(other->first).sentence_start;
                     ++listed) {
                    other = text.run_ending_at(other->first - 1);
                    if (!other || other->last == other->first) break;
                    const auto listed_person = read_person(text, *other).name;
                    if (!listed_person || listed_person->last == listed_person->first) break;
                    add(out, run_mention(text, cue, *other, other->first));
                }
            }
        }
        return out;
    }
    // "The IFPI industry body said", "the Gallup polling group said": an organisation named
    // before the lower-case noun that says what it is
    if (j >= 2 && tok(j).lower && lx::organisation_kind(tok(j).norm)) {
        std::size_t k = j;
        while (k > 0 && j - k < MaxKindWords && tok(k).lower && gap_is_space(tok(k).gap)) --k;
        if (const auto run = text.run_ending_at(k); run && k < j && !tok(k).possessive && !read_person(text, *run).name) {
            if (auto m = run_mention(text, cue, *run, run->first)) {
                if (m->kind == Mention::Kind::title) {
                    // "The Labour party said": the party's own word ("Labour" is also a title,
                    // as in "Labour MP") and "party" name the party; a description of anyone
                    // else before the noun ("the Turkish industry body") names nobody
                    std::size_t from = run->first;
                    while (from < run->last && tok(from).norm == "the") ++from;
                    bool party = j == k + 1 && tok(j).norm == "party";
                    for (std::size_t w = from; w <= run->last && party; ++w) party = lx::party_word(tok(w).norm);
                    if (!party) return out;
                    m->kind = Mention::Kind::organisation;
                    m->name = written_name(text.tokens(), {from, run->last}) + " Party";
                    m->titles.clear();
                    m->country.clear();
                    out.push_back(std::move(*m));
                    return out;
                }
                m->represented = true;
                out.push_back(std::move(*m));
                return out;
            }
        }
    }
    // "Regina Ip from the pro-Beijing camp said": a person, then a phrase in lower case
    for (std::size_t k = j, steps = 0; k >= 1 && steps < MaxPrepositionalWords; --k, ++steps) {
        if (k < j && !gap_is_space(tok(k + 1).gap) && tok(k + 1).gap != "-") break;   // one unbroken phrase
        const auto& t = tok(k);
        if (t.lower && lx::affiliation_preposition(t.norm)) {
            if (const auto person = text.run_ending_at(k - 1);
                person && gap_is_space(t.gap) && read_person(text, *person).name) {
                add(out, run_mention(text, cue, *person, person->first));
                return out;
            }
            break;
        }
        if (!t.lower && text.country_at(k) == nullptr) break;
    }
    add(out, title_phrase_ending(text, cue, j, j));
    return out;
}

std::vector<Mention> subject_after(const NameRuns& text, const Cue& cue, std::size_t start, std::size_t position) {
    const auto& ts = text.tokens();
    std::vector<Mention> out;
    if (start >= ts.size() || ts[start].sentence_start) return out;
    if (auto title = title_phrase_starting(text, cue, start, position)) {
        out.push_back(std::move(*title));
        return out;
    }
    bool comma_crossed = false;
    for (std::size_t k = start, steps = 0; k < ts.size() && steps < MaxWordsBeforeSubject; ++steps) {
        if (k > start) {
            const auto g = ts[k].gap;
            if (ts[k].sentence_start) return out;
            if (!gap_is_space(g)) {
                // one comma before an appositive name: "another Twitter user, Johanna Bayer"
                if (comma_crossed || g.find_first_not_of(", ") != std::string_view::npos) return out;
                comma_crossed = true;
            }
        }
        if (const auto run = text.run_starting_at(k)) {
            const auto l = run->last;
            if (ts[l].possessive) { k = l + 1; continue; }   // "said Clinton's top aide ..."
            // "warns Fiat managing director Cesare Romiti": an organisation's title, then the person
            std::size_t titled = l + 1;
            while (titled < ts.size() && titled <= l + MaxTitleWordsAfterName && ts[titled].lower && gap_is_space(ts[titled].gap) &&
                   lx::title_word(ts[titled].norm))
                ++titled;
            if (titled > l + 1 && titled < ts.size() && gap_is_space(ts[titled].gap)) {
                if (const auto next = text.run_starting_at(titled); next && read_person(text, *next).name) {
                    k = titled;
                    continue;
                }
            }
            const bool head = l + 1 >= ts.size() || !gap_is_space(ts[l + 1].gap) || !ts[l + 1].lower ||
                              phrase_boundary(ts[l + 1].norm) || lx::speech_verb(ts[l + 1].norm) ||
                              full_name(text, *run);   // "wrote Elizabeth Warren on Twitter"
            if (!head) { k = l + 1; continue; }              // "said a Twitter user"
            // "said University of California, San Diego's chancellor, Pradeep Khosla.": after an
            // organisation, the person the sentence ends on is who spoke
            if (!read_person(text, *run).name) {
                if (const auto person = closing_appositive(text, l)) {
                    add(out, run_mention(text, cue, *person, position));
                    return out;
                }
            }
            add(out, run_mention(text, cue, *run, position));
            if (out.empty()) return out;
            // "wrote Jason Dana, Robyn Dawes and Nathanial Peterson"
            std::size_t e = l;
            for (std::size_t more = 0; more < MaxMoreListedNames && e + 2 < ts.size(); ++more) {
                std::size_t n = e + 1;
                if (ts[n].norm == "and" && gap_is_space(ts[n].gap)) ++n;
                else if (!(gap_has(ts[n].gap, ",") && ts[n].gap.find_first_not_of(", ") == std::string_view::npos))
                    break;
                const auto next = text.run_starting_at(n);
                if (!next || !read_person(text, *next).name) break;
                // a following lower-case appositive means the comma ended the list
                const auto nl = next->last;
                if (nl + 1 < ts.size() && ts[nl + 1].lower && gap_is_space(ts[nl + 1].gap) &&
                    !phrase_boundary(ts[nl + 1].norm))
                    break;
                add(out, run_mention(text, cue, *next, position));
                e = nl;
            }
            return out;
        }
        const auto& t = ts[k];
        if (text.country_at(k) != nullptr) { k = text.country_at(k)->last + 1; continue; }
        if (!t.lower || lx::preposition(t.norm) || t.norm == "that" || lx::speech_verb(t.norm) ||
            lx::subject_pronoun(t.norm) || t.norm == "it" || t.norm == "they")
            return out;
        ++k;   // "former", "party", "boss", "another", "top"
    }
    return out;
}

std::vector<Mention> according_to_subject(const NameRuns& text, const Cue& cue, std::size_t start) {
    const auto& ts = text.tokens();
    const auto fallback = [&] { return subject_after(text, cue, start, start); };
    std::size_t k = start;
    if (k < ts.size() && ts[k].norm == "the") ++k;
    // "according to recent research by the Pew Internet and American Life Project"
    for (std::size_t n = k; n < ts.size() && n < k + MaxWordsBeforeSource && ts[n].lower && gap_is_space(ts[n].gap); ++n) {
        if (ts[n].norm != "by" && ts[n].norm != "from") continue;
        k = n + 1;
        if (k < ts.size() && ts[k].norm == "the") ++k;
        break;
    }
    if (k >= ts.size() || !gap_is_space(ts[k].gap)) return fallback();
    const auto run = text.run_starting_at(k);
    if (!run) return fallback();
    // "according to Chinese state press reports": a people, not a source
    if (const auto* place = text.country_at(k); place != nullptr && place->last >= run->last) return fallback();
    // a person ("according to Ann Lee"), unless a lone word modifies a noun ("according to
    // the Nielsen ratings system")
    if (const auto view = read_person(text, *run); view.name) {
        const bool lone = view.name->first == view.name->last;
        const bool modifier = lone && run->last + 1 < ts.size() && gap_is_space(ts[run->last + 1].gap) &&
                              ts[run->last + 1].lower && !phrase_boundary(ts[run->last + 1].norm);
        // "the Hollywood Reporter": a place before one word, and no title, names no person
        const bool placed = lone && view.titles.empty() && view.name->first > run->first;
        if (!modifier && !placed) return fallback();
    }
    // the organisation's whole name, across "of", "and", "&" ("Standard & Poor's", "the
    // Ministry of Foreign Affairs"), up to the first lower-case word ("the Nielsen ratings system")
    std::size_t last = run->last;
    while (last + 2 < ts.size() && !ts[last].possessive) {
        std::size_t n = last + 1;
        // runs a place split: "Pew Internet and American | Life Project"
        if (gap_is_space(ts[n].gap) && !ts[n].sentence_start) {
            if (const auto next = text.run_starting_at(n)) { last = next->last; continue; }
        }
        if (gap_has(ts[n].gap, "&") && !gap_has(ts[n].gap, ",;:")) {
            if (const auto next = text.run_starting_at(n)) { last = next->last; continue; }
            break;
        }
        if (!gap_is_space(ts[n].gap) || !(ts[n].norm == "of" || ts[n].norm == "and" || ts[n].norm == "for")) break;
        ++n;
        if (ts[n].norm == "the" && n + 1 < ts.size()) ++n;
        const auto next = text.run_starting_at(n);
        if (!next || !gap_is_space(ts[n].gap)) break;
        if (const auto* place = text.country_at(n); place != nullptr && place->last >= next->last) {
            // "the Bank of Mexico": a place ends an institution's name; "Nielsen of Mexico" not
            if (ts[n - 1].norm == "of" && lx::organisation_word(strip_possessive(ts[last].norm))) last = next->last;
            break;
        }
        last = next->last;
    }
    Mention m;
    m.kind = Mention::Kind::organisation;
    m.cue = cue;
    m.position = start;
    m.subject = {run->first, last};
    m.name = written_name(ts, m.subject);
    // "Standard & Poor's, which ...": the "'s" is the name's when no noun follows it
    if (const auto& end = ts[last];
        end.possessive && (last + 1 >= ts.size() || !gap_is_space(ts[last + 1].gap) || !ts[last + 1].lower))
        for (std::string_view suffix : {"'s", "\u2019s"})
            if (end.raw.ends_with(suffix)) m.name += suffix;
    return {m};
}

} // namespace newsdesk::entities
