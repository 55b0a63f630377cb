#include "bot/app.hpp"

#include <pthread.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>

#include "bot/channels.hpp"
#include "bot/clock.hpp"
#include "bot/demo_records.hpp"
#include "bot/dispatcher.hpp"
#include "bot/engine.hpp"
#include "bot/escalation_desk.hpp"
#include "bot/http_server.hpp"
#include "bot/references.hpp"
#include "bot/log.hpp"
#include "bot/router.hpp"
#include "bot/timers.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr auto drain_deadline = 25s;

asio::ip::tcp::endpoint listen_endpoint(const Config& config) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(config.listen_host, ec);
    if (!ec) return {address, config.listen_port};
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    return *resolver.resolve(config.listen_host, std::to_string(config.listen_port)).begin();
}

// Stops sending at once and waits for the sends in flight to be recorded and for open
// connections to finish, then stops the loop; a deadline bounds the whole drain so a stuck peer
// cannot hold the process. Replies stored meanwhile go out after the restart: a send begun
// during the drain could be cut off by the deadline after the gateway accepted it, and that
// acceptance, unrecorded, would become a second send after the restart.
void drain(asio::io_context& io, HttpServer& server, Dispatcher& dispatcher) {
    server.stop();
    auto sends_recorded = std::make_shared<std::atomic<bool>>(false);
    dispatcher.stop([sends_recorded] { *sends_recorded = true; });
    const auto deadline = std::chrono::steady_clock::now() + drain_deadline;
    auto poll = std::make_shared<asio::steady_timer>(io);
    auto step = std::make_shared<std::function<void()>>();
    // The step holds itself weakly and each pending wait strongly, so nothing is left over when
    // the loop stops with a wait pending (the loop's shutdown destroys that wait).
    *step = [&io, &server, poll, sends_recorded, self = std::weak_ptr(step), deadline] {
        const auto step = self.lock();
        const bool drained = *sends_recorded && server.open_connections() == 0;
        if (drained || std::chrono::steady_clock::now() >= deadline) {
            io.stop();
            return;
        }
        poll->expires_after(20ms);
        poll->async_wait([step](const boost::system::error_code&) { (*step)(); });
    };
    (*step)();
}

}  // namespace

int serve(const Config& config, std::shared_ptr<const dialogs::Content> content) {
    std::unique_ptr<store::Database> db;
    try {
        // The dispatcher fences its sends (Writer::fence), so the writer need not wait for the disk.
        db = store::Database::open(config.database_path, store::Database::Commits::synced_aside);
    } catch (const std::exception& e) {
        std::cerr << "motcua: cannot open the store " << config.database_path << ": " << e.what() << "\n";
        return 1;
    }
    if (config.demo) seed_demo_records(*db, config.timezone, system_clock_ms());
    asio::io_context io;
    HttpClient client(io);
    Channels channels = make_channels(config, client, *db);
    Metrics metrics;
    Dispatcher dispatcher(io, *db, channels.sender_pointers(), config.outbox, system_clock_ms, metrics);
    dialogs::Engine dialogs(content, unit_names(config));
    const dialogs::EscalationWording wording(content);
    const EscalationDesk desk(dialogs, wording, make_media(config), escalation_settings(config));
    const auto wake_dispatcher = [&dispatcher] { dispatcher.wake(); };
    Timers timers(
        io, *db, [&desk](store::Transaction& tx, const store::Timer& timer, std::int64_t now) { desk.fire(tx, timer, now); },
        system_clock_ms, wake_dispatcher);
    // A committed message may have queued replies and set timers (an escalation's).
    const auto wake_senders_and_timers = [&dispatcher, &timers] {
        dispatcher.wake();
        timers.wake();
    };
    Engine engine(*db, dialogs, desk, make_media(config), config.timezone, system_clock_ms, wake_senders_and_timers);
    const auto refs = references(config, content);
    AdminApi admin(config.admin_token, content, unit_names(config), OfficerApi(*db, refs, system_clock_ms),
                   DossierApi(*db, refs, StatusNotifier(dialogs, make_media(config)), config.timezone,
                              system_clock_ms, wake_dispatcher),
                   EscalationApi(*db, desk, system_clock_ms, wake_dispatcher), StatsApi(*db, config.timezone));
    Router router(*db, engine, std::move(channels.webhooks), std::move(admin), metrics);

    std::unique_ptr<HttpServer> server;
    try {
        server = std::make_unique<HttpServer>(io, listen_endpoint(config), [&router](Request r, Respond respond) {
            router(std::move(r), std::move(respond));
        }, static_cast<std::size_t>(config.max_connections));
    } catch (const std::exception& e) {
        std::cerr << "motcua: cannot listen on " << config.listen_host << ":" << config.listen_port << ": " << e.what() << "\n";
        return 1;
    }
    server->start();
    dispatcher.start();
    timers.start();
    const auto at = server->local_endpoint();
    std::cout << "listening on " << at.address().to_string() << ":" << at.port() << std::endl;
    log::info("started", {{"config", config.source}, {"demo", config.demo ? "true" : "false"}});

    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec) return;
        log::info("stopping", {{"signal", std::to_string(signal)}});
        timers.stop();
        drain(io, *server, dispatcher);
    });

    const unsigned threads = config.threads > 0 ? config.threads : std::max(2u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) {
        pool.emplace_back([&io] { io.run(); });
        pthread_setname_np(pool.back().native_handle(), "motcua-http");  // the main thread keeps the process's name
    }
    io.run();
    for (auto& t : pool) t.join();
    db->writer().stop();
    log::info("stopped");
    return 0;
}

}  // namespace motcua::bot
