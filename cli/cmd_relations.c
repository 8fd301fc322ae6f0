/* cmd_relations.c — `luat-search relations ID`: the relations of one
 * document in both directions, with the acting article and the date each
 * takes effect (review/doc_relations.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../review/doc_relations.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search relations --db DIR [--as-of YYYY-MM-DD] [--json] ID\n"
    "\n"
    "The relations of document ID (its number, e.g. 123/2015/NĐ-CP) in both\n"
    "directions: the texts it rests on (căn cứ, from its preamble), guides,\n"
    "amends, replaces, repeals, suspends or corrects, and the texts that do so\n"
    "to it, each with the acting article, the provision acted on and the date\n"
    "it takes effect (the acting text's effective date). Relations that take\n"
    "effect after --as-of are marked \"(from DATE)\". The status line is the\n"
    "document's status as of that date, as `review` gives it.\n"
    "\n"
    "options:\n"
    "  --db DIR         the index directory (required)\n"
    "  --as-of DATE     status and relations as of DATE (YYYY-MM-DD; default today)\n"
    "  --json           print one JSON object (the shape of GET\n"
    "                   /v1/documents/{id}/relations)\n"
    "  -h, --help       this help\n"
    "\n"
    "Exit status: 0 ok, 1 failure (no such document, no index), 2 usage.\n";

static void print_rel(const ls_doc_relation *d)
{
    printf("  %s %s", ls_relation_label(d->kind, d->incoming),
           d->other_citation ? d->other_citation : "?");
    if (!d->other_id) fputs(" [not in the index]", stdout);
    if (d->article) {
        ls_buf b = LS_BUF_INIT;
        ls_cite_write_provision(&b, d->point, d->clause, d->article);
        printf(" — %s%s", b.data ? b.data : "", d->incoming ? " of this text" : "");
        ls_buf_free(&b);
    }
    if (d->acting_article) printf("; by its Điều %s", d->acting_article);
    if (d->effective) printf(d->in_effect ? "; since %s" : " (from %s)", d->effective);
    putchar('\n');
}

int cmd_relations(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"as-of", required_argument, 0, 'a'},
        {"json", no_argument, 0, 'j'},     {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *db = NULL, *as_of = NULL;
    int json = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'a': as_of = optarg; break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("relations", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("relations", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("relations", "--db DIR is required");
    if (optind + 1 != argc) return cli_usage_error("relations", "give one document ID");
    ls_error err = {0};
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, &err)) return cli_fail("relations", &err);
    ls_doc_relations *r = NULL;
    ls_rc rc = ls_doc_relations_get(s, argv[optind], as_of, &r, &err);
    if (rc) {
        ls_searcher_close(s);
        return rc == LS_ERR_ARG ? cli_usage_error("relations", "%s", err.msg)
                                : cli_fail("relations", &err);
    }
    if (json) {
        ls_buf out = LS_BUF_INIT;
        if ((rc = ls_doc_relations_json(r, &out, &err)) == LS_OK) printf("%s\n", out.data);
        ls_buf_free(&out);
    } else {
        printf("%s%s%s\n", r->number ? r->number : r->id, r->title ? " — " : "",
               r->title ? r->title : "");
        printf("status as of %s: %s", r->as_of, ls_force_name(r->force));
        if (r->force_by) printf(" by %s", r->force_by);
        if (r->force_note) printf(" (%s)", r->force_note);
        putchar('\n');
        for (int in = 0; in <= 1; in++) {
            size_t k = 0;
            for (size_t i = 0; i < r->n; i++) k += r->v[i].incoming == in;
            printf("\n%s (%zu):\n", in ? "other texts acting on it" : "what it rests on and acts on", k);
            for (size_t i = 0; i < r->n; i++)
                if (r->v[i].incoming == in) print_rel(&r->v[i]);
        }
        if (r->truncated)
            printf("\n(only the first %d articles citing it were read)\n", LS_RELATIONS_SCAN);
    }
    ls_doc_relations_free(r);
    ls_searcher_close(s);
    return rc ? cli_fail("relations", &err) : CLI_OK;
}
