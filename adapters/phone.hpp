#pragma once
// Phone numbers as citizens and gateways write them, reduced to one form (E.164) so that the
// same person is the same contact whichever way the number was typed.
#include <optional>
#include <string>
#include <string_view>

namespace motcua::adapters {

// "0912345678", "84912345678", "+84 912 345 678", "(+84) 912.345.678", "0084912345678" and
// "+84 (0) 912 345 678" all give "+84912345678". A Vietnamese number is a mobile (9 digits
// after the country code, starting 3, 5, 7, 8 or 9) or a fixed line (10 digits starting 2).
// Another country's number is accepted only in international form ("+" or "00", 8 to 15
// digits). Spaces, dots, dashes and parentheses are ignored; anything else gives nullopt.
std::optional<std::string> to_e164(std::string_view written);

// What logs may show of a number: "+84912345678" -> "+8491****678". Short strings are masked
// whole but for their last two characters, so no phone number ever appears entire.
std::string mask_phone(std::string_view phone);

// Free text (a reply logged by the demo, a gateway's error message) with every phone number
// in it masked: 9 or more digits, maybe after "+", maybe in groups ("0912 345 678",
// "0912.345.678", "(024) 3825 3325", "0912-345-678"). A Vietnamese or international number is
// masked as mask_phone shows its E.164 form; any other long run all but its last two digits.
// Dossier codes ("H15.50.05.13-261008-0975": long parts joined by dashes) stay as they are;
// dates and amounts have fewer digits.
std::string mask_phones_in(std::string_view text);

}  // namespace motcua::adapters
