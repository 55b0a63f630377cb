#pragma once
// The real `motcua serve` binary, started on a free loopback port with a config the test writes,
// so integration tests exercise exactly what a commune runs.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace motcua::testing {

class ServerProcess {
public:
    // dir holds the config, the database and the server's log.
    // environment: extra variables for the server process (e.g. SSL_CERT_FILE).
    ServerProcess(std::filesystem::path dir, nlohmann::json config, std::map<std::string, std::string> environment = {});
    ~ServerProcess();  // kills the process if it still runs

    // Returns once "listening on HOST:PORT" was printed. A restart listens on the port of the
    // first start, as a gateway's configured URL would expect.
    void start();
    // Sends the signal and returns the exit status (or 128+signal). Signal 0 sends nothing and
    // waits for a stop already under way.
    int stop(int signal = 15);
    void kill9();                 // SIGKILL, no cleanup
    bool running() const { return pid_ > 0; }
    pid_t pid() const { return pid_; }

    std::uint16_t port() const { return port_; }
    std::string log() const;      // what the server wrote on stderr
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    nlohmann::json config_;
    std::map<std::string, std::string> environment_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

// A fresh temporary directory, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace motcua::testing
