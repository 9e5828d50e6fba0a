#include "terminal/terminalchannel.h"

namespace koker {

TerminalChannel::TerminalChannel(QObject *parent)
    : QObject(parent)
{}

TerminalChannel::~TerminalChannel() = default;

} // namespace koker
