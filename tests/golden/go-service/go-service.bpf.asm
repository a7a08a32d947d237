# polc BPF for policy go-service: 150 instructions
# capabilities assumed (the policy's capabilities section): none
# x86_64: 61 syscalls decided; unconditionally allowed 54, cacheable 54
# aarch64: 59 syscalls decided; unconditionally allowed 52, cacheable 52
    0  ld [arch]                                ; arch
    1  jeq #0xc000003e, 4, 2                    ; x86_64
    2  jeq #0xc00000b7, 71, 3                   ; aarch64
    3  ja 145                                   ; an architecture the policy does not target
x86_64:
    4  ld [nr]                                  ; nr
    5  jge #0x40000000, 6, 7                    ; x32 bit
    6  jeq #0xffffffff, 7, 145                  ; -1: no syscall; else x32: not targeted
    7  jge #0xcd, 8, 33                        
    8  jge #0x126, 9, 17                       
    9  jge #0x14f, 10, 11                      
   10  jeq #0x1b3, 149, 145                    
   11  jge #0x13e, 12, 16                      
   12  jge #0x143, 13, 14                      
   13  jge #0x14e, 146, 145                    
   14  jge #0x13f, 15, 146                     
   15  jge #0x142, 147, 145                    
   16  jeq #0x12e, 146, 145                    
   17  jge #0x101, 18, 28                      
   18  jge #0x112, 19, 23                      
   19  jge #0x120, 20, 22                      
   20  jeq #0x121, 145, 21                     
   21  jeq #0x124, 145, 146                    
   22  jeq #0x119, 146, 145                    
   23  jge #0x107, 24, 26                      
   24  jge #0x111, 146, 25                     
   25  jeq #0x10b, 146, 145                    
   26  jge #0x102, 27, 146                     
   27  jge #0x106, 146, 145                    
   28  jge #0xe4, 29, 32                       
   29  jge #0xeb, 145, 30                      
   30  jge #0xe7, 146, 31                      
   31  jge #0xe5, 145, 146                     
   32  jeq #0xd9, 146, 145                     
   33  jge #0x66, 34, 41                       
   34  jge #0x9e, 35, 40                       
   35  jge #0xba, 36, 39                       
   36  jge #0xca, 37, 38                       
   37  jeq #0xcb, 145, 146                     
   38  jge #0xbb, 145, 146                     
   39  jge #0x9f, 145, 146                     
   40  jeq #0x83, 146, 145                     
   41  jge #0x35, 42, 53                       
   42  jge #0x49, 43, 44                       
   43  jge #0x65, 148, 145                     
   44  jge #0x40, 45, 46                       
   45  jge #0x48, 146, 145                     
   46  jge #0x3b, 47, 50                       
   47  jge #0x3d, 48, 49                       
   48  jge #0x3f, 146, 145                     
   49  jge #0x3c, 146, 147                     
   50  jge #0x38, 51, 52                       
   51  jge #0x39, 145, 143                     
   52  jge #0x36, 146, 145                     
   53  jge #0x1d, 54, 61                       
   54  jge #0x27, 55, 60                       
   55  jge #0x2c, 146, 56                      
   56  jge #0x29, 57, 59                       
   57  jge #0x2a, 58, 133                      
   58  jge #0x2b, 145, 146                     
   59  jge #0x28, 145, 146                     
   60  jeq #0x23, 146, 145                     
   61  jge #0x10, 62, 66                       
   62  jge #0x18, 63, 65                       
   63  jge #0x19, 64, 146                      
   64  jge #0x1c, 146, 145                     
   65  jeq #0x11, 146, 145                     
   66  jge #0x8, 67, 68                        
   67  jeq #0xa, 131, 146                      
   68  jge #0x4, 69, 70                        
   69  jeq #0x5, 146, 145                      
   70  jeq #0x2, 145, 146                      
aarch64:
   71  ld [nr]                                  ; nr
   72  jge #0xac, 73, 102                      
   73  jge #0x106, 74, 81                      
   74  jge #0x126, 75, 76                      
   75  jeq #0x1b3, 149, 145                    
   76  jge #0x116, 77, 145                     
   77  jge #0x11a, 78, 79                      
   78  jge #0x125, 146, 145                    
   79  jge #0x117, 80, 146                     
   80  jge #0x119, 147, 145                    
   81  jge #0xd5, 82, 94                       
   82  jge #0xe3, 83, 87                       
   83  jge #0xf2, 84, 86                       
   84  jge #0xf3, 85, 146                      
   85  jge #0x105, 146, 145                    
   86  jeq #0xe9, 146, 145                     
   87  jge #0xdc, 88, 92                       
   88  jge #0xdf, 89, 90                       
   89  jge #0xe2, 131, 145                     
   90  jge #0xdd, 91, 143                      
   91  jge #0xde, 146, 147                     
   92  jge #0xd8, 145, 93                      
   93  jge #0xd6, 146, 145                     
   94  jge #0xc6, 95, 99                       
   95  jge #0xcb, 146, 96                      
   96  jge #0xc8, 97, 98                       
   97  jge #0xca, 145, 146                     
   98  jge #0xc7, 145, 133                     
   99  jge #0xb3, 145, 100                     
  100  jge #0xad, 101, 146                     
  101  jge #0xb2, 146, 145                     
  102  jge #0x66, 103, 114                     
  103  jge #0x8c, 104, 105                     
  104  jeq #0xa0, 146, 145                     
  105  jge #0x7b, 106, 111                     
  106  jge #0x83, 107, 110                     
  107  jge #0x88, 108, 109                     
  108  jge #0x8b, 146, 145                     
  109  jeq #0x85, 145, 146                     
  110  jge #0x7d, 145, 146                     
  111  jge #0x71, 112, 145                     
  112  jge #0x72, 113, 146                     
  113  jeq #0x75, 148, 145                     
  114  jge #0x38, 115, 127                     
  115  jge #0x51, 116, 120                     
  116  jge #0x5d, 117, 145                     
  117  jge #0x62, 118, 119                     
  118  jeq #0x64, 145, 146                     
  119  jge #0x5f, 145, 146                     
  120  jge #0x44, 121, 122                     
  121  jge #0x4e, 146, 145                     
  122  jge #0x3d, 123, 125                     
  123  jge #0x41, 124, 146                     
  124  jge #0x43, 146, 145                     
  125  jge #0x3a, 126, 146                     
  126  jeq #0x3b, 146, 145                     
  127  jge #0x1a, 145, 128                     
  128  jge #0x13, 129, 145                     
  129  jge #0x17, 130, 146                     
  130  jge #0x19, 146, 145                     
mprotect:
  131  ld [args[2].w0]                          ; prot.lo (go-service.pol:15)
  132  jset #0x4, 145, 146                      ; (go-service.pol:15)
socket:
  133  ld [args[0].w0]                          ; domain.lo (go-service.pol:26)
  134  jeq #0x2, 135, 138                       ; (go-service.pol:26)
  135  ld [args[1].w0]                          ; type.lo (go-service.pol:26)
  136  and #0xf                                 ; (go-service.pol:26)
  137  jeq #0x1, 146, 138                       ; (go-service.pol:26)
  138  ld [args[0].w0]                          ; domain.lo (go-service.pol:26)
  139  jeq #0xa, 140, 145                       ; (go-service.pol:26)
  140  ld [args[1].w0]                          ; type.lo (go-service.pol:26)
  141  and #0xf                                 ; (go-service.pol:26)
  142  jeq #0x1, 146, 145                       ; (go-service.pol:26)
clone:
  143  ld [args[0].w0]                          ; flags.lo (go-service.pol:22)
  144  jset #0x10000, 146, 145                  ; (go-service.pol:22)
kill-process:
  145  ret kill-process                        
allow:
  146  ret allow                               
errno(EACCES):
  147  ret errno(13)                           
errno(EPERM):
  148  ret errno(1)                            
errno(ENOSYS):
  149  ret errno(38)                           
