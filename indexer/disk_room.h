/* disk_room.h — will the next commit fit? libxapian 1.4 aborts the whole
 * process (std::terminate: its value-stream writer writes again from a
 * destructor while the first "No space left on device" unwinds) when the
 * disk fills while a commit merges value slots. So before each commit the
 * indexer compares the room left on the index's filesystem with what a
 * batch has taken so far, and refuses a commit that may not fit, cleanly,
 * keeping the last committed batch. */
#ifndef LS_DISK_ROOM_H
#define LS_DISK_ROOM_H

#include "../common/ls_error.h"

/* Bytes the files directly in dir take on disk (st_blocks), 0 if unreadable. */
unsigned long long ls_dir_disk_bytes(const char *dir);

/* LS_OK when dir's filesystem has room for `need` more bytes (or cannot
 * say: statvfs fails), else LS_ERR_IO naming "No space left on device",
 * what is free and what a batch has needed. */
ls_rc ls_disk_room_check(const char *dir, unsigned long long need, ls_error *err);

#endif
