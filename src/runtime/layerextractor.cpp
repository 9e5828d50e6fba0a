// Placeholder until the extractor lands (see layerextractor.h).
#include "layerextractor.h"
