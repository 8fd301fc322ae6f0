/* termgen.h — turns a field of text into Xapian postings with the shared
 * analyser, following the layout in schema.h: the term with its position,
 * its folded twin, adjacent-pair terms, and heading terms.
 */
#ifndef LS_TERMGEN_H
#define LS_TERMGEN_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "../format/cover_record.h"

typedef struct ls_termgen {
    xc_doc *doc;           /* borrowed: the document receiving postings */
    unsigned next_pos;     /* next free 1-based position */
    ls_cover_builder *cover; /* borrowed, or NULL: also receives every token of
                              * ls_termgen_index_text (the same analysis pass),
                              * into the field the caller selected */
    unsigned unstored_wdf; /* wdf of the kinds a field does not index
                            * (ls_field_prefixes.indexed), for XLEN */
} ls_termgen;

/* Index text[0..len) into tg->doc at positions starting at tg->next_pos:
 * terms, folded twins, pairs. If `heading` is non-zero the terms are also
 * added with the heading prefixes the index holds (SAB: schema.h), `heading`
 * wdf each, positionless.
 * Advances next_pos past the field plus LS_FIELD_POSITION_GAP. */
ls_rc ls_termgen_index_text(ls_termgen *tg, const char *text, size_t len,
                            unsigned heading, ls_error *err);

/* Index a term the passage defines ("dịch vụ karaoke" of "Dịch vụ karaoke
 * là ...") under the definition prefixes only (D / DA / DAB, no
 * positions, no body postings); next_pos is unchanged. */
ls_rc ls_termgen_index_definition(ls_termgen *tg, const char *term, size_t len,
                                  ls_error *err);

/* Add to tg->doc the term XLEN (schema.h) with the wdf of the kinds not
 * indexed since the last call (none when 0), so the passage's length is
 * the full analysis's. Call once, after the last field. */
ls_rc ls_termgen_add_length(ls_termgen *tg, ls_error *err);

/* Add a boolean term prefix+value, with value normalised by the analyser
 * (lower-cased, NFC, accents folded when `fold` is set;
 * format/values.h). */
ls_rc ls_termgen_add_boolean(xc_doc *doc, const char *prefix, const char *value,
                             int fold, ls_error *err);

#endif
