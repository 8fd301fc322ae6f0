/* legal_ids.c — PCRE2 rules for Vietnamese legal identifiers:
 *   document numbers  13/2023/NĐ-CP, 598/QĐ-TTg, 57-NQ/TW, 45/2019/QH14,
 *                     01/VBHN-VPQH, dirty 13/2023/ND-CP, 47-2021-NĐ-CP,
 *                     13_2023_NĐ_CP, 09/2026NQ-HĐND, 57- NQ/TW
 *   dates             17/4/2023, ngày 17 tháng 4 năm 2023 -> "20230417"
 *   references        Điều 5a, khoản 2, điểm đ -> "điều 5a", "khoản 2", "điểm đ"
 * (any case; the words may be unaccented or decomposed).
 *
 * Speed: the pattern is compiled once (pthread_once), anchored and JIT-ed,
 * and tried only at candidate positions found by a byte scan (a digit not
 * glued to a word, or the first letters of "ngày", "điều", "điểm",
 * "khoản"), so most of the text never enters PCRE2. Match data lives in the
 * caller's per-thread scratch. */
#include "legal_ids_internal.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Type codes that may stand without a year ("598/QĐ-TTg") or in Party form
 * ("57-NQ/TW"); with a year any code is accepted. */
#define TYPES "(?:TTLT|NQLT|TT|N[ĐD]|Q[ĐD]|QyĐ|NQ|CT|TB|PL|HD|KH|KL|VBHN|BC|L|QC|CĐ|CD)"
#define CODE "[A-ZĐ]{1,12}[0-9]{0,3}"
#define NUM "[0-9]{1,5}"
#define NB "(?<![\\p{L}\\p{N}/.-])"   /* not glued to a word, number or another id before ("_" may join a file name) */
#define NA "(?![\\p{L}\\p{N}])"         /* nor after */
#define WB "(?<![\\p{L}\\p{N}])"        /* a word starts here */

static const char pattern[] =
    /* 1: document number with a year: N/YYYY/CODE(-CODE)* */
    "(" NB NUM "[/_-](?:19|20)[0-9]{2}(?:[/_-]|(?=[A-ZĐ]))" CODE "(?:[-_]" CODE "){0,7}" NA ")"
    /* 2: no year, known type: N/TYPE-ISSUER */
    "|(" NB NUM "[/_]" TYPES "(?:[-_]" CODE "){1,7}" NA ")"
    /* 3: Party form: N-TYPE/ISSUER */
    "|(" NB NUM "\\s?-\\s?" TYPES "/" CODE "(?:[-_]" CODE "){0,3}" NA ")"
    /* 4,5,6: date d/m/yyyy */
    "|" NB "([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})" NA
    /* 7,8,9: ngày d tháng m năm yyyy */
    "|" WB "ng[aà]\\p{M}*y\\s+([0-9]{1,2})\\s+th[aá]\\p{M}*ng\\s+([0-9]{1,2})\\s+n[aă]\\p{M}*m\\s+"
    "((?:19|20)[0-9]{2})" NA
    /* 10: Điều N */
    "|" WB "[đd]i[eêề]\\p{M}*u\\s+([0-9]{1,4}[a-zđ]?)" NA
    /* 11: khoản N */
    "|" WB "kho[aả]\\p{M}*n\\s+([0-9]{1,3}[a-z]?)" NA
    /* 12: điểm x */
    "|" WB "[đd]i[eêể]\\p{M}*m\\s+([a-zđ][0-9]?)" NA;

static pcre2_code *re;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compile(void)
{
    int errcode;
    PCRE2_SIZE erroff;
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK,
                       &errcode, &erroff, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        fprintf(stderr, "luat-search: internal error: legal id pattern at %zu: %s\n",
                (size_t)erroff, (char *)msg);
        return;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
}

void ls_legal_ids_shutdown(void)
{
    pcre2_code_free(re);
    re = NULL;
}

void ls_legal_scratch_free(ls_legal_scratch *sc)
{
    pcre2_match_data_free(sc->md);
    sc->md = NULL;
}

static int ascii_alnum(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u; }

/* The next position >= i where an identifier may start: a superset of the
 * pattern's match starts (the pattern has the last word). */
static const unsigned char start_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['n'] = 1, ['N'] = 1, ['d'] = 1, ['D'] = 1, ['k'] = 1, ['K'] = 1,
    [0xC4] = 1,
};

static size_t next_candidate(const unsigned char *s, size_t len, size_t i)
{
    for (; i < len; i++) {
        unsigned char c = s[i];
        if (!start_byte[c]) continue;
        unsigned char lc = c | 0x20;
        int digit = (unsigned)(c - '0') < 10u;
        unsigned char prev = i ? s[i - 1] : ' ';
        if (ascii_alnum(prev)) continue;
        if (digit) {
            if (prev != '/' && prev != '.' && prev != '-') return i;
            continue;
        }
        unsigned char next = i + 1 < len ? s[i + 1] : 0;
        if (c == 0xC4) {
            /* Đ/đ then i */
            if ((next | 1) == 0x91 && i + 2 < len && (s[i + 2] | 0x20) == 'i') return i;
            continue;
        }
        next |= 0x20;
        if ((lc == 'n' && next == 'g') || (lc == 'd' && next == 'i') || (lc == 'k' && next == 'h'))
            return i;
    }
    return len;
}

static int valid_date(int day, int month) { return day >= 1 && day <= 31 && month >= 1 && month <= 12; }

/* "điều" + " " + the label, lower-cased (ASCII and Đ). */
static void ref_term(const char *word, const char *s, size_t n, char *out, size_t cap)
{
    char label[16];
    size_t m = 0;
    for (size_t i = 0; i < n && m + 3 < sizeof label; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC4 && i + 1 < n) { /* Đ or đ */
            label[m++] = (char)0xC4;
            label[m++] = (char)0x91;
            i++;
        } else {
            label[m++] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
        }
    }
    label[m] = '\0';
    snprintf(out, cap, "%s %s", word, label);
}

static int atoi_n(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* Turn a match into *id; 0 if it is not one after all (an impossible date). */
static int fill(const char *text, const PCRE2_SIZE *ov, int rc, ls_legal_id *id)
{
#define GROUP(g) ((g) < rc && ov[2 * (g)] != PCRE2_UNSET)
#define GSTR(g) (text + ov[2 * (g)])
#define GLEN(g) (ov[2 * (g) + 1] - ov[2 * (g)])
    id->start = ov[0];
    id->end = ov[1];
    if (GROUP(1) || GROUP(2) || GROUP(3)) {
        id->kind = LS_TOKEN_DOCNUM;
        ls_docnum_term(text + ov[0], ov[1] - ov[0], GROUP(3), id->term, sizeof id->term);
        return 1;
    }
    if (GROUP(4) || GROUP(7)) {
        int g = GROUP(4) ? 4 : 7;
        int day = atoi_n(GSTR(g), GLEN(g)), month = atoi_n(GSTR(g + 1), GLEN(g + 1));
        if (!valid_date(day, month)) return 0;
        id->kind = LS_TOKEN_DATE;
        snprintf(id->term, sizeof id->term, "%.4s%02d%02d", GSTR(g + 2), month, day);
        return 1;
    }
    static const struct { int group; ls_token_kind kind; const char *word; } refs[] = {
        {10, LS_TOKEN_ARTICLE, "điều"}, {11, LS_TOKEN_CLAUSE, "khoản"}, {12, LS_TOKEN_POINT, "điểm"},
    };
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (!GROUP(refs[i].group)) continue;
        id->kind = refs[i].kind;
        ref_term(refs[i].word, GSTR(refs[i].group), GLEN(refs[i].group), id->term, sizeof id->term);
        return 1;
    }
    return 0;
#undef GROUP
#undef GSTR
#undef GLEN
}

int ls_legal_id_next(const char *text, size_t len, size_t from, ls_legal_id *id,
                     ls_legal_scratch *sc)
{
    pthread_once(&once, compile);
    if (!re) return 0;
    if (!sc->md) {
        sc->md = pcre2_match_data_create_from_pattern(re, NULL);
        if (!sc->md) return -1;
    }
    const unsigned char *s = (const unsigned char *)text;
    for (size_t p = next_candidate(s, len, from); p < len; p = next_candidate(s, len, p)) {
        int rc = pcre2_match(re, s, len, p, PCRE2_NO_UTF_CHECK, sc->md, NULL);
        if (rc <= 0) {
            p++;
            continue;
        }
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        if (fill(text, ov, rc, id)) return 1;
        p = ov[1] > p ? ov[1] : p + 1; /* an impossible date: look past it */
    }
    return 0;
}
