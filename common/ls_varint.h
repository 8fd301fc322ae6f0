/* ls_varint.h — unsigned LEB128 varints (7 bits a byte, low bits first),
 * the integers of the binary records the indexer stores (the cover record,
 * the framing of a passage's data). */
#ifndef LS_VARINT_H
#define LS_VARINT_H

#include <stddef.h>
#include "ls_buf.h"

/* Append v to out. LS_OK, LS_ERR_NOMEM or LS_ERR_LIMIT (ls_buf_append). */
ls_rc ls_varint_put(ls_buf *out, size_t v);

/* Read one varint at *p (not past end) and advance *p past it; on a cut or
 * over-long one set *bad to 1 and return 0. */
size_t ls_varint_get(const unsigned char **p, const unsigned char *end, int *bad);

#endif
