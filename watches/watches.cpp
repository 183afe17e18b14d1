// The public watches API (newsdesk/watches.hpp): saved searches run against what entered the
// archive since they last ran.
#include <newsdesk/watches.hpp>

#include <algorithm>
#include <ctime>
#include <regex>

#include "schema/schema.hpp"
#include "schema/terms.hpp"
#include "schema/xapian_errors.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/search.hpp"
#include "storage/database.hpp"
#include "watches/watch_store.hpp"

namespace newsdesk {
namespace {

std::string utc_now() {
    const auto now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// The id the next article to enter a shard will get: one above the highest article id, found
// by halving the range with the article posting list's skip_to (quote records are numbered
// apart, above: schema.hpp).
Xapian::docid next_article_id(const Xapian::Database& shard) {
    const auto term = schema::exact_term(schema::DocKind, schema::ArticleKind);
    const auto first_from = [&](Xapian::docid from) -> Xapian::docid {   // 0: none
        auto it = shard.postlist_begin(term);
        if (it == shard.postlist_end(term)) return 0;
        it.skip_to(from);
        return it == shard.postlist_end(term) ? 0 : *it;
    };
    Xapian::docid best = first_from(1);
    if (best == 0) return 1;
    // An article at `best`; is there one in [lo, hi)?
    Xapian::docid lo = best + 1, hi = shard.get_lastdocid() + 1;
    while (lo < hi) {
        const auto mid = lo + (hi - lo) / 2;
        if (const auto found = first_from(mid); found != 0 && found < hi) {
            best = found;
            lo = found + 1;
        } else {
            hi = mid;
        }
    }
    return best + 1;
}

// Keeps the id of every matching document in a range of ids.
class IdsFrom : public Xapian::MatchSpy {
public:
    IdsFrom(Xapian::docid from, Xapian::docid below, std::vector<Xapian::docid>& out) : from_(from), below_(below), out_(out) {}
    void operator()(const Xapian::Document& doc, double) override {
        if (doc.get_docid() >= from_ && doc.get_docid() < below_) out_.push_back(doc.get_docid());
    }
    std::string name() const override { return "newsdesk.IdsFrom"; }

private:
    Xapian::docid from_, below_;
    std::vector<Xapian::docid>& out_;
};

struct Archive {
    OpenedDatabase opened;
    std::vector<Xapian::docid> next_ids;   // per shard, as this reader sees it
};

Archive open_archive(const std::filesystem::path& db) {
    Archive a{open_shards({db.string()}), {}};
    for (const auto& shard : a.opened.local_shards) a.next_ids.push_back(next_article_id(shard));
    return a;
}

void check_watch(const Watch& w, const Xapian::Database& db) {
    static const std::regex allowed("[A-Za-z0-9._-]{1,64}");
    if (!std::regex_match(w.name, allowed))
        throw InvalidRequest("a watch's name is 1 to 64 letters, digits, '.', '-' or '_', not '" + w.name.substr(0, 80) + "'");
    const auto& known = facet_names();
    for (const auto& facet : w.facets)
        if (std::find(known.begin(), known.end(), facet) == known.end())
            throw InvalidRequest("unknown facet '" + facet + "' for the watch '" + w.name + "'");
    (void)parse_query(w.query, db);   // throws QueryError, naming the position
}

// What entered the archive since `stored` last ran and matches: the match narrowed to the new
// articles of each shard, by their ids.
SearchResults news_of(const StoredWatch& stored, const Archive& archive, std::size_t limit) {
    const auto& shards = archive.opened.local_shards;
    const auto parsed = parse_query(stored.watch.query, archive.opened.db);
    const Xapian::Query articles(Xapian::Query::OP_FILTER, parsed.query,
                                 Xapian::Query(schema::exact_term(schema::DocKind, schema::ArticleKind)));
    std::vector<Xapian::Query> ids;
    for (std::size_t s = 0; s < shards.size(); ++s) {
        const auto from = s < stored.unseen_from.size() ? stored.unseen_from[s] : archive.next_ids[s];
        if (from >= archive.next_ids[s]) continue;
        std::vector<Xapian::docid> found;
        Xapian::Enquire enquire(shards[s]);
        enquire.set_query(articles);
        IdsFrom spy(from, archive.next_ids[s], found);
        enquire.add_matchspy(&spy);
        (void)enquire.get_mset(0, 0, shards[s].get_doccount());
        for (const auto docid : found) {
            auto term = shards[s].termlist_begin(docid);
            term.skip_to(std::string{schema::Id.prefix});
            if (term != shards[s].termlist_end(docid) && (*term).starts_with(schema::Id.prefix)) ids.emplace_back(*term);
        }
    }
    SearchRequest request;
    request.query = stored.watch.query;
    request.facets = stored.watch.facets;
    request.limit = limit;
    request.sort = SortOrder::Newest;   // an alert reads as news does
    const Xapian::Query within = ids.empty() ? Xapian::Query::MatchNothing
                                             : Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
    return search(archive.opened.db, request, false, nullptr, &within);
}

} // namespace

std::vector<Watch> list_watches(const std::filesystem::path& db) {
    return translate_xapian_errors([&] {
        std::vector<Watch> out;
        for (auto& stored : stored_watches(open_database(watch_home(db)))) out.push_back(std::move(stored.watch));
        return out;
    });
}

Watch add_watch(const std::filesystem::path& db, const Watch& watch, std::chrono::milliseconds wait) {
    return translate_xapian_errors([&] {
        auto home = open_watch_home(watch_home(db), wait);
        const auto archive = open_archive(db);   // after the lock: no writer adds articles meanwhile
        check_watch(watch, archive.opened.db);
        if (!home.get_metadata(watch_key(watch.name)).empty())
            throw InvalidRequest("there is a watch named '" + watch.name + "' already (remove it first)");
        StoredWatch stored{watch, archive.next_ids};
        stored.watch.created = utc_now();
        stored.watch.last_run.clear();
        home.set_metadata(watch_key(watch.name), serialise(stored));
        home.commit();
        return stored.watch;
    });
}

bool remove_watch(const std::filesystem::path& db, const std::string& name, std::chrono::milliseconds wait) {
    return translate_xapian_errors([&] {
        auto home = open_watch_home(watch_home(db), wait);
        if (home.get_metadata(watch_key(name)).empty()) return false;
        home.set_metadata(watch_key(name), {});   // Xapian deletes an entry set empty
        home.commit();
        return true;
    });
}

std::vector<WatchRun> run_watches(const std::filesystem::path& db, const std::vector<std::string>& names,
                                  std::size_t limit, bool remember, std::chrono::milliseconds wait) {
    return translate_xapian_errors([&] {
        // Held for the whole run, so that two runs at once do not both report an article.
        auto home = open_watch_home(watch_home(db), wait);
        auto watches = stored_watches(home);
        for (const auto& name : names)
            if (std::none_of(watches.begin(), watches.end(), [&](const StoredWatch& w) { return w.watch.name == name; }))
                throw InvalidRequest("no watch is named '" + name + "'");
        const auto archive = open_archive(db);
        const auto ran = utc_now();
        std::vector<WatchRun> runs;
        for (auto& stored : watches) {
            if (!names.empty() && std::find(names.begin(), names.end(), stored.watch.name) == names.end()) continue;
            runs.push_back({stored.watch, news_of(stored, archive, limit)});
            stored.unseen_from = archive.next_ids;
            stored.watch.last_run = ran;
            if (remember) home.set_metadata(watch_key(stored.watch.name), serialise(stored));
        }
        if (remember) home.commit();
        return runs;
    });
}

} // namespace newsdesk
