#include "store/sqlite_writer.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <optional>

#include "store/statement.hpp"

namespace motcua::store {
namespace {

std::string message_of(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "the job failed with an exception that is not a std::exception";
    }
}

void report(const Writer::Done& done, bool committed, const std::string& error) {
    if (!done) return;
    // A callback that throws has nobody to tell; letting it out would end the writer thread
    // and with it every later commit.
    try {
        done(committed, error);
    } catch (...) {
    }
}

}  // namespace

SqliteWriter::SqliteWriter(std::unique_ptr<Transaction> connection, WalSyncer::Sync sync)
    : tx_(std::move(connection)) {
    if (!tx_) throw StoreError("the writer needs a connection");
    syncer_ = std::make_unique<WalSyncer>(std::move(sync));
    thread_ = std::thread([this] { loop(); });
    thread_id_ = thread_.get_id();
    // Named, so that `top -H` and perf show which of the store's threads is busy.
    pthread_setname_np(thread_.native_handle(), "motcua-writer");
}

SqliteWriter::~SqliteWriter() { stop(); }

void SqliteWriter::submit(Job job, Done done) {
    if (!job) {
        report(done, false, "no job given");
        return;
    }
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(job), std::move(done), false, {}});
            wake_.notify_one();
            return;
        }
    }
    report(done, false, "store stopped");
}

void SqliteWriter::run(Job job) {
    if (std::this_thread::get_id() == thread_id_ || syncer_->on_syncing_thread())
        throw StoreError("Writer::run called on the store's own thread, which would wait for itself");
    auto outcome = std::make_shared<std::promise<std::optional<std::string>>>();
    auto finished = outcome->get_future();
    submit(std::move(job), [outcome](bool committed, const std::string& error) {
        outcome->set_value(committed ? std::nullopt : std::optional(error));
    });
    if (const auto error = finished.get()) throw StoreError(*error);
}

void SqliteWriter::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_.notify_one();
    }
    // From a job this thread cannot wait for itself; it tells the syncer to finish on its way out.
    if (std::this_thread::get_id() == thread_id_) return;
    {
        std::lock_guard join_lock(join_mutex_);
        if (thread_.joinable()) thread_.join();
    }
    // From a Done callback the syncing thread cannot wait for itself; it ends once it reported
    // every batch handed over.
    syncer_->stop();
}

void SqliteWriter::loop() {
    for (;;) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) {
                // Also when stop() came from a job on this thread and could not wait for it.
                syncer_->finish();
                return;
            }
            const std::size_t count = std::min(queue_.size(), max_batch);
            batch.reserve(count);
            for (std::size_t i = 0; i < count; ++i) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        commit_batch(batch);
    }
}

void SqliteWriter::commit_batch(std::vector<Pending>& batch) {
    std::optional<std::string> batch_error;
    try {
        // Nothing is applied that could not be made durable: a job that hears it failed must
        // not have changed anything.
        if (auto failure = syncer_->failure()) throw StoreError(*failure, SQLITE_IOERR_FSYNC);
        abandon_transaction();
        tx_->prepare("BEGIN IMMEDIATE").execute();
        for (auto& pending : batch) run_in_savepoint(pending);
        syncer_->begin_commit();
        tx_->prepare("COMMIT").execute();
    } catch (const std::exception& e) {
        batch_error = e.what();
        abandon_transaction();
    }
    // Failed batches go through the syncer too, so that every job hears in the order submitted.
    syncer_->hand_over(!batch_error, [batch = std::move(batch), batch_error](const std::optional<std::string>& sync_error) {
        for (const auto& pending : batch) {
            if (batch_error) report(pending.done, false, *batch_error);
            else if (sync_error && pending.committed)
                report(pending.done, false, "the commit may not be on disk: " + *sync_error);
            else report(pending.done, pending.committed, pending.error);
        }
    });
}

void SqliteWriter::run_in_savepoint(Pending& pending) {
    // Prepared once: exec would compile these again for every message.
    tx_->prepare("SAVEPOINT job").execute();
    std::exception_ptr failure;
    try {
        pending.job(*tx_);
    } catch (...) {
        failure = std::current_exception();
    }
    tx_->reset_statements();
    if (failure) {
        pending.error = message_of(failure);
        // Throws when SQLite already undid the whole transaction (a full disk can do that):
        // then the batch fails as one.
        tx_->prepare("ROLLBACK TO job").execute();
    }
    tx_->prepare("RELEASE job").execute();
    pending.committed = !failure;
}

void SqliteWriter::abandon_transaction() {
    // Leaves the connection in autocommit mode whatever happened, so that the next batch can
    // begin once the disk has room again. A failed ROLLBACK changes nothing more.
    tx_->reset_statements();
    if (!tx_->in_transaction()) return;
    try {
        tx_->exec("ROLLBACK");
    } catch (const StoreError&) {
    }
}

}  // namespace motcua::store
