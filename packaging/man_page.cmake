# The sdstereo(1) man page, written by help2man from `sdstereo --help` so it never
# disagrees with the program; included from app/CMakeLists.txt. help2man is only
# needed to package (scripts/deps.sh package installs it); without it the page is
# left out and the build says so.
find_program(SDSTEREO_HELP2MAN help2man)
if(NOT SDSTEREO_HELP2MAN)
  message(STATUS "help2man not found: no sdstereo(1) man page (scripts/deps.sh package installs it)")
  return()
endif()
include(GNUInstallDirs)
set(_sds_man ${PROJECT_BINARY_DIR}/man/sdstereo.1)
add_custom_command(
  OUTPUT ${_sds_man}.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
  COMMAND ${SDSTEREO_HELP2MAN} --no-info --no-discard-stderr --version-string=${PROJECT_VERSION}
          "--name=make stereo (3D) image pairs from photos, depth maps or Stable Diffusion"
          --output=${_sds_man} $<TARGET_FILE:sdstereo>
  # Debian wants man pages compressed, without a time stamp (-n) so builds repeat.
  COMMAND gzip -9 -n -f ${_sds_man}
  DEPENDS sdstereo
  COMMENT "Writing the sdstereo(1) man page with help2man"
  VERBATIM)
add_custom_target(sdstereo_man_page ALL DEPENDS ${_sds_man}.gz)
install(FILES ${_sds_man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
