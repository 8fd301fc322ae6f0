/* stock_questions.c — ask stock Xapian (xc_stock_search: QueryParser, top 10)
 * every question of a dev file, nothing else: the peer's side of an
 * instruction-count comparison under callgrind, beside `luat-search eval`
 * on the same questions. The index is the one bench_peers builds
 * (build/bench/xapian-stock).
 *
 *   valgrind --tool=callgrind bench/stock_questions INDEX QUESTIONS.jsonl
 *
 * Built by hand: cc -O2 -I. bench/stock_questions.c build/libluat.a
 *   $(pkg-config --cflags --libs xapian-core icu-uc icu-i18n libpcre2-8 jansson) -lstdc++ -lm */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "../xapian/xc.h"

static int ignore(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    (void)data;
    (void)len;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: stock_questions INDEX QUESTIONS.jsonl\n");
        return 2;
    }
    xc_db *db = NULL;
    xc_err e;
    if (xc_db_open(argv[1], &db, &e)) {
        fprintf(stderr, "stock_questions: %s: %s\n", argv[1], e.msg);
        return 1;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        fprintf(stderr, "stock_questions: cannot open %s\n", argv[2]);
        xc_db_close(db);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    unsigned n = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        const char *q = json_string_value(json_object_get(o, "question"));
        if (q && xc_stock_search(db, q, 10, ignore, NULL, &e) == XC_OK) n++;
        json_decref(o);
    }
    printf("%u questions asked\n", n);
    free(line);
    fclose(f);
    xc_db_close(db);
    return 0;
}
