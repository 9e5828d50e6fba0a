#include "terminal/terminalemulation.h"

#include <vterm.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

// libvterm 0.1.4's CSI_ARGS_MAX: a 17th parameter is written past its array.
constexpr int MaxCsiParameters = 16;

constexpr char32_t WideContinuation = 0xFFFFFFFF; // libvterm's mark for a wide char's right half

// The Tango palette (GNOME Terminal's default) for the 16 ANSI colours: readable on
// a dark background, where xterm's pure blue is not.
constexpr std::array<QRgb, 16> AnsiColors = {
    0xff2e3436, 0xffcc0000, 0xff4e9a06, 0xffc4a000, 0xff3465a4, 0xff75507b, 0xff06989a, 0xffd3d7cf,
    0xff555753, 0xffef2929, 0xff8ae234, 0xfffce94f, 0xff729fcf, 0xffad7fa8, 0xff34e2e2, 0xffeeeeec,
};

// xterm's 256-colour layout: 16 ANSI colours, a 6x6x6 cube, 24 greys. Programs pick
// these by number, expecting xterm's values, so we do not use libvterm's own ramp.
std::array<QRgb, 256> xtermPalette()
{
    std::array<QRgb, 256> palette{};
    std::copy(AnsiColors.begin(), AnsiColors.end(), palette.begin());
    constexpr int levels[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};
    for (int i = 0; i < 216; ++i)
        palette[16 + i] = qRgb(levels[i / 36], levels[(i / 6) % 6], levels[i % 6]);
    for (int i = 0; i < 24; ++i) {
        const int v = 8 + 10 * i;
        palette[232 + i] = qRgb(v, v, v);
    }
    return palette;
}

VTermModifier toVTermModifier(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

VTermKey toVTermKey(int key, bool keypad)
{
    switch (key) {
    case Qt::Key_Return:
        return VTERM_KEY_ENTER;
    case Qt::Key_Enter:
        return keypad ? VTERM_KEY_KP_ENTER : VTERM_KEY_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return VTERM_KEY_TAB;
    case Qt::Key_Backspace:
        return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape:
        return VTERM_KEY_ESCAPE;
    case Qt::Key_Up:
        return VTERM_KEY_UP;
    case Qt::Key_Down:
        return VTERM_KEY_DOWN;
    case Qt::Key_Left:
        return VTERM_KEY_LEFT;
    case Qt::Key_Right:
        return VTERM_KEY_RIGHT;
    case Qt::Key_Insert:
        return VTERM_KEY_INS;
    case Qt::Key_Delete:
        return VTERM_KEY_DEL;
    case Qt::Key_Home:
        return VTERM_KEY_HOME;
    case Qt::Key_End:
        return VTERM_KEY_END;
    case Qt::Key_PageUp:
        return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown:
        return VTERM_KEY_PAGEDOWN;
    default:
        break;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(key - Qt::Key_F1 + 1));
    if (!keypad)
        return VTERM_KEY_NONE;
    // The keypad sends its own codes only in application keypad mode (DECKPAM);
    // otherwise libvterm falls back to the plain character.
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return VTermKey(VTERM_KEY_KP_0 + (key - Qt::Key_0));
    switch (key) {
    case Qt::Key_Asterisk:
        return VTERM_KEY_KP_MULT;
    case Qt::Key_Plus:
        return VTERM_KEY_KP_PLUS;
    case Qt::Key_Comma:
        return VTERM_KEY_KP_COMMA;
    case Qt::Key_Minus:
        return VTERM_KEY_KP_MINUS;
    case Qt::Key_Period:
        return VTERM_KEY_KP_PERIOD;
    case Qt::Key_Slash:
        return VTERM_KEY_KP_DIVIDE;
    case Qt::Key_Equal:
        return VTERM_KEY_KP_EQUAL;
    default:
        return VTERM_KEY_NONE;
    }
}

// Ctrl+key as xterm sends it: the C0 control code. libvterm would send CSI u
// sequences for Ctrl+I/J/M/[ (to tell them from Tab, LF, CR and Esc), which shells
// and most programs do not understand; students expect Ctrl+J and Ctrl+[ to work.
std::optional<char> controlCode(int key)
{
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return char(key - Qt::Key_A + 1);
    switch (key) {
    case Qt::Key_At:
    case Qt::Key_Space:
    case Qt::Key_2:
        return '\0';
    case Qt::Key_BracketLeft:
    case Qt::Key_3:
        return '\x1b';
    case Qt::Key_Backslash:
    case Qt::Key_4:
        return '\x1c';
    case Qt::Key_BracketRight:
    case Qt::Key_5:
        return '\x1d';
    case Qt::Key_AsciiCircum:
    case Qt::Key_6:
        return '\x1e';
    case Qt::Key_Underscore:
    case Qt::Key_Slash:
    case Qt::Key_7:
        return '\x1f';
    case Qt::Key_Question:
    case Qt::Key_8:
        return '\x7f';
    default:
        return std::nullopt;
    }
}

// The bits of a 4-byte libvterm value, to compare styles cheaply. Unused bits make
// equal styles look different at worst, which only costs a recomputation.
template <class T>
quint32 rawBits(const T &value)
{
    static_assert(sizeof(T) == sizeof(quint32));
    quint32 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

bool isBlankForScrollback(const VTermScreenCell &c)
{
    return (c.chars[0] == 0 || c.chars[0] == ' ') && VTERM_COLOR_IS_DEFAULT_BG(&c.bg) &&
           !c.attrs.reverse && !c.attrs.underline && !c.attrs.strike;
}

QString textOf(const uint32_t *chars, int max)
{
    if (chars[0] == 0 || chars[0] == WideContinuation)
        return {};
    int n = 0;
    while (n < max && chars[n] != 0)
        ++n;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(chars), n);
}

void appendCellText(QString &line, const TerminalCell &cell)
{
    if (cell.width == 0)
        return;
    if (cell.text.isEmpty())
        line += u' ';
    else
        line += cell.text;
}

QString trimmedRight(QString text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1) == u' ')
        --end;
    text.truncate(end);
    return text;
}

} // namespace

// libvterm calls plain C functions with a user pointer; these forward to the object.
struct TerminalEmulationCallbacks
{
    static TerminalEmulation *self(void *user) { return static_cast<TerminalEmulation *>(user); }

    static QRgb resolve(const TerminalEmulation *e, const VTermColor &c, bool foreground)
    {
        if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c))
            return foreground ? e->m_defaultForeground : e->m_defaultBackground;
        if (VTERM_COLOR_IS_INDEXED(&c))
            return e->m_palette[c.indexed.idx];
        return qRgb(c.rgb.red, c.rgb.green, c.rgb.blue);
    }

    static TerminalCell toCell(const TerminalEmulation *e, const VTermScreenCell &c)
    {
        TerminalCell cell;
        cell.text = textOf(c.chars, VTERM_MAX_CHARS_PER_CELL);
        cell.width = c.chars[0] == WideContinuation ? 0 : std::max<int>(1, c.width);
        cell.defaultForeground = VTERM_COLOR_IS_DEFAULT_FG(&c.fg);
        cell.defaultBackground = VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
        cell.foreground = QColor(resolve(e, c.fg, true));
        cell.background = QColor(resolve(e, c.bg, false));
        cell.bold = c.attrs.bold;
        cell.italic = c.attrs.italic;
        cell.underline = TerminalCell::Underline(c.attrs.underline);
        cell.reverse = c.attrs.reverse;
        cell.strike = c.attrs.strike;
        cell.blink = c.attrs.blink;
        return cell;
    }

    static TerminalCell toCell(const ScrollbackBuffer::Line &line, int column)
    {
        const ScrollbackBuffer::PackedCell &p = line.cells[size_t(column)];
        TerminalCell cell;
        if (p.ch != 0 && p.ch != WideContinuation) {
            cell.text = QString::fromUcs4(&p.ch, 1);
            if (p.flags & ScrollbackBuffer::HasCombining) {
                for (const auto &extra : line.combining) {
                    if (extra.column != column)
                        continue;
                    int n = 0;
                    while (n < int(extra.chars.size()) && extra.chars[size_t(n)] != 0)
                        ++n;
                    cell.text += QString::fromUcs4(extra.chars.data(), n);
                }
            }
        }
        cell.width = p.ch == WideContinuation ? 0 : p.width;
        cell.foreground = QColor(p.foreground);
        cell.background = QColor(p.background);
        cell.defaultForeground = p.flags & ScrollbackBuffer::DefaultForeground;
        cell.defaultBackground = p.flags & ScrollbackBuffer::DefaultBackground;
        cell.bold = p.flags & ScrollbackBuffer::Bold;
        cell.italic = p.flags & ScrollbackBuffer::Italic;
        cell.blink = p.flags & ScrollbackBuffer::Blink;
        cell.reverse = p.flags & ScrollbackBuffer::Reverse;
        cell.strike = p.flags & ScrollbackBuffer::Strike;
        cell.underline = TerminalCell::Underline((p.flags & ScrollbackBuffer::UnderlineMask) >>
                                                 ScrollbackBuffer::UnderlineShift);
        return cell;
    }

    static int damage(VTermRect rect, void *user)
    {
        self(user)->damageRows(rect.start_row, rect.end_row);
        return 1;
    }

    static int moverect(VTermRect dest, VTermRect src, void *user)
    {
        Q_UNUSED(src);
        self(user)->damageRows(dest.start_row, dest.end_row);
        return 1;
    }

    static int movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
    {
        Q_UNUSED(oldpos);
        // Called for nearly every glyph: only remember; damage is worked out once
        // per feed in finishUpdate().
        TerminalEmulation *e = self(user);
        e->m_cursorRow = pos.row;
        e->m_cursorColumn = pos.col;
        e->m_cursorVisible = visible;
        return 1;
    }

    static int settermprop(VTermProp prop, VTermValue *val, void *user)
    {
        TerminalEmulation *e = self(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            e->m_cursorVisible = val->boolean;
            break;
        case VTERM_PROP_ALTSCREEN:
            if (e->m_altScreen != bool(val->boolean)) {
                e->m_altScreen = val->boolean;
                e->m_altScreenPending = true;
                e->damageAll();
            }
            break;
        case VTERM_PROP_TITLE: {
            const QString title = QString::fromUtf8(val->string);
            if (title != e->m_title) {
                e->m_title = title;
                e->m_titlePending = true;
            }
            break;
        }
        case VTERM_PROP_REVERSE:
            e->m_reverseVideo = val->boolean;
            e->damageAll();
            break;
        case VTERM_PROP_MOUSE: {
            const auto mode = TerminalEmulation::MouseMode(std::clamp(val->number, 0, 3));
            if (mode != e->m_mouseMode) {
                e->m_mouseMode = mode;
                e->m_mouseModePending = true;
            }
            break;
        }
        default:
            break;
        }
        return 1;
    }

    static int bell(void *user)
    {
        self(user)->m_bellPending = true;
        return 1;
    }

    static int resize(int rows, int cols, void *user)
    {
        TerminalEmulation *e = self(user);
        e->m_rows = rows;
        e->m_columns = cols;
        e->m_damage.resize(rows);
        e->damageAll();
        return 1;
    }

    static int pushline(int cols, const VTermScreenCell *cells, void *user)
    {
        TerminalEmulation *e = self(user);
        // libvterm already skips the alternate screen; the check keeps that a rule of ours.
        if (e->m_altScreen || e->m_scrollback.capacity() == 0)
            return 1;
        int used = cols;
        while (used > 0 && isBlankForScrollback(cells[used - 1]))
            --used;
        ScrollbackBuffer::Line &line = e->m_scrollback.pushLine();
        line.cells.resize(size_t(used));
        // Runs of cells share one style: resolve colours and flags once per run. This
        // is the hottest code of ours when a program floods the terminal.
        quint32 lastFg = ~0u;
        quint32 lastBg = ~0u;
        quint32 lastAttrs = ~0u;
        QRgb foreground = 0;
        QRgb background = 0;
        quint16 style = 0;
        for (int col = 0; col < used; ++col) {
            const VTermScreenCell &c = cells[col];
            const quint32 fgRaw = rawBits(c.fg);
            const quint32 bgRaw = rawBits(c.bg);
            const quint32 attrsRaw = rawBits(c.attrs);
            if (fgRaw != lastFg || bgRaw != lastBg || attrsRaw != lastAttrs) {
                lastFg = fgRaw;
                lastBg = bgRaw;
                lastAttrs = attrsRaw;
                foreground = resolve(e, c.fg, true);
                background = resolve(e, c.bg, false);
                style = quint16(c.attrs.underline << ScrollbackBuffer::UnderlineShift);
                if (VTERM_COLOR_IS_DEFAULT_FG(&c.fg))
                    style |= ScrollbackBuffer::DefaultForeground;
                if (VTERM_COLOR_IS_DEFAULT_BG(&c.bg))
                    style |= ScrollbackBuffer::DefaultBackground;
                if (c.attrs.bold)
                    style |= ScrollbackBuffer::Bold;
                if (c.attrs.italic)
                    style |= ScrollbackBuffer::Italic;
                if (c.attrs.blink)
                    style |= ScrollbackBuffer::Blink;
                if (c.attrs.reverse)
                    style |= ScrollbackBuffer::Reverse;
                if (c.attrs.strike)
                    style |= ScrollbackBuffer::Strike;
            }
            ScrollbackBuffer::PackedCell &p = line.cells[size_t(col)];
            p.ch = c.chars[0];
            p.width = c.width == 2 ? 2 : 1;
            p.foreground = foreground;
            p.background = background;
            p.flags = style;
            if (c.chars[0] != 0 && c.chars[0] != WideContinuation && c.chars[1] != 0) {
                p.flags |= ScrollbackBuffer::HasCombining;
                ScrollbackBuffer::Combining extra;
                extra.column = col;
                for (size_t i = 0; i < extra.chars.size() && c.chars[i + 1] != 0; ++i)
                    extra.chars[i] = c.chars[i + 1];
                line.combining.push_back(extra);
            }
        }
        return 1;
    }

    static void setColor(VTermColor &out, QRgb rgb, bool isDefault, VTermColorType defaultFlag)
    {
        vterm_color_rgb(&out, quint8(qRed(rgb)), quint8(qGreen(rgb)), quint8(qBlue(rgb)));
        if (isDefault)
            out.type |= defaultFlag;
    }

    static int popline(int cols, VTermScreenCell *cells, void *user)
    {
        TerminalEmulation *e = self(user);
        if (e->m_altScreen || e->m_scrollback.size() == 0)
            return 0;
        const ScrollbackBuffer::Line &line = e->m_scrollback.at(e->m_scrollback.size() - 1);
        bool previousWide = false;
        for (int col = 0; col < cols; ++col) {
            VTermScreenCell &c = cells[col];
            c = VTermScreenCell{};
            if (size_t(col) >= line.cells.size()) {
                setColor(c.fg, e->m_defaultForeground, true, VTERM_COLOR_DEFAULT_FG);
                setColor(c.bg, e->m_defaultBackground, true, VTERM_COLOR_DEFAULT_BG);
                c.width = 1;
                previousWide = false;
                continue;
            }
            const ScrollbackBuffer::PackedCell &p = line.cells[size_t(col)];
            // libvterm walks the row by cell width: every width must be >= 1, and a
            // continuation mark is only valid right after a wide character.
            c.chars[0] = (p.ch == WideContinuation && !previousWide) ? 0 : p.ch;
            c.width = char(std::max<int>(1, p.width));
            if (c.width == 2 && col == cols - 1) {
                // The line was wider; a wide character no longer fits in the last
                // column. libvterm 0.1.4 would write its right half through a null
                // pointer (getcell() past the edge), so it becomes a blank.
                c.chars[0] = 0;
                c.width = 1;
            }
            if (c.chars[0] != 0 && (p.flags & ScrollbackBuffer::HasCombining)) {
                for (const auto &extra : line.combining) {
                    if (extra.column != col)
                        continue;
                    // Keep one zero terminator inside the 6-slot array.
                    for (size_t i = 0; i + 2 < VTERM_MAX_CHARS_PER_CELL && extra.chars[i] != 0; ++i)
                        c.chars[i + 1] = extra.chars[i];
                }
            }
            c.attrs.bold = (p.flags & ScrollbackBuffer::Bold) != 0;
            c.attrs.italic = (p.flags & ScrollbackBuffer::Italic) != 0;
            c.attrs.blink = (p.flags & ScrollbackBuffer::Blink) != 0;
            c.attrs.reverse = (p.flags & ScrollbackBuffer::Reverse) != 0;
            c.attrs.strike = (p.flags & ScrollbackBuffer::Strike) != 0;
            c.attrs.underline =
                (p.flags & ScrollbackBuffer::UnderlineMask) >> ScrollbackBuffer::UnderlineShift;
            setColor(c.fg, p.foreground, p.flags & ScrollbackBuffer::DefaultForeground,
                     VTERM_COLOR_DEFAULT_FG);
            setColor(c.bg, p.background, p.flags & ScrollbackBuffer::DefaultBackground,
                     VTERM_COLOR_DEFAULT_BG);
            previousWide = c.width == 2 && c.chars[0] != 0 && c.chars[0] != WideContinuation;
        }
        e->m_scrollback.popNewest();
        return 1;
    }

    static void output(const char *bytes, size_t len, void *user)
    {
        self(user)->queueOutput(bytes, len);
    }

    static const VTermScreenCallbacks screenCallbacks;
};

const VTermScreenCallbacks TerminalEmulationCallbacks::screenCallbacks = {
    &TerminalEmulationCallbacks::damage,     &TerminalEmulationCallbacks::moverect,
    &TerminalEmulationCallbacks::movecursor, &TerminalEmulationCallbacks::settermprop,
    &TerminalEmulationCallbacks::bell,       &TerminalEmulationCallbacks::resize,
    &TerminalEmulationCallbacks::pushline,   &TerminalEmulationCallbacks::popline,
};

TerminalEmulation::TerminalEmulation(int rows, int columns, QObject *parent)
    : QObject(parent)
    , m_rows(std::max(1, rows))
    , m_columns(std::max(MinColumns, columns))
    , m_palette(xtermPalette())
    , m_defaultForeground(AnsiColors[7])
    , m_defaultBackground(qRgb(0x1e, 0x1e, 0x1e))
    , m_damage(m_rows)
{
    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &TerminalEmulationCallbacks::output, this);
    m_state = vterm_obtain_state(m_vterm);
    m_screen = vterm_obtain_screen(m_vterm);
    vterm_screen_set_callbacks(m_screen, &TerminalEmulationCallbacks::screenCallbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    // Merge damage up to whole-screen scrolls: a flood of lines costs one damage
    // report per feed instead of one per glyph; we flush at the end of each feed.
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    applyColors();
    vterm_screen_reset(m_screen, 1);
    m_pendingOutput.clear();
    m_titlePending = m_altScreenPending = m_mouseModePending = m_bellPending = false;
    damageAll();
}

TerminalEmulation::~TerminalEmulation()
{
    vterm_free(m_vterm);
}

void TerminalEmulation::feed(const QByteArray &bytes)
{
    feed(bytes.constData(), bytes.size());
}

void TerminalEmulation::feed(const char *bytes, qsizetype size)
{
    if (size <= 0)
        return;
    if (!m_heldString.isEmpty()) {
        m_heldString.append(bytes, size);
        const QByteArray joined = std::exchange(m_heldString, {});
        feedWhole(joined.constData(), joined.size());
        return;
    }
    feedWhole(bytes, size);
}

void TerminalEmulation::feedWhole(const char *bytes, qsizetype size)
{
    // libvterm 0.1.4 drops an OSC/DCS string (a title, say) that is split across two
    // vterm_input_write() calls, and a pty read can end anywhere. So an unfinished
    // sequence at the end of the chunk is held back and fed with the next chunk; that
    // also leaves libvterm's parser at rest between feeds (see repairAfterResize()).
    const qsizetype open = incompleteSequenceStart(bytes, size);
    if (open >= 0 && size - open <= MaxHeldString) {
        m_heldString = QByteArray(bytes + open, size - open);
        size = open;
    } else if (open >= 0 && open + 1 < size && bytes[open + 1] == '[') {
        // No real CSI is that long; its tail will show as text, harmlessly, while
        // feeding it would let libvterm count parameters we can no longer check.
        size = open;
    }
    if (size > 0) {
        writeGuarded(bytes, size);
        vterm_screen_flush_damage(m_screen);
    }
    finishUpdate();
}

void TerminalEmulation::writeGuarded(const char *bytes, qsizetype size)
{
    // libvterm 0.1.4 trusts some sequences it should not; any program can print them,
    // so they are checked on the way in (a memchr for ESC, then a look at CSIs):
    // - REP (CSI n b, "repeat the last character") loops forever when no character
    //   was printed yet, and writes a wide character's right half through a null
    //   pointer when a copy lands in the last column. ncurses, the one real user,
    //   sends REP right after the ASCII character it repeats ("x" CSI n b): that form
    //   is passed on, others are dropped.
    // - Restoring a saved cursor (DECRC, leaving the alternate screen) does not clip
    //   a position saved before the screen shrank; the next line operation then
    //   writes out of bounds. The cursor is put back on the screen right after.
    // - A CSI with more than 16 parameters overruns libvterm's parameter array: dropped.
    // - Scroll margins (DECSTBM) are noted for repairAfterResize().
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes);
    const auto *end = begin + size;
    const unsigned char *unwritten = begin;
    auto writeUpTo = [&](const unsigned char *to) {
        if (to > unwritten)
            vterm_input_write(m_vterm, reinterpret_cast<const char *>(unwritten),
                              size_t(to - unwritten));
        unwritten = to;
    };
    const unsigned char *scan = begin;
    while (scan < end) {
        const auto *esc =
            static_cast<const unsigned char *>(::memchr(scan, 0x1b, size_t(end - scan)));
        if (!esc || end - esc < 2)
            break;
        scan = esc + 1;
        if (esc[1] == '8') { // DECRC
            writeUpTo(esc + 2);
            repairCursor();
            continue;
        }
        if (esc[1] != '[' || end - esc < 3)
            continue;
        const unsigned char *final = esc + 2;
        const unsigned char leader = (*final >= 0x3c && *final <= 0x3f) ? *final++ : 0;
        int parameters[2] = {0, 0};
        int separators = 0;
        int value = 0;
        bool restoresCursor = false;
        for (; final < end; ++final) {
            const unsigned char c = *final;
            if (c == ';' || c == ':') {
                restoresCursor |= value == 1048 || value == 1049;
                ++separators;
                value = 0;
            } else if (c >= '0' && c <= '9') {
                value = std::min(value * 10 + (c - '0'), 0xffff);
                if (separators < 2)
                    parameters[separators] = value;
            } else if ((c < 0x20 && c != 0x1b && c != 0x18 && c != 0x1a) ||
                       (c >= 0x3c && c <= 0x3f)) {
                // C0 controls run in the middle of a CSI without ending it.
            } else {
                break;
            }
        }
        restoresCursor |= value == 1048 || value == 1049;
        while (final < end && *final >= 0x20 && *final <= 0x2f)
            ++final; // intermediates
        const bool finished = final < end && *final >= 0x40 && *final <= 0x7e;
        if (separators >= MaxCsiParameters) {
            // More parameters than libvterm's array holds: it would write past its end
            // while reading them, whatever ends the sequence. Nobody needs 17.
            writeUpTo(esc);
            unwritten = scan = finished ? final + 1 : final;
            continue;
        }
        if (!finished) {
            scan = final; // cancelled (ESC, CAN, SUB) or malformed: look again from there
            continue;
        }
        scan = final + 1;
        if (leader == '?') {
            if (restoresCursor && (*final == 'l' || *final == 'h')) {
                writeUpTo(final + 1);
                repairCursor();
            }
            continue;
        }
        if (leader != 0)
            continue;
        if (*final == 'r') {
            m_marginTop = parameters[0];
            m_marginBottom = parameters[1];
        } else if (*final == 'b' && !asciiGlyphBefore(begin, esc)) {
            // Dropped: we cannot see which glyph libvterm would repeat.
            writeUpTo(esc);
            unwritten = final + 1;
        }
    }
    writeUpTo(end);
}

bool TerminalEmulation::asciiGlyphBefore(const unsigned char *begin, const unsigned char *at)
{
    // True when the byte before `at` is a printable ASCII character that was printed,
    // not the tail of an escape sequence: the pattern ncurses emits ("x" CSI n b).
    if (at == begin || at[-1] < 0x20 || at[-1] > 0x7e)
        return false;
    const unsigned char *glyph = at - 1;
    const auto *esc =
        static_cast<const unsigned char *>(::memrchr(begin, 0x1b, size_t(glyph - begin)));
    if (!esc)
        return true;
    // Where does the sequence started by that last ESC end? (It contains no ESC.)
    const unsigned char *p = esc + 1;
    if (p == glyph)
        return false; // ESC x: x is the final byte
    switch (*p) {
    case '[':
        ++p;
        while (p < glyph && *p >= 0x20 && *p <= 0x3f)
            ++p;
        return p < glyph && *p >= 0x40 && *p <= 0x7e;
    case ']':
    case 'P':
    case '_':
    case '^':
    case 'X':
        return ::memchr(p, 0x07, size_t(glyph - p)) != nullptr;
    default:
        while (p < glyph && *p >= 0x20 && *p <= 0x2f)
            ++p;
        return p < glyph;
    }
}

qsizetype TerminalEmulation::incompleteSequenceStart(const char *bytes, qsizetype size)
{
    // Only the bytes after the last ESC can be an unfinished sequence (a string may
    // contain no ESC but its terminator, and a CSI none at all).
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes);
    const auto *end = begin + size;
    const void *found = ::memrchr(begin, 0x1b, size_t(size));
    if (!found)
        return -1;
    const auto *esc = static_cast<const unsigned char *>(found);
    const qsizetype start = esc - begin;
    const unsigned char *next = esc + 1;
    if (next == end) {
        // A trailing ESC may start anything, or be the first half of the ST that ends
        // a string: hold it, with the string it may end. (ESC ESC aborts any string,
        // which also keeps this from recursing more than once.)
        if (esc == begin || esc[-1] == 0x1b)
            return start;
        const qsizetype string = incompleteSequenceStart(bytes, start);
        return string >= 0 ? string : start;
    }
    auto hasByteIn = [&](const unsigned char *from, unsigned char low, unsigned char high) {
        return std::any_of(from, end, [&](unsigned char c) { return c >= low && c <= high; });
    };
    switch (*next) {
    case ']': // OSC, DCS, APC, PM, SOS: end at BEL or ST (ESC \, whose ESC would be last)
    case 'P':
    case '_':
    case '^':
    case 'X':
        return ::memchr(next, 0x07, size_t(end - next)) ? -1 : start;
    case '[': // CSI: parameters and intermediates, then a final byte 0x40..0x7e
        return hasByteIn(next + 1, 0x40, 0x7e) ? -1 : start;
    default:
        if (*next >= 0x20 && *next <= 0x2f) // intermediates, then a final byte
            return hasByteIn(next + 1, 0x30, 0x7e) ? -1 : start;
        return -1;
    }
}

void TerminalEmulation::resize(int rows, int columns)
{
    rows = std::max(1, rows);
    columns = std::max(MinColumns, columns);
    if (rows == m_rows && columns == m_columns)
        return;
    vterm_set_size(m_vterm, rows, columns);
    repairAfterResize(rows, columns);
    vterm_screen_flush_damage(m_screen);
    m_rows = rows;
    m_columns = columns;
    m_damage.resize(rows);
    damageAll();
    finishUpdate();
}

void TerminalEmulation::repairAfterResize(int rows, int columns)
{
    // libvterm 0.1.4 leaves two things broken after a resize, and the next bytes
    // then write through bad pointers:
    // - the cursor can be off the screen: shrinking scrolls the content up to keep
    //   non-blank bottom rows and moves the cursor up by as much, below row 0 when it
    //   was near the top;
    // - scroll margins (DECSTBM) are not clipped: a top margin below the new last row
    //   makes the next scroll move a negative number of rows.
    // We fix both with ordinary sequences, fed while libvterm's parser is at rest
    // (unfinished sequences are held back, see feedWhole()).
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    QByteArray fix;
    if ((m_marginTop > 0 && m_marginTop >= rows) || m_marginBottom > rows) {
        // Reset the margins; that homes the cursor, and with full-screen margins CUP
        // is absolute even in origin mode, so put it back where it was.
        fix = "\x1b[r\x1b[" + QByteArray::number(std::clamp(pos.row, 0, rows - 1) + 1) + ';' +
              QByteArray::number(std::clamp(pos.col, 0, columns - 1) + 1) + 'H';
        m_marginTop = 0;
        m_marginBottom = 0;
        vterm_input_write(m_vterm, fix.constData(), size_t(fix.size()));
        return;
    }
    repairCursor();
}

void TerminalEmulation::repairCursor()
{
    // Relative moves bring the cursor back whatever the origin mode.
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    QByteArray fix;
    if (pos.row < 0)
        fix += "\x1b[" + QByteArray::number(-pos.row) + 'B';
    else if (pos.row >= m_rows)
        fix += "\x1b[" + QByteArray::number(pos.row - m_rows + 1) + 'A';
    if (pos.col < 0)
        fix += "\x1b[" + QByteArray::number(-pos.col) + 'C';
    else if (pos.col >= m_columns)
        fix += "\x1b[" + QByteArray::number(pos.col - m_columns + 1) + 'D';
    if (!fix.isEmpty())
        vterm_input_write(m_vterm, fix.constData(), size_t(fix.size()));
}

void TerminalEmulation::reset()
{
    m_heldString.clear();
    m_marginTop = 0;
    m_marginBottom = 0;
    vterm_screen_reset(m_screen, 1);
    vterm_screen_flush_damage(m_screen);
    damageAll();
    finishUpdate();
}

TerminalEmulation::Cell TerminalEmulation::cellAt(int row, int column) const
{
    VTermScreenCell c;
    if (row < 0 || row >= m_rows || column < 0 || column >= m_columns ||
        !vterm_screen_get_cell(m_screen, VTermPos{row, column}, &c)) {
        Cell blank;
        blank.foreground = defaultForeground();
        blank.background = defaultBackground();
        return blank;
    }
    return TerminalEmulationCallbacks::toCell(this, c);
}

QList<TerminalEmulation::Cell> TerminalEmulation::screenLine(int row) const
{
    QList<Cell> cells;
    cells.reserve(m_columns);
    for (int col = 0; col < m_columns; ++col)
        cells.append(cellAt(row, col));
    return cells;
}

QString TerminalEmulation::lineText(int row) const
{
    QString text;
    for (int col = 0; col < m_columns; ++col)
        appendCellText(text, cellAt(row, col));
    return trimmedRight(std::move(text));
}

QList<TerminalEmulation::Cell> TerminalEmulation::scrollbackLine(int i) const
{
    QList<Cell> cells;
    if (i < 0 || i >= m_scrollback.size())
        return cells;
    const ScrollbackBuffer::Line &line = m_scrollback.at(i);
    cells.reserve(qsizetype(line.cells.size()));
    for (size_t col = 0; col < line.cells.size(); ++col)
        cells.append(TerminalEmulationCallbacks::toCell(line, int(col)));
    return cells;
}

QString TerminalEmulation::scrollbackLineText(int i) const
{
    QString text;
    for (const Cell &cell : scrollbackLine(i))
        appendCellText(text, cell);
    return trimmedRight(std::move(text));
}

void TerminalEmulation::setScrollbackLimit(int lines)
{
    m_scrollback.setCapacity(lines);
}

void TerminalEmulation::clearScrollback()
{
    m_scrollback.clear();
}

void TerminalEmulation::setDefaultColors(const QColor &foreground, const QColor &background)
{
    m_defaultForeground = foreground.rgb();
    m_defaultBackground = background.rgb();
    applyColors();
    damageAll();
    finishUpdate();
}

QColor TerminalEmulation::paletteColor(int index) const
{
    return QColor(m_palette[size_t(std::clamp(index, 0, 255))]);
}

void TerminalEmulation::setPaletteColor(int index, const QColor &color)
{
    if (index < 0 || index > 255)
        return;
    m_palette[size_t(index)] = color.rgb();
    applyColors();
    damageAll();
    finishUpdate();
}

void TerminalEmulation::applyColors()
{
    // We resolve colours ourselves (see resolve()); telling libvterm keeps its own
    // view consistent for the day it answers colour queries.
    VTermColor fg;
    VTermColor bg;
    vterm_color_rgb(&fg, quint8(qRed(m_defaultForeground)), quint8(qGreen(m_defaultForeground)),
                    quint8(qBlue(m_defaultForeground)));
    vterm_color_rgb(&bg, quint8(qRed(m_defaultBackground)), quint8(qGreen(m_defaultBackground)),
                    quint8(qBlue(m_defaultBackground)));
    vterm_state_set_default_colors(m_state, &fg, &bg);
    for (int i = 0; i < 16; ++i) {
        VTermColor c;
        const QRgb rgb = m_palette[size_t(i)];
        vterm_color_rgb(&c, quint8(qRed(rgb)), quint8(qGreen(rgb)), quint8(qBlue(rgb)));
        vterm_state_set_palette_color(m_state, i, &c);
    }
}

bool TerminalEmulation::sendKey(int key, Qt::KeyboardModifiers modifiers, const QString &text)
{
    int mod = toVTermModifier(modifiers);
    const VTermKey vkey = toVTermKey(key, modifiers & Qt::KeypadModifier);
    if (vkey != VTERM_KEY_NONE) {
        if (key == Qt::Key_Backtab)
            mod |= VTERM_MOD_SHIFT;
        vterm_keyboard_key(m_vterm, vkey, VTermModifier(mod));
        finishUpdate();
        return true;
    }
    if (modifiers & Qt::ControlModifier) {
        if (const auto code = controlCode(key)) {
            if (modifiers & Qt::AltModifier)
                m_pendingOutput += '\x1b';
            m_pendingOutput += *code;
            finishUpdate();
            return true;
        }
    }
    if (text.isEmpty())
        return false;
    // Ctrl combinations without a control code (Ctrl+1) type the plain character as
    // xterm does; Alt prefixes ESC ("meta sends escape"), libvterm does that.
    const auto altOnly = VTermModifier(mod & VTERM_MOD_ALT);
    for (const char32_t u : text.toUcs4()) {
        if (u < 0x20 || u == 0x7f)
            m_pendingOutput += char(u); // a control character the keyboard layout produced
        else
            vterm_keyboard_unichar(m_vterm, u, altOnly);
    }
    finishUpdate();
    return true;
}

void TerminalEmulation::sendText(const QString &text)
{
    for (const char32_t u : text.toUcs4())
        vterm_keyboard_unichar(m_vterm, u, VTERM_MOD_NONE);
    finishUpdate();
}

void TerminalEmulation::paste(const QString &text)
{
    QString data = text;
    data.replace(u"\r\n"_s, u"\r"_s);
    data.replace(u'\n', u'\r');
    // A pasted "ESC[201~" would end bracketed paste early and let the rest of the
    // clipboard run as typed commands: drop it (xterm and VTE do the same).
    data.remove(u"\x1b[201~"_s);
    vterm_keyboard_start_paste(m_vterm);
    m_pendingOutput += data.toUtf8();
    vterm_keyboard_end_paste(m_vterm);
    finishUpdate();
}

void TerminalEmulation::sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers)
{
    // libvterm 0.1.4 encodes mouse events even when no mouse mode is on.
    if (m_mouseMode == MouseMode::None)
        return;
    vterm_mouse_move(m_vterm, std::clamp(row, 0, m_rows - 1), std::clamp(column, 0, m_columns - 1),
                     toVTermModifier(modifiers));
    finishUpdate();
}

void TerminalEmulation::sendMouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers)
{
    if (m_mouseMode == MouseMode::None)
        return;
    vterm_mouse_button(m_vterm, button, pressed, toVTermModifier(modifiers));
    finishUpdate();
}

void TerminalEmulation::setFocused(bool focused)
{
    if (focused)
        vterm_state_focus_in(m_state);
    else
        vterm_state_focus_out(m_state);
    finishUpdate();
}

QBitArray TerminalEmulation::takeDamage()
{
    QBitArray damage = m_damage;
    m_damage.fill(false);
    m_damaged = false;
    m_changeSignalled = false;
    return damage;
}

void TerminalEmulation::damageRows(int first, int end)
{
    first = std::max(first, 0);
    end = std::min(end, int(m_damage.size()));
    if (first >= end)
        return;
    m_damage.fill(true, first, end);
    m_damaged = true;
}

void TerminalEmulation::finishUpdate()
{
    if (m_cursorRow != m_drawnCursorRow || m_cursorColumn != m_drawnCursorColumn ||
        m_cursorVisible != m_drawnCursorVisible) {
        damageRows(m_drawnCursorRow, m_drawnCursorRow + 1);
        damageRows(m_cursorRow, m_cursorRow + 1);
        m_drawnCursorRow = m_cursorRow;
        m_drawnCursorColumn = m_cursorColumn;
        m_drawnCursorVisible = m_cursorVisible;
    }
    if (!m_pendingOutput.isEmpty()) {
        QByteArray output;
        output.swap(m_pendingOutput);
        Q_EMIT outputReady(output);
    }
    if (std::exchange(m_titlePending, false))
        Q_EMIT titleChanged(m_title);
    if (std::exchange(m_altScreenPending, false))
        Q_EMIT altScreenChanged(m_altScreen);
    if (std::exchange(m_mouseModePending, false))
        Q_EMIT mouseModeChanged(m_mouseMode);
    if (std::exchange(m_bellPending, false))
        Q_EMIT bell();
    if (m_damaged && !m_changeSignalled) {
        m_changeSignalled = true;
        Q_EMIT contentChanged();
    }
}

} // namespace koker
