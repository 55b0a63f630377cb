#pragma once
// Read-only connections shared by any number of threads. In WAL mode a reader sees the last
// commit and never blocks the writer, so reads need no queue behind the writer's.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/session.hpp"

namespace motcua::store {

class ReaderPool {
public:
    // Connections are opened when first needed, at most `size` of them.
    ReaderPool(std::string path, std::size_t size);
    ~ReaderPool();

    // Runs fn on a free connection, waiting for one when all are in use. Throws StoreError.
    void read(const std::function<void(Session&)>& fn);

private:
    std::unique_ptr<Session> acquire();
    void release(std::unique_ptr<Session> session);

    std::string path_;
    std::size_t size_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Session>> idle_;
    std::size_t open_ = 0;
};

}  // namespace motcua::store
