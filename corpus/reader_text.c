/* reader_text.c — reads one plain-text decree as published:
 *
 *   CHÍNH PHỦ                      <- issuer (lines before the first "-----")
 *   -------
 *   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc
 *   Số: 123/2015/NĐ-CP             <- number ("Luật số: 68/2020/QH14")
 *   Hà Nội, ngày 15 tháng 11 năm 2015   <- issued date
 *   NGHỊ ĐỊNH                      <- type line
 *   QUY ĐỊNH CHI TIẾT ...          <- subject lines (capitals) -> title
 *   Căn cứ ...; Chương I; Điều 1. ...   <- body, split by structure.c
 *
 * The title is put in sentence case ("Nghị định quy định chi tiết một số
 * điều và biện pháp thi hành Luật Hộ tịch", "Luật Cư trú"), keeping the
 * capitals of names we can recognise (after "Luật", "Chính phủ", "Quốc hội",
 * place names after "tỉnh"/"thành phố") and of document numbers, with the
 * type citing them ("Nghị định số 43/2014/NĐ-CP": else a title's citation
 * is not read as one). A file holds one document.
 */
#include "reader.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

#include "structure.h"
#include "../common/ls_buf.h"
#include "../text/analyser.h"

/* ---- small text helpers ------------------------------------------------ */

static int blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void trim(const char **s, size_t *n)
{
    while (*n && blank(**s)) { (*s)++; (*n)--; }
    while (*n && blank((*s)[*n - 1])) (*n)--;
}

static int starts(const char *s, size_t n, const char *p)
{
    size_t pl = strlen(p);
    return n >= pl && memcmp(s, p, pl) == 0;
}

static int is_rule(const char *s, size_t n)
{
    if (n < 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '-' && s[i] != '_' && s[i] != '=' && s[i] != ' ') return 0;
    return 1;
}

/* 1 if the line has a lower-case letter (ICU's notion, so "ư" counts). */
static int has_lower(const char *s, size_t n)
{
    int32_t i = 0, len = (int32_t)n;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c >= 0 && u_islower(c)) return 1;
    }
    return 0;
}

/* Upper-case the letter at s[off] in place when its case pair has the same
 * UTF-8 length (true of every Vietnamese letter). */
static void cap_at(char *s, size_t len, size_t off)
{
    int32_t i = (int32_t)off;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)len, c);
    if (c < 0) return;
    UChar32 u = u_toupper(c);
    uint8_t enc[4];
    int32_t k = 0;
    UBool bad = 0;
    U8_APPEND(enc, k, 4, u, bad);
    if (!bad && k == i - (int32_t)off) memcpy(s + off, enc, (size_t)k);
}

static int word_char(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Next word start after off (skipping the current word and blanks), or len. */
static size_t next_word(const char *s, size_t len, size_t off)
{
    while (off < len && word_char((unsigned char)s[off])) off++;
    while (off < len && !word_char((unsigned char)s[off])) off++;
    return off;
}

/* Find lower-case phrase `p` at word boundaries in s starting at from. */
static const char *find_word(const char *s, size_t len, size_t from, const char *p)
{
    size_t pl = strlen(p);
    while (from < len) {
        const char *h = memmem(s + from, len - from, p, pl);
        if (!h) return NULL;
        size_t at = (size_t)(h - s);
        int left = at == 0 || !word_char((unsigned char)s[at - 1]);
        int right = at + pl == len || !word_char((unsigned char)s[at + pl]);
        if (left && right) return h;
        from = at + 1;
    }
    return NULL;
}

/* Capitalise the first `words` words of each occurrence of phrase p
 * ("việt nam", 2 -> "Việt Nam"; "quốc hội", 1 -> "Quốc hội"). */
static void cap_phrase(char *s, size_t len, const char *p, int words)
{
    const char *h;
    size_t from = 0, pl = strlen(p);
    while ((h = find_word(s, len, from, p))) {
        size_t at = (size_t)(h - s);
        for (int w = 0; w < words && at < (size_t)(h - s) + pl; w++) {
            cap_at(s, len, at);
            at = next_word(s, len, at);
        }
        from = (size_t)(h - s) + pl;
    }
}

static const char *const law_words_not_names[] = {"này", "sư", "và", "về", "hiện", "các", NULL};

/* The proper names we can recognise in a lower-cased title or issuer. */
static void restore_names(char *s, size_t len)
{
    cap_phrase(s, len, "thường vụ quốc hội", 1);   /* before "quốc hội" changes it */
    cap_phrase(s, len, "chính phủ", 1);
    cap_phrase(s, len, "quốc hội", 1);
    cap_phrase(s, len, "việt nam", 2);
    cap_phrase(s, len, "hiến pháp", 1);
    /* "luật hộ tịch" -> "Luật Hộ tịch", "bộ luật lao động" -> "Bộ luật Lao động";
     * not "pháp luật về ..." nor "luật sư" */
    const char *h;
    size_t from = 0;
    while ((h = find_word(s, len, from, "luật"))) {
        size_t at = (size_t)(h - s);
        from = at + strlen("luật");
        int after_phap = at >= strlen("pháp ") && memcmp(s + at - strlen("pháp "), "pháp ", strlen("pháp ")) == 0;
        int after_bo = at >= strlen("bộ ") && (memcmp(s + at - strlen("bộ "), "bộ ", strlen("bộ ")) == 0 ||
                                              memcmp(s + at - strlen("Bộ "), "Bộ ", strlen("Bộ ")) == 0);
        size_t nw = next_word(s, len, at);
        if (after_phap || nw >= len || s[nw - 1] != ' ') continue;
        int skip = 0;
        for (const char *const *w = law_words_not_names; *w; w++)
            if (find_word(s, len, nw, *w) == s + nw) skip = 1;
        if (skip) continue;
        if (after_bo) cap_at(s, len, at - strlen("bộ "));
        else cap_at(s, len, at);
        cap_at(s, len, nw);
    }
    /* place names after "tỉnh" / "thành phố": every word to the end */
    static const char *const places[] = {"tỉnh ", "thành phố ", NULL};
    for (const char *const *pl = places; *pl; pl++) {
        size_t f = 0, plen = strlen(*pl);
        const char *p;
        while (f < len && (p = memmem(s + f, len - f, *pl, plen))) {
            size_t at = (size_t)(p - s) + plen;
            while (at < len) { cap_at(s, len, at); at = next_word(s, len, at); }
            f = (size_t)(p - s) + plen;
        }
    }
}

/* Lower-case src (ICU, Vietnamese rules) into a new string. */
static char *lower_dup(const char *src, size_t n)
{
    UErrorCode st = U_ZERO_ERROR;
    UCaseMap *cm = ucasemap_open("vi", 0, &st);
    if (U_FAILURE(st)) return NULL;
    int32_t cap = (int32_t)n * 2 + 8;
    char *out = malloc((size_t)cap);
    if (out) {
        int32_t k = ucasemap_utf8ToLower(cm, out, cap, src, (int32_t)n, &st);
        if (U_FAILURE(st) || k >= cap) { free(out); out = NULL; }
        else out[k] = '\0';
    }
    ucasemap_close(cm);
    return out;
}

/* A document number ("43/2014/NĐ-CP"): a word with a digit and a '/'. */
static int number_word(const char *w, size_t n)
{
    if (!memchr(w, '/', n)) return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9') return 1;
    return 0;
}

/* low (len bytes) is orig lower-cased: give its document numbers back
 * their capitals word by word ("nghị định số 43/2014/nđ-cp" -> "... số
 * 43/2014/NĐ-CP"), so a title's citation reads as one; a word whose bytes
 * lower-casing changed in length is left. */
static void restore_numbers(char *low, size_t len, const char *orig, size_t olen)
{
    size_t i = 0, j = 0;
    while (i < len && j < olen) {
        while (i < len && (low[i] == ' ' || low[i] == '\n')) i++;
        while (j < olen && (orig[j] == ' ' || orig[j] == '\n')) j++;
        size_t a = i, b = j;
        while (i < len && low[i] != ' ' && low[i] != '\n') i++;
        while (j < olen && orig[j] != ' ' && orig[j] != '\n') j++;
        if (i - a == j - b && number_word(orig + b, j - b)) memcpy(low + a, orig + b, j - b);
    }
}

/* ---- header fields ------------------------------------------------------- */

static const struct { const char *caps, *name; int is_law; } doc_types[] = {
    {"THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch", 0}, {"NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch", 0},
    {"VĂN BẢN HỢP NHẤT", "Văn bản hợp nhất", 0}, {"NGHỊ ĐỊNH", "Nghị định", 0},
    {"THÔNG TƯ", "Thông tư", 0}, {"QUYẾT ĐỊNH", "Quyết định", 0}, {"NGHỊ QUYẾT", "Nghị quyết", 0},
    {"BỘ LUẬT", "Bộ luật", 1}, {"LUẬT", "Luật", 1}, {"PHÁP LỆNH", "Pháp lệnh", 1},
    {"HIẾN PHÁP", "Hiến pháp", 1}, {"CHỈ THỊ", "Chỉ thị", 0}, {"LỆNH", "Lệnh", 0},
    {"THÔNG BÁO", "Thông báo", 0}, {"KẾ HOẠCH", "Kế hoạch", 0}, {"HƯỚNG DẪN", "Hướng dẫn", 0},
};
#define NTYPES (sizeof doc_types / sizeof doc_types[0])

/* Index of the type whose capitals open the line (alone or before the
 * subject), else -1; *rest gets the offset of the subject on the same line. */
static int type_line(const char *s, size_t n, size_t *rest)
{
    for (size_t i = 0; i < NTYPES; i++) {
        size_t tl = strlen(doc_types[i].caps);
        if (!starts(s, n, doc_types[i].caps)) continue;
        if (tl == n) { *rest = n; return (int)i; }
        if (s[tl] == ' ' && !has_lower(s, n)) { *rest = tl + 1; return (int)i; }
    }
    return -1;
}

/* Parse "ngày 15 tháng 11 năm 2015" or "ngày 15/11/2015" at s (which starts
 * with "ngày"); writes "2015-11-15". Returns 1 on success. */
static int parse_date(const char *s, size_t n, char out[11])
{
    size_t i = strlen("ngày");
    if (!starts(s, n, "ngày")) return 0;
    unsigned v[3] = {0, 0, 0};
    static const char *const seps[] = {"tháng", "năm"};
    for (int f = 0; f < 3; f++) {
        while (i < n && s[i] == ' ') i++;
        size_t d = i;
        while (i < n && s[i] >= '0' && s[i] <= '9' && i - d < 4) v[f] = v[f] * 10 + (unsigned)(s[i++] - '0');
        if (i == d) return 0;
        if (f == 2) break;
        if (i < n && s[i] == '/') { i++; continue; }
        while (i < n && s[i] == ' ') i++;
        if (!starts(s + i, n - i, seps[f])) return 0;
        i += strlen(seps[f]);
    }
    if (v[0] < 1 || v[0] > 31 || v[1] < 1 || v[1] > 12 || v[2] < 1000 || v[2] > 2999) return 0;
    snprintf(out, 11, "%04u-%02u-%02u", v[2], v[1], v[0]);
    return 1;
}

/* First date after `kw` in text, where "ngày" follows within `reach` bytes.
 * With prefer_self, an occurrence preceded closely by "này" wins. */
static int find_date_after(const char *t, size_t n, const char *kw, size_t reach, int prefer_self,
                           char out[11])
{
    size_t kl = strlen(kw), from = 0;
    int found = 0;
    char tmp[11];
    while (from < n) {
        const char *h = memmem(t + from, n - from, kw, kl);
        if (!h) break;
        size_t at = (size_t)(h - t) + kl;
        size_t lim = at + reach < n ? at + reach : n;
        const char *ng = memmem(t + at, lim - at, "ngày", strlen("ngày"));
        from = at;
        if (!ng || !parse_date(ng, n - (size_t)(ng - t), tmp)) continue;
        size_t back = (size_t)(h - t) >= 40 ? 40 : (size_t)(h - t);
        int self = memmem(h - back, back, "này", strlen("này")) != NULL;
        if (!found || (prefer_self && self)) {
            memcpy(out, tmp, 11);
            found = 1;
            if (!prefer_self || self) return 1;
        }
    }
    return found;
}

/* What may stand before "số" on a number line: nothing, or a type name
 * ("Luật số: 68/2020/QH14") — not prose like "Căn cứ Nghị định số ...". */
static int number_prefix_ok(const char *s, size_t n)
{
    static const char *const ok[] = {"Luật ", "Bộ luật ", "Pháp lệnh ", "Nghị quyết ", "Lệnh ",
                                     "Văn bản hợp nhất ", "LUẬT ", "BỘ LUẬT ", NULL};
    if (n == 0) return 1;
    for (const char *const *p = ok; *p; p++)
        if (strlen(*p) == n && memcmp(s, *p, n) == 0) return 1;
    return 0;
}

/* "Số: 123/2015/NĐ-CP", "Luật số: 68/2020/QH14": the token after "số". */
static int number_in_line(const char *s, size_t n, const char **num, size_t *nl)
{
    static const char *const kws[] = {"Số", "số", "SỐ"};
    for (size_t k = 0; k < 3; k++) {
        const char *h = memmem(s, n, kws[k], strlen(kws[k]));
        if (!h || !number_prefix_ok(s, (size_t)(h - s))) continue;
        size_t i = (size_t)(h - s) + strlen(kws[k]);
        while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '.')) i++;
        size_t st = i;
        while (i < n && !blank(s[i])) i++;
        while (i > st && (s[i - 1] == ',' || s[i - 1] == ';' || s[i - 1] == '.')) i--;
        if (i > st && s[st] >= '0' && s[st] <= '9') {
            *num = s + st;
            *nl = i - st;
            return 1;
        }
    }
    return 0;
}

typedef struct {
    ls_buf issuer, subject;
    const char *number;
    size_t number_len;
    int type;                 /* index in doc_types, -1 none */
    size_t type_lineno;
    char issued[11];
    size_t body;              /* offset where the body starts */
} header;

static ls_rc put_line(ls_buf *b, const char *s, size_t n)
{
    ls_rc rc = LS_OK;
    if (b->len) rc = ls_buf_putc(b, ' ');
    return rc ? rc : ls_buf_append(b, s, n);
}

#define HEADER_MAX_LINES 80

static ls_rc read_header(const char *d, size_t len, size_t pos, header *h)
{
    int seen_rule = 0, in_subject = 0;
    size_t lineno = 0, nonempty = 0;
    ls_rc rc = LS_OK;
    h->type = -1;
    h->body = pos;
    while (pos < len && rc == LS_OK) {
        const char *nl = memchr(d + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - d) : len, next = nl ? end + 1 : len;
        const char *s = d + pos;
        size_t n = end - pos;
        trim(&s, &n);
        lineno++;
        if (in_subject) {
            if (n == 0 || has_lower(s, n)) break;
            rc = put_line(&h->subject, s, n);
            h->body = pos = next;
            continue;
        }
        pos = next;
        if (n == 0) continue;
        if (++nonempty > HEADER_MAX_LINES) break;
        size_t rest;
        const char *num = NULL;
        size_t numl = 0;
        int number_line = 0;
        if (is_rule(s, n)) { seen_rule = 1; continue; }
        if (starts(s, n, "CỘNG HÒA") || starts(s, n, "CỘNG HOÀ") || starts(s, n, "Độc lập")) {
            seen_rule = 1;
            continue;
        }
        if (!h->number && number_in_line(s, n, &num, &numl)) {
            h->number = num;
            h->number_len = numl;
            seen_rule = 1;
            number_line = 1;
        }
        const char *ng = memmem(s, n, "ngày", strlen("ngày"));
        if (!h->issued[0] && ng) parse_date(ng, n - (size_t)(ng - s), h->issued);
        if (number_line) continue;
        if ((h->type = type_line(s, n, &rest)) >= 0) {
            h->type_lineno = lineno;
            if (rest < n) rc = put_line(&h->subject, s + rest, n - rest);
            in_subject = 1;
            h->body = pos;
            continue;
        }
        if (!seen_rule && !has_lower(s, n) && h->issuer.len < 200) rc = put_line(&h->issuer, s, n);
    }
    return rc;
}

/* ---- building the document ---------------------------------------------- */

/* A type named before a number ("nghị định số 43/2014/NĐ-CP") is
 * capitalised as a citation writes it: "Nghị định số 43/2014/NĐ-CP". */
static void cap_cited_types(char *s, size_t len)
{
    static const char so[] = " số ";
    for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), so, strlen(so))); p++) {
        const char *w = p + strlen(so), *end = s + len;
        size_t wn = 0;
        while (w + wn < end && w[wn] != ' ') wn++;
        if (!number_word(w, wn)) continue;
        for (size_t t = 0; t < NTYPES; t++) {
            char *low = lower_dup(doc_types[t].name, strlen(doc_types[t].name));
            size_t k = low ? strlen(low) : 0;
            if (low && (size_t)(p - s) >= k && memcmp(p - k, low, k) == 0 &&
                (p - k == s || p[-(ptrdiff_t)k - 1] == ' ')) {
                cap_at(s, len, (size_t)(p - k - s));
                t = NTYPES;
            }
            free(low);
        }
    }
}

static ls_rc set_lower_named(char **field, const char *prefix, const char *s, size_t n,
                             int cap_first)
{
    char *low = lower_dup(s, n);
    if (!low) return LS_ERR_NOMEM;
    ls_buf b = LS_BUF_INIT;
    ls_rc rc = prefix ? ls_buf_printf(&b, "%s ", prefix) : LS_OK;
    size_t body_off = b.len;
    if (!rc) rc = ls_buf_puts(&b, low);
    free(low);
    if (rc) { ls_buf_free(&b); return rc; }
    restore_numbers(b.data + body_off, b.len - body_off, s, n);
    cap_cited_types(b.data, b.len);
    restore_names(b.data, b.len);
    if (cap_first || !prefix) cap_at(b.data, b.len, body_off);
    if (prefix) cap_at(b.data, b.len, 0);
    /* issuers: "Bộ công an" -> "Bộ Công an" (a ministry's name) */
    if (!prefix && starts(b.data, b.len, "Bộ ")) cap_at(b.data, b.len, strlen("Bộ "));
    free(*field);
    *field = ls_buf_detach(&b);
    return *field ? LS_OK : LS_ERR_NOMEM;
}

static ls_rc fill_document(ls_document *doc, const char *name, const char *d, size_t len,
                           header *h)
{
    ls_rc rc;
    if ((rc = ls_strset(&doc->source, name, strlen(name))) ||
        (rc = ls_strset(&doc->number, h->number, h->number_len)))
        return rc;
    if (h->type >= 0) {
        const char *tn = doc_types[h->type].name;
        if ((rc = ls_strset(&doc->type, tn, strlen(tn)))) return rc;
        if (h->subject.len &&
            (rc = set_lower_named(&doc->title, tn, h->subject.data, h->subject.len,
                                  doc_types[h->type].is_law)))
            return rc;
    } else {
        ls_document_infer_type(doc);
    }
    if (h->issuer.len && (rc = set_lower_named(&doc->issuer, NULL, h->issuer.data, h->issuer.len, 1)))
        return rc;
    char date[11];
    if (h->issued[0]) rc = ls_strset(&doc->issued, h->issued, 10);
    else if (find_date_after(d, len, "thông qua", 12, 0, date)) rc = ls_strset(&doc->issued, date, 10);
    if (rc) return rc;
    if (find_date_after(d + h->body, len - h->body, "có hiệu lực", 60, 1, date) &&
        (rc = ls_strset(&doc->effective, date, 10)))
        return rc;
    if (!doc->title && doc->type && (rc = ls_strset(&doc->title, doc->type, strlen(doc->type))))
        return rc;
    return LS_OK;
}

static size_t line_of(const char *d, size_t off)
{
    size_t line = 1;
    for (const char *p = d; (p = memchr(p, '\n', off - (size_t)(p - d))); p++) line++;
    return line;
}

static void problem(const ls_reader_sink *sink, const char *name, size_t line, const char *msg)
{
    ls_reader_problem(sink, name, line, msg);
}

ls_rc ls_read_text(const char *name, const char *data, size_t len, const ls_reader_sink *sink,
                   ls_error *err)
{
    if (!sink || !sink->on_document) return ls_error_set(err, LS_ERR_ARG, "reader: no document sink");
    if (!name) name = "<text>";
    if (!data) { data = ""; len = 0; }
    size_t bad;
    if (!ls_utf8_valid(data, len, &bad)) {
        char msg[96];
        snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu: document skipped", bad);
        problem(sink, name, line_of(data, bad), msg);
        return LS_OK;
    }
    size_t pos = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    header h;
    memset(&h, 0, sizeof h);
    ls_rc rc = read_header(data, len, pos, &h);
    ls_document *doc = NULL;
    char *id = NULL;
    if (rc) goto out;
    if (!h.number) {
        problem(sink, name, h.type_lineno ? h.type_lineno : 1, "no document number: document skipped");
        goto out;
    }
    ls_rc nrc = ls_docnum_normalize(h.number, h.number_len, &id, NULL);
    if (nrc == LS_ERR_NOMEM) { rc = nrc; goto out; }
    if (nrc) {
        problem(sink, name, h.type_lineno ? h.type_lineno : 1,
                "document number not recognised: document skipped");
        goto out;
    }
    if (!(doc = ls_document_new())) { rc = LS_ERR_NOMEM; goto out; }
    doc->id = id;
    id = NULL;
    if ((rc = fill_document(doc, name, data, len, &h))) goto out;
    if ((rc = ls_structure_parse_body(doc, data + h.body, len - h.body, err))) goto out;
    sink->on_document(sink->ctx, doc);   /* one document per file: nothing to stop */
out:
    if (rc == LS_ERR_NOMEM) ls_error_set(err, rc, "%s: out of memory", name);
    free(id);
    ls_document_free(doc);
    ls_buf_free(&h.issuer);
    ls_buf_free(&h.subject);
    return rc;
}
