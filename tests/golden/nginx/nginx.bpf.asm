# polc BPF for policy nginx: 201 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 184 syscalls decided; unconditionally allowed 174, cacheable 174
# aarch64: 154 syscalls decided; unconditionally allowed 144, cacheable 144
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 96, 3                   ; aarch64
    3  ja 197                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 197                  ; -1: no syscall; else x32: not targeted
    7  jge #0xba, 8, 58                        
    8  jge #0x118, 9, 39                       
    9  jge #0x14f, 10, 24                      
   10  jge #0x1ba, 11, 18                      
   11  jge #0x1c9, 12, 17                      
   12  jge #0x1cf, 13, 16                      
   13  jge #0x1d3, 14, 198                     
   14  jge #0x1d4, 15, 199                     
   15  jge #0x1d6, 199, 198                    
   16  jge #0x1cb, 199, 198                    
   17  jeq #0x1c4, 198, 199                    
   18  jge #0x1b3, 19, 23                      
   19  jge #0x1b7, 20, 21                      
   20  jeq #0x1b8, 199, 198                    
   21  jge #0x1b4, 22, 200                     
   22  jge #0x1b6, 199, 198                    
   23  jeq #0x1ac, 198, 199                    
   24  jge #0x136, 25, 35                      
   25  jge #0x140, 26, 31                      
   26  jge #0x147, 27, 30                      
   27  jge #0x14c, 28, 29                      
   28  jeq #0x14d, 199, 198                    
   29  jge #0x149, 199, 198                    
   30  jeq #0x143, 200, 199                    
   31  jge #0x13c, 32, 34                      
   32  jeq #0x13f, 200, 33                     
   33  jeq #0x13d, 199, 198                    
   34  jge #0x138, 199, 197                    
   35  jge #0x129, 36, 38                      
   36  jeq #0x12e, 198, 37                     
   37  jeq #0x132, 198, 199                    
   38  jeq #0x125, 199, 198                    
   39  jge #0xec, 40, 47                       
   40  jge #0x105, 41, 44                      
   41  jge #0x110, 42, 198                     
   42  jeq #0x111, 198, 43                     
   43  jeq #0x115, 198, 199                    
   44  jge #0xfd, 45, 199                      
   45  jeq #0x104, 199, 46                     
   46  jeq #0x100, 199, 198                    
   47  jge #0xd5, 48, 53                       
   48  jge #0xde, 49, 51                       
   49  jge #0xe3, 50, 198                      
   50  jge #0xe7, 198, 199                     
   51  jge #0xda, 199, 52                      
   52  jeq #0xd8, 199, 198                     
   53  jge #0xc8, 54, 57                       
   54  jge #0xcd, 199, 55                      
   55  jge #0xca, 56, 199                      
   56  jeq #0xcb, 199, 198                     
   57  jeq #0xbb, 199, 198                     
   58  jge #0x5c, 59, 77                       
   59  jge #0x8b, 60, 64                       
   60  jge #0xa3, 199, 61                      
   61  jge #0x9d, 62, 199                      
   62  jge #0x9f, 63, 198                      
   63  jge #0xa2, 198, 199                     
   64  jge #0x6f, 65, 70                       
   65  jge #0x7d, 66, 69                       
   66  jge #0x86, 67, 68                       
   67  jge #0x89, 198, 199                     
   68  jeq #0x81, 199, 198                     
   69  jeq #0x74, 198, 199                     
   70  jge #0x66, 71, 74                       
   71  jge #0x6b, 72, 73                       
   72  jge #0x6e, 198, 199                     
   73  jge #0x69, 198, 199                     
   74  jge #0x63, 75, 76                       
   75  jge #0x65, 197, 198                     
   76  jeq #0x5f, 198, 199                     
   77  jge #0x2c, 78, 84                       
   78  jge #0x40, 79, 81                       
   79  jge #0x4a, 198, 80                      
   80  jeq #0x48, 198, 199                     
   81  jge #0x38, 82, 198                      
   82  jge #0x3c, 198, 83                      
   83  jge #0x39, 199, 186                     
   84  jge #0x16, 85, 95                       
   85  jge #0x20, 86, 91                       
   86  jge #0x24, 87, 90                       
   87  jge #0x29, 88, 198                      
   88  jge #0x2a, 89, 181                      
   89  jge #0x2b, 199, 198                     
   90  jge #0x22, 199, 198                     
   91  jge #0x1b, 92, 93                       
   92  jeq #0x1c, 198, 199                     
   93  jge #0x19, 198, 94                      
   94  jeq #0x17, 198, 199                     
   95  jeq #0xf, 199, 198                      
aarch64:
   96  ld [nr]                                  ; nr
   97  jge #0x9f, 98, 148                      
   98  jge #0xf2, 99, 129                      
   99  jge #0x126, 100, 114                    
  100  jge #0x1ba, 101, 108                    
  101  jge #0x1c9, 102, 107                    
  102  jge #0x1cf, 103, 106                    
  103  jge #0x1d3, 104, 198                    
  104  jge #0x1d4, 105, 199                    
  105  jge #0x1d6, 199, 198                    
  106  jge #0x1cb, 199, 198                    
  107  jeq #0x1c4, 198, 199                    
  108  jge #0x1b3, 109, 113                    
  109  jge #0x1b7, 110, 111                    
  110  jeq #0x1b8, 199, 198                    
  111  jge #0x1b4, 112, 200                    
  112  jge #0x1b6, 199, 198                    
  113  jeq #0x1ac, 198, 199                    
  114  jge #0x118, 115, 120                    
  115  jge #0x11e, 116, 119                    
  116  jge #0x123, 117, 118                    
  117  jeq #0x124, 199, 198                    
  118  jge #0x120, 199, 198                    
  119  jeq #0x11a, 200, 199                    
  120  jge #0x10e, 121, 125                    
  121  jge #0x114, 122, 124                    
  122  jeq #0x117, 200, 123                    
  123  jeq #0x115, 199, 198                    
  124  jge #0x110, 199, 197                    
  125  jge #0x106, 126, 127                    
  126  jeq #0x10b, 198, 199                    
  127  jge #0x104, 198, 128                    
  128  jge #0xf3, 199, 198                     
  129  jge #0xc6, 130, 141                     
  130  jge #0xd9, 131, 137                     
  131  jge #0xe4, 132, 133                     
  132  jeq #0xe9, 198, 199                     
  133  jge #0xde, 134, 136                     
  134  jge #0xe2, 198, 135                     
  135  jge #0xdf, 199, 198                     
  136  jeq #0xdc, 194, 199                     
  137  jge #0xcb, 138, 139                     
  138  jeq #0xd5, 199, 198                     
  139  jge #0xc7, 140, 189                     
  140  jge #0xca, 199, 198                     
  141  jge #0xb4, 199, 142                     
  142  jge #0xa8, 143, 146                     
  143  jge #0xae, 144, 145                     
  144  jge #0xb2, 198, 199                     
  145  jge #0xac, 198, 199                     
  146  jge #0xa1, 147, 198                     
  147  jge #0xa6, 198, 199                     
  148  jge #0x4b, 149, 170                     
  149  jge #0x76, 150, 158                     
  150  jge #0x8a, 151, 155                     
  151  jge #0x93, 152, 153                     
  152  jeq #0x99, 198, 199                     
  153  jge #0x90, 154, 199                     
  154  jeq #0x91, 199, 198                     
  155  jge #0x81, 156, 157                     
  156  jeq #0x82, 199, 198                     
  157  jeq #0x7b, 198, 199                     
  158  jge #0x62, 159, 165                     
  159  jge #0x6b, 160, 162                     
  160  jge #0x70, 161, 198                     
  161  jge #0x75, 197, 199                     
  162  jge #0x66, 163, 164                     
  163  jge #0x68, 199, 198                     
  164  jge #0x64, 199, 198                     
  165  jge #0x59, 166, 169                     
  166  jge #0x5f, 199, 167                     
  167  jge #0x5a, 168, 199                     
  168  jeq #0x5c, 199, 198                     
  169  jge #0x4e, 198, 199                     
  170  jge #0x1e, 171, 179                     
  171  jge #0x36, 172, 175                     
  172  jge #0x3d, 198, 173                     
  173  jge #0x3a, 199, 174                     
  174  jge #0x38, 198, 199                     
  175  jge #0x2b, 176, 177                     
  176  jeq #0x33, 199, 198                     
  177  jge #0x27, 199, 178                     
  178  jge #0x21, 198, 199                     
  179  jge #0x5, 180, 199                      
  180  jeq #0x12, 199, 198                     
socket:
  181  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  182  jeq #0x1, 198, 183                       ; (nginx.pol:25)
  183  jeq #0x2, 198, 184                       ; (nginx.pol:25)
  184  jeq #0xa, 198, 185                       ; (nginx.pol:25)
  185  ja 199                                   ; no case matched: the default
clone:
  186  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  187  jset #0x7e020000, 188, 198               ; (nginx.pol:28)
  188  ja 199                                   ; no case matched: the default
socket:
  189  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  190  jeq #0x1, 198, 191                       ; (nginx.pol:25)
  191  jeq #0x2, 198, 192                       ; (nginx.pol:25)
  192  jeq #0xa, 198, 193                       ; (nginx.pol:25)
  193  ja 199                                   ; no case matched: the default
clone:
  194  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  195  jset #0x7e020000, 196, 198               ; (nginx.pol:28)
  196  ja 199                                   ; no case matched: the default
kill-process:
  197  ret kill-process                        
allow:
  198  ret allow                               
errno(EPERM):
  199  ret errno(1)                            
errno(ENOSYS):
  200  ret errno(38)                           
