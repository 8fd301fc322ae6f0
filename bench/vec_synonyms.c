/* vec_synonyms.c — write a word-vector neighbour table into a COPY of an
 * index's synonym store, to measure the word-vector lever through the
 * engine's own expansion (bench/word-vectors.md). Never point it at an
 * index someone else reads: it writes.
 *
 * usage: vec_synonyms DB TABLE.tsv
 *   TABLE.tsv: "key<TAB>expansion" lines (bench/word-vectors-expand table);
 *   each is added with ls_synonym_add (key normalised and folded), beside
 *   what the key holds already.
 * Build: as bench/vec_dump.c.
 */
#include <stdio.h>
#include <string.h>
#include "../indexer/synonyms.h"
#include "../text/analyser.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: vec_synonyms DB TABLE.tsv\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    xc_wdb *wdb = NULL;
    xc_err xe = {0};
    if (xc_wdb_open(argv[1], XC_WDB_OPEN, &wdb, &xe)) {
        fprintf(stderr, "vec_synonyms: %s: %s\n", argv[1], xe.msg);
        fclose(f);
        return 1;
    }
    char line[4096];
    size_t added = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        ls_error err = {0};
        if (ls_synonym_add(wdb, line, (size_t)(tab - line), tab + 1, strlen(tab + 1), &err)) {
            fprintf(stderr, "vec_synonyms: %s: %s\n", line, err.msg);
            rc = 1;
            break;
        }
        added++;
    }
    fclose(f);
    if (!rc && xc_wdb_commit(wdb, &xe)) {
        fprintf(stderr, "vec_synonyms: commit: %s\n", xe.msg);
        rc = 1;
    }
    xc_wdb_close(wdb);
    ls_analyser_shutdown();
    fprintf(stderr, "vec_synonyms: %zu entries added\n", added);
    return rc;
}
