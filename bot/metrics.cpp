#include "bot/metrics.hpp"

#include <cmath>
#include <sstream>

namespace motcua::bot {

namespace {

std::size_t index_of(Channel c) { return c == Channel::zalo ? 1 : 0; }
std::size_t index_of(SendOutcome::Kind k) { return static_cast<std::size_t>(k); }

// The outcome as an operator reads it: a token problem and a Zalo-to-SMS move are retries and
// redirections of the same reply, not failures.
const char* outcome_label(std::size_t k) {
    switch (static_cast<SendOutcome::Kind>(k)) {
        case SendOutcome::Kind::accepted: return "sent";
        case SendOutcome::Kind::retry: return "retried";
        case SendOutcome::Kind::dead: return "dead";
        case SendOutcome::Kind::refresh_auth: return "token_refused";
        case SendOutcome::Kind::fallback_sms: return "fallback_sms";
    }
    return "unknown";
}

void header(std::ostream& out, const char* name, const char* type, const char* help) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

void Metrics::inbound(Channel channel, std::size_t messages) { inbound_[index_of(channel)] += messages; }

void Metrics::outbound(Channel channel, SendOutcome::Kind outcome) { ++outbound_[index_of(channel)][index_of(outcome)]; }

void Metrics::webhook_latency(double seconds) {
    std::size_t bucket = 0;
    while (bucket < latency_buckets.size() && seconds > latency_buckets[bucket]) ++bucket;
    ++latency_counts_[bucket];
    latency_micros_sum_ += static_cast<std::uint64_t>(std::llround(seconds * 1e6));
}

std::string Metrics::exposition(const Gauges& gauges) const {
    std::ostringstream out;
    const Channel all[] = {Channel::sms, Channel::zalo};

    header(out, "motcua_inbound_messages_total", "counter", "Citizen messages stored, by channel.");
    for (auto c : all) out << "motcua_inbound_messages_total{channel=\"" << channel_name(c) << "\"} " << inbound_[index_of(c)] << '\n';

    header(out, "motcua_outbound_attempts_total", "counter", "Tries to hand a reply to a gateway, by channel and outcome.");
    for (auto c : all)
        for (std::size_t k = 0; k < outcomes; ++k)
            out << "motcua_outbound_attempts_total{channel=\"" << channel_name(c) << "\",outcome=\"" << outcome_label(k)
                << "\"} " << outbound_[index_of(c)][k] << '\n';

    header(out, "motcua_outbox_pending", "gauge", "Replies stored and not yet accepted by a gateway.");
    out << "motcua_outbox_pending " << gauges.outbox_pending << '\n';
    header(out, "motcua_outbox_dead", "gauge", "Replies given up on, with their reason in the store.");
    out << "motcua_outbox_dead " << gauges.outbox_dead << '\n';
    header(out, "motcua_escalations_open", "gauge", "Escalations waiting for an officer's first answer.");
    out << "motcua_escalations_open " << gauges.escalations_open << '\n';

    header(out, "motcua_webhook_duration_seconds", "histogram", "Time from a webhook's arrival to its answer.");
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= latency_buckets.size(); ++b) {
        cumulative += latency_counts_[b];
        out << "motcua_webhook_duration_seconds_bucket{le=\"";
        if (b < latency_buckets.size()) out << latency_buckets[b];
        else out << "+Inf";
        out << "\"} " << cumulative << '\n';
    }
    out << "motcua_webhook_duration_seconds_sum " << static_cast<double>(latency_micros_sum_) / 1e6 << '\n';
    out << "motcua_webhook_duration_seconds_count " << cumulative << '\n';
    return out.str();
}

}  // namespace motcua::bot
