// Twilio's own published vectors: the worked example of its "Webhooks security" page, and the
// ones its helper libraries (twilio-php, twilio-csharp) test themselves against.
#include <gtest/gtest.h>

#include "adapters/sms/twilio_signature.hpp"

namespace motcua::adapters {
namespace {

constexpr const char* url = "https://mycompany.com/myapp.php?foo=1&bar=2";

TEST(TwilioSignature, DocumentedExample) {
    FormFields fields = {{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+12349013030"},
                         {"Digits", "1234"},               {"From", "+12349013030"},
                         {"To", "+18005551212"}};
    EXPECT_EQ(twilio_signature("12345", url, fields), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}

TEST(TwilioSignature, HelperLibraryVectorInAnyFieldOrder) {
    FormFields fields = {{"To", "+18005551212"}, {"Digits", "1234"}, {"From", "+14158675309"},
                         {"Caller", "+14158675309"}, {"CallSid", "CA1234567890ABCDE"}};
    EXPECT_EQ(twilio_signature("12345", url, fields), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
}

TEST(TwilioSignature, RepeatedFieldsSortedAndCountedOnce) {
    FormFields fields = {{"Sid", "CA123"}, {"SidAccount", "AC123"}, {"Digits", "5678"},
                         {"Digits", "1234"}, {"Digits", "1234"}};
    EXPECT_EQ(twilio_signature("12345", url, fields), "IK+Dwps556ElfBT0I3Rgjkr1wJU=");
}

TEST(TwilioSignature, EveryInputMatters) {
    FormFields fields = {{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+12349013030"},
                         {"Digits", "1234"},               {"From", "+12349013030"},
                         {"To", "+18005551212"}};
    std::string reference = twilio_signature("12345", url, fields);
    EXPECT_NE(twilio_signature("12346", url, fields), reference);
    EXPECT_NE(twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", fields), reference);
    fields[2].second = "9999";
    EXPECT_NE(twilio_signature("12345", url, fields), reference);
}

}  // namespace
}  // namespace motcua::adapters
