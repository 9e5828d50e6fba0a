#pragma once

// The display of a terminal: paints a TerminalEmulation's screen and scrollback with
// a monospace font and turns the user's keys, mouse, clipboard and resizes into
// calls on the emulation. It never parses bytes itself. Repaints are coalesced to at
// most one per frame (16 ms) and cover only the rows the emulation reported damaged,
// so a program printing megabytes does not repaint per byte.

#include <QtCore/QBitArray>
#include <QtCore/QElapsedTimer>
#include <QtCore/QHash>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QFont>
#include <QtWidgets/QAbstractScrollArea>

#include <array>

namespace koker {

class TerminalEmulation;
struct TerminalCell;

class TerminalWidget final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalWidget)

public:
    /// What the bell (BEL) does.
    enum class BellMode
    {
        None,
        Visual,  // flash the terminal
        Audible, // QApplication::beep()
        VisualAndAudible,
    };
    Q_ENUM(BellMode)

    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    /// Show this emulation (not owned) and size it to the widget.
    void setEmulation(TerminalEmulation *emulation);
    /// The emulation shown, or null.
    TerminalEmulation *emulation() const { return m_emulation; }

    /// Use this font's family and size (fixed pitch is forced); resets the zoom.
    void setTerminalFont(const QFont &font);
    /// The font in use, zoom included.
    QFont terminalFont() const { return m_fonts[0]; }
    /// Size of one cell in pixels.
    QSize cellSize() const { return {m_cellWidth, m_cellHeight}; }
    /// Rows that fit in the widget.
    int rows() const { return m_rows; }
    /// Columns that fit in the widget.
    int columns() const { return m_columns; }

    /// When read-only, keys, pastes and mouse reports are not sent (selection still works).
    void setReadOnly(bool readOnly);
    /// Whether input is blocked.
    bool isReadOnly() const { return m_readOnly; }
    /// Choose what the bell does (default: visual).
    void setBellMode(BellMode mode) { m_bellMode = mode; }
    /// The bell behaviour.
    BellMode bellMode() const { return m_bellMode; }

    /// Show a message over the terminal (e.g. "process exited") until clearMessage().
    void showMessage(const QString &text);
    /// Remove the overlay message.
    void clearMessage();
    /// The overlay message, empty if none.
    QString message() const { return m_message; }

    /// Whether some text is selected.
    bool hasSelection() const { return m_hasSelection; }
    /// The selected text, lines joined with '\n', trailing blanks removed.
    QString selectedText() const;
    /// Select the text between two on-screen cells (inclusive; rows of the current view).
    void setSelection(int startRow, int startColumn, int endRow, int endColumn);
    /// Forget the selection.
    void clearSelection();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    /// Copy the selection to the clipboard (Ctrl+Shift+C).
    void copy();
    /// Paste the clipboard (Ctrl+Shift+V).
    void paste();
    /// Paste the X11 primary selection (middle click, Shift+Insert).
    void pasteSelection();
    /// Make the font one point larger (Ctrl++).
    void zoomIn();
    /// Make the font one point smaller (Ctrl+-).
    void zoomOut();
    /// Back to the configured font size (Ctrl+0).
    void resetZoom();
    /// Show the live screen (leave the scrollback).
    void scrollToBottom();

Q_SIGNALS:
    /// The grid changed size; the channel forwards it to the program (TIOCSWINSZ).
    void sizeChanged(int rows, int columns);
    /// Enter was pressed while read-only with a message shown (e.g. to reconnect).
    void messageAccepted();
    /// Text was selected or the selection was cleared.
    void selectionChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    // A cell in stable coordinates: line counts from the first line the scrollback
    // ever held, so a selection stays on its text while output scrolls.
    struct Position
    {
        qint64 line = 0;
        int column = 0;
        friend auto operator<=>(const Position &, const Position &) = default;
    };
    enum class SelectionMode
    {
        Character,
        Word,
        Line,
    };
    struct Colors
    {
        QColor foreground;
        QColor background;
    };

    void applyFont(const QFont &font);
    void updateGridSize();
    void scheduleFrame();
    void frame();
    void syncScrollBar();
    void ringBell();

    int viewTop() const;
    QList<TerminalCell> historyLine(int line) const;
    QPoint cellAtPixel(const QPoint &pixel) const;
    Position positionAtPixel(const QPoint &pixel) const;
    std::pair<Position, Position> selectionRange() const;
    bool isSelected(const Position &position, const Position &begin, const Position &end) const;
    int wordBoundary(const QList<TerminalCell> &line, int column, int direction) const;
    bool reportsMouse(Qt::KeyboardModifiers modifiers) const;
    void updateSelection(const QPoint &pixel);
    void finishSelection();
    Colors cellColors(const TerminalCell &cell, bool selected) const;
    bool fitsCell(QChar ch) const;

    void paintLine(QPainter &painter, int viewRow, const QList<TerminalCell> &cells,
                   qint64 stableLine, const Position &selBegin, const Position &selEnd) const;
    void paintCursor(QPainter &painter, const QRect &clip) const;
    void paintDecorations(QPainter &painter, const QRect &rect, const TerminalCell &cell,
                          const QColor &color) const;
    void paintMessage(QPainter &painter) const;

    QPointer<TerminalEmulation> m_emulation;

    QFont m_baseFont;
    int m_zoom = 0;               // points added to the base size
    std::array<QFont, 4> m_fonts; // regular, bold, italic, bold italic
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_underlineOffset = 2; // below the baseline
    int m_strikeOffset = 4;    // above the baseline
    int m_lineWidth = 1;
    mutable QHash<char16_t, bool> m_fitsCache; // glyph advance == one cell?

    int m_rows = 0;
    int m_columns = 0;

    QTimer m_frameTimer;
    QElapsedTimer m_sinceFrame;
    bool m_follow = true; // showing the live screen; new output keeps it there
    bool m_syncingScrollBar = false;
    quint64 m_lastDropped = 0; // scrollback lines dropped at the last scroll bar sync

    bool m_hasSelection = false;
    bool m_selecting = false;
    SelectionMode m_selectionMode = SelectionMode::Character;
    Position m_selectionAnchor;
    Position m_selectionCursor;
    QElapsedTimer m_sinceDoubleClick; // a click soon after a double click selects the line
    QPoint m_doubleClickPixel;

    int m_mouseButtons = 0; // buttons reported to the application as pressed
    int m_wheelDelta = 0;

    bool m_readOnly = false;
    BellMode m_bellMode = BellMode::Visual;
    bool m_flashing = false;
    QTimer m_flashTimer;
    QString m_message;
};

} // namespace koker
