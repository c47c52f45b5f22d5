#!/usr/bin/env zsh
# SPDX-License-Identifier: GPL-3.0-or-later
# Types WORDS and <Tab> into an interactive zsh (in a pseudo-terminal, zsh/zpty) whose fpath
# starts with FPATH_DIR, and prints the matches zsh's completion system finds, one per line,
# sorted: compadd is wrapped to print what the real one matched (issue #15).
# Usage: zsh tests/zsh-complete.zsh FPATH_DIR 'indexlens export --chart re'
zmodload zsh/zpty
zpty capture zsh -f -i
local line out=""
zpty -w capture "PROMPT=''; RPROMPT=''; fpath=(${(q)1} \$fpath)"
zpty -w capture 'autoload -U compinit; compinit -u -D'
zpty -w capture 'bindkey "^I" complete-word'
zpty -w capture "zstyle ':completion:*' insert-tab false"
zpty -w capture 'mark_end() { print -r -- "@@END@@" }; comppostfuncs=(mark_end)'
# What the real compadd matched (-A), with the prefixes it would insert (compset -P's IPREFIX,
# -P, -p); calls that only ask (-O, -A, -D) go straight through.
zpty -w capture 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  local -a __hits __p __P
  builtin compadd -A __hits "$@"
  zparseopts -E p:=__p P:=__P
  local h; for h in $__hits; do print -r -- "@@<$IPREFIX${__P[2]}${__p[2]}$h>@@"; done
}'
zpty -w capture 'print -r -- @@READY@@'
repeat 200; do
  zpty -r -t capture line || { sleep 0.05; continue }
  [[ $line == @@READY@@* ]] && break
done
zpty -w -n capture "$2"$'\t'
repeat 400; do
  zpty -r -t capture line || { sleep 0.05; continue }
  out+=$line
  [[ $line == *@@END@@* ]] && break
done
zpty -d capture
# No answer is an answer of its own, never taken for "no match".
[[ $out == *@@END@@* ]] || { print -r -- "(zsh gave no answer)"; exit 2 }
out=${out//@@</$'\n'@@<}
local -a found
found=(${(M)${(f)out}:#@@<*>@@*})
found=(${${found#@@<}%>@@*})
print -rl -- ${(o)found}
