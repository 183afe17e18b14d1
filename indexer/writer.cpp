// newsdesk::Writer, the public write side: Xapian stays behind this file.
#include <newsdesk/database.hpp>
#include <newsdesk/entities.hpp>

#include "indexer/sharded_writer.hpp"
#include "schema/xapian_errors.hpp"

namespace newsdesk {

struct Writer::Impl {
    Impl(const std::filesystem::path& path, const WriterOptions& o) : writer(path), options(o) {
        if (!options.aliases.empty()) aliases.load(options.aliases);
        writer.set_batch_size(options.batch_size == 0 ? 1 : options.batch_size);
        writer.set_memory_limit(options.memory_limit / 2);
    }
    ShardedWriter writer;   // a plain database is one shard
    WriterOptions options;
    SpeakerAliases aliases;
};

void create_sharded_database(const std::filesystem::path& path, std::size_t shards) {
    translate_xapian_errors([&] { ShardedWriter::create(path, shards); });
}

Writer::Writer(const std::filesystem::path& path, const WriterOptions& options)
    : impl_(translate_xapian_errors([&] { return std::make_unique<Impl>(path, options); })) {}

Writer::~Writer() = default;
Writer::Writer(Writer&&) noexcept = default;
Writer& Writer::operator=(Writer&&) noexcept = default;

bool Writer::add(Article article) {
    if (article.id.empty()) throw InvalidRequest("an article needs an id");
    enrich(article, impl_->options.default_language, impl_->aliases);
    return translate_xapian_errors([&] { return impl_->writer.add(std::move(article)); });
}

bool Writer::remove(std::string_view id) {
    return translate_xapian_errors([&] { return impl_->writer.remove(std::string{id}); });
}

void Writer::commit() {
    translate_xapian_errors([&] { impl_->writer.commit(); });
}

std::uint64_t Writer::article_count() const {
    return translate_xapian_errors([&] { return std::uint64_t{impl_->writer.article_count()}; });
}

} // namespace newsdesk
