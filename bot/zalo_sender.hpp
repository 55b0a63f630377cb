#pragma once
// Sends through the Zalo OA API and keeps its access token alive. A refresh token works once,
// so the rotated pair is committed to the store before the new access token is used, and
// concurrent sends that meet one expiry share one refresh.
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <optional>

#include "adapters/zalo/oa.hpp"
#include "bot/http_client.hpp"
#include "bot/sender.hpp"
#include "store/database.hpp"

namespace motcua::bot {

class ZaloSender : public Sender {
public:
    // configured: the tokens of the config file. The store's rotated tokens win unless the
    // operator has since put a different refresh token in the config (a new authorisation).
    ZaloSender(adapters::ZaloOa oa, HttpClient& client, store::Database& db, adapters::ZaloTokens configured);

    // Must be called from one strand at a time (the dispatcher's).
    boost::asio::awaitable<SendOutcome> send(const Outbound& message) override;

private:
    boost::asio::awaitable<bool> refresh(unsigned seen_generation);

    adapters::ZaloOa oa_;
    HttpClient& client_;
    store::Database& db_;
    adapters::ZaloTokens tokens_;
    std::string configured_refresh_token_;
    std::optional<adapters::ZaloTokens> unsaved_;  // issued by Zalo, not yet committed
    unsigned generation_ = 0;  // bumped by every successful refresh
    std::shared_ptr<boost::asio::steady_timer> refreshing_;  // set while a refresh runs
};

}  // namespace motcua::bot
