#include "indexer/readers/whole_file.hpp"

#include "indexer/readers/compressed_file.hpp"

namespace newsdesk {

std::optional<std::string> read_whole_file(const InputFile& file, const ReadHandlers& handlers) {
    const auto path = file.path.string();
    std::string content;
    try {
        CompressedFile in(file.path);
        content = in.read_all(handlers.max_article_bytes);
    } catch (const InputTooLarge&) {
        handlers.problem({path, handlers.too_large});
        return std::nullopt;
    } catch (const std::runtime_error& e) {
        handlers.problem({path, e.what()});
        return std::nullopt;
    }
    if (handlers.bytes_read) handlers.bytes_read(file.size);
    return content;
}

} // namespace newsdesk
