/* http_client.h — a small HTTP/1.1 client for the server tests: raw bytes
 * out, the whole reply in, over loopback; plus starting and stopping
 * `luat-search serve` as a child process. (Test support, not libluat.) */
#ifndef LS_HTTP_CLIENT_H
#define LS_HTTP_CLIENT_H

#include <stddef.h>
#include <sys/types.h>

typedef struct ts_reply {
    int status;        /* HTTP status, or -1 when no reply came */
    char *headers;     /* malloc'ed, NUL-terminated */
    char *body;        /* malloc'ed, NUL-terminated */
    size_t body_len;
} ts_reply;

/* Send `len` bytes of `raw` (a whole request, "Connection: close") to
 * 127.0.0.1:port and read the reply until the server closes, waiting at
 * most timeout_ms. Free with ts_reply_free. When LS_RESPONSE_LOG names a
 * file (scripts/run-tests sets it), the request line and the reply are
 * appended to it as one JSON line, for the OpenAPI check (tests/openapi). */
ts_reply ts_http_raw(unsigned port, const char *raw, size_t len, int timeout_ms);

/* GET path (already percent-encoded). */
ts_reply ts_http_get(unsigned port, const char *path);

/* `method` path (already percent-encoded), no body: HEAD, DELETE, … */
ts_reply ts_http_request(unsigned port, const char *method, const char *path);

/* Copy the value of r's header `name` (any case) into out (cap bytes, cut
 * to fit; "" when absent); 1 when the reply has it, else 0. */
int ts_reply_header(const ts_reply *r, const char *name, char *out, size_t cap);

/* POST body to path as application/json. */
ts_reply ts_http_post(unsigned port, const char *path, const char *body, size_t len);

void ts_reply_free(ts_reply *r);

/* A connected socket to 127.0.0.1:port (-1 on failure). */
int ts_http_connect(unsigned port);

/* Start `<bin> serve --db db --listen 127.0.0.1:0 <extra>`; waits for the
 * address line and returns the port (0 on failure) and the child's pid. */
unsigned ts_server_start(const char *db, const char *extra, pid_t *pid);

/* Index the sample corpus with the command line into db (a path the caller
 * owns, e.g. under ts_mkdtemp()), then ts_server_start(db, extra, pid).
 * Returns the port, 0 on failure (the indexer's stderr printed). */
unsigned ts_serve_sample(const char *db, const char *extra, pid_t *pid);

/* SIGTERM the server and return its exit status (128+signal if killed). */
int ts_server_stop(pid_t pid);

/* A cmocka group fixture for the server tests: the sample corpus indexed
 * into its own mktemp directory and served. A test file's group setup
 * returns ts_srv_start(extra) (extra: serve's options, may be NULL); its
 * group teardown is ts_srv_stop, which stops the server (unless a test did
 * and set ts_srv.pid to 0), removes the directory and frees it. */
typedef struct ts_served {
    char *dir;         /* the mktemp directory (malloc'ed) */
    char db[4096];     /* the index: dir/index */
    unsigned port;     /* where it listens on 127.0.0.1 */
    pid_t pid;         /* the server, 0 when stopped */
} ts_served;
extern ts_served ts_srv;
int ts_srv_start(const char *extra);
int ts_srv_stop(void **state);

#endif
