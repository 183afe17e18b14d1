#include "indexer/article_document.hpp"

#include <cctype>
#include <set>
#include <unordered_set>

#include "text/stemmers.hpp"
#include "schema/date.hpp"
#include "schema/stored_article.hpp"
#include "schema/terms.hpp"
#include "text/fixed_hash.hpp"
#include "text/story_fingerprint.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

// Title words count more than body words when ranked.
constexpr Xapian::termcount TitleWeight = 3;
// Positions left empty between title and body, so no phrase spans the two.
constexpr Xapian::termpos FieldGap = 100;

class TextIndexer {
public:
    TextIndexer(Xapian::Document& doc, const Xapian::Stem* stemmer) : doc_(doc), stemmer_(stemmer) {}

    // `words`, when given, receives each word's StoryFingerprint::word_hash, junk included.
    void index(std::string_view text, std::string_view prefix, Xapian::termcount weight,
               std::vector<std::uint64_t>* words = nullptr) {
        std::string term;
        std::string stem_term;
        text::for_each_word(text, [&](const text::Word& w) {
            term.assign(prefix);
            term += text::normalise(w.text);
            ++pos_;
            if (words) words->push_back(text::StoryFingerprint::word_hash(std::string_view{term}.substr(prefix.size())));
            if (term.size() == prefix.size() || term.size() > schema::MaxTermBytes) return;   // junk, not a word
            doc_.add_posting(term, pos_, weight);
            const auto word = std::string_view{term}.substr(prefix.size());
            if (!stemmer_ || std::isdigit(static_cast<unsigned char>(word.front()))) return;
            stem_term.assign(schema::StemPrefix);
            stem_term += prefix;
            stem_term += (*stemmer_)(std::string{word});
            doc_.add_term(stem_term, weight);
        });
    }
    void skip() { pos_ += FieldGap; }

private:
    Xapian::Document& doc_;
    const Xapian::Stem* stemmer_;
    Xapian::termpos pos_ = 0;
};

void add_exact(Xapian::Document& doc, const schema::Field& field, std::string_view value) {
    if (value.empty()) return;
    doc.add_boolean_term(schema::exact_term(field, value));
    if (field.word_prefix.empty()) return;
    text::for_each_word(value, [&](const text::Word& w) {
        doc.add_boolean_term(schema::word_term(field, w.text));
    });
}

void add_value(Xapian::Document& doc, const schema::Field& field, const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& v : values) {
        if (!joined.empty()) joined += schema::MultiValueSeparator;
        joined += v;
    }
    if (!joined.empty()) doc.add_value(schema::value_no(*field.slot), joined);
}


// What both an article and its quote records carry: filters and facets of the article.
void add_article_fields(Xapian::Document& doc, const Article& a) {
    add_exact(doc, schema::Source, a.source);
    add_exact(doc, schema::Language, a.language);
    add_exact(doc, schema::Dateline, a.dateline);
    for (const auto& country : a.countries) add_exact(doc, schema::Country, country);
    if (!a.date.empty()) doc.add_value(schema::value_no(schema::Slot::Date), date_value(a.date));
    doc.add_value(schema::value_no(schema::Slot::OldestFirst), a.date.empty() ? std::string{schema::UndatedLast} : date_value(a.date));
    add_value(doc, schema::Source, {a.source});
    add_value(doc, schema::Language, {a.language});
    add_value(doc, schema::Dateline, {a.dateline});
    add_value(doc, schema::Country, a.countries);
    std::vector<std::string> focus, dateline_country;
    for (const auto& m : a.country_mentions) {
        if (m.focus) focus.push_back(m.code);
        if (m.dateline) dateline_country.push_back(m.code);
    }
    if (dateline_country.size() > 1) dateline_country.resize(1);   // one place, one country
    for (const auto& code : focus) add_exact(doc, schema::Focus, code);
    for (const auto& code : dateline_country) add_exact(doc, schema::DatelineCountry, code);
    add_value(doc, schema::Focus, focus);
    add_value(doc, schema::DatelineCountry, dateline_country);
}

// `names` without the ones a search does not tell apart from an earlier one, or from one of
// `taken` (case, accents): each name is listed once, so that a facet counts an article once
// for it, as its filter finds it once.
std::vector<std::string> distinct_names(const std::vector<std::string>& names, std::set<std::string>& taken) {
    std::vector<std::string> out;
    for (const auto& name : names)
        if (taken.insert(text::normalise(name)).second) out.push_back(name);
    return out;
}

// Speakers: people and organisations both answer `speaker:`; `organisation:` and
// `speaker_type:` tell them apart. A name is one or the other in an article: an organisation
// when extraction found it as one.
void add_speakers(Xapian::Document& doc, const std::vector<std::string>& all_people,
                  const std::vector<std::string>& all_organisations) {
    std::set<std::string> taken;
    const auto organisations = distinct_names(all_organisations, taken);
    const auto people = distinct_names(all_people, taken);
    for (const auto& name : people) add_exact(doc, schema::Speaker, name);
    for (const auto& name : organisations) {
        add_exact(doc, schema::Speaker, name);
        add_exact(doc, schema::Organisation, name);
    }
    if (!people.empty()) add_exact(doc, schema::SpeakerType, speaker_kind_name(SpeakerKind::Person));
    if (!organisations.empty()) add_exact(doc, schema::SpeakerType, speaker_kind_name(SpeakerKind::Organisation));
    add_value(doc, schema::Speaker, people);
    add_value(doc, schema::Organisation, organisations);
}

} // namespace

void add_story_fingerprint(Xapian::Document& doc, const text::StoryFingerprint& fingerprint) {
    if (fingerprint.empty()) return;
    doc.add_value(schema::value_no(schema::Slot::StoryFingerprint), fingerprint.serialise());
    for (std::size_t band = 0; band < text::StoryFingerprint::Bands; ++band)
        doc.add_boolean_term(schema::story_band_term(fingerprint.band_key(band)));
}

std::optional<text::StoryFingerprint> story_fingerprint(const Xapian::Document& doc) {
    return text::StoryFingerprint::parse(doc.get_value(schema::value_no(schema::Slot::StoryFingerprint)));
}

void set_story(Xapian::Document& doc, const std::string& story) {
    const auto slot = schema::value_no(schema::Slot::Story);
    if (const auto old = doc.get_value(slot); !old.empty()) {
        if (old == story) return;
        doc.remove_term(schema::exact_term(schema::Story, old));
    }
    doc.add_boolean_term(schema::exact_term(schema::Story, story));
    doc.add_value(slot, story);
}

std::string story_of(const Xapian::Document& doc) { return doc.get_value(schema::value_no(schema::Slot::Story)); }

std::uint64_t article_digest(const Article& a, std::string_view settings) {
    // FNV-1a over each piece with its length before it, so that no two articles' pieces run
    // together into the same bytes. Everything read is counted but where it was read from.
    std::uint64_t h = text::fnv1a(settings);
    const auto add = [&](std::string_view piece) { h = text::fnv1a(piece, text::fnv1a(std::to_string(piece.size()) + ':', h)); };
    const auto add_all = [&](const std::vector<std::string>& pieces) {
        add(std::to_string(pieces.size()));
        for (const auto& piece : pieces) add(piece);
    };
    for (const auto* field : {&a.id, &a.title, &a.body, &a.date, &a.source, &a.url, &a.language, &a.dateline}) add(*field);
    add_all(a.authors);
    add_all(a.speakers);
    add_all(a.organisations);
    add_all(a.countries);
    add(std::to_string(a.country_mentions.size()));
    for (const auto& m : a.country_mentions)
        add(m.code + ' ' + std::to_string(m.count) + (m.dateline ? " dateline" : "") + (m.focus ? " focus" : ""));
    add(std::to_string(a.quotes.size()));
    for (const auto& q : a.quotes) {
        add(q.speaker);
        add(q.text);
        add(q.verb);
        add(std::to_string(q.offset) + (q.direct ? " direct" : ""));
    }
    return h;
}

void set_digest(Xapian::Document& doc, std::uint64_t digest) {
    std::string bytes(8, '\0');
    for (std::size_t i = 0; i < 8; ++i) bytes[i] = static_cast<char>(digest >> (56 - 8 * i));
    doc.add_value(schema::value_no(schema::Slot::Digest), bytes);
}

std::optional<std::uint64_t> digest_of(const Xapian::Document& doc) {
    const auto bytes = doc.get_value(schema::value_no(schema::Slot::Digest));
    if (bytes.size() != 8) return std::nullopt;
    std::uint64_t digest = 0;
    for (const unsigned char c : bytes) digest = digest << 8 | c;
    return digest;
}

Xapian::Document text_document(const Article& a) {
    Xapian::Document doc;
    TextIndexer text_indexer(doc, stemmer_for(a.language));
    text_indexer.index(a.title, schema::Title.prefix, 1);
    text_indexer.skip();
    text_indexer.index(a.title, schema::Body.prefix, TitleWeight);   // plain queries favour titles
    text_indexer.skip();
    std::vector<std::uint64_t> body_words;
    text_indexer.index(a.body, schema::Body.prefix, 1, &body_words);
    add_story_fingerprint(doc, text::StoryFingerprint::of_words(body_words));
    for (const auto& q : a.quotes) {
        text_indexer.skip();
        text_indexer.index(q.text, schema::QuoteText.prefix, 1);
    }
    return doc;
}

Xapian::Document to_document(const Article& a, Xapian::Document text, const SpeakerForms& forms) {
    Xapian::Document doc = std::move(text);
    doc.add_boolean_term(schema::exact_term(schema::Id, a.id));
    add_exact(doc, schema::DocKind, schema::ArticleKind);
    add_exact(doc, schema::Url, a.url);
    for (const auto& author : a.authors) add_exact(doc, schema::Author, author);
    add_speakers(doc, a.speakers, a.organisations);
    // The registry's evidence: boolean, so that it changes no document length and no ranking.
    for (const auto& name : forms.speakers)
        if (const auto term = schema::speaker_form_term(name)) doc.add_boolean_term(*term);
    add_article_fields(doc, a);
    doc.set_data(to_document_data(a, forms));
    return doc;
}

Xapian::Document to_document(const Article& a, Xapian::Document text) {
    return to_document(a, std::move(text), forms_of(a));
}

Xapian::Document to_document(const Article& a) { return to_document(a, text_document(a)); }

std::string quote_id(const Article& a, std::size_t n) { return a.id + "#q" + std::to_string(n + 1); }

std::vector<Xapian::Document> to_quote_documents(const Article& a) {
    std::vector<Xapian::Document> docs;
    for_each_quote_document(a, [&](Xapian::Document doc) { docs.push_back(std::move(doc)); });
    return docs;
}

void for_each_quote_document(const Article& a, const std::function<void(Xapian::Document)>& each) {
    const std::unordered_set<std::string> organisations(a.organisations.begin(), a.organisations.end());
    for (std::size_t n = 0; n < a.quotes.size(); ++n) {
        const auto& q = a.quotes[n];
        const auto kind = organisations.contains(q.speaker) ? SpeakerKind::Organisation : SpeakerKind::Person;
        Xapian::Document doc;
        TextIndexer text_indexer(doc, stemmer_for(a.language));
        // Indexed once: in a quote record every word is quoted, so `quote:` searches plain words.
        text_indexer.index(q.text, schema::Body.prefix, 1);
        doc.add_boolean_term(schema::exact_term(schema::Id, quote_id(a, n)));
        doc.add_boolean_term(schema::exact_term(schema::ArticleId, a.id));
        add_exact(doc, schema::DocKind, schema::QuoteKind);
        add_exact(doc, schema::Verb, q.verb);
        add_value(doc, schema::Verb, {q.verb});
        if (kind == SpeakerKind::Organisation) add_speakers(doc, {}, {q.speaker});
        else add_speakers(doc, {q.speaker}, {});
        add_article_fields(doc, a);
        doc.set_data(quote_document_data(a, q, kind));
        each(std::move(doc));
    }
}

} // namespace newsdesk
