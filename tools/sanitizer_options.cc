// AddressSanitizer's defaults for parlsearch's sanitizer builds (PARLSEARCH_SANITIZE), compiled
// into the parlsearch binary and the test executables of those builds only.
//
// The new/delete size check is off: Xapian 1.4.22's Database::check, reading a damaged table,
// frees an object with a size other than the one it was allocated with, inside libxapian (no
// parlsearch frame involved), and `parlsearch check` on a damaged index is tested. Set here rather
// than in the tests' environment so that every run of these binaries, by ctest or by hand, agrees.

extern "C" const char* __asan_default_options() { return "new_delete_type_mismatch=0"; }
