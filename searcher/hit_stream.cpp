#include "searcher/hit_stream.hpp"

#include <algorithm>
#include <limits>

#include "schema/schema.hpp"
#include "schema/stored_article.hpp"
#include "schema/terms.hpp"
#include "schema/xapian_errors.hpp"
#include "searcher/snippet.hpp"

namespace newsdesk {
namespace {

using Match = HitStream::Impl::Match;

std::uint32_t date_key(const std::string& value) {
    std::uint32_t key = 0;
    for (const char c : value.substr(0, 8)) {
        if (c < '0' || c > '9') return 0;
        key = key * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return value.size() >= 8 ? key : 0;
}

// Keeps what ordering needs of every match.
class OrderSpy : public Xapian::MatchSpy {
public:
    explicit OrderSpy(std::vector<Match>& out, bool dated) : out_(out), dated_(dated) {}
    void operator()(const Xapian::Document& doc, double weight) override {
        const auto date = dated_ ? date_key(doc.get_value(schema::value_no(schema::Slot::Date))) : 0;
        out_.push_back({weight, doc.get_docid(), date});
    }
    std::string name() const override { return "newsdesk.OrderSpy"; }

private:
    std::vector<Match>& out_;
    bool dated_;
};

// search()'s orders: by weight (ties by id), or by date with the undated last either way and
// ties by weight: Xapian's sort by value, then relevance.
void put_in_order(std::vector<Match>& matches, SortOrder order) {
    const auto by_weight = [](const Match& a, const Match& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    };
    if (order == SortOrder::Relevance) return std::sort(matches.begin(), matches.end(), by_weight);
    const bool newest = order == SortOrder::Newest;
    const auto key = [&](const Match& m) {
        if (m.date == 0) return std::numeric_limits<std::int64_t>::max();
        return newest ? -static_cast<std::int64_t>(m.date) : static_cast<std::int64_t>(m.date);
    };
    std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
        const auto ka = key(a), kb = key(b);
        return ka != kb ? ka < kb : by_weight(a, b);
    });
}

} // namespace

HitStream::Impl::Impl(const Xapian::Database& db, const SearchRequest& request, const ExportOptions& options, bool one_local)
    : db_(db), request_(request), options_(options) {
    parsed_ = parse_query(request.query, db_, request.stem_language);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parsed_.query,
                                    Xapian::Query(schema::exact_term(schema::DocKind, schema::ArticleKind))));
    const auto everything = db_.get_doccount();
    if (one_local) {
        OrderSpy spy(order_, request.sort != SortOrder::Relevance);
        enquire.add_matchspy(&spy);
        (void)enquire.get_mset(0, 0, everything);
        put_in_order(order_, request.sort);
    } else {
        if (request.sort == SortOrder::Newest)
            enquire.set_sort_by_value_then_relevance(schema::value_no(schema::Slot::Date), true);
        if (request.sort == SortOrder::Oldest)
            enquire.set_sort_by_value_then_relevance(schema::value_no(schema::Slot::OldestFirst), false);
        const auto mset = enquire.get_mset(0, everything, everything);
        order_.reserve(mset.size());
        for (auto it = mset.begin(); it != mset.end(); ++it) order_.push_back({it.get_weight(), *it, 0});
    }
    // The request's window of them.
    const auto from = std::min<std::size_t>(request.offset, order_.size());
    const auto count = std::min<std::size_t>(request.limit, order_.size() - from);
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(from + count), order_.end());
    at_ = from;
    total = count;
}

std::optional<Hit> HitStream::Impl::next() {
    while (at_ < order_.size()) {
        const auto& match = order_[at_++];
        Xapian::Document doc;
        try {
            // A commit since the order was made may have taken the revision it was read from:
            // read the newest, where the article may be gone.
            for (int attempt = 1;; ++attempt) {
                try {
                    doc = db_.get_document(match.docid);
                    break;
                } catch (const Xapian::DatabaseModifiedError&) {
                    if (attempt == 100) throw;
                    db_.reopen();
                }
            }
        } catch (const Xapian::DocNotFoundError&) {
            continue;
        }
        Hit hit;
        hit.rank = at_;   // counted from the first match, as search() ranks
        hit.score = match.weight;
        hit.article = from_document_data(doc.get_data());
        if (options_.snippets)
            hit.snippet = make_snippet(hit.article.body, parsed_, hit.article.language, request_.stem_language);
        if (!options_.bodies) hit.article.body.clear();
        hit.story = doc.get_value(schema::value_no(schema::Slot::Story));
        return hit;
    }
    return std::nullopt;
}

HitStream::HitStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HitStream::~HitStream() = default;
HitStream::HitStream(HitStream&&) noexcept = default;
HitStream& HitStream::operator=(HitStream&&) noexcept = default;

std::optional<Hit> HitStream::next() {
    return translate_xapian_errors([&] { return impl_->next(); });
}

std::uint64_t HitStream::total() const { return impl_->total; }

} // namespace newsdesk
