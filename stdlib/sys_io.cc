// File: stdlib/sys_io.cc
//
// Thin C primitives for the standard library's Ruchy-written modules (stdlib/std), bound there
// through `extern "C"` blocks (docs/language.md, "C interop").
#include <cstdio>

extern "C" {

// Flushes every stdio output stream: what `println`/`print` buffered reaches its file descriptor
// before std::io writes to the same one directly (stdlib/std/io.ruchy).
void rt_stdio_flush(void) { std::fflush(nullptr); }

}  // extern "C"
