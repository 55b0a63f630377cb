#pragma once
// Group commit: jobs from many threads queue here; one thread runs a batch of them inside one
// transaction (each in its own SAVEPOINT, so one failing job does not undo its neighbours), then
// commits once and, once the commit is on disk, reports to every job. A webhook is acknowledged
// only from its Done callback.
#include <cstdint>
#include <functional>
#include <string>

#include "store/session.hpp"

namespace motcua::store {

class Writer {
public:
    using Job = std::function<void(Transaction&)>;
    // committed is false when the job threw or the commit failed; error says why. It is also
    // false when the commit was made but its sync failed: the store then takes no more writes.
    // Called once, on the store's syncing thread once the commit is durable: keep it short (post
    // elsewhere), and do not call run() from it. After stop() it is called at once on the
    // submitting thread.
    // Jobs run in the order submitted; what a Done throws is ignored.
    using Done = std::function<void(bool committed, const std::string& error)>;

    virtual ~Writer() = default;
    virtual void submit(Job job, Done done) = 0;
    // Runs one job and waits for its commit; throws StoreError when it did not commit.
    virtual void run(Job job) = 0;
    // Finishes every queued job, then stops the thread. Further submits fail at once.
    virtual void stop() = 0;

    // Reads see commits before they are durable. To act outside the store on what a read saw,
    // take the fence right after the read and act from when_durable(fence, ...), which runs its
    // function with true at once or, once every commit up to the fence is durable, on the syncing
    // thread; with false, at once or later, once that will never be known (after a failed sync,
    // or a stop), so as to let go.
    virtual std::uint64_t fence() const = 0;
    virtual void when_durable(std::uint64_t fence, std::function<void(bool durable)> then) = 0;
    // Whether a sync failed, after which no write is made or told durable until a restart.
    virtual bool failed() = 0;
};

}  // namespace motcua::store
