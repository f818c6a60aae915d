// Must compile: the control for the presentation probes — presentation sees its own headers and those of the
// layers it formats (planning, output).
#include "planning/comparison.hpp"
#include "presentation/terminal_table.hpp"
