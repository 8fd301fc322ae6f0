/* doc_relations.c — a document's relations in both directions, read from
 * the index (doc_relations.h). */
#include "doc_relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../common/ls_json.h"
#include "../common/ls_str.h"
#include "../format/doc_links.h"
#include "../format/passage_data.h"
#include "../format/values.h"
#include "../text/analyser.h"
#include "resolve_internal.h"

static ls_rc nomem(ls_error *err) { return ls_error_set(err, LS_ERR_NOMEM, "out of memory"); }

const char *ls_relation_label(ls_relation kind, int incoming)
{
    switch (kind) {
    case LS_REL_BASIS: return incoming ? "được căn cứ bởi" : "căn cứ";
    case LS_REL_GUIDES: return incoming ? "được hướng dẫn, quy định chi tiết bởi"
                                        : "hướng dẫn, quy định chi tiết";
    case LS_REL_AMENDS: return incoming ? "được sửa đổi, bổ sung bởi" : "sửa đổi, bổ sung";
    case LS_REL_REPLACES: return incoming ? "bị thay thế bởi" : "thay thế";
    case LS_REL_REPEALS: return incoming ? "bị bãi bỏ bởi" : "bãi bỏ";
    case LS_REL_SUSPENDS: return incoming ? "bị đình chỉ bởi" : "đình chỉ";
    case LS_REL_CORRECTS: return incoming ? "được đính chính bởi" : "đính chính";
    case LS_REL_CITES: break;
    }
    return incoming ? "được dẫn chiếu bởi" : "dẫn chiếu";
}

/* ---- the list ------------------------------------------------------------ */

static int same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static void rel_clear(ls_doc_relation *d)
{
    free(d->other_id);
    free(d->other_citation);
    free(d->other_title);
    free(d->acting_article);
    free(d->article);
    free(d->clause);
    free(d->point);
    free(d->effective);
}

/* Add a relation unless the list has it; takes the strings of d. */
static ls_rc add(ls_doc_relations *r, ls_doc_relation *d, ls_error *err)
{
    for (size_t i = 0; i < r->n; i++) {
        const ls_doc_relation *o = &r->v[i];
        if (o->kind == d->kind && o->incoming == d->incoming &&
            same(o->other_id ? o->other_id : o->other_citation,
                 d->other_id ? d->other_id : d->other_citation) &&
            same(o->acting_article, d->acting_article) && same(o->article, d->article) &&
            same(o->clause, d->clause) && same(o->point, d->point)) {
            rel_clear(d);
            return LS_OK;
        }
    }
    ls_doc_relation *g = realloc(r->v, (r->n + 1) * sizeof *g);
    if (!g) {
        rel_clear(d);
        return nomem(err);
    }
    r->v = g;
    d->in_effect = !d->effective || strcmp(d->effective, r->as_of) <= 0;
    r->v[r->n++] = *d;
    return LS_OK;
}

/* A relation between the document and the one c cites (resolved by ctx, or
 * `other` when given). For an outgoing one, c's provision is the other
 * document's; for an incoming one, it is ours. */
static ls_rc add_cited(resolve_ctx *ctx, ls_doc_relations *r, ls_relation kind, int incoming,
                       ls_cite *c, const doc_entry *other, const char *acting_article,
                       const char *effective, ls_error *err)
{
    ls_doc_relation d = {.kind = kind, .incoming = incoming};
    if (!other) {
        ls_rc rc = ls_resolve_cite(ctx, c, err);
        if (rc) return rc;
        if (c->resolution == LS_CITE_FOUND || c->resolution == LS_CITE_PART_MISSING)
            other = ls_resolve_doc_entry(ctx, c->doc_id, err);
        if (c->doc_id && !other) return err->rc;
    }
    if (other && strcmp(other->id, r->id) == 0) return LS_OK;   /* itself */
    int ok = 1;   /* every copy below: ls_strdup_ok */
    d.other_id = other ? ls_strdup_ok(other->id, &ok) : NULL;
    d.other_title = other ? ls_strdup_ok(other->title, &ok) : NULL;
    if (other) {
        ls_cite bare = {0};
        if (ls_resolve_format(&bare, other)) bare.citation = NULL;
        d.other_citation = bare.citation;
    } else {
        /* as the text cites it, without the provision */
        ls_cite bare = {.doc_number = c->doc_number, .doc_type = c->doc_type,
                        .law_name = c->law_name, .year = c->year};
        if (ls_cite_format(&bare, NULL, NULL, NULL)) bare.citation = NULL;
        d.other_citation = bare.citation;
    }
    d.acting_article = ls_strdup_ok(acting_article, &ok);
    d.article = ls_strdup_ok(c->article, &ok);
    d.clause = ls_strdup_ok(c->clause, &ok);
    d.point = ls_strdup_ok(c->point, &ok);
    d.effective = ls_strdup_ok(effective, &ok);
    if (!ok || (other && !d.other_id) || !d.other_citation) {
        rel_clear(&d);
        return nomem(err);
    }
    return add(r, &d, err);
}

/* ---- the title and preamble ------------------------------------------------ */

/* The links stored for document `by` (doc_links.h); `want` NULL: every one
 * as an outgoing relation of r's document; else only those naming `want`,
 * as incoming relations from `by`. */
static ls_rc scan_links(resolve_ctx *ctx, ls_doc_relations *r, const doc_entry *by,
                        const doc_entry *want, ls_error *err)
{
    char *lines = NULL;
    ls_rc rc = ls_searcher_metadata(ctx->s, LS_METADATA_LINKS, by->id, &lines, err);
    if (rc) return rc;
    const char *eff = by->effective ? by->effective : by->issued;
    for (const char *p = lines; !rc && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        ls_cite c;
        ls_relation k;
        if (ls_doc_links_decode(p, end, &c, &k)) {
            rc = ls_resolve_cite(ctx, &c, err);
            if (!rc && !want)
                rc = add_cited(ctx, r, k, 0, &c, NULL, NULL, eff, err);
            else if (!rc && c.doc_id && strcmp(c.doc_id, want->id) == 0)
                rc = add_cited(ctx, r, k, 1, &c, by, NULL, eff, err);
        }
        ls_cite_clear(&c);
        p = nl ? nl + 1 : end;
    }
    free(lines);
    return rc;
}

/* Incoming relations from the titles and preambles of other documents: the
 * ids stored under the document's number and under its name. */
static ls_rc scan_links_to(resolve_ctx *ctx, ls_doc_relations *r, const doc_entry *self,
                           ls_error *err)
{
    char keys[2][LS_DOC_LINKS_KEY_CAP];
    int nkeys = 0;
    if (ls_doc_links_key(self->id, NULL, keys[nkeys], sizeof keys[0])) nkeys++;
    if (self->title && ls_doc_links_key(NULL, self->title, keys[nkeys], sizeof keys[0])) nkeys++;
    ls_rc rc = LS_OK;
    for (int k = 0; !rc && k < nkeys; k++) {
        char *ids = NULL;
        if ((rc = ls_searcher_metadata(ctx->s, LS_METADATA_LINKS_TO, keys[k], &ids, err)))
            return rc;
        for (const char *p = ids; !rc && *p;) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            char id[300];
            snprintf(id, sizeof id, "%.*s", (int)n, p);
            doc_entry *by = ls_resolve_doc_entry(ctx, id, err);
            if (!by) rc = err->rc;
            else if (by->found && strcmp(by->id, self->id) != 0)
                rc = scan_links(ctx, r, by, self, err);
            p = nl ? nl + 1 : p + n;
        }
        free(ids);
    }
    return rc;
}

/* ---- the articles ---------------------------------------------------------- */

/* "Bổ sung Điều 5a vào sau Điều 5": Điều 5 only places the new one. */
static int placement_only(const char *t, size_t start)
{
    static const char *const words[] = {"sau ", "trước "};
    for (size_t k = 0; k < 2; k++) {
        size_t n = strlen(words[k]);
        if (start >= n && memcmp(t + start - n, words[k], n) == 0) return 1;
    }
    return 0;
}

/* The relations one field (heading or text) of passage p states. `self`:
 * incoming mode, only citations of self count, and p's document acts;
 * NULL: outgoing mode, p is the document's own article. `amending` carries
 * "this article amends document X" from the heading to the text, whose own
 * provisions ("Sửa đổi, bổ sung khoản 1 Điều 2 như sau") are then X's. */
static ls_rc scan_field(resolve_ctx *ctx, ls_doc_relations *r, const ls_passage *p,
                        const char *t, size_t len, const doc_entry *self,
                        const doc_entry **amending, ls_error *err)
{
    ls_cite *cites = NULL;
    size_t n = 0;
    ls_error local = {0};
    if (!t || !len || ls_cite_extract(t, len, &cites, &n, &local)) return LS_OK;
    const char *eff = p->effective ? p->effective : p->issued;
    doc_entry *acting = self ? ls_resolve_doc_entry(ctx, p->doc_id, err) : NULL;
    ls_rc rc = self && !acting ? err->rc : LS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        ls_cite *c = &cites[i];
        ls_relation kind = ls_relation_active(t, len, c->group_start, c->group_end);
        /* "căn cứ" in an article ("căn cứ quy định của Luật X") is a mention:
         * a legal basis is the preamble's (scan_links) */
        if (kind == LS_REL_CITES || kind == LS_REL_BASIS || placement_only(t, c->group_start))
            continue;
        if (c->self) {
            /* a provision of the document the article amends */
            if (*amending && c->article && !c->self_article &&
                (kind == LS_REL_AMENDS || kind == LS_REL_REPEALS || kind == LS_REL_REPLACES) &&
                (!self || *amending == self))
                rc = add_cited(ctx, r, kind, self != NULL, c, self ? acting : *amending,
                               p->article, eff, err);
            continue;
        }
        if (self) {
            if (!c->doc_number || strcmp(c->doc_number, self->id) != 0) continue;
            if (kind == LS_REL_AMENDS && !c->article) *amending = self;
            rc = add_cited(ctx, r, kind, 1, c, acting, p->article, eff, err);
        } else {
            rc = add_cited(ctx, r, kind, 0, c, NULL, p->article, eff, err);
            if (!rc && kind == LS_REL_AMENDS && !c->article && c->doc_id)
                *amending = ls_resolve_doc_entry(ctx, c->doc_id, err);
        }
    }
    ls_cites_free(cites, n);
    return rc;
}

typedef struct scan_ctx {
    resolve_ctx *ctx;
    ls_doc_relations *r;
    const doc_entry *self;
    ls_error *err;
} scan_ctx;

static ls_rc scan_one(void *v, const ls_passage *p)
{
    scan_ctx *sc = v;
    if (!p->doc_id) return LS_OK;
    const doc_entry *amending = NULL;
    ls_rc rc = scan_field(sc->ctx, sc->r, p, p->heading, p->heading ? strlen(p->heading) : 0,
                          sc->self, &amending, sc->err);
    if (!rc) rc = scan_field(sc->ctx, sc->r, p, p->text, p->text_len, sc->self, &amending, sc->err);
    return rc;
}

/* Its own articles, then the articles of others naming its number (an
 * indexed term), at most LS_RELATIONS_SCAN each. */
static ls_rc scan_articles(resolve_ctx *ctx, ls_doc_relations *r, const doc_entry *self,
                           ls_error *err)
{
    scan_ctx own = {ctx, r, NULL, err}, others = {ctx, r, self, err};
    ls_rc rc = ls_searcher_each_passage_of(ctx->s, self->id, LS_RELATIONS_SCAN, scan_one, &own,
                                           NULL, err);
    size_t matched = 0;
    if (!rc)
        rc = ls_searcher_each_passage_naming(ctx->s, self->id, 0, LS_RELATIONS_SCAN, scan_one,
                                             &others, &matched, err);
    if (!rc && matched > LS_RELATIONS_SCAN) r->truncated = 1;
    return rc;
}

/* ---- the whole ------------------------------------------------------------ */

static ls_rc fill_head(ls_doc_relations *r, const doc_entry *e, const resolve_ctx *ctx,
                       ls_error *err)
{
    int ok = 1;
    r->id = ls_strdup_ok(e->id, &ok);
    r->number = ls_strdup_ok(e->number, &ok);
    r->title = ls_strdup_ok(e->title, &ok);
    r->type = ls_strdup_ok(e->type, &ok);
    r->issued = ls_strdup_ok(e->issued, &ok);
    r->effective = ls_strdup_ok(e->effective, &ok);
    r->as_of = ls_strdup_ok(ctx->as_of, &ok);
    r->force = e->force;
    r->force_by = ls_strdup_ok(e->by, &ok);
    r->force_note = ls_strdup_ok(e->note, &ok);
    if (!ok || !r->id || !r->as_of) return nomem(err);
    return LS_OK;
}

static int order(const void *a, const void *b)
{
    const ls_doc_relation *x = a, *y = b;
    if (x->incoming != y->incoming) return x->incoming - y->incoming;
    if (x->kind != y->kind) return (int)x->kind - (int)y->kind;
    const char *ex = x->effective ? x->effective : "", *ey = y->effective ? y->effective : "";
    int c = strcmp(ex, ey);
    if (c) return c;
    return strcmp(x->other_citation ? x->other_citation : "", y->other_citation ? y->other_citation : "");
}

ls_rc ls_doc_relations_get(ls_searcher *s, const char *doc_id, const char *as_of,
                           ls_doc_relations **out, ls_error *err)
{
    *out = NULL;
    resolve_ctx ctx;
    ls_rc rc = ls_resolve_init(&ctx, s, as_of, err);
    if (rc) return rc;
    ctx.no_text = 1;
    ctx.no_status = 1;
    char *id = NULL;
    if (ls_docnum_normalize(doc_id, strlen(doc_id), &id, NULL) != LS_OK) id = NULL;
    char norm[256];
    ls_error local = {0};
    if (!id && ls_format_normalise_value(doc_id, 0, norm, sizeof norm, &local) == LS_OK)
        id = strdup(norm);
    doc_entry *e = id ? ls_resolve_doc_entry(&ctx, id, err) : NULL;
    if (!id) rc = ls_error_set(err, LS_ERR_ARG, "'%s' is not a document id", doc_id);
    else if (!e) rc = err->rc;
    else if (!e->found) rc = ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", doc_id);
    free(id);
    ls_doc_relations *r = rc ? NULL : calloc(1, sizeof *r);
    if (!rc && !r) rc = nomem(err);
    if (!rc) rc = ls_resolve_doc_status(&ctx, e, err);
    if (!rc) rc = fill_head(r, e, &ctx, err);
    if (!rc) rc = scan_links(&ctx, r, e, NULL, err);
    if (!rc) rc = scan_links_to(&ctx, r, e, err);
    if (!rc) rc = scan_articles(&ctx, r, e, err);
    ls_resolve_free(&ctx);
    if (rc) {
        ls_doc_relations_free(r);
        return rc;
    }
    if (r->n) qsort(r->v, r->n, sizeof *r->v, order);
    *out = r;
    return LS_OK;
}

void ls_doc_relations_free(ls_doc_relations *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) rel_clear(&r->v[i]);
    free(r->v);
    free(r->id);
    free(r->number);
    free(r->title);
    free(r->type);
    free(r->issued);
    free(r->effective);
    free(r->as_of);
    free(r->force_by);
    free(r->force_note);
    free(r);
}

/* ---- JSON ------------------------------------------------------------------- */

json_t *ls_doc_relations_object(const ls_doc_relations *r)
{
    json_t *rels = json_array();
    for (size_t i = 0; rels && i < r->n; i++) {
        const ls_doc_relation *d = &r->v[i];
        json_t *doc = json_pack("{s:o,s:o,s:o,s:b}", "id", ls_json_str_or_null(d->other_id),
                                "citation", ls_json_str_or_null(d->other_citation), "title",
                                ls_json_str_or_null(d->other_title), "in_index",
                                d->other_id != NULL);
        json_array_append_new(
            rels, json_pack("{s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:b}", "direction",
                            d->incoming ? "in" : "out", "kind", ls_relation_name(d->kind),
                            "label", ls_relation_label(d->kind, d->incoming), "document", doc,
                            "acting_article", ls_json_str_or_null(d->acting_article),
                            "article", ls_json_str_or_null(d->article), "clause",
                            ls_json_str_or_null(d->clause), "point",
                            ls_json_str_or_null(d->point), "effective",
                            ls_json_str_or_null(d->effective), "in_effect", d->in_effect));
    }
    if (!rels) return NULL;
    return json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:s,s:{s:s,s:o,s:o},s:b,s:o}", "id", r->id,
                     "number", ls_json_str_or_null(r->number), "title",
                     ls_json_str_or_null(r->title), "type", ls_json_str_or_null(r->type),
                     "issued", ls_json_str_or_null(r->issued), "effective",
                     ls_json_str_or_null(r->effective), "as_of", r->as_of, "status", "force",
                     ls_force_name(r->force), "by", ls_json_str_or_null(r->force_by), "note",
                     ls_json_str_or_null(r->force_note), "truncated", r->truncated,
                     "relations", rels);
}

ls_rc ls_doc_relations_json(const ls_doc_relations *r, ls_buf *out, ls_error *err)
{
    return ls_json_put(out, ls_doc_relations_object(r)) ? nomem(err) : LS_OK;
}
