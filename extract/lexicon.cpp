#include "extract/lexicon.hpp"

#include <unordered_set>

namespace newsdesk::embedded {
// The files of extract/lexicon/, embedded by extract/CMakeLists.txt as lexicon_<file name>.
extern const std::string_view lexicon_street_words, lexicon_name_connectors, lexicon_namesake_prefixes, lexicon_kinship_nouns,
    lexicon_local_nouns;
extern const std::string_view lexicon_speech_verbs, lexicon_inverting_verbs, lexicon_verb_companions,
    lexicon_title_words, lexicon_occupation_words, lexicon_description_words, lexicon_title_heads, lexicon_person_titles, lexicon_party_words,
    lexicon_organisation_words, lexicon_corporate_suffixes, lexicon_surname_like_organisation_words, lexicon_not_name_words,
    lexicon_name_particles, lexicon_name_suffixes, lexicon_prepositions, lexicon_affiliation_prepositions, lexicon_phrase_boundaries,
    lexicon_subject_pronouns, lexicon_title_qualifiers, lexicon_locatives, lexicon_area_words, lexicon_division_words,
    lexicon_style_nouns, lexicon_speak_verbs, lexicon_surname_speech_verbs, lexicon_demonym_determiners,
    lexicon_newspaper_words, lexicon_american_divisions, lexicon_british_institution_words, lexicon_abbreviations,
    lexicon_spokesperson_words, lexicon_honorifics, lexicon_surname_like_common_words,
    lexicon_generic_organisation_words, lexicon_state_demonyms, lexicon_organisation_kinds;
} // namespace newsdesk::embedded

namespace newsdesk::entities::lexicon {
namespace {

namespace data = embedded;

// Whether `w` is a word of the list `file`, read once (thread-safe: a function-local static).
template <const std::string_view& file>
bool in(std::string_view w) {
    static const auto words = [] {
        const auto list = words_of_list(file);
        return std::unordered_set<std::string_view>(list.begin(), list.end());
    }();
    return words.contains(w);
}

} // namespace

std::vector<std::string_view> words_of_list(std::string_view file) {
    std::vector<std::string_view> out;
    while (!file.empty()) {
        const auto end = file.find('\n');
        auto line = file.substr(0, end);
        file = end == std::string_view::npos ? std::string_view{} : file.substr(end + 1);
        line = line.substr(0, line.find('#'));
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) continue;
        out.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
    }
    return out;
}

bool speech_verb(std::string_view w) { return in<data::lexicon_speech_verbs>(w); }
bool inverting_verb(std::string_view w) { return in<data::lexicon_inverting_verbs>(w); }
bool verb_companion(std::string_view w) { return in<data::lexicon_verb_companions>(w); }
bool title_word(std::string_view w) { return in<data::lexicon_title_words>(w); }
std::vector<std::string_view> title_words() { return words_of_list(data::lexicon_title_words); }
bool occupation_word(std::string_view w) { return in<data::lexicon_occupation_words>(w); }
bool description_word(std::string_view w) { return in<data::lexicon_description_words>(w); }
bool title_head(std::string_view w) { return in<data::lexicon_title_heads>(w); }
bool person_title(std::string_view w) { return in<data::lexicon_person_titles>(w); }
bool party_word(std::string_view w) { return in<data::lexicon_party_words>(w); }
bool corporate_suffix(std::string_view w) { return in<data::lexicon_corporate_suffixes>(w); }
bool organisation_word(std::string_view w) { return in<data::lexicon_organisation_words>(w); }
bool surname_like_organisation_word(std::string_view w) { return in<data::lexicon_surname_like_organisation_words>(w); }
bool not_name_word(std::string_view w) { return in<data::lexicon_not_name_words>(w); }
bool name_particle(std::string_view w) { return in<data::lexicon_name_particles>(w); }
bool name_suffix(std::string_view w) { return in<data::lexicon_name_suffixes>(w); }
bool preposition(std::string_view w) { return in<data::lexicon_prepositions>(w); }
bool affiliation_preposition(std::string_view w) { return in<data::lexicon_affiliation_prepositions>(w); }
bool phrase_boundary_word(std::string_view w) { return in<data::lexicon_phrase_boundaries>(w); }
bool subject_pronoun(std::string_view w) { return in<data::lexicon_subject_pronouns>(w); }
bool title_qualifier(std::string_view w) { return in<data::lexicon_title_qualifiers>(w); }
bool locative(std::string_view w) { return in<data::lexicon_locatives>(w); }
bool area_word(std::string_view w) { return in<data::lexicon_area_words>(w); }
bool division_word(std::string_view w) { return in<data::lexicon_division_words>(w); }
bool style_noun(std::string_view w) { return in<data::lexicon_style_nouns>(w); }
bool speak_verb(std::string_view w) { return in<data::lexicon_speak_verbs>(w); }
bool surname_speech_verb(std::string_view w) { return in<data::lexicon_surname_speech_verbs>(w); }
bool organisation_kind(std::string_view w) { return in<data::lexicon_organisation_kinds>(w); }
bool demonym_determiner(std::string_view w) { return in<data::lexicon_demonym_determiners>(w); }
bool newspaper_word(std::string_view w) { return in<data::lexicon_newspaper_words>(w); }
bool american_division(std::string_view w) { return in<data::lexicon_american_divisions>(w); }
bool british_institution_word(std::string_view w) { return in<data::lexicon_british_institution_words>(w); }
bool street_word(std::string_view w) { return in<data::lexicon_street_words>(w); }
bool name_connector(std::string_view w) { return in<data::lexicon_name_connectors>(w); }
bool namesake_prefix(std::string_view w) { return in<data::lexicon_namesake_prefixes>(w); }
bool kinship_noun(std::string_view w) { return in<data::lexicon_kinship_nouns>(w); }
bool local_noun(std::string_view w) { return in<data::lexicon_local_nouns>(w); }
bool abbreviation(std::string_view w) { return in<data::lexicon_abbreviations>(w); }
bool spokesperson_word(std::string_view w) { return in<data::lexicon_spokesperson_words>(w); }
bool honorific(std::string_view w) { return in<data::lexicon_honorifics>(w); }
bool surname_like_common_word(std::string_view w) { return in<data::lexicon_surname_like_common_words>(w); }
bool generic_organisation_word(std::string_view w) { return in<data::lexicon_generic_organisation_words>(w); }
bool state_demonym(std::string_view w) { return in<data::lexicon_state_demonyms>(w); }

} // namespace newsdesk::entities::lexicon
