/* shard_set.c — shard set layout: reading the stub file, shard paths, the
 * id hash, whether a set is whole (see shard_set.h). */
#include "shard_set.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_hash.h"
#include "../xapian/xc.h"

ls_rc ls_shard_path(const char *dir, unsigned k, char *out, size_t cap, ls_error *err)
{
    int n = k == LS_SHARD_META_INDEX ? snprintf(out, cap, "%s/%s", dir, LS_SHARDS_META)
                                     : snprintf(out, cap, "%s/shard-%u", dir, k);
    if (n < 0 || (size_t)n >= cap)
        return ls_error_set(err, LS_ERR_LIMIT, "%s: path too long for a shard", dir);
    return LS_OK;
}

unsigned ls_shard_of(const char *id_norm, unsigned n)
{
    return n ? (unsigned)(ls_hash_bytes(id_norm, strlen(id_norm)) % n) : 0;
}

unsigned ls_shards_count(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, LS_SHARDS_STUB) >= (int)sizeof path) return 0;
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[256];
    unsigned n = 0, lineno = 0;
    int ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0') continue;
        char want[64];
        if (lineno == 0) snprintf(want, sizeof want, "auto %s", LS_SHARDS_META);
        else snprintf(want, sizeof want, "auto shard-%u", n++);
        ok = strcmp(line, want) == 0;
        lineno++;
    }
    fclose(f);
    return ok && n >= 1 && n <= LS_SHARDS_MAX ? n : 0;
}

/* the commit mark of the database at path: 0 when none yet */
static ls_rc read_mark(const char *path, unsigned long *mark, ls_error *err)
{
    xc_db *db = NULL;
    xc_err xe;
    char *v = NULL;
    size_t len = 0;
    if (xc_db_open(path, &db, &xe) ||
        xc_db_get_metadata(db, LS_METADATA_SET_COMMIT, &v, &len, &xe)) {
        xc_db_close(db);
        return ls_error_set(err, LS_ERR_INDEX, "%s: %s", path, xe.msg);
    }
    *mark = len ? strtoul(v, NULL, 10) : 0;
    free(v);
    xc_db_close(db);
    return LS_OK;
}

ls_rc ls_shards_complete(const char *dir, int *complete, char *why, size_t cap, ls_error *err)
{
    *complete = 1;
    if (cap) why[0] = '\0';
    unsigned n = ls_shards_count(dir);
    if (!n) return LS_OK;
    char path[4096];
    unsigned long meta = 0, mark = 0;
    ls_rc rc = ls_shard_path(dir, LS_SHARD_META_INDEX, path, sizeof path, err);
    if (!rc) rc = read_mark(path, &meta, err);
    for (unsigned k = 0; k < n && !rc; k++) {
        rc = ls_shard_path(dir, k, path, sizeof path, err);
        if (!rc) rc = read_mark(path, &mark, err);
        if (!rc && mark != meta) {
            size_t used = strlen(why);
            if (*complete && cap)
                snprintf(why, cap, "the last commit of the set was cut short (meta at commit "
                         "%lu; index the same sources again to repair):", meta);
            used = strlen(why);
            if (used < cap) snprintf(why + used, cap - used, " shard-%u at %lu", k, mark);
            *complete = 0;
        }
    }
    return rc;
}
