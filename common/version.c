/* version.c — ls_version (version.h): LS_VERSION comes from the VERSION file
 * through the Makefile. */
#include "version.h"

#ifndef LS_VERSION
#error "LS_VERSION is not defined: build with the Makefile (it reads VERSION)"
#endif

const char *ls_version(void) { return LS_VERSION; }
