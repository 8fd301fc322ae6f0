/* alias_sources.c — which documents gave each alias in the synonym store
 * (see alias_sources.h): a document's entries as a sorted list in its
 * metadata, a count per entry, the store changed where a count goes from
 * or to zero. */
#include "alias_sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_hash.h"
#include "../xapian/xc_error.h"
#include "aliases.h"

/* "term\0expansion": len counts both and the NUL between them */
typedef struct entry {
    char *s;
    size_t len;
} entry;

typedef struct entry_list {
    entry *v;
    size_t n, cap;
} entry_list;

static void list_free(entry_list *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->v[i].s);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static ls_rc push(entry_list *l, const char *term, size_t tlen, const char *exp, size_t elen,
                  ls_error *err)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        entry *v = realloc(l->v, cap * sizeof *v);
        if (!v) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        l->v = v, l->cap = cap;
    }
    char *s = malloc(tlen + 1 + elen + 1);
    if (!s) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    memcpy(s, term, tlen);
    s[tlen] = '\0';
    memcpy(s + tlen + 1, exp, elen);
    s[tlen + 1 + elen] = '\0';
    l->v[l->n++] = (entry){s, tlen + 1 + elen};
    return LS_OK;
}

static ls_rc collect(void *ctx, const char *term, const char *exp, ls_error *err)
{
    return push(ctx, term, strlen(term), exp, strlen(exp), err);
}

static int entry_cmp(const entry *a, const entry *b)
{
    int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

static int qsort_cmp(const void *a, const void *b)
{
    return entry_cmp(a, b);
}

static void sort_unique(entry_list *l)
{
    if (l->n < 2) return;
    qsort(l->v, l->n, sizeof *l->v, qsort_cmp);
    size_t k = 1;
    for (size_t i = 1; i < l->n; i++) {
        if (entry_cmp(&l->v[i], &l->v[k - 1]) == 0) free(l->v[i].s);
        else l->v[k++] = l->v[i];
    }
    l->n = k;
}

/* "term\0exp\0term\0exp\0..." (as written by save) into l; a value cut
 * short ends the list where it is whole. */
static ls_rc parse(const char *data, size_t len, entry_list *l, ls_error *err)
{
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *t_end = memchr(p, '\0', (size_t)(end - p));
        if (!t_end) break;
        const char *e = t_end + 1;
        const char *e_end = e < end ? memchr(e, '\0', (size_t)(end - e)) : NULL;
        if (!e_end) break;
        ls_rc rc = push(l, p, (size_t)(t_end - p), e, (size_t)(e_end - e), err);
        if (rc) return rc;
        p = e_end + 1;
    }
    return LS_OK;
}

static ls_rc xerr(ls_error *err, const xc_err *xe)
{
    return ls_xc_error(err, "keeping the aliases' sources", xe);
}

/* Add delta (+1, -1) to the documents giving e; the store gets e when it
 * is given, loses it when no document gives it any more. */
static ls_rc count(xc_wdb *wdb, const entry *e, int delta, ls_error *err)
{
    char key[64], val[32];
    snprintf(key, sizeof key, "%s%016llx", LS_METADATA_ALIAS_COUNT,
             (unsigned long long)ls_hash_bytes(e->s, e->len));
    char *old = NULL;
    size_t len = 0;
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, key, &old, &len, &xe)) return xerr(err, &xe);
    snprintf(val, sizeof val, "%.*s", (int)(len < 20 ? len : 20), old ? old : "");
    free(old);
    unsigned long n = strtoul(val, NULL, 10);
    n = delta > 0 ? n + 1 : n ? n - 1 : 0;
    const char *term = e->s, *exp = e->s + strlen(e->s) + 1;
    if (delta > 0 ? xc_wdb_add_synonym(wdb, term, exp, &xe)
                  : n == 0 && xc_wdb_remove_synonym(wdb, term, exp, &xe))
        return xerr(err, &xe);
    int vlen = n ? snprintf(val, sizeof val, "%lu", n) : 0; /* "": the key goes */
    if (xc_wdb_set_metadata(wdb, key, val, (size_t)vlen, &xe)) return xerr(err, &xe);
    return LS_OK;
}

static ls_rc save(xc_wdb *wdb, const char *key, const entry_list *l, ls_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < l->n; i++) total += l->v[i].len + 1;
    char *buf = total ? malloc(total) : NULL;
    if (total && !buf) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    size_t at = 0;
    for (size_t i = 0; i < l->n; i++) {
        memcpy(buf + at, l->v[i].s, l->v[i].len + 1);
        at += l->v[i].len + 1;
    }
    xc_err xe;
    ls_rc rc = xc_wdb_set_metadata(wdb, key, buf ? buf : "", total, &xe) ? xerr(err, &xe) : LS_OK;
    free(buf);
    return rc;
}

ls_rc ls_alias_sources_start(xc_wdb *wdb, ls_error *err)
{
    xc_err xe;
    return xc_wdb_set_metadata(wdb, LS_METADATA_ALIAS_SOURCES, "1", 1, &xe) ? xerr(err, &xe)
                                                                           : LS_OK;
}

/* Whether wdb keeps its aliases' sources. */
static ls_rc keeps_sources(xc_wdb *wdb, int *keeps, ls_error *err)
{
    char *v = NULL;
    size_t len = 0;
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, LS_METADATA_ALIAS_SOURCES, &v, &len, &xe)) return xerr(err, &xe);
    *keeps = len == 1 && v[0] == '1';
    free(v);
    return LS_OK;
}

ls_rc ls_alias_sources_update(xc_wdb *wdb, const char *id_norm, const ls_document *doc,
                              ls_error *err)
{
    int keeps = 0;
    ls_rc rc = keeps_sources(wdb, &keeps, err);
    if (rc) return rc;
    if (!keeps) { /* an older index: added, never taken out */
        for (size_t i = 0; doc && !rc && i < doc->narticles; i++)
            rc = ls_aliases_install(wdb, &doc->articles[i], err);
        return rc;
    }
    entry_list now = {0}, before = {0};
    for (size_t i = 0; doc && !rc && i < doc->narticles; i++)
        rc = ls_alias_entries(&doc->articles[i], collect, &now, err);
    sort_unique(&now);
    char key[400];
    snprintf(key, sizeof key, "%s%s", LS_METADATA_ALIASES_OF, id_norm);
    char *held = NULL;
    size_t held_len = 0;
    xc_err xe;
    if (!rc && xc_wdb_get_metadata(wdb, key, &held, &held_len, &xe)) rc = xerr(err, &xe);
    if (!rc) rc = parse(held ? held : "", held_len, &before, err);
    free(held);
    sort_unique(&before); /* as saved; a damaged value: still counted once */
    /* the two sorted lists side by side: new entries counted, gone ones
     * uncounted */
    size_t i = 0, j = 0;
    int changed = 0;
    while (!rc && (i < now.n || j < before.n)) {
        int c = i == now.n ? 1 : j == before.n ? -1 : entry_cmp(&now.v[i], &before.v[j]);
        if (c < 0) rc = count(wdb, &now.v[i++], +1, err);
        else if (c > 0) rc = count(wdb, &before.v[j++], -1, err);
        else i++, j++;
        changed |= c != 0;
    }
    if (!rc && changed) rc = save(wdb, key, &now, err);
    list_free(&now);
    list_free(&before);
    return rc;
}
