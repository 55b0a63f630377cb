#include "bot/zalo_sender.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>

#include "bot/log.hpp"
#include "bot/store_await.hpp"
#include "store/settings.hpp"

namespace motcua::bot {

namespace asio = boost::asio;

namespace {
const std::string access_key = "zalo.access_token";
const std::string refresh_key = "zalo.refresh_token";
// The config's refresh token the stored pair descends from: a different one in the config
// means the operator authorised the OA again, and the config is newer than the store.
const std::string origin_key = "zalo.origin_refresh_token";
}  // namespace

ZaloSender::ZaloSender(adapters::ZaloOa oa, HttpClient& client, store::Database& db, adapters::ZaloTokens configured)
    : oa_(std::move(oa)), client_(client), db_(db), tokens_(configured),
      configured_refresh_token_(configured.refresh_token) {
    db_.read([&](store::Session& s) {
        const auto origin = store::load_setting(s, origin_key);
        const auto access = store::load_setting(s, access_key);
        const auto refresh = store::load_setting(s, refresh_key);
        if (origin && *origin == configured_refresh_token_ && access && refresh) {
            tokens_.access_token = *access;
            tokens_.refresh_token = *refresh;
        }
    });
}

asio::awaitable<SendOutcome> ZaloSender::send(const Outbound& message) {
    // GCC 12 mishandles co_await inside conditions and on temporaries: every await below stands
    // alone in its statement, on named values.
    const unsigned generation = generation_;
    HttpCall call = oa_.request_for(message, tokens_.access_token);
    HttpReply reply = co_await client_.perform(call);
    SendOutcome outcome = oa_.interpret(reply);
    if (outcome.kind != SendOutcome::Kind::refresh_auth) co_return outcome;
    const bool refreshed = co_await refresh(generation);
    if (!refreshed) co_return SendOutcome{SendOutcome::Kind::retry, "Zalo access token refused: " + outcome.detail};
    call = oa_.request_for(message, tokens_.access_token);
    reply = co_await client_.perform(call);
    outcome = oa_.interpret(reply);
    if (outcome.kind == SendOutcome::Kind::refresh_auth)
        outcome = {SendOutcome::Kind::retry, "Zalo refused a freshly refreshed token: " + outcome.detail};
    co_return outcome;
}

asio::awaitable<bool> ZaloSender::refresh(unsigned seen_generation) {
    if (generation_ != seen_generation) co_return true;  // another send refreshed meanwhile
    if (refreshing_) {
        auto wait = refreshing_;
        co_await wait->async_wait(asio::as_tuple(asio::use_awaitable));
        co_return generation_ != seen_generation;
    }
    refreshing_ = std::make_shared<asio::steady_timer>(co_await asio::this_coro::executor,
                                                       asio::steady_timer::time_point::max());
    // A pair Zalo already issued but the store did not take is the only valid one left (the
    // old refresh token is spent): store it again rather than asking for another.
    if (!unsaved_) {
        const HttpCall call = oa_.refresh_request(tokens_.refresh_token);
        const HttpReply reply = co_await client_.perform(call);
        unsaved_ = oa_.parse_refresh(reply);
        if (!unsaved_) log::error("zalo_token_refresh_failed", {{"status", std::to_string(reply.status)}, {"reason", oa_.refresh_refusal(reply)}});
    }
    bool ok = false;
    if (unsaved_) {
        const auto fresh = *unsaved_;
        store::Writer::Job save = [fresh, origin = configured_refresh_token_](store::Transaction& tx) {
            store::save_setting(tx, access_key, fresh.access_token);
            store::save_setting(tx, refresh_key, fresh.refresh_token);
            store::save_setting(tx, origin_key, origin);
        };
        const std::string error = co_await commit(db_, std::move(save));
        if (error.empty()) {
            tokens_ = fresh;
            unsaved_.reset();
            ++generation_;
            ok = true;
            log::info("zalo_token_refreshed");
        } else {
            log::error("zalo_token_not_stored", {{"error", error}});
        }
    }
    refreshing_->cancel();
    refreshing_.reset();
    co_return ok;
}

}  // namespace motcua::bot
