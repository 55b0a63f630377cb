#include "dialogs/engine.hpp"

#include <stdexcept>

#include "dialogs/content_model.hpp"
#include "dialogs/dossier_code.hpp"
#include "dialogs/conversation_state.hpp"
#include "dialogs/dossier_answer.hpp"
#include "dialogs/escalation_wording.hpp"
#include "dialogs/guide.hpp"
#include "dialogs/notice.hpp"
#include "dialogs/render.hpp"
#include "dialogs/text.hpp"
#include "dialogs/understanding.hpp"

namespace motcua::dialogs {
namespace {

using ShownMenu = ConversationState::Menu;

// What one turn decided, before rendering.
struct Decision {
    Message message;
    Intent intent = Intent::unknown;
};

std::string join_lines(const std::string& first, const std::string& second) {
    if (first.empty()) return second;
    if (second.empty()) return first;
    return first + "\n" + second;
}

// How many of the citizen's last texts an officer gets as the question, and how long each may be.
constexpr std::size_t kRecentTexts = 3;
constexpr std::size_t kRecentChars = 200;

Effect dossier_effect(Effect::Kind kind, const std::string& code) {
    Effect effect;
    effect.kind = kind;
    effect.dossier_code = code;
    return effect;
}

// A choice number: a short run of digits and nothing else.
bool is_number(const std::string& folded) {
    return !folded.empty() && folded.size() <= 3 &&
           folded.find_first_not_of("0123456789") == std::string::npos;
}

// One turn's decision, reading and updating the conversation state as it goes.
class Turn {
public:
    Turn(const Content& content, const std::vector<UnitName>& units, ConversationState& state,
         const Input& input, std::vector<Effect>& effects)
        : content_(content), scripts_(content.scripts), units_(units), state_(state), input_(input),
          effects_(effects) {}

    Decision on_input() {
        const Input& input = input_;
        switch (input.kind) {
            case Input::Kind::follow:
                return {main_menu(scripts_.text("follow_greeting")), Intent::greeting};
            case Input::Kind::unsupported:
                return {main_menu(scripts_.text("unsupported")), Intent::unknown};
            case Input::Kind::text:
                break;
        }
        const std::string folded = fold(input.text);
        if (!is_number(folded)) remember(input.text);
        Decision decision = is_number(folded) ? on_number(std::stoi(folded))
                                              : on_understanding(input.understanding
                                                                     ? *input.understanding
                                                                     : understand(input.text, content_, units_));
        state_.misses = decision.intent == Intent::unknown ? state_.misses + 1 : 0;
        if (state_.misses >= 2) decision.message = escalate();  // B5: the bot cannot help
        return decision;
    }

private:
    Decision on_number(int number) {
        if (number == 0) return {main_menu(""), Intent::menu};
        const auto index = static_cast<std::size_t>(number - 1);
        if (state_.menu == ShownMenu::units) {
            if (index < units_.size()) {
                state_.unit = units_[index].id;
                return {escalate(), Intent::escalate};
            }
        } else if (state_.menu == ShownMenu::procedure_list) {
            if (index < content_.catalog.procedures.size()) {
                return {procedure_guide(content_.catalog.procedures[index]), Intent::procedure};
            }
        } else {
            const std::vector<MenuChoice>& choices = state_.menu == ShownMenu::procedure
                                                         ? scripts_.procedure_menu.choices
                                                         : scripts_.main_menu.choices;
            if (index < choices.size()) return on_target(choices[index].target);
        }
        const std::string bad = scripts_.text("bad_choice", {{"number", std::to_string(number)}});
        return {current_menu(bad), Intent::unknown};
    }

    Decision on_target(Target target) {
        const Procedure* procedure = content_.catalog.procedure(state_.procedure);
        const bool needs_procedure = target == Target::documents ||
                                     target == Target::fee_and_time || target == Target::online;
        if (needs_procedure && !procedure) return {main_menu(""), Intent::menu};
        switch (target) {
            case Target::main_menu:
                return {main_menu(""), Intent::menu};
            case Target::procedure_list:
                return {procedure_list(), Intent::menu};
            case Target::dossier_status:
                return {about_dossiers(scripts_.text("dossier_ask_code")), Intent::dossier_status};
            case Target::escalate:
                return {escalate(), Intent::escalate};
            case Target::documents:
                return {procedure_menu(*procedure, documents_guide(*procedure, scripts_)),
                        Intent::procedure};
            case Target::fee_and_time:
                return {procedure_menu(*procedure, fee_and_time_guide(*procedure, scripts_)),
                        Intent::procedure};
            case Target::online:
                return {procedure_menu(*procedure, online_guide(*procedure, scripts_)),
                        Intent::procedure};
        }
        throw std::logic_error("unhandled menu target");
    }

    Decision on_understanding(const Understanding& understood) {
        const Procedure* named = content_.catalog.procedure(understood.procedure);
        if (named) state_.procedure = named->id;
        if (!understood.unit.empty()) {
            state_.unit = understood.unit;
            if (state_.menu == ShownMenu::units) return {escalate(), Intent::escalate};
        }
        switch (understood.intent) {
            case Intent::greeting:
                return {main_menu(scripts_.text("greeting")), understood.intent};
            case Intent::menu:
                return {main_menu(""), understood.intent};
            case Intent::procedure:
                return {procedure_guide(*named), understood.intent};
            case Intent::dossier_status:
                return {on_dossier_status(understood.dossier_code), understood.intent};
            case Intent::escalate:
                return {escalate(), understood.intent};
            case Intent::follow:
                return {on_follow(understood.dossier_code), understood.intent};
            case Intent::unfollow:
                return {on_unfollow(understood.dossier_code), understood.intent};
            case Intent::unknown:
                break;
        }
        return {main_menu(scripts_.text("not_understood")), Intent::unknown};
    }

    void remember(const std::string& text) {
        state_.recent.push_back(shortened(text, kRecentChars));
        if (state_.recent.size() > kRecentTexts) state_.recent.erase(state_.recent.begin());
    }

    bool unit_known() const {
        for (const UnitName& unit : units_) {
            if (unit.id == state_.unit) return true;
        }
        return false;
    }

    // B5: asks for the unit when the deployment has several and the citizen named none, else
    // asks the bot to hand the conversation over; the bot words what happens then, so the
    // message is empty.
    Message escalate() {
        state_.misses = 0;
        if (units_.size() > 1 && !unit_known()) {
            state_.menu = ShownMenu::units;
            Message message{scripts_.text("escalation_ask_unit"), {}, scripts_.text("back_to_menu")};
            for (const UnitName& unit : units_) message.choices.push_back(unit.name);
            return message;
        }
        const std::string unit = units_.size() == 1 ? units_.front().id : state_.unit;
        const Procedure* procedure = content_.catalog.procedure(state_.procedure);
        std::string question;
        for (const std::string& text : state_.recent) question += (question.empty() ? "" : " / ") + text;
        effects_.push_back({Effect::Kind::escalate, "", unit, state_.procedure,
                            procedure ? procedure->field : "", question});
        state_.recent.clear();
        state_.menu = ShownMenu::main;
        return Message{};
    }

    // The facts of the dossier with this code, when the bot found it.
    const DossierFacts* known_dossier(const std::string& code) const {
        return input_.dossier && input_.dossier->code == code ? &*input_.dossier : nullptr;
    }

    Message on_dossier_status(const std::string& code) {
        if (code.empty()) return about_dossiers(scripts_.text("dossier_ask_code"));
        const DossierFacts* dossier = known_dossier(code);
        if (!dossier) return unknown_code(code);
        state_.code_misses = 0;
        state_.last_dossier = dossier->code;
        return in_main_menu(dossier_answer(*dossier, input_.today, content_));
    }

    Message on_follow(const std::string& code) {
        if (!code.empty() && !known_dossier(code)) return unknown_code(code);
        const std::string followed = code.empty() ? state_.last_dossier : code;
        if (followed.empty()) return about_dossiers(scripts_.text("follow_which"));
        state_.last_dossier = followed;
        effects_.push_back(dossier_effect(Effect::Kind::follow, followed));
        return about_dossiers(scripts_.text("follow_done", {{"code", followed}}));
    }

    Message on_unfollow(const std::string& code) {
        const std::string unfollowed = code.empty() ? state_.last_dossier : code;
        effects_.push_back(dossier_effect(Effect::Kind::unfollow, unfollowed));
        if (unfollowed.empty()) return about_dossiers(scripts_.text("unfollow_all"));
        return about_dossiers(scripts_.text("unfollow_done", {{"code", unfollowed}}));
    }

    Message unknown_code(const std::string& code) {
        ++state_.code_misses;
        return in_main_menu(unknown_dossier(code, state_.code_misses, scripts_));
    }

    // A dossier answer without choices of its own: numbers go on meaning the main menu's.
    Message in_main_menu(Message message) {
        state_.menu = ShownMenu::main;
        return message;
    }

    Message about_dossiers(const std::string& text) {
        return in_main_menu(Message{text, {}, scripts_.text("back_to_menu")});
    }

    Message main_menu(const std::string& intro) {
        state_.menu = ShownMenu::main;
        Message message{join_lines(intro, scripts_.main_menu.text), {}, ""};
        for (const MenuChoice& choice : scripts_.main_menu.choices) {
            message.choices.push_back(choice.title);
        }
        return message;
    }

    Message procedure_list() {
        state_.menu = ShownMenu::procedure_list;
        Message message{scripts_.procedure_list_text, {}, scripts_.text("back_to_menu")};
        for (const Procedure& p : content_.catalog.procedures) message.choices.push_back(p.name);
        return message;
    }

    Message procedure_guide(const Procedure& procedure) {
        return procedure_menu(procedure, full_guide(procedure, scripts_));
    }

    Message procedure_menu(const Procedure& procedure, const std::string& body) {
        state_.menu = ShownMenu::procedure;
        state_.procedure = procedure.id;
        Message message{join_lines(body, scripts_.procedure_menu.text), {},
                        scripts_.text("back_to_menu")};
        for (const MenuChoice& choice : scripts_.procedure_menu.choices) {
            message.choices.push_back(choice.title);
        }
        return message;
    }

    // The menu the citizen was in, shown again under intro.
    Message current_menu(const std::string& intro) {
        const Procedure* procedure = content_.catalog.procedure(state_.procedure);
        if (state_.menu == ShownMenu::procedure && procedure) return procedure_menu(*procedure, intro);
        if (state_.menu == ShownMenu::procedure_list) {
            Message message = procedure_list();
            message.body = join_lines(intro, message.body);
            return message;
        }
        return main_menu(intro);
    }

    const Content& content_;
    const Scripts& scripts_;
    const std::vector<UnitName>& units_;
    ConversationState& state_;
    const Input& input_;
    std::vector<Effect>& effects_;
};

}  // namespace

Engine::Engine(std::shared_ptr<const Content> content, std::vector<UnitName> units)
    : content_(std::move(content)), units_(std::move(units)) {
    if (!content_) throw std::invalid_argument("dialog engine needs loaded content");
}

TurnResult Engine::turn(std::string_view stored, const Input& input, const Medium& medium) const {
    if (const auto read = leading_characters(input.text, max_read_characters); read.size() < input.text.size()) {
        Input opening = input;
        opening.text = std::string(read);
        return turn(stored, opening, medium);
    }
    ConversationState state = parse_state(stored, content_->catalog);
    TurnResult result;
    if (input.kind == Input::Kind::text && !state.pending.empty() &&
        asks_for_more(input.text, *content_)) {
        result.replies.push_back(Reply{state.pending.front(), {}});
        state.pending.erase(state.pending.begin());
        result.intent = intent_name(Intent::menu);
        result.state = serialize_state(state);
        return result;
    }
    state.pending.clear();
    const Decision decision = Turn(*content_, units_, state, input, result.effects).on_input();
    const Scripts& scripts = content_->scripts;
    const bool worded_by_bot = decision.message.body.empty() && decision.message.choices.empty();
    if (!worded_by_bot) {
        Rendering rendering = render(decision.message, medium, [&](std::size_t page, std::size_t pages) {
            return scripts.text("more_prompt",
                                {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
        });
        result.replies = std::move(rendering.replies);
        state.pending = std::move(rendering.pending);
    }
    result.intent = intent_name(decision.intent);
    result.procedure = state.procedure;
    result.unit = !state.unit.empty() || units_.size() != 1 ? state.unit : units_.front().id;
    result.state = serialize_state(state);
    return result;
}

bool Engine::returns_to_bot(std::string_view whole) const {
    const auto text = leading_characters(whole, max_read_characters);
    return !is_number(fold(text)) && understand(text, *content_).intent == Intent::menu;
}

std::string Engine::dossier_code(std::string_view text) const {
    // What understand() would report, without the rest of its work: the bot asks before
    // every turn, and turn() understands the message again anyway.
    return find_dossier_code(nfc(leading_characters(text, max_read_characters))).value_or("");
}

Reading Engine::read(std::string_view whole) const {
    const auto text = leading_characters(whole, max_read_characters);
    Reading reading{dossier_code(text), std::nullopt};
    if (!is_number(fold(text))) reading.understanding = understand(text, *content_, units_);
    return reading;
}

std::vector<Reply> Engine::status_change_notice(const DossierFacts& dossier, const Medium& medium) const {
    return notice_replies(status_change_message(dossier, content_->scripts), medium, content_->scripts);
}

}  // namespace motcua::dialogs
