/* cite_keys.c — writes the short-citation keys of cite_keys.h. */
#include "cite_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../xapian/xc_error.h"

static const char *const codified_kinds[] = {"luat ", "bo luat ", "phap lenh ", "hien phap"};

static ls_rc xerr(ls_error *err, const xc_err *xe)
{
    return ls_xc_error(err, "storing citation keys", xe);
}

/* Append id as a line of the value at key unless a line already holds it. */
static ls_rc add_line(xc_wdb *wdb, const char *key, const char *id, ls_error *err)
{
    char *old = NULL;
    size_t len = 0;
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, key, &old, &len, &xe)) return xerr(err, &xe);
    size_t idlen = strlen(id);
    for (const char *line = old; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n == idlen && memcmp(line, id, n) == 0) {
            free(old);
            return LS_OK;
        }
        line = nl ? nl + 1 : line + n;
    }
    char *value = malloc(len + idlen + 2);
    if (!value) {
        free(old);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    int n = snprintf(value, len + idlen + 2, "%s%s%s", len ? old : "", len ? "\n" : "", id);
    free(old);
    xc_rc rc = xc_wdb_set_metadata(wdb, key, value, (size_t)n, &xe);
    free(value);
    return rc ? xerr(err, &xe) : LS_OK;
}

/* "law:<name>" keeps the newest document of that name. */
static ls_rc keep_newest(xc_wdb *wdb, const char *key, const char *issued, const char *id,
                         ls_error *err)
{
    char *old = NULL;
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, key, &old, NULL, &xe)) return xerr(err, &xe);
    char value[600];
    snprintf(value, sizeof value, "%s\t%s", issued, id);
    int newer = !old[0] || strcmp(value, old) > 0 ||
                /* the same document re-indexed with another date */
                (strchr(old, '\t') && strcmp(strchr(old, '\t') + 1, id) == 0);
    free(old);
    if (newer && xc_wdb_set_metadata(wdb, key, value, strlen(value), &xe)) return xerr(err, &xe);
    return LS_OK;
}

ls_rc ls_cite_keys_write(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                         ls_error *err)
{
    char key[600], head[32];
    if (ls_cite_number_head(id_norm, head, sizeof head)) {
        snprintf(key, sizeof key, "%s%s", LS_METADATA_NUMBER, head);
        ls_rc rc = add_line(wdb, key, id_norm, err);
        if (rc) return rc;
    }
    if (!doc->title) return LS_OK;
    char name[400];
    ls_error local = {0};
    if (ls_folded_words(doc->title, strlen(doc->title), name, sizeof name, &local))
        return LS_OK; /* a title too long to be typed as a name */
    int codified = 0;
    for (size_t k = 0; k < sizeof codified_kinds / sizeof codified_kinds[0]; k++)
        if (strncmp(name, codified_kinds[k], strlen(codified_kinds[k])) == 0) codified = 1;
    if (!codified) return LS_OK;
    const char *issued = doc->issued ? doc->issued : "0000-00-00";
    snprintf(key, sizeof key, "%s%s", LS_METADATA_LAW, name);
    ls_rc rc = keep_newest(wdb, key, issued, id_norm, err);
    if (rc || !doc->issued) return rc;
    snprintf(key, sizeof key, "%s%s@%.4s", LS_METADATA_LAW, name, doc->issued);
    xc_err xe;
    if (xc_wdb_set_metadata(wdb, key, id_norm, strlen(id_norm), &xe)) return xerr(err, &xe);
    return LS_OK;
}
