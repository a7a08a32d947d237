# polc BPF for policy postgres: 311 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 217 syscalls decided; unconditionally allowed 208, cacheable 208
# x32: 215 syscalls decided; unconditionally allowed 206, cacheable 206
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 306                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 158                  ; x32 bit
    5  jeq #0xffffffff, 158, 6                  ; -1: no syscall
x32:
    6  jge #0x400000dc, 7, 93                  
    7  jge #0x4000014e, 8, 61                  
    8  jge #0x400001d6, 9, 42                  
    9  jge #0x40000210, 10, 27                 
   10  jge #0x40000218, 11, 20                 
   11  jge #0x4000021f, 12, 17                 
   12  jge #0x40000222, 14, 13                 
   13  ja 308                                   ; trampoline
   14  jge #0x40000224, 15, 16                 
   15  ja 308                                   ; trampoline
   16  ja 307                                   ; trampoline
   17  jge #0x4000021b, 18, 19                 
   18  ja 307                                   ; trampoline
   19  ja 308                                   ; trampoline
   20  jge #0x40000213, 21, 24                 
   21  jge #0x40000216, 22, 23                 
   22  ja 307                                   ; trampoline
   23  ja 308                                   ; trampoline
   24  jge #0x40000211, 25, 26                 
   25  ja 307                                   ; trampoline
   26  ja 306                                   ; trampoline
   27  jge #0x40000209, 28, 35                 
   28  jge #0x4000020c, 29, 32                 
   29  jge #0x4000020d, 30, 31                 
   30  ja 307                                   ; trampoline
   31  ja 308                                   ; trampoline
   32  jge #0x4000020a, 33, 34                 
   33  ja 307                                   ; trampoline
   34  ja 306                                   ; trampoline
   35  jge #0x40000201, 36, 39                 
   36  jge #0x40000202, 37, 38                 
   37  ja 307                                   ; trampoline
   38  ja 308                                   ; trampoline
   39  jge #0x40000200, 40, 41                 
   40  ja 307                                   ; trampoline
   41  ja 308                                   ; trampoline
   42  jge #0x400001ba, 43, 54                 
   43  jge #0x400001cb, 44, 51                 
   44  jge #0x400001d3, 45, 48                 
   45  jge #0x400001d4, 46, 47                 
   46  ja 307                                   ; trampoline
   47  ja 308                                   ; trampoline
   48  jge #0x400001cf, 49, 50                 
   49  ja 307                                   ; trampoline
   50  ja 308                                   ; trampoline
   51  jge #0x400001c5, 52, 53                 
   52  jge #0x400001c9, 307, 308               
   53  jge #0x400001c4, 307, 308               
   54  jge #0x400001b3, 55, 58                 
   55  jge #0x400001b6, 56, 57                 
   56  jge #0x400001b7, 307, 308               
   57  jge #0x400001b4, 307, 309               
   58  jge #0x400001ac, 59, 60                 
   59  jge #0x400001ad, 308, 307               
   60  jge #0x4000014f, 308, 307               
   61  jge #0x40000115, 62, 78                 
   62  jge #0x40000139, 63, 71                 
   63  jge #0x4000013e, 64, 68                 
   64  jge #0x40000140, 65, 67                 
   65  jge #0x4000014c, 66, 308                
   66  jge #0x4000014d, 308, 307               
   67  jge #0x4000013f, 309, 307               
   68  jge #0x4000013c, 69, 70                 
   69  jge #0x4000013d, 308, 307               
   70  jge #0x4000013a, 308, 306               
   71  jge #0x4000012e, 72, 75                 
   72  jge #0x40000132, 73, 74                 
   73  jge #0x40000133, 308, 307               
   74  jge #0x4000012f, 308, 307               
   75  jge #0x40000118, 76, 77                 
   76  jge #0x40000127, 308, 307               
   77  jge #0x40000116, 308, 307               
   78  jge #0x400000f5, 79, 86                 
   79  jge #0x40000101, 80, 83                 
   80  jge #0x40000105, 81, 82                 
   81  jge #0x40000110, 308, 307               
   82  jge #0x40000104, 308, 307               
   83  jge #0x400000fd, 84, 85                 
   84  jge #0x40000100, 308, 307               
   85  jge #0x400000f6, 308, 307               
   86  jge #0x400000e7, 87, 90                 
   87  jge #0x400000f0, 88, 89                 
   88  jge #0x400000f4, 308, 307               
   89  jge #0x400000ec, 308, 307               
   90  jge #0x400000df, 91, 92                 
   91  jge #0x400000e3, 308, 307               
   92  jge #0x400000de, 308, 307               
   93  jge #0x4000006f, 94, 126                
   94  jge #0x400000a1, 95, 111                
   95  jge #0x400000c8, 96, 104                
   96  jge #0x400000cd, 97, 101                
   97  jge #0x400000d6, 98, 100                
   98  jge #0x400000d9, 99, 308                
   99  jge #0x400000da, 308, 307               
  100  jge #0x400000d5, 307, 308               
  101  jge #0x400000cb, 102, 103               
  102  jge #0x400000cc, 307, 308               
  103  jge #0x400000ca, 307, 308               
  104  jge #0x400000b0, 105, 108               
  105  jge #0x400000bb, 106, 107               
  106  jge #0x400000bc, 307, 308               
  107  jge #0x400000ba, 307, 308               
  108  jge #0x400000a3, 109, 110               
  109  jge #0x400000af, 306, 308               
  110  jge #0x400000a2, 307, 308               
  111  jge #0x40000086, 112, 119               
  112  jge #0x40000097, 113, 116               
  113  jge #0x4000009f, 114, 115               
  114  jge #0x400000a0, 307, 308               
  115  jge #0x4000009d, 307, 308               
  116  jge #0x4000008b, 117, 118               
  117  jge #0x40000095, 307, 308               
  118  jge #0x40000089, 307, 308               
  119  jge #0x4000007a, 120, 123               
  120  jge #0x40000083, 121, 122               
  121  jge #0x40000084, 307, 308               
  122  jge #0x40000082, 307, 308               
  123  jge #0x40000071, 124, 125               
  124  jge #0x40000079, 307, 308               
  125  jge #0x40000070, 307, 308               
  126  jge #0x40000030, 127, 143               
  127  jge #0x4000005f, 128, 136               
  128  jge #0x40000066, 129, 133               
  129  jge #0x40000068, 130, 132               
  130  jge #0x40000069, 131, 307               
  131  jge #0x4000006b, 307, 308               
  132  jge #0x40000067, 308, 307               
  133  jge #0x40000061, 134, 135               
  134  jge #0x40000065, 308, 307               
  135  jge #0x40000060, 308, 307               
  136  jge #0x4000003c, 137, 140               
  137  jge #0x4000004a, 138, 139               
  138  jge #0x4000005c, 308, 307               
  139  jge #0x40000049, 308, 307               
  140  jge #0x40000038, 141, 142               
  141  jge #0x40000039, 308, 282               
  142  jge #0x40000036, 308, 307               
  143  jge #0x4000001c, 144, 151               
  144  jge #0x40000024, 145, 148               
  145  jge #0x4000002a, 146, 147               
  146  jge #0x4000002d, 308, 307               
  147  jge #0x40000029, 275, 307               
  148  jge #0x4000001f, 149, 150               
  149  jge #0x40000022, 308, 307               
  150  jge #0x4000001e, 270, 307               
  151  jge #0x40000011, 152, 155               
  152  jge #0x40000015, 153, 154               
  153  jge #0x4000001b, 308, 307               
  154  jge #0x40000013, 308, 307               
  155  jge #0x4000000e, 156, 157               
  156  jge #0x4000000f, 308, 307               
  157  jge #0x4000000d, 308, 307               
  158  jge #0xd8, 159, 215                     
  159  jge #0x138, 160, 188                    
  160  jge #0x1ac, 161, 175                    
  161  jge #0x1c4, 162, 169                    
  162  jge #0x1cf, 163, 166                    
  163  jge #0x1d4, 164, 165                    
  164  jge #0x1d6, 308, 307                    
  165  jge #0x1d3, 308, 307                    
  166  jge #0x1c9, 167, 168                    
  167  jge #0x1cb, 308, 307                    
  168  jge #0x1c5, 308, 307                    
  169  jge #0x1b4, 170, 173                    
  170  jge #0x1b7, 171, 172                    
  171  jge #0x1ba, 308, 307                    
  172  jge #0x1b6, 308, 307                    
  173  jge #0x1ad, 174, 307                    
  174  jge #0x1b3, 309, 308                    
  175  jge #0x140, 176, 182                    
  176  jge #0x14c, 177, 180                    
  177  jge #0x14e, 178, 179                    
  178  jge #0x14f, 308, 307                    
  179  jge #0x14d, 308, 307                    
  180  jge #0x147, 181, 308                    
  181  jge #0x149, 308, 307                    
  182  jge #0x13c, 183, 186                    
  183  jge #0x13e, 184, 185                    
  184  jge #0x13f, 309, 307                    
  185  jge #0x13d, 308, 307                    
  186  jge #0x139, 187, 308                    
  187  jge #0x13a, 308, 306                    
  188  jge #0x104, 189, 202                    
  189  jge #0x118, 190, 196                    
  190  jge #0x12f, 191, 194                    
  191  jge #0x133, 192, 193                    
  192  jge #0x136, 307, 308                    
  193  jge #0x132, 307, 308                    
  194  jge #0x129, 195, 307                    
  195  jge #0x12e, 307, 308                    
  196  jge #0x111, 197, 200                    
  197  jge #0x115, 198, 199                    
  198  jge #0x116, 308, 307                    
  199  jge #0x112, 308, 307                    
  200  jge #0x105, 201, 308                    
  201  jge #0x110, 308, 307                    
  202  jge #0xf0, 203, 209                     
  203  jge #0xf8, 204, 207                     
  204  jge #0x100, 205, 206                    
  205  jge #0x101, 307, 308                    
  206  jge #0xfd, 307, 308                     
  207  jge #0xf6, 208, 307                     
  208  jge #0xf7, 307, 306                     
  209  jge #0xdc, 210, 213                     
  210  jge #0xe7, 211, 212                     
  211  jge #0xec, 308, 307                     
  212  jge #0xe3, 308, 307                     
  213  jge #0xd9, 214, 308                     
  214  jge #0xda, 308, 307                     
  215  jge #0x71, 216, 243                     
  216  jge #0xa1, 217, 230                     
  217  jge #0xbc, 218, 224                     
  218  jge #0xcb, 219, 222                     
  219  jge #0xcd, 220, 221                     
  220  jge #0xd5, 307, 308                     
  221  jge #0xcc, 307, 308                     
  222  jge #0xc8, 223, 307                     
  223  jge #0xca, 307, 308                     
  224  jge #0xaf, 225, 228                     
  225  jge #0xba, 226, 227                     
  226  jge #0xbb, 308, 307                     
  227  jge #0xb0, 308, 306                     
  228  jge #0xa2, 229, 308                     
  229  jge #0xa3, 308, 307                     
  230  jge #0x89, 231, 237                     
  231  jge #0x97, 232, 235                     
  232  jge #0x9f, 233, 234                     
  233  jge #0xa0, 307, 308                     
  234  jge #0x9d, 307, 308                     
  235  jge #0x8b, 236, 307                     
  236  jge #0x95, 307, 308                     
  237  jge #0x7f, 238, 241                     
  238  jge #0x82, 239, 240                     
  239  jge #0x86, 308, 307                     
  240  jge #0x81, 308, 307                     
  241  jge #0x79, 242, 308                     
  242  jge #0x7a, 308, 307                     
  243  jge #0x49, 244, 257                     
  244  jge #0x66, 245, 251                     
  245  jge #0x69, 246, 249                     
  246  jge #0x6f, 247, 248                     
  247  jge #0x70, 307, 308                     
  248  jge #0x6b, 307, 308                     
  249  jge #0x67, 250, 307                     
  250  jge #0x68, 307, 308                     
  251  jge #0x5f, 252, 255                     
  252  jge #0x61, 253, 254                     
  253  jge #0x65, 306, 307                     
  254  jge #0x60, 308, 307                     
  255  jge #0x4a, 256, 308                     
  256  jge #0x5c, 308, 307                     
  257  jge #0x22, 258, 264                     
  258  jge #0x2a, 259, 262                     
  259  jge #0x39, 260, 261                     
  260  jge #0x3b, 307, 308                     
  261  jge #0x38, 303, 307                     
  262  jge #0x24, 263, 308                     
  263  jge #0x29, 290, 307                     
  264  jge #0x1b, 265, 268                     
  265  jge #0x1e, 266, 267                     
  266  jge #0x1f, 307, 285                     
  267  jge #0x1c, 307, 308                     
  268  jge #0xf, 269, 307                      
  269  jge #0x10, 307, 308                     
shmat:
  270  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  271  jset #0x8000, 310, 272                   ; (postgres.pol:33)
  272  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  273  jset #0x8000, 274, 307                   ; (postgres.pol:11)
  274  ja 308                                   ; no case matched: the default
socket:
  275  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  276  jeq #0x1, 307, 277                       ; (postgres.pol:24)
  277  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  278  jeq #0x2, 307, 279                       ; (postgres.pol:24)
  279  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  280  jeq #0xa, 307, 281                       ; (postgres.pol:24)
  281  ja 308                                   ; no case matched: the default
clone:
  282  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  283  jset #0x70020100, 284, 307               ; (postgres.pol:28)
  284  ja 308                                   ; no case matched: the default
shmat:
  285  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  286  jset #0x8000, 310, 287                   ; (postgres.pol:33)
  287  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  288  jset #0x8000, 289, 307                   ; (postgres.pol:11)
  289  ja 308                                   ; no case matched: the default
socket:
  290  ld [args[0].w1]                          ; domain.hi (postgres.pol:24)
  291  jeq #0x0, 292, 294                       ; (postgres.pol:24)
  292  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  293  jeq #0x1, 307, 294                       ; (postgres.pol:24)
  294  ld [args[0].w1]                          ; domain.hi (postgres.pol:24)
  295  jeq #0x0, 296, 298                       ; (postgres.pol:24)
  296  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  297  jeq #0x2, 307, 298                       ; (postgres.pol:24)
  298  ld [args[0].w1]                          ; domain.hi (postgres.pol:24)
  299  jeq #0x0, 300, 302                       ; (postgres.pol:24)
  300  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  301  jeq #0xa, 307, 302                       ; (postgres.pol:24)
  302  ja 308                                   ; no case matched: the default
clone:
  303  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  304  jset #0x70020100, 305, 307               ; (postgres.pol:28)
  305  ja 308                                   ; no case matched: the default
kill-process:
  306  ret kill-process                        
allow:
  307  ret allow                               
errno(EPERM):
  308  ret errno(1)                            
errno(ENOSYS):
  309  ret errno(38)                           
errno(EACCES):
  310  ret errno(13)                           
