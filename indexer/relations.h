/* relations.h — what an indexed document does to other documents (amends,
 * replaces, repeals them), kept in the index so the older document's stored
 * status follows: "bị sửa đổi, bổ sung bởi 07/2025/NĐ-CP", "hết hiệu lực, bị
 * thay thế bởi ...". Search shows that status and --in-force filters on it.
 *
 * Metadata (schema.h lists the rest):
 *   "rel:<target id>"  one line per acting document:
 *                      "<amends|replaces|repeals>\t<by id>\t<by number>\t<by effective>"
 *   "relby:<by id>"    the target ids the document acts on, one a line
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
#include "../corpus/document.h"
#include "../xapian/xc.h"

#define LS_METADATA_RELATIONS "rel:"
#define LS_METADATA_RELATED_BY "relby:"

typedef enum { LS_ACT_NONE = 0, LS_ACT_AMENDS, LS_ACT_REPLACES, LS_ACT_REPEALS } ls_act;

/* What the sentence of text[0..len) around reference r does to the whole
 * document r names: LS_ACT_NONE for a plain citation, a legal basis, a
 * provision-level repeal, "X đã được sửa đổi theo Y" (Y is the amender), or a
 * reference without a document number. */
ls_act ls_relation_act(const char *text, size_t len, const ls_reference *r);

/* The status document id_norm shows, given the status its source published
 * (own, may be NULL) and the relations stored for it. *out is malloc'ed
 * (caller frees) when the relations change it, else NULL. */
ls_rc ls_relations_status(xc_wdb *wdb, const char *id_norm, const char *own, char **out,
                          ls_error *err);

/* Add "source_status": own (JSON null when NULL) to the JSON record in rec
 * (rewritten in place). */
ls_rc ls_relations_note_source(ls_buf *rec, const char *own, ls_error *err);

/* Store what doc (borrowed; its normalised id is id_norm) does to other
 * documents, replacing what an earlier version of it did, and update the
 * status of each target the index holds (its record and every passage).
 * doc NULL: id_norm was removed, drop its relations. *restated (may be NULL)
 * is raised by the number of target documents whose status changed. */
ls_rc ls_relations_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          unsigned long *restated, ls_error *err);

/* Where a restated document's passages are when wdb holds only records (a
 * shard set's meta: indexer/sharded.c): fn is handed the target's id and
 * the status its passages must now show (NULL: none), to restate them in
 * the shard that holds them (ls_relations_restate_passages there). */
typedef struct ls_restate_hook {
    ls_rc (*fn)(void *ctx, const char *id_norm, const char *status, ls_error *err);
    void *ctx;
} ls_restate_hook;

/* ls_relations_update, the passages restated through hook (NULL = in
 * wdb, as ls_relations_update). */
ls_rc ls_relations_update_hooked(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                                 unsigned long *restated, const ls_restate_hook *hook,
                                 ls_error *err);

/* Give every passage of document id_norm in wdb the status (NULL: none):
 * stored data, status term and slot. LS_OK when it has none here. */
ls_rc ls_relations_restate_passages(xc_wdb *wdb, const char *id_norm, const char *status,
                                    ls_error *err);

#endif
