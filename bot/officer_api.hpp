#pragma once
// /api/v1/officers (SPEC §4.1): PUT and GET one officer, GET them all.
#include <cstdint>
#include <functional>
#include <string_view>

#include "bot/http_server.hpp"
#include "bot/references.hpp"
#include "store/database.hpp"

namespace motcua::bot {

class OfficerApi {
public:
    using Clock = std::function<std::int64_t()>;

    OfficerApi(store::Database& db, References refs, Clock clock);

    // route: the path after /api/v1/, starting with "officers".
    void operator()(const Request& request, std::string_view route, const Respond& respond) const;

private:
    HttpAnswer list() const;
    HttpAnswer get(const std::string& id) const;
    void put(const Request& request, const std::string& id, const Respond& respond) const;

    store::Database* db_;
    References refs_;
    Clock clock_;
};

}  // namespace motcua::bot
