#include "dialogs/content_reader.hpp"

#include <algorithm>

#include "dialogs/text.hpp"

namespace motcua::dialogs {

using nlohmann::json;

std::string excerpt(const std::string& value) {
    constexpr std::size_t shown_code_points = 40;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool starts_code_point = (static_cast<unsigned char>(value[i]) & 0xC0) != 0x80;
        if (starts_code_point && seen++ == shown_code_points) return value.substr(0, i) + "...";
    }
    return value;
}

std::string member_path(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string element_path(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

ContentReader::ContentReader(std::string file, std::vector<Problem>& problems)
    : file_(std::move(file)), problems_(problems) {}

void ContentReader::problem(const std::string& path, const std::string& message) {
    problems_.push_back(Problem{file_, path, message});
    ++count_;
}

std::string ContentReader::text(const json& obj, const std::string& path, const char* key,
                                bool optional) {
    const std::string where = member_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (!optional) problem(where, "missing text");
        return {};
    }
    if (!it->is_string()) {
        problem(where, "bad type: expected text");
        return {};
    }
    std::string value = nfc(it->get<std::string>());
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        problem(where, "missing text");
        return {};
    }
    return value;
}

std::vector<std::string> ContentReader::texts(const json& obj, const std::string& path,
                                              const char* key, bool optional) {
    const std::string where = member_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (!optional) problem(where, "missing list");
        return {};
    }
    if (!it->is_array()) {
        problem(where, "bad type: expected a list of texts");
        return {};
    }
    if (it->empty() && !optional) problem(where, "empty list");
    std::vector<std::string> values;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        std::string value = item.is_string() ? nfc(item.get<std::string>()) : std::string();
        if (!item.is_string()) {
            problem(element_path(where, i), "bad type: expected text");
        } else if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
            problem(element_path(where, i), "missing text");
        } else {
            values.push_back(std::move(value));
        }
    }
    return values;
}

const json* ContentReader::object(const json& obj, const std::string& path, const char* key) {
    const std::string where = member_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        problem(where, "missing");
        return nullptr;
    }
    if (!it->is_object()) {
        problem(where, "bad type: expected an object");
        return nullptr;
    }
    return &*it;
}

const json* ContentReader::list(const json& obj, const std::string& path, const char* key) {
    const std::string where = member_path(path, key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        problem(where, "missing list");
        return nullptr;
    }
    if (!it->is_array()) {
        problem(where, "bad type: expected a list");
        return nullptr;
    }
    if (it->empty()) {
        problem(where, "empty list");
        return nullptr;
    }
    return &*it;
}

void ContentReader::reject_unknown_keys(const json& obj, const std::string& path,
                                        std::initializer_list<const char*> known) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool is_known = std::any_of(known.begin(), known.end(),
                                    [&](const char* k) { return it.key() == k; });
        if (!is_known) problem(member_path(path, it.key()), "unknown key");
    }
}

}  // namespace motcua::dialogs
