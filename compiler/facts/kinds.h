/* The kinds of things a policy says, shared by the syntax tree (front/ast.h)
 * and the policy model (middle/policy.h): seccomp actions and filesystem
 * accesses. */
#ifndef POLC_KINDS_H
#define POLC_KINDS_H

/* Seccomp actions, most restrictive first: for one syscall invocation the
 * matching rule with the lowest ActKind wins. */
typedef enum ActKind {
    ACT_KILL_PROCESS,
    ACT_KILL_THREAD,
    ACT_TRAP,
    ACT_ERRNO,
    ACT_NOTIFY,
    ACT_TRACE,
    ACT_LOG,
    ACT_ALLOW,
    ACT__COUNT
} ActKind;

/* "kill-process", "errno", ... as the language spells them. */
const char *act_kind_name(ActKind k);

typedef enum FsAccess { FS_READ_ONLY_ROOT, FS_READ, FS_WRITE, FS_APPEND, FS_EXEC, FS_DENY, FS_DENY_EXEC } FsAccess;

/* "read-only root", "write", ... as the language spells them. */
const char *fs_access_name(FsAccess a);

#endif
