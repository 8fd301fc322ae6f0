/* ls_str.c — owned-string helpers (ls_str.h). */
#include "ls_str.h"

#include <stdint.h>
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

size_t ls_str_cat3(char *out, size_t cap, const char *a, const char *b, const char *c)
{
    const char *part[3] = {a, b, c};
    size_t n = 0;
    for (int k = 0; k < 3; k++) {
        if (!part[k]) continue;
        size_t len = strlen(part[k]);
        if (len > cap - 1 - n) len = cap - 1 - n;
        memcpy(out + n, part[k], len);
        n += len;
    }
    out[n] = '\0';
    return n;
}

char *ls_strdup_ok(const char *s, int *ok)
{
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) *ok = 0;
    return d;
}

void *ls_memdup_ok(const void *a, size_t n, size_t size, int *ok)
{
    if (!a || !n) return NULL;
    void *d = n <= SIZE_MAX / size ? malloc(n * size) : NULL;
    if (!d) {
        *ok = 0;
        return NULL;
    }
    return memcpy(d, a, n * size);
}

const char *ls_tab_field(const char *p, const char *end, int k, size_t *len)
{
    for (; k > 0 && p < end; k--) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        p = tab ? tab + 1 : end;
    }
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    *len = (size_t)((tab ? tab : end) - p);
    return p;
}
