# polc BPF for policy nginx: 244 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 184 syscalls decided; unconditionally allowed 174, cacheable 174
# aarch64: 154 syscalls decided; unconditionally allowed 144, cacheable 144
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 118, 3                  ; aarch64
    3  ja 240                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 240                  ; -1: no syscall; else x32: not targeted
    7  jge #0xbc, 8, 71                        
    8  jge #0x118, 9, 48                       
    9  jge #0x14c, 10, 30                      
   10  jge #0x1ba, 11, 19                      
   11  jge #0x1c9, 12, 17                      
   12  jge #0x1cf, 13, 16                      
   13  jge #0x1d3, 14, 241                     
   14  jge #0x1d6, 242, 15                     
   15  jge #0x1d4, 241, 242                    
   16  jge #0x1cb, 242, 241                    
   17  jge #0x1c4, 18, 242                     
   18  jge #0x1c5, 242, 241                    
   19  jge #0x1ad, 20, 26                      
   20  jge #0x1b3, 21, 242                     
   21  jge #0x1b6, 22, 25                      
   22  jge #0x1b8, 23, 24                      
   23  jge #0x1b9, 241, 242                    
   24  jge #0x1b7, 241, 242                    
   25  jge #0x1b4, 241, 243                    
   26  jge #0x14f, 27, 28                      
   27  jge #0x1ac, 241, 242                    
   28  jge #0x14d, 29, 241                     
   29  jge #0x14e, 241, 242                    
   30  jge #0x132, 31, 43                      
   31  jge #0x13f, 32, 37                      
   32  jge #0x144, 33, 35                      
   33  jge #0x147, 34, 242                     
   34  jge #0x149, 242, 241                    
   35  jge #0x140, 36, 243                     
   36  jge #0x143, 243, 242                    
   37  jge #0x138, 38, 41                      
   38  jge #0x13c, 39, 242                     
   39  jge #0x13d, 40, 241                     
   40  jge #0x13e, 241, 242                    
   41  jge #0x136, 240, 42                     
   42  jge #0x133, 242, 241                    
   43  jge #0x125, 44, 241                     
   44  jge #0x129, 45, 47                      
   45  jge #0x12e, 46, 242                     
   46  jge #0x12f, 242, 241                    
   47  jge #0x126, 241, 242                    
   48  jge #0xec, 49, 59                       
   49  jge #0x101, 50, 57                      
   50  jge #0x110, 51, 55                      
   51  jge #0x115, 52, 53                      
   52  jge #0x116, 242, 241                    
   53  jge #0x112, 242, 54                     
   54  jge #0x111, 241, 242                    
   55  jge #0x105, 241, 56                     
   56  jge #0x104, 242, 241                    
   57  jge #0xfd, 58, 242                      
   58  jge #0x100, 242, 241                    
   59  jge #0xd5, 60, 66                       
   60  jge #0xde, 61, 63                       
   61  jge #0xe3, 62, 241                      
   62  jge #0xe7, 241, 242                     
   63  jge #0xd9, 64, 65                       
   64  jge #0xda, 242, 241                     
   65  jge #0xd8, 242, 241                     
   66  jge #0xc8, 67, 241                      
   67  jge #0xcd, 242, 68                      
   68  jge #0xca, 69, 242                      
   69  jge #0xcb, 70, 241                      
   70  jge #0xcc, 241, 242                     
   71  jge #0x5f, 72, 94                       
   72  jge #0x8b, 73, 79                       
   73  jge #0xa3, 74, 76                       
   74  jge #0xba, 75, 242                      
   75  jge #0xbb, 242, 241                     
   76  jge #0x9d, 77, 242                      
   77  jge #0x9f, 78, 241                      
   78  jge #0xa2, 241, 242                     
   79  jge #0x75, 80, 85                       
   80  jge #0x81, 81, 84                       
   81  jge #0x86, 82, 83                       
   82  jge #0x89, 241, 242                     
   83  jge #0x82, 241, 242                     
   84  jge #0x7d, 241, 242                     
   85  jge #0x69, 86, 90                       
   86  jge #0x6f, 87, 88                       
   87  jge #0x74, 241, 242                     
   88  jge #0x6b, 89, 241                      
   89  jge #0x6e, 241, 242                     
   90  jge #0x63, 91, 93                       
   91  jge #0x66, 242, 92                      
   92  jge #0x65, 240, 241                     
   93  jge #0x60, 242, 241                     
   94  jge #0x2c, 95, 103                      
   95  jge #0x48, 96, 99                       
   96  jge #0x5c, 242, 97                      
   97  jge #0x4a, 241, 98                      
   98  jge #0x49, 242, 241                     
   99  jge #0x39, 100, 102                     
  100  jge #0x40, 242, 101                     
  101  jge #0x3c, 241, 242                     
  102  jge #0x38, 227, 241                     
  103  jge #0x16, 104, 116                     
  104  jge #0x20, 105, 110                     
  105  jge #0x24, 106, 109                     
  106  jge #0x29, 107, 241                     
  107  jge #0x2a, 108, 220                     
  108  jge #0x2b, 242, 241                     
  109  jge #0x22, 242, 241                     
  110  jge #0x1b, 111, 113                     
  111  jge #0x1d, 242, 112                     
  112  jge #0x1c, 241, 242                     
  113  jge #0x18, 114, 115                     
  114  jge #0x19, 241, 242                     
  115  jge #0x17, 241, 242                     
  116  jge #0xf, 117, 241                      
  117  jge #0x10, 241, 242                     
aarch64:
  118  ld [nr]                                  ; nr
  119  jge #0xa6, 120, 178                     
  120  jge #0x106, 121, 155                    
  121  jge #0x1ad, 122, 137                    
  122  jge #0x1c4, 123, 130                    
  123  jge #0x1cf, 124, 127                    
  124  jge #0x1d3, 125, 241                    
  125  jge #0x1d6, 242, 126                    
  126  jge #0x1d4, 241, 242                    
  127  jge #0x1c9, 128, 129                    
  128  jge #0x1cb, 242, 241                    
  129  jge #0x1c5, 242, 241                    
  130  jge #0x1b8, 131, 133                    
  131  jge #0x1ba, 242, 132                    
  132  jge #0x1b9, 241, 242                    
  133  jge #0x1b3, 134, 242                    
  134  jge #0x1b6, 135, 136                    
  135  jge #0x1b7, 241, 242                    
  136  jge #0x1b4, 241, 243                    
  137  jge #0x11a, 138, 146                    
  138  jge #0x123, 139, 143                    
  139  jge #0x126, 140, 141                    
  140  jge #0x1ac, 241, 242                    
  141  jge #0x124, 142, 241                    
  142  jge #0x125, 241, 242                    
  143  jge #0x11e, 144, 145                    
  144  jge #0x120, 242, 241                    
  145  jge #0x11b, 242, 243                    
  146  jge #0x110, 147, 152                    
  147  jge #0x115, 148, 151                    
  148  jge #0x117, 149, 150                    
  149  jge #0x118, 242, 243                    
  150  jge #0x116, 241, 242                    
  151  jge #0x114, 241, 242                    
  152  jge #0x10b, 153, 242                    
  153  jge #0x10e, 240, 154                    
  154  jge #0x10c, 242, 241                    
  155  jge #0xcb, 156, 170                     
  156  jge #0xe2, 157, 163                     
  157  jge #0xea, 158, 161                     
  158  jge #0xf2, 159, 242                     
  159  jge #0x104, 241, 160                    
  160  jge #0xf3, 242, 241                     
  161  jge #0xe4, 162, 241                     
  162  jge #0xe9, 241, 242                     
  163  jge #0xd6, 164, 169                     
  164  jge #0xdc, 165, 168                     
  165  jge #0xdf, 242, 166                     
  166  jge #0xdd, 167, 237                     
  167  jge #0xde, 241, 242                     
  168  jge #0xd9, 242, 241                     
  169  jge #0xd5, 242, 241                     
  170  jge #0xb4, 171, 174                     
  171  jge #0xc6, 172, 242                     
  172  jge #0xc7, 173, 230                     
  173  jge #0xca, 242, 241                     
  174  jge #0xac, 175, 177                     
  175  jge #0xae, 176, 241                     
  176  jge #0xb2, 241, 242                     
  177  jge #0xa8, 242, 241                     
  178  jge #0x4e, 179, 206                     
  179  jge #0x7b, 180, 193                     
  180  jge #0x90, 181, 188                     
  181  jge #0x9a, 182, 184                     
  182  jge #0x9f, 183, 242                     
  183  jge #0xa1, 242, 241                     
  184  jge #0x93, 185, 186                     
  185  jge #0x99, 241, 242                     
  186  jge #0x91, 187, 241                     
  187  jge #0x92, 241, 242                     
  188  jge #0x83, 189, 190                     
  189  jge #0x8a, 242, 241                     
  190  jge #0x81, 191, 192                     
  191  jge #0x82, 242, 241                     
  192  jge #0x7c, 242, 241                     
  193  jge #0x64, 194, 200                     
  194  jge #0x70, 195, 197                     
  195  jge #0x75, 196, 242                     
  196  jge #0x76, 242, 240                     
  197  jge #0x6b, 241, 198                     
  198  jge #0x68, 242, 199                     
  199  jge #0x66, 241, 242                     
  200  jge #0x59, 201, 241                     
  201  jge #0x5f, 202, 203                     
  202  jge #0x62, 241, 242                     
  203  jge #0x5c, 204, 205                     
  204  jge #0x5d, 241, 242                     
  205  jge #0x5a, 241, 242                     
  206  jge #0x27, 207, 215                     
  207  jge #0x3a, 208, 210                     
  208  jge #0x3d, 209, 242                     
  209  jge #0x4b, 242, 241                     
  210  jge #0x33, 211, 214                     
  211  jge #0x36, 212, 213                     
  212  jge #0x38, 241, 242                     
  213  jge #0x34, 241, 242                     
  214  jge #0x2b, 241, 242                     
  215  jge #0x13, 216, 218                     
  216  jge #0x1e, 217, 241                     
  217  jge #0x21, 241, 242                     
  218  jge #0x5, 219, 242                      
  219  jge #0x12, 242, 241                     
socket:
  220  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  221  jeq #0x0, 222, 226                       ; (nginx.pol:25)
  222  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  223  jeq #0x1, 241, 224                       ; (nginx.pol:25)
  224  jeq #0x2, 241, 225                       ; (nginx.pol:25)
  225  jeq #0xa, 241, 226                       ; (nginx.pol:25)
  226  ja 242                                   ; no case matched: the default
clone:
  227  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  228  jset #0x7e020000, 229, 241               ; (nginx.pol:28)
  229  ja 242                                   ; no case matched: the default
socket:
  230  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  231  jeq #0x0, 232, 236                       ; (nginx.pol:25)
  232  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  233  jeq #0x1, 241, 234                       ; (nginx.pol:25)
  234  jeq #0x2, 241, 235                       ; (nginx.pol:25)
  235  jeq #0xa, 241, 236                       ; (nginx.pol:25)
  236  ja 242                                   ; no case matched: the default
clone:
  237  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  238  jset #0x7e020000, 239, 241               ; (nginx.pol:28)
  239  ja 242                                   ; no case matched: the default
kill-process:
  240  ret kill-process                        
allow:
  241  ret allow                               
errno(EPERM):
  242  ret errno(1)                            
errno(ENOSYS):
  243  ret errno(38)                           
