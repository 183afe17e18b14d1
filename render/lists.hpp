#pragma once
// Lists of names as messages and help print them: the public API gives lists (facet_names(),
// sort_order_names()...), and each message joins the list it shows.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsdesk::render {

// "a, b, c"
std::string joined(const std::vector<std::string>& names, std::string_view separator = ", ");
// "a, b or c": the choices a value may take.
std::string alternatives(const std::vector<std::string>& names);
// "1 article", "2 articles": a count with its noun.
std::string counted(std::uint64_t n, std::string_view one, std::string_view many);

} // namespace newsdesk::render
