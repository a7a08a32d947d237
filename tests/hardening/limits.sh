#!/usr/bin/env bash
# Generated inputs at and beyond polc's limits (compiler/util/polc_limits.h):
# each must end in a clear diagnostic and exit 1 or 2, never a crash
# (status >= 128), a hang (timeout) or an out-of-memory abort.
#   limits.sh POLC
set -u
polc=$(realpath "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-limits.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
H=$'arch x86_64\ndefault errno(EPERM)\n'

# expect NAME STATUS PATTERN SECONDS -- ARGS...: polc ARGS exits with STATUS
# within SECONDS and its stderr matches the extended regex PATTERN.
expect() {
    local name=$1 want=$2 pat=$3 secs=$4
    shift 5
    local start=$SECONDS
    timeout "$secs" "$polc" "$@" >"$name.out" 2>"$name.err" </dev/null
    local rc=$?
    if [ "$rc" -eq 124 ]; then
        echo "FAIL $name: no answer within ${secs}s (hang)"; fail=1; return
    fi
    if [ "$rc" -ge 128 ]; then
        echo "FAIL $name: exit status $rc (crash)"; head -c 2000 "$name.err"; fail=1; return
    fi
    if [ "$rc" != "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want"; head -c 2000 "$name.err"; fail=1; return
    fi
    if [ -n "$pat" ] && ! grep -Eq -- "$pat" "$name.err"; then
        echo "FAIL $name: stderr does not match /$pat/:"; head -c 2000 "$name.err"; fail=1; return
    fi
    echo "ok   $name ($((SECONDS - start))s)"
}

gen() { python3 -c "$1" >"$2"; }

# ---- nesting: the C stack must never overflow ----
gen "print('''$H''' + 'syscalls { allow read if ' + '('*100000 + 'fd == 1' + ')'*100000 + ' }')" parens.pol
expect parens_100000 1 '^parens\.pol:3:[0-9]+: error\[E0106\]: brackets nested deeper than 256' 30 -- --check parens.pol
gen "print('''$H''' + 'syscalls { ' + 'when arch x86_64 { '*100000 + 'allow read' + ' }'*100000 + ' }')" when.pol
expect when_100000 1 '^when\.pol:3:[0-9]+: error\[E0106\]: brackets nested deeper than 256' 30 -- --check when.pol
for op in and or; do
    gen "print('''$H''' + 'syscalls { allow read if ' + ' $op '.join(['fd == %d' % i for i in range(100000)]) + ' }')" $op.pol
    expect ${op}_chain_100000 1 "^$op\.pol:3:26: error\[E0106\]: expression nested deeper than 1000" 30 -- --check $op.pol
done
gen "print('''$H''' + 'syscalls { allow read if fd == ' + '|'.join(['1'] * 100000) + ' }')" bitor.pol
expect bitor_chain_100000 1 '^bitor\.pol:3:[0-9]+: error\[E0106\]: expression nested' 30 -- --check bitor.pol
gen "print('''$H''' + 'syscalls { allow read if ' + 'not '*100000 + 'fd == 1 }')" not.pol
expect not_100000 1 '^not\.pol:3:[0-9]+: error\[E0106\]: nesting is too deep for the parser' 30 -- --check not.pol
gen "print('''$H''' + 'syscalls { allow read if fd == ' + '~'*5000 + '1 }')" tilde.pol
expect tilde_5000 1 '^tilde\.pol:3:[0-9]+: error\[E0106\]: expression nested deeper than 1000' 30 -- --check tilde.pol
gen "print('''$H''' + 'const A0 = 1\n' + ''.join('const A%d = A%d\n' % (i + 1, i) for i in range(100000)) + 'syscalls { allow read if fd == A100000 }')" consts.pol
expect const_chain_100000 1 '^consts\.pol:[0-9]+:[0-9]+: error\[E0107\]: constant `A[0-9]+` is defined through more than 1000' 60 -- --check consts.pol
gen "print('''$H''' + 'set @s0 = {read}\n' + ''.join('set @s%d = {@s%d}\n' % (i + 1, i) for i in range(100000)) + 'syscalls { allow @s100000 }')" sets.pol
expect set_chain_100000 1 '^sets\.pol:[0-9]+:[0-9]+: error\[E0107\]: set `@s[0-9]+` is defined through more than 1000' 60 -- --check sets.pol
gen "print('''$H''' + 'set @s0 = {read}\n' + ''.join('set @s%d = {@s%d, @s%d}\n' % (i + 1, i, i) for i in range(64)) + 'syscalls { allow @s64 }')" doubling.pol
expect set_doubling_64 1 '^doubling\.pol:3:12: error\[E0107\]: sets and rules name more than 1000000' 60 -- --check doubling.pol
# an unknown name in a doubled set is one error, not 2^19 errors each with a suggestion (fuzz_policy: 13 s)
gen "print('''$H''' + 'set @s0 = {read, no_such_call}\n' + ''.join('set @s%d = {@s%d, @s%d}\n' % (i + 1, i, i) for i in range(19)) + 'syscalls { allow @s19 }')" doubling_unknown.pol
expect set_doubling_unknown_name 1 '^doubling_unknown\.pol:3:18: error\[E0210\]: unknown syscall `no_such_call`' 20 -- --check doubling_unknown.pol
if [ "$(grep -c 'error\[E0210\]' set_doubling_unknown_name.err)" != 1 ]; then
    echo "FAIL set_doubling_unknown_name: the unknown name is not reported exactly once"; fail=1
fi

# ---- sizes ----
gen "print('''$H''' + 'syscalls {\n' + 'allow read\n' * 250001 + '}')" rules.pol
expect rules_250001 1 '^rules\.pol:[0-9]+:1: error\[E0107\]: the policy has more than 250000 rules' 120 -- --check rules.pol
# many conditional rules on few syscalls: linear, not cubic (this took minutes)
gen "print('''$H''' + 'syscalls {\n' + ''.join('allow %s if arg5 == %d\n' % (('read', 'write', 'openat', 'close', 'mmap')[i % 5], i) for i in range(20000)) + '}')" condrules.pol
expect cond_rules_20000 1 'error\[E0410\]: the BPF program has' 120 -- --check condrules.pol
expect cond_rules_20000_docker 0 '' 120 -- --check -t docker condrules.pol
head -c $((16 * 1024 * 1024 + 1)) /dev/zero | tr '\0' '#' >big.pol
expect file_over_16MiB 2 "^error\[E0202\]: cannot read \`big\.pol\`: larger than polc's limit of 16 MiB" 30 -- --check big.pol
timeout 30 "$polc" --check - <big.pol >stdin.out 2>stdin.err
rc=$?
if [ "$rc" = 2 ] && grep -q '^error\[E0202\]: cannot read standard input: larger than' stdin.err; then
    echo "ok   stdin_over_16MiB"
else
    echo "FAIL stdin_over_16MiB: status $rc"; cat stdin.err; fail=1
fi
# the limit is for policy sources: a trace for polc learn may be larger
expect learn_trace_over_16MiB 1 'error\[E0704\]: no x86_64 system calls found' 60 -- learn --arch x86_64 big.pol -o learned.pol
printf 'include "big.pol"\n%s' "$H" >incbig.pol
expect include_over_16MiB 1 "^incbig\.pol:1:9: error\[E0202\]: cannot read \`big\.pol\`: larger than" 30 -- --check incbig.pol
python3 -c "print('# x\n' * 4000000 + '''$H''' + 'syscalls { allow read }')" >just_under.pol
expect file_under_16MiB 0 'warning' 60 -- --check just_under.pol
gen "print('''$H''' + 'syscalls { allow ' + 'x' * 1000000 + ' }')" longname.pol
expect name_1000000_bytes 1 '^longname\.pol:3:18: error\[E0107\]: identifier is 1000000 bytes long' 30 -- --check longname.pol
gen "print('''$H''' + 'syscalls { allow read if fd == 0x' + '0' * 300 + '1 }')" longnum.pol
expect number_303_bytes 1 '^longnum\.pol:3:32: error\[E0107\]: number is 303 bytes long' 30 -- --check longnum.pol
gen "print('''$H''' + 'syscalls { allow @' + 'g' * 300 + ' }')" longgroup.pol
expect group_300_bytes 1 '^longgroup\.pol:3:18: error\[E0107\]: @group name is 300 bytes long' 30 -- --check longgroup.pol
gen "print('''$H''' + 'syscalls { allow read if ' + ' and '.join(['fd == %d' % i for i in range(100000)]) + ' }')" dumpast.pol
expect dump_ast_deep 1 'error\[E0106\]: expression nested deeper than 1000' 30 -- --dump-ast --check dumpast.pol
gen "print('''$H''' + 'filesystem { read /' + 'a' * 1000000 + ' }')" longpath.pol
expect path_1000000_bytes 1 '^longpath\.pol:3:19: error\[E0107\]: path is 1000001 bytes long' 30 -- --check longpath.pol

# ---- odd inputs ----
: >empty.pol
expect empty_file 1 "^empty\.pol:1:1: error\[E0221\]: the policy has no \`default\`" 30 -- --check empty.pol
expect empty_stdin 1 "^<stdin>:1:1: error\[E0221\]" 30 -- --check - 
mkdir adir
expect input_is_directory 2 "^error\[E0202\]: cannot read \`adir\`: Is a directory" 30 -- --check adir
mkfifo afifo
expect input_is_fifo 2 "^error\[E0202\]: cannot read \`afifo\`: not a regular file" 10 -- --check afifo
expect input_is_device 2 "^error\[E0202\]: cannot read \`/dev/zero\`: not a regular file" 10 -- --check /dev/zero
printf 'include "adir"\n%s' "$H" >incdir.pol
expect include_is_directory 1 "^incdir\.pol:1:9: error\[E0202\]: cannot read \`adir\`: Is a directory" 30 -- --check incdir.pol
printf 'include "afifo"\n%s' "$H" >incfifo.pol
expect include_is_fifo 1 "^incfifo\.pol:1:9: error\[E0202\]: cannot read \`afifo\`: not a regular file" 10 -- --check incfifo.pol

# ---- polc import: YAML that libyaml or the conversion would choke on ----
{
    printf 'kind: SeccompProfile\nspec:\n  defaultAction: SCMP_ACT_ERRNO\n  a0: &a0 ["x","x","x","x","x","x","x","x","x"]\n'
    for i in $(seq 1 10); do
        printf '  a%d: &a%d [' "$i" "$i"
        for j in $(seq 1 9); do printf '*a%d,' $((i - 1)); done
        printf '*a%d]\n' $((i - 1))
    done
} >laughs.yaml
expect import_billion_laughs 1 '^laughs\.yaml:1:1: error\[E0711\]: the YAML expands to more than 1000000 nodes' 60 -- import laughs.yaml -o laughs.pol
gen "print('kind: SeccompProfile\nspec: ' + '{a: ' * 100000 + '1' + '}' * 100000)" flow.yaml
expect import_yaml_flow_100000 1 '^flow\.yaml:1:1: error\[E0711\]: invalid YAML: nesting too deep' 30 -- import flow.yaml -o flow.pol
gen "print('[' * 100000 + ']' * 100000)" deep.json
expect import_json_100000 1 '^deep\.json:1:257: error\[E0711\]: invalid JSON: nested deeper than 256 arrays and objects' 30 -- import deep.json -o deep.pol
# an include polc may not read: as root, drop to nobody with setpriv (root
# reads anything); setpriv is util-linux, always there on Debian. nobody
# may not reach the build tree (a clone in a 0700 directory, say), so it
# runs a copy of polc, with the stdlib beside it as an install has it, in
# a directory of its own under /tmp.
nob=$(mktemp -d /tmp/polc-nobody.XXXXXX) || exit 1
trap 'rm -rf "$tmp" "$nob"' EXIT
mkdir -p "$nob/bin" "$nob/share/polc"
cp "$polc" "$nob/bin/polc"
cp -r "$(cd "$(dirname "$0")/../.." && pwd)/stdlib" "$nob/share/polc/stdlib"
chmod -R a+rX "$nob"
cd "$nob" || exit 1
printf '%s' "$H" >secret.pol
chmod 000 secret.pol
printf 'include "secret.pol"\n%s' "$H" >incsecret.pol
chmod 644 incsecret.pol
if [ "$(id -u)" = 0 ]; then
    run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
    run_as=()
fi
"${run_as[@]}" timeout 30 "$nob/bin/polc" --check incsecret.pol >"$tmp/secret.out" 2>"$tmp/secret.err"
rc=$?
if [ "$rc" = 1 ] && grep -q "^incsecret\.pol:1:9: error\[E0202\]: cannot read \`secret\.pol\`: Permission denied" "$tmp/secret.err"; then
    echo "ok   include_unreadable"
else
    echo "FAIL include_unreadable: status $rc"; cat "$tmp/secret.err"; fail=1
fi
"${run_as[@]}" timeout 30 "$nob/bin/polc" --check secret.pol >"$tmp/secret2.out" 2>"$tmp/secret2.err"
rc=$?
if [ "$rc" = 2 ] && grep -q "^error\[E0202\]: cannot read \`secret\.pol\`: Permission denied" "$tmp/secret2.err"; then
    echo "ok   input_unreadable"
else
    echo "FAIL input_unreadable: status $rc"; cat "$tmp/secret2.err"; fail=1
fi

exit $fail
