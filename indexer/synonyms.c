/* synonyms.c — the built-in abbreviation and everyday-word table (from
 * shared/DOMAIN.md, "How people ask") and its installation into the index. */
#include "synonyms.h"
#include <pthread.h>

#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../xapian/xc_error.h"

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
    {"ly dị", "ly hôn"}, {"nghỉ đẻ", "thai sản"}, {"đuổi việc", "sa thải"},
    {"phạt nguội", "xử phạt qua hình ảnh"}, {"hộ khẩu", "thường trú"},
    /* both spellings are in use, in the law and in questions alike */
    {"hàng tháng", "hằng tháng"}, {"hằng tháng", "hàng tháng"},
    {"hàng năm", "hằng năm"}, {"hằng năm", "hàng năm"},
    {"hàng ngày", "hằng ngày"}, {"hằng ngày", "hàng ngày"},
    {"hàng quý", "hằng quý"}, {"hằng quý", "hàng quý"},
};

static ls_rc put(xc_wdb *wdb, const char *key, const char *expansion, ls_error *err)
{
    xc_err xe;
    if (xc_wdb_clear_synonyms(wdb, key, &xe) || xc_wdb_add_synonym(wdb, key, expansion, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "writing synonym %s: %s", key, xe.msg);
    return LS_OK;
}

static ls_rc install_table(xc_wdb *wdb, const ls_synonym_entry *table, size_t n, ls_error *err)
{
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        char *key = NULL, *folded_key = NULL, *exp = NULL;
        rc = ls_normalize_term(table[i].key, strlen(table[i].key), &key, &folded_key, err);
        if (!rc) rc = ls_normalize_term(table[i].expansion, strlen(table[i].expansion), &exp, NULL, err);
        if (!rc) rc = put(wdb, key, exp, err);
        if (!rc && strcmp(key, folded_key) != 0) rc = put(wdb, folded_key, exp, err);
        free(key);
        free(folded_key);
        free(exp);
    }
    return rc;
}

/* The built-in keys, normalised and folded, for ls_synonym_accented. */
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
        if (strcmp(a->key, a->folded) == 0) { /* nothing to restore */
            free(a->key);
            free(a->folded);
            continue;
        }
        naccented++;
    }
}

static void build_accented(void)
{
    size_t np = 0, ne = 0;
    const ls_synonym_entry *procedures = ls_synonyms_procedure(&np);
    const ls_synonym_entry *everyday = ls_synonyms_everyday(&ne);
    size_t ng = sizeof table / sizeof table[0];
    if (!(accented = calloc(ng + np + ne, sizeof *accented))) return;
    fold_table(table, ng);
    fold_table(procedures, np);
    fold_table(everyday, ne);
}

const char *ls_synonym_accented(const char *folded)
{
    pthread_once(&accented_once, build_accented);
    for (size_t i = 0; i < naccented; i++)
        if (strcmp(accented[i].folded, folded) == 0) return accented[i].key;
    return NULL;
}

ls_rc ls_synonyms_install(xc_wdb *wdb, ls_error *err)
{
    size_t n = 0, ne = 0;
    const ls_synonym_entry *procedures = ls_synonyms_procedure(&n);
    const ls_synonym_entry *everyday = ls_synonyms_everyday(&ne);
    ls_rc rc = install_table(wdb, table, sizeof table / sizeof table[0], err);
    if (!rc) rc = install_table(wdb, procedures, n, err);
    return rc ? rc : install_table(wdb, everyday, ne, err);
}
