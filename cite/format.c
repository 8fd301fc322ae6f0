/* format.c — a citation written out in the standard form (cite.h), the one
 * formatter of search's hits, review, MCP and the notices, and the stable
 * names of the citation enums.
 *
 * The standard form: "điểm a khoản 1 Điều 72 " + the document. A law
 * (Luật, Bộ luật, Pháp lệnh, Hiến pháp) is written by its name and number
 * ("Pháp lệnh Chi phí tố tụng số 02/2012/UBTVQH13"), anything else by its
 * type and number ("Nghị định số 13/2023/NĐ-CP"). */
#include <stdlib.h>
#include <string.h>

#include "cite.h"

int ls_cite_type_is_law(const char *type)
{
    return type && (strcmp(type, "Luật") == 0 || strcmp(type, "Bộ luật") == 0 ||
                    strcmp(type, "Pháp lệnh") == 0 || strcmp(type, "Hiến pháp") == 0);
}

void ls_cite_write_doc(ls_buf *b, const char *type, const char *title, const char *number)
{
    if (number && title && ls_cite_type_is_law(type))
        ls_buf_printf(b, "%s số %s", title, number);
    else if (number)
        ls_buf_printf(b, "%s số %s", type ? type : "văn bản", number);
    else if (title)
        ls_buf_puts(b, title);
}

void ls_cite_write_provision(ls_buf *b, const char *point, const char *clause,
                             const char *article)
{
    const char *parts[3][2] = {{"điểm", point}, {"khoản", clause}, {"Điều", article}};
    for (size_t i = 0, n = 0; i < 3; i++)
        if (parts[i][1]) ls_buf_printf(b, "%s%s %s", n++ ? " " : "", parts[i][0], parts[i][1]);
}

ls_rc ls_cite_format(ls_cite *c, const char *doc_type, const char *doc_title,
                     const char *doc_number)
{
    ls_buf b = LS_BUF_INIT;
    ls_cite_write_provision(&b, c->point, c->clause, c->article);
    if (!c->article && c->self_article) ls_buf_puts(&b, b.len ? " Điều này" : "Điều này");
    size_t provision = b.len;
    if (provision) ls_buf_puts(&b, " ");
    if (doc_number || doc_title) {
        ls_cite_write_doc(&b, doc_type, doc_title, doc_number);
    } else if (c->doc_number) {
        /* a name cited with a number is a law's ("Luật Thủy lợi số 08/2017/QH14") */
        char *up = ls_cite_upper_number(c->doc_number);
        ls_cite_write_doc(&b, c->law_name ? "Luật" : c->doc_type, c->law_name,
                          up ? up : c->doc_number);
        free(up);
    } else if (c->law_name) {
        ls_buf_puts(&b, c->law_name);
        if (c->year) ls_buf_printf(&b, " năm %s", c->year);
    } else if (c->self && !c->article && !c->self_article) {
        ls_buf_puts(&b, "văn bản này");
    }
    /* drop the space when no document follows (a provision of this text) */
    if (provision && b.len == provision + 1) b.data[--b.len] = '\0';
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
