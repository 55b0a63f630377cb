// Every answer about every procedure, on every medium: it points to online submission when the
// procedure can be done online (a guide's first SMS part already), and on SMS without Unicode it
// stays plain GSM-7 within the segment limit even when the catalog holds characters that would
// switch SMS to UCS-2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "dialogs/content.hpp"
#include "dialogs/engine.hpp"
#include "dialogs/text.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Medium sms(bool unicode) {
    Medium m;
    m.sms = true;
    m.unicode = unicode;
    m.max_segments = 3;
    return m;
}

Medium zalo() {
    Medium m;
    m.buttons = true;
    return m;
}

// One turn's whole answer: on SMS every continuation part too, each checked against the limits.
std::string whole_answer(const Engine& engine, std::string& state, const std::string& text,
                         const Medium& medium) {
    TurnResult result = engine.turn(state, Input{Input::Kind::text, text}, medium);
    std::string answer;
    for (int parts = 0;; ++parts) {
        state = result.state;
        for (const Reply& reply : result.replies) {
            answer += reply.text + "\n";
            if (medium.sms) {
                EXPECT_LE(sms_segments(reply.text), static_cast<std::size_t>(medium.max_segments))
                    << reply.text;
                if (!medium.unicode) {
                    EXPECT_TRUE(is_gsm7(reply.text)) << reply.text;
                }
            }
        }
        const std::string last = result.replies.empty() ? "" : result.replies.back().text;
        if (!medium.sms || fold(last).find("xem tiep") == std::string::npos || parts > 20) break;
        result = engine.turn(state, Input{Input::Kind::text, "0"}, medium);
    }
    return answer;
}

// The procedure menu's choice number for a target, as the citizen would type it.
std::string choice_for(const Scripts& scripts, Target target) {
    const auto& choices = scripts.procedure_menu.choices;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].target == target) return std::to_string(i + 1);
    }
    ADD_FAILURE() << "the procedure menu lacks a target";
    return "";
}

bool points_online(const std::string& answer) {
    return answer.find("dichvucong.gov.vn") != std::string::npos ||
           answer.find("VNeID") != std::string::npos;
}

TEST(ProcedureAnswers, EveryAnswerPointsOnlineWhenTheProcedureCanBeDoneOnline) {
    const auto content = testing::shipped_content();
    const Engine engine(content);
    const Scripts& scripts = content->scripts;
    for (const Medium& medium : {zalo(), sms(false), sms(true)}) {
        for (const Procedure& p : content->catalog.procedures) {
            SCOPED_TRACE(p.id + (medium.sms ? (medium.unicode ? " sms unicode" : " sms") : " zalo"));
            std::string state;
            const bool online = p.online.kind != OnlineSubmission::Kind::none;
            std::vector<std::string> answers{whole_answer(engine, state, p.name, medium)};
            for (Target target : {Target::documents, Target::fee_and_time, Target::online}) {
                answers.push_back(whole_answer(engine, state, choice_for(scripts, target), medium));
            }
            for (const std::string& answer : answers) {
                EXPECT_NE(answer.find(medium.sms && !medium.unicode ? to_gsm_ascii(p.name) : p.name),
                          std::string::npos)
                    << answer;
                EXPECT_EQ(points_online(answer), online) << answer;
            }
            if (online) {
                EXPECT_NE(answers.back().find(medium.sms && !medium.unicode ? "Buoc 1" : "Bước 1"),
                          std::string::npos)
                    << answers.back();
            }
        }
    }
}

// A long guide goes by SMS in parts, its online steps in the later ones; a citizen on a cheap
// phone may read only the first, which must already say where the procedure can be done online.
TEST(ProcedureAnswers, TheFirstSmsPartOfAGuideSaysWhereToSubmitOnline) {
    const auto content = testing::shipped_content();
    const Engine engine(content);
    for (const Medium& medium : {sms(false), sms(true)}) {
        for (const Procedure& p : content->catalog.procedures) {
            SCOPED_TRACE(p.id + (medium.unicode ? " sms unicode" : " sms"));
            const TurnResult result = engine.turn("", Input{Input::Kind::text, p.name}, medium);
            ASSERT_EQ(result.replies.size(), 1u);
            const std::string& first = result.replies.front().text;
            if (p.online.kind == OnlineSubmission::Kind::none) {
                EXPECT_FALSE(points_online(first)) << first;
            } else {
                const std::string portal =
                    medium.unicode ? p.online.portal : to_gsm_ascii(p.online.portal);
                EXPECT_NE(first.find(portal), std::string::npos) << first;
            }
        }
    }
}

// A copy of the shipped content with typographic characters in the catalog's texts.
class TypographicCatalog : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("motcua-typography-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        for (const char* file : {"catalog.json", "scripts.json", "language.json"}) {
            fs::copy_file(default_content_dir() / file, dir_ / file);
        }
        std::ifstream in(dir_ / "catalog.json");
        json catalog = json::parse(in);
        in.close();
        json& khai_tu = catalog["procedures"][1];
        khai_tu["documents"].push_back("Bản sao \u201cGiấy báo tử\u201d \u2013 n\u1EBFu c\u00F3\u2026");
        khai_tu["fee"] = "Mi\u1EC5n\u00A0l\u1EC7 ph\u00ED \u2018đúng hạn\u2019 \U0001F600";
        khai_tu["where"] = "Bộ phận một cửa\u2002[UBND xã] {tầng 1} ~ €";
        std::ofstream(dir_ / "catalog.json") << catalog.dump(2);
        std::vector<Problem> problems;
        content_ = load_content(dir_, problems);
        ASSERT_TRUE(content_) << (problems.empty() ? "" : problems.front().message);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    std::shared_ptr<const Content> content_;
};

TEST_F(TypographicCatalog, PlainSmsStaysGsm7AndReadable) {
    const Engine engine(content_);
    std::string state;
    const std::string answer = whole_answer(engine, state, "khai tu", sms(false));
    EXPECT_NE(answer.find("Ban sao \"Giay bao tu\" - neu co..."), std::string::npos) << answer;
    EXPECT_NE(answer.find("Mien le phi 'dung han'"), std::string::npos) << answer;
    EXPECT_NE(answer.find("Bo phan mot cua (UBND xa) (tang 1) - EUR"), std::string::npos) << answer;
    EXPECT_TRUE(is_gsm7(answer));
}

TEST_F(TypographicCatalog, UnicodeSmsStaysWithinTheSegmentLimit) {
    const Engine engine(content_);
    std::string state;
    const std::string answer = whole_answer(engine, state, "khai tử", sms(true));
    EXPECT_NE(answer.find("\u201cGiấy báo tử\u201d"), std::string::npos) << answer;
}

}  // namespace
}  // namespace motcua::dialogs
