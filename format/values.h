/* values.h — the normal form of a stored value (a document id, a type, a
 * level, a field, an issuer): the rule the writer applies when it stores a
 * boolean term or an id and the readers apply to the value they look up,
 * so both sides agree byte for byte.
 */
#ifndef LS_FORMAT_VALUES_H
#define LS_FORMAT_VALUES_H

#include <stddef.h>
#include "../common/ls_error.h"

/* Write into out (size cap) the normalised folded form of s (analyser:
 * lower-cased, NFC, accents folded), or the normalised form when fold is 0.
 * s is borrowed; out is the caller's. Returns LS_ERR_LIMIT if it does not
 * fit. */
ls_rc ls_format_normalise_value(const char *s, int fold, char *out, size_t cap,
                                ls_error *err);

#endif
