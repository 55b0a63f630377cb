#include <gtest/gtest.h>

#include "bot/gateway_connection.hpp"

namespace motcua::bot {
namespace {

TEST(ParseUrl, ReadsSchemeHostPortAndTarget) {
    const auto u = parse_url("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?x=1");
    ASSERT_TRUE(u);
    EXPECT_TRUE(u->tls);
    EXPECT_EQ(u->host, "api.twilio.com");
    EXPECT_EQ(u->port, "443");
    EXPECT_EQ(u->target, "/2010-04-01/Accounts/AC1/Messages.json?x=1");
    EXPECT_EQ(u->origin(), "https://api.twilio.com:443");

    const auto local = parse_url("http://127.0.0.1:8080");
    ASSERT_TRUE(local);
    EXPECT_FALSE(local->tls);
    EXPECT_EQ(local->port, "8080");
    EXPECT_EQ(local->target, "/");

    const auto v6 = parse_url("http://[::1]:9000/v3/oa/message/cs");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(v6->port, "9000");
    EXPECT_EQ(parse_url("https://[fe80::1]")->port, "443");
}

TEST(ParseUrl, RefusesWhatIsNotAnAbsoluteHttpUrl) {
    for (const char* bad : {"", "ftp://host/", "http://", "https:///path", "http://host:/", "http://host:123456/",
                            "http://ho st/", "http://host/a b", "http://host:80x/", "http://[::1/", "http://[]/",
                            "http://[::1]x/", "http://user@host/", "api.twilio.com/path", "http://[zz::1]/"}) {
        EXPECT_FALSE(parse_url(bad)) << bad;
    }
}

}  // namespace
}  // namespace motcua::bot
