// Must not compile in any layer but presentation/ and app/: presentation is what a person reads, used by app/
// alone; no layer below it (engine, models, scenario, calibration, output, planning) may include it.
#include "presentation/terminal_table.hpp"
