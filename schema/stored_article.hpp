#pragma once
// The document data of indexed articles and quote records: what a hit shows without
// re-reading the archive. JSON objects, so that fields can be added without breaking readers.
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/article.hpp>

namespace newsdesk {

std::string to_document_data(const Article& article);
Article from_document_data(std::string_view data);   // tolerant: missing keys stay empty

// The names an article gave its people before the archive's speaker registry settled them
// (indexer/speaker_registry.hpp): its speakers, and the speaker of each of its quotes, in order.
// Stored with the article, so that it can be settled again when the archive's evidence changes.
struct SpeakerForms {
    std::vector<std::string> speakers;
    std::vector<std::string> quote_speakers;
    bool operator==(const SpeakerForms&) const = default;
};
// The forms an article names itself: its settled names, when nothing was settled.
SpeakerForms forms_of(const Article& article);
// The document data of `article`, settled, with the forms it was settled from; a form list
// equal to the settled one is not written again.
std::string to_document_data(const Article& article, const SpeakerForms& forms);
// The forms stored with an article; those of an article stored without them (nothing was
// settled, or it was indexed before forms were kept) are its settled names.
SpeakerForms speaker_forms_from_document_data(std::string_view data);

// The fields an article's hit shows without its text: id, title, date, source, url,
// language, authors, dateline, countries.
Article header_from_document_data(std::string_view data);

// The record of `article`'s quote `quote`: the quote and its article's id only (at 100,000
// articles, five quote records each, a copy of the article's fields in each took a tenth of
// the index). The reader fills in the article from the article's own document.
std::string quote_document_data(const Article& article, const Quote& quote, SpeakerKind speaker_kind);
QuoteRecord quote_from_document_data(std::string_view data);   // record.article holds the id only

} // namespace newsdesk
