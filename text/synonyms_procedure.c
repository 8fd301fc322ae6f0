/* synonyms_procedure.c — the words citizens use for administrative
 * procedures, mapped to the words of the procedures' names on the National
 * Public Service Portal (listed with the rest by synonyms.c).
 *
 * Where it comes from: written by hand for this project from everyday usage
 * (shared/DOMAIN.md, "How people ask", and the way people ask on forums:
 * "làm giấy khai sinh", "giấy chứng tử", "xác nhận độc thân", "rút BHXH",
 * "sang tên xe") against the portal's names in the tthc corpus; each key is
 * one word or two adjacent words (what query/expand.c looks up); keys of
 * the general table (CCCD, sổ đỏ, bằng lái, hộ khẩu) are not repeated. Not tuned
 * on the evaluation questions: bench/tthc-citizen.jsonl (written here, in
 * citizens' words) and tthc-dev measure it. */
#include "synonyms.h"

static const ls_synonym_entry table[] = {
    /* papers people name by what they look like or by their old names */
    {"chứng tử", "đăng ký khai tử"}, {"báo tử", "đăng ký khai tử"},
    {"độc thân", "xác nhận tình trạng hôn nhân"},
    {"minh thư", "thẻ căn cước"},
    {"lý lịch", "phiếu lý lịch tư pháp"},
    {"photo", "chứng thực bản sao từ bản chính"},
    {"sao y", "chứng thực bản sao từ bản chính"},
    {"tạp hóa", "hộ kinh doanh"}, {"mở quán", "đăng ký hộ kinh doanh"},
    {"cửa hàng", "hộ kinh doanh"},
    /* what people do, in the portal's verbs */
    {"làm lại", "cấp lại"}, {"xin lại", "cấp lại"}, {"làm mới", "cấp mới"},
    {"hết hạn", "đổi cấp đổi gia hạn"},
    {"bị mất", "cấp lại bị mất"},
    {"đổi tên", "thay đổi cải chính hộ tịch"}, {"sửa tên", "cải chính đính chính"},
    {"ghi sai", "đính chính sai sót cải chính"}, {"sai tên", "đính chính cải chính"},
    {"sang tên", "thay đổi chủ đăng ký biến động chuyển nhượng"},
    {"đổi chủ", "thay đổi chủ"},
    {"mua xe", "đăng ký xe lần đầu"}, {"biển số", "đăng ký xe biển số"},
    {"xây nhà", "cấp giấy phép xây dựng"}, {"sửa nhà", "giấy phép xây dựng sửa chữa cải tạo"},
    {"mở công", "đăng ký thành lập"},
    {"một chủ", "một thành viên doanh nghiệp tư nhân"},
    {"rút bảo", "hưởng bảo hiểm xã hội một lần"}, {"rút BHXH", "hưởng bảo hiểm xã hội một lần"},
    {"nhập hộ", "đăng ký thường trú"},
    {"nhập khẩu", "đăng ký thường trú nhập khẩu"},
    {"xuất cảnh", "xuất cảnh hộ chiếu"}, {"đi nước", "hộ chiếu xuất cảnh"},
    {"làm giấy", "đăng ký"},
    {"nghỉ sinh", "thai sản"}, {"sinh con", "thai sản khai sinh"},
    {"nhận con", "nhận con nuôi nhận cha mẹ con"},
    {"hộ chiếu", "hộ chiếu phổ thông"}, {"lần đầu", "cấp"},
    /* losing, wearing out, renewing: "mất thẻ làm lại", "sổ bị rách",
     * "đi đổi bằng"; marrying and dying in everyday words */
    {"mất thẻ", "cấp lại thẻ bị mất"}, {"mất sổ", "cấp lại sổ bị mất"},
    {"mất giấy", "cấp lại bị mất"},
    {"bị rách", "hư hỏng cấp đổi"}, {"rách nát", "hư hỏng cấp đổi"},
    {"xin đổi", "cấp đổi đổi"}, {"đổi bằng", "đổi giấy phép lái xe"},
    {"đổi sổ", "cấp đổi giấy chứng nhận"},
    {"cưới vợ", "kết hôn"}, {"lấy vợ", "kết hôn"}, {"lấy chồng", "kết hôn"},
    {"qua đời", "đăng ký khai tử"}, {"đã mất", "đăng ký khai tử"},
    {"thuê trọ", "đăng ký tạm trú"}, {"ở trọ", "đăng ký tạm trú"},
    {"bán xe", "thay đổi chủ xe sang tên"},
    {"mới đẻ", "đăng ký khai sinh"},
    {"sửa lại", "cải chính đính chính"}, {"cư trú", "xác nhận thông tin về cư trú"},
    {"visa", "thị thực"}, {"passport", "hộ chiếu"},
    {"thổ cư", "chuyển mục đích sử dụng đất ở"}, {"tách sổ", "tách thửa"},
    {"xin phép", "cấp giấy phép"},
};

const ls_synonym_entry *ls_synonyms_procedure(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
