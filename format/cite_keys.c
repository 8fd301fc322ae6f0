/* cite_keys.c — the short-citation keys' reads and the number head
 * (cite_keys.h), shared by the writer and the readers. */
#include "cite_keys.h"

#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "../xapian/xc_error.h"

int ls_cite_number_head(const char *id, char *out, size_t cap)
{
    size_t i = 0;
    while (id[i] >= '0' && id[i] <= '9') i++;
    if (i == 0 || i > 4 || id[i] != '/') return 0;
    size_t y = i + 1;
    for (size_t k = 0; k < 4; k++)
        if (id[y + k] < '0' || id[y + k] > '9') return 0;
    if (id[y + 4] != '/' && id[y + 4] != '\0') return 0;
    if (y + 4 >= cap) return 0;
    memcpy(out, id, y + 4);
    out[y + 4] = '\0';
    return 1;
}

ls_rc ls_cite_key_get(xc_db *db, const char *key, char **value, ls_error *err)
{
    xc_err xe;
    if (xc_db_get_metadata(db, key, value, NULL, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "looking up %s: %s", key, xe.msg);
    return LS_OK;
}

ls_rc ls_cite_law_lookup(xc_db *db, const char *name, size_t len, const char *year, char **id,
                         char **other, ls_error *err)
{
    *id = NULL;
    if (other) *other = NULL;
    char key[700], *value = NULL;
    if (year) {
        snprintf(key, sizeof key, "%s%.*s@%s", LS_METADATA_LAW, (int)len, name, year);
        ls_rc rc = ls_cite_key_get(db, key, &value, err);
        if (rc) return rc;
        if (value[0]) {
            *id = value;
            return LS_OK;
        }
        free(value);
    }
    snprintf(key, sizeof key, "%s%.*s", LS_METADATA_LAW, (int)len, name);
    ls_rc rc = ls_cite_key_get(db, key, &value, err);
    if (rc) return rc;
    const char *tab = strchr(value, '\t');
    if (tab && !year) {
        *id = strdup(tab + 1);
        free(value);
        return *id ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    if (tab && other) *other = value;
    else free(value);
    return LS_OK;
}
