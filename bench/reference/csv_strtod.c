/* A plain C CSV loader, the reference for slope's CSV reader in bench/run: read the file,
 * skip the header, parse every cell with strtod into a row-major double array.
 * Build: gcc -O3 -march=native csv_strtod.c.  usage: csv_strtod FILE.csv
 * Prints {"seconds": ..., "rows": ..., "sum": ...} (reading and parsing, timed together). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: csv_strtod FILE.csv\n"); return 2; }
    double start = now();
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(size + 1);
    if (fread(buf, 1, size, f) != (size_t)size) return 2;
    buf[size] = 0;
    fclose(f);
    char *p = buf;
    long columns = 1;
    while (*p && *p != '\n') { if (*p == ',') columns++; p++; }
    if (*p) p++;
    size_t capacity = 1 << 20, count = 0;
    double *values = malloc(capacity * sizeof(double));
    while (*p) {
        char *end;
        double v = strtod(p, &end);
        if (end == p) { p++; continue; }
        if (count == capacity) { capacity *= 2; values = realloc(values, capacity * sizeof(double)); }
        values[count++] = v;
        p = end;
        if (*p == ',' || *p == '\n' || *p == '\r') p++;
    }
    double seconds = now() - start, sum = 0;
    for (size_t i = 0; i < count; i++) sum += values[i];
    printf("{\"seconds\": %.6f, \"rows\": %ld, \"sum\": %.17g}\n", seconds, (long)(count / columns), sum);
    return 0;
}
