#include "dialogs/content.hpp"

#include <fstream>
#include <sstream>

#include "dialogs/content_files.hpp"

namespace motcua::dialogs {
namespace {

// The parsed document, or null (with a problem) when the file cannot be read or parsed.
nlohmann::json read_json(const std::filesystem::path& dir, const std::string& file,
                         ContentReader& reader) {
    std::ifstream in(dir / file, std::ios::binary);
    if (!in) {
        reader.problem("$", "cannot read " + (dir / file).string());
        return nullptr;
    }
    std::ostringstream body;
    body << in.rdbuf();
    try {
        return nlohmann::json::parse(body.str());
    } catch (const nlohmann::json::exception& e) {
        // A syntax error, or a number too large for a double (1e999): both only a problem to report.
        reader.problem("$", std::string("invalid JSON: ") + e.what());
        return nullptr;
    }
}

}  // namespace

std::shared_ptr<const Content> load_content(const std::filesystem::path& dir,
                                            std::vector<Problem>& problems) {
    auto content = std::make_shared<Content>();
    PhraseOwners phrase_owners;
    ContentReader catalog_reader("catalog.json", problems);
    nlohmann::json catalog = read_json(dir, "catalog.json", catalog_reader);
    if (!catalog.is_null()) content->catalog = read_catalog(catalog, phrase_owners, catalog_reader);
    ContentReader scripts_reader("scripts.json", problems);
    nlohmann::json scripts = read_json(dir, "scripts.json", scripts_reader);
    if (!scripts.is_null()) content->scripts = read_scripts(scripts, phrase_owners, scripts_reader);
    ContentReader language_reader("language.json", problems);
    nlohmann::json language = read_json(dir, "language.json", language_reader);
    if (!language.is_null()) {
        content->lexicon =
            read_lexicon(language, content->catalog, content->scripts, language_reader);
    }
    if (catalog_reader.problem_count() + scripts_reader.problem_count() +
            language_reader.problem_count() > 0) {
        return nullptr;
    }
    return content;
}

std::filesystem::path default_content_dir() { return MOTCUA_DIALOGS_DIR; }

}  // namespace motcua::dialogs
