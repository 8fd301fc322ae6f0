/* ls_error.h — the project's one error vocabulary: return codes, their
 * names, and an error record that keeps the first message set.
 *
 * Every fallible function in luat-search returns an ls_rc and takes an
 * `ls_error *err` as its last parameter (may be NULL when the caller does not
 * want the message). The first error written wins; later writes are ignored,
 * so the message names the root cause, not the last frame that saw it. */
#ifndef LS_ERROR_H
#define LS_ERROR_H

#include <stddef.h>

typedef enum {
    LS_OK = 0,
    LS_ERR_NOMEM,      /* allocation failed */
    LS_ERR_ARG,        /* bad argument or option from the caller */
    LS_ERR_UTF8,       /* input is not valid UTF-8 */
    LS_ERR_IO,         /* file could not be read or written */
    LS_ERR_FORMAT,     /* input is readable but not in the expected format */
    LS_ERR_NOTFOUND,   /* index, document or article does not exist */
    LS_ERR_LOCKED,     /* index is locked by another writer */
    LS_ERR_INDEX,      /* Xapian reported an error (corrupt, version, ...) */
    LS_ERR_LIMIT,      /* input exceeds a configured limit */
    LS_ERR_INTERNAL,   /* a bug: an invariant did not hold */
    LS_RC_COUNT
} ls_rc;

typedef struct ls_error {
    ls_rc rc;           /* LS_OK while no error was recorded */
    char msg[512];      /* human-readable, NUL-terminated */
} ls_error;

/* Short stable name of a code ("utf8", "not-found"...). Static storage. */
const char *ls_rc_name(ls_rc rc);

/* One-line English description of a code. Static storage. */
const char *ls_strerror(ls_rc rc);

/* 1 when rc says the input was bad — an argument, invalid UTF-8, a
 * malformed format, a limit exceeded — so the caller answers it (HTTP 400,
 * JSON-RPC -32602, a skipped document or article, a batch line's error)
 * rather than failing as a whole; 0 for everything else (the index, I/O,
 * memory, a bug, not found). The one rule: every such decision asks it. */
static inline int ls_rc_is_bad_input(ls_rc rc)
{
    return rc == LS_ERR_ARG || rc == LS_ERR_UTF8 || rc == LS_ERR_FORMAT || rc == LS_ERR_LIMIT;
}

/* Reset `err` to LS_OK with an empty message. NULL is allowed. */
void ls_error_clear(ls_error *err);

/* Record rc and a printf-style message in `err` unless an error is already
 * recorded (first error wins). NULL `err` is allowed. Returns rc so callers
 * can write `return ls_error_set(err, LS_ERR_IO, "...")`. The message is
 * always valid UTF-8 (ls_utf8_scrub): a character that "%.40s" or msg's
 * size cuts at the end is dropped, any other bad byte becomes '?'. */
ls_rc ls_error_set(ls_error *err, ls_rc rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
