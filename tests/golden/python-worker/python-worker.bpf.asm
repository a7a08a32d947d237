# polc BPF for policy python-worker: 127 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 69 syscalls decided; unconditionally allowed 58, cacheable 58
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 122                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 6                    ; x32 bit
    5  jeq #0xffffffff, 6, 122                  ; -1: no syscall; else x32: not targeted
    6  jge #0xca, 7, 35                        
    7  jge #0x112, 8, 23                       
    8  jge #0x144, 9, 14                       
    9  jge #0x1b8, 124, 10                     
   10  jge #0x1b3, 11, 13                      
   11  jge #0x1b4, 12, 125                     
   12  jge #0x1b7, 123, 124                    
   13  jeq #0x14e, 123, 124                    
   14  jge #0x12e, 15, 22                      
   15  jge #0x136, 16, 21                      
   16  jge #0x13e, 17, 20                      
   17  jge #0x140, 18, 19                      
   18  jge #0x143, 125, 124                    
   19  jge #0x13f, 125, 123                    
   20  jge #0x138, 124, 122                    
   21  jge #0x12f, 124, 123                    
   22  jeq #0x123, 123, 124                    
   23  jge #0xeb, 24, 29                       
   24  jge #0x101, 25, 124                     
   25  jge #0x107, 26, 27                      
   26  jge #0x111, 123, 124                    
   27  jge #0x102, 28, 123                     
   28  jge #0x106, 123, 124                    
   29  jge #0xd9, 30, 33                       
   30  jge #0xe6, 31, 32                       
   31  jeq #0xe8, 124, 123                     
   32  jge #0xdb, 124, 123                     
   33  jge #0xcd, 124, 34                      
   34  jeq #0xcb, 124, 123                     
   35  jge #0x63, 36, 52                       
   36  jge #0x9f, 37, 38                       
   37  jeq #0xba, 123, 124                     
   38  jge #0x7d, 39, 45                       
   39  jge #0x8b, 40, 41                       
   40  jge #0x9d, 123, 124                     
   41  jge #0x84, 42, 43                       
   42  jge #0x8a, 123, 124                     
   43  jge #0x7f, 44, 123                      
   44  jge #0x83, 123, 124                     
   45  jge #0x6f, 46, 47                       
   46  jeq #0x74, 123, 124                     
   47  jge #0x69, 48, 50                       
   48  jge #0x6b, 49, 123                      
   49  jge #0x6e, 123, 124                     
   50  jge #0x64, 51, 123                      
   51  jeq #0x65, 122, 124                     
   52  jge #0x36, 53, 64                       
   53  jge #0x4f, 54, 58                       
   54  jge #0x5a, 55, 56                       
   55  jeq #0x5d, 123, 124                     
   56  jge #0x51, 57, 123                      
   57  jge #0x59, 123, 124                     
   58  jge #0x40, 59, 60                       
   59  jeq #0x48, 123, 124                     
   60  jge #0x39, 61, 63                       
   61  jge #0x3f, 123, 62                      
   62  jeq #0x3b, 123, 124                     
   63  jge #0x38, 119, 123                     
   64  jge #0x18, 65, 76                       
   65  jge #0x27, 66, 72                       
   66  jge #0x2e, 67, 68                       
   67  jeq #0x30, 123, 124                     
   68  jge #0x2a, 69, 70                       
   69  jeq #0x2b, 124, 123                     
   70  jge #0x28, 71, 123                      
   71  jge #0x29, 92, 124                      
   72  jge #0x1d, 73, 74                       
   73  jeq #0x23, 123, 124                     
   74  jge #0x19, 75, 123                      
   75  jge #0x1c, 123, 124                     
   76  jge #0xb, 77, 80                        
   77  jge #0x12, 78, 79                       
   78  jeq #0x15, 123, 124                     
   79  jeq #0x10, 88, 123                      
   80  jge #0x4, 81, 84                        
   81  jge #0x7, 82, 83                        
   82  jge #0x9, 85, 123                       
   83  jeq #0x5, 123, 124                      
   84  jeq #0x2, 124, 123                      
mmap:
   85  ld [args[2].w0]                          ; prot.lo (presets/base/go.pol:24)
   86  jset #0x2, 87, 123                       ; (presets/base/go.pol:24)
   87  jset #0x4, 124, 123                      ; (presets/base/go.pol:24)
ioctl:
   88  ld [args[1].w0]                          ; cmd.lo (python-worker.pol:44)
   89  jeq #0x5401, 123, 90                     ; (python-worker.pol:44)
   90  jeq #0x5421, 123, 91                     ; (python-worker.pol:44)
   91  jeq #0x5451, 123, 124                    ; (python-worker.pol:44)
socket:
   92  ld [args[0].w0]                          ; domain.lo (python-worker.pol:112)
   93  jeq #0x11, 126, 94                       ; (python-worker.pol:112)
   94  jeq #0x2, 95, 126                        ; (python-worker.pol:112)
   95  ld [args[1].w0]                          ; type.lo (python-worker.pol:112)
   96  and #0xf                                 ; (python-worker.pol:112)
   97  jeq #0x3, 126, 98                        ; (python-worker.pol:112)
   98  ld [args[0].w0]                          ; domain.lo (python-worker.pol:112)
   99  jeq #0x2, 100, 102                       ; (python-worker.pol:112)
  100  ld [args[1].w0]                          ; type.lo (python-worker.pol:112)
  101  jset #0x1, 102, 126                      ; (python-worker.pol:112)
  102  ld [args[0].w0]                          ; domain.lo (python-worker.pol:112)
  103  jeq #0x2, 104, 106                       ; (python-worker.pol:112)
  104  ld [args[1].w0]                          ; type.lo (python-worker.pol:112)
  105  jset #0x2, 126, 106                      ; (python-worker.pol:112)
  106  ld [args[0].w0]                          ; domain.lo (python-worker.pol:112)
  107  jeq #0x2, 108, 110                       ; (python-worker.pol:112)
  108  ld [args[1].w0]                          ; type.lo (python-worker.pol:112)
  109  jset #0x4, 126, 110                      ; (python-worker.pol:112)
  110  ld [args[0].w0]                          ; domain.lo (python-worker.pol:112)
  111  jeq #0x2, 112, 114                       ; (python-worker.pol:112)
  112  ld [args[1].w0]                          ; type.lo (python-worker.pol:112)
  113  jset #0x8, 126, 114                      ; (python-worker.pol:112)
  114  ld [args[0].w0]                          ; domain.lo (python-worker.pol:56)
  115  jeq #0x2, 116, 124                       ; (python-worker.pol:56)
  116  ld [args[1].w0]                          ; type.lo (python-worker.pol:56)
  117  and #0xf                                 ; (python-worker.pol:56)
  118  jeq #0x1, 123, 124                       ; (python-worker.pol:56)
clone:
  119  ld [args[0].w0]                          ; flags.lo (presets/base/go.pol:27)
  120  and #0x7e030000                          ; (presets/base/go.pol:27)
  121  jeq #0x10000, 123, 124                   ; (presets/base/go.pol:27)
kill-process:
  122  ret kill-process                        
allow:
  123  ret allow                               
errno(EPERM):
  124  ret errno(1)                            
errno(ENOSYS):
  125  ret errno(38)                           
errno(EACCES):
  126  ret errno(13)                           
