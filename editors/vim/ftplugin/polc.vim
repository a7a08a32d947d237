" polc policies: polc fmt's layout (4 spaces) and `#` comments.
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1
setlocal expandtab shiftwidth=4 softtabstop=4
setlocal comments=:# commentstring=#\ %s
" :%!polc fmt - formats the whole buffer (gq on a part of a policy cannot parse)
let b:undo_ftplugin = "setlocal expandtab< shiftwidth< softtabstop< comments< commentstring<"
