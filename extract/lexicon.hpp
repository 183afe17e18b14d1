#pragma once
// The closed word classes extraction relies on, all of them: each is a file of extract/lexicon/
// (one word a line, `#` comments, the file says what the class holds) compiled into the library.
// Words are written as text::normalise gives them (lower case, no accents), as tokens' `norm`
// is. General English, not fitted to any corpus.
#include <string_view>
#include <vector>

namespace newsdesk::entities::lexicon {

// Speakers.
bool speech_verb(std::string_view w);                      // speech_verbs.txt: "said", "tells"
bool inverting_verb(std::string_view w);                   // inverting_verbs.txt: '"...," said X'
bool verb_companion(std::string_view w);                   // verb_companions.txt: "has also said"
bool title_word(std::string_view w);                       // title_words.txt: "President", "Sen"
std::vector<std::string_view> title_words();               // all of title_words.txt
bool occupation_word(std::string_view w);                  // occupation_words.txt: "Developer Donald Trump"
bool description_word(std::string_view w);                 // description_words.txt: "Hurricane Lorenzo"
bool title_head(std::string_view w);                       // title_heads.txt: "the president"
bool person_title(std::string_view w);                     // person_titles.txt: "Mr. Ryan"
bool party_word(std::string_view w);                       // party_words.txt: "Republican"
bool corporate_suffix(std::string_view w);                 // corporate_suffixes.txt: "Nippon Steel Corp"
bool organisation_word(std::string_view w);                // organisation_words.txt: "Ministry"
bool surname_like_organisation_word(std::string_view w);   // surname_like_organisation_words.txt: "Fox"
bool not_name_word(std::string_view w);                    // not_name_words.txt: "Officials"
bool name_particle(std::string_view w);                    // name_particles.txt: "bin"
bool name_suffix(std::string_view w);                      // name_suffixes.txt: "Jr"
bool preposition(std::string_view w);                      // prepositions.txt: "of Vermont"
bool affiliation_preposition(std::string_view w);           // affiliation_prepositions.txt: "X of Vermont"
bool phrase_boundary_word(std::string_view w);             // phrase_boundaries.txt: ", who"
bool subject_pronoun(std::string_view w);                  // subject_pronouns.txt: "he said"
bool title_qualifier(std::string_view w);                  // title_qualifiers.txt: "the former president"

// Countries.
bool locative(std::string_view w);                         // locatives.txt: "in Jordan"
bool area_word(std::string_view w);                        // area_words.txt: "central London"
bool division_word(std::string_view w);                    // division_words.txt: "province"
bool style_noun(std::string_view w);                       // style_nouns.txt: "Mexican food"
bool speak_verb(std::string_view w);                       // speak_verbs.txt: "spoke French"
bool surname_speech_verb(std::string_view w);              // surname_speech_verbs.txt: "French said"
bool organisation_kind(std::string_view w);                 // organisation_kinds.txt: "the IFPI industry body"
bool demonym_determiner(std::string_view w);               // demonym_determiners.txt: "the French"
bool newspaper_word(std::string_view w);                   // newspaper_words.txt: "China Daily"
bool american_division(std::string_view w);                // american_divisions.txt: "Lebanon County"
bool british_institution_word(std::string_view w);         // british_institution_words.txt: "Kent County Council"
bool street_word(std::string_view w);                      // street_words.txt: "Palestine Avenue"
bool name_connector(std::string_view w);                   // name_connectors.txt: "Bank of Montreal Ltd"
bool namesake_prefix(std::string_view w);                  // namesake_prefixes.txt: "Little Portugal"
bool kinship_noun(std::string_view w);                     // kinship_nouns.txt: "her daughter, Brittany"
bool local_noun(std::string_view w);                       // local_nouns.txt: "Gainesville residents"

// Sentences.
bool abbreviation(std::string_view w);                     // abbreviations.txt: "Sen. Ben Sasse"
bool spokesperson_word(std::string_view w);                // spokesperson_words.txt: "a spokeswoman for Chelsea"
bool honorific(std::string_view w);                        // honorifics.txt: "Dr Fox"
bool surname_like_common_word(std::string_view w);         // surname_like_common_words.txt: "Theresa May"
bool generic_organisation_word(std::string_view w);        // generic_organisation_words.txt: "the Bank"
bool state_demonym(std::string_view w);                    // state_demonyms.txt: "Californian Thomas Slattery"

// The words of a list file in order, as the lexicon reads them (for tests of the files).
std::vector<std::string_view> words_of_list(std::string_view file);

} // namespace newsdesk::entities::lexicon
