/* cmd_eval.c — `luat-search eval`: relevance of the engine on a questions
 * file in the format of shared/eval (one JSON object a line with
 * "question" and "relevant": [{"doc", "article"}]): R@1, R@10, MRR@10,
 * nDCG@10, and query latency. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/ls_json.h"
#include "../query/search.h"
#include "../text/analyser.h"
#include "../corpus/procedure.h"
#include "cli.h"
#include "eval_report.h"

static const char help[] =
    "usage: luat-search eval --db DIR [OPTIONS] QUESTIONS.jsonl\n"
    "\n"
    "Ask every question of the file and score the ranking against its relevant\n"
    "articles: a hit is right when its document (number or law id, compared\n"
    "after NFC and case folding) and article number equal one relevant pair.\n"
    "Prints R@1, R@10, MRR@10, nDCG@10, latency percentiles and mean, and how well the\n"
    "confidence tells right first hits from wrong ones: AUC (first hit right vs\n"
    "wrong or no answer in the index), ECE (10 bins, on the questions whose\n"
    "answer the index holds) and the mean confidence of the questions whose\n"
    "answer it does not hold (\"-\" when there are none: an index with\n"
    "documents removed, see bench/confidence.md).\n"
    "\n"
    "options:\n"
    "  --db DIR       the index directory (required)\n"
    "  --json         print the figures as one JSON object\n"
    "  --misses       list the questions whose answer is not in the top 10\n"
    "  --report FILE  write a per-question HTML page to FILE: each question, the\n"
    "                 rank of its right answer (or a miss), the first hit\n"
    "  --per-document N  at most N results of one document (default: no limit)\n"
    "  --features F   write each question's confidence, its features and whether\n"
    "                 the first hit is right to F (JSON lines; for bench/fit-confidence)\n"
    "  --weights W    ranking weights to try, name=value,... (filler, pair, heading,\n"
    "                 hpair, defined, defother, elite, cover, hcover, hprec, cidf, depth,\n"
    "                 folded, synonyms, common, maybe, defines, prior, k1, b; see\n"
    "                 query/build.h; bench/ablation turns each lever off in turn)\n"
    "  --remote H:P,...  search these remote shards as well (as search --remote)\n"
    "  -h, --help     this help\n";

typedef struct judged {
    double confidence;
    int right;        /* the first hit is relevant */
    int answerable;   /* the index holds a relevant article */
} judged;

typedef struct eval_totals {
    unsigned n, at1, at10;
    double mrr, ndcg;
    double *latency_ms;
    size_t nlat, caplat;
    judged *judged;
    size_t njudged, capjudged;
    FILE *features;
} eval_totals;

static char *norm(const char *s)
{
    char *out = NULL, *folded = NULL;
    if (!s || ls_normalize_term(s, strlen(s), &out, &folded, NULL) != LS_OK) return NULL;
    free(folded);
    return out;
}

/* the digits of an article number: "7", "Điều 7" -> "7"; "5a" -> "5a" */
static const char *article_digits(const char *a)
{
    while (*a && (*a < '0' || *a > '9')) a++;
    return a;
}

/* {"procedure": CODE} entries: a procedure's hit is right by its code */
static int wants_procedures(json_t *relevant)
{
    return json_is_string(json_object_get(json_array_get(relevant, 0), "procedure"));
}

static int is_relevant(json_t *relevant, const ls_passage *p)
{
    if (!p->doc_id || !p->article) return 0;
    if (wants_procedures(relevant)) {
        size_t i, n = strlen(LS_PROCEDURE_ID_PREFIX);
        json_t *one;
        if (!p->procedure || strncmp(p->doc_id, LS_PROCEDURE_ID_PREFIX, n) != 0) return 0;
        json_array_foreach(relevant, i, one) {
            const char *code = json_string_value(json_object_get(one, "procedure"));
            if (code && strcmp(code, p->doc_id + n) == 0) return 1;
        }
        return 0;
    }
    char *hit_doc = norm(p->doc_id);
    int yes = 0;
    size_t i;
    json_t *pair;
    json_array_foreach(relevant, i, pair) {
        char *doc = norm(json_string_value(json_object_get(pair, "doc")));
        const char *art = json_string_value(json_object_get(pair, "article"));
        if (doc && hit_doc && art && strcmp(doc, hit_doc) == 0 &&
            strcmp(article_digits(art), article_digits(p->article)) == 0)
            yes = 1;
        free(doc);
        if (yes) break;
    }
    free(hit_doc);
    return yes;
}

/* 1 when the index holds one of the relevant articles (or procedures) */
static int answerable(ls_searcher *s, json_t *relevant)
{
    size_t i;
    json_t *pair;
    json_array_foreach(relevant, i, pair) {
        const char *doc = json_string_value(json_object_get(pair, "doc"));
        const char *art = json_string_value(json_object_get(pair, "article"));
        const char *code = json_string_value(json_object_get(pair, "procedure"));
        ls_passage *p = NULL;
        ls_error err = {0};
        if (doc && art && ls_searcher_get_passage(s, doc, article_digits(art), &p, &err) == LS_OK) {
            ls_passage_free(p);
            return 1;
        }
        char id[128], *record = NULL;
        snprintf(id, sizeof id, "%s%s", LS_PROCEDURE_ID_PREFIX, code ? code : "");
        if (code && ls_searcher_get_document(s, id, &record, &err) == LS_OK) {
            free(record);
            return 1;
        }
    }
    return 0;
}

static int record_judged(eval_totals *t, const ls_results *r, json_t *relevant, int can)
{
    if (t->njudged == t->capjudged) {
        size_t cap = t->capjudged ? t->capjudged * 2 : 256;
        judged *grown = realloc(t->judged, cap * sizeof *grown);
        if (!grown) return -1;
        t->judged = grown;
        t->capjudged = cap;
    }
    judged *j = &t->judged[t->njudged++];
    j->confidence = r->confidence;
    j->right = r->nhits && is_relevant(relevant, r->hits[0].passage);
    j->answerable = can;
    return 0;
}

static void write_features(FILE *f, const char *id, const ls_results *r, const judged *j)
{
    json_t *o = json_pack("{s:s, s:b, s:b, s:f, s:b, s:i}", "id", id ? id : "", "right",
                          j->right, "answerable", j->answerable, "confidence", r->confidence,
                          "missing", r->features.missing, "nhits", r->features.nhits);
    json_t *x = json_object();
    for (size_t i = 0; i < LS_CF_N; i++)
        json_object_set_new(x, ls_confidence_feature_names[i], json_real(r->features.x[i]));
    json_object_set_new(o, "features", x);
    char *line = ls_json_text(o);   /* reals exact: read again by calibration */
    if (line) fprintf(f, "%s\n", line);
    free(line);
}

/* Area under the ROC curve of confidence: first hit right (positive) vs
 * wrong or unanswerable; ties count half. -1 without both classes. */
static double auc(const eval_totals *t)
{
    double pairs = 0, won = 0;
    for (size_t i = 0; i < t->njudged; i++) {
        if (!t->judged[i].right) continue;
        for (size_t k = 0; k < t->njudged; k++) {
            if (t->judged[k].right) continue;
            pairs++;
            double a = t->judged[i].confidence, b = t->judged[k].confidence;
            won += a > b ? 1 : a == b ? 0.5 : 0;
        }
    }
    return pairs ? won / pairs : -1;
}

/* Expected calibration error over 10 equal-width bins, on the answerable
 * questions: sum over bins of |mean confidence - share right| x share of
 * questions. -1 when none is answerable. */
static double ece(const eval_totals *t)
{
    double conf[10] = {0}, right[10] = {0}, count[10] = {0}, n = 0;
    for (size_t i = 0; i < t->njudged; i++) {
        const judged *j = &t->judged[i];
        if (!j->answerable) continue;
        int b = (int)(j->confidence * 10);
        if (b > 9) b = 9;
        if (b < 0) b = 0;
        conf[b] += j->confidence;
        right[b] += j->right;
        count[b]++;
        n++;
    }
    if (!n) return -1;
    double e = 0;
    for (int b = 0; b < 10; b++)
        if (count[b]) e += fabs(conf[b] / count[b] - right[b] / count[b]) * count[b] / n;
    return e;
}

/* mean confidence of the questions the index cannot answer, -1 if none */
static double unanswerable_mean(const eval_totals *t)
{
    double sum = 0, n = 0;
    for (size_t i = 0; i < t->njudged; i++)
        if (!t->judged[i].answerable) {
            sum += t->judged[i].confidence;
            n++;
        }
    return n ? sum / n : -1;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double percentile(const eval_totals *t, double p)
{
    if (!t->nlat) return 0;
    size_t i = (size_t)(p * (double)(t->nlat - 1) + 0.5);
    return t->latency_ms[i];
}

static double mean_ms(const eval_totals *t)
{
    double sum = 0;
    for (size_t i = 0; i < t->nlat; i++) sum += t->latency_ms[i];
    return t->nlat ? sum / (double)t->nlat : 0;
}

/* Returns the rank of the first right hit in the top 10, 0 when none. */
static unsigned score_one(eval_totals *t, json_t *relevant, const ls_results *r, int show_miss,
                      const char *q)
{
    unsigned first = 0;
    double dcg = 0;
    size_t seen = 0;
    for (size_t i = 0; i < r->nhits && i < 10; i++) {
        if (!is_relevant(relevant, r->hits[i].passage)) continue;
        if (!first) first = (unsigned)i + 1;
        dcg += 1.0 / log2((double)i + 2.0);
        seen++;
    }
    double idcg = 0;
    size_t nrel = json_array_size(relevant);
    for (size_t i = 0; i < nrel && i < 10; i++) idcg += 1.0 / log2((double)i + 2.0);
    t->n++;
    if (first == 1) t->at1++;
    if (first) {
        t->at10++;
        t->mrr += 1.0 / first;
    }
    if (idcg > 0) t->ndcg += dcg / idcg;
    if (!first && show_miss) {
        json_t *p0 = json_array_get(relevant, 0);
        if (wants_procedures(relevant))
            printf("MISS  %s\n      want procedure %s; got %s\n", q,
                   json_string_value(json_object_get(p0, "procedure")),
                   r->nhits ? r->hits[0].citation : "nothing");
        else
            printf("MISS  %s\n      want Điều %s %s; got %s\n", q,
                   json_string_value(json_object_get(p0, "article")),
                   json_string_value(json_object_get(p0, "doc")),
                   r->nhits ? r->hits[0].citation : "nothing");
    }
    (void)seen;
    return first;
}

static int record_latency(eval_totals *t, double ms)
{
    if (t->nlat == t->caplat) {
        size_t cap = t->caplat ? t->caplat * 2 : 256;
        double *grown = realloc(t->latency_ms, cap * sizeof *grown);
        if (!grown) return -1;
        t->latency_ms = grown;
        t->caplat = cap;
    }
    t->latency_ms[t->nlat++] = ms;
    return 0;
}

static int run_file(ls_searcher *s, const char *path, unsigned per_document, int show_miss,
                    eval_report *rep, eval_totals *t)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "luat-search eval: cannot open %s\n", path);
        return CLI_FAIL;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int status = CLI_OK;
    while (getline(&line, &cap, f) != -1) {
        lineno++;
        json_error_t jerr;
        json_t *o = json_loads(line, 0, &jerr);
        const char *q = json_string_value(json_object_get(o, "question"));
        json_t *relevant = json_object_get(o, "relevant");
        if (!q || !json_is_array(relevant)) {
            fprintf(stderr, "%s:%zu: not a question record (%s)\n", path, lineno,
                    o ? "needs \"question\" and \"relevant\"" : jerr.text);
            json_decref(o);
            status = CLI_FAIL;
            continue;
        }
        ls_search_request req = {.query = q, .limit = 10, .per_document = per_document,
                                 .kind = wants_procedures(relevant) ? LS_KIND_PROCEDURE
                                                                    : LS_KIND_DEFAULT};
        ls_results *r = NULL;
        ls_error err = {0};
        double t0 = now_ms();
        ls_rc rc = ls_search(s, &req, &r, &err);
        double ms = now_ms() - t0;
        ls_results empty = {0};
        if (rc) fprintf(stderr, "%s:%zu: %s\n", path, lineno, err.msg);
        else record_latency(t, ms);
        unsigned rank = score_one(t, relevant, rc ? &empty : r, show_miss, q);
        if (!rc && record_judged(t, r, relevant, answerable(s, relevant)) == 0 && t->features)
            write_features(t->features, json_string_value(json_object_get(o, "id")), r,
                           &t->judged[t->njudged - 1]);
        if (rep)
            eval_report_add(rep, json_string_value(json_object_get(o, "id")), q, relevant, rank,
                            rc ? &empty : r, ms);
        ls_results_free(r);
        json_decref(o);
    }
    free(line);
    fclose(f);
    return status;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"misses", no_argument, 0, 'm'},   {"per-document", required_argument, 0, 'p'},
        {"weights", required_argument, 0, 'w'}, {"remote", required_argument, 0, 'R'},
        {"features", required_argument, 0, 'F'}, {"report", required_argument, 0, 'r'},
        {"help", no_argument, 0, 'h'},     {0, 0, 0, 0}};
    const char *db = NULL, *weights = NULL, *remotes = NULL, *features = NULL, *report = NULL;
    int json = 0, misses = 0, c;
    unsigned per_document = 0;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'm': misses = 1; break;
        case 'p':
            if (cli_parse_uint(optarg, 1, 1000, &per_document))
                return cli_usage_error("eval", "--per-document wants a number from 1 to 1000");
            break;
        case 'w': weights = optarg; break;
        case 'R': remotes = optarg; break;
        case 'F': features = optarg; break;
        case 'r': report = optarg; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("eval", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("eval", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("eval", "--db DIR is required");
    if (optind != argc - 1) return cli_usage_error("eval", "give exactly one QUESTIONS.jsonl");
    ls_error err = {0};
    ls_searcher *s = NULL;
    if (ls_searcher_open_remote(db, remotes, 0, &s, &err)) return cli_fail("eval", &err);
    if (weights && ls_searcher_set_weights(s, weights, &err)) {
        ls_searcher_close(s);
        return cli_usage_error("eval", "%s", err.msg);
    }
    eval_totals t = {0};
    if (features && !(t.features = fopen(features, "w"))) {
        ls_searcher_close(s);
        fprintf(stderr, "luat-search eval: cannot write %s\n", features);
        return CLI_FAIL;
    }
    eval_report *rep = report ? eval_report_new(report, argv[optind]) : NULL;
    if (report && !rep) {
        ls_searcher_close(s);
        if (t.features) fclose(t.features);
        return cli_fail("eval", &(ls_error){.rc = LS_ERR_NOMEM});
    }
    int status = run_file(s, argv[optind], per_document, misses, rep, &t);
    ls_searcher_close(s);
    if (t.features && fclose(t.features) != 0) {
        fprintf(stderr, "luat-search eval: writing %s failed\n", features);
        status = CLI_FAIL;
    }
    double a = auc(&t), e = ece(&t), u = unanswerable_mean(&t);
    char fa[16] = "-", fe[16] = "-", fu[16] = "-";
    if (a >= 0) snprintf(fa, sizeof fa, "%.3f", a);
    if (e >= 0) snprintf(fe, sizeof fe, "%.3f", e);
    if (u >= 0) snprintf(fu, sizeof fu, "%.3f", u);
    qsort(t.latency_ms, t.nlat, sizeof *t.latency_ms, cmp_double);
    double n = t.n ? (double)t.n : 1.0;
    if (json) {
        ls_buf line = LS_BUF_INIT;
        json_t *o = json_pack(
            "{s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "file",
            ls_json_str_or_null(argv[optind]), "questions", (json_int_t)t.n, "r_at_1",
            ls_json_fixed(t.at1 / n, 4), "r_at_10", ls_json_fixed(t.at10 / n, 4), "mrr_at_10",
            ls_json_fixed(t.mrr / n, 4), "ndcg_at_10", ls_json_fixed(t.ndcg / n, 4), "p50_ms",
            ls_json_fixed(percentile(&t, 0.5), 3), "p95_ms", ls_json_fixed(percentile(&t, 0.95), 3),
            "p99_ms", ls_json_fixed(percentile(&t, 0.99), 3), "confidence_auc",
            a >= 0 ? ls_json_fixed(a, 3) : json_null(), "confidence_ece",
            e >= 0 ? ls_json_fixed(e, 3) : json_null(), "unanswerable_confidence",
            u >= 0 ? ls_json_fixed(u, 3) : json_null(), "mean_ms", ls_json_fixed(mean_ms(&t), 3));
        if (ls_json_put(&line, o) == LS_OK) printf("%s\n", line.data);
        else status = CLI_FAIL;
        ls_buf_free(&line);
    } else {
        printf("%-40s %5s %6s %6s %7s %8s %8s %8s %6s %6s %7s %8s\n", "file", "n", "R@1", "R@10",
               "MRR@10", "nDCG@10", "p50 ms", "p99 ms", "AUC", "ECE", "conf∅", "mean ms");
        const char *base = strrchr(argv[optind], '/');
        printf("%-40s %5u %6.3f %6.3f %7.3f %8.3f %8.2f %8.2f %6s %6s %7s %8.2f\n",
               base ? base + 1 : argv[optind], t.n, t.at1 / n, t.at10 / n, t.mrr / n, t.ndcg / n,
               percentile(&t, 0.5), percentile(&t, 0.99), fa, fe, fu, mean_ms(&t));
    }
    if (rep && eval_report_close(rep, t.n, t.at1 / n, t.at10 / n, t.mrr / n, t.ndcg / n,
                                 percentile(&t, 0.5), percentile(&t, 0.99)))
        status = CLI_FAIL;
    free(t.latency_ms);
    free(t.judged);
    return status;
}
