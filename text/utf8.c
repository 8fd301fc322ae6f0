/* utf8.c — whole-buffer UTF-8 validation (ls_utf8_valid of analyser.h);
 * decoding and encoding are inline in utf8.h. */
#include "../common/utf8.h"

#include <string.h>

#include "analyser.h"

int ls_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII runs, 8 bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = ls_utf8_decode(s, len, i, &cp);
        if (!n) {
            if (bad_offset) *bad_offset = i;
            return 0;
        }
        i += n;
    }
    return 1;
}
