#pragma once
// Reads one content file's JSON while recording every problem with its path, so a commune that
// edits the files hears about all its mistakes at once instead of the first one.
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialogs/content.hpp"

namespace motcua::dialogs {

class ContentReader {
public:
    ContentReader(std::string file, std::vector<Problem>& problems);

    void problem(const std::string& path, const std::string& message);
    std::size_t problem_count() const { return count_; }

    // obj[key] as a non-empty NFC text; "" (and a problem unless optional) when absent or empty.
    std::string text(const nlohmann::json& obj, const std::string& path, const char* key,
                     bool optional = false);
    // obj[key] as a list of non-empty NFC texts; at least one unless optional.
    std::vector<std::string> texts(const nlohmann::json& obj, const std::string& path,
                                   const char* key, bool optional = false);
    // obj[key] when it is an object / a non-empty array; nullptr (and a problem) otherwise.
    const nlohmann::json* object(const nlohmann::json& obj, const std::string& path,
                                 const char* key);
    const nlohmann::json* list(const nlohmann::json& obj, const std::string& path,
                               const char* key);
    // A problem for every key of obj not in known: a misspelt key would otherwise be ignored.
    void reject_unknown_keys(const nlohmann::json& obj, const std::string& path,
                             std::initializer_list<const char*> known);

private:
    std::string file_;
    std::vector<Problem>& problems_;
    std::size_t count_ = 0;
};

// A value as a problem quotes it: whole when short, else its first characters and "...", so a
// value pasted by mistake (a whole document in an id) does not flood the report.
std::string excerpt(const std::string& value);

// "a.b" / "b" and "a[3]": the paths problems are reported with.
std::string member_path(const std::string& path, const std::string& key);
std::string element_path(const std::string& path, std::size_t index);

}  // namespace motcua::dialogs
