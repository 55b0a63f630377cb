#pragma once
// Who follows which dossier (B4), on the channel they used. An opt-out is remembered, so that
// following a dossier automatically (the applicant's own phone) never overrides it.
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/message.hpp"
#include "store/session.hpp"

namespace motcua::store {

struct Follower {
    Channel channel = Channel::sms;
    std::string contact;

    bool operator==(const Follower&) const = default;
};

// The contact asked to follow: it follows, whatever it said before.
void follow_dossier(Transaction& tx, const std::string& code, const Follower& who, std::int64_t now_ms);
// Follows unless the contact has opted out of this dossier; true when it follows afterwards.
bool follow_dossier_unless_opted_out(Transaction& tx, const std::string& code, const Follower& who,
                                     std::int64_t now_ms);
void unfollow_dossier(Transaction& tx, const std::string& code, const Follower& who, std::int64_t now_ms);
// Every dossier the contact follows.
void unfollow_all_dossiers(Transaction& tx, const Follower& who, std::int64_t now_ms);

bool is_following(Session& s, const std::string& code, const Follower& who);
std::vector<Follower> followers_of(Session& s, const std::string& code);  // oldest first

}  // namespace motcua::store
