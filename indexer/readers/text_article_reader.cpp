#include "indexer/readers/text_article_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "indexer/readers/whole_file.hpp"
#include "text/punctuation.hpp"
#include "text/unicode.hpp"

namespace newsdesk {
namespace {

constexpr std::size_t MaxTitleBytes = 200;

std::string_view trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), s.begin(),
                      [](char p, char c) { return std::tolower(static_cast<unsigned char>(c)) == p; });
}

// Headings that introduce the link lists scraped pages end with.
bool is_link_list_heading(std::string_view line) {
    static constexpr std::array headings{"read more", "related", "see also", "also read",
                                         "more on this", "related articles", "related news", "more stories"};
    line = trim(line);
    for (std::string_view h : headings)
        if (starts_with_ci(line, h)) {
            const auto rest = trim(line.substr(h.size()));
            if (rest.empty() || rest.front() == ':') return true;
        }
    return false;
}

struct Dateline {
    std::string place, agency;
    std::size_t lead_start = 0;   // where the lead text begins after the dash
};

// "Tehran (IP) – ...", "WASHINGTON, May 16 (Reuters) - ...", "Nairobi – ...".
std::optional<Dateline> parse_dateline(std::string_view para) {
    std::size_t at = std::string_view::npos, dash_len = 0;
    for (std::string_view d : text::SpacedDashes)
        if (const auto p = para.find(d); p != std::string_view::npos && p < at) at = p, dash_len = d.size();
    if (at == std::string_view::npos || at > 120) return std::nullopt;
    auto head = trim(para.substr(0, at));
    Dateline dl;
    dl.lead_start = at + dash_len;
    if (!head.empty() && head.back() == ')') {
        const auto open = head.rfind('(');
        if (open == std::string_view::npos) return std::nullopt;
        dl.agency = std::string{trim(head.substr(open + 1, head.size() - open - 2))};
        head = trim(head.substr(0, open));
    }
    if (const auto comma = head.find(','); comma != std::string_view::npos) head = trim(head.substr(0, comma));
    const auto place_words = text::words(head);
    if (place_words.empty() || place_words.size() > 5) return std::nullopt;
    for (const auto& w : place_words)
        if (!text::starts_upper(w.text)) return std::nullopt;
    dl.place = std::string{head};
    if (dl.agency.empty() && place_words.size() > 3) return std::nullopt;   // a sentence, not a place
    return dl;
}

bool is_abbreviation(std::string_view word) {
    static constexpr std::array known{"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt",
                                      "Col", "Capt", "Prof", "Jr", "Sr", "No", "vs", "Inc", "Co", "Corp", "Mt"};
    if (word.size() == 1) return true;                                  // an initial: "John F. Kennedy"
    if (word.find('.') != std::string_view::npos) return true;          // "U.S."
    return std::find(known.begin(), known.end(), word) != known.end();
}

// The first sentence of a paragraph, cut at a word boundary when it is too long.
std::string first_sentence(std::string_view para) {
    std::size_t end = para.size();
    for (std::size_t i = 0; i + 1 < para.size(); ++i) {
        const char c = para[i];
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t next = i + 1;
        while (next < para.size() && (para[next] == '"' || para[next] == '\'')) ++next;
        if (next >= para.size() || para[next] != ' ') continue;
        const auto word_start = para.find_last_of(' ', i);
        const auto word = para.substr(word_start == std::string_view::npos ? 0 : word_start + 1,
                                      i - (word_start == std::string_view::npos ? 0 : word_start + 1));
        if (c == '.' && is_abbreviation(word)) continue;
        end = next;
        break;
    }
    auto sentence = trim(para.substr(0, end));
    if (sentence.size() > MaxTitleBytes) {
        auto cut = sentence.substr(0, MaxTitleBytes).find_last_of(' ');
        if (cut == std::string_view::npos) {   // no space (Chinese, Japanese): cut between characters
            cut = MaxTitleBytes;
            while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
        }
        sentence = sentence.substr(0, cut);
        return std::string{sentence} + "\u2026";
    }
    return std::string{sentence};
}

std::vector<std::string_view> paragraphs(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find("\n\n", pos);
        if (end == std::string_view::npos) end = text.size();
        if (const auto p = trim(text.substr(pos, end - pos)); !p.empty()) out.push_back(p);
        pos = end + 2;
    }
    return out;
}

// A title line is one short line on its own that does not read as a sentence or dateline.
bool is_title_line(std::string_view para) {
    return para.find('\n') == std::string_view::npos && para.size() <= MaxTitleBytes &&
           para.back() != '.' && para.back() != ':' && !parse_dateline(para);
}

} // namespace

Article parse_text_article(std::string_view raw) {
    std::string text{raw};
    std::erase(text, '\r');
    auto paras = paragraphs(text);
    // Everything from a trailing link-list heading on is navigation, not article.
    for (std::size_t i = 1; i < paras.size(); ++i) {
        const auto first_line = paras[i].substr(0, paras[i].find('\n'));
        if (is_link_list_heading(first_line)) {
            paras.resize(i);
            break;
        }
    }
    Article a;
    if (paras.empty()) return a;
    std::size_t lead = 0;
    if (paras.size() > 1 && is_title_line(paras[0])) {
        a.title = std::string{paras[0]};
        lead = 1;
    }
    std::string_view lead_text = paras[lead];
    if (const auto dl = parse_dateline(paras[lead])) {
        a.dateline = dl->place;
        a.source = dl->agency;
        lead_text = trim(lead_text.substr(dl->lead_start));
    }
    if (a.title.empty()) a.title = first_sentence(lead_text);
    for (std::size_t i = lead; i < paras.size(); ++i) {
        if (!a.body.empty()) a.body += "\n\n";
        a.body += paras[i];
    }
    return a;
}

void read_text_content(std::string content, const std::string& where, const ReadHandlers& handlers,
                       const std::function<void(Article&)>& place) {
    if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);   // a UTF-8 byte order mark
    if (trim(content).empty()) {
        handlers.problem({where, "empty file"});
        return;
    }
    if (content.find('\0') != std::string::npos) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<long>(content.find('\0')), '\n');
        handlers.problem({where + ":" + std::to_string(line), "binary data (NUL byte), not a text article"});
        return;
    }
    if (const auto bad = text::invalid_utf8_offset(content); bad != std::string::npos) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<long>(bad), '\n');
        handlers.problem({where + ":" + std::to_string(line), "not valid UTF-8"});
        return;
    }
    auto a = parse_text_article(content);
    place(a);
    handlers.article(std::move(a));
}

void read_text_article(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    auto read = read_whole_file(file, handlers);
    if (!read) return;
    read_text_content(std::move(*read), path, handlers, [&](Article& a) {
        a.id = name_without_extensions(file.path, {".gz", ".txt"});
        a.origin = path;
    });
}

} // namespace newsdesk
