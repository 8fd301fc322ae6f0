/* synonyms.c — the built-in abbreviation and everyday-word table (from
 * shared/DOMAIN.md, "How people ask"), the list of all built-in tables and
 * the accented reading of a folded key (synonyms.h). */
#include "synonyms.h"
#include <pthread.h>

#include <stdlib.h>
#include <string.h>

#include "analyser.h"

static const ls_synonym_entry table[] = {
    {"CCCD", "căn cước công dân"}, {"CMND", "chứng minh nhân dân"},
    {"CMT", "chứng minh nhân dân"}, {"VNeID", "định danh điện tử"},
    {"BHXH", "bảo hiểm xã hội"}, {"BHYT", "bảo hiểm y tế"},
    {"BHTN", "bảo hiểm thất nghiệp"}, {"GPLX", "giấy phép lái xe"},
    {"UBND", "ủy ban nhân dân"}, {"HĐND", "hội đồng nhân dân"},
    {"TTHC", "thủ tục hành chính"}, {"DVC", "dịch vụ công"},
    {"HKD", "hộ kinh doanh"}, {"MST", "mã số thuế"}, {"GCN", "giấy chứng nhận"},
    {"GCNQSDĐ", "giấy chứng nhận quyền sử dụng đất"}, {"QSDĐ", "quyền sử dụng đất"},
    {"HĐLĐ", "hợp đồng lao động"}, {"NLĐ", "người lao động"},
    {"NSDLĐ", "người sử dụng lao động"}, {"CSGT", "cảnh sát giao thông"},
    {"PCCC", "phòng cháy chữa cháy"}, {"TNHH", "trách nhiệm hữu hạn"},
    {"ĐKKD", "đăng ký kinh doanh"}, {"VPHC", "vi phạm hành chính"},
    {"XPHC", "xử phạt vi phạm hành chính"}, {"TNCN", "thu nhập cá nhân"},
    {"GTGT", "giá trị gia tăng"}, {"NĐ", "nghị định"}, {"QĐ", "quyết định"},
    {"đk", "đăng ký"}, {"sổ đỏ", "giấy chứng nhận quyền sử dụng đất"},
    {"sổ hồng", "giấy chứng nhận quyền sử dụng đất quyền sở hữu nhà ở"},
    {"bằng lái", "giấy phép lái xe"}, {"xe máy", "xe mô tô xe gắn máy"},
    {"ly dị", "ly hôn"}, {"nghỉ đẻ", "thai sản"},
    {"đuổi việc", "sa thải đơn phương chấm dứt hợp đồng lao động"},
    {"phạt nguội", "xử phạt qua hình ảnh"}, {"hộ khẩu", "thường trú"},
    /* both spellings are in use, in the law and in questions alike */
    {"hàng tháng", "hằng tháng"}, {"hằng tháng", "hàng tháng"},
    {"hàng năm", "hằng năm"}, {"hằng năm", "hàng năm"},
    {"hàng ngày", "hằng ngày"}, {"hằng ngày", "hàng ngày"},
    {"hàng quý", "hằng quý"}, {"hằng quý", "hàng quý"},
    {"đảm bảo", "bảo đảm"}, {"bảo đảm", "đảm bảo"},
};

const ls_synonym_entry *ls_synonym_table(size_t k, size_t *n)
{
    switch (k) {
    case 0: *n = sizeof table / sizeof table[0]; return table;
    case 1: return ls_synonyms_procedure(n);
    case 2: return ls_synonyms_everyday(n);
    default: *n = 0; return NULL;
    }
}

/* The built-in keys, normalised and folded, for ls_synonym_accented and
 * ls_synonym_builtin. */
typedef struct accented_key {
    char *key, *folded;
} accented_key;
static accented_key *accented;
static size_t naccented;
static pthread_once_t accented_once = PTHREAD_ONCE_INIT;

static void fold_table(const ls_synonym_entry *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        accented_key *a = &accented[naccented];
        if (ls_normalize_term(t[i].key, strlen(t[i].key), &a->key, &a->folded, NULL) != LS_OK)
            continue;
        naccented++; /* an unaccented one too: ls_synonym_builtin */
    }
}

static void build_accented(void)
{
    size_t total = 0, n = 0;
    for (size_t k = 0; ls_synonym_table(k, &n); k++) total += n;
    if (!(accented = calloc(total, sizeof *accented))) return;
    const ls_synonym_entry *t;
    for (size_t k = 0; (t = ls_synonym_table(k, &n)); k++) fold_table(t, n);
}

const char *ls_synonym_accented(const char *folded)
{
    pthread_once(&accented_once, build_accented);
    for (size_t i = 0; i < naccented; i++)
        if (strcmp(accented[i].folded, folded) == 0 &&
            strcmp(accented[i].key, accented[i].folded) != 0) /* something to restore */
            return accented[i].key;
    return NULL;
}

int ls_synonym_builtin(const char *folded)
{
    pthread_once(&accented_once, build_accented);
    for (size_t i = 0; i < naccented; i++)
        if (strcmp(accented[i].folded, folded) == 0) return 1;
    return 0;
}
