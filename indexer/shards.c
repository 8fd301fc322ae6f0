/* shards.c — creating a shard set: its stub file (layout in
 * format/shard_set.h). */
#include "shards.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

ls_rc ls_shards_create(const char *dir, unsigned n, ls_error *err)
{
    if (n < 2 || n > LS_SHARDS_MAX)
        return ls_error_set(err, LS_ERR_ARG, "--shards wants a number from 2 to %d",
                            LS_SHARDS_MAX);
    unsigned have = ls_shards_count(dir);
    if (have == n) return LS_OK;
    if (have)
        return ls_error_set(err, LS_ERR_ARG, "%s is a set of %u shards, not %u (a set is not "
                            "resharded: index into a new directory)", dir, have, n);
    char path[4096];
    snprintf(path, sizeof path, "%s/iamglass", dir);
    if (access(path, F_OK) == 0)
        return ls_error_set(err, LS_ERR_ARG, "%s holds a single index; shards go into a new "
                            "directory", dir);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ls_error_set(err, LS_ERR_IO, "%s: cannot create index directory: %s", dir,
                            strerror(errno));
    char tmp[4200];
    snprintf(path, sizeof path, "%s/%s", dir, LS_SHARDS_STUB);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return ls_error_set(err, LS_ERR_IO, "%s: %s", tmp, strerror(errno));
    fprintf(f, "auto %s\n", LS_SHARDS_META);
    for (unsigned k = 0; k < n; k++) fprintf(f, "auto shard-%u\n", k);
    /* written whole, then renamed: a reader sees no stub or the full one */
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        unlink(tmp);
        return ls_error_set(err, LS_ERR_IO, "%s: cannot write the shard list", path);
    }
    return LS_OK;
}
