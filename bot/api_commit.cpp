#include "bot/api_commit.hpp"

#include <memory>

#include "bot/log.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

void answer_after_commit(store::Database& db, std::function<HttpAnswer(store::Transaction&)> job,
                         Respond respond, std::function<void()> after_commit) {
    auto answer = std::make_shared<HttpAnswer>();
    db.writer().submit([answer, job = std::move(job)](store::Transaction& tx) { *answer = job(tx); },
                       [answer, respond = std::move(respond), after_commit = std::move(after_commit)](
                           bool committed, const std::string& error) {
                           if (!committed) {
                               log::error("admin_write_failed", {{"error", error}});
                               return respond(json_error(503, "not stored; please retry"));
                           }
                           if (after_commit) after_commit();
                           respond(std::move(*answer));
                       });
}

}  // namespace motcua::bot
