# Runs PROGRAM with ARGS ("|"-separated) and --out OUT on a fresh OUT, then
# fails unless it exited 0 and wrote every file of EXPECT ("|"-separated, relative to OUT).
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "|" ";" expect "${EXPECT}")
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${PROGRAM}" ${args} --out "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
foreach(f IN LISTS expect)
  if(NOT EXISTS "${OUT}/${f}")
    message(FATAL_ERROR "missing output ${OUT}/${f}")
  endif()
endforeach()
