/* build.c — the ranking query: each term (exact, or its folded synonym set
 * when the question has no diacritics), adjacent pairs (folded, one posting
 * list, when it has none), heading pairs. */
#include "build.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_str.h"
#include "../format/schema.h"


ls_weights ls_weights_default(void)
{
    /* Chosen on the dev sets with `luat-search eval --weights` (notes on the
     * relevance issue): pairs +0.08 MRR@10; BM25 k1 1.2 -> 0.9, b 0.75 ->
     * 0.5 +0.05 (short legal articles want less length normalisation);
     * defined phrases for "X là gì" questions +0.04; heading pairs 0.3
     * instead of heading terms +0.02 and a third less latency; fillers
     * left out (0.15 -> 0: same figures, 40% less latency); the second
     * stage (rerank.h) over 15 candidates, cover 1: +0.02 on zalo-dev for
     * ~1 ms; the 24 body words and pairs that can weigh most (ELITE_SET):
     * same figures within 0.003, p99 33 -> 17 ms on pháp điển; the
     * question's pairs found in the heading, 0.3 within coverage: +0.008
     * on zalo-dev; k1 0.9 -> 0.5 once the rest was in place (flat from
     * 0.4 to 0.6): alqac 0.876 -> 0.889, zalo-dev 0.757 -> 0.760; the
     * share of the heading's words the question holds, 0.3 within
     * coverage (a heading that *is* the question's subject outranks one
     * that mentions it among other things): zalo-dev 0.767 -> 0.778,
     * no-diacritics 0.761 -> 0.778, alqac 0.886 -> 0.892 (0.2-0.4 flat);
     * the second stage over 40 candidates instead of 15 (a candidate is
     * read only while it can still reach the shown places, rerank.h) and
     * defined phrases at 0.05 for every other question (a passage that
     * defines the notion asked about): zalo-dev R@10 0.909 -> 0.923, MRR
     * 0.781 -> 0.784, alqac 0.892 -> 0.896, no-diacritics 0.778 -> 0.779;
     * p50 6.6 -> ~9.5 ms. depth 30: R@10 0.920, 50/70: same as 40;
     * defother 0.03: 0.917, 0.08: 0.923, 0.15: alqac 0.890, 0.3: -0.02 MRR.
     * A body word in more than 20% of the passages is left out when its
     * pair with a neighbour is asked for (common 0.2; more hits then tie,
     * which a shard set orders by its own docids): zalo-dev MRR 0.784
     * -> 0.785 (R@10 0.925 -> 0.920), no-diacritics 0.781 -> 0.779, alqac
     * 0.896 -> 0.895; first stage + all: 3,868M -> 2,929M instructions on 60
     * zalo-dev questions (callgrind); common 0.1: 0.781, 2,473M; 0.03: 0.776.
     * The heading pairs and definition parts only add (AND_MAYBE's right
     * side, with the common body parts): a heading's words are body words
     * too, so no passage is lost, and their long lists (heading pairs were
     * 60% of the postings the left side read) are no longer walked: R@1,
     * R@10 and MRR@10 unchanged on the four dev files; 60 zalo-dev
     * questions 2,149M -> 1,332M instructions, without diacritics 2,967M
     * -> 1,892M (main of 16:20).
     * Coverage weighting each word by its idf and each pair by its words'
     * mean (cidf 1; bench/eval-halves, MRR@10 fit / held out): zalo-dev
     * 0.7772 / 0.8161 -> 0.7792 / 0.8193, no diacritics 0.7718 / 0.8115 ->
     * 0.7860 / 0.8110, alqac 0.9190 / 0.9009 -> 0.9189 / 0.9049, tthc-dev
     * 0.8961 -> 0.9000; idf^0.75 and idf^1.5 within 0.002 of it.
     * A passage opening a clause with what the question names next to
     * "là" (defines.h), MRR@10 all (fit / held out), zalo-dev, no
     * diacritics, alqac: off 0.8076 (0.7898/0.8253) 0.8031 (0.7883/0.8160)
     * 0.9120 (0.9189/0.9055); 1.1 0.8119 0.8032 0.9166; 1.15 (kept) 0.8135
     * (0.8014/0.8256) 0.8063 (0.7923/0.8185) 0.9176 (0.9237/0.9117);
     * 1.2 0.8129 0.8063 0.9166; 1.25 0.8158 (0.8019/0.8296) 0.8056 0.9166
     * (held out 0.9098); 1.4 0.8154 0.8047 0.9147; tthc-dev 0.9000 at all;
     * R@10 no diacritics 0.925 -> 0.923 at 1.1-1.25. */
    ls_weights w = {.filler = 0.0, .pair = 1.0, .heading = 0.0, .heading_pair = 0.3,
                    .defined = 1.0, .defined_other = 0.05, .folded_in_marked = 0.0,
                    .elite = 24, .cover = 1.0, .heading_cover = 0.3,
                    .heading_precision = 0.3, .cover_idf = 1, .depth = 40,
                    .synonyms = 1, .common = 0.2, .maybe = 0.02, .defines = 1.15, .prior = 1,
                    .bm25_k1 = 0.5, .bm25_b = 0.5};
    return w;
}

ls_rc ls_weights_parse(const char *spec, ls_weights *w, ls_error *err)
{
    static const struct { const char *name; size_t off; } keys[] = {
        {"filler", offsetof(ls_weights, filler)}, {"pair", offsetof(ls_weights, pair)},
        {"heading", offsetof(ls_weights, heading)},
        {"hpair", offsetof(ls_weights, heading_pair)},
        {"defined", offsetof(ls_weights, defined)},
        {"defother", offsetof(ls_weights, defined_other)},
        {"elite", offsetof(ls_weights, elite)},
        {"cover", offsetof(ls_weights, cover)},
        {"hcover", offsetof(ls_weights, heading_cover)},
        {"hprec", offsetof(ls_weights, heading_precision)},
        {"cidf", offsetof(ls_weights, cover_idf)},
        {"depth", offsetof(ls_weights, depth)},
        {"folded", offsetof(ls_weights, folded_in_marked)},
        {"synonyms", offsetof(ls_weights, synonyms)}, {"common", offsetof(ls_weights, common)},
        {"maybe", offsetof(ls_weights, maybe)},
        {"defines", offsetof(ls_weights, defines)},
        {"prior", offsetof(ls_weights, prior)},
        {"k1", offsetof(ls_weights, bm25_k1)},
        {"b", offsetof(ls_weights, bm25_b)},
    };
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *save = NULL, *item = strtok_r(buf, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        char *end = NULL;
        double v = eq ? strtod(eq + 1, &end) : 0;
        if (!eq || !end || *end || v < 0)
            return ls_error_set(err, LS_ERR_ARG, "weights: '%s' is not name=number (>= 0)", item);
        *eq = '\0';
        size_t k = 0;
        while (k < sizeof keys / sizeof keys[0] && strcmp(keys[k].name, item) != 0) k++;
        if (k == sizeof keys / sizeof keys[0]) {
            char names[256] = "";
            for (size_t i = 0, at = 0; i < sizeof keys / sizeof keys[0] && at < sizeof names; i++)
                at += (size_t)snprintf(names + at, sizeof names - at, "%s%s", i ? ", " : "",
                                       keys[i].name);
            return ls_error_set(err, LS_ERR_ARG, "weights: unknown name '%s' (%s)", item, names);
        }
        *(double *)((char *)w + keys[k].off) = v;
    }
    return LS_OK;
}

typedef struct parts {
    xc_query **q;
    double *est;      /* words: the most each part can weigh, estimated */
    size_t n, cap;
    xc_err xe;
    int failed;
    xc_db *db;        /* for term statistics, or NULL */
    double ndocs;
} parts;

static void push(parts *p, xc_query *q)
{
    if (!q) {
        p->failed = 1;
        return;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 32;
        xc_query **grown = realloc(p->q, cap * sizeof *grown);
        double *est = grown ? realloc(p->est, cap * sizeof *est) : NULL;
        if (grown) p->q = grown;
        if (!grown || !est) {
            xc_query_free(q);
            p->failed = 1;
            return;
        }
        p->est = est;
        p->cap = cap;
    }
    p->est[p->n] = 0;
    p->q[p->n++] = q;
}

static void free_parts(parts *p)
{
    for (size_t i = 0; i < p->n; i++) xc_query_free(p->q[i]);
    free(p->q);
    free(p->est);
}

/* The most a part searching prefix+term (or, for a question without
 * marks, its folded twin too) can weigh, up to BM25's constant factors:
 * scale x idf over the whole index (every shard of a set alike). 0 when
 * no document holds it. */
/* How many passages hold prefix+term (or, for a question without marks,
 * its folded twin, whichever more); 0 without statistics. */
static unsigned term_df(const parts *p, const ls_plan *plan, const char *prefix,
                        const char *term, const char *folded_prefix, const char *folded)
{
    if (!p->db) return 0;
    char buf[600];
    unsigned n = 0, nf = 0;
    xc_err xe;
    ls_str_cat3(buf, sizeof buf, prefix, term, NULL);
    if (xc_db_termfreq(p->db, buf, &n, &xe)) n = 0;
    if (!plan->any_marks) {
        ls_str_cat3(buf, sizeof buf, folded_prefix, folded, NULL);
        if (xc_db_termfreq(p->db, buf, &nf, &xe)) nf = 0;
        if (nf > n) n = nf;
    }
    return n;
}

static void estimate(parts *p, const ls_plan *plan, const char *prefix, const char *term,
                     const char *folded_prefix, const char *folded, double scale)
{
    if (!p->db || p->failed || p->n == 0) return;
    unsigned n = term_df(p, plan, prefix, term, folded_prefix, folded);
    p->est[p->n - 1] = n ? scale * log((p->ndocs - n + 0.5) / (n + 0.5) + 1.0) : 0;
}

/* A common word (in more than `common` of the passages) whose pair with a
 * neighbour is asked for already: the pair carries it, and its long
 * posting list costs the first stage more than it adds. */
static int carried_by_pair(const parts *p, const ls_plan *plan, const ls_weights *w, size_t i)
{
    if (w->common <= 0 || w->pair <= 0 || !p->db || p->ndocs <= 0) return 0;
    if (!(i > 0 && ls_plan_is_pair(plan, i - 1)) && !ls_plan_is_pair(plan, i)) return 0;
    const ls_qterm *t = &plan->terms[i];
    unsigned n = term_df(p, plan, ls_body_field.term, t->term, ls_body_field.folded, t->folded);
    return n > w->common * p->ndocs;
}

static xc_query *prefixed(const char *prefix, const char *term, xc_err *xe)
{
    char buf[512];
    ls_str_cat3(buf, sizeof buf, prefix, term, NULL);
    return xc_query_term(buf, 1, 0, xe);
}

/* exact term, or {term, folded twin} as one synonym when the question was
 * typed without diacritics (so "thu" meets thủ, thu, thú ...) */
static xc_query *term_or_twin(const ls_plan *plan, const char *exact_prefix,
                              const char *folded_prefix, const char *term,
                              const char *folded, xc_err *xe)
{
    xc_query *exact = prefixed(exact_prefix, term, xe);
    if (plan->any_marks || !exact) return exact;
    xc_query *twin = prefixed(folded_prefix, folded, xe);
    xc_query *both[2] = {exact, twin};
    xc_query *syn = twin ? xc_query_combine(XC_OP_SYNONYM, both, 2, 0, xe) : NULL;
    xc_query_free(exact);
    xc_query_free(twin);
    return syn;
}

static xc_query *scaled(xc_query *q, double factor, xc_err *xe)
{
    if (!q || factor == 1.0) return q;
    xc_query *s = xc_query_scale(q, factor, xe);
    xc_query_free(q);
    return s;
}

static void add_term(parts *p, const ls_plan *plan, const ls_field_prefixes *f,
                     const ls_qterm *t, double weight)
{
    if (weight <= 0 || !(f->indexed & LS_INDEXED_TERM)) return;
    push(p, scaled(term_or_twin(plan, f->term, f->folded, t->term, t->folded, &p->xe), weight,
                   &p->xe));
    estimate(p, plan, f->term, t->term, f->folded, t->folded, weight);
}

/* exact pair, or, for a question without diacritics or a field that
 * indexes no exact pairs (schema.h), its folded form: the indexer writes
 * that for every pair (termgen.h), one posting list */
static void add_pair(parts *p, const ls_plan *plan, const ls_field_prefixes *f,
                     const ls_qterm *a, const ls_qterm *b, double weight)
{
    if (weight <= 0) return;
    char exact[512], folded[512];
    ls_str_cat3(exact, sizeof exact, a->term, "_", b->term);
    ls_str_cat3(folded, sizeof folded, a->folded, "_", b->folded);
    if (!(f->indexed & LS_INDEXED_PAIR)) {
        push(p, scaled(prefixed(f->folded_pair, folded, &p->xe), weight, &p->xe));
        estimate(p, plan, f->folded_pair, folded, f->folded_pair, folded, weight);
        return;
    }
    push(p, scaled(plan->any_marks ? prefixed(f->pair, exact, &p->xe)
                                   : prefixed(f->folded_pair, folded, &p->xe),
                   weight, &p->xe));
    estimate(p, plan, f->pair, exact, f->folded_pair, folded, weight);
}

/* Keep the `keep` words that can weigh most (stable on ties), free the
 * rest: Xapian's ELITE_SET, but chosen on whole-index statistics, so a
 * shard set ranks exactly like one index of the same documents. */
static void keep_elite(parts *words, size_t keep)
{
    while (words->n > keep) {
        size_t worst = 0;
        for (size_t i = 1; i < words->n; i++)
            if (words->est[i] <= words->est[worst]) worst = i;
        xc_query_free(words->q[worst]);
        memmove(words->q + worst, words->q + worst + 1, (words->n - worst - 1) * sizeof *words->q);
        memmove(words->est + worst, words->est + worst + 1,
                (words->n - worst - 1) * sizeof *words->est);
        words->n--;
    }
}

ls_rc ls_query_rank(const ls_plan *plan, const ls_weights *w, xc_db *db, xc_query **out,
                    ls_error *err)
{
    *out = NULL;
    parts p = {0}, words = {0}; /* words: body terms and pairs, for the elite */
    unsigned ndocs = 0;
    xc_err xe;
    if (db && !xc_db_doccount(db, &ndocs, &xe)) {
        words.db = db;
        words.ndocs = ndocs;
    }
    double defined = plan->asks_definition ? w->defined : w->defined_other;
    /* a question made only of question words still asks for them */
    int only_fillers = 1;
    for (size_t i = 0; i < plan->nterms; i++)
        if (!plan->terms[i].filler) only_fillers = 0;
    /* the common words and pairs, and the heading and definition parts:
     * AND_MAYBE's right side (they only add) when w->maybe > 0 */
    parts extra = {0};
    parts *adds = w->maybe > 0 ? &extra : &p;
    for (size_t i = 0; i < plan->nterms && !p.failed && !extra.failed; i++) {
        const ls_qterm *t = &plan->terms[i];
        double weight = t->filler && !only_fillers ? w->filler : 1.0;
        double x = t->expansion ? w->synonyms : 1.0; /* a synonym's words weigh less */
        weight *= x;
        if (weight <= 0) continue; /* a filler left out of the query altogether */
        if (!carried_by_pair(&words, plan, w, i))
            add_term(w->elite > 0 ? &words : &p, plan, &ls_body_field, t, weight);
        if (plan->any_marks && w->folded_in_marked > 0 && t->has_marks)
            push(&p, scaled(prefixed(LS_PREFIX_FOLDED, t->folded, &p.xe),
                            w->folded_in_marked * weight, &p.xe));
        if (t->filler) continue;
        add_term(adds, plan, &ls_heading_field, t, w->heading * x);
        add_term(adds, plan, &ls_definition_field, t, defined * x);
        if (ls_plan_is_pair(plan, i)) {
            const ls_qterm *next = &plan->terms[i + 1];
            add_pair(w->elite > 0 ? &words : &p, plan, &ls_body_field, t, next, w->pair * x);
            add_pair(adds, plan, &ls_heading_field, t, next, w->heading_pair * x);
            add_pair(adds, plan, &ls_definition_field, t, next, defined * x);
        }
    }
    if (words.failed && !p.failed) {
        p.failed = 1;
        p.xe = words.xe;
    }
    if (words.n && !p.failed && words.db) {
        keep_elite(&words, (size_t)w->elite);
        double m = w->maybe * words.ndocs; /* the weight of a part held by m passages */
        double low = w->maybe > 0 ? log((words.ndocs - m + 0.5) / (m + 0.5) + 1.0) : 0;
        size_t rare = 0;
        for (size_t i = 0; i < words.n; i++) rare += words.est[i] >= low;
        if (!rare) low = 0; /* no rarer body word or pair: every part ORed */
        for (size_t i = 0; i < words.n; i++) push(words.est[i] < low ? &extra : &p, words.q[i]);
        words.n = 0;
    } else if (words.n && !p.failed) {
        push(&p, xc_query_combine(XC_OP_ELITE_SET, words.q, words.n, (unsigned)w->elite, &p.xe));
    }
    free_parts(&words);
    if (extra.failed && !p.failed) {
        p.failed = 1;
        p.xe = extra.xe;
    }
    if (p.failed) {
        free_parts(&extra);
        free_parts(&p);
        return ls_error_set(err, LS_ERR_INDEX, "building the query: %s", p.xe.msg);
    }
    if (!p.n && extra.n) { /* nothing for the right side to add to: all of it ORed */
        parts swap = p;
        p = extra;
        extra = swap;
    }
    if (p.n) *out = xc_query_combine(XC_OP_OR, p.q, p.n, 0, &p.xe);
    if (*out && extra.n) {
        xc_query *more = xc_query_combine(XC_OP_OR, extra.q, extra.n, 0, &p.xe);
        xc_query *both[2] = {*out, more};
        xc_query *q = more ? xc_query_combine(XC_OP_AND_MAYBE, both, 2, 0, &p.xe) : NULL;
        xc_query_free(more);
        xc_query_free(*out);
        *out = q;
    }
    free_parts(&extra);
    free_parts(&p);
    if (p.n && !*out) return ls_error_set(err, LS_ERR_INDEX, "building the query: %s", p.xe.msg);
    return LS_OK;
}
