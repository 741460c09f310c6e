#pragma once
// Peak resident memory, for tests that bound what a hostile input can make a reader allocate.
// ctest runs every gtest case in its own process, so the process's peak is the test's.
#include <sys/resource.h>

// This process's peak RSS so far, in MiB.
inline long peakRssMiB() {
    struct rusage ru {};
    ::getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

// Whether this build runs under AddressSanitizer, whose shadow memory makes RSS bounds meaningless.
inline bool underSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#endif
#endif
    return false;
}
