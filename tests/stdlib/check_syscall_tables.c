/*
 * check_syscall_tables: cross-check stdlib/syscalls/<arch>.tbl against
 * libseccomp and against stdlib/syscalls/signatures.tbl.
 *
 * usage: check_syscall_tables DIR      (DIR = stdlib/syscalls)
 *
 * For every arch table it checks:
 *   - lines are "NR NAME", sorted by strictly increasing NR,
 *     no duplicate names and no duplicate numbers;
 *   - every NAME has a line in signatures.tbl;
 *   - for every NAME that libseccomp resolves to a number >= 0 on that arch,
 *     the numbers are equal;
 *   - every syscall libseccomp knows on that arch (found by iterating
 *     seccomp_syscall_resolve_num_arch over the number space) is in the table.
 *
 * Allow-lists (not failures):
 *   - "multiplexed": on x86, s390x and ppc64le libseccomp 2.5.4 resolves the
 *     socketcall(2)/ipc(2) sub-calls (socket, shmget, ...) to negative
 *     pseudo-numbers (-101.. / -201..) even though the kernel also has direct
 *     syscalls for them; we list the direct number.
 *   - "# ni NR NAME" comment lines in a table: rows whose kernel entry point
 *     is sys_ni_syscall or empty (removed syscalls such as _sysctl,
 *     lookup_dcookie, nfsservctl, afs_syscall, ...).  libseccomp 2.5.4 still
 *     knows their numbers; the kernel returns ENOSYS, so polc does not list
 *     them.  The ni number must still match libseccomp's.
 *   - x32 map_shadow_stack: kernel row "453 common" (so valid for x32) but
 *     libseccomp 2.5.4 treats it as x86_64-only.
 *   - names libseccomp 2.5.4 does not know at all (__NR_SCMP_ERROR): syscalls
 *     newer than libseccomp 2.5.4 (e.g. mseal, listmount); reported only.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <seccomp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXE 2048

struct entry {
	long nr;
	char name[64];
};

struct table {
	struct entry e[MAXE];
	size_t n;
	struct entry ni[MAXE];
	size_t nni;
};

static struct table tab;
static char sig_names[MAXE * 2][64];
static size_t nsig;

static const struct {
	const char *file;
	uint32_t token;
	int multiplexed; /* libseccomp uses socketcall/ipc pseudo numbers */
} arches[] = {
	{"x86_64", SCMP_ARCH_X86_64, 0}, {"x86", SCMP_ARCH_X86, 1},
	{"x32", SCMP_ARCH_X32, 0},       {"aarch64", SCMP_ARCH_AARCH64, 0},
	{"arm", SCMP_ARCH_ARM, 0},       {"riscv64", SCMP_ARCH_RISCV64, 0},
	{"ppc64le", SCMP_ARCH_PPC64LE, 1}, {"s390x", SCMP_ARCH_S390X, 1},
};

static int valid_ident(const char *s)
{
	if (!(islower((unsigned char)*s) || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

static int load_signatures(const char *dir)
{
	char path[4096], line[1024];
	int errs = 0, lineno = 0;
	snprintf(path, sizeof path, "%s/signatures.tbl", dir);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *save = NULL, *tok = strtok_r(line, " \t\r\n", &save);
		if (!tok || tok[0] == '#')
			continue;
		/* `name@arch` overrides a signature on one arch: the arch must be known */
		char *at = strchr(tok, '@');
		if (at) {
			static const char *arches[] = {"x86_64", "x86", "x32", "aarch64", "arm", "riscv64", "ppc64le", "s390x"};
			int known = 0;
			for (size_t a = 0; a < sizeof arches / sizeof arches[0]; a++)
				known |= !strcmp(at + 1, arches[a]);
			if (!known) {
				fprintf(stderr, "signatures.tbl:%d: unknown arch in '%s'\n", lineno, tok);
				errs++;
			}
		}
		if (!valid_ident(tok) && !(at && (*at = '\0', valid_ident(tok)) && (*at = '@'))) {
			fprintf(stderr, "signatures.tbl:%d: bad syscall name '%s'\n", lineno, tok);
			errs++;
			continue;
		}
		for (size_t i = 0; i < nsig; i++)
			if (!strcmp(sig_names[i], tok)) {
				fprintf(stderr, "signatures.tbl:%d: duplicate '%s'\n", lineno, tok);
				errs++;
			}
		if (nsig < sizeof sig_names / sizeof sig_names[0])
			snprintf(sig_names[nsig++], sizeof sig_names[0], "%s", tok);
		int nargs = 0;
		while ((tok = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
			if (tok[0] == '#')
				break;
			char *colon = strchr(tok, ':');
			if (!colon) {
				fprintf(stderr, "signatures.tbl:%d: arg '%s' lacks ':type'\n", lineno, tok);
				errs++;
				continue;
			}
			*colon = '\0';
			const char *ty = colon + 1;
			static const char *types[] = {"i32", "u32", "i64", "u64", "long", "ulong", "ptr"};
			int ok = 0;
			for (size_t t = 0; t < sizeof types / sizeof types[0]; t++)
				ok |= !strcmp(ty, types[t]);
			if (!ok || !valid_ident(tok) ||
			    (strlen(tok) == 4 && !strncmp(tok, "arg", 3) && tok[3] >= '0' && tok[3] <= '5')) {
				fprintf(stderr, "signatures.tbl:%d: bad arg '%s:%s'\n", lineno, tok, ty);
				errs++;
			}
			nargs++;
		}
		if (nargs > 6) {
			fprintf(stderr, "signatures.tbl:%d: more than 6 args\n", lineno);
			errs++;
		}
	}
	fclose(f);
	return errs;
}

static int has_sig(const char *name)
{
	for (size_t i = 0; i < nsig; i++)
		if (!strcmp(sig_names[i], name))
			return 1;
	return 0;
}

static int load_table(const char *dir, const char *arch)
{
	char path[4096], line[1024];
	int errs = 0, lineno = 0;
	snprintf(path, sizeof path, "%s/%s.tbl", dir, arch);
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	tab.n = tab.nni = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		long nr;
		char name[64];
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\n' || *p == '\0')
			continue;
		if (*p == '#') {
			if (sscanf(p, "# ni %ld %63s", &nr, name) == 2 && tab.nni < MAXE) {
				tab.ni[tab.nni].nr = nr;
				snprintf(tab.ni[tab.nni].name, sizeof tab.ni[0].name, "%s", name);
				tab.nni++;
			}
			continue;
		}
		char extra[8];
		if (sscanf(p, "%ld %63s %7s", &nr, name, extra) != 2 || !valid_ident(name)) {
			fprintf(stderr, "%s.tbl:%d: malformed line: %s", arch, lineno, line);
			errs++;
			continue;
		}
		if (tab.n && nr <= tab.e[tab.n - 1].nr) {
			fprintf(stderr, "%s.tbl:%d: not sorted / duplicate number %ld\n", arch, lineno, nr);
			errs++;
		}
		for (size_t i = 0; i < tab.n; i++)
			if (!strcmp(tab.e[i].name, name)) {
				fprintf(stderr, "%s.tbl:%d: duplicate name %s\n", arch, lineno, name);
				errs++;
			}
		if (tab.n < MAXE) {
			tab.e[tab.n].nr = nr;
			snprintf(tab.e[tab.n].name, sizeof tab.e[0].name, "%s", name);
			tab.n++;
		}
	}
	fclose(f);
	return errs;
}

static const struct entry *find(const struct entry *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name))
			return &v[i];
	return NULL;
}

static int check_arch(const char *dir, size_t ai)
{
	const char *arch = arches[ai].file;
	uint32_t tok = arches[ai].token;
	int errs = load_table(dir, arch);
	size_t checked = 0, multiplexed = 0, only_polc = 0, only_lib = 0, ni_ok = 0;
	char only_polc_names[8192] = "", only_lib_names[8192] = "", ni_names[8192] = "";

	for (size_t i = 0; i < tab.n; i++) {
		const struct entry *e = &tab.e[i];
		if (!has_sig(e->name)) {
			fprintf(stderr, "%s: %s has no line in signatures.tbl\n", arch, e->name);
			errs++;
		}
		int lnr = seccomp_syscall_resolve_name_arch(tok, e->name);
		if (lnr >= 0) {
			checked++;
			if (lnr != e->nr) {
				fprintf(stderr, "%s: MISMATCH %s: polc %ld, libseccomp %d\n", arch, e->name,
					e->nr, lnr);
				errs++;
			}
		} else if (lnr != __NR_SCMP_ERROR && arches[ai].multiplexed && lnr <= -100 &&
			   lnr > -300) {
			multiplexed++;
		} else if (lnr == __NR_SCMP_ERROR) {
			only_polc++;
			strncat(only_polc_names, " ", sizeof only_polc_names - strlen(only_polc_names) - 1);
			strncat(only_polc_names, e->name,
				sizeof only_polc_names - strlen(only_polc_names) - 1);
		} else if (!strcmp(arch, "x32") && !strcmp(e->name, "map_shadow_stack")) {
			/* Known libseccomp 2.5.4 gap: map_shadow_stack is row
			 * "453 common" in syscall_64.tbl, so it exists for x32
			 * too, but libseccomp marks it x86_64-only. */
			only_polc++;
			strncat(only_polc_names, " map_shadow_stack(libseccomp: not on x32)",
				sizeof only_polc_names - strlen(only_polc_names) - 1);
		} else {
			fprintf(stderr, "%s: %s (polc %ld): libseccomp says not on this arch (%d)\n",
				arch, e->name, e->nr, lnr);
			errs++;
		}
	}

	/* every syscall libseccomp knows on this arch */
	static const struct {
		long lo, hi;
	} ranges[] = {{0, 1100}, {0x0f0000, 0x0f0100}, {0x40000000, 0x40000000 + 1100}};
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
		for (long nr = ranges[r].lo; nr <= ranges[r].hi; nr++) {
			char *name = seccomp_syscall_resolve_num_arch(tok, (int)nr);
			if (!name)
				continue;
			const struct entry *e = find(tab.e, tab.n, name);
			const struct entry *ni = find(tab.ni, tab.nni, name);
			if (e) {
				/* compared above */
			} else if (ni && (ni->nr == nr || ni->nr == nr + 0x40000000L)) {
				/* libseccomp 2.5.4 reports some x32 ni rows (getpmsg, ...)
				 * without __X32_SYSCALL_BIT; accept either. */
				ni_ok++;
				strncat(ni_names, " ", sizeof ni_names - strlen(ni_names) - 1);
				strncat(ni_names, name, sizeof ni_names - strlen(ni_names) - 1);
			} else {
				only_lib++;
				char buf[96];
				snprintf(buf, sizeof buf, " %s(%ld)", name, nr);
				strncat(only_lib_names, buf,
					sizeof only_lib_names - strlen(only_lib_names) - 1);
				if (ni)
					fprintf(stderr, "%s: ni entry %s: polc %ld, libseccomp %ld\n", arch,
						name, ni->nr, nr);
				errs++;
			}
			free(name);
		}
	}

	printf("%-8s %3zu syscalls: %zu checked, %zu multiplexed, %zu only in polc, "
	       "%zu only in libseccomp, %zu ENOSYS-only (ni)%s\n",
	       arch, tab.n, checked, multiplexed, only_polc, only_lib, ni_ok,
	       errs ? "  FAIL" : "");
	if (only_polc)
		printf("    only in polc:%s\n", only_polc_names);
	if (only_lib)
		printf("    only in libseccomp (FAIL):%s\n", only_lib_names);
	if (ni_ok)
		printf("    ni (kernel ENOSYS, libseccomp still knows):%s\n", ni_names);
	return errs;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s STDLIB_SYSCALLS_DIR\n", argv[0]);
		return 2;
	}
	const struct scmp_version *v = seccomp_version();
	printf("libseccomp %u.%u.%u\n", v->major, v->minor, v->micro);
	int errs = load_signatures(argv[1]);
	for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++)
		errs += check_arch(argv[1], i);
	if (errs) {
		printf("%d error(s)\n", errs);
		return 1;
	}
	printf("all syscall tables OK\n");
	return 0;
}
