#pragma once

// One character cell of the terminal screen as the model exposes it to tests and to
// the renderer: the grapheme, how many columns it covers, resolved colours and the
// SGR attributes. Colours are always resolved to RGB (palette, 256 colours and
// truecolor alike) and the "default" flags say whether the application asked for a
// colour at all, so a renderer can let the default background show through.

#include <QtCore/QString>
#include <QtGui/QColor>

namespace koker {

struct TerminalCell
{
    /// How a cell is underlined (SGR 4, 21 and 4:3).
    enum class Underline : quint8
    {
        None,
        Single,
        Double,
        Curly,
    };

    QString text;  // base character plus combining marks; empty for a blank cell
    int width = 1; // 1, 2 for wide CJK/emoji, 0 for the right half of a wide character
    QColor foreground;
    QColor background;
    bool defaultForeground = true; // no SGR foreground is in effect
    bool defaultBackground = true; // no SGR background is in effect
    bool bold = false;
    bool italic = false;
    Underline underline = Underline::None;
    bool reverse = false; // SGR 7, already combined with DECSCNM (whole screen reversed)
    bool strike = false;
    bool blink = false;

    friend bool operator==(const TerminalCell &, const TerminalCell &) = default;
};

} // namespace koker
