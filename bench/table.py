"""bench/all's table: results.tsv (section, case, value, unit, baseline, its
name, target ratio) as Markdown, one row per case with its ratio to the peer."""
import csv
import sys

SECTIONS = {
    "run": "run /bin/true",
    "exec": "exec /bin/true",
    "pull": "pull + unpack",
    "fifty": "50 containers",
    "memory": "memory",
    "studio": "studio",
    "seccomp": "seccomp load",
    "terminal": "terminal",
    "timeline": "timeline",
}


def main(path):
    rows = list(csv.reader(open(path), delimiter="\t"))
    print("| | case | result | ratio | target |")
    print("|---|---|---:|---:|---:|")
    last = None
    for section, case, value, unit, base, name, target in rows:
        label = SECTIONS.get(section, section) if section != last else ""
        last = section
        ratio = ""
        try:
            if base:
                ratio = "%.2f × %s" % (float(value) / float(base), name)
        except ValueError:
            ratio = "n/a"
        goal = ""
        if target and name and name not in ("target", "60 fps"):
            goal = "≤ %s × %s" % (target, name)
        elif name == "target":
            # A rate is a floor (MB/s), a time or a size a ceiling.
            goal = ("≥ %s %s" if unit.endswith("/s") else "≤ %s %s") % (base, unit)
        elif name == "60 fps":
            goal = "≤ %s %s" % (base, unit)
        strong = case.startswith(("koker", "terminal", "10 000"))
        shown = "**%s**" % case if strong else case
        print("| %s | %s | %s %s | %s | %s |" % (label, shown, value, unit, ratio, goal))


main(sys.argv[1])
