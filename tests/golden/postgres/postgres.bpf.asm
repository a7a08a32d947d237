# polc BPF for policy postgres: 295 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 217 syscalls decided; unconditionally allowed 208, cacheable 208
# x32: 215 syscalls decided; unconditionally allowed 206, cacheable 206
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 290                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 150                  ; x32 bit
    5  jeq #0xffffffff, 150, 6                  ; -1: no syscall
x32:
    6  jge #0x400000dc, 7, 85                  
    7  jge #0x4000014e, 8, 53                  
    8  jge #0x400001d6, 9, 38                  
    9  jge #0x40000210, 10, 27                 
   10  jge #0x40000218, 11, 20                 
   11  jge #0x4000021f, 12, 17                 
   12  jge #0x40000222, 14, 13                 
   13  ja 292                                   ; trampoline
   14  jge #0x40000224, 15, 16                 
   15  ja 292                                   ; trampoline
   16  ja 291                                   ; trampoline
   17  jge #0x4000021b, 18, 19                 
   18  ja 291                                   ; trampoline
   19  ja 292                                   ; trampoline
   20  jge #0x40000213, 21, 24                 
   21  jge #0x40000216, 22, 23                 
   22  ja 291                                   ; trampoline
   23  ja 292                                   ; trampoline
   24  jge #0x40000211, 25, 26                 
   25  ja 291                                   ; trampoline
   26  ja 290                                   ; trampoline
   27  jge #0x40000209, 28, 35                 
   28  jge #0x4000020c, 29, 32                 
   29  jge #0x4000020d, 30, 31                 
   30  ja 291                                   ; trampoline
   31  ja 292                                   ; trampoline
   32  jge #0x4000020a, 34, 33                 
   33  ja 290                                   ; trampoline
   34  ja 291                                   ; trampoline
   35  jge #0x40000201, 36, 37                 
   36  jge #0x40000202, 291, 292               
   37  jge #0x40000200, 291, 292               
   38  jge #0x400001ba, 39, 46                 
   39  jge #0x400001cb, 40, 43                 
   40  jge #0x400001d3, 41, 42                 
   41  jge #0x400001d4, 291, 292               
   42  jge #0x400001cf, 291, 292               
   43  jge #0x400001c5, 44, 45                 
   44  jge #0x400001c9, 291, 292               
   45  jge #0x400001c4, 291, 292               
   46  jge #0x400001b3, 47, 50                 
   47  jge #0x400001b6, 48, 49                 
   48  jge #0x400001b7, 291, 292               
   49  jge #0x400001b4, 291, 293               
   50  jge #0x400001ac, 51, 52                 
   51  jge #0x400001ad, 292, 291               
   52  jge #0x4000014f, 292, 291               
   53  jge #0x40000115, 54, 70                 
   54  jge #0x40000139, 55, 63                 
   55  jge #0x4000013e, 56, 60                 
   56  jge #0x40000140, 57, 59                 
   57  jge #0x4000014c, 58, 292                
   58  jge #0x4000014d, 292, 291               
   59  jge #0x4000013f, 293, 291               
   60  jge #0x4000013c, 61, 62                 
   61  jge #0x4000013d, 292, 291               
   62  jge #0x4000013a, 292, 290               
   63  jge #0x4000012e, 64, 67                 
   64  jge #0x40000132, 65, 66                 
   65  jge #0x40000133, 292, 291               
   66  jge #0x4000012f, 292, 291               
   67  jge #0x40000118, 68, 69                 
   68  jge #0x40000127, 292, 291               
   69  jge #0x40000116, 292, 291               
   70  jge #0x400000f5, 71, 78                 
   71  jge #0x40000101, 72, 75                 
   72  jge #0x40000105, 73, 74                 
   73  jge #0x40000110, 292, 291               
   74  jge #0x40000104, 292, 291               
   75  jge #0x400000fd, 76, 77                 
   76  jge #0x40000100, 292, 291               
   77  jge #0x400000f6, 292, 291               
   78  jge #0x400000e7, 79, 82                 
   79  jge #0x400000f0, 80, 81                 
   80  jge #0x400000f4, 292, 291               
   81  jge #0x400000ec, 292, 291               
   82  jge #0x400000df, 83, 84                 
   83  jge #0x400000e3, 292, 291               
   84  jge #0x400000de, 292, 291               
   85  jge #0x4000006f, 86, 118                
   86  jge #0x400000a1, 87, 103                
   87  jge #0x400000c8, 88, 96                 
   88  jge #0x400000cd, 89, 93                 
   89  jge #0x400000d6, 90, 92                 
   90  jge #0x400000d9, 91, 292                
   91  jge #0x400000da, 292, 291               
   92  jge #0x400000d5, 291, 292               
   93  jge #0x400000cb, 94, 95                 
   94  jge #0x400000cc, 291, 292               
   95  jge #0x400000ca, 291, 292               
   96  jge #0x400000b0, 97, 100                
   97  jge #0x400000bb, 98, 99                 
   98  jge #0x400000bc, 291, 292               
   99  jge #0x400000ba, 291, 292               
  100  jge #0x400000a3, 101, 102               
  101  jge #0x400000af, 290, 292               
  102  jge #0x400000a2, 291, 292               
  103  jge #0x40000086, 104, 111               
  104  jge #0x40000097, 105, 108               
  105  jge #0x4000009f, 106, 107               
  106  jge #0x400000a0, 291, 292               
  107  jge #0x4000009d, 291, 292               
  108  jge #0x4000008b, 109, 110               
  109  jge #0x40000095, 291, 292               
  110  jge #0x40000089, 291, 292               
  111  jge #0x4000007a, 112, 115               
  112  jge #0x40000083, 113, 114               
  113  jge #0x40000084, 291, 292               
  114  jge #0x40000082, 291, 292               
  115  jge #0x40000071, 116, 117               
  116  jge #0x40000079, 291, 292               
  117  jge #0x40000070, 291, 292               
  118  jge #0x40000030, 119, 135               
  119  jge #0x4000005f, 120, 128               
  120  jge #0x40000066, 121, 125               
  121  jge #0x40000068, 122, 124               
  122  jge #0x40000069, 123, 291               
  123  jge #0x4000006b, 291, 292               
  124  jge #0x40000067, 292, 291               
  125  jge #0x40000061, 126, 127               
  126  jge #0x40000065, 292, 291               
  127  jge #0x40000060, 292, 291               
  128  jge #0x4000003c, 129, 132               
  129  jge #0x4000004a, 130, 131               
  130  jge #0x4000005c, 292, 291               
  131  jge #0x40000049, 292, 291               
  132  jge #0x40000038, 133, 134               
  133  jge #0x40000039, 292, 272               
  134  jge #0x40000036, 292, 291               
  135  jge #0x4000001c, 136, 143               
  136  jge #0x40000024, 137, 140               
  137  jge #0x4000002a, 138, 139               
  138  jge #0x4000002d, 292, 291               
  139  jge #0x40000029, 267, 291               
  140  jge #0x4000001f, 141, 142               
  141  jge #0x40000022, 292, 291               
  142  jge #0x4000001e, 262, 291               
  143  jge #0x40000011, 144, 147               
  144  jge #0x40000015, 145, 146               
  145  jge #0x4000001b, 292, 291               
  146  jge #0x40000013, 292, 291               
  147  jge #0x4000000e, 148, 149               
  148  jge #0x4000000f, 292, 291               
  149  jge #0x4000000d, 292, 291               
  150  jge #0xd8, 151, 207                     
  151  jge #0x138, 152, 180                    
  152  jge #0x1ac, 153, 167                    
  153  jge #0x1c4, 154, 161                    
  154  jge #0x1cf, 155, 158                    
  155  jge #0x1d4, 156, 157                    
  156  jge #0x1d6, 292, 291                    
  157  jge #0x1d3, 292, 291                    
  158  jge #0x1c9, 159, 160                    
  159  jge #0x1cb, 292, 291                    
  160  jge #0x1c5, 292, 291                    
  161  jge #0x1b4, 162, 165                    
  162  jge #0x1b7, 163, 164                    
  163  jge #0x1ba, 292, 291                    
  164  jge #0x1b6, 292, 291                    
  165  jge #0x1ad, 166, 291                    
  166  jge #0x1b3, 293, 292                    
  167  jge #0x140, 168, 174                    
  168  jge #0x14c, 169, 172                    
  169  jge #0x14e, 170, 171                    
  170  jge #0x14f, 292, 291                    
  171  jge #0x14d, 292, 291                    
  172  jge #0x147, 173, 292                    
  173  jge #0x149, 292, 291                    
  174  jge #0x13c, 175, 178                    
  175  jge #0x13e, 176, 177                    
  176  jge #0x13f, 293, 291                    
  177  jge #0x13d, 292, 291                    
  178  jge #0x139, 179, 292                    
  179  jge #0x13a, 292, 290                    
  180  jge #0x104, 181, 194                    
  181  jge #0x118, 182, 188                    
  182  jge #0x12f, 183, 186                    
  183  jge #0x133, 184, 185                    
  184  jge #0x136, 291, 292                    
  185  jge #0x132, 291, 292                    
  186  jge #0x129, 187, 291                    
  187  jge #0x12e, 291, 292                    
  188  jge #0x111, 189, 192                    
  189  jge #0x115, 190, 191                    
  190  jge #0x116, 292, 291                    
  191  jge #0x112, 292, 291                    
  192  jge #0x105, 193, 292                    
  193  jge #0x110, 292, 291                    
  194  jge #0xf0, 195, 201                     
  195  jge #0xf8, 196, 199                     
  196  jge #0x100, 197, 198                    
  197  jge #0x101, 291, 292                    
  198  jge #0xfd, 291, 292                     
  199  jge #0xf6, 200, 291                     
  200  jge #0xf7, 291, 290                     
  201  jge #0xdc, 202, 205                     
  202  jge #0xe7, 203, 204                     
  203  jge #0xec, 292, 291                     
  204  jge #0xe3, 292, 291                     
  205  jge #0xd9, 206, 292                     
  206  jge #0xda, 292, 291                     
  207  jge #0x71, 208, 235                     
  208  jge #0xa1, 209, 222                     
  209  jge #0xbc, 210, 216                     
  210  jge #0xcb, 211, 214                     
  211  jge #0xcd, 212, 213                     
  212  jge #0xd5, 291, 292                     
  213  jge #0xcc, 291, 292                     
  214  jge #0xc8, 215, 291                     
  215  jge #0xca, 291, 292                     
  216  jge #0xaf, 217, 220                     
  217  jge #0xba, 218, 219                     
  218  jge #0xbb, 292, 291                     
  219  jge #0xb0, 292, 290                     
  220  jge #0xa2, 221, 292                     
  221  jge #0xa3, 292, 291                     
  222  jge #0x89, 223, 229                     
  223  jge #0x97, 224, 227                     
  224  jge #0x9f, 225, 226                     
  225  jge #0xa0, 291, 292                     
  226  jge #0x9d, 291, 292                     
  227  jge #0x8b, 228, 291                     
  228  jge #0x95, 291, 292                     
  229  jge #0x7f, 230, 233                     
  230  jge #0x82, 231, 232                     
  231  jge #0x86, 292, 291                     
  232  jge #0x81, 292, 291                     
  233  jge #0x79, 234, 292                     
  234  jge #0x7a, 292, 291                     
  235  jge #0x49, 236, 249                     
  236  jge #0x66, 237, 243                     
  237  jge #0x69, 238, 241                     
  238  jge #0x6f, 239, 240                     
  239  jge #0x70, 291, 292                     
  240  jge #0x6b, 291, 292                     
  241  jge #0x67, 242, 291                     
  242  jge #0x68, 291, 292                     
  243  jge #0x5f, 244, 247                     
  244  jge #0x61, 245, 246                     
  245  jge #0x65, 290, 291                     
  246  jge #0x60, 292, 291                     
  247  jge #0x4a, 248, 292                     
  248  jge #0x5c, 292, 291                     
  249  jge #0x22, 250, 256                     
  250  jge #0x2a, 251, 254                     
  251  jge #0x39, 252, 253                     
  252  jge #0x3b, 291, 292                     
  253  jge #0x38, 287, 291                     
  254  jge #0x24, 255, 292                     
  255  jge #0x29, 280, 291                     
  256  jge #0x1b, 257, 260                     
  257  jge #0x1e, 258, 259                     
  258  jge #0x1f, 291, 275                     
  259  jge #0x1c, 291, 292                     
  260  jge #0xf, 261, 291                      
  261  jge #0x10, 291, 292                     
shmat:
  262  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  263  jset #0x8000, 294, 264                   ; (postgres.pol:33)
  264  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  265  jset #0x8000, 266, 291                   ; (postgres.pol:11)
  266  ja 292                                   ; no case matched: the default
socket:
  267  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  268  jeq #0x1, 291, 269                       ; (postgres.pol:24)
  269  jeq #0x2, 291, 270                       ; (postgres.pol:24)
  270  jeq #0xa, 291, 271                       ; (postgres.pol:24)
  271  ja 292                                   ; no case matched: the default
clone:
  272  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  273  jset #0x70020100, 274, 291               ; (postgres.pol:28)
  274  ja 292                                   ; no case matched: the default
shmat:
  275  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  276  jset #0x8000, 294, 277                   ; (postgres.pol:33)
  277  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  278  jset #0x8000, 279, 291                   ; (postgres.pol:11)
  279  ja 292                                   ; no case matched: the default
socket:
  280  ld [args[0].w1]                          ; domain.hi (postgres.pol:24)
  281  jeq #0x0, 282, 286                       ; (postgres.pol:24)
  282  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  283  jeq #0x1, 291, 284                       ; (postgres.pol:24)
  284  jeq #0x2, 291, 285                       ; (postgres.pol:24)
  285  jeq #0xa, 291, 286                       ; (postgres.pol:24)
  286  ja 292                                   ; no case matched: the default
clone:
  287  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  288  jset #0x70020100, 289, 291               ; (postgres.pol:28)
  289  ja 292                                   ; no case matched: the default
kill-process:
  290  ret kill-process                        
allow:
  291  ret allow                               
errno(EPERM):
  292  ret errno(1)                            
errno(ENOSYS):
  293  ret errno(38)                           
errno(EACCES):
  294  ret errno(13)                           
