#pragma once

// The terminal emulation: bytes from the program become a screen of cells, and keys,
// mouse and pastes from the user become bytes for the program. libvterm does the
// parsing and keeps the screen (VTermScreen); this class adds the Qt face: a screen
// model for the renderer and for tests, a bounded scrollback, damage tracking so the
// widget repaints only what changed, and signals for output, title and bell.
// No widgets here: the emulation runs headless in tests and benchmarks.

#include "terminal/scrollbackbuffer.h"
#include "terminal/terminalcell.h"

#include <QtCore/QBitArray>
#include <QtCore/QByteArray>
#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPoint>
#include <QtCore/QString>
#include <QtGui/QColor>

#include <array>

struct VTerm;
struct VTermScreen;
struct VTermState;

namespace koker {

struct TerminalEmulationCallbacks;

class TerminalEmulation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalEmulation)

public:
    using Cell = TerminalCell;

    /// What mouse events the application asked for (DECSET 1000/1002/1003).
    enum class MouseMode
    {
        None,  // the mouse belongs to the user: selection and scrolling
        Click, // report presses and releases
        Drag,  // ... and motion while a button is held
        Move,  // ... and all motion
    };
    Q_ENUM(MouseMode)

    /// Scrollback lines kept unless setScrollbackLimit() says otherwise.
    static constexpr int DefaultScrollbackLimit = 10000;
    /// Narrowest screen: libvterm 0.1.4 crashes on a wide character in one column.
    static constexpr int MinColumns = 2;
    /// Longest unfinished escape sequence or string held back for the next feed().
    static constexpr qsizetype MaxHeldString = 4096;

    /// A terminal of rows x columns with an empty screen and no scrollback yet.
    explicit TerminalEmulation(int rows = 24, int columns = 80, QObject *parent = nullptr);
    ~TerminalEmulation() override;

    // --- program -> screen

    /// Parse bytes from the program; emits contentChanged() at most once until takeDamage().
    void feed(const QByteArray &bytes);
    /// Same, for a raw buffer.
    void feed(const char *bytes, qsizetype size);
    /// Resize the screen (no reflow in libvterm 0.1.4: long lines are cut, not rewrapped);
    /// at least 1 row and MinColumns columns.
    void resize(int rows, int columns);
    /// Hard reset (RIS): clear the screen and modes; the scrollback is kept.
    void reset();

    /// Screen height in cells.
    int rows() const { return m_rows; }
    /// Screen width in cells.
    int columns() const { return m_columns; }

    // --- screen model

    /// The cell at a screen position (0-based); a blank default cell when out of range.
    Cell cellAt(int row, int column) const;
    /// All cells of a screen row.
    QList<Cell> screenLine(int row) const;
    /// The text of a screen row, wide characters once, trailing blanks removed.
    QString lineText(int row) const;
    /// Cursor position: x is the column, y the row.
    QPoint cursor() const { return {m_cursorColumn, m_cursorRow}; }
    /// Whether the application shows the cursor (DECTCEM).
    bool isCursorVisible() const { return m_cursorVisible; }
    /// Whether the alternate screen (DECSET 1049/47, full-screen programs) is active.
    bool isAltScreen() const { return m_altScreen; }
    /// Whether the whole screen is in reverse video (DECSCNM).
    bool isReverseVideo() const { return m_reverseVideo; }
    /// The window title set by OSC 0 or OSC 2.
    QString title() const { return m_title; }
    /// The mouse reporting the application enabled.
    MouseMode mouseMode() const { return m_mouseMode; }

    // --- scrollback (main screen only; nothing is recorded on the alternate screen)

    /// Number of lines in the scrollback.
    int scrollbackLines() const { return m_scrollback.size(); }
    /// Scrollback line i, 0 being the oldest; may be shorter than columns() (rest blank).
    QList<Cell> scrollbackLine(int i) const;
    /// The text of scrollback line i, trailing blanks removed.
    QString scrollbackLineText(int i) const;
    /// How many lines the scrollback keeps.
    int scrollbackLimit() const { return m_scrollback.capacity(); }
    /// Change the scrollback bound; 0 disables it.
    void setScrollbackLimit(int lines);
    /// Drop all scrollback lines.
    void clearScrollback();
    /// Lines ever dropped from the old end of the scrollback: a stable origin for anchors.
    quint64 droppedScrollbackLines() const { return m_scrollback.droppedLines(); }

    // --- colours

    /// Colour used where no SGR foreground is set.
    QColor defaultForeground() const { return QColor(m_defaultForeground); }
    /// Colour used where no SGR background is set.
    QColor defaultBackground() const { return QColor(m_defaultBackground); }
    /// Set the default colours (affects the screen, not lines already in the scrollback).
    void setDefaultColors(const QColor &foreground, const QColor &background);
    /// Palette entry 0..255 (16 ANSI colours, 6x6x6 cube, grey ramp).
    QColor paletteColor(int index) const;
    /// Change a palette entry 0..255.
    void setPaletteColor(int index, const QColor &color);

    // --- user -> program (the bytes come out of outputReady)

    /// Encode a key press (a Qt::Key plus modifiers, and the text it typed); false if unknown.
    bool sendKey(int key, Qt::KeyboardModifiers modifiers, const QString &text = {});
    /// Type text (input method commits); each character as a key press.
    void sendText(const QString &text);
    /// Paste text: newlines become CR, wrapped in ESC[200~ ESC[201~ when the app asked.
    void paste(const QString &text);
    /// Report pointer motion to the app (only if its mouse mode wants it).
    void sendMouseMove(int row, int column, Qt::KeyboardModifiers modifiers);
    /// Report a button (1 left, 2 middle, 3 right, 4/5 wheel up/down) to the app.
    void sendMouseButton(int button, bool pressed, Qt::KeyboardModifiers modifiers);
    /// Tell the app about focus changes (only if it enabled DECSET 1004).
    void setFocused(bool focused);

    // --- damage

    /// Screen rows changed since the last call (size rows()), and rearm contentChanged().
    QBitArray takeDamage();

Q_SIGNALS:
    /// Bytes for the program: encoded keys, mouse reports, answers to queries (DA, DSR).
    void outputReady(const QByteArray &bytes);
    /// The screen changed; emitted once, then again only after takeDamage().
    void contentChanged();
    /// OSC 0/2 changed the title.
    void titleChanged(const QString &title);
    /// The program rang the bell (BEL); at most once per feed().
    void bell();
    /// The alternate screen was entered or left.
    void altScreenChanged(bool altScreen);
    /// The application changed its mouse reporting mode.
    void mouseModeChanged(koker::TerminalEmulation::MouseMode mode);

private:
    friend struct TerminalEmulationCallbacks;

    void feedWhole(const char *bytes, qsizetype size);
    static qsizetype incompleteSequenceStart(const char *bytes, qsizetype size);
    void writeGuarded(const char *bytes, qsizetype size);
    static bool asciiGlyphBefore(const unsigned char *begin, const unsigned char *at);
    void repairAfterResize(int rows, int columns);
    void repairCursor();
    void damageRows(int first, int end);
    void damageAll() { damageRows(0, m_rows); }
    void queueOutput(const char *bytes, size_t size)
    {
        m_pendingOutput.append(bytes, qsizetype(size));
    }
    void finishUpdate();
    void applyColors();

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    VTermState *m_state = nullptr;
    int m_rows = 0;
    int m_columns = 0;

    ScrollbackBuffer m_scrollback{DefaultScrollbackLimit};
    std::array<QRgb, 256> m_palette{};
    QRgb m_defaultForeground = 0;
    QRgb m_defaultBackground = 0;

    QBitArray m_damage;
    bool m_damaged = false;
    bool m_changeSignalled = false;

    int m_cursorRow = 0;
    int m_cursorColumn = 0;
    bool m_cursorVisible = true;
    int m_drawnCursorRow = 0; // where the cursor was at the last finishUpdate()
    int m_drawnCursorColumn = 0;
    bool m_drawnCursorVisible = true;

    bool m_altScreen = false;
    bool m_reverseVideo = false;
    QString m_title;
    MouseMode m_mouseMode = MouseMode::None;

    // Collected while libvterm runs and emitted afterwards, so no slot runs (and
    // perhaps feeds us again) from inside vterm_input_write().
    QByteArray m_pendingOutput;
    int m_marginTop = 0; // the last DECSTBM's parameters (1-based, 0 = default)
    int m_marginBottom = 0;
    QByteArray m_heldString; // an escape sequence or string cut by the end of the last feed()
    bool m_titlePending = false;
    bool m_altScreenPending = false;
    bool m_mouseModePending = false;
    bool m_bellPending = false;
};

} // namespace koker
