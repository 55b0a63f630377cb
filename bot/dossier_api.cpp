#include "bot/dossier_api.hpp"

#include "bot/api_commit.hpp"
#include "bot/api_json.hpp"
#include "bot/dossier_validation.hpp"
#include "bot/local_date.hpp"
#include "dialogs/dossier_facts.hpp"
#include "store/officers.hpp"

namespace motcua::bot {

using nlohmann::json;

namespace {

json dossier_json(const store::Dossier& d, const std::string& today) {
    const auto status = dialogs::parse_dossier_status(d.status);
    return {{"code", d.code},
            {"procedure", d.procedure},
            {"unit", d.unit},
            {"status", d.status},
            {"received_at", d.received_at},
            {"due_at", d.due_at},
            {"officer", nullable(d.officer)},
            {"applicant_phone", nullable(d.applicant_phone)},
            {"note", d.note},
            {"overdue", status && dialogs::is_overdue(*status, d.due_at, today)}};
}

}  // namespace

DossierApi::DossierApi(store::Database& db, References refs, StatusNotifier notifier, std::string timezone,
                       Clock clock, std::function<void()> outbox_changed)
    : db_(&db), refs_(std::move(refs)), notifier_(std::move(notifier)), timezone_(std::move(timezone)),
      clock_(std::move(clock)), outbox_changed_(std::move(outbox_changed)) {}

void DossierApi::operator()(const Request& request, std::string_view route, const Respond& respond) const {
    constexpr std::string_view prefix = "dossiers/";
    if (route.substr(0, prefix.size()) != prefix || route.size() == prefix.size())
        return respond(json_error(404, "dossiers are at /api/v1/dossiers/{code}"));
    const std::string code(route.substr(prefix.size()));
    if (request.method == "GET") return respond(get(code));
    if (request.method == "PUT") return put(request, code, respond);
    respond(json_error(405, "use GET or PUT"));
}

HttpAnswer DossierApi::get(const std::string& code) const {
    const auto canonical = canonical_dossier_code(code);
    std::optional<store::Dossier> dossier;
    if (canonical) db_->read([&](store::Session& s) { dossier = store::find_dossier(s, *canonical); });
    if (!dossier) return json_error(404, "no dossier with code '" + code + "'");
    return json_answer(200, dossier_json(*dossier, local_date(clock_(), timezone_)));
}

void DossierApi::put(const Request& request, const std::string& code, const Respond& respond) const {
    auto body = json_body(request);
    if (auto* error = std::get_if<HttpAnswer>(&body)) return respond(*error);
    auto fields = dossier_fields_from_json(std::get<json>(body), code);
    if (auto* problem = std::get_if<FieldProblem>(&fields)) return respond(problem_answer(*problem));
    auto valid = validate_dossier(code, std::get<DossierFields>(std::move(fields)), refs_);
    if (auto* problem = std::get_if<FieldProblem>(&valid)) return respond(problem_answer(*problem));
    const auto now = clock_();
    const auto today = local_date(now, timezone_);
    answer_after_commit(
        *db_,
        [this, dossier = std::get<store::Dossier>(std::move(valid)), now, today](store::Transaction& tx) {
            const auto officer = check_dossier_officer(dossier, [&tx](const std::string& id) {
                return store::find_officer(tx, id).has_value();
            });
            if (officer) return problem_answer(*officer);
            store::DossierUpserter upserter(tx);
            const auto write = notifier_.save(tx, upserter, dossier, now);
            return json_answer(write.kind == store::DossierWrite::Kind::inserted ? 201 : 200,
                               dossier_json(dossier, today));
        },
        respond, outbox_changed_);
}

}  // namespace motcua::bot
