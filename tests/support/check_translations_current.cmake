# ctest translations_current: the shipped translations/*.ts hold exactly the
# texts of today's sources. Runs lupdate on copies of them (keeping vanished
# messages, unlike the sds_ui_lupdate target) and fails when a copy then has an
# unfinished message (a new text nobody translated) or a vanished/obsolete one
# (a translated text the sources no longer have).
#   -DLUPDATE=... -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch folder>
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
file(GLOB ts_files ${SOURCE_DIR}/translations/*.ts)
if(NOT ts_files)
  message(FATAL_ERROR "No translations/*.ts in ${SOURCE_DIR}.")
endif()
# The same sources as qt_add_translations in ui/CMakeLists.txt.
file(GLOB_RECURSE sources ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h)
list(APPEND sources ${SOURCE_DIR}/app/studio/main.cpp)
list(JOIN sources "\n" source_lines)
file(WRITE ${WORK_DIR}/sources.lst "${source_lines}\n")

set(copies)
foreach(ts ${ts_files})
  get_filename_component(name ${ts} NAME)
  configure_file(${ts} ${WORK_DIR}/${name} COPYONLY)
  list(APPEND copies ${WORK_DIR}/${name})
endforeach()
execute_process(COMMAND ${LUPDATE} -I ${SOURCE_DIR} -locations none @${WORK_DIR}/sources.lst -ts ${copies}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}):\n${out}\n${err}")
endif()

set(problems "")
foreach(copy ${copies})
  file(STRINGS ${copy} lines)
  set(source "")
  foreach(line IN LISTS lines)
    if(line MATCHES "<source>([^<]*)")
      set(source "${CMAKE_MATCH_1}")
    elseif(line MATCHES "type=\"(unfinished|vanished|obsolete)\"")
      get_filename_component(name ${copy} NAME)
      string(APPEND problems "  ${name}: ${CMAKE_MATCH_1}: ${source}\n")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "The translations are not in step with the sources; run the sds_ui_lupdate target "
                      "and translate (see translations/README.md):\n${problems}")
endif()
list(LENGTH ts_files count)
message(STATUS "The ${count} translations are in step with the sources.")
