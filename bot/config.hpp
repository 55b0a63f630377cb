#pragma once
// The deployment's configuration (SPEC §2): a JSON file, or the built-in demo, with MOTCUA_*
// environment overrides, validated strictly so that a typo refuses to start instead of being
// silently ignored.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/retry_policy.hpp"
#include "dialogs/understanding.hpp"

namespace motcua::bot {

struct Unit {
    std::string id;
    std::string name;
};

struct ZaloConfig {
    std::string app_id, oa_id, oa_secret_key, app_secret, access_token, refresh_token;
    std::string api_base, oauth_base;
};

struct SmsConfig {
    std::string provider, api_base, account_sid, auth_token, from;
    bool unicode = false;
    int max_segments = 3;
};

struct EscalationConfig {
    double ack_timeout_s = 1800;
    double handoff_idle_s = 86400;
};

struct Config {
    std::string source;  // the file it came from, or "<demo>"
    bool demo = false;   // gateways are not called: outbound messages are logged
    std::string listen_host = "127.0.0.1";
    std::uint16_t listen_port = 8080;
    std::string database_path = "motcua.db";
    std::string admin_token;
    std::string public_base_url;
    std::string timezone = "Asia/Ho_Chi_Minh";
    std::string office_hours;
    std::vector<Unit> units;
    std::optional<ZaloConfig> zalo;
    std::optional<SmsConfig> sms;
    EscalationConfig escalation;
    RetryPolicy outbox;
    std::string dialogs_dir;  // extension: where the catalog and scripts live
    int threads = 0;          // extension: HTTP worker threads; 0 = one per core
    int max_connections = 1024;  // extension: open HTTP connections at most (HttpServer)
};

// The units as the dialogs name them, for recognising "xã Yết Kiêu" in a message.
std::vector<dialogs::UnitName> unit_names(const Config& config);

// A problem with the configuration, printed as "file: path.to.key: message".
struct ConfigProblem {
    std::string file;
    std::string path;
    std::string message;
};

using Environment = std::map<std::string, std::string>;
Environment process_environment();  // the MOTCUA_* variables of this process

// Loads the file (or the demo deployment when path is empty), applies the environment's
// overrides and validates. Problems are appended; the Config is usable only if none were.
Config load_config(const std::optional<std::string>& path, const Environment& env,
                   std::vector<ConfigProblem>& problems);

}  // namespace motcua::bot
