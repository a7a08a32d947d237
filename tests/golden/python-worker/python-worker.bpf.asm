# polc BPF for policy python-worker: 108 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 105 syscalls decided; unconditionally allowed 91, cacheable 91
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 102                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 102                  ; -1: no syscall; else x32: not targeted
    6  jge #0xba, 7, 44                        
    7  jge #0x122, 8, 27                       
    8  jge #0x14f, 9, 14                       
    9  jge #0x1b8, 104, 10                     
   10  jge #0x1b3, 11, 104                     
   11  jge #0x1b5, 12, 13                      
   12  jge #0x1b7, 103, 104                    
   13  jge #0x1b4, 103, 107                    
   14  jge #0x13c, 15, 24                      
   15  jge #0x144, 16, 20                      
   16  jge #0x149, 17, 19                      
   17  jge #0x14c, 18, 104                     
   18  jeq #0x14d, 104, 103                    
   19  jge #0x147, 103, 104                    
   20  jge #0x13f, 21, 23                      
   21  jeq #0x140, 104, 22                     
   22  jeq #0x142, 105, 102                    
   23  jeq #0x13d, 104, 103                    
   24  jge #0x129, 25, 26                      
   25  jeq #0x12e, 103, 104                    
   26  jeq #0x126, 104, 103                    
   27  jge #0xea, 28, 37                       
   28  jge #0x101, 29, 104                     
   29  jge #0x112, 30, 31                      
   30  jeq #0x119, 103, 104                    
   31  jge #0x109, 32, 35                      
   32  jge #0x10d, 33, 34                      
   33  jeq #0x110, 104, 103                    
   34  jeq #0x10b, 103, 104                    
   35  jge #0x106, 103, 36                     
   36  jge #0x103, 104, 103                    
   37  jge #0xd9, 38, 40                       
   38  jge #0xe4, 103, 39                      
   39  jge #0xdb, 104, 103                     
   40  jge #0xca, 41, 43                       
   41  jge #0xcd, 104, 42                      
   42  jeq #0xcb, 104, 103                     
   43  jge #0xbb, 104, 103                     
   44  jge #0x54, 45, 62                       
   45  jge #0x88, 46, 47                       
   46  jeq #0x9e, 103, 104                     
   47  jge #0x6d, 48, 51                       
   48  jge #0x83, 49, 104                      
   49  jge #0x84, 50, 103                      
   50  jge #0x87, 106, 104                     
   51  jge #0x63, 52, 58                       
   52  jge #0x67, 53, 55                       
   53  jge #0x6b, 103, 54                      
   54  jeq #0x68, 103, 104                     
   55  jge #0x65, 56, 57                       
   56  jge #0x66, 103, 102                     
   57  jge #0x64, 104, 103                     
   58  jge #0x5a, 59, 60                       
   59  jeq #0x60, 103, 104                     
   60  jge #0x57, 61, 104                      
   61  jeq #0x58, 104, 103                     
   62  jge #0x29, 63, 79                       
   63  jge #0x3d, 64, 71                       
   64  jge #0x48, 65, 70                       
   65  jge #0x4e, 66, 68                       
   66  jge #0x52, 103, 67                      
   67  jeq #0x4f, 103, 104                     
   68  jeq #0x49, 104, 69                      
   69  jeq #0x4c, 104, 103                     
   70  jeq #0x3f, 103, 104                     
   71  jge #0x31, 72, 76                       
   72  jge #0x36, 73, 104                      
   73  jge #0x39, 74, 75                       
   74  jge #0x3c, 103, 105                     
   75  jge #0x38, 98, 103                      
   76  jge #0x2c, 103, 77                      
   77  jge #0x2a, 78, 95                       
   78  jge #0x2b, 104, 103                     
   79  jge #0x16, 80, 88                       
   80  jge #0x20, 81, 84                       
   81  jge #0x24, 82, 83                       
   82  jeq #0x27, 103, 104                     
   83  jeq #0x22, 104, 103                     
   84  jge #0x1a, 85, 86                       
   85  jeq #0x1c, 103, 104                     
   86  jge #0x17, 87, 104                      
   87  jeq #0x18, 104, 103                     
   88  jge #0xb, 103, 89                       
   89  jge #0x9, 90, 103                       
mmap:
   90  ld [args[2].w0]                          ; prot.lo (python-worker.pol:20)
   91  jset #0x2, 92, 103                       ; (python-worker.pol:20)
   92  ld [args[2].w0]                          ; prot.lo (python-worker.pol:20)
   93  jset #0x4, 94, 103                       ; (python-worker.pol:20)
   94  ja 104                                   ; no case matched: the default
socket:
   95  ld [args[0].w0]                          ; domain.lo (python-worker.pol:34)
   96  jeq #0x1, 103, 97                        ; (python-worker.pol:34)
   97  ja 104                                   ; no case matched: the default
clone:
   98  ld [args[0].w0]                          ; flags.lo (python-worker.pol:25)
   99  and #0x70030000                          ; (python-worker.pol:25)
  100  jeq #0x10000, 103, 101                   ; (python-worker.pol:25)
  101  ja 104                                   ; no case matched: the default
kill-process:
  102  ret kill-process                        
allow:
  103  ret allow                               
errno(EPERM):
  104  ret errno(1)                            
errno(EACCES):
  105  ret errno(13)                           
log:
  106  ret log                                 
errno(ENOSYS):
  107  ret errno(38)                           
