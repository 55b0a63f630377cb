// A fake Twilio and Zalo OA that accepts every message at once, so that the outbox's drain rate
// measures motcua and not a gateway. GET /count answers how many of each it accepted.
#include <atomic>
#include <string>

#include "bench/plain_http_server.hpp"

namespace {

using motcua::bench::PlainAnswer;
using motcua::bench::PlainRequest;

bool ends_with(const std::string& text, const std::string& tail) {
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::atomic<unsigned long long> sms{0};
    std::atomic<unsigned long long> zalo{0};
    return motcua::bench::serve_plain_http_from_args(argc, argv, [&](const PlainRequest& req) -> PlainAnswer {
        const std::string path = req.target.substr(0, req.target.find('?'));
        if (req.method == "POST" && path.rfind("/2010-04-01/Accounts/", 0) == 0 && ends_with(path, "/Messages.json"))
            return {201, "application/json", R"({"sid":"SM)" + std::to_string(++sms) + R"(","status":"queued"})"};
        if (req.method == "POST" && path == "/v3.0/oa/message/cs")
            return {200, "application/json",
                    R"({"error":0,"message":"Success","data":{"message_id":"m)" + std::to_string(++zalo) + R"("}})"};
        if (req.method == "GET" && path == "/count")
            return {200, "application/json",
                    R"({"sms":)" + std::to_string(sms.load()) + R"(,"zalo":)" + std::to_string(zalo.load()) + "}"};
        return {404, "application/json", R"({"error":"no such path"})"};
    });
}
