/* shards.h — the writer's part of a shard set: creating one (its stub
 * file). The layout itself (stub, meta, shard-K, the set commit mark, the
 * id hash) is format/shard_set.h, which readers include directly.
 */
#ifndef LS_SHARDS_H
#define LS_SHARDS_H

#include "../common/ls_error.h"
#include "../format/shard_set.h"

/* Make dir a shard set of n shards (2..LS_SHARDS_MAX): creates dir if needed
 * and writes the stub file. The databases themselves are created by their
 * writers. LS_ERR_ARG when dir already holds a plain index or a shard set of
 * another size; LS_ERR_IO when the stub cannot be written. */
ls_rc ls_shards_create(const char *dir, unsigned n, ls_error *err);

#endif
