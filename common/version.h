/* version.h — the program's version, from the VERSION file at the top of
 * the tree (the Makefile passes it as LS_VERSION when it builds version.c):
 * --version, the MCP serverInfo, /openapi.json and debian/changelog all
 * show this one string. */
#ifndef LS_VERSION_H
#define LS_VERSION_H

/* The version, e.g. "0.1.0": a static string, never NULL, not to be freed. */
const char *ls_version(void);

#endif
