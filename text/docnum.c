/* docnum.c — the normal form of a Vietnamese document number (số hiệu):
 * lower case, parts joined as "N/YEAR/TYPE-ISSUER" (or the Party form
 * "N-TYPE/ISSUER"), whatever separators the text used ("_", "-", a missing
 * "/" before the code), and ASCII spellings of codes written with Đ given
 * their đ back (ND -> nđ, QD -> qđ, HDND -> hđnd ...). Also the public
 * ls_docnum_normalize, which finds the number with the legal_ids.c rules. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "analyser.h"
#include "legal_ids_internal.h"

/* ASCII spellings of codes that are written with Đ */
static const struct { const char *ascii, *proper; } d_codes[] = {
    {"nd", "nđ"}, {"qd", "qđ"}, {"hdnd", "hđnd"}, {"bgddt", "bgdđt"}, {"bkhdt", "bkhđt"},
    {"bldtbxh", "blđtbxh"}, {"qyd", "qyđ"}, {"hdtp", "hđtp"}, {"hdqt", "hđqt"}, {"tld", "tlđ"},
    {"cd", "cđ"}, {"ubtvqhd", "ubtvqhđ"}, {"hdbcqg", "hđbcqg"}, {"dctw", "đctw"},
};

static int is_sep(unsigned char c) { return c == '/' || c == '-' || c == '_' || c == ' '; }

/* Append one code part (ASCII letters, digits and Đ/đ) lower-cased, with
 * its Đ restored if it is an ASCII spelling; returns the new length k. */
static size_t put_code(char *out, size_t cap, size_t k, const char *s, size_t n)
{
    char low[80];
    size_t m = 0;
    for (size_t i = 0; i < n && m + 3 < sizeof low; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC4 && i + 1 < n && ((unsigned char)s[i + 1] | 1) == 0x91) {
            low[m++] = (char)0xC4;
            low[m++] = (char)0x91; /* đ */
            i++;
        } else {
            low[m++] = (char)tolower(c);
        }
    }
    low[m] = '\0';
    const char *use = low;
    for (size_t i = 0; i < sizeof d_codes / sizeof d_codes[0]; i++)
        if (strcmp(low, d_codes[i].ascii) == 0) use = d_codes[i].proper;
    size_t u = strlen(use);
    if (k + u >= cap) u = cap - 1 - k;
    memcpy(out + k, use, u);
    return k + u;
}

void ls_docnum_term(const char *s, size_t n, int party, char *out, size_t cap)
{
    size_t k = 0, part = 0;
    int prev_digits = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && k + 2 < cap;) {
        if (is_sep((unsigned char)s[i])) {
            i++;
            continue;
        }
        /* a run of digits, or a code (letters, then maybe digits: QH14) */
        int digits = isdigit((unsigned char)s[i]) != 0;
        size_t j = i;
        while (j < n && !is_sep((unsigned char)s[j]) && (!digits || isdigit((unsigned char)s[j]))) j++;
        if (part > 0) {
            char sep;
            if (party) sep = part == 2 ? '/' : '-';  /* 57-nq/tw */
            else sep = prev_digits ? '/' : '-';      /* after N or the year: "/" */
            out[k++] = sep;
        }
        if (digits) {
            size_t m = j - i < cap - 1 - k ? j - i : cap - 1 - k;
            memcpy(out + k, s + i, m);
            k += m;
        } else {
            k = put_code(out, cap, k, s + i, j - i);
        }
        out[k] = '\0';
        prev_digits = digits;
        part++;
        i = j;
    }
    ls_utf8_truncate(out);
}

/* The first document number of s[0..len) (valid UTF-8) into *id: 1 found,
 * 0 none, -1 out of memory. */
static int first_docnum(const char *s, size_t len, ls_legal_id *id)
{
    ls_legal_scratch sc = {0};
    size_t from = 0;
    int r;
    while ((r = ls_legal_id_next(s, len, from, id, &sc)) > 0 && id->kind != LS_TOKEN_DOCNUM)
        from = id->end;
    ls_legal_scratch_free(&sc);
    return r;
}

size_t ls_docnum_end(const char *s, size_t len)
{
    ls_legal_id id;
    if (!s || !ls_utf8_valid(s, len, NULL) || first_docnum(s, len, &id) <= 0) return 0;
    return id.end;
}

ls_rc ls_docnum_normalize(const char *s, size_t len, char **out, ls_error *err)
{
    if (out) *out = NULL;
    if (!out || (!s && len)) return ls_error_set(err, LS_ERR_ARG, "NULL argument");
    size_t bad;
    if (!ls_utf8_valid(s, len, &bad))
        return ls_error_set(err, LS_ERR_UTF8, "document number: invalid UTF-8 at byte %zu", bad);
    ls_legal_id id;
    int r = first_docnum(s, len, &id);
    if (r < 0) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (r == 0) {
        char shown[84];
        size_t m = len < 80 ? len : 80;
        memcpy(shown, s, m);
        shown[m] = '\0';
        ls_utf8_truncate(shown);
        return ls_error_set(err, LS_ERR_FORMAT, "'%s' is not a document number", shown);
    }
    *out = strdup(id.term);
    return *out ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
}
