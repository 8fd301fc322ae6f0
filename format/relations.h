/* relations.h — the stored layout of what documents do to each other
 * (amend, replace, repeal) and the ONE rule that turns it into the status a
 * document shows as of a date: written by indexer/relations.h, read by
 * search (query/as_of.h) and review (review/doc_status.c), so they agree.
 *
 * Metadata (schema.h lists the rest):
 *   "rel:<target id>"  one line per acting document:
 *                      "<amends|replaces|repeals|partly>\t<by id>\t<by number>\t<by effective>"
 *   "relby:<by id>"    the target ids the document acts on, one a line
 */
#ifndef LS_FORMAT_RELATIONS_H
#define LS_FORMAT_RELATIONS_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../cite/cite.h"

#define LS_METADATA_RELATIONS "rel:"
#define LS_METADATA_RELATED_BY "relby:"

/* One "rel:" line for an act of document by_id (its number or name as the
 * status names it, its effective date, "" unknown; all borrowed) into out
 * (cap bytes, the caller's; cut when short). */
void ls_relation_line(ls_act act, const char *by_id, const char *by_number,
                      const char *by_effective, char *out, size_t cap);

/* Field k (0-based, tab-separated) of the line [p, end) into out (cap
 * bytes, the caller's; cut when short, "" when the line has fewer). */
void ls_relation_field(const char *p, const char *end, int k, char *out, size_t cap);

/* A document's status from the status its source published (own, may be
 * NULL), its dates and the relation lines stored for it ("rel:<id>"). */
typedef struct ls_doc_state {
    char *text;              /* the status shown (malloc'ed), NULL: own stands */
    char by[256];            /* id of the text that made it so, "" none */
    char since[11];          /* that text's effective date, "" unknown */
    char gone_since[11];     /* the earliest date it goes out of force by a
                                repeal or replacement (whatever as_of), or
                                "0000-00-00" when published as no longer in
                                force or undated; "" never */
} ls_doc_state;

/* Fill *st as of as_of ("YYYY-MM-DD"; NULL: every relation counts, dates
 * aside, as the stored status does). lines may be NULL. As of a date: an
 * issue or effective date after it is "chưa có hiệu lực"; a relation whose
 * acting text takes effect after it does not count; a replacement or repeal
 * outweighs a partial one ("hết hiệu lực một phần do X"), which outweighs
 * amendments ("bị sửa đổi, bổ sung bởi X, Y"). Free with ls_doc_state_free. */
ls_rc ls_relations_state(const char *lines, const char *own, const char *issued,
                         const char *effective, const char *as_of, ls_doc_state *st,
                         ls_error *err);
void ls_doc_state_free(ls_doc_state *st);

/* gone_since "YYYY-MM-DD" as the LS_SLOT_GONE value "YYYYMMDD" ("" when
 * empty). */
void ls_gone_value(const char *gone_since, char out[9]);

#endif
