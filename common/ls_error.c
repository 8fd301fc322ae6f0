/* ls_error.c — return-code names and the first-error-wins error record. */
#include "ls_error.h"
#include "ls_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct { const char *name, *text; } rc_table[LS_RC_COUNT] = {
    [LS_OK] = {"ok", "success"},
    [LS_ERR_NOMEM] = {"nomem", "out of memory"},
    [LS_ERR_ARG] = {"bad-argument", "invalid argument"},
    [LS_ERR_UTF8] = {"invalid-utf8", "input is not valid UTF-8"},
    [LS_ERR_IO] = {"io", "input/output error"},
    [LS_ERR_FORMAT] = {"format", "unrecognised or malformed input"},
    [LS_ERR_NOTFOUND] = {"not-found", "not found"},
    [LS_ERR_LOCKED] = {"locked", "index is locked by another writer"},
    [LS_ERR_INDEX] = {"index", "index error"},
    [LS_ERR_LIMIT] = {"limit", "input exceeds a limit"},
    [LS_ERR_INTERNAL] = {"internal", "internal error"},
};

const char *ls_rc_name(ls_rc rc)
{
    if ((unsigned)rc >= LS_RC_COUNT) return "unknown";
    return rc_table[rc].name;
}

const char *ls_strerror(ls_rc rc)
{
    if ((unsigned)rc >= LS_RC_COUNT) return "unknown error";
    return rc_table[rc].text;
}

void ls_error_clear(ls_error *err)
{
    if (!err) return;
    err->rc = LS_OK;
    err->msg[0] = '\0';
}

ls_rc ls_error_set(ls_error *err, ls_rc rc, const char *fmt, ...)
{
    if (!err || err->rc != LS_OK) return rc;
    err->rc = rc;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    /* "%.40s" and the record's size cut by bytes; messages reach JSON */
    ls_utf8_scrub(err->msg);
    return rc;
}
