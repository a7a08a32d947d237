// goprobe: sysprobe's -m for a policy that only a Go program can start
// under (examples/go-service.pol allows the Go runtime's calls, not a C
// library's start-up: sysprobe, static glibc, dies before main there). It
// stands in for the Go service (bind-mounted over its binary) and performs
// each probe in this process, in order, printing sysprobe's lines:
//
//	goprobe [-m] "NAME [ARG...]"...   ARG: 123, -100, 0x41, s:TEXT (a pointer to TEXT)
//	ok RET | err ENAME N | bad MESSAGE
//
// No probe forks (the policy refuses clone without CLONE_THREAD); a probe
// the policy kills ends the program, so give it alone.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"
)

// the calls the tests probe, by the running arch's numbers (syscall's tables)
var numbers = map[string]uintptr{
	"socket": syscall.SYS_SOCKET, "connect": syscall.SYS_CONNECT, "clone": syscall.SYS_CLONE,
	"unshare": syscall.SYS_UNSHARE, "openat": syscall.SYS_OPENAT, "execve": syscall.SYS_EXECVE,
	"ptrace": syscall.SYS_PTRACE, "mount": syscall.SYS_MOUNT, "memfd_create": sysMemfdCreate,
	"getppid": syscall.SYS_GETPPID, "kill": syscall.SYS_KILL, "socketpair": syscall.SYS_SOCKETPAIR,
}

var errnoNames = map[syscall.Errno]string{
	syscall.EPERM: "EPERM", syscall.ENOENT: "ENOENT", syscall.EACCES: "EACCES",
	syscall.ENOSYS: "ENOSYS", syscall.EROFS: "EROFS", syscall.EFAULT: "EFAULT",
	syscall.EINVAL: "EINVAL", syscall.EBADF: "EBADF", syscall.ENOTSOCK: "ENOTSOCK",
	syscall.EAFNOSUPPORT: "EAFNOSUPPORT", syscall.ESRCH: "ESRCH", syscall.EEXIST: "EEXIST",
}

func arg(s string) (uintptr, error) {
	if strings.HasPrefix(s, "s:") {
		b := append([]byte(s[2:]), 0)
		return uintptr(unsafe.Pointer(&b[0])), nil
	}
	v, err := strconv.ParseInt(s, 0, 64)
	return uintptr(v), err
}

func probe(p string) string {
	f := strings.Fields(p)
	if len(f) == 0 || len(f) > 7 {
		return "bad " + p
	}
	nr, ok := numbers[f[0]]
	if !ok {
		return "bad unknown call " + f[0]
	}
	var a [6]uintptr
	for i, s := range f[1:] {
		v, err := arg(s)
		if err != nil {
			return "bad " + s
		}
		a[i] = v
	}
	r, _, e := syscall.RawSyscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5])
	if f[0] == "clone" && e == 0 && r == 0 {
		syscall.RawSyscall(syscall.SYS_EXIT_GROUP, 0, 0, 0) // the child of an allowed fork
	}
	if e != 0 {
		name, known := errnoNames[e]
		if !known {
			name = "E?"
		}
		return fmt.Sprintf("err %s %d", name, int(e))
	}
	return fmt.Sprintf("ok %d", int(r))
}

func main() {
	probes := os.Args[1:]
	if len(probes) > 0 && probes[0] == "-m" { // sysprobe's form, as the engine tests call it
		probes = probes[1:]
	}
	for _, p := range probes {
		fmt.Println(probe(p))
	}
}
