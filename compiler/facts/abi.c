/* ABI facts shared by the stages: socketcall(2)/ipc(2) multiplexing. */
#include <stdint.h>
#include <string.h>

#include "facts/abi.h"

/* Call numbers of socketcall(2) (linux/net.h SYS_*) and ipc(2) (linux/ipc.h). */
static const struct {
    const char *name, *muxer;
    uint32_t call;
} MUXED[] = {
    {"socket", "socketcall", 1}, {"bind", "socketcall", 2}, {"connect", "socketcall", 3},
    {"listen", "socketcall", 4}, {"accept", "socketcall", 5}, {"getsockname", "socketcall", 6},
    {"getpeername", "socketcall", 7}, {"socketpair", "socketcall", 8}, {"send", "socketcall", 9},
    {"recv", "socketcall", 10}, {"sendto", "socketcall", 11}, {"recvfrom", "socketcall", 12},
    {"shutdown", "socketcall", 13}, {"setsockopt", "socketcall", 14}, {"getsockopt", "socketcall", 15},
    {"sendmsg", "socketcall", 16}, {"recvmsg", "socketcall", 17}, {"accept4", "socketcall", 18},
    {"recvmmsg", "socketcall", 19}, {"sendmmsg", "socketcall", 20},
    {"semop", "ipc", 1}, {"semget", "ipc", 2}, {"semctl", "ipc", 3}, {"semtimedop", "ipc", 4},
    {"msgsnd", "ipc", 11}, {"msgrcv", "ipc", 12}, {"msgget", "ipc", 13}, {"msgctl", "ipc", 14},
    {"shmat", "ipc", 21}, {"shmdt", "ipc", 22}, {"shmget", "ipc", 23}, {"shmctl", "ipc", 24},
};

bool muxed_call(const char *name, const char **muxer, uint32_t *call)
{
    for (size_t i = 0; i < sizeof MUXED / sizeof *MUXED; i++)
        if (strcmp(MUXED[i].name, name) == 0) {
            *muxer = MUXED[i].muxer;
            *call = MUXED[i].call;
            return true;
        }
    return false;
}

const char *muxed_call_name(const char *muxer, uint32_t call)
{
    for (size_t i = 0; i < sizeof MUXED / sizeof *MUXED; i++)
        if (MUXED[i].call == call && strcmp(MUXED[i].muxer, muxer) == 0)
            return MUXED[i].name;
    return NULL;
}

bool arch_has_muxer(const SyscallDb *db, ArchId arch, const char *muxer)
{
    const ArchInfo *ai = arch_info(arch);
    for (int m = 0; ai->muxers[m]; m++)
        if (strcmp(ai->muxers[m], muxer) == 0)
            return syscalldb_lookup(db, arch, muxer) != NULL;
    return false;
}
