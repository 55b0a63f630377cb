// Golden transcripts: tests/testdata/transcripts/*.json, each a list of conversations
//   {"name", "channel": "sms"|"zalo", "unicode": bool, "max_segments": n (SMS, default 3),
//    "turns": [{"citizen": TEXT | "event": "follow"|"unsupported",
//               "expect_contains": [...], "expect_not_contains": [...], "expect_intent": I,
//               "expect_effects": [{"kind": "follow"|"unfollow", "dossier": CODE}],
//               "expect_escalation": {"unit", "procedure", "field", "question"}}],
//    "today": "YYYY-MM-DD", "dossiers": [{"code", "procedure", "status", "received_at",
//               "due_at", "officer_name", "officer_title", "note"}],
//    "units": [{"id", "name"}]}
// driven through Engine::turn. The dossiers are the store the bot would look codes up in; the
// follow effects of earlier turns mark them followed. The units are the deployment's (none by
// default). A turn that hands the conversation to an officer must say so with
// expect_escalation (each key given must match the effect's); it has no replies of its own,
// since the bot words the hand-over. Every reply is also held to its channel's limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "dialogs/content_model.hpp"
#include "dialogs/engine.hpp"
#include "dialogs/text.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> transcript_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(MOTCUA_TESTDATA_DIR) / "transcripts")) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Medium medium_of(const json& conversation) {
    Medium medium;
    const std::string channel = conversation.at("channel").get<std::string>();
    if (channel == "sms") {
        medium.sms = true;
        medium.unicode = conversation.at("unicode").get<bool>();
        medium.max_segments = conversation.value("max_segments", 3);
    } else if (channel == "zalo") {
        medium.buttons = true;
    } else {
        ADD_FAILURE() << "unknown channel " << channel;
    }
    return medium;
}

Input input_of(const json& turn) {
    if (turn.contains("citizen")) return Input{Input::Kind::text, turn.at("citizen").get<std::string>()};
    const std::string event = turn.at("event").get<std::string>();
    if (event == "follow") return Input{Input::Kind::follow, ""};
    if (event == "unsupported") return Input{Input::Kind::unsupported, ""};
    ADD_FAILURE() << "unknown event " << event;
    return Input{};
}

// The facts the bot would pass for a citizen's text: the conversation's dossier with that code.
void add_dossier_facts(Input& input, const Engine& engine, const json& conversation,
                       const std::set<std::string>& followed) {
    input.today = conversation.value("today", std::string());
    const std::string code = engine.dossier_code(input.text);
    for (const json& d : conversation.value("dossiers", json::array())) {
        if (code.empty() || d.at("code").get<std::string>() != code) continue;
        const auto status = parse_dossier_status(d.at("status").get<std::string>());
        if (!status) ADD_FAILURE() << "unknown status in " << d.dump();
        input.dossier = DossierFacts{code, d.at("procedure").get<std::string>(),
                                     status.value_or(DossierStatus::received),
                                     d.at("received_at").get<std::string>(), d.at("due_at").get<std::string>(),
                                     d.value("officer_name", ""), d.value("officer_title", ""),
                                     d.value("note", ""), followed.count(code) > 0};
    }
}

void expect_escalation(const TurnResult& result, const json& turn) {
    const Effect* escalation = nullptr;
    for (const Effect& effect : result.effects) {
        if (effect.kind == Effect::Kind::escalate) escalation = &effect;
    }
    if (!turn.contains("expect_escalation")) {
        EXPECT_EQ(escalation, nullptr) << "the turn escalates: say so with expect_escalation";
        return;
    }
    ASSERT_NE(escalation, nullptr) << "the turn does not escalate";
    const json actual = {{"unit", escalation->unit}, {"procedure", escalation->procedure},
                         {"field", escalation->field}, {"question", escalation->question}};
    for (const auto& [key, value] : turn.at("expect_escalation").items()) {
        EXPECT_EQ(actual.value(key, json()), value) << "expect_escalation." << key;
    }
    EXPECT_TRUE(result.replies.empty());
}

void expect_effects(const TurnResult& result, const json& turn, std::set<std::string>& followed) {
    json effects = json::array();
    for (const Effect& effect : result.effects) {
        if (effect.kind == Effect::Kind::escalate) continue;  // expect_escalation's
        const bool follow = effect.kind == Effect::Kind::follow;
        effects.push_back({{"kind", follow ? "follow" : "unfollow"}, {"dossier", effect.dossier_code}});
        if (follow) followed.insert(effect.dossier_code);
        else if (effect.dossier_code.empty()) followed.clear();
        else followed.erase(effect.dossier_code);
    }
    if (turn.contains("expect_effects")) {
        EXPECT_EQ(effects, turn.at("expect_effects"));
    }
}

void expect_channel_limits(const TurnResult& result, const Medium& medium) {
    for (const Reply& reply : result.replies) {
        if (medium.sms) {
            EXPECT_EQ(result.replies.size(), 1u);
            EXPECT_LE(sms_segments(reply.text), static_cast<std::size_t>(medium.max_segments))
                << reply.text;
            if (!medium.unicode) {
                EXPECT_TRUE(is_gsm7(reply.text)) << reply.text;
            }
            EXPECT_TRUE(reply.choices.empty());
        } else {
            EXPECT_LE(code_points(reply.text), medium.max_chars);
            EXPECT_LE(reply.choices.size(), 5u);
        }
    }
}

void run_conversation(const json& conversation) {
    const Medium medium = medium_of(conversation);
    std::vector<UnitName> units;
    for (const json& unit : conversation.value("units", json::array())) {
        units.push_back({unit.at("id").get<std::string>(), unit.at("name").get<std::string>()});
    }
    Engine engine(testing::shipped_content(), units);
    std::string state;
    std::set<std::string> followed;
    const json& turns = conversation.at("turns");
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const json& turn = turns[i];
        SCOPED_TRACE("turn " + std::to_string(i + 1) + ": " + turn.dump());
        Input input = input_of(turn);
        if (input.kind == Input::Kind::text) add_dossier_facts(input, engine, conversation, followed);
        const TurnResult result = engine.turn(state, input, medium);
        state = result.state;
        expect_effects(result, turn, followed);
        expect_escalation(result, turn);
        if (!turn.contains("expect_escalation")) {
            EXPECT_FALSE(result.replies.empty());
        }
        expect_channel_limits(result, medium);
        std::string text;
        for (const Reply& reply : result.replies) text += reply.text + "\n";
        for (const auto& expected : turn.value("expect_contains", json::array())) {
            EXPECT_NE(text.find(expected.get<std::string>()), std::string::npos)
                << "missing \"" << expected.get<std::string>() << "\" in:\n" << text;
        }
        for (const auto& unexpected : turn.value("expect_not_contains", json::array())) {
            EXPECT_EQ(text.find(unexpected.get<std::string>()), std::string::npos)
                << "unexpected \"" << unexpected.get<std::string>() << "\" in:\n" << text;
        }
        if (turn.contains("expect_intent")) {
            EXPECT_EQ(result.intent, turn.at("expect_intent").get<std::string>());
        }
    }
}

TEST(Transcripts, ThereAreSome) { EXPECT_GE(transcript_files().size(), 3u); }

// Each procedure is answered, by its national code, on plain SMS or Zalo, somewhere.
TEST(Transcripts, CoverEveryProcedureOnBothChannels) {
    std::string expected_on_sms;
    std::string expected_on_zalo;
    for (const fs::path& file : transcript_files()) {
        std::ifstream in(file);
        const json conversations = json::parse(in, nullptr, /*allow_exceptions=*/false);
        if (!conversations.is_array()) continue;  // reported by EveryConversationPlaysAsWritten
        for (const json& conversation : conversations) {
            const bool plain_sms = conversation.value("channel", "") == "sms" &&
                                   !conversation.value("unicode", true);
            std::string& expected = plain_sms ? expected_on_sms : expected_on_zalo;
            for (const json& turn : conversation.value("turns", json::array())) {
                for (const json& text : turn.value("expect_contains", json::array())) {
                    if (text.is_string()) expected += text.get<std::string>() + "\n";
                }
            }
        }
    }
    std::size_t on_sms = 0;
    std::size_t on_zalo = 0;
    for (const Procedure& p : testing::shipped_content()->catalog.procedures) {
        const bool sms = expected_on_sms.find("(ma thu tuc " + p.code + ")") != std::string::npos;
        const bool zalo = expected_on_zalo.find("(mã thủ tục " + p.code + ")") != std::string::npos;
        EXPECT_TRUE(sms || zalo) << p.id << " has no transcript";
        on_sms += sms ? 1 : 0;
        on_zalo += zalo ? 1 : 0;
    }
    EXPECT_GE(on_sms, 3u);
    EXPECT_GE(on_zalo, 3u);
}

TEST(Transcripts, EveryConversationPlaysAsWritten) {
    for (const fs::path& file : transcript_files()) {
        SCOPED_TRACE(file.filename().string());
        std::ifstream in(file);
        const json conversations = json::parse(in, nullptr, /*allow_exceptions=*/false);
        ASSERT_TRUE(conversations.is_array()) << "not a JSON list";
        for (const json& conversation : conversations) {
            SCOPED_TRACE(conversation.value("name", std::string("(unnamed)")));
            try {
                run_conversation(conversation);
            } catch (const json::exception& e) {
                ADD_FAILURE() << "malformed transcript: " << e.what();
            }
        }
    }
}

}  // namespace
}  // namespace motcua::dialogs
