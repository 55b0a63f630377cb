#pragma once
// Stores a dossier and, when its status changed, queues the notice for every follower on the
// channel they follow it on, in the same transaction: a change is announced exactly once, and
// never without being stored (B4, SPEC §6).
#include <cstdint>

#include "bot/engine.hpp"
#include "dialogs/engine.hpp"
#include "store/dossiers.hpp"
#include "store/session.hpp"

namespace motcua::bot {

class StatusNotifier {
public:
    StatusNotifier(const dialogs::Engine& dialogs, ChannelMedia media);

    // Returns what the write changed; notices are queued only for a changed status. The
    // upserter belongs to tx.
    store::DossierWrite save(store::Transaction& tx, store::DossierUpserter& upserter, const store::Dossier& dossier,
                             std::int64_t now_ms) const;

private:
    const dialogs::Engine& dialogs_;
    ChannelMedia media_;
};

}  // namespace motcua::bot
