/* ls_str.h — small owned-string helpers shared by every module. */
#ifndef LS_STR_H
#define LS_STR_H

#include <stddef.h>
#include "ls_error.h"

/* Set *field to a malloc'ed, NUL-terminated copy of s[0..len), freeing the
 * old value (the caller owns the new one). LS_ERR_NOMEM leaves *field as it
 * was. */
ls_rc ls_strset(char **field, const char *s, size_t len);

/* A malloc'ed copy of s (NULL stays NULL, not an error); on failure NULL
 * and *ok set to 0 (left alone otherwise), so a run of copies is checked
 * once. */
char *ls_strdup_ok(const char *s, int *ok);

/* The same for an array: a malloc'ed shallow copy of n elements of size
 * bytes at a (NULL when a is NULL or n is 0, not an error). */
void *ls_memdup_ok(const void *a, size_t n, size_t size, int *ok);

/* a, b and c (NULL: "") one after another into out (cap > 0 bytes),
 * cut at cap - 1 bytes and NUL-terminated, as snprintf(out, cap,
 * "%s%s%s", a, b, c) writes them without its cost (a query's terms are
 * made this way, hundreds a search). Returns the length written. */
size_t ls_str_cat3(char *out, size_t cap, const char *a, const char *b, const char *c);

/* Field k (0-based) of the tab-separated line [p, end): a pointer into the
 * line (borrowed) and its length in *len; *len 0 when the line has fewer
 * fields. The one reader of the index's tab-separated metadata lines. */
const char *ls_tab_field(const char *p, const char *end, int k, size_t *len);

#endif
