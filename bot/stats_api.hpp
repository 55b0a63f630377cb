#pragma once
// GET /api/v1/stats?from=YYYY-MM-DD&to=YYYY-MM-DD (SPEC §4.5): the figures of the local days
// from..to inclusive, in the deployment's time zone.
#include <string>
#include <string_view>

#include "bot/http_server.hpp"
#include "store/database.hpp"

namespace motcua::bot {

class StatsApi {
public:
    StatsApi(store::Database& db, std::string timezone);

    void operator()(const Request& request, const Respond& respond) const;

private:
    HttpAnswer stats(const Request& request) const;

    store::Database* db_;
    std::string timezone_;
};

}  // namespace motcua::bot
