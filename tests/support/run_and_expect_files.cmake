# Runs PROGRAM with ARGS ("|"-separated) and --out OUT, then fails unless it
# exited 0, wrote its outputs, and (when EXPECT_STDOUT is given) printed a line
# matching that regular expression.
# OUT is a folder: it is removed first, and every file of EXPECT ("|"-separated,
# relative to OUT) must be there afterwards. With OUT_IS_FILE, OUT is one file:
# its folder is made anew first, and OUT must be there afterwards.
string(REPLACE "|" ";" args "${ARGS}")
if(OUT_IS_FILE)
  get_filename_component(dir "${OUT}" DIRECTORY)
  file(REMOVE_RECURSE "${dir}")
  file(MAKE_DIRECTORY "${dir}")
  set(expect "${OUT}")
else()
  file(REMOVE_RECURSE "${OUT}")
  string(REPLACE "|" ";" expect "${EXPECT}")
  list(TRANSFORM expect PREPEND "${OUT}/")
endif()
execute_process(COMMAND "${PROGRAM}" ${args} --out "${OUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
foreach(f IN LISTS expect)
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "missing output ${f}")
  endif()
endforeach()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "the output does not match '${EXPECT_STDOUT}'")
endif()
