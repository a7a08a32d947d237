# polc BPF for policy redis: 235 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 85 syscalls decided; unconditionally allowed 77, cacheable 77
# aarch64: 77 syscalls decided; unconditionally allowed 69, cacheable 69
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 93, 3                   ; aarch64
    3  ja 230                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 230                  ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 43                        
    8  jge #0x112, 9, 28                       
    9  jge #0x144, 10, 15                      
   10  jge #0x1b8, 232, 11                     
   11  jge #0x1b3, 12, 14                      
   12  jge #0x1b4, 13, 233                     
   13  jge #0x1b7, 231, 232                    
   14  jeq #0x14e, 231, 232                    
   15  jge #0x126, 16, 23                      
   16  jge #0x136, 17, 22                      
   17  jge #0x13e, 18, 21                      
   18  jge #0x140, 19, 20                      
   19  jge #0x143, 233, 232                    
   20  jge #0x13f, 233, 231                    
   21  jge #0x138, 232, 230                    
   22  jeq #0x12e, 231, 232                    
   23  jge #0x120, 24, 27                      
   24  jge #0x123, 25, 26                      
   25  jeq #0x124, 232, 231                    
   26  jge #0x121, 232, 231                    
   27  jeq #0x119, 231, 232                    
   28  jge #0xeb, 29, 35                       
   29  jge #0x101, 30, 232                     
   30  jge #0x109, 31, 33                      
   31  jge #0x111, 231, 32                     
   32  jeq #0x10b, 231, 232                    
   33  jge #0x106, 231, 34                     
   34  jge #0x102, 232, 231                    
   35  jge #0xdb, 36, 38                       
   36  jge #0xe4, 37, 232                      
   37  jeq #0xe5, 232, 231                     
   38  jge #0xd5, 39, 41                       
   39  jge #0xd9, 231, 40                      
   40  jge #0xd6, 232, 231                     
   41  jge #0xcd, 232, 42                      
   42  jeq #0xcb, 232, 231                     
   43  jge #0x6f, 44, 54                       
   44  jge #0x9f, 45, 46                       
   45  jeq #0xba, 231, 232                     
   46  jge #0x8b, 47, 48                       
   47  jge #0x9d, 231, 232                     
   48  jge #0x7d, 49, 53                       
   49  jge #0x84, 50, 51                       
   50  jge #0x8a, 231, 232                     
   51  jge #0x7f, 52, 231                      
   52  jge #0x83, 231, 232                     
   53  jeq #0x74, 231, 232                     
   54  jge #0x37, 55, 75                       
   55  jge #0x53, 56, 67                       
   56  jge #0x61, 57, 62                       
   57  jge #0x69, 58, 60                       
   58  jge #0x6b, 59, 231                      
   59  jge #0x6e, 231, 232                     
   60  jeq #0x63, 231, 61                      
   61  jeq #0x65, 230, 232                     
   62  jge #0x5a, 63, 65                       
   63  jge #0x5d, 64, 232                      
   64  jeq #0x5e, 232, 231                     
   65  jge #0x57, 66, 232                      
   66  jeq #0x58, 232, 231                     
   67  jge #0x48, 68, 72                       
   68  jge #0x4c, 69, 71                       
   69  jge #0x4f, 70, 232                      
   70  jeq #0x51, 232, 231                     
   71  jeq #0x49, 232, 231                     
   72  jge #0x3f, 232, 73                      
   73  jge #0x3b, 231, 74                      
   74  jeq #0x38, 228, 232                     
   75  jge #0x19, 76, 85                       
   76  jge #0x2a, 77, 79                       
   77  jge #0x31, 78, 232                      
   78  jeq #0x35, 232, 231                     
   79  jge #0x23, 80, 84                       
   80  jge #0x26, 81, 83                       
   81  jge #0x28, 82, 231                      
   82  jge #0x29, 176, 232                     
   83  jge #0x24, 232, 231                     
   84  jeq #0x1c, 231, 232                     
   85  jge #0x10, 86, 90                       
   86  jge #0x15, 87, 89                       
   87  jge #0x16, 88, 231                      
   88  jge #0x18, 231, 232                     
   89  jeq #0x11, 231, 232                     
   90  jge #0x8, 231, 91                       
   91  jge #0x4, 92, 231                       
   92  jeq #0x5, 231, 232                      
aarch64:
   93  ld [nr]                                  ; nr
   94  jge #0xa6, 95, 132                      
   95  jge #0xf2, 96, 111                      
   96  jge #0x1b8, 232, 97                     
   97  jge #0x11b, 98, 102                     
   98  jge #0x1b3, 99, 101                     
   99  jge #0x1b4, 100, 233                    
  100  jge #0x1b7, 231, 232                    
  101  jeq #0x125, 231, 232                    
  102  jge #0x10e, 103, 108                    
  103  jge #0x116, 104, 107                    
  104  jge #0x118, 105, 106                    
  105  jge #0x11a, 233, 232                    
  106  jge #0x117, 233, 231                    
  107  jge #0x110, 232, 230                    
  108  jge #0x106, 232, 109                    
  109  jge #0x104, 231, 110                    
  110  jge #0xf3, 232, 231                     
  111  jge #0xc6, 112, 126                     
  112  jge #0xd6, 113, 120                     
  113  jge #0xe3, 114, 115                     
  114  jeq #0xe9, 231, 232                     
  115  jge #0xdc, 116, 119                     
  116  jge #0xdf, 117, 118                     
  117  jge #0xe2, 231, 232                     
  118  jge #0xdd, 231, 228                     
  119  jge #0xd8, 232, 231                     
  120  jge #0xce, 121, 122                     
  121  jeq #0xd0, 231, 232                     
  122  jge #0xca, 123, 124                     
  123  jge #0xcc, 231, 232                     
  124  jge #0xc8, 231, 125                     
  125  jge #0xc7, 232, 176                     
  126  jge #0xb4, 232, 127                     
  127  jge #0xae, 128, 129                     
  128  jge #0xb2, 231, 232                     
  129  jge #0xaa, 130, 131                     
  130  jge #0xac, 231, 232                     
  131  jeq #0xa8, 232, 231                     
  132  jge #0x4e, 133, 159                     
  133  jge #0x7d, 134, 143                     
  134  jge #0x93, 135, 136                     
  135  jeq #0x9f, 231, 232                     
  136  jge #0x88, 137, 140                     
  137  jge #0x90, 138, 139                     
  138  jeq #0x91, 232, 231                     
  139  jeq #0x8b, 231, 232                     
  140  jge #0x83, 141, 142                     
  141  jeq #0x85, 232, 231                     
  142  jeq #0x81, 231, 232                     
  143  jge #0x68, 144, 150                     
  144  jge #0x71, 145, 232                     
  145  jge #0x76, 146, 147                     
  146  jge #0x7b, 231, 232                     
  147  jge #0x74, 148, 149                     
  148  jge #0x75, 230, 232                     
  149  jeq #0x72, 232, 231                     
  150  jge #0x5a, 151, 157                     
  151  jge #0x62, 152, 154                     
  152  jeq #0x64, 232, 153                     
  153  jeq #0x66, 232, 231                     
  154  jge #0x5f, 155, 156                     
  155  jeq #0x60, 231, 232                     
  156  jeq #0x5c, 232, 231                     
  157  jge #0x54, 232, 158                     
  158  jeq #0x51, 232, 231                     
  159  jge #0x23, 160, 171                     
  160  jge #0x37, 161, 165                     
  161  jge #0x41, 162, 163                     
  162  jeq #0x43, 231, 232                     
  163  jeq #0x3a, 232, 164                     
  164  jeq #0x3c, 232, 231                     
  165  jge #0x2d, 166, 167                     
  166  jeq #0x31, 231, 232                     
  167  jge #0x27, 168, 169                     
  168  jge #0x2c, 231, 232                     
  169  jge #0x24, 170, 231                     
  170  jge #0x26, 231, 232                     
  171  jge #0x11, 172, 232                     
  172  jge #0x17, 173, 174                     
  173  jeq #0x19, 231, 232                     
  174  jge #0x14, 231, 175                     
  175  jge #0x12, 232, 231                     
socket:
  176  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  177  jeq #0x2, 178, 180                       ; (redis.pol:107)
  178  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  179  jset #0x1, 180, 234                      ; (redis.pol:107)
  180  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  181  jeq #0x2, 182, 184                       ; (redis.pol:107)
  182  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  183  jset #0x2, 234, 184                      ; (redis.pol:107)
  184  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  185  jeq #0x2, 186, 188                       ; (redis.pol:107)
  186  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  187  jset #0x4, 234, 188                      ; (redis.pol:107)
  188  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  189  jeq #0x2, 190, 192                       ; (redis.pol:107)
  190  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  191  jset #0x8, 234, 192                      ; (redis.pol:107)
  192  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  193  jeq #0x2, 194, 197                       ; (redis.pol:107)
  194  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  195  and #0xf                                 ; (redis.pol:107)
  196  jeq #0x3, 234, 197                       ; (redis.pol:107)
  197  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  198  jeq #0xa, 199, 201                       ; (redis.pol:107)
  199  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  200  jset #0x1, 201, 234                      ; (redis.pol:107)
  201  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  202  jeq #0xa, 203, 205                       ; (redis.pol:107)
  203  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  204  jset #0x2, 234, 205                      ; (redis.pol:107)
  205  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  206  jeq #0xa, 207, 209                       ; (redis.pol:107)
  207  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  208  jset #0x4, 234, 209                      ; (redis.pol:107)
  209  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  210  jeq #0xa, 211, 213                       ; (redis.pol:107)
  211  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  212  jset #0x8, 234, 213                      ; (redis.pol:107)
  213  ld [args[0].w0]                          ; domain.lo (redis.pol:107)
  214  jeq #0xa, 215, 218                       ; (redis.pol:107)
  215  ld [args[1].w0]                          ; type.lo (redis.pol:107)
  216  and #0xf                                 ; (redis.pol:107)
  217  jeq #0x3, 234, 218                       ; (redis.pol:107)
  218  ld [args[0].w0]                          ; domain.lo (redis.pol:48)
  219  jeq #0x2, 220, 223                       ; (redis.pol:48)
  220  ld [args[1].w0]                          ; type.lo (redis.pol:48)
  221  and #0xf                                 ; (redis.pol:48)
  222  jeq #0x1, 231, 223                       ; (redis.pol:48)
  223  ld [args[0].w0]                          ; domain.lo (redis.pol:48)
  224  jeq #0xa, 225, 232                       ; (redis.pol:48)
  225  ld [args[1].w0]                          ; type.lo (redis.pol:48)
  226  and #0xf                                 ; (redis.pol:48)
  227  jeq #0x1, 231, 232                       ; (redis.pol:48)
clone:
  228  ld [args[0].w0]                          ; flags.lo (presets/base/go.pol:27)
  229  jset #0x7e020000, 232, 231               ; (presets/base/go.pol:27)
kill-process:
  230  ret kill-process                        
allow:
  231  ret allow                               
errno(EPERM):
  232  ret errno(1)                            
errno(ENOSYS):
  233  ret errno(38)                           
errno(EACCES):
  234  ret errno(13)                           
