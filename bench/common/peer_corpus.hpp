#pragma once
// The peers' copy of the corpus, written once by bench/enrich.py from the raw JSON Lines and
// `newsdesk extract`, so that every peer indexes the same text and the same facet values:
//   peers.tsv       docid TAB id TAB title TAB body TAB speaker-ids TAB country-ids
//                   (ids comma-separated; no tab or line break inside a column; Sphinx's
//                   tsvpipe reads this file as it is, hence numbers for the facet values)
//   speakers.txt    line k is the name of speaker id k (ids start at 1)
//   countries.txt   line k is the code of country id k
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace bench {

struct PeerArticle {
    std::uint64_t docid = 0;
    std::string id, title, body;
    std::vector<std::uint32_t> speakers, countries;
};

class PeerCorpus {
public:
    explicit PeerCorpus(const std::string& tsv_path);
    // Reads the next article into `a`; false at the end. Throws on a malformed line.
    bool next(PeerArticle& a);

private:
    std::ifstream in_;
    std::string line_;
    std::uint64_t line_number_ = 0;
};

// Entry 0 is empty so that an id indexes the vector directly.
std::vector<std::string> read_dictionary(const std::string& path);

} // namespace bench
