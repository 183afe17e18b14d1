#include "indexer/readers/xml_stream.hpp"

#include <mutex>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "indexer/readers/compressed_file.hpp"

namespace newsdesk {
namespace {

// Untrusted input: never fetch anything (NONET), never load or apply a DTD, and keep entity
// references as references (no NOENT): a billion-laughs document cannot expand. Without
// XML_PARSE_HUGE libxml2 also bounds text nodes, names and attribute values (10 MB) and
// checks entity amplification. CDATA sections read as text.
constexpr int SafeOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA;

std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

std::string trimmed(const char* message) {
    std::string m = message ? message : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    return m;
}

} // namespace

struct XmlStream::Impl {
    xmlTextReaderPtr reader = nullptr;
    CompressedFile* file = nullptr;
    std::string read_failure;   // from the file, which libxml2 reports only as an I/O error
    std::string error;          // libxml2's first error
    int error_code = 0;
    int error_line = 0;
    std::size_t bytes = 0;      // of the document, read so far
    bool pending_end = false;   // after an empty element's Start

    static void on_error(void* self, xmlErrorPtr e) {
        auto* impl = static_cast<Impl*>(self);
        if (!e || e->level < XML_ERR_ERROR || !impl->error.empty()) return;
        impl->error = trimmed(e->message);
        impl->error_code = e->code;
        impl->error_line = e->line;
    }
    static int on_read(void* self, char* out, int size) {
        auto* impl = static_cast<Impl*>(self);
        try {   // an exception must not cross libxml2's C frames
            const auto n = impl->file->read_some(out, static_cast<std::size_t>(size));
            impl->bytes += n;
            return static_cast<int>(n);
        } catch (const std::exception& e) {
            impl->read_failure = e.what();
            return -1;
        }
    }
    void init() {
        if (!reader) throw XmlError("cannot start the XML parser (out of memory)", 0);
        xmlTextReaderSetStructuredErrorHandler(reader, &Impl::on_error, this);
    }
    [[noreturn]] void fail() {
        const int at = error_line ? error_line : xmlTextReaderGetParserLineNumber(reader);
        if (!read_failure.empty()) throw XmlError(read_failure, at);
        if (bytes == 0) throw XmlError("empty file", 0);
        // libxml2's words for these two mislead: a loop is also how it stops a billion laughs,
        // and "extra content at the end" is what its incremental parser says of a cut-off file
        // as well (it parses ahead of the nodes handed out, so which it is cannot be told here).
        if (error_code == XML_ERR_ENTITY_LOOP)
            throw XmlError("entity refused: the document's entities refer to each other without bound "
                           "(an entity-expansion attack)", at);
        if (error_code == XML_ERR_DOCUMENT_END)
            throw XmlError("malformed XML: the document is cut off, or goes on after its root element", at);
        throw XmlError("malformed XML: " + (error.empty() ? std::string("unexpected end of document") : error), at);
    }
};

namespace {
void init_libxml2() {
    // xmlInitParser() sets up global state and is not safe to run twice at once; readers run
    // on several threads.
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}
} // namespace

XmlStream::XmlStream(std::string_view document) : impl_(std::make_unique<Impl>()) {
    init_libxml2();
    impl_->bytes = document.size();
    impl_->reader = xmlReaderForMemory(document.data(), static_cast<int>(document.size()), nullptr, nullptr, SafeOptions);
    impl_->init();
}

XmlStream::XmlStream(CompressedFile& file) : impl_(std::make_unique<Impl>()) {
    init_libxml2();
    impl_->file = &file;
    impl_->reader = xmlReaderForIO(&Impl::on_read, nullptr, impl_.get(), nullptr, nullptr, SafeOptions);
    impl_->init();
}

XmlStream::~XmlStream() {
    if (impl_->reader) xmlFreeTextReader(impl_->reader);
}

XmlStream::Node XmlStream::next() {
    auto* r = impl_->reader;
    if (impl_->pending_end) {
        impl_->pending_end = false;
        return Node::End;
    }
    for (;;) {
        const int status = xmlTextReaderRead(r);
        if (status == 0) return Node::Done;
        if (status < 0) impl_->fail();
        if (xmlTextReaderDepth(r) > MaxDepth)
            throw XmlError("too deeply nested: elements more than " + std::to_string(MaxDepth) + " levels deep", line());
        switch (xmlTextReaderNodeType(r)) {
        case XML_READER_TYPE_ELEMENT:
            impl_->pending_end = xmlTextReaderIsEmptyElement(r) == 1;
            return Node::Start;
        case XML_READER_TYPE_END_ELEMENT:
            return Node::End;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            return Node::Text;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            // Only an entity the document declares itself comes here (the predefined ones and
            // character references are resolved): the way entity-expansion attacks work, and
            // nothing news files need.
            throw XmlError("entity refused: &" + std::string(local_name()) +
                               "; is declared by the document itself, and newsdesk expands no such entity", line());
        default:
            break;   // comments, processing instructions, the DOCTYPE
        }
    }
}

std::string_view XmlStream::local_name() const { return view(xmlTextReaderConstLocalName(impl_->reader)); }
std::string_view XmlStream::namespace_uri() const { return view(xmlTextReaderConstNamespaceUri(impl_->reader)); }
std::string_view XmlStream::qualified_name() const { return view(xmlTextReaderConstName(impl_->reader)); }
int XmlStream::depth() const { return xmlTextReaderDepth(impl_->reader); }
std::string_view XmlStream::text() const { return view(xmlTextReaderConstValue(impl_->reader)); }
std::string XmlStream::language() const { return std::string(view(xmlTextReaderConstXmlLang(impl_->reader))); }
int XmlStream::line() const { return xmlTextReaderGetParserLineNumber(impl_->reader); }

std::string XmlStream::attribute(const char* name) const {
    xmlChar* value = xmlTextReaderGetAttribute(impl_->reader, reinterpret_cast<const xmlChar*>(name));
    std::string out(view(value));
    xmlFree(value);
    return out;
}

} // namespace newsdesk
