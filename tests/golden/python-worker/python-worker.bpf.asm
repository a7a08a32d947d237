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
    6  jge #0x83, 7, 60                        
    7  jge #0x11a, 8, 34                       
    8  jge #0x142, 9, 22                       
    9  jge #0x14e, 10, 16                      
   10  jge #0x1b4, 11, 14                      
   11  jge #0x1b7, 12, 13                      
   12  jge #0x1b8, 128, 127                    
   13  jge #0x1b5, 128, 127                    
   14  jge #0x14f, 15, 127                     
   15  jge #0x1b3, 131, 128                    
   16  jge #0x147, 17, 20                      
   17  jge #0x14c, 18, 19                      
   18  jge #0x14d, 128, 127                    
   19  jge #0x149, 128, 127                    
   20  jge #0x143, 21, 129                     
   21  jge #0x144, 128, 126                    
   22  jge #0x12f, 23, 29                      
   23  jge #0x13e, 24, 27                      
   24  jge #0x140, 25, 26                      
   25  jge #0x141, 126, 128                    
   26  jge #0x13f, 126, 127                    
   27  jge #0x13c, 28, 128                     
   28  jge #0x13d, 128, 127                    
   29  jge #0x127, 30, 32                      
   30  jge #0x129, 31, 127                     
   31  jge #0x12e, 127, 128                    
   32  jge #0x122, 33, 128                     
   33  jge #0x126, 128, 127                    
   34  jge #0xdb, 35, 48                       
   35  jge #0x10b, 36, 42                      
   36  jge #0x110, 37, 40                      
   37  jge #0x112, 38, 39                      
   38  jge #0x119, 127, 128                    
   39  jge #0x111, 127, 128                    
   40  jge #0x10c, 41, 127                     
   41  jge #0x10d, 127, 128                    
   42  jge #0x101, 43, 46                      
   43  jge #0x106, 44, 45                      
   44  jge #0x109, 128, 127                    
   45  jge #0x103, 128, 127                    
   46  jge #0xe4, 47, 128                      
   47  jge #0xea, 128, 127                     
   48  jge #0xba, 49, 55                       
   49  jge #0xcb, 50, 53                       
   50  jge #0xcd, 51, 52                       
   51  jge #0xd9, 127, 128                     
   52  jge #0xcc, 127, 128                     
   53  jge #0xbb, 54, 127                      
   54  jge #0xca, 127, 128                     
   55  jge #0x88, 56, 58                       
   56  jge #0x9e, 57, 128                      
   57  jge #0x9f, 128, 127                     
   58  jge #0x84, 59, 127                      
   59  jge #0x87, 130, 128                     
   60  jge #0x3f, 61, 87                       
   61  jge #0x58, 62, 75                       
   62  jge #0x65, 63, 69                       
   63  jge #0x68, 64, 67                       
   64  jge #0x6b, 65, 66                       
   65  jge #0x6d, 128, 127                     
   66  jge #0x69, 128, 127                     
   67  jge #0x66, 68, 126                      
   68  jge #0x67, 128, 127                     
   69  jge #0x60, 70, 73                       
   70  jge #0x63, 71, 72                       
   71  jge #0x64, 128, 127                     
   72  jge #0x61, 128, 127                     
   73  jge #0x59, 74, 128                      
   74  jge #0x5a, 128, 127                     
   75  jge #0x4d, 76, 82                       
   76  jge #0x50, 77, 80                       
   77  jge #0x54, 78, 79                       
   78  jge #0x57, 127, 128                     
   79  jge #0x52, 127, 128                     
   80  jge #0x4e, 81, 127                      
   81  jge #0x4f, 127, 128                     
   82  jge #0x49, 83, 85                       
   83  jge #0x4a, 84, 128                      
   84  jge #0x4c, 128, 127                     
   85  jge #0x40, 86, 127                      
   86  jge #0x48, 127, 128                     
   87  jge #0x24, 88, 100                      
   88  jge #0x2c, 89, 95                       
   89  jge #0x38, 90, 93                       
   90  jge #0x3c, 91, 92                       
   91  jge #0x3d, 128, 127                     
   92  jge #0x39, 129, 122                     
   93  jge #0x31, 94, 127                      
   94  jge #0x36, 127, 128                     
   95  jge #0x29, 96, 98                       
   96  jge #0x2a, 97, 117                      
   97  jge #0x2b, 128, 127                     
   98  jge #0x27, 99, 128                      
   99  jge #0x28, 128, 127                     
  100  jge #0x19, 101, 107                     
  101  jge #0x1d, 102, 105                     
  102  jge #0x22, 103, 104                     
  103  jge #0x23, 127, 128                     
  104  jge #0x20, 127, 128                     
  105  jge #0x1a, 106, 127                     
  106  jge #0x1c, 127, 128                     
  107  jge #0x16, 108, 110                     
  108  jge #0x17, 109, 128                     
  109  jge #0x18, 128, 127                     
  110  jge #0x9, 111, 127                      
  111  jge #0xb, 127, 112                      
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
