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
    7  jge #0xbb, 8, 44                        
    8  jge #0x120, 9, 24                       
    9  jge #0x14f, 10, 12                      
   10  jge #0x1b4, 194, 11                     
   11  jge #0x1b3, 198, 194                    
   12  jge #0x13e, 13, 17                      
   13  jge #0x143, 14, 15                      
   14  jge #0x14e, 195, 194                    
   15  jge #0x13f, 16, 195                     
   16  jge #0x142, 196, 194                    
   17  jge #0x12f, 194, 18                     
   18  jge #0x126, 19, 20                      
   19  jge #0x12e, 195, 194                    
   20  jge #0x122, 21, 23                      
   21  jge #0x124, 22, 195                     
   22  jge #0x125, 195, 194                    
   23  jge #0x121, 194, 195                    
   24  jge #0xeb, 25, 35                       
   25  jge #0x106, 26, 33                      
   26  jge #0x112, 27, 29                      
   27  jge #0x119, 28, 194                     
   28  jge #0x11a, 194, 195                    
   29  jge #0x10c, 30, 31                      
   30  jge #0x111, 195, 194                    
   31  jge #0x107, 32, 195                     
   32  jge #0x10b, 195, 194                    
   33  jge #0x101, 34, 194                     
   34  jge #0x102, 194, 195                    
   35  jge #0xcd, 36, 41                       
   36  jge #0xda, 37, 40                       
   37  jge #0xe4, 38, 194                      
   38  jge #0xe7, 195, 39                      
   39  jge #0xe5, 194, 195                     
   40  jge #0xd9, 195, 194                     
   41  jge #0xca, 42, 194                      
   42  jge #0xcb, 43, 195                      
   43  jge #0xcc, 195, 194                     
   44  jge #0x65, 45, 51                       
   45  jge #0x84, 46, 49                       
   46  jge #0x9f, 47, 48                       
   47  jge #0xba, 195, 194                     
   48  jge #0x9e, 195, 194                     
   49  jge #0x66, 50, 197                      
   50  jge #0x83, 195, 194                     
   51  jge #0x35, 52, 62                       
   52  jge #0x49, 194, 53                      
   53  jge #0x3f, 54, 56                       
   54  jge #0x40, 55, 195                      
   55  jge #0x48, 195, 194                     
   56  jge #0x39, 57, 60                       
   57  jge #0x3c, 58, 59                       
   58  jge #0x3d, 194, 195                     
   59  jge #0x3b, 196, 194                     
   60  jge #0x36, 61, 194                      
   61  jge #0x38, 170, 195                     
   62  jge #0x19, 63, 73                       
   63  jge #0x27, 64, 69                       
   64  jge #0x2c, 195, 65                      
   65  jge #0x29, 66, 68                       
   66  jge #0x2a, 67, 155                      
   67  jge #0x2b, 194, 195                     
   68  jge #0x28, 194, 195                     
   69  jge #0x1d, 70, 72                       
   70  jge #0x23, 71, 194                      
   71  jge #0x24, 194, 195                     
   72  jge #0x1c, 195, 194                     
   73  jge #0xb, 74, 78                        
   74  jge #0x12, 75, 76                       
   75  jge #0x18, 195, 194                     
   76  jge #0x10, 77, 195                      
   77  jge #0x11, 195, 194                     
   78  jge #0x5, 79, 82                        
   79  jge #0x8, 80, 81                        
   80  jge #0xa, 152, 195                      
   81  jge #0x6, 194, 195                      
   82  jge #0x2, 83, 195                       
   83  jge #0x3, 84, 194                       
   84  jge #0x4, 194, 195                      
aarch64:
   85  ld [nr]                                  ; nr
   86  jge #0xa1, 87, 119                      
   87  jge #0xf3, 88, 98                       
   88  jge #0x1b3, 89, 90                      
   89  jge #0x1b4, 194, 198                    
   90  jge #0x11a, 91, 93                      
   91  jge #0x126, 194, 92                     
   92  jge #0x125, 195, 194                    
   93  jge #0x116, 94, 96                      
   94  jge #0x117, 95, 195                     
   95  jge #0x119, 196, 194                    
   96  jge #0x106, 194, 97                     
   97  jge #0x105, 195, 194                    
   98  jge #0xca, 99, 112                      
   99  jge #0xde, 100, 106                     
  100  jge #0xe9, 101, 103                     
  101  jge #0xea, 102, 195                     
  102  jge #0xf2, 195, 194                     
  103  jge #0xe3, 194, 104                     
  104  jge #0xdf, 105, 195                     
  105  jge #0xe2, 191, 194                     
  106  jge #0xd5, 107, 111                     
  107  jge #0xd8, 108, 110                     
  108  jge #0xdc, 109, 194                     
  109  jge #0xdd, 196, 188                     
  110  jge #0xd6, 195, 194                     
  111  jge #0xcb, 195, 194                     
  112  jge #0xb3, 113, 116                     
  113  jge #0xc6, 114, 194                     
  114  jge #0xc8, 195, 115                     
  115  jge #0xc7, 194, 173                     
  116  jge #0xac, 117, 194                     
  117  jge #0xad, 118, 195                     
  118  jge #0xb2, 195, 194                     
  119  jge #0x51, 120, 139                     
  120  jge #0x7b, 121, 129                     
  121  jge #0x8c, 122, 123                     
  122  jge #0xa0, 195, 194                     
  123  jge #0x83, 124, 128                     
  124  jge #0x88, 125, 126                     
  125  jge #0x8b, 195, 194                     
  126  jge #0x85, 127, 195                     
  127  jge #0x86, 195, 194                     
  128  jge #0x7d, 194, 195                     
  129  jge #0x66, 130, 134                     
  130  jge #0x71, 131, 194                     
  131  jge #0x76, 194, 132                     
  132  jge #0x72, 133, 195                     
  133  jge #0x75, 197, 194                     
  134  jge #0x5d, 135, 194                     
  135  jge #0x62, 136, 138                     
  136  jge #0x64, 137, 195                     
  137  jge #0x65, 195, 194                     
  138  jge #0x5f, 194, 195                     
  139  jge #0x1a, 140, 149                     
  140  jge #0x38, 141, 194                     
  141  jge #0x44, 142, 143                     
  142  jge #0x4e, 195, 194                     
  143  jge #0x3d, 144, 146                     
  144  jge #0x41, 145, 195                     
  145  jge #0x43, 195, 194                     
  146  jge #0x3a, 147, 195                     
  147  jge #0x3b, 148, 194                     
  148  jge #0x3c, 194, 195                     
  149  jge #0x13, 150, 194                     
  150  jge #0x17, 151, 195                     
  151  jge #0x19, 195, 194                     
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
