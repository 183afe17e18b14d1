// The floor of HTML extraction: libxml2's HTML parser (the one newsdesk uses) and a walk that
// keeps every text node outside <script>, <style>, <noscript> and <template>. It finds no main
// text, so its time is what parsing a page costs, and its F1 what keeping everything scores.
// libxml2 detects the charset itself (<meta>, else its default); newsdesk converts with ICU first.
#include <cstring>
#include <string>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "page_rounds.hpp"

namespace {

bool hidden(const xmlNode* n) {
    for (const char* tag : {"script", "style", "noscript", "template"})
        if (std::strcmp(reinterpret_cast<const char*>(n->name), tag) == 0) return true;
    return false;
}

// Text nodes in document order, one line per element that holds text, so that the scorer's
// words do not run together across elements.
void visible_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) out += reinterpret_cast<const char*>(n->content);
        } else if (n->type == XML_ELEMENT_NODE && !hidden(n)) {
            visible_text(n->children, out);
            if (!out.empty() && out.back() != '\n') out += '\n';
        }
    }
}

std::string page_text(const bench::Page& p) {
    constexpr int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    htmlDocPtr doc = htmlReadMemory(p.html.data(), static_cast<int>(p.html.size()), nullptr, nullptr, options);
    std::string out;
    if (doc) {
        visible_text(xmlDocGetRootElement(doc), out);
        xmlFreeDoc(doc);
    }
    return out;
}

} // namespace

int main(int argc, char** argv) { return bench::run_page_driver("libxml2 text", argc, argv, page_text); }
