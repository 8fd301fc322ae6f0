/* bench_analyser.c — throughput of the shared analyser on real Vietnamese
 * legal text: the "text" fields of every ALQAC JSON file given on the
 * command line (default: every .json file in $LS_SHARED/corpus/alqac, with
 * LS_SHARED defaulting to ../shared), concatenated, tokenized ROUNDS times (default 5) in one
 * thread. Prints MB/s, tokens and the share of tokens of each kind.
 *
 *   bench_analyser [-r ROUNDS] [file.json ...]
 *
 * A standalone main linked with libluat (or the text/ and common/ objects). */
#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/ls_buf.h"
#include "../text/analyser.h"

typedef struct counts {
    size_t tokens, twins, kinds[LS_TOKEN_POINT + 1];
    size_t term_bytes;
} counts;

static int on_token(void *ctx, const ls_token *t)
{
    counts *c = ctx;
    c->tokens++;
    c->twins += t->folded != NULL;
    c->kinds[t->kind]++;
    c->term_bytes += t->term_len;
    return 0;
}

/* Append every "text" string under j to b, each followed by a newline. */
static void collect_text(json_t *j, ls_buf *b)
{
    if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) collect_text(v, b);
    } else if (json_is_object(j)) {
        const char *k;
        json_t *v;
        json_object_foreach(j, k, v) {
            if (json_is_string(v) && strcmp(k, "text") == 0) {
                ls_buf_append(b, json_string_value(v), json_string_length(v));
                ls_buf_putc(b, '\n');
            } else {
                collect_text(v, b);
            }
        }
    }
}

static int load(const char *path, ls_buf *b)
{
    json_error_t jerr;
    json_t *j = json_load_file(path, 0, &jerr);
    if (!j) {
        fprintf(stderr, "bench_analyser: %s:%d: %s\n", path, jerr.line, jerr.text);
        return -1;
    }
    collect_text(j, b);
    json_decref(j);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int rounds = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
        if (rounds < 1) rounds = 1;
    }
    ls_buf text = LS_BUF_INIT;
    glob_t g = {0};
    if (first < argc) {
        for (int i = first; i < argc; i++)
            if (load(argv[i], &text)) return 1;
    } else {
        const char *shared = getenv("LS_SHARED");
        char pat[4096];
        snprintf(pat, sizeof pat, "%s/corpus/alqac/*.json", shared ? shared : "../shared");
        if (glob(pat, 0, NULL, &g) != 0 || g.gl_pathc == 0) {
            fprintf(stderr, "bench_analyser: no corpus at %s (set LS_SHARED)\n", pat);
            return 1;
        }
        for (size_t i = 0; i < g.gl_pathc; i++)
            if (load(g.gl_pathv[i], &text)) return 1;
        globfree(&g);
    }
    if (!text.len) {
        fprintf(stderr, "bench_analyser: no text found\n");
        return 1;
    }
    counts c = {0};
    ls_error err = {0};
    /* warm-up: builds tables, compiles patterns, clones the break iterator */
    if (ls_tokenize(text.data, text.len, LS_TOKENIZE_DOCUMENT, on_token, &c, &err)) {
        fprintf(stderr, "bench_analyser: %s\n", err.msg);
        return 1;
    }
    memset(&c, 0, sizeof c);
    double best = 1e30, total = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        ls_tokenize(text.data, text.len, LS_TOKENIZE_DOCUMENT, on_token, &c, &err);
        double dt = now() - t0;
        total += dt;
        if (dt < best) best = dt;
    }
    double mb = (double)text.len / 1e6;
    printf("analyser: %.2f MB of text, %d rounds: best %.3f s = %.1f MB/s, mean %.1f MB/s\n", mb,
           rounds, best, mb / best, mb * rounds / total);
    size_t per = c.tokens / (size_t)rounds;
    printf("tokens per round: %zu (twins %zu; words %zu numbers %zu docnums %zu dates %zu "
           "articles %zu clauses %zu points %zu)\n",
           per, c.twins / rounds, c.kinds[LS_TOKEN_WORD] / rounds, c.kinds[LS_TOKEN_NUMBER] / rounds,
           c.kinds[LS_TOKEN_DOCNUM] / rounds, c.kinds[LS_TOKEN_DATE] / rounds,
           c.kinds[LS_TOKEN_ARTICLE] / rounds, c.kinds[LS_TOKEN_CLAUSE] / rounds,
           c.kinds[LS_TOKEN_POINT] / rounds);
    ls_buf_free(&text);
    ls_analyser_shutdown();
    return 0;
}
