#ifndef SLOPE_CSPAWN_H
#define SLOPE_CSPAWN_H
#include <spawn.h>

/// posix_spawn_file_actions_addchdir_np (glibc 2.29+), which Swift's Glibc module does not
/// export: the child changes to `path` before it executes.
int slope_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);

/// mkostemp(template, O_CLOEXEC): a new temporary file that no child process inherits.
int slope_mkstemp_cloexec(char *template_path);

#endif
