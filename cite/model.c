/* model.c — the citation model's life cycle (ls_cite, cite.h): clear, free,
 * copy, over one list of a citation's owned strings. */
#include "cite.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_str.h"

#define NSTRINGS 19

/* The addresses of c's owned strings (candidates aside). */
static void strings_of(ls_cite *c, char **f[NSTRINGS])
{
    char **all[NSTRINGS] = {&c->doc_number, &c->doc_type, &c->law_name, &c->year, &c->article,
                            &c->clause, &c->point, &c->citation, &c->why, &c->doc_id,
                            &c->doc_title, &c->doc_display_number, &c->issued, &c->effective,
                            &c->status, &c->heading, &c->text, &c->force_by, &c->force_note};
    memcpy(f, all, sizeof all);
}

void ls_cite_clear(ls_cite *c)
{
    char **f[NSTRINGS];
    strings_of(c, f);
    for (size_t i = 0; i < NSTRINGS; i++) free(*f[i]);
    for (size_t i = 0; i < c->ncandidates; i++) free(c->candidates[i]);
    free(c->candidates);
    memset(c, 0, sizeof *c);
}

void ls_cites_free(ls_cite *cites, size_t n)
{
    if (!cites) return;
    for (size_t i = 0; i < n; i++) ls_cite_clear(&cites[i]);
    free(cites);
}

ls_rc ls_cite_copy(ls_cite *dst, const ls_cite *src)
{
    int ok = 1;
    *dst = *src;
    char **f[NSTRINGS];
    strings_of(dst, f);
    for (size_t i = 0; i < NSTRINGS; i++) *f[i] = ls_strdup_ok(*f[i], &ok);
    dst->candidates = NULL;
    dst->ncandidates = 0;
    if (src->ncandidates) {
        dst->candidates = calloc(src->ncandidates, sizeof *dst->candidates);
        if (!dst->candidates) ok = 0;
        else dst->ncandidates = src->ncandidates;
        for (size_t i = 0; dst->candidates && i < src->ncandidates; i++)
            dst->candidates[i] = ls_strdup_ok(src->candidates[i], &ok);
    }
    return ok ? LS_OK : LS_ERR_NOMEM;
}
