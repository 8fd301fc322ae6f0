/* web_assets.h — the files of api/web/, embedded into the library at build
 * time (scripts/embed-assets writes the table into $(BUILD)/api/), so the
 * server needs nothing on disk beside its index. */
#ifndef LS_WEB_ASSETS_H
#define LS_WEB_ASSETS_H

#include <stddef.h>

typedef struct ls_web_asset {
    const char *path;          /* "/index.html" */
    const char *content_type;  /* "text/html; charset=utf-8" */
    const unsigned char *data;
    size_t len;
} ls_web_asset;

extern const ls_web_asset ls_web_assets[];
extern const size_t ls_web_asset_count;

#endif
