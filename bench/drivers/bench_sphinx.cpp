// Sphinx 2.2 through SphinxQL (searchd's MySQL protocol, libmariadb). Indexing is Sphinx's own
// `indexer` reading peers.tsv (bench/sphinx.conf.in), so this driver only queries: MATCH() in
// the extended syntax, the facet filters as conditions on the multi-valued attributes (ids of
// speakers and countries), FACET for the counts, SHOW META for the exact total, all in one batch.
#include <iostream>
#include <mysql.h>
#include <stdexcept>
#include <unordered_map>

#include "peer_corpus.hpp"
#include "query_loop.hpp"

namespace {

constexpr const char* Usage =
    "usage: bench_sphinx query PORT QUERIES ROUNDS OUT.json SPEAKERS.txt COUNTRIES.txt [MAX_MATCHES]\n"
    "       (the index is built by Sphinx's indexer; see bench/run.sh)\n"
    "       MAX_MATCHES: by default as many as there are speakers, so that facet counts are exact\n";

// A keyword for the extended query syntax: its operator characters escaped.
std::string keyword(const std::string& word) {
    std::string out;
    for (const char c : word) {
        if (std::string_view("\\()|-!@~\"&/^$=<'").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string atom_text(const bench::Atom& a) {
    std::string words;
    for (const auto& w : a.words) words += (words.empty() ? "" : " ") + keyword(w);
    return a.kind == bench::Atom::Kind::Phrase ? bench::quoted(words) : words;
}

std::string group_text(const bench::Group& g) {
    std::string out;
    for (const auto& a : g.any) out += (out.empty() ? "" : " | ") + atom_text(a);
    return g.any.size() > 1 ? "(" + out + ")" : out;
}

class Sphinx {
public:
    Sphinx(unsigned port, const std::string& speakers_path, const std::string& countries_path, std::size_t max_matches)
        : speaker_names_(bench::read_dictionary(speakers_path)), country_names_(bench::read_dictionary(countries_path)) {
        for (std::size_t i = 1; i < speaker_names_.size(); ++i) speaker_ids_[speaker_names_[i]] = i;
        for (std::size_t i = 1; i < country_names_.size(); ++i) country_ids_[country_names_[i]] = i;
        // Facet counts are exact only while every distinct value fits in the group-by sorter,
        // whose size is max_matches (default 1,000): give it room for all of them. It costs:
        // searchd allocates that many entries per sorter, for every query.
        max_matches_ = max_matches ? max_matches
                                   : std::max<std::size_t>({1000, speaker_names_.size(), country_names_.size()});
        conn_ = mysql_init(nullptr);
        if (!mysql_real_connect(conn_, "127.0.0.1", "", "", nullptr, port, nullptr,
                                CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS))
            throw std::runtime_error(std::string("connect: ") + mysql_error(conn_));
    }
    ~Sphinx() { mysql_close(conn_); }
    Sphinx(const Sphinx&) = delete;
    Sphinx& operator=(const Sphinx&) = delete;

    bench::QueryResult run(const bench::MixQuery& q) {
        const auto sql = to_sphinxql(q);
        if (mysql_real_query(conn_, sql.data(), sql.size()) != 0)
            throw std::runtime_error(std::string(mysql_error(conn_)) + " in: " + sql);
        bench::QueryResult r;
        // Result sets in order: the hits, FACET speakers, FACET countries, SHOW META.
        for (int set = 0;; ++set) {
            MYSQL_RES* res = mysql_store_result(conn_);
            if (res) {
                while (MYSQL_ROW row = mysql_fetch_row(res)) read_row(set, row, r);
                mysql_free_result(res);
            } else if (mysql_field_count(conn_) != 0) {
                throw std::runtime_error(std::string(mysql_error(conn_)) + " in: " + sql);
            }
            const int more = mysql_next_result(conn_);
            if (more > 0) throw std::runtime_error(std::string(mysql_error(conn_)) + " in: " + sql);
            if (more < 0) break;
        }
        return r;
    }

private:
    std::string to_sphinxql(const bench::MixQuery& q) {
        std::string match, filters;
        for (const auto& g : q.all) {
            const auto& a = g.any.front();
            if (a.kind == bench::Atom::Kind::Filter) {
                const bool speaker = a.field == "speaker";
                const auto& ids = speaker ? speaker_ids_ : country_ids_;
                const auto it = ids.find(a.value);
                // An unknown value matches nothing: id 0 is never given.
                filters += " AND " + std::string(speaker ? "speakers" : "countries") + " = " +
                           std::to_string(it == ids.end() ? 0 : it->second);
            } else {
                match += std::string(match.empty() ? "" : " ") + (g.negated ? "-" : "") + group_text(g);
            }
        }
        std::string escaped(match.size() * 2 + 1, '\0');
        escaped.resize(mysql_real_escape_string(conn_, escaped.data(), match.data(), match.size()));
        std::string where = q.has_text() ? "MATCH('" + escaped + "')" + filters : filters.substr(5);
        const auto limit = " LIMIT " + std::to_string(bench::TopValues);
        return "SELECT ext_id FROM news WHERE " + where + " ORDER BY WEIGHT() DESC, id ASC LIMIT " +
               std::to_string(bench::TopHits) + " OPTION ranker=bm25, field_weights=(title=3), max_matches=" +
               std::to_string(max_matches_) + " FACET speakers ORDER BY COUNT(*) DESC" + limit +
               " FACET countries ORDER BY COUNT(*) DESC" + limit + "; SHOW META";
    }

    void read_row(int set, MYSQL_ROW row, bench::QueryResult& r) {
        switch (set) {
        case 0: r.top_ids.emplace_back(row[0] ? row[0] : ""); break;
        case 1: r.speakers.push_back({speaker_names_.at(std::stoul(row[0])), std::stoull(row[1])}); break;
        case 2: r.countries.push_back({country_names_.at(std::stoul(row[0])), std::stoull(row[1])}); break;
        default:
            if (std::string_view(row[0]) == "total_found") r.total = std::stoull(row[1]);
        }
    }

    std::vector<std::string> speaker_names_, country_names_;
    std::unordered_map<std::string, std::size_t> speaker_ids_, country_ids_;
    std::size_t max_matches_ = 1000;
    MYSQL* conn_ = nullptr;
};

} // namespace

int main(int argc, char** argv) {
    return bench::run_driver("bench_sphinx", argc, argv, Usage, [](const bench::Command& cmd) {
        if (cmd.mode != "query" || cmd.args.size() < 5 || cmd.args.size() > 6) throw std::runtime_error(Usage);
        const std::size_t max_matches = cmd.args.size() == 6 ? std::stoul(cmd.args[5]) : 0;
        Sphinx sphinx(static_cast<unsigned>(std::stoul(cmd.db)), cmd.args[3], cmd.args[4], max_matches);
        const std::string engine = max_matches ? "sphinx-mm" + std::to_string(max_matches) : "sphinx";
        bench::run_query_mix(engine, bench::read_query_mix(cmd.args[0]), std::stoi(cmd.args[1]),
                             [&](const bench::MixQuery& q) { return sphinx.run(q); }, cmd.args[2]);
    });
}
