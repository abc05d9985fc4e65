# Finds LibTorch: Debian's CPU build by default; an official (CUDA) LibTorch when
# the user points Torch_DIR or CMAKE_PREFIX_PATH at it, for example
#   cmake -DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
find_package(Torch REQUIRED)
message(STATUS "LibTorch ${Torch_VERSION} at ${TORCH_INSTALL_PREFIX}")

# Torch's own flags (ABI define and so on) without the global CMAKE_CXX_FLAGS edit
# its docs suggest.
add_library(sds_torch INTERFACE)
target_link_libraries(sds_torch INTERFACE ${TORCH_LIBRARIES})
target_include_directories(sds_torch SYSTEM INTERFACE ${TORCH_INCLUDE_DIRS})
separate_arguments(_sds_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
target_compile_options(sds_torch INTERFACE ${_sds_torch_flags})

# at::parallel_for is a header template: with an OpenMP LibTorch (Debian's and
# the official builds) it is a `#pragma omp parallel`, which a translation unit
# compiled without OpenMP ignores, so every parallel_for of our own (the
# renderer's kernels) ran on one thread. Torch's own extensions build with
# OpenMP for the same reason.
find_package(OpenMP)
if(OpenMP_CXX_FOUND)
  target_link_libraries(sds_torch INTERFACE OpenMP::OpenMP_CXX)
else()
  message(WARNING "No OpenMP for this compiler: the renderer's own loops will run on one thread.")
endif()

# Every translation unit that includes torch pays ~20 s of parsing on a 2-core
# machine; a precompiled header cuts that to a few seconds. Targets call this
# once; targets with the same flags reuse the first one's PCH.
#
# A PCH makes every compile uncacheable for ccache, so a developer with several
# build folders (or a warm ccache) is better off without it: plain configures
# turn it off when ccache is present, the presets (README, CI) turn it on.
set(SDS_TORCH_PCH ${PROJECT_SOURCE_DIR}/models/torch_pch.h)
if(SDSTEREO_CCACHE AND NOT DEFINED ENV{CI})
  set(_sds_pch_default OFF)
else()
  set(_sds_pch_default ON)
endif()
option(SDSTEREO_PCH "Precompile the torch headers" ${_sds_pch_default})
function(sds_use_torch_pch target)
  if(NOT SDSTEREO_PCH)
    return()
  endif()
  cmake_parse_arguments(ARG "" "REUSE_FROM" "" ${ARGN})
  if(ARG_REUSE_FROM)
    target_precompile_headers(${target} REUSE_FROM ${ARG_REUSE_FROM})
  else()
    target_precompile_headers(${target} PRIVATE ${SDS_TORCH_PCH})
  endif()
endfunction()
