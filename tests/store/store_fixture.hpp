#pragma once
// A fresh database in a temporary directory of its own, removed after the test.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/session.hpp"
#include "store/writer.hpp"

namespace motcua::store::testing {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "motcua-store-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary directory");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// The query plan of every statement the connection has prepared whose SQL mentions `table`,
// one line per step, each followed by its statement.
inline std::vector<std::string> statement_plans(Session& s, std::string_view table) {
    std::vector<std::string> plans;
    for (auto* stmt = sqlite3_next_stmt(s.handle(), nullptr); stmt; stmt = sqlite3_next_stmt(s.handle(), stmt)) {
        const std::string sql = sqlite3_sql(stmt);
        if (sql.find(table) == std::string::npos) continue;
        sqlite3_stmt* explain = nullptr;
        if (sqlite3_prepare_v2(s.handle(), ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &explain, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(s.handle()));
        while (sqlite3_step(explain) == SQLITE_ROW)
            plans.push_back(reinterpret_cast<const char*>(sqlite3_column_text(explain, 3)) + std::string("   <- ") + sql);
        sqlite3_finalize(explain);
    }
    return plans;
}

// Database::check_health, waited for.
inline bool healthy(Database& db) {
    std::promise<bool> result;
    db.check_health([&result](bool healthy) { result.set_value(healthy); });
    return result.get_future().get();
}

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override { db = Database::open(path()); }

    std::string path() const { return dir.file("motcua.db"); }

    void reopen() {
        db.reset();
        db = Database::open(path());
    }

    void write(const Writer::Job& job) { db->writer().run(job); }

    template <typename F>
    auto read(F fn) {
        decltype(fn(std::declval<Session&>())) result{};
        db->read([&](Session& s) { result = fn(s); });
        return result;
    }

    TempDir dir;
    std::unique_ptr<Database> db;
};

}  // namespace motcua::store::testing
