// Must not compile: a model may not use presentation (compiled with the hub model's include path only).
#include "presentation/terminal_table.hpp"
