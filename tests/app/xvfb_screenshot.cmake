# End to end under a real X server (xvfb-run): the studio opens the default model on a sample,
# prunes with EViT, saves a screenshot and quits with 0. The PNG must exist and not be blank
# (a window grab of a blank window compresses to a few kB; a real one is far larger).
# -DSTUDIO=<vitprune-studio> -DIMAGE=<png> -DOUT=<png>
file(REMOVE "${OUT}")
execute_process(
  COMMAND xvfb-run -a -s "-screen 0 1600x1100x24" "${STUDIO}" --model fashion-vit-tiny --image "${IMAGE}"
          --method evit --set keep=0.5 --screenshot "${OUT}" --quit-after-screenshot
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "vitprune-studio under xvfb-run exited with ${rc}\n${out}\n${err}")
endif()
if(NOT EXISTS "${OUT}")
  message(FATAL_ERROR "no screenshot at ${OUT}\n${err}")
endif()
file(SIZE "${OUT}" size)
if(size LESS 40000)
  message(FATAL_ERROR "${OUT} is only ${size} bytes: a blank window?")
endif()
file(READ "${OUT}" magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${OUT} is not a PNG (starts with ${magic})")
endif()
message(STATUS "xvfb screenshot ok: ${OUT} (${size} bytes)")
