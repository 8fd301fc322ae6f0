/* cite_format.c — a citation written out in the standard form, and the
 * stable names of the review's enums (cite_internal.h, review.h). */
#include <stdlib.h>
#include <string.h>

#include "cite_internal.h"

char *ls_cite_upper_number(const char *num)
{
    size_t n = strlen(num);
    char *u = malloc(n + 1);
    if (!u) return NULL;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = (unsigned char)num[i];
        if (c >= 'a' && c <= 'z') c = (unsigned char)(c - 'a' + 'A');
        else if (c == 0x91 && i > 0 && (unsigned char)num[i - 1] == 0xC4) c = 0x90;   /* đ -> Đ */
        u[i] = (char)c;
    }
    return u;
}

static int is_law_type(const char *type)
{
    return type && (strcmp(type, "Luật") == 0 || strcmp(type, "Bộ luật") == 0 ||
                    strcmp(type, "Pháp lệnh") == 0 || strcmp(type, "Hiến pháp") == 0);
}

ls_rc ls_cite_format(ls_cite *c, const char *doc_type, const char *doc_title,
                     const char *doc_number)
{
    ls_buf b = LS_BUF_INIT;
    if (c->point) ls_buf_printf(&b, "điểm %s ", c->point);
    if (c->clause) ls_buf_printf(&b, "khoản %s ", c->clause);
    if (c->article) ls_buf_printf(&b, "Điều %s ", c->article);
    else if (c->self_article) ls_buf_puts(&b, "Điều này ");
    if (doc_number || doc_title) {
        if (doc_number && is_law_type(doc_type) && doc_title)
            ls_buf_printf(&b, "%s số %s", doc_title, doc_number);
        else if (doc_number)
            ls_buf_printf(&b, "%s số %s", doc_type ? doc_type : "văn bản", doc_number);
        else
            ls_buf_puts(&b, doc_title);
    } else if (c->doc_number) {
        char *up = ls_cite_upper_number(c->doc_number);
        if (c->law_name) ls_buf_printf(&b, "%s số %s", c->law_name, up ? up : c->doc_number);
        else ls_buf_printf(&b, "%s số %s", c->doc_type ? c->doc_type : "văn bản", up ? up : c->doc_number);
        free(up);
    } else if (c->law_name) {
        ls_buf_puts(&b, c->law_name);
        if (c->year) ls_buf_printf(&b, " năm %s", c->year);
    } else if (c->self && !c->article && !c->self_article) {
        ls_buf_puts(&b, "văn bản này");
    }
    /* drop a trailing space (a provision of the containing document) */
    if (b.len && b.data[b.len - 1] == ' ') b.data[--b.len] = '\0';
    ls_rc rc = ls_buf_error(&b);
    if (rc) {
        ls_buf_free(&b);
        return rc;
    }
    char *s = ls_buf_detach(&b);
    if (!s) return LS_ERR_NOMEM;
    free(c->citation);
    c->citation = s;
    return LS_OK;
}

const char *ls_cite_resolution_name(ls_cite_resolution r)
{
    switch (r) {
    case LS_CITE_FOUND: return "found";
    case LS_CITE_DOC_MISSING: return "document-missing";
    case LS_CITE_PART_MISSING: return "provision-missing";
    case LS_CITE_AMBIGUOUS: return "ambiguous";
    case LS_CITE_SELF_UNKNOWN: return "self-unknown";
    }
    return "?";
}

const char *ls_force_name(ls_force f)
{
    switch (f) {
    case LS_FORCE_UNKNOWN: return "unknown";
    case LS_FORCE_IN_FORCE: return "in-force";
    case LS_FORCE_AMENDED: return "amended";
    case LS_FORCE_PARTLY_REPEALED: return "partly-repealed";
    case LS_FORCE_NOT_YET: return "not-yet";
    case LS_FORCE_SUSPENDED: return "suspended";
    case LS_FORCE_REPEALED: return "repealed";
    case LS_FORCE_REPLACED: return "replaced";
    case LS_FORCE_EXPIRED: return "expired";
    }
    return "?";
}

const char *ls_relation_name(ls_relation r)
{
    switch (r) {
    case LS_REL_CITES: return "cites";
    case LS_REL_BASIS: return "basis";
    case LS_REL_GUIDES: return "guides";
    case LS_REL_AMENDS: return "amends";
    case LS_REL_REPLACES: return "replaces";
    case LS_REL_REPEALS: return "repeals";
    case LS_REL_SUSPENDS: return "suspends";
    case LS_REL_CORRECTS: return "corrects";
    }
    return "?";
}

int ls_force_is_gone(ls_force f)
{
    return f == LS_FORCE_REPEALED || f == LS_FORCE_REPLACED || f == LS_FORCE_EXPIRED;
}
