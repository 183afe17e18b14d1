// SQLite FTS5: title and body in an fts5 table (porter stemmer over unicode61), ranked by
// bm25() with the title weighing three times; the facet values in side tables
// (article -> speaker id, article -> country id), counted with GROUP BY over the match set.
// The match set is computed once per query into a temporary table that the count, the top 10
// and both facets then read.
#include <iostream>
#include <sqlite3.h>
#include <stdexcept>

#include "peer_corpus.hpp"
#include "query_loop.hpp"

namespace {

constexpr const char* Usage =
    "usage: bench_sqlite index DB PEERS.tsv SPEAKERS.txt COUNTRIES.txt\n"
    "       bench_sqlite query DB QUERIES ROUNDS OUT.json\n";

class Db {
public:
    explicit Db(const std::string& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(message + " in: " + sql);
        }
    }
    sqlite3* get() { return db_; }

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(Db& db, const std::string& sql) {
        if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &s_, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(db.get())) + " in: " + sql);
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step() {
        const int rc = sqlite3_step(s_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(sqlite3_db_handle(s_)));
        return rc == SQLITE_ROW;
    }
    void run() {
        step();
        sqlite3_reset(s_);
    }
    std::int64_t integer(int col) { return sqlite3_column_int64(s_, col); }
    std::string text(int col) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string{};
    }

private:
    sqlite3_stmt* s_ = nullptr;
};

void load_dictionary(Db& db, const std::string& table, const std::string& path) {
    const auto names = bench::read_dictionary(path);
    Stmt insert(db, "INSERT INTO " + table + "(id, name) VALUES (?, ?)");
    for (std::size_t id = 1; id < names.size(); ++id) insert.bind(1, static_cast<std::int64_t>(id)).bind(2, names[id]).run();
}

void index(const std::string& path, const std::vector<std::string>& args) {
    if (args.size() != 3) throw std::runtime_error(Usage);
    Db db(path);
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;");
    db.exec("CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body,"
            " tokenize = 'porter unicode61 remove_diacritics 2');"
            "CREATE TABLE speakers(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
            "CREATE TABLE countries(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
            "CREATE TABLE article_speaker(article INTEGER, speaker INTEGER, PRIMARY KEY(article, speaker)) WITHOUT ROWID;"
            "CREATE TABLE article_country(article INTEGER, country INTEGER, PRIMARY KEY(article, country)) WITHOUT ROWID;");
    db.exec("BEGIN");
    load_dictionary(db, "speakers", args[1]);
    load_dictionary(db, "countries", args[2]);
    Stmt article(db, "INSERT INTO articles(rowid, id, title, body) VALUES (?, ?, ?, ?)");
    Stmt speaker(db, "INSERT INTO article_speaker(article, speaker) VALUES (?, ?)");
    Stmt country(db, "INSERT INTO article_country(article, country) VALUES (?, ?)");
    bench::PeerCorpus corpus(args[0]);
    bench::PeerArticle a;
    std::uint64_t n = 0;
    while (corpus.next(a)) {
        const auto doc = static_cast<std::int64_t>(a.docid);
        article.bind(1, doc).bind(2, a.id).bind(3, a.title).bind(4, a.body).run();
        for (const auto id : a.speakers) speaker.bind(1, doc).bind(2, id).run();
        for (const auto id : a.countries) country.bind(1, doc).bind(2, id).run();
        if (++n % 10000 == 0) db.exec("COMMIT; BEGIN");   // as often as Xapian's default
    }
    db.exec("COMMIT");
    // Built after the load (faster than maintaining them row by row): they serve the filters.
    db.exec("CREATE INDEX speaker_articles ON article_speaker(speaker, article);"
            "CREATE INDEX country_articles ON article_country(country, article);");
}

std::string fts_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

std::string fts_atom(const bench::Atom& a) {
    std::string words;
    for (const auto& w : a.words) words += (words.empty() ? "" : " ") + w;
    return fts_string(words);   // a quoted string is a phrase, or one token
}

std::string fts_group(const bench::Group& g) {
    std::string out;
    for (const auto& a : g.any) out += (out.empty() ? "" : " OR ") + fts_atom(a);
    return "(" + out + ")";
}

// FTS5's NOT is binary and binds tighter than AND: "(a) AND (b) NOT (c)" is a AND (b NOT c).
std::string match_expression(const bench::MixQuery& q) {
    std::string out;
    for (const auto& g : q.all)
        if (!g.negated && g.any.front().kind != bench::Atom::Kind::Filter) out += (out.empty() ? "" : " AND ") + fts_group(g);
    for (const auto& g : q.all)
        if (g.negated) out += " NOT " + fts_group(g);
    return out;
}

class Searcher {
public:
    explicit Searcher(const std::string& path) : db_(path) {
        db_.exec("PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"
                 "CREATE TEMP TABLE m(doc INTEGER PRIMARY KEY, score REAL)");
    }

    bench::QueryResult run(const bench::MixQuery& q) {
        db_.exec("DELETE FROM m");
        fill_match_set(q);
        bench::QueryResult r;
        Stmt count(db_, "SELECT count(*) FROM m");
        count.step();
        r.total = static_cast<std::uint64_t>(count.integer(0));
        // The ten best first, then their ids: a join would have SQLite scan the fts5 table.
        Stmt top(db_, "SELECT (SELECT id FROM articles WHERE rowid = t.doc) FROM"
                      " (SELECT doc, score FROM m ORDER BY score, doc LIMIT 10) t ORDER BY score, doc");
        while (top.step()) r.top_ids.push_back(top.text(0));
        r.speakers = facet("article_speaker", "speaker", "speakers");
        r.countries = facet("article_country", "country", "countries");
        return r;
    }

private:
    // The match set: the full-text matches (materialised, so that SQLite cannot turn the
    // filters into one MATCH per filtered article), kept if they pass every filter; for a query
    // of filters only, the articles of the first filter.
    void fill_match_set(const bench::MixQuery& q) {
        std::vector<const bench::Atom*> filters;
        for (const auto& g : q.all)
            if (g.any.front().kind == bench::Atom::Kind::Filter) filters.push_back(&g.any.front());
        const auto id_of = [](const bench::Atom& a) {
            return a.field == "speaker" ? std::string("(SELECT id FROM speakers WHERE name = ?)")
                                        : std::string("(SELECT id FROM countries WHERE name = ?)");
        };
        std::string base;
        std::size_t first_filter = 0;
        if (q.has_text()) {
            // bm25(): lower is better; the column weights are id, title, body.
            base = "SELECT rowid AS doc, bm25(articles, 0.0, 3.0, 1.0) AS score FROM articles WHERE articles MATCH ?";
        } else {
            const auto& a = *filters.at(0);
            base = "SELECT article AS doc, 0.0 AS score FROM article_" + a.field + " WHERE " + a.field + " = " + id_of(a);
            first_filter = 1;
        }
        std::string sql = "WITH t AS MATERIALIZED (" + base + ") INSERT INTO m SELECT doc, score FROM t WHERE 1";
        for (std::size_t i = first_filter; i < filters.size(); ++i)
            sql += " AND doc IN (SELECT article FROM article_" + filters[i]->field + " WHERE " + filters[i]->field +
                   " = " + id_of(*filters[i]) + ")";
        Stmt fill(db_, sql);
        int i = 1;
        if (q.has_text()) fill.bind(i++, match_expression(q));
        for (const auto* f : filters) fill.bind(i++, f->value);
        fill.step();
    }

    std::vector<bench::FacetCount> facet(const std::string& link, const std::string& column, const std::string& names) {
        // CROSS JOIN keeps the match set as the outer loop: left alone, SQLite walks the whole
        // link table in value order to save the GROUP BY sort.
        Stmt s(db_, "SELECT n.name, c FROM (SELECT l." + column + " AS v, count(*) AS c FROM m CROSS JOIN " + link +
                        " l ON l.article = m.doc GROUP BY l." + column + ") JOIN " + names +
                        " n ON n.id = v ORDER BY c DESC, n.name LIMIT 10");
        std::vector<bench::FacetCount> out;
        while (s.step()) out.push_back({s.text(0), static_cast<std::uint64_t>(s.integer(1))});
        return out;
    }

    Db db_;
};

} // namespace

int main(int argc, char** argv) {
    return bench::run_driver("bench_sqlite", argc, argv, Usage, [](const bench::Command& cmd) {
        if (cmd.mode == "index") return index(cmd.db, cmd.args);
        Searcher searcher(cmd.db);
        bench::run_query_mix("sqlite", bench::read_query_mix(cmd.args[0]), std::stoi(cmd.args[1]),
                             [&](const bench::MixQuery& q) { return searcher.run(q); }, cmd.args[2]);
    });
}
