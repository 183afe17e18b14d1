#pragma once
// Direct quotes (in quotation marks, joined across paragraphs) and indirect speech ("X said
// that ...", "according to X, ...") of an article body, each tied to the speech cue that
// attributes it.
#include <vector>

#include <newsdesk/article.hpp>
#include "extract/speaker_extractor.hpp"

namespace newsdesk::entities {

// `cues` are the body's resolved cues (SpeechCue::segment ignored), in token order. Quote
// speakers are the cues' names as they are (the caller applies the alias table).
std::vector<Quote> extract_quotes(const TokenStream& body, const std::vector<SpeechCue>& cues);

} // namespace newsdesk::entities
