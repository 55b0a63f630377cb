#pragma once
// An admin API write: the answer is decided inside the store transaction (validation that needs
// the store, then the write) and sent only once that transaction committed.
#include <functional>

#include "bot/http_server.hpp"
#include "store/database.hpp"

namespace motcua::bot {

// job returns the answer; a job that throws, or a failed commit, is answered 503. after_commit
// runs once the transaction is durable, before the answer is sent.
void answer_after_commit(store::Database& db, std::function<HttpAnswer(store::Transaction&)> job,
                         Respond respond, std::function<void()> after_commit = {});

}  // namespace motcua::bot
