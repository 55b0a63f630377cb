// Dossier lookups and CSV import at scale (BENCHMARKS.md): lookup time by code for stores of
// several sizes, and `motcua import dossiers` against the sqlite3 shell's own `.import` of the
// same file. Built only with -DMOTCUA_BENCH=ON; bench/run-dossiers builds and runs it.
//
//   bench_dossiers generate ROWS FILE.csv    writes a CSV export of ROWS dossiers
//   bench_dossiers run DIR SIZE...           for each size: import, .import, lookups
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sys/resource.h>
#include <string>
#include <vector>

#include "bot/channels.hpp"
#include "bot/dossier_import.hpp"
#include "store/dossiers.hpp"
#include "store/officers.hpp"
#include "store/statement.hpp"
#include "store/writer.hpp"

namespace fs = std::filesystem;
using namespace motcua;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* units[] = {"gia-loc", "yet-kieu", "gia-phuc", "truong-tan"};
constexpr const char* agencies[] = {"H24.36", "000.00.20.H24", "H24.37.05", "G09.20"};
constexpr const char* procedures[] = {"khai_sinh", "khai_tu", "ket_hon", "chung_thuc_ban_sao"};
constexpr const char* statuses[] = {"received", "processing", "need_supplement", "done", "returned"};
constexpr std::size_t lookups = 200'000;

// Dossier i has agency i % 4, day 1 + i % 28 and sequence i. Giving it sequence i + 1 instead
// makes a code that no dossier has but that sorts among the others, as a mistyped code would.
std::string code_of(std::size_t i, std::size_t sequence_number) {
    char sequence[8];
    std::snprintf(sequence, sizeof sequence, "%07zu", sequence_number % 10'000'000);
    const int day = 1 + static_cast<int>(i % 28);
    char date[16];
    std::snprintf(date, sizeof date, "2611%02d", day);
    return std::string(agencies[i % 4]) + "-" + date + "-" + sequence;
}
std::string code_of(std::size_t i) { return code_of(i, i); }
std::string unknown_code_near(std::size_t i) { return code_of(i, i + 1); }

void generate(std::size_t rows, const fs::path& file) {
    std::ofstream out(file, std::ios::binary);
    out << "code,procedure,unit,status,received_at,due_at,officer,applicant_phone,note\r\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const int day = 1 + static_cast<int>(i % 28);
        char received[16], due[16], phone[16];
        std::snprintf(received, sizeof received, "2026-11-%02d", day);
        std::snprintf(due, sizeof due, "2026-12-%02d", day);
        std::snprintf(phone, sizeof phone, "09%08zu", i % 100'000'000);
        out << code_of(i) << ',' << procedures[i % 4] << ',' << units[i % 4] << ',' << statuses[i % 5] << ','
            << received << ',' << due << ",officer-" << (i % 4) << ',' << phone << ','
            << (i % 5 == 2 ? "\"Bổ sung bản sao, có chứng thực\"" : "") << "\r\n";
    }
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds (user + system) used so far by this process or by its finished children: the
// machine may be shared, and CPU time does not count the waits for other programs.
double cpu_seconds(int who) {
    rusage usage{};
    getrusage(who, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
    double wall = 0;
    double cpu = 0;
};

bot::Config bench_config(const fs::path& db) {
    bot::Config config;
    config.database_path = db.string();
    for (const char* unit : units) config.units.push_back({unit, unit});
    return config;
}

// motcua's import of the file into a fresh store.
Timing motcua_import(const fs::path& csv, const fs::path& db_file, std::shared_ptr<const dialogs::Content> content) {
    auto db = store::Database::open(db_file.string());
    db->writer().run([](store::Transaction& tx) {
        for (int i = 0; i < 4; ++i)
            store::upsert_officer(tx, {"officer-" + std::to_string(i), "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch",
                                       "+8490000000" + std::to_string(i), units[i], {"ho_tich"}, "", true}, 0);
    });
    const auto config = bench_config(db_file);
    const dialogs::Engine dialogs(content);
    const bot::StatusNotifier notifier(dialogs, bot::make_media(config));
    std::ifstream in(csv, std::ios::binary);
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds(RUSAGE_SELF);
    const auto report = bot::import_dossiers(in, *db, bot::references(config, content), notifier, 0, std::cerr);
    const Timing took{seconds_since(start), cpu_seconds(RUSAGE_SELF) - cpu_start};
    if (!report.error.empty() || report.counts.rejected > 0) {
        std::cerr << "import failed: " << report.error << "\n";
        std::exit(1);
    }
    db->writer().stop();
    return took;
}

// The sqlite3 shell's .import of the same file into a table of the same key.
Timing sqlite_import(const fs::path& csv, const fs::path& db_file) {
    const std::string schema =
        "CREATE TABLE dossiers (code TEXT PRIMARY KEY, procedure TEXT NOT NULL, unit TEXT NOT NULL,"
        " status TEXT NOT NULL, received_at TEXT NOT NULL, due_at TEXT NOT NULL, officer TEXT NOT NULL,"
        " applicant_phone TEXT NOT NULL, note TEXT NOT NULL) WITHOUT ROWID;";
    const std::string command = "sqlite3 " + db_file.string() + " \"" + schema + "\" \".import --csv --skip 1 " +
                                csv.string() + " dossiers\"";
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds(RUSAGE_CHILDREN);
    if (std::system(command.c_str()) != 0) {
        std::cerr << "sqlite3 .import failed: " << command << "\n";
        std::exit(1);
    }
    return {seconds_since(start), cpu_seconds(RUSAGE_CHILDREN) - cpu_start};
}

struct LookupTimes {
    double hit_us;
    double miss_us;
    std::string plan;
};

LookupTimes time_lookups(const fs::path& db_file, std::size_t rows) {
    auto db = store::Database::open(db_file.string());
    std::mt19937_64 random(42);
    std::vector<std::string> hits, misses;
    for (std::size_t i = 0; i < lookups; ++i) {
        hits.push_back(code_of(random() % rows));
        misses.push_back(unknown_code_near(random() % rows));
    }
    LookupTimes times{};
    db->read([&](store::Session& s) {
        auto& plan = s.prepare("EXPLAIN QUERY PLAN SELECT * FROM dossiers WHERE code = ?1");
        plan.bind(1, hits[0]);
        if (plan.step()) times.plan = plan.column_text(3);
        plan.reset();
        std::size_t found = 0;
        auto start = Clock::now();
        for (const auto& code : hits) found += store::find_dossier(s, code) ? 1 : 0;
        times.hit_us = seconds_since(start) * 1e6 / static_cast<double>(lookups);
        start = Clock::now();
        for (const auto& code : misses) found += store::find_dossier(s, code) ? 1 : 0;
        times.miss_us = seconds_since(start) * 1e6 / static_cast<double>(lookups);
        if (found != lookups) {
            std::cerr << "lookups found " << found << " of " << lookups << "\n";
            std::exit(1);
        }
    });
    db->writer().stop();
    return times;
}

int run(const fs::path& dir, const std::vector<std::size_t>& sizes) {
    std::vector<dialogs::Problem> problems;
    const auto content = dialogs::load_content(dialogs::default_content_dir(), problems);
    if (!content) {
        std::cerr << "cannot load dialogs/data\n";
        return 1;
    }
    std::printf("| dossiers | lookup, found (µs) | lookup, unknown (µs) | motcua import, rows/s: wall (CPU) |"
                " sqlite3 .import, rows/s: wall (CPU) | ratio (CPU) | ratio (wall) |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    std::string plan;
    for (const auto rows : sizes) {
        const auto csv = dir / ("dossiers-" + std::to_string(rows) + ".csv");
        if (!fs::exists(csv)) generate(rows, csv);
        const auto ours = dir / ("motcua-" + std::to_string(rows) + ".db");
        const auto theirs = dir / ("sqlite3-" + std::to_string(rows) + ".db");
        for (const auto& f : {ours, theirs})
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(f.string() + suffix);
        const Timing motcua = motcua_import(csv, ours, content);
        const Timing sqlite = sqlite_import(csv, theirs);
        const auto times = time_lookups(ours, rows);
        plan = times.plan;
        const double n = static_cast<double>(rows);
        std::printf("| %zu | %.2f | %.2f | %.0f (%.0f) | %.0f (%.0f) | %.2f | %.2f |\n", rows, times.hit_us,
                    times.miss_us, n / motcua.wall, n / motcua.cpu, n / sqlite.wall, n / sqlite.cpu,
                    sqlite.cpu / motcua.cpu, sqlite.wall / motcua.wall);
        std::fflush(stdout);
    }
    std::printf("\nquery plan: %s\n", plan.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string usage = "usage: bench_dossiers generate ROWS FILE.csv | bench_dossiers run DIR SIZE...\n";
    try {
        if (argc == 4 && std::string(argv[1]) == "generate") {
            generate(std::stoull(argv[2]), argv[3]);
            return 0;
        }
        if (argc >= 4 && std::string(argv[1]) == "run") {
            std::vector<std::size_t> sizes;
            for (int i = 3; i < argc; ++i) sizes.push_back(std::stoull(argv[i]));
            return run(argv[2], sizes);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_dossiers: " << e.what() << "\n";
        return 1;
    }
    std::cerr << usage;
    return 2;
}
