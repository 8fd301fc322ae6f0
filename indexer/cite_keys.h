/* cite_keys.h — writes the short-citation keys (layout and reads:
 * format/cite_keys.h). */
#ifndef LS_CITE_KEYS_H
#define LS_CITE_KEYS_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"
#include "../format/cite_keys.h"

/* Record doc (whose normalised id is id_norm) under the keys above; keys
 * already naming it are left as they are (idempotent). */
ls_rc ls_cite_keys_write(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                         ls_error *err);

#endif
