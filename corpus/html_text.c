/* html_text.c — a single pass over an HTML fragment producing its text
 * (see html_text.h). Not a general HTML parser: enough for published legal
 * pages, and safe on any bytes (bounded lookahead, no recursion). */
#include "html_text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../common/utf8.h"

typedef struct out_state {
    ls_buf *out;
    int pending_space;   /* a space is owed before the next visible char */
    int at_line_start;
    ls_rc rc;
} out_state;

static void put_break(out_state *st)
{
    st->pending_space = 0;
    if (st->at_line_start) return;
    /* trim a trailing space of the line */
    while (st->out->len && st->out->data[st->out->len - 1] == ' ') st->out->data[--st->out->len] = '\0';
    if (!st->rc) st->rc = ls_buf_putc(st->out, '\n');
    st->at_line_start = 1;
}

static void put_bytes(out_state *st, const char *s, size_t n)
{
    if (st->pending_space && !st->at_line_start && !st->rc) st->rc = ls_buf_putc(st->out, ' ');
    st->pending_space = 0;
    if (!st->rc) st->rc = ls_buf_append(st->out, s, n);
    st->at_line_start = 0;
}

static void put_space(out_state *st) { st->pending_space = 1; }

/* decode "&...;" at s (n bytes available); returns bytes consumed, 0 if not an entity */
static size_t entity(const char *s, size_t n, out_state *st)
{
    static const struct { const char *name; const char *text; } named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
        {"ndash", "–"}, {"mdash", "—"}, {"hellip", "…"}, {"laquo", "«"}, {"raquo", "»"},
        {"ldquo", "“"}, {"rdquo", "”"}, {"lsquo", "‘"}, {"rsquo", "’"},
    };
    size_t end = 1;
    while (end < n && end < 12 && s[end] != ';') end++;
    if (end >= n || s[end] != ';') return 0;
    if (s[1] == '#') {
        unsigned long cp = (s[2] == 'x' || s[2] == 'X') ? strtoul(s + 3, NULL, 16)
                                                         : strtoul(s + 2, NULL, 10);
        if (cp == 0xA0 || cp == 9 || cp == 10 || cp == 13 || cp == 32) put_space(st);
        else if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            char buf[4];
            put_bytes(st, buf, ls_utf8_encode((uint32_t)cp, buf));
        }
        return end + 1;
    }
    if (end == 5 && strncmp(s + 1, "nbsp", 4) == 0) {
        put_space(st);
        return end + 1;
    }
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        size_t l = strlen(named[i].name);
        if (l == end - 1 && strncmp(s + 1, named[i].name, l) == 0) {
            put_bytes(st, named[i].text, strlen(named[i].text));
            return end + 1;
        }
    }
    return 0;
}

static int tag_is(const char *name, size_t n, const char *want)
{
    return n == strlen(want) && strncasecmp(name, want, n) == 0;
}

ls_rc ls_html_to_text(const char *html, size_t len, ls_buf *out)
{
    out_state st = {.out = out, .at_line_start = out->len == 0 || out->data[out->len - 1] == '\n'};
    size_t i = 0;
    while (i < len && !st.rc) {
        unsigned char c = (unsigned char)html[i];
        if (c == '<') {
            const char *gt = memchr(html + i, '>', len - i);
            if (!gt) break; /* truncated tag: drop the rest */
            const char *name = html + i + 1;
            int closing = *name == '/';
            if (closing) name++;
            size_t nl = 0;
            while (name + nl < gt && ((name[nl] | 0x20) >= 'a' && (name[nl] | 0x20) <= 'z')) nl++;
            while (name + nl < gt && name[nl] >= '0' && name[nl] <= '9') nl++;
            if (tag_is(name, nl, "br") || (closing && (tag_is(name, nl, "p") || tag_is(name, nl, "tr") ||
                                                       tag_is(name, nl, "li") || tag_is(name, nl, "div") ||
                                                       tag_is(name, nl, "h1") || tag_is(name, nl, "h2") ||
                                                       tag_is(name, nl, "h3") || tag_is(name, nl, "h4"))))
                put_break(&st);
            else if (closing && (tag_is(name, nl, "td") || tag_is(name, nl, "th")))
                put_space(&st);
            i = (size_t)(gt - html) + 1;
        } else if (c == '&') {
            size_t k = entity(html + i, len - i, &st);
            if (!k) put_bytes(&st, "&", 1), k = 1;
            i += k;
        } else if (c <= ' ' || c == 0x7F) { /* white space, and control bytes (NUL...) as space */
            put_space(&st);
            i++;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)html[i + 1] == 0xA0) { /* NBSP */
            put_space(&st);
            i += 2;
        } else {
            size_t j = i + 1;
            while (j < len && html[j] != '<' && html[j] != '&' && (unsigned char)html[j] > ' ' &&
                   html[j] != 0x7F && (unsigned char)html[j] != 0xC2)
                j++;
            put_bytes(&st, html + i, j - i);
            i = j;
        }
    }
    while (!st.rc && out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' '))
        out->data[--out->len] = '\0';
    return st.rc;
}
