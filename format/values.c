/* values.c — the normal form of a stored value (values.h), shared by the
 * writer (indexer/) and the readers (query/, review/). */
#include "values.h"

#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"

ls_rc ls_format_normalise_value(const char *s, int fold, char *out, size_t cap,
                                ls_error *err)
{
    char *norm = NULL, *folded = NULL;
    ls_rc rc = ls_normalize_term(s, strlen(s), &norm, &folded, err);
    if (rc) return rc;
    const char *v = fold ? folded : norm;
    size_t n = strlen(v);
    if (n >= cap) rc = ls_error_set(err, LS_ERR_LIMIT, "value too long: %.40s", s);
    else memcpy(out, v, n + 1);
    free(norm);
    free(folded);
    return rc;
}
