# Runs PROGRAM with ARGS ("|"-separated) and --out OUT (a file) after removing
# OUT, then fails unless it exited 0, wrote OUT, and (when EXPECT_STDOUT is
# given) printed a line matching that regular expression.
string(REPLACE "|" ";" args "${ARGS}")
get_filename_component(dir "${OUT}" DIRECTORY)
file(REMOVE_RECURSE "${dir}")
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${PROGRAM}" ${args} --out "${OUT}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "missing output ${OUT}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "the output does not match '${EXPECT_STDOUT}'")
endif()
