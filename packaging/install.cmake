# Desktop integration and data of sdstereo-studio, included from
# app/studio/CMakeLists.txt. Paths follow the FHS under CMAKE_INSTALL_PREFIX; the
# studio finds its sample at <bindir>/../share/sdstereo/sample and its
# translations at <bindir>/../share/sdstereo/translations (also embedded) and its
# user guide at <bindir>/../share/sdstereo/guide/user-guide.md.
include(GNUInstallDirs)
set(SDS_APP_ID io.github.stereodiffusion.Studio)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${SDS_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/${SDS_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/ui/icons/sdstereo-studio.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${SDS_APP_ID}.svg)
install(FILES ${PROJECT_SOURCE_DIR}/resources/ui/icons/sdstereo-studio.png
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME ${SDS_APP_ID}.png)
if(EXISTS ${PROJECT_SOURCE_DIR}/resources/sample)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/sample/ DESTINATION ${CMAKE_INSTALL_DATADIR}/sdstereo/sample
          FILES_MATCHING PATTERN "*.png" PATTERN "*.md" PATTERN "*.json")
endif()
# The user guide and its screenshots, where Help > User Guide looks first
# (ui/help/user_guide.h). Not under share/doc: the studio opens it, and Debian
# lets admins drop /usr/share/doc (Policy 12.3).
install(FILES ${PROJECT_SOURCE_DIR}/docs/user-guide.md DESTINATION ${CMAKE_INSTALL_DATADIR}/sdstereo/guide)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images/ DESTINATION ${CMAKE_INSTALL_DATADIR}/sdstereo/guide/images
        FILES_MATCHING PATTERN "*.png")
get_property(_sds_qm_files GLOBAL PROPERTY SDS_UI_QM_FILES)
if(_sds_qm_files)
  install(FILES ${_sds_qm_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/sdstereo/translations)
endif()
