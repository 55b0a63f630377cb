#include "bot/config.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "bot/demo.hpp"
#include "dialogs/content.hpp"
#include "dialogs/office_hours.hpp"

extern char** environ;

namespace motcua::bot {
namespace {

using nlohmann::json;

enum class Type { string, boolean, number, integer, units };

struct Key {
    const char* path;  // dotted
    Type type;
    json fallback;     // null: no default
};

// Every key SPEC §2 knows (plus the documented extensions). A section's keys are listed
// under it; a key listed here with a null default inside zalo/sms is a required credential.
const std::vector<Key>& known_keys() {
    static const std::vector<Key> keys = {
        {"listen", Type::string, "127.0.0.1:8080"},
        {"database", Type::string, "sqlite:motcua.db"},
        {"admin_token", Type::string, nullptr},
        {"public_base_url", Type::string, "https://bot.example.vn"},
        {"timezone", Type::string, "Asia/Ho_Chi_Minh"},
        {"office_hours", Type::string, "Mon-Fri 07:30-11:30,13:30-17:00"},
        {"units", Type::units, nullptr},
        {"dialogs_dir", Type::string, ""},
        {"threads", Type::integer, 0},
        {"max_connections", Type::integer, 1024},
        {"zalo.app_id", Type::string, nullptr},
        {"zalo.oa_id", Type::string, nullptr},
        {"zalo.oa_secret_key", Type::string, nullptr},
        {"zalo.app_secret", Type::string, nullptr},
        {"zalo.access_token", Type::string, nullptr},
        {"zalo.refresh_token", Type::string, nullptr},
        {"zalo.api_base", Type::string, "https://openapi.zalo.me"},
        {"zalo.oauth_base", Type::string, "https://oauth.zaloapp.com"},
        {"sms.provider", Type::string, "twilio"},
        {"sms.api_base", Type::string, "https://api.twilio.com"},
        {"sms.account_sid", Type::string, nullptr},
        {"sms.auth_token", Type::string, nullptr},
        {"sms.from", Type::string, nullptr},
        {"sms.unicode", Type::boolean, false},
        {"sms.max_segments", Type::integer, 3},
        {"escalation.ack_timeout_s", Type::number, 1800},
        {"escalation.handoff_idle_s", Type::number, 86400},
        {"outbox.retry_initial_s", Type::number, 5},
        {"outbox.retry_max_s", Type::number, 3600},
        {"outbox.give_up_after_s", Type::number, 86400},
    };
    return keys;
}

const std::set<std::string> sections = {"zalo", "sms", "escalation", "outbox"};
// Sections whose presence switches a channel on, and so makes their credentials required.
const std::set<std::string> channel_sections = {"zalo", "sms"};

std::string env_name(std::string_view path) {
    std::string name = "MOTCUA_";
    for (char c : path) name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

json::json_pointer pointer(std::string_view path) {
    std::string p = "/";
    for (char c : path) p += c == '.' ? '/' : c;
    return json::json_pointer(p);
}

// A config is a few levels deep (units: a list of objects). Much deeper nesting is refused while
// it is read: the checks copy the tree, and a copy recurses once a level, so some ten thousand
// levels would overflow the stack instead of getting an error.
constexpr int max_nesting = 32;

json parse_shallow(const std::string& text) {
    return json::parse(text, [](int depth, json::parse_event_t, json&) {
        if (depth > max_nesting)
            throw std::runtime_error("invalid JSON: nested more than " + std::to_string(max_nesting) + " levels deep");
        return true;
    });
}

// More HTTP threads than this is a typo, not a deployment.
constexpr long long max_threads = 256;
constexpr double max_seconds = 10.0 * 365 * 86400;

// std::regex matches recursively, a stack frame or more per character: a value of a few hundred
// kilobytes would overflow the stack, so one longer than any valid value is refused unmatched.
constexpr std::size_t longest_matched_value = 2048;

bool matches(const std::string& text, const std::regex& form, std::smatch* parts = nullptr) {
    if (text.size() > longest_matched_value) return false;
    return parts ? std::regex_match(text, *parts, form) : std::regex_match(text, form);
}

// Whether the key lies in a section that is present but no object (reported as "must be an
// object"): nothing can be read from it or written into it.
bool in_broken_section(const json& raw, std::string_view path) {
    const auto dot = path.find('.');
    if (dot == std::string_view::npos) return false;
    const auto section = raw.find(std::string(path.substr(0, dot)));
    return section != raw.end() && !section->is_object();
}

class Validator {
public:
    Validator(std::string file, std::vector<ConfigProblem>& problems)
        : file_(std::move(file)), problems_(problems) {}

    void problem(const std::string& path, const std::string& message) {
        problems_.push_back({file_, path, message});
        flagged_.insert(path);
    }

    // Whether the key already has a problem, so that checks of its meaning stay quiet about
    // a value whose type was wrong.
    bool flagged(const std::string& path) const { return flagged_.count(path) > 0; }

    void reject_unknown_keys(const json& raw) {
        std::set<std::string> known;
        for (const auto& k : known_keys()) known.insert(k.path);
        for (const auto& [name, value] : raw.items()) {
            if (sections.count(name)) {
                if (!value.is_object()) {
                    problem(name, "must be an object");
                    continue;
                }
                for (const auto& [sub, _] : value.items())
                    if (!known.count(name + "." + sub)) problem(name + "." + sub, "unknown key");
            } else if (!known.count(name)) {
                problem(name, "unknown key");
            }
        }
    }

    // Environment values are text; each is read as the type its key has.
    void apply_environment(json& raw, const Environment& env) {
        for (const auto& key : known_keys()) {
            auto it = env.find(env_name(key.path));
            if (it == env.end() || in_broken_section(raw, key.path)) continue;
            const std::string& text = it->second;
            json value;
            switch (key.type) {
                case Type::string: value = text; break;
                case Type::boolean:
                    if (text == "true" || text == "1") value = true;
                    else if (text == "false" || text == "0") value = false;
                    else { problem(key.path, env_name(key.path) + " must be true or false"); continue; }
                    break;
                case Type::number:
                case Type::integer:
                case Type::units:
                    try {
                        value = parse_shallow(text);
                    } catch (const std::exception&) {
                        problem(key.path, env_name(key.path) + " is not valid JSON of at most " +
                                              std::to_string(max_nesting) + " levels");
                        continue;
                    }
                    break;
            }
            raw[pointer(key.path)] = value;
        }
    }

    // Fills defaults and checks types; returns the completed tree.
    json complete(const json& raw) {
        json full = raw;
        for (const auto& key : known_keys()) {
            const std::string path = key.path;
            if (in_broken_section(raw, path)) continue;
            const auto dot = path.find('.');
            const std::string section = dot == std::string::npos ? "" : path.substr(0, dot);
            if (!section.empty() && !(raw.contains(section) && raw[section].is_object()) &&
                channel_sections.count(section))
                continue;  // channel off
            const auto ptr = pointer(path);
            if (!raw.contains(ptr) || (key.fallback.is_null() && raw[ptr].is_string() && raw[ptr].get<std::string>().empty())) {
                if (key.fallback.is_null()) problem(path, "is required");
                else full[ptr] = key.fallback;
                continue;
            }
            check_type(path, key.type, raw[ptr]);
        }
        return full;
    }

private:
    void check_type(const std::string& path, Type type, const json& v) {
        switch (type) {
            case Type::string:
                if (!v.is_string()) problem(path, "must be a string");
                break;
            case Type::boolean:
                if (!v.is_boolean()) problem(path, "must be true or false");
                break;
            case Type::number:
                if (!v.is_number() || v.get<double>() < 0) problem(path, "must be a non-negative number of seconds");
                break;
            case Type::integer:
                if (!v.is_number_integer() || v.get<long long>() < 0) problem(path, "must be a non-negative whole number");
                break;
            case Type::units:
                check_units(path, v);
                break;
        }
    }

    void check_units(const std::string& path, const json& v) {
        if (!v.is_array() || v.empty()) {
            problem(path, "must be a list of at least one unit {\"id\", \"name\"}");
            return;
        }
        std::set<std::string> ids;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            const json& u = v[i];
            if (!u.is_object()) { problem(at, "must be an object {\"id\", \"name\"}"); continue; }
            for (const auto& [k, _] : u.items())
                if (k != "id" && k != "name") problem(at + "." + k, "unknown key");
            for (const char* k : {"id", "name"})
                if (!u.contains(k) || !u[k].is_string() || u[k].get<std::string>().empty())
                    problem(at + "." + k, "must be a non-empty string");
            if (u.contains("id") && u["id"].is_string()) {
                const auto id = u["id"].get<std::string>();
                if (!matches(id, std::regex("[a-z0-9][a-z0-9_-]*")))
                    problem(at + ".id", "must be lower-case letters, digits, '-' or '_'");
                if (!ids.insert(id).second) problem(at + ".id", "duplicate unit id '" + id + "'");
            }
        }
    }

    std::string file_;
    std::vector<ConfigProblem>& problems_;
    std::set<std::string> flagged_;
};

bool parse_listen(const std::string& text, std::string& host, std::uint16_t& port) {
    static const std::regex form(R"(^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):([0-9]{1,5})$)");
    std::smatch m;
    if (!matches(text, form, &m)) return false;
    const long p = std::stol(m[2]);
    if (p > 65535) return false;
    host = m[1];
    if (host.front() == '[') host = host.substr(1, host.size() - 2);
    port = static_cast<std::uint16_t>(p);
    return true;
}

// The escalation desk reads the same text with the same parser, so what passes here is what
// citizens are told about.
bool valid_office_hours(const std::string& text) { return dialogs::parse_office_hours(text).has_value(); }

bool known_timezone(const std::string& id) {
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id)));
    return zone && *zone != icu::TimeZone::getUnknown();
}

bool is_http_url(const std::string& s) {
    return matches(s, std::regex(R"(^https?://[^/\s]+(/\S*)?$)"));
}

// Reads a value of the completed tree; a value of the wrong type (already reported) reads as
// the fallback, so every check below can run whatever else is wrong.
template <class T>
T read(const json& full, const char* path, T fallback) {
    const auto ptr = pointer(path);
    if (!full.contains(ptr)) return fallback;
    try {
        return full[ptr].get<T>();
    } catch (const json::exception&) {
        return fallback;
    }
}

void read_semantics(const json& full, Config& c, Validator& v) {
    const auto check = [&v](const char* path, bool ok, const std::string& message) {
        if (!ok && !v.flagged(path)) v.problem(path, message);
    };
    const auto text = [&full](const char* path) { return read<std::string>(full, path, ""); };
    // Durations become milliseconds added to a clock: beyond ten years they would overflow it.
    const auto seconds = [&](const char* path, double fallback) {
        const double value = read<double>(full, path, fallback);
        check(path, value <= max_seconds, "must be at most " + std::to_string(static_cast<long long>(max_seconds)) +
                                              " (ten years)");
        return std::min(value, max_seconds);
    };
    // Only an integer within the range is taken: converting 1e57 or a fraction to an int is
    // undefined behaviour, and a wide integer would wrap around to something that looks valid.
    const auto whole = [&](const char* path, long long fallback, long long low, long long high) {
        const auto ptr = pointer(path);
        if (!full.contains(ptr)) return fallback;
        const json& value = full[ptr];
        const bool in_range = value.is_number_integer() &&
                              !(value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(high)) &&
                              value.get<long long>() >= low && value.get<long long>() <= high;
        check(path, in_range, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high));
        return in_range ? value.get<long long>() : fallback;
    };

    check("listen", parse_listen(text("listen"), c.listen_host, c.listen_port), "must be HOST:PORT, e.g. 127.0.0.1:8080");

    const std::string database = text("database");
    const bool sqlite = database.rfind("sqlite:", 0) == 0 && database.size() > 7;
    if (sqlite) c.database_path = database.substr(7);
    if (database.rfind("postgresql://", 0) == 0)
        check("database", false, "PostgreSQL is not supported by this build yet; use sqlite:PATH");
    check("database", sqlite, "must be sqlite:PATH or postgresql://...");

    c.admin_token = text("admin_token");
    check("admin_token", c.admin_token.size() >= 16, "must be at least 16 characters");

    c.public_base_url = text("public_base_url");
    check("public_base_url", is_http_url(c.public_base_url), "must be an http:// or https:// URL");
    while (!c.public_base_url.empty() && c.public_base_url.back() == '/') c.public_base_url.pop_back();

    c.timezone = text("timezone");
    check("timezone", known_timezone(c.timezone), "unknown time zone '" + c.timezone + "'");
    c.office_hours = text("office_hours");
    check("office_hours", valid_office_hours(c.office_hours),
          "must be like \"Mon-Fri 07:30-11:30,13:30-17:00\" or \"always\"");

    if (full.contains("units") && full["units"].is_array())
        for (const auto& u : full["units"])
            if (u.is_object()) c.units.push_back({read<std::string>(u, "id", ""), read<std::string>(u, "name", "")});

    c.dialogs_dir = text("dialogs_dir");
    if (c.dialogs_dir.empty()) c.dialogs_dir = dialogs::default_content_dir().string();
    c.threads = static_cast<int>(whole("threads", 0, 0, max_threads));
    c.max_connections = static_cast<int>(whole("max_connections", 1024, 1, 1'000'000));

    if (full.contains("zalo")) {
        c.zalo = ZaloConfig{text("zalo.app_id"), text("zalo.oa_id"), text("zalo.oa_secret_key"),
                            text("zalo.app_secret"), text("zalo.access_token"), text("zalo.refresh_token"),
                            text("zalo.api_base"), text("zalo.oauth_base")};
        check("zalo.api_base", is_http_url(c.zalo->api_base), "must be an http:// or https:// URL");
        check("zalo.oauth_base", is_http_url(c.zalo->oauth_base), "must be an http:// or https:// URL");
    }
    if (full.contains("sms")) {
        c.sms = SmsConfig{text("sms.provider"), text("sms.api_base"), text("sms.account_sid"),
                          text("sms.auth_token"), text("sms.from"), read<bool>(full, "sms.unicode", false),
                          static_cast<int>(whole("sms.max_segments", 3, 1, 10))};
        check("sms.provider", c.sms->provider == "twilio", "unknown provider '" + c.sms->provider + "' (supported: twilio)");
        check("sms.api_base", is_http_url(c.sms->api_base), "must be an http:// or https:// URL");
    }
    c.escalation.ack_timeout_s = seconds("escalation.ack_timeout_s", 1800);
    c.escalation.handoff_idle_s = seconds("escalation.handoff_idle_s", 86400);
    c.outbox.initial_s = seconds("outbox.retry_initial_s", 5);
    c.outbox.max_s = seconds("outbox.retry_max_s", 3600);
    c.outbox.give_up_after_s = seconds("outbox.give_up_after_s", 86400);
    check("outbox.retry_initial_s", c.outbox.initial_s > 0, "must be greater than 0");
    check("outbox.retry_max_s", c.outbox.max_s >= c.outbox.initial_s, "must be at least retry_initial_s");
}

}  // namespace

std::vector<dialogs::UnitName> unit_names(const Config& config) {
    std::vector<dialogs::UnitName> names;
    for (const auto& u : config.units) names.push_back({u.id, u.name});
    return names;
}

Environment process_environment() {
    Environment env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        if (entry.rfind("MOTCUA_", 0) != 0) continue;
        const auto eq = entry.find('=');
        if (eq != std::string_view::npos) env.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
    return env;
}

Config load_config(const std::optional<std::string>& path, const Environment& env,
                   std::vector<ConfigProblem>& problems) {
    Config config;
    config.source = path ? *path : "<demo>";
    config.demo = !path;
    Validator v(config.source, problems);

    json raw;
    if (path) {
        std::ifstream in(*path, std::ios::binary);
        if (!in) {
            v.problem("", "cannot read the file");
            return config;
        }
        std::stringstream text;
        text << in.rdbuf();
        try {
            raw = parse_shallow(text.str());
        } catch (const std::runtime_error& e) {
            v.problem("$", e.what());
            return config;
        } catch (const json::exception& e) {
            // nlohmann's message names the line and column, which is what the commune needs; a
            // number too large for a double (1e999) is the other way parsing fails.
            v.problem("$", std::string("invalid JSON: ") + e.what());
            return config;
        }
        if (!raw.is_object()) {
            v.problem("$", "must be a JSON object {...}");
            return config;
        }
    } else {
        raw = demo_config();
    }
    v.reject_unknown_keys(raw);
    v.apply_environment(raw, env);
    const json full = v.complete(raw);
    read_semantics(full, config, v);
    return config;
}

}  // namespace motcua::bot
