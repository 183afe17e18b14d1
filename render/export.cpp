#include "render/export.hpp"

#include <array>
#include <cstdio>

#include "render/json.hpp"
#include "render/marked.hpp"

namespace newsdesk::render {
namespace {

// A field as RFC 4180 writes it: quoted, quotes doubled, when it holds a comma, a quote or a
// line break (the rest as it is: spaces are part of a field).
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string{text};
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) (out += out.empty() ? "" : ";") += v;
    return out;
}

std::string score(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

constexpr std::array Columns{"rank",     "score",    "id",       "date",          "source",    "url",   "title",
                             "language", "authors",  "dateline", "speakers", "organisations", "countries", "story"};

} // namespace

const std::vector<std::string>& export_format_names() {
    static const std::vector<std::string> names{"csv", "jsonl"};
    return names;
}

std::optional<ExportFormat> export_format_named(std::string_view name) {
    if (name == "csv") return ExportFormat::Csv;
    if (name == "jsonl") return ExportFormat::Jsonl;
    return std::nullopt;
}

std::string_view content_type(ExportFormat format) {
    return format == ExportFormat::Csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8";
}

std::string export_header(ExportFormat format, const ExportOptions& options) {
    if (format != ExportFormat::Csv) return {};
    std::string line;
    for (const auto* column : Columns) (line += line.empty() ? "" : ",") += column;
    if (options.snippets) line += ",snippet";
    if (options.bodies) line += ",body";
    return line + "\r\n";
}

std::string export_row(ExportFormat format, const Hit& hit, const ExportOptions& options) {
    const auto& a = hit.article;
    if (format == ExportFormat::Jsonl) {
        auto j = to_json(a);
        j["rank"] = hit.rank;
        j["score"] = hit.score;
        j["story"] = hit.story.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.story);
        if (options.snippets) j["snippet"] = to_json(hit.snippet);
        if (options.bodies) j["body"] = a.body;
        return dump(j) + '\n';
    }
    const std::array<std::string, Columns.size()> fields{
        std::to_string(hit.rank), score(hit.score), a.id, a.date, a.source, a.url, a.title, a.language,
        joined(a.authors), a.dateline, joined(a.speakers), joined(a.organisations), joined(a.countries), hit.story};
    std::string line;
    for (const auto& field : fields) (line += line.empty() ? "" : ",") += csv_field(field);
    if (options.snippets) (line += ',') += csv_field(marked(hit.snippet, "", "", Escape::None));
    if (options.bodies) (line += ',') += csv_field(a.body);
    return line + "\r\n";
}

} // namespace newsdesk::render
