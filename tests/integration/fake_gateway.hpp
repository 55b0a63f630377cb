#pragma once
// A gateway on loopback that records every request the bot makes and answers as the test says:
// the other end of the wire in integration tests (Twilio's Messages API, Zalo's OA API, ...).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/wire.hpp"

namespace motcua::testing {

struct RecordedRequest {
    std::string method;
    std::string target;
    std::map<std::string, std::string> headers;  // lower-case names
    std::string body;
};

class FakeGateway {
public:
    using Responder = std::function<HttpReply(const RecordedRequest&, std::size_t index)>;

    // Answers 201 {"sid": "SM<n>"} like Twilio until told otherwise. With a certificate and key
    // (PEM files) it speaks HTTPS, as real gateways do.
    FakeGateway();
    FakeGateway(const std::string& certificate_file, const std::string& key_file);
    ~FakeGateway();

    std::uint16_t port() const;
    std::string base_url() const;  // http://127.0.0.1:PORT or https://...
    void respond_with(Responder responder);

    // Ends a responder's use: the default answers again. Once the destructor has returned, the
    // responder is not running and never runs again (it runs under the gateway's lock).
    class Scope {
    public:
        explicit Scope(FakeGateway& gateway) : gateway_(gateway) {}
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() { gateway_.respond_by_default(); }

    private:
        FakeGateway& gateway_;
    };
    // For a responder that uses a test's locals: the server may still send after the test's
    // body returned, when they are gone. Hold the scope after the locals, so it ends first.
    [[nodiscard]] Scope respond_in_scope(Responder responder);
    void respond_by_default();
    // Closes each connection right after answering, without TLS's close_notify, as load
    // balancers in front of gateways do with keep-alive connections they let go.
    void drop_connections_after_answering();
    std::vector<RecordedRequest> requests() const;
    // Waits until at least n requests arrived; false after the timeout.
    bool wait_for(std::size_t n, int timeout_ms = 10'000) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::testing
