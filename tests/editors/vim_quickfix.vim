" Reads $QF_INPUT with the polc compiler plugin's errorformat and writes one
" line per valid quickfix entry to $QF_OUTPUT: FILE:LINE:COL TYPE TEXT.
compiler polc
execute 'cgetfile ' . fnameescape($QF_INPUT)
let out = []
for e in getqflist()
  if e.valid
    call add(out, printf('%s:%d:%d %s %s', bufname(e.bufnr), e.lnum, e.col, e.type,
          \ substitute(e.text, '\n', ' | ', 'g')))
  endif
endfor
call writefile(out, $QF_OUTPUT)
qall!
