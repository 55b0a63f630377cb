#include "bot/chat.hpp"

#include <future>
#include <iostream>

#include "bot/channels.hpp"
#include "bot/clock.hpp"
#include "bot/demo_records.hpp"
#include "bot/engine.hpp"
#include "bot/escalation_desk.hpp"
#include "store/outbox.hpp"
#include "store/writer.hpp"

namespace motcua::bot {

namespace {

void print(const Outbound& message, std::ostream& out) {
    out << message.text << "\n";
    for (const auto& choice : message.choices) out << "  [" << choice.title << "]";
    if (!message.choices.empty()) out << "\n";
    out << "\n";
}

// The terminal is this contact's gateway: print what the outbox holds for it, in order, and
// record each as sent.
void deliver_to_terminal(store::Database& db, Channel channel, const std::string& contact, std::ostream& out) {
    for (;;) {
        std::optional<store::OutboxItem> next;
        db.read([&](store::Session& s) {
            for (auto& item : store::due_outbound(s, system_clock_ms(), 10'000, {}))
                if (item.message.channel == channel && item.message.contact == contact) next = std::move(item);
        });
        if (!next) return;
        print(next->message, out);
        db.writer().run([&](store::Transaction& tx) { store::mark_sent(tx, next->id, "terminal", system_clock_ms()); });
    }
}

}  // namespace

int chat(const Config& config, std::shared_ptr<const dialogs::Content> content, Channel channel,
         const std::optional<std::string>& from, std::istream& in, std::ostream& out) {
    std::unique_ptr<store::Database> db;
    try {
        db = store::Database::open(config.database_path);
    } catch (const std::exception& e) {
        std::cerr << "motcua chat: cannot open the store " << config.database_path << ": " << e.what() << "\n";
        return 1;
    }
    if (config.demo) seed_demo_records(*db, config.timezone, system_clock_ms());
    const std::string contact = from.value_or(channel == Channel::sms ? "+84900000099" : "terminal-user");
    dialogs::Engine dialogs(content, unit_names(config));
    // Escalations open as in `serve` (the officer's brief goes to the outbox); their timers run
    // only in `serve`.
    const dialogs::EscalationWording wording(content);
    const EscalationDesk desk(dialogs, wording, make_media(config), escalation_settings(config));
    Engine engine(*db, dialogs, desk, make_media(config), config.timezone, system_clock_ms, [] {});
    out << "motcua chat as " << contact << " on " << channel_name(channel) << " (Ctrl-D to quit)\n\n";

    std::string line;
    for (long n = 1; out << "> " << std::flush, std::getline(in, line); ++n) {
        if (line.empty()) continue;
        Inbound message{channel, contact, "chat-" + std::to_string(system_clock_ms()) + "-" + std::to_string(n),
                        Inbound::Kind::text, line, "", "", system_clock_ms()};
        std::promise<std::string> stored;
        engine.accept({message}, [&stored](bool ok, const std::string& error) { stored.set_value(ok ? "" : error); });
        if (const auto error = stored.get_future().get(); !error.empty()) {
            std::cerr << "motcua chat: the store refused the message: " << error << "\n";
            return 1;
        }
        deliver_to_terminal(*db, channel, contact, out);
    }
    out << "\n";
    db->writer().stop();
    return 0;
}

}  // namespace motcua::bot
