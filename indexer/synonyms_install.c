/* synonyms_install.c — the built-in synonym tables (text/synonyms.h)
 * written into an index's synonym store (synonyms.h). */
#include "synonyms.h"

#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../xapian/xc_error.h"

static ls_rc put(xc_wdb *wdb, const char *key, const char *expansion, ls_error *err)
{
    xc_err xe;
    if (xc_wdb_clear_synonyms(wdb, key, &xe) || xc_wdb_add_synonym(wdb, key, expansion, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "writing synonym %s: %s", key, xe.msg);
    return LS_OK;
}

static ls_rc install_table(xc_wdb *wdb, const ls_synonym_entry *table, size_t n, ls_error *err)
{
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        char *key = NULL, *folded_key = NULL, *exp = NULL;
        rc = ls_normalize_term(table[i].key, strlen(table[i].key), &key, &folded_key, err);
        if (!rc) rc = ls_normalize_term(table[i].expansion, strlen(table[i].expansion), &exp, NULL, err);
        if (!rc) rc = put(wdb, key, exp, err);
        if (!rc && strcmp(key, folded_key) != 0) rc = put(wdb, folded_key, exp, err);
        free(key);
        free(folded_key);
        free(exp);
    }
    return rc;
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
