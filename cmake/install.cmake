# What `cmake --install` puts in place: the headers, ctsql-check, the CMake package (one export set
# per backend, found as a component) and pkg-config modules. Included by the top-level
# CMakeLists.txt once the targets exist, when CTSQL_INSTALL is on (by default, when ctsql is the
# top-level project).

include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(CTSQL_PACKAGE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ctsql")
set(CTSQL_PKGCONFIG_DIR "${CMAKE_INSTALL_DATADIR}/pkgconfig")  # header-only: nothing is built per architecture

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
if(TARGET ctsql-check)
  install(TARGETS ctsql-check RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()

# The core, then each backend that was found, as ctsql::<name> in an export set of its own, so that
# a consumer's find_package loads a backend only with the client library it needs.
install(TARGETS ctsql EXPORT ctsql-targets)
install(EXPORT ctsql-targets NAMESPACE ctsql:: DESTINATION "${CTSQL_PACKAGE_DIR}")
foreach(backend sqlite postgres mysql any)
  if(TARGET ctsql_${backend})
    set_target_properties(ctsql_${backend} PROPERTIES EXPORT_NAME ${backend})
    install(TARGETS ctsql_${backend} EXPORT ctsql-${backend}-targets)
    install(EXPORT ctsql-${backend}-targets NAMESPACE ctsql:: DESTINATION "${CTSQL_PACKAGE_DIR}")
  endif()
endforeach()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ctsqlConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/ctsqlConfig.cmake" INSTALL_DESTINATION "${CTSQL_PACKAGE_DIR}")
# Before 1.0 a minor version may break the API.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ctsqlConfigVersion.cmake" COMPATIBILITY SameMinorVersion
                                 ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/ctsqlConfig.cmake" "${PROJECT_BINARY_DIR}/ctsqlConfigVersion.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/FindMySQLClient.cmake" "${PROJECT_SOURCE_DIR}/cmake/ctsql_embed_sql.cmake"
              "${PROJECT_SOURCE_DIR}/cmake/embed_sql_file.cmake"
        DESTINATION "${CTSQL_PACKAGE_DIR}")

foreach(module ctsql ctsql-sqlite ctsql-postgres ctsql-mysql)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/pkgconfig/${module}.pc.in" "${PROJECT_BINARY_DIR}/pkgconfig/${module}.pc"
                 @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/pkgconfig/${module}.pc" DESTINATION "${CTSQL_PKGCONFIG_DIR}")
endforeach()
