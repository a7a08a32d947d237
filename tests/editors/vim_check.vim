" Loads editors/vim over each policy given after `--` and checks the syntax
" group of known tokens. Run by check_grammars.sh as
"   vim -u NONE -N -es -i NONE --cmd 'set rtp^=EDITORS/vim' -S vim_check.vim -- LOG FILE...
" Writes one line per problem to LOG and exits non-zero on any problem or
" any Vim error.
set nomore
filetype on
syntax on

let s:log = argv(0)
let s:problems = []
let s:checked = 0

" The syntax group at the first match of pattern (searched from the top), or
" '' when the pattern does not occur.
function! s:group_at(pattern, want) abort
  call cursor(1, 1)
  let l:flags = 'cW'
  while 1
    let l:pos = searchpos(a:pattern, l:flags)
    if l:pos == [0, 0]
      return ''
    endif
    let l:group = synIDattr(synID(l:pos[0], l:pos[1], 1), 'name')
    " the same words in comments do not count
    if l:group !=# 'polcComment' || a:want ==# 'polcComment'
      return l:group
    endif
    let l:flags = 'W'
  endwhile
endfunction

" [pattern, expected group]: checked wherever the pattern occurs; the
" fixture file must contain all of them.
let s:expect = [
      \ ['^\s*\zssyscalls\>', 'polcSection'],
      \ ['^\s*\zsfilesystem\>', 'polcSection'],
      \ ['\<allow\>', 'polcAction'],
      \ ['\<kill-process\>', 'polcAction'],
      \ ['\<errno\ze(', 'polcAction'],
      \ ['^\s*\zskill\ze \l', 'polcAction'],
      \ ['\<when\>', 'polcConditional'],
      \ ['^\s*\zsread\ze /', 'polcItem'],
      \ ['\<read-only\>', 'polcItem'],
      \ ['\<no-new-privileges\>', 'polcItem'],
      \ ['^policy\>', 'polcDeclaration'],
      \ ['^default\>', 'polcDeclaration'],
      \ ['#', 'polcComment'],
      \ ['@basic-io', 'polcGroup'],
      \ ['allow.*\zs\<exit_group\>', 'polcSyscall'],
      \ ['allow.*\zs\<kill\>\ze,', 'polcSyscall'],
      \ ['\<domain\ze in', 'polcArg'],
      \ ['\<flags\ze &', 'polcArg'],
      \ ['\<AF_INET6\>', 'polcConstant'],
      \ ['\<SYS_ADMIN\>', 'polcCapability'],
      \ ['\<x86_64\>', 'polcArch'],
      \ ['\<inet6\>', 'polcNetwork'],
      \ ['\<0x\x\+', 'polcNumber'],
      \ ['user \zs\d\+', 'polcNumber'],
      \ ['==', 'polcOperator'],
      \ ['"[^"]*"', 'polcString'],
      \ ['/etc/', 'polcPath'],
      \ ['include \zs<', 'polcIncludePath'],
      \ ]

for s:file in argv()[1:]
  execute 'edit ' . fnameescape(s:file)
  if &filetype !=# 'polc'
    call add(s:problems, s:file . ": filetype is '" . &filetype . "', not polc (ftdetect)")
    continue
  endif
  if get(b:, 'current_syntax', '') !=# 'polc'
    call add(s:problems, s:file . ': syntax/polc.vim was not loaded')
    continue
  endif
  let s:fixture = s:file =~# 'highlight\.pol$'
  for [s:pattern, s:want] in s:expect
    let s:got = s:group_at(s:pattern, s:want)
    if s:got ==# '' && !s:fixture
      continue
    endif
    let s:checked += 1
    if s:got !=# s:want
      call add(s:problems, s:file . ': /' . s:pattern . '/ is ' . (s:got ==# '' ? 'missing' : s:got) . ', expected ' . s:want)
    endif
  endfor
endfor

if v:errmsg !=# ''
  call add(s:problems, 'Vim error: ' . v:errmsg)
endif
call writefile(s:problems + ['checked ' . s:checked . ' tokens in ' . (argc() - 1) . ' files'], s:log)
if empty(s:problems) && s:checked > 0
  qall!
endif
cquit!
