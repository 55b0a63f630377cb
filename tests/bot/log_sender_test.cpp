#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "bot/sender.hpp"

namespace motcua::bot {
namespace {

// The demo's sender logs what it would send (SPEC §7), and logs never show a phone number
// whole (SPEC §6): an officer's brief names the citizen's number in its text.
TEST(LogSender, ShowsTheTextWithEveryPhoneNumberMasked) {
    boost::asio::io_context io;
    LogSender sender;
    const Outbound brief{Channel::sms, "+84900000101",
                         "#3 Cong dan Tran Thi C (0912 345 679) hoi ve khai sinh. Tra loi: #3 <noi dung>", {}};
    testing::internal::CaptureStderr();
    auto sent = boost::asio::co_spawn(io, sender.send(brief), boost::asio::use_future);
    io.run();
    const std::string log = testing::internal::GetCapturedStderr();
    EXPECT_EQ(sent.get().kind, SendOutcome::Kind::accepted);
    EXPECT_NE(log.find("demo_outbound"), std::string::npos) << log;
    EXPECT_NE(log.find("Cong dan Tran Thi C (+8491****679) hoi ve khai sinh"), std::string::npos) << log;
    EXPECT_EQ(log.find("0912 345 679"), std::string::npos) << log;
    EXPECT_EQ(log.find("+84900000101"), std::string::npos) << log;
}

}  // namespace
}  // namespace motcua::bot
