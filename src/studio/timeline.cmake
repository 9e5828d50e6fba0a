# koker_studio_timeline: the step timeline (docs/learn/steps.md). The model of a
# container's steps, the phase lanes with their cached layout, the list and the
# details pane (ui/stepdetailspane.ui, found by AUTOUIC through its ui_*.h
# include), and the catalogue of explanations students read for each step.
add_library(koker_studio_timeline STATIC
    ${CMAKE_CURRENT_LIST_DIR}/steptimelinemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/steptimelinemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinelayout.cpp ${CMAKE_CURRENT_LIST_DIR}/timelinelayout.h
    ${CMAKE_CURRENT_LIST_DIR}/timelineview.cpp ${CMAKE_CURRENT_LIST_DIR}/timelineview.h
    ${CMAKE_CURRENT_LIST_DIR}/timelinewidget.cpp ${CMAKE_CURRENT_LIST_DIR}/timelinewidget.h
    ${CMAKE_CURRENT_LIST_DIR}/stepdetailspane.cpp ${CMAKE_CURRENT_LIST_DIR}/stepdetailspane.h
    ${CMAKE_CURRENT_LIST_DIR}/stepexplanations.cpp ${CMAKE_CURRENT_LIST_DIR}/stepexplanations.h
)
set_target_properties(koker_studio_timeline PROPERTIES AUTOMOC ON AUTOUIC ON
    AUTOUIC_SEARCH_PATHS ${PROJECT_SOURCE_DIR}/ui)
target_include_directories(koker_studio_timeline PUBLIC ${PROJECT_SOURCE_DIR}/src)
# koker_engine for stepjson (the inspect form), koker_dbus for the ContainerSteps form.
target_link_libraries(koker_studio_timeline
    PUBLIC koker_options koker_runtime koker_engine koker_dbus Qt6::Widgets)

# 10 000 steps through the model and the lanes: insert and paint times (bench/timeline).
if(KOKER_BUILD_BENCH)
    add_executable(koker-bench-timeline ${PROJECT_SOURCE_DIR}/bench/timeline/main.cpp)
    target_link_libraries(koker-bench-timeline PRIVATE koker_options koker_studio_timeline)
endif()
