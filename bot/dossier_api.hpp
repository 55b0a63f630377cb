#pragma once
// /api/v1/dossiers/{code} (SPEC §4.2): PUT stores a dossier, announcing a changed status to its
// followers in the same transaction; GET answers the stored record with "overdue".
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "bot/http_server.hpp"
#include "bot/references.hpp"
#include "bot/status_notifier.hpp"
#include "store/database.hpp"

namespace motcua::bot {

class DossierApi {
public:
    using Clock = std::function<std::int64_t()>;

    DossierApi(store::Database& db, References refs, StatusNotifier notifier, std::string timezone, Clock clock,
               std::function<void()> outbox_changed);

    // route: the path after /api/v1/, starting with "dossiers".
    void operator()(const Request& request, std::string_view route, const Respond& respond) const;

private:
    HttpAnswer get(const std::string& code) const;
    void put(const Request& request, const std::string& code, const Respond& respond) const;

    store::Database* db_;
    References refs_;
    StatusNotifier notifier_;
    std::string timezone_;
    Clock clock_;
    std::function<void()> outbox_changed_;
};

}  // namespace motcua::bot
