/* utf8.h — UTF-8 decoding and encoding for the analyser (private to text/). */
#ifndef LS_UTF8_H
#define LS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[i] (s has len bytes). Returns its length in
 * bytes (1..4), or 0 if the bytes there are not valid UTF-8. */
size_t ls_utf8_decode(const char *s, size_t len, size_t i, uint32_t *cp);

/* Encode cp into out (room for 4 bytes); returns the length. */
size_t ls_utf8_encode(uint32_t cp, char *out);

#endif
