/* search_params.h — the parameters of a search request as they arrive over
 * HTTP (a query string's key/value pairs, or a JSON body) into an
 * ls_search_request, with a message a developer can act on for every bad
 * one. Pure functions: no socket, no index (the HTTP fuzz target calls
 * them directly). */
#ifndef LS_SEARCH_PARAMS_H
#define LS_SEARCH_PARAMS_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../query/search.h"

#define LS_API_LIMIT_MAX 100       /* hits per page */
#define LS_API_OFFSET_MAX 10000    /* deepest first hit */
#define LS_API_FIELD_MAX 8192      /* bytes of any one parameter */

typedef struct ls_api_search {
    ls_search_request req;   /* its strings point into owned copies below */
    char *owned[9];
} ls_api_search;

/* Parse n key/value pairs (URL-decoded, values may be NULL for a bare
 * key; value_lens[i] is the byte length of values[i], which may hold NUL
 * bytes; value_lens may be NULL for NUL-terminated values). Known keys: q, limit, offset, type, issuer, from, to, in_force,
 * min_confidence (0 to 1: no_answer below it; 0 never), kind (article,
 * procedure, all), level, field, as_of (YYYY-MM-DD).
 * LS_ERR_ARG for an unknown or repeated key, a missing or empty q, a
 * number out of range, a bad boolean; LS_ERR_UTF8 for invalid UTF-8;
 * LS_ERR_LIMIT for a value over LS_API_FIELD_MAX. On success *out holds
 * the request; free it with ls_api_search_free (also after a failure). */
ls_rc ls_api_search_from_pairs(const char *const *keys, const char *const *values,
                               const size_t *value_lens, size_t n, ls_api_search *out,
                               ls_error *err);

/* The same from a JSON object body {"q": ..., "limit": 10, "in_force": true}
 * (numbers as JSON integers, in_force as a boolean). LS_ERR_FORMAT for
 * malformed JSON or a body that is not an object. */
ls_rc ls_api_search_from_json(const char *body, size_t len, ls_api_search *out,
                              ls_error *err);

void ls_api_search_free(ls_api_search *p);

#endif
