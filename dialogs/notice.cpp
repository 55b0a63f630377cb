#include "dialogs/notice.hpp"

#include <string>

namespace motcua::dialogs {

std::vector<Reply> notice_replies(const Message& message, const Medium& medium, const Scripts& scripts) {
    Rendering rendering = render(message, medium, [&](std::size_t page, std::size_t pages) {
        return scripts.text("notice_part", {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}});
    });
    for (std::string& part : rendering.pending) rendering.replies.push_back(Reply{std::move(part), {}});
    return std::move(rendering.replies);
}

}  // namespace motcua::dialogs
