# polc BPF for policy go-service: 147 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 61 syscalls decided; unconditionally allowed 54, cacheable 54
# aarch64: 59 syscalls decided; unconditionally allowed 52, cacheable 52
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 68, 3                   ; aarch64
    3  ja 142                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 142                  ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 35                        
    8  jge #0x126, 9, 17                       
    9  jge #0x14f, 10, 11                      
   10  jeq #0x1b3, 146, 142                    
   11  jge #0x13e, 12, 16                      
   12  jge #0x143, 13, 14                      
   13  jge #0x14e, 143, 142                    
   14  jge #0x13f, 15, 143                     
   15  jge #0x142, 144, 142                    
   16  jeq #0x12e, 143, 142                    
   17  jge #0x101, 18, 28                      
   18  jge #0x112, 19, 23                      
   19  jge #0x120, 20, 22                      
   20  jeq #0x121, 142, 21                     
   21  jeq #0x124, 142, 143                    
   22  jeq #0x119, 143, 142                    
   23  jge #0x107, 24, 26                      
   24  jeq #0x111, 143, 25                     
   25  jeq #0x10b, 143, 142                    
   26  jge #0x102, 27, 143                     
   27  jge #0x106, 143, 142                    
   28  jge #0xe4, 29, 32                       
   29  jge #0xeb, 142, 30                      
   30  jge #0xe7, 143, 31                      
   31  jge #0xe5, 142, 143                     
   32  jge #0xcd, 33, 34                       
   33  jeq #0xd9, 143, 142                     
   34  jeq #0xcb, 142, 143                     
   35  jge #0x49, 36, 42                       
   36  jge #0x83, 37, 41                       
   37  jge #0x9f, 38, 39                       
   38  jeq #0xba, 143, 142                     
   39  jge #0x84, 40, 143                      
   40  jge #0x9e, 143, 142                     
   41  jeq #0x65, 145, 142                     
   42  jge #0x23, 43, 59                       
   43  jge #0x35, 44, 53                       
   44  jge #0x40, 45, 46                       
   45  jge #0x48, 143, 142                     
   46  jge #0x3b, 47, 50                       
   47  jge #0x3d, 48, 49                       
   48  jge #0x3f, 143, 142                     
   49  jge #0x3c, 143, 144                     
   50  jge #0x38, 51, 52                       
   51  jge #0x39, 142, 140                     
   52  jge #0x36, 143, 142                     
   53  jge #0x2c, 143, 54                      
   54  jge #0x29, 55, 57                       
   55  jge #0x2a, 56, 130                      
   56  jge #0x2b, 142, 143                     
   57  jge #0x24, 58, 143                      
   58  jeq #0x27, 143, 142                     
   59  jge #0x12, 60, 62                       
   60  jeq #0x18, 143, 61                      
   61  jeq #0x1c, 143, 142                     
   62  jge #0x8, 63, 65                        
   63  jeq #0xa, 128, 64                       
   64  jeq #0x10, 142, 143                     
   65  jge #0x4, 66, 67                        
   66  jeq #0x5, 143, 142                      
   67  jeq #0x2, 142, 143                      
aarch64:
   68  ld [nr]                                  ; nr
   69  jge #0xac, 70, 99                       
   70  jge #0x106, 71, 78                      
   71  jge #0x126, 72, 73                      
   72  jeq #0x1b3, 146, 142                    
   73  jge #0x116, 74, 142                     
   74  jge #0x11a, 75, 76                      
   75  jge #0x125, 143, 142                    
   76  jge #0x117, 77, 143                     
   77  jge #0x119, 144, 142                    
   78  jge #0xd5, 79, 91                       
   79  jge #0xe3, 80, 84                       
   80  jge #0xf2, 81, 83                       
   81  jge #0xf3, 82, 143                      
   82  jge #0x105, 143, 142                    
   83  jeq #0xe9, 143, 142                     
   84  jge #0xdc, 85, 89                       
   85  jge #0xdf, 86, 87                       
   86  jge #0xe2, 128, 142                     
   87  jge #0xdd, 88, 140                      
   88  jge #0xde, 143, 144                     
   89  jge #0xd8, 142, 90                      
   90  jge #0xd6, 143, 142                     
   91  jge #0xc6, 92, 96                       
   92  jge #0xcb, 143, 93                      
   93  jge #0xc8, 94, 95                       
   94  jge #0xca, 142, 143                     
   95  jge #0xc7, 142, 130                     
   96  jge #0xb3, 142, 97                      
   97  jge #0xad, 98, 143                      
   98  jge #0xb2, 143, 142                     
   99  jge #0x66, 100, 111                     
  100  jge #0x8c, 101, 102                     
  101  jeq #0xa0, 143, 142                     
  102  jge #0x7b, 103, 108                     
  103  jge #0x83, 104, 107                     
  104  jge #0x88, 105, 106                     
  105  jge #0x8b, 143, 142                     
  106  jeq #0x85, 142, 143                     
  107  jge #0x7d, 142, 143                     
  108  jge #0x71, 109, 142                     
  109  jge #0x72, 110, 143                     
  110  jeq #0x75, 145, 142                     
  111  jge #0x38, 112, 124                     
  112  jge #0x51, 113, 117                     
  113  jge #0x5d, 114, 142                     
  114  jge #0x62, 115, 116                     
  115  jeq #0x64, 142, 143                     
  116  jge #0x5f, 142, 143                     
  117  jge #0x44, 118, 119                     
  118  jge #0x4e, 143, 142                     
  119  jge #0x3d, 120, 122                     
  120  jge #0x41, 121, 143                     
  121  jge #0x43, 143, 142                     
  122  jge #0x3a, 123, 143                     
  123  jeq #0x3b, 143, 142                     
  124  jge #0x1a, 142, 125                     
  125  jge #0x13, 126, 142                     
  126  jge #0x17, 127, 143                     
  127  jge #0x19, 143, 142                     
mprotect:
  128  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  129  jset #0x4, 142, 143                      ; (go-service.pol:15)
socket:
  130  ld [args[0].w0]                          ; domain.lo (go-service.pol:26)
  131  jeq #0x2, 132, 135                       ; (go-service.pol:26)
  132  ld [args[1].w0]                          ; type.lo (go-service.pol:26)
  133  and #0xf                                 ; (go-service.pol:26)
  134  jeq #0x1, 143, 135                       ; (go-service.pol:26)
  135  ld [args[0].w0]                          ; domain.lo (go-service.pol:26)
  136  jeq #0xa, 137, 142                       ; (go-service.pol:26)
  137  ld [args[1].w0]                          ; type.lo (go-service.pol:26)
  138  and #0xf                                 ; (go-service.pol:26)
  139  jeq #0x1, 143, 142                       ; (go-service.pol:26)
clone:
  140  ld [args[0].w0]                          ; flags.lo (go-service.pol:22)
  141  jset #0x10000, 143, 142                  ; (go-service.pol:22)
kill-process:
  142  ret kill-process                        
allow:
  143  ret allow                               
errno(EACCES):
  144  ret errno(13)                           
errno(EPERM):
  145  ret errno(1)                            
errno(ENOSYS):
  146  ret errno(38)                           
