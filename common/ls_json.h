/* ls_json.h — JSON out: jansson is the project's one JSON writer; these
 * helpers build its values from the project's strings and put them into an
 * ls_buf. Every reply, report, log line and stored record goes through
 * ls_json_put (or ls_json_text, ls_json_put_stored): one dump, so the flags
 * (compact, insertion order) and how a real prints are the same everywhere.
 * A real prints as the shortest text that reads back to the same double
 * (the first of %.15g, %.16g, %.17g that does: 0.1, not jansson's
 * 0.10000000000000001), so what is shown is short and what is stored reads
 * back exactly. json_dumps is left only for index --json (6 digits) and in
 * format/passage_data.c (a card re-dumped before ls_json_put shows it). */
#ifndef LS_JSON_H
#define LS_JSON_H

#include <stddef.h>
#include <jansson.h>
#include "ls_buf.h"

/* Append o as compact JSON text to b (keys in insertion order, a real as
 * the shortest text that reads back to it: the reals of ls_json_fixed
 * print as "%.Nf" would, without trailing zeros) and drop the caller's
 * reference to o (steals it). NULL o (a build that failed) is LS_ERR_NOMEM; else b's
 * error (its first sticks). */
ls_rc ls_json_put(ls_buf *b, json_t *o);

/* ls_json_put for a record the index stores (format/): the same text (its
 * reals read back exactly), and err (may be NULL) says why on failure. */
ls_rc ls_json_put_stored(ls_buf *b, json_t *o, ls_error *err);

/* ls_json_put into a string of its own: o's compact text (malloc'ed, the
 * caller frees), o's reference dropped (stolen); NULL when o is NULL or
 * memory ran out. */
char *ls_json_text(json_t *o);

/* A JSON string of s[0..n) (new reference): a byte that is not valid UTF-8
 * becomes '?' (ls_utf8_scrubn), so stored text that is not clean still
 * gives valid JSON. NULL only when out of memory. */
json_t *ls_json_stringn(const char *s, size_t n);

/* The same of a NUL-terminated s; JSON null when s is NULL. */
json_t *ls_json_str_or_null(const char *s);

/* Set o[key] to the string s (ls_json_stringn) when s is not NULL; a NULL
 * s leaves the key out. 0, or -1 when out of memory. */
int ls_json_set_str(json_t *o, const char *key, const char *s);

/* v rounded to `decimals` places (0..6) as a JSON real: 0.123456 with 3
 * gives 0.123. */
json_t *ls_json_fixed(double v, int decimals);

#endif
