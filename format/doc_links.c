/* doc_links.c — a "links:" line's one encoder and one decoder and the
 * reverse key of a document link (doc_links.h), the rules the writer
 * (indexer/doc_links.c) and the readers (review/) share. */
#include "doc_links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_error.h"
#include "../common/ls_str.h"
#include "../text/analyser.h"

/* The rule of a reverse key: the number [num, +nnum) when there is one,
 * else the folded words of the name [name, +nname); 0 when none fits. */
static int key_of(const char *num, size_t nnum, const char *name, size_t nname, char *out,
                  size_t cap)
{
    if (nnum) {
        if (nnum >= cap) return 0;
        memcpy(out, num, nnum);
        out[nnum] = '\0';
        return 1;
    }
    ls_error local = {0};
    return nname && ls_folded_words(name, nname, out, cap, &local) == LS_OK && out[0];
}

int ls_doc_links_key(const char *num, const char *name, char *out, size_t cap)
{
    return key_of(num, num ? strlen(num) : 0, name, name ? strlen(name) : 0, out, cap);
}

int ls_doc_links_line_key(const char *p, const char *end, char *out, size_t cap)
{
    size_t nnum, nname;
    const char *num = ls_tab_field(p, end, 1, &nnum), *name = ls_tab_field(p, end, 2, &nname);
    return key_of(num, nnum, name, nname, out, cap);
}

/* Field k of [p, end), malloc'ed, NULL when empty. */
static char *link_field(const char *p, const char *end, int k)
{
    size_t n;
    p = ls_tab_field(p, end, k, &n);
    if (!n) return NULL;
    char *s = malloc(n + 1);
    if (s) memcpy(s, p, n), s[n] = '\0';
    return s;
}

static int put_field(ls_buf *b, const char *s)
{
    int bad = ls_buf_putc(b, '\t') != LS_OK;
    for (; s && *s; s++) bad |= ls_buf_putc(b, *s == '\t' || *s == '\n' ? ' ' : *s) != LS_OK;
    return bad;
}

int ls_doc_links_encode(ls_buf *b, const ls_cite *r)
{
    int bad = 0;
    if (b->len) bad |= ls_buf_putc(b, '\n') != LS_OK;
    bad |= ls_buf_printf(b, "%d", (int)r->relation) != LS_OK;
    bad |= put_field(b, r->doc_number) | put_field(b, r->law_name) | put_field(b, r->year) |
           put_field(b, r->doc_type) | put_field(b, r->article) | put_field(b, r->clause) |
           put_field(b, r->point);
    return bad;
}

int ls_doc_links_decode(const char *p, const char *end, ls_cite *c, ls_relation *kind)
{
    memset(c, 0, sizeof *c);
    char *k = link_field(p, end, 0);
    int v = k ? atoi(k) : 0;
    free(k);
    if (v <= LS_REL_CITES || v > LS_REL_CORRECTS) return 0;
    *kind = (ls_relation)v;
    c->relation = *kind;
    c->doc_number = link_field(p, end, 1);
    c->law_name = link_field(p, end, 2);
    c->year = link_field(p, end, 3);
    c->doc_type = link_field(p, end, 4);
    c->article = link_field(p, end, 5);
    c->clause = link_field(p, end, 6);
    c->point = link_field(p, end, 7);
    return c->doc_number || c->law_name;
}
