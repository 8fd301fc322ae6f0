/* http_client.c — the server tests' HTTP client and server launcher
 * (http_client.h); with LS_RESPONSE_LOG set, every exchange is appended to
 * that file for tests/openapi/check-responses.mjs. */
#include "http_client.h"

#include "test_support.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcntl.h>
#include <jansson.h>

int ts_http_connect(unsigned port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

static void parse(ts_reply *r, char *all, size_t n)
{
    char *end = strstr(all, "\r\n\r\n");
    if (!end || sscanf(all, "HTTP/1.%*d %d", &r->status) != 1) {
        r->status = -1;
        r->headers = strdup("");
        r->body = all;
        r->body_len = n;
        return;
    }
    *end = '\0';
    r->headers = strdup(all);
    r->body_len = n - (size_t)(end + 4 - all);
    r->body = malloc(r->body_len + 1);
    memcpy(r->body, end + 4, r->body_len);
    r->body[r->body_len] = '\0';
    free(all);
}

/* The reply's headers as {"lower-case name": "value"} (a new reference). */
static json_t *headers_object(const ts_reply *r)
{
    json_t *o = json_object();
    const char *line = r->headers ? strstr(r->headers, "\r\n") : NULL; /* past the status line */
    while (o && line && line[0] == '\r' && line[2]) {
        line += 2;
        const char *eol = strstr(line, "\r\n");
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        const char *colon = memchr(line, ':', len);
        if (colon) {
            char name[64];
            size_t n = (size_t)(colon - line) < sizeof name - 1 ? (size_t)(colon - line) : sizeof name - 1;
            for (size_t i = 0; i < n; i++) name[i] = (char)tolower((unsigned char)line[i]);
            name[n] = '\0';
            const char *v = colon + 1;
            while (*v == ' ') v++;
            json_t *val = json_stringn(v, len - (size_t)(v - line));
            if (val) json_object_set_new(o, name, val);
        }
        line = eol;
    }
    return o;
}

/* Append {"method", "target", "status", "content_type", "headers", "body"}
 * (or "body_not_utf8": true) as one line to $LS_RESPONSE_LOG, with one
 * write. */
static void record_exchange(const char *raw, size_t len, const ts_reply *r)
{
    const char *log = getenv("LS_RESPONSE_LOG");
    if (!log || !*log || r->status < 0) return;
    const char *sp1 = memchr(raw, ' ', len);
    const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - raw)) : NULL;
    json_t *headers = headers_object(r);
    json_t *o = json_pack("{s:s%,s:s%,s:i,s:O?,s:o?}", "method", raw,
                          sp1 ? (size_t)(sp1 - raw) : 0, "target", sp2 ? sp1 + 1 : "",
                          sp2 ? (size_t)(sp2 - sp1 - 1) : 0, "status", r->status,
                          "content_type", json_object_get(headers, "content-type"),
                          "headers", headers);
    json_t *body = o ? json_stringn(r->body, r->body_len) : NULL;
    if (body) json_object_set_new(o, "body", body);
    else if (o) json_object_set_new(o, "body_not_utf8", json_true());
    char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
    int fd = line ? open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644) : -1;
    if (fd >= 0) {
        size_t n = strlen(line);
        line[n] = '\n'; /* replaces the NUL: written with its length */
        if (write(fd, line, n + 1) != (ssize_t)(n + 1))
            fprintf(stderr, "cannot append to LS_RESPONSE_LOG %s\n", log);
        close(fd);
    }
    free(line);
    json_decref(o);
}

ts_reply ts_http_raw(unsigned port, const char *raw, size_t len, int timeout_ms)
{
    ts_reply r = {.status = -1};
    int fd = ts_http_connect(port);
    if (fd < 0) {
        r.headers = strdup("");
        r.body = strdup("connect failed");
        return r;
    }
    for (size_t off = 0; off < len;) {
        ssize_t w = send(fd, raw + off, len - off, MSG_NOSIGNAL);
        if (w <= 0) break; /* the server may refuse early (413): read its reply */
        off += (size_t)w;
    }
    size_t cap = 65536, n = 0;
    char *all = malloc(cap + 1);
    long deadline = now_ms() + timeout_ms;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        long left = deadline - now_ms();
        if (left <= 0 || poll(&p, 1, (int)left) <= 0) break;
        if (n == cap) all = realloc(all, (cap *= 2) + 1);
        ssize_t got = recv(fd, all + n, cap - n, 0);
        if (got <= 0) break;
        n += (size_t)got;
    }
    close(fd);
    all[n] = '\0';
    parse(&r, all, n);
    record_exchange(raw, len, &r);
    return r;
}

ts_reply ts_http_get(unsigned port, const char *path)
{
    return ts_http_request(port, "GET", path);
}

ts_reply ts_http_request(unsigned port, const char *method, const char *path)
{
    size_t cap = strlen(method) + strlen(path) + 128;
    char *req = malloc(cap);
    int n = snprintf(req, cap, "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                     method, path);
    ts_reply r = ts_http_raw(port, req, (size_t)n, 10000);
    free(req);
    return r;
}

ts_reply ts_http_post(unsigned port, const char *path, const char *body, size_t len)
{
    size_t cap = strlen(path) + len + 256;
    char *req = malloc(cap);
    int n = snprintf(req, cap,
                     "POST %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     path, len);
    memcpy(req + n, body, len);
    ts_reply r = ts_http_raw(port, req, (size_t)n + len, 10000);
    free(req);
    return r;
}

int ts_reply_header(const ts_reply *r, const char *name, char *out, size_t cap)
{
    char lower[64];
    size_t n = 0;
    for (; name[n] && n < sizeof lower - 1; n++) lower[n] = (char)tolower((unsigned char)name[n]);
    lower[n] = '\0';
    json_t *o = headers_object(r);
    const char *v = json_string_value(json_object_get(o, lower));
    int found = v != NULL;
    if (cap) snprintf(out, cap, "%s", v ? v : "");
    json_decref(o);
    return found;
}

void ts_reply_free(ts_reply *r)
{
    free(r->headers);
    free(r->body);
    r->headers = r->body = NULL;
}

unsigned ts_server_start(const char *db, const char *extra, pid_t *pid)
{
    int out[2];
    if (pipe(out) != 0) return 0;
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "exec '%s' serve --quiet --db '%s' --listen 127.0.0.1:0 %s",
             ts_bin(), db, extra ? extra : "");
    *pid = fork();
    if (*pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    char line[512];
    size_t n = 0;
    struct pollfd p = {.fd = out[0], .events = POLLIN};
    while (n + 1 < sizeof line && poll(&p, 1, 10000) > 0) {
        ssize_t got = read(out[0], line + n, 1);
        if (got <= 0 || line[n] == '\n') break;
        n++;
    }
    line[n] = '\0';
    close(out[0]);
    const char *colon = strrchr(line, ':');
    unsigned port = colon ? (unsigned)strtoul(colon + 1, NULL, 10) : 0;
    if (!port) fprintf(stderr, "server did not start: '%s'\n", line);
    return port;
}

int ts_server_stop(pid_t pid)
{
    kill(pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; i++) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        usleep(50000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return 128 + SIGKILL;
}

unsigned ts_serve_sample(const char *db, const char *extra, pid_t *pid)
{
    char cmd[8192], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s' '%s'", ts_bin(), db,
             ts_path("corpus/sample"));
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fprintf(stderr, "index failed: %s\n", err);
    free(out);
    free(err);
    return status ? 0 : ts_server_start(db, extra, pid);
}

ts_served ts_srv;

int ts_srv_start(const char *extra)
{
    if (!(ts_srv.dir = ts_mkdtemp())) return -1;
    snprintf(ts_srv.db, sizeof ts_srv.db, "%s/index", ts_srv.dir);
    ts_srv.port = ts_serve_sample(ts_srv.db, extra, &ts_srv.pid);
    return ts_srv.port ? 0 : -1;
}

int ts_srv_stop(void **state)
{
    (void)state;
    if (ts_srv.pid) ts_server_stop(ts_srv.pid);
    ts_srv.pid = 0;
    if (ts_srv.dir) ts_rmtree(ts_srv.dir);
    free(ts_srv.dir);
    ts_srv.dir = NULL;
    return 0;
}
