/* doc_links.h — what a document says of others in its title and preamble
 * ("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;", "Nghị định quy định chi
 * tiết một số điều của Luật Cư trú", "Sửa đổi, bổ sung một số điều của Nghị
 * định số 123/2015/NĐ-CP"), which no passage holds, kept in the index for the
 * relation diagram (review/doc_relations.h).
 *
 * Metadata:
 *   "links:<id>"     one line per reference of the title or preamble:
 *                    "<kind>\t<number>\t<law name>\t<year>\t<type>\t<article>\t<clause>\t<point>"
 *                    (kind: the ls_relation value as a number; empty fields when absent)
 *   "linksto:<key>"  the ids whose links name key, one a line; key is the
 *                    normalised number, else the folded words of the law's
 *                    name ("luat ho tich")
 * Re-indexing a document replaces its lines and its reverse entries;
 * removing it (doc NULL) drops them. Nothing is written when nothing changes.
 */
#ifndef LS_DOC_LINKS_H
#define LS_DOC_LINKS_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"

#define LS_METADATA_LINKS "links:"
#define LS_METADATA_LINKS_TO "linksto:"

/* Store the title and preamble references of doc (borrowed; NULL: id_norm
 * was removed) under id_norm, and the reverse keys. */
ls_rc ls_doc_links_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          ls_error *err);

/* The reverse key of a reference by number (num) or by name (name): into
 * out (cap bytes); 0 when it has none. */
int ls_doc_links_key(const char *num, const char *name, char *out, size_t cap);

#endif
