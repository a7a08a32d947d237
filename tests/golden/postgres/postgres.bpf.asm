# polc BPF for policy postgres: 293 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 217 syscalls decided; unconditionally allowed 208, cacheable 208
# x32: 215 syscalls decided; unconditionally allowed 206, cacheable 206
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 288                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 5, 148                  ; x32 bit
    5  jeq #0xffffffff, 148, 6                  ; -1: no syscall
x32:
    6  jge #0x400000d5, 7, 87                  
    7  jge #0x40000140, 8, 54                  
    8  jge #0x400001cb, 9, 40                  
    9  jge #0x4000020c, 10, 31                 
   10  jge #0x40000218, 11, 20                 
   11  jge #0x4000021f, 12, 17                 
   12  jge #0x40000222, 14, 13                 
   13  ja 290                                   ; trampoline
   14  jge #0x40000224, 15, 16                 
   15  ja 290                                   ; trampoline
   16  ja 289                                   ; trampoline
   17  jge #0x4000021b, 18, 19                 
   18  ja 289                                   ; trampoline
   19  ja 290                                   ; trampoline
   20  jge #0x40000211, 21, 26                 
   21  jge #0x40000213, 23, 22                 
   22  ja 289                                   ; trampoline
   23  jge #0x40000216, 24, 25                 
   24  ja 289                                   ; trampoline
   25  ja 290                                   ; trampoline
   26  jge #0x4000020d, 28, 27                 
   27  ja 290                                   ; trampoline
   28  jge #0x40000210, 29, 30                 
   29  ja 288                                   ; trampoline
   30  ja 289                                   ; trampoline
   31  jge #0x40000200, 32, 36                 
   32  jge #0x40000209, 33, 34                 
   33  jge #0x4000020a, 289, 288               
   34  jge #0x40000202, 289, 35                
   35  jge #0x40000201, 290, 289               
   36  jge #0x400001d3, 37, 39                 
   37  jge #0x400001d6, 290, 38                
   38  jge #0x400001d4, 289, 290               
   39  jge #0x400001cf, 289, 290               
   40  jge #0x400001b3, 41, 48                 
   41  jge #0x400001ba, 42, 45                 
   42  jge #0x400001c4, 43, 290                
   43  jge #0x400001c9, 289, 44                
   44  jge #0x400001c5, 290, 289               
   45  jge #0x400001b6, 46, 47                 
   46  jge #0x400001b7, 289, 290               
   47  jge #0x400001b4, 289, 291               
   48  jge #0x4000014f, 49, 51                 
   49  jge #0x400001ac, 50, 290                
   50  jge #0x400001ad, 290, 289               
   51  jge #0x4000014c, 52, 290                
   52  jge #0x4000014d, 53, 289                
   53  jge #0x4000014e, 289, 290               
   54  jge #0x40000105, 55, 70                 
   55  jge #0x40000127, 56, 66                 
   56  jge #0x40000133, 57, 63                 
   57  jge #0x4000013a, 58, 62                 
   58  jge #0x4000013d, 59, 61                 
   59  jge #0x4000013e, 60, 290                
   60  jge #0x4000013f, 291, 289               
   61  jge #0x4000013c, 289, 290               
   62  jge #0x40000139, 288, 290               
   63  jge #0x4000012e, 64, 290                
   64  jge #0x4000012f, 65, 289                
   65  jge #0x40000132, 289, 290               
   66  jge #0x40000116, 67, 68                 
   67  jge #0x40000118, 289, 290               
   68  jge #0x40000110, 69, 289                
   69  jge #0x40000115, 289, 290               
   70  jge #0x400000ec, 71, 79                 
   71  jge #0x400000f6, 72, 76                 
   72  jge #0x400000fd, 73, 290                
   73  jge #0x40000101, 74, 75                 
   74  jge #0x40000104, 290, 289               
   75  jge #0x40000100, 290, 289               
   76  jge #0x400000f0, 77, 290                
   77  jge #0x400000f4, 78, 289                
   78  jge #0x400000f5, 289, 290               
   79  jge #0x400000e3, 80, 81                 
   80  jge #0x400000e7, 289, 290               
   81  jge #0x400000dc, 82, 84                 
   82  jge #0x400000df, 289, 83                
   83  jge #0x400000de, 290, 289               
   84  jge #0x400000d9, 85, 86                 
   85  jge #0x400000da, 290, 289               
   86  jge #0x400000d6, 290, 289               
   87  jge #0x4000006b, 88, 117                
   88  jge #0x4000009f, 89, 103                
   89  jge #0x400000ba, 90, 97                 
   90  jge #0x400000c8, 91, 95                 
   91  jge #0x400000cd, 290, 92                
   92  jge #0x400000ca, 93, 290                
   93  jge #0x400000cb, 94, 289                
   94  jge #0x400000cc, 289, 290               
   95  jge #0x400000bc, 289, 96                
   96  jge #0x400000bb, 290, 289               
   97  jge #0x400000af, 98, 99                 
   98  jge #0x400000b0, 290, 288               
   99  jge #0x400000a3, 290, 100               
  100  jge #0x400000a1, 101, 102               
  101  jge #0x400000a2, 289, 290               
  102  jge #0x400000a0, 289, 290               
  103  jge #0x40000086, 104, 109               
  104  jge #0x40000095, 105, 107               
  105  jge #0x40000097, 106, 289               
  106  jge #0x4000009d, 289, 290               
  107  jge #0x4000008b, 290, 108               
  108  jge #0x40000089, 289, 290               
  109  jge #0x40000079, 110, 114               
  110  jge #0x40000082, 111, 113               
  111  jge #0x40000084, 289, 112               
  112  jge #0x40000083, 290, 289               
  113  jge #0x4000007a, 290, 289               
  114  jge #0x40000071, 290, 115               
  115  jge #0x4000006f, 116, 289               
  116  jge #0x40000070, 289, 290               
  117  jge #0x40000039, 118, 130               
  118  jge #0x4000004a, 119, 128               
  119  jge #0x4000005c, 120, 289               
  120  jge #0x40000065, 121, 125               
  121  jge #0x40000068, 122, 123               
  122  jge #0x40000069, 290, 289               
  123  jge #0x40000067, 290, 124               
  124  jge #0x40000066, 289, 290               
  125  jge #0x40000060, 126, 127               
  126  jge #0x40000061, 289, 290               
  127  jge #0x4000005f, 289, 290               
  128  jge #0x4000003c, 129, 290               
  129  jge #0x40000049, 290, 289               
  130  jge #0x4000001c, 131, 141               
  131  jge #0x40000029, 132, 137               
  132  jge #0x40000030, 133, 135               
  133  jge #0x40000036, 134, 289               
  134  jge #0x40000038, 270, 290               
  135  jge #0x4000002a, 136, 265               
  136  jge #0x4000002d, 290, 289               
  137  jge #0x40000022, 138, 139               
  138  jge #0x40000024, 289, 290               
  139  jge #0x4000001f, 289, 140               
  140  jge #0x4000001e, 260, 289               
  141  jge #0x4000000d, 142, 289               
  142  jge #0x40000015, 143, 144               
  143  jge #0x4000001b, 290, 289               
  144  jge #0x40000011, 145, 146               
  145  jge #0x40000013, 290, 289               
  146  jge #0x4000000e, 147, 290               
  147  jge #0x4000000f, 290, 289               
  148  jge #0xbc, 149, 212                     
  149  jge #0x118, 150, 185                    
  150  jge #0x14c, 151, 169                    
  151  jge #0x1ba, 152, 160                    
  152  jge #0x1c9, 153, 158                    
  153  jge #0x1cf, 154, 157                    
  154  jge #0x1d3, 155, 289                    
  155  jge #0x1d6, 290, 156                    
  156  jge #0x1d4, 289, 290                    
  157  jge #0x1cb, 290, 289                    
  158  jge #0x1c4, 159, 290                    
  159  jge #0x1c5, 290, 289                    
  160  jge #0x1ad, 161, 165                    
  161  jge #0x1b3, 162, 290                    
  162  jge #0x1b6, 163, 164                    
  163  jge #0x1b7, 289, 290                    
  164  jge #0x1b4, 289, 291                    
  165  jge #0x14f, 166, 167                    
  166  jge #0x1ac, 289, 290                    
  167  jge #0x14d, 168, 289                    
  168  jge #0x14e, 289, 290                    
  169  jge #0x132, 170, 182                    
  170  jge #0x13f, 171, 174                    
  171  jge #0x147, 172, 173                    
  172  jge #0x149, 290, 289                    
  173  jge #0x140, 290, 291                    
  174  jge #0x138, 175, 180                    
  175  jge #0x13c, 176, 178                    
  176  jge #0x13d, 177, 289                    
  177  jge #0x13e, 289, 290                    
  178  jge #0x13a, 290, 179                    
  179  jge #0x139, 288, 290                    
  180  jge #0x136, 289, 181                    
  181  jge #0x133, 290, 289                    
  182  jge #0x129, 183, 289                    
  183  jge #0x12e, 184, 290                    
  184  jge #0x12f, 290, 289                    
  185  jge #0xec, 186, 200                     
  186  jge #0x101, 187, 194                    
  187  jge #0x110, 188, 192                    
  188  jge #0x115, 189, 190                    
  189  jge #0x116, 290, 289                    
  190  jge #0x112, 290, 191                    
  191  jge #0x111, 289, 290                    
  192  jge #0x105, 289, 193                    
  193  jge #0x104, 290, 289                    
  194  jge #0xf6, 195, 199                     
  195  jge #0xfd, 196, 197                     
  196  jge #0x100, 290, 289                    
  197  jge #0xf8, 290, 198                     
  198  jge #0xf7, 289, 288                     
  199  jge #0xf0, 289, 290                     
  200  jge #0xd5, 201, 207                     
  201  jge #0xe3, 202, 203                     
  202  jge #0xe7, 289, 290                     
  203  jge #0xdc, 289, 204                     
  204  jge #0xd8, 205, 289                     
  205  jge #0xda, 290, 206                     
  206  jge #0xd9, 289, 290                     
  207  jge #0xc8, 208, 289                     
  208  jge #0xcd, 290, 209                     
  209  jge #0xca, 210, 290                     
  210  jge #0xcb, 211, 289                     
  211  jge #0xcc, 289, 290                     
  212  jge #0x5f, 213, 244                     
  213  jge #0x8b, 214, 226                     
  214  jge #0xa3, 215, 219                     
  215  jge #0xaf, 216, 290                     
  216  jge #0xba, 217, 218                     
  217  jge #0xbb, 290, 289                     
  218  jge #0xb0, 290, 288                     
  219  jge #0x97, 220, 225                     
  220  jge #0x9d, 221, 290                     
  221  jge #0xa0, 222, 224                     
  222  jge #0xa1, 223, 289                     
  223  jge #0xa2, 289, 290                     
  224  jge #0x9f, 290, 289                     
  225  jge #0x95, 289, 290                     
  226  jge #0x71, 227, 234                     
  227  jge #0x7f, 228, 232                     
  228  jge #0x86, 229, 230                     
  229  jge #0x89, 289, 290                     
  230  jge #0x82, 289, 231                     
  231  jge #0x81, 290, 289                     
  232  jge #0x79, 233, 290                     
  233  jge #0x7a, 290, 289                     
  234  jge #0x68, 235, 239                     
  235  jge #0x6b, 236, 238                     
  236  jge #0x6f, 237, 289                     
  237  jge #0x70, 289, 290                     
  238  jge #0x69, 290, 289                     
  239  jge #0x65, 240, 242                     
  240  jge #0x66, 241, 288                     
  241  jge #0x67, 290, 289                     
  242  jge #0x61, 289, 243                     
  243  jge #0x60, 290, 289                     
  244  jge #0x2a, 245, 251                     
  245  jge #0x49, 246, 248                     
  246  jge #0x5c, 290, 247                     
  247  jge #0x4a, 289, 290                     
  248  jge #0x39, 249, 250                     
  249  jge #0x3b, 289, 290                     
  250  jge #0x38, 285, 289                     
  251  jge #0x10, 252, 259                     
  252  jge #0x1c, 253, 258                     
  253  jge #0x22, 254, 256                     
  254  jge #0x24, 255, 290                     
  255  jge #0x29, 278, 289                     
  256  jge #0x1f, 289, 257                     
  257  jge #0x1e, 273, 289                     
  258  jge #0x1b, 290, 289                     
  259  jge #0xf, 290, 289                      
shmat:
  260  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  261  jset #0x8000, 292, 262                   ; (postgres.pol:33)
  262  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  263  jset #0x8000, 264, 289                   ; (postgres.pol:11)
  264  ja 290                                   ; no case matched: the default
socket:
  265  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  266  jeq #0x1, 289, 267                       ; (postgres.pol:24)
  267  jeq #0x2, 289, 268                       ; (postgres.pol:24)
  268  jeq #0xa, 289, 269                       ; (postgres.pol:24)
  269  ja 290                                   ; no case matched: the default
clone:
  270  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  271  jset #0x70020100, 272, 289               ; (postgres.pol:28)
  272  ja 290                                   ; no case matched: the default
shmat:
  273  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  274  jset #0x8000, 292, 275                   ; (postgres.pol:33)
  275  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  276  jset #0x8000, 277, 289                   ; (postgres.pol:11)
  277  ja 290                                   ; no case matched: the default
socket:
  278  ld [args[0].w1]                          ; domain.hi (postgres.pol:24)
  279  jeq #0x0, 280, 284                       ; (postgres.pol:24)
  280  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  281  jeq #0x1, 289, 282                       ; (postgres.pol:24)
  282  jeq #0x2, 289, 283                       ; (postgres.pol:24)
  283  jeq #0xa, 289, 284                       ; (postgres.pol:24)
  284  ja 290                                   ; no case matched: the default
clone:
  285  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  286  jset #0x70020100, 287, 289               ; (postgres.pol:28)
  287  ja 290                                   ; no case matched: the default
kill-process:
  288  ret kill-process                        
allow:
  289  ret allow                               
errno(EPERM):
  290  ret errno(1)                            
errno(ENOSYS):
  291  ret errno(38)                           
errno(EACCES):
  292  ret errno(13)                           
