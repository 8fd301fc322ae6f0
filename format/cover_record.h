/* cover_record.h — what the second ranking stage (query/rerank.h) reads of
 * a passage, worked out once when the passage is indexed: the tokens of
 * its heading, its document's title and its body, in order, as 32-bit keys
 * (ls_hash32) of each token's term and of its folded twin. Coverage of a question then
 * costs integer compares: no ICU, no JSON at query time. Stored in value
 * slot LS_SLOT_COVER (schema.h), apart from the document data, which glass
 * keeps zlib-compressed: reading the record inflates nothing.
 *
 * Layout (little-endian, version byte first):
 *   u8 version (LS_COVER_VERSION)
 *   varint V, the distinct tokens ("words"); then two bit sets of ceil(V/8)
 *       bytes each (bit i, low bit first, for token i): token i is not a
 *       word but a number, document number, date or reference, which breaks
 *       adjacency; token i's folded term differs from its term
 *   V x u32 key of the term; then, for each token whose folded term
 *       differs, in order, u32 key of the folded term (a token's folded key
 *       is its term's key otherwise). Version 3 (LS_COVER_VERSION_PAIRED,
 *       still read) wrote both keys of every token, then the nonword bits:
 *       18% of the pháp điển's tokens carry no mark, 88.1 -> 84 MB.
 *   3 x (varint N; N x varint (1 + index of the token above)): fields
 *       heading, title, body, in order
 *   for each token of the body: varint (its length << 2 | g), g = the
 *       bytes from the end of the previous token (or the start of the
 *       body) to its start when under 3 (a space, ", "), else 3 and the
 *       gap follows as a varint: where the snippet marks it
 *       (query/snippet.h), again without analysing the text. One byte for
 *       most tokens (version 2 spent two: the pháp điển's records 104 ->
 *       88 MB).
 */
#ifndef LS_COVER_RECORD_H
#define LS_COVER_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include "../common/ls_buf.h"
#include "../text/analyser.h"

#define LS_COVER_VERSION 4
#define LS_COVER_VERSION_PAIRED 3 /* both keys of every token (index format 3) */

enum { LS_COVER_HEADING, LS_COVER_TITLE, LS_COVER_BODY, LS_COVER_NFIELDS };

/* Builds one record from the tokens of its fields, fed in field order
 * (the indexer's single analysis pass feeds it, indexer/termgen.h). All
 * memory is the builder's: ls_cover_builder_free releases it. */
typedef struct ls_cover_builder {
    uint32_t *keys;      /* 2 per distinct token: term, folded */
    unsigned char *nonword; /* per distinct token: 1 when not a word */
    size_t nwords, wcap;
    uint32_t *slots;     /* open addressing: token index + 1, 0 = empty */
    size_t nslots;
    uint32_t *tokens[LS_COVER_NFIELDS];
    size_t ntokens[LS_COVER_NFIELDS], tcap[LS_COVER_NFIELDS];
    uint32_t *spans;     /* 2 per token of the body: start, end bytes */
    size_t scap;
    int field;           /* the field tokens go to */
    int failed;          /* out of memory: ls_cover_builder_finish says so */
} ls_cover_builder;

/* Empty the builder (keeping its memory) for a new passage. */
void ls_cover_builder_reset(ls_cover_builder *b);
/* Tokens from now on belong to field f (LS_COVER_*). */
void ls_cover_builder_field(ls_cover_builder *b, int f);
/* Add one token of the current field, from ls_tokenize. */
void ls_cover_builder_add(ls_cover_builder *b, const ls_token *tok);
/* Append the record to out. LS_ERR_NOMEM when the builder or out could not grow. */
ls_rc ls_cover_builder_finish(ls_cover_builder *b, ls_buf *out, ls_error *err);
void ls_cover_builder_free(ls_cover_builder *b);

/* The record of three texts (any may be NULL), analysed here: for a passage
 * stored without one (an index of an older format). Appends to out. */
ls_rc ls_cover_encode_texts(const char *heading, const char *title, const char *body,
                            size_t body_len, ls_buf *out, ls_error *err);

/* A decoded record. Arrays are allocated by ls_cover_decode and released by
 * ls_cover_free (the struct itself is the caller's). */
typedef struct ls_cover {
    size_t nwords;                       /* distinct tokens */
    uint32_t *keys;                      /* 2 per distinct token: term, folded */
    unsigned char *nonword;              /* per distinct token: 1 when not a word */
    uint32_t *tokens[LS_COVER_NFIELDS];  /* 1 + distinct token index */
    size_t ntokens[LS_COVER_NFIELDS];
    uint32_t *spans;     /* 2 per token of the body: its byte span [start,
                            end) in the body text */
} ls_cover;

/* The folded key of token i (0-based) of field f: the one reading of the
 * layout (tokens are 1 + a distinct token's index; keys are 2 per distinct
 * token, term then folded). i must be < rec->ntokens[f]. */
static inline uint32_t ls_cover_folded_at(const ls_cover *rec, int f, size_t i)
{
    return rec->keys[2 * (rec->tokens[f][i] - 1) + 1];
}

/* Decode data[0..len) (version 4 or 3). LS_ERR_FORMAT when it is not a
 * record of either (or is cut short), LS_ERR_NOMEM; *out is then empty. */
ls_rc ls_cover_decode(const char *data, size_t len, ls_cover *out, ls_error *err);

/* The same without the spans (out->spans NULL, the bytes after the tokens
 * not read): what the second stage needs, about a third less work; only
 * the hits shown need spans, for their snippets. */
ls_rc ls_cover_decode_tokens(const char *data, size_t len, ls_cover *out, ls_error *err);
void ls_cover_free(ls_cover *c);

#endif
