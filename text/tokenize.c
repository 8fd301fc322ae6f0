/* tokenize.c — ls_tokenize: legal identifiers by PCRE2 first (legal_ids.c),
 * the text between them split by ICU's word break iterator (one token per
 * syllable), each token normalised (normalize.c) with byte offsets into the
 * original text. Per-thread state (a cloned break iterator and scratch
 * buffers) lives behind a pthread key, freed when the thread ends. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>

#include "analyser.h"
#include "legal_ids.h"
#include "normalize.h"

typedef struct thread_state {
    UBreakIterator *bi;
    ls_norm_scratch sc;
} thread_state;

static UBreakIterator *prototype;
static pthread_key_t state_key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_failed;

static void free_state(void *p)
{
    thread_state *ts = p;
    if (!ts) return;
    if (ts->bi) ubrk_close(ts->bi);
    ls_norm_scratch_free(&ts->sc);
    free(ts);
}

static void init(void)
{
    UErrorCode st = U_ZERO_ERROR;
    prototype = ubrk_open(UBRK_WORD, "vi", NULL, 0, &st);
    if (U_FAILURE(st) || pthread_key_create(&state_key, free_state) != 0) init_failed = 1;
}

static thread_state *get_state(void)
{
    pthread_once(&once, init);
    if (init_failed) return NULL;
    thread_state *ts = pthread_getspecific(state_key);
    if (ts) return ts;
    ts = calloc(1, sizeof *ts);
    if (!ts) return NULL;
    UErrorCode st = U_ZERO_ERROR;
    ts->bi = ubrk_clone(prototype, &st);
    if (U_FAILURE(st) || pthread_setspecific(state_key, ts) != 0) {
        free_state(ts);
        return NULL;
    }
    return ts;
}

typedef struct run {
    const char *text;
    int flags;
    ls_token_cb cb;
    void *ctx;
    thread_state *ts;
    unsigned position;
    int stopped;
    ls_rc rc;
} run;

static void emit(run *r, ls_token_kind kind, const char *term, size_t term_len, size_t start,
                 size_t end, int has_marks)
{
    ls_norm_scratch *sc = &r->ts->sc;
    const char *folded = sc->folded.data;
    size_t folded_len = sc->folded.len;
    int same = folded_len == term_len && memcmp(folded, term, term_len) == 0;
    ls_token tok = {
        .kind = kind, .term = term, .term_len = term_len,
        .folded = same ? NULL : folded, .folded_len = same ? 0 : folded_len,
        .start = start, .end = end, .position = r->position++, .has_marks = has_marks,
    };
    if (r->cb(r->ctx, &tok)) r->stopped = 1;
}

/* Words of text[from, to) through ICU's word breaks. */
static void words(run *r, size_t from, size_t to)
{
    if (from >= to || r->stopped || r->rc) return;
    UErrorCode st = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, r->text + from, (int64_t)(to - from), &st);
    ubrk_setUText(r->ts->bi, &ut, &st);
    if (U_FAILURE(st)) {
        utext_close(&ut);
        r->rc = LS_ERR_INTERNAL;
        return;
    }
    int32_t start = ubrk_first(r->ts->bi), end;
    while (!r->stopped && (end = ubrk_next(r->ts->bi)) != UBRK_DONE) {
        int32_t status = ubrk_getRuleStatus(r->ts->bi);
        if (status >= UBRK_WORD_NUMBER) {
            const char *w = r->text + from + start;
            size_t wlen = (size_t)(end - start);
            int marks = 0;
            ls_rc rc = ls_norm_run(&r->ts->sc, w, wlen, &marks);
            if (rc) {
                r->rc = rc;
                break;
            }
            ls_token_kind kind = (w[0] >= '0' && w[0] <= '9') ? LS_TOKEN_NUMBER : LS_TOKEN_WORD;
            /* the term is copied out of sc.term because emit reads sc.folded */
            emit(r, kind, r->ts->sc.term.data, r->ts->sc.term.len, from + (size_t)start,
                 from + (size_t)end, marks);
        }
        start = end;
    }
    utext_close(&ut);
}

static void identifier(run *r, const ls_legal_id *id)
{
    if (r->stopped || r->rc) return;
    int marks = 0;
    /* marks of the original span; then the folded twin of the normal form */
    ls_rc rc = ls_norm_run(&r->ts->sc, r->text + id->start, id->end - id->start, &marks);
    if (!rc) rc = ls_norm_run(&r->ts->sc, id->term, strlen(id->term), &(int){0});
    if (rc) {
        r->rc = rc;
        return;
    }
    emit(r, id->kind, id->term, strlen(id->term), id->start, id->end, marks);
}

ls_rc ls_tokenize(const char *text, size_t len, int flags, ls_token_cb cb, void *ctx,
                  ls_error *err)
{
    if (!text && len) return ls_error_set(err, LS_ERR_ARG, "NULL text");
    if (!cb) return ls_error_set(err, LS_ERR_ARG, "NULL callback");
    size_t bad;
    if (!ls_utf8_valid(text, len, &bad))
        return ls_error_set(err, LS_ERR_UTF8, "invalid UTF-8 at byte %zu", bad);
    if (len == 0) return LS_OK;
    if (len > (size_t)INT32_MAX)
        return ls_error_set(err, LS_ERR_LIMIT, "text of %zu bytes is too long to analyse", len);
    thread_state *ts = get_state();
    if (!ts) return ls_error_set(err, LS_ERR_INTERNAL, "cannot set up the ICU word breaker");
    run r = {.text = text, .flags = flags, .cb = cb, .ctx = ctx, .ts = ts};
    size_t pos = 0;
    ls_legal_id id;
    while (!r.stopped && !r.rc && ls_legal_id_next(text, len, pos, &id)) {
        words(&r, pos, id.start);
        identifier(&r, &id);
        pos = id.end;
    }
    words(&r, pos, len);
    if (r.rc) return ls_error_set(err, r.rc, "analysing text: %s", ls_strerror(r.rc));
    return LS_OK;
}

void ls_analyser_shutdown(void)
{
    pthread_once(&once, init);
    if (!init_failed) {
        free_state(pthread_getspecific(state_key));
        pthread_setspecific(state_key, NULL);
    }
    if (prototype) ubrk_close(prototype);
    prototype = NULL;
    init_failed = 1; /* no further use after shutdown */
    ls_legal_ids_shutdown();
    u_cleanup();
}
