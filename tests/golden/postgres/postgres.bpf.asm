# polc BPF for policy postgres: 221 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 217 syscalls decided; unconditionally allowed 208, cacheable 208
# x32: 215 syscalls decided; unconditionally allowed 206, cacheable 206
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 3, 2                    ; x86_64
    2  ja 216                                   ; an architecture the policy does not target
x86_64:
    3  ld [nr]                                  ; nr
    4  jge #0x40000000, 91, 5                  
    5  jge #0xd5, 6, 51                        
    6  jge #0x129, 7, 34                       
    7  jge #0x14f, 8, 20                       
    8  jge #0x1ba, 9, 16                       
    9  jge #0x1c9, 10, 15                      
   10  jge #0x1cf, 11, 14                      
   11  jge #0x1d3, 12, 217                     
   12  jge #0x1d4, 13, 218                     
   13  jge #0x1d6, 218, 217                    
   14  jge #0x1cb, 218, 217                    
   15  jeq #0x1c4, 217, 218                    
   16  jge #0x1b3, 17, 19                      
   17  jge #0x1b4, 18, 219                     
   18  jeq #0x1b6, 218, 217                    
   19  jeq #0x1ac, 217, 218                    
   20  jge #0x13c, 21, 28                      
   21  jge #0x147, 22, 25                      
   22  jge #0x14c, 23, 24                      
   23  jeq #0x14d, 218, 217                    
   24  jge #0x149, 218, 217                    
   25  jge #0x140, 218, 26                     
   26  jeq #0x13f, 219, 27                     
   27  jeq #0x13d, 218, 217                    
   28  jge #0x132, 29, 33                      
   29  jge #0x138, 30, 31                      
   30  jeq #0x139, 216, 218                    
   31  jge #0x136, 217, 32                     
   32  jge #0x133, 218, 217                    
   33  jeq #0x12e, 217, 218                    
   34  jge #0x101, 35, 40                      
   35  jge #0x118, 217, 36                     
   36  jge #0x110, 37, 39                      
   37  jeq #0x111, 217, 38                     
   38  jeq #0x115, 217, 218                    
   39  jeq #0x104, 218, 217                    
   40  jge #0xec, 41, 46                       
   41  jge #0xf8, 42, 44                       
   42  jge #0xfd, 43, 218                      
   43  jge #0x100, 218, 217                    
   44  jge #0xf0, 45, 218                      
   45  jeq #0xf6, 216, 217                     
   46  jge #0xe3, 47, 48                       
   47  jge #0xe7, 217, 218                     
   48  jge #0xdc, 217, 49                      
   49  jge #0xd8, 50, 217                      
   50  jeq #0xd9, 217, 218                     
   51  jge #0x71, 52, 71                       
   52  jge #0xa3, 53, 60                       
   53  jge #0xba, 54, 59                       
   54  jge #0xc8, 55, 58                       
   55  jge #0xcd, 218, 56                      
   56  jge #0xca, 57, 218                      
   57  jeq #0xcb, 218, 217                     
   58  jeq #0xbb, 218, 217                     
   59  jeq #0xaf, 216, 218                     
   60  jge #0x8b, 61, 66                       
   61  jge #0x95, 62, 218                      
   62  jge #0x9d, 63, 65                       
   63  jeq #0x9f, 218, 64                      
   64  jeq #0xa1, 218, 217                     
   65  jge #0x97, 218, 217                     
   66  jge #0x7f, 67, 70                       
   67  jge #0x86, 68, 69                       
   68  jge #0x89, 217, 218                     
   69  jeq #0x81, 218, 217                     
   70  jeq #0x79, 217, 218                     
   71  jge #0x3b, 72, 81                       
   72  jge #0x5c, 73, 80                       
   73  jge #0x67, 74, 77                       
   74  jge #0x6b, 75, 76                       
   75  jeq #0x6f, 218, 217                     
   76  jeq #0x68, 217, 218                     
   77  jge #0x61, 78, 79                       
   78  jeq #0x65, 216, 217                     
   79  jeq #0x5f, 217, 218                     
   80  jeq #0x49, 218, 217                     
   81  jge #0x1b, 82, 90                       
   82  jge #0x2a, 83, 85                       
   83  jge #0x38, 84, 217                      
   84  jge #0x39, 218, 200                     
   85  jge #0x22, 86, 88                       
   86  jge #0x24, 87, 218                      
   87  jge #0x29, 195, 217                     
   88  jge #0x1c, 89, 218                      
   89  jeq #0x1e, 190, 217                     
   90  jeq #0xf, 218, 217                      
x32:
   91  jge #0x400000dc, 92, 143                
   92  jge #0x4000014f, 93, 118                
   93  jge #0x400001d6, 94, 108                
   94  jge #0x40000213, 95, 101                
   95  jge #0x4000021b, 96, 99                 
   96  jge #0x4000021f, 97, 217                
   97  jge #0x40000222, 98, 218                
   98  jge #0x40000224, 218, 217               
   99  jge #0x40000216, 100, 218               
  100  jge #0x40000218, 218, 217               
  101  jge #0x40000209, 102, 106               
  102  jge #0x4000020d, 103, 104               
  103  jeq #0x40000210, 216, 217               
  104  jge #0x4000020a, 105, 216               
  105  jge #0x4000020c, 218, 217               
  106  jge #0x40000202, 217, 107               
  107  jeq #0x40000200, 217, 218               
  108  jge #0x400001ba, 109, 114               
  109  jge #0x400001c9, 110, 113               
  110  jge #0x400001cf, 111, 112               
  111  jeq #0x400001d3, 218, 217               
  112  jge #0x400001cb, 218, 217               
  113  jeq #0x400001c4, 217, 218               
  114  jge #0x400001b3, 115, 117               
  115  jge #0x400001b4, 116, 219               
  116  jeq #0x400001b6, 218, 217               
  117  jeq #0x400001ac, 217, 218               
  118  jge #0x40000118, 119, 130               
  119  jge #0x40000133, 120, 127               
  120  jge #0x40000140, 121, 123               
  121  jge #0x4000014c, 122, 218               
  122  jeq #0x4000014d, 218, 217               
  123  jge #0x4000013c, 124, 126               
  124  jeq #0x4000013f, 219, 125               
  125  jeq #0x4000013d, 218, 217               
  126  jeq #0x40000139, 216, 218               
  127  jge #0x40000127, 128, 217               
  128  jeq #0x40000132, 217, 129               
  129  jeq #0x4000012e, 217, 218               
  130  jge #0x400000f4, 131, 138               
  131  jge #0x40000105, 132, 134               
  132  jge #0x40000110, 133, 217               
  133  jeq #0x40000115, 217, 218               
  134  jge #0x400000fd, 135, 137               
  135  jeq #0x40000104, 218, 136               
  136  jeq #0x40000100, 218, 217               
  137  jeq #0x400000f5, 217, 218               
  138  jge #0x400000e7, 139, 141               
  139  jge #0x400000ec, 140, 217               
  140  jge #0x400000f0, 217, 218               
  141  jge #0x400000e3, 218, 142               
  142  jeq #0x400000de, 218, 217               
  143  jge #0x40000071, 144, 165               
  144  jge #0x400000a3, 145, 154               
  145  jge #0x400000ba, 146, 153               
  146  jge #0x400000c8, 147, 152               
  147  jge #0x400000cd, 148, 150               
  148  jeq #0x400000d5, 217, 149               
  149  jeq #0x400000d9, 217, 218               
  150  jge #0x400000ca, 151, 218               
  151  jeq #0x400000cb, 218, 217               
  152  jeq #0x400000bb, 218, 217               
  153  jeq #0x400000af, 216, 218               
  154  jge #0x4000008b, 155, 160               
  155  jge #0x40000095, 156, 218               
  156  jge #0x4000009d, 157, 159               
  157  jeq #0x4000009f, 218, 158               
  158  jeq #0x400000a1, 218, 217               
  159  jge #0x40000097, 218, 217               
  160  jge #0x40000082, 161, 164               
  161  jge #0x40000086, 162, 163               
  162  jge #0x40000089, 217, 218               
  163  jeq #0x40000083, 218, 217               
  164  jeq #0x40000079, 217, 218               
  165  jge #0x4000003c, 166, 175               
  166  jge #0x4000005c, 167, 174               
  167  jge #0x40000065, 168, 172               
  168  jge #0x4000006b, 169, 170               
  169  jeq #0x4000006f, 218, 217               
  170  jeq #0x40000066, 217, 171               
  171  jeq #0x40000068, 217, 218               
  172  jge #0x40000061, 217, 173               
  173  jeq #0x4000005f, 217, 218               
  174  jeq #0x40000049, 218, 217               
  175  jge #0x4000001e, 176, 184               
  176  jge #0x4000002d, 177, 180               
  177  jge #0x40000036, 178, 179               
  178  jeq #0x40000038, 213, 218               
  179  jge #0x40000030, 217, 218               
  180  jge #0x40000024, 181, 182               
  181  jeq #0x40000029, 208, 217               
  182  jge #0x40000022, 218, 183               
  183  jge #0x4000001f, 217, 203               
  184  jge #0x4000000d, 185, 217               
  185  jge #0x40000015, 186, 187               
  186  jeq #0x4000001b, 218, 217               
  187  jge #0x40000011, 188, 189               
  188  jge #0x40000013, 218, 217               
  189  jeq #0x4000000e, 217, 218               
shmat:
  190  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  191  jset #0x8000, 220, 192                   ; (postgres.pol:33)
  192  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  193  jset #0x8000, 194, 217                   ; (postgres.pol:11)
  194  ja 218                                   ; no case matched: the default
socket:
  195  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  196  jeq #0x1, 217, 197                       ; (postgres.pol:24)
  197  jeq #0x2, 217, 198                       ; (postgres.pol:24)
  198  jeq #0xa, 217, 199                       ; (postgres.pol:24)
  199  ja 218                                   ; no case matched: the default
clone:
  200  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  201  jset #0x70020100, 202, 217               ; (postgres.pol:28)
  202  ja 218                                   ; no case matched: the default
shmat:
  203  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:33)
  204  jset #0x8000, 220, 205                   ; (postgres.pol:33)
  205  ld [args[2].w0]                          ; shmflg.lo (postgres.pol:11)
  206  jset #0x8000, 207, 217                   ; (postgres.pol:11)
  207  ja 218                                   ; no case matched: the default
socket:
  208  ld [args[0].w0]                          ; domain.lo (postgres.pol:24)
  209  jeq #0x1, 217, 210                       ; (postgres.pol:24)
  210  jeq #0x2, 217, 211                       ; (postgres.pol:24)
  211  jeq #0xa, 217, 212                       ; (postgres.pol:24)
  212  ja 218                                   ; no case matched: the default
clone:
  213  ld [args[0].w0]                          ; flags.lo (postgres.pol:28)
  214  jset #0x70020100, 215, 217               ; (postgres.pol:28)
  215  ja 218                                   ; no case matched: the default
kill-process:
  216  ret kill-process                        
allow:
  217  ret allow                               
errno(EPERM):
  218  ret errno(1)                            
errno(ENOSYS):
  219  ret errno(38)                           
errno(EACCES):
  220  ret errno(13)                           
