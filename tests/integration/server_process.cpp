#include "server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace motcua::testing {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "motcua-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(std::filesystem::path dir, nlohmann::json config, std::map<std::string, std::string> environment)
    : dir_(std::move(dir)), config_(std::move(config)), environment_(std::move(environment)) {}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) kill9();
}

void ServerProcess::start() {
    if (port_ != 0) config_["listen"] = "127.0.0.1:" + std::to_string(port_);
    const auto config_path = dir_ / "config.json";
    std::ofstream(config_path) << config_.dump(2);
    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        const int err = open((dir_ / "server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(err, STDERR_FILENO);
        close(out[0]);
        for (const auto& [name, value] : environment_) setenv(name.c_str(), value.c_str(), 1);
        execl(MOTCUA_BINARY, MOTCUA_BINARY, "serve", "--config", config_path.c_str(), nullptr);
        _exit(127);
    }
    close(out[1]);
    // Read the one line the server prints once it listens.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos) {
        pollfd p{out[0], POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
        char buffer[256];
        const auto n = read(out[0], buffer, sizeof buffer);
        if (n <= 0) break;
        line.append(buffer, static_cast<std::size_t>(n));
    }
    close(out[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos)
        throw std::runtime_error("server did not start; stdout: '" + line + "'; log:\n" + log());
    port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

int ServerProcess::stop(int signal) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + WTERMSIG(status);
}

void ServerProcess::kill9() { stop(SIGKILL); }

std::string ServerProcess::log() const {
    std::ifstream in(dir_ / "server.log");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace motcua::testing
