/* vec_dump.c — the indexed text as the engine analyses it, one article a
 * line, for training word vectors offline (bench/word-vectors.md).
 *
 * usage: vec_dump [-p] [-f] [-i] PATH...
 *   reads every document under PATH (any format the indexer reads), and
 *   prints each article's heading and body through ls_tokenize
 *   (LS_TOKENIZE_DOCUMENT): its word terms separated by spaces. A non-word
 *   token (number, document number, date, "điều 5") breaks the run of words
 *   and is left out, as the indexer's pairs break there.
 *   -p  print the engine's adjacent pairs instead ("thủ_tục tục_hành ..."),
 *       the way indexer/termgen.c forms them
 *   -f  accent-folded terms (the twin a question without diacritics meets)
 *   -i  begin each line with the document id and article number, tab-separated
 * Build: cc -std=c11 -D_GNU_SOURCE -O2 bench/vec_dump.c build/libluat.a \
 *        $(pkg-config --cflags --libs xapian-core icu-uc icu-i18n libpcre2-8 \
 *        libmicrohttpd jansson) -lstdc++ -lpthread -lm
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "../corpus/reader.h"
#include "../text/analyser.h"

#define WORD_MAX 128

typedef struct dump {
    int pairs, folded, ids;
    char prev[WORD_MAX];   /* previous word of the run, "" at a break */
    int any;               /* something printed on this line */
} dump;

static void emit(dump *d, const char *s)
{
    if (d->any) fputc(' ', stdout);
    fputs(s, stdout);
    d->any = 1;
}

static int on_token(void *ctx, const ls_token *tok)
{
    dump *d = ctx;
    const char *t = d->folded && tok->folded ? tok->folded : tok->term;
    size_t n = d->folded && tok->folded ? tok->folded_len : tok->term_len;
    if (tok->kind != LS_TOKEN_WORD || n >= WORD_MAX) {
        d->prev[0] = '\0';
        return 0;
    }
    char word[WORD_MAX];
    memcpy(word, t, n);
    word[n] = '\0';
    if (!d->pairs) {
        emit(d, word);
    } else if (d->prev[0]) {
        char pair[2 * WORD_MAX + 1];
        snprintf(pair, sizeof pair, "%s_%s", d->prev, word);
        emit(d, pair);
    }
    memcpy(d->prev, word, n + 1);
    return 0;
}

static void dump_text(dump *d, const char *text, size_t len)
{
    ls_error err = {0};
    d->prev[0] = '\0';
    if (text && len && ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, on_token, d, &err))
        fprintf(stderr, "vec_dump: %s\n", err.msg);
}

static int on_document(void *ctx, const ls_document *doc)
{
    dump *d = ctx;
    for (size_t i = 0; i < doc->narticles; i++) {
        const ls_article *a = &doc->articles[i];
        d->any = 0;
        if (d->ids) printf("%s\t%s\t", doc->id, a->number ? a->number : "");
        if (a->heading) dump_text(d, a->heading, strlen(a->heading));
        dump_text(d, a->text, a->text_len);
        if (d->any || d->ids) fputc('\n', stdout);
    }
    return 0;
}

int main(int argc, char **argv)
{
    dump d = {0};
    int c;
    while ((c = getopt(argc, argv, "pfi")) != -1) {
        if (c == 'p') d.pairs = 1;
        else if (c == 'f') d.folded = 1;
        else if (c == 'i') d.ids = 1;
        else {
            fprintf(stderr, "usage: vec_dump [-p] [-f] [-i] PATH...\n");
            return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "usage: vec_dump [-p] [-f] [-i] PATH...\n");
        return 2;
    }
    ls_reader_sink sink = {.on_document = on_document, .ctx = &d};
    int rc = 0;
    for (int i = optind; i < argc; i++) {
        ls_error err = {0};
        if (ls_corpus_read_path(argv[i], LS_FORMAT_AUTO, &sink, &err)) {
            fprintf(stderr, "vec_dump: %s: %s\n", argv[i], err.msg);
            rc = 1;
        }
    }
    ls_analyser_shutdown();
    return rc;
}
