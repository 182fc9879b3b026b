#define _GNU_SOURCE
#include "cspawn.h"
#include <fcntl.h>
#include <stdlib.h>

int slope_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path) {
    return posix_spawn_file_actions_addchdir_np(actions, path);
}

int slope_mkstemp_cloexec(char *template_path) {
    return mkostemp(template_path, O_CLOEXEC);
}
