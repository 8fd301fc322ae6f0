/* results_json.h — search results as JSON, the one shape every front door
 * (CLI --json/--batch, REST, MCP) hands out. */
#ifndef LS_RESULTS_JSON_H
#define LS_RESULTS_JSON_H

#include <jansson.h>
#include "../common/ls_buf.h"
#include "search.h"

/* Append {"query", "understood", "suggestion", "confidence", "no_answer",
 * "notice", "total_estimate", "hits":[...]} to out (the hits are there even
 * when no_answer is true: the front end decides). Each hit: rank, score, id, doc_id, doc_number, doc_type,
 * doc_title, issuer, issued, effective, status, article, heading, chapter,
 * citation, matched_clause, snippet (HTML-escaped, matches in <mark>), and
 * pd_label/pd_topic/source_url when known; "text" (the article's full text)
 * when with_text is set. */
ls_rc ls_results_json(const ls_results *r, const char *query, size_t query_len,
                      int with_text, ls_buf *out);
/* The same object as a jansson value (new reference, the caller decrefs),
 * for a caller that embeds it (MCP); NULL when out of memory. */
json_t *ls_results_object(const ls_results *r, const char *query, size_t query_len,
                          int with_text);

/* Append a passage as a JSON object (the hit fields that describe the
 * passage, with its full text and clauses). */
ls_rc ls_passage_json(const ls_passage *p, ls_buf *out);
/* The same object as a jansson value (new reference; NULL: out of memory). */
json_t *ls_passage_object(const ls_passage *p);

/* Append the snippet with marks turned into open/close strings, every other
 * character kept; html_escape escapes & < > " for safe embedding. */
ls_rc ls_snippet_render(const char *snippet, const char *open, const char *close,
                        int html_escape, ls_buf *out);

#endif
