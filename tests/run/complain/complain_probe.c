/* polc run --complain's test program (tests/run/complain_test.sh): calls that
 * break probe.pol's rules in known ways, some repeated (the report counts
 * them once), some from threads and a forked child (one listener serves the
 * whole tree). Prints nothing; its exit status is 7, to check that polc
 * returns CMD's status. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
    (void)arg;
    (void)getppid(); /* denied by the default, from 3 threads */
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    struct utsname u;
    (void)uname(&u); /* an explicit deny rule */
    for (int i = 0; i < 3; i++)
        (void)getppid(); /* the default, 3 times: one finding */
    (void)socket(AF_INET6, SOCK_DGRAM, 0); /* the default, constants decoded */
    char path[4096];
    snprintf(path, sizeof path, "%s/outside/new.txt", argv[1]);
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0640); /* read-only root */
    if (fd >= 0)
        close(fd);
    snprintf(path, sizeof path, "%s/inside/ok.txt", argv[1]);
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0640); /* allowed: under a write rule */
    if (fd >= 0)
        close(fd);
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, thread_main, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    pid_t pid = fork();
    if (pid == 0) {
        (void)getuid(); /* the default, in a child process */
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    return 7;
}
