#include "peer_corpus.hpp"

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace bench {
namespace {

std::vector<std::uint32_t> parse_ids(std::string_view s) {
    std::vector<std::uint32_t> ids;
    const char* p = s.data();
    const char* end = s.data() + s.size();
    while (p < end) {
        std::uint32_t id = 0;
        const auto [next, ec] = std::from_chars(p, end, id);
        if (ec != std::errc{}) throw std::runtime_error("peers.tsv: bad id list");
        ids.push_back(id);
        p = next < end && *next == ',' ? next + 1 : next;
    }
    return ids;
}

} // namespace

PeerCorpus::PeerCorpus(const std::string& tsv_path) : in_(tsv_path) {
    if (!in_) throw std::runtime_error("cannot read " + tsv_path);
}

bool PeerCorpus::next(PeerArticle& a) {
    if (!std::getline(in_, line_)) return false;
    ++line_number_;
    std::string_view cols[6];
    std::size_t start = 0;
    for (int c = 0; c < 6; ++c) {
        const auto tab = line_.find('\t', start);
        if ((tab == std::string::npos) != (c == 5))
            throw std::runtime_error("peers.tsv line " + std::to_string(line_number_) + ": expected 6 columns");
        cols[c] = std::string_view(line_).substr(start, tab == std::string::npos ? std::string::npos : tab - start);
        start = tab + 1;
    }
    a.docid = std::stoull(std::string(cols[0]));
    a.id.assign(cols[1]);
    a.title.assign(cols[2]);
    a.body.assign(cols[3]);
    a.speakers = parse_ids(cols[4]);
    a.countries = parse_ids(cols[5]);
    return true;
}

std::vector<std::string> read_dictionary(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> names{""};
    for (std::string line; std::getline(in, line);) names.push_back(line);
    return names;
}

} // namespace bench
