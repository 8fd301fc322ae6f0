/* synonyms_everyday.c — everyday words and abbreviations citizens use for
 * notions of the law itself (not procedures: synonyms_procedure.c), mapped
 * to the law's own words; listed with the rest by synonyms.c (ls_synonym_table).
 *
 * Where it comes from: written by hand from Vietnamese usage (forum and
 * newspaper wording against the terms of the Bộ luật Dân sự, Bộ luật Lao
 * động, Bộ luật Hình sự, Luật Hôn nhân và gia đình, Luật Thi hành án hình
 * sự); THAHS, HS and SV were noticed in zalo-dev questions, the rest not
 * taken from the evaluation questions. Each key is one to four adjacent
 * words (what query/expand.c looks up). A key whose unaccented
 * form is another common word is left out, because the "did you mean" reads
 * a folded pair as the key (ls_synonym_accented): "bạo hành" (= bảo hành),
 * "tù nhân" (= tư nhân), "công nhân" (= công nhận), "đèn đỏ" (= đến đó),
 * "ba mẹ" (= bà mẹ); so is a single syllable that lives inside legal words
 * ("bố": công bố, bố trí). */
#include "synonyms.h"

static const ls_synonym_entry table[] = {
    /* abbreviations of courts, codes, bodies and schools */
    {"TAND", "tòa án nhân dân"}, {"VKSND", "viện kiểm sát nhân dân"},
    {"VKS", "viện kiểm sát"}, {"THAHS", "thi hành án hình sự"},
    {"THADS", "thi hành án dân sự"}, {"BLDS", "bộ luật dân sự"},
    {"BLHS", "bộ luật hình sự"}, {"BLLĐ", "bộ luật lao động"},
    {"BLTTHS", "bộ luật tố tụng hình sự"}, {"BLTTDS", "bộ luật tố tụng dân sự"},
    {"HĐQT", "hội đồng quản trị"}, {"HĐTV", "hội đồng thành viên"},
    {"ĐHĐCĐ", "đại hội đồng cổ đông"}, {"CTCP", "công ty cổ phần"},
    {"DNTN", "doanh nghiệp tư nhân"}, {"BĐS", "bất động sản"},
    {"NSNN", "ngân sách nhà nước"}, {"KCB", "khám bệnh chữa bệnh"},
    {"ATTP", "an toàn thực phẩm"}, {"TNGT", "tai nạn giao thông"},
    {"ĐBQH", "đại biểu quốc hội"}, {"CBCC", "cán bộ công chức"},
    {"CBCCVC", "cán bộ công chức viên chức"}, {"CNTT", "công nghệ thông tin"},
    {"THPT", "trung học phổ thông"}, {"THCS", "trung học cơ sở"},
    {"HS", "học sinh"}, {"SV", "sinh viên"},
    /* family */
    {"bố mẹ", "cha mẹ"}, {"bố đẻ", "cha đẻ"}, {"ngoại tình", "chung sống như vợ chồng"},
    {"đánh vợ", "bạo lực gia đình"}, {"hàng xóm", "bất động sản liền kề"},
    /* work */
    {"nghỉ phép", "nghỉ hằng năm"}, {"nghỉ việc", "chấm dứt hợp đồng lao động"},
    {"bỏ việc", "đơn phương chấm dứt hợp đồng lao động"}, {"làm thuê", "người lao động"},
    {"ông chủ", "người sử dụng lao động"}, {"sếp", "người sử dụng lao động"},
    /* money and property */
    {"vay tiền", "vay tài sản"}, {"nhà đất", "nhà ở quyền sử dụng đất"},
    {"xe hơi", "xe ô tô"},
    /* bodies and places as people name them */
    {"ủy ban xã", "ủy ban nhân dân cấp xã"}, {"ủy ban huyện", "ủy ban nhân dân cấp huyện"},
    {"ủy ban tỉnh", "ủy ban nhân dân cấp tỉnh"},
    {"quán karaoke", "cơ sở kinh doanh dịch vụ karaoke"}, {"quán bar", "vũ trường"},
    {"quán net", "điểm truy nhập internet công cộng"},
    {"quán internet", "điểm truy nhập internet công cộng"},
    /* school */
    {"đuổi học", "buộc thôi học"},
    /* debts and fines */
    {"trả nợ thay", "thực hiện nghĩa vụ thay"}, {"tiền phạt", "phạt tiền"},
    /* offences and prison */
    {"ăn trộm", "trộm cắp tài sản"}, {"ăn cắp", "trộm cắp tài sản"},
    {"đánh người", "cố ý gây thương tích"}, {"đánh nhau", "cố ý gây thương tích gây rối"},
    {"say rượu", "nồng độ cồn"}, {"vượt đèn", "đèn tín hiệu giao thông"},
    {"đi tù", "phạt tù"}, {"ở tù", "chấp hành án phạt tù"}, {"vào tù", "phạt tù"},
    {"nhà tù", "trại giam"},
};

const ls_synonym_entry *ls_synonyms_everyday(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
