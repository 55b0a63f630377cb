#include "bot/demo.hpp"

namespace motcua::bot {

nlohmann::json demo_config() {
    return nlohmann::json::parse(R"({
  "listen": "127.0.0.1:8080",
  "database": "sqlite:motcua-demo.db",
  "admin_token": "demo-admin-token-0123456789",
  "public_base_url": "http://127.0.0.1:8080",
  "units": [
    {"id": "gia-loc", "name": "Xã Gia Lộc"},
    {"id": "yet-kieu", "name": "Xã Yết Kiêu"},
    {"id": "gia-phuc", "name": "Xã Gia Phúc"},
    {"id": "truong-tan", "name": "Xã Trường Tân"}
  ],
  "zalo": {"app_id": "demo-app", "oa_id": "demo-oa", "oa_secret_key": "demo-oa-secret",
           "app_secret": "demo-app-secret", "access_token": "demo-access-token",
           "refresh_token": "demo-refresh-token"},
  "sms": {"account_sid": "ACdemo", "auth_token": "demo-auth-token", "from": "+84900000000"}
})");
}

}  // namespace motcua::bot
