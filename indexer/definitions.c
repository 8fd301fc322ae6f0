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

static int visit(const char *text, size_t start, size_t end, ls_definition_fn fn, void *ctx)
{
    if (end <= start) return 0;
    const char *s = text + start;
    size_t len = end - start;
    size_t at = skip_label(s, len);
    size_t alias = 0, alias_len = 0;
    size_t n = trim_quotes(s + at, defined_phrase(s + at, len - at, &alias, &alias_len));
    int rc = n ? fn(ctx, s + at, n) : 0;
    if (!rc && n && alias_len) {
        const char *a = s + at + alias;
        a += skip_quotes(a, &alias_len);
        alias_len = trim_quotes(a, alias_len);
        if (alias_len) rc = fn(ctx, a, alias_len);
    }
    return rc;
}

int ls_definitions_each(const ls_article *a, ls_definition_fn fn, void *ctx)
{
    if (!a->text) return 0;
    if (a->nclauses == 0) return visit(a->text, 0, a->text_len, fn, ctx);
    for (size_t c = 0; c < a->nclauses; c++) {
        const ls_clause *cl = &a->clauses[c];
        int rc = visit(a->text, cl->start, cl->end, fn, ctx);
        for (size_t p = 0; !rc && p < cl->npoints; p++)
            rc = visit(a->text, cl->points[p].start, cl->points[p].end, fn, ctx);
        if (rc) return rc;
    }
    return 0;
}
