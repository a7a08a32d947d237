# polc BPF for policy nginx: 187 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 191 syscalls decided; unconditionally allowed 181, cacheable 181
# aarch64: 161 syscalls decided; unconditionally allowed 151, cacheable 151
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 94, 3                   ; aarch64
    3  ja 183                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 183                  ; -1: no syscall; else x32: not targeted
    7  jge #0xba, 8, 57                        
    8  jge #0x118, 9, 38                       
    9  jge #0x14f, 10, 23                      
   10  jge #0x1ba, 11, 17                      
   11  jge #0x1c9, 12, 16                      
   12  jge #0x1cf, 13, 15                      
   13  jge #0x1d6, 185, 14                     
   14  jeq #0x1d3, 185, 184                    
   15  jge #0x1cb, 185, 184                    
   16  jeq #0x1c4, 184, 185                    
   17  jge #0x1b3, 18, 22                      
   18  jge #0x1b7, 19, 20                      
   19  jeq #0x1b8, 185, 184                    
   20  jge #0x1b4, 21, 186                     
   21  jge #0x1b6, 185, 184                    
   22  jeq #0x1ac, 184, 185                    
   23  jge #0x136, 24, 34                      
   24  jge #0x140, 25, 30                      
   25  jge #0x147, 26, 29                      
   26  jge #0x14c, 27, 28                      
   27  jeq #0x14d, 185, 184                    
   28  jge #0x149, 185, 184                    
   29  jeq #0x143, 186, 185                    
   30  jge #0x13c, 31, 33                      
   31  jge #0x13f, 186, 32                     
   32  jeq #0x13d, 185, 184                    
   33  jge #0x138, 185, 183                    
   34  jge #0x129, 35, 37                      
   35  jeq #0x12e, 184, 36                     
   36  jeq #0x132, 184, 185                    
   37  jeq #0x125, 185, 184                    
   38  jge #0xec, 39, 46                       
   39  jge #0x105, 40, 43                      
   40  jge #0x110, 41, 184                     
   41  jeq #0x111, 184, 42                     
   42  jeq #0x115, 184, 185                    
   43  jge #0xfd, 44, 185                      
   44  jge #0x104, 185, 45                     
   45  jeq #0x100, 185, 184                    
   46  jge #0xd5, 47, 52                       
   47  jge #0xde, 48, 50                       
   48  jge #0xe3, 49, 184                      
   49  jge #0xe7, 184, 185                     
   50  jge #0xda, 185, 51                      
   51  jeq #0xd8, 185, 184                     
   52  jge #0xc8, 53, 56                       
   53  jge #0xcd, 185, 54                      
   54  jge #0xca, 55, 185                      
   55  jeq #0xcb, 185, 184                     
   56  jeq #0xbb, 185, 184                     
   57  jge #0x5c, 58, 76                       
   58  jge #0x8b, 59, 63                       
   59  jge #0xa3, 185, 60                      
   60  jge #0x9d, 61, 185                      
   61  jge #0x9f, 62, 184                      
   62  jge #0xa2, 184, 185                     
   63  jge #0x75, 64, 68                       
   64  jge #0x7d, 65, 185                      
   65  jge #0x86, 66, 67                       
   66  jge #0x89, 184, 185                     
   67  jeq #0x81, 185, 184                     
   68  jge #0x68, 69, 72                       
   69  jge #0x6f, 70, 71                       
   70  jge #0x73, 184, 185                     
   71  jeq #0x6d, 185, 184                     
   72  jge #0x63, 73, 75                       
   73  jge #0x67, 185, 74                      
   74  jeq #0x65, 183, 184                     
   75  jeq #0x5f, 184, 185                     
   76  jge #0x2c, 77, 83                       
   77  jge #0x40, 78, 80                       
   78  jge #0x4a, 184, 79                      
   79  jeq #0x48, 184, 185                     
   80  jge #0x38, 81, 184                      
   81  jge #0x3b, 184, 82                      
   82  jge #0x39, 185, 181                     
   83  jge #0x16, 84, 184                      
   84  jge #0x20, 85, 90                       
   85  jge #0x24, 86, 89                       
   86  jge #0x29, 87, 184                      
   87  jge #0x2a, 88, 177                      
   88  jge #0x2b, 185, 184                     
   89  jge #0x22, 185, 184                     
   90  jge #0x1b, 91, 92                       
   91  jeq #0x1c, 184, 185                     
   92  jge #0x19, 184, 93                      
   93  jeq #0x17, 184, 185                     
aarch64:
   94  ld [nr]                                  ; nr
   95  jge #0x9e, 96, 143                      
   96  jge #0xf2, 97, 126                      
   97  jge #0x126, 98, 111                     
   98  jge #0x1ba, 99, 105                     
   99  jge #0x1c9, 100, 104                    
  100  jge #0x1cf, 101, 103                    
  101  jge #0x1d6, 185, 102                    
  102  jeq #0x1d3, 185, 184                    
  103  jge #0x1cb, 185, 184                    
  104  jeq #0x1c4, 184, 185                    
  105  jge #0x1b3, 106, 110                    
  106  jge #0x1b7, 107, 108                    
  107  jeq #0x1b8, 185, 184                    
  108  jge #0x1b4, 109, 186                    
  109  jge #0x1b6, 185, 184                    
  110  jeq #0x1ac, 184, 185                    
  111  jge #0x118, 112, 117                    
  112  jge #0x11e, 113, 116                    
  113  jge #0x123, 114, 115                    
  114  jeq #0x124, 185, 184                    
  115  jge #0x120, 185, 184                    
  116  jeq #0x11a, 186, 185                    
  117  jge #0x10e, 118, 122                    
  118  jge #0x114, 119, 121                    
  119  jge #0x117, 186, 120                    
  120  jeq #0x115, 185, 184                    
  121  jge #0x110, 185, 183                    
  122  jge #0x106, 123, 124                    
  123  jeq #0x10b, 184, 185                    
  124  jge #0x104, 184, 125                    
  125  jge #0xf3, 185, 184                     
  126  jge #0xc6, 127, 138                     
  127  jge #0xd9, 128, 134                     
  128  jge #0xe4, 129, 130                     
  129  jeq #0xe9, 184, 185                     
  130  jge #0xdf, 131, 132                     
  131  jge #0xe2, 184, 185                     
  132  jge #0xdc, 133, 185                     
  133  jge #0xdd, 184, 181                     
  134  jge #0xcb, 135, 136                     
  135  jeq #0xd5, 185, 184                     
  136  jge #0xc7, 137, 177                     
  137  jge #0xca, 185, 184                     
  138  jge #0xb4, 185, 139                     
  139  jge #0xa6, 140, 142                     
  140  jge #0xac, 184, 141                     
  141  jge #0xa8, 185, 184                     
  142  jge #0xa1, 185, 184                     
  143  jge #0x4b, 144, 166                     
  144  jge #0x76, 145, 154                     
  145  jge #0x8a, 146, 151                     
  146  jge #0x93, 147, 148                     
  147  jeq #0x99, 184, 185                     
  148  jge #0x90, 149, 150                     
  149  jeq #0x91, 185, 184                     
  150  jeq #0x8b, 184, 185                     
  151  jge #0x81, 152, 153                     
  152  jeq #0x82, 185, 184                     
  153  jeq #0x7b, 184, 185                     
  154  jge #0x62, 155, 161                     
  155  jge #0x6b, 156, 158                     
  156  jge #0x70, 157, 184                     
  157  jge #0x75, 183, 185                     
  158  jge #0x66, 159, 160                     
  159  jge #0x68, 185, 184                     
  160  jge #0x64, 185, 184                     
  161  jge #0x59, 162, 165                     
  162  jge #0x5f, 185, 163                     
  163  jge #0x5a, 164, 185                     
  164  jeq #0x5c, 185, 184                     
  165  jge #0x4e, 184, 185                     
  166  jge #0x1e, 167, 175                     
  167  jge #0x36, 168, 171                     
  168  jge #0x3d, 184, 169                     
  169  jge #0x3a, 185, 170                     
  170  jge #0x38, 184, 185                     
  171  jge #0x2b, 172, 173                     
  172  jeq #0x33, 185, 184                     
  173  jge #0x27, 185, 174                     
  174  jge #0x21, 184, 185                     
  175  jge #0x5, 176, 185                      
  176  jeq #0x12, 185, 184                     
socket:
  177  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  178  jeq #0x1, 184, 179                       ; (nginx.pol:28)
  179  jeq #0x2, 184, 180                       ; (nginx.pol:28)
  180  jeq #0xa, 184, 185                       ; (nginx.pol:28)
clone:
  181  ld [args[0].w0]                          ; flags.lo (nginx.pol:31)
  182  jset #0x7e020000, 185, 184               ; (nginx.pol:31)
kill-process:
  183  ret kill-process                        
allow:
  184  ret allow                               
errno(EPERM):
  185  ret errno(1)                            
errno(ENOSYS):
  186  ret errno(38)                           
