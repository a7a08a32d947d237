# polc BPF for policy go-service: 208 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 58 syscalls decided; unconditionally allowed 49, cacheable 49
# aarch64: 57 syscalls decided; unconditionally allowed 48, cacheable 48
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 84, 3                   ; aarch64
    3  ja 203                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 203                  ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 38                        
    8  jge #0x119, 9, 26                       
    9  jge #0x144, 10, 14                      
   10  jge #0x1b8, 205, 11                     
   11  jge #0x1b3, 12, 205                     
   12  jge #0x1b4, 13, 206                     
   13  jge #0x1b7, 204, 205                    
   14  jge #0x136, 15, 19                      
   15  jge #0x13f, 16, 18                      
   16  jge #0x140, 17, 206                     
   17  jge #0x143, 206, 205                    
   18  jge #0x138, 205, 203                    
   19  jge #0x126, 20, 21                      
   20  jeq #0x12e, 201, 205                    
   21  jge #0x120, 22, 25                      
   22  jge #0x123, 23, 24                      
   23  jeq #0x124, 205, 204                    
   24  jge #0x121, 205, 204                    
   25  jge #0x11a, 205, 204                    
   26  jge #0xeb, 27, 32                       
   27  jge #0x101, 28, 205                     
   28  jge #0x109, 205, 29                     
   29  jge #0x106, 30, 31                      
   30  jeq #0x107, 205, 204                    
   31  jge #0x102, 205, 204                    
   32  jge #0xda, 33, 35                       
   33  jge #0xe7, 34, 205                      
   34  jeq #0xe8, 205, 204                     
   35  jge #0xcd, 36, 37                       
   36  jge #0xd9, 204, 205                     
   37  jeq #0xcb, 205, 204                     
   38  jge #0x6f, 39, 50                       
   39  jge #0xa1, 40, 41                       
   40  jeq #0xba, 204, 205                     
   41  jge #0x8b, 42, 44                       
   42  jge #0x9d, 43, 205                      
   43  jeq #0x9f, 205, 204                     
   44  jge #0x7d, 45, 49                       
   45  jge #0x84, 46, 47                       
   46  jge #0x8a, 204, 205                     
   47  jge #0x7f, 48, 204                      
   48  jge #0x83, 204, 205                     
   49  jeq #0x74, 204, 205                     
   50  jge #0x31, 51, 69                       
   51  jge #0x4f, 52, 62                       
   52  jge #0x5d, 53, 61                       
   53  jge #0x65, 54, 59                       
   54  jge #0x69, 55, 57                       
   55  jge #0x6b, 56, 204                      
   56  jge #0x6e, 204, 205                     
   57  jge #0x67, 205, 58                      
   58  jge #0x66, 204, 203                     
   59  jge #0x5e, 60, 204                      
   60  jeq #0x61, 204, 205                     
   61  jge #0x51, 205, 204                     
   62  jge #0x3c, 63, 64                       
   63  jeq #0x48, 204, 205                     
   64  jge #0x37, 65, 67                       
   65  jge #0x3b, 204, 66                      
   66  jeq #0x38, 198, 205                     
   67  jge #0x34, 68, 204                      
   68  jge #0x36, 204, 205                     
   69  jge #0x18, 70, 78                       
   70  jge #0x27, 71, 74                       
   71  jge #0x2a, 205, 72                      
   72  jge #0x28, 73, 204                      
   73  jge #0x29, 154, 205                     
   74  jge #0x1d, 75, 76                       
   75  jeq #0x23, 204, 205                     
   76  jge #0x19, 77, 204                      
   77  jge #0x1c, 204, 205                     
   78  jge #0xd, 79, 80                        
   79  jge #0x10, 205, 204                     
   80  jge #0x6, 81, 82                        
   81  jeq #0x9, 204, 205                      
   82  jeq #0x2, 205, 83                       
   83  jeq #0x4, 205, 204                      
aarch64:
   84  ld [nr]                                  ; nr
   85  jge #0xa3, 86, 117                      
   86  jge #0xf2, 87, 100                      
   87  jge #0x1b8, 205, 88                     
   88  jge #0x11b, 89, 92                      
   89  jge #0x1b3, 90, 205                     
   90  jge #0x1b4, 91, 206                     
   91  jge #0x1b7, 204, 205                    
   92  jge #0x10e, 93, 97                      
   93  jge #0x117, 94, 96                      
   94  jge #0x118, 95, 206                     
   95  jge #0x11a, 206, 205                    
   96  jge #0x110, 205, 203                    
   97  jge #0x106, 205, 98                     
   98  jge #0xf3, 99, 204                      
   99  jge #0x105, 201, 205                    
  100  jge #0xc6, 101, 111                     
  101  jge #0xdf, 102, 103                     
  102  jeq #0xe9, 204, 205                     
  103  jge #0xd1, 104, 106                     
  104  jge #0xdc, 105, 205                     
  105  jge #0xdd, 204, 198                     
  106  jge #0xca, 107, 109                     
  107  jge #0xd0, 204, 108                     
  108  jeq #0xcc, 204, 205                     
  109  jge #0xc8, 204, 110                     
  110  jge #0xc7, 205, 154                     
  111  jge #0xb3, 205, 112                     
  112  jge #0xac, 113, 115                     
  113  jge #0xaf, 114, 204                     
  114  jge #0xb2, 204, 205                     
  115  jge #0xa5, 116, 204                     
  116  jeq #0xa7, 204, 205                     
  117  jge #0x4f, 118, 137                     
  118  jge #0x7b, 119, 128                     
  119  jge #0x93, 120, 121                     
  120  jeq #0x9f, 204, 205                     
  121  jge #0x88, 122, 125                     
  122  jge #0x90, 123, 124                     
  123  jeq #0x91, 205, 204                     
  124  jeq #0x8b, 204, 205                     
  125  jge #0x83, 126, 127                     
  126  jeq #0x85, 205, 204                     
  127  jge #0x7d, 205, 204                     
  128  jge #0x66, 129, 130                     
  129  jeq #0x75, 203, 205                     
  130  jge #0x5a, 131, 136                     
  131  jge #0x5f, 132, 134                     
  132  jge #0x65, 204, 133                     
  133  jeq #0x62, 204, 205                     
  134  jge #0x5c, 135, 204                     
  135  jge #0x5e, 204, 205                     
  136  jge #0x51, 205, 204                     
  137  jge #0x26, 138, 148                     
  138  jge #0x37, 139, 144                     
  139  jge #0x41, 205, 140                     
  140  jge #0x3c, 141, 143                     
  141  jge #0x3f, 204, 142                     
  142  jeq #0x3d, 204, 205                     
  143  jeq #0x3a, 205, 204                     
  144  jge #0x2d, 145, 146                     
  145  jeq #0x31, 204, 205                     
  146  jge #0x27, 147, 204                     
  147  jge #0x2c, 204, 205                     
  148  jge #0x11, 149, 205                     
  149  jge #0x1a, 205, 150                     
  150  jge #0x14, 151, 153                     
  151  jge #0x17, 152, 204                     
  152  jge #0x19, 204, 205                     
  153  jge #0x12, 205, 204                     
socket:
  154  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  155  jeq #0x2, 156, 158                       ; (go-service.pol:84)
  156  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  157  jset #0x1, 158, 207                      ; (go-service.pol:84)
  158  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  159  jeq #0x2, 160, 162                       ; (go-service.pol:84)
  160  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  161  jset #0x2, 207, 162                      ; (go-service.pol:84)
  162  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  163  jeq #0x2, 164, 166                       ; (go-service.pol:84)
  164  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  165  jset #0x4, 207, 166                      ; (go-service.pol:84)
  166  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  167  jeq #0x2, 168, 170                       ; (go-service.pol:84)
  168  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  169  jset #0x8, 207, 170                      ; (go-service.pol:84)
  170  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  171  jeq #0xa, 172, 174                       ; (go-service.pol:84)
  172  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  173  jset #0x1, 174, 207                      ; (go-service.pol:84)
  174  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  175  jeq #0xa, 176, 178                       ; (go-service.pol:84)
  176  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  177  jset #0x2, 207, 178                      ; (go-service.pol:84)
  178  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  179  jeq #0xa, 180, 182                       ; (go-service.pol:84)
  180  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  181  jset #0x4, 207, 182                      ; (go-service.pol:84)
  182  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  183  jeq #0xa, 184, 186                       ; (go-service.pol:84)
  184  ld [args[1].w0]                          ; type.lo (go-service.pol:84)
  185  jset #0x8, 207, 186                      ; (go-service.pol:84)
  186  ld [args[0].w0]                          ; domain.lo (go-service.pol:84)
  187  jeq #0x2, 189, 188                       ; (go-service.pol:84)
  188  jeq #0xa, 189, 207                       ; (go-service.pol:84)
  189  jeq #0x2, 190, 193                       ; (go-service.pol:49)
  190  ld [args[1].w0]                          ; type.lo (go-service.pol:49)
  191  and #0xf                                 ; (go-service.pol:49)
  192  jeq #0x1, 204, 193                       ; (go-service.pol:49)
  193  ld [args[0].w0]                          ; domain.lo (go-service.pol:49)
  194  jeq #0xa, 195, 205                       ; (go-service.pol:49)
  195  ld [args[1].w0]                          ; type.lo (go-service.pol:49)
  196  and #0xf                                 ; (go-service.pol:49)
  197  jeq #0x1, 204, 205                       ; (go-service.pol:49)
clone:
  198  ld [args[0].w0]                          ; flags.lo (presets/base/go.pol:27)
  199  and #0x7e030000                          ; (presets/base/go.pol:27)
  200  jeq #0x10000, 204, 205                   ; (presets/base/go.pol:27)
prlimit64:
  201  ld [args[0].w0]                          ; pid.lo (go-service.pol:42)
  202  jeq #0x0, 204, 205                       ; (go-service.pol:42)
kill-process:
  203  ret kill-process                        
allow:
  204  ret allow                               
errno(EPERM):
  205  ret errno(1)                            
errno(ENOSYS):
  206  ret errno(38)                           
errno(EACCES):
  207  ret errno(13)                           
