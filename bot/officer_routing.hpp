#pragma once
// Whom an escalation goes to (B5, B7): an active officer of the conversation's unit whose
// fields include its subject's field; failing that, any active officer of the unit. Pure, so
// the rule is tested on its own.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/officers.hpp"

namespace motcua::bot {

// field "" (the subject is unknown) matches any officer of the unit. Officers in `excluded` are
// passed over. Among equals, the first by id: the same case always goes to the same person.
std::optional<store::Officer> route_escalation(const std::vector<store::Officer>& officers, const std::string& unit,
                                               const std::string& field, const std::set<std::string>& excluded = {});

// B7: the officer an unanswered escalation passes to from `current`: current's backup when it
// is active and has not had the case yet, else another officer by route_escalation; nullopt
// when everybody who could has had it. tried: the officers who had it, current included.
std::optional<store::Officer> next_officer(const std::vector<store::Officer>& officers, const store::Officer& current,
                                           const std::string& unit, const std::string& field,
                                           const std::set<std::string>& tried);

}  // namespace motcua::bot
