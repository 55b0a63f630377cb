// The CPU cost of the dialog layer per inbound message (BENCHMARKS.md, "Dialog turn cost"):
// Engine::turn over the labelled corpus of citizen messages, for SMS (GSM-7, 3 segments) and
// Zalo, and understand() alone. Built only with -DMOTCUA_BENCH=ON.
//
//   bench_dialog_turn [ROUNDS]          times every workload, ROUNDS passes over the corpus
//   bench_dialog_turn WORKLOAD ROUNDS   runs one workload (sms, zalo or understand) untimed,
//                                       for valgrind --tool=callgrind (instructions per call)
// MOTCUA_CONTENT_DIR replaces the shipped content directory.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialogs/content.hpp"
#include "dialogs/content_model.hpp"
#include "dialogs/engine.hpp"
#include "dialogs/understanding.hpp"

using namespace motcua;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> corpus_texts() {
    const std::string path =
        std::string(MOTCUA_SOURCE_DIR) + "/tests/testdata/corpus/messages.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    const nlohmann::json doc = nlohmann::json::parse(in);
    std::vector<std::string> texts;
    for (const nlohmann::json& m : doc.at("messages")) texts.push_back(m.at("text"));
    return texts;
}

dialogs::Medium sms_medium() {
    dialogs::Medium medium;
    medium.sms = true;
    medium.unicode = false;
    medium.max_segments = 3;
    return medium;
}

dialogs::Medium zalo_medium() {
    dialogs::Medium medium;
    medium.buttons = true;
    medium.max_chars = 2000;
    return medium;
}

// One conversation through the whole corpus, so numbers pick from the menu last shown and
// long SMS answers leave continuations, as a contact's messages would. Returns a checksum so
// the work cannot be optimised away.
std::size_t converse(const dialogs::Engine& engine, const std::vector<std::string>& texts,
                     const dialogs::Medium& medium, std::size_t rounds) {
    std::size_t checksum = 0;
    std::string state;
    for (std::size_t round = 0; round < rounds; ++round) {
        for (const std::string& text : texts) {
            dialogs::Input input(dialogs::Input::Kind::text, text);
            input.today = "2026-11-27";
            dialogs::TurnResult result = engine.turn(state, input, medium);
            for (const dialogs::Reply& reply : result.replies) checksum += reply.text.size();
            state = std::move(result.state);
        }
    }
    return checksum;
}

std::size_t understand_all(const dialogs::Content& content, const std::vector<std::string>& texts,
                           std::size_t rounds) {
    std::size_t checksum = 0;
    for (std::size_t round = 0; round < rounds; ++round) {
        for (const std::string& text : texts) {
            checksum += dialogs::understand(text, content).procedure.size();
        }
    }
    return checksum;
}

struct Workload {
    const char* name;
    std::function<std::size_t(std::size_t rounds)> run;
};

int bench(int argc, char** argv) {
    // A pinned copy of the content lets runs far apart measure the same work.
    const char* pinned = std::getenv("MOTCUA_CONTENT_DIR");
    const std::filesystem::path dir = pinned ? pinned : dialogs::default_content_dir();
    std::vector<dialogs::Problem> problems;
    const auto content = dialogs::load_content(dir, problems);
    if (!content) {
        for (const dialogs::Problem& p : problems) {
            std::cerr << p.file << ": " << p.path << ": " << p.message << "\n";
        }
        return 1;
    }
    const dialogs::Engine engine(content);
    const std::vector<std::string> texts = corpus_texts();
    const dialogs::Medium sms = sms_medium();
    const dialogs::Medium zalo = zalo_medium();
    const Workload workloads[] = {
        {"sms", [&](std::size_t rounds) { return converse(engine, texts, sms, rounds); }},
        {"zalo", [&](std::size_t rounds) { return converse(engine, texts, zalo, rounds); }},
        {"understand", [&](std::size_t rounds) { return understand_all(*content, texts, rounds); }},
    };

    const bool one_workload = argc == 3;
    const long rounds = argc >= 2 ? std::strtol(argv[argc - 1], nullptr, 10) : 200;
    if (argc > 3 || rounds <= 0) {
        std::cerr << "usage: bench_dialog_turn [ROUNDS]\n"
                     "       bench_dialog_turn sms|zalo|understand ROUNDS\n";
        return 2;
    }
    const auto passes = static_cast<std::size_t>(rounds);
    for (const Workload& workload : workloads) {
        if (one_workload) {
            if (std::string(argv[1]) != workload.name) continue;
            std::printf("%s: checksum %zu\n", workload.name, workload.run(passes));
            return 0;
        }
        workload.run(1);  // warm caches and thread-local ICU objects
        const auto start = Clock::now();
        const std::size_t checksum = workload.run(passes);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const double calls = static_cast<double>(passes * texts.size());
        std::printf("%-10s %8.2f us per call  (%zu messages x %zu rounds, checksum %zu)\n",
                    workload.name, seconds * 1e6 / calls, texts.size(), passes, checksum);
    }
    if (one_workload) {
        std::cerr << "unknown workload " << argv[1] << "\n";
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return bench(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_dialog_turn: " << e.what() << "\n";
        return 1;
    }
}
