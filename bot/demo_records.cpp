#include "bot/demo_records.hpp"

#include <vector>

#include "bot/local_date.hpp"
#include "store/dossiers.hpp"
#include "store/officers.hpp"
#include "store/writer.hpp"

namespace motcua::bot {
namespace {

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

const std::vector<store::Officer>& sample_officers() {
    static const std::vector<store::Officer> officers = {
        {"gia-loc-tu-phap", "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch", "+84900000001", "gia-loc",
         {"ho_tich", "chung_thuc"}, "gia-loc-van-phong", true},
        {"gia-loc-van-phong", "Nguyễn Thị B", "Công chức Văn phòng - Thống kê", "+84900000002", "gia-loc",
         {"chung_thuc"}, "gia-loc-tu-phap", true},
        {"yet-kieu-tu-phap", "Trần Văn C", "Công chức Tư pháp - Hộ tịch", "+84900000003", "yet-kieu",
         {"ho_tich", "chung_thuc"}, "", true},
        {"gia-phuc-tu-phap", "Lê Thị D", "Công chức Tư pháp - Hộ tịch", "+84900000004", "gia-phuc",
         {"ho_tich", "chung_thuc"}, "", true},
        {"truong-tan-tu-phap", "Phạm Văn E", "Công chức Tư pháp - Hộ tịch", "+84900000005", "truong-tan",
         {"ho_tich", "chung_thuc"}, "", true},
    };
    return officers;
}

// Codes are fixed so that a demo can be tried from the README; dates follow the day of seeding.
struct SampleDossier {
    int received_days_ago;
    int due_in_days;
    store::Dossier fields;  // all but the dates
};

const std::vector<SampleDossier>& sample_dossiers() {
    static const std::vector<SampleDossier> dossiers = {
        {2, 1,
         {"H24.36-261120-0001", "khai_tu", "gia-loc", "processing", "", "", "gia-loc-tu-phap", "+84900000101", ""}},
        {5, 0,
         {"000.00.20.H24-261118-0002", "ket_hon", "yet-kieu", "need_supplement", "", "", "yet-kieu-tu-phap", "+84900000102",
          "Giấy xác nhận tình trạng hôn nhân của người nộp hồ sơ"}},
        {10, -3,
         {"H24.37-261113-0003", "chung_thuc_hop_dong", "gia-phuc", "processing", "", "", "gia-phuc-tu-phap", "", ""}},
        {3, 0,
         {"G09.20-20261120-0092637", "khai_sinh", "truong-tan", "done", "", "", "truong-tan-tu-phap", "+84900000104", ""}},
        {1, 5,
         {"H24.36-261122-0005", "xac_nhan_hon_nhan", "gia-loc", "received", "", "", "gia-loc-van-phong", "", ""}},
    };
    return dossiers;
}

}  // namespace

void seed_demo_records(store::Database& db, const std::string& timezone, std::int64_t now_ms) {
    db.writer().run([&](store::Transaction& tx) {
        for (const auto& officer : sample_officers())
            if (!store::find_officer(tx, officer.id)) store::upsert_officer(tx, officer, now_ms);
        for (const auto& sample : sample_dossiers()) {
            store::Dossier dossier = sample.fields;
            dossier.received_at = local_date(now_ms - sample.received_days_ago * day_ms, timezone);
            dossier.due_at = local_date(now_ms + sample.due_in_days * day_ms, timezone);
            if (!store::find_dossier(tx, dossier.code)) store::upsert_dossier(tx, dossier, now_ms);
        }
    });
}

}  // namespace motcua::bot
