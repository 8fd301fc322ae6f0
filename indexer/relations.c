/* relations.c — status propagation between documents (see relations.h):
 * which whole documents a text amends, replaces or repeals, kept as "rel:"
 * metadata, and the targets' records and passages restated to match. */
#include "relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../xapian/xc_error.h"
#include "../format/doc_record.h"
#include "../format/passage_data.h"
#include "../format/relations.h"
#include "../format/schema.h"
#include "termgen.h"
#include "../format/values.h"

/* ---- the relations of one document ------------------------------------- */

typedef struct target {
    char id[256];
    ls_act act;
} target;

typedef struct target_list {
    target *v;
    size_t n, cap;
    const char *self;
    ls_rc rc;
} target_list;

/* A repeal or replacement outweighs a partial one, which outweighs an
 * amendment. */
static int weight(ls_act a)
{
    return a == LS_ACT_REPLACES || a == LS_ACT_REPEALS ? 3 : a == LS_ACT_PARTLY ? 2
                                                       : a == LS_ACT_AMENDS ? 1 : 0;
}

static int stronger(ls_act a, ls_act b) { return weight(a) > weight(b); }

static void add_target(target_list *l, const char *id, ls_act act)
{
    if (l->rc || act == LS_ACT_NONE || strcmp(id, l->self) == 0) return;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].id, id) == 0) {
            if (stronger(act, l->v[i].act)) l->v[i].act = act;
            return;
        }
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4;
        target *g = realloc(l->v, nc * sizeof *g);
        if (!g) { l->rc = LS_ERR_NOMEM; return; }
        l->v = g;
        l->cap = nc;
    }
    snprintf(l->v[l->n].id, sizeof l->v[l->n].id, "%s", id);
    l->v[l->n++].act = act;
}

/* The acts of text[0..len) whose references are refs (NULL: find them). */
static void scan_text(target_list *l, const char *t, size_t len, const ls_cite *refs,
                      size_t nrefs)
{
    if (!t || !len || !ls_cite_mentions_an_act(t, len)) return;
    ls_cite *found = NULL;
    if (!refs) {
        ls_error local = {0};
        if (ls_references_find(t, len, &found, &nrefs, &local)) return; /* unreadable: no acts */
        refs = found;
    }
    for (size_t i = 0; i < nrefs && !l->rc; i++) {
        ls_act act = ls_relation_act(t, len, &refs[i]);
        if (act == LS_ACT_NONE) continue;
        char id[256];
        ls_error local = {0};
        if (ls_format_normalise_value(refs[i].doc_number, 0, id, sizeof id, &local)) continue;
        add_target(l, id, act);
    }
    ls_cites_free(found, found ? nrefs : 0);
}

/* The document an article amends as a whole, from its heading ("Điều 1.
 * Sửa đổi, bổ sung một số điều của Nghị định số X"): its id into out. */
static int amended_by_heading(const char *h, char *out, size_t cap)
{
    ls_cite *refs = NULL;
    size_t n = 0;
    ls_error local = {0};
    int found = 0;
    if (!h || ls_references_find(h, strlen(h), &refs, &n, &local)) return 0;
    for (size_t i = 0; i < n && !found; i++)
        found = !refs[i].article && ls_relation_act(h, strlen(h), &refs[i]) == LS_ACT_AMENDS &&
                !ls_format_normalise_value(refs[i].doc_number, 0, out, cap, &local);
    ls_cites_free(refs, n);
    return found;
}

/* In an article amending X, "Bãi bỏ khoản 3 Điều 2" repeals a part of X. */
static void scan_amending(target_list *l, const ls_article *a)
{
    char x[256];
    if (!a->text || !amended_by_heading(a->heading, x, sizeof x)) return;
    for (size_t i = 0; i < a->nrefs; i++) {
        const ls_cite *r = &a->refs[i];
        if (!r->self || !r->article) continue;
        ls_relation rel = ls_relation_active(a->text, a->text_len, r->start, r->end);
        if (rel == LS_REL_REPEALS || rel == LS_REL_REPLACES) add_target(l, x, LS_ACT_PARTLY);
    }
}

static void collect_targets(target_list *l, const ls_document *doc)
{
    if (doc->title) scan_text(l, doc->title, strlen(doc->title), NULL, 0);
    for (size_t i = 0; i < doc->narticles; i++) {
        const ls_article *a = &doc->articles[i];
        if (a->heading) scan_text(l, a->heading, strlen(a->heading), NULL, 0);
        scan_text(l, a->text, a->text ? a->text_len : 0, a->refs, a->nrefs);
        scan_amending(l, a);
    }
}

/* ---- metadata lines ----------------------------------------------------- */

static ls_rc xerr(ls_error *err, const char *what, const xc_err *xe)
{
    return ls_xc_error(err, what, xe);
}

static ls_rc get_meta(xc_wdb *wdb, const char *prefix, const char *id, char **out, ls_error *err)
{
    char key[300];
    snprintf(key, sizeof key, "%s%s", prefix, id);
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, key, out, NULL, &xe)) return xerr(err, "reading relations", &xe);
    return LS_OK;
}

static ls_rc set_meta(xc_wdb *wdb, const char *prefix, const char *id, const char *value,
                      ls_error *err)
{
    char key[300];
    snprintf(key, sizeof key, "%s%s", prefix, id);
    xc_err xe;
    if (xc_wdb_set_metadata(wdb, key, value, strlen(value), &xe))
        return xerr(err, "storing relations", &xe);
    return LS_OK;
}

/* ---- the status a document shows (format/relations.h's rule) ------------- */

ls_rc ls_relations_status(xc_wdb *wdb, const char *id_norm, const char *own, char **out,
                          char gone_since[11], ls_error *err)
{
    *out = NULL;
    if (gone_since) gone_since[0] = '\0';
    char *lines = NULL;
    ls_rc rc = get_meta(wdb, LS_METADATA_RELATIONS, id_norm, &lines, err);
    ls_doc_state st;
    if (!rc) rc = ls_relations_state(lines, own, NULL, NULL, NULL, &st, err);
    if (!rc) {
        *out = st.text;
        if (gone_since) memcpy(gone_since, st.gone_since, 11);
    }
    free(lines);
    return rc;
}

/* ---- rewriting a document's stored status --------------------------------- */

typedef struct term_list {
    char terms[8][300];
    size_t n;
} term_list;

static int collect_term(void *ctx, const char *term, unsigned wdf)
{
    (void)wdf;
    term_list *l = ctx;
    if (l->n < 8) snprintf(l->terms[l->n++], sizeof l->terms[0], "%s", term);
    return l->n == 8;
}

/* Whether the stored value of slot in xd is v (len n). */
static int value_is(xc_doc *xd, unsigned slot, const char *v, size_t n)
{
    const char *old = NULL;
    size_t len = 0;
    xc_err xe;
    return xc_doc_get_value(xd, slot, &old, &len, &xe) == XC_OK && len == n &&
           (n == 0 || memcmp(old, v, n) == 0);
}

/* One passage (docid) of the target: data, XSTATUS term, status and gone
 * slots, each rewritten only when it differs; a passage where none does is
 * left alone (no replace: every other document's relations restate their
 * targets, most often to what they already say). */
static ls_rc restate_passage(xc_wdb *wdb, unsigned docid, const char *status,
                             const char *gone_since, ls_buf *scratch, ls_error *err)
{
    xc_err xe;
    xc_doc *xd = NULL;
    if (xc_wdb_get_document(wdb, docid, &xd, &xe)) return xerr(err, "restating a passage", &xe);
    const char *data = NULL;
    size_t len = 0;
    ls_rc rc = LS_OK;
    if (xc_doc_get_data(xd, &data, &len, &xe)) rc = xerr(err, "restating a passage", &xe);
    else if (ls_passage_restate(data, len, status, scratch, err) == LS_ERR_FORMAT)
        rc = ls_error_set(err, LS_ERR_FORMAT, "passage %u: stored data is not JSON", docid);
    const char *code = ls_status_code(status);
    char gone[9];
    ls_gone_value(gone_since, gone);
    int same_data = !rc && scratch->len == len && (len == 0 || memcmp(scratch->data, data, len) == 0);
    int same_code = !rc && value_is(xd, LS_SLOT_STATUS, code, strlen(code));
    int same_gone = !rc && value_is(xd, LS_SLOT_GONE, gone, strlen(gone));
    if (rc || (same_data && same_code && same_gone)) {
        xc_doc_free(xd);
        return rc;
    }
    if (!same_data && xc_doc_set_data(xd, scratch->data, scratch->len, &xe))
        rc = xerr(err, "restating a passage", &xe);
    term_list old = {0};
    if (!rc && !same_code && xc_doc_terms(xd, LS_PREFIX_STATUS, collect_term, &old, &xe))
        rc = xerr(err, "restating a passage", &xe);
    for (size_t i = 0; !rc && i < old.n; i++)
        if (xc_doc_remove_term(xd, old.terms[i], &xe)) rc = xerr(err, "restating a passage", &xe);
    if (!rc && !same_code) rc = ls_termgen_add_boolean(xd, LS_PREFIX_STATUS, code, 0, err);
    if (!rc && !same_code && xc_doc_set_value(xd, LS_SLOT_STATUS, code, strlen(code), &xe))
        rc = xerr(err, "restating a passage", &xe);
    if (!rc && !same_gone && xc_doc_set_value(xd, LS_SLOT_GONE, gone, strlen(gone), &xe))
        rc = xerr(err, "restating a passage", &xe);
    /* by docid: the document as read, so a change of data or values alone
     * leaves its postings untouched */
    if (!rc && xc_wdb_replace_document(wdb, docid, xd, &xe))
        rc = xerr(err, "restating a passage", &xe);
    xc_doc_free(xd);
    return rc;
}

ls_rc ls_relations_restate_passages(xc_wdb *wdb, const char *id_norm, const char *status,
                                    const char *gone_since, ls_error *err)
{
    char term[300];
    snprintf(term, sizeof term, "%s%s", LS_PREFIX_DOC, id_norm);
    unsigned *ids = NULL;
    size_t n = 0;
    xc_err xe;
    ls_buf buf = LS_BUF_INIT;
    ls_rc rc = xc_wdb_postlist(wdb, term, &ids, &n, &xe) ? xerr(err, "restating", &xe) : LS_OK;
    for (size_t i = 0; !rc && i < n; i++)
        rc = restate_passage(wdb, ids[i], status, gone_since, &buf, err);
    free(ids);
    ls_buf_free(&buf);
    return rc;
}

/* Give document id the status its published one and its relations make,
 * in its record and every passage (through hook when not NULL); *changed =
 * 1 when it was not so. */
static ls_rc restate(xc_wdb *wdb, const char *id, const ls_restate_hook *hook, int *changed,
                     ls_error *err)
{
    *changed = 0;
    char *rec = NULL;
    ls_rc rc = get_meta(wdb, LS_METADATA_DOC, id, &rec, err);
    if (rc || !rec[0]) { /* not in the index (yet) */
        free(rec);
        return rc;
    }
    ls_doc_record r;
    size_t len = strlen(rec);
    rc = ls_doc_record_decode(rec, len, &r, err);
    if (rc) {
        free(rec);
        return rc == LS_ERR_FORMAT ? LS_OK : rc;   /* not JSON: not ours to repair */
    }
    const char *own = ls_doc_record_published_status(&r);
    char *derived = NULL, gone_since[11];
    rc = ls_relations_status(wdb, id, own, &derived, gone_since, err);
    const char *want = derived ? derived : own;
    const char *now = r.status;
    int same = (!want && !now) || (want && now && strcmp(want, now) == 0);
    ls_buf buf = LS_BUF_INIT;
    if (!rc && !same) {
        rc = ls_doc_record_restate(rec, len, want, derived != NULL, own, &buf, err);
        if (!rc) rc = set_meta(wdb, LS_METADATA_DOC, id, buf.data, err);
    }
    free(rec);
    /* the passages: the status when it changed, the date it goes whenever
     * the relations changed (a second repeal may be earlier); in a shard
     * set, in the shard that holds them */
    if (!rc) rc = hook ? hook->fn(hook->ctx, id, want, gone_since, err)
                       : ls_relations_restate_passages(wdb, id, want, gone_since, err);
    if (!rc && !same) *changed = 1;
    ls_buf_free(&buf);
    free(derived);
    ls_doc_record_free(&r);
    return rc;
}

/* ---- updating the relations of a document --------------------------------- */

/* Rewrite "rel:<t>": the lines of `by` become `line` (none when NULL), an
 * identical line staying where it stands so the status text keeps its
 * order. *changed = 1 when the value changed. */
static ls_rc rewrite_lines(xc_wdb *wdb, const char *t, const char *by, const char *line,
                           int *changed, ls_error *err)
{
    *changed = 0;
    char *old = NULL;
    ls_rc rc = get_meta(wdb, LS_METADATA_RELATIONS, t, &old, err);
    if (rc) return rc;
    ls_buf out = LS_BUF_INIT;
    int placed = 0;
    for (const char *p = old; *p && !rc;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        size_t n = (size_t)(end - p);
        char who[256];
        ls_relation_field(p, end, 1, who, sizeof who);
        int keep = strcmp(who, by) != 0;
        if (!keep && line && !placed && n == strlen(line) && memcmp(p, line, n) == 0)
            keep = placed = 1;
        if (keep && ((out.len && ls_buf_putc(&out, '\n')) || ls_buf_append(&out, p, n)))
            rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        p = nl ? nl + 1 : end;
    }
    if (!rc && line && !placed &&
        ((out.len && ls_buf_putc(&out, '\n')) || ls_buf_puts(&out, line)))
        rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (!rc && strcmp(old, out.data ? out.data : "") != 0) {
        rc = set_meta(wdb, LS_METADATA_RELATIONS, t, out.data ? out.data : "", err);
        *changed = !rc;
    }
    ls_buf_free(&out);
    free(old);
    return rc;
}

static ls_rc touch(xc_wdb *wdb, const char *t, const char *by, const char *line,
                   unsigned long *restated, const ls_restate_hook *hook, ls_error *err)
{
    int changed = 0, re = 0;
    ls_rc rc = rewrite_lines(wdb, t, by, line, &changed, err);
    if (!rc && changed) rc = restate(wdb, t, hook, &re, err);
    if (!rc && re && restated) (*restated)++;
    return rc;
}

ls_rc ls_relations_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          unsigned long *restated, ls_error *err)
{
    return ls_relations_update_hooked(wdb, doc, id_norm, restated, NULL, err);
}

ls_rc ls_relations_update_hooked(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                                 unsigned long *restated, const ls_restate_hook *hook,
                                 ls_error *err)
{
    target_list l = {.self = id_norm};
    if (doc) collect_targets(&l, doc);
    if (l.rc) {
        free(l.v);
        return ls_error_set(err, l.rc, "out of memory");
    }
    char *before = NULL;
    ls_rc rc = get_meta(wdb, LS_METADATA_RELATED_BY, id_norm, &before, err);
    ls_buf now = LS_BUF_INIT;
    /* how the status names it: its number, else its name ("Luật Cư trú") */
    const char *number = !doc ? id_norm : doc->number ? doc->number
                       : doc->title && strlen(doc->title) < 200 ? doc->title : id_norm;
    const char *effective = doc && doc->effective ? doc->effective : "";
    for (size_t i = 0; !rc && i < l.n; i++) {
        char line[800];
        ls_relation_line(l.v[i].act, id_norm, number, effective, line, sizeof line);
        rc = touch(wdb, l.v[i].id, id_norm, line, restated, hook, err);
        if (!rc && ((now.len && ls_buf_puts(&now, "\n")) || ls_buf_puts(&now, l.v[i].id)))
            rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    /* targets this document no longer acts on */
    for (const char *p = before; !rc && p && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        char t[256];
        ls_relation_field(p, end, 0, t, sizeof t);
        int still = 0;
        for (size_t i = 0; i < l.n; i++) still |= strcmp(l.v[i].id, t) == 0;
        if (!still) rc = touch(wdb, t, id_norm, NULL, restated, hook, err);
        p = nl ? nl + 1 : end;
    }
    if (!rc && strcmp(before ? before : "", now.data ? now.data : "") != 0)
        rc = set_meta(wdb, LS_METADATA_RELATED_BY, id_norm, now.data ? now.data : "", err);
    ls_buf_free(&now);
    free(before);
    free(l.v);
    return rc;
}
