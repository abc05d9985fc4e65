# Layers that hold by construction. Each layer target gets an include root of its
# own: a folder in the build tree holding a link to the layer's source folder
# and nothing else. A target therefore sees its own headers and those of the
# layers it links, and no others:
#   core/base  <- models <- core/engine <- core/media (engine linked privately) <- ui <- app
# so a ui file that includes a core/engine header (or torch, whose include
# folders come only with the engine) does not compile. core/media's public
# headers are compiled once more on their own (sds_media_public_headers) with
# nothing but media's public interface, so a torch or engine include in one of
# them fails the build too; the few headers media shares with its own .cpp files
# and the CLI only live in core/media/internal/.

# sds_layer_root(target visibility folder...): `folder` is relative to the
# source root and keeps its path (#include "core/engine/x.h").
function(sds_layer_root target visibility)
  set(root ${PROJECT_BINARY_DIR}/layers/${target})
  foreach(folder ${ARGN})
    get_filename_component(parent ${root}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  endforeach()
  target_include_directories(${target} ${visibility} ${root})
endfunction()

# One translation unit that includes every public header of `folder` (all *.h
# but internal/), compiled with `target`'s public interface only.
function(sds_check_public_headers check_target target folder)
  file(GLOB headers CONFIGURE_DEPENDS RELATIVE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/${folder}/*.h)
  set(source ${PROJECT_BINARY_DIR}/layers/${check_target}.cpp)
  set(text "// Generated: every public header of ${folder}, with ${target}'s public interface only.\n")
  foreach(h ${headers})
    string(APPEND text "#include \"${h}\"\n")
  endforeach()
  file(CONFIGURE OUTPUT ${source} CONTENT "${text}")
  add_library(${check_target} OBJECT ${source})
  target_link_libraries(${check_target} PRIVATE ${target})
endfunction()
