/* bench/run-complain's workload: N calls of getppid, which bench/complain.pol
 * denies (so polc run --complain notifies each one, and strace stops on
 * each), then exit. `bench_complain_loop N`. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0;
    for (long i = 0; i < n; i++)
        (void)syscall(SYS_getppid);
    return 0;
}
