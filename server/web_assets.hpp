#pragma once
// The search page's files (server/web/), compiled into the program by CMake (embed_web.cmake):
// no file is read at run time, so no request can reach beyond them.
#include <span>
#include <string_view>

namespace newsdesk::server {

struct WebAsset {
    std::string_view path;           // "/index.html", "/app.js", ...
    std::string_view content_type;
    std::string_view body;
};

std::span<const WebAsset> web_assets();   // generated
const WebAsset* find_web_asset(std::string_view path);

} // namespace newsdesk::server
