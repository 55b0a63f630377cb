#include <csignal>
#include <exception>
#include <iostream>

#include "bot/cli.hpp"

int main(int argc, char** argv) {
    // Past a file-size limit (RLIMIT_FSIZE) a write would kill the process with SIGXFSZ. Ignored,
    // the write fails with EFBIG instead: the store reports it like a full disk, answers 503
    // meanwhile, and recovers once the limit is lifted.
    std::signal(SIGXFSZ, SIG_IGN);
    // What no command handles itself (memory exhausted by an enormous input) ends the command
    // with the reason rather than an abort.
    try {
        return motcua::bot::run_cli(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "motcua: " << e.what() << "\n";
        return 1;
    }
}
