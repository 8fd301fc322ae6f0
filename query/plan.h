/* plan.h — what a question means before it becomes a Xapian query: its
 * terms (from the shared analyser), which of them are question words or
 * fillers, whether it was typed with diacritics, and the citation it names.
 */
#ifndef LS_PLAN_H
#define LS_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include "../common/ls_error.h"
#include "../text/analyser.h"

typedef struct ls_qterm {
    ls_token_kind kind;
    char *term;            /* normalised term (owned) */
    char *folded;          /* folded twin (owned), never NULL */
    int has_marks;
    int filler;            /* a question word or filler: weighs little */
    const char *filler_form; /* a filler's syllable as the phrase list spells
                              * it (static storage, not NUL-terminated at the
                              * syllable's end), or NULL */
    size_t filler_form_len;
    int expansion;         /* added by synonym expansion (expand.h) */
    unsigned position;
    size_t start, end;     /* byte span in the question */
} ls_qterm;

typedef struct ls_plan {
    ls_qterm *terms;
    size_t nterms;
    int any_marks;         /* the question carries diacritics somewhere */
    int asks_definition;   /* "X là gì", "thế nào là X", "X gồm những ..." */
    int asks_scope;        /* "Luật X áp dụng cho ai", "có hiệu lực từ ..." (scope.h) */
    char *doc_id;          /* cited document number (normalised), or NULL */
    char *article;         /* cited article "5", or NULL */
    char *clause;          /* cited clause "2", or NULL */
    char *point;           /* cited point "a", or NULL */
    char *missing;         /* a document the question cites that the index
                              does not hold, as it names it ("Luật Bảo hiểm
                              xã hội", "Nghị định 100/2019"), or NULL; set
                              by cite_resolve.h */
} ls_plan;

/* Analyse question q[0..len) into *out (allocated; free with ls_plan_free). */
ls_rc ls_plan_build(const char *q, size_t len, ls_plan **out, ls_error *err);
void ls_plan_free(ls_plan *plan);

/* 1 when terms i and i+1 of plan are adjacent content words: the pair the
 * index holds as one term ("thủ_tục", schema.h). */
int ls_plan_is_pair(const ls_plan *plan, size_t i);

/* 1 when a word of a text (tok, from ls_tokenize) is question term t: the
 * exact term when the question has diacritics (ma/má/mà stay apart), the
 * folded one when it has none. */
int ls_plan_term_matches(const ls_plan *plan, const ls_qterm *t, const ls_token *tok);

/* The same rule over stored keys (format/cover_record.h): the key of
 * question term t, and which of a stored word's two keys (term, folded) to
 * compare it with; equal keys = ls_plan_term_matches. */
uint32_t ls_plan_term_key(const ls_plan *plan, const ls_qterm *t);
uint32_t ls_plan_word_key(const ls_plan *plan, const uint32_t keys[2]);

/* Mark the terms of plan that belong to a question word or filler phrase
 * ("như thế nào", "là gì", "có được không" ...), with or without diacritics. */
void ls_plan_mark_fillers(ls_plan *plan);

/* 1 when the question holds phrase, given as folded syllables separated
 * by single spaces ("bao lau"), at consecutive word terms. */
int ls_plan_has_folded_phrase(const ls_plan *plan, const char *phrase);

/* Set plan->asks_definition when the question asks what something is
 * ("là gì", "được hiểu thế nào", "thế nào là", "gồm những" ...), typed with
 * or without diacritics. */
void ls_plan_detect_definition(ls_plan *plan);

/* Set plan->asks_scope when the question asks what a text governs, whom it
 * applies to, when it takes effect or its transitional rules ("phạm vi
 * điều chỉnh", "áp dụng cho", "có hiệu lực", "Luật X quy định về ..."),
 * typed with or without diacritics (scope.h says what follows). */
void ls_plan_detect_scope(ls_plan *plan);

#endif
