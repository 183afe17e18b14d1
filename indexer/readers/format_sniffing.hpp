#pragma once
// Formats recognised by content, for files whose name does not say (no extension, ".dat",
// a crawl saved as "CC-NEWS-20161021.gz"...).
#include <filesystem>
#include <optional>
#include <string_view>

#include <newsdesk/indexing.hpp>

namespace newsdesk {

// The format the first bytes of a file show: a WARC record ("WARC/1.0"), a JSON object on one
// line (JSON Lines; not a pretty-printed document), an HTML page ("<!DOCTYPE html", "<html", "<head"...), or an XML document whose
// root is a news document's (NewsML-G2, NITF, RSS, Atom). Plain text is never guessed: any file
// would pass. nullopt when none of them.
std::optional<Format> format_of_content(std::string_view head);

// format_of_content() over the first few kilobytes of a file, decompressed if it is gzip;
// nullopt also when the file cannot be read.
std::optional<Format> sniff_format(const std::filesystem::path& path);

} // namespace newsdesk
