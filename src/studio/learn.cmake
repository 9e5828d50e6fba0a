# koker_studio_learn: the learning features of issue 8 (docs/learn/). What the
# kernel says about a running container (namespaces, cgroup files, mounts as a
# tree, the network drawn), the step-through bar, the guided experiments, proof of
# cleanup and step exports. Models and layouts are plain classes the GUI tests feed
# recorded documents (tests/gui/data); the widgets only show them. It needs no root:
# everything comes from kokerd over D-Bus (UnderTheHood, RemoveContainer's proof)
# or from documents the studio already holds (StepExport renders InspectContainer's).
add_library(koker_studio_learn STATIC
    namespacesmodel.cpp namespacesmodel.h
    cgrouplimitsmodel.cpp cgrouplimitsmodel.h
    mounttreemodel.cpp mounttreemodel.h
    networktopology.cpp networktopology.h
    networktopologyview.cpp networktopologyview.h
    underthehoodpanel.cpp underthehoodpanel.h
    stepthroughbar.cpp stepthroughbar.h
    experiment.cpp experiment.h
    experimentrunner.cpp experimentrunner.h
    experimentsdialog.cpp experimentsdialog.h
    cleanupproofmodel.cpp cleanupproofmodel.h
    cleanupproofdialog.cpp cleanupproofdialog.h
    stepexportfile.cpp stepexportfile.h
)
set_target_properties(koker_studio_learn PROPERTIES AUTOMOC ON AUTOUIC ON
    AUTOUIC_SEARCH_PATHS ${PROJECT_SOURCE_DIR}/ui)
target_include_directories(koker_studio_learn PUBLIC ${PROJECT_SOURCE_DIR}/src)
# koker_engine for StepExport and CleanupProof's JSON (pure functions, no root);
# koker_client for the calls to kokerd.
target_link_libraries(koker_studio_learn
    PUBLIC koker_options koker_engine koker_client Qt6::Widgets)
