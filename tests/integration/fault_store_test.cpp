// SPEC §3 and §6 when the store cannot be written: /healthz and the webhooks answer 503 (so the
// gateways retry), nothing acknowledged is lost, and once the store can be written again the
// same process serves as before, without a restart.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>

#include "database_file.hpp"
#include "deployment.hpp"
#include "eventually.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class FaultStore : public Deployment {
protected:
    // A message answered and its reply recorded as sent: nothing is left in the outbox that a
    // store failure could hold up.
    void answered(const std::string& from, const std::string& sid) {
        ASSERT_EQ(send_sms(from, sid, "menu").status, 200);
        ASSERT_TRUE(eventually([&] { return metric(server->port(), "motcua_outbox_pending") == 0.0; }));
        ASSERT_EQ(sms_sent_to(from).size(), 1u);
    }

    int health() { return http_request(server->port(), "GET", "/healthz").status; }

    // The gateway retries what was refused: stored now, answered once however often it comes.
    void retried_and_answered_once(const std::string& from, const std::string& sid) {
        ASSERT_EQ(send_sms(from, sid, "menu").status, 200);
        ASSERT_EQ(send_sms(from, sid, "menu").status, 200);
        ASSERT_TRUE(eventually([&] { return metric(server->port(), "motcua_outbox_pending") == 0.0; }));
        EXPECT_EQ(sms_sent_to(from).size(), 1u);
    }

    std::filesystem::path database() const { return dir.path() / "motcua.db"; }
};

TEST_F(FaultStore, ALockedStoreAnswers503AndRecoversWithoutRestart) {
    start();
    const auto pid = server->pid();
    answered("+84912000001", "SMlock-1");
    {
        // As the sqlite3 shell or a backup would: the server's writes wait out its busy timeout
        // (seconds), then fail.
        DatabaseFile holder(database(), DatabaseFile::Mode::read_write);
        holder.exec("BEGIN EXCLUSIVE");
        const auto port = server->port();
        auto probe = std::async(std::launch::async, [port] { return http_request(port, "GET", "/healthz"); });
        auto refused = std::async(std::launch::async, [port] { return send_sms(port, "+84912000002", "SMlock-2", "menu"); });
        const auto probed = probe.get();
        EXPECT_EQ(probed.status, 503);
        EXPECT_NE(probed.body.find("store unavailable"), std::string::npos) << probed.body;
        const auto answer = refused.get();
        EXPECT_EQ(answer.status, 503);
        EXPECT_NE(answer.body.find("\"error\""), std::string::npos) << answer.body;
        holder.exec("ROLLBACK");
    }
    EXPECT_TRUE(eventually([&] { return health() == 200; }));
    EXPECT_EQ(server->pid(), pid);
    retried_and_answered_once("+84912000002", "SMlock-2");
    answered("+84912000003", "SMlock-3");
    EXPECT_EQ(sms_sent_to("+84912000001").size(), 1u);
}

TEST_F(FaultStore, AFullDiskAnswers503AndRecoversWithoutRestart) {
    start();
    answered("+84913000001", "SMfull-1");
    // A file-size limit of zero fails every write to a file with EFBIG, as a disk with no room
    // left would; the server must outlive the SIGXFSZ that comes with it.
    const pid_t pid = server->pid();
    rlimit before{};
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, nullptr, &before), 0);
    const rlimit full{0, before.rlim_max};
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, &full, nullptr), 0);
    EXPECT_EQ(health(), 503);
    const auto refused = send_sms("+84913000002", "SMfull-2", "menu");
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(health(), 503);
    ASSERT_EQ(prlimit(pid, RLIMIT_FSIZE, &before, nullptr), 0);

    EXPECT_TRUE(eventually([&] { return health() == 200; }));
    EXPECT_EQ(server->pid(), pid);
    retried_and_answered_once("+84913000002", "SMfull-2");
    answered("+84913000003", "SMfull-3");
    EXPECT_EQ(sms_sent_to("+84913000001").size(), 1u);
    // Every commit went through as one: no message stored without its reply.
    ASSERT_EQ(server->stop(SIGTERM), 0);
    DatabaseFile db(database());
    EXPECT_EQ(db.rows("SELECT COUNT(*) FROM inbound")[0][0], "3");
    EXPECT_EQ(db.rows("SELECT COUNT(DISTINCT contact) FROM outbox WHERE state = 'sent'")[0][0], "3");
    EXPECT_EQ(db.rows("PRAGMA integrity_check")[0][0], "ok");
}

TEST_F(FaultStore, AReplyAcceptedWhileTheStoreIsFullIsSentOnce) {
    config["outbox"] = {{"retry_initial_s", 0.05}, {"retry_max_s", 0.2}, {"give_up_after_s", 120}};
    rlimit before{};
    ASSERT_EQ(prlimit(getpid(), RLIMIT_FSIZE, nullptr, &before), 0);
    // The gateway fills the server's disk as it accepts the reply, so that its acceptance
    // cannot be recorded.
    gateway.respond_with([this, before](const RecordedRequest&, std::size_t i) {
        const rlimit no_room{0, before.rlim_max};
        if (i == 0) prlimit(server->pid(), RLIMIT_FSIZE, &no_room, nullptr);
        return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + R"(","status":"queued"})"};
    });
    start();
    ASSERT_EQ(send_sms("+84914000001", "SMaccepted-1", "menu").status, 200);
    ASSERT_TRUE(wait_for_gateway(1));
    // Many retry periods: each would have sent the reply again had the item been released.
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(health(), 503);
    ASSERT_EQ(prlimit(server->pid(), RLIMIT_FSIZE, &before, nullptr), 0);
    ASSERT_TRUE(eventually([&] { return metric(server->port(), "motcua_outbox_pending") == 0.0; }));
    EXPECT_EQ(sms_sent_to("+84914000001").size(), 1u);
    EXPECT_EQ(gateway.requests().size(), 1u);
}

}  // namespace
}  // namespace motcua::testing
