#include "dialogs/escalation_wording.hpp"

#include <cstdio>
#include <stdexcept>

#include "dialogs/content_model.hpp"
#include "dialogs/notice.hpp"
#include "dialogs/text.hpp"

namespace motcua::dialogs {
namespace {

// An officer reads the question on a phone: a few sentences are enough to call back.
constexpr std::size_t kQuestionChars = 300;

constexpr const char* kDayTexts[] = {"day_mon", "day_tue", "day_wed", "day_thu", "day_fri", "day_sat", "day_sun"};

std::string clock_time(int minute) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minute / 60 % 24, minute % 60);
    return text;
}

std::string case_number(std::int64_t number) { return std::to_string(number); }

}  // namespace

std::string shortened(const std::string& text, std::size_t max_chars) {
    const std::string composed = nfc(text);
    if (code_points(composed) <= max_chars) return composed;
    // Walk code points (UTF-8 lead bytes) up to the limit, then back to the last space.
    std::size_t bytes = 0;
    for (std::size_t seen = 0; bytes < composed.size() && seen < max_chars - 3; ++seen) {
        ++bytes;
        while (bytes < composed.size() && (static_cast<unsigned char>(composed[bytes]) & 0xC0) == 0x80) ++bytes;
    }
    const std::size_t space = composed.rfind(' ', bytes);
    if (space != std::string::npos && space > bytes / 2) bytes = space;
    return composed.substr(0, bytes) + "...";
}

EscalationWording::EscalationWording(std::shared_ptr<const Content> content) : content_(std::move(content)) {
    if (!content_) throw std::invalid_argument("escalation wording needs loaded content");
}

std::vector<Reply> EscalationWording::say(const std::string& text, const Medium& medium) const {
    return notice_replies(Message{text, {}, ""}, medium, content_->scripts);
}

std::string EscalationWording::when_to_expect(const OfficeHours& hours, WeekTime now) const {
    const Scripts& s = content_->scripts;
    const auto opening = next_opening(hours, now);
    if (!opening) return s.text("escalation_open_now");
    std::string day = opening->days_ahead == 0   ? s.text("opening_today")
                      : opening->days_ahead == 1 ? s.text("opening_tomorrow")
                                                 : s.text(kDayTexts[opening->at.weekday]);
    const std::string part = s.text(opening->at.minute < 12 * 60 ? "opening_morning" : "opening_afternoon");
    const std::string when = s.text("opening_when", {{"part", part}, {"day", day}, {"time", clock_time(opening->at.minute)}});
    return s.text("escalation_closed_now", {{"when", when}});
}

std::vector<Reply> EscalationWording::opened(std::int64_t number, const OfficerCard& officer, const OfficeHours& hours,
                                             WeekTime now, const Medium& medium) const {
    const Scripts& s = content_->scripts;
    return say(s.text("escalation_opened", {{"number", case_number(number)}, {"name", officer.name},
                                            {"title", officer.title}, {"phone", officer.phone}}) +
                   "\n" + when_to_expect(hours, now) + "\n" + s.text("escalation_handoff"),
               medium);
}

std::vector<Reply> EscalationWording::reassigned(std::int64_t number, const std::string& previous,
                                                 const OfficerCard& officer, const OfficeHours& hours, WeekTime now,
                                                 const Medium& medium) const {
    const Scripts& s = content_->scripts;
    return say(s.text("escalation_reassigned", {{"previous", previous}, {"number", case_number(number)},
                                                {"name", officer.name}, {"title", officer.title},
                                                {"phone", officer.phone}}) +
                   "\n" + when_to_expect(hours, now),
               medium);
}

std::vector<Reply> EscalationWording::no_officer(const Medium& medium) const {
    return say(content_->scripts.text("escalate_unavailable"), medium);
}

std::vector<Reply> EscalationWording::relayed(const std::string& officer_name, const std::string& text,
                                              const Medium& medium) const {
    return say(content_->scripts.text("escalation_relay", {{"name", officer_name}, {"text", text}}), medium);
}

std::vector<Reply> EscalationWording::done(std::int64_t number, const std::string& officer_name,
                                           const Medium& medium) const {
    return say(content_->scripts.text("escalation_done", {{"name", officer_name}, {"number", case_number(number)}}),
               medium);
}

std::vector<Reply> EscalationWording::idle(std::int64_t number, const Medium& medium) const {
    return say(content_->scripts.text("escalation_idle", {{"number", case_number(number)}}), medium);
}

std::vector<Reply> EscalationWording::brief(const CaseBrief& brief, const Medium& medium) const {
    const Scripts& s = content_->scripts;
    std::string subject = s.text("officer_subject_general");
    if (const Field* field = content_->catalog.field(brief.field)) subject = field->name;
    if (const Procedure* procedure = content_->catalog.procedure(brief.procedure))
        subject += " (" + procedure->name + ")";
    const std::string number = case_number(brief.number);
    std::string text = s.text("officer_brief", {{"number", number}, {"unit", brief.unit_name}, {"subject", subject},
                                                {"question", shortened(brief.question, kQuestionChars)}});
    if (!brief.previous_officer.empty())
        text += "\n" + s.text("officer_brief_reassigned", {{"previous", brief.previous_officer}});
    if (!brief.citizen_phone.empty()) text += "\n" + s.text("officer_brief_phone", {{"phone", brief.citizen_phone}});
    text += "\n" + s.text("officer_brief_how", {{"number", number}});
    return say(text, medium);
}

std::vector<Reply> EscalationWording::forwarded(std::int64_t number, const std::vector<std::string>& texts,
                                                const Medium& medium) const {
    std::string joined;
    for (const std::string& t : texts) joined += (joined.empty() ? "" : " / ") + t;
    return say(content_->scripts.text("officer_forward",
                                      {{"number", case_number(number)}, {"text", shortened(joined, kQuestionChars)}}),
               medium);
}

std::vector<Reply> EscalationWording::hint(OfficerHint hint, const std::vector<std::int64_t>& numbers,
                                           const Medium& medium) const {
    const Scripts& s = content_->scripts;
    std::string listed;
    for (const std::int64_t n : numbers) listed += (listed.empty() ? "#" : ", #") + case_number(n);
    const std::string first = numbers.empty() ? "" : case_number(numbers.front());
    switch (hint) {
        case OfficerHint::closed: return say(s.text("officer_closed", {{"number", first}}), medium);
        case OfficerHint::empty_answer: return say(s.text("officer_empty_answer", {{"number", first}}), medium);
        case OfficerHint::unknown_number: return say(s.text("officer_unknown_number", {{"number", first}}), medium);
        case OfficerHint::already_closed: return say(s.text("officer_already_closed", {{"number", first}}), medium);
        case OfficerHint::which: return say(s.text("officer_which", {{"numbers", listed}}), medium);
        case OfficerHint::none_open: return say(s.text("officer_none_open"), medium);
    }
    throw std::logic_error("unhandled officer hint");
}

}  // namespace motcua::dialogs
