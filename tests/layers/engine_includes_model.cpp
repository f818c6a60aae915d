// Must not compile: the engine knows no model (compiled with the engine's include path only).
#include "models/hub/scenario.hpp"
