/* rate_limit.c — token buckets per client address in a fixed table
 * (rate_limit.h). */
#include "rate_limit.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096  /* addresses tracked at once (~100 KiB) */
#define PROBE 8     /* slots looked at for an address */

typedef struct bucket {
    uint32_t addr;
    int used;
    double tokens;
    double seen;    /* last refill, seconds */
} bucket;

struct ls_rate_limit {
    pthread_mutex_t lock;
    double rate, burst;
    bucket slots[SLOTS];
};

ls_rc ls_rate_limit_new(double rate, unsigned burst, ls_rate_limit **out, ls_error *err)
{
    *out = NULL;
    if (!(rate > 0) || !isfinite(rate))
        return ls_error_set(err, LS_ERR_ARG, "the rate limit must be above 0 requests a second");
    ls_rate_limit *rl = calloc(1, sizeof *rl);
    if (!rl) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    pthread_mutex_init(&rl->lock, NULL);
    rl->rate = rate;
    rl->burst = burst ? burst : (rate < 1 ? 1 : floor(rate));
    *out = rl;
    return LS_OK;
}

void ls_rate_limit_free(ls_rate_limit *rl)
{
    if (!rl) return;
    pthread_mutex_destroy(&rl->lock);
    free(rl);
}

unsigned ls_rate_limit_burst(const ls_rate_limit *rl)
{
    return (unsigned)rl->burst;
}

static uint32_t slot_of(uint32_t addr)
{
    addr ^= addr >> 16; /* a multiplicative hash: neighbours spread */
    addr *= 0x45d9f3bu;
    addr ^= addr >> 16;
    return addr % SLOTS;
}

/* addr's bucket, or the stalest slot of its window taken over for it */
static bucket *find(ls_rate_limit *rl, uint32_t addr, double now)
{
    uint32_t h = slot_of(addr);
    bucket *victim = NULL;
    for (uint32_t i = 0; i < PROBE; i++) {
        bucket *b = &rl->slots[(h + i) % SLOTS];
        if (b->used && b->addr == addr) return b;
        if (!victim || !b->used || (victim->used && b->seen < victim->seen)) victim = b;
        if (!b->used) break;
    }
    victim->used = 1;
    victim->addr = addr;
    victim->tokens = rl->burst;
    victim->seen = now;
    return victim;
}

int ls_rate_limit_take(ls_rate_limit *rl, uint32_t addr, double now_s, unsigned *retry_after_s)
{
    pthread_mutex_lock(&rl->lock);
    bucket *b = find(rl, addr, now_s);
    if (now_s > b->seen) {
        b->tokens = fmin(rl->burst, b->tokens + (now_s - b->seen) * rl->rate);
        b->seen = now_s;
    }
    int ok = b->tokens >= 1;
    if (ok) b->tokens -= 1;
    else if (retry_after_s) *retry_after_s = (unsigned)ceil((1 - b->tokens) / rl->rate);
    pthread_mutex_unlock(&rl->lock);
    if (!ok && retry_after_s && *retry_after_s < 1) *retry_after_s = 1;
    return ok;
}

int ls_rate_limit_parse(const char *spec, double *rate)
{
    char *end;
    double n = strtod(spec, &end);
    if (end == spec || !(n > 0) || !isfinite(n)) return -1;
    if (*end == '\0' || strcmp(end, "/s") == 0) *rate = n;
    else if (strcmp(end, "/m") == 0 || strcmp(end, "/min") == 0) *rate = n / 60.0;
    else return -1;
    return 0;
}
