#include "terminal/terminalwidget.h"

#include "terminal/terminalcell.h"
#include "terminal/terminalemulation.h"

#include <QtGui/QClipboard>
#include <QtGui/QFontMetrics>
#include <QtGui/QGuiApplication>
#include <QtGui/QInputMethodEvent>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace koker {

namespace {

constexpr int FrameMs = 16;   // at most one repaint per frame (~60 Hz)
constexpr int FlashMs = 120;  // visual bell
constexpr int WheelLines = 3; // lines or arrow keys per wheel notch
constexpr qreal MinPointSize = 4;
constexpr qreal MaxPointSize = 72;

// Characters that belong to a "word" for double-click selection besides letters and
// digits: enough to grab a path, a URL or an image reference in one click.
const QString &extraWordChars()
{
    static const QString chars = u"-./_~:@+%#=?&"_s;
    return chars;
}

// 0: blank, 1: word, otherwise the code of a punctuation character (each its own class).
int charClass(const TerminalCell &cell)
{
    if (cell.text.isEmpty())
        return 0;
    const QChar ch = cell.text.at(0);
    if (ch.isSpace())
        return 0;
    if (ch.isLetterOrNumber() || ch.isSurrogate() || cell.width == 2 ||
        extraWordChars().contains(ch))
        return 1;
    return 2 + ch.unicode();
}

void appendCellText(QString &line, const TerminalCell &cell)
{
    if (cell.width == 0)
        return;
    line += cell.text.isEmpty() ? u" "_s : cell.text;
}

QString trimmedRight(QString text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1) == u' ')
        --end;
    text.truncate(end);
    return text;
}

// Ctrl+Tab stays with the application (switching tabs or panes).
bool isCtrlTab(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) &&
           (key->modifiers() & Qt::ControlModifier);
}

int buttonNumber(Qt::MouseButton button)
{
    switch (button) {
    case Qt::LeftButton:
        return 1;
    case Qt::MiddleButton:
        return 2;
    case Qt::RightButton:
        return 3;
    default:
        return 0;
    }
}

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFrameShape(QFrame::NoFrame);
    viewport()->setCursor(Qt::IBeamCursor);
    // We paint every pixel of the viewport ourselves.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);

    m_frameTimer.setSingleShot(true);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &TerminalWidget::frame);
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashing = false;
        viewport()->update();
    });

    QFont font(u"Monospace"_s, 10);
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    m_baseFont = font;
    applyFont(font);
}

TerminalWidget::~TerminalWidget() = default;

void TerminalWidget::setEmulation(TerminalEmulation *emulation)
{
    if (m_emulation == emulation)
        return;
    if (m_emulation)
        disconnect(m_emulation, nullptr, this, nullptr);
    m_emulation = emulation;
    m_hasSelection = false;
    m_selecting = false;
    m_follow = true;
    if (m_emulation) {
        connect(m_emulation, &TerminalEmulation::contentChanged, this,
                &TerminalWidget::scheduleFrame);
        connect(m_emulation, &TerminalEmulation::bell, this, &TerminalWidget::ringBell);
        connect(m_emulation, &TerminalEmulation::altScreenChanged, this, [this] {
            // The other screen's text is not what was selected.
            clearSelection();
            m_follow = true;
        });
        connect(m_emulation, &TerminalEmulation::mouseModeChanged, this,
                [this](TerminalEmulation::MouseMode mode) {
                    viewport()->setMouseTracking(mode == TerminalEmulation::MouseMode::Move);
                });
        connect(m_emulation, &QObject::destroyed, this, [this] { viewport()->update(); });
        if (m_rows > 0)
            m_emulation->resize(m_rows, m_columns);
        m_emulation->setFocused(hasFocus());
        m_lastDropped = m_emulation->droppedScrollbackLines();
        scheduleFrame();
    }
    viewport()->update();
}

void TerminalWidget::setTerminalFont(const QFont &font)
{
    m_baseFont = font;
    m_zoom = 0;
    applyFont(font);
}

void TerminalWidget::applyFont(const QFont &font)
{
    QFont regular = font;
    regular.setStyleHint(QFont::Monospace);
    regular.setFixedPitch(true);
    // Kerning and ligatures would move glyphs off the cell grid.
    regular.setKerning(false);
    regular.setBold(false);
    regular.setItalic(false);
    m_fonts[0] = regular;
    m_fonts[1] = regular;
    m_fonts[1].setBold(true);
    m_fonts[2] = regular;
    m_fonts[2].setItalic(true);
    m_fonts[3] = m_fonts[1];
    m_fonts[3].setItalic(true);

    const QFontMetrics fm(regular);
    m_cellWidth = std::max(1, fm.horizontalAdvance(u'M'));
    m_cellHeight = std::max(1, fm.height());
    m_ascent = fm.ascent();
    m_lineWidth = std::max(1, fm.lineWidth());
    m_underlineOffset =
        std::clamp(fm.underlinePos(), 1, std::max(1, m_cellHeight - m_ascent - m_lineWidth));
    m_strikeOffset = std::max(1, fm.strikeOutPos());
    m_fitsCache.clear();

    updateGeometry();
    updateGridSize();
    viewport()->update();
}

void TerminalWidget::zoomIn()
{
    const qreal base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 10;
    if (base + m_zoom + 1 > MaxPointSize)
        return;
    ++m_zoom;
    QFont font = m_baseFont;
    font.setPointSizeF(base + m_zoom);
    applyFont(font);
}

void TerminalWidget::zoomOut()
{
    const qreal base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 10;
    if (base + m_zoom - 1 < MinPointSize)
        return;
    --m_zoom;
    QFont font = m_baseFont;
    font.setPointSizeF(base + m_zoom);
    applyFont(font);
}

void TerminalWidget::resetZoom()
{
    if (m_zoom == 0)
        return;
    m_zoom = 0;
    applyFont(m_baseFont);
}

void TerminalWidget::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

void TerminalWidget::showMessage(const QString &text)
{
    m_message = text;
    viewport()->update();
}

void TerminalWidget::clearMessage()
{
    if (m_message.isEmpty())
        return;
    m_message.clear();
    viewport()->update();
}

QSize TerminalWidget::sizeHint() const
{
    const int scrollBar = verticalScrollBar()->sizeHint().width();
    return {80 * m_cellWidth + scrollBar + 2 * frameWidth(), 24 * m_cellHeight + 2 * frameWidth()};
}

QSize TerminalWidget::minimumSizeHint() const
{
    const int scrollBar = verticalScrollBar()->sizeHint().width();
    return {10 * m_cellWidth + scrollBar + 2 * frameWidth(), 2 * m_cellHeight + 2 * frameWidth()};
}

void TerminalWidget::updateGridSize()
{
    const QSize size = viewport()->size();
    const int columns = std::max(TerminalEmulation::MinColumns, size.width() / m_cellWidth);
    const int rows = std::max(1, size.height() / m_cellHeight);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    if (m_emulation)
        m_emulation->resize(rows, columns);
    verticalScrollBar()->setPageStep(rows);
    viewport()->update();
    Q_EMIT sizeChanged(rows, columns);
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGridSize();
}

// --- frames

void TerminalWidget::scheduleFrame()
{
    if (m_frameTimer.isActive())
        return;
    // The first change after a quiet period paints at once (typing stays snappy);
    // a flood of output paints at most once per frame.
    const qint64 since = m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : FrameMs;
    m_frameTimer.start(int(std::clamp<qint64>(FrameMs - since, 0, FrameMs)));
}

void TerminalWidget::frame()
{
    m_sinceFrame.restart();
    if (!m_emulation)
        return;
    const QBitArray damage = m_emulation->takeDamage();
    syncScrollBar();

    // Repaint only the damaged screen rows, at the place the view shows them.
    const int shift = m_emulation->scrollbackLines() - viewTop();
    const int width = viewport()->width();
    int start = -1;
    for (int row = 0; row <= damage.size(); ++row) {
        const bool damaged = row < damage.size() && damage.testBit(row);
        if (damaged && start < 0)
            start = row;
        if (damaged || start < 0)
            continue;
        const int first = std::max(0, start + shift);
        const int end = std::min(m_rows, row + shift);
        if (first < end)
            viewport()->update(QRect(0, first * m_cellHeight, width, (end - first) * m_cellHeight));
        start = -1;
    }
}

void TerminalWidget::syncScrollBar()
{
    if (!m_emulation)
        return;
    QScrollBar *bar = verticalScrollBar();
    const int lines = m_emulation->scrollbackLines();
    const quint64 dropped = m_emulation->droppedScrollbackLines();
    const bool alt = m_emulation->isAltScreen();
    const int maximum = alt ? 0 : lines;
    int value = maximum;
    if (!alt && !m_follow) {
        // Keep the same text in view while output arrives and old lines are dropped.
        const qint64 stableTop = qint64(m_lastDropped) + bar->value();
        value = int(std::clamp<qint64>(stableTop - qint64(dropped), 0, maximum));
    }
    m_syncingScrollBar = true;
    bar->setRange(0, maximum);
    bar->setPageStep(m_rows);
    bar->setSingleStep(1);
    bar->setValue(value);
    m_syncingScrollBar = false;
    m_lastDropped = dropped;
}

void TerminalWidget::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx);
    if (!m_syncingScrollBar) {
        const QScrollBar *bar = verticalScrollBar();
        m_follow = bar->value() >= bar->maximum();
    }
    if (dy != 0)
        viewport()->update();
}

void TerminalWidget::scrollToBottom()
{
    m_follow = true;
    QScrollBar *bar = verticalScrollBar();
    if (m_emulation && !m_emulation->isAltScreen())
        bar->setRange(0, m_emulation->scrollbackLines());
    bar->setValue(bar->maximum());
}

int TerminalWidget::viewTop() const
{
    if (!m_emulation)
        return 0;
    const int lines = m_emulation->scrollbackLines();
    if (m_follow || m_emulation->isAltScreen())
        return lines;
    return std::clamp(verticalScrollBar()->value(), 0, lines);
}

QList<TerminalCell> TerminalWidget::historyLine(int line) const
{
    if (!m_emulation || line < 0)
        return {};
    const int lines = m_emulation->scrollbackLines();
    if (line < lines)
        return m_emulation->scrollbackLine(line);
    if (line - lines < m_emulation->rows())
        return m_emulation->screenLine(line - lines);
    return {};
}

// --- painting

bool TerminalWidget::fitsCell(QChar ch) const
{
    if (ch.isSurrogate())
        return false;
    const auto it = m_fitsCache.constFind(ch.unicode());
    if (it != m_fitsCache.constEnd())
        return *it;
    const bool fits = QFontMetrics(m_fonts[0]).horizontalAdvance(ch) == m_cellWidth;
    m_fitsCache.insert(ch.unicode(), fits);
    return fits;
}

TerminalWidget::Colors TerminalWidget::cellColors(const TerminalCell &cell, bool selected) const
{
    if (selected)
        return {palette().color(QPalette::HighlightedText), palette().color(QPalette::Highlight)};
    Colors colors{cell.foreground, cell.background};
    // libvterm already folds DECSCNM (whole screen reversed) into each cell's flag.
    if (cell.reverse)
        std::swap(colors.foreground, colors.background);
    return colors;
}

void TerminalWidget::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect clip = event->rect();
    if (!m_emulation) {
        painter.fillRect(clip, palette().color(QPalette::Window));
        return;
    }
    const QColor background = m_emulation->isReverseVideo() ? m_emulation->defaultForeground()
                                                            : m_emulation->defaultBackground();
    painter.fillRect(clip, background);

    const int top = viewTop();
    const quint64 dropped = m_emulation->droppedScrollbackLines();
    const int firstRow = std::max(0, clip.top() / m_cellHeight);
    const int lastRow = std::min(m_rows - 1, clip.bottom() / m_cellHeight);
    Position selBegin;
    Position selEnd;
    if (m_hasSelection)
        std::tie(selBegin, selEnd) = selectionRange();
    for (int row = firstRow; row <= lastRow; ++row) {
        const int line = top + row;
        paintLine(painter, row, historyLine(line), qint64(dropped) + line, selBegin, selEnd);
    }
    paintCursor(painter, clip);

    if (m_flashing) {
        // Invert everything: the classic visual bell.
        painter.setCompositionMode(QPainter::CompositionMode_Difference);
        painter.fillRect(clip, Qt::white);
        painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
    }
    if (!m_message.isEmpty())
        paintMessage(painter);
}

void TerminalWidget::paintLine(QPainter &painter, int viewRow, const QList<TerminalCell> &cells,
                               qint64 stableLine, const Position &selBegin,
                               const Position &selEnd) const
{
    const int y = viewRow * m_cellHeight;
    const QColor screenBackground = m_emulation->isReverseVideo()
                                        ? m_emulation->defaultForeground()
                                        : m_emulation->defaultBackground();
    TerminalCell blank;
    blank.foreground = m_emulation->defaultForeground();
    blank.background = m_emulation->defaultBackground();

    // Cells of one style that fit the grid are drawn as one string: one drawText per
    // run instead of per cell. Wide and fallback glyphs are placed one by one.
    int runStart = -1;
    QString runText;
    bool runHasInk = false;
    Colors runColors;
    int runFont = 0;
    const TerminalCell *runCell = nullptr;

    auto drawRun = [&](int end) {
        if (runStart < 0)
            return;
        const QRect rect(runStart * m_cellWidth, y, (end - runStart) * m_cellWidth, m_cellHeight);
        if (runColors.background != screenBackground)
            painter.fillRect(rect, runColors.background);
        if (runHasInk) {
            painter.setFont(m_fonts[size_t(runFont)]);
            painter.setPen(runColors.foreground);
            painter.drawText(QPoint(rect.x(), y + m_ascent), runText);
        }
        paintDecorations(painter, rect, *runCell, runColors.foreground);
        runStart = -1;
        runText.clear();
        runHasInk = false;
    };

    int column = 0;
    while (column < m_columns) {
        const TerminalCell *cell = column < cells.size() ? &cells[column] : &blank;
        if (cell->width == 0)
            cell = &blank; // a right half without its left half (cut by a resize)
        const bool selected = m_hasSelection && isSelected({stableLine, column}, selBegin, selEnd);
        const Colors colors = cellColors(*cell, selected);
        const int font = (cell->bold ? 1 : 0) | (cell->italic ? 2 : 0);
        const int width = (cell->width == 2 && column + 1 < m_columns) ? 2 : 1;
        const bool fits = width == 1 && (cell->text.isEmpty() ||
                                         (cell->text.size() == 1 && fitsCell(cell->text.at(0))));
        if (fits) {
            const bool sameRun = runStart >= 0 && colors.foreground == runColors.foreground &&
                                 colors.background == runColors.background && font == runFont &&
                                 cell->underline == runCell->underline &&
                                 cell->strike == runCell->strike;
            if (!sameRun) {
                drawRun(column);
                runStart = column;
                runColors = colors;
                runFont = font;
                runCell = cell;
            }
            if (cell->text.isEmpty() || cell->text.at(0) == u' ') {
                runText += u' ';
            } else {
                runText += cell->text;
                runHasInk = true;
            }
            ++column;
            continue;
        }
        drawRun(column);
        const QRect rect(column * m_cellWidth, y, width * m_cellWidth, m_cellHeight);
        if (colors.background != screenBackground)
            painter.fillRect(rect, colors.background);
        painter.setFont(m_fonts[size_t(font)]);
        painter.setPen(colors.foreground);
        painter.drawText(QPoint(rect.x(), y + m_ascent), cell->text);
        paintDecorations(painter, rect, *cell, colors.foreground);
        column += width;
    }
    drawRun(column);
}

void TerminalWidget::paintDecorations(QPainter &painter, const QRect &rect,
                                      const TerminalCell &cell, const QColor &color) const
{
    const int bottom = rect.bottom() - m_lineWidth + 1;
    if (cell.underline != TerminalCell::Underline::None) {
        const int y = std::min(rect.y() + m_ascent + m_underlineOffset, bottom);
        switch (cell.underline) {
        case TerminalCell::Underline::Single:
            painter.fillRect(rect.x(), y, rect.width(), m_lineWidth, color);
            break;
        case TerminalCell::Underline::Double: {
            const int second = std::min(y + 2 * m_lineWidth, bottom);
            const int firstY = second == y + 2 * m_lineWidth ? y : second - 2 * m_lineWidth;
            painter.fillRect(rect.x(), firstY, rect.width(), m_lineWidth, color);
            painter.fillRect(rect.x(), second, rect.width(), m_lineWidth, color);
            break;
        }
        case TerminalCell::Underline::Curly: {
            const qreal amplitude = std::max(1, m_lineWidth);
            const qreal mid = std::min<qreal>(y, bottom - amplitude);
            const qreal step = std::max(2, m_cellWidth / 2);
            QPainterPath path(QPointF(rect.x(), mid));
            int sign = -1;
            for (qreal x = rect.x(); x < rect.x() + rect.width(); x += step, sign = -sign)
                path.quadTo(x + step / 2, mid + sign * 2 * amplitude, x + step, mid);
            painter.save();
            painter.setClipRect(rect, Qt::IntersectClip);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.strokePath(path, QPen(color, m_lineWidth));
            painter.restore();
            break;
        }
        case TerminalCell::Underline::None:
            break;
        }
    }
    if (cell.strike)
        painter.fillRect(rect.x(), rect.y() + m_ascent - m_strikeOffset, rect.width(), m_lineWidth,
                         color);
}

void TerminalWidget::paintCursor(QPainter &painter, const QRect &clip) const
{
    if (!m_emulation->isCursorVisible())
        return;
    const QPoint cursor = m_emulation->cursor();
    const int viewRow = m_emulation->scrollbackLines() + cursor.y() - viewTop();
    if (viewRow < 0 || viewRow >= m_rows)
        return;
    const TerminalCell cell = m_emulation->cellAt(cursor.y(), cursor.x());
    const int width = cell.width == 2 ? 2 : 1;
    const QRect rect(cursor.x() * m_cellWidth, viewRow * m_cellHeight, width * m_cellWidth,
                     m_cellHeight);
    if (!clip.intersects(rect))
        return;
    const QColor color = m_emulation->defaultForeground();
    if (hasFocus()) {
        // A steady block in the text colour, the character inside in the background
        // colour: no blinking (students read the screen, and blinking costs repaints).
        painter.fillRect(rect, color);
        if (!cell.text.isEmpty()) {
            painter.setFont(m_fonts[size_t((cell.bold ? 1 : 0) | (cell.italic ? 2 : 0))]);
            painter.setPen(m_emulation->defaultBackground());
            painter.drawText(QPoint(rect.x(), rect.y() + m_ascent), cell.text);
        }
    } else {
        painter.setPen(QPen(color, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
    }
}

void TerminalWidget::paintMessage(QPainter &painter) const
{
    const QRect area = viewport()->rect();
    const QFont &font = m_fonts[1];
    const QFontMetrics fm(font);
    const QRect available =
        area.adjusted(2 * m_cellWidth, m_cellHeight, -2 * m_cellWidth, -m_cellHeight);
    const int flags = Qt::AlignCenter | Qt::TextWordWrap;
    QRect text = fm.boundingRect(available, flags, m_message);
    QRect box = text.adjusted(-m_cellWidth, -m_cellHeight / 2, m_cellWidth, m_cellHeight / 2);
    box.moveCenter(area.center());
    text.moveCenter(box.center());

    const QColor foreground = m_emulation ? m_emulation->defaultForeground() : QColor(Qt::white);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(foreground, 1));
    painter.setBrush(QColor(0, 0, 0, 210));
    painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    painter.setFont(font);
    painter.drawText(text, flags, m_message);
    painter.restore();
}

// --- selection

QPoint TerminalWidget::cellAtPixel(const QPoint &pixel) const
{
    const int column = std::clamp(pixel.x() / m_cellWidth, 0, std::max(0, m_columns - 1));
    const int row = std::clamp(pixel.y() / m_cellHeight, 0, std::max(0, m_rows - 1));
    return {column, row};
}

TerminalWidget::Position TerminalWidget::positionAtPixel(const QPoint &pixel) const
{
    const QPoint cell = cellAtPixel(pixel);
    const quint64 dropped = m_emulation ? m_emulation->droppedScrollbackLines() : 0;
    return {qint64(dropped) + viewTop() + cell.y(), cell.x()};
}

int TerminalWidget::wordBoundary(const QList<TerminalCell> &line, int column, int direction) const
{
    auto cellAt = [&](int c) {
        static const TerminalCell blank;
        return c < line.size() ? line[c] : blank;
    };
    auto classAt = [&](int c) {
        // The right half of a wide character belongs with its left half.
        if (c > 0 && cellAt(c).width == 0)
            return charClass(cellAt(c - 1));
        return charClass(cellAt(c));
    };
    const int wanted = classAt(column);
    if (wanted > 1)
        return column; // punctuation selects itself
    while (true) {
        const int next = column + direction;
        if (next < 0 || next >= m_columns || classAt(next) != wanted)
            return column;
        column = next;
    }
}

std::pair<TerminalWidget::Position, TerminalWidget::Position> TerminalWidget::selectionRange() const
{
    Position begin = std::min(m_selectionAnchor, m_selectionCursor);
    Position end = std::max(m_selectionAnchor, m_selectionCursor);
    const quint64 dropped = m_emulation ? m_emulation->droppedScrollbackLines() : 0;
    switch (m_selectionMode) {
    case SelectionMode::Character:
        break;
    case SelectionMode::Word:
        begin.column =
            wordBoundary(historyLine(int(begin.line - qint64(dropped))), begin.column, -1);
        end.column = wordBoundary(historyLine(int(end.line - qint64(dropped))), end.column, +1);
        break;
    case SelectionMode::Line:
        begin.column = 0;
        end.column = std::max(0, m_columns - 1);
        break;
    }
    return {begin, end};
}

bool TerminalWidget::isSelected(const Position &position, const Position &begin,
                                const Position &end) const
{
    return begin <= position && position <= end;
}

QString TerminalWidget::selectedText() const
{
    if (!m_hasSelection || !m_emulation)
        return {};
    const auto [begin, end] = selectionRange();
    const qint64 dropped = qint64(m_emulation->droppedScrollbackLines());
    TerminalCell blank;
    QStringList lines;
    for (qint64 line = begin.line; line <= end.line; ++line) {
        const QList<TerminalCell> cells = historyLine(int(line - dropped));
        const int from = line == begin.line ? begin.column : 0;
        const int to = line == end.line ? end.column : m_columns - 1;
        QString text;
        for (int column = from; column <= to; ++column)
            appendCellText(text, column < cells.size() ? cells[column] : blank);
        lines.append(trimmedRight(std::move(text)));
    }
    return lines.join(u'\n');
}

void TerminalWidget::setSelection(int startRow, int startColumn, int endRow, int endColumn)
{
    const qint64 base = qint64(m_emulation ? m_emulation->droppedScrollbackLines() : 0) + viewTop();
    m_selectionAnchor = {base + startRow, startColumn};
    m_selectionCursor = {base + endRow, endColumn};
    m_selectionMode = SelectionMode::Character;
    m_hasSelection = true;
    m_selecting = false;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void TerminalWidget::clearSelection()
{
    m_selecting = false;
    if (!m_hasSelection)
        return;
    m_hasSelection = false;
    viewport()->update();
    Q_EMIT selectionChanged();
}

void TerminalWidget::updateSelection(const QPoint &pixel)
{
    // Dragging past the top or bottom edge scrolls through the scrollback.
    if (pixel.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (pixel.y() >= viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_selectionCursor = positionAtPixel(pixel);
    if (m_selectionMode != SelectionMode::Character || m_selectionCursor != m_selectionAnchor)
        m_hasSelection = true;
    viewport()->update();
}

void TerminalWidget::finishSelection()
{
    m_selecting = false;
    if (!m_hasSelection)
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->supportsSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
    Q_EMIT selectionChanged();
}

void TerminalWidget::copy()
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Clipboard);
}

void TerminalWidget::paste()
{
    if (m_readOnly || !m_emulation)
        return;
    const QString text = QGuiApplication::clipboard()->text(QClipboard::Clipboard);
    if (text.isEmpty())
        return;
    m_emulation->paste(text);
    scrollToBottom();
}

void TerminalWidget::pasteSelection()
{
    if (m_readOnly || !m_emulation)
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    const QString text = clipboard->text(clipboard->supportsSelection() ? QClipboard::Selection
                                                                        : QClipboard::Clipboard);
    if (text.isEmpty())
        return;
    m_emulation->paste(text);
    scrollToBottom();
}

// --- input

bool TerminalWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Keys go to the program before any application shortcut, as in every
        // terminal; Ctrl+Shift, Meta and Ctrl+Tab combinations stay with the
        // application (except our own copy, paste and zoom).
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers mods = key->modifiers();
        const bool ctrlShift = (mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier);
        const bool ours =
            key->key() == Qt::Key_C || key->key() == Qt::Key_V || key->key() == Qt::Key_Plus;
        if (!(mods & Qt::MetaModifier) && (!ctrlShift || ours) && !isCtrlTab(key)) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        // Tab belongs to the shell (completion), not to focus navigation.
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) && !isCtrlTab(key)) {
            keyPressEvent(key);
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const Qt::KeyboardModifiers mods = event->modifiers();
    const bool ctrl = mods & Qt::ControlModifier;
    const bool shift = mods & Qt::ShiftModifier;

    if (ctrl && shift && key == Qt::Key_C) {
        copy();
        return;
    }
    if (ctrl && shift && key == Qt::Key_V) {
        paste();
        return;
    }
    if (shift && !ctrl && key == Qt::Key_Insert) {
        pasteSelection();
        return;
    }
    if (ctrl && (key == Qt::Key_Plus || key == Qt::Key_Equal)) {
        zoomIn();
        return;
    }
    if (ctrl && key == Qt::Key_Minus) {
        zoomOut();
        return;
    }
    if (ctrl && key == Qt::Key_0) {
        resetZoom();
        return;
    }
    if (shift && !ctrl && m_emulation && !m_emulation->isAltScreen() &&
        (key == Qt::Key_PageUp || key == Qt::Key_PageDown)) {
        verticalScrollBar()->triggerAction(key == Qt::Key_PageUp
                                               ? QAbstractSlider::SliderPageStepSub
                                               : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    if (!m_emulation) {
        event->ignore();
        return;
    }
    if (m_readOnly) {
        if (!m_message.isEmpty() && (key == Qt::Key_Return || key == Qt::Key_Enter))
            Q_EMIT messageAccepted();
        return;
    }
    if (m_emulation->sendKey(key, mods, event->text())) {
        scrollToBottom();
        return;
    }
    event->ignore();
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    if (!m_readOnly && m_emulation && !event->commitString().isEmpty()) {
        m_emulation->sendText(event->commitString());
        scrollToBottom();
    }
    event->accept();
}

QVariant TerminalWidget::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImCursorRectangle: {
        if (!m_emulation)
            return QRect();
        const QPoint cursor = m_emulation->cursor();
        const int viewRow = m_emulation->scrollbackLines() + cursor.y() - viewTop();
        return QRect(cursor.x() * m_cellWidth, viewRow * m_cellHeight, m_cellWidth, m_cellHeight)
            .translated(viewport()->pos());
    }
    case Qt::ImFont:
        return m_fonts[0];
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

bool TerminalWidget::reportsMouse(Qt::KeyboardModifiers modifiers) const
{
    // Shift gives the mouse back to the user for selection, as in xterm.
    return m_emulation && !m_readOnly &&
           m_emulation->mouseMode() != TerminalEmulation::MouseMode::None &&
           !(modifiers & Qt::ShiftModifier);
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    const QPoint pixel = event->position().toPoint();
    if (reportsMouse(event->modifiers())) {
        const QPoint cell = cellAtPixel(pixel);
        m_emulation->sendMouseMove(cell.y(), cell.x(), event->modifiers());
        if (const int button = buttonNumber(event->button())) {
            m_mouseButtons |= 1 << button;
            m_emulation->sendMouseButton(button, true, event->modifiers());
        }
        return;
    }
    if (event->button() == Qt::MiddleButton) {
        pasteSelection();
        return;
    }
    if (event->button() != Qt::LeftButton || !m_emulation)
        return;
    const bool tripleClick =
        m_sinceDoubleClick.isValid() &&
        m_sinceDoubleClick.elapsed() < QApplication::doubleClickInterval() &&
        (pixel - m_doubleClickPixel).manhattanLength() < QApplication::startDragDistance();
    m_sinceDoubleClick.invalidate();
    const bool hadSelection = m_hasSelection;
    m_selectionAnchor = m_selectionCursor = positionAtPixel(pixel);
    m_selectionMode = tripleClick ? SelectionMode::Line : SelectionMode::Character;
    m_hasSelection = tripleClick;
    m_selecting = true;
    viewport()->update();
    if (hadSelection && !m_hasSelection)
        Q_EMIT selectionChanged();
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (reportsMouse(event->modifiers()) || event->button() != Qt::LeftButton) {
        mousePressEvent(event); // the application sees a second press
        return;
    }
    if (!m_emulation)
        return;
    m_sinceDoubleClick.start();
    m_doubleClickPixel = event->position().toPoint();
    m_selectionAnchor = m_selectionCursor = positionAtPixel(m_doubleClickPixel);
    m_selectionMode = SelectionMode::Word;
    m_hasSelection = true;
    m_selecting = true;
    viewport()->update();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pixel = event->position().toPoint();
    if (reportsMouse(event->modifiers())) {
        const QPoint cell = cellAtPixel(pixel);
        // libvterm decides by the app's mode whether motion is reported at all.
        m_emulation->sendMouseMove(cell.y(), cell.x(), event->modifiers());
        return;
    }
    if (m_selecting && (event->buttons() & Qt::LeftButton))
        updateSelection(pixel);
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const int button = buttonNumber(event->button());
    if (m_emulation && button && (m_mouseButtons & (1 << button))) {
        m_mouseButtons &= ~(1 << button);
        const QPoint cell = cellAtPixel(event->position().toPoint());
        m_emulation->sendMouseMove(cell.y(), cell.x(), event->modifiers());
        m_emulation->sendMouseButton(button, false, event->modifiers());
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting)
        finishSelection();
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    if (!m_emulation) {
        event->ignore();
        return;
    }
    m_wheelDelta += event->angleDelta().y();
    const int steps = m_wheelDelta / 120;
    m_wheelDelta -= steps * 120;
    if (reportsMouse(event->modifiers())) {
        const QPoint cell = cellAtPixel(event->position().toPoint());
        m_emulation->sendMouseMove(cell.y(), cell.x(), event->modifiers());
        for (int i = 0; i < std::abs(steps); ++i)
            m_emulation->sendMouseButton(steps > 0 ? 4 : 5, true, event->modifiers());
        event->accept();
        return;
    }
    if (m_emulation->isAltScreen()) {
        // Full-screen programs without mouse support (less, man) scroll with arrows.
        if (!m_readOnly) {
            for (int i = 0; i < std::abs(steps) * WheelLines; ++i)
                m_emulation->sendKey(steps > 0 ? Qt::Key_Up : Qt::Key_Down, Qt::NoModifier);
        }
        event->accept();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() - steps * WheelLines);
    event->accept();
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_emulation)
        m_emulation->setFocused(true);
    viewport()->update();
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    if (m_emulation)
        m_emulation->setFocused(false);
    viewport()->update();
}

void TerminalWidget::ringBell()
{
    if (m_bellMode == BellMode::Audible || m_bellMode == BellMode::VisualAndAudible)
        QApplication::beep();
    if (m_bellMode == BellMode::Visual || m_bellMode == BellMode::VisualAndAudible) {
        m_flashing = true;
        m_flashTimer.start(FlashMs);
        viewport()->update();
    }
}

} // namespace koker
