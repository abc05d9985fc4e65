# The Debian package (CPack DEB), included last from the top CMakeLists.txt:
#   cpack -G DEB   in a configured and built build folder (scripts/package-deb.sh)
# One package per Debian release: the release number goes into the version
# (0.1.0-1~deb12, 0.1.0-1~deb13), and dpkg-shlibdeps writes the library
# dependencies of the release the package is built on.
set(SDSTEREO_PACKAGE_MAINTAINER "StereoDiffusion Studio developers <stereodiffusion@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the Debian package")

include(GNUInstallDirs)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sdstereo)

set(_sds_debian_release "")
if(EXISTS /etc/os-release)
  file(STRINGS /etc/os-release _sds_os_id REGEX "^ID=")
  file(STRINGS /etc/os-release _sds_os_version REGEX "^VERSION_ID=")
  if(_sds_os_id STREQUAL "ID=debian" AND _sds_os_version MATCHES "VERSION_ID=\"?([0-9]+)")
    set(_sds_debian_release "~deb${CMAKE_MATCH_1}")
  endif()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sdstereo)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "StereoDiffusion Studio")
set(CPACK_PACKAGE_CONTACT "${SDSTEREO_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "stereo (3D) image pairs from photos, depth maps or Stable Diffusion")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "stereo (3D) image pairs from photos, depth maps or Stable Diffusion
 StereoDiffusion Studio turns a photo and its depth map into a stereo pair,
 with live side-by-side and anaglyph previews, and exports side by side,
 over-under, anaglyph and MPO files. With a Stable Diffusion model it makes
 pairs from a prompt or a photo by the training-free StereoDiffusion method.
 .
 This package holds the studio (sdstereo-studio) and the command-line tool
 (sdstereo), with a sample photo and depth map.")
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE "1${_sds_debian_release}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries the binaries link: Qt's platform plugins (the studio's window) and
# an optimised BLAS for LibTorch (the reference BLAS works, slowly), and Qt's own
# translations (file dialogs, standard buttons) beside the studio's.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread, qt6-translations-l10n")
include(CPack)
