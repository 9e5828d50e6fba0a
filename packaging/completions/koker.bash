# bash completion for koker
_koker()
{
    local cur prev words cword
    _init_completion || return
    local groups="image container network"
    local top="run create start ps exec logs stop kill rm inspect port images rmi import tag pull load save history login logout"
    local cmd="" group="" i
    for ((i = 1; i < cword; i++)); do
        case "${words[i]}" in
            -*) ;;
            image|i|container|c|network) group=${words[i]} ;;
            *) [[ -z $cmd ]] && cmd=${words[i]} ;;
        esac
    done
    if [[ -z $group && -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$groups $top -D --debug -q --quiet --root --runroot --help --version" -- "$cur"))
        return
    fi
    case "$group" in
        image|i) [[ -z $cmd ]] && { COMPREPLY=($(compgen -W "import ls rm inspect tag prune pull load save history" -- "$cur")); return; } ;;
        container|c) [[ -z $cmd ]] && { COMPREPLY=($(compgen -W "run create start ls exec logs stop kill rm inspect" -- "$cur")); return; } ;;
        network) [[ -z $cmd ]] && { COMPREPLY=($(compgen -W "ls inspect create rm" -- "$cur")); return; } ;;
    esac
    case "$cmd" in
        run|create)
            COMPREPLY=($(compgen -W "--rm -d -i -t --name -h --hostname -e --env -w --workdir --entrypoint -u --user -m --memory --memory-swap --cpus --pids-limit --network -p --publish -v --volume --privileged --cap-add --cap-drop --step" -- "$cur")) ;;
        exec|logs|stop|kill|rm|start|inspect|port)
            COMPREPLY=($(compgen -W "$(koker ps -a 2>/dev/null | awk 'NR > 1 { print $NF }')" -- "$cur")) ;;
        rmi|tag|history|save)
            COMPREPLY=($(compgen -W "$(koker images 2>/dev/null | awk 'NR > 1 { print $1 ":" $2 }')" -- "$cur")) ;;
    esac
}
complete -F _koker koker
