/* ls_varint.c — LEB128 varints (ls_varint.h). */
#include "ls_varint.h"

ls_rc ls_varint_put(ls_buf *out, size_t v)
{
    char bytes[10];
    size_t n = 0;
    do {
        bytes[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    return ls_buf_append(out, bytes, n);
}

size_t ls_varint_get(const unsigned char **p, const unsigned char *end, int *bad)
{
    size_t v = 0;
    for (unsigned shift = 0; shift < 64 && *p < end; shift += 7) {
        unsigned char c = *(*p)++;
        v |= (size_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) return v;
    }
    *bad = 1;
    return 0;
}
