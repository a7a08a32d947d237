# polc BPF for policy nginx: 189 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 191 syscalls decided; unconditionally allowed 181, cacheable 181
# aarch64: 161 syscalls decided; unconditionally allowed 151, cacheable 151
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 95, 3                   ; aarch64
    3  ja 185                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 185                  ; -1: no syscall; else x32: not targeted
    7  jge #0xba, 8, 58                        
    8  jge #0x118, 9, 39                       
    9  jge #0x14f, 10, 24                      
   10  jge #0x1ba, 11, 18                      
   11  jge #0x1c9, 12, 17                      
   12  jge #0x1cf, 13, 16                      
   13  jge #0x1d3, 14, 186                     
   14  jge #0x1d4, 15, 187                     
   15  jge #0x1d6, 187, 186                    
   16  jge #0x1cb, 187, 186                    
   17  jeq #0x1c4, 186, 187                    
   18  jge #0x1b3, 19, 23                      
   19  jge #0x1b7, 20, 21                      
   20  jeq #0x1b8, 187, 186                    
   21  jge #0x1b4, 22, 188                     
   22  jge #0x1b6, 187, 186                    
   23  jeq #0x1ac, 186, 187                    
   24  jge #0x136, 25, 35                      
   25  jge #0x140, 26, 31                      
   26  jge #0x147, 27, 30                      
   27  jge #0x14c, 28, 29                      
   28  jeq #0x14d, 187, 186                    
   29  jge #0x149, 187, 186                    
   30  jeq #0x143, 188, 187                    
   31  jge #0x13c, 32, 34                      
   32  jeq #0x13f, 188, 33                     
   33  jeq #0x13d, 187, 186                    
   34  jge #0x138, 187, 185                    
   35  jge #0x129, 36, 38                      
   36  jeq #0x12e, 186, 37                     
   37  jeq #0x132, 186, 187                    
   38  jeq #0x125, 187, 186                    
   39  jge #0xec, 40, 47                       
   40  jge #0x105, 41, 44                      
   41  jge #0x110, 42, 186                     
   42  jeq #0x111, 186, 43                     
   43  jeq #0x115, 186, 187                    
   44  jge #0xfd, 45, 187                      
   45  jeq #0x104, 187, 46                     
   46  jeq #0x100, 187, 186                    
   47  jge #0xd5, 48, 53                       
   48  jge #0xde, 49, 51                       
   49  jge #0xe3, 50, 186                      
   50  jge #0xe7, 186, 187                     
   51  jge #0xda, 187, 52                      
   52  jeq #0xd8, 187, 186                     
   53  jge #0xc8, 54, 57                       
   54  jge #0xcd, 187, 55                      
   55  jge #0xca, 56, 187                      
   56  jeq #0xcb, 187, 186                     
   57  jeq #0xbb, 187, 186                     
   58  jge #0x5c, 59, 77                       
   59  jge #0x8b, 60, 64                       
   60  jge #0xa3, 187, 61                      
   61  jge #0x9d, 62, 187                      
   62  jge #0x9f, 63, 186                      
   63  jge #0xa2, 186, 187                     
   64  jge #0x75, 65, 69                       
   65  jge #0x7d, 66, 187                      
   66  jge #0x86, 67, 68                       
   67  jge #0x89, 186, 187                     
   68  jeq #0x81, 187, 186                     
   69  jge #0x68, 70, 73                       
   70  jge #0x6f, 71, 72                       
   71  jge #0x73, 186, 187                     
   72  jeq #0x6d, 187, 186                     
   73  jge #0x63, 74, 76                       
   74  jeq #0x67, 187, 75                      
   75  jeq #0x65, 185, 186                     
   76  jeq #0x5f, 186, 187                     
   77  jge #0x2c, 78, 84                       
   78  jge #0x40, 79, 81                       
   79  jge #0x4a, 186, 80                      
   80  jeq #0x48, 186, 187                     
   81  jge #0x38, 82, 186                      
   82  jge #0x3b, 186, 83                      
   83  jge #0x39, 187, 183                     
   84  jge #0x16, 85, 186                      
   85  jge #0x20, 86, 91                       
   86  jge #0x24, 87, 90                       
   87  jge #0x29, 88, 186                      
   88  jge #0x2a, 89, 179                      
   89  jge #0x2b, 187, 186                     
   90  jge #0x22, 187, 186                     
   91  jge #0x1b, 92, 93                       
   92  jeq #0x1c, 186, 187                     
   93  jge #0x19, 186, 94                      
   94  jeq #0x17, 186, 187                     
aarch64:
   95  ld [nr]                                  ; nr
   96  jge #0x9e, 97, 145                      
   97  jge #0xf2, 98, 128                      
   98  jge #0x126, 99, 113                     
   99  jge #0x1ba, 100, 107                    
  100  jge #0x1c9, 101, 106                    
  101  jge #0x1cf, 102, 105                    
  102  jge #0x1d3, 103, 186                    
  103  jge #0x1d4, 104, 187                    
  104  jge #0x1d6, 187, 186                    
  105  jge #0x1cb, 187, 186                    
  106  jeq #0x1c4, 186, 187                    
  107  jge #0x1b3, 108, 112                    
  108  jge #0x1b7, 109, 110                    
  109  jeq #0x1b8, 187, 186                    
  110  jge #0x1b4, 111, 188                    
  111  jge #0x1b6, 187, 186                    
  112  jeq #0x1ac, 186, 187                    
  113  jge #0x118, 114, 119                    
  114  jge #0x11e, 115, 118                    
  115  jge #0x123, 116, 117                    
  116  jeq #0x124, 187, 186                    
  117  jge #0x120, 187, 186                    
  118  jeq #0x11a, 188, 187                    
  119  jge #0x10e, 120, 124                    
  120  jge #0x114, 121, 123                    
  121  jeq #0x117, 188, 122                    
  122  jeq #0x115, 187, 186                    
  123  jge #0x110, 187, 185                    
  124  jge #0x106, 125, 126                    
  125  jeq #0x10b, 186, 187                    
  126  jge #0x104, 186, 127                    
  127  jge #0xf3, 187, 186                     
  128  jge #0xc6, 129, 140                     
  129  jge #0xd9, 130, 136                     
  130  jge #0xe4, 131, 132                     
  131  jeq #0xe9, 186, 187                     
  132  jge #0xdf, 133, 134                     
  133  jge #0xe2, 186, 187                     
  134  jge #0xdc, 135, 187                     
  135  jge #0xdd, 186, 183                     
  136  jge #0xcb, 137, 138                     
  137  jeq #0xd5, 187, 186                     
  138  jge #0xc7, 139, 179                     
  139  jge #0xca, 187, 186                     
  140  jge #0xb4, 187, 141                     
  141  jge #0xa6, 142, 144                     
  142  jge #0xac, 186, 143                     
  143  jge #0xa8, 187, 186                     
  144  jge #0xa1, 187, 186                     
  145  jge #0x4b, 146, 168                     
  146  jge #0x76, 147, 156                     
  147  jge #0x8a, 148, 153                     
  148  jge #0x93, 149, 150                     
  149  jeq #0x99, 186, 187                     
  150  jge #0x90, 151, 152                     
  151  jeq #0x91, 187, 186                     
  152  jeq #0x8b, 186, 187                     
  153  jge #0x81, 154, 155                     
  154  jeq #0x82, 187, 186                     
  155  jeq #0x7b, 186, 187                     
  156  jge #0x62, 157, 163                     
  157  jge #0x6b, 158, 160                     
  158  jge #0x70, 159, 186                     
  159  jge #0x75, 185, 187                     
  160  jge #0x66, 161, 162                     
  161  jge #0x68, 187, 186                     
  162  jge #0x64, 187, 186                     
  163  jge #0x59, 164, 167                     
  164  jge #0x5f, 187, 165                     
  165  jge #0x5a, 166, 187                     
  166  jeq #0x5c, 187, 186                     
  167  jge #0x4e, 186, 187                     
  168  jge #0x1e, 169, 177                     
  169  jge #0x36, 170, 173                     
  170  jge #0x3d, 186, 171                     
  171  jge #0x3a, 187, 172                     
  172  jge #0x38, 186, 187                     
  173  jge #0x2b, 174, 175                     
  174  jeq #0x33, 187, 186                     
  175  jge #0x27, 187, 176                     
  176  jge #0x21, 186, 187                     
  177  jge #0x5, 178, 187                      
  178  jeq #0x12, 187, 186                     
socket:
  179  ld [args[0].w0]                          ; domain.lo (nginx.pol:28)
  180  jeq #0x1, 186, 181                       ; (nginx.pol:28)
  181  jeq #0x2, 186, 182                       ; (nginx.pol:28)
  182  jeq #0xa, 186, 187                       ; (nginx.pol:28)
clone:
  183  ld [args[0].w0]                          ; flags.lo (nginx.pol:31)
  184  jset #0x7e020000, 187, 186               ; (nginx.pol:31)
kill-process:
  185  ret kill-process                        
allow:
  186  ret allow                               
errno(EPERM):
  187  ret errno(1)                            
errno(ENOSYS):
  188  ret errno(38)                           
