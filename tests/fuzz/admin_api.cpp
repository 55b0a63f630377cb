// The admin API (bot/admin_api) of the built-in demo deployment over a real store: fuzzed
// method, route, token and body, answered exactly once with JSON and a status the API documents.
#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>

#include <nlohmann/json.hpp>

#include "bot/admin_api.hpp"
#include "bot/escalation_desk.hpp"
#include "bot/channels.hpp"
#include "bot/references.hpp"
#include "fuzz_support.hpp"
#include "store/database.hpp"

namespace {

using namespace motcua;

std::int64_t fixed_clock_ms() { return 1767225600000; }  // 2026-01-01 00:00 UTC

struct Deployment {
    bot::Config config;
    std::unique_ptr<store::Database> db;
    dialogs::Engine dialogs{fuzz::shipped_content()};
    dialogs::EscalationWording wording{fuzz::shipped_content()};
    std::unique_ptr<bot::EscalationDesk> desk;
    std::unique_ptr<bot::AdminApi> api;

    Deployment() {
        std::vector<bot::ConfigProblem> problems;
        config = bot::load_config(std::nullopt, {}, problems);
        fuzz::require(problems.empty(), "the demo deployment's config is valid");
        const auto dir = std::filesystem::temp_directory_path() / ("motcua-fuzz-admin-" + std::to_string(getpid()));
        std::filesystem::create_directories(dir);
        db = store::Database::open((dir / "motcua.db").string());
        const auto refs = bot::references(config, fuzz::shipped_content());
        desk = std::make_unique<bot::EscalationDesk>(dialogs, wording, bot::make_media(config),
                                                     bot::escalation_settings(config));
        api = std::make_unique<bot::AdminApi>(
            config.admin_token, fuzz::shipped_content(), bot::unit_names(config),
            bot::OfficerApi(*db, refs, fixed_clock_ms),
            bot::DossierApi(*db, refs, bot::StatusNotifier(dialogs, bot::make_media(config)),
                            config.timezone, fixed_clock_ms, [] {}),
            bot::EscalationApi(*db, *desk, fixed_clock_ms, [] {}), bot::StatsApi(*db, config.timezone));
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Deployment deployment;
    const std::string& token = deployment.config.admin_token;

    FuzzedDataProvider input(data, size);
    bot::Request request;
    request.method = input.PickValueInArray({"POST", "PUT", "GET", "DELETE"});
    request.path = std::string(bot::AdminApi::prefix) +
                   input.PickValueInArray({"parse", "officers", "officers/", "dossiers/", ""}) +
                   input.ConsumeRandomLengthString(64);
    switch (input.ConsumeIntegralInRange(0, 3)) {
        case 0: request.headers["authorization"] = "Bearer " + token; break;
        case 1: request.headers["authorization"] = input.ConsumeRandomLengthString(64); break;
        case 2: request.headers["authorization"] = "Bearer " + token + "x"; break;
        default: break;
    }
    request.headers["content-type"] = "application/json";
    request.body = input.ConsumeRemainingBytesAsString();

    std::atomic<int> answers = 0;
    std::promise<HttpAnswer> answered;
    (*deployment.api)(request, [&answers, &answered](HttpAnswer answer) {
        if (answers.fetch_add(1) == 0) answered.set_value(std::move(answer));
    });
    auto future = answered.get_future();
    fuzz::require(future.wait_for(std::chrono::seconds(10)) == std::future_status::ready,
                  "a request is answered");
    const HttpAnswer answer = future.get();
    fuzz::require(answer.status == 200 || (answer.status >= 400 && answer.status < 500) || answer.status == 201,
                  "the admin API answers success or a client error");
    fuzz::require(answer.content_type == "application/json", "the admin API answers JSON");
    fuzz::require(!nlohmann::json::parse(answer.body, nullptr, false).is_discarded(),
                  "the answer's body is JSON");
    fuzz::require(answers.load() == 1, "a request is answered exactly once");
    return 0;
}
