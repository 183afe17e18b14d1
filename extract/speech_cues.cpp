#include "extract/speech_cues.hpp"

#include <algorithm>
#include <optional>

#include "extract/cue_subjects.hpp"
#include "extract/lexicon.hpp"
#include "text/punctuation.hpp"

namespace newsdesk::entities {
namespace {

void append(std::vector<Mention>& out, std::vector<Mention> more) {
    for (auto& m : more) out.push_back(std::move(m));
}

// Cues without a reporting verb: "Carl Bialik: “One of the biggest ...”" and a quote signed
// by a dash line ("“...” ― Eva Longoria"), both common in lists of quotes.
void verbless_cues(const NameRuns& text, std::size_t segment, std::vector<Mention>& out) {
    const auto& ts = text.tokens();
    for (const auto run : text.runs()) {
        const auto [f, l] = run;
        const auto before = ts[f].gap;
        const auto after = ts.gap_after(l);
        const Cue cue{segment, f, "", false};
        const auto colon = after.find(':');
        const bool named_then_quoted = colon != std::string_view::npos && text::has_quotation_mark(after.substr(colon)) &&
                                       (ts[f].sentence_start || text::has_dash(before));
        const bool signed_quote = text::has_dash(before) &&
                                  text::has_quotation_mark(before.substr(0, text::first_dash(before))) &&
                                  (l + 1 >= ts.size() || gap_has(after, ",\n") || ts[l + 1].sentence_start);
        if (named_then_quoted || signed_quote) {
            if (auto m = run_mention(text, cue, run, f)) out.push_back(std::move(*m));
        }
    }
}

// For each token, whether it stands inside a direct quote: "Steven knows my views" in Parry's
// quote reports nothing of its own. A straight mark opens when it is written against the word
// after it and closes when written against the word before (punctuation between counts as
// against: '," said'); a blank line closes any quote left open.
std::vector<bool> inside_quotes(const TokenStream& ts) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    const auto space = [&](char c) { return blank(c) || c == '\n'; };
    std::vector<bool> inside(ts.size(), false);
    bool open = false;
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const auto gap = ts[i].gap;
        bool spaced_before = i == 0;   // white space between the previous word and position p
        for (std::size_t p = 0; p < gap.size(); ++p) {
            if (gap[p] == '\n') {
                std::size_t q = p + 1;
                while (q < gap.size() && blank(gap[q])) ++q;
                if (q < gap.size() && gap[q] == '\n') open = false;
            }
            if (space(gap[p])) { spaced_before = true; continue; }
            const auto mark = text::quotation_mark_at_start(gap.substr(p));
            if (!mark) continue;
            const auto rest = gap.substr(p + mark->size);
            const bool spaced_after = std::any_of(rest.begin(), rest.end(), space);
            if (mark->facing == text::QuoteFacing::opening) open = true;
            else if (mark->facing == text::QuoteFacing::closing) open = false;
            else if (spaced_before && !spaced_after) open = true;
            else if (!spaced_before && spaced_after) open = false;
            else open = !open;
            p += mark->size - 1;
        }
        inside[i] = open;
    }
    return inside;
}

// The people a segment names as the subject of a sentence ("But Williams blamed ...",
// "Garcia-Lopez, 21, was delighted"): the first name run of the sentence, within its first
// words, followed by a lower-case word or an appositive. A later "he said" may mean them.
constexpr std::size_t MaxWordsBeforeSubject = 2;
// Words after a possessor before the subject it describes: "Stallone's ex-wife Brigitte Nielsen".
constexpr std::size_t MaxPossessedWords = 4;

// Words of a description between a place or an organisation and a person: "Sanford police
// officer Timothy Smith", "Rubio press secretary Brooke Sammon".
constexpr std::size_t MaxDescriptionWords = 3;

// The run after the description that follows token l, the run before it ending there.
std::optional<TokenRange> person_after_description(const NameRuns& text, std::size_t l) {
    const auto& ts = text.tokens();
    if (ts[l].possessive) return std::nullopt;
    std::size_t n = l + 1;
    while (n < ts.size() && n <= l + MaxDescriptionWords && ts[n].lower && gap_is_space(ts[n].gap) &&
           (lexicon::title_word(ts[n].norm) || lexicon::occupation_word(ts[n].norm) ||
            lexicon::organisation_word(ts[n].norm) || lexicon::spokesperson_word(ts[n].norm)))
        ++n;
    if (n == l + 1 || n >= ts.size() || !gap_is_space(ts[n].gap)) return std::nullopt;
    return text.run_starting_at(n);
}

bool all_not_names(const TokenStream& ts, TokenRange run) {
    for (std::size_t k = run.first; k <= run.last; ++k)
        if (!lexicon::not_name_word(ts[k].norm)) return false;
    return true;
}

void sentence_subjects(const NameRuns& text, std::size_t segment, const std::vector<bool>& quoted,
                       std::vector<Mention>& out) {
    const auto& ts = text.tokens();
    for (std::size_t i = 0; i < ts.size(); ++i) {
        if (!ts[i].sentence_start || quoted[i]) continue;   // a quoted sentence's subject is the speaker's
        for (std::size_t k = i; k < ts.size() && k <= i + MaxWordsBeforeSubject + MaxPossessedWords; ++k) {
            if (k > i && ts[k].sentence_start) break;
            const auto run = text.run_starting_at(k);
            if (!run) {
                if (ts[k].lower) break;   // "The club said": no name leads the sentence
                continue;
            }
            const auto l = run->last;
            // "Sylvester Stallone's ex-wife Brigitte Nielsen nominated ...": the possessed is the subject
            if (ts[l].possessive && l + 1 < ts.size()) {
                std::size_t n = l + 1;
                // (words, not tokens: "ex-wife" is one)
                const auto joined = [&](std::size_t w) { return gap_is_space(ts[w].gap) || (w > l + 1 && ts[w].gap == "-"); };
                for (std::size_t words = 0; n < ts.size() && ts[n].lower && joined(n); ++n)
                    if (ts[n].gap != "-" && ++words > MaxWordsBeforeSubject + 1) break;
                if (n > l + 1 && n < ts.size() && gap_is_space(ts[n].gap) && text.run_starting_at(n)) {
                    k = n - 1;
                    continue;
                }
            }
            if (const auto described = person_after_description(text, l)) {
                k = described->first - 1;
                continue;
            }
            if (ts[l].possessive || l + 1 >= ts.size()) break;
            const auto& after = ts[l + 1];
            if (!(gap_is_space(after.gap) && after.lower) && !gap_has(after.gap, ",")) break;
            // "Obama administration officials said": the name qualifies an organisation
            if (gap_is_space(after.gap) && lexicon::organisation_word(after.norm)) break;
            // "Due to the provision, it said", "Concurrent with the deal": no subject
            if (gap_is_space(after.gap) && lexicon::preposition(after.norm)) break;
            auto m = run_mention(text, Cue{segment, k, "", false}, *run, k);
            // "On Thursday, Sanders unloaded on the Post": a time before the subject
            if (!m && gap_has(after.gap, ",") && all_not_names(ts, *run)) {
                k = l;
                continue;
            }
            if (m && m->kind == Mention::Kind::name) {
                m->kind = Mention::Kind::subject;
                out.push_back(std::move(*m));
            }
            break;
        }
    }
}

// The subject of the sentence holding the cue: its first name run followed by a word in lower
// case that is no preposition (a verb: "North Wales Police reopened"), after any opening phrase
// ("In late June, the Supreme Court ruled"); none for a sentence that has none before the cue.
std::optional<Mention> participle_subject(const NameRuns& text, const Cue& cue) {
    const auto& ts = text.tokens();
    std::size_t start = cue.token;
    while (start > 0 && !ts[start].sentence_start) --start;
    for (std::size_t k = start; k + 1 < cue.token; ++k) {
        auto run = text.run_starting_at(k);
        if (!run) continue;
        // "Rubio press secretary Brooke Sammon gave it a try, tweeting"
        if (const auto described = person_after_description(text, run->last); described && described->last + 1 < cue.token)
            run = described;
        const auto l = run->last;
        if (l + 1 >= cue.token || ts[l].possessive) { k = l; continue; }
        // "warning followers ... of the Muslim community": a name after a preposition is no subject
        std::size_t before = k;
        if (before > start && ts[before - 1].norm == "the") --before;
        if (before > start && ts[before - 1].lower && lexicon::preposition(ts[before - 1].norm)) { k = l; continue; }
        const auto& next = ts[l + 1];
        // "The Obama administration is preparing ..., believing": an organisation the name qualifies
        if (gap_is_space(next.gap) && next.lower && lexicon::organisation_word(next.norm)) return std::nullopt;
        if (gap_is_space(next.gap) && next.lower && !lexicon::preposition(next.norm) && next.norm != "and") {
            auto m = run_mention(text, cue, *run, run->first);
            if (m && m->kind != Mention::Kind::title) return m;
            return std::nullopt;
        }
        k = l;
    }
    return std::nullopt;
}

// Words from "as saying" back to the verb that quotes someone: "quoted Tim Manning, formerly a
// deputy administrator at FEMA, as saying".
constexpr std::size_t MaxQuotedPhraseWords = 20;

// The "quoted"/"cited" a few words before token `as`, in its sentence.
std::optional<std::size_t> quoting_verb_before(const TokenStream& ts, std::size_t as) {
    for (std::size_t k = as; k-- > 0 && as - k <= MaxQuotedPhraseWords;) {
        const auto& w = ts[k].norm;
        if (w == "quoted" || w == "cited" || w == "quotes" || w == "cites" || w == "quoting" || w == "citing")
            return k;
        if (ts[k].sentence_start) break;
    }
    return std::nullopt;
}

// Token i is the "quoted"/"cited" of "... quoted X as saying" in its sentence.
bool quotes_someone_as_saying(const TokenStream& ts, std::size_t i) {
    for (std::size_t k = i + 1; k + 1 < ts.size() && k <= i + MaxQuotedPhraseWords && !ts[k].sentence_start; ++k)
        if (ts[k].norm == "as" && (ts[k + 1].norm == "saying" || ts[k + 1].norm == "telling"))
            return quoting_verb_before(ts, k) == i;
    return false;
}

bool is_be(std::string_view w) {
    return w == "is" || w == "are" || w == "was" || w == "were" || w == "been" || w == "being" || w == "be";
}

// Token i, a past participle, after a form of "be" (an adverb between): "was declared",
// "is widely quoted", "were told".
bool passive(const TokenStream& ts, std::size_t i) {
    const auto& w = ts[i].norm;
    if (!(w.ends_with("ed") || w == "told" || w == "said" || w == "written" || w == "spoken")) return false;
    std::size_t k = i;
    if (k > 1 && ts[k - 1].lower && ts[k - 1].norm.ends_with("ly")) --k;
    if (k > 1 && (ts[k - 1].norm == "not" || ts[k - 1].norm == "never")) --k;   // "was not asked"
    return k > 0 && is_be(ts[k - 1].norm);
}

// "the Sanders challenge among voters", "a senior Trump advise(r)": the base form of a speech
// verb after a name that a determiner or a possessor opens is a noun the name qualifies.
bool noun_after_name(const NameRuns& text, std::size_t i) {
    const auto& ts = text.tokens();
    const auto& w = ts[i].norm;
    const bool base = lexicon::speech_verb(w + "s") || lexicon::speech_verb(w + "es") || lexicon::speech_verb(w + "ed") ||
                      lexicon::speech_verb(w + "d");
    if (!base || i == 0 || !gap_is_space(ts[i].gap)) return false;
    const auto run = text.run_ending_at(i - 1);
    if (!run || run->first == 0 || ts[run->first].sentence_start) return false;
    std::size_t k = run->first - 1;
    while (k > 0 && !ts[k].sentence_start && ts[k].lower && !lexicon::preposition(ts[k].norm) && ts[k].norm != "the" && ts[k].norm != "a" &&
           ts[k].norm != "an" && run->first - k <= 2)
        --k;   // "a senior Trump advise"
    const auto& d = ts[k].norm;
    return d == "the" || d == "a" || d == "an" || d == "this" || d == "that" || ts[k].possessive;
}

// A present participle of a speech verb the lexicon lists in another form: "saying",
// "announcing" (announced), "admitting" (admit).
bool speech_participle(std::string_view w) {
    if (!w.ends_with("ing") || w.size() < 6) return false;
    std::string stem{w.substr(0, w.size() - 3)};   // "say", "argu", "admitt"
    for (int undoubled = 0; undoubled < 2; ++undoubled) {
        for (const char* ending : {"s", "es", "ed", "d"})
            if (lexicon::speech_verb(stem + ending)) return true;
        if (stem.size() < 2 || stem[stem.size() - 1] != stem[stem.size() - 2]) break;
        stem.pop_back();   // "admitting" -> "admit"
    }
    return false;
}

// "is reaffirming", "was telling", "has been saying": the progressive of a speech verb.
bool progressive_speech(const TokenStream& ts, std::size_t i) {
    return i > 0 && is_be(ts[i - 1].norm) && speech_participle(ts[i].norm);
}

// "Lam also spoke on the economy", "he continued: ..." report what was said; "Trump spoke for
// 77 minutes", "Clinton spoke to the network", "Trump continues to lead" do not. These verbs
// cue speech only with its content: a topic, a quotation or a colon in their sentence.
bool reports_content(const TokenStream& ts, std::size_t i) {
    const auto& w = ts[i].norm;
    const bool speak = w == "spoke" || w == "speaks" || w == "speaking" || w == "spoken";
    const bool go_on = w.starts_with("continue");
    if (!speak && !go_on) return true;
    if (i + 1 >= ts.size() || ts[i + 1].sentence_start) return go_on;   // '"...," he continued.'
    if (speak && (ts[i + 1].norm == "about" || ts[i + 1].norm == "of" || ts[i + 1].norm == "on")) return true;
    for (std::size_t k = i + 1; k < ts.size() && !ts[k].sentence_start; ++k)
        if (text::has_quotation_mark(ts[k].gap) || gap_has(ts[k].gap, ":")) return true;
    return false;
}

} // namespace

std::vector<Mention> find_speech_cues(const NameRuns& text, std::size_t segment) {
    const auto& ts = text.tokens();
    std::vector<Mention> out;
    const auto quoted = inside_quotes(ts);
    const auto title_case = title_case_sentences(ts);
    for (std::size_t i = 0; i < ts.size(); ++i) {
        const auto& t = ts[i];
        if (quoted[i]) continue;   // what a speaker reports others said is theirs to tell
        if (t.norm == "according" && i + 2 < ts.size() && ts[i + 1].norm == "to") {
            append(out, according_to_subject(text, Cue{segment, i, "according to", true}, i + 2));
            continue;
        }
        // "Politico quoted Tim Manning, a former FEMA official, as saying", "the statement cited
        // chairman Simon Keswick as saying": the one quoted speaks
        if ((t.norm == "saying" || t.norm == "telling") && i > 0 && ts[i - 1].norm == "as") {
            if (const auto verb = quoting_verb_before(ts, i - 1)) {
                append(out, subject_after(text, Cue{segment, i, t.norm, true}, *verb + 1, i));
                continue;
            }
        }
        // "North Wales Police reopened the case, saying ...", "the Supreme Court ruled against it,
        // saying ...": the sentence's subject speaks
        if (speech_participle(t.norm) && gap_has(t.gap, ",") && !text::has_quotation_mark(t.gap) &&
            !(i + 1 < ts.size() && ts[i + 1].norm == "to")) {   // "won the primary, adding to her lead"
            if (auto m = participle_subject(text, Cue{segment, i, t.norm, false})) out.push_back(std::move(*m));
            continue;
        }
        if (!lexicon::speech_verb(t.norm) && !progressive_speech(ts, i)) continue;
        if (quotes_someone_as_saying(ts, i)) continue;   // the BBC that cites is no speaker
        if (!reports_content(ts, i)) continue;
        // "the Mbita Point primary school", "two Ericsson AXE Signal Transfer Point Switches": a
        // capitalised verb in a sentence written in lower case is part of a name; only a
        // headline in title case capitalises its verbs ("Obama Says He Will Run")
        if (t.upper && !t.sentence_start && !title_case[i]) continue;
        // "Clinton was officially declared the winner", "Sanders was asked about it": in the
        // passive without an agent the subject is spoken of, not speaking
        if (passive(ts, i) && !(i + 1 < ts.size() && ts[i + 1].norm == "by")) continue;
        // "he had been told by Children's Minister Margaret Hodge", "questioned by Plaid Cymru's
        // former President, Dafydd Wigley": in the passive the agent speaks
        if (i > 0 && i + 2 < ts.size() && ts[i + 1].norm == "by" && gap_is_space(ts[i + 1].gap) &&
            is_be(ts[i - 1].norm)) {
            append(out, subject_after(text, Cue{segment, i, t.norm, true}, i + 2, i));
            continue;
        }
        if (noun_after_name(text, i)) continue;
        auto before = subject_before(text, Cue{segment, i, t.norm, false});
        if (!before.empty() || i + 1 >= ts.size() || !gap_is_space(ts[i + 1].gap)) {
            append(out, std::move(before));
            continue;
        }
        // '"...," said X' and a sentence-initial "Said X, ...:"
        // (a comma alone inverts "said", not "told": "Theresa May, shadow secretary, told BBC Radio")
        const bool telling = t.norm == "told" || t.norm.starts_with("tell");
        if ((lexicon::inverting_verb(t.norm) && i > 0 &&
             ((gap_has(t.gap, ",") && !telling) || text::has_quotation_mark(t.gap))) ||
            (t.sentence_start && t.norm == "said"))
            append(out, subject_after(text, Cue{segment, i, t.norm, true}, i + 1, i));
    }
    verbless_cues(text, segment, out);
    sentence_subjects(text, segment, quoted, out);
    return out;
}

} // namespace newsdesk::entities
