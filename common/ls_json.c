/* ls_json.c — jansson values into ls_buf (ls_json.h). */
#include "ls_json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define REAL_DIGITS 10

static int put_chunk(const char *buffer, size_t size, void *data)
{
    return ls_buf_append(data, buffer, size) ? -1 : 0;
}

/* The one dump: compact, any value; precision 0 is jansson's own (17
 * significant digits). */
static ls_rc put(ls_buf *b, json_t *o, int real_digits)
{
    if (!o) return LS_ERR_NOMEM;
    size_t flags = JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(real_digits);
    int failed = json_dump_callback(o, put_chunk, b, flags);
    json_decref(o);
    ls_rc rc = ls_buf_error(b);
    return rc ? rc : failed ? LS_ERR_NOMEM : LS_OK;
}

ls_rc ls_json_put(ls_buf *b, json_t *o)
{
    return put(b, o, REAL_DIGITS);
}

ls_rc ls_json_put_stored(ls_buf *b, json_t *o, ls_error *err)
{
    ls_rc rc = put(b, o, 0);
    return rc ? ls_error_set(err, rc, "cannot encode record: %s", ls_strerror(rc)) : LS_OK;
}

char *ls_json_text(json_t *o)
{
    ls_buf b = LS_BUF_INIT;
    if (ls_json_put(&b, o)) {
        ls_buf_free(&b);
        return NULL;
    }
    return ls_buf_detach(&b);
}

json_t *ls_json_stringn(const char *s, size_t n)
{
    json_t *j = json_stringn(s, n);
    if (j) return j;
    /* not valid UTF-8 (or out of memory): a scrubbed copy */
    char *copy = malloc(n + 1);
    if (!copy) return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    ls_utf8_scrubn(copy, n);
    j = json_stringn(copy, n);
    free(copy);
    return j;
}

json_t *ls_json_str_or_null(const char *s)
{
    return s ? ls_json_stringn(s, strlen(s)) : json_null();
}

int ls_json_set_str(json_t *o, const char *key, const char *s)
{
    if (!s) return 0;
    return json_object_set_new(o, key, ls_json_stringn(s, strlen(s)));
}

json_t *ls_json_fixed(double v, int decimals)
{
    static const double scale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    if (isfinite(v) && fabs(v) < 1e9) v = round(v * scale[decimals]) / scale[decimals];
    return json_real(v);
}
