// SPEC §6 over a long gateway outage, compressed from hours into seconds by the outbox's
// backoff settings: replies wait, are retried with backoff, and once the gateway is back every
// one of them is delivered, once, in the order each contact was answered, and none is dead.
#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "adapters/form.hpp"
#include "database_file.hpp"
#include "deployment.hpp"
#include "eventually.hpp"
#include "raw_connection.hpp"
#include "tcp_table.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;

class FaultGatewayOutage : public Deployment {};

TEST_F(FaultGatewayOutage, EverythingIsDeliveredOnceAndInOrderWhenTheGatewayIsBack) {
    // Production's 5 s doubling to an hour, a hundred times faster: the outage below lasts as
    // many retries as several hours would.
    config["outbox"] = {{"retry_initial_s", 0.05}, {"retry_max_s", 0.4}, {"give_up_after_s", 120}};
    std::atomic<bool> down{true};
    std::mutex mutex;
    std::set<std::size_t> accepted;  // indexes of the requests the gateway took
    const auto answering = gateway.respond_in_scope([&](const RecordedRequest&, std::size_t i) {
        if (down) return i % 2 ? HttpReply{500, R"({"code":20500,"message":"Internal Server Error"})"}
                               : HttpReply{503, R"({"message":"Service Unavailable"})"};
        std::lock_guard lock(mutex);
        accepted.insert(i);
        return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + R"("})"};
    });
    start();

    const std::vector<std::string> contacts = {"+84911000001", "+84911000002", "+84911000003", "+84911000004"};
    const std::vector<std::string> texts = {"khai tu", "menu", "dang ky ket hon", "xin chao"};
    for (std::size_t round = 0; round < texts.size(); ++round)
        for (std::size_t c = 0; c < contacts.size(); ++c)
            ASSERT_EQ(send_sms(contacts[c], "SMout-" + std::to_string(c) + "-" + std::to_string(round), texts[round]).status,
                      200);
    const std::size_t messages = contacts.size() * texts.size();
    // Every reply is tried again and again while the gateway fails.
    ASSERT_TRUE(wait_for_gateway(3 * messages, 60'000)) << gateway.requests().size() << " attempts";
    std::this_thread::sleep_for(2s);
    EXPECT_GE(metric(server->port(), "motcua_outbox_pending").value_or(0), static_cast<double>(messages));
    EXPECT_EQ(metric(server->port(), "motcua_outbox_dead"), 0.0);
    down = false;

    ASSERT_TRUE(eventually([&] { return metric(server->port(), "motcua_outbox_pending") == 0.0; }, 60s))
        << metric(server->port(), "motcua_outbox_pending").value_or(-1) << " still pending";
    EXPECT_EQ(metric(server->port(), "motcua_outbox_dead"), 0.0);
    ASSERT_EQ(server->stop(SIGTERM), 0);

    // The replies as stored, in the order they were written, against what the gateway took.
    DatabaseFile db(dir.path() / "motcua.db");
    std::map<std::string, std::vector<std::string>> stored;
    for (const auto& row : db.rows("SELECT contact, text, state FROM outbox ORDER BY id")) {
        EXPECT_EQ(row[2], "sent") << row[0] << ": " << row[1];
        stored[row[0]].push_back(row[1]);
    }
    const auto requests = gateway.requests();
    std::map<std::string, std::vector<std::string>> delivered;
    {
        std::lock_guard lock(mutex);
        for (const auto i : accepted) {
            const auto fields = adapters::decode_form(requests.at(i).body);
            ASSERT_TRUE(fields);
            delivered[*adapters::form_value(*fields, "To")].push_back(*adapters::form_value(*fields, "Body"));
        }
    }
    ASSERT_EQ(stored.size(), contacts.size());
    for (const auto& contact : contacts) {
        EXPECT_GE(stored[contact].size(), texts.size()) << contact;
        EXPECT_EQ(delivered[contact], stored[contact]) << contact;
    }
}

// A stop during an outage sends nothing more: a send begun while connections drain could be cut
// off by the drain's deadline after the gateway took it, and be sent again after the restart.
// The reply stays stored for the next start.
TEST_F(FaultGatewayOutage, ASigtermStartsNoMoreSendsAndKeepsTheRepliesForTheRestart) {
    config["outbox"] = {{"retry_initial_s", 0.05}, {"retry_max_s", 0.1}, {"give_up_after_s", 120}};
    gateway.respond_with([](const RecordedRequest&, std::size_t) { return HttpReply{503, R"({"message":"Service Unavailable"})"}; });
    start();
    ASSERT_EQ(send_sms("+84911000009", "SMstop-1", "khai tu").status, 200);
    ASSERT_TRUE(wait_for_gateway(3)) << "the reply is being retried";
    // A client in the middle of its body holds the drain open (the server waits for it).
    RawConnection slow(server->port());
    slow.send("POST /webhook/sms HTTP/1.1\r\nHost: bot\r\nContent-Length: 100\r\n\r\nTo=");
    ASSERT_TRUE(eventually([&] { return holds_and_has_read(server->port(), 1); }));  // its headers are in
    ASSERT_EQ(::kill(server->pid(), SIGTERM), 0);
    std::this_thread::sleep_for(500ms);  // a send in flight at the signal finishes and is recorded
    const auto tried = gateway.requests().size();
    std::this_thread::sleep_for(1s);  // ten retry intervals: none may start while draining
    EXPECT_EQ(gateway.requests().size(), tried);
    EXPECT_EQ(::kill(server->pid(), 0), 0) << "the drain should still wait for the slow client";
    slow.close();
    ASSERT_EQ(server->stop(0), 0);  // the stop under way ends; a second SIGTERM could come too late
    DatabaseFile db(dir.path() / "motcua.db");
    const auto rows = db.rows("SELECT state FROM outbox");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], "pending");
}

}  // namespace
}  // namespace motcua::testing
