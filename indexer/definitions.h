/* definitions.h — the phrases a passage defines. Vietnamese legal texts
 * define their terms clause by clause ("3. Dịch vụ karaoke là dịch vụ ...",
 * "a) “Gỗ hợp pháp” được hiểu là ..."), most of all in the articles headed
 * "Giải thích từ ngữ"; a citizen asks "Dịch vụ karaoke là gì?". The indexer
 * gives each defined phrase its own field (schema.h: D prefixes) so the
 * query side can send definition questions to the definition. */
#ifndef LS_DEFINITIONS_H
#define LS_DEFINITIONS_H

#include <stddef.h>
#include "../corpus/document.h"

/* Called with each defined phrase (a span of the article's text, not
 * NUL-terminated); a non-zero return stops the walk and is returned. */
typedef int (*ls_definition_fn)(void *ctx, const char *phrase, size_t len);

/* Walk the clauses and points of a (or its text, when it has no clauses)
 * and call fn for every one that opens with "<phrase> là" / "<phrase> được
 * hiểu là" / "<phrase> được gọi là", the phrase being 1..LS_DEFINITION_MAX_WORDS
 * words within one sentence. Returns 0 or fn's non-zero result. */
int ls_definitions_each(const ls_article *a, ls_definition_fn fn, void *ctx);

/* Called with a defined phrase and the other name a parenthesis gives it
 * ("Dược chất (còn gọi là hoạt chất) là ...": "Dược chất", "hoạt chất"),
 * spans of the article's text; non-zero stops the walk and is returned. */
typedef int (*ls_other_name_fn)(void *ctx, const char *phrase, size_t len,
                                const char *other, size_t other_len);

/* Walk a as ls_definitions_each does and call fn for every defined phrase
 * whose parenthesis says "còn gọi là" / "hay gọi là" / "hoặc gọi là" (a
 * second name; "sau đây gọi là", "gọi tắt là" give a short name for the
 * text itself and are not reported). Returns 0 or fn's non-zero result. */
int ls_definitions_other_names(const ls_article *a, ls_other_name_fn fn, void *ctx);

#define LS_DEFINITION_MAX_WORDS 14

#endif
