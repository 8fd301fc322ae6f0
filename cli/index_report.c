/* index_report.c — progress line, skipped documents and summary of
 * `luat-search index` (index_report.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* asprintf */
#endif
#include "index_report.h"

#include <ftw.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define REDRAW_SECONDS 0.25
#define CLEAR_LINE "\r\x1b[K"

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static unsigned long long tree_bytes;

static int add_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)path, (void)ftw;
    if (type == FTW_F && S_ISREG(st->st_mode)) tree_bytes += (unsigned long long)st->st_size;
    return 0;
}

void index_report_start(index_report *r, int progress, char *const *sources, int nsources)
{
    memset(r, 0, sizeof *r);
    r->progress = progress;
    clock_gettime(CLOCK_MONOTONIC, &r->start);
    r->last = r->start;
    if (!progress) return;   /* the sizes serve the ETA only */
    for (int i = 0; i < nsources; i++) {
        tree_bytes = 0;
        nftw(sources[i], add_file, 16, FTW_PHYS);
        r->input_total += tree_bytes;
    }
}

/* The file a document came from: its source without a ":line" suffix. */
static void source_file(const char *source, char *out, size_t cap)
{
    snprintf(out, cap, "%s", source);
    struct stat st;
    if (stat(out, &st) == 0) return;
    char *colon = strrchr(out, ':');
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) *colon = '\0';
}

static void format_eta(double secs, char *out, size_t cap)
{
    if (secs < 0 || secs > 359999) snprintf(out, cap, "?");
    else if (secs >= 3600) snprintf(out, cap, "%dh%02dm", (int)secs / 3600, (int)secs % 3600 / 60);
    else snprintf(out, cap, "%dm%02ds", (int)secs / 60, (int)secs % 60);
}

void index_report_document(index_report *r, const ls_document *doc, const ls_index_counts *c)
{
    if (!r->progress) return;
    if (doc && doc->source) {
        char file[sizeof r->cur_path];
        source_file(doc->source, file, sizeof file);
        if (strcmp(file, r->cur_path) != 0) {
            r->input_done += r->cur_size;   /* the previous file is read */
            struct stat st;
            r->cur_size = stat(file, &st) == 0 ? (unsigned long long)st.st_size : 0;
            r->cur_text_start = c->bytes;
            snprintf(r->cur_path, sizeof r->cur_path, "%s", file);
        }
    }
    if (seconds_since(&r->last) < REDRAW_SECONDS) return;
    clock_gettime(CLOCK_MONOTONIC, &r->last);
    /* within a file, the article text indexed stands for what was read (it
     * is a part of it, so the estimate errs on the slow side) */
    unsigned long long within = c->bytes - r->cur_text_start;
    unsigned long long done = r->input_done + (within < r->cur_size ? within : r->cur_size);
    double secs = seconds_since(&r->start);
    double rate = secs > 0 ? (double)done / secs : 0;
    char eta[32] = "?";
    if (rate > 0 && r->input_total >= done)
        format_eta((double)(r->input_total - done) / rate, eta, sizeof eta);
    fprintf(stderr, CLEAR_LINE "%lu documents, %.1f of %.1f MB, %.1f MB/s, ETA %s",
            c->documents, (double)done / 1e6, (double)r->input_total / 1e6, rate / 1e6, eta);
    fflush(stderr);
}

void index_report_skipped(index_report *r, const char *source, size_t line, const char *reason)
{
    r->skipped++;
    const char *clear = r->progress ? CLEAR_LINE : "";
    if (strncmp(reason, source, strlen(source)) == 0)   /* the reason names it */
        fprintf(stderr, "%sskipped: %s\n", clear, reason);
    else if (line) fprintf(stderr, "%s%s:%zu: skipped: %s\n", clear, source, line, reason);
    else fprintf(stderr, "%s%s: skipped: %s\n", clear, source, reason);
    if (r->nreasons == INDEX_REPORT_MAX_SKIPPED) return;
    char *s = NULL;
    int n = line ? asprintf(&s, "%s:%zu\t%s", source, line, reason)
                 : asprintf(&s, "%s\t%s", source, reason);
    if (n >= 0) r->reasons[r->nreasons++] = s;
}

static void print_json(const index_report *r, const ls_index_counts *c, const char *error,
                       double secs)
{
    json_t *skipped = json_array();
    for (size_t i = 0; skipped && i < r->nreasons; i++) {
        const char *tab = strchr(r->reasons[i], '\t');
        json_array_append_new(skipped,
                              json_pack("{s:s%,s:s}", "source", r->reasons[i],
                                        (size_t)(tab - r->reasons[i]), "reason", tab + 1));
    }
    json_t *o = json_pack(
        "{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:I,s:I,s:f}",
        "documents", (json_int_t)c->documents, "added", (json_int_t)c->documents_added,
        "replaced", (json_int_t)c->documents_replaced,
        "unchanged", (json_int_t)c->documents_unchanged,
        "status_updated", (json_int_t)c->documents_restated,
        "passages_added", (json_int_t)c->passages_added,
        "passages_replaced", (json_int_t)c->passages_replaced,
        "passages_unchanged", (json_int_t)c->passages_unchanged,
        "passages_skipped", (json_int_t)c->passages_skipped,
        "problems", (json_int_t)r->skipped, "skipped", (json_int_t)r->skipped,
        "skipped_reasons", skipped ? skipped : json_array(),
        "errors", (json_int_t)(error ? 1 : 0), "bytes", (json_int_t)c->bytes, "seconds", secs);
    if (o) json_object_set_new(o, "error", error ? json_string(error) : json_null());
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
    if (s) printf("%s\n", s);
    free(s);
    json_decref(o);
}

void index_report_finish(index_report *r, const ls_index_counts *c, int json, const char *error)
{
    double secs = seconds_since(&r->start);
    if (r->progress) fputs(CLEAR_LINE, stderr);
    if (json) {
        print_json(r, c, error, secs);
        return;
    }
    if (error) return;   /* the caller says what went wrong */
    fprintf(stderr,
            "indexed %lu documents (%lu added, %lu replaced, %lu unchanged; %lu skipped): "
            "%lu passages added, %lu replaced, %lu skipped; %lu other documents restated; "
            "%.1f MB in %.2f s\n",
            c->documents, c->documents_added, c->documents_replaced, c->documents_unchanged,
            r->skipped, c->passages_added, c->passages_replaced, c->passages_skipped,
            c->documents_restated, (double)c->bytes / 1e6, secs);
}

void index_report_free(index_report *r)
{
    for (size_t i = 0; i < r->nreasons; i++) free(r->reasons[i]);
    r->nreasons = 0;
}
