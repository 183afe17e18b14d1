#pragma once
// A streaming XML reader for untrusted input (libxml2's xmlTextReader, kept out of this header):
// no network, no DTD loading, no entity expansion, nesting bounded. It walks the document node
// by node and frees what it has passed, so memory stays bounded whatever the file's length.
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsdesk {

class CompressedFile;

// The document is malformed or refused; `line` is where the parser was (0 when unknown).
struct XmlError : std::runtime_error {
    XmlError(const std::string& message, int at) : std::runtime_error(message), line(at) {}
    int line;
};

class XmlStream {
public:
    // Deeper than any news item (a message, an item, its NITF body and a table in it is about
    // 15 levels); a deeper document is refused before libxml2's own limit of 256.
    static constexpr int MaxDepth = 100;

    enum class Node { Start, Text, End, Done };

    explicit XmlStream(std::string_view document);   // the caller keeps `document` alive
    explicit XmlStream(CompressedFile& file);        // read as the parser asks for more
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // The next element start, text or element end (an empty element gives Start then End);
    // Done after the root's end. Throws XmlError when the document is malformed, too deep or
    // refers to an entity of its own.
    Node next();

    // Of the element at Start or End.
    std::string_view local_name() const;
    std::string_view namespace_uri() const;
    std::string_view qualified_name() const;
    int depth() const;   // the root is 0
    // Of the element at Start: an attribute's value (empty if absent), and the xml:lang in scope.
    std::string attribute(const char* name) const;
    std::string language() const;
    // At Text: the characters (entities and CDATA resolved).
    std::string_view text() const;
    int line() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace newsdesk
