// Known answers from the standards, so the OpenSSL wiring is checked against the world and
// not against itself.
#include <gtest/gtest.h>

#include "adapters/crypto.hpp"

namespace motcua::adapters {
namespace {

std::string hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

TEST(HmacSha1, Rfc2202Vectors) {
    EXPECT_EQ(hex(hmac_sha1(std::string(20, '\x0b'), "Hi There")),
              "b617318655057264e28bc0b6fb378c8ef146be00");
    EXPECT_EQ(hex(hmac_sha1("Jefe", "what do ya want for nothing?")),
              "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    EXPECT_EQ(hex(hmac_sha1(std::string(80, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First")),
              "aa4ae5e15272d00e95705637ce8a3b55ed402112");
}

TEST(HmacSha1, EmptyKeyAndData) {
    EXPECT_EQ(hex(hmac_sha1(std::string_view{}, std::string_view{})),
              "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d");
}

TEST(Sha256, NistVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Base64, Rfc4648Vectors) {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(base64_encode(plain), encoded);
        EXPECT_EQ(base64_decode(encoded), std::optional<std::string>(plain)) << encoded;
    }
}

TEST(Base64, RoundTripsEveryByte) {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
    EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
}

TEST(Base64, RejectsWhatIsNotCanonicalBase64) {
    for (const char* text : {"Zg=", "Zg", "Zh==", "Zm9", "Zm 9", " Zm9v", "Zm9v\n", "Z===",
                             "=Zm9", "Zm=v", "Zm9v====", "Zm9*", "Zm9vYg=\x01"}) {
        EXPECT_FALSE(base64_decode(text).has_value()) << text;
    }
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
    EXPECT_TRUE(constant_time_equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    EXPECT_FALSE(constant_time_equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "0/KCTR6DLpKmkAf8muzZqo1nDgR="));
    EXPECT_FALSE(constant_time_equal("abc", "abcd"));
    EXPECT_FALSE(constant_time_equal("", "a"));
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace motcua::adapters
