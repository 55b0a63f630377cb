#include "server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

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

namespace {

// The test's environment with the given variables set, as execve takes it.
std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides) {
    std::vector<std::string> entries;
    for (char** variable = environ; *variable; ++variable) {
        const std::string entry = *variable;
        if (!overrides.contains(entry.substr(0, entry.find('=')))) entries.push_back(entry);
    }
    for (const auto& [name, value] : overrides) entries.push_back(name + "=" + value);
    return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

// A free loopback port below the kernel's ephemeral range, or 0 (the kernel's choice) when none
// is found. A restart listens on the port of the first start, and while the server is down an
// ephemeral port may be given to another test's socket, or to a client's connect as its own
// source port (a TCP self-connect): the restart could then not listen.
std::uint16_t free_port_below_ephemeral_range() {
    int lowest_ephemeral = 32768;
    std::ifstream("/proc/sys/net/ipv4/ip_local_port_range") >> lowest_ephemeral;
    std::mt19937 random(std::random_device{}());
    std::uniform_int_distribution<int> pick(10'000, std::max(10'000, lowest_ephemeral - 1));
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int port = pick(random);
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool free = fd >= 0 && bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        if (fd >= 0) close(fd);
        if (free) return static_cast<std::uint16_t>(port);
    }
    return 0;
}

// Under the sanitizers, with the other suites running beside it, a server that recovers a
// killed one's WAL can take several seconds to listen.
constexpr auto startup_deadline = std::chrono::seconds(60);

}  // namespace

// posix_spawn rather than fork: between fork and exec the child of a process with threads
// (the tests' clients, the fake gateway) may only call async-signal-safe functions, and an
// allocation there can wait forever for a lock a vanished thread held.
void ServerProcess::start() {
    if (port_ == 0 && config_.value("listen", std::string()) == "127.0.0.1:0") port_ = free_port_below_ephemeral_range();
    if (port_ != 0) config_["listen"] = "127.0.0.1:" + std::to_string(port_);
    const auto config_path = dir_ / "config.json";
    std::ofstream(config_path) << config_.dump(2);
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const int err = open((dir_ / "server.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (err < 0) throw std::runtime_error("cannot open the server's log");
    std::vector<std::string> arguments{MOTCUA_BINARY, "serve", "--config", config_path.string()};
    auto environment = environment_with(environment_);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
    // Nothing else of the test's: Asio's sockets (the fake gateway's listener, the clients') are
    // not close-on-exec, and a server holding them would keep a stopped gateway's port open.
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    const int spawned = posix_spawn(&pid_, MOTCUA_BINARY, &actions, nullptr, pointers_to(arguments).data(),
                                    pointers_to(environment).data());
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err);
    if (spawned != 0) {
        close(out[0]);
        pid_ = -1;
        throw std::runtime_error(std::string("cannot start ") + MOTCUA_BINARY + ": " + std::strerror(spawned));
    }
    // Read the one line the server prints once it listens.
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + startup_deadline;
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
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
        const int status = stop(SIGKILL);  // a server still starting must not outlive the test
        throw std::runtime_error("server did not start (exit status " + std::to_string(status) + "); stdout: '" +
                                 line + "'; log:\n" + log());
    }
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
