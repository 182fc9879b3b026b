/* The fused single-pass derivative history in plain C: the speed-of-light reference of
 * bench/run. For y = tanh(w.x + b) and MSE loss, every epoch records the loss and, for every
 * weight and the bias, d1, d2, d3, d2_tape, d3_tape (docs/method.md, "Derivatives, two conventions") in one pass over the
 * rows, then takes a full-batch gradient step (lr 0.01), as slope does. Restarts run in
 * parallel with OpenMP. Build: gcc -O3 -march=native -fopenmp history.c -lm
 *
 * usage: history DATA.bin EPOCHS RESTARTS [DUMP.bin]
 * DATA.bin: int64 N, int64 n, N*n features (row-major), N targets, n+1 initial parameters.
 * Prints {"seconds": ..., "final_loss": ...}; DUMP gets restart 0's history as slope-bench
 * writes it (int64 epochs, int64 p, then per epoch: loss, d1[p], d2[p], d3[p], d2t[p], d3t[p]).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: history DATA.bin EPOCHS RESTARTS [DUMP.bin]\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    int64_t hdr[2];
    if (fread(hdr, 8, 2, f) != 2) return 2;
    const long N = hdr[0], n = hdr[1], p = n + 1;
    const int epochs = atoi(argv[2]), restarts = atoi(argv[3]);
    double *x = malloc(sizeof(double) * N * n), *t = malloc(sizeof(double) * N), *theta0 = malloc(sizeof(double) * p);
    double *s = malloc(sizeof(double) * N);
    if (fread(x, 8, N * n, f) != (size_t)(N * n) || fread(t, 8, N, f) != (size_t)N || fread(theta0, 8, p, f) != (size_t)p) return 2;
    fclose(f);
    for (long k = 0; k < N; k++) { double a = 0; for (long i = 0; i < n; i++) a += x[k * n + i]; s[k] = a; }
    const long width = 1 + 5 * p;
    double *history = malloc(sizeof(double) * (size_t)restarts * epochs * width);

    double start = now();
    #pragma omp parallel for schedule(static)
    for (int r = 0; r < restarts; r++) {
        double *theta = malloc(sizeof(double) * p), *acc = malloc(sizeof(double) * width);
        memcpy(theta, theta0, sizeof(double) * p);
        for (int e = 0; e < epochs; e++) {
            memset(acc, 0, sizeof(double) * width);
            double *a1 = acc + 1, *a2 = a1 + p, *a3 = a2 + p, *a2t = a3 + p, *a3t = a2t + p;
            for (long k = 0; k < N; k++) {
                const double *row = x + k * n;
                double u = theta[n];
                for (long i = 0; i < n; i++) u += theta[i] * row[i];
                const double y = tanh(u), y1 = 1 - y * y, y2 = -2 * y * y1, y3 = -2 * (y1 * y1 + y * y2);
                const double res = y - t[k];
                const double g1 = 2 * res * y1, g2 = 2 * (y1 * y1 + res * y2), g3 = 2 * (3 * y1 * y2 + res * y3);
                const double c2t = g2 * s[k], c3t = g3 * s[k] * s[k];
                acc[0] += res * res;
                for (long i = 0; i < n; i++) {
                    const double xi = row[i], xi2 = xi * xi;
                    a1[i] += g1 * xi; a2[i] += g2 * xi2; a3[i] += g3 * xi2 * xi; a2t[i] += c2t * xi; a3t[i] += c3t * xi;
                }
                a1[n] += g1; a2[n] += g2; a3[n] += g3; a2t[n] += c2t; a3t[n] += c3t;
            }
            double *out = history + ((size_t)r * epochs + e) * width;
            for (long q = 0; q < width; q++) out[q] = acc[q] / N;
            for (long i = 0; i < p; i++) theta[i] -= 0.01 * out[1 + i];
        }
        free(theta); free(acc);
    }
    double seconds = now() - start;
    printf("{\"seconds\": %.6f, \"final_loss\": %.17g}\n", seconds, history[(size_t)(epochs - 1) * width]);
    if (argc > 4) {
        FILE *d = fopen(argv[4], "wb");
        int64_t h[2] = {epochs, p};
        fwrite(h, 8, 2, d);
        fwrite(history, 8, (size_t)epochs * width, d);
        fclose(d);
    }
    return 0;
}
