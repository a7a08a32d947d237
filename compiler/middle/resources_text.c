/* The resources section's values as the language writes them; see the header. */
#include "middle/resources_text.h"

const char *res_size_text(Arena *a, uint64_t bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    size_t u = 0;
    while (u + 1 < sizeof units / sizeof units[0] && bytes && bytes % 1024 == 0)
        bytes /= 1024, u++;
    return arena_printf(a, "%llu%s", (unsigned long long)bytes, units[u]);
}

const char *res_cpus_text(Arena *a, uint64_t milli)
{
    uint64_t frac = milli % 1000;
    if (!frac)
        return arena_printf(a, "%llu", (unsigned long long)(milli / 1000));
    int digits = frac % 100 == 0 ? 1 : frac % 10 == 0 ? 2 : 3;
    uint64_t shown = digits == 1 ? frac / 100 : digits == 2 ? frac / 10 : frac;
    return arena_printf(a, "%llu.%0*llu", (unsigned long long)(milli / 1000), digits, (unsigned long long)shown);
}

const char *res_rlimit_text(Arena *a, const RlimitPair *r)
{
    if (r->soft == r->hard)
        return arena_printf(a, "%llu", (unsigned long long)r->soft);
    return arena_printf(a, "%llu:%llu", (unsigned long long)r->soft, (unsigned long long)r->hard);
}
