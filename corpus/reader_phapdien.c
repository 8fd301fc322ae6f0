/* reader_phapdien.c — a Bộ pháp điển topic page (đề mục). The page is a flat
 * run of <p class='pChuong|pMuc|pDieu|pGhiChu|pNoiDung|pChiDan'> elements:
 *   pDieu    "Điều 36.3.LQ.1. Thanh niên"  (pháp điển label and heading)
 *   pGhiChu  "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của
 *             Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2021)" + link
 *   pNoiDung the article's paragraphs
 * An article is cited by its source (Điều 1 of 57/2020/QH14), so articles are
 * grouped by source document: one ls_document per source document per page,
 * in order of first appearance. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../text/analyser.h"
#include "html_text.h"
#include "reader.h"
#include "structure.h"

/* (Điều 5a [Type] số NUMBER [Title] [ngày d/m/y] [của Issuer], có hiệu lực … kể từ ngày d/m/y)
 * Title and issuer run to ", có/được/bị/đã …" or the end: both hold commas
 * ("… cơ sở vật chất, trang thiết bị … môn Bóng ném", "Bộ Văn hóa, Thể thao và Du lịch").
 * The issue date is the last one: a title may cite another text with its own
 * ("Hướng dẫn … Quyết định số 38/2016/QĐ-TTg ngày 14/9/2016 của Thủ tướng …"). */
static const char note_pattern[] =
    "^\\(*\\s*(?:(?:khoản|điểm|mục)\\s+\\S+\\s+)*(?:Điều|Ðiều)\\s*(\\d+[a-zđ]?)\\S*\\s+"
    "(?:của\\s+)?((?:Bộ luật|Luật|Nghị định|Nghị quyết liên tịch|Nghị quyết|Thông tư liên tịch|"
    "Thông tư|Quyết định|Pháp lệnh|Chỉ thị|Lệnh|Hiến pháp|Văn bản hợp nhất|Sắc lệnh|Thông báo)"
    ")(?:\\s+số)?\\s*([0-9][^,\\s]*(?:\\s+[/-]\\s*[^,\\s]+)*)?\\s*"
    "(.*?)\\s*(?:ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})\\s*(?:của\\s+((?:(?!ngày\\s+\\d{1,2}/)[^)])+?))?\\s*)?"
    "(?:,\\s*(?=(?:có|được|bị|đã)\\s)|\\)|$)";
static const char effective_pattern[] = "kể từ ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})";

static pcre2_code *note_re, *effective_re;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void compile(void)
{
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS;
    note_re = pcre2_compile((PCRE2_SPTR)note_pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    effective_re = pcre2_compile((PCRE2_SPTR)effective_pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    if (note_re) pcre2_jit_compile(note_re, PCRE2_JIT_COMPLETE);
    if (effective_re) pcre2_jit_compile(effective_re, PCRE2_JIT_COMPLETE);
}

typedef struct source_note {
    char article[16];
    char type[48];
    char number[96];
    char title[512];
    char issued[11];
    char effective[11];
    char issuer[160];
} source_note;

static void copy_group(pcre2_match_data *md, int g, const char *s, char *out, size_t cap)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    out[0] = '\0';
    if ((uint32_t)g >= pcre2_get_ovector_count(md) || ov[2 * g] == PCRE2_UNSET) return;
    size_t n = ov[2 * g + 1] - ov[2 * g];
    if (n >= cap) n = cap - 1;
    memcpy(out, s + ov[2 * g], n);
    out[n] = '\0';
    ls_utf8_truncate(out);
}

static void iso_date(pcre2_match_data *md, int g, const char *s, char out[11])
{
    char d[4], m[4], y[6];
    copy_group(md, g, s, d, sizeof d);
    copy_group(md, g + 1, s, m, sizeof m);
    copy_group(md, g + 2, s, y, sizeof y);
    out[0] = '\0';
    unsigned day = (unsigned)atoi(d) % 100u, month = (unsigned)atoi(m) % 100u; /* 1-2 digits */
    if (*d && *m && strlen(y) == 4) snprintf(out, 11, "%.4s-%02u-%02u", y, month, day);
}

/* remove spaces around '/' and '-' inside a number ("14 /2025/TT-X" -> "14/2025/TT-X") */
static void tidy_number(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == ' ' && (r[1] == '/' || r[1] == '-' || (w > s && (w[-1] == '/' || w[-1] == '-')))) continue;
        *w++ = *r;
    }
    *w = '\0';
    size_t n = strlen(s);
    while (n && (s[n - 1] == '-' || s[n - 1] == '.' || s[n - 1] == ';')) s[--n] = '\0';
}

static int parse_note(const char *text, size_t len, source_note *note)
{
    memset(note, 0, sizeof *note);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(note_re, NULL);
    if (!md) return 0;
    int ok = pcre2_match(note_re, (PCRE2_SPTR)text, len, 0, 0, md, NULL) > 0;
    if (ok) {
        copy_group(md, 1, text, note->article, sizeof note->article);
        copy_group(md, 2, text, note->type, sizeof note->type);
        copy_group(md, 3, text, note->number, sizeof note->number);
        copy_group(md, 4, text, note->title, sizeof note->title);
        iso_date(md, 5, text, note->issued);
        copy_group(md, 8, text, note->issuer, sizeof note->issuer);
        tidy_number(note->number);
    }
    pcre2_match_data_free(md);
    md = pcre2_match_data_create_from_pattern(effective_re, NULL);
    if (md && pcre2_match(effective_re, (PCRE2_SPTR)text, len, 0, 0, md, NULL) > 0)
        iso_date(md, 1, text, note->effective);
    pcre2_match_data_free(md);
    return ok && note->article[0] && (note->number[0] || note->title[0]);
}

/* ---- page state ---------------------------------------------------------- */

typedef struct page {
    const char *name;
    const ls_reader_sink *sink;
    ls_document **docs;        /* by first appearance */
    size_t ndocs, cap;
    char topic[256];
    char chapter[512];
    int chapter_open;          /* last element was a "Chương N" line awaiting its title */
    ls_article *current;       /* article receiving pGhiChu / pNoiDung */
    ls_document *current_doc;
    char label[128], heading[512];
    int pending;               /* a pDieu whose note has not been seen */
    size_t line;               /* line of the current element (for problems) */
    unsigned long skipped;
    ls_buf text;               /* scratch */
} page;

static void problem(page *pg, const char *msg)
{
    ls_reader_problem(pg->sink, pg->name, pg->line, msg);
}

#define ID_FROM_TITLE_MAX 120 /* bytes of a title kept as a document's id */

static ls_document *doc_for(page *pg, const source_note *note)
{
    char *id = NULL;
    if (!note->number[0] || ls_docnum_normalize(note->number, strlen(note->number), &id, NULL) != LS_OK) {
        const char *raw = note->number[0] ? note->number : note->title;
        char *folded = NULL;
        if (ls_normalize_term(raw, strlen(raw), &id, &folded, NULL) != LS_OK) return NULL;
        free(folded);
        /* a title as id: its first words name it (index terms are short) */
        size_t n = strlen(id);
        if (n > ID_FROM_TITLE_MAX) {
            n = ID_FROM_TITLE_MAX;
            while (n > 0 && id[n] != ' ') n--;
            if (n == 0) n = ID_FROM_TITLE_MAX;
            id[n] = '\0';
            ls_utf8_truncate(id);
        }
    }
    for (size_t i = 0; i < pg->ndocs; i++)
        if (strcmp(pg->docs[i]->id, id) == 0) {
            free(id);
            return pg->docs[i];
        }
    if (pg->ndocs == pg->cap) {
        size_t cap = pg->cap ? pg->cap * 2 : 16;
        ls_document **g = realloc(pg->docs, cap * sizeof *g);
        if (!g) {
            free(id);
            return NULL;
        }
        pg->docs = g;
        pg->cap = cap;
    }
    ls_document *d = ls_document_new();
    if (!d) {
        free(id);
        return NULL;
    }
    d->id = id;
    pg->docs[pg->ndocs++] = d;
    int bad = 0;
    if (note->number[0]) bad |= ls_strset(&d->number, note->number, strlen(note->number));
    bad |= ls_strset(&d->type, note->type, strlen(note->type));
    bad |= ls_strset(&d->source, pg->name, strlen(pg->name));
    return bad ? NULL : d;
}

/* title starts with the words of type, whatever their case and marks */
static int names_its_type(const char *title, const char *type)
{
    char t[600], k[128];
    if (ls_folded_words(title, strlen(title), t, sizeof t, NULL) ||
        ls_folded_words(type, strlen(type), k, sizeof k, NULL))
        return strncmp(title, type, strlen(type)) == 0;
    size_t n = strlen(k);
    return n && strncmp(t, k, n) == 0 && (t[n] == ' ' || t[n] == '\0');
}

/* first mention of a document carries its title, date and issuer */
static void fill_doc(ls_document *d, const source_note *note)
{
    if (!d->title && note->title[0]) {
        ls_buf t = LS_BUF_INIT;
        /* "Luật Thanh niên" (or "Bộ Luật lao động") already names its type;
         * "Hướng dẫn ..." does not */
        if (names_its_type(note->title, note->type)) ls_buf_puts(&t, note->title);
        else ls_buf_printf(&t, "%s %s", note->type, note->title);
        if (t.data) ls_strset(&d->title, t.data, t.len);
        ls_buf_free(&t);
    }
    if (!d->issued && note->issued[0]) ls_strset(&d->issued, note->issued, strlen(note->issued));
    if (!d->effective && note->effective[0]) ls_strset(&d->effective, note->effective, strlen(note->effective));
    if (!d->issuer && note->issuer[0]) ls_strset(&d->issuer, note->issuer, strlen(note->issuer));
}

static const char *after(const char *s, const char *needle, const char *end)
{
    size_t n = strlen(needle);
    for (const char *p = s; p + n <= end; p++)
        if (memcmp(p, needle, n) == 0) return p + n;
    return NULL;
}

/* A document whose source notes never give its title (20/2020/NĐ-CP is only
 * ever "Điều N Nghị định số 20/2020/NĐ-CP, có hiệu lực …") is named by its
 * scope article: "Nghị định này quy định việc thực hiện thí điểm …" in
 * Điều 1 gives "Nghị định quy định việc thực hiện thí điểm …", to the end
 * of that sentence or clause (at most ~300 bytes, cut at a word). */
static void title_from_scope(ls_document *d)
{
    if (d->title || !d->type) return;
    const ls_article *scope = NULL;
    for (size_t i = 0; i < d->narticles && !scope; i++)
        if (d->articles[i].number && strcmp(d->articles[i].number, "1") == 0 && d->articles[i].text)
            scope = &d->articles[i];
    if (!scope) return;
    static const char marker[] = " này quy định ";
    const char *text = scope->text;
    size_t window = scope->text_len < 300 ? scope->text_len : 300;
    const char *at = after(text, marker, text + window);
    if (!at) return;
    const char *end = at;
    const char *limit = text + scope->text_len;
    while (end < limit && *end != '.' && *end != ';' && *end != ':' && *end != '\n' &&
           end - at < 300)
        end++;
    if (end - at >= 300)
        while (end > at && *end != ' ') end--; /* a whole word, whole UTF-8 */
    if (end == at) return;
    ls_buf t = LS_BUF_INIT;
    ls_buf_printf(&t, "%s quy định %.*s", d->type, (int)(end - at), at);
    if (t.data) ls_strset(&d->title, t.data, t.len);
    ls_buf_free(&t);
}

/* the element's inner HTML: from its opening tag's end to the next element */
static void on_note(page *pg, const char *html, size_t len)
{
    ls_buf_reset(&pg->text);
    ls_html_to_text(html, len, &pg->text);
    if (!pg->pending) return;
    pg->pending = 0;
    source_note note;
    if (!pg->text.data || !parse_note(pg->text.data, pg->text.len, &note)) {
        char msg[400];
        snprintf(msg, sizeof msg, "%s: source note not understood, article skipped: %.200s",
                 pg->label, pg->text.data ? pg->text.data : "");
        problem(pg, msg);
        pg->skipped++;
        return;
    }
    ls_document *d = doc_for(pg, &note);
    ls_article *a = d ? ls_document_add_article(d) : NULL;
    if (!a) {
        pg->skipped++;
        return;
    }
    fill_doc(d, &note);
    ls_strset(&a->number, note.article, strlen(note.article));
    if (pg->heading[0]) ls_strset(&a->heading, pg->heading, strlen(pg->heading));
    ls_strset(&a->pd_label, pg->label, strlen(pg->label));
    if (pg->topic[0]) ls_strset(&a->pd_topic, pg->topic, strlen(pg->topic));
    if (pg->chapter[0]) ls_strset(&a->chapter, pg->chapter, strlen(pg->chapter));
    ls_strset(&a->source_note, pg->text.data, pg->text.len);
    const char *href = after(html, "href='", html + len);
    if (href) {
        const char *q = memchr(href, '\'', (size_t)(html + len - href));
        if (q) ls_strset(&a->source_url, href, (size_t)(q - href));
    }
    pg->current = a;
    pg->current_doc = d;
}

static void on_body(page *pg, const char *html, size_t len, ls_error *err)
{
    if (!pg->current) return;
    ls_buf_reset(&pg->text);
    ls_html_to_text(html, len, &pg->text);
    ls_article *a = pg->current;
    pg->current = NULL;
    if (!pg->text.len && a->source_note) {
        /* an article kept only as its note, "(được bãi bỏ)" with "… bị bãi bỏ
         * bởi Điều 2 Luật số 48/2014/QH13": the note is its text, so it can
         * be cited, found and reviewed */
        ls_buf_puts(&pg->text, a->source_note);
    }
    if (!pg->text.len) {
        char msg[300];
        snprintf(msg, sizeof msg, "%s: article has no text", pg->label);
        problem(pg, msg);
        return;
    }
    ls_strset(&a->text, pg->text.data, pg->text.len);
    a->text_len = pg->text.len;
    ls_error one = {0};
    if (ls_structure_parse_clauses(a, &one)) (void)err;
}

static void on_article_title(page *pg, const char *html, size_t len)
{
    ls_buf_reset(&pg->text);
    ls_html_to_text(html, len, &pg->text);
    const char *t = pg->text.data ? pg->text.data : "";
    /* "Điều 36.3.LQ.1. Thanh niên": label up to the first ". " */
    const char *sep = strstr(t, ". ");
    size_t ll = sep ? (size_t)(sep - t) : strlen(t);
    snprintf(pg->label, sizeof pg->label, "%.*s", (int)ll, t);
    snprintf(pg->heading, sizeof pg->heading, "%s", sep ? sep + 2 : "");
    ls_utf8_truncate(pg->label);
    ls_utf8_truncate(pg->heading);
    pg->pending = 1;
    pg->current = NULL;
}

static void on_chapter(page *pg, const char *html, size_t len)
{
    ls_buf_reset(&pg->text);
    ls_html_to_text(html, len, &pg->text);
    const char *t = pg->text.data ? pg->text.data : "";
    if (pg->chapter_open) { /* the title line after "Chương I" */
        size_t n = strlen(pg->chapter);
        snprintf(pg->chapter + n, sizeof pg->chapter - n, ". %s", t);
        ls_utf8_truncate(pg->chapter);
        pg->chapter_open = 0;
        return;
    }
    snprintf(pg->chapter, sizeof pg->chapter, "%s", t);
    ls_utf8_truncate(pg->chapter);
    pg->chapter_open = strncmp(t, "Chương", strlen("Chương")) == 0 && strlen(t) < 20;
}

static void read_topic(page *pg, const char *data, size_t len)
{
    const char *h3 = after(data, "<h3", data + (len < 4096 ? len : 4096));
    if (!h3) return;
    const char *end = after(h3, "</h3>", data + len);
    if (!end) return;
    const char *br = after(h3, "<br", end);
    const char *from = br ? memchr(br, '>', (size_t)(end - br)) : memchr(h3, '>', (size_t)(end - h3));
    const char *stop = end - strlen("</h3>");
    if (!from || from + 1 >= stop) return; /* a heading with nothing after <br> */
    ls_buf_reset(&pg->text);
    ls_html_to_text(from + 1, (size_t)(stop - (from + 1)), &pg->text);
    snprintf(pg->topic, sizeof pg->topic, "%s", pg->text.data ? pg->text.data : "");
    ls_utf8_truncate(pg->topic);
}

ls_rc ls_read_phapdien(const char *name, const char *data, size_t len, const ls_reader_sink *sink,
                       ls_error *err)
{
    pthread_once(&once, compile);
    if (!note_re || !effective_re) return ls_error_set(err, LS_ERR_INTERNAL, "pháp điển patterns did not compile");
    size_t bad;
    if (!ls_utf8_valid(data, len, &bad)) {
        if (sink->on_problem) {
            char msg[120];
            snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu: file skipped", bad);
            ls_reader_problem(sink, name, 0, msg);
        }
        return LS_OK;
    }
    page pg = {.name = name, .sink = sink, .line = 1};
    read_topic(&pg, data, len);
    static const char open[] = "<p class='";
    const char *end = data + len;
    const char *p = after(data, open, end);
    const char *line_mark = data;
    while (p) {
        const char *q = memchr(p, '\'', (size_t)(end - p));
        const char *gt = q ? memchr(q, '>', (size_t)(end - q)) : NULL;
        if (!gt) break;
        size_t cl = (size_t)(q - p);
        const char *body = gt + 1;
        const char *next = after(body, open, end);
        const char *body_end = next ? next - (sizeof open - 1) : end;
        for (; line_mark < p; line_mark++) pg.line += *line_mark == '\n';
        if (cl == 5 && memcmp(p, "pDieu", 5) == 0) on_article_title(&pg, body, (size_t)(body_end - body));
        else if (cl == 7 && memcmp(p, "pGhiChu", 7) == 0) on_note(&pg, body, (size_t)(body_end - body));
        else if (cl == 8 && memcmp(p, "pNoiDung", 8) == 0) on_body(&pg, body, (size_t)(body_end - body), err);
        else if ((cl == 7 && memcmp(p, "pChuong", 7) == 0) || (cl == 4 && memcmp(p, "pMuc", 4) == 0))
            on_chapter(&pg, body, (size_t)(body_end - body));
        p = next;
    }
    int stop = 0;
    for (size_t i = 0; i < pg.ndocs; i++) {
        title_from_scope(pg.docs[i]);
        if (!stop) stop = sink->on_document(sink->ctx, pg.docs[i]);
        ls_document_free(pg.docs[i]);
    }
    free(pg.docs);
    ls_buf_free(&pg.text);
    return LS_OK;
}
