#include <fstream>
#include <sstream>
#include <stdexcept>

#include <newsdesk/entities.hpp>
#include <newsdesk/errors.hpp>
#include "text/unicode.hpp"

namespace newsdesk::embedded {
extern const std::string_view speaker_aliases_tsv;
}

namespace newsdesk {
namespace {

// Reads "Canonical<TAB>variant..." lines into `by_folded` (normalised variant -> canonical).
void read_aliases(std::istream& in, const std::string& source, std::map<std::string, std::string>& by_folded) {
    const std::filesystem::path file{source};
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
        std::vector<std::string> cells;
        std::size_t pos = 0;
        while (pos <= line.size()) {
            const auto tab = std::min(line.find('\t', pos), line.size());
            auto cell = line.substr(pos, tab - pos);
            while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) cell.pop_back();
            while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
            if (!cell.empty()) cells.push_back(cell);
            pos = tab + 1;
        }
        if (cells.empty()) continue;
        if (!text::valid_utf8(line))
            throw InvalidRequest(file.string() + ":" + std::to_string(number) + ": not valid UTF-8");
        if (cells.size() < 2)
            throw InvalidRequest(file.string() + ":" + std::to_string(number) +
                                     ": expected \"Canonical Name<TAB>variant...\"");
        for (const auto& variant : cells) by_folded[text::normalise(variant)] = cells.front();
    }
}

} // namespace

// The shipped defaults (speaker_aliases.tsv, compiled in): well-known people whose names are
// spelt or transliterated several ways.
SpeakerAliases::SpeakerAliases() {
    std::istringstream in{std::string{embedded::speaker_aliases_tsv}};
    read_aliases(in, "speaker_aliases.tsv", by_folded_);
}

void SpeakerAliases::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw InvalidRequest(file.string() + ": cannot open alias file");
    read_aliases(in, file.string(), by_folded_);
}

std::optional<std::string> SpeakerAliases::canonical(std::string_view name) const {
    if (const auto it = by_folded_.find(text::normalise(name)); it != by_folded_.end()) return it->second;
    return std::nullopt;
}

std::size_t SpeakerAliases::size() const { return by_folded_.size(); }

} // namespace newsdesk
