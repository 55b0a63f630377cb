#include "tcp_table.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace motcua::testing {
namespace {

// The server's end of each connection to its port, by socket inode, with the bytes the client
// sent that the server has not read yet. From the kernel's table of sockets (local and remote
// addresses as hex "IP:PORT"; the server listens on 127.0.0.1, so IPv4 is enough), leaving
// out sockets no process holds any more (inode 0: closed, or not accepted yet) and the
// listener. The table is read in pieces while it changes, so a row can be missed or repeated:
// the inode key merges the repeats, and callers wait for a settled answer.
std::map<std::string, std::size_t> server_sockets(std::uint16_t port) {
    constexpr auto listening = "0A";
    std::ifstream table("/proc/net/tcp");
    std::string line;
    std::getline(table, line);  // the column names
    std::map<std::string, std::size_t> unread_by_inode;
    while (std::getline(table, line)) {
        std::istringstream fields(line);
        std::string slot, local, remote, state, queues, timer, retransmits, uid, timeout, inode;
        fields >> slot >> local >> remote >> state >> queues >> timer >> retransmits >> uid >> timeout >> inode;
        const auto port_at = local.find(':');
        const auto queue_at = queues.find(':');
        if (port_at == std::string::npos || queue_at == std::string::npos) continue;
        if (state == listening || inode == "0" || inode.empty()) continue;
        if (std::stoul(local.substr(port_at + 1), nullptr, 16) != port) continue;
        unread_by_inode[inode] = std::stoul(queues.substr(queue_at + 1), nullptr, 16);
    }
    return unread_by_inode;
}

}  // namespace

bool holds_and_has_read(std::uint16_t port, std::size_t count) {
    const auto sockets = server_sockets(port);
    return sockets.size() == count &&
           std::all_of(sockets.begin(), sockets.end(), [](const auto& socket) { return socket.second == 0; });
}

}  // namespace motcua::testing
