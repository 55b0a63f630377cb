#include "store/followers.hpp"

#include "store/channel_column.hpp"
#include "store/statement.hpp"

namespace motcua::store {
namespace {

void set_following(Transaction& tx, const std::string& code, const Follower& who, bool following,
                   std::int64_t now_ms) {
    tx.prepare(
          "INSERT INTO dossier_followers (code, channel, contact, following, since)"
          " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code, channel, contact) DO UPDATE SET"
          " following = excluded.following, since = excluded.since"
          " WHERE following <> excluded.following")
        .bind(1, code)
        .bind(2, channel_name(who.channel))
        .bind(3, who.contact)
        .bind(4, following ? 1 : 0)
        .bind(5, now_ms)
        .execute();
}

}  // namespace

void follow_dossier(Transaction& tx, const std::string& code, const Follower& who, std::int64_t now_ms) {
    set_following(tx, code, who, true, now_ms);
}

bool follow_dossier_unless_opted_out(Transaction& tx, const std::string& code, const Follower& who,
                                     std::int64_t now_ms) {
    tx.prepare(
          "INSERT INTO dossier_followers (code, channel, contact, following, since)"
          " VALUES (?1, ?2, ?3, 1, ?4) ON CONFLICT (code, channel, contact) DO NOTHING")
        .bind(1, code)
        .bind(2, channel_name(who.channel))
        .bind(3, who.contact)
        .bind(4, now_ms)
        .execute();
    return is_following(tx, code, who);
}

void unfollow_dossier(Transaction& tx, const std::string& code, const Follower& who, std::int64_t now_ms) {
    set_following(tx, code, who, false, now_ms);
}

void unfollow_all_dossiers(Transaction& tx, const Follower& who, std::int64_t now_ms) {
    tx.prepare(
          "UPDATE dossier_followers SET following = 0, since = ?3"
          " WHERE channel = ?1 AND contact = ?2 AND following = 1")
        .bind(1, channel_name(who.channel))
        .bind(2, who.contact)
        .bind(3, now_ms)
        .execute();
}

bool is_following(Session& s, const std::string& code, const Follower& who) {
    return s.prepare(
                "SELECT 1 FROM dossier_followers WHERE code = ?1 AND channel = ?2 AND contact = ?3"
                " AND following = 1")
        .bind(1, code)
        .bind(2, channel_name(who.channel))
        .bind(3, who.contact)
        .first_text()
        .has_value();
}

std::vector<Follower> followers_of(Session& s, const std::string& code) {
    auto& query = s.prepare(
        "SELECT channel, contact FROM dossier_followers WHERE code = ?1 AND following = 1"
        " ORDER BY since, channel, contact");
    query.bind(1, code);
    std::vector<Follower> followers;
    while (query.step()) followers.push_back({channel_column(query, 0), query.column_text(1)});
    return followers;
}

}  // namespace motcua::store
