#include "adapters/zalo/signature.hpp"

#include <nlohmann/json.hpp>

#include "adapters/crypto.hpp"

namespace motcua::adapters {
namespace {

using json = nlohmann::json;

// Walks the body once, keeping the text of two top-level fields. A DOM would lose the way a
// number was written; the SAX interface still has it.
class SignedFieldsReader : public nlohmann::json_sax<json> {
public:
    ZaloSignedFields fields;

    bool null() override { return scalar(std::nullopt, false); }
    bool boolean(bool) override { return scalar(std::nullopt, false); }
    bool number_integer(number_integer_t value) override {
        return scalar(std::to_string(value), false);
    }
    bool number_unsigned(number_unsigned_t value) override {
        return scalar(std::to_string(value), false);
    }
    bool number_float(number_float_t, const string_t& text) override { return scalar(text, false); }
    bool string(string_t& value) override { return scalar(value, true); }
    bool binary(binary_t&) override { return scalar(std::nullopt, false); }
    bool start_object(std::size_t) override {
        if (depth_ == 0) root_is_object_ = true;
        return enter();
    }
    bool key(string_t& name) override {
        if (depth_ == 1) key_ = name;
        return true;
    }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        fields = {};
        return false;
    }

private:
    bool enter() {
        if (depth_ == 1) forget_current();  // an object or array is neither field's shape
        ++depth_;
        return true;
    }
    bool leave() {
        --depth_;
        return true;
    }
    void forget_current() {
        if (key_ == "app_id") fields.app_id.reset();
        if (key_ == "timestamp") fields.timestamp.reset();
    }
    bool scalar(std::optional<std::string> text, bool is_string) {
        if (depth_ != 1 || !root_is_object_) return true;
        if (key_ == "app_id") fields.app_id = is_string ? std::move(text) : std::nullopt;
        if (key_ == "timestamp") fields.timestamp = std::move(text);
        return true;
    }

    std::size_t depth_ = 0;
    bool root_is_object_ = false;
    std::string key_;
};

}  // namespace

std::string zalo_signature(std::string_view app_id, std::string_view raw_body,
                           std::string_view timestamp, std::string_view oa_secret_key) {
    std::string signed_text;
    signed_text.reserve(app_id.size() + raw_body.size() + timestamp.size() + oa_secret_key.size());
    signed_text.append(app_id).append(raw_body).append(timestamp).append(oa_secret_key);
    return sha256_hex(signed_text);
}

ZaloSignedFields zalo_signed_fields(std::string_view raw_body) {
    SignedFieldsReader reader;
    json::sax_parse(raw_body, &reader);
    return reader.fields;
}

}  // namespace motcua::adapters
