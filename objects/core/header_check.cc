#include "objects/core/core.h"
