" polc policies
autocmd BufRead,BufNewFile *.pol set filetype=polc
