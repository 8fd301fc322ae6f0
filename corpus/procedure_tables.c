/* tables.c — rebuilding the National Public Service Portal's flattened
 * tables (cells run together without separators) into the procedure model:
 * channels (cach_thuc_thuc_hien), dossier (thanh_phan_ho_so), legal bases
 * (can_cu_phap_ly) and results (ket_qua_xu_ly); and the time and fee cells
 * both readers share. */
#include "procedure.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "../common/ls_buf.h"
#include "../common/utf8.h"

#define NO_INFO "Không có thông tin"

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* s[0..n) with blanks trimmed; "Không có thông tin" and "--" are nothing */
static int trim(const char **s, size_t *n)
{
    while (*n && (unsigned char)**s <= ' ') (*s)++, (*n)--;
    while (*n && (unsigned char)(*s)[*n - 1] <= ' ') (*n)--;
    while (*n >= 2 && starts(*s, "--")) { *s += 2, *n -= 2; }
    while (*n && (unsigned char)**s <= ' ') (*s)++, (*n)--;
    if (*n == strlen(NO_INFO) && strncmp(*s, NO_INFO, *n) == 0) *n = 0;
    return *n > 0;
}

/* A number "15", "1,5", "200.000", "1,000,000" at s: its value and length.
 * Groups of three after '.' or ',' are thousands; else a decimal part,
 * read to the double nearest the decimal (while its digits fit in 2^53). */
static size_t read_number(const char *s, size_t len, double *value)
{
    size_t i = 0;
    double v = 0;
    while (i < len && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
    if (i == 0) return 0;
    for (;;) {
        if (i + 1 < len && (s[i] == '.' || s[i] == ',') && is_digit(s[i + 1])) {
            size_t k = i + 1;
            while (k < len && is_digit(s[k])) k++;
            if (k - i - 1 == 3) {
                for (size_t j = i + 1; j < k; j++) v = v * 10 + (s[j] - '0');
                i = k;
                continue;
            }
            double frac = 0, scale = 1;   /* one division: "0,7" is 0.7 as strtod reads it */
            for (size_t j = i + 1; j < k; j++, scale *= 10) frac = frac * 10 + (s[j] - '0');
            v = (v * scale + frac) / scale;
            i = k;
        }
        break;
    }
    *value = v;
    return i;
}

/* case-insensitive prefix for the few capitalised units ("Ngày", "ngày") */
static size_t unit_at(const char *s, size_t len, const char **unit)
{
    static const struct { const char *a, *b, *unit; } units[] = {
        {"Ngày làm việc", "ngày làm việc", "ngày làm việc"}, {"Ngày", "ngày", "ngày"},
        {"Giờ", "giờ", "giờ"}, {"Tháng", "tháng", "tháng"}, {"Năm", "năm", "năm"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t n = strlen(units[i].a);
        if (len >= n && (strncmp(s, units[i].a, n) == 0 || strncmp(s, units[i].b, n) == 0)) {
            *unit = units[i].unit;
            return n;
        }
    }
    return 0;
}

/* time cell: its length in s (0 when it does not start with one) */
static size_t time_cell(const char *s, size_t len, double *value, const char **unit)
{
    *unit = NULL;
    *value = -1;
    if (len >= strlen(NO_INFO) && starts(s, NO_INFO)) return strlen(NO_INFO);
    if (len >= strlen("Không quy định") && starts(s, "Không quy định")) return strlen("Không quy định");
    size_t i = read_number(s, len, value);
    if (!i) return 0;
    size_t k = i;
    while (k < len && s[k] == ' ') k++;
    size_t u = unit_at(s + k, len - k, unit);
    return u ? k + u : i;
}

int ls_proc_parse_time(const char *s, size_t len, double *value, const char **unit)
{
    while (len && (unsigned char)*s <= ' ') s++, len--;
    return time_cell(s, len, value, unit) > 0 && *value >= 0;
}

static const char *const currencies[] = {"Việt Nam Đồng", "VNĐ", "Đồng", "đồng", "VND"};

/* "50,000 Việt Nam Đồng" at s: length (0 if none) and amount */
static size_t amount_at(const char *s, size_t len, double *amount)
{
    double v;
    size_t i = read_number(s, len, &v);
    if (!i) return 0;
    size_t k = i;
    while (k < len && s[k] == ' ') k++;
    for (size_t c = 0; c < sizeof currencies / sizeof currencies[0]; c++) {
        size_t n = strlen(currencies[c]);
        if (len - k >= n && strncmp(s + k, currencies[c], n) == 0) {
            *amount = v;
            return k + n;
        }
    }
    return 0;
}

/* Words that say the province sets the fee. */
static int set_by_province(const char *s, size_t len)
{
    static const char *const marks[] = {"Hội đồng nhân dân", "HĐND", "cấp tỉnh quy định",
                                        "địa phương quy định", "Ủy ban nhân dân tỉnh quy định"};
    for (size_t i = 0; s && i < sizeof marks / sizeof marks[0]; i++)
        if (memmem(s, len, marks[i], strlen(marks[i]))) return 1;
    return 0;
}

ls_fee_kind ls_proc_parse_fee(const char *s, size_t len, const char *description,
                              double *amount)
{
    *amount = 0;
    while (len && (unsigned char)*s <= ' ') s++, len--;
    const char *d = description ? description : "";
    if (set_by_province(d, strlen(d)) || set_by_province(s, len)) return LS_FEE_PROVINCE;
    if (!len || (len >= strlen(NO_INFO) && starts(s, NO_INFO))) return LS_FEE_UNKNOWN;
    if (starts(s, "Miễn phí") || starts(s, "Không thu")) return LS_FEE_FREE;
    /* the first amount anywhere in the cell ("Lệ phí : 200.000 Đồng") */
    int zero_only = 1, any = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]) || (i && is_digit(s[i - 1]))) continue;
        double v;
        if (amount_at(s + i, len - i, &v)) {
            if (!any) *amount = v;
            any = 1;
            if (v > 0) {
                if (zero_only) *amount = v;
                zero_only = 0;
                break;
            }
        }
    }
    if (any) return zero_only ? LS_FEE_FREE : LS_FEE_AMOUNT;
    if (memmem(s, len, "Không Đồng", strlen("Không Đồng"))) return LS_FEE_FREE;
    return LS_FEE_OTHER;
}

/* ---- building the model -------------------------------------------------- */

static char *dup_trim(const char *s, size_t n)
{
    if (!s || !trim(&s, &n)) return NULL;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* *out = the trimmed copy (NULL when nothing is left); 0, or -1 when out
 * of memory */
static int set_trim(char **out, const char *s, size_t n)
{
    *out = dup_trim(s, n);
    return !*out && s && trim(&s, &n) ? -1 : 0;
}

/* room for one more element (tables have tens of rows at most) */
static void *grow(void *arr, size_t n, size_t size)
{
    return realloc(arr, (n + 1) * size);
}

ls_rc ls_proc_add_channel(ls_procedure *p, const char *channel, const char *time,
                          size_t time_len, const char *fee, size_t fee_len,
                          const char *description, size_t desc_len)
{
    ls_proc_channel *g = grow(p->channels, p->nchannels, sizeof *g);
    if (!g) return LS_ERR_NOMEM;
    p->channels = g;
    ls_proc_channel *c = &g[p->nchannels];
    memset(c, 0, sizeof *c);
    int bad = set_trim(&c->channel, channel, channel ? strlen(channel) : 0);
    const char *unit = NULL;
    c->time_value = -1;
    if (time) {
        const char *t = time;
        size_t tl = time_len;
        if (trim(&t, &tl) && !time_cell(t, tl, &c->time_value, &unit)) c->time_value = -1;
    }
    bad |= set_trim(&c->description, description, desc_len);
    bad |= set_trim(&c->fee_text, fee, fee_len);
    c->fee_kind = ls_proc_parse_fee(fee ? fee : "", fee ? fee_len : 0, c->description,
                                    &c->fee_amount);
    if (unit && !(c->time_unit = strdup(unit))) bad = 1;
    p->nchannels++;
    return bad ? LS_ERR_NOMEM : LS_OK;
}

/* "1 bản chính, 1 bản sao" -> counts */
static void count_copies(const char *q, int *originals, int *copies)
{
    *originals = *copies = -1;
    for (const char *s = q; s && *s; s++) {
        if (!is_digit(*s) || (s > q && is_digit(s[-1]))) continue;
        int v = atoi(s);
        const char *e = s;
        while (is_digit(*e)) e++;
        while (*e == ' ' || *e == ':') e++;
        if (starts(e, "bản chính")) *originals = v;
        else if (starts(e, "bản sao")) *copies = v;
    }
    /* bqp-doc's "Bản chính: 1\nBản sao: 0" */
    const char *o = q ? strstr(q, "Bản chính:") : NULL, *c = q ? strstr(q, "Bản sao:") : NULL;
    if (o) *originals = atoi(o + strlen("Bản chính:"));
    if (c) *copies = atoi(c + strlen("Bản sao:"));
}

ls_rc ls_proc_add_item(ls_procedure *p, const char *name, size_t name_len, const char *form,
                       size_t form_len, const char *quantity, size_t qty_len,
                       const char *group)
{
    ls_proc_item *g = grow(p->items, p->nitems, sizeof *g);
    if (!g) return LS_ERR_NOMEM;
    p->items = g;
    ls_proc_item *it = &g[p->nitems];
    memset(it, 0, sizeof *it);
    while (name && name_len && (*name == '-' || *name == '+' || *name == ' ' || *name == '*'))
        name++, name_len--; /* a list's dashes */
    int bad = set_trim(&it->name, name, name_len);
    bad |= set_trim(&it->form, form, form_len);
    bad |= set_trim(&it->quantity, quantity, qty_len);
    bad |= set_trim(&it->group, group, group ? strlen(group) : 0);
    count_copies(it->quantity, &it->originals, &it->copies);
    p->nitems++;
    return bad ? LS_ERR_NOMEM : LS_OK;
}

ls_rc ls_proc_add_basis(ls_procedure *p, const char *number, size_t num_len,
                        const char *name, size_t name_len);

ls_rc ls_proc_note_problem(ls_procedure *p, const char *what)
{
    ls_buf b = LS_BUF_INIT;
    ls_rc rc = ls_buf_printf(&b, "%s%s%s cannot be read (kept as text)", p->problems ? p->problems : "",
                             p->problems ? "; " : "", what);
    if (rc) {
        ls_buf_free(&b);
        return rc;
    }
    free(p->problems);
    p->problems = ls_buf_detach(&b);
    return LS_OK;
}

/* ---- channels ------------------------------------------------------------ */

static const char *const channel_names[] = {"Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"};

/* A row starts at s[i] when a channel name is followed by a time cell. */
static size_t row_start(const char *s, size_t len, size_t i, const char **name)
{
    for (size_t c = 0; c < sizeof channel_names / sizeof channel_names[0]; c++) {
        size_t n = strlen(channel_names[c]);
        if (len - i < n || strncmp(s + i, channel_names[c], n) != 0) continue;
        double v;
        const char *u;
        if (time_cell(s + i + n, len - i - n, &v, &u)) {
            *name = channel_names[c];
            return n;
        }
    }
    return 0;
}

/* the fee cell after the time: "Miễn phí", "Không có thông tin", amounts */
static size_t fee_cell(const char *s, size_t len)
{
    if (starts(s, "Miễn phí")) return strlen("Miễn phí");
    if (len >= strlen(NO_INFO) && starts(s, NO_INFO)) return strlen(NO_INFO);
    size_t i = 0;
    double v;
    for (;;) {
        size_t n = amount_at(s + i, len - i, &v);
        if (!n) break;
        i += n;
    }
    return i;
}

int ls_proc_parse_channels(ls_procedure *p, const char *s)
{
    static const char header[] = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    size_t len = strlen(s);
    if (!trim(&s, &len)) return 1;
    if (starts(s, header)) s += strlen(header), len -= strlen(header);
    size_t i = 0;
    const char *name = NULL;
    size_t n = 0;
    int rows = 0;
    while (i < len && !(n = row_start(s, len, i, &name))) i++;
    if (i > 0 && i < len) { /* text before the first row: not a table we know */
        const char *t = s;
        size_t tl = i;
        if (trim(&t, &tl)) return 0;
    }
    while (i < len) {
        size_t a = i + n;
        double v;
        const char *u;
        size_t t = time_cell(s + a, len - a, &v, &u);
        size_t f = fee_cell(s + a + t, len - a - t);
        size_t d = a + t + f, e = d;
        const char *next = NULL;
        size_t nn = 0;
        while (e < len && !(nn = row_start(s, len, e, &next))) e++;
        if (ls_proc_add_channel(p, name, s + a, t, s + a + t, f, s + d, e - d)) return -1;
        rows++;
        i = e;
        name = next;
        n = nn;
    }
    return rows > 0;
}

/* ---- dossier ------------------------------------------------------------- */

/* "1 bản chính", "0 bản chính,1 bản sao" at s: length, 0 if none */
static size_t quantity_at(const char *s, size_t len)
{
    size_t i = 0, last = 0;
    for (;;) {
        size_t k = i;
        if (k >= len || !is_digit(s[k])) break;
        while (k < len && is_digit(s[k])) k++;
        if (k < len && s[k] == ' ') k++;
        if (len - k >= strlen("bản chính") && starts(s + k, "bản chính")) k += strlen("bản chính");
        else if (len - k >= strlen("bản sao") && starts(s + k, "bản sao")) k += strlen("bản sao");
        else break;
        last = k;
        if (k < len && s[k] == ',') k++;
        while (k < len && s[k] == ' ') k++;
        i = k;
    }
    return last;
}

static int is_lower_at(const char *s, size_t len);

/* a form's file name glued at the end of an item's name: "Mus08.docx",
 * "theo mẫuToKhai.docx" (a capital right after a lower-case letter starts
 * the file name) */
static size_t form_suffix(const char *s, size_t len)
{
    static const char *const exts[] = {".docx", ".doc", ".pdf", ".xlsx", ".xls", ".rtf", ".odt"};
    for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++) {
        size_t n = strlen(exts[e]);
        if (len <= n || strncmp(s + len - n, exts[e], n) != 0) continue;
        size_t k = len - n;
        while (k > 0 && s[k - 1] != ' ' && s[k - 1] != ';' && s[k - 1] != ')' &&
               !(s[k - 1] == '.' && k >= 2 && s[k - 2] != ' '))
            k--;
        for (size_t i = k + 1; i < len - n; i++) {
            if (s[i] < 'A' || s[i] > 'Z') continue;
            size_t prev = i - 1;
            while (prev > k && ((unsigned char)s[prev] & 0xC0) == 0x80) prev--;
            if (is_lower_at(s + prev, i - prev)) {
                k = i;
                break;
            }
        }
        return len - k;
    }
    return 0;
}

int ls_proc_parse_dossier(ls_procedure *p, const char *s)
{
    static const char header[] = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    size_t len = strlen(s);
    if (!trim(&s, &len)) return 1;
    const char *end = s + len;
    char *group = NULL;
    int ok = 1, rows = 0;
    const char *h = memmem(s, len, header, strlen(header));
    if (!h) return 0;
    /* text before the header names the case the rows apply to */
    while (h) {
        if (h > s) {
            free(group);
            group = dup_trim(s, (size_t)(h - s));
        }
        const char *r = h + strlen(header);
        const char *nexth = memmem(r, (size_t)(end - r), header, strlen(header));
        const char *stop = nexth ? nexth : end;
        const char *row = r;
        for (const char *q = r; q < stop; q++) {
            if (!is_digit(*q) || (q > row && is_digit(q[-1]))) continue;
            size_t ql = quantity_at(q, (size_t)(stop - q));
            if (!ql) continue;
            size_t nl = (size_t)(q - row), fl = form_suffix(row, nl);
            if (ls_proc_add_item(p, row, nl - fl, row + nl - fl, fl, q, ql, group)) {
                free(group);
                return -1;
            }
            rows++;
            row = q + ql;
            q = row - 1;
        }
        /* what is left before the next header is its group's name; at the
         * end, a row without a quantity */
        s = row;
        if (!nexth) {
            const char *t = row;
            size_t tl = (size_t)(end - row);
            if (trim(&t, &tl)) ok = 0;
        }
        h = nexth;
    }
    free(group);
    return ok && rows > 0;
}

/* ---- legal bases --------------------------------------------------------- */

static int is_upper_at(const char *s, size_t len, size_t *n)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z') return *n = 1, 1;
    if (len >= 2 && c == 0xC4 && (unsigned char)s[1] == 0x90) return *n = 2, 1; /* Đ */
    return 0;
}

static int is_lower_at(const char *s, size_t len)
{
    uint32_t cp;
    return len && ls_utf8_decode(s, len, 0, &cp) && u_islower((UChar32)cp);
}

/* One part of a number's code: capitals ("NĐ", "CP", "TTg"); a capital
 * followed by a lower-case letter begins the next row's name instead. */
static size_t code_part(const char *s, size_t len)
{
    size_t i = 0, n;
    while (i < len) {
        if (len - i >= 3 && strncmp(s + i, "TTg", 3) == 0 && !(len - i > 3 && is_lower_at(s + i + 3, len - i - 3))) {
            i += 3;
            continue;
        }
        if (!is_upper_at(s + i, len - i, &n)) break;
        if (i + n < len && is_lower_at(s + i + n, len - i - n)) break;
        i += n;
    }
    return i;
}

/* A number at s[i] ("60/2014/QH13", "598/QĐ-TTg"): its length, 0 if none. */
static size_t number_at(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (k < len && is_digit(s[k])) k++;
    if (k == i || k - i > 5 || k >= len || s[k] != '/') return 0;
    k++;
    if (len - k > 5 && is_digit(s[k]) && is_digit(s[k + 1]) && is_digit(s[k + 2]) &&
        is_digit(s[k + 3]) && s[k + 4] == '/')
        k += 5;
    size_t c = code_part(s + k, len - k);
    if (!c) return 0;
    k += c;
    while (k + 1 < len && s[k] == '-' && (c = code_part(s + k + 1, len - k - 1))) k += 1 + c;
    /* the National Assembly's term "QH13", "UBTVQH14": two digits */
    if (k >= 2 && s[k - 2] == 'Q' && s[k - 1] == 'H' && k + 1 < len && is_digit(s[k]) &&
        is_digit(s[k + 1]))
        k += 2;
    return k - i;
}

/* Where the number's digits start when a name's last digits are glued to
 * it: "năm 201102/2011/QH13" -> "02/2011/QH13", "QH1354/2014/QH13" -> the
 * previous code keeps its two digits. */
static size_t number_start(const char *s, size_t i)
{
    size_t k = i, run = 0;
    while (is_digit(s[k + run])) run++;
    if (run > 4 && (starts(s + k, "19") || starts(s + k, "20"))) return k + 4;
    return k;
}

int ls_proc_parse_bases(ls_procedure *p, const char *s)
{
    static const char header[] = "Tên văn bản pháp lýMã văn bản";
    size_t len = strlen(s);
    if (!trim(&s, &len)) return 1;
    if (!starts(s, header)) return 0;
    s += strlen(header), len -= strlen(header);
    size_t row = 0, i = 0, last = 0;
    int rows = 0;
    while (i < len) {
        /* numbers start a digit run, or right after the last code */
        if (!is_digit(s[i]) || (i > 0 && i != last && is_digit(s[i - 1]))) {
            i++;
            continue;
        }
        size_t st = number_start(s, i);
        size_t n = 0;
        /* a year glued to the number: try after it */
        if (st != i) n = number_at(s, len, st);
        else n = number_at(s, len, i);
        if (!n) {
            i++;
            continue;
        }
        size_t e = st + n;
        /* a code is glued to what follows (the next row) or ends the table;
         * a number followed by a blank or punctuation is inside a name */
        int glued = e == len || !(s[e] == ' ' || s[e] == ',' || s[e] == ';' || s[e] == '.' ||
                                  s[e] == ')' || s[e] == ':' || s[e] == '\n');
        /* "Nghị định 121/2021/NĐ-CP121/2021/NĐ-CP": the first is the name's */
        if (glued && e < len) {
            size_t m = number_at(s, len, e);
            if (m == n && strncmp(s + st, s + e, n) == 0) glued = 0;
        }
        if (glued) {
            if (ls_proc_add_basis(p, s + st, n, s + row, st - row)) return -1;
            rows++;
            row = e;
        }
        i = last = e;
    }
    const char *t = s + row;
    size_t tl = len - row;
    return rows > 0 && !trim(&t, &tl);
}

/* ---- results ------------------------------------------------------------- */

char *ls_proc_parse_result(const char *s)
{
    size_t len = strlen(s);
    const char *kw = strstr(s, "Từ khóa");
    if (kw) len = (size_t)(kw - s);
    ls_buf b = LS_BUF_INIT;
    size_t i = 0;
    while (i < len) {
        const char *m = memmem(s + i, len - i, "Mã: ", strlen("Mã: "));
        size_t stop = m ? (size_t)(m - s) : len;
        const char *t = s + i;
        size_t tl = stop - i;
        if (trim(&t, &tl)) {
            if (b.len) ls_buf_puts(&b, "; ");
            ls_buf_printf(&b, "%.*s", (int)tl, t);
        }
        if (!m) break;
        /* skip the code: KQ.G12.000001, G19-KQ0060102 */
        size_t k = stop + strlen("Mã: ");
        while (k < len) {
            unsigned char c = (unsigned char)s[k];
            int code = is_digit((char)c) || c == '.' || c == '-' || c == '_' || (c >= 'A' && c <= 'Z');
            if (!code || (c >= 'A' && c <= 'Z' && k + 1 < len && is_lower_at(s + k + 1, len - k - 1)))
                break;
            k++;
        }
        i = k;
    }
    if (!b.len) {
        ls_buf_free(&b);
        return NULL;
    }
    return ls_buf_detach(&b);
}

int ls_proc_find_number(const char *s, const char *hint, size_t *start, size_t *len)
{
    size_t n = strlen(s), hl = hint ? strlen(hint) : 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]) || (i && is_digit(s[i - 1]))) continue;
        size_t m = number_at(s, n, i);
        if (m && (!hl || (m > hl && strncmp(s + i, hint, hl) == 0 && s[i + hl] == '/'))) {
            *start = i;
            *len = m;
            return 1;
        }
    }
    return 0;
}
