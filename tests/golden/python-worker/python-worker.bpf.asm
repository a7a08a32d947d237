# polc BPF for policy python-worker: 132 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 105 syscalls decided; unconditionally allowed 91, cacheable 91
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 126                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 126                  ; -1: no syscall; else x32: not targeted
    6  jge #0xbb, 7, 53                        
    7  jge #0x11a, 8, 34                       
    8  jge #0x14d, 9, 16                       
    9  jge #0x1b8, 128, 10                     
   10  jge #0x1b3, 11, 14                      
   11  jge #0x1b5, 12, 13                      
   12  jge #0x1b7, 127, 128                    
   13  jge #0x1b4, 127, 131                    
   14  jge #0x14f, 128, 15                     
   15  jge #0x14e, 127, 128                    
   16  jge #0x12f, 17, 29                      
   17  jge #0x13e, 18, 27                      
   18  jge #0x144, 19, 22                      
   19  jge #0x149, 20, 21                      
   20  jge #0x14c, 127, 128                    
   21  jge #0x147, 127, 128                    
   22  jge #0x141, 23, 25                      
   23  jge #0x142, 24, 126                     
   24  jge #0x143, 126, 129                    
   25  jge #0x13f, 26, 127                     
   26  jge #0x140, 128, 126                    
   27  jge #0x13c, 28, 128                     
   28  jge #0x13d, 128, 127                    
   29  jge #0x126, 30, 33                      
   30  jge #0x129, 31, 32                      
   31  jge #0x12e, 127, 128                    
   32  jge #0x127, 127, 128                    
   33  jge #0x122, 127, 128                    
   34  jge #0xea, 35, 46                       
   35  jge #0x101, 36, 128                     
   36  jge #0x10d, 37, 41                      
   37  jge #0x112, 38, 39                      
   38  jge #0x119, 127, 128                    
   39  jge #0x110, 40, 127                     
   40  jge #0x111, 127, 128                    
   41  jge #0x106, 42, 45                      
   42  jge #0x109, 43, 127                     
   43  jge #0x10b, 44, 128                     
   44  jge #0x10c, 128, 127                    
   45  jge #0x103, 128, 127                    
   46  jge #0xcd, 47, 50                       
   47  jge #0xdb, 48, 49                       
   48  jge #0xe4, 127, 128                     
   49  jge #0xd9, 127, 128                     
   50  jge #0xca, 51, 128                      
   51  jge #0xcb, 52, 127                      
   52  jge #0xcc, 127, 128                     
   53  jge #0x60, 54, 71                       
   54  jge #0x88, 55, 58                       
   55  jge #0x9f, 56, 57                       
   56  jge #0xba, 127, 128                     
   57  jge #0x9e, 127, 128                     
   58  jge #0x6d, 59, 62                       
   59  jge #0x83, 60, 128                      
   60  jge #0x84, 61, 127                      
   61  jge #0x87, 130, 128                     
   62  jge #0x66, 63, 67                       
   63  jge #0x69, 64, 65                       
   64  jge #0x6b, 127, 128                     
   65  jge #0x67, 66, 127                      
   66  jge #0x68, 127, 128                     
   67  jge #0x63, 68, 70                       
   68  jge #0x64, 69, 127                      
   69  jge #0x65, 126, 128                     
   70  jge #0x61, 128, 127                     
   71  jge #0x31, 72, 93                       
   72  jge #0x48, 73, 86                       
   73  jge #0x54, 74, 78                       
   74  jge #0x5a, 128, 75                      
   75  jge #0x57, 76, 128                      
   76  jge #0x58, 77, 127                      
   77  jge #0x59, 127, 128                     
   78  jge #0x4e, 79, 82                       
   79  jge #0x50, 80, 81                       
   80  jge #0x52, 127, 128                     
   81  jge #0x4f, 127, 128                     
   82  jge #0x4a, 83, 85                       
   83  jge #0x4c, 84, 127                      
   84  jge #0x4d, 127, 128                     
   85  jge #0x49, 128, 127                     
   86  jge #0x3c, 87, 90                       
   87  jge #0x40, 128, 88                      
   88  jge #0x3d, 89, 127                      
   89  jge #0x3f, 127, 128                     
   90  jge #0x36, 91, 128                      
   91  jge #0x39, 129, 92                      
   92  jge #0x38, 122, 127                     
   93  jge #0x18, 94, 108                      
   94  jge #0x24, 95, 101                      
   95  jge #0x2a, 96, 98                       
   96  jge #0x2c, 127, 97                      
   97  jge #0x2b, 128, 127                     
   98  jge #0x27, 99, 128                      
   99  jge #0x28, 100, 127                     
  100  jge #0x29, 117, 128                     
  101  jge #0x1d, 102, 105                     
  102  jge #0x20, 103, 128                     
  103  jge #0x22, 104, 127                     
  104  jge #0x23, 127, 128                     
  105  jge #0x1a, 106, 107                     
  106  jge #0x1c, 127, 128                     
  107  jge #0x19, 127, 128                     
  108  jge #0xb, 109, 111                      
  109  jge #0x16, 110, 127                     
  110  jge #0x17, 127, 128                     
  111  jge #0x9, 112, 127                      
mmap:
  112  ld [args[2].w0]                          ; prot.lo (python-worker.pol:20)
  113  jset #0x2, 114, 127                      ; (python-worker.pol:20)
  114  ld [args[2].w0]                          ; prot.lo (python-worker.pol:20)
  115  jset #0x4, 116, 127                      ; (python-worker.pol:20)
  116  ja 128                                   ; no case matched: the default
socket:
  117  ld [args[0].w1]                          ; domain.hi (python-worker.pol:34)
  118  jeq #0x0, 119, 121                       ; (python-worker.pol:34)
  119  ld [args[0].w0]                          ; domain.lo (python-worker.pol:34)
  120  jeq #0x1, 127, 121                       ; (python-worker.pol:34)
  121  ja 128                                   ; no case matched: the default
clone:
  122  ld [args[0].w0]                          ; flags.lo (python-worker.pol:25)
  123  and #0x70030000                          ; (python-worker.pol:25)
  124  jeq #0x10000, 127, 125                   ; (python-worker.pol:25)
  125  ja 128                                   ; no case matched: the default
kill-process:
  126  ret kill-process                        
allow:
  127  ret allow                               
errno(EPERM):
  128  ret errno(1)                            
errno(EACCES):
  129  ret errno(13)                           
log:
  130  ret log                                 
errno(ENOSYS):
  131  ret errno(38)                           
