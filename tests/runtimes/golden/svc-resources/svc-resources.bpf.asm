# polc BPF for policy svc-resources: 57 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 315 syscalls decided; unconditionally allowed 315, cacheable 315
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 54                                    ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 54                   ; -1: no syscall; else x32: not targeted
    6  jge #0xba, 7, 40                        
    7  jge #0x12a, 8, 33                       
    8  jge #0x1a8, 9, 23                       
    9  jge #0x1bf, 10, 18                      
   10  jge #0x1c9, 11, 15                      
   11  jge #0x1d3, 12, 14                      
   12  jge #0x1d4, 13, 56                      
   13  jge #0x1d6, 56, 55                      
   14  jeq #0x1cc, 56, 55                      
   15  jge #0x1c3, 16, 17                      
   16  jeq #0x1c4, 55, 56                      
   17  jge #0x1c1, 55, 56                      
   18  jge #0x1b2, 19, 22                      
   19  jge #0x1ba, 20, 21                      
   20  jge #0x1bc, 55, 56                      
   21  jeq #0x1b6, 56, 55                      
   22  jge #0x1ad, 56, 55                      
   23  jge #0x140, 24, 28                      
   24  jge #0x149, 25, 27                      
   25  jge #0x14c, 26, 56                      
   26  jge #0x150, 56, 55                      
   27  jge #0x142, 55, 56                      
   28  jge #0x132, 29, 30                      
   29  jeq #0x139, 56, 55                      
   30  jge #0x12e, 31, 32                      
   31  jge #0x130, 56, 55                      
   32  jeq #0x12b, 55, 56                      
   33  jge #0xf7, 55, 34                       
   34  jge #0xe3, 35, 39                       
   35  jge #0xed, 36, 37                       
   36  jge #0xf6, 56, 55                       
   37  jge #0xe4, 38, 56                       
   38  jge #0xec, 56, 55                       
   39  jeq #0xd4, 56, 55                       
   40  jge #0x65, 41, 53                       
   41  jge #0x86, 42, 51                       
   42  jge #0xa3, 56, 43                       
   43  jge #0x99, 44, 47                       
   44  jge #0x9d, 45, 56                       
   45  jeq #0x9f, 56, 46                       
   46  jeq #0xa1, 56, 55                       
   47  jge #0x8c, 55, 48                       
   48  jge #0x89, 49, 50                       
   49  jge #0x8b, 56, 55                       
   50  jeq #0x87, 55, 56                       
   51  jge #0x68, 55, 52                       
   52  jeq #0x66, 55, 56                       
   53  jeq #0x1b, 56, 55                       
kill-process:
   54  ret kill-process                        
allow:
   55  ret allow                               
errno(EPERM):
   56  ret errno(1)                            
