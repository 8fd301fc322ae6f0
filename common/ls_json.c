/* ls_json.c — jansson values into ls_buf (ls_json.h). */
#include "ls_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A real as the shortest of "%.15g", "%.16g", "%.17g" that strtod reads
 * back to v (17 always does), then written as jansson writes it: a ".0"
 * when it would read as an integer, no '+' or leading zeros in the
 * exponent. Its length; out has room for 32 bytes. */
static size_t real_text(double v, char out[32])
{
    int n = 0;
    for (int digits = 15; digits <= 17; digits++) {
        n = snprintf(out, 32, "%.*g", digits, v);
        if (strtod(out, NULL) == v) break;
    }
    char *e = strchr(out, 'e');
    if (!e && !strchr(out, '.')) {
        memcpy(out + n, ".0", 3);
        return (size_t)n + 2;
    }
    if (e) {
        char *from = e + 1, *to = e + 1;
        if (*from == '-') from++, to++;
        else if (*from == '+') from++;
        while (*from == '0' && from[1]) from++;
        memmove(to, from, strlen(from) + 1);
        n = (int)strlen(out);
    }
    return (size_t)n;
}

/* The dump's text on its way into b: jansson writes reals at 17 digits,
 * and each number outside a string (a '-' or digit, then number bytes; the
 * 'e' of true is not one) is held back (num) until it ends, to be written
 * again by real_text when it is a real. Strings pass as they
 * are (in_str, esc track them across chunks). */
typedef struct {
    ls_buf *b;
    int in_str, esc;
    char num[40];
    size_t nlen;
} dump_state;

static int is_number_byte(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

static int flush_number(dump_state *d)
{
    if (!d->nlen) return 0;
    d->num[d->nlen] = '\0';
    size_t n = d->nlen;
    d->nlen = 0;
    if (!strpbrk(d->num, ".eE")) return ls_buf_append(d->b, d->num, n) ? -1 : 0;
    char text[32];
    n = real_text(strtod(d->num, NULL), text);
    return ls_buf_append(d->b, text, n) ? -1 : 0;
}

static int put_chunk(const char *s, size_t size, void *data)
{
    dump_state *d = data;
    size_t run = 0;   /* start of the bytes passed as they are */
    for (size_t i = 0; i < size; i++) {
        char c = s[i];
        if (d->in_str) {
            if (d->esc) d->esc = 0;
            else if (c == '\\') d->esc = 1;
            else if (c == '"') d->in_str = 0;
        } else if (d->nlen ? is_number_byte(c) : (c >= '0' && c <= '9') || c == '-') {
            if (i > run && ls_buf_append(d->b, s + run, i - run)) return -1;
            if (d->nlen + 1 >= sizeof d->num) return -1;   /* not a number jansson writes */
            d->num[d->nlen++] = c;
            run = i + 1;
        } else {
            if (flush_number(d)) return -1;
            if (c == '"') d->in_str = 1;
        }
    }
    return size > run && ls_buf_append(d->b, s + run, size - run) ? -1 : 0;
}

/* The one dump: compact, any value, keys in insertion order, reals by
 * real_text. */
static ls_rc put(ls_buf *b, json_t *o)
{
    if (!o) return LS_ERR_NOMEM;
    dump_state d = {.b = b};
    int failed = json_dump_callback(o, put_chunk, &d, JSON_COMPACT | JSON_ENCODE_ANY);
    failed |= flush_number(&d);   /* a number on its own ends the text */
    json_decref(o);
    ls_rc rc = ls_buf_error(b);
    return rc ? rc : failed ? LS_ERR_NOMEM : LS_OK;
}

ls_rc ls_json_put(ls_buf *b, json_t *o)
{
    return put(b, o);
}

ls_rc ls_json_put_stored(ls_buf *b, json_t *o, ls_error *err)
{
    ls_rc rc = put(b, o);
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
