#pragma once
// Dossier codes (mã hồ sơ) as printed on the receipt slip and as citizens retype them: agency
// parts separated by dots with the province code (H23, G09) first or last, a date of 6 or 8
// digits, and a sequence of 4 to 7 digits: "H23.22-220110-0001", "000.00.20.H23-220110-0001".
#include <optional>
#include <string>
#include <string_view>

namespace motcua::dialogs {

// The first dossier code in text, in canonical form (upper case, parts joined by single dashes,
// no spaces). Tolerates lower case, spaces around the dashes ("h23.22 - 220110 - 0001"), and
// dashes dropped where the split is unambiguous ("H23.22 220110 0001", "H23.22-2201100001").
// Phone numbers, dates, amounts of money and procedure codes ("1.000656") are not codes.
std::optional<std::string> find_dossier_code(std::string_view text);

}  // namespace motcua::dialogs
