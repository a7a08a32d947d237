# polc BPF for policy nginx: 342 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 98 syscalls decided; unconditionally allowed 88, cacheable 88
# aarch64: 90 syscalls decided; unconditionally allowed 80, cacheable 80
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 98, 3                   ; aarch64
    3  ja 337                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 64                   ; -1: no syscall; else x32: not targeted
    7  jge #0xca, 8, 43                        
    8  jge #0x112, 9, 26                       
    9  jge #0x144, 10, 15                      
   10  jge #0x1b8, 66, 11                      
   11  jge #0x1b3, 12, 14                      
   12  jge #0x1b4, 13, 67                      
   13  jge #0x1b7, 65, 66                      
   14  jeq #0x14e, 65, 66                      
   15  jge #0x125, 16, 23                      
   16  jge #0x136, 17, 22                      
   17  jge #0x13e, 18, 21                      
   18  jge #0x140, 19, 20                      
   19  jge #0x143, 67, 66                      
   20  jge #0x13f, 67, 65                      
   21  jge #0x138, 66, 64                      
   22  jeq #0x12e, 65, 66                      
   23  jge #0x120, 24, 25                      
   24  jeq #0x121, 66, 65                      
   25  jeq #0x119, 65, 66                      
   26  jge #0xeb, 27, 35                       
   27  jge #0x101, 28, 66                      
   28  jge #0x108, 29, 33                      
   29  jge #0x10e, 30, 31                      
   30  jge #0x111, 65, 66                      
   31  jge #0x10b, 32, 66                      
   32  jeq #0x10c, 66, 65                      
   33  jeq #0x103, 66, 34                      
   34  jeq #0x105, 66, 65                      
   35  jge #0xdb, 36, 38                       
   36  jge #0xe4, 37, 66                       
   37  jeq #0xe5, 66, 65                       
   38  jge #0xd5, 39, 41                       
   39  jge #0xd9, 65, 40                       
   40  jge #0xd6, 66, 65                       
   41  jge #0xcd, 66, 42                       
   42  jeq #0xcb, 66, 65                       
   43  jge #0x6f, 44, 54                       
   44  jge #0x9f, 45, 46                       
   45  jeq #0xba, 65, 66                       
   46  jge #0x8b, 47, 48                       
   47  jge #0x9d, 65, 66                       
   48  jge #0x7d, 49, 53                       
   49  jge #0x84, 50, 51                       
   50  jge #0x8a, 65, 66                       
   51  jge #0x7f, 52, 65                       
   52  jge #0x82, 65, 66                       
   53  jeq #0x74, 65, 66                       
   54  jge #0x34, 55, 80                       
   55  jge #0x4f, 56, 73                       
   56  jge #0x5c, 57, 69                       
   57  jge #0x63, 58, 63                       
   58  jge #0x69, 59, 61                       
   59  jge #0x6c, 60, 65                       
   60  jge #0x6e, 65, 66                       
   61  jge #0x64, 62, 65                       
   62  jeq #0x65, 64, 66                       
   63  jge #0x5e, 68, 65                       
   64  ja 337                                   ; trampoline
   65  ja 338                                   ; trampoline
   66  ja 339                                   ; trampoline
   67  ja 340                                   ; trampoline
   68  jeq #0x60, 135, 136                     
   69  jge #0x54, 70, 71                       
   70  jeq #0x57, 135, 136                     
   71  jge #0x51, 72, 135                      
   72  jge #0x53, 135, 136                     
   73  jge #0x40, 74, 75                       
   74  jeq #0x48, 135, 136                     
   75  jge #0x3b, 135, 76                      
   76  jge #0x38, 77, 78                       
   77  jge #0x39, 136, 128                     
   78  jge #0x36, 129, 79                      
   79  jge #0x35, 264, 130                     
   80  jge #0x19, 81, 89                       
   81  jge #0x26, 82, 85                       
   82  jge #0x2d, 338, 83                      
   83  jge #0x2b, 339, 84                      
   84  jeq #0x29, 186, 338                     
   85  jge #0x21, 86, 88                       
   86  jge #0x24, 339, 87                      
   87  jeq #0x22, 339, 338                     
   88  jeq #0x1c, 338, 339                     
   89  jge #0x10, 90, 94                       
   90  jge #0x16, 91, 92                       
   91  jge #0x18, 338, 339                     
   92  jge #0x11, 93, 183                      
   93  jeq #0x13, 339, 338                     
   94  jge #0x8, 338, 95                       
   95  jge #0x4, 96, 97                        
   96  jeq #0x5, 338, 339                      
   97  jeq #0x2, 339, 338                      
aarch64:
   98  ld [nr]                                  ; nr
   99  jge #0x9f, 100, 144                     
  100  jge #0xf2, 101, 116                     
  101  jge #0x1b8, 339, 102                    
  102  jge #0x11b, 103, 107                    
  103  jge #0x1b3, 104, 106                    
  104  jge #0x1b4, 105, 340                    
  105  jge #0x1b7, 338, 339                    
  106  jeq #0x125, 338, 339                    
  107  jge #0x10e, 108, 113                    
  108  jge #0x116, 109, 112                    
  109  jge #0x118, 110, 111                    
  110  jge #0x11a, 340, 339                    
  111  jge #0x117, 340, 338                    
  112  jge #0x110, 339, 337                    
  113  jge #0x106, 339, 114                    
  114  jge #0x104, 338, 115                    
  115  jge #0xf3, 339, 338                     
  116  jge #0xc6, 117, 133                     
  117  jge #0xd8, 118, 124                     
  118  jge #0xe3, 119, 120                     
  119  jeq #0xe9, 338, 339                     
  120  jge #0xdf, 121, 122                     
  121  jge #0xe2, 338, 339                     
  122  jge #0xdc, 123, 339                     
  123  jge #0xdd, 338, 335                     
  124  jge #0xcf, 125, 126                     
  125  jeq #0xd5, 339, 338                     
  126  jge #0xc8, 127, 132                     
  127  jge #0xcd, 339, 131                     
  128  ja 335                                   ; trampoline
  129  ja 338                                   ; trampoline
  130  ja 339                                   ; trampoline
  131  jeq #0xca, 339, 338                     
  132  jge #0xc7, 264, 186                     
  133  jge #0xb4, 339, 134                     
  134  jge #0xac, 137, 140                     
  135  ja 338                                   ; trampoline
  136  ja 339                                   ; trampoline
  137  jge #0xb0, 138, 139                     
  138  jge #0xb2, 338, 339                     
  139  jeq #0xae, 339, 338                     
  140  jge #0xa7, 141, 143                     
  141  jge #0xaa, 339, 142                     
  142  jeq #0xa8, 339, 338                     
  143  jge #0xa1, 339, 338                     
  144  jge #0x4e, 145, 167                     
  145  jge #0x71, 146, 158                     
  146  jge #0x88, 147, 151                     
  147  jge #0x93, 339, 148                     
  148  jge #0x90, 149, 150                     
  149  jeq #0x91, 339, 338                     
  150  jeq #0x8b, 338, 339                     
  151  jge #0x7b, 152, 155                     
  152  jge #0x81, 153, 154                     
  153  jeq #0x82, 339, 338                     
  154  jge #0x7d, 339, 338                     
  155  jge #0x74, 156, 157                     
  156  jeq #0x75, 337, 339                     
  157  jeq #0x72, 339, 338                     
  158  jge #0x62, 159, 162                     
  159  jge #0x68, 339, 160                     
  160  jeq #0x64, 339, 161                     
  161  jeq #0x66, 339, 338                     
  162  jge #0x5a, 163, 166                     
  163  jge #0x5f, 164, 165                     
  164  jeq #0x60, 338, 339                     
  165  jeq #0x5c, 339, 338                     
  166  jge #0x51, 339, 338                     
  167  jge #0x24, 168, 177                     
  168  jge #0x3d, 169, 172                     
  169  jge #0x45, 170, 171                     
  170  jeq #0x47, 338, 339                     
  171  jeq #0x41, 339, 338                     
  172  jge #0x30, 173, 176                     
  173  jge #0x36, 174, 175                     
  174  jge #0x3a, 339, 338                     
  175  jge #0x32, 339, 338                     
  176  jeq #0x2c, 338, 339                     
  177  jge #0x11, 178, 339                     
  178  jge #0x1a, 179, 181                     
  179  jge #0x22, 338, 180                     
  180  jeq #0x1d, 183, 339                     
  181  jeq #0x12, 339, 182                     
  182  jeq #0x17, 339, 338                     
ioctl:
  183  ld [args[1].w0]                          ; cmd.lo (nginx.pol:47)
  184  jeq #0x5421, 338, 185                    ; (nginx.pol:47)
  185  jeq #0x5452, 338, 339                    ; (nginx.pol:47)
socket:
  186  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  187  jeq #0x1, 188, 190                       ; (nginx.pol:102)
  188  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  189  jset #0x1, 190, 341                      ; (nginx.pol:102)
  190  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  191  jeq #0x1, 192, 194                       ; (nginx.pol:102)
  192  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  193  jset #0x2, 341, 194                      ; (nginx.pol:102)
  194  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  195  jeq #0x1, 196, 198                       ; (nginx.pol:102)
  196  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  197  jset #0x4, 341, 198                      ; (nginx.pol:102)
  198  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  199  jeq #0x1, 200, 202                       ; (nginx.pol:102)
  200  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  201  jset #0x8, 341, 202                      ; (nginx.pol:102)
  202  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  203  jeq #0x1, 204, 207                       ; (nginx.pol:102)
  204  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  205  and #0xf                                 ; (nginx.pol:102)
  206  jeq #0x3, 341, 207                       ; (nginx.pol:102)
  207  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  208  jeq #0x2, 209, 211                       ; (nginx.pol:102)
  209  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  210  jset #0x1, 211, 341                      ; (nginx.pol:102)
  211  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  212  jeq #0x2, 213, 215                       ; (nginx.pol:102)
  213  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  214  jset #0x2, 341, 215                      ; (nginx.pol:102)
  215  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  216  jeq #0x2, 217, 219                       ; (nginx.pol:102)
  217  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  218  jset #0x4, 341, 219                      ; (nginx.pol:102)
  219  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  220  jeq #0x2, 221, 223                       ; (nginx.pol:102)
  221  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  222  jset #0x8, 341, 223                      ; (nginx.pol:102)
  223  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  224  jeq #0x2, 225, 228                       ; (nginx.pol:102)
  225  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  226  and #0xf                                 ; (nginx.pol:102)
  227  jeq #0x3, 341, 228                       ; (nginx.pol:102)
  228  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  229  jeq #0xa, 230, 232                       ; (nginx.pol:102)
  230  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  231  jset #0x1, 232, 341                      ; (nginx.pol:102)
  232  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  233  jeq #0xa, 234, 236                       ; (nginx.pol:102)
  234  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  235  jset #0x2, 341, 236                      ; (nginx.pol:102)
  236  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  237  jeq #0xa, 238, 240                       ; (nginx.pol:102)
  238  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  239  jset #0x4, 341, 240                      ; (nginx.pol:102)
  240  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  241  jeq #0xa, 242, 244                       ; (nginx.pol:102)
  242  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  243  jset #0x8, 341, 244                      ; (nginx.pol:102)
  244  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  245  jeq #0xa, 246, 249                       ; (nginx.pol:102)
  246  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  247  and #0xf                                 ; (nginx.pol:102)
  248  jeq #0x3, 341, 249                       ; (nginx.pol:102)
  249  ld [args[0].w0]                          ; domain.lo (nginx.pol:43)
  250  jeq #0x1, 251, 254                       ; (nginx.pol:43)
  251  ld [args[1].w0]                          ; type.lo (nginx.pol:43)
  252  and #0xf                                 ; (nginx.pol:43)
  253  jeq #0x1, 338, 254                       ; (nginx.pol:43)
  254  ld [args[0].w0]                          ; domain.lo (nginx.pol:43)
  255  jeq #0x2, 256, 259                       ; (nginx.pol:43)
  256  ld [args[1].w0]                          ; type.lo (nginx.pol:43)
  257  and #0xf                                 ; (nginx.pol:43)
  258  jeq #0x1, 338, 259                       ; (nginx.pol:43)
  259  ld [args[0].w0]                          ; domain.lo (nginx.pol:43)
  260  jeq #0xa, 261, 339                       ; (nginx.pol:43)
  261  ld [args[1].w0]                          ; type.lo (nginx.pol:43)
  262  and #0xf                                 ; (nginx.pol:43)
  263  jeq #0x1, 338, 339                       ; (nginx.pol:43)
socketpair:
  264  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  265  jeq #0x11, 341, 266                      ; (nginx.pol:102)
  266  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  267  and #0xf                                 ; (nginx.pol:102)
  268  jeq #0x3, 341, 269                       ; (nginx.pol:102)
  269  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  270  jeq #0x1, 271, 273                       ; (nginx.pol:102)
  271  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  272  jset #0x1, 273, 341                      ; (nginx.pol:102)
  273  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  274  jeq #0x1, 275, 277                       ; (nginx.pol:102)
  275  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  276  jset #0x2, 341, 277                      ; (nginx.pol:102)
  277  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  278  jeq #0x1, 279, 281                       ; (nginx.pol:102)
  279  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  280  jset #0x4, 341, 281                      ; (nginx.pol:102)
  281  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  282  jeq #0x1, 283, 285                       ; (nginx.pol:102)
  283  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  284  jset #0x8, 341, 285                      ; (nginx.pol:102)
  285  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  286  jeq #0x2, 287, 289                       ; (nginx.pol:102)
  287  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  288  jset #0x1, 289, 341                      ; (nginx.pol:102)
  289  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  290  jeq #0x2, 291, 293                       ; (nginx.pol:102)
  291  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  292  jset #0x2, 341, 293                      ; (nginx.pol:102)
  293  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  294  jeq #0x2, 295, 297                       ; (nginx.pol:102)
  295  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  296  jset #0x4, 341, 297                      ; (nginx.pol:102)
  297  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  298  jeq #0x2, 299, 301                       ; (nginx.pol:102)
  299  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  300  jset #0x8, 341, 301                      ; (nginx.pol:102)
  301  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  302  jeq #0xa, 303, 305                       ; (nginx.pol:102)
  303  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  304  jset #0x1, 305, 341                      ; (nginx.pol:102)
  305  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  306  jeq #0xa, 307, 309                       ; (nginx.pol:102)
  307  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  308  jset #0x2, 341, 309                      ; (nginx.pol:102)
  309  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  310  jeq #0xa, 311, 313                       ; (nginx.pol:102)
  311  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  312  jset #0x4, 341, 313                      ; (nginx.pol:102)
  313  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  314  jeq #0xa, 315, 317                       ; (nginx.pol:102)
  315  ld [args[1].w0]                          ; type.lo (nginx.pol:102)
  316  jset #0x8, 341, 317                      ; (nginx.pol:102)
  317  ld [args[0].w0]                          ; domain.lo (nginx.pol:102)
  318  jeq #0x1, 321, 319                       ; (nginx.pol:102)
  319  jeq #0x2, 321, 320                       ; (nginx.pol:102)
  320  jeq #0xa, 321, 341                       ; (nginx.pol:102)
  321  jeq #0x1, 322, 325                       ; (nginx.pol:51)
  322  ld [args[1].w0]                          ; type.lo (nginx.pol:51)
  323  and #0xf                                 ; (nginx.pol:51)
  324  jeq #0x1, 338, 325                       ; (nginx.pol:51)
  325  ld [args[0].w0]                          ; domain.lo (nginx.pol:51)
  326  jeq #0x2, 327, 330                       ; (nginx.pol:51)
  327  ld [args[1].w0]                          ; type.lo (nginx.pol:51)
  328  and #0xf                                 ; (nginx.pol:51)
  329  jeq #0x1, 338, 330                       ; (nginx.pol:51)
  330  ld [args[0].w0]                          ; domain.lo (nginx.pol:51)
  331  jeq #0xa, 332, 339                       ; (nginx.pol:51)
  332  ld [args[1].w0]                          ; type.lo (nginx.pol:51)
  333  and #0xf                                 ; (nginx.pol:51)
  334  jeq #0x1, 338, 339                       ; (nginx.pol:51)
clone:
  335  ld [args[0].w0]                          ; flags.lo (presets/base/go.pol:27)
  336  jset #0x7e020000, 339, 338               ; (presets/base/go.pol:27)
kill-process:
  337  ret kill-process                        
allow:
  338  ret allow                               
errno(EPERM):
  339  ret errno(1)                            
errno(ENOSYS):
  340  ret errno(38)                           
errno(EACCES):
  341  ret errno(13)                           
