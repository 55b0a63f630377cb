#include "dialogs/guide.hpp"

namespace motcua::dialogs {
namespace {

class Lines {
public:
    void add(std::string line) {
        if (!text_.empty()) text_ += '\n';
        text_ += line;
    }
    std::string text() const { return text_; }

private:
    std::string text_;
};

void add_title(Lines& lines, const Procedure& p, const Scripts& s) {
    lines.add(s.text("guide_title", {{"name", p.name}, {"code", p.code}}));
    if (!p.linked_code.empty()) lines.add(s.text("guide_linked", {{"code", p.linked_code}}));
}

void add_documents(Lines& lines, const Procedure& p, const Scripts& s) {
    lines.add(s.text("guide_documents"));
    for (const std::string& document : p.documents) lines.add("- " + document);
    if (!p.note.empty()) lines.add(s.text("guide_note", {{"note", p.note}}));
}

void add_fee_and_time(Lines& lines, const Procedure& p, const Scripts& s) {
    lines.add(s.text("guide_fee", {{"fee", p.fee}}));
    lines.add(s.text("guide_time_limit", {{"time_limit", p.time_limit}}));
}

void add_where(Lines& lines, const Procedure& p, const Scripts& s) {
    lines.add(s.text("guide_where", {{"where", p.where}}));
}

void add_online(Lines& lines, const Procedure& p, const Scripts& s) {
    const OnlineSubmission& online = p.online;
    switch (online.kind) {
        case OnlineSubmission::Kind::toan_trinh:
            lines.add(s.text("online_toan_trinh", {{"how", online.how}}));
            break;
        case OnlineSubmission::Kind::mot_phan:
            lines.add(s.text("online_mot_phan", {{"how", online.how}}));
            break;
        case OnlineSubmission::Kind::none:
            lines.add(s.text("online_none", {{"how", online.how}}));
            return;
    }
    for (std::size_t i = 0; i < online.steps.size(); ++i) {
        lines.add(s.text("online_step",
                         {{"number", std::to_string(i + 1)}, {"step", online.steps[i]}}));
    }
    lines.add(s.text("online_account"));
}

// One line saying where the procedure can be done online, when it can: `text` names the script
// text, which takes the {portal}.
void add_online_hint(Lines& lines, const Procedure& p, const Scripts& s, const char* text) {
    if (p.online.kind == OnlineSubmission::Kind::none) return;
    lines.add(s.text(text, {{"portal", p.online.portal}}));
}

}  // namespace

std::string full_guide(const Procedure& procedure, const Scripts& scripts) {
    Lines lines;
    add_title(lines, procedure, scripts);
    // The online steps come last, and a long guide goes by SMS in parts: a citizen who reads only
    // the first should still learn that the procedure can be done from home.
    add_online_hint(lines, procedure, scripts, "guide_online_hint");
    add_documents(lines, procedure, scripts);
    add_fee_and_time(lines, procedure, scripts);
    add_where(lines, procedure, scripts);
    add_online(lines, procedure, scripts);
    return lines.text();
}

std::string documents_guide(const Procedure& procedure, const Scripts& scripts) {
    Lines lines;
    add_title(lines, procedure, scripts);
    add_documents(lines, procedure, scripts);
    add_where(lines, procedure, scripts);
    add_online_hint(lines, procedure, scripts, "online_hint");
    return lines.text();
}

std::string fee_and_time_guide(const Procedure& procedure, const Scripts& scripts) {
    Lines lines;
    add_title(lines, procedure, scripts);
    add_fee_and_time(lines, procedure, scripts);
    add_online_hint(lines, procedure, scripts, "online_hint");
    return lines.text();
}

std::string online_guide(const Procedure& procedure, const Scripts& scripts) {
    Lines lines;
    add_title(lines, procedure, scripts);
    add_online(lines, procedure, scripts);
    return lines.text();
}

}  // namespace motcua::dialogs
