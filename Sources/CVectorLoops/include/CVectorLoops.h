#ifndef SLOPE_CVECTORLOOPS_H
#define SLOPE_CVECTORLOOPS_H
/* The module's umbrella header: every public header of the target, so that adding one
   changes this file and rebuilds the module (an umbrella directory is not re-read). */
#include "block_sums.h"
#include "gaussian_rows.h"
#include "row_jets.h"
#include "vector_cpu.h"
#endif
