/* references.c — the citation phrases of a legal text (ls_references_find, cite.h).
 *
 * One PCRE2 pattern (compiled once, JIT when available) recognises the shapes
 * real Vietnamese texts use:
 *   provision chains  "điểm a khoản 1 Điều 3", "khoản 4 và khoản 5 Điều 70",
 *                     "các điều 47, 48 và 59", "khoản 1 Điều này";
 *   documents         "Nghị định số 13/2023/NĐ-CP", "Luật số 68/2020/QH14",
 *                     "Luật Đất đai năm 2024", "Bộ luật Lao động",
 *                     "Luật Thủy lợi số 08/2017/QH14", "Hiến pháp năm 2013",
 *                     "Luật này", "Nghị định này" (only after a provision);
 *   both joined       "khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP",
 *                     "Điều 135 của Luật này".
 * A list ("khoản 4 và khoản 5 Điều 70", "điểm a, b khoản 1") yields ONE
 * reference carrying the FIRST point / clause / article of each list; its span
 * covers the whole list. A provision with no document named refers to the
 * containing document (self = 1), as Vietnamese drafting rules make it.
 * The relation comes from the nearest keyword in the same sentence: before
 * the citation first ("Bãi bỏ khoản 2 Điều 5"), else after it ("Nghị định số
 * ... hết hiệu lực").
 */
#include "cite.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_str.h"
#include "../text/analyser.h"

/* ---- the pattern ------------------------------------------------------ */

#define SP "[ \\t\\x{a0}]+"
#define NOTW "(?![\\p{L}\\p{N}])"
#define SEP "(?:[ \\t]*,[ \\t]*|" SP "(?:và|hoặc|đến)" SP ")"
#define KW_DIEU "(?:[ĐÐđ]iều|ĐIỀU)"
#define KW_KHOAN "(?:[Kk]hoản)"
#define KW_DIEM "(?:[Đđ]iểm)"
#define PT_LBL "[a-zđ][0-9]{0,2}" NOTW
#define CL_NUM "[0-9]{1,3}[a-zđ]?" NOTW
#define AR_NUM "[0-9]{1,4}[a-zđ]?" NOTW
#define OF "(?:" SP "của)?" SP

#define POINTS KW_DIEM SP "(?<pt>" PT_LBL ")(?:" SEP "(?:" KW_DIEM SP ")?" PT_LBL ")*"
#define CLAUSES "(?:các" SP ")?" KW_KHOAN SP "(?<cl>" CL_NUM ")(?:" SEP "(?:" KW_KHOAN SP ")?" CL_NUM ")*"
#define ARTICLES "(?:các" SP ")?" KW_DIEU SP "(?<ar>" AR_NUM ")(?:" SEP "(?:" KW_DIEU SP ")?" AR_NUM ")*"
#define ART_OR_SELF "(?:" ARTICLES "|(?<selfart>" KW_DIEU SP "này" NOTW "))"

#define PROV "(?:" POINTS "(?:" OF CLAUSES ")?(?:" OF ART_OR_SELF ")?" \
             "|" CLAUSES "(?:" OF ART_OR_SELF ")?" \
             "|" ARTICLES ")"

/* Document numbers: "13/2023/NĐ-CP", "45/2019/QH14", "31/VBHN-VPQH", "57-NQ/TW". */
#define NUMBER "(?:[0-9]{1,5}(?:/[0-9]{4})?/\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*" \
               "|[0-9]{1,5}-\\p{Lu}+/\\p{Lu}+)"
#define TYPES "(?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết liên tịch|Nghị quyết" \
              "|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Lệnh|Văn bản hợp nhất|Hiến pháp)"
/* Words that end a law's name ("Luật Đất đai năm 2024", "Luật X thì ..."). */
#define STOP "(?:năm|số|ngày|hoặc|thì|được|đã|có|này|tại|theo|để|là|khi|mà|do|cho|với" \
             "|từ|đến|sau|trước|trong|không|phải|các|những|của|về|nếu|nhưng|thuộc|bị" \
             "|sẽ|đang|cũng|như|gồm|vào|đối|trừ|nêu|trên|dưới|quy" SP "định|hướng" SP "dẫn" \
             "|sửa" SP "đổi|bổ" SP "sung|thay" SP "thế|bãi" SP "bỏ|hiện" SP "hành" \
             "|và" SP "(?:" TYPES "|các|những|được|có|là|thì|đã|của))" NOTW
#define NAME "\\p{Lu}\\p{Ll}*(?:(?:" SP "|,[ \\t]+(?=chống))(?!" STOP ")\\p{L}+){0,11}"
#define DATE_YEAR "ngày" SP "[0-9]{1,2}" SP "tháng" SP "[0-9]{1,2}" SP "năm" SP "(?<year2>[0-9]{4})"

#define DOC "(?:(?<selfdoc>(?i:" TYPES ")" SP "này" NOTW ")" \
            "|(?<ntype>(?i:" TYPES "))(?:" SP "số)?" SP "(?<num>" NUMBER ")" \
            "|(?<lname>(?:Bộ luật|Luật|Pháp lệnh)" SP NAME ")" \
            "(?:" SP "năm" SP "(?<year>[0-9]{4})|" SP "(?<year3>[0-9]{4})(?![0-9/])" \
            "|" SP "số" SP "(?<num2>" NUMBER ")|" SP DATE_YEAR ")?" \
            "|(?<const>Hiến pháp)(?:" SP "năm" SP "(?<year4>[0-9]{4}))?" \
            "|số" SP "(?<num3>[0-9]{1,5}/[0-9]{4}/" NUMBER_TAIL "))"
#define NUMBER_TAIL "\\p{Lu}[\\p{L}\\p{N}]*(?:-[\\p{L}\\p{N}]+)*"

static const char PATTERN[] =
    "(?<![\\p{L}\\p{N}])"
    "(?<prov>" PROV ")?"
    "(?(<prov>)(?:(?:[ \\t]*,)?" OF DOC ")?|" DOC ")";

/* ---- compiled state ---------------------------------------------------- */

enum { G_PROV, G_PT, G_CL, G_AR, G_SELFART, G_SELFDOC, G_NTYPE, G_NUM, G_LNAME,
       G_YEAR, G_YEAR2, G_YEAR3, G_YEAR4, G_NUM2, G_CONST, G_NUM3, G_COUNT };
static const char *const group_names[G_COUNT] = {
    "prov", "pt", "cl", "ar", "selfart", "selfdoc", "ntype", "num", "lname",
    "year", "year2", "year3", "year4", "num2", "const", "num3"};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pcre2_code *re;
/* Group numbers per name: PROV repeats CLAUSES and ARTICLES, so a name may
 * stand for several groups (PCRE2_DUPNAMES); at most one of them is set. */
#define MAX_DUP 4
static int group_no[G_COUNT][MAX_DUP];
static int shut_down;
static char compile_msg[256];

static void compile_once(void)
{
    int errcode;
    PCRE2_SIZE erroff;
    re = pcre2_compile((PCRE2_SPTR)PATTERN, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES,
                       &errcode, &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(errcode, buf, sizeof buf);
        snprintf(compile_msg, sizeof compile_msg, "reference pattern at %zu: %s",
                 (size_t)erroff, (char *)buf);
        return;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);   /* optional: interpreted if it fails */
    uint32_t count = 0, entry = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(re, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(re, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(re, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR e = table + (size_t)i * entry;
        int num = (e[0] << 8) | e[1];
        for (int g = 0; g < G_COUNT; g++) {
            if (strcmp((const char *)e + 2, group_names[g]) != 0) continue;
            for (int k = 0; k < MAX_DUP; k++)
                if (!group_no[g][k]) { group_no[g][k] = num; break; }
        }
    }
}

void ls_cite_shutdown(void)
{
    pthread_once(&once, compile_once);
    pcre2_code_free(re);
    re = NULL;
    shut_down = 1;
}

/* ---- building references ---------------------------------------------- */

/* The number of the group named g that matched, 0 if none did. */
static int group_hit(const PCRE2_SIZE *ov, int g)
{
    for (int k = 0; k < MAX_DUP && group_no[g][k]; k++)
        if (ov[2 * group_no[g][k]] != PCRE2_UNSET) return group_no[g][k];
    return 0;
}

static int group_set(const PCRE2_SIZE *ov, int g) { return group_hit(ov, g) != 0; }

static ls_rc copy_group(char **field, const char *t, const PCRE2_SIZE *ov, int g)
{
    int n = group_hit(ov, g);
    if (!n) return LS_OK;
    return ls_strset(field, t + ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
}

/* Canonical type name for a matched type word, whatever its case. */
static const char *const type_names[] = {
    "Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Nghị quyết liên tịch", "Nghị quyết",
    "Thông tư liên tịch", "Thông tư", "Quyết định", "Chỉ thị", "Lệnh", "Văn bản hợp nhất",
    "Hiến pháp"};

static const char *canonical_type(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
        size_t tl = strlen(type_names[i]);
        if (tl > n) continue;
        /* compare after the first character (its case may differ) */
        const char *a = type_names[i], *b = s;
        size_t skip = ((unsigned char)a[0] < 0x80) ? 1 : 2;
        if (strncasecmp(a + skip, b + skip, tl - skip) == 0 && (tl == n || b[tl] == ' '))
            return type_names[i];
    }
    return NULL;
}

static ls_rc set_number(ls_cite *r, const char *t, const PCRE2_SIZE *ov, int g)
{
    int n = group_hit(ov, g);
    const char *s = t + ov[2 * n];
    size_t len = ov[2 * n + 1] - ov[2 * n];
    char *norm = NULL;
    ls_rc rc = ls_docnum_normalize(s, len, &norm, NULL);
    if (rc == LS_ERR_NOMEM) return rc;
    if (rc != LS_OK) return LS_OK;      /* not a number after all: keep the rest */
    free(r->doc_number);
    r->doc_number = norm;
    if (!r->doc_type) {
        /* infer "Nghị định" from "13/2023/NĐ-CP" */
        char *raw = NULL;
        if (ls_strset(&raw, s, len)) return LS_ERR_NOMEM;
        const char *ty = ls_docnum_type(raw);
        free(raw);
        if (ty && ls_strset(&r->doc_type, ty, strlen(ty))) return LS_ERR_NOMEM;
    }
    return LS_OK;
}

static ls_rc fill_reference(ls_cite *r, const char *t, const PCRE2_SIZE *ov)
{
    ls_rc rc = LS_OK;
    int has_doc = 0;
    if ((rc = copy_group(&r->point, t, ov, G_PT)) || (rc = copy_group(&r->clause, t, ov, G_CL)) ||
        (rc = copy_group(&r->article, t, ov, G_AR)))
        return rc;
    if (group_set(ov, G_SELFDOC) || group_set(ov, G_SELFART)) {
        r->self = 1;
        has_doc = 1;
    }
    if (group_set(ov, G_NTYPE)) {
        int n = group_hit(ov, G_NTYPE);
        const char *ty = canonical_type(t + ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
        if (ty && (rc = ls_strset(&r->doc_type, ty, strlen(ty)))) return rc;
        if ((rc = set_number(r, t, ov, G_NUM))) return rc;
        has_doc = 1;
    }
    if (group_set(ov, G_LNAME)) {
        int n = group_hit(ov, G_LNAME);
        const char *s = t + ov[2 * n];
        size_t len = ov[2 * n + 1] - ov[2 * n];
        const char *ty = canonical_type(s, len);
        if ((rc = ls_strset(&r->law_name, s, len))) return rc;
        if (ty && (rc = ls_strset(&r->doc_type, ty, strlen(ty)))) return rc;
        if ((rc = copy_group(&r->year, t, ov, G_YEAR)) || (rc = copy_group(&r->year, t, ov, G_YEAR2)) ||
            (rc = copy_group(&r->year, t, ov, G_YEAR3)))
            return rc;
        if (group_set(ov, G_NUM2) && (rc = set_number(r, t, ov, G_NUM2))) return rc;
        has_doc = 1;
    }
    if (group_set(ov, G_CONST)) {
        if ((rc = ls_strset(&r->law_name, "Hiến pháp", strlen("Hiến pháp"))) ||
            (rc = ls_strset(&r->doc_type, "Hiến pháp", strlen("Hiến pháp"))) ||
            (rc = copy_group(&r->year, t, ov, G_YEAR4)))
            return rc;
        has_doc = 1;
    }
    if (group_set(ov, G_NUM3)) {
        if ((rc = set_number(r, t, ov, G_NUM3))) return rc;
        has_doc = r->doc_number != NULL;
    }
    if (!has_doc) r->self = 1;   /* "khoản 1 Điều 32": the containing document */
    return LS_OK;
}

ls_rc ls_references_find(const char *text, size_t len, ls_cite **out, size_t *n,
                         ls_error *err)
{
    *out = NULL;
    *n = 0;
    pthread_once(&once, compile_once);
    if (!re)
        return ls_error_set(err, LS_ERR_INTERNAL, "%s",
                            shut_down ? "ls_references_find after ls_cite_shutdown"
                                      : compile_msg);
    if (len == 0) return LS_OK;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");

    ls_cite *refs = NULL;
    size_t count = 0, cap = 0;
    ls_rc rc = LS_OK;
    size_t pos = 0;
    uint32_t opts = 0;
    while (pos < len) {
        /* pcre2_match runs the JIT code when there is some, and checks the
         * UTF-8 of the whole subject on the first call */
        int m = pcre2_match(re, (PCRE2_SPTR)text, len, pos, opts, md, NULL);
        if (m == PCRE2_ERROR_NOMATCH) break;
        if (m < 0) {
            /* bad UTF-8 or a resource limit: report, keep what we found */
            PCRE2_UCHAR buf[160];
            pcre2_get_error_message(m, buf, sizeof buf);
            rc = ls_error_set(err, m <= PCRE2_ERROR_UTF8_ERR1 && m >= PCRE2_ERROR_UTF8_ERR21
                                       ? LS_ERR_UTF8 : LS_ERR_INTERNAL,
                              "reference search at byte %zu: %s", pos, (char *)buf);
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t s = ov[0], e = ov[1];
        opts = PCRE2_NO_UTF_CHECK;  /* checked by the first match */
        if (e == s) {               /* cannot happen, but never loop forever */
            pos = e + 1;
            while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80) pos++;
            continue;
        }
        pos = e;
        /* "Luật này" alone is no reference: only after a provision */
        if (!group_set(ov, G_PROV) && group_set(ov, G_SELFDOC)) continue;
        if (count == cap) {
            size_t nc = cap ? cap * 2 : 8;
            ls_cite *g = realloc(refs, nc * sizeof *g);
            if (!g) { rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory"); break; }
            refs = g;
            cap = nc;
        }
        ls_cite *r = &refs[count++];
        memset(r, 0, sizeof *r);
        r->start = r->group_start = s;
        r->end = r->group_end = e;
        if ((rc = fill_reference(r, text, ov))) {
            rc = ls_error_set(err, rc, "out of memory");
            break;
        }
        r->relation = ls_relation_near(text, len, s, e, NULL);
    }
    pcre2_match_data_free(md);
    if (rc != LS_OK) {
        ls_cites_free(refs, count);
        return rc;
    }
    *out = refs;
    *n = count;
    return rc;
}
