/* synonyms_install.c — the built-in synonym tables (text/synonyms.h)
 * written into an index's synonym store (synonyms.h), once per version of
 * the tables (their hash is kept in the index's metadata), so that the
 * aliases mined from documents (aliases.h) under the same keys survive a
 * later incremental run. */
#include "synonyms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../common/ls_hash.h"
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

ls_rc ls_synonym_entries(const char *key, size_t klen, const char *expansion, size_t elen,
                         int mined, ls_synonym_entry_fn fn, void *ctx, ls_error *err)
{
    char *k = NULL, *folded_key = NULL, *exp = NULL;
    ls_rc rc = ls_normalize_term(key, klen, &k, &folded_key, err);
    if (!rc) rc = ls_normalize_term(expansion, elen, &exp, NULL, err);
    if (!rc && !(mined && ls_synonym_builtin(folded_key))) {
        rc = fn(ctx, k, exp, err);
        if (!rc && strcmp(k, folded_key) != 0) rc = fn(ctx, folded_key, exp, err);
    }
    free(k);
    free(folded_key);
    free(exp);
    return rc;
}

typedef struct put_ctx {
    xc_wdb *wdb;
    int replace;
} put_ctx;

static ls_rc put_entry(void *vctx, const char *term, const char *expansion, ls_error *err)
{
    put_ctx *c = vctx;
    return put(c->wdb, term, expansion, c->replace, err);
}

/* key[0..klen) -> expansion[0..elen), normalised, under the key's own form
 * and its folded one; replace: drop what those keys held before. */
static ls_rc put_forms(xc_wdb *wdb, const char *key, size_t klen, const char *expansion,
                       size_t elen, int replace, ls_error *err)
{
    put_ctx c = {wdb, replace};
    return ls_synonym_entries(key, klen, expansion, elen, 0, put_entry, &c, err);
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

/* The hash of every built-in table, as 16 hex digits in out[17]. */
static ls_rc tables_hash(char out[17], ls_error *err)
{
    ls_buf all = LS_BUF_INIT;
    ls_rc rc = LS_OK;
    size_t n = 0;
    const ls_synonym_entry *t;
    for (size_t k = 0; !rc && (t = ls_synonym_table(k, &n)); k++)
        for (size_t i = 0; i < n && !rc; i++) {
            rc = ls_buf_append(&all, t[i].key, strlen(t[i].key) + 1);
            if (!rc) rc = ls_buf_append(&all, t[i].expansion, strlen(t[i].expansion) + 1);
        }
    if (rc) {
        ls_buf_free(&all);
        return ls_error_set(err, rc, "hashing the synonym tables: out of memory");
    }
    snprintf(out, 17, "%016llx", (unsigned long long)ls_hash_bytes(all.data ? all.data : "", all.len));
    ls_buf_free(&all);
    return LS_OK;
}

ls_rc ls_synonyms_install(xc_wdb *wdb, ls_error *err)
{
    char hash[17];
    ls_rc rc = tables_hash(hash, err);
    if (rc) return rc;
    char *held = NULL;
    size_t held_len = 0;
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, LS_METADATA_SYNONYMS, &held, &held_len, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "reading index metadata: %s", xe.msg);
    int same = held && held_len == 16 && memcmp(held, hash, 16) == 0;
    free(held);
    if (same) return LS_OK; /* installed by an earlier run: the mined aliases stay */
    size_t n = 0;
    const ls_synonym_entry *t;
    for (size_t k = 0; !rc && (t = ls_synonym_table(k, &n)); k++)
        rc = install_table(wdb, t, n, err);
    if (!rc && xc_wdb_set_metadata(wdb, LS_METADATA_SYNONYMS, hash, 16, &xe))
        rc = ls_error_set(err, ls_rc_of_xc(xe.rc), "writing index metadata: %s", xe.msg);
    return rc;
}
