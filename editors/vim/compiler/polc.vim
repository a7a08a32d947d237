" Vim compiler file: `:compiler polc` then `:make` checks the current policy
" with `polc --check` and fills the quickfix list: one entry per error or
" warning at its file:line:col, with its code, message and help lines.
if exists("current_compiler")
  finish
endif
let current_compiler = "polc"
if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif
let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=polc\ --check\ --color\ never\ %:S
" FILE:LINE:COL: error[CODE]: MESSAGE, then help:/note: lines that belong to
" it; the source excerpt lines (` 4 | ...`, `   | ^~~`) are dropped.
CompilerSet errorformat=%E%f:%l:%c:\ error%m,
      \%W%f:%l:%c:\ warning%m,
      \%-C\ %.%#,
      \%+Chelp:\ %.%#,
      \%+Cnote:\ %.%#,
      \%-G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
