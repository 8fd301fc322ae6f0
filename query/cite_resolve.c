/* cite_resolve.c — short citations to documents (cite_resolve.h). */
#include "cite_resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../format/cite_keys.h"

#define NAME_MAX_WORDS 12

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* q[at] follows "tháng " / "thang " (a month, not a number). */
static int after_month_word(const char *q, size_t at)
{
    static const char *const words[] = {"tháng ", "thang ", "Tháng ", "Thang "};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (at >= n && memcmp(q + at - n, words[k], n) == 0) return 1;
    }
    return 0;
}

/* The first "N/YYYY" in q not followed by "/" (a full number is the
 * analyser's business) into head. */
static int find_number_head(const char *q, size_t len, char *head, size_t cap)
{
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(q[i]) || (i > 0 && (is_digit(q[i - 1]) || q[i - 1] == '/'))) continue;
        if (after_month_word(q, i)) continue;
        size_t j = i;
        while (j < len && is_digit(q[j])) j++;
        if (j - i > 4 || j + 5 > len || q[j] != '/') continue;
        size_t y = j + 1;
        if (!(q[y] == '1' || q[y] == '2') || !is_digit(q[y + 1]) || !is_digit(q[y + 2]) ||
            !is_digit(q[y + 3]))
            continue;
        if (y + 4 < len && (is_digit(q[y + 4]) || q[y + 4] == '/')) continue;
        if (y + 4 - i >= cap) return 0;
        memcpy(head, q + i, y + 4 - i);
        head[y + 4 - i] = '\0';
        return 1;
    }
    return 0;
}

/* The issuer code a question's words point at: "nđ" for nghị định ... */
static const char *code_hint(const ls_plan *plan)
{
    static const struct { const char *word, *next, *code; } hints[] = {
        {"nd", NULL, "nđ"},   {"nghi", "dinh", "nđ"}, {"tt", NULL, "tt"},
        {"thong", "tu", "tt"}, {"qd", NULL, "qđ"},    {"quyet", "dinh", "qđ"},
        {"nq", NULL, "nq"},   {"nghi", "quyet", "nq"}, {"luat", NULL, "qh"},
        {"qh", NULL, "qh"},   {"ttlt", NULL, "ttlt"},
    };
    for (size_t i = 0; i < plan->nterms; i++) {
        if (plan->terms[i].expansion) continue;
        const char *w = plan->terms[i].folded;
        const char *next = i + 1 < plan->nterms ? plan->terms[i + 1].folded : "";
        for (size_t k = 0; k < sizeof hints / sizeof hints[0]; k++)
            if (strcmp(w, hints[k].word) == 0 && (!hints[k].next || strcmp(next, hints[k].next) == 0))
                return hints[k].code;
    }
    return NULL;
}

/* The kind of document an issuer code names, for "… không có trong chỉ mục". */
static const char *code_kind(const char *code)
{
    static const struct { const char *code, *kind; } kinds[] = {
        {"nđ", "Nghị định"}, {"tt", "Thông tư"}, {"qđ", "Quyết định"}, {"nq", "Nghị quyết"},
        {"qh", "Luật"},      {"ttlt", "Thông tư liên tịch"}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(code, kinds[k].code) == 0) return kinds[k].kind;
    return "Văn bản";
}

/* The one line of ids whose issuer part holds code (or the only line). */
static char *pick_number(const char *ids, const char *code)
{
    const char *found = NULL;
    size_t found_len = 0, matches = 0, lines = 0;
    for (const char *line = ids; *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        lines++;
        const char *tail = memchr(line, '/', n);
        tail = tail ? memchr(tail + 1, '/', n - (size_t)(tail + 1 - line)) : NULL;
        char part[128];
        snprintf(part, sizeof part, "%.*s", tail ? (int)(n - (size_t)(tail - line)) : 0, tail);
        if (code && strstr(part, code)) {
            matches++;
            found = line;
            found_len = n;
        } else if (!code && lines == 1) {
            found = line;
            found_len = n;
        }
        line = nl ? nl + 1 : line + n;
    }
    if ((code && matches != 1) || (!code && lines != 1)) return NULL;
    char *id = malloc(found_len + 1);
    if (id) {
        memcpy(id, found, found_len);
        id[found_len] = '\0';
    }
    return id;
}

static ls_rc by_number(xc_db *db, ls_plan *plan, const char *q, size_t len, ls_error *err)
{
    char head[32], key[64];
    /* "7/2020" alone is as often a month ("từ tháng 7/2020") as a number:
     * only with a type beside it ("nđ 123/2015", "Thông tư 05/2023") */
    const char *code = code_hint(plan);
    if (!code || !find_number_head(q, len, head, sizeof head)) return LS_OK;
    snprintf(key, sizeof key, "%s%s", LS_METADATA_NUMBER, head);
    char *ids = NULL;
    ls_rc rc = ls_cite_key_get(db, key, &ids, err);
    if (rc) return rc;
    plan->doc_id = pick_number(ids, code);
    if (!ids || !*ids) { /* no document of that number: say which was cited */
        ls_buf b = LS_BUF_INIT;
        ls_buf_printf(&b, "%s %s", code_kind(code), head);
        plan->missing = ls_buf_detach(&b);
    }
    free(ids);
    return LS_OK;
}

/* A year 19xx/20xx among the question's numbers after term i, or NULL. */
static const char *year_after(const ls_plan *plan, size_t i)
{
    for (size_t k = i; k < plan->nterms; k++) {
        const char *t = plan->terms[k].term;
        if (plan->terms[k].kind == LS_TOKEN_NUMBER && strlen(t) == 4 &&
            (strncmp(t, "19", 2) == 0 || strncmp(t, "20", 2) == 0))
            return t;
    }
    return NULL;
}

/* Where a codified kind's name starts at term i: "luat", "bo luat",
 * "phap lenh", "hien phap". */
static int kind_starts(const ls_plan *plan, size_t i)
{
    const char *w = plan->terms[i].folded;
    const char *next = i + 1 < plan->nterms ? plan->terms[i + 1].folded : "";
    return strcmp(w, "luat") == 0 || (strcmp(w, "bo") == 0 && strcmp(next, "luat") == 0) ||
           (strcmp(w, "phap") == 0 && strcmp(next, "lenh") == 0) ||
           (strcmp(w, "hien") == 0 && strcmp(next, "phap") == 0);
}

/* Words that end a law's name as a question goes on ("… quy định gì"). */
static int ends_name(const ls_plan *plan, const ls_qterm *t)
{
    static const char *const words[] = {"quy", "nói", "về", "có", "năm", "điều", "khoản"};
    static const char *const folded[] = {"quy", "noi", "ve", "co", "nam", "dieu", "khoan"};
    if (t->filler || t->expansion || t->kind != LS_TOKEN_WORD) return 1;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (plan->any_marks ? strcmp(t->term, words[k]) == 0 : strcmp(t->folded, folded[k]) == 0)
            return 1;
    return 0;
}

/* plan->missing = the law's name as the question q types it, from term
 * `from` (its kind word) to the end of its name, and the year when one
 * follows; nothing when the kind word stands alone ("luật này"). */
static void missing_law(ls_plan *plan, const char *q, size_t from, const char *year)
{
    static const char *const not_names[] = {"su", "phap", "dinh"}; /* luật sư, luật pháp… */
    if (plan->missing || from + 1 >= plan->nterms) return;
    for (size_t k = 0; k < sizeof not_names / sizeof not_names[0]; k++)
        if (strcmp(plan->terms[from + 1].folded, not_names[k]) == 0) return;
    size_t last = from;
    while (last + 1 < plan->nterms && last + 1 - from < NAME_MAX_WORDS &&
           !ends_name(plan, &plan->terms[last + 1]))
        last++;
    if (last == from || (strcmp(plan->terms[from].folded, "bo") == 0 && last == from + 1))
        return;
    ls_buf b = LS_BUF_INIT;
    ls_buf_append(&b, q + plan->terms[from].start, plan->terms[last].end - plan->terms[from].start);
    if (year) ls_buf_printf(&b, " năm %s", year);
    plan->missing = ls_buf_detach(&b);
}

/* The longest law name starting at term `from` that the index knows; the
 * document id it names into plan->doc_id. */
static ls_rc name_at(xc_db *db, ls_plan *plan, const char *q, size_t from, ls_error *err)
{
    size_t ends[NAME_MAX_WORDS], nends = 0;
    char name[600] = "";
    size_t len = 0;
    for (size_t k = from; k < plan->nterms && nends < NAME_MAX_WORDS; k++) {
        const ls_qterm *t = &plan->terms[k];
        if (t->kind != LS_TOKEN_WORD || t->expansion) break;
        int n = snprintf(name + len, sizeof name - len, "%s%s", len ? " " : "", t->folded);
        if (n < 0 || (size_t)n >= sizeof name - len) break;
        len += (size_t)n;
        ends[nends++] = len;
    }
    const char *year = year_after(plan, from);
    for (size_t e = nends; e-- > 1;) { /* a kind word alone names nothing */
        char *id = NULL, *other = NULL;
        ls_rc rc = ls_cite_law_lookup(db, name, ends[e], year, &id, &other, err);
        if (rc) return rc;
        free(other);
        if (id) {
            plan->doc_id = id;
            return LS_OK;
        }
        if (other) break; /* known in another year only: no guess */
    }
    missing_law(plan, q, from, year);
    return LS_OK;
}

ls_rc ls_resolve_short_citation(xc_db *db, ls_plan *plan, const char *q, size_t len,
                                ls_error *err)
{
    if (plan->doc_id) return LS_OK;
    ls_rc rc = by_number(db, plan, q, len, err);
    /* a law named in passing ("theo Luật Đất đai, ...") is context, not a
     * citation: the answer may sit in a decree that details it (filtering
     * to the law cost 0.008 MRR@10 on zalo-dev); with an article it is one */
    if (!plan->article) return rc;
    for (size_t i = 0; !rc && !plan->doc_id && i < plan->nterms; i++)
        if (!plan->terms[i].expansion && kind_starts(plan, i)) rc = name_at(db, plan, q, i, err);
    return rc;
}
