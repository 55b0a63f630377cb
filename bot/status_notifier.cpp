#include "bot/status_notifier.hpp"

#include "bot/dossier_lookup.hpp"
#include "store/followers.hpp"
#include "store/outbox.hpp"

namespace motcua::bot {

StatusNotifier::StatusNotifier(const dialogs::Engine& dialogs, ChannelMedia media)
    : dialogs_(dialogs), media_(std::move(media)) {}

store::DossierWrite StatusNotifier::save(store::Transaction& tx, store::DossierUpserter& upserter,
                                         const store::Dossier& dossier, std::int64_t now_ms) const {
    const auto write = upserter.upsert(dossier, now_ms);
    if (!write.status_changed()) return write;
    const auto followers = store::followers_of(tx, dossier.code);
    if (followers.empty()) return write;
    const auto facts = dossier_facts(tx, dossier, true);
    for (const auto& follower : followers) {
        for (auto& reply : dialogs_.status_change_notice(facts, media_.of(follower.channel))) {
            store::enqueue_outbound(tx, to_outbound(follower.channel, follower.contact, std::move(reply)), now_ms);
        }
    }
    return write;
}

}  // namespace motcua::bot
