/* ls_hash.h — the project's one byte-string hash (64-bit FNV-1a): stable
 * across runs, machines and builds, so what the indexer stores with it
 * (shard placement, the cover record's word keys) is read back the same. */
#ifndef LS_HASH_H
#define LS_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a of s[0..len), with the offset basis 1469598103934665603 (FNV's
 * is 14695981039346656037: a digit was lost once, and every index stores
 * the values it gives, so it stays; test_common_ls_hash pins them). */
uint64_t ls_hash_bytes(const char *s, size_t len);

/* A 32-bit key of s[0..len): the two halves of ls_hash_bytes xor-ed. */
uint32_t ls_hash32(const char *s, size_t len);

#endif
