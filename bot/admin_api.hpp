#pragma once
// The admin API under /api/v1 (SPEC §4): bearer-token authentication, JSON in and out, and the
// endpoints for the one-stop-shop staff and the commune's leaders.
#include <memory>
#include <string>
#include <vector>

#include "bot/dossier_api.hpp"
#include "bot/escalation_api.hpp"
#include "bot/http_server.hpp"
#include "bot/officer_api.hpp"
#include "bot/stats_api.hpp"
#include "dialogs/content.hpp"
#include "dialogs/understanding.hpp"

namespace motcua::bot {

class AdminApi {
public:
    static constexpr std::string_view prefix = "/api/v1/";

    AdminApi(std::string admin_token, std::shared_ptr<const dialogs::Content> content,
             std::vector<dialogs::UnitName> units, OfficerApi officers, DossierApi dossiers,
             EscalationApi escalations, StatsApi stats);

    // For any path under prefix: 401 without the token, 404/405 for what does not exist.
    void operator()(const Request& request, const Respond& respond) const;

private:
    bool authorised(const Request& request) const;
    HttpAnswer parse(const Request& request) const;

    std::string admin_token_;
    std::shared_ptr<const dialogs::Content> content_;
    std::vector<dialogs::UnitName> units_;
    OfficerApi officers_;
    DossierApi dossiers_;
    EscalationApi escalations_;
    StatsApi stats_;
};

}  // namespace motcua::bot
