#pragma once
// The test's own SQLite connection to the server's database file: to check afterwards what the
// server stored, and to get in its way as a backup or the sqlite3 shell would (a held lock).
#include <filesystem>
#include <string>
#include <vector>

struct sqlite3;

namespace motcua::testing {

class DatabaseFile {
public:
    enum class Mode { read_only, read_write };
    explicit DatabaseFile(const std::filesystem::path& path, Mode mode = Mode::read_only);
    ~DatabaseFile();
    DatabaseFile(const DatabaseFile&) = delete;
    DatabaseFile& operator=(const DatabaseFile&) = delete;

    // Every row of the query, each column as text ("" for NULL). Throws std::runtime_error.
    std::vector<std::vector<std::string>> rows(const std::string& sql);
    void exec(const std::string& sql);

private:
    sqlite3* db_ = nullptr;
};

}  // namespace motcua::testing
