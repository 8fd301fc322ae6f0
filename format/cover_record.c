/* cover_record.c — the second stage's record of a passage: building it from
 * the analyser's tokens, encoding and decoding it (cover_record.h). */
#include "cover_record.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_hash.h"
#include "../common/ls_varint.h"

void ls_cover_builder_reset(ls_cover_builder *b)
{
    b->nwords = 0;
    if (b->slots) memset(b->slots, 0, b->nslots * sizeof *b->slots);
    for (int f = 0; f < LS_COVER_NFIELDS; f++) b->ntokens[f] = 0;
    b->field = LS_COVER_BODY;
    b->failed = 0;
}

void ls_cover_builder_field(ls_cover_builder *b, int f)
{
    if (f >= 0 && f < LS_COVER_NFIELDS) b->field = f;
}

static int push_token(ls_cover_builder *b, uint32_t t, const ls_token *tok)
{
    int f = b->field;
    if (b->ntokens[f] == b->tcap[f]) {
        size_t cap = b->tcap[f] ? b->tcap[f] * 2 : 256;
        uint32_t *grown = realloc(b->tokens[f], cap * sizeof *grown);
        if (!grown) return -1;
        b->tokens[f] = grown;
        b->tcap[f] = cap;
    }
    if (f == LS_COVER_BODY && b->ntokens[f] == b->scap) {
        size_t cap = b->scap ? b->scap * 2 : 256;
        uint32_t *grown = realloc(b->spans, 2 * cap * sizeof *grown);
        if (!grown) return -1;
        b->spans = grown;
        b->scap = cap;
    }
    if (f == LS_COVER_BODY) {
        b->spans[2 * b->ntokens[f]] = (uint32_t)tok->start;
        b->spans[2 * b->ntokens[f] + 1] = (uint32_t)tok->end;
    }
    b->tokens[f][b->ntokens[f]++] = t;
    return 0;
}

/* Grow the token table (and rehash) so it stays at most half full. */
static int grow_slots(ls_cover_builder *b)
{
    size_t n = b->nslots ? b->nslots * 2 : 512;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (!slots) return -1;
    for (size_t w = 0; w < b->nwords; w++) {
        size_t i = b->keys[2 * w] & (n - 1);
        while (slots[i]) i = (i + 1) & (n - 1);
        slots[i] = (uint32_t)w + 1;
    }
    free(b->slots);
    b->slots = slots;
    b->nslots = n;
    return 0;
}

/* 1 + the index of the distinct token (key, nonword), added when new; 0
 * when out of memory. */
static uint32_t token_index(ls_cover_builder *b, uint32_t key, uint32_t folded, int nonword)
{
    if (2 * (b->nwords + 1) > b->nslots && grow_slots(b)) return 0;
    size_t i = key & (b->nslots - 1);
    for (; b->slots[i]; i = (i + 1) & (b->nslots - 1)) {
        uint32_t w = b->slots[i] - 1;
        if (b->keys[2 * w] == key && b->nonword[w] == nonword) return w + 1;
    }
    if (b->nwords == b->wcap) {
        size_t cap = b->wcap ? b->wcap * 2 : 256;
        uint32_t *grown = realloc(b->keys, 2 * cap * sizeof *grown);
        if (grown) b->keys = grown;
        unsigned char *flags = grown ? realloc(b->nonword, cap) : NULL;
        if (!flags) return 0;
        b->nonword = flags;
        b->wcap = cap;
    }
    b->keys[2 * b->nwords] = key;
    b->keys[2 * b->nwords + 1] = folded;
    b->nonword[b->nwords] = (unsigned char)nonword;
    b->slots[i] = (uint32_t)++b->nwords;
    return b->slots[i];
}

void ls_cover_builder_add(ls_cover_builder *b, const ls_token *tok)
{
    if (b->failed) return;
    uint32_t key = ls_hash32(tok->term, tok->term_len);
    uint32_t folded = tok->folded ? ls_hash32(tok->folded, tok->folded_len) : key;
    uint32_t w = token_index(b, key, folded, tok->kind != LS_TOKEN_WORD);
    if (!w || push_token(b, w, tok)) b->failed = 1;
}

/* a body token's packed span: its gap comes next as a varint (header) */
#define SPAN_GAP_FOLLOWS 3

static ls_rc put_u32(ls_buf *out, uint32_t v)
{
    char bytes[4] = {(char)(v & 0xff), (char)(v >> 8 & 0xff), (char)(v >> 16 & 0xff),
                     (char)(v >> 24)};
    return ls_buf_append(out, bytes, 4);
}

/* Append the flag bits of the distinct tokens (bit i, low bit first, of
 * byte i / 8): flag(b, i) for each. */
static ls_rc put_bits(ls_buf *out, const ls_cover_builder *b,
                      int (*flag)(const ls_cover_builder *, size_t))
{
    ls_rc rc = LS_OK;
    for (size_t i = 0; !rc && i < b->nwords; i += 8) {
        unsigned char bits = 0;
        for (size_t j = 0; j < 8 && i + j < b->nwords; j++)
            bits |= (unsigned char)(flag(b, i + j) << j);
        rc = ls_buf_putc(out, (char)bits);
    }
    return rc;
}

static int is_nonword(const ls_cover_builder *b, size_t i) { return b->nonword[i] != 0; }
static int folded_differs(const ls_cover_builder *b, size_t i)
{
    return b->keys[2 * i + 1] != b->keys[2 * i];
}

ls_rc ls_cover_builder_finish(ls_cover_builder *b, ls_buf *out, ls_error *err)
{
    ls_rc rc = b->failed ? LS_ERR_NOMEM : ls_buf_putc(out, LS_COVER_VERSION);
    if (!rc) rc = ls_varint_put(out, b->nwords);
    if (!rc) rc = put_bits(out, b, is_nonword);
    if (!rc) rc = put_bits(out, b, folded_differs);
    for (size_t i = 0; !rc && i < b->nwords; i++) rc = put_u32(out, b->keys[2 * i]);
    for (size_t i = 0; !rc && i < b->nwords; i++)
        if (folded_differs(b, i)) rc = put_u32(out, b->keys[2 * i + 1]);
    for (int f = 0; !rc && f < LS_COVER_NFIELDS; f++) {
        rc = ls_varint_put(out, b->ntokens[f]);
        for (size_t i = 0; !rc && i < b->ntokens[f]; i++) rc = ls_varint_put(out, b->tokens[f][i]);
    }
    for (size_t i = 0, at = 0; !rc && i < b->ntokens[LS_COVER_BODY]; i++) {
        uint32_t start = b->spans[2 * i], end = b->spans[2 * i + 1];
        size_t gap = start - at;
        rc = ls_varint_put(out, (size_t)(end - start) << 2 |
                                    (gap < SPAN_GAP_FOLLOWS ? gap : SPAN_GAP_FOLLOWS));
        if (!rc && gap >= SPAN_GAP_FOLLOWS) rc = ls_varint_put(out, gap);
        at = end;
    }
    return rc ? ls_error_set(err, rc, "cover record: %s", ls_strerror(rc)) : LS_OK;
}

void ls_cover_builder_free(ls_cover_builder *b)
{
    if (!b) return;
    free(b->keys);
    free(b->nonword);
    free(b->slots);
    free(b->spans);
    for (int f = 0; f < LS_COVER_NFIELDS; f++) free(b->tokens[f]);
    memset(b, 0, sizeof *b);
}

static int feed(void *ctx, const ls_token *tok)
{
    ls_cover_builder_add(ctx, tok);
    return 0;
}

ls_rc ls_cover_encode_texts(const char *heading, const char *title, const char *body,
                            size_t body_len, ls_buf *out, ls_error *err)
{
    ls_cover_builder b = {0};
    ls_cover_builder_reset(&b);
    const char *text[LS_COVER_NFIELDS] = {heading, title, body};
    size_t len[LS_COVER_NFIELDS] = {heading ? strlen(heading) : 0, title ? strlen(title) : 0,
                                    body ? body_len : 0};
    ls_rc rc = LS_OK;
    for (int f = 0; f < LS_COVER_NFIELDS && !rc; f++) {
        ls_cover_builder_field(&b, f);
        if (len[f]) rc = ls_tokenize(text[f], len[f], LS_TOKENIZE_DOCUMENT, feed, &b, err);
    }
    if (!rc) rc = ls_cover_builder_finish(&b, out, err);
    ls_cover_builder_free(&b);
    return rc;
}

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
} reader;

static void *alloc_n(size_t n, size_t size) { return malloc((n ? n : 1) * size); }

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The distinct tokens of a record of version `version` at r into out
 * (nwords of them, their count already read): keys and nonword flags. */
static void read_words(reader *r, int version, size_t nwords, ls_cover *out)
{
    size_t nbits = (nwords + 7) / 8;
    if (version == LS_COVER_VERSION_PAIRED) { /* keys in pairs, then the nonword bits */
        for (size_t i = 0; i < 2 * nwords; i++, r->p += 4) out->keys[i] = get_u32(r->p);
        if ((size_t)(r->end - r->p) < nbits) r->bad = 1;
        for (size_t i = 0; i < nwords && !r->bad; i++) out->nonword[i] = r->p[i / 8] >> (i % 8) & 1;
        if (!r->bad) r->p += nbits;
        return;
    }
    /* nonword bits, folded-differs bits, the term keys, the folded keys that differ */
    if ((size_t)(r->end - r->p) < 2 * nbits) {
        r->bad = 1;
        return;
    }
    const unsigned char *nonword = r->p, *differs = r->p + nbits;
    r->p += 2 * nbits;
    size_t ndiffer = 0;
    for (size_t i = 0; i < nwords; i++) {
        out->nonword[i] = nonword[i / 8] >> (i % 8) & 1;
        ndiffer += differs[i / 8] >> (i % 8) & 1;
    }
    if ((size_t)(r->end - r->p) / 4 < nwords + ndiffer) {
        r->bad = 1;
        return;
    }
    for (size_t i = 0; i < nwords; i++, r->p += 4) out->keys[2 * i] = out->keys[2 * i + 1] = get_u32(r->p);
    for (size_t i = 0; i < nwords; i++)
        if (differs[i / 8] >> (i % 8) & 1) {
            out->keys[2 * i + 1] = get_u32(r->p);
            r->p += 4;
        }
}

/* Decode data[0..len) into *out; with_spans 0 leaves the spans unread
 * (out->spans NULL). */
static ls_rc decode(const char *data, size_t len, int with_spans, ls_cover *out, ls_error *err)
{
    memset(out, 0, sizeof *out);
    reader r = {(const unsigned char *)data, (const unsigned char *)data + len, 0};
    int version = len ? r.p[0] : 0;
    if (version != LS_COVER_VERSION && version != LS_COVER_VERSION_PAIRED)
        return ls_error_set(err, LS_ERR_FORMAT, "not a cover record of version %d or %d",
                            LS_COVER_VERSION_PAIRED, LS_COVER_VERSION);
    r.p++;
    size_t nwords = ls_varint_get(&r.p, r.end, &r.bad);
    /* each distinct token takes 4 bytes at least (8 in version 3) */
    size_t min_bytes = version == LS_COVER_VERSION_PAIRED ? 8 : 4;
    if (r.bad || nwords > (size_t)(r.end - r.p) / min_bytes)
        return ls_error_set(err, LS_ERR_FORMAT, "cover record cut short");
    out->keys = alloc_n(2 * nwords, sizeof *out->keys);
    out->nonword = alloc_n(nwords, 1);
    if (!out->keys || !out->nonword) {
        ls_cover_free(out);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    out->nwords = nwords;
    read_words(&r, version, nwords, out);
    for (int f = 0; f < LS_COVER_NFIELDS && !r.bad; f++) {
        size_t n = ls_varint_get(&r.p, r.end, &r.bad);
        if (r.bad || n > (size_t)(r.end - r.p)) { /* each token takes a byte at least */
            r.bad = 1;
            break;
        }
        if (!(out->tokens[f] = alloc_n(n, sizeof *out->tokens[f])) ||
            (f == LS_COVER_BODY && with_spans &&
             !(out->spans = alloc_n(2 * n, sizeof *out->spans)))) {
            ls_cover_free(out);
            return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        }
        out->ntokens[f] = n;
        for (size_t i = 0; i < n && !r.bad; i++) {
            size_t t = ls_varint_get(&r.p, r.end, &r.bad);
            if (t == 0 || t > nwords) r.bad = 1;
            out->tokens[f][i] = (uint32_t)t;
        }
    }
    if (!with_spans) {
        if (!r.bad) return LS_OK;
        ls_cover_free(out);
        return ls_error_set(err, LS_ERR_FORMAT, "cover record cut short or malformed");
    }
    for (size_t i = 0, at = 0; !r.bad && i < out->ntokens[LS_COVER_BODY]; i++) {
        size_t packed = ls_varint_get(&r.p, r.end, &r.bad);
        size_t gap = packed & SPAN_GAP_FOLLOWS, n = packed >> 2;
        if (gap == SPAN_GAP_FOLLOWS) gap = ls_varint_get(&r.p, r.end, &r.bad);
        if (gap > UINT32_MAX - at || n > UINT32_MAX - at - gap) r.bad = 1;
        out->spans[2 * i] = (uint32_t)(at + gap);
        out->spans[2 * i + 1] = (uint32_t)(at + gap + n);
        at += gap + n;
    }
    if (r.bad || r.p != r.end) {
        ls_cover_free(out);
        return ls_error_set(err, LS_ERR_FORMAT, "cover record cut short or malformed");
    }
    return LS_OK;
}

ls_rc ls_cover_decode(const char *data, size_t len, ls_cover *out, ls_error *err)
{
    return decode(data, len, 1, out, err);
}

ls_rc ls_cover_decode_tokens(const char *data, size_t len, ls_cover *out, ls_error *err)
{
    return decode(data, len, 0, out, err);
}

void ls_cover_free(ls_cover *c)
{
    if (!c) return;
    free(c->keys);
    free(c->nonword);
    free(c->spans);
    for (int f = 0; f < LS_COVER_NFIELDS; f++) free(c->tokens[f]);
    memset(c, 0, sizeof *c);
}
