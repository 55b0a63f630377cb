#pragma once
// What the bot says around an escalation (B5-B7), to the citizen and to the officer: the texts
// of scripts.json filled with the case's facts and rendered for each side's medium. The bot
// decides who gets what and when; this only words it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dialogs/content.hpp"
#include "dialogs/engine.hpp"
#include "dialogs/office_hours.hpp"

namespace motcua::dialogs {

struct OfficerCard {
    std::string name;
    std::string title;
    std::string phone;  // E.164
};

// What the officer is told about a case when it is given to them.
struct CaseBrief {
    std::int64_t number = 0;
    std::string unit_name;         // "Xã Yết Kiêu"
    std::string procedure;         // a catalog procedure id, or ""
    std::string field;             // a catalog field id, or ""
    std::string question;          // the citizen's recent messages
    std::string citizen_phone;     // E.164, or "" when the citizen's phone is not known
    std::string previous_officer;  // the name of the officer who did not answer, or ""
};

// What an officer's message without a usable "#N" is answered.
enum class OfficerHint { closed, empty_answer, unknown_number, already_closed, which, none_open };

class EscalationWording {
public:
    explicit EscalationWording(std::shared_ptr<const Content> content);

    // To the citizen.
    std::vector<Reply> opened(std::int64_t number, const OfficerCard& officer, const OfficeHours& hours,
                              WeekTime now, const Medium& medium) const;
    std::vector<Reply> reassigned(std::int64_t number, const std::string& previous, const OfficerCard& officer,
                                  const OfficeHours& hours, WeekTime now, const Medium& medium) const;
    std::vector<Reply> no_officer(const Medium& medium) const;
    std::vector<Reply> relayed(const std::string& officer_name, const std::string& text, const Medium& medium) const;
    std::vector<Reply> done(std::int64_t number, const std::string& officer_name, const Medium& medium) const;
    std::vector<Reply> idle(std::int64_t number, const Medium& medium) const;

    // To the officer.
    std::vector<Reply> brief(const CaseBrief& brief, const Medium& medium) const;
    std::vector<Reply> forwarded(std::int64_t number, const std::vector<std::string>& texts,
                                 const Medium& medium) const;
    // numbers: the officer's open cases (which), else the one the hint is about.
    std::vector<Reply> hint(OfficerHint hint, const std::vector<std::int64_t>& numbers, const Medium& medium) const;

private:
    std::vector<Reply> say(const std::string& text, const Medium& medium) const;
    std::string when_to_expect(const OfficeHours& hours, WeekTime now) const;

    std::shared_ptr<const Content> content_;
};

// The question as the officer reads it: at most max_chars code points, cut at a word, "..."
// marking the cut.
std::string shortened(const std::string& text, std::size_t max_chars);

}  // namespace motcua::dialogs
