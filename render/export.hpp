#pragma once
// Exported hits (Index::hits) as rows: CSV (RFC 4180, UTF-8) for spreadsheets, JSON Lines for
// programs. `newsdesk search --format csv|jsonl` and GET /api/export write these, the same rows.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <newsdesk/search.hpp>

namespace newsdesk::render {

enum class ExportFormat { Csv, Jsonl };
const std::vector<std::string>& export_format_names();   // csv, jsonl
std::optional<ExportFormat> export_format_named(std::string_view name);
std::string_view content_type(ExportFormat format);        // text/csv; charset=utf-8, ...

// What the rows begin with: CSV's header line; nothing for JSON Lines.
std::string export_header(ExportFormat format, const ExportOptions& options);
// One hit's row, its line ending included. CSV columns: rank, score, id, date, source, url,
// title, language, authors, dateline, speakers, organisations, countries, story, then snippet
// (plain text) and body when asked for; lists joined with ";". A JSON line is the hit as
// `search --json` gives it, with "snippet" (marked) and "body" when asked for.
std::string export_row(ExportFormat format, const Hit& hit, const ExportOptions& options);

} // namespace newsdesk::render
