#pragma once
#include <string_view>

#include <xapian.h>

namespace newsdesk {

// The Xapian stemmer for an ISO 639-1 language code, or nullptr when Xapian has none
// (Persian, Chinese...). The stemmer is shared per thread; do not keep it across threads.
const Xapian::Stem* stemmer_for(std::string_view language);

} // namespace newsdesk
