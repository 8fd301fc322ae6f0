/* conn_guard.h — a deadline on every request, on top of libmicrohttpd's
 * idle timeout. The idle timeout alone lets a slow-loris client that sends
 * one byte a second hold a connection slot for hours; the guard gives each
 * request (from the connection's opening, or from the end of its previous
 * request) a fixed time to be read and answered, and a watcher thread
 * shuts down the socket of any connection past it. libmicrohttpd then sees
 * the connection end and closes it itself, so the guard never races it for
 * the descriptor: entries leave the guard (ls_conn_guard_closed) before
 * libmicrohttpd closes their socket.
 *
 * Independent of libmicrohttpd: server.c feeds it from its connection
 * callbacks. Thread-safe. */
#ifndef LS_CONN_GUARD_H
#define LS_CONN_GUARD_H

#include "../common/ls_error.h"

typedef struct ls_conn_guard ls_conn_guard;

/* Start the watcher thread: a request older than deadline_ms (>= 1) gets
 * its connection shut down. Free with ls_conn_guard_stop. */
ls_rc ls_conn_guard_start(unsigned deadline_ms, ls_conn_guard **out, ls_error *err);

/* A connection opened on socket fd: *slot receives the guard's entry for
 * it (the caller keeps it, e.g. as libmicrohttpd's socket context, and
 * hands it back below). On out of memory *slot is NULL and the connection
 * is simply not watched. */
void ls_conn_guard_opened(ls_conn_guard *g, int fd, void **slot);

/* A request on the connection was answered: its next request's time
 * starts now. slot may be NULL. */
void ls_conn_guard_request_done(ls_conn_guard *g, void *slot);

/* The connection is closing (its socket still open): forget it, free the
 * entry, set *slot to NULL. Returns 1 when the guard had cut it (its
 * request ran past the deadline), else 0. */
int ls_conn_guard_closed(ls_conn_guard *g, void **slot);

/* Stop and join the watcher, free the guard and any entries left. Call
 * after the connections are closed (after MHD_stop_daemon). NULL is
 * allowed. */
void ls_conn_guard_stop(ls_conn_guard *g);

#endif
