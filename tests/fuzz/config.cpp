// The configuration file (bot/config): any bytes as the file, read once alone and once under
// MOTCUA_* overrides that write into the sections the file may have shaped oddly. Bad files get
// problems, never an exception or a crash.
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "bot/config.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace motcua;

const std::string& config_path() {
    static const std::string path = "/tmp/motcua-fuzz-config-" + std::to_string(getpid()) + ".json";
    return path;
}

void check(const std::string& path, const bot::Environment& env) {
    std::vector<bot::ConfigProblem> problems;
    const bot::Config config = bot::load_config(path, env, problems);
    for (const auto& problem : problems) {
        fuzz::require(problem.file == path, "a problem names the file");
        fuzz::require(!problem.message.empty(), "a problem says what is wrong");
    }
    if (problems.empty()) {
        fuzz::require(config.admin_token.size() >= 16, "a valid config has a long admin token");
        fuzz::require(!config.units.empty(), "a valid config has units");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = config_path();
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    check(path, {});
    check(path, {{"MOTCUA_ZALO_APP_ID", "3482178216594085616"},
                 {"MOTCUA_SMS_MAX_SEGMENTS", "4"},
                 {"MOTCUA_ESCALATION_ACK_TIMEOUT_S", "600"},
                 {"MOTCUA_OUTBOX_RETRY_MAX_S", "oops"},
                 {"MOTCUA_UNITS", R"([{"id":"yet-kieu","name":"Xã Yết Kiêu"}])"},
                 {"MOTCUA_LISTEN", "127.0.0.1:0"}});
    return 0;
}
