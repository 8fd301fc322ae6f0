/* suggest.c — the accented reading of an unaccented question (suggest.h). */
#include "suggest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../format/schema.h"
#include "../text/analyser.h"
#include "../text/synonyms.h"
#include "telex.h"

#define FORMS_PER_WORD 4   /* most frequent accented forms kept per word */
#define WORD_MAX 16        /* longer ASCII words are left as typed */
#define MAX_WORDS 64       /* longer questions get no suggestion */

/* The marks a vowel letter may carry for its quality (LS_VOWEL_*). */
static size_t qualities(char v, int *out)
{
    switch (v) {
    case 'a': out[0] = LS_VOWEL_PLAIN; out[1] = LS_VOWEL_BREVE; out[2] = LS_VOWEL_CIRCUMFLEX; return 3;
    case 'e': out[0] = LS_VOWEL_PLAIN; out[1] = LS_VOWEL_CIRCUMFLEX; return 2;
    case 'o': out[0] = LS_VOWEL_PLAIN; out[1] = LS_VOWEL_CIRCUMFLEX; out[2] = LS_VOWEL_HORN; return 3;
    case 'u': out[0] = LS_VOWEL_PLAIN; out[1] = LS_VOWEL_HORN; return 2;
    case 'i': case 'y': out[0] = LS_VOWEL_PLAIN; return 1;
    default: return 0;
    }
}

#define TONES 6 /* none, huyền, sắc, hỏi, ngã, nặng (ls_vowel_utf8) */

typedef struct form {
    char term[64];
    unsigned freq;
} form;

typedef struct word_forms {
    form forms[FORMS_PER_WORD];
    size_t n;
    size_t start, end;   /* span in the question */
} word_forms;

/* How many passages hold prefix + a, or, with b, the pair prefix + a_b. */
static unsigned termfreq(xc_db *db, const char *prefix, const char *a, const char *b)
{
    char buf[200];
    size_t np = strlen(prefix), na = strlen(a), nb = b ? strlen(b) + 1 : 0;
    if (np + na + nb >= sizeof buf) return 0;
    memcpy(buf, prefix, np);
    memcpy(buf + np, a, na);
    if (b) {
        buf[np + na] = '_';
        memcpy(buf + np + na + 1, b, nb - 1);
    }
    buf[np + na + nb] = '\0';
    unsigned n = 0;
    xc_err xe;
    return xc_db_termfreq_once(db, buf, &n, &xe) ? 0 : n;
}

static void keep_if_frequent(word_forms *w, const char *term, unsigned freq)
{
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->forms[i].term, term) == 0) return;
    size_t at = w->n < FORMS_PER_WORD ? w->n++ : FORMS_PER_WORD;
    if (at == FORMS_PER_WORD) {
        if (freq <= w->forms[FORMS_PER_WORD - 1].freq) return;
        at = FORMS_PER_WORD - 1;
    }
    while (at > 0 && w->forms[at - 1].freq < freq) {
        w->forms[at] = w->forms[at - 1];
        at--;
    }
    snprintf(w->forms[at].term, sizeof w->forms[at].term, "%s", term);
    w->forms[at].freq = freq;
}

/* Spell word with the chosen marks: quality[k] on the k-th vowel, tone on
 * vowel tone_at (or none), d or đ first; normalise and look it up. The
 * letters are spelled precomposed, so the normaliser needs no ICU. */
static void try_form(xc_db *db, const char *word, int stroked_d, const int *quality,
                     size_t tone_at, int tone, word_forms *w)
{
    char raw[WORD_MAX * 4];
    size_t n = 0, vowel = 0;
    for (const char *p = word; *p; p++) {
        int qs[3];
        if (p == word && stroked_d) {
            memcpy(raw + n, "\xc4\x91", 2); /* đ */
            n += 2;
        } else if (qualities(*p, qs)) {
            size_t k = ls_vowel_utf8(*p, quality[vowel], vowel == tone_at ? tone : 0, raw + n);
            if (!k) return;
            n += k;
            vowel++;
        } else {
            raw[n++] = *p;
        }
    }
    char *norm = NULL;
    if (ls_normalize_term(raw, n, &norm, NULL, NULL) != LS_OK) return;
    unsigned freq = termfreq(db, "", norm, NULL);
    if (freq) keep_if_frequent(w, norm, freq);
    free(norm);
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Every accented form of an ASCII word that the index holds, best kept.
 * Forms Vietnamese spelling rules out are not looked up: ă before anything
 * but a final consonant, â ending the syllable, and huyền, hỏi or ngã on a
 * syllable ending in p, t, c or ch (only sắc and nặng go there). */
static void forms_of(xc_db *db, const char *word, word_forms *w)
{
    int choices[WORD_MAX][3];
    size_t nchoices[WORD_MAX], nvowels = 0;
    for (const char *p = word; *p; p++) {
        int all[3];
        size_t k = qualities(*p, all), kept = 0;
        for (size_t i = 0; i < k; i++) {
            if (*p == 'a' && all[i] == LS_VOWEL_BREVE && (!p[1] || is_vowel(p[1]))) continue;
            if (*p == 'a' && all[i] == LS_VOWEL_CIRCUMFLEX && !p[1]) continue;
            choices[nvowels][kept++] = all[i];
        }
        if (k) nchoices[nvowels++] = kept;
    }
    if (nvowels == 0 || nvowels > 3) return;
    size_t len = strlen(word);
    char last = word[len - 1];
    int stop = last == 'p' || last == 't' || last == 'c' || (len > 1 && last == 'h' && word[len - 2] == 'c');
    size_t pick[3] = {0, 0, 0};
    for (;;) {
        int quality[3];
        for (size_t v = 0; v < nvowels; v++) quality[v] = choices[v][pick[v]];
        for (int d = 0; d <= (word[0] == 'd'); d++)
            for (int t = 0; t < TONES; t++) {
                if (stop && (t == 1 || t == 3 || t == 4)) continue;
                for (size_t at = 0; at < (t ? nvowels : 1); at++)
                    try_form(db, word, d, quality, at, t, w);
            }
        size_t v = 0; /* next combination of vowel qualities */
        while (v < nvowels && ++pick[v] == nchoices[v]) pick[v++] = 0;
        if (v == nvowels) break;
    }
}

static int plain_ascii_word(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= WORD_MAX) return 0;
    for (; *s; s++)
        if (*s < 'a' || *s > 'z') return 0;
    return 1;
}

/* Best reading by dynamic programming over adjacent forms: a pair seen in
 * the corpus counts most, a form's own frequency breaks ties. */
static void choose(xc_db *db, word_forms *w, size_t nwords, size_t *best)
{
    double score[MAX_WORDS][FORMS_PER_WORD];
    size_t from[MAX_WORDS][FORMS_PER_WORD];
    for (size_t i = 0; i < nwords; i++)
        for (size_t c = 0; c < w[i].n; c++) {
            double own = 0.1 * log1p(w[i].forms[c].freq);
            score[i][c] = own;
            from[i][c] = 0;
            if (i == 0 || w[i - 1].n == 0) continue;
            double top = -1;
            for (size_t p = 0; p < w[i - 1].n; p++) {
                double s = score[i - 1][p] + log1p(termfreq(db, LS_PREFIX_PAIR, w[i - 1].forms[p].term,
                                                             w[i].forms[c].term));
                if (s > top) {
                    top = s;
                    from[i][c] = p;
                }
            }
            score[i][c] += top;
        }
    /* walk back from the best end of each run of words that have forms */
    size_t i = nwords;
    while (i > 0) {
        i--;
        if (w[i].n == 0) continue;
        size_t c = 0;
        for (size_t k = 1; k < w[i].n; k++)
            if (score[i][k] > score[i][c]) c = k;
        for (;;) {
            best[i] = c;
            if (i == 0 || w[i - 1].n == 0) break;
            c = from[i][c];
            i--;
        }
    }
}

/* Two adjacent words typed as a citizen's word of the synonym store folds
 * ("so do" -> "sổ đỏ", "bang lai" -> "bằng lái"): that reading, whatever
 * the corpus's letters make more frequent ("mặt số do"). */
static void prefer_synonym_keys(const char *q, word_forms *w, size_t nwords)
{
    for (size_t i = 0; i + 1 < nwords; i++) {
        size_t a = w[i].end - w[i].start, b = w[i + 1].end - w[i + 1].start;
        char typed[2 * WORD_MAX + 2];
        if (a >= WORD_MAX || b >= WORD_MAX || w[i + 1].start < w[i].end) continue;
        for (size_t k = w[i].end; k < w[i + 1].start; k++)
            if (q[k] != ' ') goto next;
        snprintf(typed, sizeof typed, "%.*s %.*s", (int)a, q + w[i].start, (int)b,
                 q + w[i + 1].start);
        for (char *c = typed; *c; c++)
            if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
        const char *key = ls_synonym_accented(typed);
        const char *space = key ? strchr(key, ' ') : NULL;
        if (!space || strchr(space + 1, ' ') || (size_t)(space - key) >= sizeof w[i].forms[0].term ||
            strlen(space + 1) >= sizeof w[i].forms[0].term)
            continue;
        snprintf(w[i].forms[0].term, sizeof w[i].forms[0].term, "%.*s", (int)(space - key), key);
        snprintf(w[i + 1].forms[0].term, sizeof w[i + 1].forms[0].term, "%s", space + 1);
        w[i].forms[0].freq = w[i + 1].forms[0].freq = 1;
        w[i].n = w[i + 1].n = 1;
        i++;
    next:;
    }
}

ls_rc ls_suggest_accents(xc_db *db, const ls_plan *plan, const char *q, size_t len,
                         char **out, ls_error *err)
{
    *out = NULL;
    if (plan->any_marks) return LS_OK;
    word_forms *w = calloc(MAX_WORDS, sizeof *w);
    if (!w) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    size_t nwords = 0;
    for (size_t i = 0; i < plan->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->expansion || t->kind != LS_TOKEN_WORD) continue;
        if (nwords == MAX_WORDS) {
            free(w);
            return LS_OK;
        }
        word_forms *wf = &w[nwords++];
        wf->start = t->start;
        wf->end = t->end;
        if (t->filler_form && t->filler_form_len < sizeof wf->forms[0].term) {
            /* a question word: the phrase list knows its spelling */
            snprintf(wf->forms[0].term, sizeof wf->forms[0].term, "%.*s",
                     (int)t->filler_form_len, t->filler_form);
            wf->forms[0].freq = 1;
            wf->n = 1;
        } else if ((wf->forms[0].freq = ls_telex_decode(db, t->term, wf->forms[0].term,
                                                          sizeof wf->forms[0].term))) {
            wf->n = 1; /* typed for an input method that was off */
        } else if (plain_ascii_word(t->term)) {
            forms_of(db, t->term, wf);
        }
    }
    prefer_synonym_keys(q, w, nwords);
    size_t best[MAX_WORDS] = {0};
    choose(db, w, nwords, best);
    ls_buf b = {0};
    size_t at = 0;
    int changed = 0;
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < nwords && !rc; i++) {
        if (w[i].n == 0) continue;
        const char *form = w[i].forms[best[i]].term;
        size_t typed = w[i].end - w[i].start;
        if (strlen(form) == typed && strncasecmp(form, q + w[i].start, typed) == 0) continue;
        changed = 1;
        rc = ls_buf_append(&b, q + at, w[i].start - at);
        if (!rc) rc = ls_buf_append(&b, form, strlen(form));
        at = w[i].end;
    }
    if (!rc) rc = ls_buf_append(&b, q + at, len - at);
    free(w);
    if (rc || !changed) {
        ls_buf_free(&b);
        return rc ? ls_error_set(err, rc, "out of memory") : LS_OK;
    }
    *out = ls_buf_detach(&b);
    return *out ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
}
