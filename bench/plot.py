"""bench/all's plot: every case as a ratio to its peer (or target), one panel per
section, Koker's bars in colour, the target as a dashed line. Lower is better
except for throughput (marked)."""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TITLES = {
    "run": "run /bin/true (÷ runc)",
    "exec": "exec /bin/true (÷ runc)",
    "pull": "pull ~100 MB (÷ skopeo+umoci)",
    "fifty": "start 50 containers (÷ runc)",
    "memory": "idle memory (÷ podman service)",
    "studio": "studio (÷ target)",
    "seccomp": "seccomp filter load (÷ the same rules as a list)",
    "terminal": "terminal MB/s (÷ target, higher is better)",
    "timeline": "timeline, 10 000 steps (÷ 60 fps frame)",
}


def main(path, png, subtitle):
    sections = {}
    for section, case, value, unit, base, name, target in csv.reader(open(path), delimiter="\t"):
        try:
            r = float(value) / float(base) if base else None
        except (ValueError, ZeroDivisionError):
            r = None
        if r is None:
            continue
        goal = float(target) if target else (1.0 if name in ("target", "60 fps") else None)
        sections.setdefault(section, []).append((case, r, goal))
    if not sections:
        print("plot: nothing to draw", file=sys.stderr)
        return 1
    fig, axes = plt.subplots(len(sections), 1, figsize=(9, 1.2 + 0.55 * sum(len(v) + 1 for v in sections.values())),
                             squeeze=False)
    for ax, (section, cases) in zip(axes[:, 0], sections.items()):
        names = [c[0] for c in cases]
        ratios = [c[1] for c in cases]
        colours = ["#1f6fb2" if n.startswith("koker") or section in ("terminal", "timeline", "studio") else "#b0b0b0"
                   for n in names]
        ax.barh(names, ratios, color=colours)
        for y, r in enumerate(ratios):
            ax.text(r, y, " %.2f" % r, va="center", fontsize=8)
        goals = {c[2] for c in cases if c[2] is not None}
        for g in goals:
            ax.axvline(g, color="#c0392b", linestyle="--", linewidth=1)
        ax.axvline(1.0, color="black", linewidth=0.6)
        ax.set_title(TITLES.get(section, section), fontsize=10, loc="left")
        ax.invert_yaxis()
        ax.tick_params(axis="y", labelsize=8)
        ax.set_xlim(0, max(ratios + list(goals) + [1.0]) * 1.2)
    fig.suptitle("Koker against its peers: ratios (red dashes: targets)\n" + subtitle, fontsize=9)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    return 0


sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ""))
