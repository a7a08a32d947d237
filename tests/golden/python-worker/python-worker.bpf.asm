# polc BPF for policy python-worker: 104 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 105 syscalls decided; unconditionally allowed 91, cacheable 91
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 98                                    ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 98                   ; -1: no syscall; else x32: not targeted
    6  jge #0xba, 7, 44                        
    7  jge #0x122, 8, 27                       
    8  jge #0x14f, 9, 14                       
    9  jge #0x1b8, 100, 10                     
   10  jge #0x1b3, 11, 100                     
   11  jge #0x1b5, 12, 13                      
   12  jge #0x1b7, 99, 100                     
   13  jge #0x1b4, 99, 103                     
   14  jge #0x13c, 15, 24                      
   15  jge #0x144, 16, 20                      
   16  jge #0x149, 17, 19                      
   17  jge #0x14c, 18, 100                     
   18  jeq #0x14d, 100, 99                     
   19  jge #0x147, 99, 100                     
   20  jge #0x13f, 21, 23                      
   21  jeq #0x140, 100, 22                     
   22  jeq #0x142, 101, 98                     
   23  jeq #0x13d, 100, 99                     
   24  jge #0x129, 25, 26                      
   25  jeq #0x12e, 99, 100                     
   26  jeq #0x126, 100, 99                     
   27  jge #0xea, 28, 37                       
   28  jge #0x101, 29, 100                     
   29  jge #0x112, 30, 31                      
   30  jeq #0x119, 99, 100                     
   31  jge #0x109, 32, 35                      
   32  jge #0x10d, 33, 34                      
   33  jeq #0x110, 100, 99                     
   34  jeq #0x10b, 99, 100                     
   35  jge #0x106, 99, 36                      
   36  jge #0x103, 100, 99                     
   37  jge #0xd9, 38, 40                       
   38  jge #0xe4, 99, 39                       
   39  jge #0xdb, 100, 99                      
   40  jge #0xca, 41, 43                       
   41  jge #0xcd, 100, 42                      
   42  jeq #0xcb, 100, 99                      
   43  jge #0xbb, 100, 99                      
   44  jge #0x54, 45, 62                       
   45  jge #0x88, 46, 47                       
   46  jeq #0x9e, 99, 100                      
   47  jge #0x6d, 48, 51                       
   48  jge #0x83, 49, 100                      
   49  jge #0x84, 50, 99                       
   50  jge #0x87, 102, 100                     
   51  jge #0x63, 52, 58                       
   52  jge #0x67, 53, 55                       
   53  jge #0x6b, 99, 54                       
   54  jeq #0x68, 99, 100                      
   55  jge #0x65, 56, 57                       
   56  jge #0x66, 99, 98                       
   57  jge #0x64, 100, 99                      
   58  jge #0x5a, 59, 60                       
   59  jeq #0x60, 99, 100                      
   60  jge #0x57, 61, 100                      
   61  jeq #0x58, 100, 99                      
   62  jge #0x29, 63, 79                       
   63  jge #0x3d, 64, 71                       
   64  jge #0x48, 65, 70                       
   65  jge #0x4e, 66, 68                       
   66  jge #0x52, 99, 67                       
   67  jeq #0x4f, 99, 100                      
   68  jeq #0x49, 100, 69                      
   69  jeq #0x4c, 100, 99                      
   70  jeq #0x3f, 99, 100                      
   71  jge #0x31, 72, 76                       
   72  jge #0x36, 73, 100                      
   73  jge #0x39, 74, 75                       
   74  jge #0x3c, 99, 101                      
   75  jge #0x38, 95, 99                       
   76  jge #0x2c, 99, 77                       
   77  jge #0x2a, 78, 93                       
   78  jge #0x2b, 100, 99                      
   79  jge #0x16, 80, 88                       
   80  jge #0x20, 81, 84                       
   81  jge #0x24, 82, 83                       
   82  jeq #0x27, 99, 100                      
   83  jeq #0x22, 100, 99                      
   84  jge #0x1a, 85, 86                       
   85  jeq #0x1c, 99, 100                      
   86  jge #0x17, 87, 100                      
   87  jeq #0x18, 100, 99                      
   88  jge #0xb, 99, 89                        
   89  jge #0x9, 90, 99                        
mmap:
   90  ld [args[2].w0]                          ; prot.lo (python-worker.pol:19)
   91  jset #0x2, 92, 99                        ; (python-worker.pol:19)
   92  jset #0x4, 100, 99                       ; (python-worker.pol:19)
socket:
   93  ld [args[0].w0]                          ; domain.lo (python-worker.pol:33)
   94  jeq #0x1, 99, 100                        ; (python-worker.pol:33)
clone:
   95  ld [args[0].w0]                          ; flags.lo (python-worker.pol:24)
   96  and #0x70030000                          ; (python-worker.pol:24)
   97  jeq #0x10000, 99, 100                    ; (python-worker.pol:24)
kill-process:
   98  ret kill-process                        
allow:
   99  ret allow                               
errno(EPERM):
  100  ret errno(1)                            
errno(EACCES):
  101  ret errno(13)                           
log:
  102  ret log                                 
errno(ENOSYS):
  103  ret errno(38)                           
