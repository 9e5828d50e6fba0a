#pragma once

// The lines that scrolled off the top of the main screen, in a bounded ring. Cells
// are stored packed (16 bytes, colours already resolved to RGB) and trailing blank
// cells are dropped, so 10 000 lines of an 80-column terminal cost a few MB. Slots
// are recycled when the ring is full: a busy terminal does not allocate per line.
// The buffer knows nothing about libvterm; TerminalEmulation converts cells.

#include <QtGui/QRgb>

#include <array>
#include <cstdint>
#include <vector>

namespace koker {

class ScrollbackBuffer
{
public:
    /// Bits of PackedCell::flags.
    enum Flag : quint16
    {
        Bold = 1 << 0,
        Italic = 1 << 1,
        Blink = 1 << 2,
        Reverse = 1 << 3,
        Strike = 1 << 4,
        UnderlineShift = 5, // two bits: TerminalCell::Underline
        UnderlineMask = 3 << UnderlineShift,
        DefaultForeground = 1 << 7,
        DefaultBackground = 1 << 8,
        HasCombining = 1 << 9, // more code points in the line's combining list
    };

    struct PackedCell
    {
        char32_t ch = 0; // 0: blank; 0xFFFFFFFF: right half of a wide character
        QRgb foreground = 0;
        QRgb background = 0;
        quint16 flags = DefaultForeground | DefaultBackground;
        quint8 width = 1;
    };

    /// The code points after the first one of a cell (combining marks).
    struct Combining
    {
        int column = 0;
        std::array<char32_t, 5> chars{}; // zero-terminated unless full
    };

    struct Line
    {
        std::vector<PackedCell> cells; // may be shorter than the terminal: the rest is blank
        std::vector<Combining> combining;
    };

    explicit ScrollbackBuffer(int capacity = 10000);

    /// Number of stored lines.
    int size() const { return m_count; }
    /// Most lines kept; older ones are dropped. 0 disables the scrollback.
    int capacity() const { return m_capacity; }
    /// Change the bound, keeping the newest lines.
    void setCapacity(int capacity);
    /// Lines dropped from the old end since creation; anchors positions across drops.
    quint64 droppedLines() const { return m_dropped; }

    /// Line i, 0 being the oldest.
    const Line &at(int i) const;
    /// A slot that becomes the newest line (the oldest is dropped when full); its
    /// cells hold stale data to overwrite. Only call with capacity() > 0.
    Line &pushLine();
    /// Forget the newest line (it moved back onto the screen).
    void popNewest();
    /// Forget everything.
    void clear();

private:
    int physical(int i) const { return (m_start + i) % static_cast<int>(m_lines.size()); }

    std::vector<Line> m_lines;
    int m_capacity = 0;
    int m_start = 0;
    int m_count = 0;
    quint64 m_dropped = 0;
};

} // namespace koker
