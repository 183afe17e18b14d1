#include "extract/attribution.hpp"

#include <algorithm>
#include <set>

namespace newsdesk::entities {
namespace {

// How far (in tokens) "it said" reaches back for the organisation last named as speaking: about
// three sentences, the span over which news copy keeps one organisation as its subject.
constexpr std::size_t MaxOrganisationPronounReach = 80;

SpeechCue speech_cue(const Mention& m) {
    SpeechCue cue;
    cue.segment = m.cue.segment;
    cue.cue = m.cue.token;
    cue.subject_first = m.subject.first;
    cue.subject_last = m.subject.last;
    cue.verb = m.cue.verb;
    cue.inverted = m.cue.inverted;
    return cue;
}

} // namespace

SpeakerFindings attribute(std::vector<Mention> mentions, NameInventory& names) {
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
        return a.cue.segment != b.cue.segment ? a.cue.segment < b.cue.segment : a.position < b.position;
    });
    SpeakerFindings out;
    std::set<std::pair<std::string, bool>> seen;
    struct Speaking {
        std::string name;
        std::size_t segment = 0;
        std::size_t position = 0;
    };
    std::optional<Speaking> last_person, last_organisation;
    for (const auto& m : mentions) {
        SpeechCue cue = speech_cue(m);
        if (m.kind == Mention::Kind::pronoun || m.kind == Mention::Kind::pronoun_it) {
            // "Rouhani said ... He added": the last person named as speaking or as a sentence's
            // subject in this text; "The Bundesbank said ... it said": the last organisation
            // named as speaking, a few sentences back at most (else "it" is the report)
            const bool it = m.kind == Mention::Kind::pronoun_it;
            const auto& last = it ? last_organisation : last_person;
            if (!last || last->segment != m.cue.segment) continue;
            if (it && m.position > last->position + MaxOrganisationPronounReach) continue;
            cue.speaker = last->name;
            cue.organisation = it;
            cue.pronoun = true;
            // a sentence's subject first speaks here
            if (seen.emplace(cue.speaker, cue.organisation).second) out.speakers.push_back({cue.speaker, cue.organisation});
            out.cues.push_back(std::move(cue));
            continue;
        }
        if (m.kind == Mention::Kind::organisation) {
            auto name = names.organisation(m.name);
            if (!name) continue;
            cue.speaker = std::move(*name);
            cue.organisation = true;
        } else {
            auto name = m.kind == Mention::Kind::title ? names.resolve_title(m.titles, m.country)
                                                       : names.canonical(m.name, m.titled);
            if (m.represented) {
                // "a spokeswoman for Chelsea": the organisation speaks; a person's spokesman
                // is not the person
                if (name && name->find(' ') != std::string::npos && !names.company(*name)) continue;
                name = names.organisation(m.name);
                if (!name) continue;
                cue.organisation = true;
            } else if (name) {
                cue.organisation = m.kind != Mention::Kind::title && names.company(*name);   // "Morgan Stanley"
            } else if (m.kind != Mention::Kind::title && m.name.find(' ') == std::string::npos) {
                // "Parry said", "Microsoft says it": a lone word the article explains no further
                const auto lone = names.lone_name(m.name);
                if (!lone) continue;
                // "But Bundesbank statistics showed ...": a word named as a subject whose kind the
                // text does not tell is no one "he" may mean
                if (m.kind == Mention::Kind::subject && !lone->organisation && !lone->person) continue;
                name = lone->organisation ? names.organisation(lone->name) : lone->name;
                if (!name) continue;   // "Company said"
                cue.organisation = lone->organisation;
            } else {
                continue;
            }
            cue.speaker = std::move(*name);
        }
        if (cue.speaker.empty()) continue;   // a facet shows names: an empty one would be clickable
        auto& last = cue.organisation ? last_organisation : last_person;
        last = Speaking{cue.speaker, m.cue.segment, m.position};
        cue.named_only = m.kind == Mention::Kind::subject;   // named, not yet speaking
        if (!cue.named_only && seen.emplace(cue.speaker, cue.organisation).second)
            out.speakers.push_back({cue.speaker, cue.organisation});
        out.cues.push_back(std::move(cue));
    }
    return out;
}

} // namespace newsdesk::entities
