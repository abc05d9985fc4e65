# Desktop integration and data of sdstereo-studio, included from
# app/studio/CMakeLists.txt. Paths follow the FHS under CMAKE_INSTALL_PREFIX; the
# studio finds its sample at <bindir>/../share/sdstereo/sample and its
# translations at <bindir>/../share/sdstereo/translations (also embedded).
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
get_property(_sds_qm_files GLOBAL PROPERTY SDS_UI_QM_FILES)
if(_sds_qm_files)
  install(FILES ${_sds_qm_files} DESTINATION ${CMAKE_INSTALL_DATADIR}/sdstereo/translations)
endif()
