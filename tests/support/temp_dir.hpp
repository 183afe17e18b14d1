#pragma once
// A directory under the system temp dir, removed with everything in it at scope end.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace newsdesk::testing {

class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("newsdesk-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    // Writes `content` to a file in the directory (creating subdirectories) and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

private:
    std::filesystem::path path_;
};

// Where the shared real-news data lives (../shared from the project root).
inline std::filesystem::path shared_dir() { return std::filesystem::path(NEWSDESK_SOURCE_DIR) / ".." / "shared"; }

} // namespace newsdesk::testing
