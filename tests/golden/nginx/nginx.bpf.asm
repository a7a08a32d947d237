# polc BPF for policy nginx: 256 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 184 syscalls decided; unconditionally allowed 174, cacheable 174
# aarch64: 154 syscalls decided; unconditionally allowed 144, cacheable 144
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 118, 3                  ; aarch64
    3  ja 252                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 252                  ; -1: no syscall; else x32: not targeted
    7  jge #0xd9, 8, 63                        
    8  jge #0x13e, 9, 36                       
    9  jge #0x1b4, 10, 23                      
   10  jge #0x1c5, 11, 17                      
   11  jge #0x1cf, 12, 15                      
   12  jge #0x1d4, 13, 14                      
   13  jge #0x1d6, 254, 253                    
   14  jge #0x1d3, 254, 253                    
   15  jge #0x1c9, 16, 254                     
   16  jge #0x1cb, 254, 253                    
   17  jge #0x1b8, 18, 21                      
   18  jge #0x1ba, 19, 20                      
   19  jge #0x1c4, 253, 254                    
   20  jge #0x1b9, 253, 254                    
   21  jge #0x1b6, 22, 253                     
   22  jge #0x1b7, 253, 254                    
   23  jge #0x14c, 24, 30                      
   24  jge #0x14f, 25, 28                      
   25  jge #0x1ad, 26, 27                      
   26  jge #0x1b3, 255, 254                    
   27  jge #0x1ac, 253, 254                    
   28  jge #0x14d, 29, 253                     
   29  jge #0x14e, 253, 254                    
   30  jge #0x143, 31, 34                      
   31  jge #0x147, 32, 33                      
   32  jge #0x149, 254, 253                    
   33  jge #0x144, 254, 255                    
   34  jge #0x13f, 35, 253                     
   35  jge #0x140, 254, 255                    
   36  jge #0x115, 37, 50                      
   37  jge #0x12f, 38, 44                      
   38  jge #0x136, 39, 42                      
   39  jge #0x13c, 40, 41                      
   40  jge #0x13d, 254, 253                    
   41  jge #0x138, 254, 252                    
   42  jge #0x132, 43, 254                     
   43  jge #0x133, 254, 253                    
   44  jge #0x125, 45, 48                      
   45  jge #0x129, 46, 47                      
   46  jge #0x12e, 253, 254                    
   47  jge #0x126, 253, 254                    
   48  jge #0x116, 49, 253                     
   49  jge #0x118, 253, 254                    
   50  jge #0x100, 51, 57                      
   51  jge #0x105, 52, 55                      
   52  jge #0x111, 53, 54                      
   53  jge #0x112, 254, 253                    
   54  jge #0x110, 254, 253                    
   55  jge #0x101, 56, 254                     
   56  jge #0x104, 254, 253                    
   57  jge #0xe3, 58, 61                       
   58  jge #0xec, 59, 60                       
   59  jge #0xfd, 253, 254                     
   60  jge #0xe7, 253, 254                     
   61  jge #0xda, 62, 253                      
   62  jge #0xde, 253, 254                     
   63  jge #0x65, 64, 91                       
   64  jge #0x9d, 65, 78                       
   65  jge #0xc8, 66, 72                       
   66  jge #0xcc, 67, 70                       
   67  jge #0xd5, 68, 69                       
   68  jge #0xd8, 254, 253                     
   69  jge #0xcd, 254, 253                     
   70  jge #0xca, 71, 254                      
   71  jge #0xcb, 254, 253                     
   72  jge #0xa3, 73, 76                       
   73  jge #0xbb, 74, 75                       
   74  jge #0xbc, 253, 254                     
   75  jge #0xba, 253, 254                     
   76  jge #0x9f, 77, 253                      
   77  jge #0xa2, 253, 254                     
   78  jge #0x75, 79, 85                       
   79  jge #0x82, 80, 83                       
   80  jge #0x89, 81, 82                       
   81  jge #0x8b, 254, 253                     
   82  jge #0x86, 254, 253                     
   83  jge #0x7d, 84, 254                      
   84  jge #0x81, 254, 253                     
   85  jge #0x6b, 86, 89                       
   86  jge #0x6f, 87, 88                       
   87  jge #0x74, 253, 254                     
   88  jge #0x6e, 253, 254                     
   89  jge #0x66, 90, 252                      
   90  jge #0x69, 253, 254                     
   91  jge #0x2a, 92, 105                      
   92  jge #0x48, 93, 99                       
   93  jge #0x5c, 94, 97                       
   94  jge #0x60, 95, 96                       
   95  jge #0x63, 253, 254                     
   96  jge #0x5f, 253, 254                     
   97  jge #0x49, 98, 253                      
   98  jge #0x4a, 253, 254                     
   99  jge #0x38, 100, 103                     
  100  jge #0x3c, 101, 102                     
  101  jge #0x40, 254, 253                     
  102  jge #0x39, 254, 233                     
  103  jge #0x2b, 104, 253                     
  104  jge #0x2c, 253, 254                     
  105  jge #0x1b, 106, 112                     
  106  jge #0x20, 107, 110                     
  107  jge #0x24, 108, 109                     
  108  jge #0x29, 220, 253                     
  109  jge #0x22, 254, 253                     
  110  jge #0x1c, 111, 254                     
  111  jge #0x1d, 254, 253                     
  112  jge #0x16, 113, 116                     
  113  jge #0x18, 114, 115                     
  114  jge #0x19, 253, 254                     
  115  jge #0x17, 253, 254                     
  116  jge #0xf, 117, 253                      
  117  jge #0x10, 253, 254                     
aarch64:
  118  ld [nr]                                  ; nr
  119  jge #0xca, 120, 170                     
  120  jge #0x118, 121, 146                    
  121  jge #0x1b6, 122, 134                    
  122  jge #0x1c5, 123, 129                    
  123  jge #0x1cf, 124, 127                    
  124  jge #0x1d4, 125, 126                    
  125  jge #0x1d6, 254, 253                    
  126  jge #0x1d3, 254, 253                    
  127  jge #0x1c9, 128, 254                    
  128  jge #0x1cb, 254, 253                    
  129  jge #0x1b9, 130, 132                    
  130  jge #0x1ba, 131, 253                    
  131  jge #0x1c4, 253, 254                    
  132  jge #0x1b7, 133, 254                    
  133  jge #0x1b8, 254, 253                    
  134  jge #0x124, 135, 141                    
  135  jge #0x1ac, 136, 139                    
  136  jge #0x1b3, 137, 138                    
  137  jge #0x1b4, 253, 255                    
  138  jge #0x1ad, 254, 253                    
  139  jge #0x125, 140, 254                    
  140  jge #0x126, 254, 253                    
  141  jge #0x11e, 142, 144                    
  142  jge #0x120, 143, 253                    
  143  jge #0x123, 253, 254                    
  144  jge #0x11a, 145, 254                    
  145  jge #0x11b, 254, 255                    
  146  jge #0xea, 147, 159                     
  147  jge #0x10c, 148, 154                    
  148  jge #0x114, 149, 152                    
  149  jge #0x116, 150, 151                    
  150  jge #0x117, 255, 253                    
  151  jge #0x115, 254, 253                    
  152  jge #0x10e, 153, 254                    
  153  jge #0x110, 254, 252                    
  154  jge #0x104, 155, 157                    
  155  jge #0x106, 156, 253                    
  156  jge #0x10b, 253, 254                    
  157  jge #0xf2, 158, 254                     
  158  jge #0xf3, 254, 253                     
  159  jge #0xdd, 160, 165                     
  160  jge #0xe2, 161, 163                     
  161  jge #0xe4, 162, 253                     
  162  jge #0xe9, 253, 254                     
  163  jge #0xde, 164, 254                     
  164  jge #0xdf, 254, 253                     
  165  jge #0xd6, 166, 168                     
  166  jge #0xd9, 167, 253                     
  167  jge #0xdc, 249, 254                     
  168  jge #0xcb, 169, 254                     
  169  jge #0xd5, 254, 253                     
  170  jge #0x6b, 171, 196                     
  171  jge #0x93, 172, 184                     
  172  jge #0xa8, 173, 179                     
  173  jge #0xb2, 174, 177                     
  174  jge #0xc6, 175, 176                     
  175  jge #0xc7, 253, 236                     
  176  jge #0xb4, 254, 253                     
  177  jge #0xac, 178, 254                     
  178  jge #0xae, 254, 253                     
  179  jge #0x9f, 180, 182                     
  180  jge #0xa1, 181, 253                     
  181  jge #0xa6, 253, 254                     
  182  jge #0x99, 183, 254                     
  183  jge #0x9a, 254, 253                     
  184  jge #0x81, 185, 191                     
  185  jge #0x8a, 186, 189                     
  186  jge #0x91, 187, 188                     
  187  jge #0x92, 253, 254                     
  188  jge #0x90, 253, 254                     
  189  jge #0x82, 190, 253                     
  190  jge #0x83, 253, 254                     
  191  jge #0x76, 192, 194                     
  192  jge #0x7b, 193, 254                     
  193  jge #0x7c, 254, 253                     
  194  jge #0x70, 195, 253                     
  195  jge #0x75, 252, 254                     
  196  jge #0x3a, 197, 209                     
  197  jge #0x5c, 198, 204                     
  198  jge #0x62, 199, 202                     
  199  jge #0x66, 200, 201                     
  200  jge #0x68, 254, 253                     
  201  jge #0x64, 254, 253                     
  202  jge #0x5d, 203, 254                     
  203  jge #0x5f, 254, 253                     
  204  jge #0x4e, 205, 207                     
  205  jge #0x59, 206, 253                     
  206  jge #0x5a, 253, 254                     
  207  jge #0x3d, 208, 254                     
  208  jge #0x4b, 254, 253                     
  209  jge #0x27, 210, 215                     
  210  jge #0x34, 211, 213                     
  211  jge #0x36, 212, 253                     
  212  jge #0x38, 253, 254                     
  213  jge #0x2b, 214, 254                     
  214  jge #0x33, 254, 253                     
  215  jge #0x13, 216, 218                     
  216  jge #0x1e, 217, 253                     
  217  jge #0x21, 253, 254                     
  218  jge #0x5, 219, 254                      
  219  jge #0x12, 254, 253                     
socket:
  220  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  221  jeq #0x0, 222, 224                       ; (nginx.pol:25)
  222  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  223  jeq #0x1, 253, 224                       ; (nginx.pol:25)
  224  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  225  jeq #0x0, 226, 228                       ; (nginx.pol:25)
  226  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  227  jeq #0x2, 253, 228                       ; (nginx.pol:25)
  228  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  229  jeq #0x0, 230, 232                       ; (nginx.pol:25)
  230  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  231  jeq #0xa, 253, 232                       ; (nginx.pol:25)
  232  ja 254                                   ; no case matched: the default
clone:
  233  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  234  jset #0x7e020000, 235, 253               ; (nginx.pol:28)
  235  ja 254                                   ; no case matched: the default
socket:
  236  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  237  jeq #0x0, 238, 240                       ; (nginx.pol:25)
  238  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  239  jeq #0x1, 253, 240                       ; (nginx.pol:25)
  240  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  241  jeq #0x0, 242, 244                       ; (nginx.pol:25)
  242  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  243  jeq #0x2, 253, 244                       ; (nginx.pol:25)
  244  ld [args[0].w1]                          ; domain.hi (nginx.pol:25)
  245  jeq #0x0, 246, 248                       ; (nginx.pol:25)
  246  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  247  jeq #0xa, 253, 248                       ; (nginx.pol:25)
  248  ja 254                                   ; no case matched: the default
clone:
  249  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  250  jset #0x7e020000, 251, 253               ; (nginx.pol:28)
  251  ja 254                                   ; no case matched: the default
kill-process:
  252  ret kill-process                        
allow:
  253  ret allow                               
errno(EPERM):
  254  ret errno(1)                            
errno(ENOSYS):
  255  ret errno(38)                           
