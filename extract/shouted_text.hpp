#pragma once
// Headline text in capitals ("BAKER SAYS U.S. WANTS STABLE DOLLAR", "TALKING POINT/GENERAL
// MOTORS"): wire services write titles and slugs that way, and there every word looks like an
// acronym or a name. Judged relative to the words around it, so that "NATO" or "IBM" in a
// sentence written in normal case stays a name.
#include <vector>

#include "extract/token_stream.hpp"

namespace newsdesk::entities {

// For each token, whether it lies in a sentence or line written in capitals: at least two
// all-capital words, no word in lower case, and most of its cased words in capitals.
std::vector<bool> shouted_tokens(const TokenStream& tokens);

} // namespace newsdesk::entities
