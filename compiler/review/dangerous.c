/* The tables polc lint and polc explain judge a policy by: syscalls and
 * capabilities that hand a container a way out of its sandbox, and syscalls
 * that reach the same kernel operation as another one. One reason per entry,
 * written for the reviewer who reads the warning. */
#include <string.h>

#include "review/lint.h"

const DangerousSyscall review_dangerous_syscalls[] = {
    {"ptrace", "reads and writes other processes' memory and registers; the classic way out of a seccomp filter "
               "on kernels before 4.8"},
    {"process_vm_readv", "reads another process's memory"},
    {"process_vm_writev", "writes another process's memory"},
    {"bpf", "loads programs into the kernel; a large kernel attack surface"},
    {"perf_event_open", "exposes kernel addresses and hardware counters; a frequent source of kernel bugs"},
    {"userfaultfd", "lets a process stall kernel page faults, a standard step in kernel exploits"},
    {"keyctl", "the kernel keyring is not namespaced: keys of other containers and the host"},
    {"add_key", "the kernel keyring is not namespaced: keys of other containers and the host"},
    {"request_key", "the kernel keyring is not namespaced: keys of other containers and the host"},
    {"mount", "changes the container's view of the file system; with a capability, escapes it"},
    {"umount2", "removes mounts that hide or protect host paths"},
    {"umount", "removes mounts that hide or protect host paths"},
    {"pivot_root", "changes the root file system"},
    {"unshare", "creates namespaces: an unprivileged user namespace gives every capability inside it, and much "
                "more kernel surface"},
    {"setns", "joins other namespaces"},
    {"io_uring_setup", "io_uring performs file and network operations that seccomp never sees, and has had many "
                       "kernel bugs"},
    {"io_uring_enter", "io_uring performs file and network operations that seccomp never sees"},
    {"io_uring_register", "io_uring performs file and network operations that seccomp never sees"},
    {"kexec_load", "replaces the running kernel"},
    {"kexec_file_load", "replaces the running kernel"},
    {"init_module", "loads code into the kernel"},
    {"finit_module", "loads code into the kernel"},
    {"delete_module", "unloads kernel modules"},
    {"open_by_handle_at", "opens files by handle, bypassing the mount namespace (the \"shocker\" container escape)"},
    {"name_to_handle_at", "makes file handles for open_by_handle_at"},
    {"swapon", "adds swap space: host memory management"},
    {"swapoff", "removes swap space: host memory management"},
    {"reboot", "reboots the host, or loads a kexec kernel"},
    {"acct", "switches process accounting on the host"},
    {"iopl", "raises the I/O privilege level: direct access to hardware ports"},
    {"ioperm", "direct access to hardware I/O ports"},
    {"lookup_dcookie", "exposes kernel objects; not namespaced"},
    {"quotactl", "changes disk quotas of the host's file systems"},
    {"settimeofday", "sets the host's clock (time is not namespaced)"},
    {"clock_settime", "sets the host's clock (time is not namespaced)"},
    {"syslog", "reads the kernel log, which leaks kernel addresses"},
    {"vm86", "runs real-mode code; historic kernel bugs"},
    {"vm86old", "runs real-mode code; historic kernel bugs"},
    {"modify_ldt", "changes the local descriptor table; historic kernel bugs"},
    {"fsopen", "the new mount API: mounts without mount(2)"},
    {"fsmount", "the new mount API: mounts without mount(2)"},
    {"move_mount", "the new mount API: moves mounts without mount(2)"},
    {"pidfd_getfd", "copies file descriptors out of another process"},
    {"nfsservctl", "controls the kernel NFS server"},
    {"personality", "can switch off address space randomisation (ADDR_NO_RANDOMIZE) and enable READ_IMPLIES_EXEC"},
    {NULL, NULL},
};

const DangerousSyscall *review_dangerous_syscall(const char *name)
{
    for (const DangerousSyscall *d = review_dangerous_syscalls; d->name; d++)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

const DangerousCap review_dangerous_caps[] = {
    {"SYS_ADMIN", "the catch-all capability: mount, namespaces, BPF, many container escapes"},
    {"NET_ADMIN", "reconfigures interfaces, routes and firewall rules of the network namespace"},
    {"SYS_PTRACE", "traces any process the container can see, and reads /proc/PID/mem"},
    {"SYS_MODULE", "loads kernel modules: kernel code execution"},
    {"DAC_READ_SEARCH", "bypasses read permission checks and allows open_by_handle_at (the \"shocker\" escape)"},
    {"DAC_OVERRIDE", "bypasses all file permission checks"},
    {"BPF", "loads BPF programs into the kernel"},
    {"PERFMON", "performance monitoring: kernel addresses and profiling of other processes"},
    {"SYS_RAWIO", "raw I/O port and device memory access"},
    {"SYS_BOOT", "reboots the host and loads kexec kernels"},
    {"SYS_TIME", "sets the host's clock"},
    {"SYSLOG", "reads and clears the kernel log"},
    {"MAC_ADMIN", "changes the LSM (AppArmor, SELinux) configuration"},
    {"MAC_OVERRIDE", "overrides the LSM (AppArmor, SELinux) policy"},
    {"CHECKPOINT_RESTORE", "checkpoint/restore: chooses PIDs and reads other processes' state"},
    {"NET_RAW", "raw and packet sockets: spoofed traffic on the container's network"},
    {"SYS_PACCT", "switches process accounting on the host"},
    {"LINUX_IMMUTABLE", "clears the immutable and append-only file attributes"},
    {NULL, NULL},
};

const DangerousCap *review_dangerous_cap(const char *name)
{
    for (const DangerousCap *d = review_dangerous_caps; d->name; d++)
        if (strcmp(d->name, name) == 0)
            return d;
    return NULL;
}

const EquivGroup review_equiv_groups[] = {
    {"execute a program", {"execve", "execveat"}},
    {"open a file", {"open", "openat", "openat2", "creat"}},
    {"duplicate a file descriptor onto a chosen number", {"dup2", "dup3"}},
    {"rename a file", {"rename", "renameat", "renameat2"}},
    {"change file permissions", {"chmod", "fchmod", "fchmodat", "fchmodat2"}},
    {"change file ownership", {"chown", "fchown", "fchownat", "lchown", "chown32", "fchown32", "lchown32"}},
    {"remove a file", {"unlink", "unlinkat"}},
    {"remove a directory", {"rmdir", "unlinkat"}},
    {"create a hard link", {"link", "linkat"}},
    {"create a symbolic link", {"symlink", "symlinkat"}},
    {"create a device node", {"mknod", "mknodat"}},
    {"change memory protection", {"mprotect", "pkey_mprotect"}},
    {"map memory", {"mmap", "mmap2"}},
    {"send a signal", {"kill", "tkill", "tgkill", "pidfd_send_signal", "rt_sigqueueinfo", "rt_tgsigqueueinfo"}},
    {"set file times", {"utime", "utimes", "utimensat", "futimesat"}},
    {"truncate a file", {"truncate", "truncate64"}},
    {"change the user id", {"setuid", "setreuid", "setresuid", "setuid32", "setreuid32", "setresuid32"}},
    {"change the group id", {"setgid", "setregid", "setresgid", "setgid32", "setregid32", "setresgid32"}},
    {"mount a file system", {"mount", "fsmount", "move_mount"}},
    {"accept a connection", {"accept", "accept4"}},
    {"change the root directory", {"chroot", "pivot_root"}},
    {NULL, {NULL}},
};

const NsFlag review_ns_flags[] = {
    {"CLONE_NEWUSER", 0x10000000}, {"CLONE_NEWNS", 0x20000},        {"CLONE_NEWNET", 0x40000000},
    {"CLONE_NEWPID", 0x20000000},  {"CLONE_NEWIPC", 0x8000000},     {"CLONE_NEWUTS", 0x4000000},
    {"CLONE_NEWCGROUP", 0x2000000}, {"CLONE_NEWTIME", 0x80},        {NULL, 0},
};
