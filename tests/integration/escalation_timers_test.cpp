// Escalation timers end to end (B7 and the handoff's end): an unanswered case passes to the
// backup and the citizen is told; a quiet handoff returns the citizen to the bot; timers are
// stored, survive kill -9 and fire once.
#include <gtest/gtest.h>

#include "escalation_fixture.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

class EscalationTimers : public EscalationDeployment {};

TEST_F(EscalationTimers, AnUnansweredCasePassesToTheBackupOnce) {
    config["escalation"]["ack_timeout_s"] = 0.5;
    start();
    put_officers();
    escalate_by_sms();
    ASSERT_TRUE(wait_until([&] { return !sms_sent_to(officer_b_phone).empty(); }));
    const std::string brief = last_sms_to(officer_b_phone);
    EXPECT_NE(brief.find("#1 Xa Yet Kieu"), std::string::npos) << brief;
    EXPECT_NE(brief.find("Chuyen tu can bo Nguyen Van A"), std::string::npos) << brief;
    ASSERT_TRUE(wait_until([&] { return count_containing(sms_sent_to(citizen), "Tran Thi B") == 1; }));
    EXPECT_NE(last_sms_to(citizen).find(officer_b_phone), std::string::npos);
    // B does not answer either; nobody else is left: the case stays with B, nobody is briefed twice.
    const auto events = [this] {
        const json open = escalations("open");
        std::vector<std::string> found;
        for (const auto& e : open.at(0)["history"]) found.push_back(e["event"]);
        return found;
    };
    ASSERT_TRUE(wait_until([&] { return events().size() >= 3; })) << escalations("open").dump();
    std::this_thread::sleep_for(1000ms);  // two more timeouts' time, had the timer been set again
    EXPECT_EQ(events(), (std::vector<std::string>{"created", "reassigned", "unanswered"}));
    EXPECT_EQ(sms_sent_to(officer_b_phone).size(), 1u);
    EXPECT_EQ(count_containing(sms_sent_to(officer_a_phone), "#1 Xa Yet Kieu"), 1u);
    const json open = escalations("open");
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0]["officer"], "officer-b");
    // The new officer answers.
    sms_then_wait_for(officer_b_phone, "SM-b1", "#1 Toi la B, ong den xa nhe", citizen);
    EXPECT_EQ(last_sms_to(citizen), "Can bo Tran Thi B: Toi la B, ong den xa nhe");
}

TEST_F(EscalationTimers, AnAnsweredCaseStaysWithItsOfficer) {
    config["escalation"]["ack_timeout_s"] = 0.5;
    start();
    put_officers();
    escalate_by_sms();
    sms_then_wait_for(officer_a_phone, "SM-o1", "#1 Toi dang xem", citizen);
    std::this_thread::sleep_for(1200ms);
    EXPECT_TRUE(sms_sent_to(officer_b_phone).empty());
    EXPECT_EQ(escalations("answered")[0]["officer"], "officer-a");
}

TEST_F(EscalationTimers, AQuietHandoffReturnsTheCitizenToTheBot) {
    config["escalation"]["handoff_idle_s"] = 1;
    start();
    put_officers();
    escalate_by_sms();
    ASSERT_TRUE(wait_until([&] { return count_containing(sms_sent_to(citizen), "da lau khong co trao doi") == 1; }));
    EXPECT_NE(last_sms_to(citizen).find("#1"), std::string::npos);
    const json closed = escalations("closed");
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0]["history"].back()["event"], "returned_to_bot");
    sms_then_wait_for(citizen, "SM-after", "khai sinh", citizen);
    EXPECT_NE(last_sms_to(citizen).find("Dang ky khai sinh"), std::string::npos);
}

TEST_F(EscalationTimers, ActivityPostponesTheEndOfTheHandoff) {
    // About a second's margin each way, so that a slow machine does not decide the outcome: the
    // check comes 0.9 s after the first deadline would have passed, and over a second before the
    // postponed one.
    config["escalation"]["handoff_idle_s"] = 4;
    start();
    put_officers();
    escalate_by_sms();
    std::this_thread::sleep_for(2000ms);
    sms_then_wait_for(officer_a_phone, "SM-o1", "#1 Ong cho chut", citizen);
    std::this_thread::sleep_for(2900ms);  // 4.9 s after the start, 2.9 s after the answer
    EXPECT_EQ(count_containing(sms_sent_to(citizen), "da lau khong co trao doi"), 0u);
    ASSERT_TRUE(wait_until([&] { return count_containing(sms_sent_to(citizen), "da lau khong co trao doi") == 1; }));
}

TEST_F(EscalationTimers, ATimerSurvivesKill9AndFiresOnce) {
    config["escalation"]["ack_timeout_s"] = 2;
    start();
    put_officers();
    escalate_by_sms();
    restart_after_kill9();
    ASSERT_TRUE(wait_until([&] { return !sms_sent_to(officer_b_phone).empty(); }));
    ASSERT_TRUE(wait_until([&] { return count_containing(sms_sent_to(citizen), "Tran Thi B") == 1; }));
    ASSERT_TRUE(wait_for_outbox_drained());  // else the restart resends, and "once" cannot be told
    restart_after_kill9();
    std::this_thread::sleep_for(1000ms);
    EXPECT_EQ(sms_sent_to(officer_b_phone).size(), 1u);
    EXPECT_EQ(count_containing(sms_sent_to(citizen), "Tran Thi B"), 1u);
    EXPECT_EQ(escalations("open")[0]["officer"], "officer-b");
    // The handoff survived too: a follow-up goes to the officer, not the bot.
    const auto before = sms_sent_to(citizen).size();
    sms_then_wait_for(citizen, "SM-f", "toi van dang cho", officer_b_phone);
    EXPECT_NE(last_sms_to(officer_b_phone).find("toi van dang cho"), std::string::npos);
    EXPECT_EQ(sms_sent_to(citizen).size(), before);
}

}  // namespace
}  // namespace motcua::testing
