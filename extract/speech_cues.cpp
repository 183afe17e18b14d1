#include "extract/speech_cues.hpp"

#include <algorithm>
#include <optional>

#include "extract/cue_subjects.hpp"
#include "extract/lexicon.hpp"
#include "extract/sentence_subjects.hpp"
#include "extract/verb_forms.hpp"
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
