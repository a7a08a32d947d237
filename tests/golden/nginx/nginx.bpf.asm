# polc BPF for policy nginx: 677 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 191 syscalls decided; unconditionally allowed 180, cacheable 180
# aarch64: 161 syscalls decided; unconditionally allowed 150, cacheable 150
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 100, 3                  ; aarch64
    3  ja 672                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 64                   ; -1: no syscall; else x32: not targeted
    7  jge #0xba, 8, 57                        
    8  jge #0x118, 9, 38                       
    9  jge #0x14f, 10, 23                      
   10  jge #0x1ba, 11, 17                      
   11  jge #0x1c9, 12, 16                      
   12  jge #0x1cf, 13, 15                      
   13  jge #0x1d6, 66, 14                      
   14  jeq #0x1d3, 66, 65                      
   15  jge #0x1cb, 66, 65                      
   16  jeq #0x1c4, 65, 66                      
   17  jge #0x1b3, 18, 22                      
   18  jge #0x1b7, 19, 20                      
   19  jeq #0x1b8, 66, 65                      
   20  jge #0x1b4, 21, 67                      
   21  jge #0x1b6, 66, 65                      
   22  jeq #0x1ac, 65, 66                      
   23  jge #0x136, 24, 34                      
   24  jge #0x140, 25, 30                      
   25  jge #0x147, 26, 29                      
   26  jge #0x14c, 27, 28                      
   27  jeq #0x14d, 66, 65                      
   28  jge #0x149, 66, 65                      
   29  jeq #0x143, 67, 66                      
   30  jge #0x13c, 31, 33                      
   31  jge #0x13f, 67, 32                      
   32  jeq #0x13d, 66, 65                      
   33  jge #0x138, 66, 64                      
   34  jge #0x129, 35, 37                      
   35  jeq #0x12e, 65, 36                      
   36  jeq #0x132, 65, 66                      
   37  jeq #0x125, 66, 65                      
   38  jge #0xec, 39, 46                       
   39  jge #0x105, 40, 43                      
   40  jge #0x110, 41, 65                      
   41  jeq #0x111, 65, 42                      
   42  jeq #0x115, 65, 66                      
   43  jge #0xfd, 44, 66                       
   44  jge #0x104, 66, 45                      
   45  jeq #0x100, 66, 65                      
   46  jge #0xd5, 47, 52                       
   47  jge #0xde, 48, 50                       
   48  jge #0xe3, 49, 65                       
   49  jge #0xe7, 65, 66                       
   50  jge #0xda, 66, 51                       
   51  jeq #0xd8, 66, 65                       
   52  jge #0xc8, 53, 56                       
   53  jge #0xcd, 66, 54                       
   54  jge #0xca, 55, 66                       
   55  jeq #0xcb, 66, 65                       
   56  jeq #0xbb, 66, 65                       
   57  jge #0x5c, 58, 80                       
   58  jge #0x8b, 59, 63                       
   59  jge #0xa3, 66, 60                       
   60  jge #0x9d, 61, 66                       
   61  jge #0x9f, 62, 65                       
   62  jge #0xa2, 65, 66                       
   63  jge #0x75, 68, 72                       
   64  ja 672                                   ; trampoline
   65  ja 673                                   ; trampoline
   66  ja 674                                   ; trampoline
   67  ja 675                                   ; trampoline
   68  jge #0x7d, 69, 134                      
   69  jge #0x86, 70, 71                       
   70  jge #0x89, 133, 134                     
   71  jeq #0x81, 134, 133                     
   72  jge #0x68, 73, 76                       
   73  jge #0x6f, 74, 75                       
   74  jge #0x73, 133, 134                     
   75  jeq #0x6d, 134, 133                     
   76  jge #0x63, 77, 79                       
   77  jge #0x67, 134, 78                      
   78  jeq #0x65, 132, 133                     
   79  jeq #0x5f, 133, 134                     
   80  jge #0x35, 81, 88                       
   81  jge #0x4a, 133, 82                      
   82  jge #0x40, 83, 84                       
   83  jeq #0x48, 133, 134                     
   84  jge #0x3b, 133, 85                      
   85  jge #0x38, 86, 87                       
   86  jge #0x39, 134, 136                     
   87  jge #0x36, 133, 135                     
   88  jge #0x16, 89, 133                      
   89  jge #0x24, 90, 94                       
   90  jge #0x2c, 133, 91                      
   91  jge #0x29, 92, 133                      
   92  jge #0x2a, 93, 190                      
   93  jge #0x2b, 134, 133                     
   94  jge #0x1d, 95, 97                       
   95  jge #0x20, 96, 134                      
   96  jge #0x22, 134, 133                     
   97  jge #0x19, 98, 99                       
   98  jeq #0x1b, 134, 133                     
   99  jeq #0x17, 133, 134                     
aarch64:
  100  ld [nr]                                  ; nr
  101  jge #0x9e, 102, 156                     
  102  jge #0xf2, 103, 138                     
  103  jge #0x126, 104, 117                    
  104  jge #0x1ba, 105, 111                    
  105  jge #0x1c9, 106, 110                    
  106  jge #0x1cf, 107, 109                    
  107  jge #0x1d6, 134, 108                    
  108  jeq #0x1d3, 134, 133                    
  109  jge #0x1cb, 134, 133                    
  110  jeq #0x1c4, 133, 134                    
  111  jge #0x1b3, 112, 116                    
  112  jge #0x1b7, 113, 114                    
  113  jeq #0x1b8, 134, 133                    
  114  jge #0x1b4, 115, 137                    
  115  jge #0x1b6, 134, 133                    
  116  jeq #0x1ac, 133, 134                    
  117  jge #0x118, 118, 123                    
  118  jge #0x11e, 119, 122                    
  119  jge #0x123, 120, 121                    
  120  jeq #0x124, 134, 133                    
  121  jge #0x120, 134, 133                    
  122  jeq #0x11a, 137, 134                    
  123  jge #0x10e, 124, 128                    
  124  jge #0x114, 125, 127                    
  125  jge #0x117, 137, 126                    
  126  jeq #0x115, 134, 133                    
  127  jge #0x110, 134, 132                    
  128  jge #0x106, 129, 130                    
  129  jeq #0x10b, 133, 134                    
  130  jge #0x104, 133, 131                    
  131  jge #0xf3, 134, 133                     
  132  ja 672                                   ; trampoline
  133  ja 673                                   ; trampoline
  134  ja 674                                   ; trampoline
  135  ja 474                                   ; trampoline
  136  ja 670                                   ; trampoline
  137  ja 675                                   ; trampoline
  138  jge #0xc6, 139, 151                     
  139  jge #0xd9, 140, 146                     
  140  jge #0xe4, 141, 142                     
  141  jeq #0xe9, 204, 205                     
  142  jge #0xdf, 143, 144                     
  143  jge #0xe2, 204, 205                     
  144  jge #0xdc, 145, 205                     
  145  jge #0xdd, 204, 207                     
  146  jge #0xcb, 147, 148                     
  147  jeq #0xd5, 205, 204                     
  148  jge #0xc8, 149, 150                     
  149  jge #0xca, 205, 204                     
  150  jge #0xc7, 206, 190                     
  151  jge #0xb4, 205, 152                     
  152  jge #0xa6, 153, 155                     
  153  jge #0xac, 204, 154                     
  154  jge #0xa8, 205, 204                     
  155  jge #0xa1, 205, 204                     
  156  jge #0x4b, 157, 179                     
  157  jge #0x76, 158, 167                     
  158  jge #0x8a, 159, 164                     
  159  jge #0x93, 160, 161                     
  160  jeq #0x99, 204, 205                     
  161  jge #0x90, 162, 163                     
  162  jeq #0x91, 205, 204                     
  163  jeq #0x8b, 204, 205                     
  164  jge #0x81, 165, 166                     
  165  jeq #0x82, 205, 204                     
  166  jeq #0x7b, 204, 205                     
  167  jge #0x62, 168, 174                     
  168  jge #0x6b, 169, 171                     
  169  jge #0x70, 170, 204                     
  170  jge #0x75, 203, 205                     
  171  jge #0x66, 172, 173                     
  172  jge #0x68, 205, 204                     
  173  jge #0x64, 205, 204                     
  174  jge #0x59, 175, 178                     
  175  jge #0x5f, 205, 176                     
  176  jge #0x5a, 177, 205                     
  177  jeq #0x5c, 205, 204                     
  178  jge #0x4e, 204, 205                     
  179  jge #0x1e, 180, 188                     
  180  jge #0x36, 181, 184                     
  181  jge #0x3d, 204, 182                     
  182  jge #0x3a, 205, 183                     
  183  jge #0x38, 204, 205                     
  184  jge #0x2b, 185, 186                     
  185  jeq #0x33, 205, 204                     
  186  jge #0x27, 205, 187                     
  187  jge #0x21, 204, 205                     
  188  jge #0x5, 189, 205                      
  189  jeq #0x12, 205, 204                     
socket:
  190  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  191  jeq #0x1, 192, 195                       ; (nginx.pol:63)
  192  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  193  and #0xf                                 ; (nginx.pol:63)
  194  jeq #0x3, 208, 195                       ; (nginx.pol:63)
  195  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  196  jeq #0x2, 197, 199                       ; (nginx.pol:63)
  197  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  198  jset #0x1, 199, 208                      ; (nginx.pol:63)
  199  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  200  jeq #0x2, 201, 209                       ; (nginx.pol:63)
  201  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  202  jset #0x2, 274, 209                      ; (nginx.pol:63)
  203  ja 672                                   ; trampoline
  204  ja 673                                   ; trampoline
  205  ja 674                                   ; trampoline
  206  ja 474                                   ; trampoline
  207  ja 670                                   ; trampoline
  208  ja 676                                   ; trampoline (nginx.pol:63)
  209  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  210  jeq #0x2, 211, 213                       ; (nginx.pol:63)
  211  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  212  jset #0x4, 274, 213                      ; (nginx.pol:63)
  213  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  214  jeq #0x2, 215, 217                       ; (nginx.pol:63)
  215  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  216  jset #0x8, 274, 217                      ; (nginx.pol:63)
  217  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  218  jeq #0x2, 219, 222                       ; (nginx.pol:63)
  219  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  220  and #0xf                                 ; (nginx.pol:63)
  221  jeq #0x3, 274, 222                       ; (nginx.pol:63)
  222  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  223  jeq #0xa, 224, 226                       ; (nginx.pol:63)
  224  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  225  jset #0x1, 226, 274                      ; (nginx.pol:63)
  226  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  227  jeq #0xa, 228, 230                       ; (nginx.pol:63)
  228  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  229  jset #0x2, 274, 230                      ; (nginx.pol:63)
  230  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  231  jeq #0xa, 232, 234                       ; (nginx.pol:63)
  232  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  233  jset #0x4, 274, 234                      ; (nginx.pol:63)
  234  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  235  jeq #0xa, 236, 238                       ; (nginx.pol:63)
  236  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  237  jset #0x8, 274, 238                      ; (nginx.pol:63)
  238  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  239  jeq #0xa, 240, 243                       ; (nginx.pol:63)
  240  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  241  and #0xf                                 ; (nginx.pol:63)
  242  jeq #0x3, 274, 243                       ; (nginx.pol:63)
  243  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  244  jeq #0x1, 245, 247                       ; (nginx.pol:28)
  245  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  246  jset #0x1, 247, 273                      ; (nginx.pol:28)
  247  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  248  jeq #0x1, 249, 251                       ; (nginx.pol:28)
  249  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  250  jset #0x2, 251, 273                      ; (nginx.pol:28)
  251  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  252  jeq #0x1, 253, 255                       ; (nginx.pol:28)
  253  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  254  jset #0x3, 255, 273                      ; (nginx.pol:28)
  255  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  256  jeq #0x1, 257, 260                       ; (nginx.pol:28)
  257  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  258  and #0x3                                 ; (nginx.pol:28)
  259  jeq #0x1, 273, 260                       ; (nginx.pol:28)
  260  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  261  jeq #0x1, 262, 264                       ; (nginx.pol:28)
  262  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  263  jset #0x4, 273, 264                      ; (nginx.pol:28)
  264  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  265  jeq #0x1, 266, 268                       ; (nginx.pol:28)
  266  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  267  jset #0x5, 268, 273                      ; (nginx.pol:28)
  268  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  269  jeq #0x1, 270, 275                       ; (nginx.pol:28)
  270  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  271  and #0x5                                 ; (nginx.pol:28)
  272  jeq #0x4, 339, 275                       ; (nginx.pol:28)
  273  ja 673                                   ; trampoline (nginx.pol:28)
  274  ja 676                                   ; trampoline (nginx.pol:63)
  275  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  276  jeq #0x1, 277, 280                       ; (nginx.pol:28)
  277  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  278  and #0x5                                 ; (nginx.pol:28)
  279  jeq #0x5, 339, 280                       ; (nginx.pol:28)
  280  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  281  jeq #0x1, 282, 284                       ; (nginx.pol:28)
  282  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  283  jset #0x6, 284, 339                      ; (nginx.pol:28)
  284  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  285  jeq #0x1, 286, 289                       ; (nginx.pol:28)
  286  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  287  and #0x6                                 ; (nginx.pol:28)
  288  jeq #0x4, 339, 289                       ; (nginx.pol:28)
  289  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  290  jeq #0x1, 291, 293                       ; (nginx.pol:28)
  291  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  292  jset #0x7, 293, 339                      ; (nginx.pol:28)
  293  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  294  jeq #0x1, 295, 298                       ; (nginx.pol:28)
  295  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  296  and #0x7                                 ; (nginx.pol:28)
  297  jeq #0x1, 339, 298                       ; (nginx.pol:28)
  298  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  299  jeq #0x1, 300, 303                       ; (nginx.pol:28)
  300  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  301  and #0x7                                 ; (nginx.pol:28)
  302  jeq #0x4, 339, 303                       ; (nginx.pol:28)
  303  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  304  jeq #0x1, 305, 308                       ; (nginx.pol:28)
  305  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  306  and #0x7                                 ; (nginx.pol:28)
  307  jeq #0x5, 339, 308                       ; (nginx.pol:28)
  308  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  309  jeq #0x1, 310, 312                       ; (nginx.pol:28)
  310  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  311  jset #0x8, 339, 312                      ; (nginx.pol:28)
  312  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  313  jeq #0x1, 314, 316                       ; (nginx.pol:28)
  314  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  315  jset #0x9, 316, 339                      ; (nginx.pol:28)
  316  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  317  jeq #0x1, 318, 321                       ; (nginx.pol:28)
  318  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  319  and #0x9                                 ; (nginx.pol:28)
  320  jeq #0x8, 339, 321                       ; (nginx.pol:28)
  321  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  322  jeq #0x1, 323, 326                       ; (nginx.pol:28)
  323  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  324  and #0x9                                 ; (nginx.pol:28)
  325  jeq #0x9, 339, 326                       ; (nginx.pol:28)
  326  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  327  jeq #0x1, 328, 330                       ; (nginx.pol:28)
  328  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  329  jset #0xa, 330, 339                      ; (nginx.pol:28)
  330  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  331  jeq #0x1, 332, 335                       ; (nginx.pol:28)
  332  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  333  and #0xa                                 ; (nginx.pol:28)
  334  jeq #0x8, 339, 335                       ; (nginx.pol:28)
  335  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  336  jeq #0x1, 337, 340                       ; (nginx.pol:28)
  337  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  338  jset #0xb, 340, 404                      ; (nginx.pol:28)
  339  ja 673                                   ; trampoline (nginx.pol:28)
  340  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  341  jeq #0x1, 342, 345                       ; (nginx.pol:28)
  342  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  343  and #0xb                                 ; (nginx.pol:28)
  344  jeq #0x1, 404, 345                       ; (nginx.pol:28)
  345  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  346  jeq #0x1, 347, 350                       ; (nginx.pol:28)
  347  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  348  and #0xb                                 ; (nginx.pol:28)
  349  jeq #0x8, 404, 350                       ; (nginx.pol:28)
  350  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  351  jeq #0x1, 352, 355                       ; (nginx.pol:28)
  352  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  353  and #0xb                                 ; (nginx.pol:28)
  354  jeq #0x9, 404, 355                       ; (nginx.pol:28)
  355  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  356  jeq #0x1, 357, 360                       ; (nginx.pol:28)
  357  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  358  and #0xc                                 ; (nginx.pol:28)
  359  jeq #0x4, 404, 360                       ; (nginx.pol:28)
  360  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  361  jeq #0x1, 362, 365                       ; (nginx.pol:28)
  362  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  363  and #0xc                                 ; (nginx.pol:28)
  364  jeq #0x8, 404, 365                       ; (nginx.pol:28)
  365  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  366  jeq #0x1, 367, 370                       ; (nginx.pol:28)
  367  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  368  and #0xc                                 ; (nginx.pol:28)
  369  jeq #0xc, 404, 370                       ; (nginx.pol:28)
  370  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  371  jeq #0x1, 372, 374                       ; (nginx.pol:28)
  372  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  373  jset #0xd, 374, 404                      ; (nginx.pol:28)
  374  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  375  jeq #0x1, 376, 379                       ; (nginx.pol:28)
  376  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  377  and #0xd                                 ; (nginx.pol:28)
  378  jeq #0x4, 404, 379                       ; (nginx.pol:28)
  379  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  380  jeq #0x1, 381, 384                       ; (nginx.pol:28)
  381  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  382  and #0xd                                 ; (nginx.pol:28)
  383  jeq #0x5, 404, 384                       ; (nginx.pol:28)
  384  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  385  jeq #0x1, 386, 389                       ; (nginx.pol:28)
  386  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  387  and #0xd                                 ; (nginx.pol:28)
  388  jeq #0x8, 404, 389                       ; (nginx.pol:28)
  389  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  390  jeq #0x1, 391, 394                       ; (nginx.pol:28)
  391  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  392  and #0xd                                 ; (nginx.pol:28)
  393  jeq #0x9, 404, 394                       ; (nginx.pol:28)
  394  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  395  jeq #0x1, 396, 399                       ; (nginx.pol:28)
  396  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  397  and #0xd                                 ; (nginx.pol:28)
  398  jeq #0xc, 404, 399                       ; (nginx.pol:28)
  399  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  400  jeq #0x1, 401, 405                       ; (nginx.pol:28)
  401  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  402  and #0xd                                 ; (nginx.pol:28)
  403  jeq #0xd, 468, 405                       ; (nginx.pol:28)
  404  ja 673                                   ; trampoline (nginx.pol:28)
  405  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  406  jeq #0x1, 407, 409                       ; (nginx.pol:28)
  407  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  408  jset #0xe, 409, 468                      ; (nginx.pol:28)
  409  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  410  jeq #0x1, 411, 414                       ; (nginx.pol:28)
  411  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  412  and #0xe                                 ; (nginx.pol:28)
  413  jeq #0x4, 468, 414                       ; (nginx.pol:28)
  414  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  415  jeq #0x1, 416, 419                       ; (nginx.pol:28)
  416  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  417  and #0xe                                 ; (nginx.pol:28)
  418  jeq #0x8, 673, 419                       ; (nginx.pol:28)
  419  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  420  jeq #0x1, 421, 424                       ; (nginx.pol:28)
  421  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  422  and #0xe                                 ; (nginx.pol:28)
  423  jeq #0xc, 673, 424                       ; (nginx.pol:28)
  424  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  425  jeq #0x1, 426, 428                       ; (nginx.pol:28)
  426  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  427  jset #0xf, 428, 673                      ; (nginx.pol:28)
  428  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  429  jeq #0x1, 430, 433                       ; (nginx.pol:28)
  430  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  431  and #0xf                                 ; (nginx.pol:28)
  432  jeq #0x1, 673, 433                       ; (nginx.pol:28)
  433  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  434  jeq #0x1, 435, 438                       ; (nginx.pol:28)
  435  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  436  and #0xf                                 ; (nginx.pol:28)
  437  jeq #0x4, 673, 438                       ; (nginx.pol:28)
  438  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  439  jeq #0x1, 440, 443                       ; (nginx.pol:28)
  440  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  441  and #0xf                                 ; (nginx.pol:28)
  442  jeq #0x5, 673, 443                       ; (nginx.pol:28)
  443  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  444  jeq #0x1, 445, 448                       ; (nginx.pol:28)
  445  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  446  and #0xf                                 ; (nginx.pol:28)
  447  jeq #0x8, 673, 448                       ; (nginx.pol:28)
  448  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  449  jeq #0x1, 450, 453                       ; (nginx.pol:28)
  450  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  451  and #0xf                                 ; (nginx.pol:28)
  452  jeq #0x9, 673, 453                       ; (nginx.pol:28)
  453  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  454  jeq #0x1, 455, 458                       ; (nginx.pol:28)
  455  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  456  and #0xf                                 ; (nginx.pol:28)
  457  jeq #0xc, 673, 458                       ; (nginx.pol:28)
  458  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  459  jeq #0x1, 460, 463                       ; (nginx.pol:28)
  460  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  461  and #0xf                                 ; (nginx.pol:28)
  462  jeq #0xd, 673, 463                       ; (nginx.pol:28)
  463  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  464  jeq #0x2, 465, 469                       ; (nginx.pol:28)
  465  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  466  and #0xf                                 ; (nginx.pol:28)
  467  jeq #0x1, 673, 469                       ; (nginx.pol:28)
  468  ja 673                                   ; trampoline (nginx.pol:28)
  469  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  470  jeq #0xa, 471, 674                       ; (nginx.pol:28)
  471  ld [args[1].w0]                          ; type.lo (nginx.pol:28)
  472  and #0xf                                 ; (nginx.pol:28)
  473  jeq #0x1, 673, 674                       ; (nginx.pol:28)
socketpair:
  474  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  475  jeq #0x11, 676, 476                      ; (nginx.pol:63)
  476  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  477  and #0xf                                 ; (nginx.pol:63)
  478  jeq #0x3, 676, 479                       ; (nginx.pol:63)
  479  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  480  jeq #0x2, 481, 483                       ; (nginx.pol:63)
  481  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  482  jset #0x1, 483, 676                      ; (nginx.pol:63)
  483  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  484  jeq #0x2, 485, 487                       ; (nginx.pol:63)
  485  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  486  jset #0x2, 676, 487                      ; (nginx.pol:63)
  487  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  488  jeq #0x2, 489, 491                       ; (nginx.pol:63)
  489  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  490  jset #0x4, 676, 491                      ; (nginx.pol:63)
  491  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  492  jeq #0x2, 493, 495                       ; (nginx.pol:63)
  493  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  494  jset #0x8, 676, 495                      ; (nginx.pol:63)
  495  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  496  jeq #0xa, 497, 499                       ; (nginx.pol:63)
  497  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  498  jset #0x1, 499, 676                      ; (nginx.pol:63)
  499  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  500  jeq #0xa, 501, 503                       ; (nginx.pol:63)
  501  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  502  jset #0x2, 676, 503                      ; (nginx.pol:63)
  503  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  504  jeq #0xa, 505, 507                       ; (nginx.pol:63)
  505  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  506  jset #0x4, 676, 507                      ; (nginx.pol:63)
  507  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  508  jeq #0xa, 509, 511                       ; (nginx.pol:63)
  509  ld [args[1].w0]                          ; type.lo (nginx.pol:63)
  510  jset #0x8, 676, 511                      ; (nginx.pol:63)
  511  ld [args[0].w0]                          ; domain.lo (nginx.pol:63)
  512  jeq #0x1, 515, 513                       ; (nginx.pol:63)
  513  jeq #0x2, 515, 514                       ; (nginx.pol:63)
  514  jeq #0xa, 515, 676                       ; (nginx.pol:63)
  515  jeq #0x1, 516, 518                       ; (nginx.pol:21)
  516  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  517  jset #0x1, 518, 673                      ; (nginx.pol:21)
  518  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  519  jeq #0x1, 520, 522                       ; (nginx.pol:21)
  520  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  521  jset #0x2, 522, 673                      ; (nginx.pol:21)
  522  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  523  jeq #0x1, 524, 526                       ; (nginx.pol:21)
  524  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  525  jset #0x3, 526, 673                      ; (nginx.pol:21)
  526  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  527  jeq #0x1, 528, 531                       ; (nginx.pol:21)
  528  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  529  and #0x3                                 ; (nginx.pol:21)
  530  jeq #0x1, 673, 531                       ; (nginx.pol:21)
  531  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  532  jeq #0x1, 533, 535                       ; (nginx.pol:21)
  533  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  534  jset #0x4, 673, 535                      ; (nginx.pol:21)
  535  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  536  jeq #0x1, 537, 539                       ; (nginx.pol:21)
  537  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  538  jset #0x5, 539, 673                      ; (nginx.pol:21)
  539  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  540  jeq #0x1, 541, 544                       ; (nginx.pol:21)
  541  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  542  and #0x5                                 ; (nginx.pol:21)
  543  jeq #0x5, 673, 544                       ; (nginx.pol:21)
  544  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  545  jeq #0x1, 546, 548                       ; (nginx.pol:21)
  546  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  547  jset #0x6, 548, 673                      ; (nginx.pol:21)
  548  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  549  jeq #0x1, 550, 553                       ; (nginx.pol:21)
  550  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  551  and #0x6                                 ; (nginx.pol:21)
  552  jeq #0x4, 673, 553                       ; (nginx.pol:21)
  553  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  554  jeq #0x1, 555, 557                       ; (nginx.pol:21)
  555  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  556  jset #0x7, 557, 673                      ; (nginx.pol:21)
  557  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  558  jeq #0x1, 559, 562                       ; (nginx.pol:21)
  559  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  560  and #0x7                                 ; (nginx.pol:21)
  561  jeq #0x1, 673, 562                       ; (nginx.pol:21)
  562  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  563  jeq #0x1, 564, 567                       ; (nginx.pol:21)
  564  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  565  and #0x7                                 ; (nginx.pol:21)
  566  jeq #0x5, 673, 567                       ; (nginx.pol:21)
  567  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  568  jeq #0x1, 569, 571                       ; (nginx.pol:21)
  569  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  570  jset #0x8, 673, 571                      ; (nginx.pol:21)
  571  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  572  jeq #0x1, 573, 575                       ; (nginx.pol:21)
  573  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  574  jset #0x9, 575, 673                      ; (nginx.pol:21)
  575  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  576  jeq #0x1, 577, 580                       ; (nginx.pol:21)
  577  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  578  and #0x9                                 ; (nginx.pol:21)
  579  jeq #0x9, 673, 580                       ; (nginx.pol:21)
  580  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  581  jeq #0x1, 582, 584                       ; (nginx.pol:21)
  582  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  583  jset #0xa, 584, 673                      ; (nginx.pol:21)
  584  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  585  jeq #0x1, 586, 589                       ; (nginx.pol:21)
  586  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  587  and #0xa                                 ; (nginx.pol:21)
  588  jeq #0x8, 673, 589                       ; (nginx.pol:21)
  589  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  590  jeq #0x1, 591, 593                       ; (nginx.pol:21)
  591  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  592  jset #0xb, 593, 673                      ; (nginx.pol:21)
  593  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  594  jeq #0x1, 595, 598                       ; (nginx.pol:21)
  595  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  596  and #0xb                                 ; (nginx.pol:21)
  597  jeq #0x1, 673, 598                       ; (nginx.pol:21)
  598  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  599  jeq #0x1, 600, 603                       ; (nginx.pol:21)
  600  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  601  and #0xb                                 ; (nginx.pol:21)
  602  jeq #0x9, 673, 603                       ; (nginx.pol:21)
  603  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  604  jeq #0x1, 605, 608                       ; (nginx.pol:21)
  605  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  606  and #0xc                                 ; (nginx.pol:21)
  607  jeq #0x4, 673, 608                       ; (nginx.pol:21)
  608  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  609  jeq #0x1, 610, 613                       ; (nginx.pol:21)
  610  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  611  and #0xc                                 ; (nginx.pol:21)
  612  jeq #0x8, 673, 613                       ; (nginx.pol:21)
  613  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  614  jeq #0x1, 615, 617                       ; (nginx.pol:21)
  615  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  616  jset #0xd, 617, 673                      ; (nginx.pol:21)
  617  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  618  jeq #0x1, 619, 622                       ; (nginx.pol:21)
  619  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  620  and #0xd                                 ; (nginx.pol:21)
  621  jeq #0x5, 673, 622                       ; (nginx.pol:21)
  622  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  623  jeq #0x1, 624, 627                       ; (nginx.pol:21)
  624  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  625  and #0xd                                 ; (nginx.pol:21)
  626  jeq #0x9, 673, 627                       ; (nginx.pol:21)
  627  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  628  jeq #0x1, 629, 631                       ; (nginx.pol:21)
  629  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  630  jset #0xe, 631, 673                      ; (nginx.pol:21)
  631  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  632  jeq #0x1, 633, 636                       ; (nginx.pol:21)
  633  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  634  and #0xe                                 ; (nginx.pol:21)
  635  jeq #0x4, 673, 636                       ; (nginx.pol:21)
  636  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  637  jeq #0x1, 638, 641                       ; (nginx.pol:21)
  638  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  639  and #0xe                                 ; (nginx.pol:21)
  640  jeq #0x8, 673, 641                       ; (nginx.pol:21)
  641  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  642  jeq #0x1, 643, 645                       ; (nginx.pol:21)
  643  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  644  jset #0xf, 645, 673                      ; (nginx.pol:21)
  645  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  646  jeq #0x1, 647, 650                       ; (nginx.pol:21)
  647  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  648  and #0xf                                 ; (nginx.pol:21)
  649  jeq #0x1, 673, 650                       ; (nginx.pol:21)
  650  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  651  jeq #0x1, 652, 655                       ; (nginx.pol:21)
  652  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  653  and #0xf                                 ; (nginx.pol:21)
  654  jeq #0x5, 673, 655                       ; (nginx.pol:21)
  655  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  656  jeq #0x1, 657, 660                       ; (nginx.pol:21)
  657  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  658  and #0xf                                 ; (nginx.pol:21)
  659  jeq #0x9, 673, 660                       ; (nginx.pol:21)
  660  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  661  jeq #0x2, 662, 665                       ; (nginx.pol:21)
  662  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  663  and #0xf                                 ; (nginx.pol:21)
  664  jeq #0x1, 673, 665                       ; (nginx.pol:21)
  665  ld [args[0].w0]                          ; domain.lo (nginx.pol:21)
  666  jeq #0xa, 667, 674                       ; (nginx.pol:21)
  667  ld [args[1].w0]                          ; type.lo (nginx.pol:21)
  668  and #0xf                                 ; (nginx.pol:21)
  669  jeq #0x1, 673, 674                       ; (nginx.pol:21)
clone:
  670  ld [args[0].w0]                          ; flags.lo (nginx.pol:31)
  671  jset #0x7e020000, 674, 673               ; (nginx.pol:31)
kill-process:
  672  ret kill-process                        
allow:
  673  ret allow                               
errno(EPERM):
  674  ret errno(1)                            
errno(ENOSYS):
  675  ret errno(38)                           
errno(EACCES):
  676  ret errno(13)                           
