# Runs PROGRAM with ARGS ("|"-separated) and --out OUT on a fresh OUT, then
# fails unless it exited 0 and wrote every file of EXPECT ("|"-separated, relative to OUT),
# and (when EXPECT_STDOUT is given) printed a line matching that regular expression.
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "|" ";" expect "${EXPECT}")
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${PROGRAM}" ${args} --out "${OUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
foreach(f IN LISTS expect)
  if(NOT EXISTS "${OUT}/${f}")
    message(FATAL_ERROR "missing output ${OUT}/${f}")
  endif()
endforeach()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "the output does not match '${EXPECT_STDOUT}'")
endif()
