#include "store/reader_pool.hpp"

#include "store/connection.hpp"

namespace motcua::store {

ReaderPool::ReaderPool(std::string path, std::size_t size) : path_(std::move(path)), size_(size) {
    if (size_ == 0) throw StoreError("a reader pool needs at least one connection");
}

ReaderPool::~ReaderPool() = default;

std::unique_ptr<Session> ReaderPool::acquire() {
    {
        std::unique_lock lock(mutex_);
        returned_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
        if (!idle_.empty()) {
            auto session = std::move(idle_.back());
            idle_.pop_back();
            return session;
        }
        ++open_;
    }
    // Opened outside the lock: other readers need not wait for the file system.
    try {
        return std::make_unique<Session>(open_connection(path_, Access::read), true);
    } catch (...) {
        std::lock_guard lock(mutex_);
        --open_;
        returned_.notify_one();
        throw;
    }
}

void ReaderPool::release(std::unique_ptr<Session> session) {
    // A statement left between rows would pin this connection to an old snapshot.
    session->reset_statements();
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(session));
    returned_.notify_one();
}

void ReaderPool::read(const std::function<void(Session&)>& fn) {
    auto session = acquire();
    try {
        fn(*session);
    } catch (...) {
        release(std::move(session));
        throw;
    }
    release(std::move(session));
}

}  // namespace motcua::store
