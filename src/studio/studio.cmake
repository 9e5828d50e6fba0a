# koker_studio_app: the application (main window, views, dialogs, the connection to
# kokerd) as a library, so the GUI tests can drive the real window; and the
# koker-studio program, a thin main() over it.
#
# The three parts built by their own .cmake files (timeline, run dialog, consoles
# and graphs) are linked when their targets exist; each one present also defines
# KOKER_STUDIO_HAVE_<PART> so the window shows it instead of a placeholder.
# The forms (ui/*.ui) are found by AUTOUIC through their ui_*.h includes, not listed
# as sources: CMake 3.25 would make every AUTOUIC target of this directory claim a
# listed form's header, and Ninja refuses two rules for one file.
set(KOKER_STUDIO_UI_DIR ${CMAKE_SOURCE_DIR}/ui)
add_library(koker_studio_app STATIC
    helperconnection.cpp helperconnection.h
    imagesmodel.cpp imagesmodel.h
    containersmodel.cpp containersmodel.h
    imagesview.cpp imagesview.h
    containersview.cpp containersview.h
    containerdetails.cpp containerdetails.h
    pulldialog.cpp pulldialog.h
    imageinspectdialog.cpp imageinspectdialog.h
    settingsdialog.cpp settingsdialog.h
    aboutdialog.cpp aboutdialog.h
    mainwindow.cpp mainwindow.h
    ${CMAKE_SOURCE_DIR}/resources/koker-studio.qrc
)
set_target_properties(koker_studio_app PROPERTIES AUTOMOC ON AUTOUIC ON AUTORCC ON
    AUTOUIC_SEARCH_PATHS ${KOKER_STUDIO_UI_DIR})
target_include_directories(koker_studio_app PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
target_link_libraries(koker_studio_app
    PUBLIC koker_options koker_client koker_terminal Qt6::Widgets Qt6::DBus Qt6::Concurrent)

add_executable(koker-studio main.cpp)
set_target_properties(koker-studio PROPERTIES AUTOUIC OFF)
target_link_libraries(koker-studio PRIVATE koker_studio_app)
install(TARGETS koker-studio RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The parts may be included after this file (src/studio/CMakeLists.txt lists them
# in any order), so look for them once the whole directory has been read.
function(koker_studio_link_parts)
    foreach(part timeline run console learn)
        if(TARGET koker_studio_${part})
            string(TOUPPER ${part} upper)
            target_link_libraries(koker_studio_app PUBLIC koker_studio_${part})
            target_compile_definitions(koker_studio_app PUBLIC KOKER_STUDIO_HAVE_${upper}=1)
        else()
            message(STATUS "koker-studio: koker_studio_${part} is not there yet; "
                           "the window shows a placeholder for it")
        endif()
    endforeach()
endfunction()
cmake_language(DEFER CALL koker_studio_link_parts)
