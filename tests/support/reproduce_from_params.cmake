# Runs PROGRAM with ARGS ("|"-separated) and --out OUT/first, then again with
# only --params OUT/first/params.json plus KEEP ("|"-separated arguments that
# are not part of the record: model, inputs) and --out OUT/second, and fails
# unless FILE is byte-identical in both: a result can be made again from its
# parameter record.
string(REPLACE "|" ";" args "${ARGS}")
string(REPLACE "|" ";" keep "${KEEP}")
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${PROGRAM}" ${args} --out "${OUT}/first" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "first run: ${PROGRAM} exited with ${rc}")
endif()
execute_process(COMMAND "${PROGRAM}" ${keep} --params "${OUT}/first/params.json" --out "${OUT}/second"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "second run (from params.json): ${PROGRAM} exited with ${rc}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}/first/${FILE}" "${OUT}/second/${FILE}"
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "${FILE} differs between the run and its reproduction from params.json")
endif()
