#include "bot/dossier_lookup.hpp"

#include "store/followers.hpp"
#include "store/officers.hpp"

namespace motcua::bot {

dialogs::DossierFacts dossier_facts(store::Session& s, const store::Dossier& dossier, bool followed) {
    dialogs::DossierFacts facts;
    facts.code = dossier.code;
    facts.procedure = dossier.procedure;
    // Statuses are validated on the way in; a row written by hand is read as just received.
    facts.status = dialogs::parse_dossier_status(dossier.status).value_or(dialogs::DossierStatus::received);
    facts.received_at = dossier.received_at;
    facts.due_at = dossier.due_at;
    if (!dossier.officer.empty()) {
        if (const auto officer = store::find_officer(s, dossier.officer)) {
            facts.officer_name = officer->name;
            facts.officer_title = officer->title;
        }
    }
    facts.note = dossier.note;
    facts.followed = followed;
    return facts;
}

std::optional<dialogs::DossierFacts> look_up_for_citizen(store::Transaction& tx, const std::string& code,
                                                         Channel channel, const std::string& contact,
                                                         std::int64_t now_ms) {
    const auto dossier = store::find_dossier(tx, code);
    store::record_dossier_lookup(tx, code, dossier.has_value(), channel, now_ms);
    if (!dossier) return std::nullopt;
    const store::Follower who{channel, contact};
    const bool applicant = channel == Channel::sms && !dossier->applicant_phone.empty() &&
                           contact == dossier->applicant_phone;
    const bool followed = applicant ? store::follow_dossier_unless_opted_out(tx, code, who, now_ms)
                                    : store::is_following(tx, code, who);
    return dossier_facts(tx, *dossier, followed);
}

}  // namespace motcua::bot
