/* document_copy.c — deep copy of the document model (see document_copy.h). */
#include "document_copy.h"
#include "procedure.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_str.h"

/* Copy n elements of size sz (NULL or 0 -> NULL); *ok cleared on failure. */
/* refs: each deep-copied (ls_cite_copy). A failed string leaves NULL
 * behind, which ls_cites_free accepts. */
static ls_cite *copy_refs(const ls_cite *src, size_t n, int *ok)
{
    if (!src || n == 0) return NULL;
    ls_cite *r = calloc(n, sizeof *r);
    if (!r) {
        *ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (ls_cite_copy(&r[i], &src[i])) *ok = 0;
    return r;
}

static void copy_article(ls_article *a, const ls_article *s, int *ok)
{
    a->number = ls_strdup_ok(s->number, ok);
    a->heading = ls_strdup_ok(s->heading, ok);
    a->text = NULL;
    a->text_len = 0;
    if (s->text) {
        a->text = malloc(s->text_len + 1);
        if (a->text) {
            memcpy(a->text, s->text, s->text_len);
            a->text[s->text_len] = '\0';
            a->text_len = s->text_len;
        } else {
            *ok = 0;
        }
    }
    a->part = ls_strdup_ok(s->part, ok);
    a->chapter = ls_strdup_ok(s->chapter, ok);
    a->section = ls_strdup_ok(s->section, ok);
    a->clauses = ls_memdup_ok(s->clauses, s->nclauses, sizeof *a->clauses, ok);
    a->nclauses = a->clauses ? s->nclauses : 0;
    for (size_t i = 0; i < a->nclauses; i++) {
        ls_clause *c = &a->clauses[i];
        c->number = ls_strdup_ok(s->clauses[i].number, ok);
        c->points = ls_memdup_ok(s->clauses[i].points, c->npoints, sizeof *c->points, ok);
        if (!c->points) c->npoints = 0;
        for (size_t j = 0; j < c->npoints; j++)
            c->points[j].label = ls_strdup_ok(s->clauses[i].points[j].label, ok);
    }
    a->refs = copy_refs(s->refs, s->nrefs, ok);
    a->nrefs = a->refs ? s->nrefs : 0;
    a->pd_label = ls_strdup_ok(s->pd_label, ok);
    a->pd_topic = ls_strdup_ok(s->pd_topic, ok);
    a->source_note = ls_strdup_ok(s->source_note, ok);
    a->source_url = ls_strdup_ok(s->source_url, ok);
}

ls_document *ls_document_copy(const ls_document *src)
{
    ls_document *d = ls_document_new();
    if (!d) return NULL;
    int ok = 1;
    d->id = ls_strdup_ok(src->id, &ok);
    d->number = ls_strdup_ok(src->number, &ok);
    d->type = ls_strdup_ok(src->type, &ok);
    d->issuer = ls_strdup_ok(src->issuer, &ok);
    d->issued = ls_strdup_ok(src->issued, &ok);
    d->effective = ls_strdup_ok(src->effective, &ok);
    d->title = ls_strdup_ok(src->title, &ok);
    d->status = ls_strdup_ok(src->status, &ok);
    d->source = ls_strdup_ok(src->source, &ok);
    if (src->narticles) {
        d->articles = calloc(src->narticles, sizeof *d->articles);
        if (!d->articles) ok = 0;
        else d->narticles = src->narticles;
    }
    for (size_t i = 0; i < d->narticles; i++) copy_article(&d->articles[i], &src->articles[i], &ok);
    d->refs = copy_refs(src->refs, src->nrefs, &ok);
    d->nrefs = d->refs ? src->nrefs : 0;
    if (src->procedure && !(d->procedure = ls_procedure_copy(src->procedure))) ok = 0;
    if (!ok) {
        ls_document_free(d);
        return NULL;
    }
    return d;
}
