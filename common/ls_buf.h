/* ls_buf.h — a growable byte buffer, always NUL-terminated.
 *
 * Owned by whoever declared it; ls_buf_free releases the bytes. A buffer that
 * failed to grow stays valid with its old contents and reports LS_ERR_NOMEM.
 * `cap_limit` (0 = none) caps the size so hostile input cannot grow it
 * without bound: appends past it fail with LS_ERR_LIMIT.
 *
 * The first error sticks: once an append has failed, every later append is a
 * no-op that returns the same code, and ls_buf_error reports it. So a writer
 * may make many appends unchecked and check once at the end — the contents
 * are then the prefix written before the failure, never a text with a hole. */
#ifndef LS_BUF_H
#define LS_BUF_H

#include <stddef.h>
#include "ls_error.h"

typedef struct ls_buf {
    char *data;        /* NUL-terminated; NULL until first append */
    size_t len;
    size_t cap;
    size_t cap_limit;  /* 0 = unlimited */
    ls_rc rc;          /* the first append error; LS_OK while none */
} ls_buf;

#define LS_BUF_INIT {NULL, 0, 0, 0, LS_OK}

/* Append n bytes. Returns LS_OK, LS_ERR_NOMEM or LS_ERR_LIMIT (or the
 * buffer's earlier error, without appending). */
ls_rc ls_buf_append(ls_buf *b, const char *s, size_t n);
/* Append a NUL-terminated string. */
ls_rc ls_buf_puts(ls_buf *b, const char *s);
/* Append one byte. */
ls_rc ls_buf_putc(ls_buf *b, char c);
/* Append printf-style formatted text. */
ls_rc ls_buf_printf(ls_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The first error an append met (LS_OK while none). */
ls_rc ls_buf_error(const ls_buf *b);
/* Forget the contents and the error but keep the memory. */
void ls_buf_reset(ls_buf *b);
/* Hand the bytes to the caller (who frees them with free()); the buffer is
 * left empty, its error cleared. Returns "" copy semantics: never NULL unless
 * out of memory. Check ls_buf_error first: a failed buffer's bytes are a
 * prefix. */
char *ls_buf_detach(ls_buf *b);
/* Release the bytes and clear the error; the buffer may be reused afterwards. */
void ls_buf_free(ls_buf *b);

/* Shorten the NUL-terminated s so it does not end inside a UTF-8 sequence
 * (after a copy into a fixed buffer cut it). Returns the new length. */
size_t ls_utf8_truncate(char *s);

/* Make the NUL-terminated s valid UTF-8 in place: a sequence cut at its end
 * is dropped (ls_utf8_truncate), every other byte that does not belong to a
 * valid sequence (a cut inside, overlong, surrogate, stray) becomes '?'.
 * Returns the new length. */
size_t ls_utf8_scrub(char *s);

/* Replace every byte of s[0..n) that does not belong to a valid UTF-8
 * sequence (embedded NULs are valid) by '?', the length unchanged. */
void ls_utf8_scrubn(char *s, size_t n);

/* Read a whole file into a newly malloc'ed NUL-terminated buffer. The caller
 * frees *out. Errors name the path. */
ls_rc ls_read_file(const char *path, char **out, size_t *out_len, ls_error *err);

#endif
