#include "bot/cli.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/app.hpp"
#include "bot/chat.hpp"
#include "bot/config.hpp"
#include "bot/dossier_import.hpp"
#include "dialogs/content.hpp"

namespace motcua::bot {

namespace {

constexpr const char* usage = R"(usage:
  motcua serve [--config FILE]
  motcua chat  [--config FILE] [--channel sms|zalo] [--from ID]
  motcua check [--config FILE]
  motcua import dossiers FILE.csv [--config FILE]
)";

struct Arguments {
    std::string command;
    std::map<std::string, std::string> options;  // "--config" -> value
};

// Options from argv[first] on, each "--name value".
std::optional<Arguments> parse(int argc, char** argv, const std::vector<std::string>& allowed, int first = 2) {
    Arguments args{argv[1], {}};
    for (int i = first; i < argc; ++i) {
        const std::string name = argv[i];
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end() || i + 1 >= argc) {
            std::cerr << "motcua " << args.command << ": unexpected argument '" << name << "'\n" << usage;
            return std::nullopt;
        }
        args.options[name] = argv[++i];
    }
    return args;
}

std::optional<std::string> option(const Arguments& args, const std::string& name) {
    auto it = args.options.find(name);
    if (it == args.options.end()) return std::nullopt;
    return it->second;
}

// Loads and validates everything a command needs; prints every problem and returns nullptr
// content when there was any.
std::shared_ptr<const dialogs::Content> load_all(const Arguments& args, Config& config, std::ostream& out) {
    std::vector<ConfigProblem> problems;
    config = load_config(option(args, "--config"), process_environment(), problems);
    for (const auto& p : problems) out << p.file << ": " << p.path << ": " << p.message << "\n";
    if (!problems.empty()) return nullptr;
    std::vector<dialogs::Problem> content_problems;
    auto content = dialogs::load_content(config.dialogs_dir, content_problems);
    for (const auto& p : content_problems)
        out << config.dialogs_dir << "/" << p.file << ": " << p.path << ": " << p.message << "\n";
    return content_problems.empty() ? content : nullptr;
}

}  // namespace

int run_cli(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << usage;
        return 2;
    }
    const std::string command = argv[1];
    if (command == "serve" || command == "check") {
        auto args = parse(argc, argv, {"--config"});
        if (!args) return 2;
        Config config;
        auto content = load_all(*args, config, std::cerr);
        if (command == "check") {
            if (!content) return 1;
            std::cout << "ok: " << config.source << " and " << config.dialogs_dir << " are valid\n";
            return 0;
        }
        if (!content) {
            std::cerr << "motcua: not starting until the problems above are fixed\n";
            return 1;
        }
        return serve(config, content);
    }
    if (command == "chat") {
        auto args = parse(argc, argv, {"--config", "--channel", "--from"});
        if (!args) return 2;
        const auto channel = parse_channel(option(*args, "--channel").value_or("sms"));
        if (!channel) {
            std::cerr << "motcua chat: --channel must be sms or zalo\n";
            return 2;
        }
        Config config;
        auto content = load_all(*args, config, std::cerr);
        if (!content) return 1;
        return chat(config, content, *channel, option(*args, "--from"), std::cin, std::cout);
    }
    if (command == "import") {
        if (argc < 4 || std::string(argv[2]) != "dossiers") {
            std::cerr << "motcua import: what to import and from which file\n" << usage;
            return 2;
        }
        auto args = parse(argc, argv, {"--config"}, 4);
        if (!args) return 2;
        Config config;
        auto content = load_all(*args, config, std::cerr);
        if (!content) return 1;
        return import_dossiers_command(config, content, argv[3], std::cout, std::cerr);
    }
    std::cerr << "motcua: unknown command '" << command << "'\n" << usage;
    return 2;
}

}  // namespace motcua::bot
