# polc BPF for policy postgres: 359 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 218 syscalls decided; unconditionally allowed 206, cacheable 206
# x32: 216 syscalls decided; unconditionally allowed 204, cacheable 204
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 354                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 95, 5                  
    5  jge #0xd5, 6, 50                        
    6  jge #0x129, 7, 33                       
    7  jge #0x14f, 8, 19                       
    8  jge #0x1ba, 9, 15                       
    9  jge #0x1c9, 10, 14                      
   10  jge #0x1cf, 11, 13                      
   11  jge #0x1d6, 66, 12                      
   12  jeq #0x1d3, 66, 65                      
   13  jge #0x1cb, 66, 65                      
   14  jeq #0x1c4, 65, 66                      
   15  jge #0x1b3, 16, 18                      
   16  jge #0x1b4, 17, 67                      
   17  jeq #0x1b6, 66, 65                      
   18  jeq #0x1ac, 65, 66                      
   19  jge #0x13a, 20, 28                      
   20  jge #0x147, 21, 24                      
   21  jge #0x14c, 22, 23                      
   22  jeq #0x14d, 66, 65                      
   23  jge #0x149, 66, 65                      
   24  jge #0x140, 66, 25                      
   25  jge #0x13e, 26, 27                      
   26  jge #0x13f, 67, 65                      
   27  jeq #0x13c, 65, 66                      
   28  jge #0x132, 29, 32                      
   29  jge #0x136, 30, 31                      
   30  jeq #0x138, 66, 64                      
   31  jge #0x133, 66, 65                      
   32  jeq #0x12e, 65, 66                      
   33  jge #0x101, 34, 39                      
   34  jge #0x118, 65, 35                      
   35  jge #0x110, 36, 38                      
   36  jeq #0x111, 65, 37                      
   37  jeq #0x115, 65, 66                      
   38  jeq #0x104, 66, 65                      
   39  jge #0xec, 40, 45                       
   40  jge #0xf8, 41, 43                       
   41  jge #0xfd, 42, 66                       
   42  jge #0x100, 66, 65                      
   43  jge #0xf0, 44, 66                       
   44  jeq #0xf6, 64, 65                       
   45  jge #0xe3, 46, 47                       
   46  jge #0xe7, 65, 66                       
   47  jge #0xdc, 65, 48                       
   48  jge #0xd8, 49, 65                       
   49  jeq #0xd9, 65, 66                       
   50  jge #0x71, 51, 74                       
   51  jge #0xa3, 52, 59                       
   52  jge #0xba, 53, 58                       
   53  jge #0xc8, 54, 57                       
   54  jge #0xcd, 66, 55                       
   55  jge #0xca, 56, 66                       
   56  jeq #0xcb, 66, 65                       
   57  jeq #0xbb, 66, 65                       
   58  jeq #0xaf, 64, 66                       
   59  jge #0x8b, 60, 69                       
   60  jge #0x95, 61, 66                       
   61  jge #0x9d, 62, 68                       
   62  jeq #0x9f, 66, 63                       
   63  jeq #0xa1, 66, 65                       
   64  ja 354                                   ; trampoline
   65  ja 355                                   ; trampoline
   66  ja 356                                   ; trampoline
   67  ja 357                                   ; trampoline
   68  jge #0x97, 134, 133                     
   69  jge #0x7f, 70, 73                       
   70  jge #0x86, 71, 72                       
   71  jge #0x89, 133, 134                     
   72  jeq #0x81, 134, 133                     
   73  jeq #0x79, 133, 134                     
   74  jge #0x3b, 75, 84                       
   75  jge #0x5c, 76, 83                       
   76  jge #0x67, 77, 80                       
   77  jge #0x6b, 78, 79                       
   78  jeq #0x6f, 134, 133                     
   79  jeq #0x68, 133, 134                     
   80  jge #0x61, 81, 82                       
   81  jeq #0x65, 132, 133                     
   82  jeq #0x5f, 133, 134                     
   83  jeq #0x49, 134, 133                     
   84  jge #0x1b, 85, 133                      
   85  jge #0x2a, 86, 90                       
   86  jge #0x35, 87, 133                      
   87  jge #0x38, 88, 89                       
   88  jge #0x39, 134, 135                     
   89  jge #0x36, 133, 279                     
   90  jge #0x22, 91, 93                       
   91  jge #0x24, 92, 134                      
   92  jge #0x29, 201, 133                     
   93  jge #0x1c, 94, 134                      
   94  jeq #0x1e, 198, 133                     
x32:
   95  jge #0x400000d5, 96, 153                
   96  jge #0x40000140, 97, 124                
   97  jge #0x400001c9, 98, 115                
   98  jge #0x4000020c, 99, 109                
   99  jge #0x40000218, 100, 105               
  100  jge #0x4000021f, 101, 103               
  101  jge #0x40000222, 102, 356               
  102  jge #0x40000224, 356, 355               
  103  jge #0x4000021b, 104, 356               
  104  jge #0x4000021d, 355, 354               
  105  jge #0x40000213, 106, 107               
  106  jge #0x40000216, 355, 356               
  107  jge #0x4000020d, 108, 356               
  108  jeq #0x40000210, 354, 355               
  109  jge #0x40000200, 110, 111               
  110  jeq #0x40000209, 354, 355               
  111  jge #0x400001cf, 112, 114               
  112  jge #0x400001d6, 356, 113               
  113  jeq #0x400001d3, 356, 355               
  114  jge #0x400001cb, 356, 355               
  115  jge #0x400001b3, 116, 120               
  116  jge #0x400001ba, 117, 118               
  117  jeq #0x400001c4, 355, 356               
  118  jge #0x400001b4, 119, 357               
  119  jeq #0x400001b6, 356, 355               
  120  jge #0x4000014f, 121, 122               
  121  jeq #0x400001ac, 355, 356               
  122  jge #0x4000014c, 123, 356               
  123  jeq #0x4000014d, 356, 355               
  124  jge #0x40000105, 125, 140               
  125  jge #0x40000127, 126, 137               
  126  jge #0x40000133, 127, 131               
  127  jge #0x4000013c, 128, 130               
  128  jge #0x4000013f, 357, 129               
  129  jeq #0x4000013d, 356, 355               
  130  jeq #0x40000139, 354, 356               
  131  jge #0x40000132, 355, 136               
  132  ja 354                                   ; trampoline
  133  ja 355                                   ; trampoline
  134  ja 356                                   ; trampoline
  135  ja 350                                   ; trampoline
  136  jeq #0x4000012e, 355, 356               
  137  jge #0x40000118, 355, 138               
  138  jge #0x40000110, 139, 355               
  139  jeq #0x40000115, 355, 356               
  140  jge #0x400000ec, 141, 147               
  141  jge #0x400000fd, 142, 144               
  142  jge #0x40000104, 356, 143               
  143  jeq #0x40000100, 356, 355               
  144  jge #0x400000f4, 145, 146               
  145  jeq #0x400000f5, 355, 356               
  146  jge #0x400000f0, 355, 356               
  147  jge #0x400000e3, 148, 149               
  148  jge #0x400000e7, 355, 356               
  149  jge #0x400000dc, 150, 151               
  150  jeq #0x400000de, 356, 355               
  151  jge #0x400000d6, 152, 355               
  152  jeq #0x400000d9, 355, 356               
  153  jge #0x40000071, 154, 172               
  154  jge #0x400000a3, 155, 161               
  155  jge #0x400000ba, 156, 160               
  156  jge #0x400000c8, 157, 159               
  157  jeq #0x400000ca, 355, 158               
  158  jeq #0x400000cc, 355, 356               
  159  jeq #0x400000bb, 356, 355               
  160  jeq #0x400000af, 354, 356               
  161  jge #0x4000008b, 162, 167               
  162  jge #0x40000095, 163, 356               
  163  jge #0x4000009d, 164, 166               
  164  jeq #0x4000009f, 356, 165               
  165  jeq #0x400000a1, 356, 355               
  166  jge #0x40000097, 356, 355               
  167  jge #0x40000082, 168, 171               
  168  jge #0x40000086, 169, 170               
  169  jge #0x40000089, 355, 356               
  170  jeq #0x40000083, 356, 355               
  171  jeq #0x40000079, 355, 356               
  172  jge #0x4000003c, 173, 182               
  173  jge #0x4000005c, 174, 181               
  174  jge #0x40000067, 175, 178               
  175  jge #0x4000006b, 176, 177               
  176  jeq #0x4000006f, 356, 355               
  177  jeq #0x40000068, 355, 356               
  178  jge #0x40000061, 179, 180               
  179  jeq #0x40000065, 356, 355               
  180  jeq #0x4000005f, 355, 356               
  181  jeq #0x40000049, 356, 355               
  182  jge #0x4000001e, 183, 192               
  183  jge #0x4000002d, 184, 188               
  184  jge #0x40000035, 185, 187               
  185  jge #0x40000036, 186, 279               
  186  jeq #0x40000038, 352, 356               
  187  jge #0x40000030, 355, 356               
  188  jge #0x40000024, 189, 190               
  189  jeq #0x40000029, 201, 355               
  190  jge #0x40000022, 356, 191               
  191  jge #0x4000001f, 355, 198               
  192  jge #0x4000000d, 193, 355               
  193  jge #0x40000015, 194, 195               
  194  jeq #0x4000001b, 356, 355               
  195  jge #0x40000011, 196, 197               
  196  jge #0x40000013, 356, 355               
  197  jeq #0x4000000e, 355, 356               
shmat:
  198  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:34)
  199  jset #0x8000, 358, 200                   ; (postgres.pol:34)
  200  jset #0x8000, 356, 355                   ; (postgres.pol:11)
socket:
  201  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  202  jeq #0x1, 203, 205                       ; (postgres.pol:51)
  203  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  204  jset #0x1, 205, 358                      ; (postgres.pol:51)
  205  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  206  jeq #0x1, 207, 209                       ; (postgres.pol:51)
  207  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  208  jset #0x2, 358, 209                      ; (postgres.pol:51)
  209  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  210  jeq #0x1, 211, 213                       ; (postgres.pol:51)
  211  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  212  jset #0x4, 358, 213                      ; (postgres.pol:51)
  213  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  214  jeq #0x1, 215, 217                       ; (postgres.pol:51)
  215  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  216  jset #0x8, 358, 217                      ; (postgres.pol:51)
  217  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  218  jeq #0x1, 219, 222                       ; (postgres.pol:51)
  219  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  220  and #0xf                                 ; (postgres.pol:51)
  221  jeq #0x3, 358, 222                       ; (postgres.pol:51)
  222  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  223  jeq #0x2, 224, 226                       ; (postgres.pol:51)
  224  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  225  jset #0x1, 226, 358                      ; (postgres.pol:51)
  226  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  227  jeq #0x2, 228, 230                       ; (postgres.pol:51)
  228  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  229  jset #0x2, 358, 230                      ; (postgres.pol:51)
  230  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  231  jeq #0x2, 232, 234                       ; (postgres.pol:51)
  232  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  233  jset #0x4, 358, 234                      ; (postgres.pol:51)
  234  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  235  jeq #0x2, 236, 238                       ; (postgres.pol:51)
  236  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  237  jset #0x8, 358, 238                      ; (postgres.pol:51)
  238  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  239  jeq #0x2, 240, 243                       ; (postgres.pol:51)
  240  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  241  and #0xf                                 ; (postgres.pol:51)
  242  jeq #0x3, 358, 243                       ; (postgres.pol:51)
  243  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  244  jeq #0xa, 245, 247                       ; (postgres.pol:51)
  245  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  246  jset #0x1, 247, 358                      ; (postgres.pol:51)
  247  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  248  jeq #0xa, 249, 251                       ; (postgres.pol:51)
  249  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  250  jset #0x2, 358, 251                      ; (postgres.pol:51)
  251  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  252  jeq #0xa, 253, 255                       ; (postgres.pol:51)
  253  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  254  jset #0x4, 358, 255                      ; (postgres.pol:51)
  255  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  256  jeq #0xa, 257, 259                       ; (postgres.pol:51)
  257  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  258  jset #0x8, 358, 259                      ; (postgres.pol:51)
  259  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  260  jeq #0xa, 261, 264                       ; (postgres.pol:51)
  261  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  262  and #0xf                                 ; (postgres.pol:51)
  263  jeq #0x3, 358, 264                       ; (postgres.pol:51)
  264  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  265  jeq #0x1, 266, 269                       ; (postgres.pol:24)
  266  ld [args[1].w0]                          ; type.lo (postgres.pol:24)
  267  and #0xf                                 ; (postgres.pol:24)
  268  jeq #0x1, 355, 269                       ; (postgres.pol:24)
  269  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  270  jeq #0x2, 271, 274                       ; (postgres.pol:24)
  271  ld [args[1].w0]                          ; type.lo (postgres.pol:24)
  272  and #0xf                                 ; (postgres.pol:24)
  273  jeq #0x1, 355, 274                       ; (postgres.pol:24)
  274  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  275  jeq #0xa, 276, 356                       ; (postgres.pol:24)
  276  ld [args[1].w0]                          ; type.lo (postgres.pol:24)
  277  and #0xf                                 ; (postgres.pol:24)
  278  jeq #0x1, 355, 356                       ; (postgres.pol:24)
socketpair:
  279  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  280  jeq #0x11, 358, 281                      ; (postgres.pol:51)
  281  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  282  and #0xf                                 ; (postgres.pol:51)
  283  jeq #0x3, 358, 284                       ; (postgres.pol:51)
  284  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  285  jeq #0x1, 286, 288                       ; (postgres.pol:51)
  286  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  287  jset #0x1, 288, 358                      ; (postgres.pol:51)
  288  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  289  jeq #0x1, 290, 292                       ; (postgres.pol:51)
  290  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  291  jset #0x2, 358, 292                      ; (postgres.pol:51)
  292  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  293  jeq #0x1, 294, 296                       ; (postgres.pol:51)
  294  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  295  jset #0x4, 358, 296                      ; (postgres.pol:51)
  296  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  297  jeq #0x1, 298, 300                       ; (postgres.pol:51)
  298  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  299  jset #0x8, 358, 300                      ; (postgres.pol:51)
  300  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  301  jeq #0x2, 302, 304                       ; (postgres.pol:51)
  302  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  303  jset #0x1, 304, 358                      ; (postgres.pol:51)
  304  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  305  jeq #0x2, 306, 308                       ; (postgres.pol:51)
  306  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  307  jset #0x2, 358, 308                      ; (postgres.pol:51)
  308  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  309  jeq #0x2, 310, 312                       ; (postgres.pol:51)
  310  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  311  jset #0x4, 358, 312                      ; (postgres.pol:51)
  312  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  313  jeq #0x2, 314, 316                       ; (postgres.pol:51)
  314  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  315  jset #0x8, 358, 316                      ; (postgres.pol:51)
  316  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  317  jeq #0xa, 318, 320                       ; (postgres.pol:51)
  318  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  319  jset #0x1, 320, 358                      ; (postgres.pol:51)
  320  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  321  jeq #0xa, 322, 324                       ; (postgres.pol:51)
  322  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  323  jset #0x2, 358, 324                      ; (postgres.pol:51)
  324  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  325  jeq #0xa, 326, 328                       ; (postgres.pol:51)
  326  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  327  jset #0x4, 358, 328                      ; (postgres.pol:51)
  328  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  329  jeq #0xa, 330, 332                       ; (postgres.pol:51)
  330  ld [args[1].w0]                          ; type.lo (postgres.pol:51)
  331  jset #0x8, 358, 332                      ; (postgres.pol:51)
  332  ld [args[0].w0]                          ; domain.lo (postgres.pol:51)
  333  jeq #0x1, 336, 334                       ; (postgres.pol:51)
  334  jeq #0x2, 336, 335                       ; (postgres.pol:51)
  335  jeq #0xa, 336, 358                       ; (postgres.pol:51)
  336  jeq #0x1, 337, 340                       ; (postgres.pol:18)
  337  ld [args[1].w0]                          ; type.lo (postgres.pol:18)
  338  and #0xf                                 ; (postgres.pol:18)
  339  jeq #0x1, 355, 340                       ; (postgres.pol:18)
  340  ld [args[0].w0]                          ; domain.lo (postgres.pol:18)
  341  jeq #0x2, 342, 345                       ; (postgres.pol:18)
  342  ld [args[1].w0]                          ; type.lo (postgres.pol:18)
  343  and #0xf                                 ; (postgres.pol:18)
  344  jeq #0x1, 355, 345                       ; (postgres.pol:18)
  345  ld [args[0].w0]                          ; domain.lo (postgres.pol:18)
  346  jeq #0xa, 347, 356                       ; (postgres.pol:18)
  347  ld [args[1].w0]                          ; type.lo (postgres.pol:18)
  348  and #0xf                                 ; (postgres.pol:18)
  349  jeq #0x1, 355, 356                       ; (postgres.pol:18)
clone:
  350  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  351  jset #0x70020100, 356, 355               ; (postgres.pol:28)
clone:
  352  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  353  jset #0x70020100, 356, 355               ; (postgres.pol:28)
kill-process:
  354  ret kill-process                        
allow:
  355  ret allow                               
errno(EPERM):
  356  ret errno(1)                            
errno(ENOSYS):
  357  ret errno(38)                           
errno(EACCES):
  358  ret errno(13)                           
