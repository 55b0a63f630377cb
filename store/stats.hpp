#pragma once
// The figures of GET /api/v1/stats (SPEC 4.5) for a period [from_ms, to_ms): messages per
// channel, conversations, intents, escalations per officer and per unit with the time to the
// first officer answer, dossier lookups, and per unit the procedures asked about.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/session.hpp"

namespace motcua::store {

struct EscalationFigures {
    std::int64_t escalations = 0;
    std::int64_t answered = 0;
    std::int64_t unanswered = 0;                 // not answered by an officer (yet, or ever)
    std::optional<double> median_answer_s;       // over the answered ones
};

struct Stats {
    std::map<std::string, std::int64_t> messages_in;   // by channel name
    std::map<std::string, std::int64_t> messages_out;  // by channel name
    std::int64_t conversations = 0;                    // contacts (channel + contact) who wrote
    std::map<std::string, std::int64_t> intents;
    std::map<std::string, EscalationFigures> escalations_by_officer;  // created in the period
    std::map<std::string, EscalationFigures> escalations_by_unit;
    std::int64_t dossier_lookups = 0;
    std::int64_t dossier_lookups_found = 0;
    std::map<std::string, std::map<std::string, std::int64_t>> procedures_by_unit;  // unit → procedure → turns
};

Stats read_stats(Session& s, std::int64_t from_ms, std::int64_t to_ms);

// The median of the values (the mean of the two middle ones for an even count); nullopt when empty.
std::optional<double> median(std::vector<double> values);

}  // namespace motcua::store
