// libFuzzer target: a facet column file (storage/column_file.hpp), opened as a one-off reader
// opens the file an indexing run left beside its database. Besides not crashing: a file is
// refused, or each column it gives has, for every document it covers, numbers within its
// array that name values of its dictionary, or says they are damaged; and every value's group
// is below the dictionary's group count.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "check.hpp"
#include "storage/column_file.hpp"

namespace {

// Each input is written here and opened by path, as the reader does. It is removed as soon as
// it is mapped (the mapping outlives the name), so no run leaves it behind however it ends (an
// exit handler that removed it at the end left files of earlier runs in /tmp).
const std::filesystem::path& input_file() {
    static const auto path =
        std::filesystem::temp_directory_path() / ("newsdesk-fuzz-columns-" + std::to_string(::getpid()));
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(input_file(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto file = newsdesk::ColumnFile::open(input_file());
    std::error_code ignored;
    std::filesystem::remove(input_file(), ignored);
    if (!file) return 0;
    const auto& values = *file->values();
    for (std::uint32_t v = 0; v < values.size(); ++v) {
        NEWSDESK_FUZZ_CHECK(values.group(v) < values.group_count());
        NEWSDESK_FUZZ_CHECK(values.value(v).size() <= size);
    }
    for (const auto slot : file->slots()) {
        const auto column = file->column(slot);
        if (!column) continue;
        for (Xapian::docid d = 1; column->covers(d); ++d) {
            const auto numbers = column->values_of(d);   // nullopt: damaged there, and said so
            if (!numbers) continue;
            NEWSDESK_FUZZ_CHECK(numbers->data() >= column->ordinals().data());
            NEWSDESK_FUZZ_CHECK(numbers->data() + numbers->size() <= column->ordinals().data() + column->ordinals().size());
            for (const auto n : *numbers) NEWSDESK_FUZZ_CHECK(n < column->value_count());
        }
    }
    return 0;
}
