# polc BPF for policy go-service: 199 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 61 syscalls decided; unconditionally allowed 54, cacheable 54
# aarch64: 59 syscalls decided; unconditionally allowed 52, cacheable 52
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 85, 3                   ; aarch64
    3  ja 194                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 194                  ; -1: no syscall; else x32: not targeted
    7  jge #0x9e, 8, 47                        
    8  jge #0x111, 9, 28                       
    9  jge #0x12e, 10, 19                      
   10  jge #0x143, 11, 15                      
   11  jge #0x14f, 12, 14                      
   12  jge #0x1b3, 13, 194                     
   13  jge #0x1b4, 194, 198                    
   14  jge #0x14e, 195, 194                    
   15  jge #0x13e, 16, 18                      
   16  jge #0x13f, 17, 195                     
   17  jge #0x142, 196, 194                    
   18  jge #0x12f, 194, 195                    
   19  jge #0x121, 20, 24                      
   20  jge #0x124, 21, 23                      
   21  jge #0x125, 22, 194                     
   22  jge #0x126, 194, 195                    
   23  jge #0x122, 195, 194                    
   24  jge #0x119, 25, 27                      
   25  jge #0x11a, 26, 195                     
   26  jge #0x120, 195, 194                    
   27  jge #0x112, 194, 195                    
   28  jge #0xe4, 29, 38                       
   29  jge #0x102, 30, 34                      
   30  jge #0x107, 31, 33                      
   31  jge #0x10b, 32, 194                     
   32  jge #0x10c, 194, 195                    
   33  jge #0x106, 195, 194                    
   34  jge #0xe7, 35, 37                       
   35  jge #0xeb, 36, 195                      
   36  jge #0x101, 195, 194                    
   37  jge #0xe5, 194, 195                     
   38  jge #0xcb, 39, 43                       
   39  jge #0xcd, 40, 42                       
   40  jge #0xd9, 41, 194                      
   41  jge #0xda, 194, 195                     
   42  jge #0xcc, 195, 194                     
   43  jge #0xba, 44, 46                       
   44  jge #0xbb, 45, 195                      
   45  jge #0xca, 195, 194                     
   46  jge #0x9f, 194, 195                     
   47  jge #0x28, 48, 67                       
   48  jge #0x3c, 49, 58                       
   49  jge #0x49, 50, 54                       
   50  jge #0x66, 51, 53                       
   51  jge #0x83, 52, 194                      
   52  jge #0x84, 194, 195                     
   53  jge #0x65, 197, 194                     
   54  jge #0x3f, 55, 57                       
   55  jge #0x40, 56, 195                      
   56  jge #0x48, 195, 194                     
   57  jge #0x3d, 194, 195                     
   58  jge #0x35, 59, 63                       
   59  jge #0x38, 60, 62                       
   60  jge #0x39, 61, 170                      
   61  jge #0x3b, 196, 194                     
   62  jge #0x36, 195, 194                     
   63  jge #0x2a, 64, 66                       
   64  jge #0x2b, 65, 195                      
   65  jge #0x2c, 195, 194                     
   66  jge #0x29, 155, 194                     
   67  jge #0x10, 68, 77                       
   68  jge #0x1c, 69, 73                       
   69  jge #0x23, 70, 72                       
   70  jge #0x24, 71, 195                      
   71  jge #0x27, 195, 194                     
   72  jge #0x1d, 194, 195                     
   73  jge #0x12, 74, 76                       
   74  jge #0x18, 75, 194                      
   75  jge #0x19, 194, 195                     
   76  jge #0x11, 195, 194                     
   77  jge #0x5, 78, 82                        
   78  jge #0x8, 79, 81                        
   79  jge #0xa, 80, 195                       
   80  jge #0xb, 195, 152                      
   81  jge #0x6, 194, 195                      
   82  jge #0x3, 83, 84                        
   83  jge #0x4, 194, 195                      
   84  jge #0x2, 194, 195                      
aarch64:
   85  ld [nr]                                  ; nr
   86  jge #0xa0, 87, 120                      
   87  jge #0xdf, 88, 104                      
   88  jge #0x106, 89, 97                      
   89  jge #0x11a, 90, 94                      
   90  jge #0x126, 91, 93                      
   91  jge #0x1b3, 92, 194                     
   92  jge #0x1b4, 194, 198                    
   93  jge #0x125, 195, 194                    
   94  jge #0x117, 95, 96                      
   95  jge #0x119, 196, 194                    
   96  jge #0x116, 195, 194                    
   97  jge #0xea, 98, 101                      
   98  jge #0xf3, 99, 100                      
   99  jge #0x105, 195, 194                    
  100  jge #0xf2, 195, 194                     
  101  jge #0xe3, 102, 103                     
  102  jge #0xe9, 195, 194                     
  103  jge #0xe2, 191, 194                     
  104  jge #0xc8, 105, 113                     
  105  jge #0xd6, 106, 110                     
  106  jge #0xdc, 107, 109                     
  107  jge #0xdd, 108, 188                     
  108  jge #0xde, 195, 196                     
  109  jge #0xd8, 194, 195                     
  110  jge #0xcb, 111, 112                     
  111  jge #0xd5, 194, 195                     
  112  jge #0xca, 194, 195                     
  113  jge #0xb2, 114, 117                     
  114  jge #0xc6, 115, 116                     
  115  jge #0xc7, 194, 173                     
  116  jge #0xb3, 194, 195                     
  117  jge #0xac, 118, 119                     
  118  jge #0xad, 194, 195                     
  119  jge #0xa1, 194, 195                     
  120  jge #0x5f, 121, 137                     
  121  jge #0x76, 122, 130                     
  122  jge #0x85, 123, 127                     
  123  jge #0x88, 124, 126                     
  124  jge #0x8b, 125, 194                     
  125  jge #0x8c, 194, 195                     
  126  jge #0x86, 195, 194                     
  127  jge #0x7d, 128, 129                     
  128  jge #0x83, 195, 194                     
  129  jge #0x7b, 195, 194                     
  130  jge #0x66, 131, 134                     
  131  jge #0x72, 132, 133                     
  132  jge #0x75, 197, 194                     
  133  jge #0x71, 195, 194                     
  134  jge #0x64, 135, 136                     
  135  jge #0x65, 195, 194                     
  136  jge #0x62, 195, 194                     
  137  jge #0x3c, 138, 145                     
  138  jge #0x44, 139, 142                     
  139  jge #0x51, 140, 141                     
  140  jge #0x5d, 195, 194                     
  141  jge #0x4e, 195, 194                     
  142  jge #0x41, 143, 144                     
  143  jge #0x43, 195, 194                     
  144  jge #0x3d, 195, 194                     
  145  jge #0x1a, 146, 149                     
  146  jge #0x3a, 147, 148                     
  147  jge #0x3b, 195, 194                     
  148  jge #0x38, 195, 194                     
  149  jge #0x17, 150, 151                     
  150  jge #0x19, 195, 194                     
  151  jge #0x13, 195, 194                     
mprotect:
  152  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  153  jset #0x4, 154, 195                      ; (go-service.pol:15)
  154  ja 194                                   ; no case matched: the default
socket:
  155  ld [args[0].w1]                          ; domain.hi (go-service.pol:24)
  156  jeq #0x0, 157, 162                       ; (go-service.pol:24)
  157  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  158  jeq #0x2, 159, 162                       ; (go-service.pol:24)
  159  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  160  and #0xf                                 ; (go-service.pol:24)
  161  jeq #0x1, 195, 162                       ; (go-service.pol:24)
  162  ld [args[0].w1]                          ; domain.hi (go-service.pol:24)
  163  jeq #0x0, 164, 169                       ; (go-service.pol:24)
  164  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  165  jeq #0xa, 166, 169                       ; (go-service.pol:24)
  166  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  167  and #0xf                                 ; (go-service.pol:24)
  168  jeq #0x1, 195, 169                       ; (go-service.pol:24)
  169  ja 194                                   ; no case matched: the default
clone:
  170  ld [args[0].w0]                          ; flags.lo (go-service.pol:20)
  171  jset #0x10000, 195, 172                  ; (go-service.pol:20)
  172  ja 194                                   ; no case matched: the default
socket:
  173  ld [args[0].w1]                          ; domain.hi (go-service.pol:24)
  174  jeq #0x0, 175, 180                       ; (go-service.pol:24)
  175  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  176  jeq #0x2, 177, 180                       ; (go-service.pol:24)
  177  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  178  and #0xf                                 ; (go-service.pol:24)
  179  jeq #0x1, 195, 180                       ; (go-service.pol:24)
  180  ld [args[0].w1]                          ; domain.hi (go-service.pol:24)
  181  jeq #0x0, 182, 187                       ; (go-service.pol:24)
  182  ld [args[0].w0]                          ; domain.lo (go-service.pol:24)
  183  jeq #0xa, 184, 187                       ; (go-service.pol:24)
  184  ld [args[1].w0]                          ; type.lo (go-service.pol:24)
  185  and #0xf                                 ; (go-service.pol:24)
  186  jeq #0x1, 195, 187                       ; (go-service.pol:24)
  187  ja 194                                   ; no case matched: the default
clone:
  188  ld [args[0].w0]                          ; flags.lo (go-service.pol:20)
  189  jset #0x10000, 195, 190                  ; (go-service.pol:20)
  190  ja 194                                   ; no case matched: the default
mprotect:
  191  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  192  jset #0x4, 193, 195                      ; (go-service.pol:15)
  193  ja 194                                   ; no case matched: the default
kill-process:
  194  ret kill-process                        
allow:
  195  ret allow                               
errno(EACCES):
  196  ret errno(13)                           
log:
  197  ret log                                 
errno(ENOSYS):
  198  ret errno(38)                           
