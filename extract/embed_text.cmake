# Writes OUTPUT, a C++ source defining `newsdesk::embedded::SYMBOL` with the bytes of INPUT.
# Bytes are written as hex so that no character of the data can break the literal.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT} by embed_text.cmake; do not edit.
#include <cstddef>
#include <string_view>
namespace newsdesk::embedded {
namespace {
constexpr unsigned char data[] = {
${bytes}0x00};
}
extern const std::string_view ${SYMBOL};
const std::string_view ${SYMBOL}{reinterpret_cast<const char*>(data), ${size}};
}
")
