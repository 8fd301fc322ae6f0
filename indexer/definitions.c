/* definitions.c — finds "<phrase> là ..." at the start of clauses and
 * points, and the short name a parenthesis may give the phrase (see
 * definitions.h). Plain byte scanning: the markers are ASCII
 * spaces around fixed Vietnamese words, the phrase ends at the first one. */
#include "definitions.h"

#include <string.h>

static const char *const markers[] = {" được hiểu là ", " được gọi là ", " là "};

/* Skip spaces, a clause number "12." / "2a." or a point label "a)" / "đ)",
 * and opening quotes. */
static size_t skip_label(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    size_t j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9') j++;
    if (j > i) {
        if (j < len && s[j] >= 'a' && s[j] <= 'z') j++;
        if (j < len && s[j] == '.') i = j + 1;
    } else if (i + 1 < len && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')') {
        i += 2;
    } else if (i + 2 < len && memcmp(s + i, "đ)", 3) == 0) {
        i += 3;
    }
    while (i < len && s[i] == ' ') i++;
    if (i < len && (s[i] == '"' || s[i] == '\'')) i++;
    else if (i + 3 <= len && memcmp(s + i, "“", 3) == 0) i += 3;
    return i;
}

/* What opens a short name given in parentheses after the defined phrase:
 * "Luồng chạy tàu thuyền (sau đây gọi là luồng) là ...", "Dược chất (còn
 * gọi là hoạt chất) là ...", "(viết tắt là MRL)". The name follows the
 * last of them inside the parentheses. */
static const char *const alias_markers[] = {"gọi là ", "gọi tắt là ", "viết tắt là ",
                                            "viết gọn là "};

/* A parenthesised group opening at s[0] == '(' and closing before any
 * sentence break: its length up to and including ')', or 0. *alias and
 * *alias_len: the short name it gives, or *alias_len 0. */
static size_t paren_group(const char *s, size_t len, size_t *alias, size_t *alias_len)
{
    size_t j = 1;
    while (j < len && s[j] != ')' && s[j] != '(' && s[j] != ';' && s[j] != '\n') j++;
    if (j >= len || s[j] != ')') return 0;
    *alias_len = 0;
    for (size_t m = 0; m < sizeof alias_markers / sizeof alias_markers[0]; m++) {
        size_t n = strlen(alias_markers[m]);
        for (size_t k = 1; k + n <= j; k++)
            if (memcmp(s + k, alias_markers[m], n) == 0 && k + n < j && k + n > *alias) {
                *alias = k + n;
                *alias_len = j - *alias;
            }
    }
    return j + 1;
}

/* Length of the phrase before the first marker in s[0..len) that comes
 * before any sentence break, or 0. One parenthesised group may stand
 * between the phrase and the marker (its words do not count): the phrase
 * ends before it, and *alias / *alias_len give the short name it
 * introduces (offsets in s; *alias_len 0 when none). */
static size_t defined_phrase(const char *s, size_t len, size_t *alias, size_t *alias_len)
{
    size_t words = 1, end = 0; /* end: where a parenthesised group began */
    *alias = *alias_len = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '(' && !end && i > 0 && s[i - 1] == ' ') {
            size_t g = paren_group(s + i, len - i, alias, alias_len);
            if (!g) return 0;
            *alias += i;
            end = i - 1;
            i += g - 1;
            continue;
        }
        if (c == '.' || c == ':' || c == ';' || c == '\n' || c == '(') return 0;
        if (c != ' ') continue;
        for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
            size_t n = strlen(markers[m]);
            if (i + n <= len && memcmp(s + i, markers[m], n) == 0) return end ? end : i;
        }
        if (end) return 0; /* only the marker may follow the group */
        if (++words > LS_DEFINITION_MAX_WORDS) return 0;
    }
    return 0;
}

/* Drop closing quotes from the end of s[0..n). */
static size_t trim_quotes(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'')) n--;
    if (n >= 3 && memcmp(s + n - 3, "”", 3) == 0) n -= 3;
    return n;
}

/* Drop opening quotes from the start of s[0..*n): the offset skipped. */
static size_t skip_quotes(const char *s, size_t *n)
{
    size_t k = 0;
    while (k < *n && (s[k] == '"' || s[k] == '\'')) k++;
    if (k + 3 <= *n && memcmp(s + k, "“", 3) == 0) k += 3;
    *n -= k;
    return k;
}

/* The markers of a parenthesis that gives a second name, not a short one:
 * "Dược chất (còn gọi là hoạt chất) là ...". */
static const char *const other_name_markers[] = {"còn gọi là ", "hay gọi là ", "hoặc gọi là "};

/* The definition text[start..end) opens with, if any: the phrase (*phrase,
 * returned length, 0 when none) and the name a parenthesis gives it
 * (*alias, *alias_len, 0 when none; *other: it says "còn gọi là" ...). */
typedef struct defined {
    const char *phrase, *alias;
    size_t len, alias_len;
    int other;
} defined;

static int clause_definition(const char *text, size_t start, size_t end, defined *d)
{
    memset(d, 0, sizeof *d);
    if (end <= start) return 0;
    const char *s = text + start;
    size_t len = end - start;
    size_t at = skip_label(s, len);
    size_t alias = 0, alias_len = 0;
    d->phrase = s + at;
    d->len = trim_quotes(s + at, defined_phrase(s + at, len - at, &alias, &alias_len));
    if (!d->len || !alias_len) return d->len != 0;
    const char *a = s + at + alias;
    for (size_t m = 0; m < sizeof other_name_markers / sizeof *other_name_markers; m++) {
        size_t k = strlen(other_name_markers[m]);
        d->other |= alias >= k && memcmp(a - k, other_name_markers[m], k) == 0;
    }
    a += skip_quotes(a, &alias_len);
    d->alias = a;
    d->alias_len = trim_quotes(a, alias_len);
    return 1;
}

static int visit(const char *text, size_t start, size_t end, ls_definition_fn fn, void *ctx)
{
    defined d;
    if (!clause_definition(text, start, end, &d)) return 0;
    int rc = fn(ctx, d.phrase, d.len);
    if (!rc && d.alias_len) rc = fn(ctx, d.alias, d.alias_len);
    return rc;
}

/* What a walk calls back: one of the two, with ctx. */
typedef struct walker {
    ls_definition_fn definition;
    ls_other_name_fn other_name;
    void *ctx;
} walker;

/* The clauses and points of a (or its text, when it has no clauses), each
 * as text[start..end) to visit_fn. */
typedef int (*span_fn)(const char *text, size_t start, size_t end, const walker *w);

static int each_span(const ls_article *a, span_fn visit_fn, const walker *w)
{
    if (!a->text) return 0;
    if (a->nclauses == 0) return visit_fn(a->text, 0, a->text_len, w);
    for (size_t c = 0; c < a->nclauses; c++) {
        const ls_clause *cl = &a->clauses[c];
        int rc = visit_fn(a->text, cl->start, cl->end, w);
        for (size_t p = 0; !rc && p < cl->npoints; p++)
            rc = visit_fn(a->text, cl->points[p].start, cl->points[p].end, w);
        if (rc) return rc;
    }
    return 0;
}

static int visit_definition(const char *text, size_t start, size_t end, const walker *w)
{
    return visit(text, start, end, w->definition, w->ctx);
}

int ls_definitions_each(const ls_article *a, ls_definition_fn fn, void *ctx)
{
    walker w = {.definition = fn, .ctx = ctx};
    return each_span(a, visit_definition, &w);
}

static int visit_other_name(const char *text, size_t start, size_t end, const walker *w)
{
    defined d;
    if (!clause_definition(text, start, end, &d) || !d.other || !d.alias_len) return 0;
    return w->other_name(w->ctx, d.phrase, d.len, d.alias, d.alias_len);
}

int ls_definitions_other_names(const ls_article *a, ls_other_name_fn fn, void *ctx)
{
    walker w = {.other_name = fn, .ctx = ctx};
    return each_span(a, visit_other_name, &w);
}
