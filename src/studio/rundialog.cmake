# koker_studio_run: the run dialog (RunDialog, ui/rundialog.ui), its limit slider
# and the pure model behind them (RunForm -> RunSpec -> CreateContainer's spec and
# the equivalent `koker run` command). Included from src/studio/CMakeLists.txt,
# which turns AUTOMOC/AUTOUIC on and points AUTOUIC at ui/.
add_library(koker_studio_run STATIC
    ${CMAKE_CURRENT_LIST_DIR}/hostinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/runspec.cpp ${CMAKE_CURRENT_LIST_DIR}/runspec.h
    ${CMAKE_CURRENT_LIST_DIR}/limitslider.cpp ${CMAKE_CURRENT_LIST_DIR}/limitslider.h
    ${CMAKE_CURRENT_LIST_DIR}/rundialog.cpp ${CMAKE_CURRENT_LIST_DIR}/rundialog.h
)
set_target_properties(koker_studio_run PROPERTIES AUTOMOC ON AUTOUIC ON
    AUTOUIC_SEARCH_PATHS ${PROJECT_SOURCE_DIR}/ui)
target_include_directories(koker_studio_run PUBLIC ${PROJECT_SOURCE_DIR}/src)
target_link_libraries(koker_studio_run
    PUBLIC koker_options koker_engine koker_client Qt6::Widgets)
