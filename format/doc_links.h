/* doc_links.h — the stored layout of what a document says of others in its
 * title and preamble ("Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;",
 * "Nghị định quy định chi tiết một số điều của Luật Cư trú"), read by the
 * relation diagram (review/doc_relations.h) and written by
 * indexer/doc_links.h, through the one encoder and decoder of a line here.
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
#include "../cite/cite.h"
#include "../common/ls_buf.h"

#define LS_METADATA_LINKS "links:"
#define LS_METADATA_LINKS_TO "linksto:"

/* Append the "links:" line of reference r (borrowed) to b, after a newline
 * when b is not empty; a tab or newline inside a field is written as a
 * space. Nonzero when b failed (its error sticks). The one encoder. */
int ls_doc_links_encode(ls_buf *b, const ls_cite *r);

/* One line [p, end) of "links:<id>" as a citation to resolve: c's
 * extraction fields filled (free with ls_cite_clear; c is zeroed first),
 * *kind the relation. 0 when the line is not one (a kind that is not a
 * link, or neither number nor name). The one decoder. */
int ls_doc_links_decode(const char *p, const char *end, ls_cite *c, ls_relation *kind);

/* Room for a reverse key: a longer one (a number of 400 bytes or more, a
 * name whose folded words are) is none. */
#define LS_DOC_LINKS_KEY_CAP 400

/* The reverse key of a reference by number (num) or by name (name), both
 * borrowed: into out (cap bytes, the caller's); 0 when it has none. */
int ls_doc_links_key(const char *num, const char *name, char *out, size_t cap);

/* The reverse key of the stored line [p, end) (ls_doc_links_encode's):
 * ls_doc_links_key of its number and name fields, read whole. The one rule
 * for the key of a link, used both when a line is written and when an old
 * line's key is let go, so the two never differ. 0 when it has none. */
int ls_doc_links_line_key(const char *p, const char *end, char *out, size_t cap);

#endif
