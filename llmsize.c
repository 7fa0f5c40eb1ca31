#define LLMSIZE_IMPLEMENTATION
#include "llmsize.h"
