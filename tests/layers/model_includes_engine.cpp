// Must compile: the control for the two probes beside it — a model sees its own headers and the engine's.
#include "models/hub/scenario.hpp"
#include "sim/time/units.hpp"
