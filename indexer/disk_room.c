/* disk_room.c — room on the index's filesystem before a commit (disk_room.h). */
#include "disk_room.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

unsigned long long ls_dir_disk_bytes(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    unsigned long long total = 0;
    for (struct dirent *e; (e = readdir(d));) {
        char path[4096];
        struct stat st;
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
            total += (unsigned long long)st.st_blocks * 512;
    }
    closedir(d);
    return total;
}

ls_rc ls_disk_room_check(const char *dir, unsigned long long need, ls_error *err)
{
    struct statvfs vfs;
    if (!need || statvfs(dir, &vfs) != 0) return LS_OK;
    unsigned long long avail = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
    if (avail >= need) return LS_OK;
    return ls_error_set(err, LS_ERR_IO, "%s: No space left on device: %llu KB free, a batch has "
                        "needed up to %llu KB; not committing (the index keeps its last "
                        "committed batch)", dir, avail / 1024, need / 1024);
}
