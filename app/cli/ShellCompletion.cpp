// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellCompletion.h"

#include "CommandRegistry.h"

namespace indexlens {

namespace {

enum class ValueKind { None, Choices, Symbols, Files };

ValueKind valueKind(const QString &valueName, const QStringList &choices)
{
    if (!choices.isEmpty()) return ValueKind::Choices;
    if (valueName.contains(QLatin1String("SYM")) || valueName.startsWith(QLatin1String("A,B")))
        return ValueKind::Symbols;
    if (valueName.startsWith(QLatin1String("FILE")) || valueName == QLatin1String("PATH"))
        return ValueKind::Files;
    return ValueKind::None;
}

// The shell code that completes a value of this kind. The functions it calls are each shell's
// (see the adapters below), so the same line serves bash and zsh.
QString completeValue(ValueKind kind, const QStringList &choices)
{
    switch (kind) {
    case ValueKind::Choices:
        return QStringLiteral("_indexlens_offer ") + choices.join(QLatin1Char(' '));
    case ValueKind::Symbols:
        return QStringLiteral("_indexlens_complete_symbols");
    case ValueKind::Files:
        return QStringLiteral("_indexlens_complete_files");
    case ValueKind::None:
        break;
    }
    return QStringLiteral("_indexlens_offer"); // nothing to offer (a date, a number)
}

QString optionNames(const std::vector<CommandOption> &options)
{
    QStringList names;
    for (const CommandOption &o : options)
        names << QStringLiteral("--") + o.name;
    return names.join(QLatin1Char(' '));
}

// case arms "COMMAND --option) CODE ;;" for every option that takes a value; `command` "*" for
// the global options.
QString valueArms(const QString &command, const std::vector<CommandOption> &options)
{
    QString arms;
    for (const CommandOption &o : options) {
        if (o.valueName.isEmpty()) continue;
        arms +=
            QStringLiteral("        \"%1 --%2\") %3 ;;\n")
                .arg(command, o.name, completeValue(valueKind(o.valueName, o.choices), o.choices));
    }
    arms.replace(QStringLiteral("\"* --"), QStringLiteral("*\" --"));
    return arms;
}

// The positional arguments' kind: "FILE..." files, "[SYM...]" symbols.
ValueKind positionalKind(const QString &positional)
{
    QString name = positional;
    name.remove(QLatin1Char('['));
    return valueKind(name, {});
}

QString takesValueArms(const CommandRegistry &registry)
{
    QStringList patterns;
    for (const CommandOption &o : CommandRegistry::globalOptions())
        if (!o.valueName.isEmpty()) patterns << QStringLiteral("*\" --%1\"").arg(o.name);
    for (const Command &c : registry.commands())
        for (const CommandOption &o : c.options)
            if (!o.valueName.isEmpty())
                patterns << QStringLiteral("\"%1 --%2\"").arg(c.name, o.name);
    return QStringLiteral("        %1) return 0 ;;\n").arg(patterns.join(QLatin1Char('|')));
}

// The logic both shells run, on bash's names: COMP_WORDS[1] the first word after `indexlens`,
// COMP_WORDS[COMP_CWORD] the one being completed; zsh's adapter sets them from its own (bash and
// zsh alike index them from 1 there). `_indexlens_offer WORDS` offers those of WORDS the word
// being completed starts.
QString sharedBody(const CommandRegistry &registry)
{
    QString values, options, positional;
    QStringList commands;
    for (const Command &c : registry.commands()) {
        commands << c.name;
        values += valueArms(c.name, c.options);
        options +=
            QStringLiteral("        %1) names=(%2) ;;\n").arg(c.name, optionNames(c.options));
        if (!c.positional.isEmpty())
            positional += QStringLiteral("        %1) %2 ;;\n")
                              .arg(c.name, completeValue(positionalKind(c.positional), {}));
    }
    values += valueArms(QStringLiteral("*"), CommandRegistry::globalOptions());
    return QStringLiteral(R"(
# The cache the command line names (--db), else the default one.
_indexlens_symbols()
{
    local i db=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == --db ]] && db=(--db "${COMP_WORDS[i + 1]}")
    done
    command indexlens "${db[@]}" --format csv list 2>/dev/null | tail -n +2 | cut -d, -f1
}

_indexlens_takes_value()
{
    case "$1 $2" in
%1        *) return 1 ;;
    esac
}

_indexlens_complete()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]} command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} == -* ]]; then
            _indexlens_takes_value "$command" "${COMP_WORDS[i]}" && ((i++))
        elif [[ -z $command ]]; then
            command=${COMP_WORDS[i]}
        fi
    done
    if [[ $prev == --* ]] && _indexlens_takes_value "$command" "$prev"; then
        case "$command $prev" in
%2        esac
        return
    fi
    if [[ $cur == -* ]]; then
        local names=()
        case "$command" in
%3        esac
        _indexlens_offer "${names[@]}" %4
        return
    fi
    if [[ -z $command ]]; then
        _indexlens_offer %5
        return
    fi
    case "$command" in
%6        *) _indexlens_offer ;;
    esac
}
)")
        .arg(takesValueArms(registry), values, options,
             optionNames(CommandRegistry::globalOptions()), commands.join(QLatin1Char(' ')),
             positional);
}

QString header(const QString &shell)
{
    return QStringLiteral("# SPDX-License-Identifier: GPL-3.0-or-later\n"
                          "# %1 completion for indexlens. Generated by `indexlens "
                          "--generate-completion %1`\n# from the command registry: edit the "
                          "registry, not this file.\n")
        .arg(shell);
}

} // namespace

QString bashCompletion(const CommandRegistry &registry)
{
    return header(QStringLiteral("bash")) + sharedBody(registry) + QStringLiteral(R"bash(
_indexlens_offer()
{
    COMPREPLY=($(compgen -W "$*" -- "$cur"))
}

# A list (--symbols IWM,S) completes its last item; any letter case.
_indexlens_complete_symbols()
{
    local prefix="" word=$cur
    if [[ $cur == *,* ]]; then prefix=${cur%,*},; word=${cur##*,}; fi
    COMPREPLY=($(compgen -P "$prefix" -W "$(_indexlens_symbols)" -- "${word^^}"))
}

_indexlens_complete_files()
{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _indexlens_complete indexlens
)bash");
}

QString zshCompletion(const CommandRegistry &registry)
{
    return QStringLiteral("#compdef indexlens\n") + header(QStringLiteral("zsh")) +
           sharedBody(registry) + QStringLiteral(R"zsh(
_indexlens_offer()
{
    compadd -- "$@"
}

# A list (--symbols IWM,S) completes its last item; any letter case.
_indexlens_complete_symbols()
{
    compset -P '*,'
    compadd -M 'm:{a-z}={A-Z}' -- ${(f)"$(_indexlens_symbols)"}
}

_indexlens_complete_files()
{
    _files
}

# zsh's words and CURRENT as bash's COMP_WORDS and COMP_CWORD: without `indexlens` in front,
# the first argument is COMP_WORDS[1] in zsh's arrays as in bash's.
_indexlens()
{
    local -a COMP_WORDS
    COMP_WORDS=("${(@)words[2,-1]}")
    local COMP_CWORD=$((CURRENT - 1))
    _indexlens_complete
}

_indexlens "$@"
)zsh");
}

} // namespace indexlens
