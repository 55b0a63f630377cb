// Dossier status end to end (SPEC §4.1, §4.2, B3, B4): officers and dossiers fed through the
// admin API and through `motcua import dossiers`, looked up by SMS and Zalo, and status changes
// pushed to followers on their channel, once.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "deployment.hpp"
#include "eventually.hpp"
#include "dialogs/text.hpp"

namespace motcua::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* code = "H23.22-220110-0001";
constexpr const char* applicant = "+84912345678";
constexpr const char* asker = "+84987654321";
constexpr const char* zalo_user = "6011247617284573927";
const std::string zalo_send_path = "/v3.0/oa/message/cs";

const json officer = {{"name", "Nguyễn Văn A"}, {"title", "Công chức Tư pháp - Hộ tịch"}, {"phone", "0900000001"},
                      {"unit", "yet-kieu"}, {"fields", {"ho_tich", "chung_thuc"}}, {"active", true}};

json dossier(const std::string& status) {
    return {{"procedure", "khai_tu"}, {"unit", "yet-kieu"}, {"status", status}, {"received_at", "2026-11-20"},
            {"due_at", "2099-12-31"}, {"officer", "officer-1"}, {"applicant_phone", "0912345678"},
            {"note", "Bổ sung bản sao giấy báo tử"}};
}

class Dossiers : public Deployment {
protected:
    void SetUp() override {
        Deployment::SetUp();
        // Zalo sends get Zalo's success answer; SMS sends Twilio's.
        gateway.respond_with([](const RecordedRequest& r, std::size_t i) {
            if (r.target == zalo_send_path)
                return HttpReply{200, json{{"error", 0}, {"data", {{"message_id", "m" + std::to_string(i)}}}}.dump()};
            return HttpReply{201, R"({"sid":"SM)" + std::to_string(i) + R"("})"};
        });
    }

    Response api(const std::string& method, const std::string& path, const json& body = nullptr,
                 const std::string& token = "integration-admin-token") {
        std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
        if (!token.empty()) headers["Authorization"] = "Bearer " + token;
        return http_request(server->port(), method, path, headers, body.is_null() ? "" : body.dump());
    }

    void put_officer_and_dossier(const std::string& status = "processing") {
        ASSERT_EQ(api("PUT", "/api/v1/officers/officer-1", officer).status, 201);
        const auto put = api("PUT", std::string("/api/v1/dossiers/") + code, dossier(status));
        ASSERT_EQ(put.status, 201) << put.body;
    }

    // Sends an SMS and waits until the gateway has answered it: every reply queued before it,
    // to any contact, has been handed to the gateway by then too.
    void sms_and_wait(const std::string& from, const std::string& sid, const std::string& text) {
        const auto before = sms_sent_to(from).size();
        ASSERT_EQ(send_sms(from, sid, text).status, 200);
        for (int i = 0; i < 200 && sms_sent_to(from).size() == before; ++i) std::this_thread::sleep_for(50ms);
        ASSERT_GT(sms_sent_to(from).size(), before) << "no reply to " << text;
    }

    std::string last_sms_to(const std::string& to) {
        const auto all = sms_sent_to(to);
        return all.empty() ? "" : all.back();
    }

    std::vector<std::string> zalo_texts() const {
        std::vector<std::string> texts;
        for (const auto& r : gateway.requests())
            if (r.target == zalo_send_path) texts.push_back(json::parse(r.body)["message"]["text"]);
        return texts;
    }

    static std::size_t count_containing(const std::vector<std::string>& texts, const std::string& needle) {
        std::size_t n = 0;
        for (const auto& t : texts) n += t.find(needle) != std::string::npos ? 1 : 0;
        return n;
    }

    // Runs the real binary's import against this deployment's config; returns stdout + stderr.
    std::pair<int, std::string> run_import(const std::string& csv) {
        const auto file = dir.path() / "dossiers.csv";
        std::ofstream(file) << csv;
        const std::string command = std::string(MOTCUA_BINARY) + " import dossiers " + file.string() + " --config " +
                                    (dir.path() / "config.json").string() + " 2>&1";
        FILE* pipe = popen(command.c_str(), "r");
        std::string output;
        std::array<char, 512> buffer{};
        while (pipe && fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
        const int status = pipe ? pclose(pipe) : -1;
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
    }
};

TEST_F(Dossiers, AdminEndpointsNeedTheToken) {
    start();
    EXPECT_EQ(api("GET", "/api/v1/officers", nullptr, "").status, 401);
    EXPECT_EQ(api("PUT", "/api/v1/officers/officer-1", officer, "wrong-token-wrong-token").status, 401);
    EXPECT_EQ(api("GET", std::string("/api/v1/dossiers/") + code, nullptr, "").status, 401);
    EXPECT_EQ(api("PUT", std::string("/api/v1/dossiers/") + code, dossier("done"), "").status, 401);
}

TEST_F(Dossiers, OfficersArePutValidatedAndListed) {
    start();
    auto put = api("PUT", "/api/v1/officers/officer-1", officer);
    ASSERT_EQ(put.status, 201) << put.body;
    EXPECT_EQ(json::parse(put.body)["phone"], "+84900000001");
    EXPECT_EQ(api("PUT", "/api/v1/officers/officer-1", officer).status, 200);
    const auto one = api("GET", "/api/v1/officers/officer-1");
    ASSERT_EQ(one.status, 200);
    EXPECT_EQ(json::parse(one.body)["title"], "Công chức Tư pháp - Hộ tịch");
    const auto all = json::parse(api("GET", "/api/v1/officers").body);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0]["id"], "officer-1");
    EXPECT_EQ(api("GET", "/api/v1/officers/officer-2").status, 404);
    EXPECT_EQ(api("DELETE", "/api/v1/officers/officer-1").status, 405);
    EXPECT_EQ(api("PUT", "/api/v1/officers/officer-1", "[]").status, 400);

    const std::pair<const char*, json> bad[] = {
        {"phone", "12345"}, {"unit", "ha-noi"}, {"fields", {"thue"}}, {"active", "yes"}, {"name", ""}};
    for (const auto& [field, value] : bad) {
        json body = officer;
        body[field] = value;
        const auto answer = api("PUT", "/api/v1/officers/officer-3", body);
        EXPECT_EQ(answer.status, 422) << field;
        EXPECT_EQ(json::parse(answer.body)["error"].get<std::string>().rfind(std::string(field) + ":", 0), 0u)
            << answer.body;
    }
    EXPECT_EQ(api("GET", "/api/v1/officers/officer-3").status, 404);
}

TEST_F(Dossiers, DossiersArePutValidatedAndReadWithOverdue) {
    start();
    ASSERT_EQ(api("PUT", "/api/v1/officers/officer-1", officer).status, 201);
    const std::pair<const char*, json> bad[] = {
        {"status", "lost"},          {"procedure", "khai_hoang"}, {"unit", "ha-noi"},
        {"officer", "officer-9"},    {"received_at", "20/11/2026"}, {"due_at", "2026-02-30"},
        {"applicant_phone", "12"}};
    for (const auto& [field, value] : bad) {
        json body = dossier("processing");
        body[field] = value;
        const auto answer = api("PUT", std::string("/api/v1/dossiers/") + code, body);
        EXPECT_EQ(answer.status, 422) << field;
        EXPECT_EQ(json::parse(answer.body)["error"].get<std::string>().rfind(std::string(field) + ":", 0), 0u)
            << answer.body;
    }
    EXPECT_EQ(api("PUT", "/api/v1/dossiers/not-a-code", dossier("processing")).status, 422);
    EXPECT_EQ(api("GET", std::string("/api/v1/dossiers/") + code).status, 404);

    json late = dossier("processing");
    late["due_at"] = "2026-01-05";
    late["received_at"] = "2026-01-01";
    ASSERT_EQ(api("PUT", "/api/v1/dossiers/h23.22-220110-0001", late).status, 201);
    const auto got = api("GET", "/api/v1/dossiers/h23.22-220110-0001");
    ASSERT_EQ(got.status, 200) << got.body;
    const auto body = json::parse(got.body);
    EXPECT_EQ(body["code"], code);
    EXPECT_EQ(body["applicant_phone"], applicant);
    EXPECT_EQ(body["overdue"], true);
    // What GET answers can be PUT back.
    auto again = api("PUT", std::string("/api/v1/dossiers/") + code, body);
    EXPECT_EQ(again.status, 200) << again.body;
    late["status"] = "done";
    EXPECT_EQ(json::parse(api("PUT", std::string("/api/v1/dossiers/") + code, late).body)["overdue"], false);
}

TEST_F(Dossiers, SmsLookupAnswersWithoutTheApplicantsPhone) {
    start();
    put_officer_and_dossier();
    sms_and_wait(asker, "SM-q1", "cho hoi ho so h23.22-220110-0001 den dau roi");
    const auto reply = last_sms_to(asker);
    EXPECT_TRUE(dialogs::is_gsm7(reply)) << reply;
    EXPECT_NE(reply.find("Tinh trang: Dang xu ly"), std::string::npos) << reply;
    EXPECT_NE(reply.find("Nguyen Van A"), std::string::npos) << reply;
    EXPECT_NE(reply.find("31/12/2099"), std::string::npos) << reply;
    EXPECT_EQ(reply.find("912345678"), std::string::npos) << reply;
    EXPECT_EQ(reply.find("giay bao tu"), std::string::npos) << "notes are only shown for supplements: " << reply;

    sms_and_wait(asker, "SM-q2", "H23.22-220110-9999");
    EXPECT_NE(last_sms_to(asker).find("Khong tim thay ho so co ma H23.22-220110-9999"), std::string::npos);
}

TEST_F(Dossiers, FollowersGetOneNoticePerStatusChangeOnTheirChannel) {
    enable_zalo();
    start();
    put_officer_and_dossier();
    sms_and_wait(asker, "SM-f1", code);
    sms_and_wait(asker, "SM-f2", "theo doi");
    EXPECT_NE(last_sms_to(asker).find("Da dang ky theo doi ho so H23.22-220110-0001"), std::string::npos);
    ASSERT_EQ(send_zalo_text(zalo_user, "z-1", std::string("theo dõi ") + code).status, 200);
    // The applicant, who wrote from their own phone, follows without asking.
    sms_and_wait(applicant, "SM-f3", code);
    EXPECT_NE(last_sms_to(applicant).find("Ong/ba dang theo doi ho so nay"), std::string::npos) << last_sms_to(applicant);

    ASSERT_EQ(api("PUT", std::string("/api/v1/dossiers/") + code, dossier("done")).status, 200);
    ASSERT_EQ(api("PUT", std::string("/api/v1/dossiers/") + code, dossier("done")).status, 200);  // unchanged
    json noted = dossier("done");
    noted["note"] = "Ghi chú khác";
    ASSERT_EQ(api("PUT", std::string("/api/v1/dossiers/") + code, noted).status, 200);  // not a status change
    sms_and_wait("+84911111111", "SM-barrier", "xin chao");
    const std::string notice = "da chuyen sang tinh trang \"Da co ket qua\"";
    const std::string zalo_notice = "đã chuyển sang tình trạng \"Đã có kết quả\"";
    EXPECT_TRUE(eventually([&] {
        return count_containing(sms_sent_to(asker), notice) >= 1 && count_containing(sms_sent_to(applicant), notice) >= 1 &&
               count_containing(zalo_texts(), zalo_notice) >= 1;
    }));
    std::this_thread::sleep_for(300ms);  // time for a second notice, had one been queued

    EXPECT_EQ(count_containing(sms_sent_to(asker), notice), 1u);
    EXPECT_EQ(count_containing(sms_sent_to(applicant), notice), 1u);
    EXPECT_EQ(count_containing(zalo_texts(), zalo_notice), 1u);

    // After opting out, the next change is not sent to that contact.
    sms_and_wait(asker, "SM-f4", "huy theo doi");
    ASSERT_EQ(api("PUT", std::string("/api/v1/dossiers/") + code, dossier("returned")).status, 200);
    sms_and_wait("+84911111111", "SM-barrier-2", "menu");
    EXPECT_TRUE(eventually([&] { return count_containing(sms_sent_to(applicant), "Da tra ket qua") >= 1; }));
    std::this_thread::sleep_for(300ms);  // time for the asker's, had one been queued
    EXPECT_EQ(count_containing(sms_sent_to(asker), "Da tra ket qua"), 0u);
    EXPECT_EQ(count_containing(sms_sent_to(applicant), "Da tra ket qua"), 1u);
}

TEST_F(Dossiers, ImportThroughTheBinaryReportsBadRowsAndNotifiesFollowers) {
    start();
    put_officer_and_dossier();
    sms_and_wait(asker, "SM-i1", std::string("theo doi ") + code);
    const auto [status, output] = run_import(
        "\xEF\xBB\xBF" "code,procedure,unit,status,received_at,due_at,officer,applicant_phone,note\r\n"
        "H23.22-220110-0001,khai_tu,yet-kieu,need_supplement,2026-11-20,2099-12-31,officer-1,0912345678,"
        "\"Bản sao giấy báo tử, bản chính\"\r\n"
        "H23.22-220110-0002,khai_tu,yet-kieu,processing,2026-11-20,2026-11-19,,,\r\n"
        "000.00.20.H23-220110-0003,ket_hon,yet-kieu,received,2026-11-21,2026-11-26,,,\r\n");
    EXPECT_EQ(status, 1) << output;
    EXPECT_NE(output.find("line 3: due_at: before received_at"), std::string::npos) << output;
    EXPECT_NE(output.find("inserted 1, updated 1, unchanged 0, rejected 1"), std::string::npos) << output;
    EXPECT_EQ(api("GET", "/api/v1/dossiers/H23.22-220110-0002").status, 404);
    EXPECT_EQ(json::parse(api("GET", "/api/v1/dossiers/000.00.20.H23-220110-0003").body)["status"], "received");

    // The server picks up what the import queued; a new message wakes its dispatcher at once.
    sms_and_wait("+84911111111", "SM-i2", "xin chao");
    for (int i = 0; i < 100 && count_containing(sms_sent_to(asker), "Can bo sung ho so") == 0; ++i)
        std::this_thread::sleep_for(50ms);
    const auto notices = count_containing(sms_sent_to(asker), "Can bo sung ho so");
    EXPECT_EQ(notices, 1u);
    EXPECT_NE(last_sms_to(asker).find("Can bo sung: Ban sao giay bao tu, ban chinh"), std::string::npos)
        << last_sms_to(asker);
}

}  // namespace
}  // namespace motcua::testing
