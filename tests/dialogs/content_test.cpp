#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include <nlohmann/json.hpp>

#include "dialogs/content.hpp"
#include "dialogs/content_model.hpp"

namespace motcua::dialogs {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json read(const fs::path& file) {
    std::ifstream in(file);
    return json::parse(in);
}

// A copy of the shipped content in a fresh directory, edited by the test.
class BrokenContent : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("motcua-content-" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        catalog_ = read(default_content_dir() / "catalog.json");
        scripts_ = read(default_content_dir() / "scripts.json");
        language_ = read(default_content_dir() / "language.json");
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::shared_ptr<const Content> load() {
        std::ofstream(dir_ / "catalog.json") << catalog_.dump(2);
        std::ofstream(dir_ / "scripts.json") << scripts_.dump(2);
        std::ofstream(dir_ / "language.json") << language_.dump(2);
        return load_content(dir_, problems_);
    }

    bool has(const std::string& file, const std::string& path, const std::string& message) const {
        return std::any_of(problems_.begin(), problems_.end(), [&](const Problem& p) {
            return p.file == file && p.path == path &&
                   p.message.find(message) != std::string::npos;
        });
    }

    std::string listed() const {
        std::string out;
        for (const Problem& p : problems_) out += p.file + ": " + p.path + ": " + p.message + "\n";
        return out;
    }

    fs::path dir_;
    json catalog_;
    json scripts_;
    json language_;
    std::vector<Problem> problems_;
};

TEST(ShippedContent, LoadsWithoutProblems) {
    std::vector<Problem> problems;
    auto content = load_content(default_content_dir(), problems);
    ASSERT_TRUE(content);
    EXPECT_TRUE(problems.empty());
}

TEST(ShippedContent, HasTheEightProceduresAndFourFields) {
    std::vector<Problem> problems;
    auto content = load_content(default_content_dir(), problems);
    ASSERT_TRUE(content);
    std::vector<std::string> ids;
    for (const Procedure& p : content->catalog.procedures) ids.push_back(p.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"khai_sinh", "khai_tu", "ket_hon",
                                             "xac_nhan_hon_nhan", "chung_thuc_ban_sao",
                                             "chung_thuc_chu_ky", "chung_thuc_hop_dong",
                                             "thuong_tru"}));
    for (const char* field : {"ho_tich", "chung_thuc", "cu_tru", "dat_dai"}) {
        EXPECT_TRUE(content->catalog.field(field)) << field;
    }
    EXPECT_EQ(content->catalog.procedure("khai_tu")->code, "1.000656");
    EXPECT_EQ(content->catalog.procedure("khai_tu")->linked_code, "2.002913");
}

TEST(ShippedContent, EveryOnlineProcedureSaysWhereToSubmit) {
    std::vector<Problem> problems;
    auto content = load_content(default_content_dir(), problems);
    ASSERT_TRUE(content);
    for (const Procedure& p : content->catalog.procedures) {
        if (p.online.kind == OnlineSubmission::Kind::none) continue;
        EXPECT_TRUE(p.online.how.find("dichvucong.gov.vn") != std::string::npos ||
                    p.online.how.find("VNeID") != std::string::npos)
            << p.id;
        EXPECT_FALSE(p.online.steps.empty()) << p.id;
    }
}

TEST_F(BrokenContent, NamesEachProblemWithItsPath) {
    catalog_["procedures"][2]["fee"] = "";
    catalog_["procedures"][1]["field"] = "thue";
    catalog_["procedures"][3]["id"] = "khai_sinh";
    catalog_["procedures"][0]["documents"] = "Tờ khai";
    catalog_["procedures"][4]["online"]["kind"] = "muc_do_4";
    catalog_["procedures"][5]["code"] = "2000884";
    catalog_["procedures"][6]["fees"] = "50.000 đồng";
    catalog_["procedures"][7].erase("where");
    scripts_["main_menu"]["choices"][1]["target"] = "nowhere";
    scripts_["main_menu"]["choices"][2]["target"] = "documents";
    scripts_["texts"].erase("greeting");
    scripts_["texts"]["bad_choice"] = "Không có số {so}.";
    const std::string greeting_path =
        "phrases.greeting[" + std::to_string(scripts_["phrases"]["greeting"].size()) + "]";
    scripts_["phrases"]["greeting"].push_back("khai tử");

    EXPECT_FALSE(load());
    EXPECT_TRUE(has("catalog.json", "procedures[2].fee", "missing text")) << listed();
    EXPECT_TRUE(has("catalog.json", "procedures[1].field", "unknown field reference 'thue'"));
    EXPECT_TRUE(has("catalog.json", "procedures[3].id", "duplicate id 'khai_sinh'"));
    EXPECT_TRUE(has("catalog.json", "procedures[0].documents", "bad type"));
    EXPECT_TRUE(has("catalog.json", "procedures[4].online.kind", "unknown online kind"));
    EXPECT_TRUE(has("catalog.json", "procedures[5].code", "bad national code"));
    EXPECT_TRUE(has("catalog.json", "procedures[6].fees", "unknown key"));
    EXPECT_TRUE(has("catalog.json", "procedures[7].where", "missing text"));
    EXPECT_TRUE(has("scripts.json", "main_menu.choices[1].target", "unknown menu target 'nowhere'"));
    EXPECT_TRUE(has("scripts.json", "main_menu.choices[2].target", "needs a procedure"));
    EXPECT_TRUE(has("scripts.json", "texts.greeting", "missing text"));
    EXPECT_TRUE(has("scripts.json", "texts.bad_choice", "unknown placeholder {so}"));
    EXPECT_TRUE(has("scripts.json", greeting_path, "already names procedure 'khai_tu'"));
    EXPECT_EQ(problems_.size(), 13u) << listed();
}

TEST_F(BrokenContent, TheSamePhraseForTwoProceduresIsAProblem) {
    catalog_["procedures"][0]["phrases"].push_back("Khai tu");
    EXPECT_FALSE(load());
    EXPECT_TRUE(has("catalog.json", "procedures[1].phrases[0]", "already names procedure 'khai_sinh'"))
        << listed();
}

TEST_F(BrokenContent, WrongTypesAreProblemsNotCrashes) {
    catalog_["fields"] = json::object();
    catalog_["procedures"][0] = 42;
    scripts_["procedure_menu"] = "menu";
    scripts_["phrases"]["more"] = json::array({1, ""});
    EXPECT_FALSE(load());
    EXPECT_TRUE(has("catalog.json", "fields", "bad type")) << listed();
    EXPECT_TRUE(has("catalog.json", "procedures[0]", "bad type"));
    EXPECT_TRUE(has("scripts.json", "procedure_menu", "bad type"));
    EXPECT_TRUE(has("scripts.json", "phrases.more[0]", "bad type"));
    EXPECT_TRUE(has("scripts.json", "phrases.more[1]", "missing text"));
}

TEST_F(BrokenContent, InvalidJsonAndMissingFile) {
    load();
    problems_.clear();
    std::ofstream(dir_ / "catalog.json") << "{\"fields\": [";
    fs::remove(dir_ / "scripts.json");
    EXPECT_FALSE(load_content(dir_, problems_));
    EXPECT_TRUE(has("catalog.json", "$", "invalid JSON")) << listed();
    EXPECT_TRUE(has("scripts.json", "$", "cannot read"));
    problems_.clear();
    std::ofstream(dir_ / "scripts.json") << "{\"version\": 1e999}";
    EXPECT_FALSE(load_content(dir_, problems_));
    EXPECT_TRUE(has("scripts.json", "$", "number overflow")) << listed();
}

TEST(ShippedContent, LexiconKnowsThePhrasesAndTheAbbreviations) {
    std::vector<Problem> problems;
    auto content = load_content(default_content_dir(), problems);
    ASSERT_TRUE(content);
    const Lexicon& lexicon = content->lexicon;
    EXPECT_EQ(lexicon.abbreviations.at("ko"), "khong");
    EXPECT_EQ(lexicon.abbreviations.at("sdt"), "so dien thoai");
    for (const char* word : {"khai", "sinh", "tu", "ki", "thuong", "khong", "duoc"}) {
        EXPECT_TRUE(lexicon.vocabulary.contains(word)) << word;
    }
    EXPECT_FALSE(lexicon.vocabulary.contains("*"));
    EXPECT_EQ(lexicon.joined.at("khaisinh"), "khai sinh");
}

TEST(ShippedContent, EveryProcedureThatCanBeDoneOnlineSaysWhere) {
    std::vector<Problem> problems;
    auto content = load_content(default_content_dir(), problems);
    ASSERT_TRUE(content);
    for (const Procedure& p : content->catalog.procedures) {
        if (p.online.kind == OnlineSubmission::Kind::none) {
            EXPECT_EQ(p.online.portal, "") << p.id;
        } else {
            EXPECT_TRUE(p.online.portal.find("dichvucong.gov.vn") != std::string::npos ||
                        p.online.portal.find("VNeID") != std::string::npos)
                << p.id;
        }
    }
}

TEST_F(BrokenContent, LanguageProblems) {
    language_["abbreviations"]["hai tu"] = "x";
    language_["abbreviations"]["mot"] = "";
    language_["abbreviations"]["đt"] = "đặt";  // "dt" already stands for "điện thoại"
    language_["abbreviations"]["sinh"] = "sinh sống";  // a word of a phrase
    language_["known_words"].push_back("!!!");
    language_["spelling"] = json::object();
    EXPECT_FALSE(load());
    EXPECT_TRUE(has("language.json", "abbreviations.hai tu", "one word")) << listed();
    EXPECT_TRUE(has("language.json", "abbreviations.mot", "missing text"));
    EXPECT_TRUE(has("language.json", "abbreviations.đt", "already stands for"));
    EXPECT_TRUE(has("language.json", "abbreviations.sinh", "word of a phrase"));
    EXPECT_TRUE(has("language.json", "known_words[" +
                        std::to_string(language_["known_words"].size() - 1) + "]",
                    "no letters"));
    EXPECT_TRUE(has("language.json", "spelling", "unknown key"));
}

TEST_F(BrokenContent, MissingLanguageFile) {
    load();
    problems_.clear();
    fs::remove(dir_ / "language.json");
    EXPECT_FALSE(load_content(dir_, problems_));
    EXPECT_TRUE(has("language.json", "$", "cannot read")) << listed();
}

TEST_F(BrokenContent, GapsOnlyBetweenWords) {
    catalog_["procedures"][1]["phrases"].push_back("* mất");
    catalog_["procedures"][1]["phrases"].push_back("bà *");
    catalog_["procedures"][1]["phrases"].push_back("*");
    EXPECT_FALSE(load());
    const std::size_t n = catalog_["procedures"][1]["phrases"].size();
    for (std::size_t i = n - 3; i < n; ++i) {
        EXPECT_TRUE(has("catalog.json", "procedures[1].phrases[" + std::to_string(i) + "]",
                        "cannot begin or end with *"))
            << listed();
    }
}

// A megabyte in a checked field once overflowed the stack of the regex that checked it.
TEST_F(BrokenContent, AVeryLongValueIsAProblemNotACrash) {
    const std::string megabyte(1 << 20, 'a');
    catalog_["procedures"][0]["id"] = megabyte + "!";
    catalog_["procedures"][1]["code"] = "1." + megabyte;
    scripts_["texts"]["bad_choice"] = "{" + megabyte + "}";
    EXPECT_FALSE(load());
    EXPECT_TRUE(has("catalog.json", "procedures[0].id", "bad id 'aaaa")) << listed();
    EXPECT_TRUE(has("catalog.json", "procedures[1].code", "bad national code '1.aa"));
    EXPECT_TRUE(has("scripts.json", "texts.bad_choice", "unknown placeholder {aaaa"));
    for (const Problem& p : problems_) EXPECT_LT(p.message.size(), 200u) << "the value is quoted whole";
}

TEST_F(BrokenContent, OnlineSubmissionMustSayWhereExactlyWhenPossible) {
    catalog_["procedures"][0]["online"].erase("portal");
    catalog_["procedures"][5]["online"]["portal"] = "dichvucong.gov.vn";
    EXPECT_FALSE(load());
    EXPECT_TRUE(has("catalog.json", "procedures[0].online.portal", "missing text")) << listed();
    EXPECT_TRUE(has("catalog.json", "procedures[5].online.portal", "not allowed")) << listed();
}

}  // namespace
}  // namespace motcua::dialogs
