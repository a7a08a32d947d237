# polc BPF for policy python-worker: 128 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 105 syscalls decided; unconditionally allowed 91, cacheable 91
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 122                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 122                  ; -1: no syscall; else x32: not targeted
    6  jge #0xba, 7, 44                        
    7  jge #0x122, 8, 27                       
    8  jge #0x14f, 9, 14                       
    9  jge #0x1b8, 124, 10                     
   10  jge #0x1b3, 11, 124                     
   11  jge #0x1b5, 12, 13                      
   12  jge #0x1b7, 123, 124                    
   13  jge #0x1b4, 123, 127                    
   14  jge #0x13c, 15, 24                      
   15  jge #0x144, 16, 20                      
   16  jge #0x149, 17, 19                      
   17  jge #0x14c, 18, 124                     
   18  jeq #0x14d, 124, 123                    
   19  jge #0x147, 123, 124                    
   20  jge #0x13f, 21, 23                      
   21  jeq #0x140, 124, 22                     
   22  jeq #0x142, 125, 122                    
   23  jeq #0x13d, 124, 123                    
   24  jge #0x129, 25, 26                      
   25  jeq #0x12e, 123, 124                    
   26  jeq #0x126, 124, 123                    
   27  jge #0xea, 28, 37                       
   28  jge #0x101, 29, 124                     
   29  jge #0x112, 30, 31                      
   30  jeq #0x119, 123, 124                    
   31  jge #0x109, 32, 35                      
   32  jge #0x10d, 33, 34                      
   33  jeq #0x110, 124, 123                    
   34  jeq #0x10b, 123, 124                    
   35  jge #0x106, 123, 36                     
   36  jge #0x103, 124, 123                    
   37  jge #0xd9, 38, 40                       
   38  jge #0xe4, 123, 39                      
   39  jge #0xdb, 124, 123                     
   40  jge #0xca, 41, 43                       
   41  jge #0xcd, 124, 42                      
   42  jeq #0xcb, 124, 123                     
   43  jge #0xbb, 124, 123                     
   44  jge #0x54, 45, 62                       
   45  jge #0x88, 46, 47                       
   46  jeq #0x9e, 123, 124                     
   47  jge #0x6d, 48, 51                       
   48  jge #0x83, 49, 124                      
   49  jge #0x84, 50, 123                      
   50  jge #0x87, 126, 124                     
   51  jge #0x63, 52, 58                       
   52  jge #0x67, 53, 55                       
   53  jge #0x6b, 123, 54                      
   54  jeq #0x68, 123, 124                     
   55  jge #0x65, 56, 57                       
   56  jge #0x66, 123, 122                     
   57  jge #0x64, 124, 123                     
   58  jge #0x5a, 59, 60                       
   59  jeq #0x60, 123, 124                     
   60  jge #0x57, 61, 124                      
   61  jeq #0x58, 124, 123                     
   62  jge #0x29, 63, 79                       
   63  jge #0x3d, 64, 71                       
   64  jge #0x48, 65, 70                       
   65  jge #0x4e, 66, 68                       
   66  jge #0x52, 123, 67                      
   67  jeq #0x4f, 123, 124                     
   68  jeq #0x49, 124, 69                      
   69  jeq #0x4c, 124, 123                     
   70  jeq #0x3f, 123, 124                     
   71  jge #0x31, 72, 76                       
   72  jge #0x36, 73, 124                      
   73  jge #0x39, 74, 75                       
   74  jge #0x3c, 123, 125                     
   75  jge #0x38, 119, 123                     
   76  jge #0x2c, 123, 77                      
   77  jge #0x2a, 78, 93                       
   78  jge #0x2b, 124, 123                     
   79  jge #0x16, 80, 88                       
   80  jge #0x20, 81, 84                       
   81  jge #0x24, 82, 83                       
   82  jeq #0x27, 123, 124                     
   83  jeq #0x22, 124, 123                     
   84  jge #0x1a, 85, 86                       
   85  jeq #0x1c, 123, 124                     
   86  jge #0x17, 87, 124                      
   87  jeq #0x18, 124, 123                     
   88  jge #0xb, 123, 89                       
   89  jge #0x9, 90, 123                       
mmap:
   90  ld [args[2].w0]                          ; prot.lo (python-worker.pol:19)
   91  jset #0x2, 92, 123                       ; (python-worker.pol:19)
   92  jset #0x4, 124, 123                      ; (python-worker.pol:19)
socket:
   93  ld [args[0].w0]                          ; domain.lo (python-worker.pol:52)
   94  jeq #0x1, 95, 97                         ; (python-worker.pol:52)
   95  ld [args[1].w0]                          ; type.lo (python-worker.pol:52)
   96  jset #0x1, 97, 125                       ; (python-worker.pol:52)
   97  ld [args[0].w0]                          ; domain.lo (python-worker.pol:52)
   98  jeq #0x1, 99, 101                        ; (python-worker.pol:52)
   99  ld [args[1].w0]                          ; type.lo (python-worker.pol:52)
  100  jset #0x2, 125, 101                      ; (python-worker.pol:52)
  101  ld [args[0].w0]                          ; domain.lo (python-worker.pol:52)
  102  jeq #0x1, 103, 105                       ; (python-worker.pol:52)
  103  ld [args[1].w0]                          ; type.lo (python-worker.pol:52)
  104  jset #0x4, 125, 105                      ; (python-worker.pol:52)
  105  ld [args[0].w0]                          ; domain.lo (python-worker.pol:52)
  106  jeq #0x1, 107, 109                       ; (python-worker.pol:52)
  107  ld [args[1].w0]                          ; type.lo (python-worker.pol:52)
  108  jset #0x8, 125, 109                      ; (python-worker.pol:52)
  109  ld [args[0].w0]                          ; domain.lo (python-worker.pol:52)
  110  jeq #0x1, 111, 114                       ; (python-worker.pol:52)
  111  ld [args[1].w0]                          ; type.lo (python-worker.pol:52)
  112  and #0xf                                 ; (python-worker.pol:52)
  113  jeq #0x3, 125, 114                       ; (python-worker.pol:52)
  114  ld [args[0].w0]                          ; domain.lo (python-worker.pol:33)
  115  jeq #0x1, 116, 124                       ; (python-worker.pol:33)
  116  ld [args[1].w0]                          ; type.lo (python-worker.pol:33)
  117  and #0xf                                 ; (python-worker.pol:33)
  118  jeq #0x1, 123, 124                       ; (python-worker.pol:33)
clone:
  119  ld [args[0].w0]                          ; flags.lo (python-worker.pol:24)
  120  and #0x70030000                          ; (python-worker.pol:24)
  121  jeq #0x10000, 123, 124                   ; (python-worker.pol:24)
kill-process:
  122  ret kill-process                        
allow:
  123  ret allow                               
errno(EPERM):
  124  ret errno(1)                            
errno(EACCES):
  125  ret errno(13)                           
log:
  126  ret log                                 
errno(ENOSYS):
  127  ret errno(38)                           
