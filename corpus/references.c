/* references.c — finds references to provisions and documents in legal text.
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
#include "structure.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void ls_structure_shutdown(void)
{
    pthread_once(&once, compile_once);
    pcre2_code_free(re);
    re = NULL;
    shut_down = 1;
}

/* ---- relation from the sentence --------------------------------------- */

static const struct { const char *word; ls_relation rel; } rel_words[] = {
    {"căn cứ", LS_REL_BASIS},         {"Căn cứ", LS_REL_BASIS},
    {"sửa đổi", LS_REL_AMENDS},       {"Sửa đổi", LS_REL_AMENDS},
    {"bổ sung", LS_REL_AMENDS},       {"Bổ sung", LS_REL_AMENDS},
    {"thay thế", LS_REL_REPLACES},    {"Thay thế", LS_REL_REPLACES},
    {"bãi bỏ", LS_REL_REPEALS},       {"Bãi bỏ", LS_REL_REPEALS},
    {"hết hiệu lực", LS_REL_REPEALS},
    {"hướng dẫn", LS_REL_GUIDES},     {"Hướng dẫn", LS_REL_GUIDES},
    {"quy định chi tiết", LS_REL_GUIDES}, {"Quy định chi tiết", LS_REL_GUIDES},
    {"đình chỉ", LS_REL_SUSPENDS},    {"Đình chỉ", LS_REL_SUSPENDS},
    {"ngưng hiệu lực", LS_REL_SUSPENDS}, {"Ngưng hiệu lực", LS_REL_SUSPENDS},
    {"đính chính", LS_REL_CORRECTS},  {"Đính chính", LS_REL_CORRECTS},
};

/* How far from the citation a keyword may be (bytes): bounds the work per
 * reference so long paragraphs stay linear. */
#define REL_WINDOW 400

static int is_sentence_end(const char *t, size_t i, size_t len)
{
    char c = t[i];
    if (c == '\n' || c == ';' || c == ':') return 1;
    return c == '.' && (i + 1 == len || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\r');
}

/* The relation as ls_relation_near gives it, and where its keyword is. */
static ls_relation relation_at(const char *t, size_t len, size_t start, size_t end, int *after,
                               size_t *at_out)
{
    if (after) *after = 0;
    size_t lo = start > REL_WINDOW ? start - REL_WINDOW : 0;
    size_t hi = end + REL_WINDOW < len ? end + REL_WINDOW : len;
    size_t s = start;
    while (s > lo && !is_sentence_end(t, s - 1, len)) s--;
    size_t e = end;
    while (e < hi && !is_sentence_end(t, e, len)) e++;

    /* nearest keyword before the citation */
    size_t best = 0;
    int found = 0;
    ls_relation rel = LS_REL_CITES;
    for (size_t k = 0; k < sizeof rel_words / sizeof rel_words[0]; k++) {
        size_t wl = strlen(rel_words[k].word);
        const char *p = t + s, *stop = t + start;
        while (p < stop) {
            const char *hit = memmem(p, (size_t)(stop - p), rel_words[k].word, wl);
            if (!hit) break;
            size_t at = (size_t)(hit - t);
            if (!found || at > best) { best = at; rel = rel_words[k].rel; found = 1; }
            p = hit + 1;
        }
    }
    *at_out = best;
    if (found) return rel;
    /* else the first keyword after it */
    if (after) *after = 1;
    for (size_t k = 0; k < sizeof rel_words / sizeof rel_words[0]; k++) {
        size_t wl = strlen(rel_words[k].word);
        if (e <= end) break;
        const char *hit = memmem(t + end, e - end, rel_words[k].word, wl);
        if (hit && (!found || (size_t)(hit - t) < best)) {
            best = (size_t)(hit - t);
            rel = rel_words[k].rel;
            found = 1;
        }
    }
    *at_out = best;
    return rel;
}

ls_relation ls_relation_near(const char *t, size_t len, size_t start, size_t end, int *after)
{
    size_t at;
    return relation_at(t, len, start, end, after, &at);
}

/* Does [s, e) name a numbered document ("... số 108/2018/NĐ-CP")? */
static int names_numbered(const char *t, size_t s, size_t e)
{
    static const char so[] = "số ";   /* 5 bytes */
    for (const char *p = t + s; p + sizeof so <= t + e; p++) {
        p = memmem(p, (size_t)(t + e - p), so, sizeof so - 1);
        if (!p || p + sizeof so > t + e) break;
        if (p[sizeof so - 1] >= '0' && p[sizeof so - 1] <= '9') return 1;
    }
    return 0;
}

ls_relation ls_relation_active(const char *t, size_t len, size_t start, size_t end)
{
    int after = 0;
    size_t at = 0;
    ls_relation rel = relation_at(t, len, start, end, &after, &at);
    if (rel == LS_REL_CITES) return rel;
    /* "X đã được sửa đổi, bổ sung theo Y", "được hướng dẫn tại": a fact
     * about X and Y, not an act of this text */
    static const char *const passive[] = {"được sửa đổi", "được bổ sung", "đã được",
                                          "được thay thế", "được hướng dẫn",
                                          "được quy định chi tiết", "bị bãi bỏ", "bị thay thế",
                                          "bị ngưng hiệu lực", "bị đình chỉ", "được đính chính"};
    size_t lo = start > REL_WINDOW ? start - REL_WINDOW : 0, s = start;
    while (s > lo && !is_sentence_end(t, s - 1, len)) s--;
    for (size_t k = 0; k < sizeof passive / sizeof passive[0]; k++)
        if (start > s && memmem(t + s, start - s, passive[k], strlen(passive[k]))) return LS_REL_CITES;
    /* "Nghị định số 108/2018/NĐ-CP ... sửa đổi, bổ sung ... Nghị định số
     * 78/2015/NĐ-CP", "Nghị định số X quy định chi tiết Luật Y": the verb
     * describes another document this sentence names first */
    if (!after && names_numbered(t, s, at)) return LS_REL_CITES;
    /* 'Thay thế cụm từ “Điều 135” bằng cụm từ “Điều 134”': words, not a provision */
    static const char open_quote[] = "\xe2\x80\x9c";   /* “ */
    if ((start >= 3 && memcmp(t + start - 3, open_quote, 3) == 0) || (start && t[start - 1] == '"'))
        return LS_REL_CITES;
    /* 'Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 1 Điều 52': words of it
     * change, the provision stays (amended) */
    if (!after && rel == LS_REL_REPLACES && start > at &&
        (memmem(t + at, start - at, "cụm từ", strlen("cụm từ")) ||
         memmem(t + at, start - at, open_quote, 3)))
        return LS_REL_AMENDS;
    /* "thay thế một phần công nghệ ... theo quy định tại Nghị định số X": X is
     * where a rule is, not what the verb acts on ("kèm theo" aside) */
    if (!after)
        for (const char *p = t + at; (p = memmem(p, (size_t)(t + start - p), "theo ", 5)); p++) {
            static const char kem[] = "kèm ";
            size_t k = sizeof kem - 1;
            if (!((size_t)(p - t) >= k && memcmp(p - k, kem, k) == 0)) return LS_REL_CITES;
        }
    if (!after) return rel;
    /* "Nghị quyết số 109/2015/QH13 ... về việc thi hành Bộ luật Hình sự số
     * 100/2015/QH13 ... hết hiệu lực": the citation describes the document
     * named before it, which is the one that goes */
    const char *ve = NULL, *va = NULL;
    for (const char *p = t + s; (p = memmem(p, (size_t)(t + start - p), " về ", strlen(" về ")));)
        ve = p++;
    for (const char *p = t + s; (p = memmem(p, (size_t)(t + start - p), " và ", strlen(" và ")));)
        va = p++;
    if (ve && (!va || ve > va) && names_numbered(t, s, (size_t)(ve - t))) return LS_REL_CITES;
    /* a keyword after the citation acts only as "X ... hết hiệu lực" or
     * "X ... ngưng hiệu lực", whatever comes between ("đã được sửa đổi") */
    size_t e = end, hi = end + REL_WINDOW < len ? end + REL_WINDOW : len;
    while (e < hi && !is_sentence_end(t, e, len)) e++;
    /* "... có hiệu lực đến khi Nghị quyết số X hết hiệu lực": a condition */
    size_t near = start > s + 24 ? start - 24 : s;
    if (start > near && memmem(t + near, start - near, "khi ", strlen("khi "))) return LS_REL_CITES;
    if (e > end && memmem(t + end, e - end, "hết hiệu lực", strlen("hết hiệu lực")))
        return LS_REL_REPEALS;
    if (e > end && memmem(t + end, e - end, "ngưng hiệu lực", strlen("ngưng hiệu lực")))
        return LS_REL_SUSPENDS;
    return LS_REL_CITES;
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

static ls_rc set_number(ls_reference *r, const char *t, const PCRE2_SIZE *ov, int g)
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
        /* infer "Nghị định" from "13/2023/NĐ-CP" with the model's own table */
        ls_document tmp;
        memset(&tmp, 0, sizeof tmp);
        char *raw = NULL;
        if (ls_strset(&raw, s, len)) return LS_ERR_NOMEM;
        tmp.number = raw;
        ls_document_infer_type(&tmp);
        r->doc_type = tmp.type;
        free(raw);
    }
    return LS_OK;
}

static ls_rc fill_reference(ls_reference *r, const char *t, const PCRE2_SIZE *ov)
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

static void free_one(ls_reference *r)
{
    free(r->doc_number);
    free(r->doc_type);
    free(r->law_name);
    free(r->year);
    free(r->article);
    free(r->clause);
    free(r->point);
}

void ls_references_free(ls_reference *refs, size_t n)
{
    if (!refs) return;
    for (size_t i = 0; i < n; i++) free_one(&refs[i]);
    free(refs);
}

ls_rc ls_references_find(const char *text, size_t len, ls_reference **out, size_t *n,
                         ls_error *err)
{
    *out = NULL;
    *n = 0;
    pthread_once(&once, compile_once);
    if (!re)
        return ls_error_set(err, LS_ERR_INTERNAL, "%s",
                            shut_down ? "ls_references_find after ls_structure_shutdown"
                                      : compile_msg);
    if (len == 0) return LS_OK;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");

    ls_reference *refs = NULL;
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
            ls_reference *g = realloc(refs, nc * sizeof *g);
            if (!g) { rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory"); break; }
            refs = g;
            cap = nc;
        }
        ls_reference *r = &refs[count++];
        memset(r, 0, sizeof *r);
        r->start = s;
        r->end = e;
        if ((rc = fill_reference(r, text, ov))) {
            rc = ls_error_set(err, rc, "out of memory");
            break;
        }
        r->relation = ls_relation_near(text, len, s, e, NULL);
    }
    pcre2_match_data_free(md);
    if (rc != LS_OK) {
        ls_references_free(refs, count);
        return rc;
    }
    *out = refs;
    *n = count;
    return rc;
}
