# One interface target with the settings every project target shares.
add_library(sds_settings INTERFACE)
target_compile_features(sds_settings INTERFACE cxx_std_17)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(sds_settings INTERFACE -Wall -Wextra -Wno-unused-parameter)
  if(SDSTEREO_WARNINGS_AS_ERRORS)
    target_compile_options(sds_settings INTERFACE -Werror)
  endif()
endif()
# No source or build path is compiled in: the installed binaries find their data
# from where they are (ui/files/sample_files.h).
target_compile_definitions(sds_settings INTERFACE SDSTEREO_VERSION="${PROJECT_VERSION}")
