# Installation: the parlsearch tool, the libraries with their public headers, a CMake package
# (find_package(parlsearch) gives parlsearch::searcher, parlsearch::indexer, ...), and the
# bundled corpus that the zero-configuration index is built from.
include(CMakePackageConfigHelpers)

set(PARLSEARCH_LIBRARIES
  parlsearch_stemming parlsearch_corpus parlsearch_schema parlsearch_indexer
  parlsearch_searcher parlsearch_web)
foreach(library ${PARLSEARCH_LIBRARIES})
  string(REPLACE "parlsearch_" "" name ${library})
  set_target_properties(${library} PROPERTIES EXPORT_NAME ${name})
endforeach()

install(TARGETS parlsearch RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${PARLSEARCH_LIBRARIES} EXPORT parlsearchTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
foreach(module stemming corpus indexer/schema indexer searcher web)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${module}/include/
          DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endforeach()

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/parlsearch)
install(EXPORT parlsearchTargets NAMESPACE parlsearch:: DESTINATION ${config_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/parlsearchConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/parlsearchConfig.cmake INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/parlsearchConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/parlsearchConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/parlsearchConfigVersion.cmake
        DESTINATION ${config_dir})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/corpus/samples ${PROJECT_SOURCE_DIR}/corpus/rosters
        DESTINATION ${CMAKE_INSTALL_DATADIR}/parlsearch)
