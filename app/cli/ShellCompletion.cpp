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

// How each shell offers words: bash fills COMPREPLY, zsh calls compadd (which matches the word
// being completed itself).
struct Dialect {
    QString offer;   // %1: the words, separated by spaces
    QString nothing; // no completion (a date, a number)
    QString files;
};

const Dialect kBash{QStringLiteral("COMPREPLY=($(compgen -W \"%1\" -- \"$cur\"))"),
                    QStringLiteral("COMPREPLY=()"), QStringLiteral("_indexlens_complete_files")};
const Dialect kZsh{QStringLiteral("compadd -- %1"), QStringLiteral(":"), QStringLiteral("_files")};

// The shell code that completes a value of this kind.
QString completeValue(const Dialect &dialect, ValueKind kind, const QStringList &choices)
{
    switch (kind) {
    case ValueKind::Choices:
        return dialect.offer.arg(choices.join(QLatin1Char(' ')));
    case ValueKind::Symbols:
        return QStringLiteral("_indexlens_complete_symbols");
    case ValueKind::Files:
        return dialect.files;
    case ValueKind::None:
        break;
    }
    return dialect.nothing;
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
QString valueArms(const Dialect &dialect, const QString &command,
                  const std::vector<CommandOption> &options)
{
    QString arms;
    for (const CommandOption &o : options) {
        if (o.valueName.isEmpty()) continue;
        arms += QStringLiteral("        \"%1 --%2\") %3 ;;\n")
                    .arg(command, o.name,
                         completeValue(dialect, valueKind(o.valueName, o.choices), o.choices));
    }
    arms.replace(QStringLiteral("\"* --"), QStringLiteral("*\" --"));
    return arms;
}

QString bashHelpers()
{
    return QStringLiteral(R"(_indexlens_complete_symbols()
{
    # The cache the command line names (--db), else the default one; a list completes its last item.
    local i prefix="" word=$cur db=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${COMP_WORDS[i]} == --db ]] && db=(--db "${COMP_WORDS[i + 1]}")
    done
    if [[ $cur == *,* ]]; then prefix=${cur%,*},; word=${cur##*,}; fi
    local symbols
    symbols=$(command indexlens "${db[@]}" --format csv list 2>/dev/null | tail -n +2 | cut -d, -f1)
    COMPREPLY=($(compgen -P "$prefix" -W "$symbols" -- "${word^^}"))
}

_indexlens_complete_files()
{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
)");
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

// The case arms the two scripts share, written for one shell.
struct Arms {
    QString takesValue, values, options, positional, globals, commands;
};

Arms armsFor(const CommandRegistry &registry, const Dialect &dialect)
{
    Arms arms;
    arms.takesValue = takesValueArms(registry);
    QStringList commands;
    for (const Command &c : registry.commands()) {
        commands << c.name;
        arms.values += valueArms(dialect, c.name, c.options);
        arms.options +=
            QStringLiteral("        %1) names=\"%2\" ;;\n").arg(c.name, optionNames(c.options));
        if (!c.positional.isEmpty())
            arms.positional +=
                QStringLiteral("        %1) %2 ;;\n")
                    .arg(c.name, completeValue(dialect, positionalKind(c.positional), {}));
    }
    arms.values += valueArms(dialect, QStringLiteral("*"), CommandRegistry::globalOptions());
    arms.globals = optionNames(CommandRegistry::globalOptions());
    arms.commands = commands.join(QLatin1Char(' '));
    return arms;
}

} // namespace

QString bashCompletion(const CommandRegistry &registry)
{
    const Arms arms = armsFor(registry, kBash);
    const QString script = QStringLiteral(R"(
_indexlens_takes_value()
{
    case "$1 $2" in
%1        *) return 1 ;;
    esac
}

_indexlens()
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
        local names=""
        case "$command" in
%3        esac
        COMPREPLY=($(compgen -W "$names %4" -- "$cur"))
        return
    fi
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "%5" -- "$cur"))
        return
    fi
    case "$command" in
%6        *) COMPREPLY=() ;;
    esac
}
complete -F _indexlens indexlens
)")
                               .arg(arms.takesValue, arms.values, arms.options, arms.globals,
                                    arms.commands, arms.positional);
    return QStringLiteral("# SPDX-License-Identifier: GPL-3.0-or-later\n"
                          "# bash completion for indexlens. Generated by `indexlens "
                          "--generate-completion bash`\n# from the command registry: edit the "
                          "registry, not this file.\n\n") +
           bashHelpers() + script;
}

QString zshCompletion(const CommandRegistry &registry)
{
    const Arms arms = armsFor(registry, kZsh);
    const QString script = QStringLiteral(R"zsh(
_indexlens_complete_symbols()
{
    # The cache the command line names (--db), else the default one; a list completes its last
    # item; any letter case.
    local i
    local -a db symbols
    for ((i = 2; i < CURRENT; i++)); do
        [[ ${words[i]} == --db ]] && db=(--db "${words[i + 1]}")
    done
    symbols=(${(f)"$(command indexlens "${db[@]}" --format csv list 2>/dev/null | tail -n +2 | cut -d, -f1)"})
    compset -P '*,'
    compadd -M 'm:{a-z}={A-Z}' -- "${symbols[@]}"
}

_indexlens_takes_value()
{
    case "$1 $2" in
%1        *) return 1 ;;
    esac
}

_indexlens()
{
    local cur=${words[CURRENT]} prev=${words[CURRENT - 1]} command="" i
    for ((i = 2; i < CURRENT; i++)); do
        if [[ ${words[i]} == -* ]]; then
            _indexlens_takes_value "$command" "${words[i]}" && ((i++))
        elif [[ -z $command ]]; then
            command=${words[i]}
        fi
    done
    if [[ $prev == --* ]] && _indexlens_takes_value "$command" "$prev"; then
        case "$command $prev" in
%2        esac
        return
    fi
    if [[ $cur == -* ]]; then
        local names=""
        case "$command" in
%3        esac
        compadd -- ${=names} %4
        return
    fi
    if [[ -z $command ]]; then
        compadd -- %5
        return
    fi
    case "$command" in
%6        *) : ;
        ;
        esac
    }

_indexlens "$@"
)zsh")
                               .arg(arms.takesValue, arms.values, arms.options, arms.globals,
                                    arms.commands, arms.positional);
    return QStringLiteral("#compdef indexlens\n# SPDX-License-Identifier: GPL-3.0-or-later\n"
                          "# zsh completion for indexlens. Generated by `indexlens "
                          "--generate-completion zsh`\n# from the command registry: edit the "
                          "registry, not this file.\n") +
           script;
}

} // namespace indexlens
