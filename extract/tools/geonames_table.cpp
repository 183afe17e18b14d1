// Build-time generator: writes the places table that country extraction compiles in, from the
// GeoNames cities15000 dump that Debian's libgeonames ships (CC BY 4.0, geonames.org).
// Output lines: "Name<TAB>CC<TAB>population<TAB>city|state". Cities at or above the
// population threshold given on the command line; admin-1 names (states, provinces, regions)
// with the summed population of their listed cities. Only this program links libgeonames:
// the newsdesk library reads the generated table.
#include <geonames.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s MIN_POPULATION OUTPUT.tsv\n", argv[0]);
        return 2;
    }
    const long min_population = std::strtol(argv[1], nullptr, 10);
    std::FILE* out = std::fopen(argv[2], "w");
    if (out == nullptr) { perror(argv[2]); return 1; }
    GHashTable* states = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, nullptr);
    fprintf(out, "# Generated from GeoNames cities15000 (libgeonames, CC BY 4.0); do not edit.\n");
    const gint n = geonames_get_n_cities();
    for (gint i = 0; i < n; ++i) {
        GeonamesCity* city = geonames_get_city(i);
        const gchar* name = geonames_city_get_name(city);
        const gchar* state = geonames_city_get_state(city);
        const gchar* code = geonames_city_get_country_code(city);
        const guint population = geonames_city_get_population(city);
        if (code != nullptr && std::strlen(code) == 2) {
            if (name != nullptr && *name != '\0' && population >= static_cast<guint>(min_population))
                fprintf(out, "%s\t%s\t%u\tcity\n", name, code, population);
            if (state != nullptr && *state != '\0') {
                gchar* key = g_strdup_printf("%s\t%s", state, code);
                const guintptr sum = GPOINTER_TO_SIZE(g_hash_table_lookup(states, key)) + population;
                g_hash_table_replace(states, key, GSIZE_TO_POINTER(sum));
            }
        }
        geonames_city_free(city);
    }
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, states);
    while (g_hash_table_iter_next(&it, &key, &value))
        fprintf(out, "%s\t%zu\tstate\n", static_cast<const char*>(key), static_cast<std::size_t>(GPOINTER_TO_SIZE(value)));
    g_hash_table_destroy(states);
    return fclose(out) == 0 ? 0 : 1;
}
