/* rate_limit.h — per-client-address request limits for a public endpoint:
 * a token bucket per IPv4 address (rate tokens a second, up to burst kept),
 * in a fixed table so hostile clients cannot grow memory: a new address
 * takes the slot of the stalest one in its probe window (that client starts
 * afresh with a full bucket). Thread-safe (one mutex; a take is a few
 * arithmetic operations). */
#ifndef LS_RATE_LIMIT_H
#define LS_RATE_LIMIT_H

#include <stdint.h>

#include "../common/ls_error.h"

typedef struct ls_rate_limit ls_rate_limit;

/* A limiter of `rate` requests a second per address, `burst` at once
 * (burst 0 = rate, at least 1). rate must be > 0. Free with
 * ls_rate_limit_free. */
ls_rc ls_rate_limit_new(double rate, unsigned burst, ls_rate_limit **out, ls_error *err);
void ls_rate_limit_free(ls_rate_limit *rl);

/* The burst in force (the one given, or its default). */
unsigned ls_rate_limit_burst(const ls_rate_limit *rl);

/* Take one token for addr at now_s (a monotonic clock, seconds): 1 when
 * the request may go on; 0 when refused, with *retry_after_s the whole
 * seconds (>= 1) until a token is back. */
int ls_rate_limit_take(ls_rate_limit *rl, uint32_t addr, double now_s, unsigned *retry_after_s);

/* Parse "N/s", "N/m" or "N" (a second) into requests a second; 0 on
 * success, -1 when spec is not that. */
int ls_rate_limit_parse(const char *spec, double *rate);

#endif
