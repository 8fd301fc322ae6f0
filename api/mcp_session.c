/* mcp_session.c — the session table of MCP's Streamable HTTP transport
 * (mcp_session.h): fixed slots under one mutex, least recently used out. */
#include "mcp_session.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

typedef struct slot {
    char id[LS_MCP_SESSION_ID_LEN + 1]; /* "" when free */
    ls_mcp_state state;
    unsigned long used;                 /* clock of the last use */
} slot;

static slot slots[LS_MCP_MAX_SESSIONS];
static unsigned long clock_now;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* The slot of id, or NULL (lock held). */
static slot *find(const char *id)
{
    if (!id || strlen(id) != LS_MCP_SESSION_ID_LEN) return NULL;
    for (size_t i = 0; i < LS_MCP_MAX_SESSIONS; i++)
        if (strcmp(slots[i].id, id) == 0) return &slots[i];
    return NULL;
}

int ls_mcp_session_open(const ls_mcp_state *st, char id[LS_MCP_SESSION_ID_LEN + 1])
{
    unsigned char rnd[LS_MCP_SESSION_ID_LEN / 2];
    if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) return -1;
    for (size_t i = 0; i < sizeof rnd; i++) snprintf(id + 2 * i, 3, "%02x", rnd[i]);
    pthread_mutex_lock(&lock);
    slot *victim = &slots[0];
    for (size_t i = 0; i < LS_MCP_MAX_SESSIONS; i++) {
        if (!slots[i].id[0]) {
            victim = &slots[i];
            break;
        }
        if (slots[i].used < victim->used) victim = &slots[i];
    }
    memcpy(victim->id, id, LS_MCP_SESSION_ID_LEN + 1);
    victim->state = *st;
    victim->used = ++clock_now;
    pthread_mutex_unlock(&lock);
    return 0;
}

int ls_mcp_session_get(const char *id, ls_mcp_state *st)
{
    pthread_mutex_lock(&lock);
    slot *s = find(id);
    if (s) {
        *st = s->state;
        s->used = ++clock_now;
    }
    pthread_mutex_unlock(&lock);
    return s ? 0 : -1;
}

void ls_mcp_session_put(const char *id, const ls_mcp_state *st)
{
    pthread_mutex_lock(&lock);
    slot *s = find(id);
    if (s) s->state = *st;
    pthread_mutex_unlock(&lock);
}

int ls_mcp_session_end(const char *id)
{
    pthread_mutex_lock(&lock);
    slot *s = find(id);
    if (s) memset(s, 0, sizeof *s);
    pthread_mutex_unlock(&lock);
    return s ? 0 : -1;
}
