/* ls_buf.c — growable NUL-terminated byte buffer and whole-file reading. */
#include "ls_buf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Room for `extra` more bytes and the NUL; a failure sticks in b->rc. */
static ls_rc buf_reserve(ls_buf *b, size_t extra)
{
    if (b->rc) return b->rc;
    if (b->cap_limit && (extra > b->cap_limit || b->len > b->cap_limit - extra))
        return b->rc = LS_ERR_LIMIT;
    if (extra < b->cap && b->len + extra + 1 <= b->cap) return LS_OK;
    if (extra > ((size_t)-1) / 2 - b->len) return b->rc = LS_ERR_NOMEM;
    size_t want = b->cap ? b->cap : 64;
    while (want < b->len + extra + 1) {
        if (want > ((size_t)-1) / 2) return b->rc = LS_ERR_NOMEM;
        want *= 2;
    }
    char *p = realloc(b->data, want);
    if (!p) return b->rc = LS_ERR_NOMEM;
    b->data = p;
    b->cap = want;
    return LS_OK;
}

ls_rc ls_buf_append(ls_buf *b, const char *s, size_t n)
{
    ls_rc rc = buf_reserve(b, n);
    if (rc) return rc;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return LS_OK;
}

ls_rc ls_buf_puts(ls_buf *b, const char *s) { return ls_buf_append(b, s, strlen(s)); }

ls_rc ls_buf_putc(ls_buf *b, char c) { return ls_buf_append(b, &c, 1); }

ls_rc ls_buf_printf(ls_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->rc) return b->rc;
    if (n < 0) return b->rc = LS_ERR_INTERNAL;
    ls_rc rc = buf_reserve(b, (size_t)n);
    if (rc) return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return LS_OK;
}

ls_rc ls_buf_error(const ls_buf *b) { return b->rc; }

void ls_buf_reset(ls_buf *b)
{
    b->rc = LS_OK;
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

char *ls_buf_detach(ls_buf *b)
{
    char *p = b->data;
    if (!p) p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    b->rc = LS_OK;
    return p;
}

void ls_buf_free(ls_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->rc = LS_OK;
}

ls_rc ls_read_file(const char *path, char **out, size_t *out_len, ls_error *err)
{
    *out = NULL;
    if (out_len) *out_len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return ls_error_set(err, LS_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    ls_buf b = LS_BUF_INIT;
    char chunk[65536];
    size_t n;
    ls_rc rc = LS_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        rc = ls_buf_append(&b, chunk, n);
        if (rc) break;
    }
    if (!rc && ferror(f)) rc = LS_ERR_IO;
    fclose(f);
    if (rc) {
        ls_buf_free(&b);
        return ls_error_set(err, rc, "%s: cannot read: %s", path, ls_strerror(rc));
    }
    if (out_len) *out_len = b.len;
    *out = ls_buf_detach(&b);
    return *out ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "%s: out of memory", path);
}

size_t ls_utf8_scrub(char *s)
{
    size_t n = ls_utf8_truncate(s);
    ls_utf8_scrubn(s, n);
    return n;
}

void ls_utf8_scrubn(char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = ls_utf8_decode(s, n, i, &cp);
        if (k) i += k;
        else s[i++] = '?';
    }
}

size_t ls_utf8_truncate(char *s)
{
    size_t n = strlen(s);
    size_t i = n;
    /* step back over continuation bytes to the last lead byte */
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
    if (i == 0) return n;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < want) {
        s[i - 1] = '\0';
        return i - 1;
    }
    return n;
}
