#include "terminal/scrollbackbuffer.h"

#include <algorithm>
#include <utility>

namespace koker {

ScrollbackBuffer::ScrollbackBuffer(int capacity)
    : m_capacity(std::max(0, capacity))
{}

void ScrollbackBuffer::setCapacity(int capacity)
{
    capacity = std::max(0, capacity);
    if (capacity == m_capacity)
        return;
    std::vector<Line> kept;
    const int keep = std::min(m_count, capacity);
    kept.reserve(keep);
    for (int i = m_count - keep; i < m_count; ++i)
        kept.push_back(std::move(m_lines[physical(i)]));
    m_dropped += m_count - keep;
    m_lines = std::move(kept);
    m_start = 0;
    m_count = keep;
    m_capacity = capacity;
}

const ScrollbackBuffer::Line &ScrollbackBuffer::at(int i) const
{
    return m_lines[physical(i)];
}

ScrollbackBuffer::Line &ScrollbackBuffer::pushLine()
{
    Line *slot = nullptr;
    if (m_count == m_capacity) {
        // Full: the oldest slot becomes the newest, its vectors keep their capacity.
        slot = &m_lines[m_start];
        m_start = (m_start + 1) % static_cast<int>(m_lines.size());
        ++m_dropped;
    } else if (m_count < static_cast<int>(m_lines.size())) {
        slot = &m_lines[physical(m_count)];
        ++m_count;
    } else {
        // Growing: keep the ring contiguous from index 0 so push_back stays correct.
        if (m_start != 0) {
            std::rotate(m_lines.begin(), m_lines.begin() + m_start, m_lines.end());
            m_start = 0;
        }
        m_lines.emplace_back();
        slot = &m_lines.back();
        ++m_count;
    }
    // Cells are left for the caller to overwrite: clearing would make the caller's
    // resize() initialise every cell twice, on the hottest path of a busy terminal.
    slot->combining.clear();
    return *slot;
}

void ScrollbackBuffer::popNewest()
{
    if (m_count > 0)
        --m_count;
}

void ScrollbackBuffer::clear()
{
    m_dropped += m_count;
    m_count = 0;
    m_start = 0;
}

} // namespace koker
