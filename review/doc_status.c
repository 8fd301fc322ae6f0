/* doc_status.c — a document's status as of a date (ls_resolve_doc_status,
 * resolve_internal.h).
 *
 * The index stores each document's status as published ("còn hiệu lực",
 * "hết hiệu lực"...) and its dates, not its relations. So the relations are
 * read back from the texts: the passages of other documents that name this
 * document's number (the number is an indexed term) are read again with
 * ls_cite_extract, and a citation whose sentence (ls_cite_provision_act,
 * cite/cite.h) says "thay thế",
 * "bãi bỏ", "hết hiệu lực" or "sửa đổi, bổ sung" makes that document the
 * replacing / repealing / amending one — from its own effective date, so the
 * answer depends on the date asked about. A date after the review date makes
 * a document "not yet in force"; a document with no stored status, in force
 * by its dates and repealed by nothing the index holds, is presumed in force.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../format/passage_data.h"
#include "resolve_internal.h"

/* How many passages naming a document are read for its relations. */
#define RELATION_PASSAGES 40

static ls_rc nomem(ls_error *err) { return ls_error_set(err, LS_ERR_NOMEM, "out of memory"); }

static int same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static ls_rc add_art(doc_entry *e, const char *article, const char *clause, ls_relation rel,
                     const char *by)
{
    for (size_t i = 0; i < e->narts; i++)
        if (strcmp(e->arts[i].article, article) == 0 && same(e->arts[i].clause, clause) &&
            e->arts[i].rel == rel)
            return LS_OK;
    art_relation *g = realloc(e->arts, (e->narts + 1) * sizeof *g);
    if (!g) return LS_ERR_NOMEM;
    e->arts = g;
    art_relation *a = &g[e->narts];
    a->article = strdup(article);
    a->clause = clause ? strdup(clause) : NULL;
    a->by = strdup(by);
    a->rel = rel;
    if (!a->article || !a->by || (clause && !a->clause)) {
        free(a->article);
        free(a->clause);
        free(a->by);
        return LS_ERR_NOMEM;
    }
    e->narts++;
    return LS_OK;
}

static ls_rc set_str(char **field, const char *fmt, const char *a, const char *b)
{
    char line[400];
    snprintf(line, sizeof line, fmt, a, b ? b : "");
    free(*field);
    *field = strdup(line);
    return *field ? LS_OK : LS_ERR_NOMEM;
}

/* The acting document's relation to a provision of e, from one of its
 * passages. The document's own status is not decided here (see
 * ls_resolve_doc_status). */
static ls_rc apply(resolve_ctx *ctx, doc_entry *e, const ls_passage *p, const ls_cite *c, ls_act a)
{
    const char *when = p->effective ? p->effective : p->issued;
    const char *by = p->doc_id ? p->doc_id : "?";
    if (!c->article || (when && strcmp(when, ctx->as_of) > 0)) return LS_OK;
    ls_relation rel = a == LS_ACT_AMENDS ? LS_REL_AMENDS : a == LS_ACT_REPLACES ? LS_REL_REPLACES
                                                                          : LS_REL_REPEALS;
    return add_art(e, c->article, c->clause, rel, by);
}

/* The citations of one field (heading or text) of an acting passage. When
 * the heading amends e ("Sửa đổi, bổ sung một số điều của Nghị định số X"),
 * `amending` is set, and the text's own provisions it amends or repeals
 * ("Sửa đổi, bổ sung khoản 1 Điều 2 như sau") are e's. */
static ls_rc scan_field(resolve_ctx *ctx, doc_entry *e, const ls_passage *p, const char *t,
                        size_t len, int *amending)
{
    ls_cite *cites = NULL;
    size_t n = 0;
    ls_error local = {0};
    if (!t || ls_cite_extract(t, len, &cites, &n, &local)) return LS_OK;
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        const ls_cite *c = &cites[i];
        int of_e = c->doc_number && strcmp(c->doc_number, e->id) == 0;
        if (!of_e && !(*amending && c->self && c->article && !c->self_article)) continue;
        ls_act a = ls_cite_provision_act(t, len, c);
        if (a == LS_ACT_AMENDS && of_e && !c->article && amending) *amending = 1;
        if (a != LS_ACT_NONE) rc = apply(ctx, e, p, c, a);
    }
    ls_cites_free(cites, n);
    return rc;
}

typedef struct scan_ctx {
    resolve_ctx *ctx;
    doc_entry *e;
    ls_error *err;
} scan_ctx;

static ls_rc scan_passage(void *vsc, const ls_passage *p)
{
    scan_ctx *sc = vsc;
    int amending = 0;
    ls_rc rc = scan_field(sc->ctx, sc->e, p, p->heading, p->heading ? strlen(p->heading) : 0,
                          &amending);
    if (!rc) rc = scan_field(sc->ctx, sc->e, p, p->text, p->text_len, &amending);
    return rc ? nomem(sc->err) : LS_OK;
}

/* Read the passages of other documents that name e's number, the acting
 * ones first. */
static ls_rc scan_relations(resolve_ctx *ctx, doc_entry *e, ls_error *err)
{
    scan_ctx sc = {ctx, e, err};
    return ls_searcher_each_passage_naming(ctx->s, e->id, 1, RELATION_PASSAGES, scan_passage, &sc,
                                           NULL, err);
}

static ls_force force_of(const char *status)
{
    const char *code = ls_status_code(status);
    if (strcmp(code, "in-force") == 0) return LS_FORCE_IN_FORCE;
    if (strcmp(code, "repealed") == 0) return LS_FORCE_REPEALED;
    if (strcmp(code, "partly-repealed") == 0) return LS_FORCE_PARTLY_REPEALED;
    if (strcmp(code, "suspended") == 0) return LS_FORCE_SUSPENDED;
    if (strcmp(code, "obsolete") == 0) return LS_FORCE_EXPIRED;
    if (strcmp(code, "amended") == 0) return LS_FORCE_AMENDED;
    if (strcmp(code, "not-yet") == 0) return LS_FORCE_NOT_YET;
    return LS_FORCE_UNKNOWN;
}

ls_rc ls_resolve_doc_status(resolve_ctx *ctx, doc_entry *e, ls_error *err)
{
    if (e->status_done) return LS_OK;
    e->status_done = 1;
    if (!e->found) return LS_OK;
    /* the document as a whole: the one rule search uses too (query/as_of.h) */
    ls_doc_state st;
    ls_rc rc = ls_searcher_as_of_state(ctx->s, e->id, ctx->as_of, &st, NULL, err);
    if (rc == LS_ERR_NOTFOUND) e->arts_done = 1; /* no state: nothing read of its provisions */
    if (rc == LS_ERR_NOTFOUND) return LS_OK;
    if (rc) return rc;
    e->force = force_of(st.text ? st.text : e->status);
    if (e->issued && strcmp(e->issued, ctx->as_of) > 0)
        rc = set_str(&e->note, "issued %s%s", e->issued, NULL);
    else if (e->effective && strcmp(e->effective, ctx->as_of) > 0)
        rc = set_str(&e->note, "effective %s%s", e->effective, NULL);
    else if (e->force == LS_FORCE_REPLACED || e->force == LS_FORCE_REPEALED)
        e->force = strstr(st.text ? st.text : "", "thay thế") ? LS_FORCE_REPLACED : LS_FORCE_REPEALED;
    if (!rc && e->force != LS_FORCE_NOT_YET && st.by[0]) rc = set_str(&e->by, "%s%s", st.by, NULL);
    if (!rc && e->force != LS_FORCE_NOT_YET && st.since[0])
        rc = set_str(&e->note, "since %s%s", st.since, NULL);
    else if (!rc && !ls_force_is_gone(e->force) && e->force != LS_FORCE_NOT_YET &&
             st.gone_since[0] && strcmp(st.gone_since, ctx->as_of) > 0)
        rc = set_str(&e->note, "no longer in force from %s%s", st.gone_since, NULL);
    ls_doc_state_free(&st);
    if (rc) return nomem(err);
    if (e->force == LS_FORCE_NOT_YET || !(e->id[0] >= '0' && e->id[0] <= '9')) return LS_OK;
    if (e->force == LS_FORCE_UNKNOWN && e->effective && !e->note &&
        set_str(&e->note, "presumed: no status stored, effective %s, no repeal found in the index%s",
                e->effective, NULL))
        return nomem(err);
    if (e->force == LS_FORCE_UNKNOWN && e->effective) e->force = LS_FORCE_IN_FORCE;
    return LS_OK;
}

ls_rc ls_resolve_doc_arts(resolve_ctx *ctx, doc_entry *e, ls_error *err)
{
    ls_rc rc = ls_resolve_doc_status(ctx, e, err);
    if (rc || e->arts_done) return rc;
    e->arts_done = 1;
    if (!e->found || e->force == LS_FORCE_NOT_YET || !(e->id[0] >= '0' && e->id[0] <= '9'))
        return LS_OK;
    /* its provisions other texts amend or repeal (the cited article's status) */
    return scan_relations(ctx, e, err);
}
