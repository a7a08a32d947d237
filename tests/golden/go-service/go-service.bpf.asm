# polc BPF for policy go-service: 167 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 61 syscalls decided; unconditionally allowed 54, cacheable 54
# aarch64: 59 syscalls decided; unconditionally allowed 52, cacheable 52
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 68, 3                   ; aarch64
    3  ja 162                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 162                  ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 35                        
    8  jge #0x126, 9, 17                       
    9  jge #0x14f, 10, 11                      
   10  jeq #0x1b3, 166, 162                    
   11  jge #0x13e, 12, 16                      
   12  jge #0x143, 13, 14                      
   13  jge #0x14e, 163, 162                    
   14  jge #0x13f, 15, 163                     
   15  jge #0x142, 164, 162                    
   16  jeq #0x12e, 163, 162                    
   17  jge #0x101, 18, 28                      
   18  jge #0x112, 19, 23                      
   19  jge #0x120, 20, 22                      
   20  jeq #0x121, 162, 21                     
   21  jeq #0x124, 162, 163                    
   22  jeq #0x119, 163, 162                    
   23  jge #0x107, 24, 26                      
   24  jeq #0x111, 163, 25                     
   25  jeq #0x10b, 163, 162                    
   26  jge #0x102, 27, 163                     
   27  jge #0x106, 163, 162                    
   28  jge #0xe4, 29, 32                       
   29  jge #0xeb, 162, 30                      
   30  jge #0xe7, 163, 31                      
   31  jge #0xe5, 162, 163                     
   32  jge #0xcd, 33, 34                       
   33  jeq #0xd9, 163, 162                     
   34  jeq #0xcb, 162, 163                     
   35  jge #0x49, 36, 42                       
   36  jge #0x83, 37, 41                       
   37  jge #0x9f, 38, 39                       
   38  jeq #0xba, 163, 162                     
   39  jge #0x84, 40, 163                      
   40  jge #0x9e, 163, 162                     
   41  jeq #0x65, 165, 162                     
   42  jge #0x23, 43, 59                       
   43  jge #0x35, 44, 53                       
   44  jge #0x40, 45, 46                       
   45  jge #0x48, 163, 162                     
   46  jge #0x3b, 47, 50                       
   47  jge #0x3d, 48, 49                       
   48  jge #0x3f, 163, 162                     
   49  jge #0x3c, 163, 164                     
   50  jge #0x38, 51, 52                       
   51  jge #0x39, 162, 142                     
   52  jge #0x36, 163, 162                     
   53  jge #0x2c, 163, 54                      
   54  jge #0x29, 55, 57                       
   55  jge #0x2a, 56, 131                      
   56  jge #0x2b, 162, 163                     
   57  jge #0x24, 58, 163                      
   58  jeq #0x27, 163, 162                     
   59  jge #0x12, 60, 62                       
   60  jeq #0x18, 163, 61                      
   61  jeq #0x1c, 163, 162                     
   62  jge #0x8, 63, 65                        
   63  jeq #0xa, 128, 64                       
   64  jeq #0x10, 162, 163                     
   65  jge #0x4, 66, 67                        
   66  jeq #0x5, 163, 162                      
   67  jeq #0x2, 162, 163                      
aarch64:
   68  ld [nr]                                  ; nr
   69  jge #0xac, 70, 99                       
   70  jge #0x106, 71, 78                      
   71  jge #0x126, 72, 73                      
   72  jeq #0x1b3, 166, 162                    
   73  jge #0x116, 74, 162                     
   74  jge #0x11a, 75, 76                      
   75  jge #0x125, 163, 162                    
   76  jge #0x117, 77, 163                     
   77  jge #0x119, 164, 162                    
   78  jge #0xd5, 79, 91                       
   79  jge #0xe3, 80, 84                       
   80  jge #0xf2, 81, 83                       
   81  jge #0xf3, 82, 163                      
   82  jge #0x105, 163, 162                    
   83  jeq #0xe9, 163, 162                     
   84  jge #0xdc, 85, 89                       
   85  jge #0xdf, 86, 87                       
   86  jge #0xe2, 159, 162                     
   87  jge #0xdd, 88, 156                      
   88  jge #0xde, 163, 164                     
   89  jge #0xd8, 162, 90                      
   90  jge #0xd6, 163, 162                     
   91  jge #0xc6, 92, 96                       
   92  jge #0xcb, 163, 93                      
   93  jge #0xc8, 94, 95                       
   94  jge #0xca, 162, 163                     
   95  jge #0xc7, 162, 145                     
   96  jge #0xb3, 162, 97                      
   97  jge #0xad, 98, 163                      
   98  jge #0xb2, 163, 162                     
   99  jge #0x66, 100, 111                     
  100  jge #0x8c, 101, 102                     
  101  jeq #0xa0, 163, 162                     
  102  jge #0x7b, 103, 108                     
  103  jge #0x83, 104, 107                     
  104  jge #0x88, 105, 106                     
  105  jge #0x8b, 163, 162                     
  106  jeq #0x85, 162, 163                     
  107  jge #0x7d, 162, 163                     
  108  jge #0x71, 109, 162                     
  109  jge #0x72, 110, 163                     
  110  jeq #0x75, 165, 162                     
  111  jge #0x38, 112, 124                     
  112  jge #0x51, 113, 117                     
  113  jge #0x5d, 114, 162                     
  114  jge #0x62, 115, 116                     
  115  jeq #0x64, 162, 163                     
  116  jge #0x5f, 162, 163                     
  117  jge #0x44, 118, 119                     
  118  jge #0x4e, 163, 162                     
  119  jge #0x3d, 120, 122                     
  120  jge #0x41, 121, 163                     
  121  jge #0x43, 163, 162                     
  122  jge #0x3a, 123, 163                     
  123  jeq #0x3b, 163, 162                     
  124  jge #0x1a, 162, 125                     
  125  jge #0x13, 126, 162                     
  126  jge #0x17, 127, 163                     
  127  jge #0x19, 163, 162                     
mprotect:
  128  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  129  jset #0x4, 130, 163                      ; (go-service.pol:15)
  130  ja 162                                   ; no case matched: the default
socket:
  131  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  132  jeq #0x2, 133, 136                       ; (go-service.pol:24)
  133  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  134  and #0xf                                 ; (go-service.pol:24)
  135  jeq #0x1, 163, 136                       ; (go-service.pol:24)
  136  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  137  jeq #0xa, 138, 141                       ; (go-service.pol:24)
  138  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  139  and #0xf                                 ; (go-service.pol:24)
  140  jeq #0x1, 163, 141                       ; (go-service.pol:24)
  141  ja 162                                   ; no case matched: the default
clone:
  142  ld [args[0].w0]                          ; flags.lo (go-service.pol:20)
  143  jset #0x10000, 163, 144                  ; (go-service.pol:20)
  144  ja 162                                   ; no case matched: the default
socket:
  145  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  146  jeq #0x2, 147, 150                       ; (go-service.pol:24)
  147  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  148  and #0xf                                 ; (go-service.pol:24)
  149  jeq #0x1, 163, 150                       ; (go-service.pol:24)
  150  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  151  jeq #0xa, 152, 155                       ; (go-service.pol:24)
  152  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  153  and #0xf                                 ; (go-service.pol:24)
  154  jeq #0x1, 163, 155                       ; (go-service.pol:24)
  155  ja 162                                   ; no case matched: the default
clone:
  156  ld [args[0].w0]                          ; flags.lo (go-service.pol:20)
  157  jset #0x10000, 163, 158                  ; (go-service.pol:20)
  158  ja 162                                   ; no case matched: the default
mprotect:
  159  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  160  jset #0x4, 161, 163                      ; (go-service.pol:15)
  161  ja 162                                   ; no case matched: the default
kill-process:
  162  ret kill-process                        
allow:
  163  ret allow                               
errno(EACCES):
  164  ret errno(13)                           
log:
  165  ret log                                 
errno(ENOSYS):
  166  ret errno(38)                           
