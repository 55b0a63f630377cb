#pragma once
// Dialog content as data: the procedure catalog and the dialog scripts (menus, fixed texts) that
// a commune edits without a compiler. Loading validates everything and names each problem.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace motcua::dialogs {

// One problem in a content file, printed by `motcua check` as "file: path.to.field: message".
struct Problem {
    std::string file;     // file name relative to the content directory, e.g. "catalog.json"
    std::string path;     // e.g. "procedures[2].fee"
    std::string message;  // e.g. "missing text"
};

struct Content;  // defined in dialogs/content_model.hpp

// Loads every content file under dir. Returns nullptr when any problem was found (each is
// appended to problems); a partly valid catalog is never served.
std::shared_ptr<const Content> load_content(const std::filesystem::path& dir,
                                            std::vector<Problem>& problems);

// The directory shipped with motcua (dialogs/data of the source tree).
std::filesystem::path default_content_dir();

}  // namespace motcua::dialogs
