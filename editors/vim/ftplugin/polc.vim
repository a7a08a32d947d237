" polc policies: polc fmt's layout (4 spaces), `#` comments, and :PolcFmt.
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1
setlocal expandtab shiftwidth=4 softtabstop=4
setlocal comments=:# commentstring=#\ %s
let b:undo_ftplugin = "setlocal expandtab< shiftwidth< softtabstop< comments< commentstring<"
      \ . " | delcommand -buffer PolcFmt"

" :PolcFmt formats the buffer with `polc fmt` (g:polc_command, default polc);
" on a syntax error the buffer stays as it is and the messages are shown.
command! -buffer -bar PolcFmt call s:PolcFmt()

if exists("*s:PolcFmt")
  finish
endif
function! s:PolcFmt() abort
  let l:cmd = get(g:, 'polc_command', 'polc') . ' fmt --stdin-name ' . shellescape(expand('%:t')) . ' -'
  let l:out = systemlist(l:cmd, getline(1, '$'))
  if v:shell_error
    echohl ErrorMsg
    echo join(l:out, "\n")
    echohl None
    return
  endif
  if l:out ==# getline(1, '$')
    return
  endif
  let l:view = winsaveview()
  call setline(1, l:out)
  if line('$') > len(l:out)
    silent execute (len(l:out) + 1) . ',$delete _'
  endif
  call winrestview(l:view)
endfunction
