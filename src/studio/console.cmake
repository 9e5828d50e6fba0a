# koker_studio_console: the studio's consoles and live graphs. Terminals on
# containers (attach to the main process, exec a shell) in tabs, each over the
# attach-protocol socket kokerd hands over; and memory/CPU/PIDs graphs against
# their limits from kokerd's Stats, drawn with QPainter (no QtCharts dependency).
add_library(koker_studio_console STATIC
    consoletab.cpp consoletab.h
    consoletabs.cpp consoletabs.h
    statspoller.cpp statspoller.h
    statsgraph.cpp statsgraph.h
)
set_target_properties(koker_studio_console PROPERTIES AUTOMOC ON)
target_include_directories(koker_studio_console PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
target_link_libraries(koker_studio_console
    PUBLIC koker_options koker_terminal koker_client Qt6::Widgets)
