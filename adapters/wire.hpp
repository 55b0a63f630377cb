#pragma once
// The HTTP shapes adapters read and write. Adapters never touch a socket: the server hands them
// a received webhook, and the dispatcher performs the calls they describe. That keeps every wire
// format testable as a table of payloads.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "adapters/message.hpp"

namespace motcua {

struct WebhookRequest {
    std::string path;                            // e.g. "/webhook/sms", without the query
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;                            // the exact bytes received

    const std::string* header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? nullptr : &it->second;
    }
};

struct HttpAnswer {
    int status = 200;
    std::string content_type;
    std::string body;
};

// The outcome of decoding a webhook: either a rejection to answer at once, or the messages
// (possibly none) to store before acknowledging.
struct Decoded {
    std::optional<HttpAnswer> rejection;
    std::vector<Inbound> messages;
};

struct HttpCall {
    std::string method = "POST";
    std::string url;                                          // absolute: http:// or https://
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpReply {
    int status = 0;
    std::string body;
};

// What the gateway's answer means for an outbox row.
struct SendOutcome {
    enum class Kind {
        accepted,      // delivered to the gateway; detail = the gateway's message id
        retry,         // transient (rate limit, 5xx): try again later; detail = reason
        dead,          // permanent: never try again; detail = reason
        refresh_auth,  // the access token expired: refresh once, then resend
        fallback_sms,  // the channel cannot reach the citizen now; use SMS if a phone is known
    };
    // Of a gateway's own words (its error message), at most this many characters are kept
    // (adapters/gateway_words.hpp).
    static constexpr std::size_t max_gateway_words = 300;

    Kind kind = Kind::retry;
    std::string detail;
};

}  // namespace motcua
