// One dialog turn (dialogs/engine) with the shipped content: a fuzzed stored state (the engine
// must start afresh from one it cannot read), a fuzzed message and medium, then a second turn
// from the state the first one left, as the next message of the same citizen would.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>

#include "dialogs/engine.hpp"
#include "dialogs/text.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace motcua;
using dialogs::Medium;

Medium fuzzed_medium(FuzzedDataProvider& input) {
    Medium medium;
    medium.sms = input.ConsumeBool();
    if (medium.sms) {
        medium.unicode = input.ConsumeBool();
        medium.max_segments = input.ConsumeIntegralInRange(1, 10);
    } else {
        medium.buttons = input.ConsumeBool();
        medium.max_chars = input.ConsumeIntegralInRange<std::size_t>(160, 2000);
    }
    return medium;
}

dialogs::Input fuzzed_input(FuzzedDataProvider& input, std::size_t max_text) {
    dialogs::Input in;
    in.kind = input.PickValueInArray({dialogs::Input::Kind::text, dialogs::Input::Kind::text,
                                      dialogs::Input::Kind::follow, dialogs::Input::Kind::unsupported});
    in.text = input.ConsumeRandomLengthString(max_text);
    return in;
}

void check_replies(const dialogs::TurnResult& result, const Medium& medium) {
    fuzz::require(!result.intent.empty(), "every turn is counted under an intent");
    for (const dialogs::Reply& reply : result.replies) {
        if (medium.sms) {
            fuzz::require(dialogs::sms_segments(reply.text) <= static_cast<std::size_t>(medium.max_segments),
                          "an SMS reply fits its segment budget");
            fuzz::require(medium.unicode || dialogs::is_gsm7(reply.text),
                          "a GSM-7 medium gets GSM-7 text");
            fuzz::require(reply.choices.empty(), "SMS has no buttons");
        } else {
            fuzz::require(dialogs::code_points(reply.text) <= medium.max_chars,
                          "a reply fits the channel's message length");
            fuzz::require(medium.buttons || reply.choices.empty(), "buttons only where shown");
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const dialogs::Engine engine(fuzz::shipped_content());
    FuzzedDataProvider input(data, size);
    const Medium medium = fuzzed_medium(input);
    const std::string state = input.ConsumeRandomLengthString(size);
    const dialogs::Input first = fuzzed_input(input, size);
    const dialogs::Input second = fuzzed_input(input, size);

    const dialogs::TurnResult turn = engine.turn(state, first, medium);
    check_replies(turn, medium);
    check_replies(engine.turn(turn.state, second, medium), medium);
    return 0;
}
