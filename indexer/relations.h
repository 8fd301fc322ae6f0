/* relations.h — what an indexed document does to other documents (amends,
 * replaces, repeals them), kept in the index so the older document's stored
 * status follows: "bị sửa đổi, bổ sung bởi 07/2025/NĐ-CP", "hết hiệu lực, bị
 * thay thế bởi ...". Search shows that status and --in-force filters on it.
 *
 * The "rel:"/"relby:" layout and the status-as-of rule search and review
 * share are in format/relations.h (included here).
 *
 * A relation is kept whether or not its target is in the index yet, so the
 * order of indexing does not matter: a target indexed later takes its status
 * at once. Re-indexing a document replaces its relations (relby: says which
 * to drop); removing it drops them. Everything is idempotent: nothing is
 * written when nothing changes.
 *
 * A stored record whose status differs from the one its source published
 * keeps that one as "source_status" (null when the source gave none), so the
 * review module can reason from the published status and dates.
 *
 * Only relations on a whole document count: "Bãi bỏ Điều 5 của Nghị định X"
 * or "thay thế các quy định ... tại Nghị định X" leave X's status alone; an
 * amendment of any of X's provisions makes X amended.
 */
#ifndef LS_RELATIONS_H
#define LS_RELATIONS_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../common/ls_error.h"
#include "../cite/cite.h"
#include "../corpus/document.h"
#include "../format/relations.h"
#include "../xapian/xc.h"

/* The status document id_norm shows with every relation stored for it
 * (ls_relations_state without a date): *out malloc'ed (caller frees) when
 * the relations change it, else NULL; gone_since (may be NULL) as ls_doc_state's. */
ls_rc ls_relations_status(xc_wdb *wdb, const char *id_norm, const char *own, char **out,
                          char gone_since[11], ls_error *err);

/* Store what doc (borrowed; its normalised id is id_norm) does to other
 * documents, replacing what an earlier version of it did, and update the
 * status of each target the index holds (its record and every passage).
 * doc NULL: id_norm was removed, drop its relations. *restated (may be NULL)
 * is raised by the number of target documents whose status changed. */
ls_rc ls_relations_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          unsigned long *restated, ls_error *err);

/* Where a restated document's passages are when wdb holds only records (a
 * shard set's meta: indexer/sharded.c): fn is handed the target's id, the
 * status its passages must now show (NULL: none) and the date it goes out
 * of force ("" or NULL: none), to restate them in the shard that holds
 * them (ls_relations_restate_passages there). */
typedef struct ls_restate_hook {
    ls_rc (*fn)(void *ctx, const char *id_norm, const char *status, const char *gone_since,
                ls_error *err);
    void *ctx;
} ls_restate_hook;

/* ls_relations_update, the passages restated through hook (NULL = in
 * wdb, as ls_relations_update). */
ls_rc ls_relations_update_hooked(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                                 unsigned long *restated, const ls_restate_hook *hook,
                                 ls_error *err);

/* Give every passage of document id_norm in wdb the status (NULL: none)
 * and out-of-force date gone_since: stored data, status term and slots.
 * LS_OK when it has none here. */
ls_rc ls_relations_restate_passages(xc_wdb *wdb, const char *id_norm, const char *status,
                                    const char *gone_since, ls_error *err);

#endif
