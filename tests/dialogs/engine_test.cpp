#include "dialogs/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "dialogs/text.hpp"
#include "tests/dialogs/dialogs_fixture.hpp"

namespace motcua::dialogs {
namespace {

Medium sms(bool unicode = false, int max_segments = 3) {
    Medium m;
    m.sms = true;
    m.unicode = unicode;
    m.max_segments = max_segments;
    return m;
}

Medium zalo(std::size_t max_chars = 2000) {
    Medium m;
    m.buttons = true;
    m.max_chars = max_chars;
    return m;
}

// One contact's conversation: each say() is a turn that starts from the previous state.
class Conversation {
public:
    explicit Conversation(Medium medium) : engine_(testing::shipped_content()), medium_(medium) {}

    TurnResult say(const std::string& text) { return send(Input{Input::Kind::text, text}); }
    TurnResult send(const Input& input) {
        TurnResult result = engine_.turn(state_, input, medium_);
        state_ = result.state;
        return result;
    }
    const std::string& state() const { return state_; }

private:
    Engine engine_;
    Medium medium_;
    std::string state_;
};

std::string all_text(const TurnResult& result) {
    std::string out;
    for (const Reply& r : result.replies) out += r.text + "\n";
    return out;
}

bool contains(const TurnResult& result, const std::string& needle) {
    return all_text(result).find(needle) != std::string::npos;
}

TEST(Engine, GreetingGetsTheMainMenu) {
    Conversation c(sms());
    TurnResult r = c.say("xin chao");
    EXPECT_EQ(r.intent, "greeting");
    ASSERT_EQ(r.replies.size(), 1u);
    EXPECT_TRUE(contains(r, "Xin chao!"));
    EXPECT_TRUE(contains(r, "1. Huong dan thu tuc\n2. Tra cuu ho so\n3. Gap can bo"));
}

TEST(Engine, MenuAndZeroShowTheMainMenu) {
    Conversation c(zalo());
    EXPECT_TRUE(contains(c.say("menu"), "1. Hướng dẫn thủ tục"));
    EXPECT_TRUE(contains(c.say("0"), "3. Gặp cán bộ"));
}

TEST(Engine, NotUnderstoodGetsTheMenuAndCountsMisses) {
    Conversation c(zalo());
    TurnResult r = c.say("asdfgh");
    EXPECT_EQ(r.intent, "unknown");
    EXPECT_TRUE(contains(r, "chưa hiểu"));
    EXPECT_TRUE(contains(r, "1. Hướng dẫn thủ tục"));
    EXPECT_NE(c.state().find("\"misses\":1"), std::string::npos);
    c.say("khai tử");
    EXPECT_NE(c.state().find("\"misses\":0"), std::string::npos);
}

const Effect* escalation_of(const TurnResult& result) {
    for (const Effect& effect : result.effects) {
        if (effect.kind == Effect::Kind::escalate) return &effect;
    }
    return nullptr;
}

TEST(Engine, TheSecondMissInARowEscalatesWithTheQuestion) {
    Conversation c(zalo());
    EXPECT_EQ(escalation_of(c.say("asdfgh")), nullptr);
    const TurnResult second = c.say("qwerty");
    EXPECT_EQ(second.intent, "unknown");
    const Effect* escalation = escalation_of(second);
    ASSERT_NE(escalation, nullptr);
    EXPECT_EQ(escalation->question, "asdfgh / qwerty");
    EXPECT_TRUE(second.replies.empty());  // the bot words the hand-over
    EXPECT_NE(c.state().find("\"misses\":0"), std::string::npos);
    EXPECT_EQ(escalation_of(c.say("zzz")), nullptr);  // counting starts again
}

TEST(Engine, ReturnsToBotOnlyForTheMenu) {
    const Engine engine(testing::shipped_content());
    EXPECT_TRUE(engine.returns_to_bot("menu"));
    EXPECT_TRUE(engine.returns_to_bot("Quay lại"));
    EXPECT_FALSE(engine.returns_to_bot("1"));
    EXPECT_FALSE(engine.returns_to_bot("0"));
    EXPECT_FALSE(engine.returns_to_bot("cảm ơn anh, khi nào tôi đến được?"));
}

// The bot reads each message ahead, off the store's writer thread (Engine::read): a turn given
// that reading must be the turn it would have taken on its own.
TEST(Engine, ATurnReadAheadIsTheSameTurn) {
    const Engine engine(testing::shipped_content());
    std::string state;
    for (const char* text : {"xin chao", "lam giay khai sinh can gi", "2", "Hồ sơ 000.00.19.H26-260101-0001",
                             "menu", "9", "toi muon gap can bo", "cam on"}) {
        const Reading reading = engine.read(text);
        EXPECT_EQ(reading.dossier_code, engine.dossier_code(text)) << text;
        Input read_ahead{Input::Kind::text, text};
        read_ahead.understanding = reading.understanding;
        const auto alone = engine.turn(state, Input{Input::Kind::text, text}, sms());
        const auto ahead = engine.turn(state, read_ahead, sms());
        EXPECT_EQ(all_text(ahead), all_text(alone)) << text;
        EXPECT_EQ(ahead.state, alone.state) << text;
        EXPECT_EQ(ahead.intent, alone.intent) << text;
        state = alone.state;
    }
    EXPECT_FALSE(engine.read("2").understanding);  // a choice number is read in its menu
    EXPECT_TRUE(engine.read("khai sinh").understanding);
}

// A request may carry 64 KiB of text in any script, which would cost the store's writer up to a
// second to read: the bot reads the first Engine::max_read_characters characters only.
TEST(Engine, OnlyTheOpeningOfALongMessageIsRead) {
    const Engine engine(testing::shipped_content());
    std::string opening = "khai tu ";
    while (code_points(opening) < Engine::max_read_characters) opening += "漢";
    const std::string whole = opening + " menu 000.00.19.H26-260101-0001";
    EXPECT_EQ(engine.dossier_code(whole), "");
    EXPECT_EQ(engine.read(whole).dossier_code, "");
    EXPECT_EQ(engine.returns_to_bot(whole), engine.returns_to_bot(opening));
    const auto read = engine.turn("", Input{Input::Kind::text, whole}, sms());
    const auto opening_only = engine.turn("", Input{Input::Kind::text, opening}, sms());
    EXPECT_EQ(all_text(read), all_text(opening_only));
    EXPECT_EQ(read.state, opening_only.state);
    EXPECT_EQ(read.intent, opening_only.intent);
    EXPECT_NE(read.intent, "menu");
}

TEST(Engine, FollowAndUnsupportedInputs) {
    Conversation c(zalo());
    TurnResult follow = c.send(Input{Input::Kind::follow, ""});
    EXPECT_TRUE(contains(follow, "Cảm ơn ông/bà"));
    EXPECT_TRUE(contains(follow, "1. Hướng dẫn thủ tục"));
    TurnResult sticker = c.send(Input{Input::Kind::unsupported, ""});
    EXPECT_TRUE(contains(sticker, "chỉ đọc được tin nhắn chữ"));
    EXPECT_TRUE(contains(sticker, "2. Tra cứu hồ sơ"));
}

TEST(Engine, ProcedureListThenAChoice) {
    Conversation c(zalo());
    c.say("chào");
    TurnResult list = c.say("1");
    EXPECT_TRUE(contains(list, "1. Đăng ký khai sinh"));
    EXPECT_TRUE(contains(list, "2. Đăng ký khai tử"));
    EXPECT_TRUE(contains(list, "8. Đăng ký thường trú"));
    TurnResult guide = c.say("2");
    EXPECT_EQ(guide.intent, "procedure");
    EXPECT_TRUE(contains(guide, "Giấy báo tử"));
}

void expect_khai_tu_guide(const TurnResult& r) {
    EXPECT_EQ(r.intent, "procedure");
    for (const char* part : {"Đăng ký khai tử", "Giấy tờ cần mang", "Giấy báo tử", "15 ngày",
                             "Lệ phí: Miễn lệ phí", "Thời hạn giải quyết", "15 giờ", "Nơi nộp",
                             "dichvucong.gov.vn", "VNeID", "1. Giấy tờ cần mang",
                             "2. Lệ phí và thời hạn", "3. Nộp trực tuyến", "4. Gặp cán bộ"}) {
        EXPECT_TRUE(contains(r, part)) << part << "\n" << all_text(r);
    }
}

TEST(Engine, KhaiTuWithAndWithoutDiacriticsAndInNfd) {
    for (const char* text : {"khai tử", "khai tu", "khai tu\u031b\u0309", "Đăng ký khai tử",
                             "bà tôi mất"}) {
        Conversation c(zalo());
        expect_khai_tu_guide(c.say(text));
    }
    Conversation nfc(zalo()), nfd(zalo());
    EXPECT_EQ(all_text(nfc.say("khai t\u1eed")), all_text(nfd.say("khai tu\u031b\u0309")));
}

TEST(Engine, ProcedureMenuChoices) {
    Conversation c(zalo());
    c.say("khai tu");
    TurnResult documents = c.say("1");
    EXPECT_TRUE(contains(documents, "Giấy báo tử"));
    EXPECT_FALSE(contains(documents, "Lệ phí:"));
    TurnResult fee = c.say("2");
    EXPECT_TRUE(contains(fee, "Lệ phí: Miễn lệ phí"));
    EXPECT_FALSE(contains(fee, "Giấy báo tử hoặc"));
    TurnResult online = c.say("3");
    EXPECT_TRUE(contains(online, "Bước 1:"));
    TurnResult officer = c.say("4");
    EXPECT_EQ(officer.intent, "escalate");
    const Effect* escalation = escalation_of(officer);
    ASSERT_NE(escalation, nullptr);
    EXPECT_EQ(escalation->procedure, "khai_tu");
    EXPECT_EQ(escalation->field, "ho_tich");
}

TEST(Engine, DossierStatusAndOfficerChoicesAnswerHonestly) {
    Conversation c(zalo());
    c.say("menu");
    TurnResult status = c.say("2");
    EXPECT_EQ(status.intent, "dossier_status");
    EXPECT_TRUE(contains(status, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
    TurnResult officer = c.say("3");
    EXPECT_EQ(officer.intent, "escalate");
    ASSERT_NE(escalation_of(officer), nullptr);
    EXPECT_EQ(escalation_of(officer)->question, "menu");
}

TEST(Engine, AChoiceThatDoesNotExist) {
    Conversation c(zalo());
    c.say("menu");
    TurnResult r = c.say("9");
    EXPECT_TRUE(contains(r, "Không có lựa chọn số 9."));
    EXPECT_TRUE(contains(r, "1. Hướng dẫn thủ tục"));
}

TEST(Engine, SmsWithoutUnicodeIsPlainGsm7) {
    Conversation c(sms());
    for (const char* text : {"chào", "khai tử", "0", "0", "1", "2", "3", "4", "menu", "1", "8"}) {
        for (const Reply& r : c.say(text).replies) {
            EXPECT_TRUE(is_gsm7(r.text)) << r.text;
            EXPECT_TRUE(std::all_of(r.text.begin(), r.text.end(),
                                    [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
                << r.text;
            EXPECT_TRUE(r.choices.empty());
        }
    }
}

// Reads "(k/n)" from a continuation prompt.
std::pair<int, int> page_of(const std::string& text) {
    std::smatch m;
    if (!std::regex_search(text, m, std::regex("\\((\\d+)/(\\d+)\\)"))) return {0, 0};
    return {std::stoi(m[1]), std::stoi(m[2])};
}

TEST(Engine, LongSmsAnswersAreContinuedWithinTheSegmentLimit) {
    for (bool unicode : {false, true}) {
        for (int max_segments : {1, 2, 3}) {
            SCOPED_TRACE(std::string(unicode ? "unicode" : "gsm") + " max " +
                         std::to_string(max_segments));
            Conversation c(sms(unicode, max_segments));
            TurnResult r = c.say("khai tu");
            ASSERT_EQ(r.replies.size(), 1u);
            const int pages = page_of(r.replies[0].text).second;
            ASSERT_GT(pages, 1) << r.replies[0].text;
            std::string whole;
            for (int page = 1; page <= pages; ++page) {
                if (page > 1) r = c.say(unicode ? "xem tiếp" : "0");
                ASSERT_EQ(r.replies.size(), 1u);
                const std::string& text = r.replies[0].text;
                EXPECT_LE(sms_segments(text), static_cast<std::size_t>(max_segments)) << text;
                // Every part but the last ends with its numbered prompt.
                EXPECT_EQ(page_of(text).first, page < pages ? page : 0) << text;
                whole += text + "\n";
            }
            EXPECT_NE(whole.find(unicode ? "Giấy báo tử" : "Giay bao tu"), std::string::npos);
            EXPECT_NE(whole.find(unicode ? "4. Gặp cán bộ" : "4. Gap can bo"), std::string::npos);
            // Nothing is pending any more: 0 is the main menu again.
            EXPECT_TRUE(contains(c.say("0"), unicode ? "Ông/bà cần hỗ trợ gì?" : "Ong/ba can ho tro gi?"));
        }
    }
}

TEST(Engine, AnotherMessageDropsTheRestOfALongAnswer) {
    Conversation c(sms());
    EXPECT_EQ(page_of(all_text(c.say("khai tu"))).first, 1);
    EXPECT_TRUE(contains(c.say("menu"), "1. Huong dan thu tuc"));
    TurnResult zero = c.say("0");
    EXPECT_EQ(page_of(all_text(zero)).first, 0);
    EXPECT_TRUE(contains(zero, "1. Huong dan thu tuc"));
}

TEST(Engine, ZaloChoicesAreButtonsToo) {
    Conversation c(zalo());
    TurnResult menu = c.say("menu");
    ASSERT_EQ(menu.replies.size(), 1u);
    const std::vector<Choice>& buttons = menu.replies[0].choices;
    ASSERT_EQ(buttons.size(), 3u);
    EXPECT_EQ(buttons[0].title, "Hướng dẫn thủ tục");
    EXPECT_EQ(buttons[0].payload, "1");
    EXPECT_EQ(buttons[2].payload, "3");
    TurnResult list = c.say(buttons[0].payload);
    EXPECT_EQ(list.replies.back().choices.size(), 5u);  // Zalo's limit; the text lists all 8
    EXPECT_TRUE(contains(list, "8. Đăng ký thường trú"));
}

TEST(Engine, LongZaloTextsAreSplitWithButtonsOnTheLast) {
    Conversation c(zalo(300));
    TurnResult r = c.say("khai tử");
    ASSERT_GT(r.replies.size(), 1u);
    for (std::size_t i = 0; i < r.replies.size(); ++i) {
        EXPECT_LE(code_points(r.replies[i].text), 300u) << r.replies[i].text;
        EXPECT_EQ(r.replies[i].choices.empty(), i + 1 < r.replies.size());
    }
    EXPECT_EQ(c.state().find("pending"), std::string::npos);
}

TEST(Engine, UnreadableStateStartsAfresh) {
    Engine engine(testing::shipped_content());
    for (const char* state : {"{{garbage", "[]", "{\"v\":99}", "{\"v\":1,\"menu\":3}", "{\"v\":\"1\"}",
                              "{\"v\":1,\"procedure\":\"gone\",\"menu\":\"procedure\"}"}) {
        TurnResult r = engine.turn(state, Input{Input::Kind::text, "1"}, zalo());
        EXPECT_TRUE(contains(r, "1. Đăng ký khai sinh")) << state;  // main menu's choice 1
    }
}

TEST(Engine, RefusesMissingContent) {
    EXPECT_THROW(Engine(nullptr), std::invalid_argument);
}

}  // namespace
}  // namespace motcua::dialogs
