/* doc_links.h — the stored layout of what a document says of others in its
 * title and preamble ("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;",
 * "Nghị định quy định chi tiết một số điều của Luật Cư trú"), read by the
 * relation diagram (review/doc_relations.h) and written by
 * indexer/doc_links.h.
 *
 * Metadata:
 *   "links:<id>"     one line per reference of the title or preamble:
 *                    "<kind>\t<number>\t<law name>\t<year>\t<type>\t<article>\t<clause>\t<point>"
 *                    (kind: the ls_relation value as a number; empty fields when absent)
 *   "linksto:<key>"  the ids whose links name key, one a line; key is the
 *                    normalised number, else the folded words of the law's
 *                    name ("luat ho tich")
 */
#ifndef LS_FORMAT_DOC_LINKS_H
#define LS_FORMAT_DOC_LINKS_H

#include <stddef.h>

#define LS_METADATA_LINKS "links:"
#define LS_METADATA_LINKS_TO "linksto:"

/* The reverse key of a reference by number (num) or by name (name), both
 * borrowed: into out (cap bytes, the caller's); 0 when it has none. */
int ls_doc_links_key(const char *num, const char *name, char *out, size_t cap);

#endif
