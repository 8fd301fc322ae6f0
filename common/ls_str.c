/* ls_str.c — owned-string helpers (ls_str.h). */
#include "ls_str.h"

#include <stdlib.h>
#include <string.h>

ls_rc ls_strset(char **field, const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy) return LS_ERR_NOMEM;
    memcpy(copy, s, len);
    copy[len] = '\0';
    free(*field);
    *field = copy;
    return LS_OK;
}

char *ls_strdup_ok(const char *s, int *ok)
{
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) *ok = 0;
    return d;
}
