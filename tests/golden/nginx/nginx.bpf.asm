# polc BPF for policy nginx: 191 instructions
# capabilities assumed (the policy's capabilities section): CHOWN SETGID SETUID NET_BIND_SERVICE
# x86_64: 184 syscalls decided; unconditionally allowed 174, cacheable 174
# aarch64: 154 syscalls decided; unconditionally allowed 144, cacheable 144
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 96, 3                   ; aarch64
    3  ja 187                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 187                  ; -1: no syscall; else x32: not targeted
    7  jge #0xba, 8, 58                        
    8  jge #0x118, 9, 39                       
    9  jge #0x14f, 10, 24                      
   10  jge #0x1ba, 11, 18                      
   11  jge #0x1c9, 12, 17                      
   12  jge #0x1cf, 13, 16                      
   13  jge #0x1d3, 14, 188                     
   14  jge #0x1d4, 15, 189                     
   15  jge #0x1d6, 189, 188                    
   16  jge #0x1cb, 189, 188                    
   17  jeq #0x1c4, 188, 189                    
   18  jge #0x1b3, 19, 23                      
   19  jge #0x1b7, 20, 21                      
   20  jeq #0x1b8, 189, 188                    
   21  jge #0x1b4, 22, 190                     
   22  jge #0x1b6, 189, 188                    
   23  jeq #0x1ac, 188, 189                    
   24  jge #0x136, 25, 35                      
   25  jge #0x140, 26, 31                      
   26  jge #0x147, 27, 30                      
   27  jge #0x14c, 28, 29                      
   28  jeq #0x14d, 189, 188                    
   29  jge #0x149, 189, 188                    
   30  jeq #0x143, 190, 189                    
   31  jge #0x13c, 32, 34                      
   32  jeq #0x13f, 190, 33                     
   33  jeq #0x13d, 189, 188                    
   34  jge #0x138, 189, 187                    
   35  jge #0x129, 36, 38                      
   36  jeq #0x12e, 188, 37                     
   37  jeq #0x132, 188, 189                    
   38  jeq #0x125, 189, 188                    
   39  jge #0xec, 40, 47                       
   40  jge #0x105, 41, 44                      
   41  jge #0x110, 42, 188                     
   42  jeq #0x111, 188, 43                     
   43  jeq #0x115, 188, 189                    
   44  jge #0xfd, 45, 189                      
   45  jeq #0x104, 189, 46                     
   46  jeq #0x100, 189, 188                    
   47  jge #0xd5, 48, 53                       
   48  jge #0xde, 49, 51                       
   49  jge #0xe3, 50, 188                      
   50  jge #0xe7, 188, 189                     
   51  jge #0xda, 189, 52                      
   52  jeq #0xd8, 189, 188                     
   53  jge #0xc8, 54, 57                       
   54  jge #0xcd, 189, 55                      
   55  jge #0xca, 56, 189                      
   56  jeq #0xcb, 189, 188                     
   57  jeq #0xbb, 189, 188                     
   58  jge #0x5c, 59, 77                       
   59  jge #0x8b, 60, 64                       
   60  jge #0xa3, 189, 61                      
   61  jge #0x9d, 62, 189                      
   62  jge #0x9f, 63, 188                      
   63  jge #0xa2, 188, 189                     
   64  jge #0x6f, 65, 70                       
   65  jge #0x7d, 66, 69                       
   66  jge #0x86, 67, 68                       
   67  jge #0x89, 188, 189                     
   68  jeq #0x81, 189, 188                     
   69  jeq #0x74, 188, 189                     
   70  jge #0x66, 71, 74                       
   71  jge #0x6b, 72, 73                       
   72  jge #0x6e, 188, 189                     
   73  jge #0x69, 188, 189                     
   74  jge #0x63, 75, 76                       
   75  jge #0x65, 187, 188                     
   76  jeq #0x5f, 188, 189                     
   77  jge #0x2c, 78, 84                       
   78  jge #0x40, 79, 81                       
   79  jge #0x4a, 188, 80                      
   80  jeq #0x48, 188, 189                     
   81  jge #0x38, 82, 188                      
   82  jge #0x3c, 188, 83                      
   83  jge #0x39, 189, 185                     
   84  jge #0x16, 85, 95                       
   85  jge #0x20, 86, 91                       
   86  jge #0x24, 87, 90                       
   87  jge #0x29, 88, 188                      
   88  jge #0x2a, 89, 181                      
   89  jge #0x2b, 189, 188                     
   90  jge #0x22, 189, 188                     
   91  jge #0x1b, 92, 93                       
   92  jeq #0x1c, 188, 189                     
   93  jge #0x19, 188, 94                      
   94  jeq #0x17, 188, 189                     
   95  jeq #0xf, 189, 188                      
aarch64:
   96  ld [nr]                                  ; nr
   97  jge #0x9f, 98, 148                      
   98  jge #0xf2, 99, 129                      
   99  jge #0x126, 100, 114                    
  100  jge #0x1ba, 101, 108                    
  101  jge #0x1c9, 102, 107                    
  102  jge #0x1cf, 103, 106                    
  103  jge #0x1d3, 104, 188                    
  104  jge #0x1d4, 105, 189                    
  105  jge #0x1d6, 189, 188                    
  106  jge #0x1cb, 189, 188                    
  107  jeq #0x1c4, 188, 189                    
  108  jge #0x1b3, 109, 113                    
  109  jge #0x1b7, 110, 111                    
  110  jeq #0x1b8, 189, 188                    
  111  jge #0x1b4, 112, 190                    
  112  jge #0x1b6, 189, 188                    
  113  jeq #0x1ac, 188, 189                    
  114  jge #0x118, 115, 120                    
  115  jge #0x11e, 116, 119                    
  116  jge #0x123, 117, 118                    
  117  jeq #0x124, 189, 188                    
  118  jge #0x120, 189, 188                    
  119  jeq #0x11a, 190, 189                    
  120  jge #0x10e, 121, 125                    
  121  jge #0x114, 122, 124                    
  122  jeq #0x117, 190, 123                    
  123  jeq #0x115, 189, 188                    
  124  jge #0x110, 189, 187                    
  125  jge #0x106, 126, 127                    
  126  jeq #0x10b, 188, 189                    
  127  jge #0x104, 188, 128                    
  128  jge #0xf3, 189, 188                     
  129  jge #0xc6, 130, 141                     
  130  jge #0xd9, 131, 137                     
  131  jge #0xe4, 132, 133                     
  132  jeq #0xe9, 188, 189                     
  133  jge #0xde, 134, 136                     
  134  jge #0xe2, 188, 135                     
  135  jge #0xdf, 189, 188                     
  136  jeq #0xdc, 185, 189                     
  137  jge #0xcb, 138, 139                     
  138  jeq #0xd5, 189, 188                     
  139  jge #0xc7, 140, 181                     
  140  jge #0xca, 189, 188                     
  141  jge #0xb4, 189, 142                     
  142  jge #0xa8, 143, 146                     
  143  jge #0xae, 144, 145                     
  144  jge #0xb2, 188, 189                     
  145  jge #0xac, 188, 189                     
  146  jge #0xa1, 147, 188                     
  147  jge #0xa6, 188, 189                     
  148  jge #0x4b, 149, 170                     
  149  jge #0x76, 150, 158                     
  150  jge #0x8a, 151, 155                     
  151  jge #0x93, 152, 153                     
  152  jeq #0x99, 188, 189                     
  153  jge #0x90, 154, 189                     
  154  jeq #0x91, 189, 188                     
  155  jge #0x81, 156, 157                     
  156  jeq #0x82, 189, 188                     
  157  jeq #0x7b, 188, 189                     
  158  jge #0x62, 159, 165                     
  159  jge #0x6b, 160, 162                     
  160  jge #0x70, 161, 188                     
  161  jge #0x75, 187, 189                     
  162  jge #0x66, 163, 164                     
  163  jge #0x68, 189, 188                     
  164  jge #0x64, 189, 188                     
  165  jge #0x59, 166, 169                     
  166  jge #0x5f, 189, 167                     
  167  jge #0x5a, 168, 189                     
  168  jeq #0x5c, 189, 188                     
  169  jge #0x4e, 188, 189                     
  170  jge #0x1e, 171, 179                     
  171  jge #0x36, 172, 175                     
  172  jge #0x3d, 188, 173                     
  173  jge #0x3a, 189, 174                     
  174  jge #0x38, 188, 189                     
  175  jge #0x2b, 176, 177                     
  176  jeq #0x33, 189, 188                     
  177  jge #0x27, 189, 178                     
  178  jge #0x21, 188, 189                     
  179  jge #0x5, 180, 189                      
  180  jeq #0x12, 189, 188                     
socket:
  181  ld [args[0].w0]                          ; domain.lo (nginx.pol:25)
  182  jeq #0x1, 188, 183                       ; (nginx.pol:25)
  183  jeq #0x2, 188, 184                       ; (nginx.pol:25)
  184  jeq #0xa, 188, 189                       ; (nginx.pol:25)
clone:
  185  ld [args[0].w0]                          ; flags.lo (nginx.pol:28)
  186  jset #0x7e020000, 189, 188               ; (nginx.pol:28)
kill-process:
  187  ret kill-process                        
allow:
  188  ret allow                               
errno(EPERM):
  189  ret errno(1)                            
errno(ENOSYS):
  190  ret errno(38)                           
