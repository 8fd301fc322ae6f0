/* synonyms_install.c — the built-in synonym tables (text/synonyms.h)
 * written into an index's synonym store (synonyms.h). */
#include "synonyms.h"

#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../xapian/xc_error.h"

static ls_rc put(xc_wdb *wdb, const char *key, const char *expansion, int replace,
               ls_error *err)
{
    xc_err xe;
    if ((replace && xc_wdb_clear_synonyms(wdb, key, &xe)) ||
        xc_wdb_add_synonym(wdb, key, expansion, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "writing synonym %s: %s", key, xe.msg);
    return LS_OK;
}

/* key[0..klen) -> expansion[0..elen), normalised, under the key's own form
 * and its folded one; replace: drop what those keys held before. */
static ls_rc put_forms(xc_wdb *wdb, const char *key, size_t klen, const char *expansion,
                       size_t elen, int replace, ls_error *err)
{
    char *k = NULL, *folded_key = NULL, *exp = NULL;
    ls_rc rc = ls_normalize_term(key, klen, &k, &folded_key, err);
    if (!rc) rc = ls_normalize_term(expansion, elen, &exp, NULL, err);
    if (!rc) rc = put(wdb, k, exp, replace, err);
    if (!rc && strcmp(k, folded_key) != 0) rc = put(wdb, folded_key, exp, replace, err);
    free(k);
    free(folded_key);
    free(exp);
    return rc;
}

static ls_rc install_table(xc_wdb *wdb, const ls_synonym_entry *table, size_t n, ls_error *err)
{
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < n && !rc; i++)
        rc = put_forms(wdb, table[i].key, strlen(table[i].key), table[i].expansion,
                       strlen(table[i].expansion), 1, err);
    return rc;
}

ls_rc ls_synonym_add(xc_wdb *wdb, const char *key, size_t klen, const char *expansion,
                     size_t elen, ls_error *err)
{
    return put_forms(wdb, key, klen, expansion, elen, 0, err);
}

ls_rc ls_synonyms_install(xc_wdb *wdb, ls_error *err)
{
    ls_rc rc = LS_OK;
    size_t n = 0;
    const ls_synonym_entry *t;
    for (size_t k = 0; !rc && (t = ls_synonym_table(k, &n)); k++)
        rc = install_table(wdb, t, n, err);
    return rc;
}
