/* doc_links.h — what a document says of others in its title and preamble
 * ("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;", "Nghị định quy định chi
 * tiết một số điều của Luật Cư trú", "Sửa đổi, bổ sung một số điều của Nghị
 * định số 123/2015/NĐ-CP"), which no passage holds, kept in the index for the
 * relation diagram (review/doc_relations.h).
 *
 * The metadata layout and the reverse key are format/doc_links.h.
 * Re-indexing a document replaces its lines and its reverse entries;
 * removing it (doc NULL) drops them. Nothing is written when nothing changes.
 */
#ifndef LS_DOC_LINKS_H
#define LS_DOC_LINKS_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"
#include "../format/doc_links.h"

/* Store the title and preamble references of doc (borrowed; NULL: id_norm
 * was removed) under id_norm, and the reverse keys. */
ls_rc ls_doc_links_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          ls_error *err);

#endif
