# polc BPF for policy confine-reads: 9 instructions
# capabilities assumed (Docker's default set (no capabilities section)): CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE NET_RAW SYS_CHROOT MKNOD AUDIT_WRITE SETFCAP
# x86_64: 0 syscalls decided; unconditionally allowed 384, cacheable 384
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 7                                     ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 7                    ; -1: no syscall; else x32: not targeted
    6  ja 8                                    
kill-process:
    7  ret kill-process                        
allow:
    8  ret allow                               
