// The system zstd library (libzstd-dev), for Anki's collection.anki21b packages.
#ifndef GLOSS_ZSTD_SHIM_H
#define GLOSS_ZSTD_SHIM_H

#include <zstd.h>

#endif
