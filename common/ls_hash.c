/* ls_hash.c — 64-bit FNV-1a and its 32-bit fold (ls_hash.h). */
#include "ls_hash.h"

uint64_t ls_hash_bytes(const char *s, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

uint32_t ls_hash32(const char *s, size_t len)
{
    uint64_t h = ls_hash_bytes(s, len);
    return (uint32_t)(h ^ (h >> 32));
}
