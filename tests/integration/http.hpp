#pragma once
// A plain HTTP/1.1 client for tests: one request per connection, and raw bytes for the
// malformed-request cases.
#include <cstdint>
#include <map>
#include <string>

namespace motcua::testing {

struct Response {
    int status = 0;  // 0: the connection closed without an answer
    std::string content_type;
    std::string body;
};

Response http_request(std::uint16_t port, const std::string& method, const std::string& target,
                      const std::map<std::string, std::string>& headers = {}, const std::string& body = "");

// Sends the bytes as they are and returns whatever comes back before the server closes.
std::string raw_exchange(std::uint16_t port, const std::string& bytes, int timeout_ms = 3000);

}  // namespace motcua::testing
