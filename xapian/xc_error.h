/* xc_error.h — Xapian's errors as the project's: the one table from xc_rc
 * (what xc.cc's catch blocks report) to ls_rc, and the one way to record an
 * xc_err in an ls_error. Every C caller of xc_* that fails goes through it.
 * Header-only (static inline), so xc.cc stays free of common/ and the
 * Makefile builds nothing new. */
#ifndef XC_ERROR_H
#define XC_ERROR_H

#include "../common/ls_error.h"
#include "xc.h"

/* The ls_rc of a Xapian failure: no memory, no such database or document,
 * another writer's lock keep their meaning; everything else (corrupt, a
 * version it cannot open, a revision discarded under a reader, a network
 * failure, a bad argument) is LS_ERR_INDEX. */
static inline ls_rc ls_rc_of_xc(xc_rc rc)
{
    switch (rc) {
    case XC_OK: return LS_OK;
    case XC_ERR_NOMEM: return LS_ERR_NOMEM;
    case XC_ERR_NOTFOUND: return LS_ERR_NOTFOUND;
    case XC_ERR_LOCKED: return LS_ERR_LOCKED;
    default: return LS_ERR_INDEX;
    }
}

/* Record xe in err (first error wins) as "<what>: <Xapian's message>" with
 * ls_rc_of_xc(xe->rc); returns that code. err may be NULL. */
static inline ls_rc ls_xc_error(ls_error *err, const char *what, const xc_err *xe)
{
    return ls_error_set(err, ls_rc_of_xc(xe->rc), "%s: %s", what, xe->msg);
}

#endif
