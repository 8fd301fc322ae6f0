/* procedure_bases.h — a procedure's legal bases resolved against the documents of the
 * index it sits in, through the citation reviewer (review/review.h): each
 * basis found (with its status as of a date and what replaced it) or "not in
 * the index", and the card flagged when a basis is no longer in force. */
#ifndef LS_PROCEDURE_BASES_H
#define LS_PROCEDURE_BASES_H

#include <jansson.h>
#include "../query/search.h"

/* Resolve every entry of card's "legal_bases" (card is a procedure card,
 * procedure.h) in place, as of `as_of` ("YYYY-MM-DD", NULL = today): each
 * gets "resolution" ("found" | "not-in-index" | "ambiguous"), and when found
 * "doc_id", "title", "status" (ls_force_name: "in-force", "repealed",
 * "replaced"...) and "replaced_by" (a document id) when known. The card
 * gets "lapsed_bases": [{"number", "status", "replaced_by"}] (empty when all
 * in force or unknown) and "as_of". The searcher is used by one thread at a
 * time. Errors only for the index or memory. */
ls_rc ls_procedure_resolve_bases(ls_searcher *s, json_t *card, const char *as_of,
                                 ls_error *err);

/* The same on a card held as JSON text: *card_json is replaced by the
 * resolved card (malloc'ed; the old text is freed). */
ls_rc ls_procedure_resolve_text(ls_searcher *s, char **card_json, const char *as_of,
                                ls_error *err);

/* The card of procedure `code` ("1.001193") in the index of s, its bases
 * resolved as of as_of (NULL = today): *card_json malloc'ed (caller frees).
 * LS_ERR_NOTFOUND (message naming the code) when the index has no such
 * procedure; LS_ERR_ARG for an empty, overlong or invalid UTF-8 code. */
ls_rc ls_procedure_get(ls_searcher *s, const char *code, const char *as_of, char **card_json,
                       ls_error *err);

#endif
