// The admin API's surface (SPEC §4): bearer authentication and POST /api/v1/parse.
#include <gtest/gtest.h>

#include "deployment.hpp"

namespace motcua::testing {
namespace {

using nlohmann::json;

class AdminApi : public Deployment {
protected:
    Response api(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& token = "integration-admin-token") {
        std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
        if (!token.empty()) headers["Authorization"] = "Bearer " + token;
        return http_request(server->port(), method, path, headers, body);
    }
};

TEST_F(AdminApi, EverythingNeedsTheBearerToken) {
    start();
    EXPECT_EQ(api("POST", "/api/v1/parse", R"({"text":"khai tu"})", "").status, 401);
    EXPECT_EQ(api("POST", "/api/v1/parse", R"({"text":"khai tu"})", "integration-admin-tokeX").status, 401);
    EXPECT_EQ(api("GET", "/api/v1/nothing-here", "", "").status, 401);
    EXPECT_EQ(api("GET", "/api/v1/nothing-here").status, 404);
}

TEST_F(AdminApi, ParseUnderstandsWithoutChangingAnything) {
    start();
    auto answer = api("POST", "/api/v1/parse", R"({"text":"bà tôi mất, làm giấy tờ gì"})");
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto body = json::parse(answer.body);
    EXPECT_EQ(body["intent"], "procedure");
    EXPECT_EQ(body["procedure"], "khai_tu");
    EXPECT_TRUE(body["dossier_code"].is_null());
    EXPECT_TRUE(body["unit"].is_null());
    const auto status = json::parse(api("POST", "/api/v1/parse", R"({"text":"xã Yết Kiêu, hồ sơ h23.22-220110-0001 đến đâu rồi"})").body);
    EXPECT_EQ(status["intent"], "dossier_status");
    EXPECT_EQ(status["dossier_code"], "H23.22-220110-0001");
    EXPECT_EQ(status["unit"], "yet-kieu");
    EXPECT_EQ(api("GET", "/api/v1/parse").status, 405);
    EXPECT_EQ(api("POST", "/api/v1/parse", "not json").status, 400);
    EXPECT_EQ(api("POST", "/api/v1/parse", R"({"text": 5})").status, 422);
}

}  // namespace
}  // namespace motcua::testing
