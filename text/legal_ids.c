/* legal_ids.c — PCRE2 rules for Vietnamese legal identifiers and their
 * normal forms:
 *   document numbers  13/2023/NĐ-CP, 598/QĐ-TTg, 57-NQ/TW, 45/2019/QH14,
 *                     01/VBHN-VPQH, dirty 13/2023/ND-CP, 47-2021-NĐ-CP,
 *                     13_2023_NĐ_CP, 09/2026NQ-HĐND  -> "13/2023/nđ-cp" ...
 *   dates             17/4/2023, ngày 17 tháng 4 năm 2023 -> "20230417"
 *   references        Điều 5a, khoản 2, điểm đ -> "điều 5a", "khoản 2", "điểm đ"
 * One compiled pattern (JIT) shared by all threads; match data per call. */
#include "legal_ids.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Type codes that may stand without a year ("598/QĐ-TTg") or in Party form
 * ("57-NQ/TW"); with a year any code is accepted. */
#define TYPES "(?:TTLT|NQLT|TT|N[ĐD]|Q[ĐD]|QyĐ|NQ|CT|TB|PL|HD|KH|KL|VBHN|BC|L|QC|CĐ|CD)"
#define CODE "[\\p{L}]{1,12}\\d{0,3}"
#define NB "(?<![\\p{L}\\p{N}/.-])"   /* not glued to a word, number or another id before ("_" may join a file name) */
#define NA "(?![\\p{L}\\p{N}])"         /* nor after */

static const char pattern[] =
    /* 1: document number with a year: N/YYYY/CODE(-CODE)* */
    "(" NB "\\d{1,5}[/_-](?:19|20)\\d{2}(?:[/_-]|(?=\\p{L}))" CODE "(?:[-_]" CODE "){0,7}" NA ")"
    /* 2: no year, known type: N/TYPE-ISSUER */
    "|(" NB "\\d{1,5}[/_]" TYPES "(?:[-_]" CODE "){1,7}" NA ")"
    /* 3: Party form: N-TYPE/ISSUER */
    "|(" NB "\\d{1,5}\\s?-\\s?" TYPES "/" CODE "(?:[-_]" CODE "){0,3}" NA ")"
    /* 4,5,6: date d/m/yyyy */
    "|" NB "(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})" NA
    /* 7,8,9: ngày d tháng m năm yyyy */
    "|(?<![\\p{L}\\p{N}])ng(?:ày|ay)\\s+(\\d{1,2})\\s+th(?:áng|ang)\\s+(\\d{1,2})\\s+n(?:ăm|am)\\s+"
    "((?:19|20)\\d{2})" NA
    /* 10: Điều N */
    "|(?<![\\p{L}\\p{N}])(?:điều|dieu)\\s+(\\d{1,4}[a-zđ]?)" NA
    /* 11: khoản N */
    "|(?<![\\p{L}\\p{N}])(?:khoản|khoan)\\s+(\\d{1,3}[a-z]?)" NA
    /* 12: điểm x */
    "|(?<![\\p{L}\\p{N}])(?:điểm|diem)\\s+([a-zđ]\\d?)" NA;

static pcre2_code *re;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compile(void)
{
    int errcode;
    PCRE2_SIZE erroff;
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NO_UTF_CHECK, &errcode,
                       &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        fprintf(stderr, "luat-search: internal error: legal id pattern at %zu: %s\n",
                (size_t)erroff, (char *)msg);
        return;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
}

void ls_legal_ids_shutdown(void)
{
    pcre2_code_free(re);
    re = NULL;
}

/* ASCII spellings of codes that are written with Đ */
static const struct { const char *ascii, *proper; } d_codes[] = {
    {"nd", "nđ"}, {"qd", "qđ"}, {"hdnd", "hđnd"}, {"bgddt", "bgdđt"}, {"bkhdt", "bkhđt"},
    {"bldtbxh", "blđtbxh"}, {"qyd", "qyđ"}, {"hdtp", "hđtp"}, {"hdqt", "hđqt"}, {"tld", "tlđ"},
    {"cd", "cđ"}, {"ubtvqhd", "ubtvqhđ"},
};

/* Lower-case one code part (ASCII + Đ) into out; fix ASCII Đ codes. */
static size_t put_code(char *out, size_t cap, const char *s, size_t n)
{
    char low[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 2 < sizeof low; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC4 && i + 1 < n && ((unsigned char)s[i + 1] == 0x90 || (unsigned char)s[i + 1] == 0x91)) {
            low[k++] = (char)0xC4;
            low[k++] = (char)0x91; /* đ */
            i++;
        } else {
            low[k++] = (char)tolower(c);
        }
    }
    low[k] = '\0';
    const char *use = low;
    for (size_t i = 0; i < sizeof d_codes / sizeof d_codes[0]; i++)
        if (strcmp(low, d_codes[i].ascii) == 0) use = d_codes[i].proper;
    size_t m = strlen(use);
    if (m >= cap) m = cap - 1;
    memcpy(out, use, m);
    out[m] = '\0';
    return m;
}

/* Rebuild a matched document number in normal form. party: N-TYPE/ISSUER. */
static void docnum_term(const char *s, size_t n, int party, char *out, size_t cap)
{
    /* split into runs of digits and runs of letters (separators dropped) */
    struct { const char *p; size_t n; int digits; } part[16];
    size_t np = 0;
    for (size_t i = 0; i < n && np < 16;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '/' || c == '-' || c == '_' || c == ' ') {
            i++;
            continue;
        }
        size_t j = i;
        int digits = isdigit(c) != 0;
        while (j < n) {
            unsigned char d = (unsigned char)s[j];
            if (d == '/' || d == '-' || d == '_' || d == ' ') break;
            if (digits && !isdigit(d)) break;
            /* a code like QH14 keeps its digits */
            j++;
        }
        part[np].p = s + i;
        part[np].n = j - i;
        part[np].digits = digits;
        np++;
        i = j;
    }
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < np && k + 2 < cap; i++) {
        const char *sep = "";
        if (i > 0) {
            if (party) sep = i == 1 ? "-" : i == 2 ? "/" : "-";
            else if (part[i - 1].digits) sep = "/";          /* after N or the year */
            else sep = "-";                                  /* between codes */
        }
        size_t sl = strlen(sep);
        if (k + sl + 1 >= cap) break;
        memcpy(out + k, sep, sl);
        k += sl;
        if (part[i].digits) {
            size_t m = part[i].n < cap - k - 1 ? part[i].n : cap - k - 1;
            memcpy(out + k, part[i].p, m);
            k += m;
        } else {
            k += put_code(out + k, cap - k, part[i].p, part[i].n);
        }
        out[k] = '\0';
    }
}

static int valid_date(const char *d, const char *m)
{
    int day = atoi(d), month = atoi(m);
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

static void ref_term(const char *word, const char *s, size_t n, char *out, size_t cap)
{
    char num[32];
    size_t m = n < sizeof num - 1 ? n : sizeof num - 1;
    memcpy(num, s, m);
    num[m] = '\0';
    for (size_t i = 0; i < m; i++) num[i] = (char)tolower((unsigned char)num[i]);
    /* upper-case Đ as a point label */
    if (m == 2 && (unsigned char)num[0] == 0xC4 && (unsigned char)num[1] == 0x90) num[1] = (char)0x91;
    snprintf(out, cap, "%s %s", word, num);
}

int ls_legal_id_next(const char *text, size_t len, size_t from, ls_legal_id *id)
{
    pthread_once(&once, compile);
    if (!re || from >= len) return 0;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md) return 0;
    int found = 0;
    while (from < len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, md, NULL);
        if (rc <= 0) break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        id->start = ov[0];
        id->end = ov[1];
#define GROUP(g) ((size_t)(g) < (size_t)rc && ov[2 * (g)] != PCRE2_UNSET)
#define GSTR(g) (text + ov[2 * (g)])
#define GLEN(g) (ov[2 * (g) + 1] - ov[2 * (g)])
        if (GROUP(1) || GROUP(2) || GROUP(3)) {
            id->kind = LS_TOKEN_DOCNUM;
            docnum_term(text + ov[0], ov[1] - ov[0], GROUP(3), id->term, sizeof id->term);
            found = 1;
        } else if (GROUP(4) || GROUP(7)) {
            int g = GROUP(4) ? 4 : 7;
            char d[4], m[4];
            snprintf(d, sizeof d, "%.*s", (int)GLEN(g), GSTR(g));
            snprintf(m, sizeof m, "%.*s", (int)GLEN(g + 1), GSTR(g + 1));
            if (valid_date(d, m)) {
                id->kind = LS_TOKEN_DATE;
                snprintf(id->term, sizeof id->term, "%.4s%02d%02d", GSTR(g + 2), atoi(m), atoi(d));
                found = 1;
            }
        } else if (GROUP(10)) {
            id->kind = LS_TOKEN_ARTICLE;
            ref_term("điều", GSTR(10), GLEN(10), id->term, sizeof id->term);
            found = 1;
        } else if (GROUP(11)) {
            id->kind = LS_TOKEN_CLAUSE;
            ref_term("khoản", GSTR(11), GLEN(11), id->term, sizeof id->term);
            found = 1;
        } else if (GROUP(12)) {
            id->kind = LS_TOKEN_POINT;
            ref_term("điểm", GSTR(12), GLEN(12), id->term, sizeof id->term);
            found = 1;
        }
        if (found) break;
        from = ov[1] > from ? ov[1] : from + 1; /* an invalid date: look further */
    }
    pcre2_match_data_free(md);
    return found;
}

ls_rc ls_docnum_normalize(const char *s, size_t len, char **out, ls_error *err)
{
    *out = NULL;
    if (!ls_utf8_valid(s, len, NULL))
        return ls_error_set(err, LS_ERR_UTF8, "document number is not valid UTF-8");
    ls_legal_id id;
    size_t from = 0;
    while (ls_legal_id_next(s, len, from, &id)) {
        if (id.kind == LS_TOKEN_DOCNUM) {
            *out = strdup(id.term);
            return *out ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        }
        from = id.end;
    }
    return ls_error_set(err, LS_ERR_FORMAT, "'%.*s' is not a document number", (int)(len > 80 ? 80 : len), s);
}
