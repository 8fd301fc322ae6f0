/* snippet.h — the part of a passage that answers: the clause with the most
 * question terms, cut to a window, with the matched words marked. */
#ifndef LS_SNIPPET_H
#define LS_SNIPPET_H

#include <stddef.h>
#include "../format/cover_record.h"
#include "../format/passage_data.h"
#include "plan.h"

/* Make a snippet of at most about max_bytes of p's text for plan. The
 * words are found in rec, p's cover record (format/cover_record.h), or,
 * when rec is NULL, by analysing p's text (the same words either way).
 * *snippet (malloc'ed, caller frees) holds the text with matches between
 * LS_MARK_OPEN and LS_MARK_CLOSE (search.h); newlines become spaces.
 * *clause (malloc'ed or NULL, caller frees) is the number of the clause the
 * snippet comes from. */
ls_rc ls_snippet_make(const ls_plan *plan, const ls_passage *p, const ls_cover *rec,
                      size_t max_bytes, char **snippet, char **clause, ls_error *err);

#endif
