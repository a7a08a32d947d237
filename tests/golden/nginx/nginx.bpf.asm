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
    7  jge #0xd9, 8, 63                        
    8  jge #0x13e, 9, 36                       
    9  jge #0x1b4, 10, 23                      
   10  jge #0x1c5, 11, 17                      
   11  jge #0x1cf, 12, 15                      
   12  jge #0x1d4, 13, 14                      
   13  jge #0x1d6, 242, 241                    
   14  jge #0x1d3, 242, 241                    
   15  jge #0x1c9, 16, 242                     
   16  jge #0x1cb, 242, 241                    
   17  jge #0x1b8, 18, 21                      
   18  jge #0x1ba, 19, 20                      
   19  jge #0x1c4, 241, 242                    
   20  jge #0x1b9, 241, 242                    
   21  jge #0x1b6, 22, 241                     
   22  jge #0x1b7, 241, 242                    
   23  jge #0x14c, 24, 30                      
   24  jge #0x14f, 25, 28                      
   25  jge #0x1ad, 26, 27                      
   26  jge #0x1b3, 243, 242                    
   27  jge #0x1ac, 241, 242                    
   28  jge #0x14d, 29, 241                     
   29  jge #0x14e, 241, 242                    
   30  jge #0x143, 31, 34                      
   31  jge #0x147, 32, 33                      
   32  jge #0x149, 242, 241                    
   33  jge #0x144, 242, 243                    
   34  jge #0x13f, 35, 241                     
   35  jge #0x140, 242, 243                    
   36  jge #0x115, 37, 50                      
   37  jge #0x12f, 38, 44                      
   38  jge #0x136, 39, 42                      
   39  jge #0x13c, 40, 41                      
   40  jge #0x13d, 242, 241                    
   41  jge #0x138, 242, 240                    
   42  jge #0x132, 43, 242                     
   43  jge #0x133, 242, 241                    
   44  jge #0x125, 45, 48                      
   45  jge #0x129, 46, 47                      
   46  jge #0x12e, 241, 242                    
   47  jge #0x126, 241, 242                    
   48  jge #0x116, 49, 241                     
   49  jge #0x118, 241, 242                    
   50  jge #0x100, 51, 57                      
   51  jge #0x105, 52, 55                      
   52  jge #0x111, 53, 54                      
   53  jge #0x112, 242, 241                    
   54  jge #0x110, 242, 241                    
   55  jge #0x101, 56, 242                     
   56  jge #0x104, 242, 241                    
   57  jge #0xe3, 58, 61                       
   58  jge #0xec, 59, 60                       
   59  jge #0xfd, 241, 242                     
   60  jge #0xe7, 241, 242                     
   61  jge #0xda, 62, 241                      
   62  jge #0xde, 241, 242                     
   63  jge #0x65, 64, 91                       
   64  jge #0x9d, 65, 78                       
   65  jge #0xc8, 66, 72                       
   66  jge #0xcc, 67, 70                       
   67  jge #0xd5, 68, 69                       
   68  jge #0xd8, 242, 241                     
   69  jge #0xcd, 242, 241                     
   70  jge #0xca, 71, 242                      
   71  jge #0xcb, 242, 241                     
   72  jge #0xa3, 73, 76                       
   73  jge #0xbb, 74, 75                       
   74  jge #0xbc, 241, 242                     
   75  jge #0xba, 241, 242                     
   76  jge #0x9f, 77, 241                      
   77  jge #0xa2, 241, 242                     
   78  jge #0x75, 79, 85                       
   79  jge #0x82, 80, 83                       
   80  jge #0x89, 81, 82                       
   81  jge #0x8b, 242, 241                     
   82  jge #0x86, 242, 241                     
   83  jge #0x7d, 84, 242                      
   84  jge #0x81, 242, 241                     
   85  jge #0x6b, 86, 89                       
   86  jge #0x6f, 87, 88                       
   87  jge #0x74, 241, 242                     
   88  jge #0x6e, 241, 242                     
   89  jge #0x66, 90, 240                      
   90  jge #0x69, 241, 242                     
   91  jge #0x2a, 92, 105                      
   92  jge #0x48, 93, 99                       
   93  jge #0x5c, 94, 97                       
   94  jge #0x60, 95, 96                       
   95  jge #0x63, 241, 242                     
   96  jge #0x5f, 241, 242                     
   97  jge #0x49, 98, 241                      
   98  jge #0x4a, 241, 242                     
   99  jge #0x38, 100, 103                     
  100  jge #0x3c, 101, 102                     
  101  jge #0x40, 242, 241                     
  102  jge #0x39, 242, 227                     
  103  jge #0x2b, 104, 241                     
  104  jge #0x2c, 241, 242                     
  105  jge #0x1b, 106, 112                     
  106  jge #0x20, 107, 110                     
  107  jge #0x24, 108, 109                     
  108  jge #0x29, 220, 241                     
  109  jge #0x22, 242, 241                     
  110  jge #0x1c, 111, 242                     
  111  jge #0x1d, 242, 241                     
  112  jge #0x16, 113, 116                     
  113  jge #0x18, 114, 115                     
  114  jge #0x19, 241, 242                     
  115  jge #0x17, 241, 242                     
  116  jge #0xf, 117, 241                      
  117  jge #0x10, 241, 242                     
aarch64:
  118  ld [nr]                                  ; nr
  119  jge #0xca, 120, 170                     
  120  jge #0x118, 121, 146                    
  121  jge #0x1b6, 122, 134                    
  122  jge #0x1c5, 123, 129                    
  123  jge #0x1cf, 124, 127                    
  124  jge #0x1d4, 125, 126                    
  125  jge #0x1d6, 242, 241                    
  126  jge #0x1d3, 242, 241                    
  127  jge #0x1c9, 128, 242                    
  128  jge #0x1cb, 242, 241                    
  129  jge #0x1b9, 130, 132                    
  130  jge #0x1ba, 131, 241                    
  131  jge #0x1c4, 241, 242                    
  132  jge #0x1b7, 133, 242                    
  133  jge #0x1b8, 242, 241                    
  134  jge #0x124, 135, 141                    
  135  jge #0x1ac, 136, 139                    
  136  jge #0x1b3, 137, 138                    
  137  jge #0x1b4, 241, 243                    
  138  jge #0x1ad, 242, 241                    
  139  jge #0x125, 140, 242                    
  140  jge #0x126, 242, 241                    
  141  jge #0x11e, 142, 144                    
  142  jge #0x120, 143, 241                    
  143  jge #0x123, 241, 242                    
  144  jge #0x11a, 145, 242                    
  145  jge #0x11b, 242, 243                    
  146  jge #0xea, 147, 159                     
  147  jge #0x10c, 148, 154                    
  148  jge #0x114, 149, 152                    
  149  jge #0x116, 150, 151                    
  150  jge #0x117, 243, 241                    
  151  jge #0x115, 242, 241                    
  152  jge #0x10e, 153, 242                    
  153  jge #0x110, 242, 240                    
  154  jge #0x104, 155, 157                    
  155  jge #0x106, 156, 241                    
  156  jge #0x10b, 241, 242                    
  157  jge #0xf2, 158, 242                     
  158  jge #0xf3, 242, 241                     
  159  jge #0xdd, 160, 165                     
  160  jge #0xe2, 161, 163                     
  161  jge #0xe4, 162, 241                     
  162  jge #0xe9, 241, 242                     
  163  jge #0xde, 164, 242                     
  164  jge #0xdf, 242, 241                     
  165  jge #0xd6, 166, 168                     
  166  jge #0xd9, 167, 241                     
  167  jge #0xdc, 237, 242                     
  168  jge #0xcb, 169, 242                     
  169  jge #0xd5, 242, 241                     
  170  jge #0x6b, 171, 196                     
  171  jge #0x93, 172, 184                     
  172  jge #0xa8, 173, 179                     
  173  jge #0xb2, 174, 177                     
  174  jge #0xc6, 175, 176                     
  175  jge #0xc7, 241, 230                     
  176  jge #0xb4, 242, 241                     
  177  jge #0xac, 178, 242                     
  178  jge #0xae, 242, 241                     
  179  jge #0x9f, 180, 182                     
  180  jge #0xa1, 181, 241                     
  181  jge #0xa6, 241, 242                     
  182  jge #0x99, 183, 242                     
  183  jge #0x9a, 242, 241                     
  184  jge #0x81, 185, 191                     
  185  jge #0x8a, 186, 189                     
  186  jge #0x91, 187, 188                     
  187  jge #0x92, 241, 242                     
  188  jge #0x90, 241, 242                     
  189  jge #0x82, 190, 241                     
  190  jge #0x83, 241, 242                     
  191  jge #0x76, 192, 194                     
  192  jge #0x7b, 193, 242                     
  193  jge #0x7c, 242, 241                     
  194  jge #0x70, 195, 241                     
  195  jge #0x75, 240, 242                     
  196  jge #0x3a, 197, 209                     
  197  jge #0x5c, 198, 204                     
  198  jge #0x62, 199, 202                     
  199  jge #0x66, 200, 201                     
  200  jge #0x68, 242, 241                     
  201  jge #0x64, 242, 241                     
  202  jge #0x5d, 203, 242                     
  203  jge #0x5f, 242, 241                     
  204  jge #0x4e, 205, 207                     
  205  jge #0x59, 206, 241                     
  206  jge #0x5a, 241, 242                     
  207  jge #0x3d, 208, 242                     
  208  jge #0x4b, 242, 241                     
  209  jge #0x27, 210, 215                     
  210  jge #0x34, 211, 213                     
  211  jge #0x36, 212, 241                     
  212  jge #0x38, 241, 242                     
  213  jge #0x2b, 214, 242                     
  214  jge #0x33, 242, 241                     
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
