# `cmake --install`: the library, its public headers, a CMake package (find_package(newsdesk)
# gives newsdesk::newsdesk), a pkg-config file, and the newsdesk program.
include(CMakePackageConfigHelpers)
set(newsdesk_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/newsdesk)

install(TARGETS newsdesk EXPORT newsdeskTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/newsdesk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT newsdeskTargets NAMESPACE newsdesk:: DESTINATION ${newsdesk_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/newsdeskConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/newsdeskConfig.cmake INSTALL_DESTINATION ${newsdesk_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/newsdeskConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/newsdeskConfig.cmake ${PROJECT_BINARY_DIR}/newsdeskConfigVersion.cmake
        DESTINATION ${newsdesk_cmake_dir})
# The .pc file finds its prefix from where it lies, so that an install moved or made with
# --prefix still works.
file(RELATIVE_PATH pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/newsdesk.pc.in ${PROJECT_BINARY_DIR}/newsdesk.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/newsdesk.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
install(TARGETS newsdesk_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
