/* remote.h — opening a search database over remote shards (Xapian's remote
 * backend, xapian-tcpsrv): the local database first (format, synonyms,
 * document records: remote shards serve none of these), then each remote
 * shard with bounded network waits. Used by the searcher (search.c). */
#ifndef LS_REMOTE_H
#define LS_REMOTE_H

#include "../common/ls_error.h"
#include "../xapian/xc.h"

/* Check a "HOST:PORT[,HOST:PORT...]" list (ports 1..65535, at most
 * LS_SHARDS_MAX shards). LS_ERR_ARG with the bad item otherwise. */
ls_rc ls_remote_check_list(const char *list, ls_error *err);

/* Open the local database at `local` and add every shard of `list`, each
 * network wait bounded by timeout_ms. *out is freed with xc_db_close. When
 * shards do not answer, every one of them is named in a "degraded" error
 * (LS_ERR_INDEX) and *out stays NULL: no partial database is handed out. */
ls_rc ls_remote_open(const char *local, const char *list, unsigned timeout_ms, xc_db **out,
                     ls_error *err);

#endif
