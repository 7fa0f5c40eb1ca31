/* llmsize detect: the accelerators of this machine, read from the tools that report them
   (the library stays pure; this is the CLI's I/O). In order: nvidia-smi (its CSV query,
   else its XML), rocm-smi's JSON, Apple's sysctl and system_profiler, and for a machine with
   none of them /proc/meminfo. Each device is resolved to an llmsize accelerator by the name
   the tool prints and, where a part is sold in several sizes, the memory it reports. */
#define _POSIX_C_SOURCE 200809L
#include "detect.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A command's standard output (stderr discarded), NUL-terminated; NULL when it cannot run
   or exits non-zero. */
static char *run(const char *cmd) {
    char line[4096];
    char *out = NULL;
    size_t n = 0;
    FILE *p;
    int rc;
    char full[512];
    snprintf(full, sizeof full, "%s 2>/dev/null", cmd);
    if (!(p = popen(full, "r"))) return NULL;
    while (fgets(line, sizeof line, p)) {
        const size_t k = strlen(line);
        char *grown;
        if (n + k + 1 > (1u << 24)) break;   /* bounded: no tool prints 16 MiB for this */
        if (!(grown = (char *)realloc(out, n + k + 1))) break;
        out = grown;
        memcpy(out + n, line, k + 1);
        n += k;
    }
    rc = pclose(p);
    if (rc != 0 || !out) { free(out); return NULL; }
    return out;
}

static void trim(char *s) {
    size_t n = strlen(s), i = 0;
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    while (s[i] && isspace((unsigned char)s[i])) ++i;
    if (i) memmove(s, s + i, n - i + 1);
}

static void add(detected *d, const char *name, unsigned long long mem_mib) {
    int k;
    for (k = 0; k < d->kinds; ++k)   /* the same part again: one more of it */
        if (!strcmp(d->dev[k].name, name) && d->dev[k].mem_mib == mem_mib) { ++d->dev[k].count; return; }
    if (d->kinds >= DETECT_MAX) return;
    snprintf(d->dev[d->kinds].name, sizeof d->dev[0].name, "%s", name);
    d->dev[d->kinds].mem_mib = mem_mib;
    d->dev[d->kinds].count = 1;
    ++d->kinds;
}

/* "NAME, MEMORY[ MiB][, ...]" lines of nvidia-smi --query-gpu (a header line, if any, skipped). */
static int nvidia_csv(const char *text, detected *d) {
    const char *p = text;
    while (*p) {
        char line[512], *comma;
        const size_t n = strcspn(p, "\n");
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
        p += n + (p[n] == '\n');
        if (!(comma = strchr(line, ','))) continue;
        *comma = '\0';
        trim(line);
        if (!*line || !strcmp(line, "name") || !strncmp(line, "index", 5)) continue;
        if (isdigit((unsigned char)line[0]) && strchr(comma + 1, ',')) {   /* "index, name, memory" */
            char *name = comma + 1, *c2 = strchr(name, ',');
            *c2 = '\0';
            trim(name);
            add(d, name, strtoull(c2 + 1, NULL, 10));
            continue;
        }
        add(d, line, strtoull(comma + 1, NULL, 10));
    }
    return d->kinds;
}

/* nvidia-smi -q -x: each <gpu>'s <product_name> and its own <fb_memory_usage><total>
   (not those of its MIG devices, which come first in the block). */
static int nvidia_xml(const char *text, detected *d) {
    const char *g = text;
    while ((g = strstr(g, "<gpu ")) != NULL) {
        const char *end = strstr(g, "</gpu>"), *pn = strstr(g, "<product_name>"), *fb = g, *mig = strstr(g, "<mig_devices>");
        const char *mig_end = mig ? strstr(mig, "</mig_devices>") : NULL;
        char name[128] = "";
        unsigned long long mib = 0;
        if (!end) break;
        if (pn && pn < end) {
            const char *s = pn + 14, *e = strstr(s, "</product_name>");
            if (e && e < end) snprintf(name, sizeof name, "%.*s", (int)(e - s), s);
        }
        while ((fb = strstr(fb, "<fb_memory_usage>")) != NULL && fb < end) {
            if (mig && mig_end && fb > mig && fb < mig_end) { fb = mig_end; continue; }
            {
                const char *t = strstr(fb, "<total>");
                if (t && t < end) mib = strtoull(t + 7, NULL, 10);
            }
            break;
        }
        if (*name) add(d, name, mib);
        g = end;
    }
    return d->kinds;
}

/* rocm-smi --json: "cardN": { "Card Series"|"Card series": ..., "VRAM Total Memory (B)": ... }. */
static int rocm_json(const char *text, detected *d) {
    const char *c = text;
    while ((c = strstr(c, "\"card")) != NULL) {
        const char *open = strchr(c, '{'), *close = open ? strchr(open, '}') : NULL;
        char name[128] = "";
        unsigned long long bytes = 0;
        const char *k;
        if (!open || !close) break;
        for (k = open; k < close; ++k) {
            if (!strncmp(k, "\"Card Series\"", 13) || !strncmp(k, "\"Card series\"", 13)) {
                const char *v = strchr(k + 13, '"'), *e = v ? strchr(v + 1, '"') : NULL;
                if (v && e && e < close) snprintf(name, sizeof name, "%.*s", (int)(e - v - 1), v + 1);
            } else if (!strncmp(k, "\"VRAM Total Memory (B)\"", 23)) {
                const char *v = strchr(k + 23, '"');
                if (v && v < close) bytes = strtoull(v + 1, NULL, 10);
            }
        }
        if (*name && strncmp(name, "0x", 2)) add(d, name, bytes >> 20);   /* ROCm 4.3 printed a PCI id there */
        c = close;
    }
    return d->kinds;
}

int detect_accelerators(detected *d) {
    char *out;
    memset(d, 0, sizeof *d);
    if ((out = run("nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits")) != NULL) {
        if (nvidia_csv(out, d)) snprintf(d->source, sizeof d->source, "nvidia-smi");
        free(out);
    }
    if (!d->kinds && (out = run("nvidia-smi -q -x")) != NULL) {
        if (nvidia_xml(out, d)) snprintf(d->source, sizeof d->source, "nvidia-smi -q -x");
        free(out);
    }
    if (!d->kinds && (out = run("rocm-smi --showproductname --showmeminfo vram --json")) != NULL) {
        if (rocm_json(out, d)) snprintf(d->source, sizeof d->source, "rocm-smi");
        free(out);
    }
    if (!d->kinds && (out = run("sysctl -n machdep.cpu.brand_string")) != NULL) {
        char *mem = run("sysctl -n hw.memsize");
        trim(out);
        if (!strncmp(out, "Apple ", 6) && mem) {   /* Apple silicon: the GPU shares the chip's memory */
            add(d, out, strtoull(mem, NULL, 10) >> 20);
            d->unified = 1;
            snprintf(d->source, sizeof d->source, "sysctl");
        }
        free(mem);
        free(out);
    }
    if (!d->kinds) {   /* no accelerator tool answered: what memory the machine has */
        FILE *f = fopen("/proc/meminfo", "r");
        char line[256];
        while (f && fgets(line, sizeof line, f))
            if (!strncmp(line, "MemTotal:", 9)) d->host_mib = strtoull(line + 9, NULL, 10) / 1024;
        if (f) fclose(f);
    }
    return d->kinds;
}
