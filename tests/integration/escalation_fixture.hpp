#pragma once
// A deployment with officers, for the escalation tests (B5-B7): helpers to feed officers through
// the admin API, to wait for what the fake gateway received, and to read SMS and Zalo texts.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>

#include "deployment.hpp"
#include "dialogs/text.hpp"

namespace motcua::testing {

inline constexpr const char* citizen = "+84912345678";
inline constexpr const char* officer_a_phone = "+84900000001";
inline constexpr const char* officer_b_phone = "+84900000002";
inline const std::string zalo_send_path = "/v3.0/oa/message/cs";

class EscalationDeployment : public Deployment {
protected:
    void SetUp() override {
        Deployment::SetUp();
        config["office_hours"] = "always";
        config["escalation"] = {{"ack_timeout_s", 600}, {"handoff_idle_s", 3600}};
        gateway.respond_with([](const RecordedRequest& r, std::size_t i) {
            if (r.target == zalo_send_path)
                return HttpReply{200, nlohmann::json{{"error", 0}, {"data", {{"message_id", "m" + std::to_string(i)}}}}.dump()};
            return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + R"("})"};
        });
    }

    static nlohmann::json officer(const std::string& name, const std::string& phone, const std::string& unit = "yet-kieu",
                                  const std::string& backup = "") {
        return {{"name", name}, {"title", "Công chức Tư pháp - Hộ tịch"}, {"phone", phone}, {"unit", unit},
                {"fields", {"ho_tich"}}, {"backup", backup}, {"active", true}};
    }

    Response api(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr) {
        return http_request(server->port(), method, path,
                            {{"Content-Type", "application/json"}, {"Authorization", "Bearer integration-admin-token"}},
                            body.is_null() ? "" : body.dump());
    }

    // Officer A (Nguyễn Văn A) with officer B (Trần Thị B) as backup, both of Yết Kiêu.
    void put_officers() {
        ASSERT_EQ(api("PUT", "/api/v1/officers/officer-a", officer("Nguyễn Văn A", officer_a_phone, "yet-kieu", "officer-b")).status, 201);
        ASSERT_EQ(api("PUT", "/api/v1/officers/officer-b", officer("Trần Thị B", officer_b_phone)).status, 201);
    }

    static bool wait_until(const std::function<bool()>& done, int timeout_ms = 10'000) {
        for (int waited = 0; waited < timeout_ms; waited += 25) {
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        }
        return done();
    }

    // Sends an SMS and waits until `to` has received one more SMS than before.
    void sms_then_wait_for(const std::string& from, const std::string& sid, const std::string& text,
                           const std::string& to) {
        const auto before = sms_sent_to(to).size();
        ASSERT_EQ(send_sms(from, sid, text).status, 200);
        ASSERT_TRUE(wait_until([&] { return sms_sent_to(to).size() > before; })) << "nothing for " << to << " after " << text;
    }

    // Waits until `to` has received an SMS containing needle. Where one action sends to two people
    // (an officer's "#N xong" tells the citizen and the officer), a count-based wait on one of them
    // can be satisfied by a message still on its way from the previous action: wait on the text.
    bool wait_for_sms_containing(const std::string& to, const std::string& needle) const {
        return wait_until([&] { return count_containing(sms_sent_to(to), needle) > 0; });
    }

    // Waits until every queued message has gone out and been recorded as sent. The gateway sees a
    // message before the bot records it, and the outbox delivers at least once: a kill -9 in
    // between sends it again after the restart.
    bool wait_for_outbox_drained() {
        return wait_until([&] {
            return http_request(server->port(), "GET", "/metrics").body.find("\nmotcua_outbox_pending 0\n") !=
                   std::string::npos;
        });
    }

    std::string last_sms_to(const std::string& to) const {
        const auto all = sms_sent_to(to);
        return all.empty() ? "" : all.back();
    }

    std::vector<std::string> zalo_texts() const {
        std::vector<std::string> texts;
        for (const auto& r : gateway.requests())
            if (r.target == zalo_send_path) texts.push_back(nlohmann::json::parse(r.body)["message"]["text"]);
        return texts;
    }

    nlohmann::json escalations(const std::string& state = "") {
        const auto answer = api("GET", "/api/v1/escalations" + (state.empty() ? "" : "?state=" + state));
        EXPECT_EQ(answer.status, 200) << answer.body;
        return nlohmann::json::parse(answer.body, nullptr, false);
    }

    static std::size_t count_containing(const std::vector<std::string>& texts, const std::string& needle) {
        std::size_t n = 0;
        for (const auto& t : texts) n += t.find(needle) != std::string::npos ? 1 : 0;
        return n;
    }

    // The citizen asks about khai tử, then for an officer: escalation #1, briefed to officer A.
    void escalate_by_sms(const std::string& from = citizen) {
        sms_then_wait_for(from, "SM-" + from + "-1", "ba toi mat can lam giay gi", from);
        sms_then_wait_for(from, "SM-" + from + "-2", "gap can bo", officer_a_phone);
        ASSERT_TRUE(wait_until([&] { return sms_sent_to(from).size() >= 2; }));
    }
};

}  // namespace motcua::testing
