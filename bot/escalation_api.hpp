#pragma once
// /api/v1/escalations (SPEC §4.3): GET the escalations, all or in one state, each with its
// history; POST /api/v1/escalations/{id}/close closes one and tells the citizen.
#include <cstdint>
#include <functional>
#include <string_view>

#include "bot/escalation_desk.hpp"
#include "bot/http_server.hpp"
#include "store/database.hpp"

namespace motcua::bot {

class EscalationApi {
public:
    using Clock = std::function<std::int64_t()>;

    EscalationApi(store::Database& db, const EscalationDesk& desk, Clock clock, std::function<void()> outbox_changed);

    // route: the path after /api/v1/, starting with "escalations".
    void operator()(const Request& request, std::string_view route, const Respond& respond) const;

private:
    HttpAnswer list(const Request& request) const;
    void close(std::int64_t id, const Respond& respond) const;

    store::Database* db_;
    const EscalationDesk* desk_;
    Clock clock_;
    std::function<void()> outbox_changed_;
};

}  // namespace motcua::bot
