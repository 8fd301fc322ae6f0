/* definitions.c — finds "<phrase> là ..." at the start of clauses and
 * points (see definitions.h). Plain byte scanning: the markers are ASCII
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

/* Length of the phrase before the first marker in s[0..len) that comes
 * before any sentence break, or 0. */
static size_t defined_phrase(const char *s, size_t len)
{
    size_t words = 1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '.' || c == ':' || c == ';' || c == '\n' || c == '(') return 0;
        if (c != ' ') continue;
        for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
            size_t n = strlen(markers[m]);
            if (i + n <= len && memcmp(s + i, markers[m], n) == 0) return i;
        }
        if (++words > LS_DEFINITION_MAX_WORDS) return 0;
    }
    return 0;
}

static int visit(const char *text, size_t start, size_t end, ls_definition_fn fn, void *ctx)
{
    if (end <= start) return 0;
    const char *s = text + start;
    size_t len = end - start;
    size_t at = skip_label(s, len);
    size_t n = defined_phrase(s + at, len - at);
    /* drop closing quotes */
    while (n > 0 && (s[at + n - 1] == '"' || s[at + n - 1] == '\'')) n--;
    if (n >= 3 && memcmp(s + at + n - 3, "”", 3) == 0) n -= 3;
    return n ? fn(ctx, s + at, n) : 0;
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
