# polc BPF for policy postgres: 290 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 111 syscalls decided; unconditionally allowed 101, cacheable 101
# aarch64: 101 syscalls decided; unconditionally allowed 91, cacheable 91
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 117, 3                  ; aarch64
    3  ja 285                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 74                   ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 50                        
    8  jge #0x115, 9, 35                       
    9  jge #0x144, 10, 15                      
   10  jge #0x1b8, 76, 11                      
   11  jge #0x1b3, 12, 14                      
   12  jge #0x1b4, 13, 77                      
   13  jge #0x1b7, 75, 76                      
   14  jeq #0x14e, 75, 76                      
   15  jge #0x129, 16, 23                      
   16  jge #0x136, 17, 22                      
   17  jge #0x13e, 18, 21                      
   18  jge #0x140, 19, 20                      
   19  jge #0x143, 73, 72                      
   20  jge #0x13f, 73, 70                      
   21  jge #0x138, 71, 68                      
   22  jeq #0x12e, 69, 71                      
   23  jge #0x120, 24, 31                      
   24  jge #0x126, 25, 28                      
   25  jge #0x128, 26, 27                      
   26  ja 286                                   ; trampoline
   27  ja 287                                   ; trampoline
   28  jeq #0x122, 30, 29                      
   29  ja 286                                   ; trampoline
   30  ja 287                                   ; trampoline
   31  jge #0x11a, 32, 33                      
   32  jeq #0x11d, 286, 287                    
   33  jge #0x116, 34, 286                     
   34  jge #0x119, 286, 287                    
   35  jge #0xeb, 36, 43                       
   36  jge #0x101, 37, 287                     
   37  jge #0x10b, 38, 40                      
   38  jge #0x10f, 39, 286                     
   39  jeq #0x111, 286, 287                    
   40  jge #0x106, 41, 42                      
   41  jge #0x109, 287, 286                    
   42  jge #0x103, 287, 286                    
   43  jge #0xd9, 44, 48                       
   44  jge #0xde, 45, 46                       
   45  jge #0xe7, 286, 287                     
   46  jge #0xdb, 47, 286                      
   47  jge #0xdd, 286, 287                     
   48  jge #0xcd, 287, 49                      
   49  jeq #0xcb, 287, 286                     
   50  jge #0x71, 51, 61                       
   51  jge #0x9f, 52, 53                       
   52  jeq #0xba, 286, 287                     
   53  jge #0x8b, 54, 55                       
   54  jge #0x9d, 286, 287                     
   55  jge #0x7d, 56, 60                       
   56  jge #0x84, 57, 58                       
   57  jge #0x8a, 286, 287                     
   58  jge #0x7f, 59, 286                      
   59  jge #0x83, 286, 287                     
   60  jeq #0x74, 286, 287                     
   61  jge #0x3a, 62, 95                       
   62  jge #0x54, 63, 87                       
   63  jge #0x60, 64, 82                       
   64  jge #0x68, 65, 78                       
   65  jge #0x6d, 66, 286                      
   66  jge #0x6e, 67, 287                      
   67  jeq #0x6f, 287, 286                     
   68  ja 285                                   ; trampoline
   69  ja 286                                   ; trampoline
   70  ja 286                                   ; trampoline
   71  ja 287                                   ; trampoline
   72  ja 287                                   ; trampoline
   73  ja 288                                   ; trampoline
   74  ja 285                                   ; trampoline
   75  ja 286                                   ; trampoline
   76  ja 287                                   ; trampoline
   77  ja 288                                   ; trampoline
   78  jge #0x65, 79, 81                       
   79  jge #0x66, 80, 285                      
   80  jge #0x67, 287, 286                     
   81  jeq #0x62, 286, 287                     
   82  jge #0x59, 83, 86                       
   83  jge #0x5d, 84, 85                       
   84  jeq #0x5e, 287, 286                     
   85  jge #0x5b, 287, 286                     
   86  jeq #0x57, 286, 287                     
   87  jge #0x48, 88, 93                       
   88  jge #0x4f, 89, 90                       
   89  jeq #0x51, 287, 286                     
   90  jge #0x4c, 91, 92                       
   91  jeq #0x4d, 286, 287                     
   92  jeq #0x49, 287, 286                     
   93  jge #0x3f, 94, 286                      
   94  jeq #0x43, 286, 287                     
   95  jge #0x22, 96, 106                      
   96  jge #0x2e, 97, 101                      
   97  jge #0x34, 98, 100                      
   98  jeq #0x36, 286, 99                      
   99  jeq #0x38, 283, 287                     
  100  jge #0x31, 286, 287                     
  101  jge #0x26, 102, 105                     
  102  jge #0x2a, 286, 103                     
  103  jge #0x28, 104, 286                     
  104  jge #0x29, 205, 287                     
  105  jeq #0x23, 286, 287                     
  106  jge #0x13, 107, 112                     
  107  jge #0x1c, 108, 109                     
  108  jeq #0x1e, 202, 286                     
  109  jge #0x18, 110, 111                     
  110  jge #0x1a, 287, 286                     
  111  jeq #0x15, 286, 287                     
  112  jge #0x8, 113, 114                      
  113  jeq #0x10, 200, 286                     
  114  jge #0x4, 115, 116                      
  115  jeq #0x5, 286, 287                      
  116  jeq #0x2, 287, 286                      
aarch64:
  117  ld [nr]                                  ; nr
  118  jge #0xa5, 119, 153                     
  119  jge #0xf2, 120, 135                     
  120  jge #0x1b8, 287, 121                    
  121  jge #0x11b, 122, 126                    
  122  jge #0x1b3, 123, 125                    
  123  jge #0x1b4, 124, 288                    
  124  jge #0x1b7, 286, 287                    
  125  jeq #0x125, 286, 287                    
  126  jge #0x10e, 127, 132                    
  127  jge #0x116, 128, 131                    
  128  jge #0x118, 129, 130                    
  129  jge #0x11a, 288, 287                    
  130  jge #0x117, 288, 286                    
  131  jge #0x110, 287, 285                    
  132  jge #0x106, 287, 133                    
  133  jge #0x104, 286, 134                    
  134  jge #0xf3, 287, 286                     
  135  jge #0xd1, 136, 144                     
  136  jge #0xe3, 137, 138                     
  137  jeq #0xe9, 286, 287                     
  138  jge #0xdc, 139, 142                     
  139  jge #0xe0, 140, 141                     
  140  jge #0xe2, 286, 287                     
  141  jge #0xdd, 286, 283                     
  142  jge #0xd6, 143, 287                     
  143  jge #0xd9, 287, 286                     
  144  jge #0xc2, 145, 150                     
  145  jge #0xc8, 146, 147                     
  146  jeq #0xcd, 287, 286                     
  147  jge #0xc6, 148, 149                     
  148  jge #0xc7, 287, 205                     
  149  jeq #0xc4, 202, 286                     
  150  jge #0xb3, 287, 151                     
  151  jge #0xac, 286, 152                     
  152  jge #0xa8, 287, 286                     
  153  jge #0x55, 154, 176                     
  154  jge #0x7b, 155, 167                     
  155  jge #0x93, 156, 159                     
  156  jge #0x9d, 157, 287                     
  157  jge #0xa0, 287, 158                     
  158  jeq #0x9e, 287, 286                     
  159  jge #0x88, 160, 163                     
  160  jge #0x90, 161, 162                     
  161  jeq #0x91, 287, 286                     
  162  jeq #0x8b, 286, 287                     
  163  jge #0x83, 164, 165                     
  164  jeq #0x85, 287, 286                     
  165  jge #0x7d, 166, 286                     
  166  jeq #0x81, 286, 287                     
  167  jge #0x68, 168, 169                     
  168  jeq #0x75, 285, 287                     
  169  jge #0x5f, 170, 174                     
  170  jge #0x62, 171, 173                     
  171  jeq #0x64, 287, 172                     
  172  jeq #0x66, 287, 286                     
  173  jeq #0x60, 286, 287                     
  174  jge #0x5a, 175, 287                     
  175  jeq #0x5c, 287, 286                     
  176  jge #0x24, 177, 194                     
  177  jge #0x3d, 178, 186                     
  178  jge #0x49, 179, 182                     
  179  jge #0x4e, 180, 181                     
  180  jeq #0x51, 287, 286                     
  181  jeq #0x4a, 286, 287                     
  182  jge #0x43, 183, 185                     
  183  jeq #0x45, 287, 184                     
  184  jeq #0x47, 287, 286                     
  185  jge #0x41, 287, 286                     
  186  jge #0x32, 187, 191                     
  187  jge #0x37, 188, 190                     
  188  jge #0x3a, 189, 286                     
  189  jeq #0x3b, 286, 287                     
  190  jeq #0x35, 286, 287                     
  191  jge #0x2c, 192, 193                     
  192  jeq #0x2d, 287, 286                     
  193  jeq #0x26, 286, 287                     
  194  jge #0x11, 195, 287                     
  195  jge #0x1a, 196, 198                     
  196  jge #0x22, 286, 197                     
  197  jeq #0x1d, 200, 287                     
  198  jge #0x14, 286, 199                     
  199  jge #0x12, 287, 286                     
ioctl:
  200  ld [args[1].w0]                          ; cmd.lo (postgres.pol:78)
  201  jeq #0x5401, 286, 287                    ; (postgres.pol:78)
shmat:
  202  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:55)
  203  jset #0x8000, 289, 204                   ; (postgres.pol:55)
  204  jset #0x8000, 287, 286                   ; (postgres.pol:54)
socket:
  205  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  206  jeq #0x1, 207, 209                       ; (postgres.pol:126)
  207  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  208  jset #0x1, 209, 289                      ; (postgres.pol:126)
  209  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  210  jeq #0x1, 211, 213                       ; (postgres.pol:126)
  211  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  212  jset #0x2, 289, 213                      ; (postgres.pol:126)
  213  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  214  jeq #0x1, 215, 217                       ; (postgres.pol:126)
  215  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  216  jset #0x4, 289, 217                      ; (postgres.pol:126)
  217  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  218  jeq #0x1, 219, 221                       ; (postgres.pol:126)
  219  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  220  jset #0x8, 289, 221                      ; (postgres.pol:126)
  221  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  222  jeq #0x1, 223, 226                       ; (postgres.pol:126)
  223  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  224  and #0xf                                 ; (postgres.pol:126)
  225  jeq #0x3, 289, 226                       ; (postgres.pol:126)
  226  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  227  jeq #0x2, 228, 230                       ; (postgres.pol:126)
  228  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  229  jset #0x1, 230, 289                      ; (postgres.pol:126)
  230  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  231  jeq #0x2, 232, 234                       ; (postgres.pol:126)
  232  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  233  jset #0x2, 289, 234                      ; (postgres.pol:126)
  234  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  235  jeq #0x2, 236, 238                       ; (postgres.pol:126)
  236  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  237  jset #0x4, 289, 238                      ; (postgres.pol:126)
  238  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  239  jeq #0x2, 240, 242                       ; (postgres.pol:126)
  240  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  241  jset #0x8, 289, 242                      ; (postgres.pol:126)
  242  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  243  jeq #0x2, 244, 247                       ; (postgres.pol:126)
  244  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  245  and #0xf                                 ; (postgres.pol:126)
  246  jeq #0x3, 289, 247                       ; (postgres.pol:126)
  247  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  248  jeq #0xa, 249, 251                       ; (postgres.pol:126)
  249  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  250  jset #0x1, 251, 289                      ; (postgres.pol:126)
  251  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  252  jeq #0xa, 253, 255                       ; (postgres.pol:126)
  253  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  254  jset #0x2, 289, 255                      ; (postgres.pol:126)
  255  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  256  jeq #0xa, 257, 259                       ; (postgres.pol:126)
  257  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  258  jset #0x4, 289, 259                      ; (postgres.pol:126)
  259  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  260  jeq #0xa, 261, 263                       ; (postgres.pol:126)
  261  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  262  jset #0x8, 289, 263                      ; (postgres.pol:126)
  263  ld [args[0].w0]                          ; domain.lo (postgres.pol:126)
  264  jeq #0xa, 265, 268                       ; (postgres.pol:126)
  265  ld [args[1].w0]                          ; type.lo (postgres.pol:126)
  266  and #0xf                                 ; (postgres.pol:126)
  267  jeq #0x3, 289, 268                       ; (postgres.pol:126)
  268  ld [args[0].w0]                          ; domain.lo (postgres.pol:83)
  269  jeq #0x1, 270, 273                       ; (postgres.pol:83)
  270  ld [args[1].w0]                          ; type.lo (postgres.pol:83)
  271  and #0xf                                 ; (postgres.pol:83)
  272  jeq #0x1, 286, 273                       ; (postgres.pol:83)
  273  ld [args[0].w0]                          ; domain.lo (postgres.pol:83)
  274  jeq #0x2, 275, 278                       ; (postgres.pol:83)
  275  ld [args[1].w0]                          ; type.lo (postgres.pol:83)
  276  and #0xf                                 ; (postgres.pol:83)
  277  jeq #0x1, 286, 278                       ; (postgres.pol:83)
  278  ld [args[0].w0]                          ; domain.lo (postgres.pol:83)
  279  jeq #0xa, 280, 287                       ; (postgres.pol:83)
  280  ld [args[1].w0]                          ; type.lo (postgres.pol:83)
  281  and #0xf                                 ; (postgres.pol:83)
  282  jeq #0x1, 286, 287                       ; (postgres.pol:83)
clone:
  283  ld [args[0].w0]                          ; flags.lo (presets/base/go.pol:27)
  284  jset #0x7e020000, 287, 286               ; (presets/base/go.pol:27)
kill-process:
  285  ret kill-process                        
allow:
  286  ret allow                               
errno(EPERM):
  287  ret errno(1)                            
errno(ENOSYS):
  288  ret errno(38)                           
errno(EACCES):
  289  ret errno(13)                           
