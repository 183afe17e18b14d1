#pragma once
// Speaker extraction, stage 3 (the verb): whether a reporting word reports speech where it
// stands. Its forms ("announcing", "is saying", "was declared") and the uses that report none
// ("the Sanders challenge", "Trump spoke for 77 minutes", "the BBC quoted X as saying").
#include <cstddef>
#include <optional>
#include <string_view>

#include "extract/name_runs.hpp"

namespace newsdesk::entities {

// The "quoted"/"cited" a few words before token `as`, in its sentence.
std::optional<std::size_t> quoting_verb_before(const TokenStream& ts, std::size_t as);

// Token i is the "quoted"/"cited" of "... quoted X as saying" in its sentence.
bool quotes_someone_as_saying(const TokenStream& ts, std::size_t i);

// "is", "was", "been": a form of "be".
bool is_be(std::string_view w);

// Token i, a past participle, after a form of "be" (an adverb between): "was declared",
// "is widely quoted", "were told".
bool passive(const TokenStream& ts, std::size_t i);

// "the Sanders challenge among voters", "a senior Trump advise(r)": the base form of a speech
// verb after a name that a determiner or a possessor opens is a noun the name qualifies.
bool noun_after_name(const NameRuns& text, std::size_t i);

// A present participle of a speech verb the lexicon lists in another form: "saying",
// "announcing" (announced), "admitting" (admit).
bool speech_participle(std::string_view w);

// "is reaffirming", "was telling", "has been saying": the progressive of a speech verb.
bool progressive_speech(const TokenStream& ts, std::size_t i);

// "Lam also spoke on the economy", "he continued: ..." report what was said; "Trump spoke for
// 77 minutes", "Clinton spoke to the network", "Trump continues to lead" do not. These verbs
// cue speech only with its content: a topic, a quotation or a colon in their sentence.
bool reports_content(const TokenStream& ts, std::size_t i);

} // namespace newsdesk::entities
